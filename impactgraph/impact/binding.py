"""Does a call site still bind to a signature? Python's argument binding rules, on shapes."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence
from dataclasses import replace

from impactgraph.model import CallSite, Parameter, ParamKind, Signature

_BINARY = ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow", "lshift",
           "rshift", "and", "or", "xor")
# How many arguments, past the instance, Python passes to a special method it calls for an
# operator or a protocol (``x[k]`` -> ``__getitem__(k)``). Those with more than one form
# (``round(x)``/``round(x, n)``, ``pow`` with a modulus) are left out: their shape is unknown.
SPECIAL_ARITY: dict[str, int] = {
    **{f"__{op}__": 1 for op in _BINARY}, **{f"__r{op}__": 1 for op in _BINARY},
    **{f"__i{op}__": 1 for op in _BINARY},
    **{f"__{op}__": 1 for op in ("eq", "ne", "lt", "le", "gt", "ge")},
    **dict.fromkeys((
        "__neg__", "__pos__", "__invert__", "__abs__", "__bool__", "__len__", "__iter__",
        "__next__", "__reversed__", "__str__", "__repr__", "__hash__", "__bytes__", "__int__",
        "__float__", "__complex__", "__index__", "__trunc__", "__enter__", "__aenter__",
        "__aiter__", "__anext__", "__await__", "__copy__", "__getstate__", "__dir__",
        "__length_hint__", "__fspath__"), 0),
    **dict.fromkeys((
        "__getitem__", "__delitem__", "__contains__", "__format__", "__deepcopy__",
        "__reduce_ex__", "__setstate__", "__missing__", "__divmod__", "__getattr__",
        "__getattribute__", "__delattr__"), 1),
    "__setitem__": 2, "__setattr__": 2, "__get__": 2, "__set__": 2, "__set_name__": 2,
    "__exit__": 3, "__aexit__": 3,
}


def implicit_shape(site: CallSite, method: str) -> tuple[CallSite, bool] | None:
    """The call Python makes for an implicit site (an operator, a protocol) of special method
    ``method``: its fixed arguments, on the instance; None when the shape is not known."""
    count = SPECIAL_ARITY.get(method)
    if count is None:
        return None
    return replace(site, args=((),) * count, kwargs=(), star=False), True


def spread_out(site: CallSite, lengths: Sequence[int | None]) -> CallSite:
    """The call with its ``*value``s written out, when the length of each is known
    (``lengths``, one per ``site.spreads``): as many more positional arguments. Otherwise, or
    for a summary that does not record them, the call as it is."""
    if not site.unpacks & 1 or len(lengths) != len(site.spreads) or not lengths:
        return site
    known = [length for length in lengths if length is not None]
    if len(known) != len(lengths):
        return site
    unpacks = site.unpacks & 2  # a ``**mapping`` is left as it is
    kwargs = site.kwargs if unpacks else tuple(
        (name, values) for name, values in site.kwargs if name != "**")
    return replace(site, args=site.args + ((),) * sum(known), kwargs=kwargs,
                   star=bool(unpacks), unpacks=unpacks, spreads=())


# Types none of whose values can be hashed (a cache's key cannot hold one), by their last
# dotted part, bare or subscripted (``list[str]``)
UNHASHABLE_TYPES = frozenset({
    "list", "dict", "set", "bytearray", "List", "Dict", "Set", "DefaultDict", "defaultdict",
    "OrderedDict", "Counter", "Deque", "deque", "ChainMap", "MutableMapping",
    "MutableSequence", "MutableSet",
})


def unhashable_annotation(annotation: str | None) -> bool:
    """Can no value of this annotated type be hashed (``list[str]``, ``dict``,
    ``"List[int]"``, ``list | set``)? False when some may be (``list | None``,
    ``Sequence[int]``, a class) or when not known."""
    if annotation is None:
        return False
    try:
        tree = ast.parse(annotation, mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return False
    return _unhashable(tree)


def _unhashable(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and unhashable_annotation(node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _unhashable(node.left) and _unhashable(node.right)
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, (ast.Name, ast.Attribute)):
        return ast.unparse(node).rpartition(".")[2] in UNHASHABLE_TYPES
    return False


def required_call(signature: Signature, bound: bool) -> CallSite:
    """The call passing a signature just what it requires: its required positional
    parameters by position, its required keyword-only ones by name. Outside code handed a
    function calls it so, as far as anyone here can tell."""
    params = list(signature.parameters)
    positional = [
        p for p in params if p.kind in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)
    ]
    if bound and positional:
        positional.pop(0)
    count = sum(1 for p in positional if p.default is None)
    keywords = tuple((p.name, ()) for p in params
                     if p.kind is ParamKind.KEYWORD_ONLY and p.default is None)
    return CallSite("", (), 0, args=((),) * count, kwargs=keywords)


def keyword_names(parameters: Iterable[Parameter]) -> frozenset[str]:
    """The names of the parameters a call may pass by keyword."""
    return frozenset(p.name for p in parameters
                     if p.kind in (ParamKind.POSITIONAL_OR_KEYWORD, ParamKind.KEYWORD_ONLY))


def parameter_taking(signature: Signature, site: CallSite, bound: bool,
                     argument: int | str) -> str | None:
    """The name of the parameter that argument ``argument`` of ``site`` (a position, or a
    keyword's name) binds, when the call binds ``signature``; None when it does not, or
    when the argument goes into a ``*args`` or ``**kwargs``."""
    if call_binds(signature, site, bound) is not True:
        return None
    params = list(signature.parameters)
    positional = [
        p for p in params if p.kind in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)
    ]
    if bound and positional:
        positional.pop(0)
    if isinstance(argument, int):
        return positional[argument].name if argument < len(positional) else None
    return argument if argument in keyword_names(params) else None


def call_binds(signature: Signature, site: CallSite, bound: bool) -> bool | None:
    """True when the call binds, False when it cannot, None when it cannot be told.

    ``bound``: the first parameter is taken by the instance (or class, or the constructor).
    A call that unpacks ``*seq`` or ``**mapping`` (of a length not known: ``spread_out``)
    cannot bind when its written arguments cannot, or when a required parameter is given by
    neither them nor what it unpacks can give (a keyword-only one by no ``**``, a
    positional-only one by no ``*``); it binds when each unpacked value goes into a
    ``*args``/``**kwargs`` of the signature and its written arguments give every required
    parameter; else it cannot be told.
    """
    params = list(signature.parameters)
    positional = [
        p for p in params if p.kind in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)
    ]
    if bound and positional:
        params.remove(positional.pop(0))
    var_positional = any(p.kind is ParamKind.VAR_POSITIONAL for p in params)
    var_keyword = any(p.kind is ParamKind.VAR_KEYWORD for p in params)
    unpacks = site.unpacks if site.star else 0
    if site.star and not unpacks:
        return None  # an older summary: what it unpacks is not recorded
    # what is unpacked may go where the signature has no ``*args``/``**kwargs`` for it
    unknown = bool((unpacks & 1 and not var_positional) or (unpacks & 2 and not var_keyword))
    given = len(site.args)
    if given > len(positional) and not var_positional:
        return False
    assigned = {p.name for p in positional[:given]}
    by_name = keyword_names(params)
    for name, _ in site.kwargs:
        if site.star and name == "**":
            continue  # what ``*``/``**`` hand over, recorded for the flow: no parameter
        if name in assigned:
            return False  # got multiple values
        if name in by_name:
            assigned.add(name)
        elif not var_keyword:
            return False  # unexpected keyword
    for p in params:
        if p.kind in (ParamKind.VAR_POSITIONAL, ParamKind.VAR_KEYWORD):
            continue
        if p.default is None and p.name not in assigned:
            # a required parameter is missing, unless what is unpacked can give it
            if not unpacks & _FILLS[p.kind]:
                return False
            unknown = True
    return None if unknown else True


# What can give a parameter of each kind: 1 a ``*sequence``, 2 a ``**mapping``
_FILLS = {ParamKind.POSITIONAL_ONLY: 1, ParamKind.POSITIONAL_OR_KEYWORD: 3,
          ParamKind.KEYWORD_ONLY: 2}
