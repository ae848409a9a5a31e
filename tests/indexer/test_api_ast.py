"""The API-only summary made from ``ast`` (``indexer/api_ast.py``) is astroid's, field for field.

A full summary (astroid's) serves ``changes`` from the cache and is compared with API-only
ones, so every text (signatures, decorators, bases, values) and fingerprint must be the same.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from impactgraph.indexer.api_ast import summarize_api
from impactgraph.indexer.astroid_tree import summarize_astroid
from impactgraph.model import FileSummary

ROOT = Path(__file__).resolve().parents[2]

# Each is summarised by the ``ast`` walk (not left to astroid), and must agree with astroid.
PRINTED = {
    "operators and precedence": """\
        a = (1 + 2) * 3 - -x ** -y ** 2 + (not b) + (a if b else c) + (lambda: 1)()
        b = x < y <= z is not None in w and (p or q) and not (r and s)
        c = (a, ) + (a, b) + () + [*a, *b] + {**d, "k": 1} + {1, 2}
        d = f(*args, key=1, **kw)[1:2, ::3][a:b:c][(1, 2)][()]
        e = (await z).attr + (1).real + x.y.z() + (-1) ** 2 + 2 ** (-1)
        def gen():
            x = yield
            y = yield from z
            await w
            return x, y
        """,
    "strings": """\
        a = f"{x!r:>{width}} {y!s} {{literal}} {z:%Y-%m-%d}" f'{"q"}'
        b = b"bytes" + "tab\\tnew\\nline" + 'quote\\'s' + r"raw\\d" + "\\0nul"
        c = 1_000 + 0x1F + 1e10 + 2j + ... + None + True
        def documented():
            '''A docstring
            on two lines.'''
            "a second string is no docstring"
            def inner():
                \"\"\"Inner doc.\"\"\"
                return "x\\ny"
            return inner
        """,
    "signatures and renaming": """\
        import abc
        def f(a, b=1, /, c: int = 2, *args: str, d, e: "E" = None, **kw: t.Any) -> list[int]:
            def inner(a, *c, **kw):
                del a
                return [a for a in c if a], kw
            class Inner(a, metaclass=b, extra=c):
                '''doc'''
            try:
                pass
            except (a, c) as b:
                raise b from a
            with c as (a, b), d:
                a += 1
            match a:
                case [b, *rest, {"k": c, **more}] if c:
                    pass
                case Point(x=0, y=a) | b as whole:
                    pass
                case None | True | -1 | "s":
                    pass
            return lambda a, b=c: (a, b)
        def g(x=lambda y=lambda: 1: y, *, key=lambda v: v) -> (lambda: None):
            def marked(x):
                "a docstring holding the marks \\x01 and \\x02"
                return x
            return x
        @decorator(lambda f: f)
        @other.attr[0]
        def decorated(self):
            self.value = 1
        async def coroutine(*, flag):
            async with lock as held:
                async for item in stream():
                    yield item
        """,
    "named tuples": """\
        import collections
        import typing
        from typing import NamedTuple
        class Point(NamedTuple):
            '''Doc.'''
            x: int
            y: "list[int]" = [ 1,2 ]
            def norm(self):
                return self.x
        class Typed(typing.NamedTuple('Typed', [('a', int), ('b', str)])):
            pass
        class Called(collections.namedtuple('Called', 'a, b c', defaults=(None, 'c'))):
            pass
        class Own(NamedTuple):
            a: int
            def __init__(self, *args):
                pass
        class Renamed(collections.namedtuple('Renamed', 'a def', rename=True)):
            pass
        """,
    "classes": """\
        from dataclasses import dataclass, field, KW_ONLY
        import typing as t
        @dataclass(frozen=True)
        class Point(Base, t.Generic[T], metaclass=Meta, **extra):
            '''Doc.'''
            x: int = 0
            y: list[int] = field(default_factory=list)
            z: t.ClassVar[int] = 1
            _: KW_ONLY
            w: str = field(default="w", init=True)
            hidden: int = field(init=False, default=0)
            a, (b, *c) = 1, (2, 3)
            if condition:
                conditional = 1
            for k in range(3):
                loop = k
            pass
            def method(self, other):
                self.attr = other
                self.first = self.second = None
                (self.pair, other.skip) = (1, 2)
                for self.loop_attr in range(2):
                    pass
                with open(f) as self.handle:
                    pass
            @staticmethod
            def make(self):
                self.not_an_attribute = 1
            @property
            def size(self) -> int:
                return self._size
            @size.setter
            def size(self, value):
                self._size = value
            @t.overload
            def get(self, key: int) -> int: ...
            @t.overload
            def get(self, key: str) -> str: ...
            def get(self, key):
                raise NotImplementedError("abstract")
            class Nested:
                ...
        """,
    "module names, imports and __all__": """\
        '''Module doc.'''
        from __future__ import annotations
        import os.path, sys as system
        from . import sibling
        from ..parent.mod import name as alias, other
        from .star import *
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            import expensive
        else:
            try:
                import fast
            except ImportError as error:
                fast = None
        __all__ = ["a", "b"]
        __all__ += ("c",)
        __all__.extend(["d"])
        VALUE: int
        VALUE = 3
        VALUE += 1
        for index, item in enumerate(items):
            pass
        with open("f") as (handle):
            pass
        def VALUE2(): ...
        VALUE2 = 5
        def cache():
            global _cache
            _cache = {}
            for _cache in range(2):
                pass
        def getchar():
            global _getchar
            if _getchar is None:
                from ._impl import getchar as f
                _getchar = f
            return _getchar
        def __getattr__(name):
            raise AttributeError(name)
        """,
    "walrus": """\
        if (found := search()) is not None:
            pass
        values = [y for x in data if (y := f(x))]
        total = sum(z for z in (w := load()))
        anything = any((hit := x) for x in data)
        class Config:
            if (mode := read()):
                flag = True
            call(key=(keyed := 1))
            def method(self):
                if (local := self.x):
                    self.seen = local
        handler = lambda: (inner := 1)
        """,
}

PRINTED["module code among definitions, imports and bindings"] = """\
    \"\"\"The docstring.\"\"\"
    import sys
    from typing import TYPE_CHECKING
    if TYPE_CHECKING:
        from os import PathLike
    try:
        import json
    except ImportError:
        json = None
        warnings.warn("no json", stacklevel=2)
    REGISTRY: dict = {}
    a, (b, *c) = 1, (2, 3)
    __all__ = ["f"]
    __all__ += ["g"]
    REGISTRY["f"] = 1
    sys.path.insert(0, "src")
    for name in ("x", "y"):
        globals()[name] = name
    def f():
        pass
    with open(__file__) as handle:
        TEXT = handle.read()
    if sys.version_info >= (3, 12):
        def g():
            pass
    else:
        g = None
        print(f"old {sys.version_info!r}")
    del name
    if __name__ == "__main__":
        f()
    """

PRINTED["a class defined in both branches of an if and of a try"] = """\
    import sys
    if sys.version_info >= (3,):
        from dis import Instruction as _Instruction
        class Instruction(_Instruction):
            lineno = None
    else:
        class Instruction(namedtuple("Instruction", "offset argval")):
            lineno = None
    try:
        class Fast(Base, Mixin):
            pass
    except ImportError:
        class Fast(object):
            pass
    def Fast():
        pass
    class Fast:
        pass
    """

# Each is left to astroid (its binding rules for these are not modelled), with the same result.
LEFT_TO_ASTROID = {
    "walrus in a class's comprehension": """\
        class C:
            items = [(last := x) for x in range(3)]
        """,
    "walrus in a default": "def f(x=(y := 1)):\n    pass\n",
    "global in a nested function": """\
        def outer():
            def inner():
                global shared
                shared = 1
        """,
    "global name imported": """\
        def load():
            global module
            import module
        """,
    "attribute as a comprehension target": """\
        class C:
            def m(self):
                return [lambda: 1 for self.x in range(2)]
        """,
    "deep nesting": "x = " + " + ".join(["a"] * 1500) + "\n",
    "syntax error": "def broken(:\n",
}


def both(text: str, module: str = "pkg.mod", path: str = "pkg/mod.py"
         ) -> tuple[FileSummary | None, FileSummary]:
    return summarize_api(text, module, path), summarize_astroid(text, module, path, api_only=True)


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_the_ast_walk_agrees_with_astroid(name: str) -> None:
    text = textwrap.dedent(PRINTED[name])
    for module, path in (("pkg.mod", "pkg/mod.py"), ("pkg", "pkg/__init__.py")):
        ours, theirs = both(text, module, path)
        assert ours is not None, "left to astroid"
        assert ours == theirs


@pytest.mark.parametrize("name", sorted(LEFT_TO_ASTROID))
def test_what_the_ast_walk_leaves_to_astroid(name: str) -> None:
    text = textwrap.dedent(LEFT_TO_ASTROID[name])
    ours, _ = both(text)
    assert ours is None


def test_the_ast_walk_agrees_on_real_code() -> None:
    """This package, its fixtures, benchmarks and the tests of its indexer and linker: nearly
    every file is made from ``ast``, and each is astroid's summary exactly."""
    folders = ("impactgraph", "fixtures", "benchmarks", "tests/indexer", "tests/linker")
    paths = sorted(p for folder in folders
                   for p in (ROOT / folder).rglob("*.py") if ".cache" not in p.parts)
    assert len(paths) > 150
    made = 0
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # a fixture of a file that does not decode
            continue
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        ours, theirs = both(text, module, path.relative_to(ROOT).as_posix())
        if ours is not None:
            made += 1
            assert ours == theirs, path
    assert made >= 0.95 * len(paths)


def test_lines_are_counted_as_python_counts_them() -> None:
    """Form feeds and other characters ``str.splitlines`` breaks at end no line for Python:
    the lambdas found by their lines are still all found."""
    text = ("x = 1\n\x0c\ny = 'a\x0cb\x85c'\nf = lambda: 1\rg = lambda: 2\r\n"
            "class A:\n    h = [lambda: 3 for x in y]\n")
    ours, theirs = both(text)
    assert ours is not None
    assert ours == theirs
    assert sum("<lambda" in d.qualname for d in ours.definitions) == 3
