"""Command line: each command lives in its own module and registers itself on ``app``."""

from __future__ import annotations

from impactgraph.cli.app import app

# Importing the command modules registers their commands.
from impactgraph.cli import comment_cmd  # noqa: F401
from impactgraph.cli import graph_cmds  # noqa: F401, E402

__all__ = ["app", "main"]


def main() -> None:
    app()
