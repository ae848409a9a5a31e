"""The call sites of a stored summary, its other fields left undecoded (``serialize``'s format).

Judging whether a caller's calls still bind after a signature change reads only the calls of
each caller's summary, and of those only the one or two sites behind the call edge: for
thousands of callers, decoding the whole summary (its definitions and bindings are most of
it), or even every call of it, is most of the work. ``calls_from_bytes`` decodes the calls
one by one as they are read (``StoredCalls``). It reads the format ``serialize`` writes with
its own codecs, so it stays exact, but lives apart: ``serialize``'s source is part of the
cache's analyzer fingerprint, and reading part of an entry changes nothing about what entries
hold.
"""

from __future__ import annotations

import dataclasses
import json
import typing
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from impactgraph.model import CallSite, FileSummary
from impactgraph.serialize import SCHEMA_VERSION, Decoder, Lookup, SerializationError, _codec

_DECODE_CALL = _codec(CallSite)[1]
_MALFORMED = (TypeError, ValueError, LookupError, AttributeError, RecursionError)


class StoredCalls(Sequence[CallSite]):
    """A stored summary's calls, each decoded when first read. One that does not decode
    raises ``SerializationError``, unless ``fallback`` is set: then the calls are what it
    gives (the whole summary, made again), from then on."""

    __slots__ = ("_decoded", "_items", "_lookup", "_whole", "fallback")

    def __init__(self, items: list[Any], lookup: Lookup) -> None:
        self._items = items
        self._lookup = lookup
        self._decoded: dict[int, CallSite] = {}
        self._whole: Sequence[CallSite] | None = None
        self.fallback: Callable[[], Sequence[CallSite]] | None = None

    def __len__(self) -> int:
        return len(self._items) if self._whole is None else len(self._whole)

    @overload
    def __getitem__(self, index: int) -> CallSite: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[CallSite]: ...

    def __getitem__(self, index: int | slice) -> CallSite | Sequence[CallSite]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if self._whole is not None:
            return self._whole[index]
        position = index + len(self._items) if index < 0 else index
        found = self._decoded.get(position)
        if found is not None:
            return found
        item = self._items[index]  # IndexError past the end, as a tuple's
        try:
            found = _DECODE_CALL(item, self._lookup)
            if not isinstance(found, CallSite):  # pragma: no cover - the codec makes one
                raise SerializationError("not a call")
        except (SerializationError, *_MALFORMED) as error:
            if self.fallback is None:
                raise SerializationError(f"malformed call: {error}") from None
            self._whole = self.fallback()
            return self._whole[index]
        self._decoded[position] = found
        return found

    def __iter__(self) -> Iterator[CallSite]:
        for index in range(len(self)):
            yield self[index]


def _field_decoders(cls: type, names: tuple[str, ...]) -> list[tuple[int, Decoder, Any]]:
    """Position, decoder and default of each named field of ``cls``."""
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    position = {f.name: i for i, f in enumerate(fields)}
    return [(position[name], _codec(hints[name])[1], fields[position[name]].default)
            for name in names]


_FIELDS = _field_decoders(FileSummary, ("module", "is_package", "api_only"))
_CALLS = _field_decoders(FileSummary, ("calls",))[0][0]  # its position
_ALL = [f for f in dataclasses.fields(FileSummary) if f.init]
_REQUIRED = sum(
    1 for f in _ALL if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
)


def calls_from_bytes(data: bytes) -> tuple[str, bool, bool, StoredCalls]:
    """The module, ``is_package``, ``api_only`` and calls of a summary ``summary_to_bytes``
    stored. ``SerializationError`` as ``summary_from_bytes`` for what is decoded: the calls
    are decoded as they are read (a malformed field left undecoded goes unnoticed)."""
    try:
        decoded = json.loads(zlib.decompress(data))
    except (zlib.error, ValueError, TypeError, RecursionError) as error:
        raise SerializationError(f"not a stored summary: {error}") from None
    if type(decoded) is not dict or decoded.get("schema_version") != SCHEMA_VERSION:
        raise SerializationError("not a summary of this schema version")
    strings, fields = decoded.get("strings"), decoded.get("summary")
    if type(strings) is not list:
        raise SerializationError("no string table")
    if type(fields) is not list or not _REQUIRED <= len(fields) <= len(_ALL):
        raise SerializationError("expected the fields of FileSummary")
    lookup = strings.__getitem__
    try:
        "".join(strings)  # every entry a str (TypeError otherwise), checked in C
        values = [decode(fields[position], lookup) if position < len(fields) else default
                  for position, decode, default in _FIELDS]
    except SerializationError:
        raise
    except _MALFORMED as error:
        raise SerializationError(f"malformed summary: {error}") from None
    calls = fields[_CALLS] if len(fields) > _CALLS else []
    if type(calls) is not list:
        raise SerializationError("expected an array of calls")
    module, is_package, api_only = values
    return module, is_package, api_only, StoredCalls(calls, lookup)
