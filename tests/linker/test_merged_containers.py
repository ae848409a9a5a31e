"""A container method that merges its arguments into a new container (``s.union(t)``,
``ChainMap.new_child(m)``) when nothing is known of the arguments."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.app.callgraph import to_pycg


def test_a_merge_whose_arguments_are_unknown_keeps_the_receivers_elements():
    # With a guarded return in the code base, a call whose arguments are all constants keeps
    # its shape (a ``CallWith`` with no key): the merge read its arguments under the empty key,
    # ``[0]``, and the link failed (sympy 1.13.3: ``f.union(g, exps)``, internal error).
    source = """
def a(): pass
def b(): pass
def pick(flag=False):
    if flag:
        return a
    return b
def run():
    for f in {a}.union(1, 2):
        f()
run()
pick(True)()
"""
    calls = to_pycg(graph_of({"main.py": source}))
    assert calls["main.run"] == ["main.a"]
    assert "main.run" in calls["main"]
