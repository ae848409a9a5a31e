"""A function made ``async`` whose head call is handed to ``asyncio.Task(...)``, which
schedules the coroutine and awaits it (IPython 8.0's ``ScriptMagics.shebang``:
``lambda: asyncio.Task(self._run_script(p, cell, to_close))``)."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

BASE = "def run_script(cell):\n    return cell\n"
HEAD = "async def run_script(cell):\n    return cell\n"
USER = "import asyncio\n\nfrom lib import run_script\n\n\ndef shebang(cell):\n    {}\n"


def broken(tmp_path: Path, call: str) -> set[str]:
    report = impact_between({"lib.py": BASE, "user.py": USER.format("return run_script(cell)")},
                            {"lib.py": HEAD, "user.py": USER.format(call)}, tmp_path)
    assert ("lib:run_script", "async-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "user" in {m["module"] for m in report["affected"]}
    return broken_modules(report)


def test_a_coroutine_handed_to_asyncio_task_is_awaited(tmp_path: Path) -> None:
    assert broken(tmp_path, "return asyncio.Task(run_script(cell))") == set()


def test_a_coroutine_called_plainly_still_breaks(tmp_path: Path) -> None:
    assert broken(tmp_path, "return run_script(cell).upper()") == {"user"}
