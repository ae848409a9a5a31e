"""How fast impactgraph indexes a large code base: Django 5.2 (pinned), against pyan3.

Downloads the Django sdist once into ``benchmarks/.cache/`` (git-ignored), lays out its
``django/`` package as a git repository there, and measures, each phase in a fresh process
(``impactgraph`` as a user runs it, interpreter start-up included):

* cold index without a cache (``--no-cache``), and the first run that fills an empty cache;
* a warm run with nothing changed;
* a run after appending a function to one module (new facts: the tree is linked again), and
  one after adding a comment and a blank line to a function's body (the same facts: the
  stored graph is reused, its lines moved);
* an impact query (``impactgraph impact --base HEAD``) for a one-function change, with the
  cache warm, and one for the body edit above (the base's stored graph is reused for the
  head); and, to show what the cache makes of it, summaries + links of both revisions
  through the cache (``--phase both-revisions``);
* peak memory: the largest single process (``/usr/bin/time -v`` when installed, otherwise
  ``getrusage``) and the peak sum over the process tree (the workers included), sampled;
* pyan3 (``pip install pyan3``) on the same files, in the same run, as a ratio.

``--whole-tree`` indexes the whole sdist instead (``django/``, ``tests/``, ``docs/``,
``scripts/``: what a user running at the repository's root gets, about three times the
modules, thousands of test classes under a few ``TestCase`` bases): cold without a cache, a
warm run, then the one-function change and, on it, ``tests --base HEAD --format json`` twice
(the first links the head; the second finds both graphs stored) and ``impact`` once: the
test-suite-sized queries of a repository that keeps its tests beside its code.

Usage::

    python benchmarks/index_speed.py [--jobs N] [--skip-pyan3] [--whole-tree] [--json FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

DJANGO_VERSION = "5.2.8"
DJANGO_SHA256 = "23254866a5bb9a2cfa6004e8b809ec6246eba4b58a7589bc2772f1bcc8456c7f"
HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
REPO_ROOT = HERE.parent
PYTHON = sys.executable
TOUCHED = "django/utils/text.py"  # the module the "one file touched" phase appends to
CHANGED_FUNCTION = "def capfirst(x):"  # the function the impact query's change edits
TARGETS = {"cold": 15.0, "warm": 1.0, "touched": 2.0, "impact": 3.0, "rss_mb": 800.0}
PYAN3_TIMEOUT = 1800


# -- getting Django ---------------------------------------------------------------------------


def fetch_sdist() -> Path:
    """The pinned sdist, downloaded once (pip, else PyPI's JSON API) and checked by sha256."""
    CACHE.mkdir(exist_ok=True)
    target = CACHE / f"django-{DJANGO_VERSION}.tar.gz"
    if not target.exists():
        print(f"downloading Django {DJANGO_VERSION} ...", file=sys.stderr)
        downloaded = subprocess.run(
            [PYTHON, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
             f"django=={DJANGO_VERSION}", "-d", str(CACHE)],
            check=False,
        )
        if downloaded.returncode != 0 or not target.exists():
            _download_from_json_api(target)
    if hashlib.sha256(target.read_bytes()).hexdigest() != DJANGO_SHA256:
        target.unlink()
        raise SystemExit(f"{target.name} does not have the pinned sha256; deleted, run again")
    return target


def _download_from_json_api(target: Path) -> None:
    url = f"https://pypi.org/pypi/django/{DJANGO_VERSION}/json"
    with urllib.request.urlopen(url, timeout=60) as response:
        release = json.load(response)
    sdist = next(u for u in release["urls"] if u["packagetype"] == "sdist")
    with urllib.request.urlopen(sdist["url"], timeout=300) as response:
        data = response.read()
    partial = target.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(target)


def extract(sdist: Path) -> Path:
    folder = CACHE / f"django-{DJANGO_VERSION}"
    if not (folder / "django" / "__init__.py").exists():
        with tarfile.open(sdist) as archive:
            if hasattr(tarfile, "data_filter"):
                archive.extractall(CACHE, filter="data")
            else:  # pragma: no cover - Pythons before the extraction filters
                archive.extractall(CACHE)  # the archive's sha256 is pinned
    return folder


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


def make_repo(source: Path, whole_tree: bool = False) -> Path:
    """A fresh git repository holding Django's ``django/`` package (or, ``whole_tree``, the
    whole sdist), committed once."""
    repo = CACHE / "work" / ("django-tree" if whole_tree else "django")
    if repo.exists():
        shutil.rmtree(repo)
    if whole_tree:
        shutil.copytree(source, repo)
    else:
        repo.mkdir(parents=True)
        shutil.copytree(source / "django", repo / "django")
    # The copy's timestamps are "now": let them age past the racily-clean window of the
    # stat index, as a checkout's would have by the time someone runs the tool twice.
    old = time.time() - 3600
    for path in repo.rglob("*"):
        os.utime(path, (old, old))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
        "commit", "-q", "-m", "Django " + DJANGO_VERSION)
    return repo


# -- measuring --------------------------------------------------------------------------------


@dataclass
class Measurement:
    seconds: float
    exit_code: int
    max_rss_mb: float  # the largest single process
    tree_rss_mb: float  # the peak of the sum over the process tree (PSS: ``_memory``)
    cpu_seconds: float  # user + system, all processes of the tree (sampled)
    load: float  # the 1-minute load average when the phase ended (the machine is shared)
    stdout: str = field(repr=False, default="")
    stderr: str = field(repr=False, default="")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as stream:
                found.extend(int(p) for p in stream.read().split())
    except OSError:
        pass
    return found


def _memory(pid: int) -> int:
    """The memory process ``pid`` uses now, in bytes: its proportional set size (a page
    shared by n processes counts 1/n in each: a forked process shares its parent's pages
    until it writes to them, and its RSS would count them twice), its RSS where the kernel
    gives no PSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as stream:
            for line in stream:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    with open(f"/proc/{pid}/statm") as stream:
        return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _tree_sample(pid: int, cpu: dict[int, float]) -> int:
    """The memory the process tree under ``pid`` uses now (``_memory``); records each
    process's CPU seconds."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += _memory(current)
            with open(f"/proc/{current}/stat") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
            ticks = int(fields[11]) + int(fields[12])  # utime + stime
            cpu[current] = max(cpu.get(current, 0.0), ticks / os.sysconf("SC_CLK_TCK"))
        except (OSError, ValueError, IndexError):
            continue
        todo.extend(_children(current))
    return total


def measure(command: list[str], *, timeout: float | None = None, cwd: Path | None = None
            ) -> Measurement:
    """Run ``command``; wall time, exit code, the largest process's and the tree's peak RSS."""
    timed = Path("/usr/bin/time")
    report = CACHE / "time-v.txt"
    prefix = [str(timed), "-v", "-o", str(report)] if timed.exists() else []
    started = time.perf_counter()
    process = subprocess.Popen(
        [*prefix, *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd
    )
    peak = 0
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        # a process's PSS costs the kernel ~7 ms to add up for 500 MB (its RSS 0.02 ms):
        # read every 0.1 s, it took a fifth of a core from the run being measured
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_sample(process.pid, cpu))
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        stderr += f"\n(timed out after {timeout} s)"
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    max_rss = 0.0
    if prefix and report.exists():
        for line in report.read_text().splitlines():
            if "Maximum resident set size" in line:
                max_rss = int(line.rsplit(":", 1)[1]) / 1024
    else:
        import resource

        max_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    cpu.pop(process.pid, None)  # /usr/bin/time itself, when it wraps the command
    return Measurement(seconds, process.returncode, max_rss, peak / 2**20, sum(cpu.values()),
                       os.getloadavg()[0], stdout, stderr)


def impactgraph(*args: str) -> list[str]:
    # the impactgraph of the interpreter running this script, not a checkout in the current
    # folder (``-m`` puts it first on the path): a compiled build run from the repository's
    # root measured the pure-Python source beside it
    return [PYTHON, "-P", "-m", "impactgraph", *args] if sys.version_info >= (3, 11) \
        else [PYTHON, "-m", "impactgraph", *args]


def check(name: str, result: Measurement) -> Measurement:
    if result.exit_code not in (0, 1):
        tail = "\n".join(result.stderr.strip().splitlines()[-5:])
        raise SystemExit(f"{name} failed with exit code {result.exit_code}:\n{tail}")
    return result


# -- phases -----------------------------------------------------------------------------------


def append_function(repo: Path) -> None:
    with (repo / TOUCHED).open("a") as stream:
        stream.write("\n\ndef added_by_the_benchmark(value):\n    return capfirst(value)\n")


def move_lines(repo: Path) -> None:
    """A comment and a blank line at the top of ``capfirst``'s body: every later line of the
    module moves, and the module provides the linker the same facts (``linker.reuse``)."""
    path = repo / TOUCHED
    text = path.read_text()
    if CHANGED_FUNCTION not in text:
        raise SystemExit(f"{CHANGED_FUNCTION!r} is not in {TOUCHED} any more")
    path.write_text(text.replace(CHANGED_FUNCTION + "\n",
                                 CHANGED_FUNCTION + "\n    # edited by the benchmark\n\n", 1))


def change_one_function(repo: Path) -> None:
    """Give ``capfirst`` a new required parameter: a breaking change with many callers."""
    path = repo / TOUCHED
    text = path.read_text()
    if CHANGED_FUNCTION not in text:
        raise SystemExit(f"{CHANGED_FUNCTION!r} is not in {TOUCHED} any more")
    path.write_text(text.replace(CHANGED_FUNCTION, "def capfirst(x, locale):", 1))


def both_revisions(repo: Path, jobs: int | None) -> dict[str, object]:
    """Summaries of HEAD (by git blob id) and of the working tree, through the cache; link both.

    What an impact query costs once its indexing goes through the cache; run in a subprocess.
    """
    sys.path.insert(0, str(REPO_ROOT))
    from impactgraph.adapters.cache import SummaryCache, stat_files
    from impactgraph.adapters.fs import iter_python_files, read_source
    from impactgraph.adapters.git import blob_id
    from impactgraph.app.indexing import summarize_files
    from impactgraph.app.session import Session
    from impactgraph.config import load_config
    from impactgraph.discovery import discover
    from impactgraph.linker import link

    started = time.perf_counter()
    config = load_config(repo)
    base_ids: dict[str, str] = {}
    for line in git(repo, "ls-tree", "-r", "-z", "HEAD").split("\0"):
        if line:
            meta, path = line.split("\t", 1)
            base_ids[path] = meta.split()[2]
    base_files = discover(base_ids, config.source_roots, config.exclude)
    head_files = discover(iter_python_files(repo), config.source_roots, config.exclude)

    def read_base(path: str) -> bytes:
        return subprocess.run(["git", "-C", str(repo), "cat-file", "blob", base_ids[path]],
                              check=True, capture_output=True).stdout

    timings: dict[str, object] = {}
    with SummaryCache.open(repo) as cache:
        session = Session(cache, jobs)
        base, _ = summarize_files(base_files, read_base, content_ids=base_ids, session=session)
        timings["base_summaries"] = round(time.perf_counter() - started, 2)
        stats = stat_files(repo, [f.path for f in head_files])
        known = cache.known_content_ids(stats)
        head, _ = summarize_files(
            head_files, lambda p: read_source(repo, p), content_ids=known, session=session
        )
        timings["head_summaries"] = round(time.perf_counter() - started, 2)
        timings["hits"], timings["misses"] = cache.stats.hits, cache.stats.misses
    mark = time.perf_counter()
    link(base)
    timings["link_base"] = round(time.perf_counter() - mark, 2)
    mark = time.perf_counter()
    link(head)
    timings["link_head"] = round(time.perf_counter() - mark, 2)
    timings["total"] = round(time.perf_counter() - started, 2)
    timings["changed_files"] = sum(
        1 for f in head_files if blob_id(read_source(repo, f.path)) != base_ids.get(f.path)
    )
    return timings


def pyan3_command(files: list[str]) -> list[str] | None:
    executable = shutil.which("pyan3") or str(Path(PYTHON).with_name("pyan3"))
    if not Path(executable).exists():
        return None
    return [executable, *files, "--root", ".", "--uses", "--no-defines", "--text",
            "--file", str(CACHE / "pyan3-output.txt")]


# -- main -------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=None, help="worker processes [CPU count]")
    parser.add_argument("--skip-pyan3", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--whole-tree", action="store_true",
                        help="index the whole sdist, tests included (cold and warm only)")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--repo", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.phase == "both-revisions":
        print(json.dumps(both_revisions(options.repo, options.jobs)))
        return

    sys.path.insert(0, str(REPO_ROOT))
    from impactgraph.adapters.fs import iter_python_files, read_source
    from impactgraph.discovery import discover

    repo = make_repo(extract(fetch_sdist()), options.whole_tree)
    files = [f.path for f in discover(iter_python_files(repo))]
    lines = sum(read_source(repo, p).count(b"\n") for p in files)
    every_py = sum(1 for _ in iter_python_files(repo))
    jobs = ["--jobs", str(options.jobs)] if options.jobs else []
    figures: dict[str, object] = {
        "django": DJANGO_VERSION, "files": len(files), "python_files": every_py, "lines": lines,
        "cpus": os.cpu_count(), "jobs": options.jobs or os.cpu_count(),
        "python": sys.version.split()[0], "whole_tree": options.whole_tree,
    }
    print(f"Django {DJANGO_VERSION}{' (whole sdist)' if options.whole_tree else ''}: "
          f"{len(files)} modules indexed ({every_py} .py files), "
          f"{lines:,} lines; {os.cpu_count()} CPUs", flush=True)

    phases: dict[str, Measurement] = {}

    def run(name: str, command: list[str], **kwargs: object) -> Measurement:
        result = check(name, measure(command, **kwargs))  # type: ignore[arg-type]
        phases[name] = result
        print(f"  {name:<36} {result.seconds:6.2f} s  (CPU {result.cpu_seconds:6.2f} s)   "
              f"RSS: largest process {result.max_rss_mb:4.0f} MB, "
              f"all (PSS) {result.tree_rss_mb:4.0f} MB"
              f"   load {result.load:.1f}", flush=True)
        return result

    subprocess.run(impactgraph("cache", "clear", str(repo)), check=True, capture_output=True)
    cold = run("cold, no cache", impactgraph("index", str(repo), "--no-cache", *jobs,
                                             "--format", "json"))
    if options.whole_tree:
        run("first run, empty cache", impactgraph("index", str(repo), *jobs))
        run("warm, nothing changed", impactgraph("index", str(repo), *jobs))
        figures["counts"] = json.loads(cold.stdout)
        change_one_function(repo)
        query = ("--repo", str(repo), "--base", "HEAD", "--format", "json")
        run("tests, one function changed", impactgraph("tests", *query))
        again = run("tests again, both graphs stored", impactgraph("tests", *query))
        selected = json.loads(again.stdout)
        figures["tests_selected"] = {"files": len(selected["tests"]), "all": selected["all"]}
        print(f"  tests selected: {len(selected['tests'])} files"
              f"{' (all)' if selected['all'] else ''}", flush=True)
        run("impact, both graphs stored",
            impactgraph("impact", *query, "-o", str(CACHE / "impact-tree.json")))
        git(repo, "checkout", "-q", "--", ".")
        figures["phases"] = {
            name: {k: round(v, 2) if isinstance(v, float) else v
                   for k, v in asdict(m).items() if k not in ("stdout", "stderr")}
            for name, m in phases.items()
        }
        peak = max(m.tree_rss_mb for m in phases.values())
        print(f"peak RSS {peak:.0f} MB (target <= {TARGETS['rss_mb']:g} MB)")
        if options.json:
            options.json.write_text(json.dumps(figures, indent=2) + "\n")
        return
    run("cold, no cache, --jobs 1", impactgraph("index", str(repo), "--no-cache", "--jobs", "1",
                                               "--format", "json"))
    run("first run, empty cache", impactgraph("index", str(repo), *jobs, "--format", "json"))
    warm = run("warm, nothing changed", impactgraph("index", str(repo), *jobs, "--format",
                                                    "json"))
    append_function(repo)
    touched = run("one file touched", impactgraph("index", str(repo), *jobs, "--format",
                                                  "json"))
    figures["counts"] = json.loads(cold.stdout)
    figures["warm_counts"] = json.loads(warm.stdout)
    figures["touched_counts"] = json.loads(touched.stdout)

    git(repo, "checkout", "-q", "--", ".")
    run("index after reset (warms the cache)", impactgraph("index", str(repo), *jobs))
    move_lines(repo)
    moved = run("one file edited, same facts", impactgraph("index", str(repo), *jobs,
                                                           "--format", "json"))
    figures["moved_counts"] = json.loads(moved.stdout)
    git(repo, "checkout", "-q", "--", ".")
    run("index after reset again", impactgraph("index", str(repo), *jobs))
    move_lines(repo)
    run("impact query, body edited, same facts",
        impactgraph("impact", "--repo", str(repo), "--base", "HEAD", "--format", "json",
                    "-o", str(CACHE / "impact-moved.json")))
    git(repo, "checkout", "-q", "--", ".")
    change_one_function(repo)
    help_text = subprocess.run(impactgraph("impact", "--help"), capture_output=True,
                               text=True).stdout
    figures["impact_uses_cache"] = "--no-cache" in help_text
    run("impact query, one function changed",
        impactgraph("impact", "--repo", str(repo), "--base", "HEAD", "--format", "json",
                    "-o", str(CACHE / "impact.json")))
    report = json.loads((CACHE / "impact.json").read_text())
    figures["impact_report"] = {"changes": len(report.get("changes", [])),
                                "affected": len(report.get("affected", [])),
                                "seconds_inside": report.get("stats", {}).get("seconds")}
    both = run("both revisions through the cache",
               [PYTHON, __file__, "--phase", "both-revisions", "--repo", str(repo),
                *(["--jobs", str(options.jobs)] if options.jobs else [])])
    figures["both_revisions"] = json.loads(both.stdout)
    git(repo, "checkout", "-q", "--", ".")

    if not options.skip_pyan3:
        command = pyan3_command(files)
        if command is None:
            print("  pyan3: not installed (pip install pyan3); skipped")
        else:
            result = measure(command, timeout=PYAN3_TIMEOUT, cwd=repo)
            phases["pyan3, same files"] = result
            outcome = "ok" if result.exit_code == 0 else f"FAILED (exit {result.exit_code})"
            print(f"  {'pyan3, same files':<36} {result.seconds:6.2f} s  (CPU "
                  f"{result.cpu_seconds:6.2f} s)   RSS: largest process {result.max_rss_mb:4.0f} MB"
                  f"   load {result.load:.1f}   {outcome}", flush=True)
            if result.exit_code != 0:
                figures["pyan3_error"] = result.stderr.strip().splitlines()[-1:]
            figures["pyan3_vs_cold"] = round(result.seconds / cold.seconds, 2)
            print(f"  pyan3 / cold index: {figures['pyan3_vs_cold']}x")

    figures["phases"] = {
        name: {k: round(v, 2) if isinstance(v, float) else v
               for k, v in asdict(m).items() if k not in ("stdout", "stderr")}
        for name, m in phases.items()
    }
    peak = max(m.tree_rss_mb for n, m in phases.items() if not n.startswith("pyan3"))
    verdicts = {
        "cold": phases["cold, no cache"].seconds <= TARGETS["cold"],
        "warm": phases["warm, nothing changed"].seconds <= TARGETS["warm"],
        "touched": phases["one file touched"].seconds <= TARGETS["touched"],
        "impact": phases["impact query, one function changed"].seconds <= TARGETS["impact"],
        "rss_mb": peak <= TARGETS["rss_mb"],
    }
    figures["targets"] = {k: {"target": TARGETS[k], "met": v} for k, v in verdicts.items()}
    print("targets: " + ", ".join(f"{k} <= {TARGETS[k]:g} {'met' if v else 'MISSED'}"
                                  for k, v in verdicts.items()))
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
