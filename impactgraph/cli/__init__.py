"""Command line: each command lives in its own module and registers itself on ``app``."""

from __future__ import annotations

# Importing the command modules registers their commands, in this order in --help.
from impactgraph.cli import (  # noqa: F401
    changes_cmd,
    comment_cmd,
    graph_cmds,
    impact_cmds,
    index_cmds,
)
from impactgraph.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
