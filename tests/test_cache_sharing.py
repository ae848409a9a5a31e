"""Every command that indexes code shares one summary and graph cache: the repository's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.adapters.cache import SummaryCache
from impactgraph.cli import app

SHOP = Path(__file__).resolve().parents[1] / "fixtures" / "shop"
SEARCH = "packages/catalog/src/catalog/search.py"
runner = CliRunner()
NO_EVENT = {"GITHUB_EVENT_PATH": "", "GITHUB_REPOSITORY": "", "GITHUB_TOKEN": ""}


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "shop")
    shutil.copytree(SHOP, root, dirs_exist_ok=True)
    commit(root, message="base", tag="base")
    target = root / SEARCH
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("include_archived: bool = False", "include_archived: bool"),
                      encoding="utf-8")
    commit(root, message="no default", tag="head")
    return root


def invoke(*args: str) -> None:
    result = runner.invoke(app, list(args), env=NO_EVENT)
    assert result.exit_code in (0, 1), result.output


def cache_state(cache_folder: Path) -> tuple[int, list[str]]:
    """(summaries stored, graph snapshots stored)."""
    with SummaryCache.open(cache_folder.parent) as cache:
        entries = cache.entry_count()
    return entries, sorted(p.name for p in (cache_folder / "graphs").glob("*.json.gz"))


def test_comment_fills_the_cache(shop: Path) -> None:
    invoke("comment", "--dry-run", "--repo", str(shop), "--base", "base", "--head", "head")

    entries, graphs = cache_state(shop / ".impactgraph")
    assert entries > 0
    assert len(graphs) == 2  # the base and the head tree, linked once each


def test_comment_and_the_other_commands_reuse_what_impact_cached(shop: Path) -> None:
    invoke("impact", "--repo", str(shop), "--base", "base", "--head", "head")
    before = cache_state(shop / ".impactgraph")

    invoke("comment", "--dry-run", "--repo", str(shop), "--base", "base", "--head", "head")
    invoke("tests", "--repo", str(shop), "--base", "base", "--head", "head")
    invoke("changes", "--repo", str(shop), "--base", "base", "--head", "head")

    assert cache_state(shop / ".impactgraph") == before  # nothing summarised or linked again


def test_comment_without_the_cache_writes_none(shop: Path) -> None:
    invoke("comment", "--dry-run", "--no-cache", "--repo", str(shop), "--base", "base",
           "--head", "head")

    assert not (shop / ".impactgraph").exists()
