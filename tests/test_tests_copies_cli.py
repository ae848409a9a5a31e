"""``impactgraph tests`` follows an object through a copy: ``copy.copy(x)``, ``copy.deepcopy(x)``
and ``pickle.loads(pickle.dumps(x))`` are objects of ``x``'s class."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

# shaped like jinja2 3.1.4's tests/test_pickle.py: an ``env`` fixture, a test that round-trips it
# through pickle and renders with the copy; the test module imports nothing of the package
BASE = {
    "src/tmpl/__init__.py": "",
    "src/tmpl/environment.py": """
        class Environment:
            def compile(self, source, raw=False):
                return source

            def from_string(self, source):
                return self.compile(source)
    """,
    "tests/conftest.py": """
        import pytest

        from tmpl.environment import Environment


        @pytest.fixture
        def env():
            return Environment()
    """,
    "tests/test_copies.py": """
        COPY


        def test_copy(env):
            env = ROUNDTRIP
            assert env.from_string("x") == "x"
    """,
    "tests/test_other.py": """
        def test_nothing():
            assert True
    """,
}


@pytest.mark.parametrize(
    ("imports", "roundtrip"),
    [
        ("import pickle", "pickle.loads(pickle.dumps(env))"),
        ("import copy", "copy.deepcopy(env)"),
        ("from copy import copy", "copy(env)"),
    ],
)
def test_a_copied_fixture_value_keeps_its_class(
    tmp_path: Path, imports: str, roundtrip: str
) -> None:
    root = init_repo(tmp_path / "repo")
    files = dict(BASE)
    files["tests/test_copies.py"] = (
        files["tests/test_copies.py"].replace("COPY", imports).replace("ROUNDTRIP", roundtrip)
    )
    commit(root, files, message="base", tag="base")
    changed = BASE["src/tmpl/environment.py"].replace("return source\n", "return source * 2\n")
    commit(root, {"src/tmpl/environment.py": changed})
    assert selected_tests(root) == ["tests/test_copies.py"]
