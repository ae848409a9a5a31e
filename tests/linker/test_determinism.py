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
from impactgraph.app.indexing import index_directory
from impactgraph.app.session import Session
graph = index_directory(Path(sys.argv[1]), session=Session(jobs=1)).graph
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


SUMMARY_SCRIPT = """
import hashlib, sys
from impactgraph.indexer.parse import summarize
from impactgraph.serialize import summary_to_bytes
summary = summarize(sys.stdin.read(), "m", "m.py")
print(hashlib.sha256(summary_to_bytes(summary)).hexdigest())
"""

# Rebound parameters and locals give the flow-sensitive indexer many names to version; their
# order once followed a set's (the cache then held summaries that differed by process).
REBINDING = """
def open(root, directory=None, *, warn=None, fingerprint=None, extra=None):
    directory = pick(root, directory)
    fingerprint = fingerprint or default()
    warn = warn or print
    extra = extra if extra is not None else {}
    for alpha in (1, 2):
        beta = alpha
        beta = beta + 1
    gamma = 1
    gamma = directory
    return directory, fingerprint, warn, extra, gamma
"""


OWN_SOURCE_SCRIPT = """
import hashlib, sys
from pathlib import Path
from impactgraph.indexer.parse import summarize
from impactgraph.serialize import summary_to_bytes
digest = hashlib.sha256()
for path in sorted(Path(sys.argv[1]).rglob("*.py")):
    module = ".".join(path.with_suffix("").parts[-2:])
    digest.update(summary_to_bytes(summarize(path.read_text(), module, str(path))))
print(digest.hexdigest())
"""


def _outputs(script: str, *args: str, text: str = "") -> set[str]:
    outputs = set()
    for seed in ("0", "1", "7", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        completed = subprocess.run(
            [sys.executable, "-c", script, *args], input=text,
            capture_output=True, text=True, env=env, check=True,
        )
        outputs.add(completed.stdout)
    return outputs


def test_summaries_are_the_same_whatever_the_hash_seed() -> None:
    assert len(_outputs(SUMMARY_SCRIPT, text=REBINDING)) == 1


def test_summaries_of_our_own_source_are_the_same_whatever_the_hash_seed() -> None:
    package = Path(__file__).resolve().parents[2] / "impactgraph"
    assert len(_outputs(OWN_SOURCE_SCRIPT, str(package))) == 1
