"""Decorators of ours whose wrapper is built at run time from the decorated function's own
signature, the way signature-preserving decorator makers do it (the ``decorator`` package's
``FunctionMaker``, SQLAlchemy's ``util.decorator``): ``exec`` of a ``def`` string made from
``inspect.getfullargspec(fn)``, whose body calls ``target(fn, <the same arguments>)``.

The wrapper is no code of ours to read. What is read is the maker's promise, in the terms
Python itself gives it: the maker marks what it returns as the function's own
(``wrapper.__wrapped__ = fn``, ``functools.update_wrapper(wrapper, fn)``), which is what
``inspect.signature`` follows to report the function's signature for the wrapper; the wrapper
is not a ``def`` of ours (that one would be read, and trusted no further than it reads); and
the code it is built from can reach the maker's ``target``. What the call then does is up to
the target, the "caller" (``target(fn, self, *args, **kw)``), which is ours and is judged by
the impact walk as any wrapper is (``ImpactAnalysis._run_time_wrapper_hands_whole``). (A
wrapper ``def`` of ours that a helper of the maker returns is not told from one built at run
time: the one shape left.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from impactgraph.diff.names import Revision
from impactgraph.expressions import WRAPS, CallWith, SymbolRoot, Variable, parse_op, parse_root
from impactgraph.model import Expr, FileSummary, SymbolKind

# Attributes a maker sets to say what its result wraps: ``__wrapped__`` by hand, or what
# ``functools.update_wrapper`` and ``@functools.wraps`` record (``WRAPS``)
WRAPPED_MARKS = frozenset({WRAPS, "__wrapped__"})

Resolve = Callable[[str, Expr], str | None]


def run_time_caller(revision: Revision, symbol: str, resolve: Resolve) -> str | None:
    """The caller decorator ``symbol`` (a function of ours) hands the decorated function to,
    first, through a wrapper a maker builds at run time (``built_at_run_time``); None when the
    decorator is not made so. Two shapes: the maker applied to the decorator itself
    (``@decorator def generative(fn, self, *args, **kw)``, the caller being ``symbol``), or
    applied to a function nested in it, which the decorator calls with the function it is
    given and returns (SQLAlchemy's ``_generative``: ``decorated = _generative(fn); ...;
    return decorated``). ``resolve(module, expr)``: the symbol of ours a decorator
    expression written in ``module`` names."""
    module, _, qualname = symbol.partition(":")
    made = revision.definition(symbol)
    summary = revision.summaries.get(module)
    if made is None or summary is None or made.kind is not SymbolKind.FUNCTION \
            or made.signature is None or not made.signature.parameters:
        return None
    if made.decorator_exprs:
        return symbol if _made_by_run_time_maker(revision, module, made.decorator_exprs,
                                                 resolve) else None
    bindings = dict(summary.bindings)
    first = f"v:{symbol}|{made.signature.parameters[0].name}"
    callers = {_nested_called_with(bindings, symbol, value, first)
               for value in _given_back(bindings, symbol)}
    if len(callers) != 1:
        return None
    (caller,) = callers
    if caller is None or caller.rpartition(".")[0] != qualname:
        return None
    nested = revision.definition(f"{module}:{caller}")
    if nested is None or nested.kind is not SymbolKind.FUNCTION \
            or not _made_by_run_time_maker(revision, module, nested.decorator_exprs, resolve):
        return None
    return f"{module}:{caller}"


def _made_by_run_time_maker(revision: Revision, module: str, decorators: tuple[Expr, ...],
                            resolve: Resolve) -> bool:
    """Is the one decorator written (``decorators``) a maker of ours that builds its wrapper
    at run time (``built_at_run_time``)?"""
    if len(decorators) != 1:
        return False
    maker = resolve(module, decorators[0])
    return maker is not None and built_at_run_time(revision, maker)


def built_at_run_time(revision: Revision, maker: str) -> bool:
    """Is ``maker`` (``decorator(target)``) a function of ours returning its one nested
    function (``decorate(fn)``), which returns, at every ``return``, a value it marks as
    ``fn``'s own (``WRAPPED_MARKS``) and that no ``def`` of ours gives, and whose code can
    reach ``target`` (a value of ``decorate`` holds it: the namespace the wrapper's source
    runs in)?"""
    module, _, qualname = maker.partition(":")
    made = revision.definition(maker)
    summary = revision.summaries.get(module)
    if made is None or summary is None or made.kind is not SymbolKind.FUNCTION \
            or made.decorators or made.signature is None or not made.signature.parameters:
        return False
    nested = [d for d in revision.definitions(module).values()
              if d.qualname.rpartition(".")[0] == qualname and d.kind is SymbolKind.FUNCTION]
    if len(nested) != 1 or nested[0].signature is None \
            or len(nested[0].signature.parameters) != 1 or nested[0].decorators \
            or any(d.qualname.startswith(nested[0].qualname + ".")
                   for d in revision.definitions(module).values()):
        return False  # a wrapper ``def`` of the maker's is read, not taken on trust
    decorate = f"{module}:{nested[0].qualname}"
    bindings = dict(summary.bindings)
    local = f"v:{maker}|{nested[0].qualname.rpartition('.')[2]}"
    if _given_back(bindings, maker) != [(local,)] \
            or bindings.get(local) != ((f"s:{decorate}",),):
        return False
    fn = (f"v:{decorate}|{nested[0].signature.parameters[0].name}",)
    given = _given_back(bindings, decorate)
    target = f"v:{maker}|{made.signature.parameters[0].name}"
    return bool(given) and all(
        _marked_as(summary, value, fn) and not _made_by_def(bindings, value)
        for value in given) and any(
        key.startswith(f"v:{decorate}|") and any(value and value[0] == target
                                                for value in values)
        for key, values in bindings.items())


def _given_back(bindings: Mapping[str, tuple[Expr, ...]], function: str) -> list[Expr]:
    """What ``function`` returns, but the instances its return annotation describes
    (``-> _Fn``: a type, not a value)."""
    return [value for value in bindings.get(f"v:{function}|<return>", ())
            if not (len(value) == 2 and value[1] == "+")]


def _nested_called_with(bindings: Mapping[str, tuple[Expr, ...]], scope: str, value: Expr,
                        argument: str) -> str | None:
    """The qualname of the function nested in ``scope`` whose decorated self ``value`` is a
    call of, with ``argument`` (a variable key) alone (``_generative(fn)``, or a local name
    bound to that call); None for any other value."""
    if len(value) == 1 and isinstance(root := parse_root(value[0]), Variable) \
            and root.key.startswith(f"v:{scope}|"):
        values = bindings.get(root.key, ())
        if len(values) != 1:
            return None
        value = values[0]
    if len(value) != 2 or not isinstance(call := parse_op(value[1]), CallWith) \
            or call.count != 1 or call.names or call.bare \
            or bindings.get(call.positional_keys()[0]) != ((argument,),):
        return None
    local = bindings.get(value[0], ()) if value[0].startswith(f"v:{scope}|") else ()
    if len(local) != 1 or len(local[0]) != 2 or local[0][1] != "@" \
            or not isinstance(made := parse_root(local[0][0]), SymbolRoot):
        return None
    return made.symbol.partition(":")[2]


def _marked_as(summary: FileSummary, value: Expr, fn: Expr) -> bool:
    """Does the module store ``fn`` as what ``value`` wraps (``WRAPPED_MARKS``)?"""
    return any(value in targets and name in WRAPPED_MARKS and values == (fn,)
               for targets, name, values in summary.attribute_stores)


def _made_by_def(bindings: Mapping[str, tuple[Expr, ...]], value: Expr) -> bool:
    """Is ``value`` (or a local variable it is) a function or class of ours, possibly so?"""
    values = bindings.get(value[0], ()) if len(value) == 1 else (value,)
    return not values or any(
        isinstance(parse_root(each[0]), SymbolRoot) for each in values if each)
