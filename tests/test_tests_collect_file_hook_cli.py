"""``impactgraph tests`` where a conftest's ``pytest_collect_file`` hook makes test items of
files that are not Python (pytest's documented YAML example): such a file is a test file of
the hook's items. What they run is the hook's classes' code on the file's content, which is
not followed from the file, so it is selected on every change, with a reason, and when it
changed itself; which files the hook takes is read from the literals it compares the name
with (seen on docopt-ng 0.9.0: tests/conftest.py collects tests/testcases.docopt, whose items
call ``docopt.docopt``; a change to the parser failed them and only the two Python test files
were selected)."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from cli_support import selected_reasons
from git_support import commit, init_repo

from impactgraph.pytest_collection import HookNames
from impactgraph.pytest_conftest import hook_names, read_conftest

CONFTEST = """
    import pytest

    from tests.cases import CasesFile


    def pytest_collect_file(file_path, parent):
        if file_path.suffix == ".cases" and file_path.stem.startswith("test"):
            return CasesFile.from_parent(parent, path=file_path)
"""

SOURCES = {
    "pyproject.toml": "[tool.pytest.ini_options]\ntestpaths = ['tests']\n"
                      "norecursedirs = ['data']\naddopts = '--ignore=tests/old'\n",
    "pkg/__init__.py": "",
    "pkg/parse.py": """
        def parse(text):
            return text.split()


        def other():
            return 1
    """,
    "tests/__init__.py": "",
    "tests/conftest.py": CONFTEST,
    # the hook's classes live in a module of their own: the conftest reaches nothing
    "tests/cases.py": """
        import pytest

        from pkg.parse import parse


        class CasesFile(pytest.File):
            def collect(self):
                for line in self.path.read_text().splitlines():
                    yield CaseItem.from_parent(self, name=line, line=line)


        class CaseItem(pytest.Item):
            def __init__(self, *, line, **kwargs):
                super().__init__(**kwargs)
                self.line = line

            def runtest(self):
                assert parse(self.line) == self.line.split(" ")
    """,
    "tests/test_other.py": """
        from pkg.parse import other


        def test_other():
            assert other() == 1
    """,
    "tests/testcases.cases": "a b\nc d\n",
    "tests/other.cases": "e f\n",  # the hook wants a name starting with "test"
    "tests/test_data.json": "{}\n",  # no suffix the hook collects
    # the hook is asked only about files pytest walks to: not below norecursedirs or --ignore
    "tests/data/testdata.cases": "g h\n",
    "tests/old/testold.cases": "i j\n",
}

CHANGED = {"pkg/parse.py": """
    def parse(text, sep=" "):
        return text.split(sep)


    def other():
        return 1
"""}


def test_files_a_collect_file_hook_takes_are_selected_on_a_change(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, SOURCES, message="base", tag="base")
    commit(root, CHANGED)
    selected = selected_reasons(root)
    assert set(selected) == {"tests/testcases.cases"}
    assert any("pytest_collect_file" in r for r in selected["tests/testcases.cases"])


def test_a_hook_that_decides_the_walk_opens_the_skipped_folders(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    walks = CONFTEST + """

        def pytest_ignore_collect(collection_path, config):
            return False
    """
    commit(root, {**SOURCES, "tests/conftest.py": walks}, message="base", tag="base")
    commit(root, CHANGED)
    # pytest_ignore_collect may answer False for data/ and old/: a conftest with it is not
    # filtered (pytest 8 checks norecursedirs in that hook as well as --ignore)
    assert set(selected_reasons(root)) >= {
        "tests/testcases.cases", "tests/data/testdata.cases", "tests/old/testold.cases"}


def test_a_changed_hook_file_is_selected(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, SOURCES, message="base", tag="base")
    commit(root, {"tests/testcases.cases": "a b\n"})
    assert "test file changed" in selected_reasons(root)["tests/testcases.cases"]


@pytest.mark.parametrize(("text", "names"), [
    (textwrap.dedent(CONFTEST), HookNames((".cases",), ("test",))),
    # pytest's documented example, on the path's name
    ('def pytest_collect_file(parent, file_path):\n'
     '    if file_path.suffix == ".yaml" and file_path.name.startswith("test"):\n'
     '        return YamlFile.from_parent(parent, path=file_path)\n',
     HookNames((".yaml",), ("test",))),
    # suffixes in a module constant and in a helper the hook calls; endswith
    ('SUFFIXES = (".yml", ".yaml")\n'
     'def wanted(path):\n    return str(path).endswith("_spec.json")\n'
     'def pytest_collect_file(parent, file_path):\n'
     '    if file_path.suffix in SUFFIXES or wanted(file_path):\n        return 1\n',
     HookNames((".yaml", ".yml", "_spec.json"), ())),
    # a start tested on something other than the name: no start is required
    ('def pytest_collect_file(parent, file_path):\n'
     '    if str(file_path).startswith(ROOT) and file_path.name.startswith("t"):\n'
     '        if file_path.suffix == ".txt":\n            return 1\n',
     HookNames((".txt",), ())),
    ("def pytest_ignore_collect(collection_path):\n    return False\n", None),
])
def test_the_names_a_collect_file_hook_takes_are_read(
        text: str, names: HookNames | None) -> None:
    assert hook_names(ast.parse(text)) == names
    assert read_conftest(text).collects == names


def test_hook_names_match_a_file_name() -> None:
    names = HookNames((".cases",), ("test",))
    assert names.match("testcases.cases")
    assert not names.match("other.cases")
    assert not names.match("test.json")
    assert not HookNames((), ()).match("test.cases")
    assert HookNames((".cases",), ()).match("other.cases")
