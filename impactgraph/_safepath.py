"""``clean_sys_path``: first thing ``python -m impactgraph`` and the workers run.

It imports nothing but ``os`` and ``sys`` (loaded before any user code), so that it can run
while the current directory is still on the module path without importing from it.
"""

import os
import sys

# The folder impactgraph is imported from (a checkout run from its root must still find it).
HOME = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def _real(entry: str) -> str | None:
    try:
        return os.path.realpath(entry or os.curdir)
    except (OSError, ValueError):
        return None


def clean_sys_path(roots: tuple[str, ...] = ()) -> None:
    """Drop ``''``, the current directory and ``roots`` from ``sys.path``, in place.

    An entry that is impactgraph's own home is moved to the end instead (after the standard
    library), so a checkout that is run from its root still finds the package.
    """
    places = {os.path.realpath(os.curdir), *(os.path.realpath(r) for r in roots)}
    kept: list[str] = []
    moved: list[str] = []
    for entry in sys.path:
        real = _real(entry) if isinstance(entry, str) else None
        if entry != "" and (real is None or real not in places):
            kept.append(entry)
        elif real == HOME:
            moved.append(real)
    sys.path[:] = kept + [m for m in dict.fromkeys(moved) if m not in kept]
