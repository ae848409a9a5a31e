"""A ``collections.deque`` is a container like a list: ``deque([self])`` holds ``self``,
``appendleft``/``extendleft`` add elements, ``popleft()`` returns one. jinja2's
``Node.set_ctx`` walks its tree with ``todo = deque([self])`` / ``node = todo.popleft()``: the
call ``node.iter_child_nodes()`` was unresolved, kept for any change that reaches a method of
that name."""

from __future__ import annotations

import pytest
from helpers import graph_of

CODE = {
    "a.py": """
import collections
from collections import deque

class Node:
    def kids(self):
        return []

    def built(self):
        todo = deque([self])
        while todo:
            node = todo.popleft()
            todo.extend(node.kids())

    def appended(self):
        todo = deque()
        todo.append(self)
        todo.popleft().kids()

    def left(self):
        todo = collections.deque()
        todo.appendleft(self)
        todo.pop().kids()

    def extended_left(self):
        todo = deque(maxlen=3)
        todo.extendleft([self])
        todo.popleft().kids()
""",
}


@pytest.mark.parametrize("function", ["built", "appended", "left", "extended_left"])
def test_an_element_of_a_deque_is_known(function: str) -> None:
    graph = graph_of(CODE)
    calls = {(u, v) for u, v, kind in graph.edges() if kind == "calls"}
    assert (f"a:Node.{function}", "a:Node.kids") in calls
    assert f"a:Node.{function}" not in {caller for caller, _ in graph.unresolved_sites}
