"""``impactgraph changes`` end to end, on git histories built in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from git_support import commit, git, init_repo, write
from typer.testing import CliRunner

from impactgraph.adapters.git import GitRepo
from impactgraph.app.changes import compute_changes
from impactgraph.cli import app
from impactgraph.config import Config

BASE_FILES = {
    "packages/catalog/src/catalog/__init__.py": "from catalog.search import find_book\n",
    "packages/catalog/src/catalog/search.py": """\
        def find_book(title, include_archived=False):
            return title

        def _normalise(title):
            return title.lower()
        """,
    "packages/catalog/src/catalog/text.py": "def slug(s):\n    return s\n",
    "packages/orders/src/orders/service.py": """\
        from catalog import find_book

        def place(title):
            return find_book(title)
        """,
    "tests/test_search.py":
        "from catalog import find_book\n\ndef test_find():\n    find_book('x')\n",
}


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def as_json(result: Any) -> dict[str, Any]:
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def kinds(document: dict[str, Any]) -> set[tuple[str, str, bool]]:
    return {(c["symbol"], c["kind"], c["breaking"]) for c in document["changes"]}


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "shop")
    commit(root, BASE_FILES, message="base", tag="v1")
    return root


def test_json_between_two_commits(shop: Path) -> None:
    commit(shop, {"packages/catalog/src/catalog/search.py": """\
        def find_book(title):
            return title.strip()

        def _normalise(title):
            return title.lower()
        """}, tag="v2")
    document = as_json(run("changes", "--repo", str(shop), "--base", "v1", "--head", "v2",
                           "--format", "json"))
    assert list(document) == ["schema_version", "base", "head", "changes", "warnings"]
    assert (document["schema_version"], document["base"], document["head"]) == (1, "v1", "v2")
    assert document["changes"] == [
        {"symbol": "catalog.search:find_book", "kind": "body-changed", "breaking": False,
         "path": "packages/catalog/src/catalog/search.py", "line": 1, "detail": ""},
        {"symbol": "catalog.search:find_book", "kind": "parameter-removed", "breaking": True,
         "path": "packages/catalog/src/catalog/search.py", "line": 1,
         "detail": "include_archived"},
    ]
    assert document["warnings"] == []


def test_text_lists_breaking_changes_first(shop: Path) -> None:
    commit(shop, {
        "packages/catalog/src/catalog/text.py": "def slug(s):\n    return s.lower()\n",
        "packages/catalog/src/catalog/search.py": "def find_book(title, *, exact):\n    pass\n",
    })
    result = run("changes", "--repo", str(shop), "--base", "v1", "--head", "HEAD")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.index("Breaking (") < text.index("parameter-added") < text.index("Not breaking (")
    assert text.index("Not breaking (") < text.index("catalog.text:slug")


def test_working_tree_with_an_untracked_file(shop: Path) -> None:
    write(shop, {
        "packages/catalog/src/catalog/covers.py": "def cover(book):\n    return book\n",
        "packages/catalog/src/catalog/text.py": None,
    })
    document = as_json(run("changes", "--repo", str(shop), "--base", "v1", "--format", "json"))
    assert document["head"] == "WORKTREE"
    assert kinds(document) == {
        ("catalog.covers", "module-added", False),
        ("catalog.text", "module-removed", True),
    }


def test_module_renamed_with_git_mv(shop: Path) -> None:
    git(shop, "mv", "packages/catalog/src/catalog/text.py",
        "packages/catalog/src/catalog/strings.py")
    commit(shop, message="rename")
    document = as_json(run("changes", "--repo", str(shop), "--base", "v1", "--head", "HEAD",
                           "--format", "json"))
    assert document["changes"] == [
        {"symbol": "catalog.text", "kind": "module-renamed", "breaking": True,
         "path": "packages/catalog/src/catalog/strings.py", "line": 1,
         "detail": "catalog.strings"},
    ]


def test_untracked_move_in_the_working_tree_is_a_rename(shop: Path) -> None:
    source = shop / "packages/catalog/src/catalog/text.py"
    source.rename(source.with_name("strings.py"))
    document = as_json(run("changes", "--repo", str(shop), "--base", "v1", "--format", "json"))
    assert kinds(document) == {("catalog.text", "module-renamed", True)}


def test_a_file_that_stops_parsing_is_a_warning(shop: Path) -> None:
    commit(shop, {
        "packages/orders/src/orders/service.py": "def place(title:\n",
        "packages/catalog/src/catalog/text.py": "def slug(s, sep):\n    return s\n",
    })
    document = as_json(run("changes", "--repo", str(shop), "--base", "v1", "--head", "HEAD",
                           "--format", "json"))
    assert kinds(document) == {("catalog.text:slug", "parameter-added", True)}
    (warning,) = document["warnings"]
    assert warning["path"] == "packages/orders/src/orders/service.py"
    assert "syntax error" in warning["message"]
    assert warning["message"].endswith("in HEAD")


def test_private_removal_is_breaking_only_when_imported_elsewhere(shop: Path) -> None:
    commit(shop, {
        "packages/catalog/src/catalog/search.py":
            "def find_book(title, include_archived=False):\n    return title\n",
    })
    document = as_json(run("changes", "--repo", str(shop), "--base", "v1", "--head", "HEAD",
                           "--format", "json"))
    assert kinds(document) == {("catalog.search:_normalise", "symbol-removed", False)}

    commit(shop, {"packages/catalog/src/catalog/search.py": BASE_FILES[
        "packages/catalog/src/catalog/search.py"]}, tag="v3")
    commit(shop, {
        "packages/orders/src/orders/service.py":
            "from catalog.search import _normalise\n\ndef place(title):\n    return title\n",
    }, tag="v4")
    commit(shop, {
        "packages/catalog/src/catalog/search.py":
            "def find_book(title, include_archived=False):\n    return title\n",
    })
    document = as_json(run("changes", "--repo", str(shop), "--base", "v4", "--head", "HEAD",
                           "--format", "json"))
    assert kinds(document) == {("catalog.search:_normalise", "symbol-removed", True)}


def test_output_file(shop: Path, tmp_path: Path) -> None:
    target = tmp_path / "changes.json"
    result = run("changes", "--repo", str(shop), "--base", "v1", "--head", "v1",
                 "--format", "json", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text())["changes"] == []


def test_no_changes_in_text(shop: Path) -> None:
    result = run("changes", "--repo", str(shop), "--base", "v1", "--head", "v1")
    assert result.exit_code == 0
    assert "No changes" in result.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--base", "nope"], "unknown revision 'nope'"),
        (["--base", "v1", "--head", "nope2"], "unknown revision 'nope2'"),
    ],
)
def test_unknown_revision_exits_3_with_one_line(shop: Path, args: list[str], needle: str) -> None:
    result = run("changes", "--repo", str(shop), *args)
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert needle in lines[0]
    assert "Traceback" not in result.stderr


def test_not_a_repository_exits_3(tmp_path: Path) -> None:
    result = run("changes", "--repo", str(tmp_path), "--base", "HEAD")
    assert result.exit_code == 3
    assert "not a git repository" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_shallow_clone_missing_the_base(shop: Path, tmp_path: Path) -> None:
    commit(shop, {"packages/catalog/src/catalog/text.py": "def slug(s, x):\n    return s\n"})
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{shop}", str(clone))
    result = run("changes", "--repo", str(clone), "--base", "v1")
    assert result.exit_code == 3
    assert "git fetch --unshallow" in result.stderr
    assert "fetch-depth: 0" in result.stderr


def test_missing_base_option_is_a_usage_error(shop: Path) -> None:
    result = run("changes", "--repo", str(shop))
    assert result.exit_code == 2


def test_compute_changes_reuses_unchanged_summaries(shop: Path) -> None:
    commit(shop, {"packages/catalog/src/catalog/text.py": "def slug(s):\n    return s * 2\n"})
    result = compute_changes(GitRepo(shop), "v1", "HEAD", Config())
    assert {c.symbol for c in result.changes.changes} == {"catalog.text:slug"}
    assert result.files_indexed == 2  # only the changed file, on both sides
    assert result.base.commit is not None and result.head.revision == "HEAD"
    # The impact engine gets complete summaries; unchanged files are summarised once.
    assert result.head_summaries["catalog.search"] is result.base_summaries["catalog.search"]
    assert len(list(result.head_summaries.values())) == len(BASE_FILES)
    assert result.base_summaries.computed + result.head_summaries.computed == len(BASE_FILES) + 1


def test_runs_on_its_own_source() -> None:
    root = Path(__file__).resolve().parents[1]
    if not (root / ".git").exists():
        pytest.skip("not a git checkout")
    document = as_json(run("changes", "--repo", str(root), "--base", "HEAD", "--head", "HEAD",
                           "--format", "json"))
    assert document["changes"] == []
    assert document["warnings"] == []


def test_cached_run_gives_the_same_answer(shop: Path) -> None:
    commit(shop, {"packages/catalog/src/catalog/text.py": "def slug(s, sep):\n    return s\n"})
    args = ["changes", "--repo", str(shop), "--base", "v1", "--head", "HEAD", "--format", "json"]
    uncached = as_json(run(*args, "--no-cache"))
    assert not (shop / ".impactgraph").exists()
    first, second = as_json(run(*args)), as_json(run(*args, "--jobs", "1"))
    assert (shop / ".impactgraph").is_dir()
    assert uncached == first == second
    assert kinds(first) == {("catalog.text:slug", "parameter-added", True)}


def test_changes_caches_api_summaries_apart_and_impact_after_it_is_unchanged(
    shop: Path, tmp_path: Path
) -> None:
    """``changes`` summarises the API part only (indexer/api.py) and caches it apart: the
    same changes as from full summaries, and an ``impact`` run after it (reading that cache)
    reports what it reports without any cache."""
    commit(shop, {
        "packages/catalog/src/catalog/search.py": """\
            class Finder:
                limit = 3
                def find(self, title, *, exact=False):
                    self.last = title
                    return title

            def find_book(title):
                return Finder().find(title)
            """,
        "packages/catalog/src/catalog/text.py": "slug = lambda s: s\n",
    }, tag="v2")
    full = compute_changes(GitRepo(shop), "v1", "v2", Config())
    api = compute_changes(GitRepo(shop), "v1", "v2", Config(), api_only=True)
    assert api.changes == full.changes
    assert all(s.api_only for s in api.head_summaries.summarized())
    assert not any(s.api_only for s in full.head_summaries.summarized())
    cache = ["--cache-dir", str(tmp_path / "cache")]
    changes = as_json(run("changes", "--repo", str(shop), "--base", "v1", "--head", "v2",
                          "--format", "json", *cache))
    assert kinds(changes) == {(c.symbol, c.kind.value, c.breaking) for c in full.changes.changes}
    impact = ["impact", "--repo", str(shop), "--base", "v1", "--head", "v2", "--format", "json"]
    after = as_json(run(*impact, *cache))
    fresh = as_json(run(*impact, "--no-cache"))
    for document in (after, fresh):
        document["stats"].pop("seconds", None)
    assert after == fresh
    assert after["affected"]  # orders.service calls find_book
    again = as_json(run("changes", "--repo", str(shop), "--base", "v1", "--head", "v2",
                        "--format", "json", *cache))
    assert again == changes


def test_changes_fetches_each_revision_in_few_git_processes(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base's texts are fetched once (they decide which unchanged modules may re-export a
    change) and its summaries read them; a commit id is verified by git once."""
    commit(shop, {
        "packages/catalog/src/catalog/search.py": "def find_book(title):\n    return title\n",
        "packages/catalog/src/catalog/text.py": "def slug(s, sep):\n    return s\n",
    }, tag="v2")
    fetches: list[list[str]] = []
    verified: list[str] = []
    read_blobs, run_git = GitRepo.read_blobs, GitRepo._git

    def counting_read(self: GitRepo, ids: Any) -> dict[str, bytes]:
        fetches.append(list(ids))
        return read_blobs(self, fetches[-1])

    def counting_git(self: GitRepo, *args: str, **options: Any) -> bytes:
        if args[:2] == ("rev-parse", "--verify"):
            verified.append(args[-1].removesuffix("^{commit}"))
        return run_git(self, *args, **options)

    expected = compute_changes(GitRepo(shop), "v1", "v2", Config()).changes
    monkeypatch.setattr(GitRepo, "read_blobs", counting_read)
    monkeypatch.setattr(GitRepo, "_git", counting_git)
    result = compute_changes(GitRepo(shop), "v1", "v2", Config(), api_only=True)
    assert result.changes == expected
    assert ("catalog.text:slug", "parameter-added", True) in {
        (c.symbol, c.kind.value, c.breaking) for c in result.changes.changes
    }
    assert len(fetches) == 2  # every file of the base, then the head's changed ones
    assert len(fetches[0]) == len(result.base.files)
    commit_ids = [r for r in verified if len(r) == 40]
    assert len(commit_ids) == len(set(commit_ids))
    assert {"v1", "v2"} <= set(verified)


def test_changes_against_the_working_tree_fetch_the_base_of_the_changed_files_only(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The working tree's snapshot has read every file (to hash it): the unchanged modules
    that may re-export a change (``catalog/__init__.py``) are read there, and git gives only
    the base's texts of the changed files; the changes are those of the same edit committed."""
    edited = {"packages/catalog/src/catalog/search.py": (
        "def find_book(title):\n    return title\n\ndef _normalise(title):\n    return title\n")}
    write(shop, edited)
    fetches: list[list[str]] = []
    read_blobs = GitRepo.read_blobs

    def counting_read(self: GitRepo, ids: Any) -> dict[str, bytes]:
        fetches.append(list(ids))
        return read_blobs(self, fetches[-1])

    monkeypatch.setattr(GitRepo, "read_blobs", counting_read)
    result = compute_changes(GitRepo(shop), "v1", None, Config())
    fetched = [blob for ids in fetches for blob in ids]
    # search.py's base text and what its names lead to (summarised to compare), not every file
    assert 0 < len(fetched) < len(result.base.files)
    monkeypatch.undo()
    commit(shop, edited, tag="v2")
    committed = compute_changes(GitRepo(shop), "v1", "v2", Config())
    found = {(c.symbol, c.kind.value, c.breaking) for c in result.changes.changes}
    assert found == {(c.symbol, c.kind.value, c.breaking) for c in committed.changes.changes}
    assert ("catalog.search:find_book", "parameter-removed", True) in found
