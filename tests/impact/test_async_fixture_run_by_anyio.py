"""A fixture made ``async`` that anyio's pytest plugin runs: it runs an async fixture for a
test whose fixtures include ``anyio_backend``, which it adds to every ``async def`` test under
``anyio_mode = auto`` (anyio 4.12) and to one marked ``@pytest.mark.anyio``; pytest then hands
the requester what the fixture returns or yields, as before. anyio 4.12 made ``TestPath``'s
``populated_tmpdir`` fixture an ``async def`` returning an ``anyio.Path``, with ``anyio_mode
= "auto"``; the async test ``test_glob(populated_tmpdir)`` calls ``populated_tmpdir.glob``,
and the ``async-changed`` judged ``tests.test_fileio`` broken. A plain ``def`` test, or an
async one where nothing has anyio run it, still gets the coroutine."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

SYNC_FIXTURE = """import pytest
{imports}

class Tree:
    def glob(self, pattern):
        return [pattern]


@pytest.fixture
def populated():
    return Tree()


{decorator}{kind} test_glob(populated{extra}):
    assert populated.glob("*") == ["*"]
"""
AUTO = {
    "pyproject.toml": '[tool.pytest.ini_options]\nanyio_mode = "auto"\n',
    "pytest.ini": "[pytest]\nanyio_mode = auto\n",
    "tox.ini": "[pytest]\naddopts = -p anyio -o anyio_mode=auto\n",
}


def _broken(tmp_path: Path, config: dict[str, str], kind: str = "async def",
            decorator: str = "", extra: str = "") -> set[str]:
    text = SYNC_FIXTURE.format(imports="", decorator=decorator, kind=kind, extra=extra)
    files = {"pkg/__init__.py": "", "tests/__init__.py": "", **config}
    report = impact_between(
        {**files, "tests/test_tree.py": text},
        {**files, "tests/test_tree.py": text.replace("def populated", "async def populated")},
        tmp_path)
    assert ("tests.test_tree:populated", "async-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


@pytest.mark.parametrize("name", sorted(AUTO))
def test_a_fixture_made_async_under_anyio_mode_auto_breaks_no_async_test(
        tmp_path: Path, name: str) -> None:
    assert _broken(tmp_path, {name: AUTO[name]}) == set()


def test_a_fixture_made_async_breaks_no_test_marked_anyio(tmp_path: Path) -> None:
    assert _broken(tmp_path, {}, decorator="@pytest.mark.anyio\n") == set()


def test_a_fixture_made_async_breaks_no_test_requesting_anyio_backend(tmp_path: Path) -> None:
    # anyio runs the async fixtures of any test whose fixtures include ``anyio_backend``
    assert _broken(tmp_path, {}, kind="def", extra=", anyio_backend") == set()


@pytest.mark.parametrize("config", [
    {},
    {"pyproject.toml": '[tool.pytest.ini_options]\nanyio_mode = "strict"\n'},
    {"pytest.ini": "[pytest]\nasyncio_mode = strict\n"},
], ids=["no-configuration", "anyio-strict", "other-plugin"])
def test_an_async_test_nothing_runs_with_anyio_still_breaks(
        tmp_path: Path, config: dict[str, str]) -> None:
    assert _broken(tmp_path, config) == {"tests.test_tree"}


def test_a_plain_test_under_anyio_mode_auto_still_breaks(tmp_path: Path) -> None:
    # anyio marks ``async def`` tests only: a plain one gets the coroutine, which has no glob
    assert _broken(tmp_path, {"pytest.ini": AUTO["pytest.ini"]}, kind="def") == {
        "tests.test_tree"}
