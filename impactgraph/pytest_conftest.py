"""What a ``conftest.py`` (or a plugin module) tells pytest's collection, read without running it.

``collect_ignore`` / ``collect_ignore_glob``: module-level list or tuple literals of strings,
then ``+=``, ``.append``, ``.extend`` and ``.insert`` of literals. Anything else that touches the
name (a condition, a loop, a call, an import, an alias) makes its value unknown: the name is
taken as set to nothing, so this conftest ignores nothing and still hides a farther one's
list, as pytest would (fail open: a file is never dropped on a guess).

A hook that may collect what pytest's rules would skip (``pytest_ignore_collect`` can answer
False, ``pytest_collect_file`` / ``pytest_collect_directory`` can collect any path), a star
import (it may bring such a hook), or a file that does not parse: ``widens``.
"""

from __future__ import annotations

import ast

from impactgraph.pytest_collection import ConftestFacts

_NAMES = ("collect_ignore", "collect_ignore_glob")
WIDENING_HOOKS = frozenset({"pytest_ignore_collect", "pytest_collect_file",
                            "pytest_collect_directory"})
UNREADABLE = ConftestFacts(ignore=(), ignore_glob=(), widens=True)


def read_conftest(text: str) -> ConftestFacts:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return UNREADABLE
    values: dict[str, list[str] | None] = {}  # None: set, to something we cannot read
    for statement in tree.body:
        for name in _NAMES:
            if name in values and values[name] is None:
                continue
            if not _mentions(statement, name):
                continue
            values[name] = _apply(statement, name, values.get(name, _UNSET))
    widens = any(_widens(node) for node in ast.walk(tree))
    return ConftestFacts(
        ignore=_known(values, "collect_ignore"),
        ignore_glob=_known(values, "collect_ignore_glob"),
        widens=widens,
    )


def defines_widening_hook(text: str) -> bool:
    """A plugin module (``-p NAME``) that may collect what pytest's rules skip."""
    return read_conftest(text).widens


_UNSET: list[str] = []  # the name is not set yet (compared by identity)


def _known(values: dict[str, list[str] | None], name: str) -> tuple[str, ...] | None:
    if name not in values:
        return None
    value = values[name]
    return () if value is None else tuple(value)


def _apply(statement: ast.stmt, name: str, current: list[str] | None) -> list[str] | None:
    """The name's value after one module-level statement that mentions it; None: unknown."""
    unset = current is _UNSET
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, value = statement.targets[0], statement.value
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target, value = statement.target, statement.value
    elif isinstance(statement, ast.AugAssign) and isinstance(statement.op, ast.Add):
        if unset or not _is_name(statement.target, name):
            return None
        items = _strings(statement.value)
        return None if items is None or current is None else [*current, *items]
    elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        return _method(statement.value, name, None if unset else current)
    else:
        return None
    if not _is_name(target, name) or _mentions(value, name):
        return None
    items = _strings(value)
    return None if items is None else list(items)


def _method(call: ast.Call, name: str, current: list[str] | None) -> list[str] | None:
    func = call.func
    if (current is None or call.keywords or not isinstance(func, ast.Attribute)
            or not _is_name(func.value, name)):
        return None
    if func.attr == "append" and len(call.args) == 1:
        item = _string(call.args[0])
        return None if item is None else [*current, item]
    if func.attr == "extend" and len(call.args) == 1:
        items = _strings(call.args[0])
        return None if items is None else [*current, *items]
    if func.attr == "insert" and len(call.args) == 2:
        item = _string(call.args[1])
        return None if item is None else [*current, item]  # the order does not matter here
    return None


def _strings(node: ast.expr) -> list[str] | None:
    if not isinstance(node, (ast.List, ast.Tuple)):
        return None
    items = [_string(e) for e in node.elts]
    return None if any(i is None for i in items) else [i for i in items if i is not None]


def _string(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _mentions(node: ast.AST, name: str) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Name) and child.id == name:
            return True
        if isinstance(child, ast.alias) and (child.asname or child.name) in (name, "*"):
            return True
        if isinstance(child, ast.Global) and name in child.names:
            return True
        if isinstance(child, ast.Attribute) and child.attr == name:
            return True  # ``sys.modules[__name__].collect_ignore = ...``, ``globals()``-like
        if (isinstance(child, ast.Call) and isinstance(child.func, ast.Name)
                and child.func.id in ("globals", "setattr", "exec", "vars")):
            return True
    return False


def _widens(node: ast.AST) -> bool:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node.name in WIDENING_HOOKS
    if isinstance(node, ast.ImportFrom):
        return any(a.name == "*" or (a.asname or a.name) in WIDENING_HOOKS for a in node.names)
    if isinstance(node, ast.Import):
        return any((a.asname or a.name) in WIDENING_HOOKS for a in node.names)
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        return node.id in WIDENING_HOOKS
    return False
