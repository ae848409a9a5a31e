"""``impactgraph tests`` on tests that pytest parametrizes other than by their own decorator:
from a variable, by their class or ``pytestmark``, or in ``pytest_generate_tests``. A change to
a class the values hold selects those tests and no others, without failing open on the
``metafunc.parametrize`` call (pytest's own)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/fmt/__init__.py": "",
    "src/fmt/core.py": """
        class Base:
            def __init__(self, fmt=None):
                self.fmt = fmt
    """,
    "src/fmt/a.py": """
        from fmt.core import Base


        class A(Base):
            def __init__(self, fmt=None):
                super().__init__(fmt)
    """,
    "src/fmt/b.py": """
        from fmt.core import Base


        class B(Base):
            def __init__(self, fmt=None):
                super().__init__(fmt)
    """,
    "tests/conftest.py": """
        from fmt.b import B


        def pytest_generate_tests(metafunc):
            if "generated" in metafunc.fixturenames:
                metafunc.parametrize("generated", [B])
    """,
    "tests/test_generated.py": """
        def test_generated(generated):
            assert generated().fmt is None
    """,
    "tests/test_variable.py": """
        import pytest

        import fmt
        from fmt.a import A
        from fmt.b import B

        ALL = [A]
        if fmt:
            ALL.append(B)


        @pytest.mark.parametrize("cls", ALL)
        def test_all(cls):
            assert cls().fmt is None
    """,
    "tests/test_class_mark.py": """
        import pytest

        from fmt.a import A


        @pytest.mark.parametrize("cls", [A])
        class TestA:
            def test_a(self, cls):
                assert cls().fmt is None
    """,
}


@pytest.mark.parametrize(("changed", "selected"), [
    ("src/fmt/b.py", ["tests/test_generated.py", "tests/test_variable.py"]),
    ("src/fmt/a.py", ["tests/test_class_mark.py", "tests/test_variable.py"]),
])
def test_a_change_selects_the_tests_given_its_class_by_pytest(
        tmp_path: Path, changed: str, selected: list[str]) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {changed: BASE[changed].replace(
        "super().__init__(fmt)", "super().__init__(fmt or None)")})
    assert selected_tests(root) == selected
