"""A generator function's node is marked ``generator`` (only where true), and a stored graph
keeps the mark: the import-time climb asks it of every callee before reading the callee's
definition (``ImpactAnalysis._runs_body``), which would mean decoding its module's summary."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict

FILES = {
    "tasks.py": """
        def numbers(n):
            yield from range(n)


        async def ticks(n):
            for i in range(n):
                yield i


        def plain(n):
            return list(numbers(n))


        def inner():
            def nested():
                yield 1
            return nested


        class Task:
            def __iter__(self):
                yield self

            def run(self):
                return 1
    """,
}

GENERATORS = {"tasks:numbers", "tasks:ticks", "tasks:inner.nested", "tasks:Task.__iter__"}


def marked(graph) -> set[str]:
    return {node for node in graph.nodes() if graph.node(node).get("generator")}


def test_generator_functions_are_marked_and_nothing_else() -> None:
    graph = graph_of(FILES)
    assert marked(graph) == GENERATORS
    # absent, not False, elsewhere: a stored graph gives no attribute it holds None for
    assert "generator" not in graph.node("tasks:plain")


def test_a_stored_graph_keeps_the_mark() -> None:
    stored = graph_from_dict(graph_to_dict(graph_of(FILES)))
    assert stored is not None
    assert marked(stored) == GENERATORS
    assert stored.node("tasks:plain") == graph_of(FILES).node("tasks:plain")
