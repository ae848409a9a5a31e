"""Command line: each command lives in its own module and registers itself on ``app``."""

from __future__ import annotations

import sys

from impactgraph.cli.app import app, run

# Importing the command modules registers their commands, in DESIGN.md's order in --help.
# isort: off
from impactgraph.cli import index_cmds  # noqa: F401
from impactgraph.cli import graph_cmds  # noqa: F401
from impactgraph.cli import changes_cmd  # noqa: F401
from impactgraph.cli import impact_cmds  # noqa: F401
from impactgraph.cli import comment_cmd  # noqa: F401
# isort: on

__all__ = ["app", "main", "run"]


def main() -> None:
    sys.exit(run())
