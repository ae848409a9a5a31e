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
# the builtins reading a name given as a constant, and their arity when the name's absence does
# not fail them (``getattr`` with a default)
_ARITY = {"getattr": 3, "hasattr": 2}
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_.:]*[A-Za-z0-9_]\Z")
# the code of these is not the code around them
_SCOPES = (nodes.FunctionDef, nodes.AsyncFunctionDef, nodes.Lambda, nodes.ClassDef)


# How a scope tells whether a name read at a node is bound there (``Scopes.defining_scope``):
# None for a builtin
DefiningScope = Callable[[str, nodes.NodeNG], "nodes.NodeNG | None"]


def named_access(node: nodes.Call, defining_scope: DefiningScope
                 ) -> tuple[str, nodes.NodeNG, str] | None:
    """(``getattr`` or ``hasattr``, the object, the name) for ``getattr(obj, "name")``,
    ``getattr(obj, "name", default)`` or ``hasattr(obj, "name")``, the builtins called with a
    constant name; None for any other call."""
    func = node.func
    if not isinstance(func, nodes.Name) or func.name not in _ARITY or node.keywords:
        return None
    args = node.args
    if not 2 <= len(args) <= _ARITY[func.name] or any(isinstance(a, nodes.Starred) for a in args):
        return None
    name = args[1]
    if not isinstance(name, nodes.Const) or not isinstance(name.value, str) or not name.value \
            or defining_scope(func.name, node) is not None:
        return None
    return func.name, args[0], name.value


def tolerant_reads(tree: nodes.Module, text: str, caller_of: Callable[[nodes.NodeNG], str],
                   defining_scope: DefiningScope) -> tuple[tuple[str, str], ...]:
    """(scope, name) for each name ``scope`` (a symbol id, as ``caller_of`` gives the scope
    running a node) reads only by a read that survives its absence.

    One walk gathers the reads; only those of a name some surviving read has are placed in
    their scope (``caller_of`` climbs the tree), and only an attribute of a name some
    ``hasattr`` asks for is looked at for a check above it."""
    if not any(word in text for word in _WORDS):
        return ()
    surviving: list[tuple[nodes.NodeNG, str]] = []  # getattr with a default, hasattr
    asked: set[str] = set()  # the names some ``hasattr`` asks for
    caught: set[int] = set()  # attributes read in a ``try`` whose handler catches their absence
    reads: list[tuple[nodes.NodeNG, str]] = []  # attributes, names, dotted strings
    for node in tree.nodes_of_class((nodes.Attribute, nodes.Name, nodes.Call, nodes.Const,
                                     nodes.Try)):
        if isinstance(node, nodes.Call):
            found = named_access(node, defining_scope)
            if found is not None:
                if found[0] == "hasattr":
                    asked.add(found[2])
                if len(node.args) == _ARITY[found[0]]:
                    surviving.append((node, found[2]))
        elif isinstance(node, nodes.Try):
            if any(_catches(handler) for handler in node.handlers):
                caught.update(map(id, _attributes_in(node.body)))
        elif isinstance(node, nodes.Const):
            value = node.value
            if isinstance(value, str) and "." in value and _DOTTED.match(value):
                reads.append((node, re.split(r"[.:]", value)[-1]))
        else:
            reads.append((node, node.attrname if isinstance(node, nodes.Attribute)
                           else node.name))
    names = {name for _, name in surviving} | asked | {
        node.attrname for node, _ in reads if id(node) in caught}
    tolerant = {(caller_of(node), name) for node, name in surviving}
    plain: set[tuple[str, str]] = set()
    for node, name in reads:
        if name not in names:
            continue  # no surviving read of it: its plain reads matter nowhere
        if isinstance(node, nodes.Attribute) and (id(node) in caught or (
                name in asked and _checked_first(node, defining_scope))):
            tolerant.add((caller_of(node), name))
        else:
            plain.add((caller_of(node), name))
    return tuple(sorted(tolerant - plain))


def _attributes_in(body: list[nodes.NodeNG]) -> list[nodes.Attribute]:
    """The attributes read in the code of ``body``, not in functions or classes it defines."""
    found: list[nodes.Attribute] = []
    stack = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.Attribute):
            found.append(node)
        if not isinstance(node, _SCOPES):
            stack.extend(node.get_children())
    return found


def _checked_first(node: nodes.Attribute, defining_scope: DefiningScope) -> bool:
    """Is ``node`` (``obj.name``) read where its absence is checked first (``if hasattr(obj,
    "name"):``, ``hasattr(obj, "name") and obj.name``, ``obj.name if hasattr(...) else d``),
    within its own scope?"""
    receiver = node.expr.as_string()
    child: nodes.NodeNG = node
    parent = node.parent
    while parent is not None and not isinstance(parent, (*_SCOPES, nodes.Module)):
        if isinstance(parent, (nodes.If, nodes.IfExp)) and _in_branch(parent, child) and \
                _checks(parent.test, receiver, node.attrname, defining_scope):
            return True
        if isinstance(parent, nodes.BoolOp) and parent.op == "and":
            before = parent.values[:parent.values.index(child)] \
                if child in parent.values else []
            if any(_checks(value, receiver, node.attrname, defining_scope)
                   for value in before):
                return True
        child, parent = parent, parent.parent
    return False


def _in_branch(statement: nodes.If | nodes.IfExp, child: nodes.NodeNG) -> bool:
    """Is ``child`` the part run when the test holds?"""
    if isinstance(statement, nodes.IfExp):
        return child is statement.body
    return child in statement.body


def _checks(test: nodes.NodeNG, receiver: str, name: str,
            defining_scope: DefiningScope) -> bool:
    """Does ``test`` hold only when ``receiver`` has ``name`` (``hasattr(receiver, "name")``,
    alone or one of the operands of an ``and``)?"""
    if isinstance(test, nodes.BoolOp) and test.op == "and":
        return any(_checks(value, receiver, name, defining_scope) for value in test.values)
    found = named_access(test, defining_scope) if isinstance(test, nodes.Call) else None
    return found is not None and found[0] == "hasattr" and found[2] == name \
        and found[1].as_string() == receiver


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
        if not isinstance(node, _SCOPES):
            stack.extend(node.get_children())
    return False
