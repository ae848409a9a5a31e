"""``python -m impactgraph`` and the ``impactgraph`` console script.

Cheap to import on purpose: a Ctrl-C while typer and the commands load must still end in one
line and exit 130, not a traceback.
"""

# No `from __future__ import annotations`: before clean_sys_path runs, this module imports
# only what Python itself has loaded already.
import sys


def main() -> None:
    try:
        # `python -m impactgraph` put the current directory (the analysed tree, often) first
        # on the module path: nothing more is imported from there.
        from impactgraph._safepath import clean_sys_path

        clean_sys_path()
        from impactgraph.cli import run
    except KeyboardInterrupt:
        sys.stderr.write("impactgraph: interrupted\n")
        sys.exit(130)
    sys.exit(run())


if __name__ == "__main__":
    main()
