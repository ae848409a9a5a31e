"""The call sites of a stored summary, its other fields left undecoded (``serialize``'s format).

Judging whether a caller's calls still bind after a signature change reads only the calls of
each caller's summary; for thousands of callers, decoding the definitions and bindings too is
most of the work (about three quarters). This reads the format ``serialize`` writes with its
own codecs, so it stays exact, but lives apart: ``serialize``'s source is part of the cache's
analyzer fingerprint, and reading part of an entry changes nothing about what entries hold.
"""

from __future__ import annotations

import dataclasses
import json
import typing
import zlib
from typing import Any

from impactgraph.model import CallSite, FileSummary
from impactgraph.serialize import SCHEMA_VERSION, Decoder, SerializationError, _codec


def _field_decoders(cls: type, names: tuple[str, ...]) -> list[tuple[int, Decoder, Any]]:
    """Position, decoder and default of each named field of ``cls``."""
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    position = {f.name: i for i, f in enumerate(fields)}
    return [(position[name], _codec(hints[name])[1], fields[position[name]].default)
            for name in names]


_FIELDS = _field_decoders(FileSummary, ("module", "is_package", "api_only", "calls"))
_ALL = [f for f in dataclasses.fields(FileSummary) if f.init]
_REQUIRED = sum(
    1 for f in _ALL if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
)


def calls_from_bytes(data: bytes) -> tuple[str, bool, bool, tuple[CallSite, ...]]:
    """The module, ``is_package``, ``api_only`` and calls of a summary ``summary_to_bytes``
    stored. ``SerializationError`` as ``summary_from_bytes`` for what is decoded (a malformed
    field left undecoded goes unnoticed)."""
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
    except (TypeError, ValueError, IndexError, AttributeError, RecursionError) as error:
        raise SerializationError(f"malformed summary: {error}") from None
    module, is_package, api_only, calls = values
    return module, is_package, api_only, calls
