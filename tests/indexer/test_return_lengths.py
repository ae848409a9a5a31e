"""How many elements a function's result has, where its code tells (``returns_length``), and
what a call's ``*value`` is (``CallSite.spreads``), in a full summary."""

from __future__ import annotations

import textwrap

import pytest

from impactgraph.indexer.api_ast import summarize_api
from impactgraph.indexer.astroid_tree import summarize_astroid
from impactgraph.model import Spread

SOURCE = textwrap.dedent("""\
    import typing
    from typing import Any, Tuple


    def annotated(x) -> tuple[Any, Any]:
        return x


    def old_style(x) -> Tuple[int, str, bytes]:
        return x


    def qualified(x) -> typing.Tuple[int]:
        return x


    def empty(x) -> tuple[()]:
        return x


    def open_ended(x) -> tuple[int, ...]:
        return x


    def pairs(x):
        if x:
            return x, x
        def inner():
            return 1
        return [None, None]


    def mixed(x):
        if x:
            return x, x
        return x, x, x


    def unknown(x) -> tuple[int, int] | None:
        return x


    def starred(x):
        return (*x, 1)


    def generator(x) -> tuple[int, int]:
        yield x


    async def coroutine(x) -> tuple[int, int]:
        return x, x


    def annotation_kept(x) -> tuple[int, int]:
        if x:
            return x
        return x, x
    """)

EXPECTED = {
    "annotated": 2, "old_style": 3, "qualified": 1, "empty": 0, "open_ended": None,
    "pairs": 2, "pairs.inner": None, "mixed": None, "unknown": None, "starred": None,
    "generator": None, "coroutine": None, "annotation_kept": 2,
}


def test_the_length_a_function_returns_is_read_from_its_returns_or_annotation() -> None:
    summary = summarize_astroid(SOURCE, "m", "m.py")
    assert {d.qualname: d.returns_length for d in summary.definitions
            if d.qualname in EXPECTED} == EXPECTED


@pytest.mark.parametrize("api_only", [
    lambda text: summarize_api(text, "m", "m.py"),
    lambda text: summarize_astroid(text, "m", "m.py", api_only=True),
])
def test_an_api_summary_leaves_the_length_out(api_only: object) -> None:
    # the diff does not read it; an API summary is never linked nor judged on
    summary = api_only(SOURCE)  # type: ignore[operator]
    assert summary is not None
    assert {d.returns_length for d in summary.definitions} == {None}


def test_a_star_argument_records_a_literal_length_or_the_call_it_unpacks() -> None:
    code = "def f(g, xs):\n    return g(1, *(1, 2), *[3], *g.pair(), *xs)\n"
    summary = summarize_astroid(code, "m", "m.py")
    inner = next(i for i, c in enumerate(summary.calls) if c.callee[0][-1] == ".pair")
    outer = next(c for c in summary.calls if c.spreads)
    assert outer.spreads == (Spread(length=2), Spread(length=1), Spread(call=inner), Spread())
