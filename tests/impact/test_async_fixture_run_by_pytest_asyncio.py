"""A fixture made ``async`` where pytest-asyncio runs async fixtures: pytest-asyncio awaits
it (or runs its async generator to the ``yield``) and pytest hands what it gives to the
fixtures and tests that ask for it, as before. It does so for every async fixture under
``asyncio_mode = auto`` (the pytest configuration's, or ``--asyncio-mode=auto`` in its
``addopts``), and for one decorated ``@pytest_asyncio.fixture`` in any mode. beanie 2.0 made
its conftest's ``cli`` fixture an ``async def`` yielding a client, with ``asyncio_mode =
"auto"``; the sync fixture ``db(cli)`` reads ``cli[...]``, and the ``async-changed`` judged
the conftest modules broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

SYNC = """import pytest


class Client(dict):
    pass


@pytest.fixture
def cli():
    yield Client(db=1)


@pytest.fixture
def db(cli):
    return cli["db"]
"""
ASYNC = SYNC.replace("def cli", "async def cli")
ASYNC_MARKED = ASYNC.replace("import pytest\n", "import pytest\nimport pytest_asyncio\n", 1
                             ).replace("@pytest.fixture\nasync", "@pytest_asyncio.fixture\nasync")
TEST = "def test_db(db):\n    assert db == 1\n"
AUTO = {
    "pyproject.toml": '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n',
    "pytest.ini": "[pytest]\nasyncio_mode = auto\n",
    "setup.cfg": "[tool:pytest]\nasyncio_mode = auto\n",
    "tox.ini": "[pytest]\nasyncio_mode = auto\n",
}


def _broken(tmp_path: Path, head: str, config: dict[str, str], base: str = SYNC) -> set[str]:
    files = {"tests/__init__.py": "", "tests/test_db.py": TEST, **config}
    report = impact_between({**files, "tests/conftest.py": base},
                            {**files, "tests/conftest.py": head}, tmp_path)
    assert ("tests.conftest:cli", "async-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


@pytest.mark.parametrize("name", sorted(AUTO))
def test_a_fixture_made_async_under_asyncio_mode_auto_breaks_no_requester(
        tmp_path: Path, name: str) -> None:
    assert _broken(tmp_path, ASYNC, {name: AUTO[name]}) == set()


def test_asyncio_mode_auto_in_the_addopts_runs_async_fixtures(tmp_path: Path) -> None:
    config = {"pytest.ini": "[pytest]\naddopts = -q --asyncio-mode=auto\n"}
    assert _broken(tmp_path, ASYNC, config) == set()


def test_a_fixture_made_async_with_pytest_asyncios_decorator_breaks_no_requester(
        tmp_path: Path) -> None:
    assert _broken(tmp_path, ASYNC_MARKED, {}) == set()


@pytest.mark.parametrize("config", [
    {},
    {"pyproject.toml": '[tool.pytest.ini_options]\nasyncio_mode = "strict"\n'},
    {"pytest.ini": "[pytest]\nasyncio_mode = auto\naddopts = --asyncio-mode strict\n"},
], ids=["no-configuration", "strict", "strict-in-addopts"])
def test_a_plain_async_fixture_in_strict_mode_still_breaks_its_sync_requester(
        tmp_path: Path, config: dict[str, str]) -> None:
    # pytest hands ``db`` the async generator itself: ``cli["db"]`` fails
    assert _broken(tmp_path, ASYNC, config) == {"tests.conftest"}


def test_a_call_of_the_fixture_function_itself_is_judged_as_before(tmp_path: Path) -> None:
    # not pytest's request: the code gets the async generator under any mode
    helper = "\n\ndef first_client():\n    return next(cli())\n"
    config = {"pyproject.toml": AUTO["pyproject.toml"]}
    assert _broken(tmp_path, ASYNC + helper, config, SYNC + helper) == {"tests.conftest"}
