"""``impactgraph tests`` on a monorepo whose packages depend on each other.

``test_selection.py`` measures one library at a time; a change there can only fail its own
suite. Here the five libraries' sdists go into ONE git repository laid out as a monorepo::

    pyproject.toml                       # the workspace and the one pytest configuration
    packages/markupsafe/{setup.cfg,setup.py,src/markupsafe,tests}
    packages/itsdangerous/{pyproject.toml,src/itsdangerous,tests}
    packages/click/...   packages/jinja2/...   packages/flask/...

(each package keeps its own packaging files, ``tests/`` and ``conftest.py``; ``docs``,
``examples`` and per-package pytest settings are left out: a monorepo configures pytest once, at
its root). Every package is installed editable into one virtual environment, so flask's tests
run the monorepo's jinja2, markupsafe, itsdangerous and click. The root configuration is what
such a monorepo needs to run every suite from its root: ``--import-mode=importlib`` (several
packages have test files of the same name, ``test_basic.py``, ``test_utils.py``, ...) and each
``tests`` folder on ``pythonpath`` (suites import their own helpers: ``test_itsdangerous``,
``res``). There is no ``[tool.impactgraph]`` section: source roots are found as a user expects.

Mutations (the kinds of ``selection_mutations.py``) go into the LOWER packages (markupsafe,
itsdangerous, click, jinja2: flask depends on all four, jinja2 on markupsafe), and the ground
truth is every package's suite, run from the root (``pytest -q -p no:cacheprovider``, the root
``testpaths``), so a markupsafe change that fails flask's tests counts. The selection is
``impactgraph tests --base HEAD --format json`` run from the root; its paths are also given to
``pytest --collect-only`` from the root, which must take them all (``pytest $(impactgraph
tests ...)``).

Usage::

    python benchmarks/monorepo_selection.py                       # 8 mutations per package
    python benchmarks/monorepo_selection.py --seed heldout-1 --json mono.json
    python benchmarks/monorepo_selection.py --truth mono.json     # re-run only the selection
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import test_selection as ts  # noqa: E402

# The packages, lowest first; flask is the top: it is not mutated, its suite is the one that
# sees the others' changes.
PACKAGES = ("markupsafe", "itsdangerous", "click", "jinja2", "flask")
MUTATED = PACKAGES[:-1]
REPO = (ts.CACHE / "repos" / "monorepo-pallets").resolve()  # editable installs point here
VENV = (ts.CACHE / "venvs" / "monorepo-pallets").resolve()
# What the suites need besides the packages themselves (werkzeug is not in the monorepo).
THIRD_PARTY = (ts.PYTEST, "freezegun==1.4.0", "werkzeug==3.0.3", "blinker==1.8.2",
               "asgiref==3.8.1", "python-dotenv==1.0.1")
LEFT_OUT = ("docs", "examples", "artwork", "tox.ini", "PKG-INFO")
# pytest settings of a package's own file: pytest would take that file as the configuration
# (and the package folder as rootdir) for any run given only that package's paths.
PYTEST_SECTIONS = {"pyproject.toml": "[tool.pytest.ini_options]", "setup.cfg": "[tool:pytest]"}


def root_pyproject() -> str:
    folders = ", ".join(f'"packages/{name}/tests"' for name in PACKAGES)
    return f"""\
# A monorepo of the Pallets libraries, assembled by benchmarks/monorepo_selection.py.
[tool.uv.workspace]
members = ["packages/*"]

[tool.pytest.ini_options]
testpaths = [{folders}]
pythonpath = [{folders}]
addopts = ["--import-mode=importlib"]
filterwarnings = ["error"]
"""


def without_section(text: str, header: str) -> str:
    """``text`` (TOML or INI) without the section ``header`` and its lines."""
    kept: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        if re.match(r"\s*\[", line):
            skipping = line.strip() == header
        if not skipping:
            kept.append(line)
    return "".join(kept)


def monorepo() -> Path:
    """The monorepo, built once (one commit), its working tree reset."""
    if not (REPO / ".git").is_dir():
        shutil.rmtree(REPO, ignore_errors=True)
        (REPO / "packages").mkdir(parents=True)
        for name in PACKAGES:
            folder = REPO / "packages" / name
            ts.unpacked(ts.LIBRARIES[name], folder)
            for left_out in LEFT_OUT:
                target = folder / left_out
                if target.is_dir():
                    shutil.rmtree(target)
                else:
                    target.unlink(missing_ok=True)
            for file, header in PYTEST_SECTIONS.items():
                if (folder / file).exists():
                    (folder / file).write_text(without_section((folder / file).read_text(),
                                                               header))
        (REPO / "pyproject.toml").write_text(root_pyproject())
        (REPO / "README.md").write_text("The Pallets libraries as one repository.\n")
        # Built extensions (markupsafe's speedups, from the editable install) are not source.
        ts.commit_all(REPO, "monorepo", (*ts.EXCLUDES, "*.so"))
    ts.reset(REPO)
    return REPO


def venv(repo: Path) -> Path:
    editable = [arg for name in PACKAGES for arg in ("-e", str(repo / "packages" / name))]
    return ts.new_venv(VENV, [*THIRD_PARTY, *editable])


@dataclass(frozen=True)
class Layout:
    """One way to assemble a monorepo: what the shared runner needs to know of it."""
    title: str  # the first line of the printed report
    mutated: tuple[str, ...]  # the package folders (packages/NAME) whose code is mutated
    library: Callable[[str], ts.Library]  # package folder -> the library it holds
    build: Callable[[], Path]  # the repository, built once, its working tree reset
    venv: Callable[[Path], Path]  # the repository -> the python that runs its suites
    code: Callable[[Path, str], Path]  # repository, package folder -> the code to mutate
    tests: Callable[[Path, str], Path]  # repository, package folder -> its tests folder
    # its cached repository's folder name under .cache/test_selection/repos: a run holds it
    # alone, as test_selection.py holds a library's checkout (mutations go into its tree)
    repo_name: str = "monorepo-pallets"


PALLETS = Layout(
    title="the Pallets libraries (packages/NAME/src/NAME, installed editable)",
    mutated=MUTATED, library=lambda name: ts.LIBRARIES[name], build=lambda: monorepo(),
    venv=lambda repo: venv(repo),
    code=lambda repo, name: repo / "packages" / name / "src" / ts.LIBRARIES[name].package,
    tests=lambda repo, name: repo / "packages" / name / ts.LIBRARIES[name].tests)


def package_of(path: str) -> str:
    """``packages/NAME/...`` -> NAME."""
    return path.split("/")[1]


def rejected_paths(python: Path, repo: Path, selected: list[str], universe: set[str]) -> str:
    """Why pytest, run from the root with the selected paths, does not collect exactly the
    selected test files ("" when it does)."""
    wanted = sorted(set(selected) & universe)
    if not selected:
        return ""
    got = set(ts.collect(python, repo, {}, selected))
    if got == set(wanted):
        return ""
    missing, extra = sorted(set(wanted) - got)[:3], sorted(got - set(wanted))[:3]
    return (f"pytest $(selection) collects {len(got)} of {len(wanted)} selected test files "
            f"(missing {missing}, extra {extra})")


def measure(layout: Layout, count: int, seed: str, saved: dict[str, ts.LibraryResult],
            log: bool, check_paths: bool, packages: list[str]) -> list[ts.LibraryResult]:
    repo = layout.build()
    python = layout.venv(repo)

    folders: dict[str, list[str]] = {}  # each package's tests folder -> its test files

    def suite(timeout: float) -> ts.SuiteRun:
        whole = ts.run_pytest(python, repo, {}, [], timeout)
        return per_folder(python, repo, folders, timeout, whole) if whole.broken else whole

    truth = next((saved[name] for name in packages if name in saved), None)
    base = ts.baseline("monorepo", truth, lambda: ts.collect(python, repo, {}, []), suite)
    for file in base.test_files:  # known once the baseline has run
        folders.setdefault("/".join(file.split("/")[:3]), []).append(file)
    ts.select(repo)  # fill the summary cache for the base commit, as a CI run on main would
    results = []
    for name in packages:
        lib = layout.library(name)
        result = ts.LibraryResult(name, lib.version, base.test_files, base.failures)
        chosen = ts.pick_mutations(repo, layout.code(repo, name), layout.tests(repo, name),
                                   count, f"{seed}:monorepo:{name}")
        ts.run_mutations(result, repo, chosen, suite, base, saved.get(name), log)
        if check_paths:
            universe = set(base.test_files)
            for outcome in result.outcomes:
                note = rejected_paths(python, repo, outcome.selected, universe)
                if note:
                    outcome.note = (outcome.note + "; " if outcome.note else "") + note
        results.append(result)
    return results


def per_folder(python: Path, repo: Path, folders: dict[str, list[str]], timeout: float,
               whole: ts.SuiteRun) -> ts.SuiteRun:
    """The suite run from the root did not start (a ``conftest.py`` that no longer imports
    stops pytest before any test runs). ``pytest $(selection)`` loads only the conftest files
    of the paths it is given, so each package's tests run on their own: one that does not
    start fails all its files (given as file paths), the others fail what they fail."""
    failed: set[str] = set()
    seconds = whole.seconds
    if not folders:
        return whole
    for folder, files in sorted(folders.items()):
        run = ts.run_pytest(python, repo, {}, [folder], timeout)
        seconds += run.seconds
        if run.timed_out:
            return ts.SuiteRun(frozenset(), False, True, seconds)
        if run.broken:
            failed.update(files)
        else:
            failed.update(run.failed)
    return ts.SuiteRun(frozenset(failed), False, False, seconds)


def crossing(results: list[ts.LibraryResult]) -> str:
    """Failing test files in packages other than the mutated one, and how many were selected."""
    lines = ["| mutated package | failing files in other packages | selected | in which packages |",
             "| --- | ---: | ---: | --- |"]
    for r in results:
        other = [(f, f not in o.missed) for o in r.outcomes for f in o.failing
                 if package_of(f) != r.name]
        where = sorted({package_of(f) for f, _ in other})
        lines.append(f"| {r.name} | {len(other)} | {sum(ok for _, ok in other)} | "
                     f"{', '.join(where) or '-'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None, layout: Layout = PALLETS,
         description: str = __doc__) -> int:
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("--max-mutations", type=int, default=8, metavar="N",
                        help="mutations per lower package (default: 8)")
    parser.add_argument("--seed", default=ts.SEED, metavar="TEXT",
                        help="chooses the mutations; another seed gives a held-out set")
    parser.add_argument("--json", metavar="FILE", help="write every mutation's record as JSON")
    parser.add_argument("--truth", metavar="FILE",
                        help="take the suite outcomes from an earlier run's --json file (same "
                             "seed) and only run impactgraph")
    parser.add_argument("--from-json", metavar="FILE",
                        help="print the tables of an earlier run's --json file instead")
    parser.add_argument("--no-path-check", action="store_true",
                        help="do not give each selection to pytest --collect-only")
    parser.add_argument("--packages", nargs="+", choices=layout.mutated,
                        default=list(layout.mutated),
                        help="the lower packages to mutate (default: all of them)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    if args.from_json:
        saved = json.loads(Path(args.from_json).read_text())
        results, commit = ts.load(saved), saved["impactgraph_commit"]
        args.seed, args.max_mutations = saved["seed"], saved["max_mutations"]
    else:
        truth = json.loads(Path(args.truth).read_text()) if args.truth else {}
        if truth and (truth["seed"], truth["max_mutations"]) != (args.seed, args.max_mutations):
            parser.error(f"--truth {args.truth} was run with seed {truth['seed']!r} and "
                         f"{truth['max_mutations']} mutations")
        known = {r.name: r for r in ts.load(truth)} if truth else {}
        with ts.repository_lock(layout.repo_name):
            results = measure(layout, args.max_mutations, args.seed, known, not args.quiet,
                              not args.no_path_check, args.packages)
        commit = ts.run(["git", "log", "-1", "--format=%h", "--", "impactgraph"],
                        HERE.parent).stdout.strip()
    print(f"{layout.title}\nimpactgraph {commit}, seed {args.seed!r}, {args.max_mutations} "
          "mutations per lower package; test files of the whole monorepo\n")
    print(ts.table(results, len(results[0].test_files) if results else 0))
    print()
    print(crossing(results))
    print()
    print(ts.kinds_table(results))
    print("\nUnsafe mutations (failing test files not selected):")
    print(ts.misses(results))
    other = [f"- {r.name}: `{o.mutation}`: {o.note}" for r in results for o in r.outcomes
             if o.note]
    if other:
        print("\nNotes:\n" + "\n".join(other))
    if args.json:
        overall = ts.figures(results)
        Path(args.json).write_text(json.dumps({
            "impactgraph_commit": commit, "seed": args.seed, "max_mutations": args.max_mutations,
            "libraries": [asdict(r) for r in results],
            "overall": {**asdict(overall), "recall": overall.recall},
        }, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
