"""The API-only summary (``indexer/api.py``) is the full summary's API part, field for field."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest

from impactgraph.indexer import summarize
from impactgraph.model import FileSummary

PACKAGE = Path(__file__).resolve().parents[2] / "impactgraph"

SNIPPETS = {
    "lambdas and walrus": """\
        import typing as t
        handlers = {"a": lambda x: x, "b": lambda: (y := 2)}
        if (flag := compute()):
            pass
        class C:
            sort = staticmethod(lambda a, b: a < b)
            [(seen := i) for i in range(3)]
            def run(self, key=lambda v: v):
                self.cached = (total := 1)
                return [lambda: i for i in key()]
        """,
    "classes, attributes, accessors, overloads": """\
        from __future__ import annotations
        import abc
        from dataclasses import dataclass, field
        from typing import TYPE_CHECKING, overload
        if TYPE_CHECKING:
            from pkg.types import Thing
        try:
            import fast as impl
        except ImportError:
            from . import slow as impl
        __all__ = ["Base", "Point"]
        __all__ += ["helper"]
        @dataclass(frozen=True, kw_only=True)
        class Point:
            x: int = 0
            y: list[int] = field(default_factory=list)
            z: t.ClassVar[int] = 1
        class Base(abc.ABC, metaclass=abc.ABCMeta):
            limit: int
            a, (b, c) = 1, (2, 3)
            for k in range(3):
                loop_attr = k
            with open("f") as handle:
                pass
            @property
            def size(self) -> int:
                return self._size
            @size.setter
            def size(self, value: int) -> None:
                self._size = value
            @abc.abstractmethod
            def run(self, *args: int, flag: bool = False, **options: str) -> None:
                raise NotImplementedError
            @overload
            def get(self, key: int) -> int: ...
            @overload
            def get(self, key: str) -> str: ...
            def get(self, key):
                self.last = key
                global counter
                counter = key
                return key
            @staticmethod
            def make(other):
                other.value = 1
        def helper(x, /, y=3, *, z):
            def inner():
                nonlocal x
                x = 1
            return inner
        match command:
            case {"go": where}:
                destination = where
            case _:
                destination = None
        def __getattr__(name):
            raise AttributeError(name)
        """,
    "module getattr by assignment, star import": """\
        from os.path import *
        from .sibling import name as alias
        __getattr__ = make_getattr(__name__)
        VALUE: int = 3
        VALUE = 4
        for index, item in enumerate(items()):
            pass
        """,
}


def api_part(summary: FileSummary) -> FileSummary:
    """What the diff engine reads of a full summary, as an API-only summary records it."""
    definitions = tuple(
        dataclasses.replace(d, decorator_exprs=(), base_exprs=(), returns_length=None, code_lines=0)
        for d in summary.definitions
    )
    return dataclasses.replace(
        summary, definitions=definitions, calls=(), references=(), bindings=(),
        attribute_stores=(), main_blocks=(), return_guards=(), tolerant_reads=(), mutables=(),
        class_literals=(),
        named_files=(), api_only=True,
    )


def check(text: str, module: str, path: str) -> None:
    full = summarize(text, module, path)
    api = summarize(text, module, path, api_only=True)
    if full.error is not None:
        assert api.error == full.error
        return
    assert api == api_part(full)


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_the_api_part_of_tricky_code(name: str) -> None:
    text = textwrap.dedent(SNIPPETS[name])
    check(text, "pkg.mod", "pkg/mod.py")
    check(text, "pkg", "pkg/__init__.py")


def test_the_api_part_of_this_package() -> None:
    paths = sorted(p for folder in ("indexer", "diff", "linker", "app")
                   for p in (PACKAGE / folder).glob("*.py"))
    assert len(paths) > 30
    for path in paths:
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        check(path.read_text(encoding="utf-8"), module, path.name)


def test_an_api_summary_records_nothing_for_the_linker() -> None:
    text = textwrap.dedent(SNIPPETS["classes, attributes, accessors, overloads"])
    full = summarize(text, "pkg.mod", "pkg/mod.py")
    api = summarize(text, "pkg.mod", "pkg/mod.py", api_only=True)
    assert full.calls and full.bindings and not full.api_only
    assert api.api_only
    assert (api.calls, api.references, api.bindings, api.attribute_stores,
            api.return_guards) == ((), (), (), (), ())
    assert {d.qualname for d in api.definitions} == {d.qualname for d in full.definitions}
    assert any(d.attributes for d in api.definitions)


def test_bad_source_reads_the_same() -> None:
    for text in ("def broken(:\n", "x = 1\0\n"):
        check(text, "pkg.mod", "pkg/mod.py")
