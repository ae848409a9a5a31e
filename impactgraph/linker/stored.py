"""A linked graph read from a snapshot, queried as its rows are stored (no networkx graph).

A warm impact query loads the graphs of two revisions and walks part of them. Building
networkx's adjacency dicts (a dict per node, per neighbour and per edge) was three quarters of
a load: 1.0 of 1.4 CPU s for a 10,000-module graph of 240k edges. Here the nodes and edges
stay the decoded JSON rows; one pass indexes, per node, the rows of the edges leaving and
entering it, and an edge's attributes become a dict only when asked for. ``CodeGraph.graph``
builds the networkx graph from the rows when something needs it (relocating, drawing).

Every order is that of the networkx graph the rows would build (``CodeGraph.load``): nodes
and edges in row order; a node's predecessors (successors) by neighbour, in the order of the
neighbour's first edge, then by kind. The snapshot writer lists edges as networkx iterates
them (by source, then target, then kind), so the rows of one (source, target) pair are
adjacent and a row-order scan gives exactly that grouping.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from typing import Any

from impactgraph.model import symbol_module

NODE_FIELDS = ("kind", "module", "path", "package", "line", "end_line", "synthetic", "abstract",
               "generator")
EDGE_FIELDS = (
    "line", "bound", "dispatch", "named", "sites", "dynamic", "callback", "recv", "main",
    "unbounded", "generated", "poly",
)
_KIND, _MODULE, _PATH = 1, 2, 3  # positions in a node row (its name first)
_LINE, _END_LINE = 1 + NODE_FIELDS.index("line"), 1 + NODE_FIELDS.index("end_line")
_EDGE_LINE = 3 + EDGE_FIELDS.index("line")  # position in an edge row
# the edges of a source and a target are looked up by target when both have more than this
LONG = 16


class StoredGraph:
    """Node rows ``[name, *NODE_FIELDS]`` and edge rows ``[source index, target index, kind,
    *EDGE_FIELDS]`` (None: attribute absent), checked and indexed when made: rows that do not
    have that shape raise TypeError, ValueError or IndexError."""

    __slots__ = (
        "_by_target", "_callers", "_members", "_modules", "edges", "index", "names", "pred",
        "rows", "succ",
    )

    def __init__(self, nodes: list[Any], edges: list[Any]) -> None:
        width = 1 + len(NODE_FIELDS)
        names: list[str] = []
        for row in nodes:
            if type(row) is not list or len(row) != width or type(row[0]) is not str:
                raise TypeError("a node row is its name and its fields")
            names.append(row[0])
        index = {name: position for position, name in enumerate(names)}
        if len(index) != len(names):
            raise ValueError("a node is listed twice")
        count = len(names)
        pred: list[list[int]] = [[] for _ in range(count)]
        succ: list[list[int]] = [[] for _ in range(count)]
        width = 3 + len(EDGE_FIELDS)
        for position, row in enumerate(edges):  # one loop: a large graph has 240k edges
            if type(row) is not list or len(row) != width:
                raise TypeError("an edge row is its ends, its kind and its fields")
            source, target = row[0], row[1]
            if type(source) is not int or type(target) is not int or type(row[2]) is not str:
                raise TypeError("an edge names its ends by node index, and its kind")
            if source < 0 or target < 0:
                raise IndexError("an edge names a node index out of range")
            succ[source].append(position)  # IndexError past the end
            pred[target].append(position)
        self.names, self.rows, self.edges, self.index = names, nodes, edges, index
        self.pred, self.succ = pred, succ
        self._members: dict[str, list[str]] | None = None
        self._modules: dict[str, str] | None = None
        self._callers: dict[str, list[tuple[str, str]]] = {}
        # node position -> its edges by target position, for a node both of whose lists are
        # long (Django's test methods: a walk asked of thousands of their edges, each a scan)
        self._by_target: dict[int, dict[int, list[int]]] = {}

    # -- nodes ---------------------------------------------------------------------------
    def __contains__(self, node: object) -> bool:
        return node in self.index

    def attributes(self, node: str) -> dict[str, Any]:
        """The node's attributes, as ``CodeGraph.node`` gives them (KeyError: no such node)."""
        return _node_attributes(self.rows[self.index[node]])

    def module_of(self, node: str) -> str:
        if self._modules is None:  # asked of every node a walk reaches: one dict, made once
            self._modules = {
                row[0]: str(row[_MODULE]) if row[_MODULE] is not None else symbol_module(row[0])
                for row in self.rows
            }
        return self._modules[node]

    def path_of(self, node: str) -> str:
        path = self.rows[self.index[node]][_PATH]
        return str(path) if path is not None else ""

    def nodes(self, kind: str | None = None) -> Iterator[str]:
        if kind is None:
            yield from self.names
            return
        for row in self.rows:
            if row[_KIND] == kind:
                yield row[0]

    def members(self, module: str) -> list[str]:
        if self._members is None:
            found: dict[str, list[str]] = defaultdict(list)
            for row in self.rows:
                if row[_KIND] != "module":
                    owner = row[_MODULE]
                    found[str(owner) if owner is not None else symbol_module(row[0])].append(
                        row[0]
                    )
            self._members = dict(found)
        return self._members.get(module, [])

    # -- edges ---------------------------------------------------------------------------
    def edge_list(self, kinds: set[str] | None) -> Iterator[tuple[str, str, str]]:
        names = self.names
        for row in self.edges:
            if kinds is None or row[2] in kinds:
                yield names[row[0]], names[row[1]], row[2]

    def predecessors(self, node: str) -> list[tuple[str, str]]:
        found = self._callers.get(node)  # the walks of both changes of a symbol meet again
        if found is None:
            position = self.index.get(node)
            if position is None:
                return []
            names, edges = self.names, self.edges
            found = [(names[edges[edge][0]], edges[edge][2]) for edge in self.pred[position]]
            self._callers[node] = found
        return found

    def successors(self, node: str) -> list[tuple[str, str]]:
        position = self.index.get(node)
        if position is None:
            return []
        names, edges = self.names, self.edges
        return [(names[edges[edge][1]], edges[edge][2]) for edge in self.succ[position]]

    def into_field(self, node: str, name: str) -> list[tuple[str, str, Any]]:
        """(source, kind, the field ``name``) of every edge that ends at ``node``, in one pass
        over its edges (``edge_field`` of each would scan the source's or target's edges)."""
        position = self.index.get(node)
        if position is None:
            return []
        names, edges, field = self.names, self.edges, 3 + EDGE_FIELDS.index(name)
        return [(names[edges[edge][0]], edges[edge][2], edges[edge][field])
                for edge in self.pred[position]]

    def into_fields(self, node: str, names: tuple[str, ...]
                    ) -> list[tuple[str, str, tuple[Any, ...]]]:
        """``into_field`` of several fields at once: (source, kind, the fields ``names``)."""
        position = self.index.get(node)
        if position is None:
            return []
        labels, edges = self.names, self.edges
        fields = [3 + EDGE_FIELDS.index(name) for name in names]
        return [(labels[row[0]], row[2], tuple([row[field] for field in fields]))
                for row in [edges[edge] for edge in self.pred[position]]]

    def _between(self, source: str, target: str) -> Iterator[list[Any]]:
        """The rows of the edges from ``source`` to ``target``, in kind order."""
        start, end = self.index.get(source), self.index.get(target)
        if start is None or end is None:
            return
        edges = self.edges
        outgoing, incoming = self.succ[start], self.pred[end]
        if len(outgoing) > LONG and len(incoming) > LONG:
            by_target = self._by_target.get(start)
            if by_target is None:
                by_target = self._by_target[start] = {}
                for edge in outgoing:
                    by_target.setdefault(edges[edge][1], []).append(edge)
            for edge in by_target.get(end, ()):
                yield edges[edge]
        elif len(outgoing) <= len(incoming):
            for edge in outgoing:
                if edges[edge][1] == end:
                    yield edges[edge]
        else:
            for edge in incoming:
                if edges[edge][0] == start:
                    yield edges[edge]

    def has_edge(self, source: str, target: str, kind: str) -> bool:
        return any(row[2] == kind for row in self._between(source, target))

    def edge_data(self, source: str, target: str, kind: str) -> dict[str, Any]:
        for row in self._between(source, target):
            if row[2] == kind:
                return _edge_attributes(row)
        return {}

    def edge_field(self, source: str, target: str, kind: str, name: str) -> Any:
        position = 3 + EDGE_FIELDS.index(name)
        for row in self._between(source, target):
            if row[2] == kind:
                return row[position]
        return None

    def edge_kinds(self, source: str, target: str) -> set[str]:
        return {row[2] for row in self._between(source, target)}

    def counts(self) -> tuple[Counter[str], Counter[str], int]:
        """Nodes by kind, edges by kind, and the number of edges."""
        kinds = Counter(str(row[_KIND]) for row in self.rows)
        return kinds, Counter(row[2] for row in self.edges), len(self.edges)

    # -- moving lines (``linker.reuse``), in the rows --------------------------------------
    def move_edge_lines(self, maps: Mapping[str, Mapping[int, int]]) -> bool:
        """``CodeGraph.move_edge_lines`` on the rows."""
        names = self.names
        moved: list[tuple[list[Any], int]] = []
        for row in self.edges:
            line = row[_EDGE_LINE]
            if not line:
                continue
            mapping = maps.get(symbol_module(names[row[0]]))
            if mapping is None:
                continue
            if line not in mapping:
                return False
            moved.append((row, mapping[line]))
        for row, line in moved:
            row[_EDGE_LINE] = line
        return True

    def set_node_lines(self, node: str, line: int, end_line: int) -> None:
        row = self.rows[self.index[node]]  # KeyError: no such node
        row[_LINE], row[_END_LINE] = line, end_line

    # -- the networkx graph --------------------------------------------------------------
    def node_items(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for row in self.rows:
            yield row[0], _node_attributes(row)

    def edge_items(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        names = self.names
        for row in self.edges:
            yield names[row[0]], names[row[1]], row[2], _edge_attributes(row)


def _node_attributes(row: list[Any]) -> dict[str, Any]:
    return {k: v for k, v in zip(NODE_FIELDS, row[1:], strict=True) if v is not None}


def _edge_attributes(row: list[Any]) -> dict[str, Any]:
    edge = {k: v for k, v in zip(EDGE_FIELDS, row[3:], strict=True) if v is not None}
    sites = edge.get("sites")
    if sites is not None:
        edge["sites"] = [[int(i), bool(b)] for i, b in sites]
    return edge
