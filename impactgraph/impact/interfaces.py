"""Interface evolution: who breaks when an interface gains a member or loses an implementation.

Pure, like the traversal it adds walks to:

- ``abstract-member-added`` on ``I.m``: every concrete class below ``I`` (an ABC) that gets no
  ``m`` from its own hierarchy can no longer be instantiated: it is broken, and so is every
  caller that instantiates it. For a ``Protocol``, the structural implementations (classes
  the base graph links to its members by ``overrides`` without inheriting from it) that lack
  the new member no longer conform: broken too.
- a removed override whose fallback is abstract or raises ``NotImplementedError``: every call
  that could reach the removed method (directly, or dispatched through the base) now fails;
  for an abstract fallback the class is abstract now, and so is every subclass that gets no
  concrete one on the way: their instantiators break too (at import time where module code,
  a class body among it, instantiates one).
- a removed (or renamed) interface method: each implementation left behind implements nothing
  any more; it is affected (not broken: its code still runs).

Later steps follow callers (calls and references), as the traversal does.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence

from impactgraph.diff.names import Revision
from impactgraph.impact.traverse import (
    USES,
    ImportClosures,
    State,
    Walk,
    break_imports,
    fails_on_import,
)
from impactgraph.linker import CodeGraph
from impactgraph.linker.stdlib import stdlib_abstract
from impactgraph.model import Change, ChangeKind, Definition, EdgeKind


class Interfaces:
    def __init__(
        self,
        base: CodeGraph,
        head: CodeGraph,
        gateways: Sequence[str] = (),
        max_depth: int | None = None,
        never_runs_on_owner: Callable[[str, str], bool] | None = None,
    ) -> None:
        self.base = base
        self.head = head
        # (caller, removed method): does the caller never run on the method's class?
        self.never_runs_on_owner = never_runs_on_owner or (lambda source, target: False)
        self.gateways = tuple(gateways)
        self.max_depth = max_depth
        self.import_closure = ImportClosures(base, head)

    def walks(self, change: Change) -> list[Walk]:
        if change.kind is ChangeKind.ABSTRACT_MEMBER_ADDED:
            return self._member_added(change)
        if change.kind is ChangeKind.SYMBOL_REMOVED:
            left = self._implementations_left(change)
            return [*self._override_removed(change), *([left] if left is not None else [])]
        return []

    # -- abstract-member-added -------------------------------------------------------------
    def _member_added(self, change: Change) -> list[Walk]:
        owner, _, name = change.symbol.rpartition(".")
        graph = self.head
        if owner not in graph or ":" not in owner:
            return []
        seed = change.symbol if change.symbol in graph else owner
        definition = _definition(graph, change.symbol)
        abstract = definition is None or definition.is_abstract
        protocol = _is_protocol(graph, owner)
        # An ABC's subclasses that lack it cannot be instantiated; a protocol's structural
        # implementations that lack it no longer conform (their instances are still made).
        subclasses = list(self._lacking_subclasses(graph, owner, name)) if (
            abstract or not protocol) else []
        structural = sorted(
            cls for cls in self._structural(owner)
            if cls in graph and not _provides(graph, cls, name, stop=owner)
        ) if protocol else []
        if not subclasses and not structural:
            return []
        walk = Walk(graph, self.gateways)
        start: State = (seed, False, None)
        walk.visit(start, None, 0)
        passers = _passers(graph, owner, structural)
        for group, instantiators in ((subclasses, abstract), (structural, False)):
            states = []
            for cls in group:
                state = walk.step(start, cls)
                if not _declares_abc(graph, cls) and not _implemented_below(graph, cls, name,
                                                                          owner):
                    # one declared an ABC, or a base whose every subclass implements the
                    # member, is not made but by code that breaks (spread below)
                    walk.broken.add(cls)
                if walk.visit(state, start, 1):
                    states.append(state)
                for caller in passers.get(cls, ()):
                    # it hands a non-conforming instance to a parameter typed by the protocol
                    walk.broken.add(caller)
                    following = walk.step(state, caller)
                    if walk.visit(following, state, 2):
                        states.append(following)
            self._spread(walk, states, instantiators=instantiators)
        self._import_time(walk)
        return [walk]

    def _lacking_subclasses(
        self, graph: CodeGraph, interface: str, name: str
    ) -> Iterator[str]:
        """Concrete classes below ``interface`` that get no concrete ``name`` on the way."""
        seen = {interface}
        queue = deque([interface])
        while queue:
            parent = queue.popleft()
            for cls in sorted(_subclasses(graph, parent)):
                if cls in seen:
                    continue
                seen.add(cls)
                if _provides(graph, cls, name, stop=interface):
                    continue  # it and everything below it have the member
                if not _is_abstract_class(graph, cls) and not _lacks_another_abstract(
                        graph, cls, name):
                    yield cls
                queue.append(cls)

    def _structural(self, protocol: str) -> set[str]:
        """Classes the base graph links to the protocol's members without inheriting it."""
        found: set[str] = set()
        graph = self.base
        if protocol not in graph:
            return found
        module = graph.module_of(protocol)
        prefix = protocol + "."
        for member in graph.members(module):
            if not member.startswith(prefix) or "." in member[len(prefix):]:
                continue
            for source, kind in graph.predecessors(member):
                if kind == EdgeKind.OVERRIDES:
                    cls = source.rpartition(".")[0]
                    if protocol not in _ancestors(graph, cls):
                        found.add(cls)
        return found

    # -- removed overrides and interface methods ------------------------------------------
    def _override_removed(self, change: Change) -> list[Walk]:
        """A breaking removal of an override: calls reaching it (dispatched ones too) fail."""
        if not change.breaks_code or change.symbol not in self.base:
            return []
        owner, _, name = change.symbol.rpartition(".")
        if owner not in self.head:
            return []
        made = _definition(self.head, owner)
        if made is not None and name in made.attributes:
            return []  # bound in the class body now (``__hash__ = None``): no fallback runs
        if not _inherits_member(self.head, owner, name):
            # no base of ours has it: a standard-library ABC may declare it abstract
            # (``collections.abc.MutableSet.__len__``), and the class is abstract now
            if outside_abstract(self.head, owner, name) is None:
                return []
            return [self._made_abstract(owner, name)]
        walk = Walk(self.base, self.gateways)
        start: State = (change.symbol, False, None)
        walk.visit(start, None, 0)
        callers = []
        for source, kind in sorted(set(self.base.predecessors(change.symbol))):
            if kind != EdgeKind.CALLS or source not in self.head:
                continue  # a caller that is gone breaks nothing
            if self.never_runs_on_owner(source, change.symbol):
                continue  # a base class's call on ``self`` the class overrides the caller of
            state = walk.step(start, source)
            walk.broken.add(source)
            if walk.visit(state, start, 1):
                callers.append(state)
        fallback = _fallback(self.head, owner, name)
        if fallback is not None and fallback.is_abstract:
            head_walk = self._made_abstract(owner, name)
            self._spread(walk, callers, instantiators=False)
            return [walk, head_walk]
        self._spread(walk, callers, instantiators=False)
        return [walk]

    def _made_abstract(self, owner: str, name: str) -> Walk:
        """``owner`` lost its concrete ``name`` and is abstract now, and so is every subclass
        that gets no ``name`` of its own on the way: whoever instantiates one of them breaks."""
        head_walk = Walk(self.head, self.gateways)
        head_start: State = (owner, False, None)
        head_walk.visit(head_start, None, 0)
        abstract = [head_start]
        for cls in self._lacking_subclasses(self.head, owner, name):
            state = head_walk.step(head_start, cls)
            if head_walk.visit(state, head_start, 1):
                abstract.append(state)
        self._spread(head_walk, abstract, instantiators=True, from_depth=0)
        self._import_time(head_walk)
        return head_walk

    def _implementations_left(self, change: Change) -> Walk | None:
        """An interface method removed or renamed: its implementations implement nothing."""
        graph = self.base
        if change.symbol not in graph:
            return None
        overriders = sorted(
            s for s, k in graph.predecessors(change.symbol) if k == EdgeKind.OVERRIDES
        )
        overriders = [s for s in overriders if s in self.head]
        if not overriders:
            return None
        walk = Walk(graph, self.gateways)
        start: State = (change.symbol, False, None)
        walk.visit(start, None, 0)
        for source in overriders:
            walk.visit(walk.step(start, source), start, 1)
        return walk

    # -- spreading -------------------------------------------------------------------------
    def _import_time(self, walk: Walk) -> None:
        """Module-level code that broke (``DEFAULT = MemStore()``) fails at import time: every
        module importing it breaks in turn."""
        broken: list[tuple[State, bool]] = []
        for state, depth in walk.depth.items():
            if depth == 0 or state[0] not in walk.broken:
                continue
            if ":" not in state[0]:
                parent = walk.parent[state]
                if parent is None or fails_on_import(walk.graph, state[0], parent[0]):
                    broken.append((state, False))
            else:  # a broken function or class that module code calls (``X = make()``)
                broken.append((state, True))
        break_imports(walk, broken, self.max_depth, self.import_closure)

    def _spread(
        self, walk: Walk, states: Iterable[State], *, instantiators: bool, from_depth: int = 1
    ) -> None:
        """Broken instantiators of the classes in ``states`` (calls to the class), then every
        caller up the chain, affected only."""
        graph = walk.graph
        queue: deque[State] = deque()
        for state in states:
            queue.append(state)
            if not instantiators:
                continue
            for source, kind in sorted(set(graph.predecessors(state[0]))):
                if kind != EdgeKind.CALLS or (graph.module_of(source) == graph.module_of(state[0])
                                       and source.startswith(state[0] + ".")):
                    continue  # its own methods (``cls()`` in a classmethod) are not users
                walk.broken.add(source)
                following = walk.step(state, source)
                if walk.visit(following, state, walk.depth[state] + 1):
                    queue.append(following)
        while queue:
            state = queue.popleft()
            depth = walk.depth[state]
            if self.max_depth is not None and depth >= self.max_depth:
                continue
            node = state[0]
            if depth > from_depth and ":" not in node:
                continue
            for source, kind in sorted(set(graph.predecessors(node))):
                if kind not in USES:
                    continue
                following = walk.step(state, source)
                if walk.visit(following, state, depth + 1):
                    queue.append(following)


def _passers(graph: CodeGraph, protocol: str, classes: Sequence[str]) -> dict[str, set[str]]:
    """Callers that pass an instance of one of ``classes`` where ``protocol`` is annotated.

    Judged on the call sites as written: the argument (or the local variable it names) is
    built from the class, and the parameter it binds to is annotated with the protocol's name.
    """
    found: dict[str, set[str]] = {}
    if not classes:
        return found
    name = protocol.rpartition(":")[2].rpartition(".")[2]
    token = re.compile(rf"\b{re.escape(name)}\b")
    bare = {cls: cls.rpartition(":")[2].rpartition(".")[2] for cls in classes}
    for function in list(graph.nodes()):
        definition = _definition(graph, function) if ":" in function else None
        if definition is None or definition.signature is None:
            continue
        params = list(definition.signature.parameters)
        typed = [i for i, p in enumerate(params) if p.annotation and token.search(p.annotation)]
        if not typed:
            continue
        method = definition.kind.value == "method" and "staticmethod" not in " ".join(
            definition.decorators)
        callee = definition.qualname.rpartition(".")[2]
        for caller, kind in set(graph.predecessors(function)):
            if kind != EdgeKind.CALLS:
                continue
            summary = graph.summaries.get(graph.module_of(caller))
            if summary is None:
                continue
            bindings = dict(summary.bindings)
            for site in summary.calls:
                if site.scope != caller or not any(_names(e, callee) for e in site.callee):
                    continue
                values = [exprs for i, exprs in enumerate(site.args)
                          if i + method in typed]
                values += [exprs for key, exprs in site.kwargs
                           if any(params[i].name == key for i in typed)]
                for cls, short in bare.items():
                    if any(_built_from(e, short, bindings) for exprs in values for e in exprs):
                        found.setdefault(cls, set()).add(caller)
    return found


def _names(expr: tuple[str, ...], name: str) -> bool:
    return any(part.endswith((f"|{name}", f":{name}")) or part == f".{name}" for part in expr)


def _built_from(
    expr: tuple[str, ...], name: str, bindings: dict[str, tuple[tuple[str, ...], ...]],
    depth: int = 0,
) -> bool:
    """``Impl()``, or a local variable bound to one (a few assignments deep)."""
    if _names(expr, name):
        return True
    if depth < 3 and len(expr) == 1 and expr[0] in bindings:
        return any(_built_from(e, name, bindings, depth + 1) for e in bindings[expr[0]])
    return False


def _subclasses(graph: CodeGraph, cls: str) -> Iterator[str]:
    for source, kind in graph.predecessors(cls):
        if kind == EdgeKind.INHERITS:
            yield source


def _bases(graph: CodeGraph, cls: str) -> Iterator[str]:
    for target, kind in graph.successors(cls):
        if kind == EdgeKind.INHERITS:
            yield target


def _ancestors(graph: CodeGraph, cls: str) -> set[str]:
    found: set[str] = set()
    queue = deque([cls])
    while queue:
        for base in _bases(graph, queue.popleft()):
            if base not in found:
                found.add(base)
                queue.append(base)
    return found


def _definition(graph: CodeGraph, symbol: str) -> Definition | None:
    module, _, qualname = symbol.partition(":")
    summary = graph.summaries.get(module)
    if summary is None:
        return None
    return next((d for d in summary.definitions if d.qualname == qualname), None)


def _has_own(graph: CodeGraph, cls: str, name: str) -> Definition | None:
    """``cls``'s own concrete ``name`` (a method or a data attribute), if any."""
    member = _definition(graph, f"{cls}.{name}")
    if member is not None:
        return None if member.is_abstract else member
    owner = _definition(graph, cls)
    if owner is not None and name in owner.attributes:
        return owner
    return None


def _provides(graph: CodeGraph, cls: str, name: str, *, stop: str) -> bool:
    """Does ``cls`` get a concrete ``name`` from itself or a base that is not ``stop``'s?"""
    excluded = {stop, *_ancestors(graph, stop)}
    return any(
        _has_own(graph, c, name) is not None
        for c in [cls, *_ancestors(graph, cls)] if c not in excluded
    )


def _inherits_member(graph: CodeGraph, cls: str, name: str) -> bool:
    return any(_definition(graph, f"{base}.{name}") is not None for base in _ancestors(graph, cls))


def outside_abstract(graph: CodeGraph, cls: str, name: str) -> str | None:
    """The standard-library ABC among the bases of ``cls`` and of its ancestors of ours that
    declares ``name`` abstract (``collections.abc.MutableSet``), when no class of ours on the
    way has a concrete ``name``: the class cannot be instantiated without one. None when
    there is none or some class of ours provides it. Other outside bases are not known."""
    classes = [cls, *sorted(_ancestors(graph, cls))]
    if any(_has_own(graph, c, name) is not None for c in classes):
        return None
    revision = Revision(graph.summaries)
    for c in classes:
        definition = _definition(graph, c)
        if definition is None:
            continue
        module = c.partition(":")[0]
        for text in definition.bases:
            dotted = revision.spelled(module, text)
            if stdlib_abstract(dotted, name):
                return dotted
    return None


def _fallback(graph: CodeGraph, cls: str, name: str) -> Definition | None:
    for base in sorted(_ancestors(graph, cls)):
        found = _definition(graph, f"{base}.{name}")
        if found is not None:
            return found
    return None


def _is_abstract_class(graph: CodeGraph, cls: str) -> bool:
    """A class that declares abstract members of its own, or is a Protocol: not instantiated."""
    definition = _definition(graph, cls)
    if definition is None:
        return False
    if _is_protocol(graph, cls):
        return True
    module, _, qualname = cls.partition(":")
    summary = graph.summaries.get(module)
    prefix = qualname + "."
    return summary is not None and any(
        d.is_abstract and d.qualname.startswith(prefix) and "." not in d.qualname[len(prefix):]
        for d in summary.definitions
    )


def _lacks_another_abstract(graph: CodeGraph, cls: str, name: str) -> bool:
    """Does ``cls`` get no concrete member for some name other than ``name`` that a base of
    ours declares abstract? Then it could not be instantiated before ``name`` was added either
    (xarray 2024.11's bare ``class Resampler(Grouper)``, with no ``factorize``, when
    ``Grouper.reset`` became abstract): the new member takes nothing from it."""
    for ancestor in sorted(_ancestors(graph, cls)):
        module, _, qualname = ancestor.partition(":")
        summary = graph.summaries.get(module)
        if summary is None:
            continue
        prefix = qualname + "."
        for d in summary.definitions:
            member = d.qualname[len(prefix):]
            if (d.is_abstract and d.qualname.startswith(prefix) and "." not in member
                    and member != name and not _provides(graph, cls, member, stop=ancestor)):
                return True
    return False


def _declares_abc(graph: CodeGraph, cls: str) -> bool:
    """Does class ``cls`` declare itself abstract: ``abc.ABC`` among its own bases, or
    ``metaclass=ABCMeta`` (pytest 8.0's ``class Directory(FSCollector, abc.ABC)``, below a
    ``Collector`` whose ``collect`` became abstract: only its subclasses are made)?"""
    definition = _definition(graph, cls)
    if definition is None:
        return False
    names = [b.split("[", 1)[0].rsplit(".", 1)[-1] for b in definition.bases]
    meta = (definition.metaclass or "").rsplit(".", 1)[-1]
    return "ABC" in names or meta == "ABCMeta"


def _implemented_below(graph: CodeGraph, cls: str, name: str, interface: str) -> bool:
    """Is ``cls`` a base of subclasses of ours each of which gets a concrete ``name`` below
    ``interface`` (``_provides``) or is such a base itself? Then the class is written as a
    base, not an implementation: its subclasses implement the member (rdflib 7.1 made
    ``Node.n3`` abstract; ``Identifier(Node, str)``, which nothing makes, has none, and its
    subclasses ``URIRef``, ``BNode``, ``Literal``, ``Variable`` each define one). A class with
    no subclass of ours is an implementation, whoever makes it."""
    seen = {cls}
    queue = deque([cls])
    while queue:
        current = queue.popleft()
        below = sorted(_subclasses(graph, current))
        if not below:
            return False
        for sub in below:
            if sub in seen or _provides(graph, sub, name, stop=interface):
                continue
            seen.add(sub)
            queue.append(sub)
    return True


def _is_protocol(graph: CodeGraph, cls: str) -> bool:
    definition = _definition(graph, cls)
    return definition is not None and any(
        b.split("[", 1)[0].rsplit(".", 1)[-1] == "Protocol" for b in definition.bases
    )
