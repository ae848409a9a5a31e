"""A subclass that declares itself abstract (``abc.ABC`` among its own bases, or
``metaclass=ABCMeta``) and lacks a member its base made abstract is not broken by that: it
is not meant to be instantiated. Code that instantiates it still breaks.

pytest 7.4.4 -> 8.0.0 made ``Collector.collect`` abstract; ``FSCollector``, ``File`` and the
new ``Directory`` (each ``(..., abc.ABC)``) lack it, and ``_pytest.nodes`` was called broken.
"""

from __future__ import annotations

import textwrap

from helpers import graph_of

from impactgraph.config import Config
from impactgraph.diff import diff_summaries
from impactgraph.discovery import discover
from impactgraph.impact.analyse import analyse
from impactgraph.indexer import summarize
from impactgraph.model import ChangeSet, ImpactReport

BASE = {
    "nodes.py": """\
        import abc

        class Collector(abc.ABC):
            def collect(self):
                raise NotImplementedError

        class FSCollector(Collector, abc.ABC):
            def path(self):
                return "."

        class Dir(FSCollector):
            def collect(self):
                return []
    """,
    "meta.py": """\
        from abc import ABCMeta

        from nodes import Collector

        class Grouped(Collector, metaclass=ABCMeta):
            pass
    """,
    "concrete.py": """\
        from nodes import Collector

        class Plain(Collector):
            pass
    """,
    "use.py": """\
        from nodes import Dir, FSCollector

        def walk():
            return Dir().collect()

        def make():
            return FSCollector()
    """,
}
ABSTRACT = BASE["nodes.py"].replace(
    "            def collect(self):\n                raise NotImplementedError",
    "            @abc.abstractmethod\n            def collect(self):\n"
    "                raise NotImplementedError", 1)


def report(old: dict[str, str], new: dict[str, str]) -> ImpactReport:
    summaries = [{f.module: summarize(textwrap.dedent(files[f.path]), f.module, f.path)
                  for f in discover(files)} for files in (old, new)]
    changes = diff_summaries(*summaries)
    changed = sorted(p for p in set(old) | set(new) if old.get(p) != new.get(p))
    return analyse(ChangeSet("base", "head", tuple(changes)), graph_of(old), graph_of(new),
                   Config(), changed_paths=changed, head_files=sorted(new))


def verdicts(found: ImpactReport) -> dict[str, bool]:
    return {a.module: a.breaking for a in found.affected}


def test_a_declared_abstract_subclass_lacking_the_member_is_not_broken() -> None:
    found = report(BASE, {**BASE, "nodes.py": ABSTRACT})
    assert ("nodes:Collector.collect", "abstract-member-added") in {
        (c.symbol, c.kind.value) for c in found.changes}
    affected = verdicts(found)
    assert affected.get("nodes") is not True  # FSCollector is an ABC: not made
    assert affected.get("meta") is not True  # Grouped's metaclass makes it one too
    assert affected["concrete"] is True  # Plain lacks collect, and is concrete
    assert affected["use"] is True  # FSCollector() raises TypeError now
