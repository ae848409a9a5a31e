"""Every command that indexes code shares one summary and graph cache: the repository's."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import commit, copy_fixture, init_repo
from typer.testing import CliRunner, Result

from impactgraph.adapters.cache import SummaryCache
from impactgraph.adapters.graph_store import SNAPSHOT_SUFFIX
from impactgraph.cli import app

SHOP = Path(__file__).resolve().parents[1] / "fixtures" / "shop"
SEARCH = "packages/catalog/src/catalog/search.py"
runner = CliRunner()
NO_EVENT = {"GITHUB_EVENT_PATH": "", "GITHUB_REPOSITORY": "", "GITHUB_TOKEN": ""}


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "shop")
    copy_fixture(SHOP, root)
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
    with SummaryCache.open(cache_folder.parent, directory=cache_folder) as cache:
        entries = cache.entry_count()
    return entries, sorted(p.name for p in (cache_folder / "graphs").glob(f"*{SNAPSHOT_SUFFIX}"))


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


# -- where the cache lives: --cache-dir, IMPACTGRAPH_CACHE_DIR ----------------------------------


def run(*args: str, **env: str) -> Result:
    result = runner.invoke(app, list(args), env={**NO_EVENT, "IMPACTGRAPH_CACHE_DIR": "", **env})
    assert result.exit_code in (0, 1), result.output
    return result


def test_the_option_wins_over_the_variable_and_the_default(tmp_path: Path) -> None:
    from impactgraph.adapters.cache_folder import resolve_cache_dir

    root = tmp_path / "repo"
    env = {"IMPACTGRAPH_CACHE_DIR": str(tmp_path / "from-env")}
    assert resolve_cache_dir(root, tmp_path / "opt", env) == tmp_path / "opt"
    assert resolve_cache_dir(root, None, env) == tmp_path / "from-env"
    assert resolve_cache_dir(root, None, {"IMPACTGRAPH_CACHE_DIR": ""}) == root / ".impactgraph"
    # a blank value made a folder named " " in the current directory
    assert resolve_cache_dir(root, None, {"IMPACTGRAPH_CACHE_DIR": "  "}) == root / ".impactgraph"
    assert resolve_cache_dir(root, Path("rel"), {}).is_absolute()


def test_every_command_keeps_its_cache_in_the_folder_named(shop: Path, tmp_path: Path) -> None:
    shared = tmp_path / "runner-temp" / "cache"  # its parent does not exist yet
    run("impact", "--repo", str(shop), "--base", "base", "--head", "head",
        "--cache-dir", str(shared))
    before = cache_state(shared)
    assert before[0] > 0 and len(before[1]) == 2

    run("comment", "--dry-run", "--repo", str(shop), "--base", "base", "--head", "head",
        IMPACTGRAPH_CACHE_DIR=str(shared))
    run("changes", "--repo", str(shop), "--base", "base", "--head", "head",
        IMPACTGRAPH_CACHE_DIR=str(shared))
    run("tests", "--repo", str(shop), "--base", "base", "--head", "head", "--cache-dir",
        str(shared), IMPACTGRAPH_CACHE_DIR=str(tmp_path / "not-this-one"))

    assert cache_state(shared) == before  # all served from it
    assert not (shop / ".impactgraph").exists()
    assert not (tmp_path / "not-this-one").exists()
    for command in ("index", "graph", "callgraph"):
        args = ["--format", "json"] if command != "index" else []
        run(command, str(shop), *args, "--cache-dir", str(shared))
    assert not (shop / ".impactgraph").exists()


def test_a_cache_folder_git_tracks_is_not_used(shop: Path) -> None:
    commit(shop, {"vendored/cache/README": "shipped with the repository\n"})
    tracked = shop / "vendored" / "cache"
    result = run("impact", "--repo", str(shop), "--base", "base", "--head", "head",
                 "--cache-dir", str(tracked))

    assert "git tracks it" in result.stderr
    assert sorted(p.name for p in tracked.iterdir()) == ["README"]  # nothing written there


def test_a_folder_under_a_tracked_one_through_a_link_is_not_used(
    shop: Path, tmp_path: Path
) -> None:
    commit(shop, {"data/cache/keep": "x\n"})
    link = tmp_path / "link"
    link.symlink_to(shop / "data")
    result = run("impact", "--repo", str(shop), "--base", "base", "--head", "head",
                 "--cache-dir", str(link / "cache"))

    assert "git tracks it" in result.stderr
    assert sorted(p.name for p in (shop / "data" / "cache").iterdir()) == ["keep"]


def test_a_cache_folder_that_is_a_link_is_not_used(shop: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "cache").symlink_to(tmp_path / "elsewhere")
    result = run("impact", "--repo", str(shop), "--base", "base", "--head", "head",
                 "--cache-dir", str(tmp_path / "cache"))

    assert "symbolic link" in result.stderr
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_cache_clear_removes_the_named_folder_but_not_a_foreign_one(
    shop: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "cache"
    run("index", str(shop), "--cache-dir", str(shared))
    assert (shared / "cache.sqlite3").exists()
    run("cache", "clear", str(shop), "--cache-dir", str(shared))
    assert not shared.exists()

    foreign = tmp_path / "home"
    (foreign / "graphs").mkdir(parents=True)
    result = runner.invoke(app, ["cache", "clear", str(shop), "--cache-dir", str(foreign)])
    assert result.exit_code == 3
    assert (foreign / "graphs").is_dir()


def test_cache_clear_empties_a_folder_of_the_users_that_we_used_and_keeps_the_rest(
    shop: Path, tmp_path: Path
) -> None:
    # a folder the user made, with a .gitignore of their own, named by --cache-dir
    theirs = tmp_path / "ci-cache"
    theirs.mkdir()
    (theirs / ".gitignore").write_text("*\n", encoding="utf-8")
    run("impact", "--repo", str(shop), "--base", "base", "--head", "head",
        "--cache-dir", str(theirs))
    assert (theirs / "graphs").is_dir()
    # what the linker learnt of the standard library is kept there too, when it asked
    (theirs / "graphs" / "stdlib-self.json").write_text("{}", encoding="utf-8")
    run("cache", "clear", str(shop), "--cache-dir", str(theirs))
    assert sorted(p.name for p in theirs.iterdir()) == [".gitignore"]
    assert (theirs / ".gitignore").read_text(encoding="utf-8") == "*\n"


@pytest.mark.parametrize("odd", ["not a database", "a foreign file in graphs/"])
def test_cache_clear_refuses_a_folder_that_only_looks_used(
    shop: Path, tmp_path: Path, odd: str
) -> None:
    theirs = tmp_path / "mine"
    (theirs / "graphs").mkdir(parents=True)
    (theirs / ".gitignore").write_text("*\n", encoding="utf-8")
    if odd == "not a database":
        (theirs / "cache.sqlite3").write_text("notes\n", encoding="utf-8")
    else:
        run("index", str(shop), "--cache-dir", str(theirs))
        (theirs / "graphs" / "thesis.tex").write_text("keep\n", encoding="utf-8")
    before = sorted(str(p.relative_to(theirs)) for p in theirs.rglob("*"))
    result = runner.invoke(app, ["cache", "clear", str(shop), "--cache-dir", str(theirs)])
    assert result.exit_code == 3
    assert "impactgraph did not create it" in result.stderr
    assert sorted(str(p.relative_to(theirs)) for p in theirs.rglob("*")) == before
