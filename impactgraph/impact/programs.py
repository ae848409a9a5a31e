"""Where a program a test starts enters our code, when the program is known.

A test that runs ``[sys.executable, "-m", "pkg.cli"]`` runs ``pkg.cli`` as ``__main__``: the
import-time code of everything that imports, and its ``if __name__ == "__main__":`` block. One
that feeds ``python -`` the source ``import click; click.echo(...)`` runs click's import-time
code and ``click.echo``. ``entries`` tells, for a ``Program`` the indexer read from the test's
constants (``indexer/programs.py``), the modules the program starts from (their code runs as
they are imported, a main module's main block too) and the functions or classes its own code
calls; None when that is not known (a module or path that is not ours, a command, source that
imports by a computed name or uses what it imports in ways not followed here).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass

from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind, Program, ProgramKind

# names that run code or import modules by a computed name: source using them may run anything
_DYNAMIC = frozenset({"__import__", "import_module", "exec", "eval", "compile", "run_module",
                      "run_path", "reload", "getattr", "globals", "locals", "vars"})


@dataclass(frozen=True, slots=True)
class Entries:
    modules: frozenset[str]  # run or imported by the program: their module-level code runs
    symbols: frozenset[str]  # functions and classes (with all their members) it calls


def entries(graph: CodeGraph, program: Program) -> Entries | None:
    match program.kind:
        case ProgramKind.MODULE:
            return _module_entries(graph, program.target)
        case ProgramKind.PATH:
            return _path_entries(graph, program.target)
        case ProgramKind.CODE:
            return _code_entries(graph, program.target)
    return None  # a command: a console script of ours, or any program at all


def _is_module(graph: CodeGraph, name: str) -> bool:
    return name in graph and graph.node(name).get("kind") == "module"


def _with_packages(graph: CodeGraph, name: str) -> set[str]:
    """``a.b.c`` and the packages of ours that importing it runs first (``a``, ``a.b``)."""
    parts = name.split(".")
    return {prefix for prefix in (".".join(parts[:cut]) for cut in range(1, len(parts) + 1))
            if _is_module(graph, prefix)}


def _module_entries(graph: CodeGraph, name: str) -> Entries | None:
    """``python -m name``: a package runs its ``__main__`` after importing itself."""
    if not _is_module(graph, name):
        return None
    modules = _with_packages(graph, name)
    main = f"{name}.__main__"
    if graph.path_of(name).endswith("__init__.py"):
        if not _is_module(graph, main):
            return None
        modules.add(main)
    return Entries(frozenset(modules), frozenset())


def _path_entries(graph: CodeGraph, path: str) -> Entries | None:
    """``python path``: the modules of ours whose file the path names (relative to where the
    test runs, which is not known: every file it may name)."""
    path = path.removeprefix("./")
    if not path or path.startswith("/") or ".." in path.split("/"):
        return None
    found = {m for m in graph.nodes("module")
             if (graph.path_of(m) == path or graph.path_of(m).endswith("/" + path))}
    return Entries(frozenset(found), frozenset()) if found else None


def _code_entries(graph: CodeGraph, source: str) -> Entries | None:
    """Source run as ``__main__``: the modules of ours it imports, and what it names of them
    (``click.echo``, ``from click import echo``). A name it reads from one of ours that is not
    a module, function or class of ours (a value whose methods it may call), any other use of
    such a module, or a call that may import or run code by a computed name: not known."""
    try:
        tree = _parented(ast.parse(source))
    except (SyntaxError, ValueError, RecursionError):
        return None
    for node in ast.walk(tree):
        name = (node.id if isinstance(node, ast.Name) else
                node.attr if isinstance(node, ast.Attribute) else None)
        if name in _DYNAMIC and not _only_read(node):
            return None
    modules: set[str] = set()
    bound: dict[str, str] = {}  # local name -> module or symbol of ours
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if not _is_module(graph, alias.name.split(".")[0]):
                    continue
                if not _is_module(graph, alias.name):
                    return None
                modules |= _with_packages(graph, alias.name)
                local = alias.asname or alias.name.split(".")[0]
                bound[local] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            if node.level or node.module is None:
                return None
            if not _is_module(graph, node.module.split(".")[0]):
                continue
            if not _is_module(graph, node.module):
                return None
            modules |= _with_packages(graph, node.module)
            for alias in node.names:
                if alias.name == "*":
                    return None
                target = _member(graph, node.module, alias.name)
                if target is None:
                    return None
                if _is_module(graph, target):
                    modules |= _with_packages(graph, target)
                bound[alias.asname or alias.name] = target
    symbols: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in bound and isinstance(node.ctx, ast.Load):
            found = _use(graph, node, bound[node.id])
            if found is None:
                return None
            if _is_module(graph, found):
                modules |= _with_packages(graph, found)
            else:
                symbols.add(found)
    return Entries(frozenset(modules), frozenset(symbols))


def _only_read(node: ast.AST) -> bool:
    """``builtins.__import__`` read (to wrap it) rather than called."""
    parent = getattr(node, "parent", None)
    return not (isinstance(parent, ast.Call) and parent.func is node)


def _member(graph: CodeGraph, module: str, name: str) -> str | None:
    """What ``module.name`` is of ours: a submodule, a function or class defined there, or one
    it imports under that name (a package's re-export); None otherwise."""
    if _is_module(graph, f"{module}.{name}"):
        return f"{module}.{name}"
    own = f"{module}:{name}"
    if own in graph:
        return own if graph.node(own).get("kind") in ("function", "class") else None
    found = {target for target, kind in graph.successors(module)
             if kind in (EdgeKind.IMPORTS, EdgeKind.EXPORTS) and ":" in target
             and target.rpartition(":")[2].rpartition(".")[2] == name and target in graph}
    if len(found) == 1:
        target = found.pop()
        return target if graph.node(target).get("kind") in ("function", "class") else None
    return None


def _use(graph: CodeGraph, name: ast.Name, bound: str) -> str | None:
    """What the expression starting at ``name`` (bound to ``bound``) names of ours, following
    attributes through modules: ``click.types.Choice`` -> ``click.types:Choice``. Beyond a
    function (an attribute of it, or of what it returns) nothing is followed: None."""
    current: ast.AST = name
    target = bound
    while _is_module(graph, target):
        parent = getattr(current, "parent", None)
        if not isinstance(parent, ast.Attribute) or parent.value is not current:
            # the module itself is passed on or printed: its import is what runs
            return target
        found = _member(graph, target, parent.attr)
        if found is None:
            return None
        target, current = found, parent
    if graph.node(target).get("kind") == "class":
        return target  # every member of it counts
    parent = getattr(current, "parent", None)
    if isinstance(parent, ast.Call) and parent.func is current:
        current, parent = parent, getattr(parent, "parent", None)
    if isinstance(parent, ast.Attribute) and parent.value is current:
        return None  # an attribute of a function or of what it returns
    return target


def _parented(tree: ast.Module) -> ast.Module:
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child.parent = node  # type: ignore[attr-defined]
    return tree


def members_of(graph: CodeGraph, symbols: Iterable[str]) -> set[str]:
    """The symbols and, for a class, everything defined in it."""
    found = set(symbols)
    for symbol in list(found):
        if graph.node(symbol).get("kind") == "class":
            prefix = symbol + "."
            found |= {m for m in graph.members(graph.module_of(symbol)) if m.startswith(prefix)}
    return found
