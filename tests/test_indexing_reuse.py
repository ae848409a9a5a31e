"""``index`` after a small edit starts from the stored graph of the tree before it when the
edited files provide the linker the same facts; the graph is exactly a full link's."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import copy_fixture

from impactgraph import linker
from impactgraph.adapters.cache import SummaryCache
from impactgraph.app.indexing import index_directory
from impactgraph.app.session import Session
from impactgraph.linker.snapshot import graph_to_dict

SHOP = Path(__file__).resolve().parents[1] / "fixtures" / "shop"


def _index(root: Path) -> dict[str, object]:
    with SummaryCache.open(root) as cache:
        result = index_directory(root, session=Session(cache, 1), want_summaries=False)
    return graph_to_dict(result.graph)


def _full(root: Path) -> dict[str, object]:
    return graph_to_dict(index_directory(root, session=Session(jobs=1)).graph)


def _no_linking(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("linked the whole tree")

    monkeypatch.setattr(linker, "link", refuse)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    root = tmp_path / "shop"
    copy_fixture(SHOP, root)
    return root


def _module_with_functions(root: Path) -> Path:
    return next(p for p in sorted(root.rglob("*.py")) if "\ndef " in p.read_text())


def test_moved_lines_reuse_the_stored_graph(shop: Path, monkeypatch: pytest.MonkeyPatch):
    _index(shop)
    path = _module_with_functions(shop)
    path.write_text("# a comment that moves every line\n\n" + path.read_text())
    with monkeypatch.context() as patched:
        _no_linking(patched)
        got = _index(shop)
    assert got == _full(shop)
    # the reused graph was stored for this tree: the next run loads it
    with monkeypatch.context() as patched:
        _no_linking(patched)
        assert _index(shop) == got


def test_a_stored_tree_as_close_but_with_other_facts_is_passed_over(
    shop: Path, monkeypatch: pytest.MonkeyPatch
):
    _index(shop)
    path = _module_with_functions(shop)
    original = path.read_text()
    path.write_text(original + "\n\ndef added(value):\n    return len(value)\n")
    _index(shop)  # linked: a tree one file away, whose facts differ
    path.write_text("# a comment that moves every line\n\n" + original)
    with monkeypatch.context() as patched:
        _no_linking(patched)
        got = _index(shop)
    assert got == _full(shop)


def test_a_file_touched_but_unchanged_loads_the_stored_graph(
    shop: Path, monkeypatch: pytest.MonkeyPatch
):
    first = _index(shop)
    path = _module_with_functions(shop)
    path.write_text(path.read_text())  # a new mtime: the stat index no longer knows it
    with monkeypatch.context() as patched:
        _no_linking(patched)
        assert _index(shop) == first


def test_a_change_of_facts_links_again(shop: Path):
    _index(shop)
    path = _module_with_functions(shop)
    path.write_text(path.read_text() + "\n\ndef added(value):\n    return len(value)\n")
    assert _index(shop) == _full(shop)


def test_a_chain_of_edits_stays_exact(shop: Path):
    _index(shop)
    paths = sorted(shop.rglob("*.py"))[:6]
    for step, path in enumerate(paths):
        text = path.read_text()
        if step % 3 == 2:
            text += "\nprint(len([]))\n"  # a new call: facts change
        else:
            lines = text.splitlines(keepends=True)
            text = "".join([*lines[: len(lines) // 2], "\n", *lines[len(lines) // 2 :]])
        path.write_text(text)
        assert _index(shop) == _full(shop), path
