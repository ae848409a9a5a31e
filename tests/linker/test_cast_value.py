"""``typing.cast(T, x)`` gives ``x``: the linker takes the instances ``T`` describes (as
before) and what is known of ``x`` beside them, leaving out only that it gave up on ``x``
(``expressions.Known``), so a cast never makes a call site unbounded."""

from __future__ import annotations

from helpers import graph_of

SOURCE = '''
from typing import Protocol, cast


class Shape(Protocol):
    def area(self) -> int: ...


class Square:
    def area(self) -> int:
        return 4


def run(f):
    return f()


def make() -> int:
    return 1


def square_area() -> int:
    return cast(Shape, Square()).area()


def made() -> int:
    return cast("Shape", make)()


def unknown(i: int) -> int:
    return cast(Shape, SHAPES[i]).area()
'''
# more classes than the linker keeps values of one expression (MAX_VALUES): it gives up on them
SOURCE += "".join(f"\n\nclass S{i}:\n    def size(self) -> int:\n        return {i}\n"
                  for i in range(501))
SOURCE += "\n\nSHAPES = [" + ", ".join(f"S{i}" for i in range(501)) + "]\n"


def calls(graph, source: str) -> set[str]:
    return {t for t, k in graph.successors(source) if k == "calls"}


def test_a_cast_value_is_what_was_cast_beside_the_type_named() -> None:
    graph = graph_of({"app.py": SOURCE})
    assert "app:Square.area" in calls(graph, "app:square_area")
    assert "app:make" in calls(graph, "app:made")


def test_a_cast_of_a_value_given_up_on_is_the_type_named() -> None:
    graph = graph_of({"app.py": SOURCE})
    assert "app:Shape.area" in calls(graph, "app:unknown")
    assert not [site for site in graph.unbounded_sites if site[0] == "app:unknown"]
