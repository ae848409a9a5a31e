"""A lookup on a class with many subclasses visits only the subclasses where it may differ.

A test suite has thousands of ``TestCase`` subclasses; a method of the base that reads
``self.name`` is dispatched over all of them. The answer must be what visiting every subclass
gives, while the subclasses that bind nothing of the name are not visited one by one.
"""

from __future__ import annotations

import importlib

from helpers import graph_of, summaries_of

from impactgraph.linker.resolve import Resolver
from impactgraph.linker.values import Bound

link_module = importlib.import_module("impactgraph.linker.link")

PLAIN = "\n".join(
    f"class Plain{n}(Base):\n    def test_{n}(self):\n        self.check()\n" for n in range(40)
)
SOURCE = f"""
import threading


class Base:
    def check(self):
        return self.helper()

    def helper(self):
        return 1

    def setup(self):
        return super().setup()


class Mixin:
    def helper(self):
        return 2

    def setup(self):
        return 3


class Mixed(Base, Mixin):  # Mixin comes after Base: Base's helper wins
    pass


class MixedFirst(Mixin, Base):  # Mixin comes first: its helper wins
    pass


class Below(Plain3):
    def helper(self):
        return 4


class Stored(Plain5):
    def __init__(self):
        self.extra = len


class Lazy(Plain7):
    def __getattr__(self, name):
        return name


class Threaded(Plain9, threading.Thread):
    pass


{PLAIN}
"""


def every_subclass(resolver: Resolver, cls: str, name: str) -> set:
    """What dispatching ``name`` gave when every subclass was visited."""
    found = set(resolver.instance_lookup(cls, name))
    for sub in resolver.implementations(cls):
        found |= {
            v._replace(mark="dispatch") if isinstance(v, Bound) and not v.mark else v
            for v in resolver.instance_lookup(sub, name)
            if v not in found
        }
    return found


def test_dispatch_finds_what_visiting_every_subclass_finds() -> None:
    summaries = summaries_of({"suite.py": SOURCE})
    fast = Resolver(summaries)
    slow = Resolver(summaries)
    for cls in ("suite:Base", "suite:Plain3", "suite:Plain5", "suite:Plain9", "suite:Mixin"):
        for name in ("helper", "check", "extra", "setup", "missing", "run", "__call__"):
            assert fast.dispatch_lookup(cls, name) == every_subclass(slow, cls, name), (cls, name)


def test_only_the_subclasses_that_may_differ_are_visited() -> None:
    resolver = Resolver(summaries_of({"suite.py": SOURCE}))
    everyone = resolver.implementations("suite:Base")
    assert len(everyone) > 40
    # with a class in the MRO that Base's lacks and that binds the name (before or after
    # Base), or a __getattr__, or an outside base (which may have it)
    special = {"suite:Lazy", "suite:Threaded"}
    assert set(resolver.varying("suite:Base", ("helper",))) == special | {
        "suite:Mixed", "suite:MixedFirst", "suite:Below"}
    assert set(resolver.varying("suite:Base", ("extra",))) == special | {"suite:Stored"}
    assert set(resolver.varying("suite:Plain3", ("helper",))) == {"suite:Below"}


def test_the_graph_keeps_every_override_reached_by_dispatch() -> None:
    graph = graph_of({"suite.py": SOURCE})
    check = {t for t, k in graph.successors("suite:Base.check") if k == "calls"}
    assert check == {
        "suite:Base.helper", "suite:Mixin.helper", "suite:Below.helper"}
    setup = {t for t, k in graph.successors("suite:Base.setup") if k == "calls"}
    assert "suite:Mixin.setup" in setup  # super() in a Mixed instance reaches Mixin's


STORED = """
def register(cls):
    cls.handler = handle
    cls.__getattr__ = fallback
    return cls


def handle(self):
    return 1


def fallback(self, name):
    return 2


class Base:
    def run(self):
        return self.handler()


class Kept(Base):
    pass


class Registered(Base):
    pass


register(Registered)
"""


def test_the_classes_binding_each_name_grow_with_attribute_stores_as_a_rebuild_finds() -> None:
    # made before argument flow tells the stores what ``cls`` is, then kept up to date with
    # the keys they add (not rebuilt from every binding)
    summaries = summaries_of({"reg.py": STORED})
    resolver = Resolver(summaries)
    assert "reg:Registered" not in resolver.definers.get("handler", ())
    link_module._flow_arguments(resolver, summaries)
    kept = resolver.definers
    assert "reg:Registered" in kept["handler"]
    assert "reg:Registered" in kept["\0always"]  # a __getattr__ of its own
    resolver._binders = resolver._definers = None
    assert kept == resolver.definers
