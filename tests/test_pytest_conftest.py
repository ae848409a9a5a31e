"""``collect_ignore`` / ``collect_ignore_glob`` read from a conftest.py without running it;
whatever cannot be read ignores nothing (and still hides a farther conftest's list)."""

from __future__ import annotations

import pytest

from impactgraph.pytest_conftest import read_conftest
from impactgraph.pytest_setup import environment_is_open, parse_addopts


@pytest.mark.parametrize(
    ("text", "ignore", "ignore_glob"),
    [
        ("x = 1\n", None, None),
        ('collect_ignore = ["a.py", "b"]\n', ("a.py", "b"), None),
        ('collect_ignore: list[str] = ("a.py",)\ncollect_ignore_glob = ["*_x.py"]\n',
         ("a.py",), ("*_x.py",)),
        ('collect_ignore = []\ncollect_ignore += ["a.py"]\ncollect_ignore.append("b.py")\n'
         'collect_ignore.extend(("c.py",))\ncollect_ignore.insert(0, "d.py")\n',
         ("a.py", "b.py", "c.py", "d.py"), None),
        # unknown: a condition, a call, an alias, an import, a name, a non-string
        ('import sys\ncollect_ignore = ["a.py"]\nif sys.platform == "win32":\n'
         '    collect_ignore.append("b.py")\n', (), None),
        ('import glob\ncollect_ignore = glob.glob("*.py")\n', (), None),
        ('collect_ignore = ["a.py"]\nother = collect_ignore\nother.append("b.py")\n', (), None),
        ("from .settings import collect_ignore\n", (), None),
        ("from helpers import *\n", (), ()),
        ('NAME = "a.py"\ncollect_ignore = [NAME]\n', (), None),
        ('collect_ignore += ["a.py"]\n', (), None),  # not set before: pytest fails on it
    ],
)
def test_collect_ignore_is_read_from_literals(
    text: str, ignore: tuple[str, ...] | None, ignore_glob: tuple[str, ...] | None
) -> None:
    facts = read_conftest(text)
    assert (facts.ignore, facts.ignore_glob) == (ignore, ignore_glob)


@pytest.mark.parametrize(
    ("text", "widens"),
    [
        ("def pytest_collect_file(file_path, parent):\n    return None\n", True),
        ("import pytest\n@pytest.hookimpl\ndef pytest_ignore_collect(collection_path):\n"
         "    return None\n", True),
        ("from plugin import pytest_collect_directory\n", True),
        ("from fixtures import *\n", True),  # may bring such a hook
        ("def broken(:\n", True),
        ("def pytest_collection_modifyitems(items):\n    items.clear()\n", False),
        ("import pytest\n@pytest.fixture\ndef client():\n    return 1\n", False),
    ],
)
def test_a_hook_that_may_collect_more_is_noticed(text: str, widens: bool) -> None:
    assert read_conftest(text).widens is widens


def test_addopts_options_that_bear_on_collection_are_read() -> None:
    options = parse_addopts([
        "--ignore=a", "--ignore", "b", "--ignore-glob=*.x", "--deselect", "t.py",
        "-pno:cacheprovider", "-p", "local.plugin", "--import-mode=importlib",
        "--rootdir=x", "-c", "other.ini", "-o", "python_files=check_*.py", "--noconftest",
    ])
    assert options.ignore == ("a", "b")
    assert options.ignore_glob == ("*.x",)
    assert options.deselect == ("t.py",)
    assert options.plugins == ("no:cacheprovider", "local.plugin")
    assert options.overrides and options.python_files == ("check_*.py",)
    assert options.noconftest


@pytest.mark.parametrize(
    ("value", "is_open"),
    [("", False), ("-x --ignore=tests", False), ("-c ci.ini", True), ("--rootdir=sub", True),
     ("-o testpaths=x", True), ('-k "unclosed', True)],
)
def test_pytest_addopts_never_narrows_and_a_configuration_change_opens(
    value: str, is_open: bool
) -> None:
    assert environment_is_open({"PYTEST_ADDOPTS": value}) is is_open
