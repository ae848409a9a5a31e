"""How impactgraph's cost grows with the size of a repository: generated repositories of N modules.

For each size (default 1k, 2k, 5k, 10k modules) a synthetic multi-package repository is written
into ``benchmarks/.cache/scale-N/`` (git-ignored) and committed, then each phase runs in a fresh
process, as a user runs ``impactgraph`` (interpreter start-up included):

* ``cold``: ``impactgraph index`` with an empty cache (the run that fills it);
* ``warm``: the same again, nothing changed;
* ``touched``: after appending a function to one module;
* ``impact first``: ``impactgraph impact --base HEAD`` after changing the signature of a
  function with many callers (the head revision's summaries are new);
* ``impact warm``: the same query again (everything cached).

The repository is realistic in shape, not in content: packages with sub-packages, modules that
import (``from x import y``, ``import x.y``, relative imports) from earlier modules, classes with
methods that inherit from imported classes, calls to imported functions and methods, and one
function (``core.api.fetch``) called from about a third of the modules, whose change is the one
the impact query looks at.

Prints a table and writes ``benchmarks/scale.png`` (matplotlib: ``pip install -e '.[bench]'``).

Usage::

    python benchmarks/scale.py [--sizes 1000,2000,5000,10000] [--jobs N] [--json FILE]
                               [--previous FILE]

``--previous FILE`` (a ``--json`` file of an earlier run) adds its sizes to the table and the
plot, so a large size can be measured on its own and plotted with the rest (``--sizes ""``
with ``--previous`` only prints and plots).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
PYTHON = sys.executable
MODULES_PER_PACKAGE = 40
HUB = "core/api.py"
HUB_SOURCE = "def fetch(key, default=None, *, timeout=10):\n    return key or default\n"
HUB_CHANGED = "def fetch(key, *, timeout=10):\n    return key\n"  # `default` removed: breaking
PHASES = ("cold", "warm", "touched", "impact first", "impact warm")


# -- the generator -----------------------------------------------------------------------------


def module_path(i: int) -> tuple[str, str]:
    """(path, dotted name) of generated module ``i``: ``appK/subJ/mI.py``."""
    package = i // MODULES_PER_PACKAGE
    top, sub = package // 5, package % 5
    return f"app{top}/sub{sub}/m{i}.py", f"app{top}.sub{sub}.m{i}"


def module_source(i: int, rng: random.Random) -> str:
    """Module ``i``: imports from up to three earlier modules, a class, functions, calls."""
    lines = ["import os", "from core import api", "from core.models import Base"]
    calls: list[str] = []
    base_class = "Base"
    if i > 0:
        for j in sorted({rng.randrange(0, i) for _ in range(rng.randint(1, 3))}):
            _, dotted = module_path(j)
            style = rng.random()
            if style < 0.5:
                lines.append(f"from {dotted} import func{j}, Model{j}")
                calls.append(f"func{j}(x)")
                calls.append(f"Model{j}().run(x)")
                base_class = f"Model{j}" if rng.random() < 0.3 else base_class
            elif style < 0.8:
                lines.append(f"import {dotted}")
                calls.append(f"{dotted}.func{j}(x)")
            elif module_path(j)[1].rsplit(".", 1)[0] == module_path(i)[1].rsplit(".", 1)[0]:
                lines.append(f"from .m{j} import helper{j}")  # a sibling: relative import
                calls.append(f"helper{j}(x)")
            else:
                lines.append(f"from {dotted} import helper{j} as h{j}")
                calls.append(f"h{j}(x)")
    if rng.random() < 0.35:  # about a third of the modules call the function that changes
        calls.append("api.fetch(x, None)" if rng.random() < 0.5 else "api.fetch(x, default=1)")
    body = "\n".join(f"    y = {call}" for call in calls) or "    y = x"
    return "\n".join([
        *lines,
        "",
        "",
        f"def helper{i}(x):",
        "    return os.path.join(str(x), 'a')",
        "",
        "",
        f"def func{i}(x):",
        body,
        f"    return helper{i}(y)",
        "",
        "",
        f"class Model{i}({base_class}):",
        "    limit = 3",
        "",
        "    def run(self, x):",
        f"        return func{i}(x) if self.check(x) else None",
        "",
        "    def check(self, x):",
        "        return x is not None",
        "",
    ])


def generate(root: Path, modules: int, seed: int = 1) -> None:
    """A git repository of ``modules`` modules (plus packages and ``core``) at ``root``."""
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)  # noqa: S311 - reproducible layout, not secrecy
    files = {
        "core/__init__.py": "",
        HUB: HUB_SOURCE,
        "core/models.py": "class Base:\n    def run(self, x):\n        return x\n",
    }
    for i in range(modules):
        path, _ = module_path(i)
        for depth in (1, 2):  # the package __init__.py files
            files.setdefault("/".join(path.split("/")[:depth]) + "/__init__.py", "")
        files[path] = module_source(i, rng)
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    git = ["git", "-c", "user.email=bench@example.com", "-c", "user.name=bench"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "."], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "generated"], cwd=root, check=True)


# -- the measurements --------------------------------------------------------------------------


def run(args: list[str], cwd: Path, ok: tuple[int, ...] = (0,)) -> float:
    started = time.perf_counter()
    done = subprocess.run([PYTHON, "-m", "impactgraph", *args], cwd=cwd, capture_output=True,
                          check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in ok:
        sys.exit(f"impactgraph {' '.join(args)} exited {done.returncode}: "
                 f"{done.stderr.decode(errors='replace')[-2000:]}")
    return seconds


def measure(root: Path, jobs: list[str]) -> dict[str, float]:
    subprocess.run([PYTHON, "-m", "impactgraph", "cache", "clear", str(root)],
                   capture_output=True, check=False)
    figures = {"cold": run(["index", ".", *jobs], root), "warm": run(["index", ".", *jobs], root)}
    touched = root / module_path(0)[0]
    with touched.open("a", encoding="utf-8") as stream:
        stream.write("\n\ndef added(x):\n    return x\n")
    figures["touched"] = run(["index", ".", *jobs], root)
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=root, check=True)
    (root / HUB).write_text(HUB_CHANGED, encoding="utf-8")
    query = ["impact", "--base", "HEAD", "--repo", ".", "--format", "json", *jobs]
    figures["impact first"] = run(query, root)
    figures["impact warm"] = run(query, root)
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=root, check=True)
    return figures


def table(results: dict[int, dict[str, float]]) -> str:
    lines = ["| modules | " + " | ".join(f"{p} s" for p in PHASES) + " |",
             "| ---: | " + " | ".join("---:" for _ in PHASES) + " |"]
    for size, figures in sorted(results.items()):
        lines.append(f"| {size} | " + " | ".join(f"{figures[p]:.2f}" for p in PHASES) + " |")
    return "\n".join(lines)


def plot(results: dict[int, dict[str, float]], target: Path, machine: str) -> bool:
    try:
        import matplotlib
    except ImportError:  # the figures are printed (and in --json); only the picture is missing
        print("no plot: matplotlib is not installed here (pip install -e '.[bench]'); "
              "draw it later with --sizes '' --previous FILE.json", file=sys.stderr)
        return False

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results)
    figure, axes = plt.subplots(figsize=(7, 4.5))
    for phase in PHASES:
        axes.plot(sizes, [results[s][phase] for s in sizes], marker="o", label=phase)
    axes.set_xlabel("modules in the repository")
    axes.set_ylabel("wall-clock seconds")
    axes.set_title(f"impactgraph on generated repositories ({machine})")
    axes.set_xticks(sizes)
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(target, dpi=110)
    plt.close(figure)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000",
                        help="module counts, separated by commas")
    parser.add_argument("--jobs", type=int, default=None, help="passed on as --jobs")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--png", type=Path, default=HERE / "scale.png", help="the plot")
    parser.add_argument("--previous", type=Path, default=None,
                        help="a --json file of an earlier run: its sizes are shown too")
    options = parser.parse_args()
    try:
        sizes = [int(size) for size in options.sizes.split(",") if size.strip()]
    except ValueError:
        sys.exit(f"--sizes: not numbers separated by commas: {options.sizes!r}")
    if (not sizes and options.previous is None) or (sizes and min(sizes) < 1):
        sys.exit("--sizes: at least one module count (or --previous), each at least 1")
    jobs = ["--jobs", str(options.jobs)] if options.jobs else []
    machine = f"{os.cpu_count()} cores"
    results: dict[int, dict[str, float]] = {}
    if options.previous is not None:
        earlier = json.loads(options.previous.read_text(encoding="utf-8"))
        results = {int(size): figures for size, figures in earlier["results"].items()}
    CACHE.mkdir(exist_ok=True)
    load_before = os.getloadavg()[0]
    for size in sizes:
        root = CACHE / f"scale-{size}"
        generate(root, size)
        results[size] = measure(root, jobs)
        print(f"{size} modules: " + ", ".join(f"{p} {results[size][p]:.2f} s" for p in PHASES),
              file=sys.stderr, flush=True)
    print(f"machine: {machine}; 1-minute load {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")
    print(table(results))
    if options.json is not None:
        options.json.write_text(json.dumps({"machine": machine, "results": results}, indent=2))
    if plot(results, options.png, machine):
        print(f"plot: {options.png}")


if __name__ == "__main__":
    main()
