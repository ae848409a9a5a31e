"""A string of Python source that imports our module and calls into it (``timeit``'s setup
code in tabulate 0.9's benchmark.py): the call is recorded without its arguments, which the
string's code passes when it runs, if it ever does. It is no certain break; a call the
module itself writes is judged as ever."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from git_support import broken_modules, impact_between

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


def report_of(tmp_path: Path, users: dict[str, str]) -> dict[str, Any]:
    report = impact_between({"lib.py": LIB, **users}, {"lib.py": HEAD}, tmp_path)
    assert ("lib:tabulate", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    return report


def test_a_call_in_a_string_of_source_is_no_certain_break(tmp_path: Path) -> None:
    report = report_of(tmp_path, {"bench.py": IN_STRING, "table.py": WRITTEN})
    assert {"bench", "table"} <= {m["module"] for m in report["affected"]}
    assert broken_modules(report) == {"table"}
