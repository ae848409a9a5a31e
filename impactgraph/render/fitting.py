"""The one fitting step: the first of a command's candidate diagrams that a format can draw.

Each command offers its diagrams from the most detailed to the coarsest (``graph``: symbol,
module, package level; ``impact``: the same levels, each with every edge and then with the
call chains only, then the top-ranked packages). A candidate fits when its node and edge counts
are within the format's ``Limits`` and its text is within the format's character limit; what
did not fit is kept, so that the command can say why it drew less.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from impactgraph.render.escape import utf16_length


class Countable(Protocol):
    @property
    def nodes(self) -> Sized: ...

    @property
    def edges(self) -> Sized: ...


D = TypeVar("D", bound=Countable)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a format can draw; ``None`` = unbounded.

    With ``edges_per_node``, a diagram of more than ``dense_from`` edges may have at most that
    many edges per node: past it, whatever lays it out, the picture is a hairball.
    """

    format: str
    max_nodes: int | None = None
    max_edges: int | None = None
    max_chars: int | None = None  # in UTF-16 code units, as JavaScript counts
    edges_per_node: float | None = None
    dense_from: int = 0

    def edge_budget(self, nodes: int) -> int | None:
        if self.edges_per_node is None:
            return self.max_edges
        dense = max(self.dense_from, int(self.edges_per_node * nodes))
        return dense if self.max_edges is None else min(self.max_edges, dense)

    def oversize(self, diagram: Countable) -> str | None:
        """``"346 nodes, 1,114 edges"`` when the counts are over the limits, else None."""
        nodes, edges = len(diagram.nodes), len(diagram.edges)
        budget = self.edge_budget(nodes)
        if (self.max_nodes is not None and nodes > self.max_nodes) or (
            budget is not None and edges > budget
        ):
            return f"{nodes:,} nodes, {edges:,} edges"
        return None

    def describe(self) -> str:
        parts = []
        if self.max_nodes is not None:
            parts.append(f"{self.max_nodes:,} nodes")
        if self.max_edges is not None:
            parts.append(f"{self.max_edges:,} edges")
        if self.max_chars is not None:
            parts.append(f"{self.max_chars:,} characters")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Fitted(Generic[D]):
    diagram: D
    text: str


@dataclass(slots=True)
class Fitting(Generic[D]):
    """Tries candidates against ``limits``, rendering with ``render`` only what the counts allow."""

    limits: Limits
    render: Callable[[D], str]
    tried: list[str] = field(default_factory=list)  # why each refused candidate was refused

    def attempt(self, diagram: D) -> Fitted[D] | None:
        size = self.limits.oversize(diagram)
        if size is not None:
            self.tried.append(size)
            return None
        text = self.render(diagram)
        length = utf16_length(text)
        if self.limits.max_chars is not None and length > self.limits.max_chars:
            self.tried.append(f"{length:,} characters")
            return None
        return Fitted(diagram, text)

    def first(self, candidates: Iterable[D]) -> Fitted[D] | None:
        """The first candidate that fits (candidates after it are never built)."""
        for diagram in candidates:
            fitted = self.attempt(diagram)
            if fitted is not None:
                return fitted
        return None

    def largest_prefix(self, cut: Callable[[int], D], size: int) -> Fitted[D]:
        """``cut(n)`` for the largest ``n <= size`` that fits (``cut(0)`` if none does); a
        shorter cut never fits worse, so this is a binary search."""
        low, high = 0, size
        best: Fitted[D] | None = None
        while low < high:
            middle = (low + high + 1) // 2
            fitted = self.attempt(cut(middle))
            if fitted is not None:
                low, best = middle, fitted
            else:
                high = middle - 1
        if best is None:
            smallest = cut(0)
            return Fitted(smallest, self.render(smallest))
        return best
