"""Names a scope reads only in ways that survive the name's absence.

``getattr(cls, "Input", None)`` and ``hasattr(cls, "Input")`` do not fail when ``Input`` is
gone, nor does ``cls.Input`` under ``if hasattr(cls, "Input"):`` or in a ``try`` whose handler
catches ``AttributeError``. A removal reached only through such reads breaks nothing there
(graphene's ``Mutation`` reads ``getattr(cls, "Input", None)`` of every subclass: a test's
``CreatePost.Input`` going away breaks no code of graphene's). A scope that also reads the name
in any other way (``cls.Input``, a name ``Input``, a dotted string ending in it) is not
recorded: one plain read is enough to break.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from astroid import nodes

# Handlers that catch the ``AttributeError`` of a missing name
_CATCHING = frozenset({"AttributeError", "Exception", "BaseException"})
_WORDS = ("getattr", "hasattr", "except")
_ARITY = {"getattr": 3, "hasattr": 2}  # the calls that survive a missing name, as they do
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_.:]*[A-Za-z0-9_]\Z")


def tolerant_reads(tree: nodes.Module, text: str, caller_of: Callable[[nodes.NodeNG], str]
                   ) -> tuple[tuple[str, str], ...]:
    """(scope, name) for each name ``scope`` (a symbol id, as ``caller_of`` gives the scope
    running a node) reads only by a read that survives its absence."""
    if not any(word in text for word in _WORDS):
        return ()
    tolerant: set[tuple[str, str]] = set()
    plain: set[tuple[str, str]] = set()
    for node in tree.nodes_of_class((nodes.Attribute, nodes.Name, nodes.Call, nodes.Const)):
        if isinstance(node, nodes.Call):
            name = _named_access(node)
            if name is not None:
                tolerant.add((caller_of(node), name))
            continue
        if isinstance(node, nodes.Const):
            value = node.value
            if isinstance(value, str) and "." in value and _DOTTED.match(value):
                plain.add((caller_of(node), re.split(r"[.:]", value)[-1]))
            continue
        name = node.attrname if isinstance(node, nodes.Attribute) else node.name
        if isinstance(node, nodes.Attribute) and _guarded(node):
            tolerant.add((caller_of(node), name))
        else:
            plain.add((caller_of(node), name))
    return tuple(sorted(tolerant - plain))


def _named_access(node: nodes.Call) -> str | None:
    """The constant name of ``getattr(obj, "name", default)`` or ``hasattr(obj, "name")``;
    None for any other call (a ``getattr`` without a default fails as ``obj.name`` does)."""
    func = node.func
    if not isinstance(func, nodes.Name) or func.name not in _ARITY or node.keywords:
        return None
    if len(node.args) != _ARITY[func.name] or not _builtin(func) or any(
            isinstance(a, nodes.Starred) for a in node.args):
        return None
    name = node.args[1]
    if isinstance(name, nodes.Const) and isinstance(name.value, str):
        return name.value
    return None


def _builtin(name: nodes.Name) -> bool:
    """Is ``name`` the builtin of its spelling (no binding of the module or a scope shadows
    it)?"""
    try:
        scope, assignments = name.lookup(name.name)
    except Exception:  # astroid's lookup on a tree it cannot place: not vouched for
        return False
    return not assignments or (isinstance(scope, nodes.Module) and scope.name == "builtins")


def _guarded(node: nodes.Attribute) -> bool:
    """Is ``node`` (``obj.name``) read where its absence is checked first (``if hasattr(obj,
    "name"):``, ``hasattr(obj, "name") and obj.name``, ``obj.name if hasattr(...) else d``) or
    caught (a ``try`` whose handler catches ``AttributeError``), within its own scope?"""
    receiver = node.expr.as_string()
    child: nodes.NodeNG = node
    parent = node.parent
    while parent is not None and not isinstance(
            parent, (nodes.FunctionDef, nodes.AsyncFunctionDef, nodes.Lambda,
                     nodes.ClassDef, nodes.Module)):
        if isinstance(parent, (nodes.If, nodes.IfExp)) and _in_branch(parent, child) and \
                _checks(parent.test, receiver, node.attrname):
            return True
        if isinstance(parent, nodes.BoolOp) and parent.op == "and":
            before = parent.values[:parent.values.index(child)] \
                if child in parent.values else []
            if any(_checks(value, receiver, node.attrname) for value in before):
                return True
        if isinstance(parent, nodes.Try) and child in parent.body and any(
                _catches(handler) for handler in parent.handlers):
            return True
        child, parent = parent, parent.parent
    return False


def _in_branch(statement: nodes.If | nodes.IfExp, child: nodes.NodeNG) -> bool:
    """Is ``child`` the part run when the test holds?"""
    if isinstance(statement, nodes.IfExp):
        return child is statement.body
    return child in statement.body


def _checks(test: nodes.NodeNG, receiver: str, name: str) -> bool:
    """Does ``test`` hold only when ``receiver`` has ``name`` (``hasattr(receiver, "name")``,
    alone or one of the operands of an ``and``)?"""
    if isinstance(test, nodes.BoolOp) and test.op == "and":
        return any(_checks(value, receiver, name) for value in test.values)
    return (isinstance(test, nodes.Call) and isinstance(test.func, nodes.Name)
            and test.func.name == "hasattr" and _named_access(test) == name
            and test.args[0].as_string() == receiver)


def _catches(handler: nodes.ExceptHandler) -> bool:
    """Does ``handler`` catch an ``AttributeError`` and raise nothing (``except: sock.close();
    raise`` cleans up and fails as before)?"""
    if _raises(handler.body):
        return False
    if handler.type is None:
        return True
    caught = handler.type.elts if isinstance(handler.type, nodes.Tuple) else [handler.type]
    return any(isinstance(c, nodes.Name) and c.name in _CATCHING for c in caught)


def _raises(body: list[nodes.NodeNG]) -> bool:
    """Does code of ``body`` (not of functions or classes it defines) hold a ``raise``?"""
    stack = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.Raise):
            return True
        if not isinstance(node, (nodes.FunctionDef, nodes.AsyncFunctionDef, nodes.Lambda,
                                 nodes.ClassDef)):
            stack.extend(node.get_children())
    return False
