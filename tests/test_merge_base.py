"""``--base REV`` compares from the merge base of REV and the head, like a pull request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from git_support import commit, git, init_repo
from typer.testing import CliRunner

from impactgraph.adapters.git import GitRepo
from impactgraph.cli import app
from impactgraph.errors import GitError

runner = CliRunner()

LIB = """\
def find(title, archived=False):
    return title


def total(items):
    return sum(items)
"""
USER = """\
from lib import find, total


def show():
    return find("x", archived=True), total([1])
"""


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def behind(tmp_path: Path) -> tuple[Path, str]:
    """A branch cut from main, with main three commits ahead since (one of them breaking)."""
    root = init_repo(tmp_path / "repo")
    point = commit(root, {"lib.py": LIB, "user.py": USER}, message="start")
    git(root, "checkout", "-q", "-b", "feature")
    commit(root, {"lib.py": LIB.replace("return sum(items)", "return sum(items) + 0")},
           message="feature: body change")
    git(root, "checkout", "-q", "main")
    commit(root, {"lib.py": LIB.replace("def find(title, archived=False)", "def find(title)")},
           message="main 1: breaking")
    commit(root, {"extra.py": "def new():\n    return 1\n"}, message="main 2")
    commit(root, {"extra.py": "def new(a):\n    return a\n"}, message="main 3")
    git(root, "checkout", "-q", "feature")
    return root, point


def test_changes_on_the_base_branch_after_the_branch_point_are_not_reported(
    behind: tuple[Path, str],
) -> None:
    root, point = behind
    result = invoke("impact", "--repo", str(root), "--base", "main", "--head", "feature",
                    "--format", "json", "--fail-on", "breaking")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {(c["symbol"], c["kind"]) for c in report["changes"]} == {
        ("lib:total", "body-changed")}
    assert report["base"] == "main" and report["head"] == "feature"
    assert report["base_commit"] == point
    assert report["head_commit"] == git(root, "rev-parse", "feature")
    assert list(report)[:6] == ["schema_version", "base", "base_commit", "head", "head_commit",
                                "gateways_crossed"]


def test_the_working_tree_compares_from_the_merge_base_of_rev_and_head(
    behind: tuple[Path, str],
) -> None:
    root, point = behind
    result = invoke("changes", "--repo", str(root), "--base", "main", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [c["symbol"] for c in json.loads(result.stdout)["changes"]] == ["lib:total"]
    result = invoke("impact", "--repo", str(root), "--base", "main", "--format", "json")
    report = json.loads(result.stdout)
    assert [c["symbol"] for c in report["changes"]] == ["lib:total"]
    assert (report["base_commit"], report["head_commit"]) == (point, None)
    assert report["head"] == "WORKTREE"
    text = invoke("changes", "--repo", str(root), "--base", "main").stdout
    assert f"main (merge base {point[:7]}) to WORKTREE" in text


def test_text_and_markdown_name_the_commits_compared(behind: tuple[Path, str]) -> None:
    root, point = behind
    head = git(root, "rev-parse", "feature")
    for fmt in ("text", "markdown"):
        result = invoke("impact", "--repo", str(root), "--base", "main", "--head", "feature",
                        "--format", fmt)
        assert point[:7] in result.stdout and head[:7] in result.stdout, fmt


def test_unrelated_histories_are_bad_input_in_one_line(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"lib.py": LIB}, message="one")
    git(root, "checkout", "-q", "--orphan", "other")
    commit(root, {"lib.py": LIB.replace("archived=False", "archived=True")}, message="two")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "main"])
    assert result.exit_code == 3
    assert len(result.stderr.strip().splitlines()) == 1
    assert "common ancestor" in result.stderr and "Traceback" not in result.output


def test_merge_base_of_a_revision_that_is_an_ancestor_is_itself(
    behind: tuple[Path, str],
) -> None:
    root, point = behind
    repo = GitRepo(root)
    assert repo.merge_base("main", "feature") == point
    assert repo.merge_base(point, None) == point
    with pytest.raises(GitError):
        repo.merge_base("no-such-branch", None)
