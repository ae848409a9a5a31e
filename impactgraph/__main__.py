"""``python -m impactgraph`` and the ``impactgraph`` console script.

Cheap to import on purpose: a Ctrl-C while typer and the commands load must still end in one
line and exit 130, not a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from impactgraph.cli import run
    except KeyboardInterrupt:
        sys.stderr.write("impactgraph: interrupted\n")
        sys.exit(130)
    sys.exit(run())


if __name__ == "__main__":
    main()
