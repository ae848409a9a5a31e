"""Running the CLI in tests: what `impactgraph tests` selects in a repository."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()


def selected_tests(root: Path, base: str = "base") -> list[str]:
    """The test files `impactgraph tests --base BASE` prints for ``root`` (one per line)."""
    result = runner.invoke(app, ["tests", "--repo", str(root), "--base", base])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def selected_reasons(root: Path, base: str = "base") -> dict[str, list[str]]:
    """Each file `impactgraph tests --base BASE --format json` selects, with its reasons."""
    arguments = ["tests", "--repo", str(root), "--base", base, "--format", "json"]
    result = runner.invoke(app, arguments)
    assert result.exit_code == 0, result.output
    return {t["path"]: t["reasons"] for t in json.loads(result.stdout)["tests"]}
