"""FileSummary <-> JSON: exact round trips, and garbage is refused without executing anything."""

from __future__ import annotations

import json
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impactgraph.adapters.fs import iter_python_files, read_source
from impactgraph.discovery import discover
from impactgraph.indexer import summarize_bytes
from impactgraph.model import (
    CallSite,
    Definition,
    FileSummary,
    ImportBinding,
    NamedFile,
    Parameter,
    ParamKind,
    PathAnchor,
    Program,
    Reference,
    Signature,
    Spread,
    SymbolKind,
)
from impactgraph.serialize import (
    _COMPILED,
    SCHEMA_VERSION,
    SerializationError,
    summary_from_bytes,
    summary_from_dict,
    summary_to_bytes,
    summary_to_dict,
)
from impactgraph.serialize_calls import calls_from_bytes

PACKAGE = Path(__file__).resolve().parent.parent / "impactgraph"

# Any text, lone surrogates included (source files may hold them); small collections.
text = st.text(max_size=8)
optional_text = st.none() | text
line = st.integers(min_value=0, max_value=10**6)


def few(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(strategy, max_size=3).map(tuple)


exprs = few(text)
expr_sets = few(exprs)
parameters = st.builds(Parameter, text, st.sampled_from(ParamKind), optional_text, optional_text)
signatures = st.builds(Signature, few(parameters), optional_text, st.booleans())
definitions = st.builds(
    Definition, text, st.sampled_from(SymbolKind), line, line,
    signature=st.none() | signatures, decorators=few(text), decorator_exprs=expr_sets,
    bases=few(text), base_exprs=expr_sets, body_hash=text, value=optional_text,
    overloads=few(signatures), synthetic=st.booleans(), is_abstract=st.booleans(),
)
summaries = st.builds(
    FileSummary, text, text, st.booleans(),
    definitions=few(definitions),
    imports=few(st.builds(ImportBinding, text, text, line, text, st.booleans(), st.booleans())),
    calls=few(st.builds(CallSite, text, expr_sets, line, few(expr_sets),
                        few(st.tuples(text, expr_sets)), st.booleans())),
    references=few(st.builds(Reference, text, expr_sets, line)),
    bindings=few(st.tuples(text, expr_sets)),
    all_names=st.none() | few(text),
    has_getattr=st.booleans(),
    error=optional_text,
    named_files=few(st.builds(NamedFile, text, text, st.sampled_from(PathAnchor))),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(summaries)
def test_any_summary_round_trips_exactly(summary: FileSummary) -> None:
    data = summary_to_dict(summary)
    assert summary_from_dict(json.loads(json.dumps(data))) == summary
    decoded = summary_from_bytes(summary_to_bytes(summary))
    assert decoded == summary
    # Equal and also of the same types: enum members, not their strings; tuples, not lists.
    assert repr(decoded) == repr(summary)


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.from_type(FileSummary))
def test_summaries_hypothesis_infers_from_the_model_round_trip(summary: FileSummary) -> None:
    # Whatever fields the model grows, the codec follows its type hints.
    assert summary_from_bytes(summary_to_bytes(summary)) == summary


def test_the_source_of_impactgraph_round_trips_file_by_file() -> None:
    files = discover(iter_python_files(PACKAGE.parent), ("",))
    files = [f for f in files if f.path.startswith("impactgraph/")]
    assert len(files) > 20
    for source_file in files:
        summary = summarize_bytes(
            read_source(PACKAGE.parent, source_file.path), source_file.module, source_file.path
        )
        assert summary.error is None, source_file.path
        assert summary_from_bytes(summary_to_bytes(summary)) == summary, source_file.path


def test_the_fixtures_round_trip_file_by_file() -> None:
    root = PACKAGE.parent / "fixtures"
    files = discover(iter_python_files(root), ("",))
    assert len(files) > 30
    for source_file in files:
        summary = summarize_bytes(
            read_source(root, source_file.path), source_file.module, source_file.path
        )
        decoded = summary_from_bytes(summary_to_bytes(summary))
        assert decoded == summary, source_file.path
        assert repr(decoded) == repr(summary), source_file.path


def test_every_model_dataclass_has_a_compiled_decoder() -> None:
    # The generic decoder still works, but is ~3x slower: a model change that made a class
    # fall back to it (a ``__post_init__``, a class without slots) must be noticed.
    assert set(_COMPILED) == {FileSummary, Definition, Signature, Parameter, ImportBinding,
                              CallSite, Reference, Program, Spread, NamedFile}


def test_defaults_are_left_out_and_strings_stored_once() -> None:
    encoded = summary_to_dict(FileSummary("m", "m.py", False))
    assert encoded == {"schema_version": SCHEMA_VERSION, "strings": ["m", "m.py"],
                       "summary": [0, 1, False]}
    twice = summary_to_dict(FileSummary("m", "m.py", False, all_names=("m", "m.py", "m")))
    assert twice["strings"] == ["m", "m.py"]


def envelope(summary: object, strings: object = None) -> dict[str, object]:
    table = ["m", "m.py"] if strings is None else strings
    return {"schema_version": SCHEMA_VERSION, "strings": table, "summary": summary}


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"schema_version": SCHEMA_VERSION + 1, "strings": ["m"], "summary": [0, 0, False]},
        {"schema_version": SCHEMA_VERSION, "summary": [0, 1, False]},
        envelope([0, 1, False], strings="m"),
        envelope([0, 1, False], strings=["m", 7]),
        envelope(None),
        envelope({"module": 0}),
        envelope([0, 1]),  # a required field missing
        envelope([0, 1, 0]),  # an int where a bool belongs
        envelope([0, 5, False]),  # no such string
        envelope([0, "m.py", False]),  # a string where an index belongs
        envelope([0, 1, False, [], [], [], [], [], [], None, False, None, "extra"]),
        envelope([0, 1, False, [[0, "nope", 1, 1]]]),  # no such SymbolKind
        envelope([0, 1, False, [], [], [], [], [], [[0, [[0, "x"]]]]]),
        envelope([0, 1, False, [], [], [], [], [], [[0, ["ab"]]]]),
        envelope([0, 1, False, [], [], [], [], [], [[0]]]),
        envelope([0, 1, False, [], [], [], [], [], {"__class__": "os.system"}]),
        envelope([0, True, False]),  # a bool where a string index belongs
        envelope([0, 1, False, [[0, ["function"], 1, 1]]]),  # an array where an enum belongs
        envelope([0, 1, False, [[0, "function", 1.0, 1]]]),  # a float where a line belongs
        envelope([0, 1, False, [[0, "function", 1, 1, [[[0, "positional"]]]]]]),  # no such kind
        envelope([0, 1, False, [[0, "function", 1, 1, [[[0]]]]]]),  # a parameter without kind
        envelope([0, 1, False, [], [], [[0, {"0": 1}, 1]]]),  # an object for expressions
        envelope([0, 1, False, [], [], [[0, [], 1, [], [[0, [[0]], 1]]]]]),  # kwarg of 3
        envelope([0, 1, False, [], [], [], [], [], [[[], 0]]]),  # a store of 2 items
    ],
)
def test_what_is_not_a_summary_is_refused(data: object) -> None:
    with pytest.raises(SerializationError):
        summary_from_dict(data)


@pytest.mark.parametrize(
    "blob",
    [b"", b"garbage", zlib.compress(b"{not json"), zlib.compress(b"[1, 2]"),
     summary_to_bytes(FileSummary("m", "m.py", False))[:-3]],
)
def test_corrupt_bytes_are_refused(blob: bytes) -> None:
    with pytest.raises(SerializationError):
        summary_from_bytes(blob)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(summaries, st.booleans())
def test_the_calls_of_a_summary_read_alone_are_its_calls(summary: FileSummary, api: bool) -> None:
    summary = replace(summary, api_only=api)
    module, is_package, api_only, calls = calls_from_bytes(summary_to_bytes(summary))
    assert (module, is_package, api_only) == (summary.module, summary.is_package, api)
    assert len(calls) == len(summary.calls)
    assert [calls[i] for i in reversed(range(len(calls)))] == list(reversed(summary.calls))
    assert tuple(calls) == summary.calls
    assert tuple(calls[1:]) == summary.calls[1:]
    if summary.calls:
        assert calls[-1] == summary.calls[-1]


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"schema_version": SCHEMA_VERSION + 1, "strings": ["m"], "summary": [0, 0, False]},
        envelope([0, 1, False], strings=["m", 7]),
        envelope([0, 1]),  # a required field missing
        envelope([0, 1, 0]),  # an int where a bool belongs
        envelope([0, 1, False, [], [], [], [], [], [], None, False, None, "extra"]),
        envelope([0, 1, False, [], [], {"0": 1}]),  # calls that are not an array
    ],
)
def test_calls_read_alone_refuse_what_is_not_a_summary(data: object) -> None:
    blob = zlib.compress(json.dumps(data).encode())
    with pytest.raises(SerializationError):
        calls_from_bytes(blob)
    with pytest.raises(SerializationError):
        calls_from_bytes(blob[:-3])


@pytest.mark.parametrize("call", [[0], [0, [], "1"], "call", [0, [[9]], 1]])
def test_a_call_that_does_not_decode_is_refused_when_read_or_made_again(call: object) -> None:
    good = [0, [[1]], 3]
    blob = zlib.compress(json.dumps(envelope([0, 1, False, [], [], [good, call]])).encode())
    calls = calls_from_bytes(blob)[3]
    assert len(calls) == 2
    assert calls[0] == CallSite("m", (("m.py",),), 3)
    with pytest.raises(SerializationError):
        calls[1]
    again = (CallSite("m", (), 1), CallSite("m", (), 2))
    calls.fallback = lambda: again  # the summary made again from the source
    assert calls[1] == again[1]
    assert tuple(calls) == again
