"""A file that cannot be analysed is a warning with its path; indexing goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from impactgraph.app.indexing import index_directory
from impactgraph.indexer import summarize, summarize_bytes


def test_syntax_error_is_a_summary_with_the_line():
    summary = summarize("def broken(:\n    pass\n", "m", "m.py")
    assert summary.error is not None and "syntax error" in summary.error
    assert "line 1" in summary.error
    assert summary.definitions == ()


def test_not_utf8_is_reported():
    summary = summarize_bytes("x = 'caf\xe9'\n".encode("latin-1"), "m", "m.py")
    assert summary.error is not None and "UTF-8" in summary.error


def test_coding_cookie_is_honoured():
    data = "# -*- coding: latin-1 -*-\ndef caf\xe9():\n    pass\n".encode("latin-1")
    summary = summarize_bytes(data, "m", "m.py")
    assert summary.error is None
    assert [d.qualname for d in summary.definitions] == ["caf\xe9"]


def test_null_bytes_are_reported():
    summary = summarize_bytes(b"x = 1\x00\n", "m", "m.py")
    assert summary.error is not None


def test_deep_nesting_does_not_crash():
    depth = 3000
    source = "x = " + "(" * depth + "1" + ")" * depth + "\n"
    summary = summarize(source, "m", "m.py")  # astroid or we give up: either way, no crash
    assert summary.module == "m"
    chain = "def f():\n    return a" + ".b" * 5000 + "()\n"
    assert summarize(chain, "m", "m.py").module == "m"


def test_nothing_from_the_analysed_code_runs(tmp_path: Path):
    marker = tmp_path / "ran"
    (tmp_path / "evil.py").write_text(
        f"open({str(marker)!r}, 'w').write('x')\n"
        "import os\nos.system('touch " + str(marker) + "')\n",
        encoding="utf-8",
    )
    index_directory(tmp_path)
    assert not marker.exists()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_broken_tree_is_indexed_with_warnings(tmp_path: Path):
    (tmp_path / "good.py").write_text("def ok():\n    return 1\n", encoding="utf-8")
    (tmp_path / "user.py").write_text("from good import ok\n\ndef use():\n    return ok()\n",
                                      encoding="utf-8")
    (tmp_path / "bad.py").write_text("def (:\n", encoding="utf-8")
    (tmp_path / "latin.py").write_bytes("s = '\xe9'\n".encode("latin-1"))
    (tmp_path / "loop").mkdir()
    os.symlink(tmp_path / "loop", tmp_path / "loop" / "again")  # a directory link loop
    os.symlink(tmp_path / "self.py", tmp_path / "self.py")  # a file link to itself
    os.symlink(tmp_path / "missing.py", tmp_path / "dangling.py")
    huge = tmp_path / "huge.py"
    huge.write_text("x = 1\n" * 400_000, encoding="utf-8")
    result = index_directory(tmp_path)
    warned = {w.path for w in result.warnings}  # skipped by the walk, or by the reader
    assert {"bad.py", "latin.py", "self.py", "dangling.py", "huge.py"} <= warned
    assert all(w.message for w in result.warnings)
    assert ("user:use", "good:ok", "calls") in set(result.graph.edges(["calls"]))
