"""``impact`` with the cache: a head revision whose changed files provide the linker the same
facts as the base's starts from the base's stored graph (``linker.reuse``) and reports exactly
what linking it does."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from git_support import commit, copy_fixture, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app
from impactgraph.linker import CodeGraph, link

SHOP = Path(__file__).resolve().parents[1] / "fixtures" / "shop"
SEARCH = "packages/catalog/src/catalog/search.py"
runner = CliRunner()


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "shop")
    copy_fixture(SHOP, root)
    commit(root, message="base", tag="base")
    return root


def _edit(root: Path, old: str, new: str) -> None:
    target = root / SEARCH
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def _report(root: Path, *options: str) -> dict[str, Any]:
    # a cache of this test's own, wherever the environment says caches go
    options = options or ("--cache-dir", str(root.parent / "cache"))
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--format",
                                 "json", *options], catch_exceptions=False,
                           env={"IMPACTGRAPH_CACHE_DIR": ""})
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    report["stats"].pop("seconds")
    return report


def _counting_links(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    linked: list[int] = []
    real = link

    def counting(*args: Any) -> CodeGraph:
        linked.append(1)
        return real(*args)

    # the module the command links with now (another test may have swapped it for a while)
    monkeypatch.setattr(sys.modules["impactgraph.linker"], "link", counting)
    return linked


def test_a_body_edit_that_moves_lines_reuses_the_base_graph(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a comment, a blank line and a statement: the lines after it move, no facts change
    _edit(shop, '    """The book whose title matches ``title`` (case-insensitive), or None."""\n',
          '    """The book whose title matches ``title`` (case-insensitive), or None."""\n'
          "    # checked first\n\n    pass\n")
    full = _report(shop, "--no-cache")
    assert full["changes"]
    linked = _counting_links(monkeypatch)
    assert _report(shop) == full
    assert len(linked) == 1  # the base; the head's graph is the base's, its lines moved
    assert _report(shop) == full
    assert len(linked) == 1  # both graphs now stored


def test_a_change_of_facts_links_the_head(shop: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _edit(shop, "        if book.archived and not include_archived:\n",
          "        if book.archived and not include_archived and print(book):\n")
    full = _report(shop, "--no-cache")
    linked = _counting_links(monkeypatch)
    assert _report(shop) == full
    assert len(linked) == 2


@pytest.mark.parametrize("head_edit", ["body", "fixed", "broken"])
def test_files_that_do_not_parse_are_warned_about_from_the_cache_too(
    tmp_path: Path, head_edit: str
) -> None:
    """A warm run reads the summaries of only the files it needs; a file it never reads
    still fails to parse, and the stored graph says so."""
    root = init_repo(tmp_path / "repo")
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/core.py": "def area(w, h):\n    return w * h\n",
        "pkg/bad.py": "def broken(:\n",
        "pkg/other.py": "def fine():\n    return 1\n",
    }, message="base", tag="base")
    edits = {
        "body": {"pkg/core.py": "def area(w, h):\n    return h * w\n"},
        "fixed": {"pkg/bad.py": "def broken():\n    return 0\n"},
        "broken": {"pkg/other.py": "def fine(:\n"},
    }
    commit(root, edits[head_edit], message="head")
    cold = _report(root, "--no-cache")
    assert cold["warnings"]
    assert _report(root) == cold  # the cache filled
    assert _report(root) == cold  # and read
