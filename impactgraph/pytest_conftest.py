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

from impactgraph.pytest_collection import ConftestFacts, HookNames

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
    walk = widens and any(_widens(node, _WALK_HOOKS) for node in ast.walk(tree))
    return ConftestFacts(
        ignore=_known(values, "collect_ignore"),
        ignore_glob=_known(values, "collect_ignore_glob"),
        widens=widens,
        collects=hook_names(tree),
        collect_only=widens and not walk,
    )


def hook_names(tree: ast.Module) -> HookNames | None:
    """What the module's ``pytest_collect_file`` hooks compare a path's name with
    (``HookNames``): the string literals in the hook and in the module's functions it calls by
    name; None without such a hook."""
    functions = {node.name: node for node in tree.body
                 if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    hook = functions.get("pytest_collect_file")
    if hook is None:
        return None
    bodies: list[ast.AST] = [hook]
    seen = {hook.name}
    # module-level constants (SUFFIXES = (".yaml", ".yml")) the hook reads by name
    constants = {target.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                 for target in node.targets if isinstance(target, ast.Name)}
    for body in bodies:
        for node in ast.walk(body):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in functions and node.func.id not in seen):
                seen.add(node.func.id)
                bodies.append(functions[node.func.id])
            elif (isinstance(node, ast.Name) and node.id in constants
                    and node.id not in seen):
                seen.add(node.id)
                bodies.append(constants[node.id])
    ends: set[str] = set()
    starts: set[str] = set()
    other_starts = False
    for body in bodies:
        for node in ast.walk(body):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                found = [_string(a) for a in node.args[:1]]
                if node.args and isinstance(node.args[0], (ast.Tuple, ast.List)):
                    found = [_string(e) for e in node.args[0].elts]
                texts = [t for t in found if t]
                receiver = node.func.value
                if node.func.attr == "startswith":
                    # only a test of the name's start: one of the whole path says nothing
                    if (isinstance(receiver, ast.Attribute) and receiver.attr in _NAME_PARTS
                            and texts and len(texts) == len(found)):
                        starts.update(texts)
                    else:
                        other_starts = True
                elif node.func.attr == "endswith":
                    ends.update(texts)
            text = _string(node) if isinstance(node, ast.expr) else None
            if text is not None and _is_suffix(text):
                ends.add(text)
    if other_starts:
        starts.clear()  # a start we cannot place: checked on something else, or not at all
    return HookNames(tuple(sorted(ends)), tuple(sorted(starts)))


# what a path object or a py.path.local calls the file's name (or its name without suffix)
_NAME_PARTS = frozenset({"name", "stem", "basename", "purebasename"})


def _is_suffix(text: str) -> bool:
    """A literal that reads as a file name's suffix: ".yaml", ".tar.gz"."""
    return (len(text) > 1 and text.startswith(".") and text != ".."
            and not any(c in text for c in "/\\ *?["))


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


# the hooks that decide which folders and files pytest walks into, not what it makes of a file
_WALK_HOOKS = WIDENING_HOOKS - {"pytest_collect_file"}


def _widens(node: ast.AST, hooks: frozenset[str] = WIDENING_HOOKS) -> bool:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node.name in hooks
    if isinstance(node, ast.ImportFrom):
        return any(a.name == "*" or (a.asname or a.name) in hooks for a in node.names)
    if isinstance(node, ast.Import):
        return any((a.asname or a.name) in hooks for a in node.names)
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        return node.id in hooks
    return False
