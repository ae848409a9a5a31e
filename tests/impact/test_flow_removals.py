"""A removal breaks the code that names what was removed, not the code a value of it merely
flowed into (an argument, a callback): that code is unchanged and still fine."""

from __future__ import annotations

import json
from pathlib import Path

from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()

RUNNER = """\
def run(callback):
    return callback()
"""

BASE = {
    "pkg/__init__.py": "",
    "pkg/runner.py": RUNNER,
    "pkg/plugin.py": "def hook():\n    return 1\n",
    "pkg/app.py": (
        "from pkg.plugin import hook\nfrom pkg.runner import run\n\n"
        "def main():\n    return run(hook)\n"
    ),
    "pkg/other.py": "from pkg.plugin import hook\n\ndef again():\n    return hook()\n",
}


def report(root: Path) -> dict:
    result = runner.invoke(
        app, ["impact", "--repo", str(root), "--base", "base", "--head", "head",
              "--format", "json"], catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def broken(data: dict) -> set[str]:
    return {a["module"] for a in data["affected"] if a["breaking"]}


def test_removed_module_breaks_its_importer_not_the_code_its_callback_reached(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, tag="base")
    commit(root, {
        "pkg/plugin.py": None,
        "pkg/app.py": "from pkg.runner import run\n\ndef main():\n    return run(print)\n",
    }, tag="head")
    data = report(root)
    assert any(c["kind"] == "module-removed" for c in data["changes"])
    # runner.run called the hook only because app passed it; app was updated; other still
    # imports the removed module.
    assert broken(data) == {"pkg.other"}


def test_removed_function_breaks_its_importer_not_the_code_its_callback_reached(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, tag="base")
    commit(root, {
        "pkg/plugin.py": "def unrelated():\n    return 2\n",
        "pkg/app.py": "from pkg.runner import run\n\ndef main():\n    return run(print)\n",
    }, tag="head")
    data = report(root)
    assert ("pkg.plugin:hook", "symbol-removed") in {
        (c["symbol"], c["kind"]) for c in data["changes"]
    }
    assert broken(data) == {"pkg.other"}
