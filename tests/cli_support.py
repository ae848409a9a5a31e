"""Running the CLI in tests: what `impactgraph tests` selects in a repository."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()


def selected_tests(root: Path, base: str = "base") -> list[str]:
    """The test files `impactgraph tests --base BASE` prints for ``root`` (one per line)."""
    result = runner.invoke(app, ["tests", "--repo", str(root), "--base", base])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()
