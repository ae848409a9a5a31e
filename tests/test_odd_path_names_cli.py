"""File and folder names users' repositories really hold: a name that is not UTF-8 (Latin-1
bytes from old tools; git keeps them as bytes), and a repository whose path is not ASCII on a
host whose locale is not UTF-8. Both ended in an internal error (exit 4) on every command: a
surrogate-escaped path was encoded as strict UTF-8 (the graph store's tree key, the re-export
check, the cache's stat index), and git's paths were decoded as UTF-8 where the filesystem
encoding is ASCII."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from git_support import commit, git, init_repo

FILES = {
    "pkg/__init__.py": "",
    "pkg/core.py": "def find(a, b=1):\n    return a + b\n",
    "pkg/api.py": "from pkg.core import find\n\n\ndef api(x):\n    return find(x, 2)\n",
    "tests/test_api.py": "from pkg.api import api\n\n\ndef test_api():\n    assert api(1) == 3\n",
}


def _run(root: Path, *args: str, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "impactgraph", *args], cwd=root,
                          capture_output=True, env={**os.environ, **(env or {})}, check=False,
                          timeout=300)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse such names")
def test_a_file_name_that_is_not_utf8_is_analysed_like_any_other(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, FILES, tag="base")
    os.makedirs(os.path.join(os.fsencode(root), b"caf\xe9"))
    with open(os.path.join(os.fsencode(root), b"caf\xe9", b"mod.py"), "wb") as stream:
        stream.write(b"x = 1\n")
    with open(os.path.join(os.fsencode(root), b"tests", b"test_l\xe9.py"), "wb") as stream:
        stream.write(b"from pkg.api import api\n\n\ndef test_x():\n    api(1)\n")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "latin-1 names")
    git(root, "tag", "named")
    (root / "pkg" / "core.py").write_text("def find(a):\n    return a + 1\n")
    for _ in range(2):  # the second run reads what the first stored
        done = _run(root, "tests", "--base", "named")
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        assert done.stdout.splitlines() == [b"tests/test_api.py", b"tests/test_l\xe9.py"]
    done = _run(root, "impact", "--base", "named", "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert os.fsencode("tests/test_l\udce9.py") in {os.fsencode(t) for t in report["tests"]}
    for command in (["index"], ["changes", "--base", "base", "--format", "json"]):
        assert _run(root, *command).returncode == 0


def test_a_repository_path_that_is_not_ascii_under_an_ascii_locale(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "café-repo")
    commit(root, FILES, tag="base")
    (root / "pkg" / "core.py").write_text("def find(a):\n    return a + 1\n")
    done = _run(root, "tests", "--base", "base",
                env={"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [b"tests/test_api.py"]
