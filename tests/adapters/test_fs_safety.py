"""Walks read regular files inside the tree only; -o never replaces what is not a file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.adapters import fs
from impactgraph.adapters.fs import MAX_FILE_BYTES, iter_python_files, read_source
from impactgraph.adapters.git import GitRepo
from impactgraph.app.snapshot import revision_snapshot, worktree_snapshot
from impactgraph.cli import app
from impactgraph.config import Config
from impactgraph.errors import InputError
from impactgraph.model import Diagnostic

SOURCE = "def helper(x):\n    return x\n"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def hostile_tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    (root / "pkg" / "a.py").write_text(SOURCE, encoding="utf-8")
    os.mkfifo(root / "pkg" / "fifo.py")
    (root / "pkg" / "zero.py").symlink_to("/dev/zero")
    outside = tmp_path / "outside.py"
    outside.write_text("def leaked_secret_name():\n    pass\n", encoding="utf-8")
    (root / "pkg" / "out.py").symlink_to(outside)
    (root / "pkg" / "alias.py").symlink_to(root / "pkg" / "a.py")  # inside: fine
    (root / "pkg" / "big.py").write_text("x = 1\n" * (MAX_FILE_BYTES // 6 + 1), encoding="utf-8")
    return root


def test_the_walk_lists_regular_files_inside_the_tree_and_names_the_rest(
    hostile_tree: Path,
) -> None:
    skipped: list[Diagnostic] = []
    listed = list(iter_python_files(hostile_tree, skipped))
    assert listed == ["pkg/__init__.py", "pkg/a.py", "pkg/alias.py"]
    reasons = {d.path: d.message for d in skipped}
    assert set(reasons) == {"pkg/big.py", "pkg/fifo.py", "pkg/out.py", "pkg/zero.py"}
    assert "leaves the tree" in reasons["pkg/out.py"]
    assert "not a regular file" in reasons["pkg/fifo.py"]
    assert "too large" in reasons["pkg/big.py"]


def test_reading_never_follows_a_link_out_of_the_tree_nor_blocks(hostile_tree: Path) -> None:
    assert read_source(hostile_tree, "pkg/alias.py") == SOURCE.encode()
    for name in ("zero.py", "fifo.py", "out.py", "big.py"):
        with pytest.raises(InputError):
            read_source(hostile_tree, f"pkg/{name}")


@pytest.mark.parametrize("command", [["index", "--format", "json"], ["graph", "--format", "json"],
                                     ["callgraph", "--format", "json"]])
def test_commands_skip_special_files_with_a_warning(hostile_tree: Path, command: list[str]) -> None:
    # a subprocess with a timeout: a FIFO that is opened would hang the command
    completed = subprocess.run(
        [sys.executable, "-m", "impactgraph", command[0], str(hostile_tree), *command[1:],
         "--no-cache", "--jobs", "1"],
        capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert "leaked_secret_name" not in completed.stdout
    for name in ("out.py", "fifo.py", "zero.py", "big.py"):
        assert f"pkg/{name}" in completed.stderr
    if command[0] == "index":
        assert json.loads(completed.stdout)["files"] == 3


# -- -o ----------------------------------------------------------------------------------------


@pytest.fixture()
def small_tree(tmp_path: Path) -> Path:
    root = tmp_path / "small"
    root.mkdir()
    (root / "a.py").write_text(SOURCE, encoding="utf-8")
    return root


def graph_to(root: Path, output: str) -> tuple[int, str, str]:
    return invoke("graph", str(root), "--format", "json", "--no-cache", "-o", output)


def test_output_refuses_a_symbolic_link_and_leaves_it_and_its_target(
    small_tree: Path, tmp_path: Path
) -> None:
    target = tmp_path / "target.json"
    target.write_text("keep\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    code, _, err = graph_to(small_tree, str(link))
    assert code == 3 and "symbolic link" in err
    assert err.count("\n") == 1
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep\n"
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere")
    assert graph_to(small_tree, str(dangling))[0] == 3
    assert not (tmp_path / "nowhere").exists()


def test_output_writes_a_fifo_in_place(small_tree: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    ready = threading.Event()

    def read() -> None:
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        ready.set()
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                # EOF also before the writer opens: wait for it
                if chunks:
                    break
                threading.Event().wait(0.05)
                continue
            chunks.append(chunk)
        os.close(fd)
        received.append(b"".join(chunks))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(10)
    code, _, err = graph_to(small_tree, str(fifo))
    reader.join(30)
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])["nodes"]


def test_output_to_a_fifo_nobody_reads_is_an_error_not_a_hang(
    small_tree: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "nobody.fifo"
    os.mkfifo(fifo)
    code, _, err = graph_to(small_tree, str(fifo))
    assert code == 3 and "cannot write" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_to_character_devices_and_stdout(small_tree: Path) -> None:
    code, out, err = graph_to(small_tree, "/dev/null")
    assert code == 0, err
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    code, out, err = graph_to(small_tree, "/dev/stdout")
    assert code == 0, err
    assert json.loads(out)["nodes"]


def test_output_replaces_a_regular_file_keeping_its_mode(small_tree: Path, tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    code, _, err = graph_to(small_tree, str(target))
    assert code == 0, err
    assert json.loads(target.read_text(encoding="utf-8"))["nodes"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("size", [0, 1, 9, 10, 11, 4096, 70_000])
def test_a_bounded_read_gives_the_file_up_to_one_byte_past_the_limit(
    tmp_path: Path, size: int
) -> None:
    from impactgraph.adapters.fs import read_bounded

    path = tmp_path / "m.py"
    data = bytes(i % 251 for i in range(size))
    path.write_bytes(data)
    assert read_bounded(path, limit=10) == data[:11]
    assert read_bounded(path) == data
    fifo = tmp_path / "f.py"
    os.mkfifo(fifo)
    with pytest.raises(InputError):
        read_bounded(fifo)


def test_output_keeps_a_file_the_user_made_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the atomic write renames over the file, which its own permissions do not stop; a shell's
    # ``>`` refuses such a file, and so does ``-o`` now (root may write anything: simulated)
    target = tmp_path / "report.json"
    target.write_text("kept\n")
    target.chmod(0o444)
    if os.geteuid() == 0:
        real = os.access
        monkeypatch.setattr(os, "access", lambda path, mode: (
            False if mode == os.W_OK and str(path) == str(target) else real(path, mode)))
    with pytest.raises(InputError, match="Permission denied"):
        fs.write_text_file(str(target), "new\n")
    assert target.read_text() == "kept\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_working_tree_file_too_large_is_not_given_the_read_cap_as_its_size(
    tmp_path: Path,
) -> None:
    # the working tree reads one byte past the limit: that is no file's size
    root = init_repo(tmp_path / "repo")
    big = "x = 1\n" * (MAX_FILE_BYTES // 6 + 1000)
    commit(root, {"pkg/__init__.py": "", "pkg/big.py": big})
    for snapshot, said in [(worktree_snapshot(GitRepo(root), Config()),
                            f"more than {MAX_FILE_BYTES} bytes"),
                           (revision_snapshot(GitRepo(root), "HEAD", Config()),
                            f"{len(big)} bytes")]:
        with pytest.raises(InputError) as caught:
            snapshot.reader(["pkg/big.py"])("pkg/big.py")
        assert str(caught.value).endswith(f"file too large to analyse ({said})")
