"""Module-level state of ours that the changes may leave otherwise: a list a function inserts
into, a dict it sets items of, a global it rebinds (``global TABLE; TABLE = [...]``).

Such state outlives the test that wrote it: pytest runs the test files one after another in
one process, so a later test that only reads the state (``parse`` iterating over the token
classes a renderer registered) fails when the change leaves it otherwise, though none of its
calls reaches the change. It is left otherwise when the changed code writes it, or no longer
does (``__exit__`` that stopped calling ``reset_tokens()``), or when code that writes it and
then calls the changed code breaks after the write (``__init__`` registering tokens, then
naming a method that is gone).

So the code the changes run first (each changed function, and the functions calling or
naming one directly that may now raise: ``_front``) is followed forward over calls, a few
steps, in the revision where it runs that way; every module-level variable written there is
state the change may leave otherwise, and the functions of its module that read it are where
a test may meet it. Only what the summaries spell is known: a variable of the writer's own
module, written by a mutating method (``.append``, ``.insert``, ...), an item store or
delete, or rebound from the function (a value it makes); read by a function of that module
naming it. A removed
function runs no more (its callers break: those are followed), and a signature change alone
runs the function as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass

from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind, FileSummary, symbol_module

# methods of the builtin containers (and deque) that change them in place
MUTATORS = frozenset({
    ".append", ".extend", ".insert", ".remove", ".pop", ".clear", ".update", ".add",
    ".discard", ".setdefault", ".popitem", ".appendleft", ".extendleft", ".sort", ".reverse",
    ".difference_update", ".intersection_update", ".symmetric_difference_update",
    "%__setitem__", "%__delitem__", "%__iadd__", "%__ior__",
})
STEPS = 2  # how far forward from the code the changes run first
# a context manager's ``__enter__`` that raises leaves its ``__exit__`` unrun
_EXITS = {"__enter__": "__exit__", "__aenter__": "__aexit__"}


@dataclass(frozen=True, slots=True)
class StateRead:
    """A function of ours reading module-level state that code the changes run writes."""

    reader: str  # the reading function's symbol
    variable: str  # ``module:name``
    writer: str  # a function writing it, run by
    via: str  # the changed function, or the function calling or naming it


def state_reads(graphs: Iterable[CodeGraph], seeds: Iterable[str], running: Set[str],
                breaking: Set[str], tests: Set[str]) -> list[StateRead]:
    """The functions (of the last graph, the head) reading module-level state that the code
    the changes to ``seeds`` (changed symbols) run first writes in some graph. ``running``:
    the seeds whose own code runs otherwise (a body or a default changed); ``breaking``:
    those changed so that callers may break. ``tests``: the test files, whose code is never
    a writer or a reader here (a test's own state is its own)."""
    graphs = list(graphs)
    if not graphs:
        return []
    head = graphs[-1]
    seeds = sorted(set(seeds))
    found: dict[tuple[str, str], StateRead] = {}
    for graph in graphs:
        writes = _Writes(graph)
        callees: dict[str, list[str]] = {}  # shared by the forward walks of every start
        for start, whole in _front(graph, head, seeds, running, breaking, tests):
            for writer in _forward(graph, start, tests, callees):
                for key in writes.of(writer, whole):
                    found.setdefault((key, writer), StateRead("", key, writer, start))
    reads = _Writes(head)
    out: dict[tuple[str, str], StateRead] = {}
    for (key, _), write in sorted(found.items()):
        for reader in reads.readers(key):
            if reader in head and head.path_of(reader) not in tests:
                out.setdefault((reader, key), StateRead(reader, key, write.writer, write.via))
    return [out[k] for k in sorted(out)]


def _front(graph: CodeGraph, head: CodeGraph, seeds: Iterable[str], running: Set[str],
           breaking: Set[str], tests: Set[str]) -> Iterator[tuple[str, bool]]:
    """What the changes run first in ``graph``: each changed function whose own code runs
    otherwise (``running``; a removed one runs no more: its callers break), and each function
    that may now raise in the middle of its code for them: one calling a function whose
    signature changed so that callers may break, one calling or naming a function gone
    from the head that no longer names anything so called there (``self.check()`` after
    ``check`` was renamed; not ``self.render`` of a removed override, which the base
    class's ``render`` answers now). An ``__enter__`` whose code runs otherwise may now
    raise, and then its class's ``__exit__`` is not run: what that resets stays as it was
    (mistletoe's ``BaseRenderer.__exit__`` resetting the token lists).

    Each comes with whether its module is read whole (``_Writes.of``): yes for code the
    change runs otherwise or no more; a caller that may now raise is read for the writes
    its graph edges show (the state it writes before the raising call)."""
    seen: set[str] = set()
    for seed in seeds:
        if seed not in graph or ":" not in seed:
            continue
        gone = seed not in head
        whole: list[str] = [seed] if seed in running and not gone else []
        if whole and _short(seed) in _EXITS and _may_raise(head, seed):
            whole += _exits(graph, seed.rpartition(".")[0], _EXITS[_short(seed)])
        for node in whole:
            if node not in seen and graph.path_of(node) not in tests:
                seen.add(node)
                yield node, True
        candidates = []
        name = _short(seed)
        for source, kind in graph.predecessors(seed):
            if gone:  # a call or name of it that names nothing so called now
                broken = (kind in (EdgeKind.CALLS, EdgeKind.REFERENCES) and source in head
                          and not any(_short(t) == name for t, _ in head.successors(source)))
            else:  # a call the new signature may refuse
                broken = kind == EdgeKind.CALLS and seed in breaking
            if broken:
                candidates.append(source)
        for node in candidates:
            if node not in seen and ":" in node and graph.path_of(node) not in tests:
                seen.add(node)
                yield node, False


def _short(symbol: str) -> str:
    return symbol.rpartition(":")[2].rpartition(".")[2]


def _may_raise(head: CodeGraph, function: str) -> bool:
    """Does ``function``'s head code call anything or raise (``return self or None`` does
    neither: only its truth is asked, implicitly)?"""
    summary = head.summaries.get(symbol_module(function))
    return summary is None or any(
        (not site.implicit or any(expr[-1:] == ("!class",) for expr in site.callee))
        for site in summary.calls
        if site.scope == function or site.scope.startswith(function + "."))


def _exits(graph: CodeGraph, cls: str, name: str) -> list[str]:
    """The ``name`` (``__exit__``) a ``with`` on an instance of ``cls`` runs: the first of
    ``cls`` and its bases of ours, breadth first, that defines one."""
    queue, seen = [cls], {cls}
    while queue:
        current = queue.pop(0)
        method = f"{current}.{name}"
        if method in graph:
            return [method]
        for base, kind in graph.successors(current):
            if kind == EdgeKind.INHERITS and base not in seen and ":" in base:
                seen.add(base)
                queue.append(base)
    return []


def _forward(graph: CodeGraph, start: str, tests: Set[str],
             callees: dict[str, list[str]] | None = None) -> set[str]:
    """``start`` and the functions of ours it calls, up to ``STEPS`` calls away.
    ``callees``: each node's callees of ours outside ``tests``, as far as known (filled)."""
    if callees is None:
        callees = {}
    reached = {start}
    layer = [start]
    for _ in range(STEPS):
        following = []
        for node in layer:
            found = callees.get(node)
            if found is None:
                found = callees[node] = [
                    target for target, kind in graph.successors(node)
                    if kind == EdgeKind.CALLS and ":" in target and target in graph
                    and graph.path_of(target) not in tests]
            for target in found:
                if target not in reached:
                    reached.add(target)
                    following.append(target)
        layer = following
    return reached


class _Writes:
    """Per module of ``graph``, which of its functions write which of its module-level
    variables, and which read them, read from its summary when first asked."""

    def __init__(self, graph: CodeGraph) -> None:
        self.graph = graph
        self._writes: dict[str, dict[str, set[str]]] = {}  # module -> function -> variables
        self._reads: dict[str, dict[str, set[str]]] = {}  # module -> variable -> functions
        self._read_in: dict[str, bool] = {}  # module -> ``_state_read_in``
        # (function, whole) -> ``of``: asked again for a function every change's forward walk
        # reaches (the 10,000-module repository's 6,982 callers: 120,446 times)
        self._of: dict[tuple[str, bool], set[str]] = {}

    def of(self, function: str, whole: bool = False) -> set[str]:
        """The module-level variables (``module:name``) ``function`` writes. Only a function
        that refers to a module-level variable of its module (an edge of the graph) is read
        further, or with ``whole`` one whose module has functions reading such a variable
        (what a ``global`` rebound by a function that reads none is read by: mistletoe's
        ``reset_tokens``): the summaries of the others' modules are not decoded."""
        known = self._of.get((function, whole))
        if known is None:
            module = symbol_module(function)
            if function not in self.graph or not (
                self._refers_to_state(function, module)
                or (whole and self._state_read_in(module))
            ):
                known = set()
            else:
                self._learn(module)
                known = self._writes.get(module, {}).get(function, set())
            self._of[function, whole] = known
        return known

    def _state_read_in(self, module: str) -> bool:
        """Does a function of ``module`` refer to a module-level variable of it?"""
        known = self._read_in.get(module)
        if known is None:
            graph = self.graph
            known = self._read_in[module] = any(
                graph.node(variable).get("kind") == "variable" and any(
                    kind == EdgeKind.REFERENCES and ":" in source
                    and symbol_module(source) == module
                    for source, kind in graph.predecessors(variable))
                for variable in graph.members(module))
        return known

    def _refers_to_state(self, function: str, module: str) -> bool:
        graph = self.graph
        return any(  # ``of`` asks only of functions of the graph
            kind == EdgeKind.REFERENCES and symbol_module(target) == module and ":" in target
            and target in graph and graph.node(target).get("kind") == "variable"
            for target, kind in graph.successors(function))

    def readers(self, variable: str) -> list[str]:
        module = variable.rpartition(":")[0]
        self._learn(module)
        return sorted(self._reads.get(module, {}).get(variable, ()))

    def _learn(self, module: str) -> None:
        if module in self._writes:
            return
        writes: dict[str, set[str]] = {}
        reads: dict[str, set[str]] = {}
        self._writes[module], self._reads[module] = writes, reads
        summary = self.graph.summaries.get(module)
        if summary is None or summary.error:
            return
        prefix = f"v:{module}:|"
        for function, name in _written(summary, prefix):
            writes.setdefault(function, set()).add(f"{module}:{name}")
        for reference in summary.references:
            if not _in_function(reference.scope, module):
                continue
            for expr in reference.target:
                if expr and expr[0].startswith(prefix):
                    name = expr[0][len(prefix):]
                    reads.setdefault(f"{module}:{name}", set()).add(reference.scope)


def _in_function(scope: str, module: str) -> bool:
    return scope.startswith(f"{module}:") and scope != f"{module}:"


def _written(summary: FileSummary, prefix: str) -> Iterator[tuple[str, str]]:
    """(function, variable name) for each module-level variable a function of ``summary``
    changes in place or rebinds."""
    module = summary.module
    for site in summary.calls:
        if not _in_function(site.scope, module):
            continue
        for expr in site.callee:
            if len(expr) == 2 and expr[0].startswith(prefix) and expr[1] in MUTATORS:
                yield site.scope, expr[0][len(prefix):]
    for key, values in summary.bindings:
        if not key.startswith(prefix):
            continue
        for value in values:
            scope = _made_in(value[0], module) if value else None
            if scope is not None:  # rebound by ``global`` to a value the function makes
                yield scope, key[len(prefix):]


def _made_in(root: str, module: str) -> str | None:
    """The function of ``module`` whose local value (``v:``) or container (``c:``) ``root``
    is, if it is one."""
    if root[:2] not in ("v:", "c:") or not root[2:].startswith(f"{module}:"):
        return None
    qualname = root[2 + len(module) + 1:].partition("|")[0]
    return f"{module}:{qualname}" if qualname else None
