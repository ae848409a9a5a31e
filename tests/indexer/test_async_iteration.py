"""Which functions are generators (``Signature.is_generator``) and which calls a loop iterates
(``CallSite.iterated``): what an ``async`` change is judged on."""

from __future__ import annotations

import textwrap

from impactgraph.indexer.api_ast import summarize_api
from impactgraph.indexer.astroid_tree import summarize_astroid

SOURCE = textwrap.dedent("""\
    async def agen():
        yield 1


    async def coroutine():
        async def inner():
            yield 1
        return inner


    def gen():
        yield from range(3)


    def plain():
        def nested():
            yield 1
        squares = (x * x for x in range(3))
        return lambda: (yield)


    class Box:
        def __iter__(self):
            if False:
                yield self


    def returned(session):  # a generator-based coroutine's ``return (yield from ...)``
        return (yield from session.get())


    def handed(log):
        log.append((yield))
    """)
EXPECTED = {"agen": True, "coroutine": False, "coroutine.inner": True, "gen": True,
            "plain": False, "plain.nested": True, "Box.__iter__": True, "returned": True,
            "handed": True}


def test_a_function_whose_own_body_yields_is_a_generator() -> None:
    full = summarize_astroid(SOURCE, "m", "m.py")
    api = summarize_api(SOURCE, "m", "m.py")
    assert api is not None
    for summary in (full, api):
        assert {d.qualname: d.signature.is_generator for d in summary.definitions
                if d.signature is not None and d.qualname in EXPECTED} == EXPECTED


def test_a_call_a_loop_or_comprehension_iterates_is_marked() -> None:
    code = textwrap.dedent("""\
        async def run(make):
            async for a in make.one():
                pass
            for b in make.two():
                pass
            x = [c async for c in make.three()]
            y = {d for d in make.four()}
            z = make.five()
            async for e in z:
                pass
        """)
    summary = summarize_astroid(code, "m", "m.py")
    marks = {site.callee[0][-1]: site.iterated for site in summary.calls
             if not site.implicit and site.callee[0][-1].startswith(".")}
    assert marks == {".one": 2, ".two": 1, ".three": 2, ".four": 1, ".five": 0}


def test_a_call_whose_result_is_awaited_is_marked() -> None:
    # ``await make.one()`` awaits what the call returns; a call awaited later through a
    # variable, inside another call, or not at all is not marked
    code = textwrap.dedent("""\
        async def run(make, gather):
            a = await make.one()
            b = make.two()
            await b
            await gather(make.three())
            return [await make.four() for _ in a]
        """)
    summary = summarize_astroid(code, "m", "m.py")
    marks = {site.callee[0][-1]: site.awaited for site in summary.calls
             if not site.implicit and site.callee[0][-1].startswith(".")}
    assert marks == {".one": True, ".two": False, ".three": False, ".four": True}
