"""Stepping back over a call edge with a receiver constraint (``impact.receivers``)."""

from __future__ import annotations

from helpers import graph_of
from hypothesis import given, settings
from hypothesis import strategies as st

from impactgraph.impact.receivers import EXACT, SELF, Entries, Hierarchy, step_back
from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind

TREE = {
    "m.py": """
        class Base:
            pass

        class Left(Base):
            pass

        class Right(Base):
            pass

        class Both(Left, Right):
            pass

        class Other:
            pass

        class Deep(Left):
            pass
        """,
}


def test_compatible_classes_share_an_instance() -> None:
    hierarchy = Hierarchy(graph_of(TREE))
    assert hierarchy.compatible("m:Base", "m:Left")
    assert hierarchy.compatible("m:Left", "m:Base")
    assert hierarchy.compatible("m:Left", "m:Right")  # ``Both`` inherits from both
    assert not hierarchy.compatible("m:Deep", "m:Right")
    assert not hierarchy.compatible("m:Other", "m:Base")
    assert hierarchy.narrower("m:Base", "m:Deep") == "m:Deep"
    assert hierarchy.narrower("m:Deep", "m:Left") == "m:Deep"
    assert hierarchy.narrower("m:Deep", "m:Right") is None


def test_unknown_entries_drop_the_constraint() -> None:
    hierarchy = Hierarchy(graph_of(TREE))
    assert step_back(hierarchy, None, "m:Left") == [None]
    assert step_back(hierarchy, [["", ""]], "m:Left") == [None]


def test_a_known_receiver_of_another_class_prunes() -> None:
    hierarchy = Hierarchy(graph_of(TREE))
    assert step_back(hierarchy, [["", "m:Other"]], "m:Left") == []
    assert step_back(hierarchy, [["", "m:Deep"]], "m:Left") == [None]  # a subclass: kept
    assert step_back(hierarchy, [["", "m:Base"]], "m:Left") == [None]  # a base: may be one
    assert step_back(hierarchy, [["", "m:Other"]], None) == [None]


def test_a_call_on_self_keeps_and_narrows_the_constraint() -> None:
    hierarchy = Hierarchy(graph_of(TREE))
    assert step_back(hierarchy, [["", "self"]], "m:Left") == ["m:Left"]
    assert step_back(hierarchy, [["m:Deep", "self"]], None) == ["m:Deep"]
    assert step_back(hierarchy, [["m:Deep", "self"]], "m:Left") == ["m:Deep"]
    assert step_back(hierarchy, [["m:Right", "self"]], "m:Deep") == []


def test_the_given_class_of_a_mixin_call_becomes_the_callers_constraint() -> None:
    hierarchy = Hierarchy(graph_of(TREE))
    entries = [["m:Left", "m:Other"], ["m:Right", "m:Base"]]
    assert step_back(hierarchy, entries, "m:Base") == ["m:Right"]
    assert step_back(hierarchy, entries, None) == ["m:Left", "m:Right"]
    assert step_back(hierarchy, [*entries, ["", "m:Base"]], "m:Base") == [None]


# Stepping back reads only the entries of classes related to the constraint
# (``Entries.under``): on random hierarchies, with bases of several values (``dispatch``
# inherits edges), exact (``=``) and method-local (``<``) classes, it gives what reading every
# entry gives.
CLASSES = [f"m:C{i}" for i in range(5)]
NAMES = [*CLASSES, *(EXACT + c for c in CLASSES[:3]), "m:C1<m:C2", EXACT + "m:C3<m:C0", ""]


def hierarchy_of(bases: list[tuple[int, int, bool]]) -> Hierarchy:
    graph = CodeGraph()
    for cls in CLASSES:
        graph.add_node(cls, kind="class", path="m.py", module="m")
        graph.add_node(f"{cls}.run", kind="method", path="m.py", module="m")
    for sub, base, dispatch in bases:
        if sub != base:
            graph.add_edge(CLASSES[sub], CLASSES[base], EdgeKind.INHERITS, dispatch=dispatch)
    return Hierarchy(graph)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4), st.booleans()), max_size=10),
       st.lists(st.tuples(st.sampled_from(NAMES), st.one_of(st.just(SELF), st.sampled_from(NAMES))),
                min_size=1, max_size=10),
       st.lists(st.tuples(st.sampled_from([*NAMES[:-1], None]),
                          st.sampled_from([None, *(f"{c}.run" for c in CLASSES)])),
                max_size=8))
def test_reading_the_related_entries_gives_what_reading_all_does(
        bases: list[tuple[int, int, bool]], entries: list[tuple[str, str]],
        asked: list[tuple[str | None, str | None]]) -> None:
    hierarchy = hierarchy_of(bases)
    index = Entries(entries)
    for constraint, caller in asked:
        related = index.under(hierarchy, constraint)
        fast = step_back(hierarchy, related, constraint, caller) if related else []
        assert fast == step_back(hierarchy, entries, constraint, caller), (constraint, caller)
        if caller is not None:  # asked twice: the second answer is kept from the first
            assert index.step_back(hierarchy, constraint, caller) == fast
            assert index.step_back(hierarchy, constraint, caller) == fast


def test_a_subclass_constraint_reads_only_its_own_line_of_entries() -> None:
    hierarchy = Hierarchy(graph_of(TREE))
    entries = [("m:Left", SELF), ("m:Right", SELF), ("m:Other", SELF), ("m:Deep", SELF)]
    assert {tuple(e) for e in Entries(entries).under(hierarchy, "m:Deep")} == {
        ("m:Deep", SELF), ("m:Left", SELF)}
    assert step_back(hierarchy, entries, "m:Deep") == ["m:Deep"]
    # ``Both`` inherits from ``Left`` and ``Right``: a ``Left`` may be a ``Right``
    assert {tuple(e) for e in Entries(entries).under(hierarchy, "m:Left")} == {
        ("m:Left", SELF), ("m:Right", SELF), ("m:Deep", SELF)}


CALLS_ON_SELF = {
    "m.py": """
        class Base:
            def run(self):
                return self.step()

            def step(self):
                return 1

        class Left(Base):
            def step(self):
                return helper(self)

        class Right(Base):
            def go(self):
                return self.run() + self.step()

        def helper(obj):
            return obj.step()
        """,
}


def test_the_entries_of_a_nodes_calls_read_at_once_are_each_edges_own() -> None:
    graph = graph_of(CALLS_ON_SELF)
    read_together, read_one_by_one = Hierarchy(graph), Hierarchy(graph)
    seen = 0
    for target in graph.nodes():
        together = read_together.edges_into(target)
        assert [(s, k) for s, k, _ in together] == read_one_by_one.into(target)
        for source, kind, kept in together:
            if kind != EdgeKind.CALLS:
                assert kept is None
                continue
            one = read_one_by_one.entries(source, target)
            assert (kept is None) == (one is None)
            if kept is not None and one is not None:
                assert kept.all == one.all
                seen += 1
            # asked again, one by one, of the hierarchy that read them together: the same
            assert read_together.entries(source, target) is kept
    assert seen >= 3


class CountingHierarchy(Hierarchy):
    """A ``Hierarchy`` that counts the class sets it is asked for."""

    def __init__(self, graph: CodeGraph) -> None:
        super().__init__(graph)
        self.asked: list[str] = []

    def related(self, cls: str) -> frozenset[str]:
        self.asked.append(cls)
        return super().related(cls)

    def ancestors(self, cls: str) -> frozenset[str]:
        self.asked.append(cls)
        return super().ancestors(cls)


def test_entries_of_no_plain_class_are_read_without_asking_the_hierarchy() -> None:
    # ``Model().run(x)``: an exact receiver, no class a constraint narrows the entries by (the
    # 10,000-module benchmark steps back over thousands of such calls, each under its own class)
    hierarchy = CountingHierarchy(graph_of(TREE))
    entries = [("", EXACT + "m:Left"), ("", "m:C1<m:C2")]
    index = Entries(entries)
    for constraint in ("m:Deep", EXACT + "m:Deep"):
        assert index.under(hierarchy, constraint) == entries
    assert hierarchy.asked == []
    # entries of a plain class still ask, and read only the related ones
    assert Entries([*entries, ("", "m:Other")]).under(hierarchy, "m:Deep") == entries
    assert set(hierarchy.asked) == {"m:Deep"}
