"""Our diff engine against ``griffe check`` on real releases of pure-Python packages.

For each release pair the wheels are downloaded (``pip download --no-deps``) into
``benchmarks/.cache/``, unpacked into a two-commit git repository (tags ``old`` and ``new``),
and both tools compare the two tags:

* ours: ``impactgraph.app.changes.compute_changes`` (and the ``impactgraph changes`` command),
* griffe: ``griffe.find_breaking_changes`` on ``griffe.load_git`` of both tags (and the
  ``griffe check`` command).

For every pair it prints griffe's breakages, ours, which of griffe's we do not report (matched
by object path and, for parameters, parameter name), what we report that griffe does not
(counts by kind), and the wall-clock time of both command-line tools (best of ``--repeat``).

griffe is a benchmark-only dependency: ``pip install -e '.[bench]'``.

Usage::

    python benchmarks/api_diff.py                    # every pair
    python benchmarks/api_diff.py requests jinja2    # some pairs
    python benchmarks/api_diff.py --details          # list every change of both tools
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Pair:
    name: str  # distribution name
    old: str
    new: str
    packages: tuple[str, ...]  # top-level import packages to compare


PAIRS = (
    Pair("requests", "2.31.0", "2.32.3", ("requests",)),
    Pair("jinja2", "3.0.3", "3.1.4", ("jinja2",)),
    Pair("attrs", "22.2.0", "23.1.0", ("attr", "attrs")),
    Pair("marshmallow", "3.19.0", "3.21.0", ("marshmallow",)),
    Pair("starlette", "0.36.0", "0.37.0", ("starlette",)),
    Pair("httpx", "0.27.2", "0.28.1", ("httpx",)),
    Pair("flask", "3.0.3", "3.1.0", ("flask",)),
)

# griffe's breakage kinds -> the kinds of ours that report the same fact.
EQUIVALENT = {
    "PARAMETER_MOVED": {"parameter-moved", "parameter-removed", "parameter-renamed",
                        "parameter-kind-changed", "parameter-added"},
    "PARAMETER_REMOVED": {"parameter-removed", "parameter-renamed"},
    "PARAMETER_CHANGED_KIND": {"parameter-kind-changed"},
    "PARAMETER_CHANGED_DEFAULT": {"parameter-default-changed"},
    "PARAMETER_CHANGED_REQUIRED": {"parameter-now-required"},
    "PARAMETER_ADDED_REQUIRED": {"parameter-added"},
    "RETURN_CHANGED_TYPE": {"return-annotation-changed"},
    "OBJECT_REMOVED": {"symbol-removed", "export-removed", "module-removed", "module-renamed"},
    "OBJECT_CHANGED_KIND": {"decorator-changed", "body-changed", "symbol-removed"},
    "ATTRIBUTE_CHANGED_TYPE": {"body-changed"},
    "ATTRIBUTE_CHANGED_VALUE": {"body-changed"},
    "CLASS_REMOVED_BASE": {"base-removed"},
}


# -- preparing the repositories ----------------------------------------------------------------
def wheel(name: str, version: str) -> Path:
    target = CACHE / "wheels"
    target.mkdir(parents=True, exist_ok=True)
    stem = name.lower().replace("-", "_")
    for found in target.glob("*.whl"):
        if found.name.lower().startswith(f"{stem}-{version}-"):
            return found
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "-d", str(target), f"{name}=={version}"],
        check=True,
    )
    return wheel(name, version)


def unpack(wheel_path: Path, packages: Iterable[str], into: Path) -> None:
    with zipfile.ZipFile(wheel_path) as archive:
        for member in archive.namelist():
            top = member.split("/", 1)[0]
            if top in packages and not member.endswith("/"):
                destination = into / member
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(archive.read(member))


def git(root: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
         "-c", "commit.gpgsign=false", *args],
        cwd=root, capture_output=True, text=True, check=True,
    )
    return completed.stdout


def build_repo(pair: Pair) -> Path:
    root = CACHE / "repos" / f"{pair.name}-{pair.old}-{pair.new}"
    if (root / ".git").is_dir() and "new" in git(root, "tag").split():
        return root
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    git(root, "init", "-q")
    for tag, version in (("old", pair.old), ("new", pair.new)):
        for package in pair.packages:
            shutil.rmtree(root / package, ignore_errors=True)
        unpack(wheel(pair.name, version), pair.packages, root)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"{pair.name} {version}")
        git(root, "tag", tag)
    return root


# -- running the tools -------------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    path: str  # dotted object path
    kind: str
    breaking: bool
    parameter: str  # parameter name for parameter kinds, else ""
    text: str


def ours(root: Path) -> list[Finding]:
    from impactgraph.adapters.git import GitRepo
    from impactgraph.app.changes import compute_changes
    from impactgraph.config import Config

    result = compute_changes(GitRepo(root), "old", "new", Config(), api_only=True)
    findings = []
    for change in result.changes.changes:
        module, _, qualname = change.symbol.partition(":")
        dotted = f"{module}.{qualname}" if qualname else module
        parameter = ""
        if change.kind.value.startswith("parameter-"):
            parameter = change.detail.split(" ", 1)[0].split("->", 1)[0].lstrip("*")
        text = f"{change.symbol} {change.kind.value} {change.detail}".strip()
        findings.append(Finding(dotted, change.kind.value, change.breaking, parameter, text))
    return findings


def griffe_breakages(root: Path, packages: Iterable[str]) -> list[Finding]:
    import griffe

    findings = []
    for package in packages:
        old = griffe.load_git(package, ref="old", repo=root, search_paths=["."])
        new = griffe.load_git(package, ref="new", repo=root, search_paths=["."])
        for breakage in griffe.find_breaking_changes(old, new):
            parameter = ""
            value = breakage.old_value if breakage.old_value is not None else breakage.new_value
            if breakage.kind.name.startswith("PARAMETER") and hasattr(value, "name"):
                parameter = value.name
            findings.append(Finding(breakage.obj.path, breakage.kind.name, True, parameter,
                                    breakage.explain()))
    return findings


def command_seconds(command: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU (user + system, children included) seconds of a command.

    CPU time is reported too because wall-clock time on a shared machine swings with its load.
    """
    best_wall = best_cpu = float("inf")
    # Both tools as installed, with their bytecode: where PYTHONDONTWRITEBYTECODE is set, our
    # editable checkout (griffe's wheel has its .pyc files) would compile ~60 modules anew in
    # every run, about 0.1 s of start-up that no installed copy pays.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=env)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


def engine_seconds(root: Path, packages: Iterable[str], repeat: int) -> tuple[float, float]:
    """In-process time of both engines alone (no interpreter start, no command-line imports):
    ours = ``compute_changes``, griffe = ``load_git`` of both tags + ``find_breaking_changes``.
    Each is run once before timing, so one-time set-up (astroid's builtins) is not counted."""
    import griffe

    from impactgraph.adapters.git import GitRepo
    from impactgraph.app.changes import compute_changes
    from impactgraph.config import Config

    def run_ours() -> None:
        compute_changes(GitRepo(root), "old", "new", Config(), api_only=True)

    def run_griffe() -> None:
        for package in packages:
            old = griffe.load_git(package, ref="old", repo=root, search_paths=["."])
            new = griffe.load_git(package, ref="new", repo=root, search_paths=["."])
            list(griffe.find_breaking_changes(old, new))

    results = []
    for run in (run_ours, run_griffe):
        run()
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - started)
        results.append(best)
    return results[0], results[1]


def covered(breakage: Finding, ours_found: list[Finding], aliases: dict[str, str]) -> bool:
    """Do we report the fact griffe reports (same object, same parameter, a matching kind)?"""
    kinds = EQUIVALENT.get(breakage.kind, set())
    paths = {breakage.path, aliases.get(breakage.path, breakage.path)}
    for finding in ours_found:
        if finding.kind not in kinds:
            continue
        if finding.path not in paths and not any(
            p.startswith(finding.path + ".") for p in paths  # a removed class/module covers members
        ):
            continue
        if breakage.parameter and finding.parameter and breakage.parameter != finding.parameter:
            continue
        return True
    return False


def alias_targets(root: Path, packages: Iterable[str]) -> dict[str, str]:
    """griffe reports re-exported objects by their public path; map it to where they live."""
    import griffe

    targets: dict[str, str] = {}

    def walk(obj: Any, depth: int = 0) -> None:
        if depth > 6:
            return
        for member in obj.members.values():
            if member.is_alias:
                try:
                    targets[member.path] = member.target_path
                except Exception:  # noqa: S112 - an alias we cannot follow: keep its own path
                    continue
            elif member.is_module or member.is_class:
                walk(member, depth + 1)

    for ref in ("old", "new"):
        for package in packages:
            walk(griffe.load_git(package, ref=ref, repo=root, search_paths=["."]))
    return targets


def compare(pair: Pair, repeat: int, details: bool) -> dict[str, Any]:
    root = build_repo(pair)
    theirs = griffe_breakages(root, pair.packages)
    mine = ours(root)
    aliases = alias_targets(root, pair.packages)
    missed = [b for b in theirs if not covered(b, mine, aliases)]
    ours_command = [str(BIN / "impactgraph"), "changes", "--base", "old", "--head", "new",
                    "--format", "json"]
    ours_wall, ours_cpu = command_seconds([*ours_command, "--no-cache"], root, repeat)
    shutil.rmtree(root / ".impactgraph", ignore_errors=True)
    subprocess.run(ours_command, cwd=root, capture_output=True, check=False)  # fills the cache
    warm_wall, _ = command_seconds(ours_command, root, repeat)
    griffe_wall = griffe_cpu = 0.0
    for package in pair.packages:
        wall, cpu = command_seconds(
            [str(BIN / "griffe"), "check", package, "-a", "old", "-b", "new", "-s", ".",
             "-f", "oneline"], root, repeat)
        griffe_wall, griffe_cpu = griffe_wall + wall, griffe_cpu + cpu
    ours_engine, griffe_engine = engine_seconds(root, pair.packages, repeat)
    breaking = [f for f in mine if f.breaking]
    print(f"\n== {pair.name} {pair.old} -> {pair.new}")
    print(f"griffe breakages: {len(theirs)}   ours: {len(mine)} changes, {len(breaking)} breaking")
    print(f"griffe kinds: {dict(Counter(b.kind for b in theirs))}")
    print(f"our kinds:    {dict(Counter(f.kind for f in mine))}")
    print(f"griffe's we miss: {len(missed)}")
    for breakage in missed:
        print(f"  MISSED {breakage.kind} {breakage.path} ({breakage.parameter}): {breakage.text}")
    if details:
        print("griffe:")
        for breakage in theirs:
            print(f"  {breakage.kind} {breakage.path}: {breakage.text}")
        print("ours:")
        for finding in mine:
            print(f"  {'BREAKING' if finding.breaking else 'ok      '} {finding.text}")
    print(f"command wall: ours {ours_wall:.2f}s (cached: {warm_wall:.2f}s), "
          f"griffe {griffe_wall:.2f}s; "
          f"command CPU: ours {ours_cpu:.2f}s, griffe {griffe_cpu:.2f}s; "
          f"engine in-process: ours {ours_engine:.2f}s, griffe {griffe_engine:.2f}s "
          f"(best of {repeat})")
    return {
        "pair": f"{pair.name} {pair.old}->{pair.new}",
        "griffe": len(theirs),
        "ours": len(mine),
        "ours_breaking": len(breaking),
        "missed": len(missed),
        "times": (ours_wall, griffe_wall, ours_cpu, griffe_cpu, ours_engine, griffe_engine,
                  warm_wall),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("pairs", nargs="*", help="distribution names (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per tool")
    parser.add_argument("--details", action="store_true", help="print every finding")
    args = parser.parse_args(argv)
    chosen = [p for p in PAIRS if not args.pairs or p.name in args.pairs]
    rows = [compare(pair, args.repeat, args.details) for pair in chosen]
    print("\n| pair | griffe breakages | ours: changes (breaking) | griffe's we miss "
          "| command wall s, ours / griffe | command CPU s, ours / griffe "
          "| engine s, ours / griffe | ours cached, wall s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        ow, gw, oc, gc, oe, ge, ww = row["times"]
        print(f"| {row['pair']} | {row['griffe']} | {row['ours']} ({row['ours_breaking']}) | "
              f"{row['missed']} | {ow:.2f} / {gw:.2f} | {oc:.2f} / {gc:.2f} | "
              f"{oe:.2f} / {ge:.2f} | {ww:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
