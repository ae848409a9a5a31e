"""Argument flow runs until a round binds nothing new: a function handed on through many calls,
each call's callee known only a round after the one before, still reaches the function."""

from __future__ import annotations

from helpers import graph_of


def handed_on(depth: int) -> str:
    """``s<depth>(s<depth-1>, 1)`` at the bottom: ``s<i>`` calls its parameter ``f`` with
    ``s<i-2>``, so ``f`` of ``s<i-1>`` is bound only when ``s<i>``'s own call is linked, a
    round later (sites are evaluated in the order they are written); ``s1`` finally calls
    ``t0``."""
    parts = ["def t0(x):\n    return x\n", "def s1(f, x):\n    return f(x)\n",
             "def s2(f, x):\n    return f(t0, x)\n"]
    parts += [f"def s{i}(f, x):\n    return f(s{i - 2}, x)\n" for i in range(3, depth + 1)]
    parts.append(f"s{depth}(s{depth - 1}, 1)\n")
    return "\n".join(parts)


def calls(depth: int) -> set[tuple[str, str]]:
    graph = graph_of({"m.py": handed_on(depth)})
    return {(u, v) for u, v, kind in graph.graph.edges(keys=True) if kind == "calls"}


def test_a_function_handed_on_through_six_calls_is_called():
    # seven rounds: with flow cut after four, s2 -> s1 and s1 -> t0 were missing
    assert calls(6) == {("m", "m:s6"), ("m:s6", "m:s5"), ("m:s5", "m:s4"), ("m:s4", "m:s3"),
                        ("m:s3", "m:s2"), ("m:s2", "m:s1"), ("m:s1", "m:t0")}


def test_a_function_handed_on_through_twenty_calls_is_called():
    found = calls(20)
    assert ("m:s1", "m:t0") in found
    assert {(f"m:s{i}", f"m:s{i - 1}") for i in range(2, 21)} <= found

