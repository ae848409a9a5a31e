"""What the linker's evaluation of an expression gives: one small record per kind of value.

The records are ``NamedTuple``s, not dataclasses: the resolver puts millions of them in sets
and memoised frozensets, and a tuple's hash and equality run in C (a frozen dataclass's
``__hash__`` is Python code, about three times slower on a set union). Each record ends with
a ``tag`` field that only its class has, so records of two kinds never compare equal (two
bare tuples ``("a",)`` would).

``legacy`` gives a value's old tuple form (``("sym", id)``, ``("inst", cls, exact)``...): the
resolver orders values by it, so evaluation visits values in the order it always has (where a
cycle is cut, that order decides what is seen first).
"""

from __future__ import annotations

from typing import Literal, NamedTuple, NoReturn

# How a function was reached: "" directly; "dispatch" only through a subclass's override (one
# receiver of many); "dynamic" by a name computed at run time (``getattr(obj, "on_" + x)``);
# "unbounded" by a name nothing is known of (``getattr(obj, name)``: ``receiver`` says whose).
Mark = Literal["", "dispatch", "dynamic", "unbounded"]


class Sym(NamedTuple):
    """A function, method or class defined in the code base (``module:qualname``)."""

    symbol: str
    mark: Mark = ""
    receiver: str = ""  # with mark "unbounded": the class or module whose member it is
    tag: Literal["sym"] = "sym"


class Bound(NamedTuple):
    """A method reached through an instance: its ``self`` is already taken."""

    symbol: str
    mark: Mark = ""
    receiver: str = ""
    tag: Literal["bound"] = "bound"


class Mod(NamedTuple):
    """A module of the code base."""

    name: str
    tag: Literal["mod"] = "mod"


class Inst(NamedTuple):
    """An instance of a class of ours; ``exact`` False: or of any subclass."""

    cls: str
    exact: bool
    tag: Literal["inst"] = "inst"


class Subclass(NamedTuple):
    """``cls`` in a classmethod: the class or any subclass of it."""

    cls: str
    tag: Literal["subcls"] = "subcls"


class Super(NamedTuple):
    """The ``super()`` proxy inside ``cls``."""

    cls: str
    tag: Literal["super"] = "super"


class Ext(NamedTuple):
    """Something outside the code base, by its import path; ``carried``: an outside object
    built by that recorded call (``(KEY N NAMES)``), whose arguments it carries (and may call
    back)."""

    dotted: str
    carried: str = ""
    tag: Literal["ext"] = "ext"


class Builtin(NamedTuple):
    """A builtin name (``len``, ``str``)."""

    name: str
    tag: Literal["bi"] = "bi"


class BuiltinInstance(NamedTuple):
    """An instance of a builtin type (``str()``, an ``int`` annotation)."""

    type: str
    tag: Literal["biinst"] = "biinst"


class BuiltinMethod(NamedTuple):
    """A method of a builtin type or container: known, not ours."""

    name: str
    tag: Literal["bimeth"] = "bimeth"


class Container(NamedTuple):
    """A container whose elements are bound under variable ``key``."""

    key: str
    tag: Literal["cont"] = "cont"


class Slice(NamedTuple):
    """``container[low:high]`` of the container bound under ``key``; ``high`` -1: to the end."""

    key: str
    low: int
    high: int
    tag: Literal["slice"] = "slice"


class Pairs(NamedTuple):
    """``d.items()`` of the container under ``key``: its elements are (key, value) pairs."""

    key: str
    tag: Literal["pairs"] = "pairs"


class Pair(NamedTuple):
    """One (key, value) pair of ``d.items()``: its ``[1]`` is an element of ``key``."""

    key: str
    tag: Literal["pair"] = "pair"


class ContainerMethod(NamedTuple):
    """A method of the container under ``key`` that gives its elements back: ``get`` (an
    element), ``view`` (a view of them, ``values()``), ``items`` (its pairs) or ``merge`` (a
    new container of them and of its arguments': ``ChainMap.new_child(m)``, ``s.union(t)``)."""

    key: str
    gives: Literal["items", "view", "get", "merge"]
    tag: Literal["cmeth"] = "cmeth"


class Property(NamedTuple):
    """The getter of ``property(getter)``: reading the attribute calls it."""

    getter: str
    tag: Literal["prop"] = "prop"


class Setter(NamedTuple):
    """The setter of ``property(getter, setter)``: assigning the attribute calls it, reading
    it does not."""

    setter: str
    tag: Literal["setter"] = "setter"


class Via(NamedTuple):
    """``__getattr__`` or a descriptor's ``__get__`` that runs on the way to a value."""

    method: str
    tag: Literal["via"] = "via"


class Named(NamedTuple):
    """The function a decorated name stands for while a wrapper is what runs; ``mark`` as
    a ``Sym``'s ("dynamic", "unbounded": the name was computed at run time)."""

    symbol: str
    mark: Mark = ""
    tag: Literal["named"] = "named"


class Top(NamedTuple):
    """Anything at all: what an expression holds when it has more values than the resolver
    keeps (``MAX_VALUES``), or when it is too deep to follow. It absorbs: a set holding it is
    just it, and every operation on it gives it again, so a value set only ever grows towards
    it (cycles settle; dropping values past a limit would make a set shrink when it grows).
    Nothing is known of what a call of it runs: the call is unresolved, and test selection
    fails open there (an unbounded site with ``ANY_CALLEE``)."""

    tag: Literal["top"] = "top"


Value = (
    Sym | Bound | Mod | Inst | Subclass | Super | Ext | Builtin | BuiltinInstance
    | BuiltinMethod | Container | Slice | Pairs | Pair | ContainerMethod | Property | Setter | Via
    | Named | Top
)
Function = Sym | Bound  # what may name a function of ours


def assert_never(value: NoReturn) -> NoReturn:
    """mypy proves a ``match`` covers every kind of value (``typing.assert_never`` is 3.11+)."""
    raise AssertionError(f"unhandled value {value!r}")


def legacy(value: Value) -> tuple[object, ...]:
    """The value as the tuple the resolver used before these records (its sort order)."""
    match value:
        case Sym(symbol, mark, receiver) | Bound(symbol, mark, receiver):
            if mark == "unbounded":
                return (value.tag, symbol, mark, receiver)
            return (value.tag, symbol, mark) if mark else (value.tag, symbol)
        case Named(symbol, mark):
            return (value.tag, symbol, mark) if mark else (value.tag, symbol)
        case Inst(cls, exact):
            return ("inst", cls, exact)
        case Ext(dotted, carried):
            return ("ext", dotted, carried) if carried else ("ext", dotted)
        case Slice(key, low, high):
            return ("slice", key, low, high)
        case ContainerMethod(key, gives):
            return ("cmeth", key, gives)
        case (
            Mod(text) | Subclass(text) | Super(text) | Builtin(text)
            | BuiltinInstance(text) | BuiltinMethod(text) | Container(text) | Pairs(text)
            | Pair(text) | Property(text) | Setter(text) | Via(text)
        ):
            return (value.tag, text)
        case Top():
            return (value.tag,)
        case _:
            assert_never(value)


def sort_key(value: Value) -> tuple[str, ...]:
    """Orders values as their ``legacy`` tuples (as strings) are ordered, and faster: the tag
    first, then every field as text. A value without a mark has "" where the legacy tuple
    ended, which sorts first just as the shorter tuple did."""
    return (value.tag, *map(str, value))
