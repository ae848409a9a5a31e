"""``impactgraph tests`` on functions named by dotted strings (mistune's plugins: the registry
maps ``"footnotes"`` to ``"mistune.plugins.footnotes.footnotes"``, ``import_plugin`` imports
the module and takes the name with ``getattr``; entry points write ``"pkg.mod:func"``;
``mock.patch("pkg.mod.func")`` in a test). A string that spells the path of a definition of
ours refers to it: a changed or removed plugin reaches every test that loads plugins by name,
and a test that patches a function by its path is reached by its removal."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/marks/__init__.py": """
        from marks.core import create

        html = create(["notes"])
    """,
    "src/marks/core.py": """
        from importlib import import_module

        PLUGINS = {
            "notes": "marks.plugins.notes.notes",
            "table": "marks.plugins.table:table",
        }


        def load(name):
            module_path, func_name = PLUGINS[name].replace(":", ".").rsplit(".", 1)
            return getattr(import_module(module_path), func_name)


        def create(plugins):
            rules = {}
            for plugin in plugins:
                load(plugin)(rules)
            return rules
    """,
    "src/marks/plugins/__init__.py": "",
    "src/marks/plugins/notes.py": """
        def render_note(text):
            return "[" + text + "]"


        def notes(rules):
            rules["note"] = render_note
    """,
    "src/marks/plugins/table.py": """
        def table(rules):
            rules["table"] = len
    """,
    "src/marks/clock.py": """
        def now():
            return 0
    """,
    "tests/test_table.py": """
        from marks.core import create


        def test_table():
            assert "table" in create(["table"])
    """,
    "tests/test_clock.py": """
        from unittest import mock

        from marks.core import create


        def test_frozen():
            with mock.patch("marks.clock.now", return_value=5):
                assert create([]) == {}
    """,
    "tests/test_html.py": """
        import marks


        def test_html():
            assert "note" in marks.html
    """,
    "tests/test_other.py": """
        def test_nothing():
            assert True
    """,
}
NOTES = BASE["src/marks/plugins/notes.py"]


def test_a_plugin_named_by_a_dotted_string_reaches_the_tests_that_load_plugins(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/marks/plugins/notes.py": NOTES.replace("def notes(rules)",
                                                              "def notes(rules, extra)")})
    # importing marks runs create(["notes"]): every test that imports marks fails, one that
    # only reads what that made (marks.html) too
    assert selected_tests(root) == ["tests/test_clock.py", "tests/test_html.py",
                                    "tests/test_table.py"]


def test_a_removed_plugin_named_by_a_dotted_string_breaks_the_import(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/marks/plugins/notes.py": NOTES.replace("def notes(", "def notes2(")})
    assert selected_tests(root) == ["tests/test_clock.py", "tests/test_html.py",
                                    "tests/test_table.py"]


def test_an_entry_point_string_reaches_the_plugin(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/marks/plugins/table.py": "def table(rules, extra):\n"
                                                "    rules['table'] = len\n"})
    assert "tests/test_table.py" in selected_tests(root)


def test_a_function_patched_by_its_path_is_reached_by_its_removal(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/marks/clock.py": "def later():\n    return 0\n"})
    assert selected_tests(root) == ["tests/test_clock.py"]
