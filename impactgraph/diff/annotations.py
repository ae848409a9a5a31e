"""Canonical spellings of annotations and default values, so a respelling is no change.

``Optional[X]``, ``Union[X, None]`` and ``X | None`` become one thing; so do ``typing.List[X]``
and ``list[X]``, a quoted annotation and the same one unquoted. Unions are sets: their members
are sorted. Anything that does not parse is compared as written, without surrounding spaces.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import lru_cache

# Modules whose names are the typing vocabulary: ``typing.List`` is ``List``.
TYPING_MODULES = frozenset({"typing", "typing_extensions", "collections.abc", "builtins"})

# The typing aliases of builtin generics (PEP 585) and other plain synonyms.
_SYNONYMS = {
    "List": "list",
    "Dict": "dict",
    "Set": "set",
    "FrozenSet": "frozenset",
    "Tuple": "tuple",
    "Type": "type",
    "Text": "str",
    "Deque": "collections.deque",
    "deque": "collections.deque",
    "DefaultDict": "collections.defaultdict",
    "defaultdict": "collections.defaultdict",
    "OrderedDict": "collections.OrderedDict",
    "Counter": "collections.Counter",
    "ChainMap": "collections.ChainMap",
    "NoneType": "None",
}


class _Canonical(ast.NodeTransformer):
    def __init__(self, prefixes: tuple[str, ...]) -> None:
        self.prefixes = prefixes

    def _name(self, dotted: str) -> str:
        for prefix in self.prefixes:
            if dotted.startswith(prefix + "."):
                dotted = dotted[len(prefix) + 1 :]
                break
        return _SYNONYMS.get(dotted, dotted)

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):  # a forward reference: the quoted annotation itself
            try:
                inner = ast.parse(node.value.strip(), mode="eval").body
            except SyntaxError:
                return node
            result: ast.AST = self.visit(inner)
            return result
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return _named(self._name(node.id))

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        dotted = _dotted(node)
        if dotted is None:
            return self.generic_visit(node)
        return _named(self._name(dotted))

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        value = self.visit(node.value)
        origin = _dotted(value)
        elements = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if origin == "Optional" and len(elements) == 1:
            return _union([self.visit(elements[0]), ast.Constant(None)])
        if origin == "Union":
            return _union([self.visit(e) for e in elements])
        if origin == "Literal":
            members = sorted({ast.unparse(e) for e in elements})  # values, not forward refs
            return ast.Subscript(value, _tuple([_parse(m) for m in members]), ast.Load())
        items = [self.visit(e) for e in elements]
        slice_: ast.expr = _tuple(items) if isinstance(node.slice, ast.Tuple) else items[0]
        return ast.Subscript(value, slice_, ast.Load())

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        if isinstance(node.op, ast.BitOr):
            return _union([self.visit(node.left), self.visit(node.right)])
        return self.generic_visit(node)


def _named(dotted: str) -> ast.expr:
    if dotted == "None":
        return ast.Constant(None)
    return ast.Name(dotted, ast.Load())  # a dotted "name" unparses as written


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner is not None else None
    return None


def _tuple(items: list[ast.expr]) -> ast.Tuple:
    return ast.Tuple(items, ast.Load())


def _parse(text: str) -> ast.expr:
    return ast.parse(text, mode="eval").body


def _members(node: ast.expr) -> Iterable[str]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        yield from _members(node.left)
        yield from _members(node.right)
    else:
        yield ast.unparse(node)


def _union(members: list[ast.expr]) -> ast.expr:
    """``A | B | None``: members flattened, deduplicated and sorted, ``None`` last."""
    names = {m for node in members for m in _members(node)}
    ordered = sorted(names - {"None"}) + (["None"] if "None" in names else [])
    result: ast.expr = _parse(ordered[0]) if ordered[0] != "None" else ast.Constant(None)
    for name in ordered[1:]:
        right = _parse(name) if name != "None" else ast.Constant(None)
        result = ast.BinOp(result, ast.BitOr(), right)
    return result


@lru_cache(maxsize=65536)
def normalize_annotation(text: str | None, typing_aliases: tuple[str, ...] = ()) -> str | None:
    """The canonical text of an annotation; ``typing_aliases`` are local names of ``typing``."""
    if text is None:
        return None
    stripped = text.strip()
    try:
        tree = ast.parse(stripped, mode="eval")
    except SyntaxError:
        return stripped
    prefixes = tuple(sorted(TYPING_MODULES | set(typing_aliases), key=len, reverse=True))
    try:
        canonical = _Canonical(prefixes).visit(tree.body)
        return ast.unparse(canonical)
    except (RecursionError, ValueError, TypeError, IndexError):
        return stripped


@lru_cache(maxsize=65536)
def normalize_expression(text: str | None) -> str | None:
    """A default value or decorator as one canonical text (quotes, spaces, parentheses)."""
    if text is None:
        return None
    stripped = text.strip()
    try:
        return ast.unparse(ast.parse(stripped, mode="eval"))
    except (SyntaxError, RecursionError, ValueError):
        return stripped
