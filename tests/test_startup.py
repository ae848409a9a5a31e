"""What every command pays before it starts: the modules the command line loads."""

from __future__ import annotations

import json
import subprocess
import sys

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


def test_the_comment_command_spells_the_bots_default_marker() -> None:
    assert comment_cmd.DEFAULT_MARKER_ID == bot.DEFAULT_MARKER_ID


def test_the_renderers_load_on_first_use() -> None:
    from impactgraph.render import RENDERERS

    assert set(RENDERERS) == {"text", "json", "markdown", "mermaid", "dot", "svg"}
