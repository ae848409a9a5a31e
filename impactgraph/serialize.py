"""FileSummary <-> JSON-compatible data, exactly, without executing anything when reading.

Cached summaries may come from an untrusted branch (CI caches are shared), so the format is
plain JSON: decoding builds only the model's own dataclasses, tuples, strings, numbers and
enum members, driven by the model's type hints. Anything that does not fit raises
``SerializationError``; a reader treats that as "not cached".

Encoding (``{"schema_version": N, "strings": [...], "summary": [...]}``):

* every string is stored once, in ``strings``, and referred to by its index: a summary
  repeats the same few names and expressions many times over (``v:pkg.mod:Cls.meth|self``);
* a dataclass is the array of its field values in declaration order, the trailing ones that
  hold their default left out (most fields of most values do);
* tuples are arrays, enums their values, ``None``/bools/ints themselves.

A warm run decodes every summary of the code base, so decoding is built for speed: half as
much JSON to parse as with field names and inline strings, each dataclass decoded by Python
source generated for it once (``_compiled_decoder``), and the common shapes (names, ``Expr``
tuples) decoded by C-level ``map`` calls rather than per-item Python functions.
``SCHEMA_VERSION`` changes whenever this encoding changes (and the cache keys its entries by
a fingerprint of this module's source too).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import zlib
from collections.abc import Callable
from enum import Enum
from typing import Any

from impactgraph.model import FileSummary

SCHEMA_VERSION = 21  # 5: CallSite.unpacks; 6: .spreads, .entered, Definition.returns_length;
# 7: Signature.is_generator, CallSite.iterated, Definition.metaclass; 8: .raises_expected;
# 9: FileSummary.getattr_names; 10: CallSite.awaited; 11: Definition.code_lines;
# 12: ImportBinding.guarded; 13: Definition.other_bases, CallSite.retried;
# 14: FileSummary.tolerant_reads; 15: FileSummary.all_from; 16: Reference.held;
# 17: FileSummary.module_code; 18: FileSummary.literals; 19: FileSummary.named_files;
# 20: FileSummary.mutables for .literals; 21: FileSummary.class_literals

Strings = dict[str, int]  # string -> its index in the table being built
Lookup = Callable[[int], str]  # the table being read: ``strings.__getitem__``
Encoder = Callable[[Any, Strings], Any]
Decoder = Callable[[Any, Lookup], Any]


class SerializationError(ValueError):
    """Data that is not a summary written by this schema version."""


# -- codecs compiled once per type ------------------------------------------------------------


class _Table(dict[str, int]):
    """The string table being built: a string's index, a new one numbered on first sight
    (in C for every string seen before)."""

    def __missing__(self, value: str) -> int:
        index = self[value] = len(self)
        return index


def _index(value: str, strings: Strings) -> int:
    index = strings.get(value)
    if index is None:
        index = strings[value] = len(strings)
    return index


def _string(value: Any, lookup: Lookup) -> str:
    if type(value) is not int:
        raise SerializationError("expected a string index")
    return lookup(value)


def _names(value: Any, lookup: Lookup) -> tuple[str, ...]:
    if type(value) is not list:
        raise SerializationError("expected an array")
    return tuple(map(lookup, value))  # a non-int item fails in the lookup


def _exprs(value: Any, lookup: Lookup) -> tuple[tuple[str, ...], ...]:
    if type(value) is not list:
        raise SerializationError("expected an array")
    # A string or a number where an array belongs fails in ``map`` or in the lookup.
    return tuple([tuple(map(lookup, expr)) for expr in value])


def _encode_names(value: Any, strings: Strings) -> list[int]:
    return [_index(item, strings) for item in value]


def _encode_exprs(value: Any, strings: Strings) -> list[list[int]]:
    return [[_index(item, strings) for item in expr] for expr in value]


def _primitive(kind: type) -> tuple[Encoder, Decoder]:
    def decode(value: Any, lookup: Lookup) -> Any:
        # bool is an int subclass: keep the two apart so a round trip is exact.
        if type(value) is not kind:
            raise SerializationError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    return (lambda value, strings: value), decode


def _optional(inner: tuple[Encoder, Decoder]) -> tuple[Encoder, Decoder]:
    encode_inner, decode_inner = inner
    return (
        lambda value, strings: None if value is None else encode_inner(value, strings),
        lambda value, lookup: None if value is None else decode_inner(value, lookup),
    )


def _enum(cls: type[Enum]) -> tuple[Encoder, Decoder]:
    members = {member.value: member for member in cls}

    def decode(value: Any, lookup: Lookup) -> Any:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise SerializationError(f"not a {cls.__name__}: {value!r}") from None

    return (lambda value, strings: value.value), decode


def _variadic(inner: tuple[Encoder, Decoder]) -> tuple[Encoder, Decoder]:
    encode_inner, decode_inner = inner
    if decode_inner is _string:  # names, and ``Expr``
        return _encode_names, _names
    if decode_inner is _names:  # tuple[Expr, ...]: about half of all values
        return _encode_exprs, _exprs

    def decode(value: Any, lookup: Lookup) -> tuple[Any, ...]:
        if type(value) is not list:
            raise SerializationError("expected an array")
        return tuple([decode_inner(item, lookup) for item in value])

    return (lambda value, strings: [encode_inner(item, strings) for item in value]), decode


def _fixed(items: list[tuple[Encoder, Decoder]]) -> tuple[Encoder, Decoder]:
    encoders = [encode for encode, _ in items]
    decoders = [decode for _, decode in items]

    def encode(value: Any, strings: Strings) -> list[Any]:
        return [e(item, strings) for e, item in zip(encoders, value, strict=True)]

    def decode(value: Any, lookup: Lookup) -> tuple[Any, ...]:
        if type(value) is not list or len(value) != len(decoders):
            raise SerializationError(f"expected {len(decoders)} items")
        return tuple([d(item, lookup) for d, item in zip(decoders, value, strict=True)])

    return encode, decode


def _dataclass(cls: type) -> tuple[Encoder, Decoder]:
    """A dataclass is the array of its field values in order, trailing defaults left out."""
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    codecs = [_codec(hints[f.name]) for f in fields]
    names = [f.name for f in fields]
    defaults = _defaults(cls, fields)
    required = len(fields) - len(defaults)
    encoders = [encode for encode, _ in codecs]
    decoders = [decode for _, decode in codecs]

    def encode(value: Any, strings: Strings) -> list[Any]:
        raw = [getattr(value, name) for name in names]
        size = len(raw)
        while size > required and raw[size - 1] == defaults[size - 1 - required]:
            size -= 1
        return [encoders[i](raw[i], strings) for i in range(size)]

    def decode(value: Any, lookup: Lookup) -> Any:
        if type(value) is not list or not required <= len(value) <= len(decoders):
            raise SerializationError(f"expected the {len(decoders)} fields of {cls.__name__}")
        # Trailing fields may be absent (their defaults): a shorter ``value`` is fine.
        return cls(*[d(item, lookup) for d, item in zip(decoders, value, strict=False)])

    return (_compiled_encoder(cls, fields, hints, defaults) or encode,
            _compiled_decoder(cls, fields, hints, defaults) or decode)


def _defaults(cls: type, fields: list[dataclasses.Field[Any]]) -> list[Any]:
    defaults: list[Any] = []
    for f in fields:
        if f.default is not dataclasses.MISSING:
            defaults.append(f.default)
        elif f.default_factory is not dataclasses.MISSING:
            defaults.append(f.default_factory())
        elif defaults:  # pragma: no cover - dataclasses forbid this order
            raise TypeError(f"{cls.__name__}: a required field after a default one")
    return defaults


# -- decoders compiled to Python source, one per dataclass --------------------------------------
#
# Decoding is most of a warm run's own work (Django: ~170,000 dataclasses and a million tuples),
# and the generic decoder above pays a Python call per field of every object and ``__init__``'s
# ``object.__setattr__`` per field of a frozen dataclass. The compiled one decodes each field
# inline (a comprehension per variadic field, C-level ``map`` for names and expressions) and
# fills a slotted object through its slots' descriptors: ~3x faster, the same objects, and the
# same checks (a string index must be an int, a bool a bool, an enum value one of its members;
# anything else raises, as above).

_COMPILED: dict[type, Decoder] = {}


def _bad(value: Any) -> Any:
    raise SerializationError(f"unexpected {type(value).__name__}")


class _Source:
    """The names a generated decoder refers to, and fresh local variable names."""

    def __init__(self) -> None:
        self.env: dict[str, Any] = {"_bad": _bad, "SerializationError": SerializationError,
                                    "_new": object.__new__}
        self.count = 0

    def refer(self, value: Any, hint: str) -> str:
        name = f"_{hint}{len(self.env)}"
        self.env[name] = value
        return name

    def local(self) -> str:
        self.count += 1
        return f"v{self.count}"


def _compiled_decoder(cls: type, fields: list[dataclasses.Field[Any]], hints: dict[str, Any],
                      defaults: list[Any]) -> Decoder | None:
    """``cls``'s decoder as generated Python; None for a class it does not apply to (not
    slotted, or with a ``__post_init__`` or fields ``__init__`` does not take)."""
    if cls in _COMPILED:
        return _COMPILED[cls]
    slots = [cls.__dict__.get(f.name) for f in fields]
    if (hasattr(cls, "__post_init__") or len(fields) != len(dataclasses.fields(cls))
            or any(type(slot).__name__ != "member_descriptor" for slot in slots)):
        return None
    source = _Source()
    required = len(fields) - len(defaults)
    message = f"expected the {len(fields)} fields of {cls.__name__}"
    lines = [
        "def decode(value, L):",
        f"    if type(value) is not list or not {required} <= len(value) <= {len(fields)}:",
        f"        raise SerializationError({message!r})",
        "    n = len(value)",
        f"    o = _new({source.refer(cls, 'cls')})",
    ]
    setters = [source.refer(slot.__set__, "set") for slot in slots]  # type: ignore[union-attr]
    for position, f in enumerate(fields):
        if position >= required:  # this field and all after it absent: their defaults
            lines.append(f"    if n <= {position}:")
            lines += [f"        {setter}(o, {source.refer(default, 'default')})"
                      for setter, default in zip(setters[position:],
                                                 defaults[position - required:], strict=True)]
            lines.append("        return o")
        expression = _decode_expression(hints[f.name], "x", source)
        lines += [f"    x = value[{position}]", f"    {setters[position]}(o, {expression})"]
    lines.append("    return o")
    namespace = dict(source.env)
    exec("\n".join(lines), namespace)  # noqa: S102 - our own source, made from type hints
    decoder: Decoder = namespace["decode"]
    _COMPILED[cls] = decoder
    return decoder


# -- encoders compiled the same way ---------------------------------------------------------------
#
# Every summary a worker makes is encoded for the cache (Django: ~170,000 dataclasses). The
# generic encoder above pays a Python call per field and per string; the compiled one reads
# each field inline and numbers strings through the table's C-level ``__getitem__``
# (``_Table``): the very same output, strings numbered in the same order.

_COMPILED_ENCODERS: dict[type, Encoder] = {}


def _compiled_encoder(cls: type, fields: list[dataclasses.Field[Any]], hints: dict[str, Any],
                      defaults: list[Any]) -> Encoder | None:
    """``cls``'s encoder as generated Python (tables are ``_Table``s); None for a class with
    fields ``__init__`` does not take."""
    if cls in _COMPILED_ENCODERS:
        return _COMPILED_ENCODERS[cls]
    if len(fields) != len(dataclasses.fields(cls)):
        return None
    source = _Source()
    required = len(fields) - len(defaults)
    values = [f"o.{f.name}" for f in fields]
    encoded = [_encode_expression(hints[f.name], f"f{i}", source) for i, f in enumerate(fields)]
    lines = ["def encode(o, S):", "    G = S.__getitem__"]
    lines += [f"    f{i} = {value}" for i, value in enumerate(values)]
    # trailing fields that hold their default are left out, as ``_dataclass`` does: ``n`` is
    # how many are written, and only those are encoded (their strings numbered)
    lines.append(f"    n = {len(fields)}")
    for position in range(len(fields) - 1, required - 1, -1):
        default = source.refer(defaults[position - required], "default")
        lines.append(f"    if n == {position + 1} and f{position} == {default}:")
        lines.append(f"        n = {position}")
    lines.append(f"    r = [{', '.join(encoded[:required])}]")
    for position in range(required, len(fields)):
        lines += [f"    if n > {position}:", f"        r.append({encoded[position]})"]
    lines.append("    return r")
    namespace = dict(source.env)
    exec("\n".join(lines), namespace)  # noqa: S102 - our own source, made from type hints
    encoder: Encoder = namespace["encode"]
    _COMPILED_ENCODERS[cls] = encoder
    return encoder


def _encode_expression(tp: Any, name: str, source: _Source) -> str:
    """A Python expression that encodes the value in variable ``name`` as a ``tp`` (``S``:
    the table, ``G``: its ``__getitem__``)."""
    origin = typing.get_origin(tp)
    arguments = typing.get_args(tp)
    if tp is str:
        return f"G({name})"
    if tp in (int, bool):
        return name
    if isinstance(tp, type) and issubclass(tp, Enum):
        return f"{name}.value"
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return f"{source.refer(_codec(tp)[0], 'encode')}({name}, S)"
    if origin in (typing.Union, types.UnionType):
        others = [a for a in arguments if a is not type(None)]
        if len(others) == 1 and len(arguments) == 2:
            return f"(None if {name} is None else {_encode_expression(others[0], name, source)})"
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        item = arguments[0]
        if item is str:  # names, and ``Expr``
            return f"list(map(G, {name}))"
        if typing.get_origin(item) is tuple and Ellipsis not in typing.get_args(item):
            parts = [source.local() for _ in typing.get_args(item)]
            made = ", ".join(_encode_expression(a, p, source)
                             for a, p in zip(typing.get_args(item), parts, strict=True))
            return f"[[{made}] for {', '.join(parts)} in {name}]"
        part = source.local()
        return f"[{_encode_expression(item, part, source)} for {part} in {name}]"
    return f"{source.refer(_codec(tp)[0], 'encode')}({name}, S)"  # fixed tuples and the rest


def _decode_expression(tp: Any, name: str, source: _Source) -> str:
    """A Python expression that decodes the value in variable ``name`` as a ``tp``."""
    origin = typing.get_origin(tp)
    arguments = typing.get_args(tp)
    if tp is str:
        return f"(L({name}) if type({name}) is int else _bad({name}))"
    if tp in (int, bool):
        return f"({name} if type({name}) is {tp.__name__} else _bad({name}))"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return f"{source.refer({m.value: m for m in tp}, 'members')}[{name}]"
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return f"{source.refer(_codec(tp)[1], 'decode')}({name}, L)"
    if origin in (typing.Union, types.UnionType):
        others = [a for a in arguments if a is not type(None)]
        if len(others) == 1 and len(arguments) == 2:
            return f"(None if {name} is None else {_decode_expression(others[0], name, source)})"
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        item = arguments[0]
        if item is str:  # names, and ``Expr``: a non-int item fails in the lookup
            return f"(tuple(map(L, {name})) if type({name}) is list else _bad({name}))"
        # an item of the wrong kind fails in the comprehension (unpacking, ``map``, lookup)
        if typing.get_origin(item) is tuple and Ellipsis not in typing.get_args(item):
            parts = [source.local() for _ in typing.get_args(item)]
            made = ", ".join(_decode_expression(a, p, source)
                             for a, p in zip(typing.get_args(item), parts, strict=True))
            each = f"({made},) for {', '.join(parts)} in {name}"
        else:
            part = source.local()
            each = f"{_decode_expression(item, part, source)} for {part} in {name}"
        return f"(tuple([{each}]) if type({name}) is list else _bad({name}))"
    return f"{source.refer(_codec(tp)[1], 'decode')}({name}, L)"  # fixed tuples and the rest


def _codec(tp: Any) -> tuple[Encoder, Decoder]:
    origin = typing.get_origin(tp)
    arguments = typing.get_args(tp)
    if tp is str:
        return _index, _string
    if tp in (int, bool):
        return _primitive(tp)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    if origin in (typing.Union, types.UnionType):
        others = [a for a in arguments if a is not type(None)]
        if len(others) == 1 and len(arguments) == 2:
            return _optional(_codec(others[0]))
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return _variadic(_codec(arguments[0]))
        return _fixed([_codec(a) for a in arguments])
    raise TypeError(f"no JSON codec for {tp!r}")  # a model change this module must learn


_ENCODE_SUMMARY, _DECODE_SUMMARY = _codec(FileSummary)


# -- public API -------------------------------------------------------------------------------


def summary_to_dict(summary: FileSummary) -> dict[str, Any]:
    """A JSON-compatible dict (``json.dumps`` takes it as is) carrying the schema version."""
    strings: Strings = _Table()
    encoded = _ENCODE_SUMMARY(summary, strings)
    return {"schema_version": SCHEMA_VERSION, "strings": list(strings), "summary": encoded}


def summary_from_dict(data: Any) -> FileSummary:
    """The summary ``summary_to_dict`` encoded; ``SerializationError`` for anything else."""
    if type(data) is not dict or data.get("schema_version") != SCHEMA_VERSION:
        raise SerializationError("not a summary of this schema version")
    strings = data.get("strings")
    if type(strings) is not list:
        raise SerializationError("no string table")
    try:
        "".join(strings)  # every entry a str (TypeError otherwise), checked in C
        summary = _DECODE_SUMMARY(data.get("summary"), strings.__getitem__)
    except SerializationError:
        raise
    except (TypeError, ValueError, LookupError, AttributeError, RecursionError) as error:
        raise SerializationError(f"malformed summary: {error}") from None
    if not isinstance(summary, FileSummary):  # pragma: no cover - the decoder builds one
        raise SerializationError("not a summary")
    return summary


def summary_to_bytes(summary: FileSummary) -> bytes:
    """Compact, compressed JSON: what the cache stores."""
    text = json.dumps(summary_to_dict(summary), separators=(",", ":"), check_circular=False)
    return zlib.compress(text.encode("ascii"), 1)


def summary_from_bytes(data: bytes) -> FileSummary:
    try:
        text = zlib.decompress(data)
        decoded = json.loads(text)
    except (zlib.error, ValueError, TypeError, RecursionError) as error:
        raise SerializationError(f"not a stored summary: {error}") from None
    return summary_from_dict(decoded)
