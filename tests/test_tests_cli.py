"""``impactgraph tests``: reasons in JSON; failing open where the analysis cannot vouch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()

FILES = {
    "pyproject.toml": "[project]\nname = 'demo'\n",
    "README.md": "# demo\n",
    "pkg/__init__.py": "",
    "pkg/render.py": """\
        from pathlib import Path

        def render():
            return (Path(__file__).parent / "templates" / "a.html").read_text()
        """,
    "pkg/templates/a.html": "<p>a</p>\n",
    "pkg/tests/__init__.py": "",
    "pkg/tests/data/x.json": "{}\n",
    "pkg/tests/test_render.py": """\
        from pkg.render import render

        def test_render():
            assert render()
        """,
    "other/__init__.py": "",
    "other/calc.py": "def add(a, b):\n    return a + b\n",
    "other/tests/__init__.py": "",
    "other/tests/test_calc.py": """\
        from other.calc import add

        def test_add():
            assert add(1, 2) == 3
        """,
    "app/__init__.py": "",
    "app/main.py": "import pkg.render\n\ndef page():\n    return pkg.render.render()\n",
    "app/tests/__init__.py": "",
    "app/tests/test_main.py": "from app.main import page\n\ndef test_page():\n    assert page()\n",
}
ALL = ["app/tests/test_main.py", "other/tests/test_calc.py", "pkg/tests/test_render.py"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "repo")
    commit(root, FILES, message="base", tag="base")
    return root


def select_json(root: Path) -> dict[str, object]:
    result = runner.invoke(app, ["tests", "--repo", str(root), "--base", "base", "--format",
                                 "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def selected(data: dict[str, object]) -> dict[str, list[str]]:
    tests = data["tests"]
    assert isinstance(tests, list)
    return {t["path"]: t["reasons"] for t in tests}


def test_json_shape_and_chain_reasons(repo: Path) -> None:
    commit(repo, {"other/calc.py": "def add(a, b):\n    return b + a\n"})
    data = select_json(repo)
    assert list(data) == ["schema_version", "tests", "all", "warnings"]
    assert data["schema_version"] == 1 and data["all"] is False
    assert selected(data) == {"other/tests/test_calc.py": ["calls other.calc:add"]}


def test_chain_reason_names_the_intermediate(repo: Path) -> None:
    commit(repo, {"pkg/render.py": FILES["pkg/render.py"].replace("read_text()", "read_bytes()")})
    reasons = selected(select_json(repo))
    assert "calls pkg.render:render via app.main:page" in reasons["app/tests/test_main.py"]
    assert reasons["pkg/tests/test_render.py"] == ["calls pkg.render:render"]


def test_text_output_is_one_path_per_line(repo: Path) -> None:
    commit(repo, {"pyproject.toml": "[project]\nname = 'demo2'\n"})
    result = runner.invoke(app, ["tests", "--repo", str(repo), "--base", "base"],
                           catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ALL


def test_text_mode_names_why_every_test_file_is_selected(repo: Path) -> None:
    commit(repo, {"pyproject.toml": "[project]\nname = 'demo2'\n"})
    result = runner.invoke(app, ["tests", "--repo", str(repo), "--base", "base"],
                           catch_exceptions=False)
    assert result.exit_code == 0
    assert "every test file selected" in result.stderr
    assert "file-changed: pyproject.toml" in result.stderr
    assert "no test files found" not in result.stderr


def test_text_mode_says_when_there_is_no_test_file_to_select(tmp_path: Path) -> None:
    init_repo(tmp_path)
    commit(tmp_path, {"pkg/__init__.py": "", "pkg/m.py": "def f(): pass\n",
                      "pyproject.toml": "[project]\nname = 'x'\n"}, message="base", tag="base")
    commit(tmp_path, {"pyproject.toml": "[project]\nname = 'y'\n"})
    result = runner.invoke(app, ["tests", "--repo", str(tmp_path), "--base", "base"],
                           catch_exceptions=False)
    assert result.exit_code == 0 and result.stdout == ""
    assert "(no test files found)" in result.stderr
    assert "file-changed: pyproject.toml" in result.stderr


def test_configuration_selects_every_test(repo: Path) -> None:
    commit(repo, {"pyproject.toml": "[project]\nname = 'demo2'\n"})
    data = select_json(repo)
    assert data["all"] is True
    assert selected(data) == {path: ["file-changed: pyproject.toml"] for path in ALL}


def test_package_data_selects_the_tests_that_import_the_package(repo: Path) -> None:
    commit(repo, {"pkg/templates/a.html": "<p>b</p>\n"})
    data = select_json(repo)
    assert data["all"] is False
    assert sorted(selected(data)) == ["app/tests/test_main.py", "pkg/tests/test_render.py"]
    assert selected(data)["app/tests/test_main.py"] == ["file-changed: pkg/templates/a.html"]


def test_test_data_selects_the_tests_of_its_folder(repo: Path) -> None:
    commit(repo, {"pkg/tests/data/x.json": "[]\n"})
    assert sorted(selected(select_json(repo))) == ["app/tests/test_main.py",
                                                   "pkg/tests/test_render.py"]


def test_a_readme_selects_nothing(repo: Path) -> None:
    commit(repo, {"README.md": "# demo, edited\n"})
    assert selected(select_json(repo)) == {}


def test_a_file_that_does_not_parse_selects_its_importers(repo: Path) -> None:
    commit(repo, {"pkg/render.py": "def render(:\n"})
    data = select_json(repo)
    reasons = selected(data)
    assert sorted(reasons) == ["app/tests/test_main.py", "pkg/tests/test_render.py"]
    assert all("pkg/render.py" in r[0] and "syntax" in r[0] for r in reasons.values())
    assert data["warnings"]


def test_a_file_every_test_imports_that_does_not_parse_selects_all(repo: Path) -> None:
    # what it selects is every test file, for a cause it cannot vouch for: ``all`` says so
    commit(repo, {"other/calc.py": "import pkg.render\n\ndef add(a, b):\n    return a + b\n"},
           tag="importing")
    commit(repo, {"pkg/render.py": "def render(:\n"})
    result = runner.invoke(app, ["tests", "--repo", str(repo), "--base", "importing",
                                 "--format", "json"], catch_exceptions=False)
    data = json.loads(result.stdout)
    assert sorted(selected(data)) == ALL and data["all"] is True
    result = runner.invoke(app, ["tests", "--repo", str(repo), "--base", "importing"],
                           catch_exceptions=False)
    assert "every test file selected" in result.stderr and "pkg/render.py" in result.stderr


def test_changes_reports_file_changed(repo: Path) -> None:
    commit(repo, {"pkg/templates/a.html": "<p>b</p>\n", "README.md": "# x\n",
                  "pyproject.toml": "[project]\nname = 'x'\n"})
    result = runner.invoke(app, ["changes", "--repo", str(repo), "--base", "base", "--format",
                                 "json"], catch_exceptions=False)
    changes = json.loads(result.stdout)["changes"]
    assert {(c["symbol"], c["kind"], c["breaking"], c["path"]) for c in changes} == {
        ("pkg/templates/a.html", "file-changed", False, "pkg/templates/a.html"),
        ("pyproject.toml", "file-changed", False, "pyproject.toml"),
    }


def test_untracked_data_in_the_working_tree(repo: Path) -> None:
    (repo / "pkg" / "templates" / "b.html").write_text("<p>new</p>\n", encoding="utf-8")
    assert sorted(selected(select_json(repo))) == ["app/tests/test_main.py",
                                                   "pkg/tests/test_render.py"]


def test_unbounded_dynamic_call_is_a_reason(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "dyn")
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/util.py": "def helper():\n    return 1\n",
        "pkg/handlers.py": """\
            from pkg import util

            class Handler:
                def __init__(self, name):
                    self.name = name

                def run(self):
                    return getattr(self, self.name)()
            """,
        "tests/test_h.py": "from pkg.handlers import Handler\n\ndef test_run():\n"
                           "    Handler('x').run()\n",
        "tests/test_other.py": "def test_nothing():\n    pass\n",
    }, message="base", tag="base")
    commit(root, {"pkg/util.py": "def helper():\n    return 2\n"})
    reasons = selected(select_json(root))
    assert list(reasons) == ["tests/test_h.py"]
    assert any(r.startswith("unbounded dynamic call in pkg.handlers:Handler.run")
               for r in reasons["tests/test_h.py"])


def test_changes_json_carries_old_and_new_only_where_present(repo: Path) -> None:
    commit(repo, {"other/calc.py": "def add(a, b=None):\n    return a + (b or 0)\n"})
    result = runner.invoke(app, ["changes", "--repo", str(repo), "--base", "base", "--format",
                                 "json"], catch_exceptions=False)
    changes = {c["kind"]: c for c in json.loads(result.stdout)["changes"]}
    default = changes["parameter-default-changed"]  # b now has a default: no old one
    assert "old" not in default and default["new"] == "None"
    assert "old" not in changes["body-changed"] and "new" not in changes["body-changed"]


def test_a_projects_configuration_selects_that_projects_tests(repo: Path) -> None:
    commit(repo, {"other/pyproject.toml": "[project]\nname = 'other'\n"}, tag="with-other")
    commit(repo, {"other/pyproject.toml": "[project]\nname = 'other2'\n"})
    result = runner.invoke(app, ["tests", "--repo", str(repo), "--base", "with-other", "--format",
                                 "json"], catch_exceptions=False)
    data = json.loads(result.stdout)
    assert data["all"] is False
    assert selected(data) == {"other/tests/test_calc.py": ["file-changed: other/pyproject.toml"]}


def test_requirements_anywhere_select_every_test(repo: Path) -> None:
    commit(repo, {"requirements/tests.txt": "pytest\n"})
    data = select_json(repo)
    assert data["all"] is True and sorted(selected(data)) == ALL


def test_unbounded_call_on_a_test_files_own_class_keeps_that_file_only(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "dyn")
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/core.py": "def make():\n    return 1\n",
        "pkg/finder.py": """\
            def find(holder, name):
                found = getattr(holder, name)
                return found()


            class Defaults:
                @staticmethod
                def create():
                    return 0


            def load(name):
                return find(Defaults, name)
            """,
        # a stand-in class handed to ``find``: its attributes may hold pkg.core's functions
        "tests/test_finder.py": """\
            import os

            from pkg import core
            from pkg.finder import find


            def test_find():
                class Holder:
                    made = core.make()

                    @staticmethod
                    def create():
                        return Holder.made

                assert find(Holder, os.environ.get("NAME", "create")) == 1
            """,
        # reaches the same call, never with test_finder's Holder
        "tests/test_load.py": "from pkg.finder import load\n\ndef test_load():\n"
                              "    assert load('create') == 0\n",
    }, message="base", tag="base")
    commit(root, {"pkg/core.py": "def make():\n    return 2\n"})
    reasons = selected(select_json(root))
    assert list(reasons) == ["tests/test_finder.py"]
    assert any(r.startswith("unbounded dynamic call in pkg.finder:find")
               for r in reasons["tests/test_finder.py"])
