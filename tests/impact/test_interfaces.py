"""Interface evolution in the impact report: implementations and their instantiators break."""

from __future__ import annotations

import textwrap

from helpers import graph_of

from impactgraph.config import Config
from impactgraph.diff import diff_summaries
from impactgraph.discovery import discover
from impactgraph.impact.analyse import analyse
from impactgraph.indexer import summarize
from impactgraph.model import ChangeSet, ImpactReport

STORE = """\
    from abc import ABC, abstractmethod

    class Store(ABC):
        @abstractmethod
        def get(self, key): ...
    """
STORE_WITH_PUT = STORE + """\

        @abstractmethod
        def put(self, key, value): ...
    """
IMPLEMENTATIONS = """\
    from iface import Store

    class MemStore(Store):
        def get(self, key):
            return 1

    class FullStore(Store):
        def get(self, key):
            return 2

        def put(self, key, value):
            pass
    """
BASE = {
    "iface.py": STORE,
    "mem.py": IMPLEMENTATIONS,
    "cached.py": "from mem import MemStore\n\nclass Cached(MemStore):\n    pass\n",
    "app.py": "from mem import MemStore\n\ndef make():\n    return MemStore()\n\n"
              "def run():\n    return make().get(1)\n",
    "other.py": "from mem import FullStore\n\ndef make2():\n    return FullStore()\n",
    "defaults.py": "from mem import MemStore\n\nDEFAULT = MemStore()\n",
    "config.py": "from defaults import DEFAULT\n\ndef store():\n    return DEFAULT\n",
    "tests/test_app.py": "from app import run\n\ndef test_run():\n    run()\n",
}


def report(old: dict[str, str], new: dict[str, str]) -> ImpactReport:
    summaries = {}
    for files in (old, new):
        summaries[id(files)] = {
            f.module: summarize(textwrap.dedent(files[f.path]), f.module, f.path)
            for f in discover(files)
        }
    changes = diff_summaries(summaries[id(old)], summaries[id(new)])
    changed = sorted(p for p in set(old) | set(new) if old.get(p) != new.get(p))
    return analyse(ChangeSet("base", "head", tuple(changes)), graph_of(old), graph_of(new),
                   Config(), changed_paths=changed, head_files=sorted(new))


def verdicts(found: ImpactReport) -> dict[str, bool]:
    return {a.module: a.breaking for a in found.affected}


def test_abc_gains_an_abstract_method() -> None:
    found = report(BASE, {**BASE, "iface.py": STORE_WITH_PUT})
    assert [(c.symbol, c.kind.value) for c in found.changes] == [
        ("iface:Store.put", "abstract-member-added")]
    affected = verdicts(found)
    assert affected["mem"] is True  # MemStore lacks put
    assert affected["cached"] is True  # so does its subclass
    assert affected["app"] is True  # it instantiates MemStore
    assert affected["test_app"] is False  # it calls run, which is fine itself
    assert "other" not in affected  # FullStore has put
    assert affected["defaults"] is True  # instantiates at import time
    assert affected["config"] is True  # ...so importing it fails
    assert found.tests == ("tests/test_app.py",)


def test_interface_method_renamed_with_an_implementation_left_behind() -> None:
    renamed = STORE.replace("def get(self, key)", "def fetch(self, key)")
    found = report(BASE, {**BASE, "iface.py": renamed})
    kinds = {(c.symbol, c.kind.value) for c in found.changes}
    assert kinds == {("iface:Store.get", "symbol-removed"),
                     ("iface:Store.fetch", "abstract-member-added")}
    affected = verdicts(found)
    assert affected["mem"] is True and affected["app"] is True
    assert "other" in affected  # FullStore.get implements nothing now


SHAPES = {
    "shapes.py": """\
        from abc import ABC, abstractmethod

        class Shape(ABC):
            @abstractmethod
            def area(self): ...

            def describe(self):
                return "shape"
        """,
    "square.py": """\
        from shapes import Shape

        class Square(Shape):
            def area(self):
                return 1

            def describe(self):
                return "square"
        """,
    "use.py": "from square import Square\n\ndef build():\n    return Square()\n",
    "measure.py": "from shapes import Shape\n\ndef measure(s: Shape):\n    return s.area()\n\n"
                  "def show(s: Shape):\n    return s.describe()\n",
}
SHAPES = {path: textwrap.dedent(text) for path, text in SHAPES.items()}


def test_removed_override_with_an_abstract_fallback_breaks_callers_and_instantiators() -> None:
    square = SHAPES["square.py"].replace("def area(self):\n        return 1\n\n    ", "")
    found = report(SHAPES, {**SHAPES, "square.py": square})
    assert {(c.symbol, c.kind.value, c.breaking) for c in found.changes} == {
        ("square:Square.area", "symbol-removed", True)}
    affected = verdicts(found)
    assert affected["measure"] is True  # s.area() may reach the removed override
    assert affected["use"] is True  # Square is abstract now


def test_removed_override_with_a_concrete_fallback_affects_callers() -> None:
    square = SHAPES["square.py"].replace("def describe(self):\n        return \"square\"\n", "")
    found = report(SHAPES, {**SHAPES, "square.py": square})
    assert {(c.symbol, c.kind.value, c.breaking) for c in found.changes} == {
        ("square:Square.describe", "symbol-removed", False)}
    affected = verdicts(found)
    assert affected.get("measure") is False  # show() now runs Shape.describe for a Square


SINKS = {
    "proto.py": "from typing import Protocol\n\nclass Sink(Protocol):\n"
                "    def write(self, s: str) -> None: ...\n",
    "sinks.py": "class FileSink:\n    def write(self, s):\n        pass\n\n"
                "class GoodSink:\n    def write(self, s):\n        pass\n\n"
                "    def flush(self):\n        pass\n",
    "emit.py": "from proto import Sink\n\ndef emit(sink: Sink):\n    sink.write('x')\n",
}


def test_protocol_gains_a_member() -> None:
    proto = SINKS["proto.py"] + "    def flush(self) -> None: ...\n"
    found = report(SINKS, {**SINKS, "proto.py": proto})
    assert {(c.symbol, c.kind.value) for c in found.changes} == {
        ("proto:Sink.flush", "abstract-member-added")}
    affected = verdicts(found)
    assert affected["sinks"] is True  # FileSink no longer conforms
    chains = {a.module: a.via for a in found.affected}
    assert chains["sinks"] == ("proto:Sink.flush", "sinks:FileSink")


def test_protocol_member_breaks_who_passes_a_lacking_implementation() -> None:
    files = {
        **SINKS,
        "use.py": "from sinks import FileSink, GoodSink\nfrom emit import emit\n\n"
                  "def bad():\n    s = FileSink()\n    emit(s)\n\n"
                  "def bad_keyword():\n    emit(sink=FileSink())\n\n"
                  "def good():\n    emit(GoodSink())\n",
        "make.py": "from sinks import FileSink\n\ndef build():\n    return FileSink()\n",
        "fine.py": "from sinks import GoodSink\nfrom emit import emit\n\n"
                   "def good():\n    emit(GoodSink())\n",
    }
    proto = SINKS["proto.py"] + "    def flush(self) -> None: ...\n"
    found = report(files, {**files, "proto.py": proto})
    affected = verdicts(found)
    assert affected["use"] is True  # bad() hands a FileSink to emit(sink: Sink)
    chains = {a.module: a.via for a in found.affected}
    assert chains["use"][:2] == ("proto:Sink.flush", "sinks:FileSink")
    assert affected.get("make") is False  # making one is fine; it conforms to nothing typed
    assert not affected.get("fine")  # GoodSink has flush


BAGS = {
    "bags.py": textwrap.dedent("""\
        from collections.abc import MutableSet
        import collections.abc


        class Bag(MutableSet):
            def __init__(self):
                self.items = set()

            def __contains__(self, x):
                return x in self.items

            def __iter__(self):
                return iter(self.items)

            def __len__(self):
                return len(self.items)

            def add(self, x):
                self.items.add(x)

            def discard(self, x):
                self.items.discard(x)

            def tidy(self):
                return None


        class Sized(collections.abc.Sized):
            def __len__(self):
                return 0
        """),
    "use.py": "from bags import Bag, Sized\n\ndef build():\n    return Bag()\n\n"
              "def size():\n    return Sized()\n",
}


def test_removed_method_a_standard_library_abc_declares_abstract_breaks_instantiators() -> None:
    length = "    def __len__(self):\n        return len(self.items)\n\n"
    bags = BAGS["bags.py"].replace(length, "", 1)
    found = report(BAGS, {**BAGS, "bags.py": bags})
    assert {(c.symbol, c.breaking) for c in found.changes} == {("bags:Bag.__len__", True)}
    assert verdicts(found)["use"] is True  # Bag() raises TypeError: Bag is abstract now


def test_abstract_base_spelled_through_a_module_import() -> None:
    bags = BAGS["bags.py"].replace("    def __len__(self):\n        return 0\n", "    pass\n")
    found = report(BAGS, {**BAGS, "bags.py": bags})
    assert {c.symbol for c in found.changes} == {"bags:Sized.__len__"}
    assert verdicts(found)["use"] is True  # Sized() raises TypeError


def test_removed_method_no_abc_declares_abstract_breaks_no_instantiator() -> None:
    bags = BAGS["bags.py"].replace("    def tidy(self):\n        return None\n", "")
    found = report(BAGS, {**BAGS, "bags.py": bags})
    assert {c.symbol for c in found.changes} == {"bags:Bag.tidy"}
    assert "use" not in verdicts(found)  # build() still makes a Bag; nothing calls tidy
