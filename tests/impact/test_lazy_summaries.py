"""A query whose graphs come from the graph store reads only the summaries it needs, and its
report is the very report of a full link (``--no-cache``), whatever the change."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from git_support import commit, copy_fixture, init_repo, write
from typer.testing import CliRunner

from impactgraph.cli import app

SHOP = Path(__file__).resolve().parents[2] / "fixtures" / "shop"
CATALOG = "packages/catalog/src/catalog"
runner = CliRunner()
NO_EVENT = {"GITHUB_EVENT_PATH": "", "GITHUB_REPOSITORY": "", "GITHUB_TOKEN": ""}
Files = dict[str, str | None]


def _edit(root: Path, path: str, old: str, new: str) -> Files:
    text = (root / path).read_text(encoding="utf-8")
    assert old in text, (path, old)
    return {path: text.replace(old, new, 1)}


def _edits(root: Path, path: str, *pairs: tuple[str, str]) -> Files:
    text = (root / path).read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, (path, old)
        text = text.replace(old, new, 1)
    return {path: text}


# Each edit: a breaking signature change, one with the body changed too (two walks from one
# symbol), a changed default (callers passing it run as before), a removal (the head's
# importers are read), an export removed, a module removed, a file that no longer parses, a
# data file (the import index).
EDITS: dict[str, Callable[[Path], Files]] = {
    "signature": lambda root: _edit(root, f"{CATALOG}/search.py",
                                    "include_archived: bool = False", "include_archived: bool"),
    "signature-and-body": lambda root: _edits(
        root, f"{CATALOG}/search.py",
        ("predicate: Callable[[Book], bool] | None = None) -> list[Book]:", ") -> list[Book]:"),
        ("    if predicate is not None:\n        found = [book for book in found if "
         "predicate(book)]\n", ""),
    ),
    "default": lambda root: _edit(root, f"{CATALOG}/search.py", "include_archived: bool = False",
                                  "include_archived: bool = True"),
    "removal": lambda root: _edit(root, f"{CATALOG}/search.py", "def search_books(",
                                  "def search_books_renamed("),
    "export": lambda root: _edit(root, f"{CATALOG}/__init__.py", '"find_book", ', ""),
    "module": lambda root: {f"{CATALOG}/text.py": None},
    "unparsable": lambda root: _edit(root, f"{CATALOG}/inventory.py", "def ", "def (("),
    "data": lambda root: {f"{CATALOG}/books.json": '{"books": []}\n'},
}


def _report(root: Path, command: str, *options: str) -> dict[str, object]:
    result = runner.invoke(
        app, [command, "--repo", str(root), "--base", "base", "--format", "json", *options],
        env=NO_EVENT,
    )
    assert result.exit_code in (0, 1), result.output
    data: dict[str, object] = json.loads(result.stdout)
    data.pop("stats", None)
    return data


@pytest.mark.parametrize("committed", [True, False], ids=["head-commit", "worktree"])
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_stored_graph_gives_the_report_of_a_full_link(
    tmp_path: Path, edit: str, committed: bool
) -> None:
    root = init_repo(tmp_path / "shop")
    copy_fixture(SHOP, root)
    commit(root, message="base", tag="base")
    files = EDITS[edit](root)
    if committed:
        commit(root, files, message=edit)
    else:
        write(root, files)
    head = ("--head", "HEAD") if committed else ()
    for command in ("impact", "tests"):
        full = _report(root, command, "--no-cache", *head)
        first = _report(root, command, *head)  # links both revisions and stores the graphs
        stored = _report(root, command, *head)  # loads them; summaries read on demand
        assert first == full
        assert stored == full


def test_a_stored_graph_is_not_followed_by_decoding_every_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import impactgraph.adapters.cache as cache_module

    root = init_repo(tmp_path / "shop")
    copy_fixture(SHOP, root)
    commit(root, message="base", tag="base")
    write(root, EDITS["signature"](root))
    _report(root, "impact")  # fills the summary cache and the graph store
    decoded: list[object] = []
    original = cache_module._decode

    def counting(data: object, key: cache_module.CacheKey) -> object:
        decoded.append(key)
        return original(data, key)

    calls_only: list[object] = []
    original_calls = cache_module._decode_calls

    def counting_calls(data: object, key: cache_module.CacheKey) -> object:
        calls_only.append(key)
        return original_calls(data, key)

    monkeypatch.setattr(cache_module, "_decode", counting)
    monkeypatch.setattr(cache_module, "_decode_calls", counting_calls)
    _report(root, "impact")
    files = len(list(SHOP.rglob("*.py")))
    assert 0 < len(decoded) < files / 2
    # the callers judged on their calls alone: only those are decoded, not whole summaries
    assert calls_only
    assert not set(calls_only) & set(decoded)
