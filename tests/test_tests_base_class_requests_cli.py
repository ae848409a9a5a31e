"""``impactgraph tests`` reads the fixture requests of test methods a test class inherits from a
helper module's base class that pytest does not collect by itself (its name does not start
with ``Test``, its file is no test file): the subclass runs them, with the fixtures its own
file sees (shaped like rfc3986 2.0.0's tests/base.py ``BaseTestParsesURIs``, inherited by
tests/test_parseresult.py ``TestParseResultParsesURIs``)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/uri/__init__.py": "",
    "src/uri/parse.py": """
        class Reference:
            def __init__(self, text):
                self.text = text

            @classmethod
            def from_string(cls, text):
                return cls(text)
    """,
    "tests/__init__.py": "",
    "tests/conftest.py": """
        import pytest


        @pytest.fixture(params=["a", "b"])
        def uri_with_port(request):
            return "ftp://%s:21" % request.param


        @pytest.fixture
        def plain_uri():
            return "http://a"
    """,
    "tests/base.py": """
        class BaseTestParses:
            test_class = None

            def test_handles_uri_with_port(self, uri_with_port):
                assert self.test_class.from_string(uri_with_port).text == uri_with_port
    """,
    "tests/test_reference.py": """
        from uri.parse import Reference

        from . import base


        class TestReferenceParses(base.BaseTestParses):
            test_class = Reference
    """,
    "tests/test_plain.py": """
        def test_plain(plain_uri):
            assert plain_uri.startswith("http")
    """,
}


def test_a_fixture_requested_by_an_inherited_test_of_a_helper_base_class(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["tests/conftest.py"].replace(
        'return "ftp://%s:21" % request.param', 'raise RuntimeError("no port")')
    commit(root, {"tests/conftest.py": changed})
    assert selected_tests(root) == ["tests/test_reference.py"]


def test_the_base_class_module_imported_by_name(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = {
        **BASE,
        "tests/test_reference.py": """
            from uri.parse import Reference

            from tests.base import BaseTestParses


            class TestReferenceParses(BaseTestParses):
                test_class = Reference
        """,
    }
    commit(root, files, message="base", tag="base")
    changed = BASE["tests/conftest.py"].replace(
        'return "ftp://%s:21" % request.param', 'raise RuntimeError("no port")')
    commit(root, {"tests/conftest.py": changed})
    assert selected_tests(root) == ["tests/test_reference.py"]
