"""A function made ``async`` whose head call is handed to ``asyncio.Task(...)``, which
schedules the coroutine and awaits it (IPython 8.0's ``ScriptMagics.shebang``:
``lambda: asyncio.Task(self._run_script(p, cell, to_close))``)."""

from __future__ import annotations

import json
from pathlib import Path

from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()

BASE = "def run_script(cell):\n    return cell\n"
HEAD = "async def run_script(cell):\n    return cell\n"
USER = "import asyncio\n\nfrom lib import run_script\n\n\ndef shebang(cell):\n    {}\n"


def broken(tmp_path: Path, call: str) -> set[str]:
    root = init_repo(tmp_path / "repo")
    commit(root, {"lib.py": BASE, "user.py": USER.format("return run_script(cell)")},
           tag="base")
    commit(root, {"lib.py": HEAD, "user.py": USER.format(call)}, tag="head")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                                 "head", "--format", "json"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert ("lib:run_script", "async-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "user" in {m["module"] for m in report["affected"]}
    return {m["module"] for m in report["affected"] if m["breaking"]}


def test_a_coroutine_handed_to_asyncio_task_is_awaited(tmp_path: Path) -> None:
    assert broken(tmp_path, "return asyncio.Task(run_script(cell))") == set()


def test_a_coroutine_called_plainly_still_breaks(tmp_path: Path) -> None:
    assert broken(tmp_path, "return run_script(cell).upper()") == {"user"}
