"""Functions kept in the fields of a ``collections.namedtuple`` instance are called through
them: the instance carries its constructor's arguments, and a field named by a keyword holds
that argument (tabulate's ``_table_formats = {"latex": TableFormat(lineabove=_begin, ...)}``,
read with ``.get`` and called as ``linefmt(widths)`` two calls further down)."""

from __future__ import annotations

from helpers import graph_of

TABLES = """\
from collections import namedtuple

Format = namedtuple("Format", ["lineabove", "datarow"])


def begin_tabular(widths):
    return "begin"


def latex_row(cells):
    return "row"


def html_begin(widths):
    return "<table>"


def plain_row(cells):
    return "plain"


FORMATS = {
    "latex": Format(lineabove=begin_tabular, datarow=latex_row),
    "html": Format(html_begin, plain_row),
}


def build_line(widths, linefmt):
    if callable(linefmt):
        return linefmt(widths)
    return ""


def append_line(lines, widths, linefmt):
    lines.append(build_line(widths, linefmt))


def format_table(fmt, widths):
    lines = []
    append_line(lines, widths, fmt.lineabove)
    return lines


def render(name, widths):
    fmt = FORMATS.get(name, FORMATS["latex"])
    return format_table(fmt, widths)


def row_of(name, cells):
    return FORMATS[name].datarow(cells)
"""


def _callees(graph, source: str) -> set[str]:
    return {t for t, kind in graph.successors(source) if kind == "calls"}


def test_a_function_in_a_keyword_field_is_called_through_the_field() -> None:
    graph = graph_of({"tables.py": TABLES})
    line = _callees(graph, "tables:build_line")
    assert "tables:begin_tabular" in line
    assert "tables:latex_row" not in line  # another field of the same instance
    assert "tables:latex_row" in _callees(graph, "tables:row_of")


def test_a_positional_field_may_be_any_of_the_instance_arguments() -> None:
    # the field names are strings the summary does not keep: any argument may be the field
    graph = graph_of({"tables.py": TABLES})
    assert {"tables:html_begin", "tables:plain_row"} <= _callees(graph, "tables:build_line")
