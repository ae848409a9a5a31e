"""The working tree of a sparse checkout (a monorepo's CI checks out some packages only):
the files it leaves out are in the index with the skip-worktree bit, not deleted, and ``git
status`` is clean. Each was a breaking ``module-removed``, so ``--fail-on breaking`` failed an
unchanged tree, and the callers living there were left out of a real change's report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from git_support import IDENTITY, commit, git, init_repo

FILES = {
    "pkg/__init__.py": "",
    "pkg/core.py": "def find(a, b=1):\n    return a + b\n",
    "tests/test_core.py": "from pkg.core import find\n\n\ndef test_find():\n"
                          "    assert find(1) == 2\n",
    "other/__init__.py": "",
    "other/user.py": "from pkg.core import find\n\n\ndef use():\n    return find(1, 2)\n",
}


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "impactgraph", *args], cwd=root, text=True,
                          capture_output=True, check=False, timeout=300,
                          env={**os.environ, **IDENTITY})


def test_files_a_sparse_checkout_leaves_out_are_not_removed(tmp_path: Path) -> None:
    source = init_repo(tmp_path / "source")
    commit(source, FILES)
    root = tmp_path / "sparse"
    subprocess.run(["git", "clone", "-q", str(source), str(root)], check=True,
                   env={**os.environ, **IDENTITY})
    try:
        git(root, "sparse-checkout", "set", "pkg", "tests")
    except AssertionError:
        pytest.skip("this git has no sparse-checkout command")
    assert not (root / "other" / "user.py").exists()
    assert git(root, "status", "--short") == ""
    unchanged = _run(root, "impact", "--base", "HEAD", "--fail-on", "breaking")
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
    (root / "pkg" / "core.py").write_text("def find(a):\n    return a + 1\n")
    done = _run(root, "impact", "--base", "HEAD", "--format", "json")
    report = json.loads(done.stdout)
    broken = {a["module"] for a in report["affected"] if a["breaking"]}
    assert broken == {"other.user"}  # find(1, 2), in a file not checked out
    assert sorted(c["kind"] for c in report["changes"]) == ["body-changed", "parameter-removed"]
