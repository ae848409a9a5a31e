"""The cache folder: never written through a link, never trusted when it came with the
repository, and a damaged or forged entry is a miss, never a crash or a wrong answer."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from git_support import commit, git, init_repo
from typer.testing import CliRunner

from impactgraph.adapters.cache_folder import mac
from impactgraph.adapters.graph_store import MAGIC, SNAPSHOT_SUFFIX, GraphStore, tree_key
from impactgraph.cli import app
from impactgraph.linker import CodeGraph

BASE = {
    "pkg/__init__.py": "",
    "pkg/core.py": "def price(amount, rate):\n    return amount * rate\n",
    "pkg/shop.py": "from pkg.core import price\n\n\ndef total(x):\n    return price(x, 2)\n",
}
BREAKING = {"pkg/core.py": "def price(amount):\n    return amount\n"}


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def counts(root: Path, *extra: str) -> dict[str, int]:
    code, out, err = invoke("index", str(root), "--format", "json", "--jobs", "1", *extra)
    assert code == 0, err
    found = json.loads(out)
    return {k: v for k, v in found.items()
            if k not in ("seconds", "cache", "cache_hits", "cache_misses", "files_read")}


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, tag="base")
    return root


def test_a_cache_folder_that_is_a_link_is_not_used(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / ".impactgraph").symlink_to(outside)
    code, _, err = invoke("index", str(repo), "--jobs", "1")
    assert code == 0
    assert "warning: not using the cache" in err and "symbolic link" in err
    assert list(outside.iterdir()) == []


def test_a_cache_folder_that_git_tracks_is_not_used(repo: Path) -> None:
    (repo / ".impactgraph").mkdir()
    (repo / ".impactgraph" / "note").write_text("shipped\n", encoding="utf-8")
    git(repo, "add", "-f", ".impactgraph/note")
    code, _, err = invoke("index", str(repo), "--jobs", "1")
    assert code == 0
    assert "git tracks it" in err
    assert sorted(p.name for p in (repo / ".impactgraph").iterdir()) == ["note"]


def test_a_graphs_folder_that_is_a_link_is_not_used(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / ".impactgraph").mkdir()
    (repo / ".impactgraph" / "graphs").symlink_to(outside)
    code, _, err = invoke("index", str(repo), "--jobs", "1")
    assert code == 0 and "graphs/ is a symbolic link" in err
    assert list(outside.iterdir()) == []


def test_links_planted_in_the_cache_are_never_written_through(
    repo: Path, tmp_path: Path
) -> None:
    expected = counts(repo, "--no-cache")
    assert counts(repo) == expected
    victims = []
    top, graphs = repo / ".impactgraph", repo / ".impactgraph" / "graphs"
    for path in [*top.iterdir(), top / "cache.sqlite3-wal", *graphs.iterdir()]:
        if path.is_dir():
            continue
        victim = tmp_path / f"victim-{path.name}"
        victim.write_text("keep me\n", encoding="utf-8")
        path.unlink(missing_ok=True)
        path.symlink_to(victim)
        victims.append(victim)
    assert len(victims) >= 5
    assert counts(repo) == expected
    assert counts(repo) == expected
    assert all(v.read_text(encoding="utf-8") == "keep me\n" for v in victims)
    for path in (repo / ".impactgraph" / "graphs").iterdir():
        assert not path.is_symlink()


def _damage(repo: Path, how: str) -> None:
    graphs = repo / ".impactgraph" / "graphs"
    for path in graphs.iterdir():
        data = bytearray(path.read_bytes())
        if how == "flip":
            data[len(data) // 2] ^= 0x10
            data[-5] ^= 0x01
        elif how == "truncate":
            data = data[: len(data) // 2]
        elif how == "nest":
            data = bytearray(b"[" * 200_000 + b"]" * 200_000)
        elif how == "types":
            data = bytearray(json.dumps({"counts": [1, 2], "warnings": 3, "mac": 4}).encode())
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["flip", "truncate", "nest", "types"])
def test_a_damaged_graph_snapshot_is_a_miss_and_is_rewritten(repo: Path, how: str) -> None:
    expected = counts(repo, "--no-cache")
    counts(repo)
    before = {p.name: p.read_bytes() for p in (repo / ".impactgraph" / "graphs").iterdir()}
    _damage(repo, how)
    assert counts(repo) == expected
    after = {p.name: p.read_bytes() for p in (repo / ".impactgraph" / "graphs").iterdir()}
    assert sorted(after) == sorted(before)
    assert counts(repo) == expected


def test_a_snapshot_written_by_someone_else_is_a_miss(tmp_path: Path, monkeypatch) -> None:
    """A well-formed snapshot with a tag that our key did not make: not loaded."""
    store = GraphStore(tmp_path)
    key = tree_key([("a.py", "a", False, "1" * 40)])
    store.save(key, CodeGraph())
    path = tmp_path / ".impactgraph" / "graphs" / f"{key}{SNAPSHOT_SUFFIX}"
    raw = path.read_bytes()
    packed = raw[len(MAGIC) + 65:]
    assert store.load(key) is not None
    path.write_bytes(MAGIC + b"0" * 64 + b"\n" + packed)
    assert store.load(key) is None
    assert store.load_counts(key) is not None  # its counts are tagged on their own
    # a deeply nested document (100,000 lists, each holding the next), tagged with our key:
    # still only a miss
    import zlib

    bomb = zlib.compress(b"[\x01\x00\x00\x00" * 100_000 + b"[\x00\x00\x00\x00")
    path.write_bytes(MAGIC + mac("graph", key, bomb).encode() + b"\n" + bomb)
    assert store.load(key) is None
    # and one that inflates past what is read
    import impactgraph.adapters.graph_store as graph_store

    monkeypatch.setattr(graph_store, "MAX_INFLATED_BYTES", 10)
    store.save(key, CodeGraph())
    assert store.load(key) is None


def test_damaged_database_text_is_a_miss(repo: Path) -> None:
    expected = counts(repo, "--no-cache")
    counts(repo)
    database = repo / ".impactgraph" / "cache.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("UPDATE summaries SET module = CAST(X'FFFE2E70' AS TEXT)")
        db.execute("UPDATE files SET content = CAST(X'C0C1' AS TEXT), path = CAST(X'FF' AS TEXT)")
        db.execute("UPDATE meta SET value = CAST(X'FF00FF' AS TEXT)")
    code, _, err = invoke("index", str(repo), "--format", "json", "--jobs", "1")
    assert code == 0, err
    assert counts(repo) == expected
    assert json.loads(invoke("index", str(repo), "--format", "json")[1])["cache"] == "on"


def test_a_database_with_flipped_bits_never_crashes(repo: Path) -> None:
    expected = counts(repo, "--no-cache")
    counts(repo)
    database = repo / ".impactgraph" / "cache.sqlite3"
    data = bytearray(database.read_bytes())
    for position in range(100, len(data), 97):
        data[position] ^= 0x5A
    database.write_bytes(bytes(data))
    for _ in range(2):
        assert counts(repo) == expected


def test_a_swapped_summary_does_not_hide_a_breaking_change(repo: Path) -> None:
    commit(repo, BREAKING)
    args = ("impact", "--repo", str(repo), "--base", "base", "--head", "HEAD",
            "--fail-on", "breaking", "--format", "json")
    code, out, err = invoke(*args)
    assert code == 1, err
    database = repo / ".impactgraph" / "cache.sqlite3"
    old_blob = git(repo, "rev-parse", "base:pkg/core.py")
    new_blob = git(repo, "rev-parse", "HEAD:pkg/core.py")
    with sqlite3.connect(database) as db:
        rows = dict(db.execute("SELECT content, data FROM summaries WHERE module = 'pkg.core'"))
        assert set(rows) == {old_blob, new_blob}
        # the changed file's entry now says what the old one said (well-formed, wrong)
        db.execute("UPDATE summaries SET data = ? WHERE content = ?", (rows[old_blob], new_blob))
    code, out, err = invoke(*args)
    assert code == 1, err
    assert json.loads(out)["changes"]


def test_cache_clear_removes_everything_it_wrote(repo: Path) -> None:
    counts(repo)
    assert (repo / ".impactgraph" / "graphs").is_dir()
    code, _, err = invoke("cache", "clear", str(repo))
    assert code == 0, err
    assert not (repo / ".impactgraph").exists()
    code, _, err = invoke("cache", "clear", str(repo))
    assert code == 0 and "no cache" in err


def test_cache_clear_leaves_a_linked_folder_alone(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "cache.sqlite3").write_text("someone's\n", encoding="utf-8")
    (repo / ".impactgraph").symlink_to(outside)
    code, _, err = invoke("cache", "clear", str(repo))
    assert code == 3 and "symbolic link" in err
    assert (outside / "cache.sqlite3").read_text(encoding="utf-8") == "someone's\n"


def test_the_key_lives_outside_the_repository_and_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from impactgraph.adapters import cache_folder

    monkeypatch.setattr(cache_folder, "_key", None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    key = cache_folder.secret_key()
    stored = tmp_path / "xdg" / "impactgraph" / "cache-key"
    assert stored.read_bytes() == key and len(key) == 32
    assert stored.stat().st_mode & 0o077 == 0
    monkeypatch.setattr(cache_folder, "_key", None)
    assert cache_folder.secret_key() == key  # the next run finds it
    monkeypatch.setattr(cache_folder, "_key", None)
    stored.unlink()
    stored.symlink_to(tmp_path / "planted")
    assert len(cache_folder.secret_key()) == 32
    assert not (tmp_path / "planted").exists()


def test_a_home_that_does_not_exist_is_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Debian's ``nobody`` has HOME=/nonexistent: the key was written to
    # /nonexistent/.cache/impactgraph/, making the home folder; a key for this run serves now
    from impactgraph.adapters import cache_folder

    monkeypatch.setattr(cache_folder, "_key", None)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    home = tmp_path / "nonexistent"
    monkeypatch.setenv("HOME", str(home))
    assert len(cache_folder.secret_key()) == 32
    assert not home.exists()


def test_a_damaged_schema_with_text_that_is_not_utf8_is_replaced(repo: Path) -> None:
    expected = counts(repo, "--no-cache")
    counts(repo)
    with sqlite3.connect(repo / ".impactgraph" / "cache.sqlite3") as db:
        db.execute("PRAGMA writable_schema=ON")
        db.execute("UPDATE sqlite_master SET sql = CAST(X'435245415445FF' AS TEXT) "
                   "WHERE name = 'files'")
    assert counts(repo) == expected  # the file is replaced by a fresh database
    code, out, err = invoke("index", str(repo), "--format", "json", "--jobs", "1")
    assert code == 0 and json.loads(out)["cache"] == "on", err


@pytest.mark.parametrize("inside", [".git", ".git/refs", ".git/refs/heads"])
def test_a_cache_folder_inside_git_s_own_folder_is_not_used(repo: Path, inside: str) -> None:
    # ``--cache-dir .git/refs`` planted cache.sqlite3 among the refs: every git command then
    # warned of a broken ref, and ``git fsck`` failed
    before = sorted(p.relative_to(repo) for p in (repo / ".git").rglob("*"))
    code, _, err = invoke("index", str(repo), "--cache-dir", str(repo / inside))
    assert code == 0
    assert "inside git's own folder" in err
    after = sorted(p.relative_to(repo) for p in (repo / ".git").rglob("*"))
    assert not [p for p in after if (p not in before and "impactgraph" in str(p))
                or p.name in ("cache.sqlite3", ".gitignore", "graphs")]
    assert counts(repo, "--cache-dir", str(repo / inside)) == counts(repo, "--no-cache")
