"""A string of Python source that imports our module and calls into it (``timeit``'s setup
code in tabulate 0.9's benchmark.py): the call is recorded without its arguments, which the
string's code passes when it runs, if it ever does. It is no certain break; a call the
module itself writes is judged as ever."""

from __future__ import annotations

import json
from pathlib import Path

from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()

LIB = 'def tabulate(data, headers=(), numalign="decimal"):\n    return data\n'
HEAD = 'def tabulate(data, fmt, headers=(), numalign="decimal"):\n    return data\n'

IN_STRING = '''\
import lib

SETUP = """
import lib


def run(table):
    return lib.tabulate(table)
"""
'''

WRITTEN = "import lib\n\nTABLE = lib.tabulate([])\n"


def report_of(tmp_path: Path, users: dict[str, str]) -> dict:
    root = init_repo(tmp_path / "repo")
    commit(root, {"lib.py": LIB, **users}, tag="base")
    commit(root, {"lib.py": HEAD}, tag="head")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                                 "head", "--format", "json"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert ("lib:tabulate", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    return report


def test_a_call_in_a_string_of_source_is_no_certain_break(tmp_path: Path) -> None:
    report = report_of(tmp_path, {"bench.py": IN_STRING, "table.py": WRITTEN})
    assert {"bench", "table"} <= {m["module"] for m in report["affected"]}
    assert {m["module"] for m in report["affected"] if m["breaking"]} == {"table"}
