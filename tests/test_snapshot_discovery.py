"""The snapshots of a query's two revisions discover their files once when both list the same
paths: the answer remembered is ``discover``'s for those paths, roots and exclusions."""

from __future__ import annotations

from impactgraph.app.snapshot import _discover
from impactgraph.config import Config
from impactgraph.discovery import discover

PATHS = ["src/pkg/__init__.py", "src/pkg/mod.py", "tests/test_mod.py", "README.md",
         "build/gen.py", "tools/run.py"]


def test_remembered_answers_are_discovers_own() -> None:
    for config in (Config(), Config(source_roots=("src",)), Config(exclude=("build",)),
                   Config(source_roots=("src",), exclude=("tools/*",))):
        expected = discover(PATHS, config.source_roots, config.exclude)
        assert _discover(PATHS, config) == expected
        assert _discover(reversed(PATHS), config) == expected  # the order of listing aside
        assert _discover(PATHS[:-1], config) == discover(
            PATHS[:-1], config.source_roots, config.exclude)
    first = _discover(PATHS, Config())
    first.clear()  # a caller's list is its own
    assert _discover(PATHS, Config()) == discover(PATHS)
