"""Which test files to run: safe first (never leave out one the change can break), then small."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from impactgraph.discovery import is_test_path
from impactgraph.linker import CodeGraph


def select_tests(
    affected_paths: Iterable[str],
    changed_paths: Iterable[str],
    head_files: Sequence[str],
    patterns: Sequence[str],
    changed_modules: Iterable[str] = (),
    graphs: Sequence[CodeGraph] = (),
) -> list[str]:
    """Test files among the affected and changed files, widened where safety needs it.

    - an affected or changed ``conftest.py`` selects every test file in its folder and below;
    - a test module that imports a changed module and makes calls we could not resolve is
      kept, since one of those calls may reach the change.
    """
    head = [p for p in head_files if is_test_path(p, patterns)]
    head_set = set(head)
    candidates = set(affected_paths) | set(changed_paths)
    selected = {p for p in candidates if p in head_set and not p.endswith("conftest.py")}
    for path in candidates:
        if PurePosixPath(path).name == "conftest.py":
            folder = str(PurePosixPath(path).parent)
            prefix = "" if folder == "." else folder + "/"
            selected.update(
                p for p in head if p.startswith(prefix) and PurePosixPath(p).name != "conftest.py"
            )
    changed = set(changed_modules)
    for graph in graphs:
        unresolved_modules = {graph.module_of(caller) for caller, _ in graph.unresolved_sites
                              if caller in graph}
        for module in unresolved_modules:
            path = graph.path_of(module)
            if path not in head_set or path in selected:
                continue
            imported = {graph.module_of(t) for n in _module_nodes(graph, module)
                        for t, kind in graph.successors(n) if kind == "imports"}
            if imported & changed:
                selected.add(path)
    return sorted(p for p in selected if PurePosixPath(p).name != "conftest.py")


def _module_nodes(graph: CodeGraph, module: str) -> list[str]:
    return [module, *graph.members(module)]
