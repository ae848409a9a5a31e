"""Strings that read like code calling a name (source that code generates and ``exec``s) are
implicit calls of that name (``g:NAME``); a name they define (``def NAME(``, ``class NAME(``)
is no call of it: pytest's own tests write conftest files defining hooks."""

from __future__ import annotations

import textwrap

from impactgraph.indexer import summarize

SOURCE = textwrap.dedent('''
    def test_hook(pytester):
        pytester.makeconftest("""
            def pytest_runtest_setup(item):
                report(item)
            async def pytest_async(x):
                pass
            class Plugin(Base):
                pass
        """)
''')


def _generated(text: str) -> set[str]:
    summary = summarize(text, "test_m", "test_m.py")
    return {expr[0][2:] for site in summary.calls for expr in site.callee
            if expr and expr[0].startswith("g:")}


def test_a_name_called_in_generated_source_is_a_generated_call() -> None:
    assert "report" in _generated(SOURCE)


def test_a_name_generated_source_defines_is_no_call_of_it() -> None:
    assert not {"pytest_runtest_setup", "pytest_async", "Plugin"} & _generated(SOURCE)
