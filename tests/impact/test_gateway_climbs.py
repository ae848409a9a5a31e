"""Module code that a broken function's callers reach both through a gateway and not.

The import-time climbs of one walk share what they have looked at (``import_time_callers``'s
``seen``), and the modules they break pass the break on to their importers
(``spread_import_breaks``). A module reached both through a gateway and not must still
cross it (DESIGN: some path from a change to it passes through a gateway module), whichever
path is met first: the report is that of one climb per broken function, each path kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from git_support import commit, init_repo
from helpers import graph_of, summaries_of
from typer.testing import CliRunner

from impactgraph.cli import app
from impactgraph.diff import diff_summaries
from impactgraph.impact.traverse import ImpactAnalysis, State, Walk
from impactgraph.linker import CodeGraph

runner = CliRunner()

LIB = """
    def fetch(key, default=None):
        return key or default
    """

# ``boot``'s module code calls ``both``, which calls ``one`` (plain) and ``two`` (in the
# gateway ``zgw``): both break when ``fetch`` loses ``default``. ``one`` sorts (and is
# climbed) first. ``entry`` imports ``boot``; ``top`` imports ``entry``.
TWO_BROKEN = {
    "lib.py": LIB,
    "app.py": """
        from lib import fetch

        def one(k):
            return fetch(k, 1)
        """,
    "zgw.py": """
        from lib import fetch

        def two(k):
            return fetch(k, 2)
        """,
    "common.py": """
        from app import one
        from zgw import two

        def both(k):
            return one(k), two(k)
        """,
    "boot.py": """
        from common import both

        VALUE = both(1)
        """,
    "entry.py": """
        import boot

        def run():
            return boot.VALUE
        """,
    "top.py": """
        import entry

        def main():
            return entry.run()
        """,
}

# One broken function, ``one``, called through a plain function and through one in the
# gateway: the paths meet in ``outer``, which ``boot``'s module code calls.
ONE_BROKEN = {
    "lib.py": LIB,
    "app.py": """
        from lib import fetch

        def one(k):
            return fetch(k, 1)
        """,
    "common.py": """
        from app import one

        def direct(k):
            return one(k)
        """,
    "zgw.py": """
        from app import one

        def via(k):
            return one(k)
        """,
    "outer.py": """
        from common import direct
        from zgw import via

        def outer(k):
            return direct(k), via(k)
        """,
    "boot.py": """
        from outer import outer

        VALUE = outer(1)
        """,
    "entry.py": """
        import boot

        def run():
            return boot.VALUE
        """,
    "top.py": """
        import entry

        def main():
            return entry.run()
        """,
}


def _report(tmp_path: Path, files: dict[str, str], gateways: str) -> dict[str, Any]:
    root = init_repo(tmp_path / "repo")
    config = f'[tool.impactgraph]\ngateways = {gateways}\n'
    commit(root, {**files, "pyproject.toml": config}, message="base", tag="base")
    commit(root, {"lib.py": "def fetch(key):\n    return key\n"}, message="head", tag="head")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                                 "head", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def _crossing(report: dict[str, Any]) -> dict[str, tuple[bool, bool]]:
    return {a["module"]: (a["breaking"], a["crosses_gateway"]) for a in report["affected"]}


def test_climbs_from_two_broken_functions_keep_the_gateway_path(tmp_path: Path) -> None:
    report = _report(tmp_path, TWO_BROKEN, '["zgw"]')
    affected = _crossing(report)
    # zgw:two -> common:both -> boot's module code: boot breaks through the gateway, and so
    # do the modules importing it, in turn
    assert affected["boot"] == (True, True)
    assert affected["entry"] == (True, True)
    assert affected["top"] == (True, True)
    assert affected["app"] == (True, False)
    assert report["gateways_crossed"] == ["zgw"]


def test_one_climb_keeps_both_paths_to_the_same_caller(tmp_path: Path) -> None:
    report = _report(tmp_path, ONE_BROKEN, '["zgw"]')
    affected = _crossing(report)
    assert affected["boot"] == (True, True)
    assert affected["entry"] == (True, True)
    assert affected["top"] == (True, True)
    assert affected["common"] == (False, False)
    assert report["gateways_crossed"] == ["zgw"]


def test_without_the_gateway_nothing_crosses(tmp_path: Path) -> None:
    """The same history with a gateway nothing matches: the same modules, none crossing."""
    crossing = _crossing(_report(tmp_path / "with", TWO_BROKEN, '["zgw"]'))
    plain = _crossing(_report(tmp_path / "without", TWO_BROKEN, '["nowhere"]'))
    assert set(plain) == set(crossing)
    assert {module: breaking for module, (breaking, _) in plain.items()} == {
        module: breaking for module, (breaking, _) in crossing.items()}
    assert not any(crosses for _, crosses in plain.values())


HEAD_LIB = {"lib.py": "def fetch(key):\n    return key\n"}


@pytest.mark.parametrize("files", [TWO_BROKEN, ONE_BROKEN], ids=["two-broken", "one-broken"])
def test_shared_climbs_are_one_climb_per_broken_function(
    files: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a gateway, the climbs sharing what they met reach the states (node and gateway
    status), parents and verdicts of one climb per broken function."""
    import impactgraph.impact.traverse as traverse

    head_files = {**files, **HEAD_LIB}
    base, head = graph_of(files), graph_of(head_files)
    changes = diff_summaries({s.module: s for s in summaries_of(files)},
                             {s.module: s for s in summaries_of(head_files)})

    Walked = tuple[dict[State, int], dict[State, State | None], set[str]]

    def walked() -> list[Walked]:
        analysis = ImpactAnalysis(base, head, gateways=["zgw"], changes=changes)
        found: list[Walked] = []
        for change in changes:
            for walk in analysis.walks(change):
                analysis.import_breaks(walk)
                found.append((walk.depth, walk.parent, walk.broken))
        return found

    shared = walked()
    original = traverse.import_time_callers

    def alone(walk: Walk, start: State, max_depth: int | None, calls: dict[str, set[str]],
              in_head: Callable[[str, str], bool] | None = None,
              seen: set[State] | None = None,
              skip_generated: bool = False,
              runs_body: Callable[[CodeGraph, str, str], bool] | None = None) -> list[State]:
        # a climb of its own
        return original(walk, start, max_depth, calls, in_head,
                        skip_generated=skip_generated, runs_body=runs_body)

    monkeypatch.setattr(traverse, "import_time_callers", alone)
    assert walked() == shared
    assert any(("boot", True, None) in depth for depth, _, _ in shared)
