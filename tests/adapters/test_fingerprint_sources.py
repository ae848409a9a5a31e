"""The cache fingerprints name their source modules by hand (``ANALYZER_SOURCES`` for the
summaries, ``GRAPH_SOURCES`` for linked graphs): every module the indexer and the linker import,
directly or not, must be among them, or a change to it would serve stale cached results."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

from impactgraph.adapters.cache import ANALYZER_SOURCES
from impactgraph.adapters.graph_store import GRAPH_SOURCES, graph_fingerprint

PACKAGE = Path(__file__).resolve().parents[2] / "impactgraph"


def _module_file(name: str) -> Path | None:
    """The file of module ``impactgraph.x.y`` (a package's ``__init__.py``), if it is one."""
    base = PACKAGE.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported(path: Path) -> set[Path]:
    """The impactgraph modules ``path`` imports anywhere (functions and TYPE_CHECKING too)."""
    found: set[Path] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from pkg import name``: name may be a submodule, or else something of pkg
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        for name in names:
            if name.split(".")[0] == "impactgraph":
                # the parent packages' __init__ run too
                parts = name.split(".")
                for end in range(1, len(parts) + 1):
                    module = _module_file(".".join(parts[:end]))
                    if module is not None:
                        found.add(module)
    return found


def _closure(roots: Iterable[Path]) -> set[Path]:
    seen: set[Path] = set()
    todo = list(roots)
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo.extend(_imported(path))
    return seen


def _covered(sources: Iterable[str]) -> set[Path]:
    files: set[Path] = set()
    for name in sources:
        target = PACKAGE / name
        # as analyzer_fingerprint reads them: a folder's own *.py files, not its subfolders
        files.update(target.glob("*.py") if target.is_dir() else [target])
    return files


def _uncovered(package: str, sources: Iterable[str]) -> list[str]:
    reached = _closure((PACKAGE / package).glob("*.py"))
    # impactgraph/__init__.py is empty of logic; it runs before any of them
    reached.discard(PACKAGE / "__init__.py")
    return sorted(str(p.relative_to(PACKAGE)) for p in reached - _covered(sources))


def test_the_summary_fingerprint_covers_what_the_indexer_imports() -> None:
    assert _uncovered("indexer", ANALYZER_SOURCES) == []


def test_the_graph_fingerprint_covers_what_the_linker_imports() -> None:
    assert _uncovered("linker", (*ANALYZER_SOURCES, *GRAPH_SOURCES)) == []


def test_the_graph_fingerprint_follows_the_interpreters_patch_release() -> None:
    # the linker reads the standard library's source (linker/stdlib_self.py)
    assert graph_fingerprint("3.11.7") == graph_fingerprint("3.11.7")
    assert graph_fingerprint("3.11.7") != graph_fingerprint("3.11.9")


def test_the_walk_sees_imports_inside_functions() -> None:
    # linker/fixtures.py imports linker.resolve inside a function
    assert PACKAGE / "linker" / "resolve.py" in _imported(PACKAGE / "linker" / "fixtures.py")
