"""The graph does not depend on string hashing: the same code gives the same edges in every
process (PYTHONHASHSEED changes the iteration order of sets)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SHOP = Path(__file__).resolve().parents[2] / "fixtures" / "shop"
SCRIPT = """
import hashlib, sys
from pathlib import Path
from impactgraph.indexing import index_directory
graph = index_directory(Path(sys.argv[1]), jobs=1).graph
edges = sorted(graph.edges())
print(len(edges), graph.unresolved_calls, hashlib.sha256(repr(edges).encode()).hexdigest())
"""


def test_edges_are_the_same_whatever_the_hash_seed():
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        completed = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(SHOP)],
            capture_output=True, text=True, env=env, check=True,
        )
        outputs.add(completed.stdout)
    assert len(outputs) == 1
