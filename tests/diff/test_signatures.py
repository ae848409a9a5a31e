"""Parameters, defaults, kinds and annotations: what callers could notice, and what not."""

from __future__ import annotations

import pytest
from diff_support import diff_changes, diff_set

F = "m:f"
M = "m:C.m"

AITER = "class C:\n"

CASES = [
    # -- no change at all ------------------------------------------------------------------
    ("identical", "def f(a, b=1): pass", "def f(a, b=1): pass", set()),
    ("docstring and formatting", "def f(a, b=1):\n    return a",
     'def f(a,\n      b = 1):\n    """Doc."""\n    # comment\n    return (a)', set()),
    ("default respelled", "def f(a='x'): pass", 'def f(a="x"): pass', set()),
    ("*args renamed", "def f(*args): pass", "def f(*values): pass", set()),
    ("**kwargs renamed", "def f(**kwargs): pass", "def f(**options): pass", set()),
    # -- parameter-added ---------------------------------------------------------------------
    ("required added", "def f(a): pass", "def f(a, b): pass",
     {(F, "parameter-added", True)}),
    ("optional added at end", "def f(a): pass", "def f(a, b=None): pass",
     {(F, "parameter-added", False)}),
    ("required keyword-only added", "def f(a): pass", "def f(a, *, b): pass",
     {(F, "parameter-added", True)}),
    ("optional keyword-only added", "def f(a): pass", "def f(a, *, b=2): pass",
     {(F, "parameter-added", False)}),
    ("*args added", "def f(a): pass", "def f(a, *args): pass",
     {(F, "parameter-added", False)}),
    ("**kwargs added", "def f(a): pass", "def f(a, **kwargs): pass",
     {(F, "parameter-added", False)}),
    ("optional inserted before a positional one", "def f(a, b=1): pass",
     "def f(a, x=0, b=1): pass",
     {(F, "parameter-added", False), (F, "parameter-moved", True)}),
    ("optional inserted before keyword-only ones", "def f(a, *, k=1): pass",
     "def f(a, b=0, *, k=1): pass", {(F, "parameter-added", False)}),
    # -- parameter-removed -------------------------------------------------------------------
    ("positional removed", "def f(a, b): pass", "def f(a): pass",
     {(F, "parameter-removed", True)}),
    ("optional removed", "def f(a, b=1): pass", "def f(a): pass",
     {(F, "parameter-removed", True)}),
    ("keyword-only removed", "def f(a, *, k=1): pass", "def f(a): pass",
     {(F, "parameter-removed", True)}),
    ("keyword-only absorbed by **kwargs", "def f(a, *, k=1): pass", "def f(a, **kw): pass",
     {(F, "parameter-removed", False), (F, "parameter-added", False)}),
    ("positional-or-keyword: **kwargs covers keyword calls only", "def f(a, b=1): pass",
     "def f(a, **kw): pass", {(F, "parameter-removed", True), (F, "parameter-added", False)}),
    ("positional-or-keyword absorbed by *args and **kwargs", "def f(a, b=1): pass",
     "def f(a, *args, **kw): pass",
     {(F, "parameter-removed", False), (F, "parameter-added", False)}),
    ("positional-only absorbed by *args", "def f(a, b, /): pass", "def f(a, /, *rest): pass",
     {(F, "parameter-removed", False), (F, "parameter-added", False)}),
    ("*args cannot absorb a parameter that later ones shift into",
     "def f(a, b, c): pass", "def f(a, c, *rest): pass",
     {(F, "parameter-removed", True), (F, "parameter-added", False)}),
    ("positional-only removed without *args", "def f(a, b, /): pass", "def f(a, /): pass",
     {(F, "parameter-removed", True)}),
    ("*args removed", "def f(a, *args): pass", "def f(a): pass",
     {(F, "parameter-removed", True)}),
    ("**kwargs removed", "def f(a, **kw): pass", "def f(a): pass",
     {(F, "parameter-removed", True)}),
    ("removal shifts later ones: reported once", "def f(a, b, c): pass", "def f(a, c): pass",
     {(F, "parameter-removed", True)}),
    # -- parameter-renamed -------------------------------------------------------------------
    ("renamed in place", "def f(a, b): pass", "def f(a, c): pass",
     {(F, "parameter-renamed", True)}),
    ("positional-only renamed: invisible", "def f(a, /): pass", "def f(b, /): pass", set()),
    ("renamed, the body following: no body change", "def f(a, b):\n    return a + b.b",
     "def f(a, c):\n    return a + c.b", {(F, "parameter-renamed", True)}),
    ("renamed, the body still reading the old name: body change",
     "def f(a, b):\n    return a + b", "def f(a, c):\n    return a + b",
     {(F, "parameter-renamed", True), (F, "body-changed", False)}),
    ("renamed, the body reading a global of the new name: body change",
     "def f(a, b):\n    return b + c", "def f(a, c):\n    return c + c",
     {(F, "parameter-renamed", True), (F, "body-changed", False)}),
    ("renamed, an attribute of the old name renamed too: body change",
     "def f(a, b):\n    return a.b", "def f(a, c):\n    return a.c",
     {(F, "parameter-renamed", True), (F, "body-changed", False)}),
    ("*args renamed, the body following", "def f(*args):\n    return args",
     "def f(*values):\n    return values", set()),
    ("old __x convention renamed: invisible", "def f(__a, b): pass", "def f(__x, b): pass",
     set()),
    ("keyword-only renamed: removed and added", "def f(*, a=1): pass", "def f(*, b=1): pass",
     {(F, "parameter-removed", True), (F, "parameter-added", False)}),
    # -- parameter-moved ---------------------------------------------------------------------
    ("swapped", "def f(a, b): pass", "def f(b, a): pass", {(F, "parameter-moved", True)}),
    ("keyword-only reordered: no change", "def f(*, a, b): pass", "def f(*, b, a): pass",
     set()),
    # -- parameter-kind-changed --------------------------------------------------------------
    ("became keyword-only", "def f(a, b): pass", "def f(a, *, b): pass",
     {(F, "parameter-kind-changed", True)}),
    ("became positional-only", "def f(a, b): pass", "def f(a, b, /): pass",
     {(F, "parameter-kind-changed", True), (F, "parameter-kind-changed", True)}),
    ("keyword-only became positional-or-keyword", "def f(a, *, b): pass", "def f(a, b): pass",
     {(F, "parameter-kind-changed", False)}),
    ("positional-only became positional-or-keyword", "def f(a, /): pass", "def f(a): pass",
     {(F, "parameter-kind-changed", False)}),
    ("old __x convention to / syntax: no change", "def f(__a): pass", "def f(__a, /): pass",
     set()),
    ("__x convention dropped: widened", "def f(__a): pass", "def f(a, /): pass", set()),
    # -- defaults ----------------------------------------------------------------------------
    ("default removed", "def f(a, b=1): pass", "def f(a, b): pass",
     {(F, "parameter-now-required", True)}),
    ("keyword-only default removed", "def f(*, k=1): pass", "def f(*, k): pass",
     {(F, "parameter-now-required", True)}),
    ("default changed", "def f(a, b=1): pass", "def f(a, b=2): pass",
     {(F, "parameter-default-changed", False)}),
    ("default added", "def f(a, b): pass", "def f(a, b=2): pass",
     {(F, "parameter-default-changed", False)}),
    # -- annotations -------------------------------------------------------------------------
    ("Optional vs X | None", "from typing import Optional\ndef f(a: Optional[int]): pass",
     "def f(a: int | None): pass", set()),
    ("Union vs |", "from typing import Union\ndef f(a: Union[int, str, None]): pass",
     "def f(a: str | int | None): pass", set()),
    ("typing.List vs list",
     "import typing\ndef f(a: typing.List[int]) -> typing.Dict[str, int]: pass",
     "def f(a: list[int]) -> dict[str, int]: pass", set()),
    ("quoted annotation", "def f(a: 'Model') -> 'Model': pass",
     "from __future__ import annotations\ndef f(a: Model) -> Model: pass", set()),
    ("typing alias module", "import typing as t\ndef f(a: t.Optional[t.List[int]]): pass",
     "def f(a: list[int] | None): pass", set()),
    ("parameter annotation changed", "def f(a: int): pass", "def f(a: str): pass",
     {(F, "parameter-annotation-changed", False)}),
    ("annotation added", "def f(a): pass", "def f(a: int): pass",
     {(F, "parameter-annotation-changed", False)}),
    ("return annotation changed", "def f() -> int: pass", "def f() -> str: pass",
     {(F, "return-annotation-changed", False)}),
    ("*args annotation changed", "def f(*a: int): pass", "def f(*a: str): pass",
     {(F, "parameter-annotation-changed", False)}),
    # -- async -------------------------------------------------------------------------------
    ("became async", "def f(): pass", "async def f(): pass", {(F, "async-changed", True)}),
    ("became sync", "async def f(): pass", "def f(): pass", {(F, "async-changed", True)}),
    # ``async for`` calls ``__aiter__`` plainly and needs an async iterator back: an async
    # generator gives one, and so must a plain ``__aiter__`` (psycopg 3.3's cursors)
    ("__aiter__: an async generator became a plain method returning self",
     AITER + "    async def __aiter__(self):\n        yield 1\n",
     AITER + "    def __aiter__(self):\n        return self\n"
     "    async def __anext__(self):\n        raise StopAsyncIteration\n",
     {("m:C.__aiter__", "async-changed", False), ("m:C.__aiter__", "body-changed", False),
      ("m:C.__anext__", "symbol-added", False)}),
    ("__aiter__: a plain method became an async generator",
     AITER + "    def __aiter__(self):\n        return self\n",
     AITER + "    async def __aiter__(self):\n        yield 1\n",
     {("m:C.__aiter__", "async-changed", False), ("m:C.__aiter__", "body-changed", False)}),
    ("__aiter__: a coroutine is no async iterator",
     AITER + "    def __aiter__(self):\n        return self\n",
     AITER + "    async def __aiter__(self):\n        return self\n",
     {("m:C.__aiter__", "async-changed", True)}),
    ("another method: an async generator became a plain method returning self",
     AITER + "    async def rows(self):\n        yield 1\n",
     AITER + "    def rows(self):\n        return self\n",
     {("m:C.rows", "async-changed", True), ("m:C.rows", "body-changed", False)}),
    # -- self / cls ------------------------------------------------------------------------
    ("self renamed", "class C:\n    def m(self, a): pass", "class C:\n    def m(this, a): pass",
     set()),
    ("cls renamed", "class C:\n    @classmethod\n    def m(cls, a): pass",
     "class C:\n    @classmethod\n    def m(klass, a): pass", set()),
    ("method parameter added", "class C:\n    def m(self): pass",
     "class C:\n    def m(self, a): pass", {(M, "parameter-added", True)}),
    ("staticmethod parameter renamed", "class C:\n    @staticmethod\n    def m(a): pass",
     "class C:\n    @staticmethod\n    def m(b): pass", {(M, "parameter-renamed", True)}),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_signature_changes(old: str, new: str, expected: set[object]) -> None:
    assert diff_set(old, new) == expected


@pytest.mark.parametrize(
    ("old", "new", "detail"),
    [
        ("def f(a, include_archived=False): pass", "def f(a): pass", "include_archived"),
        ("def f(a, b): pass", "def f(a, c): pass", "b->c"),
        ("def f(a, b): pass", "def f(a, *, b): pass",
         "b (positional-or-keyword->keyword-only)"),
        ("def f(a, *, k=1): pass", "def f(a, **kw): pass",
         "k (keyword calls absorbed by **kw)"),
    ],
)
def test_detail(old: str, new: str, detail: str) -> None:
    changes = [c for c in diff_changes(old, new) if c.kind.value != "parameter-added"]
    assert [c.detail for c in changes] == [detail]
