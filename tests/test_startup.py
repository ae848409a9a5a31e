"""What every command pays before it starts: the modules the command line loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from git_support import commit, init_repo

from impactgraph import bot
from impactgraph.cli import comment_cmd

# loaded only by the commands that use them
LATE = ("httpx", "rich", "astroid", "networkx", "concurrent.futures", "multiprocessing",
        "impactgraph.bot", "impactgraph.adapters.github", "impactgraph.render.markdown",
        "impactgraph.render.report_text", "impactgraph.linker")


def test_the_command_line_loads_without_the_heavy_modules() -> None:
    code = ("import json, sys; import impactgraph.cli; "
            "print(json.dumps(sorted(sys.modules)))")
    loaded = set(json.loads(subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout))
    assert "impactgraph.cli.comment_cmd" in loaded
    assert sorted(name for name in LATE if name in loaded) == []


def test_linking_and_reading_a_stored_graph_import_no_astroid() -> None:
    # A warm run, and the base side of an impact query, load or link cached summaries:
    # astroid (~0.05 s to import) is needed only to summarise a file.
    code = ("import json, sys; import impactgraph.linker, impactgraph.linker.reuse, "
            "impactgraph.adapters.graph_store, impactgraph.adapters.cache; "
            "print(json.dumps(sorted(sys.modules)))")
    loaded = set(json.loads(subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout))
    assert "impactgraph.linker.link" in loaded
    assert sorted(name for name in loaded if name.split(".")[0] == "astroid") == []


def test_the_comment_command_spells_the_bots_default_marker() -> None:
    assert comment_cmd.DEFAULT_MARKER_ID == bot.DEFAULT_MARKER_ID


def test_the_renderers_load_on_first_use() -> None:
    from impactgraph.render import RENDERERS

    assert set(RENDERERS) == {"text", "json", "markdown", "mermaid", "dot", "svg"}


def test_changes_imports_no_astroid(tmp_path: Path) -> None:
    """``changes`` summarises the API part with ``ast`` (``indexer/api_ast.py``): astroid is
    imported only for a file that walk leaves to it."""
    root = init_repo(tmp_path / "repo")
    commit(root, {"pkg/__init__.py": "", "pkg/mod.py": """\
        import typing as t
        class Shape:
            sides: int = 0
            def area(self, scale=lambda v: v) -> float:
                return 0.0
        """}, tag="old")
    commit(root, {"pkg/mod.py": """\
        import typing as t
        class Shape:
            sides: int = 0
            def area(self, scale=lambda v: v, *, rounded: bool = False) -> float:
                if (total := 0.0):
                    pass
                return total
        """}, tag="new")
    code = ("import json, sys; from impactgraph.cli import run\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(sys.modules)))")
    completed = subprocess.run(
        [sys.executable, "-c", code, "changes", "--base", "old", "--head", "new",
         "--no-cache", "--jobs", "1", "--format", "json"],
        cwd=root, capture_output=True, text=True, check=True,
    )
    report, _, modules = completed.stdout.rpartition("\n[")
    loaded = set(json.loads("[" + modules))
    assert "parameter-added" in report
    assert "impactgraph.indexer.api_ast" in loaded
    assert "astroid" not in loaded
