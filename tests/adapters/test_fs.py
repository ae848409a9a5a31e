"""Writing outputs: atomic, with ordinary permissions, clear errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from impactgraph.adapters.fs import write_bytes_file, write_text_file
from impactgraph.errors import InputError


def test_new_file_gets_the_umask_mode(tmp_path: Path):
    target = tmp_path / "report.json"
    old = os.umask(0o022)
    try:
        write_text_file(str(target), "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8") == "{}\n"


def test_existing_file_keeps_its_mode_and_is_replaced_whole(tmp_path: Path):
    target = tmp_path / "report.svg"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes_file(str(target), b"<svg/>")
    assert target.read_bytes() == b"<svg/>"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.svg"]  # no temporary left


@pytest.mark.parametrize("name", [".", "missing/dir/out.txt"])
def test_bad_output_paths_are_input_errors(tmp_path: Path, name: str):
    with pytest.raises(InputError):
        write_text_file(str(tmp_path / name), "x")
