"""A nested function's store into a name it declares ``nonlocal`` binds the enclosing
function's variable: astroid lists the name among the nested function's locals too, so the
value was kept under a variable of the nested function that nothing reads, and the enclosing
function's call of what it holds resolved to nothing (a handler, a callback chosen by a
helper). A plain local of the nested function of the same name stays its own."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

CODE = {
    "a.py": """
def real():
    pass


def other():
    pass


def chosen():
    handler = None

    def choose():
        nonlocal handler
        handler = real

    choose()
    return handler()


def deeper():
    handler = None

    def outer():
        def inner():
            nonlocal handler
            handler = real
        inner()

    outer()
    handler()


def shadowed():
    handler = other

    def choose():
        handler = real
        return handler

    choose()
    return handler()


class Holder:
    def run(self):
        callback = None

        def pick():
            nonlocal callback
            callback = other

        pick()
        callback()
""",
}


def test_a_nonlocal_store_binds_the_enclosing_functions_variable() -> None:
    calls = to_pycg(graph_of(CODE))
    assert "a.real" in calls["a.chosen"]
    assert "a.real" in calls["a.deeper"]
    assert "a.other" in calls["a.Holder.run"]


def test_a_local_of_the_same_name_stays_the_nested_functions_own() -> None:
    calls = to_pycg(graph_of(CODE))
    assert "a.other" in calls["a.shadowed"]
    assert "a.real" not in calls["a.shadowed"]
