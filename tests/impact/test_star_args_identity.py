"""A decorator instance whose ``__call__(self, *args, **kwargs)`` gives back ``args[0]`` (the
function it marks) gives back, from each call, what that call passed, not every function any
call passed: ``*args`` is a parameter of this call too (``Resolver.call_in_context``).

pytest 7.4.4 -> 8.0.0: ``MarkDecorator.__call__`` returns ``func = args[0]`` when given one
function. ``@xfail(run=False)`` (``xfail = pytest.mark.xfail``) then gave back every function
the code base marks, and applying it called each: 9 test modules (``acceptance_test``,
``test_capture``, ``xfail_demo``, ...) were linked as calling
``TestPyCacheDir.test_sys_pycache_prefix_integration`` and broken when it lost a
``@pytest.mark.skipif``.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between
from helpers import graph_of

MARKS = """
class MarkDecorator:
    def __init__(self, name, kwargs=None):
        self.name = name
        self.kwargs = kwargs

    def __call__(self, *args, **kwargs):
        if args and not kwargs:
            func = args[0]
            if len(args) == 1 and callable(func):
                return func
        return self.with_args(*args, **kwargs)

    def with_args(self, *args, **kwargs):
        return MarkDecorator(self.name, kwargs)


class MarkGenerator:
    def __getattr__(self, name):
        return MarkDecorator(name)


mark = MarkGenerator()
xfail = mark.xfail


def helper(value{helper}):
    return value
"""
TEST_A = """
from lib.marks import helper, xfail


@xfail(run=False)
def test_a():
    assert 0


def test_checked():
    checked = xfail(helper)
    assert checked(1{helper_call})
"""
TEST_B = """
from lib.marks import mark


{decorator}
def test_b():
    assert 1
"""


def _tree(helper: str = "", helper_call: str = "",
          decorator: str = "@mark.skipif(True, reason=\"flaky\")") -> dict[str, str | None]:
    return {
        "lib/__init__.py": "",
        "lib/marks.py": MARKS.format(helper=helper),
        "tests/test_a.py": TEST_A.format(helper_call=helper_call),
        "tests/test_b.py": TEST_B.format(decorator=decorator),
    }


def test_applying_a_mark_made_with_keywords_calls_no_marked_function() -> None:
    files = {path: text for path, text in _tree().items() if text is not None}
    graph = graph_of(files)
    called = {target for source in ("test_a", "test_a:test_a")
              for target, kind in graph.successors(source) if kind == "calls"}
    assert "test_b:test_b" not in called
    assert "lib.marks:helper" not in called


def test_a_test_losing_its_mark_breaks_no_other_test(tmp_path: Path) -> None:
    head = {"tests/test_b.py": TEST_B.format(decorator="")}
    report = impact_between(_tree(), head, tmp_path)
    assert ("test_b:test_b", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_the_function_a_call_hands_over_is_still_what_it_gives_back(tmp_path: Path) -> None:
    # ``xfail(helper)`` gives back ``helper``: calling it calls ``helper``, which now
    # requires another argument
    head = {"lib/marks.py": MARKS.format(helper=", scale")}
    assert broken_modules(impact_between(_tree(), head, tmp_path)) == {"test_a"}
