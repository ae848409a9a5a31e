"""Flow-sensitive locals: the assignments that reach a call decide what it calls; and
functions that return a parameter give each call what that call passed."""

from __future__ import annotations

import textwrap

import pytest
from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

HEADER = """
def f(): pass
def g(): pass
def h(): pass
def k(): pass
"""


def calls(body: str, caller: str = "main.run") -> set[str]:
    source = HEADER + textwrap.dedent(body)
    graph = to_pycg(graph_of({"main.py": source}))
    return {c for c in graph[caller] if not c.startswith("<builtin>")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a later assignment replaces an earlier one
        ("def run():\n    x = f\n    x = g\n    x()\n", {"main.g"}),
        # a call between two assignments sees the first
        ("def run():\n    x = f\n    x()\n    x = g\n", {"main.f"}),
        # if without else: the earlier value may still be there
        ("def run(c):\n    x = f\n    if c:\n        x = g\n    x()\n", {"main.f", "main.g"}),
        # if/else: both branches, not the value before
        (
            "def run(c):\n    x = f\n    if c:\n        x = g\n    else:\n        x = h\n"
            "    x()\n",
            {"main.g", "main.h"},
        ),
        # a branch that returns does not reach the join
        (
            "def run(c):\n    x = f\n    if c:\n        x = g\n        return\n    x()\n",
            {"main.f"},
        ),
        # loops: the value at entry and the one from the previous iteration
        (
            "def run():\n    x = f\n    for _ in range(2):\n        x()\n        x = g\n"
            "    x = h\n",
            {"main.f", "main.g"},
        ),
        (
            "def run(c):\n    x = f\n    while c:\n        x = g\n        if c:\n"
            "            break\n        x = h\n    x()\n",
            {"main.f", "main.g", "main.h"},
        ),
        # except: what the try body may have reached
        (
            "def run():\n    x = f\n    try:\n        x = g\n        x = h\n"
            "    except ValueError:\n        x()\n    x = k\n",
            {"main.f", "main.g", "main.h"},
        ),
        (
            "def run():\n    x = f\n    try:\n        x = g\n    except ValueError:\n"
            "        x = h\n    x()\n",
            {"main.g", "main.h"},
        ),
        # a parameter rebound: the callers' argument before, the new value after
        ("def run(p):\n    p()\n    p = g\n    p()\n\nrun(k)\n", {"main.g", "main.k"}),
        ("def run(p):\n    p = g\n    p()\n\nrun(k)\n", {"main.g"}),
        # x += keeps the earlier values
        (
            "def run():\n    x = [f]\n    x += [g]\n    for y in x:\n        y()\n",
            {"main.f", "main.g"},
        ),
        # match: every case, or none
        (
            "def run(v):\n    x = f\n    match v:\n        case 1:\n            x = g\n"
            "        case _:\n            x = h\n    x()\n",
            {"main.f", "main.g", "main.h"},
        ),
    ],
)
def test_function_locals(body: str, expected: set[str]):
    assert calls(body) == expected


def test_closures_see_every_value():
    body = """
    def run():
        x = f
        def inner():
            x()
        x = g
        return inner
    """
    assert calls(body, "main.run.inner") == {"main.f", "main.g"}


def test_global_rebound_elsewhere_stays_flow_insensitive():
    body = """
    x = f
    def swap():
        global x
        x = g
    def run():
        x()
    x = h
    x()
    """
    assert calls(body, "main") == {"main.f", "main.g", "main.h"}
    assert calls(body) == {"main.f", "main.g", "main.h"}


def test_module_level_and_decorators():
    body = """
    def dec1(fn):
        return fn
    def dec2(fn):
        return fn
    a = dec1
    a = dec2
    @a
    def run():
        pass
    step = f
    step()
    step = g
    step()
    """
    assert calls(body, "main") == {"main.dec2", "main.f", "main.g"}


def test_module_variable_reads_stay_references():
    source = HEADER + "LIMIT = 1\nLIMIT = 2\nprint(LIMIT)\n"
    graph = graph_of({"main.py": source})
    assert ("main", "main:LIMIT") in {(s, t) for s, t, _ in graph.edges(["references"])}


def test_identity_function_per_call_site():
    body = """
    def ident(fn):
        return fn
    def run():
        a = ident(f)
        b = ident(fn=g)
        a()
    def other():
        ident(h)()
    """
    assert calls(body) == {"main.ident", "main.f"}
    assert calls(body, "main.other") == {"main.ident", "main.h"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a store to a constant key replaces what the literal held there
        ('def run():\n    d = {"a": f}\n    d["a"] = g\n    d["a"]()\n', {"main.g"}),
        ('def run():\n    d = {"a": {"b": f}}\n    d["a"]["b"] = g\n    d["a"]["b"]()\n',
         {"main.g"}),
        ('def run():\n    d = {"a": f}\n    d.update({"a": g})\n    d["a"]()\n', {"main.g"}),
        # an attribute stored on a local object, then called
        (
            "class C:\n    pass\n\ndef run():\n    c = C()\n    c.fn = f\n    c.fn = g\n"
            "    c.fn()\n",
            {"main.g"},
        ),
        # a branch that stores: both values after the join
        (
            'def run(x):\n    d = {"a": f}\n    d["a"] = h\n    if x:\n        d["a"] = g\n'
            '    d["a"]()\n',
            {"main.g", "main.h"},
        ),
        # the dict escapes (an argument, a method call, an alias): anything it ever held
        (
            'def change(m):\n    m["a"] = k\n\ndef run():\n    d = {"a": f}\n    d["a"] = g\n'
            '    change(d)\n    d["a"]()\n',
            {"main.change", "main.f", "main.g", "main.k"},
        ),
        (
            'def run():\n    d = {"a": f}\n    d["a"] = g\n    e = d\n    e["a"] = h\n'
            '    d["a"]()\n',
            {"main.f", "main.g", "main.h"},
        ),
        # stores inside a loop body are not carried around the loop
        (
            'def run():\n    d = {"a": f}\n    for _ in range(2):\n        d["a"]()\n'
            '        d["a"] = g\n',
            {"main.f", "main.g"},
        ),
    ],
)
def test_constant_slots(body: str, expected: set[str]):
    assert calls(body) == expected


def test_store_with_a_computed_key_forgets_the_constant_keys():
    body = 'def run(key):\n    d = {"a": f}\n    d["a"] = g\n    d[key] = h\n    d["a"]()\n'
    assert {"main.f", "main.g"} <= calls(body)


def test_nested_function_using_the_dict_keeps_every_value():
    body = """
    HANDLERS = {"a": f}
    def swap():
        HANDLERS["a"] = h
    HANDLERS["a"] = g
    swap()
    HANDLERS["a"]()
    """
    assert calls(body, "main") == {"main.f", "main.g", "main.h", "main.swap"}


def test_long_chains_of_variables_do_not_exhaust_the_stack():
    lines = ["def f(): pass", "x0 = f"] + [f"x{i} = x{i - 1}" for i in range(1, 700)]
    graph = to_pycg(graph_of({"main.py": "\n".join([*lines, "x699()", ""])}))
    assert "main.f" in graph["main"]
