"""The linker's value records: distinct kinds never compare equal, and ``sort_key`` orders
values exactly as their legacy tuples (as strings) did, so evaluation order is unchanged."""

from __future__ import annotations

import itertools

from impactgraph.linker.values import (
    Bound,
    Builtin,
    BuiltinInstance,
    BuiltinMethod,
    Container,
    ContainerMethod,
    Ext,
    Inst,
    Mod,
    Named,
    Pair,
    Pairs,
    Property,
    Slice,
    Subclass,
    Super,
    Sym,
    Value,
    Via,
    legacy,
    sort_key,
)

TEXTS = ("a:f", "a:f.g", "b", "v:a:|x", "")


def every_value() -> list[Value]:
    values: list[Value] = []
    for text in TEXTS:
        values += [
            Sym(text), Sym(text, "dynamic"), Sym(text, "unbounded", "a:C"), Bound(text),
            Bound(text, "dispatch"), Bound(text, "unbounded", "b"), Mod(text), Inst(text, True),
            Inst(text, False), Subclass(text), Super(text), Ext(text), Ext(text, "(v:k 1 )"),
            Builtin(text),
            BuiltinInstance(text), BuiltinMethod(text), Container(text), Slice(text, 0, -1),
            Slice(text, 10, 2), Slice(text, 2, 10), Pairs(text), Pair(text),
            ContainerMethod(text, "get"), ContainerMethod(text, "items"), Property(text),
            Via(text), Named(text), Named(text, "unbounded"),
        ]
    return values


def test_kinds_with_the_same_fields_differ() -> None:
    values = every_value()
    assert len(set(values)) == len(values)
    same_text: list[Value] = [Sym("k"), Bound("k"), Container("k"), Pairs("k"), Pair("k")]
    assert len(set(same_text)) == 5


def test_sort_key_orders_as_the_legacy_tuples() -> None:
    values = every_value()
    for permutation in itertools.islice(itertools.permutations(values[:6]), 50):
        assert sorted(permutation, key=sort_key) == sorted(
            permutation, key=lambda v: tuple(str(p) for p in legacy(v))
        )
    assert sorted(values, key=sort_key) == sorted(
        values, key=lambda v: tuple(str(p) for p in legacy(v))
    )


def test_legacy_tuples() -> None:
    assert legacy(Sym("a:f")) == ("sym", "a:f")
    assert legacy(Bound("a:f", "dispatch")) == ("bound", "a:f", "dispatch")
    assert legacy(Sym("a:f", "unbounded", "a:C")) == ("sym", "a:f", "unbounded", "a:C")
    assert legacy(Inst("a:C", False)) == ("inst", "a:C", False)
    assert legacy(Slice("k", 1, -1)) == ("slice", "k", 1, -1)
    assert legacy(ContainerMethod("k", "view")) == ("cmeth", "k", "view")
    assert legacy(Named("a:f")) == ("named", "a:f")
    assert legacy(Named("a:f", "dynamic")) == ("named", "a:f", "dynamic")
