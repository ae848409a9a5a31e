"""``impactgraph tests`` on a property whose setter no longer takes ``(self, value)`` (semver
3.0.2's ``Version.build`` setter losing ``value``, ``Version.minor``'s gaining a required
parameter): every assignment of the attribute calls ``fset(obj, value)`` and fails, so the tests
assigning it must be selected, as for a change of the setter's body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

BASE = {
    "src/ver/__init__.py": """
        class Version:
            def __init__(self, build):
                self._build = build

            @property
            def build(self):
                return self._build

            @build.setter
            def build(self, value):
                raise AttributeError("attribute 'build' is readonly")


        def make():
            return Version("b1")
    """,
    "tests/conftest.py": """
        import pytest

        from ver import make


        @pytest.fixture
        def version():
            return make()
    """,
    "tests/test_immutable.py": """
        import pytest


        def test_immutable_build(version):
            with pytest.raises(AttributeError, match="readonly"):
                version.build = "b2"
    """,
    "tests/test_other.py": """
        def test_nothing():
            assert True
    """,
}
SETTER = "def build(self, value):\n                raise"


@pytest.mark.parametrize("parameters", ["self", "self, value, extra", "value"])
def test_a_setter_that_no_longer_takes_a_value(tmp_path: Path, parameters: str) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/ver/__init__.py"]
    assert SETTER in source
    commit(root, {"src/ver/__init__.py": source.replace(
        SETTER, f"def build({parameters}):\n                raise")})
    assert selected_tests(root) == ["tests/test_immutable.py"]


def test_a_setter_that_gains_an_optional_parameter(tmp_path: Path) -> None:
    """Still a change of the property: selected as a body change is (safe, not smaller)."""
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/ver/__init__.py"]
    commit(root, {"src/ver/__init__.py": source.replace(
        SETTER, "def build(self, value, extra=None):\n                raise")})
    assert selected_tests(root) == ["tests/test_immutable.py"]


def test_a_setter_removed(tmp_path: Path) -> None:
    """Without a setter every assignment raises AttributeError: the tests assigning the
    attribute are selected (they were not: a store reached no property)."""
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/ver/__init__.py"]
    setter = ("            @build.setter\n            def build(self, value):\n"
              "                raise AttributeError(\"attribute 'build' is readonly\")\n")
    assert setter in source
    commit(root, {"src/ver/__init__.py": source.replace(setter, "")})
    assert selected_tests(root) == ["tests/test_immutable.py"]


def test_an_assignment_of_another_attribute_is_not_the_setter(tmp_path: Path) -> None:
    """A store of an attribute that is no property of the class reaches no setter."""
    root = init_repo(tmp_path / "repo")
    files = {**BASE, "tests/test_immutable.py": BASE["tests/test_immutable.py"].replace(
        "version.build = ", "version.label = ")}
    commit(root, files, message="base", tag="base")
    source = BASE["src/ver/__init__.py"]
    commit(root, {"src/ver/__init__.py": source.replace(
        SETTER, "def build(self):\n                raise")})
    assert selected_tests(root) == []



@pytest.mark.parametrize(("use", "broken"), [
    ('v.build = "b3"', False),
    ("return v.build", True),
])
def test_an_assignment_is_no_call_of_the_getter(tmp_path: Path, use: str, broken: bool) -> None:
    """The store reaches the property, but what it runs is the setter: a getter that gains a
    required parameter breaks the code reading the attribute, not the code assigning it."""
    root = init_repo(tmp_path / "repo")
    files = {**BASE, "src/ver/use.py": f"""
        from ver import Version


        def rebuild(v: Version):
            {use}
    """}
    commit(root, files, message="base", tag="base")
    source = BASE["src/ver/__init__.py"]
    commit(root, {"src/ver/__init__.py": source.replace("def build(self):\n",
                                                         "def build(self, extra):\n")})
    result = CliRunner().invoke(app, ["impact", "--repo", str(root), "--base", "base",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [c["kind"] for c in report["changes"]] == ["parameter-added"]
    verdicts = {a["module"]: a["breaking"] for a in report["affected"]}
    assert verdicts["ver.use"] is broken
