"""Expression roots and operations: each record's text reads back as the same record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import summaries_of

from impactgraph.expressions import (
    Arguments,
    Attr,
    AttrPattern,
    AutouseRoot,
    BuiltinRoot,
    Call,
    CallWith,
    ContainerRoot,
    Decorated,
    DescriptorSet,
    Element,
    FixtureRoot,
    FixtureValue,
    GeneratedRoot,
    GetterOf,
    Instance,
    Item,
    ModuleRoot,
    OnlyClass,
    Op,
    Root,
    SliceOf,
    Special,
    SubclassOf,
    SuperOf,
    SymbolRoot,
    Unless,
    Variable,
    op_text,
    parse_op,
    parse_root,
    root_text,
)
from impactgraph.model import Expr, FileSummary

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


ROOTS: list[tuple[Root, str]] = [
    (SymbolRoot("pkg.mod:Cls.method"), "s:pkg.mod:Cls.method"),
    (ModuleRoot("os.path"), "m:os.path"),
    (BuiltinRoot("len"), "b:len"),
    (ContainerRoot("v:pkg.mod:f|<c0>"), "c:pkg.mod:f|<c0>"),
    (FixtureRoot("tests.test_app:TestApp", "client"), "f:tests.test_app:TestApp|client"),
    (FixtureRoot("tests.conftest:", "^app"), "f:tests.conftest:|^app"),
    (AutouseRoot("tests.test_app:"), "a:tests.test_app:"),
    (Arguments(), "a:"),
    (GeneratedRoot("handler"), "g:handler"),
    (Variable("v:pkg.mod:f|<0>|x"), "v:pkg.mod:f|<0>|x"),
]


@pytest.mark.parametrize(("root", "text"), ROOTS, ids=[text for _, text in ROOTS])
def test_root_text_round_trip(root: Root, text: str) -> None:
    assert root_text(root) == text
    assert parse_root(text) == root


def test_unknown_root_is_refused() -> None:
    with pytest.raises(ValueError, match="not an expression root"):
        parse_root("x:y")


def test_positions() -> None:
    assert Item("[2]").position == 2
    assert Item("['2']").position is None
    assert Item("[-1]").position is None


def test_unknown_operation_is_refused() -> None:
    with pytest.raises(ValueError, match="not an expression operation"):
        parse_op("?")


def _expressions(summary: FileSummary) -> Iterator[Expr]:
    for definition in summary.definitions:
        yield from definition.decorator_exprs
        yield from definition.base_exprs
    for call in summary.calls:
        yield from call.callee
        for values in call.args:
            yield from values
        for _, values in call.kwargs:
            yield from values
    for reference in summary.references:
        yield from reference.target
    for _, values in summary.bindings:
        yield from values
    for objects, _, values in summary.attribute_stores:
        yield from objects
        yield from values


def test_every_operation_the_indexer_writes_reads_back() -> None:
    """The indexer's writers and the linker's parser agree on this code base's source (our
    own package: every construct the indexer knows appears in it, or in its tests)."""
    root = Path(__file__).resolve().parents[1]
    sources = {
        str(path.relative_to(root)): path.read_text(encoding="utf-8")
        for folder in ("impactgraph", "tests")
        for path in sorted((root / folder).rglob("*.py"))
    }
    exprs = [expr for summary in summaries_of(sources) for expr in _expressions(summary)]
    texts = {op for expr in exprs for op in expr[1:]}
    assert len(texts) > 1000
    kinds = set()
    for text in texts:
        op = parse_op(text)
        assert op_text(op) == text
        kinds.add(type(op))
    assert len(kinds) >= 15  # nearly every kind of operation occurs
    root_kinds = set()
    for text in {expr[0] for expr in exprs}:
        record = parse_root(text)
        assert root_text(record) == text
        root_kinds.add(type(record))
    assert root_kinds == {  # every kind of root occurs
        SymbolRoot, ModuleRoot, BuiltinRoot, ContainerRoot, FixtureRoot, AutouseRoot,
        Arguments, GeneratedRoot, Variable,
    }
