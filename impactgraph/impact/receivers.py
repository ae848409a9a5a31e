"""The receiver's class, carried backwards over call edges (``linker.receivers``).

A walk state may carry a constraint: a class id, "the ``self`` of this function is an instance
of that class (or of a subclass)", or ``=`` and a class id, "of that class itself". It is
set where the walk steps back over a call that reaches its target only for such a ``self``
(``self.popitem()`` in ``Cache.__setitem__`` reaches ``TLRUCache.popitem`` only on a
``TLRUCache``), kept over a call on ``self``, and
checked against a call whose receiver class is known: ``LRUCache().popitem()`` never runs a
``TLRUCache``'s code, so the walk does not go that way. Anything unknown drops it (None:
any class, as without this), which is always safe.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind

SELF = "self"
EXACT = "="  # ``=cls``: an instance of ``cls`` itself, not of a subclass
LOCAL = "<"  # ``cls<base``: an instance of a class defined in a method, with that one base
# constrained states per node at most: past it, the node is walked without a constraint
MAX_CONSTRAINTS = 8
# ``recv`` lists up to this long are shared by value among a graph's call edges
SHARED_ENTRIES = 16


class Hierarchy:
    """The class hierarchy of one graph (its ``inherits`` edges), asked lazily."""

    def __init__(self, graph: CodeGraph) -> None:
        self.graph = graph
        self._up: dict[str, frozenset[str]] = {}
        self._down: dict[str, frozenset[str]] = {}
        self._certain: dict[str, frozenset[str]] = {}
        self._compatible: dict[tuple[str, str], bool] = {}
        self._owners: dict[str, str | None] = {}
        # node -> its in-edges in order, and a call edge's ``recv`` entries (``Entries``,
        # which keep what stepping back gives): every walk over the graph (one per change
        # and per program start) asks them again, thousands of times for a test base
        # class's method
        self._into: dict[str, list[tuple[str, str]]] = {}
        self._entries: dict[tuple[str, str], Entries | None] = {}
        self._same: dict[tuple[tuple[str, ...], ...], Entries] = {}  # short lists, by value
        self._below: dict[str, frozenset[str]] = {}
        self._related: dict[str, frozenset[str]] = {}

    def into(self, node: str) -> list[tuple[str, str]]:
        """The edges into ``node`` as (source, kind), each once, in order."""
        found = self._into.get(node)
        if found is None:
            found = self._into[node] = sorted(set(self.graph.predecessors(node)))
        return found

    def entries(self, source: str, target: str) -> Entries | None:
        """The ``recv`` entries of the call edge from ``source`` to ``target`` (None: none);
        the calls of one caller with the same short list share one (a method's calls on
        ``self`` mostly do)."""
        key = (source, target)
        if key in self._entries:
            return self._entries[key]
        found = self._entries[key] = self._made(
            self.graph.edge_field(source, target, EdgeKind.CALLS, "recv"))
        return found

    def edges_into(self, target: str) -> list[tuple[str, str, Entries | None]]:
        """The edges into ``target`` as (source, kind, ``entries`` of a call edge, else
        None), in ``into``'s order, read in one pass over the target's edges (a hub of a test
        suite has thousands)."""
        found: list[tuple[str, str, Entries | None]] = []
        known = self._entries
        for source, kind, recv in self.graph.into_field(target, "recv"):
            entries = None
            if kind == EdgeKind.CALLS:
                key = (source, target)
                if key in known:
                    entries = known[key]
                else:
                    entries = known[key] = self._made(recv)
            found.append((source, kind, entries))
        found.sort(key=itemgetter(0, 1))  # (source, kind) is one edge
        return found

    def _made(self, entries: Any) -> Entries | None:
        """The ``Entries`` of a call edge's ``recv`` field (None: none)."""
        if not entries:
            return None
        if len(entries) > SHARED_ENTRIES:
            return Entries(entries)
        value = tuple(tuple(entry) for entry in entries)
        found = self._same.get(value)
        if found is None:
            found = self._same[value] = Entries(entries)
        return found

    def related(self, cls: str) -> frozenset[str]:
        """At least every class (neither ``=cls`` nor ``cls<base``) that is ``compatible``
        with the class ``cls``: those it inherits from, those that inherit from it, and those
        a class below it (without a base of several values) surely inherits from."""
        found = self._related.get(cls)
        if found is None:
            related = set(self.ancestors(cls)) | self.all_below(cls)
            for below in self.descendants(cls):
                related |= self.certain_ancestors(below)
            found = self._related[cls] = frozenset(related)
        return found

    def all_below(self, cls: str) -> frozenset[str]:
        """``cls`` and every class that ``ancestors`` gives it for: every class deriving
        from it, over any ``inherits`` edge."""
        return self._closure(cls, self._below, up=False)

    def ancestors(self, cls: str) -> frozenset[str]:
        """``cls`` and every class it inherits from (or may: of the values of a base
        expression, each)."""
        return self._closure(cls, self._up, up=True)

    def descendants(self, cls: str) -> frozenset[str]:
        """``cls`` and every class that inherits from it, leaving out a class whose one base
        expression has several values (``dispatch`` inherits edges): it inherits from one of
        them, so it is no class that inherits from two of them (one of them is the class
        that does, when one does)."""
        return self._closure(cls, self._down, up=False, certain=True)

    def certain_ancestors(self, cls: str) -> frozenset[str]:
        """``cls`` and the classes it inherits from, whatever value a base expression with
        several has."""
        return self._closure(cls, self._certain, up=True, certain=True)

    def _closure(self, cls: str, memo: dict[str, frozenset[str]], up: bool,
                 certain: bool = False) -> frozenset[str]:
        """``cls`` and the classes above it (``up``) or below it over ``inherits`` edges; with
        ``certain``, not over those of a base expression with several values (``dispatch``)."""
        found = memo.get(cls)
        if found is not None:
            return found
        graph = self.graph
        seen = {cls}
        queue = deque([cls])
        while queue:
            current = queue.popleft()
            step = graph.successors(current) if up else graph.predecessors(current)
            for other, kind in step:
                if kind != EdgeKind.INHERITS or other in seen:
                    continue
                if certain and graph.edge_field(*((current, other) if up else (other, current)),
                                                kind, "dispatch"):
                    continue
                seen.add(other)
                queue.append(other)
        memo[cls] = frozenset(seen)
        return memo[cls]

    def compatible(self, one: str, other: str) -> bool:
        """Can an object be an instance of both (one inherits from the other, or a class
        inherits from both)? ``=cls``: an instance of ``cls`` itself; ``cls<base``: of
        ``cls`` (or a subclass), defined with the one base ``base``."""
        if one == other:
            return True
        if LOCAL in one or LOCAL in other:
            return self._local_compatible(one, other)
        if one.startswith(EXACT) or other.startswith(EXACT):
            if one.startswith(EXACT) and other.startswith(EXACT):
                return False
            exact, wider = (one, other) if one.startswith(EXACT) else (other, one)
            return wider in self.ancestors(exact[len(EXACT):])
        key = (one, other) if one < other else (other, one)
        found = self._compatible.get(key)
        if found is None:
            found = (one in self.ancestors(other) or other in self.ancestors(one)
                     or not self.descendants(one).isdisjoint(self.descendants(other)))
            self._compatible[key] = found
        return found

    def owner(self, node: str) -> str | None:
        """The class whose method ``node`` is (None: not a method)."""
        found = self._owners.get(node, "")
        if found == "":
            found = None
            graph = self.graph
            cls = node.rpartition(".")[0]
            if (":" in cls and node in graph and graph.node(node).get("kind") == "method"
                    and cls in graph and graph.node(cls).get("kind") == "class"):
                found = cls
            self._owners[node] = found
        return found

    def _local_compatible(self, one: str, other: str) -> bool:
        local, other = (one, other) if LOCAL in one else (other, one)
        if LOCAL in other:
            return True  # two classes defined in methods: not told apart
        exact = local.startswith(EXACT)
        cls, _, base = local.removeprefix(EXACT).partition(LOCAL)
        if other.startswith(EXACT):  # an instance of that class itself
            other = other[len(EXACT):]
            return other == cls if exact else cls in self.ancestors(other)
        # an ancestor of what it is, or of its subclasses, or of a class below both
        if exact:
            return other == cls or other in self.ancestors(base)
        return other in self.ancestors(base) or not self.descendants(cls).isdisjoint(
            self.descendants(other))

    def narrower(self, one: str, other: str) -> str | None:
        """A constraint that both give: the one that surely inherits from the other, else
        ``one`` when an object can meet both; None when none can."""
        if LOCAL in one or LOCAL in other:
            return one if self.compatible(one, other) else None
        if one.startswith(EXACT) or other.startswith(EXACT):
            if not self.compatible(one, other):
                return None
            return one if one.startswith(EXACT) else other
        if one == other or other in self.certain_ancestors(one):
            return one
        if one in self.certain_ancestors(other):
            return other
        return one if self.compatible(one, other) else None


def _plain(cls: str) -> bool:
    return not cls.startswith(EXACT) and LOCAL not in cls


class Entries:
    """A call edge's ``recv`` entries, by the class that a plain constraint must be
    ``compatible`` with for the entry to give anything (the given class of a call on
    ``self``, else the receiver's class), so that stepping back under one constraint reads
    only the entries of related classes: a base class's method called on ``self`` has an
    entry per subclass the linker saw, a thousand for Django's ``SimpleTestCase``, and each
    of those subclasses is a constraint a walk steps back under."""

    __slots__ = ("_steps", "all", "by_class", "rest")

    def __init__(self, entries: Sequence[Sequence[str]]) -> None:
        self.all = entries
        self._steps: dict[tuple[str, str | None], list[str | None]] = {}
        self.by_class: dict[str, list[Sequence[str]]] = {}
        self.rest: list[Sequence[str]] = []  # read under any constraint
        for entry in entries:
            given, receiver = entry
            cls = given if receiver == SELF else receiver
            if cls and _plain(cls):
                self.by_class.setdefault(cls, []).append(entry)
            else:
                self.rest.append(entry)

    def step_back(self, hierarchy: Hierarchy, constraint: str | None,
                  caller: str) -> list[str | None]:
        """``step_back`` over these entries, kept per caller and constraint."""
        key = (caller, constraint)
        found = self._steps.get(key)
        if found is None:
            related = self.under(hierarchy, constraint)
            found = step_back(hierarchy, related, constraint, caller) if related else []
            self._steps[key] = found
        return found

    def under(self, hierarchy: Hierarchy, constraint: str | None) -> Sequence[Sequence[str]]:
        """The entries that may give something under ``constraint``: the others give
        nothing (their class is no class an object meeting ``constraint`` can be; under
        ``=cls``, no base of ``cls``)."""
        by_class = self.by_class
        if constraint is None or LOCAL in constraint or not by_class:
            return self.all  # (no entry of a plain class: nothing to leave out, nothing to ask)
        if constraint.startswith(EXACT):  # an instance of that class itself: of its bases
            related = hierarchy.ancestors(constraint[len(EXACT):])
        else:
            related = hierarchy.related(constraint)
        if len(related) < len(by_class):
            keys = [cls for cls in related if cls in by_class]
        else:
            keys = [cls for cls in by_class if cls in related]
        if len(keys) == len(by_class):
            return self.all
        return [*self.rest, *(entry for cls in keys for entry in by_class[cls])]


def step_back(hierarchy: Hierarchy, entries: Sequence[Sequence[str]] | None,
              constraint: str | None, caller: str | None = None) -> list[str | None]:
    """The constraints of the caller's state when a walk at the target of a call edge (under
    ``constraint``) steps back to its caller, over an edge with these ``recv`` entries (None:
    unknown). Empty: the call cannot reach the target under that constraint.

    ``caller``: the caller's node. A method's ``self`` is an instance of its class (the
    linker evaluates its body so): a constraint that no instance of it meets is no way the
    call runs (``FIFOCache.popitem``'s ``self.pop(key)`` never runs ``Cache.pop`` on a
    ``TLRUCache``)."""
    found = _step_back(hierarchy, entries, constraint)
    owner = None if caller is None else hierarchy.owner(caller)
    if owner is None or found == [None]:
        return found
    kept: set[str | None] = set()
    for narrowed in found:
        if narrowed is None or (not narrowed.startswith(EXACT)
                                and owner in hierarchy.descendants(narrowed)):
            kept.add(None)  # what every instance of its class is: nothing more
        elif hierarchy.compatible(narrowed, owner):
            kept.add(narrowed)
    return [None] if None in kept else list[str | None](sorted(c for c in kept if c))


def _step_back(hierarchy: Hierarchy, entries: Sequence[Sequence[str]] | None,
               constraint: str | None) -> list[str | None]:
    if not entries:
        return [None]
    found: set[str | None] = set()
    for given, receiver in entries:
        if receiver == SELF:  # the target runs on the caller's own self
            if constraint is None or not given:
                found.add(constraint or given or None)
                continue
            narrowed = hierarchy.narrower(constraint, given)
            if narrowed is not None:
                found.add(narrowed)
            continue
        if constraint is not None and receiver and not hierarchy.compatible(receiver, constraint):
            continue  # an object of another class: this call never runs the target there
        found.add(given or None)
    if None in found:
        return [None]
    return list[str | None](sorted(c for c in found if c is not None))
