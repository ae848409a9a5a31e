"""Stepping back over a call edge with a receiver constraint (``impact.receivers``)."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.impact.receivers import Hierarchy, step_back

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
