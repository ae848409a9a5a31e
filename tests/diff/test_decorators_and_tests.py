"""Decorator arguments are not breaking; test code is never breaking; old/new on changes."""

from __future__ import annotations

import pytest
from diff_support import diff_changes, diff_set

PARAMETRIZE = "import pytest\n@pytest.mark.parametrize('a', {values})\ndef f(a): pass"
ROUTE = "from app import app\n@app.get({path!r})\ndef handler(): pass"

DECORATOR_CASES = [
    ("parametrize list changed", PARAMETRIZE.format(values="[1, 2]"),
     PARAMETRIZE.format(values="[1, 2, 3]"), {("m:f", "decorator-changed", False)}),
    ("route path changed", ROUTE.format(path="/a"), ROUTE.format(path="/b"),
     {("m:handler", "decorator-changed", False)}),
    ("lru_cache size changed", "import functools\n@functools.lru_cache(maxsize=8)\ndef f(a): pass",
     "import functools\n@functools.lru_cache(maxsize=None)\ndef f(a): pass",
     {("m:f", "decorator-changed", False)}),
    ("lru_cache added", "def f(a): pass",
     "from functools import lru_cache\n@lru_cache(maxsize=None)\ndef f(a): pass",
     {("m:f", "decorator-changed", True)}),
    ("contextmanager added", "def f(): yield",
     "import contextlib\n@contextlib.contextmanager\ndef f(): yield",
     {("m:f", "decorator-changed", True)}),
    ("asynccontextmanager removed",
     "from contextlib import asynccontextmanager\n@asynccontextmanager\nasync def f(): yield",
     "async def f(): yield", {("m:f", "decorator-changed", True)}),
    ("a different decorator by name", "@register\ndef f(): pass", "@other\ndef f(): pass",
     {("m:f", "decorator-changed", True)}),
    ("one more of the same marker", "import pytest\n@pytest.mark.a\ndef f(): pass",
     "import pytest\n@pytest.mark.a\n@pytest.mark.a\ndef f(): pass",
     {("m:f", "decorator-changed", True)}),
    ("wraps copies metadata only", "def f(): pass",
     "import functools\n@functools.wraps(g)\ndef f(): pass", {("m:f", "decorator-changed", False)}),
    # pyparsing 3.2: ParseBaseException.line/.column; a cached property is read the same way
    # and may also be assigned and deleted: nothing that worked stops working. The way back
    # stops every assignment
    ("property made a cached property",
     "class C:\n    @property\n    def p(self): return 1",
     "import functools\nclass C:\n    @functools.cached_property\n    def p(self): return 1",
     {("m:C.p", "decorator-changed", False)}),
    ("cached property made a property",
     "from functools import cached_property\nclass C:\n    @cached_property\n"
     "    def p(self): return 1",
     "class C:\n    @property\n    def p(self): return 1",
     {("m:C.p", "decorator-changed", True)}),
    # flask-babel 4.0: Flask's ``locked_cached_property`` (werkzeug's ``cached_property``
    # with a lock, gone in Flask 2.3) traded for werkzeug's; the way to a classmethod breaks
    ("locked cached property made a cached property",
     "from flask.helpers import locked_cached_property\nclass C:\n"
     "    @locked_cached_property\n    def p(self): return 1",
     "from werkzeug.utils import cached_property\nclass C:\n    @cached_property\n"
     "    def p(self): return 1",
     {("m:C.p", "decorator-changed", False)}),
    ("locked cached property made a classmethod",
     "from flask.helpers import locked_cached_property\nclass C:\n"
     "    @locked_cached_property\n    def p(self): return 1",
     "class C:\n    @classmethod\n    def p(cls): return 1",
     {("m:C.p", "decorator-changed", True)}),
    # ``from X import X`` binds the function (or class) ``X.X``, not the module ``X``: the
    # same decorator, written through the module's import instead, breaks nothing
    ("the same decorator imported from its module by name",
     "from decorator import decorator\n@decorator\ndef f(g, *a, **kw): pass",
     "import decorator\n@decorator.decorator\ndef f(g, *a, **kw): pass",
     {("m:f", "decorator-changed", False)}),
    ("a module's namesake traded for another of its names",
     "from decorator import decorator\n@decorator\ndef f(g, *a, **kw): pass",
     "import decorator\n@decorator.contextmanager\ndef f(g, *a, **kw): pass",
     {("m:f", "decorator-changed", True)}),
    ("route added arguments and a new decorator",
     "from app import app\n@app.get('/a')\ndef h(): pass",
     "from app import app\nimport functools\n@functools.cache\n@app.get('/b')\ndef h(): pass",
     {("m:h", "decorator-changed", True)}),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in DECORATOR_CASES],
    ids=[c[0] for c in DECORATOR_CASES],
)
def test_decorator_changes(old: str, new: str, expected: set[object]) -> None:
    assert diff_set(old, new) == expected


TEST_CODE_CASES = [
    ("parametrize list in a test file", "tests/test_x.py",
     PARAMETRIZE.format(values="[1]").replace("def f", "def test_f"),
     PARAMETRIZE.format(values="[1, 2]").replace("def f", "def test_f"),
     {("test_x:test_f", "decorator-changed", False)}),
    ("fixture lost a parameter", "tests/conftest.py",
     "import pytest\n@pytest.fixture\ndef db(tmp_path): pass",
     "import pytest\n@pytest.fixture\ndef db(): pass",
     {("conftest:db", "parameter-removed", False)}),
    ("helper under tests/ gains a required parameter", "tests/helpers.py",
     "def make(a): pass", "def make(a, b): pass", {("helpers:make", "parameter-added", False)}),
    ("test class method made static", "tests/test_y.py",
     "class TestY:\n    def test_a(self): pass",
     "class TestY:\n    @staticmethod\n    def test_a(): pass",
     {("test_y:TestY.test_a", "decorator-changed", False)}),
    ("test function removed even if imported", "pkg/test_util.py",
     "def check(): pass", "", {("pkg.test_util:check", "symbol-removed", False)}),
    ("the same change outside tests breaks", "pkg/helpers.py",
     "def make(a): pass", "def make(a, b): pass",
     {("pkg.helpers:make", "parameter-added", True)}),
]


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"), [c[1:] for c in TEST_CODE_CASES],
    ids=[c[0] for c in TEST_CODE_CASES],
)
def test_test_code_is_never_breaking(path: str, old: str, new: str, expected: set[object]) -> None:
    files_old = {path: old, "pkg/__init__.py": ""}
    files_new = {path: new, "pkg/__init__.py": ""}
    assert diff_set(files_old, files_new, used=lambda symbol: True) == expected


OLD_NEW_CASES = [
    ("default changed", "def f(a=True): pass", "def f(a=None): pass",
     "parameter-default-changed", "True", "None"),
    ("default removed", "def f(a=1): pass", "def f(a): pass", "parameter-now-required", "1", None),
    ("default added", "def f(a): pass", "def f(a='x'): pass", "parameter-default-changed",
     None, "'x'"),
    ("annotation changed", "def f(a: int): pass", "def f(a: str): pass",
     "parameter-annotation-changed", "int", "str"),
    ("return annotation changed", "def f() -> int: pass", "def f() -> str | None: pass",
     "return-annotation-changed", "int", "str | None"),
    ("kind changed", "def f(a): pass", "def f(*, a): pass", "parameter-kind-changed",
     "positional-or-keyword", "keyword-only"),
    ("renamed", "def f(a): pass", "def f(b): pass", "parameter-renamed", "a", "b"),
    ("decorators", "class C:\n    def m(self): pass",
     "class C:\n    @staticmethod\n    def m(): pass", "decorator-changed", "", "@staticmethod"),
    ("decorator arguments", PARAMETRIZE.format(values="[1]"), PARAMETRIZE.format(values="[2]"),
     "decorator-changed", "@pytest.mark.parametrize('a', [1])",
     "@pytest.mark.parametrize('a', [2])"),
    ("async", "def f(): pass", "async def f(): pass", "async-changed", "def", "async def"),
    ("constant", "TIMEOUT = 5", "TIMEOUT = 10", "body-changed", "5", "10"),
    ("long constant", f"X = {list(range(40))}", f"X = {list(range(41))}", "body-changed",
     None, None),
]


@pytest.mark.parametrize(
    ("old", "new", "kind", "before", "after"), [c[1:] for c in OLD_NEW_CASES],
    ids=[c[0] for c in OLD_NEW_CASES],
)
def test_old_and_new(
    old: str, new: str, kind: str, before: str | None, after: str | None
) -> None:
    found = [(c.old, c.new) for c in diff_changes(old, new) if c.kind.value == kind]
    assert found == [(before, after)]


def test_body_change_has_no_old_new() -> None:
    changes = diff_changes("def f(): return 1", "def f(): return 2")
    assert [(c.kind.value, c.old, c.new) for c in changes] == [("body-changed", None, None)]
