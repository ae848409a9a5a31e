"""The roots and operations of the indexer's symbolic expressions, one record per kind.

An ``Expr`` (``impactgraph.model``) is a root followed by operations, kept as strings: that
is what a ``FileSummary`` holds, what the cache stores and what workers send. The indexer
writes each root and operation with the writers here (``symbol_root(id)``, ``attr(name)``,
``CALL``...; ``root_text``/``op_text`` for a record) and the linker reads them back with
``parse_root``/``parse_op``, so the string syntax lives here only and the linker matches on
records (mypy checks that every kind is handled).

=================  ======================  ================================================
root               text                    meaning
=================  ======================  ================================================
SymbolRoot(id)     ``s:mod:Qual``          a class or function of ours
ModuleRoot(name)   ``m:pkg.mod``           a module by its dotted name (ours or not);
                   ``m:pkg.plugins.*``     one of ours under ``pkg.plugins``, loaded by a
                                           name computed at run time (``MODULES_UNDER``)
BuiltinRoot(name)  ``b:len``               a builtin name
ContainerRoot(k)   ``c:mod:f|<c0>``        a container whose elements are bound under the
                                           variable ``v:mod:f|<c0>``
FixtureRoot(l, n)  ``f:mod:Cls|name``      the fixture a test parameter names, looked up
                                           from ``mod:Cls`` (``|^name``: past that scope)
AutouseRoot(l)     ``a:mod:Cls``           the autouse fixtures that run before a test there
Arguments()        ``a:``                  a parameter's entry version: the callers'
                                           arguments, which the linker adds
GeneratedRoot(n)   ``g:name``              a call of ``name`` in source the code builds
Variable(key)      ``v:mod:Qual|name``     whatever the variable ``key`` is bound to (the
                                           key is the binding's, text and all)
=================  ======================  ================================================

=================  ======================  ================================================
operation          text                    meaning
=================  ======================  ================================================
Attr(name)         ``.name``               attribute
AttrPattern(p, s)  ``.~p*s``               ``getattr(obj, computed)``: members matching p*s
Call()             ``()``                  call result (an instance for a class)
CallWith(k, n, .)  ``(KEY N a,b)``         a call whose arguments are bound under
                                           ``KEY[0]``..``KEY[N-1]`` and ``KEY['a']``...;
                   ``(KEY N a,b c,d)``     ... and keywords c, d passed with no value known;
                   ``( N  c,d)``           a call (no ``*``/``**``) of N positional
                                           arguments and keywords c, d, none of whose
                                           values is known: its shape only
Element()          ``[]``                  any element
Item(text)         ``['key']``, ``[2]``    the element at a constant key or position
SliceOf(lo, hi)    ``[1:3]``, ``[2:]``     a slice with constant bounds
Instance()         ``+``                   an instance of this class or of a subclass
GetterOf()         ``!property``           the getter of ``property(getter)``
SetterOf()         ``!setter``             the setter of ``property(getter, setter)``
OnlyClass()        ``!class``              only a class (``raise Error``)
OnlyContainer()    ``!list``               only a list, tuple or other container of ours
                                           (``xs + ys``: the elements of both)
OnlyCode()         ``!code``               only a function, method or class of ours, and
                                           nothing given up on (``cast(T, f)``: what the
                                           instances ``T`` describes cannot stand for)
Unless(module)     ``!unless:mod``         a fallback of ``except ImportError``: dead when
                                           the code base has ``mod``
SubclassOf()       ``^``                   the class or a subclass (``cls`` in a classmethod)
Decorated()        ``@``                   what the definition's decorators return
Decorated(n)       ``@2``                  what its innermost n decorators return (what
                                           the next decorator out is given)
Special(names)     ``%__iter__|__len__``   a special method Python calls implicitly
DescriptorSet(n)   ``!set:n``              ``obj.n = v``: a descriptor ``n``'s ``__set__``
FixtureValue()     ``!fixture``            what a fixture function returns or yields
SuperOf()          ``super``               the ``super()`` proxy of a class
=================  ======================  ================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from sys import intern
from typing import NoReturn

# -- roots ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SymbolRoot:
    symbol: str


@dataclass(frozen=True, slots=True)
class ModuleRoot:
    dotted: str


@dataclass(frozen=True, slots=True)
class BuiltinRoot:
    name: str


@dataclass(frozen=True, slots=True)
class ContainerRoot:
    key: str  # the variable key (``v:...``) its elements are bound under


@dataclass(frozen=True, slots=True)
class FixtureRoot:
    location: str  # ``<module>:<class qualname>`` (no class: ``<module>:``)
    name: str  # ``^name``: looked up past the asking scope (a fixture asking for its own name)


@dataclass(frozen=True, slots=True)
class AutouseRoot:
    location: str  # ``<module>:<class qualname>``


@dataclass(frozen=True, slots=True)
class Arguments:
    pass


@dataclass(frozen=True, slots=True)
class GeneratedRoot:
    name: str


@dataclass(frozen=True, slots=True)
class Variable:
    key: str  # ``v:<module>:<qualname>|<name>``, as the bindings are keyed


Root = (
    SymbolRoot | ModuleRoot | BuiltinRoot | ContainerRoot | FixtureRoot | AutouseRoot
    | Arguments | GeneratedRoot | Variable
)

ARGUMENTS = "a:"
# The attribute under which a wrapper function records what ``functools.update_wrapper`` or
# ``@functools.wraps`` copied onto it (``wrapped.__dict__``): read with the wrapper's own.
WRAPS = "<wraps>"
VARIABLE = "v:"  # the prefix of every variable key
# ends a module root's name that stands for any module of ours under the package before it
# (``import_module(f"pkg.plugins.{name}")``)
MODULES_UNDER = ".*"


def symbol_root(symbol: str) -> str:
    return intern(f"s:{symbol}")


def module_root(dotted: str) -> str:
    return intern(f"m:{dotted}")


def builtin_root(name: str) -> str:
    return intern(f"b:{name}")


def container_root(key: str) -> str:
    """The root of the container whose elements are bound under variable ``key``."""
    return intern("c:" + key.removeprefix(VARIABLE))


def fixture_root(location: str, name: str) -> str:
    return f"f:{location}|{name}"


def autouse_root(location: str) -> str:
    return f"a:{location}"


def generated_root(name: str) -> str:
    return f"g:{name}"


def root_text(root: Root) -> str:
    """The root as an ``Expr`` holds it."""
    match root:
        case SymbolRoot(symbol):
            return symbol_root(symbol)
        case ModuleRoot(dotted):
            return module_root(dotted)
        case BuiltinRoot(name):
            return builtin_root(name)
        case ContainerRoot(key):
            return container_root(key)
        case FixtureRoot(location, name):
            return fixture_root(location, name)
        case AutouseRoot(location):
            return autouse_root(location)
        case Arguments():
            return ARGUMENTS
        case GeneratedRoot(name):
            return generated_root(name)
        case Variable(key):
            return key
        case _:
            assert_never(root)


def parse_root(text: str) -> Root:
    """``root_text`` read back."""
    tag, body = text[:2], text[2:]
    if tag == "v:":
        return Variable(text)
    if tag == "s:":
        return SymbolRoot(body)
    if tag == "m:":
        return ModuleRoot(body)
    if tag == "b:":
        return BuiltinRoot(body)
    if tag == "c:":
        return ContainerRoot(VARIABLE + body)
    if tag == "f:":
        location, _, name = body.rpartition("|")
        return FixtureRoot(location, name)
    if tag == "a:":
        return AutouseRoot(body) if body else Arguments()
    if tag == "g:":
        return GeneratedRoot(body)
    raise ValueError(f"not an expression root: {text!r}")


# -- operations -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attr:
    name: str


@dataclass(frozen=True, slots=True)
class AttrPattern:
    prefix: str
    suffix: str
    # ``getattr(self.inner, name)`` in ``__getattr__(self, name)``: the name asked for (unknown
    # to the function, known where the lookup that ran ``__getattr__`` is: see the linker)
    asked: bool = False


@dataclass(frozen=True, slots=True)
class Call:
    pass


@dataclass(frozen=True, slots=True)
class CallWith:
    key: str  # a variable key (``v:...``) under which the arguments are bound
    count: int  # positional arguments
    names: tuple[str, ...] = ()  # keyword arguments
    # keyword arguments passed too, whose values nothing is known of (constants...): bound
    # under no key. A call with an empty ``key`` records the shape of its arguments only.
    bare: tuple[str, ...] = ()

    def positional_keys(self) -> list[str]:
        return [f"{self.key}[{i}]" for i in range(self.count)]

    def keyword_key(self, name: str) -> str:
        return f"{self.key}[{name!r}]"


@dataclass(frozen=True, slots=True)
class Element:
    pass


@dataclass(frozen=True, slots=True)
class Item:
    text: str  # ``['key']`` or ``[2]``: the suffix of the variable key that element has

    @property
    def position(self) -> int | None:
        """The non-negative position it names, if it names one."""
        inner = self.text[1:-1]
        return int(inner) if inner.isdigit() else None


@dataclass(frozen=True, slots=True)
class SliceOf:
    low: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class Instance:
    pass


@dataclass(frozen=True, slots=True)
class GetterOf:
    pass


@dataclass(frozen=True, slots=True)
class SetterOf:
    pass


@dataclass(frozen=True, slots=True)
class OnlyClass:
    pass


@dataclass(frozen=True, slots=True)
class OnlyContainer:
    pass


@dataclass(frozen=True, slots=True)
class OnlyCode:
    pass


@dataclass(frozen=True, slots=True)
class Unless:
    module: str


@dataclass(frozen=True, slots=True)
class SubclassOf:
    pass


@dataclass(frozen=True, slots=True)
class Decorated:
    depth: int = 0  # the innermost ``depth`` decorators only; 0: all of them


@dataclass(frozen=True, slots=True)
class Special:
    names: tuple[str, ...]  # fallbacks in order (``__iter__`` then ``__getitem__``)


@dataclass(frozen=True, slots=True)
class DescriptorSet:
    name: str


@dataclass(frozen=True, slots=True)
class FixtureValue:
    pass


@dataclass(frozen=True, slots=True)
class SuperOf:
    pass


Op = (
    Attr | AttrPattern | Call | CallWith | Element | Item | SliceOf | Instance | GetterOf
    | SetterOf | OnlyClass | OnlyContainer | OnlyCode | Unless | SubclassOf | Decorated | Special
    | DescriptorSet | FixtureValue | SuperOf
)

_FIXED: dict[str, Op] = {
    "()": Call(), "[]": Element(), "+": Instance(), "!property": GetterOf(),
    "!setter": SetterOf(),
    "!class": OnlyClass(), "!list": OnlyContainer(), "!code": OnlyCode(), "^": SubclassOf(),
    "@": Decorated(), "!fixture": FixtureValue(), "super": SuperOf(),
}
_FIXED_TEXT: dict[Op, str] = {op: text for text, op in _FIXED.items()}

# The indexer appends these texts (the operations without fields) and the writers below
# (the others) to the expressions it builds: cheaper than making a record per operation.
CALL = _FIXED_TEXT[Call()]
ELEMENT = _FIXED_TEXT[Element()]
INSTANCE = _FIXED_TEXT[Instance()]
GETTER_OF = _FIXED_TEXT[GetterOf()]
SETTER_OF = _FIXED_TEXT[SetterOf()]
ONLY_CLASS = _FIXED_TEXT[OnlyClass()]
ONLY_CONTAINER = _FIXED_TEXT[OnlyContainer()]
ONLY_CODE = _FIXED_TEXT[OnlyCode()]
SUBCLASS_OF = _FIXED_TEXT[SubclassOf()]
DECORATED = _FIXED_TEXT[Decorated()]
FIXTURE_VALUE = _FIXED_TEXT[FixtureValue()]
SUPER_OF = _FIXED_TEXT[SuperOf()]


def attr(name: str) -> str:
    return intern(f".{name}")


def attr_pattern(prefix: str, suffix: str) -> str:
    return f".~{prefix}*{suffix}"


ASKED_NAME = ".~?"  # ``AttrPattern("", "", asked=True)``: no ``*``, so no pattern reads so


ANY_KEYWORDS = "**"  # among a CallWith's ``bare`` names: ``f(**options)``, any keyword
# module variables holding the functions a ``functools.partial`` binds arguments of:
# ``<partial:a,b>`` keywords a and b (``partial(f, a=x, b=y)``), ``<partial*>`` positional
# ones or keywords not known (``partial(f, x)``, ``partial(f, **options)``)
PREBOUND = "<partial:"
PREBOUND_POSITIONAL = "<partial*>"


def call_with(key: str, count: int, names: Iterable[str], bare: Iterable[str] = ()) -> str:
    others = ",".join(bare)
    return intern(f"({key} {count} {','.join(names)}{' ' + others if others else ''})")


def decorated_by(depth: int) -> str:
    """What the innermost ``depth`` decorators of a definition return (``Decorated(depth)``)."""
    return f"{DECORATED}{depth}"


def item(constant: str | int) -> str:
    """The operation (and variable-key suffix) of a constant key or position."""
    return intern(f"[{constant!r}]")


def slice_of(low: int | None, high: int | None) -> str:
    return f"[{'' if low is None else low}:{'' if high is None else high}]"


def unless(module: str) -> str:
    return f"!unless:{module}"


def special(names: Iterable[str]) -> str:
    return intern("%" + "|".join(names))


def descriptor_set(name: str) -> str:
    return f"!set:{name}"


def assert_never(value: NoReturn) -> NoReturn:
    """mypy proves a ``match`` covers every kind (``typing.assert_never`` is 3.11+)."""
    raise AssertionError(f"unhandled {value!r}")


def op_text(op: Op) -> str:
    """The operation as an ``Expr`` holds it."""
    match op:
        case Attr(name):
            return attr(name)
        case AttrPattern(prefix, suffix, asked):
            return ASKED_NAME if asked else attr_pattern(prefix, suffix)
        case CallWith(key, count, names, bare):
            return call_with(key, count, names, bare)
        case Item(text):
            return text
        case SliceOf(low, high):
            return slice_of(low, high)
        case Unless(module):
            return unless(module)
        case Special(names):
            return special(names)
        case DescriptorSet(name):
            return descriptor_set(name)
        case Decorated(depth) if depth:
            return decorated_by(depth)
        case (
            Call() | Element() | Instance() | GetterOf() | SetterOf() | OnlyClass()
            | OnlyContainer() | OnlyCode() | SubclassOf() | Decorated() | FixtureValue() | SuperOf()
        ):
            return _FIXED_TEXT[op]
        case _:
            assert_never(op)


def parse_op(text: str) -> Op:
    """``op_text`` read back (the linker keeps what it parsed: operations repeat)."""
    fixed = _FIXED.get(text)
    if fixed is not None:
        return fixed
    if text == ASKED_NAME:
        return AttrPattern("", "", asked=True)
    if text.startswith(".~"):
        prefix, _, suffix = text[2:].partition("*")
        return AttrPattern(prefix, suffix)
    if text.startswith("."):
        return Attr(text[1:])
    if text.startswith("(") and text.endswith(")"):
        key, count, names, *bare = text[1:-1].split(" ")
        return CallWith(key, int(count), tuple(n for n in names.split(",") if n),
                        tuple(n for n in bare[0].split(",") if n) if bare else ())
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1]
        # a constant key is written as its repr (``['a:b']``): only unquoted bounds slice
        if ":" in inner and not inner.startswith(("'", '"')):
            low, _, high = inner.partition(":")
            return SliceOf(int(low) if low else None, int(high) if high else None)
        return Item(text)
    if text.startswith("!unless:"):
        return Unless(text[len("!unless:"):])
    if text.startswith("!set:"):
        return DescriptorSet(text[len("!set:"):])
    if text.startswith("%"):
        return Special(tuple(text[1:].split("|")))
    if text.startswith(DECORATED) and text[1:].isdigit():
        return Decorated(int(text[1:]))
    raise ValueError(f"not an expression operation: {text!r}")
