"""The module-level ``if __name__ == "__main__":`` block: what it calls and names runs when the
module runs as a program, not when it is imported. The indexer marks those call sites and
references (``main``) and records the block's lines; the ``else:`` branch runs on import."""

from __future__ import annotations

import textwrap

import pytest

from impactgraph.indexer import summarize
from impactgraph.model import FileSummary
from impactgraph.serialize import summary_from_bytes, summary_to_bytes

SOURCE = textwrap.dedent("""
    def run(): pass
    TABLE = run()
    if __name__ == "__main__":
        run()
        print(TABLE)
        class Shell:
            x = run()
    else:
        run()
    def later():
        return TABLE
""")


def _summary(text: str) -> FileSummary:
    return summarize(text, "tool", "tool.py")


def _call_lines(summary: FileSummary, main: bool) -> set[int]:
    return {c.line for c in summary.calls if c.scope == "tool" and c.main is main
            and not c.implicit}


def test_calls_of_the_main_block_are_marked() -> None:
    summary = _summary(SOURCE)
    assert summary.main_blocks == ((5, 8),)
    assert _call_lines(summary, True) == {5, 6, 8}  # run(), print(TABLE), the class body's
    assert _call_lines(summary, False) == {3, 10}  # on import: the table, the else branch


def test_a_name_used_in_and_outside_the_block_is_two_references() -> None:
    summary = _summary(SOURCE)
    table = [r for r in summary.references if ("v:tool:|TABLE",) in r.target]
    assert {(r.scope, r.main) for r in table} == {("tool", True), ("tool:later", False)}
    summary = _summary("X = 1\nif __name__ == '__main__':\n    print(X)\nprint(X)\n")
    table = [r for r in summary.references if ("v:tool:|X",) in r.target]
    assert sorted(r.main for r in table) == [False, True]


@pytest.mark.parametrize("guard", [
    "if __name__ == '__main__':", 'if "__main__" == __name__:',
])
def test_both_spellings_of_the_guard(guard: str) -> None:
    summary = _summary(f"def run(): pass\n{guard}\n    run()\n")
    assert [c.main for c in summary.calls] == [True]


@pytest.mark.parametrize("test", [
    "__name__ != '__main__'", "__name__ == 'tool'", "name == '__main__'",
    "__name__ == '__main__' or ready()", "not __name__ == '__main__' and ready()",
])
def test_other_conditions_are_no_main_block(test: str) -> None:
    summary = _summary(f"def run(): pass\ndef ready(): pass\nif {test}:\n    run()\n")
    assert summary.main_blocks == ()
    assert not any(c.main for c in summary.calls)


@pytest.mark.parametrize("test", [
    "__name__ == '__main__' and ready()", "ready() and __name__ == '__main__'",
    "ready() and (len([]) == 0 and '__main__' == __name__)",
])
def test_a_guard_joined_by_and_is_a_main_block(test: str) -> None:
    # the body runs only as a program; the condition's own call runs on import (or may)
    summary = _summary(f"def run(): pass\ndef ready(): pass\nif {test}:\n    run()\n")
    assert summary.main_blocks == ((4, 4),)
    assert _call_lines(summary, True) == {4}
    assert 3 in _call_lines(summary, False)


def test_a_guard_inside_a_function_is_no_main_block() -> None:
    summary = _summary("def run(): pass\ndef f():\n    if __name__ == '__main__':\n        run()\n")
    assert summary.main_blocks == ()
    assert not any(c.main for c in summary.calls)


def test_the_marks_survive_the_cache() -> None:
    summary = _summary(SOURCE)
    assert summary_from_bytes(summary_to_bytes(summary)) == summary
