"""An ``async_generator``-style async generator made native: ``@async_generator async def f():
await yield_(x)`` and ``async def f(): yield x`` both give an async generator when called, which
``async for``, ``asynccontextmanager`` and ``aclose()`` take alike. trio-websocket 0.10 made
``open_websocket`` (under ``@asynccontextmanager``) so, dropping the ``async_generator``
package; ``open_websocket_url`` returning ``open_websocket(...)`` and the tests entering it with
``async with`` were judged broken by the decorator that went. A coroutine that lost the
decorator but still ``await yield_(x)`` gives a coroutine now, and still breaks them."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = '''\
from contextlib import asynccontextmanager
{imports}


@asynccontextmanager
{decorator}async def connect(host, port):
    conn = [host, port]
    try:
        {give}
    finally:
        conn.clear()


async def numbers(n):
    for i in range(n):
        {more}
'''
USER = '''\
from lib import connect, numbers


async def talk(host):
    async with connect(host, 80) as conn:
        return conn


async def count():
    return [i async for i in numbers(3)]
'''
OLD = {"imports": "from async_generator import async_generator, yield_",
       "decorator": "@async_generator\n", "give": "await yield_(conn)",
       "more": "await yield_(i)"}


def _lib(**overrides: str) -> str:
    return LIB.format(**{**OLD, **overrides})


def _broken(tmp_path: Path, after: str, before: str) -> set[str]:
    base = {"lib.py": before, "user.py": USER}
    head = {"lib.py": after, "user.py": USER}
    return broken_modules(impact_between(base, head, tmp_path))


def _both(**overrides: str) -> str:
    """The library, ``numbers`` decorated as ``connect`` is (below ``@asynccontextmanager``)."""
    decorator = overrides.get("decorator", OLD["decorator"])
    return _lib(**overrides).replace("async def numbers", f"{decorator}async def numbers")


def test_an_async_generator_made_native_breaks_no_caller(tmp_path: Path) -> None:
    after = _both(imports="", decorator="", give="yield conn", more="yield i")
    assert _broken(tmp_path, after, _both()) == set()


def test_the_decorator_imported_as_a_module_attribute_counts_too(tmp_path: Path) -> None:
    before = _both(imports="import async_generator",
                   decorator="@async_generator.async_generator\n",
                   give="await async_generator.yield_(conn)",
                   more="await async_generator.yield_(i)")
    after = _both(imports="", decorator="", give="yield conn", more="yield i")
    assert _broken(tmp_path, after, before) == set()


def test_the_decorator_gone_with_yield_left_a_call_still_breaks(tmp_path: Path) -> None:
    # no native ``yield``: a call gives a coroutine, which neither ``async with`` (through
    # ``asynccontextmanager``) nor ``async for`` takes
    after = _both(imports="from async_generator import yield_", decorator="")
    assert _broken(tmp_path, after, _both()) == {"user"}


def test_another_decorator_of_the_name_still_counts(tmp_path: Path) -> None:
    before = _both(imports="from mylib import async_generator, yield_")
    after = _both(imports="", decorator="", give="yield conn", more="yield i")
    assert _broken(tmp_path, after, before) == {"user"}
