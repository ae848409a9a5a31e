"""Is a guarded ``return`` (``indexer/guards.py``) reached by one call?

``guard_value`` evaluates a guard in three-valued logic over what a call is known to pass:
False only when the call's arguments make the guard false for certain (the linker then drops
that return from the call's result), None whenever that is not certain.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache

Truth = bool | None


@dataclass(frozen=True, slots=True)
class Arg:
    """What a call passes a parameter."""

    passed: bool
    callable: bool = False  # a value that is certainly callable (so not None)
    truthy: bool = False  # a value that is certainly true


UNKNOWN_ARG = Arg(True)


@dataclass(frozen=True, slots=True)
class CallShape:
    """The arguments of one call, by parameter: the parameters it names (a parameter left
    out, such as a bound method's ``self``, is unknown), and the ``*args`` elements when the
    function has that parameter."""

    args: dict[str, Arg]
    star: tuple[Arg, ...] | None = None


def guard_value(guard: tuple[str, ...], call: CallShape) -> Truth:
    """The guard's truth for ``call``; None: not certain."""
    condition = _parse(guard[0])
    if condition is None:
        return None
    shapes = dict(part.partition("=")[::2] for part in guard[1:])
    return _truth(condition, call, shapes)


@lru_cache(maxsize=4096)
def _parse(text: str) -> ast.expr | None:
    try:
        return ast.parse(text, mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None


def _truth(node: ast.expr, call: CallShape, shapes: dict[str, str]) -> Truth:
    match node:
        case ast.BoolOp(op=ast.And(), values=values):
            found = [_truth(v, call, shapes) for v in values]
            return False if False in found else (True if all(found) else None)
        case ast.BoolOp(op=ast.Or(), values=values):
            found = [_truth(v, call, shapes) for v in values]
            return True if True in found else (False if all(f is False for f in found) else None)
        case ast.UnaryOp(op=ast.Not(), operand=operand):
            inner = _truth(operand, call, shapes)
            return None if inner is None else not inner
        case ast.Constant(value=bool() as value):
            return value
        case ast.Compare(left=ast.Name(id=name), ops=[ast.Is() | ast.IsNot() as op],
                         comparators=[ast.Constant(value=None)]):
            is_none = _is_none(name, call, shapes)
            if is_none is None:
                return None
            return is_none if isinstance(op, ast.Is) else not is_none
        case ast.Compare(left=ast.Call(func=ast.Name(id="len"), args=[ast.Name(id=name)]),
                         ops=[op], comparators=[ast.Constant(value=int() as number)]):
            if shapes.get(name) != "*" or call.star is None:
                return None
            return _compare(len(call.star), op, number)
        case ast.Call(func=ast.Name(id="callable"), args=[ast.Name(id=name)]):
            return _is_callable(name, call, shapes)
        case ast.Call(func=ast.Name(id="callable"),
                      args=[ast.Subscript(value=ast.Name(id=name),
                                          slice=ast.Constant(value=int() as index))]):
            if shapes.get(name) != "*" or call.star is None or index >= len(call.star):
                return None
            return True if call.star[index].callable else None
        case ast.Call(func=ast.Name(id="bool"), args=[ast.Name(id=name)]):
            return _is_true(name, call, shapes)
    return None  # ``...``, ``isinstance(p)``: not known


def _compare(left: int, op: ast.cmpop, right: int) -> Truth:
    match op:
        case ast.Eq():
            return left == right
        case ast.NotEq():
            return left != right
        case ast.Lt():
            return left < right
        case ast.LtE():
            return left <= right
        case ast.Gt():
            return left > right
        case ast.GtE():
            return left >= right
    return None


def _absent(name: str, call: CallShape) -> bool:
    arg = call.args.get(name)
    return arg is not None and not arg.passed


def _is_none(name: str, call: CallShape, shapes: dict[str, str]) -> Truth:
    shape = shapes.get(name)
    if shape in ("*", "**"):  # a tuple, a dict
        return False
    if _absent(name, call):
        return {"none": True, "const": False}.get(shape or "")
    arg = call.args.get(name)
    return False if arg is not None and arg.callable else None


def _is_callable(name: str, call: CallShape, shapes: dict[str, str]) -> Truth:
    shape = shapes.get(name)
    if shape in ("*", "**"):
        return False
    if _absent(name, call):
        return False if shape in ("none", "const") else None
    arg = call.args.get(name)
    return True if arg is not None and arg.callable else None


def _is_true(name: str, call: CallShape, shapes: dict[str, str]) -> Truth:
    shape = shapes.get(name)
    if shape == "*":
        return None if call.star is None else bool(call.star)
    if shape == "**":
        return None
    if _absent(name, call):
        return False if shape == "none" else None
    arg = call.args.get(name)
    return True if arg is not None and arg.truthy else None
