"""A module kept as a symbolic link to another file of the tree (``compat.py -> core.py``, an
old import path) is that file under its own name, in committed revisions and in the working
tree: it was left out of both, so its importers' calls went unresolved and a module broken
through it was not reported (``--fail-on broken`` passed while the code raised). A link out of
the tree, or to nothing, is still no source of the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from git_support import IDENTITY, commit, git, init_repo

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")


def _impact(root: Path, *args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "impactgraph", "impact", "--format", "json",
                           *args], cwd=root, text=True, capture_output=True, check=False,
                          timeout=300, env={**os.environ, **IDENTITY})
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def _repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "repo")
    (tmp_path / "outside.py").write_text("def find(a, b=1):\n    return a\n")
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/core.py": "def find(a, b=1):\n    return a + b\n",
        "pkg/user.py": "from pkg.compat import find\n\n\ndef use():\n    return find(1, 2)\n",
        "pkg/other.py": "from pkg.ext import find\n\n\ndef use():\n    return find(1, 2)\n",
    })
    os.symlink("core.py", root / "pkg" / "compat.py")
    os.symlink("../../outside.py", root / "pkg" / "ext.py")  # out of the tree
    os.symlink("gone.py", root / "pkg" / "dangling.py")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "links")
    git(root, "tag", "base")
    (root / "pkg" / "core.py").write_text("def find(a):\n    return a + 1\n")
    return root


def _broken(report: dict[str, Any]) -> set[str]:
    return {a["module"] for a in report["affected"] if a["breaking"]}


def test_a_module_linked_to_another_is_that_module_in_the_working_tree(tmp_path: Path) -> None:
    report = _impact(_repo(tmp_path), "--base", "base")
    assert _broken(report) == {"pkg.user"}
    symbols = {c["symbol"] for c in report["changes"]}
    assert symbols == {"pkg.core:find", "pkg.compat:find"}


def test_and_in_committed_revisions(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    git(root, "commit", "-qam", "find loses b")
    report = _impact(root, "--base", "base", "--head", "HEAD")
    assert _broken(report) == {"pkg.user"}
