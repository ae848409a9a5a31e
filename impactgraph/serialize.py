"""FileSummary <-> JSON-compatible data, exactly, without executing anything when reading.

Cached summaries may come from an untrusted branch (CI caches are shared), so the format is
plain JSON: decoding builds only the model's own dataclasses, tuples, strings, numbers and
enum members, driven by the model's type hints. Anything that does not fit raises
``SerializationError``; a reader treats that as "not cached".

Encoding: a dataclass is a JSON object keyed by field name, with fields left out when they
hold their default (most fields of most values do); tuples are arrays; enums are their values.
``SCHEMA_VERSION`` changes whenever this encoding changes.
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

SCHEMA_VERSION = 1

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


class SerializationError(ValueError):
    """Data that is not a summary written by this schema version."""


# -- codecs compiled once per type ------------------------------------------------------------


def _identity(value: Any) -> Any:
    return value


def _primitive(kind: type) -> tuple[Encoder, Decoder]:
    def decode(value: Any) -> Any:
        # bool is an int subclass: keep the two apart so a round trip is exact.
        if type(value) is not kind:
            raise SerializationError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    return _identity, decode


def _optional(inner: tuple[Encoder, Decoder]) -> tuple[Encoder, Decoder]:
    encode_inner, decode_inner = inner
    return (
        lambda value: None if value is None else encode_inner(value),
        lambda value: None if value is None else decode_inner(value),
    )


def _enum(cls: type[Enum]) -> tuple[Encoder, Decoder]:
    def decode(value: Any) -> Any:
        try:
            return cls(value)
        except ValueError:
            raise SerializationError(f"not a {cls.__name__}: {value!r}") from None

    return (lambda value: value.value), decode


def _array(value: Any) -> list[Any]:
    if type(value) is not list:
        raise SerializationError(f"expected an array, got {type(value).__name__}")
    return value


def _str_tuple(value: Any) -> tuple[str, ...]:
    result = tuple(_array(value))
    if not all(type(item) is str for item in result):
        raise SerializationError("expected an array of strings")
    return result


def _variadic(inner: tuple[Encoder, Decoder], element: object) -> tuple[Encoder, Decoder]:
    encode_inner, decode_inner = inner
    if element is str:  # the common case (``Expr``), kept fast
        return list, _str_tuple
    return (
        lambda value: [encode_inner(item) for item in value],
        lambda value: tuple(decode_inner(item) for item in _array(value)),
    )


def _fixed(items: list[tuple[Encoder, Decoder]]) -> tuple[Encoder, Decoder]:
    encoders = [encode for encode, _ in items]
    decoders = [decode for _, decode in items]

    def decode(value: Any) -> tuple[Any, ...]:
        if len(_array(value)) != len(decoders):
            raise SerializationError(f"expected {len(decoders)} items, got {len(value)}")
        return tuple(d(item) for d, item in zip(decoders, value, strict=True))

    return (lambda value: [e(item) for e, item in zip(encoders, value, strict=True)]), decode


def _dataclass(cls: type) -> tuple[Encoder, Decoder]:
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    codecs = {f.name: _codec(hints[f.name]) for f in fields}
    defaults: dict[str, Any] = {}
    for f in fields:
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            defaults[f.name] = f.default_factory()
    encoders = [(f.name, codecs[f.name][0], f.name in defaults) for f in fields]
    decoders = {name: decode for name, (_, decode) in codecs.items()}
    required = frozenset(f.name for f in fields if f.name not in defaults)
    missing = object()

    def encode(value: Any) -> dict[str, Any]:
        result = {}
        for name, encode_field, has_default in encoders:
            item = getattr(value, name)
            if has_default and item == defaults.get(name, missing):
                continue
            result[name] = encode_field(item)
        return result

    def decode(value: Any) -> Any:
        if type(value) is not dict:
            raise SerializationError(f"expected an object for {cls.__name__}")
        try:
            arguments = {name: decoders[name](item) for name, item in value.items()}
        except KeyError as error:
            raise SerializationError(f"unknown field {cls.__name__}.{error.args[0]}") from None
        if not required <= arguments.keys():
            raise SerializationError(f"{cls.__name__} lacks {sorted(required - arguments.keys())}")
        return cls(**arguments)

    return encode, decode


_UNION_TYPES: tuple[object, ...] = (typing.Union, types.UnionType)


def _codec(tp: Any) -> tuple[Encoder, Decoder]:
    origin = typing.get_origin(tp)
    arguments = typing.get_args(tp)
    if tp in (str, int, bool):
        return _primitive(tp)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    if origin in _UNION_TYPES:
        others = [a for a in arguments if a is not type(None)]
        if len(others) == 1 and len(arguments) == 2:
            return _optional(_codec(others[0]))
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return _variadic(_codec(arguments[0]), arguments[0])
        return _fixed([_codec(a) for a in arguments])
    raise TypeError(f"no JSON codec for {tp!r}")  # a model change this module must learn


_ENCODE_SUMMARY, _DECODE_SUMMARY = _codec(FileSummary)


# -- public API -------------------------------------------------------------------------------


def summary_to_dict(summary: FileSummary) -> dict[str, Any]:
    """A JSON-compatible dict (``json.dumps`` takes it as is) carrying the schema version."""
    return {"schema_version": SCHEMA_VERSION, "summary": _ENCODE_SUMMARY(summary)}


def summary_from_dict(data: Any) -> FileSummary:
    """The summary ``summary_to_dict`` encoded; ``SerializationError`` for anything else."""
    if type(data) is not dict or data.get("schema_version") != SCHEMA_VERSION:
        raise SerializationError("not a summary of this schema version")
    try:
        summary = _DECODE_SUMMARY(data.get("summary"))
    except SerializationError:
        raise
    except (TypeError, ValueError, AttributeError, RecursionError) as error:
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
