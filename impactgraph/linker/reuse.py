"""A linked graph reused for a tree whose changed files provide the linker the same facts.

The first step of incremental linking: diff the facts a changed file provides (its summary as
the linker reads it). When none of them changed, nothing that consulted them can resolve
differently, so the graph of the previous tree is the graph of the new one, up to where its
lines now are: a body edit that calls and binds nothing new (a literal, a condition, a
comment, lines added or removed) moves the lines after it, and nothing else.

What the linker reads of a summary is everything but the fields in ``IGNORED_FIELDS`` (a
test checks that the linker names none of them) and line numbers, which it copies to nodes,
edge lines and unresolved sites, and compares in one place only: whether a function is short
enough for context-sensitive calls (``is_small``), which is part of the facts.

Every line of a module's edges and unresolved sites comes from that module's own summary
(a call site, a reference, an import, a class statement), so moving them is a map from the
old line numbers to the new ones, built by walking both summaries in step; a line that maps
to two new lines (a line split in two) is a change of facts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from enum import Enum

from impactgraph.linker.graph import CodeGraph
from impactgraph.linker.link import running_imports
from impactgraph.linker.resolve import is_small
from impactgraph.model import CallSite, Definition, FileSummary, Parameter, Signature, symbol_module

# Fields no part of the linker reads: a change to them alone cannot change the graph.
IGNORED_FIELDS: Mapping[type, frozenset[str]] = {
    Definition: frozenset(
        {"body_hash", "renaming_hash", "value", "overloads", "bases", "not_implemented",
         "returns_length", "metaclass"}
    ),
    CallSite: frozenset({"spreads", "entered", "iterated", "raises_expected", "awaited"}),
    Parameter: frozenset({"default", "annotation"}),
    Signature: frozenset({"returns", "is_async"}),  # is_generator: the nodes' ``generator``
    FileSummary: frozenset({"has_getattr", "main_blocks", "getattr_names", "tolerant_reads",
                            "module_code", "mutables"}),
}
LINE_FIELDS = frozenset({"line", "end_line"})
# Read only through ``is_small``, whose answer is part of the facts: lines added to a body
# change the count, and that alone changes no resolution.
SIZE_FIELDS = frozenset({"code_lines"})
# A tree that differs from a linked one in at most this many files may reuse its graph;
# past that, comparing them costs more than it is likely to save.
MAX_CHANGED_FILES = 32

Facts = tuple[object, ...]


def link_facts(summary: FileSummary) -> tuple[Facts, list[int]]:
    """What the linker reads of ``summary`` with its line numbers taken out, and those line
    numbers in the order they were met (two summaries with equal facts list them in step)."""
    lines: list[int] = []
    facts = _strip(summary, lines)
    return facts if isinstance(facts, tuple) else (facts,), lines


def _strip(value: object, lines: list[int]) -> object:
    if isinstance(value, tuple):
        return tuple([_strip(item, lines) for item in value])
    if isinstance(value, (str, int, Enum)) or value is None:
        return value
    cls = type(value)
    if not dataclasses.is_dataclass(value):
        raise TypeError(f"unexpected {cls.__name__} in a summary")
    ignored = IGNORED_FIELDS.get(cls, frozenset())
    out: list[object] = [cls.__name__]
    for field in dataclasses.fields(value):
        item = getattr(value, field.name)
        if field.name in ignored or field.name in SIZE_FIELDS:
            continue
        if field.name in LINE_FIELDS:
            lines.append(item)
            continue
        out.append(_strip(item, lines))
    if isinstance(value, Definition):  # the one comparison the linker makes of lines
        out.append(is_small(value))
    return tuple(out)


def line_map(old: FileSummary, new: FileSummary) -> dict[int, int] | None:
    """Old line -> new line, when ``new`` provides the linker the same facts as ``old`` and
    its lines moved consistently; None otherwise."""
    old_facts, old_lines = link_facts(old)
    new_facts, new_lines = link_facts(new)
    if old_facts != new_facts or len(old_lines) != len(new_lines):
        return None
    mapping: dict[int, int] = {}
    for before, after in zip(old_lines, new_lines, strict=True):
        if mapping.setdefault(before, after) != after:
            return None  # one old line became two: where an edge's line goes is unknown
    return mapping


def relocated(graph: CodeGraph, changed: Mapping[str, tuple[FileSummary, FileSummary]]
              ) -> CodeGraph | None:
    """``graph`` (linked from summaries that differ from the wanted ones only in ``changed``:
    module -> (old summary, new summary)) made the graph of the new summaries, in place; None,
    with ``graph`` untouched, when a changed module provides different facts."""
    maps: dict[str, dict[int, int]] = {}
    for module, (old, new) in changed.items():
        if old.module != module or new.module != module:
            return None
        mapping = line_map(old, new)
        if mapping is None:
            return None
        maps[module] = mapping
    sites: list[tuple[str, int]] = []
    for caller, line in graph.unresolved_sites:
        mapping = maps.get(symbol_module(caller))
        if mapping is not None:
            if line not in mapping:
                return None
            line = mapping[line]
        sites.append((caller, line))
    if not graph.move_edge_lines(maps):
        return None  # not a line of the module's summary: not an edge we can move
    graph.unresolved_sites = sites
    for module, (_, new) in changed.items():
        for definition in new.definitions:  # in order: a redefinition's node is the last's
            graph.set_node_lines(f"{module}:{definition.qualname}", definition.line,
                                 definition.end_line)
        if graph.summaries:  # a graph loaded from the store has none
            graph.summaries[module] = new
        if module in graph.module_imports:  # the same facts: the same imports, but be sure
            graph.module_imports[module] = running_imports(new)
        if module in graph.named_files:  # the same facts: the same files named
            graph.named_files[module] = new.named_files
    return graph
