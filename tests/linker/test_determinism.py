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


ORDER_SCRIPT = """
from impactgraph.indexer import summarize
from impactgraph.linker import link
DECORATED = '''
def deco(f):
    if f.__doc__:
        return f
    def wrapper(*args):
        return f(*args)
    return wrapper

@deco
def g():
    return 1
'''
graph = link([summarize(DECORATED, "a", "a.py"), summarize("from a import g\\n", "b", "b.py")],
             jobs=1)
print([e for e in graph.graph.edges(keys=True) if e[2] == "imports"])
"""


def test_edges_are_added_in_the_same_order_whatever_the_hash_seed():
    # ``from a import g``, where ``g`` is the function or the decorator's wrapper: one import
    # edge to each, once added in the order a set of the two iterated (a snapshot's edge order,
    # and the order the impact walks meet those edges in, then varied by process)
    outputs = set()
    for seed in ("1", "3", "5", "6"):
        completed = subprocess.run(
            [sys.executable, "-c", ORDER_SCRIPT], capture_output=True, text=True,
            env={**os.environ, "PYTHONHASHSEED": seed}, check=True,
        )
        assert "a:deco.wrapper', 'imports" in completed.stdout
        assert "'a:g', 'imports" in completed.stdout
        outputs.add(completed.stdout)
    assert len(outputs) == 1
