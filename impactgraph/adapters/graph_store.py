"""Linked graphs kept under ``.impactgraph/graphs/``, keyed by the exact tree they describe.

Linking is the costly step once summaries are cached (5-6 s on Django), so a tree seen before
(the base of a pull request, an unchanged working tree) is loaded instead of linked again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from impactgraph.adapters.cache import ANALYZER_SOURCES, analyzer_fingerprint
from impactgraph.linker import CodeGraph
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict

KEEP = 6  # snapshots kept: the newest, by use
GRAPH_SOURCES = ("linker", "discovery.py")  # besides what shapes the summaries


def graph_fingerprint() -> str:
    """Changes whenever the code that makes summaries, or links them, changes."""
    return analyzer_fingerprint(sources=(*ANALYZER_SOURCES, *GRAPH_SOURCES))


def tree_key(files: Iterable[tuple[str, str, bool, str]]) -> str:
    """The key of a tree: every (path, module, is_package, content id), and our fingerprint."""
    digest = hashlib.sha256(graph_fingerprint().encode())
    for path, module, is_package, content_id in sorted(files):
        digest.update(f"{path}\0{module}\0{is_package}\0{content_id}\n".encode())
    return digest.hexdigest()[:32]


class GraphStore:
    def __init__(self, root: Path) -> None:
        self.folder = Path(root) / ".impactgraph" / "graphs"

    def load(self, key: str) -> CodeGraph | None:
        path = self.folder / f"{key}.json.gz"
        try:
            with gzip.open(path, "rt", encoding="utf-8") as stream:
                graph = graph_from_dict(json.load(stream))
            os.utime(path)  # recently used: kept longest
            if graph is not None and not (self.folder / f"{key}.counts.json").is_file():
                self._save_counts(key, graph)
        except (OSError, ValueError, EOFError):
            return None  # missing, corrupt or foreign: link again
        return graph

    def save(self, key: str, graph: CodeGraph) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            data = json.dumps(graph_to_dict(graph), separators=(",", ":")).encode("utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb",
                                                               compresslevel=3) as stream:
                stream.write(data)
            os.replace(temporary, self.folder / f"{key}.json.gz")
            self._save_counts(key, graph)
            self._prune()
        except OSError:
            return  # an unwritable cache only costs time

    def _save_counts(self, key: str, graph: CodeGraph) -> None:
        summary = {
            "counts": graph.counts(),
            "warnings": [[w.path, w.message] for w in graph.warnings],
        }
        (self.folder / f"{key}.counts.json").write_text(json.dumps(summary), encoding="utf-8")

    def load_counts(self, key: str) -> tuple[dict[str, int], list[tuple[str, str]]] | None:
        """The counts and warnings of a linked tree, without loading its graph."""
        path = self.folder / f"{key}.counts.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            counts = {str(k): int(v) for k, v in data["counts"].items()}
            warnings = [(str(p), str(m)) for p, m in data["warnings"]]
            snapshot = self.folder / f"{key}.json.gz"
            if not snapshot.is_file():
                return None
            os.utime(snapshot)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return counts, warnings

    def _prune(self) -> None:
        snapshots = sorted(self.folder.glob("*.json.gz"), key=lambda p: p.stat().st_mtime)
        for stale in snapshots[:-KEEP]:
            stale.unlink(missing_ok=True)
            (stale.parent / stale.name.replace(".json.gz", ".counts.json")).unlink(
                missing_ok=True
            )
