"""A lookup on a class with many subclasses visits only the subclasses where it may differ.

A test suite has thousands of ``TestCase`` subclasses; a method of the base that reads
``self.name`` is dispatched over all of them. The answer must be what visiting every subclass
gives, while the subclasses that bind nothing of the name are not visited one by one.
"""

from __future__ import annotations

import importlib

import pytest
from helpers import graph_of, summaries_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impactgraph.linker.resolve import Resolver
from impactgraph.linker.values import Bound

link_module = importlib.import_module("impactgraph.linker.link")
resolve_module = importlib.import_module("impactgraph.linker.resolve")

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


IMPLEMENTERS = "\n".join(
    f"class Test{n}(TestCase):\n    def test_{n}(self):\n        self.check()\n"
    for n in range(30)
)
PROTOCOLS = f"""
import typing


class SupportsMktemp(typing.Protocol):
    def mktemp(self) -> str: ...


class SupportsAssert(typing.Protocol):
    def check(self) -> None: ...


class TestCase:
    def mktemp(self):
        return "tmp"

    def check(self):
        return self.helper()

    def helper(self):
        return 1


class Overriding(Test3):
    def helper(self):
        return 2


{IMPLEMENTERS}
"""


def test_a_structural_protocol_makes_no_lookup_on_its_implementers_differ() -> None:
    # twisted 26.10: every test class implements a few one-method Protocols (an outside
    # base, typing.Protocol, and a binding of the names they declare) without having them
    # in its MRO; every lookup on TestCase visited all 1,526 subclasses, 8 GB
    resolver = Resolver(summaries_of({"suite.py": PROTOCOLS}))
    everyone = resolver.implementations("suite:TestCase")
    assert len(everyone) == 31
    assert "suite:Test3" in resolver.subclasses["suite:SupportsMktemp"]  # structurally
    assert resolver.varying("suite:TestCase", ("helper",)) == ["suite:Overriding"]
    assert resolver.varying("suite:TestCase", ("mktemp",)) == []
    assert resolver.varying("suite:TestCase", ("missing",)) == []
    # the receivers of a call still tell every implementer apart
    assert resolver.varying("suite:TestCase", ("mktemp",), exhaustive=True) == everyone
    slow = Resolver(summaries_of({"suite.py": PROTOCOLS}))
    for name in ("helper", "mktemp", "check", "missing"):
        assert resolver.dispatch_lookup("suite:TestCase", name) == every_subclass(
            slow, "suite:TestCase", name), name
    graph = graph_of({"suite.py": PROTOCOLS})
    check = {t for t, k in graph.successors("suite:TestCase.check") if k == "calls"}
    assert check == {"suite:TestCase.helper", "suite:Overriding.helper"}


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


# -- varying on random hierarchies ---------------------------------------------------------

NAMES = ("a", "b", "__init__")


@st.composite
def hierarchies(draw: st.DrawFn) -> str:
    """A module of classes with random bases (diamonds, a Protocol and an outside base now
    and then), each binding some of ``NAMES`` in its body or on its instances, some with a
    ``__getattr__``, and now and then an attribute store from outside."""
    lines = ["import threading", "import typing", ""]
    count = draw(st.integers(2, 9))
    for n in range(count):
        bases = sorted(draw(st.sets(st.integers(0, n - 1), max_size=2)) if n else set(),
                       reverse=True)  # later (deeper) classes first: mostly consistent MROs
        spelled = [f"C{b}" for b in bases]
        outside = draw(st.sampled_from((None, None, None, "threading.Thread", "typing.Protocol")))
        if outside:
            spelled.append(outside)
        lines.append(f"class C{n}({', '.join(spelled)}):")
        body = ["    pass"]
        body.extend(f"    def {name}(self):\n        return {n}"
                    for name in sorted(draw(st.sets(st.sampled_from(NAMES)))))
        instance = draw(st.sets(st.sampled_from(("a", "b"))))
        if instance:
            body.append("    def setup(self):\n" + "".join(
                f"        self.{name} = {n}\n" for name in sorted(instance)))
        if draw(st.integers(0, 9)) == 0:
            body.append("    def __getattr__(self, name):\n        return name")
        lines.extend([*body, ""])
    if draw(st.integers(0, 9)) == 0:
        lines.append(f"C{draw(st.integers(0, count - 1))}.b = len")
    return "\n".join(lines) + "\n"


def varying_by_definition(resolver: Resolver, cls: str, names: tuple[str, ...],
                          structural: bool = False) -> list[str]:
    """``Resolver.varying`` as its docstring states it, visiting every subclass: those with a
    class above them in their MRO (with ``structural``, as ``exhaustive`` asks: in the
    resolver's subclass relation, which a structural Protocol's implementers join) or
    themselves, not in ``cls``'s MRO, that binds one of ``names`` or has an outside base or a
    ``__getattr__`` (an attribute store's binding counts as it is bound so far); every
    subclass where that reasoning fails: all of them for a Protocol or a ``cls`` whose MRO is
    irregular, else the irregular subclasses and those below one."""
    subs = resolver.implementations(cls)
    irregular = resolver._irregular
    if len(subs) < 2 or cls in resolver.protocols or cls in irregular:
        return subs
    odd = {sub for sub in subs if sub in irregular or any(
        sub in resolver.subclasses[each] for each in irregular if each in subs)}
    above = set(resolver.mro(cls))

    def binds(owner: str, name: str) -> bool:
        return f"v:{owner}|{name}" in resolver.bindings or f"v:{owner}|.{name}" in resolver.bindings

    def differs(owner: str) -> bool:
        return owner not in above and (
            bool(resolver.external_bases.get(owner)) or binds(owner, "__getattr__")
            or any(binds(owner, name) for name in names))

    def above_it(sub: str) -> list[str]:
        if structural:
            return [owner for owner, under in resolver.subclasses.items() if sub in under]
        return resolver.mro(sub)[1:]

    return [sub for sub in subs if sub in odd or differs(sub) or any(
        differs(owner) for owner in above_it(sub))]


@pytest.mark.parametrize("upward_cost", [0, None, 10**9], ids=["upward", "cheaper", "downward"])
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=hierarchies())
def test_varying_is_what_its_definition_gives_walking_either_way(
    source: str, upward_cost: int | None
) -> None:
    # _find_varying walks down from the classes binding a name or up from each subclass,
    # whichever costs less: each way (and the choice) must give the definition's answer
    with pytest.MonkeyPatch.context() as patch:
        if upward_cost is not None:
            patch.setattr(resolve_module, "UPWARD_COST", upward_cost)
        resolver = Resolver(summaries_of({"h.py": source}))
        for cls in sorted(resolver.bases):
            for names in (("a",), ("b",), ("__init__",), ("a", "b"), ("missing",)):
                expected = varying_by_definition(resolver, cls, names)
                assert resolver.varying(cls, names) == expected, (cls, names, source)
                # what linker.receivers asks: every subclass for a stored name, or when
                # some subclass is irregular
                if any(n in resolver.stored_names for n in (*names, "__getattr__")) or any(
                        sub in resolver._irregular for sub in resolver.implementations(cls)):
                    assert resolver.varying(cls, names, exhaustive=True) == \
                        resolver.implementations(cls)
                else:
                    assert resolver.varying(cls, names, exhaustive=True) == \
                        varying_by_definition(resolver, cls, names, structural=True)


STORED_LATER = """\
def register(cls):
    # known only once argument flow has bound cls: the store lands in a later round
    cls.handler = cls.make
    return cls


class Base:
    def run(self):
        return self.handler(0)

    def make(self, x):
        return x


@register
class Registered(Base):
    def make(self, x):
        return x + 1


class Other:
    pass


class Left(Other, Base):
    pass


class Right(Base, Other):
    pass


class Inconsistent(Left, Right):  # no consistent MRO: Python would refuse it
    def make(self, x):
        return x + 2


class BelowInconsistent(Inconsistent):
    pass


def use(value: Base):
    # a call with an argument: argument flow evaluates its callee in its first round,
    # before the store of handler has landed
    return value.handler(1), value.run()
""" + "".join(f"\n\nclass Plain{i}(Base):\n    pass\n" for i in range(30))


def test_a_lookup_that_skips_subclasses_gives_what_visiting_every_one_gives() -> None:
    # A name an attribute store binds only in a later round of argument flow, and a subclass
    # with an inconsistent MRO: the lookups that visit only the subclasses that may differ
    # (depending on the stores of the name, and visiting the irregular subclasses on their
    # own) link the same graph as visiting every subclass every time
    fast = graph_of({"suite.py": STORED_LATER})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Resolver, "_find_varying",
                      lambda self, cls, names, exhaustive: self.implementations(cls))
        slow = graph_of({"suite.py": STORED_LATER})
    assert sorted(fast.graph.edges(keys=True, data=True), key=repr) == sorted(
        slow.graph.edges(keys=True, data=True), key=repr)
    assert fast.unresolved_sites == slow.unresolved_sites
    assert ("suite:use", "suite:Registered.make") in {
        (u, v) for u, v in fast.graph.edges()}
