"""A plain ``@pytest.fixture async def`` made ``@pytest_asyncio.fixture`` where pytest-asyncio
runs in strict mode: pytest handed its requesters the async generator (or coroutine) itself,
and now hands them what it yields (or returns). A requester using that value as a value is
what the change was for; one that awaited it, iterated it with ``async for`` or called
``aclose()`` on it uses what it gets no more. jeepney 0.8 traded the decorators of its asyncio
tests' ``connection`` fixture; ``test_connect`` reads ``connection.unique_name`` and was judged
broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

TEST = '''\
import asyncio

import pytest
{imports}

from pkg.io import open_conn

pytestmark = [pytest.mark.asyncio]


@{decorator}()
async def connection():
    async with (await open_conn()) as conn:
        yield conn


async def test_connect(connection):
    {use}
'''
LIB = '''\
class Conn:
    def __init__(self):
        self.unique_name = ":1"

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None


async def open_conn():
    return Conn()
'''
PLAIN = {"imports": "", "decorator": "pytest.fixture"}
MARKED = {"imports": "import pytest_asyncio", "decorator": "pytest_asyncio.fixture"}
VALUE_USE = "assert connection.unique_name.startswith(':')"


def _broken(tmp_path: Path, use: str, config: dict[str, str], before: dict[str, str] = PLAIN,
            after: dict[str, str] = MARKED) -> set[str]:
    files = {"pkg/__init__.py": "", "pkg/io.py": LIB, "pkg/tests/__init__.py": ""}
    base = {**files, "pkg/tests/test_io.py": TEST.format(use=use, **before)}
    head = {**files, **config, "pkg/tests/test_io.py": TEST.format(use=use, **after)}
    report = impact_between(base, head, tmp_path)
    assert ("pkg.tests.test_io:connection", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


@pytest.mark.parametrize("config", [{}, {"pytest.ini": "[pytest]\nasyncio_mode = strict\n"}],
                         ids=["no-configuration", "strict"])
def test_a_requester_using_the_value_is_not_broken(tmp_path: Path,
                                                   config: dict[str, str]) -> None:
    assert _broken(tmp_path, VALUE_USE, config) == set()


def test_a_requester_handing_the_value_on_is_not_broken(tmp_path: Path) -> None:
    assert _broken(tmp_path, "print(connection)", {}) == set()


@pytest.mark.parametrize("use", [
    "await connection.__anext__()",
    "async for conn in connection:\n        assert conn.unique_name",
    "await connection.aclose()",
    "assert await anext(connection)",
    "await asyncio.wait_for(connection, 5)",
], ids=["dunder-anext", "async-for", "aclose", "anext", "asyncio-runner"])
def test_a_requester_using_the_async_generator_still_breaks(tmp_path: Path, use: str) -> None:
    assert _broken(tmp_path, use, {}) == {"pkg.tests.test_io"}


def test_the_other_way_a_requester_using_the_value_breaks(tmp_path: Path) -> None:
    # ``@pytest_asyncio.fixture`` made a plain ``@pytest.fixture`` in strict mode: the test
    # is handed the async generator, which has no ``unique_name``
    assert _broken(tmp_path, VALUE_USE, {}, before=MARKED, after=PLAIN) == {"pkg.tests.test_io"}
