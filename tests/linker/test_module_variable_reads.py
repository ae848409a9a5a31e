"""What a module-level variable's value is made from, and what reads a part of it.

A read in the value of a module-level assignment is also the assigned variable's: ``length =
coordinate`` (svgwrite 1.4.3's ``data/pattern.py``, whose ``length`` its type checker reads),
``PATTERN = re.compile(RAW)``, ``table = {"cm": coordinate}``, ``source = coordinate.pattern``
each reference the variable their value is made from, here or imported, so a change to that
value reaches the code reading them. Reading a part of a variable's value (``coordinate.pattern``
in a function, ``patterns.table["cm"]``) references the variable. A variable made from something
else, a table of functions (which reading it does not run), and a local of a function,
reference nothing of the kind."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind

CODE = {
    "pkg/__init__.py": "",
    "pkg/patterns.py": """
import re

def make(pattern):
    return re.compile(pattern)

RAW = "[0-9]+(cm|mm)?"
coordinate = re.compile(RAW)
length = coordinate
size = length
source = coordinate.pattern
table = {"cm": coordinate}
nested = [("mm", [length])]
made = make(RAW)
angle = re.compile("[0-9]+(deg|rad)?")
handlers = {"make": make, "compile": re.compile}
""",
    "pkg/other.py": """
from pkg.patterns import coordinate
from pkg import patterns

LENGTH = coordinate
ANGLE = patterns.angle


def pattern_of():
    return coordinate.pattern


def unit_pattern():
    return patterns.table["cm"]


def local():
    here = patterns.angle
    return here
""",
}


def _references(graph: CodeGraph, source: str) -> set[str]:
    return {target for target, kind in graph.successors(source)
            if kind == EdgeKind.REFERENCES and ":" in target}


def test_a_variable_references_what_its_value_is_made_from() -> None:
    graph = graph_of(CODE)
    assert _references(graph, "pkg.patterns:coordinate") == {"pkg.patterns:RAW"}
    assert _references(graph, "pkg.patterns:length") == {"pkg.patterns:coordinate"}
    assert _references(graph, "pkg.patterns:size") == {"pkg.patterns:length"}
    assert _references(graph, "pkg.patterns:source") == {"pkg.patterns:coordinate"}
    assert _references(graph, "pkg.patterns:table") == {"pkg.patterns:coordinate"}
    assert _references(graph, "pkg.patterns:nested") == {"pkg.patterns:length"}
    # the function called is the module's import-time code's call, not a read
    assert _references(graph, "pkg.patterns:made") == {"pkg.patterns:RAW"}


def test_an_alias_of_an_imported_variable_references_where_it_is_bound() -> None:
    graph = graph_of(CODE)
    assert _references(graph, "pkg.other:LENGTH") == {"pkg.patterns:coordinate"}
    assert _references(graph, "pkg.other:ANGLE") == {"pkg.patterns:angle"}


def test_reading_a_part_of_a_variable_references_it() -> None:
    graph = graph_of(CODE)
    assert "pkg.patterns:coordinate" in _references(graph, "pkg.other:pattern_of")
    assert "pkg.patterns:table" in _references(graph, "pkg.other:unit_pattern")


def test_a_value_made_of_nothing_of_ours_and_a_local_reference_no_variable() -> None:
    graph = graph_of(CODE)
    assert _references(graph, "pkg.patterns:angle") == set()
    assert _references(graph, "pkg.patterns:RAW") == set()
    assert _references(graph, "pkg.patterns:handlers") == set()
    assert _references(graph, "pkg.other:local") == {"pkg.patterns:angle"}
    assert "pkg.other:local.here" not in graph
