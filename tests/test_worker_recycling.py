"""Workers are replaced every so often without the pool hanging: Python 3.11 to 3.15b3's
``max_tasks_per_child`` could stop scheduling the chunks left once a worker reached its limit
and wait forever (CPython gh-115634; `index` of a 2,000-module tree hung)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from pathlib import Path
from impactgraph.app import indexing
from impactgraph.app.indexing import index_directory
from impactgraph.app.session import Session
indexing.CHUNKS_PER_WORKER = 2  # a new pool after every four chunks (two workers)
indexing.MAX_CHUNK = 4
graph = index_directory(Path(sys.argv[1]), session=Session(jobs=int(sys.argv[2]))).graph
print(len(graph.graph), sorted(graph.graph.edges()))
"""


def test_replacing_workers_often_neither_hangs_nor_changes_the_graph(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for number in range(160):
        (package / f"m{number}.py").write_text(
            f"from pkg.m{max(number - 1, 0)} import f{max(number - 1, 0)}\n\n"
            f"def f{number}(x):\n    return f{max(number - 1, 0)}(x) if x else {number}\n"
        )
    outputs = [
        subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), jobs], capture_output=True,
                       text=True, timeout=120, check=True).stdout
        for jobs in ("2", "1")
    ]
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith("321 ")  # 161 modules and 160 functions
