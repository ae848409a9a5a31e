"""A signature change after which a call that still binds runs as before does not travel up
that caller's callers, and a test making such calls is not selected for them: a renamed
parameter given by position, a changed default given explicitly. Callers that pass the old
keyword, or leave the default out, travel as before."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/lib/__init__.py": "",
    "src/lib/fmt.py": """
        def pad(value, width=10):
            return str(value).ljust(width)
    """,
    "src/lib/views.py": """
        from lib.fmt import pad


        def explicit(value):
            return pad(value, 5)


        def by_keyword(value):
            return pad(value=value, width=3)


        def defaulted(value):
            return pad(value)


        def both(value):
            return explicit(value) + defaulted(value)


        def mixed(value):  # runs as before where it calls pad, not where defaulted does
            return pad(value, 5) + defaulted(value)
    """,
    "tests/test_direct.py": """
        from lib.fmt import pad


        def test_direct():  # runs as before: no test here can fail for either change
            assert pad(1, 5)
    """,
    "tests/test_mixed.py": """
        from lib.views import mixed


        def test_mixed():
            assert mixed(1)
    """,
    "tests/test_explicit.py": """
        from lib.views import explicit


        def test_explicit():
            assert explicit(1)
    """,
    "tests/test_keyword.py": """
        from lib.views import by_keyword


        def test_keyword():
            assert by_keyword(1)
    """,
    "tests/test_defaulted.py": """
        from lib.views import defaulted


        def test_defaulted():
            assert defaulted(1)
    """,
    "tests/test_both.py": """
        from lib.views import both


        def test_both():
            assert both(1)
    """,
}


def test_a_changed_default_reaches_only_callers_that_leave_it_out(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/lib/fmt.py": BASE["src/lib/fmt.py"].replace("width=10", "width=12")})
    assert selected_tests(root) == [
        "tests/test_both.py", "tests/test_defaulted.py", "tests/test_mixed.py",
    ]


def test_a_renamed_parameter_reaches_only_callers_that_name_it(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    renamed = BASE["src/lib/fmt.py"].replace("width=10", "size=10").replace("(width)", "(size)")
    commit(root, {"src/lib/fmt.py": renamed})
    assert selected_tests(root) == ["tests/test_keyword.py"]


def test_a_renamed_parameter_the_body_still_reads_changes_every_call(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/lib/fmt.py": BASE["src/lib/fmt.py"].replace("width=10", "size=10")})
    assert selected_tests(root) == [
        "tests/test_both.py", "tests/test_defaulted.py", "tests/test_direct.py",
        "tests/test_explicit.py", "tests/test_keyword.py", "tests/test_mixed.py",
    ]
