"""Slices of literal lists keep their positions; elements added later make them unknown."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

SOURCE = """
def a(): pass
def b(): pass
def c(): pass
STAGES = [a, b, c]
STAGES[1:3][0]()
for step in STAGES[2:]:
    step()
"""


def test_constant_slice_positions():
    calls = to_pycg(graph_of({"main.py": SOURCE}))["main"]
    assert calls == ["main.b", "main.c"]


def test_appended_elements_make_positions_unknown():
    source = SOURCE + "def d(): pass\nSTAGES.append(d)\n"
    calls = to_pycg(graph_of({"main.py": source}))["main"]
    assert set(calls) == {"main.a", "main.b", "main.c", "main.d"}


def test_a_string_key_with_a_colon_is_a_key_not_a_slice():
    # ``['a:b']`` was read as the slice [a:b] (a crash: int("'a")) on any such dict
    source = """
def a(): pass
def b(): pass
HANDLERS = {"get:one": a, "get:all": b}
HANDLERS["get:one"]()
"""
    calls = to_pycg(graph_of({"main.py": source}))["main"]
    assert calls == ["main.a"]
