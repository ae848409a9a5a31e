"""Expression operations: each record's text reads back as the same record."""

from __future__ import annotations

import pytest

from impactgraph.expressions import (
    Attr,
    AttrPattern,
    Call,
    CallWith,
    Decorated,
    DescriptorSet,
    Element,
    FixtureValue,
    GetterOf,
    Instance,
    Item,
    OnlyClass,
    Op,
    SliceOf,
    Special,
    SubclassOf,
    SuperOf,
    Unless,
    op_text,
    parse_op,
)

OPS: list[tuple[Op, str]] = [
    (Attr("name"), ".name"),
    (AttrPattern("visit_", ""), ".~visit_*"),
    (AttrPattern("", ""), ".~*"),
    (Call(), "()"),
    (CallWith("v:m:f|<c0>", 2, ("key", "default")), "(v:m:f|<c0> 2 key,default)"),
    (CallWith("v:m:|<c3>", 0, ()), "(v:m:|<c3> 0 )"),
    (Element(), "[]"),
    (Item("['a']"), "['a']"),
    (Item("['a:b']"), "['a:b']"),
    (Item('["x:"]'), '["x:"]'),
    (Item("[2]"), "[2]"),
    (Item("[-1]"), "[-1]"),
    (SliceOf(1, 3), "[1:3]"),
    (SliceOf(2, None), "[2:]"),
    (SliceOf(None, 4), "[:4]"),
    (Instance(), "+"),
    (GetterOf(), "!property"),
    (OnlyClass(), "!class"),
    (Unless("simplejson"), "!unless:simplejson"),
    (SubclassOf(), "^"),
    (Decorated(), "@"),
    (Special(("__iter__", "__getitem__")), "%__iter__|__getitem__"),
    (DescriptorSet("value"), "!set:value"),
    (FixtureValue(), "!fixture"),
    (SuperOf(), "super"),
]


@pytest.mark.parametrize(("op", "text"), OPS, ids=[text for _, text in OPS])
def test_text_round_trip(op: Op, text: str) -> None:
    assert op_text(op) == text
    assert parse_op(text) == op


def test_positions() -> None:
    assert Item("[2]").position == 2
    assert Item("['2']").position is None
    assert Item("[-1]").position is None


def test_unknown_operation_is_refused() -> None:
    with pytest.raises(ValueError, match="not an expression operation"):
        parse_op("?")
