"""``functools.partial(f, ...)`` calls nothing: the partial it makes holds ``f``, and the
code that hands that partial to outside code hands ``f`` over (a ``callback`` edge there).
Making it is no hand-over: the maker that keeps the partial, or gives it to code of ours,
has no ``callback`` edge to ``f`` (clize 5.0's ``use_class``: its ``_use_class`` gained a
required keyword that our own callers of the partial pass)."""

from __future__ import annotations

from helpers import graph_of

SOURCE = """
import functools
import threading


def work(name, count):
    return name * count


def keep(conv):
    return conv


def make():
    conv = functools.partial(work, "a")
    return keep(conv)


def start():
    threading.Thread(target=functools.partial(work, "b")).start()


def hand():
    conv = functools.partial(work, "c")
    threading.Thread(target=conv).start()


def run():
    return make()(2)
"""


def _callback(graph, source: str, target: str) -> bool | None:
    if not graph.has_edge(source, target, "calls"):
        return None
    return bool(graph.edge_data(source, target, "calls").get("callback"))


def test_making_a_partial_hands_nothing_over() -> None:
    graph = graph_of({"m.py": SOURCE})
    assert _callback(graph, "m:make", "m:work") is None
    assert _callback(graph, "m:run", "m:work") is False  # the call through the partial


def test_a_partial_handed_to_outside_code_hands_its_function_over() -> None:
    graph = graph_of({"m.py": SOURCE})
    assert _callback(graph, "m:start", "m:work") is True
    assert _callback(graph, "m:hand", "m:work") is True
