"""The function-level call graph in the PyCG benchmark format: {"caller": ["callee", ...]}."""

from __future__ import annotations

from impactgraph.linker.graph import CodeGraph
from impactgraph.model import EdgeKind

FUNCTION_NODE_KINDS = ("function", "method")


def dotted(symbol: str) -> str:
    """``pkg.mod:Cls.meth`` -> ``pkg.mod.Cls.meth``; a module stays as it is."""
    return symbol.replace(":", ".", 1)


def to_pycg(graph: CodeGraph) -> dict[str, list[str]]:
    """Every module and defined function is a key; callees are sorted and unique.

    Instantiating a class is an edge to the ``__init__`` that runs (the linker adds it), so
    class nodes and generated (dataclass) ``__init__`` methods are left out as callees.
    """
    result: dict[str, set[str]] = {}
    for node in graph.nodes():
        data = graph.node(node)
        if data.get("synthetic"):
            continue
        if data.get("kind") == "module" or data.get("kind") in FUNCTION_NODE_KINDS:
            result[dotted(node)] = set()
    for source, target, kind in graph.edges([EdgeKind.CALLS]):
        caller = dotted(source)
        if caller not in result or graph.edge_data(source, target, kind).get("named"):
            continue  # a decorated name's function, where its wrapper is what runs
        data = graph.node(target)
        if data.get("kind") not in FUNCTION_NODE_KINDS or data.get("synthetic"):
            continue
        if data.get("abstract") and source != target:
            # The graph keeps calls through an interface method (its callers are hit when the
            # interface changes), but an abstract method never runs: PyCG lists what runs.
            continue
        result[caller].add(dotted(target))
    for caller, callees in graph.external_calls.items():
        if dotted(caller) in result:
            result[dotted(caller)].update(callees)
    return {caller: sorted(callees) for caller, callees in sorted(result.items())}

