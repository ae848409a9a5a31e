"""Command line: each command lives in its own module and registers itself on ``app``."""

from __future__ import annotations

# Importing the command modules registers their commands, in this order in --help.
from impactgraph.cli import (  # noqa: F401
    graph_cmds,
    changes_cmd,
    impact_cmds,
    comment_cmd,
)
from impactgraph.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
