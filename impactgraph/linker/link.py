"""FileSummaries -> CodeGraph: resolve every call, reference, import and class relation."""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import pickle
import signal
import sys
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from typing import Any, Protocol
from warnings import catch_warnings, simplefilter

from impactgraph.expressions import (
    VARIABLE,
    Attr,
    AttrPattern,
    BuiltinRoot,
    ContainerRoot,
    DescriptorSet,
    GeneratedRoot,
    ModuleRoot,
    Variable,
    item,
    parse_root,
)
from impactgraph.indexer.plain import PROGRAM_RUNNERS, decorator_base
from impactgraph.linker import stdlib_self
from impactgraph.linker.graph import ANY_CALLEE, CodeGraph
from impactgraph.linker.receivers import Entry, Receivers, TargetsOf
from impactgraph.linker.resolve import (
    NOT_HANDED_OVER,
    TOP,
    Resolver,
    builtin_has,
    forget_orders,
    local_name,
    ordered,
    patchable,
)
from impactgraph.linker.stdlib_self import Question, SelfCalls
from impactgraph.linker.values import (
    Bound,
    Builtin,
    BuiltinMethod,
    Container,
    ContainerMethod,
    Ext,
    Inst,
    Mod,
    Named,
    Property,
    Slice,
    Subclass,
    Super,
    Sym,
    Value,
    Via,
)
from impactgraph.model import (
    CallSite,
    Diagnostic,
    EdgeKind,
    Expr,
    FileSummary,
    ParamKind,
    Program,
    SymbolKind,
    top_package,
)

# Rounds of argument flow (a function passed as an argument and called by the callee) at
# most. Each round follows values one call deeper, and flow stops at the first round that binds
# nothing new: Django's fourth, PIL's and click's fifth, pip's and werkzeug's sixth, networkx's
# and setuptools' seventh. This bound is for a pathological code base only. At 4 it cut real
# flow short: a function handed on through more calls than that, each found a round later,
# lost the edges of the last ones.
MAX_FLOW_ROUNDS = 32
MAX_ALIASES = 4  # names followed back to an outside call's result (``_made_outside``)
RECURSION_LIMIT = 40_000
FUNCTION_KINDS = (SymbolKind.FUNCTION, SymbolKind.METHOD)
# builtins that call the functions passed to them
# outside callables that make a callable of the function they are given, calling nothing
PARTIAL_MAKERS = frozenset({"functools.partial"})
CALLBACK_BUILTINS = frozenset({"map", "filter", "sorted", "min", "max", "iter", "next"})
# builtin -> the arguments it calls (positions; "key" for the keyword): an argument it only
# iterates (``sorted(xs)``, ``map(f, xs)``'s ``xs``, ``next(it, default)``) is not called,
# so an unbounded value there is no call the linker gave up on (``iter(f, sentinel)`` calls
# ``f``; ``iter(xs)`` runs ``xs.__iter__``, an implicit call of its own)
CALLED_ARGUMENTS: dict[str, frozenset[int | str]] = {
    "map": frozenset({0}), "filter": frozenset({0}), "sorted": frozenset({"key"}),
    "min": frozenset({"key"}), "max": frozenset({"key"}), "next": frozenset(),
}
# special methods outside code runs on an object it was handed without naming them in our code
# (``app(environ, start_response)`` in a WSGI server, ``for x in obj``, ``with obj``, ``str(obj)``)
# special methods a builtin type's methods run on their arguments: conversions, formatting,
# hashing and comparing (dict/set keys, list.index, sorting), the container and iteration
# protocols, truth, calling (``key=``) and attribute reads (``"{0.x}".format``); never
# arithmetic or markupsafe's ``__html__``: C code reaches those only through operators
BUILTIN_PROTOCOL = frozenset(
    {"__str__", "__repr__", "__format__", "__bytes__", "__int__", "__float__", "__complex__",
     "__index__", "__round__", "__trunc__", "__hash__", "__eq__", "__ne__", "__lt__", "__le__",
     "__gt__", "__ge__", "__bool__", "__len__", "__iter__", "__next__", "__reversed__",
     "__getitem__", "__contains__", "__length_hint__", "__call__", "__getattr__",
     "__getattribute__", "__fspath__", "__buffer__"}
)
# outside methods that keep what they are given (a list's, set's or dict's): whoever reads it
# there later may call any method of it (``_link_stored``)
STORING_METHODS = frozenset(
    {"append", "add", "insert", "extend", "update", "setdefault", "appendleft", "extendleft"})
DESCRIPTOR_METHODS = ("__get__", "__set__", "__delete__")
# values that hold nothing of the code base's (an unresolved call given only these cannot
# hand our code to outside code)
NOT_OURS = frozenset({"ext", "bi", "biinst", "bimeth", "cmeth", "cont", "slice"})
# outside code that looks at what it is given (or stores it) without calling it
INSPECTING_MODULES = frozenset(
    {"inspect", "typing", "typing_extensions", "types", "abc", "dataclasses", "weakref", "copy",
     "pickle", "warnings", "enum"}
)
INSPECTING_FUNCTIONS = frozenset(
    {"functools.wraps", "functools.update_wrapper", "asyncio.iscoroutinefunction",
     "asyncio.iscoroutine"}
)


class Sink(Protocol):
    """What linking a module adds to: a ``CodeGraph``, or the ``_GraphLog`` of a forked
    linker (``_link_sites``)."""

    external_calls: dict[str, set[str]]
    programs: dict[str, set[Program | None]]
    unresolved_names: dict[str, set[str]]
    gave_up_names: dict[str, set[str]]
    unresolved_calls: int
    unresolved_sites: list[tuple[str, int]]

    def main_block(self, source: str | None) -> None: ...

    def generated_site(self, generated: bool) -> None: ...

    def poly_site(self, poly: bool) -> None: ...

    def add_edge(
        self, source: str, target: str, kind: EdgeKind, line: int = 0, bound: bool = False,
        dispatch: bool = False, named: bool = False, site: int | None = None,
        dynamic: bool = False, callback: bool = False,
        recv: Collection[tuple[str, str]] | None = None, unbounded: bool = False,
    ) -> None: ...

    def add_unbounded_site(self, caller: str, receiver: str) -> None: ...


def running_imports(summary: FileSummary) -> tuple[str, ...]:
    """What the module's import statements that run name (``CodeGraph.module_imports``)."""
    return tuple(binding.target for binding in summary.imports if not binding.type_checking)


def link(summaries: Iterable[FileSummary], warnings: Iterable[Diagnostic] = (),
         jobs: int | None = None) -> CodeGraph:
    """The linked graph of ``summaries``. ``jobs``: processes the linking of the call sites
    may use once argument flow is done (None: one per CPU, at most ``MAX_LINKERS``; 1: this
    one only); the graph is the same for any number (``_link_sites``)."""
    # Evaluation recurses along chains of variables (versions of a local, argument flow);
    # Resolver.resolve stops at MAX_DEPTH, which needs more than the default 1000 frames.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, RECURSION_LIMIT))
    # Linking makes millions of small objects that live until it ends (memoised value sets,
    # expression keys) and almost no reference cycles: the collector's passes over that
    # growing heap were a third of the link's CPU for nothing (Django: 14.8 s with it, 10.0 s
    # without; under 400 objects collected in the whole link). It runs again afterwards, and
    # collects the little the link left in cycles then.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _link(summaries, warnings, jobs)
    finally:
        forget_orders()
        if collecting:
            gc.enable()
        sys.setrecursionlimit(limit)


def _link(summaries: Iterable[FileSummary], warnings: Iterable[Diagnostic],
          jobs: int | None = None) -> CodeGraph:
    usable = list(summaries)
    graph = CodeGraph()
    graph.warnings.extend(warnings)
    for summary in usable:
        if summary.api_only:  # a programming error: ``changes``' summaries lack the calls
            raise ValueError(f"cannot link the API-only summary of {summary.module}")
        graph.summaries[summary.module] = summary
        graph.module_imports[summary.module] = running_imports(summary)
        if summary.named_files:
            graph.named_files[summary.module] = summary.named_files
        if summary.error:
            graph.warnings.append(Diagnostic(summary.path, summary.error))
    resolver = Resolver(s for s in usable if not s.error)
    try:
        _link_resolved(graph, resolver, usable, jobs)
    finally:
        resolver.close()
    return graph


def _link_resolved(graph: CodeGraph, resolver: Resolver, usable: list[FileSummary],
                   jobs: int | None) -> None:
    _add_nodes(graph, usable)
    _flow_arguments(resolver, usable)
    if resolver.relink_classes():  # a base that argument flow made known
        _flow_arguments(resolver, usable)
    resolver.tracking = False  # bindings are final: nothing needs forgetting any more
    resolver.dependents.clear()
    receivers = Receivers(resolver)
    _link_sites(graph, resolver, usable, receivers, jobs)
    _link_classes(graph, resolver)
    _link_copiers(graph, resolver)
    _link_outside_stores(graph, resolver, usable)
    graph.outside_hooks = {m for cls in resolver.classes() for m in resolver.external_hooks(cls)}
    graph.outside_overrides = {
        m for cls in resolver.classes() for m in resolver.external_hooks(cls, defined=True)}


def generated_call(site: CallSite) -> bool:
    """A call in source the code builds and runs (``"Macro(environment, ..."``, read from a
    string: ``g:`` roots): it runs when that source is ``exec``ed and called, not when its
    scope runs, and the arguments it passes are not recorded (sphinx's
    ``f"LookupKey({self.data!r})"`` reads as one)."""
    return site.implicit and bool(site.callee) and all(
        expr and isinstance(parse_root(expr[0]), GeneratedRoot) for expr in site.callee)


def _link_module(graph: Sink, resolver: Resolver, summary: FileSummary,
                 receivers: Receivers) -> None:
    """Link one module's call sites, references and imports (argument flow is done)."""
    for index, site in enumerate(summary.calls):
        graph.main_block(site.scope if site.main else None)
        graph.generated_site(generated_call(site))
        _link_call(graph, resolver, site, index, receivers)
    graph.poly_site(False)
    graph.generated_site(False)
    for reference in summary.references:
        graph.main_block(reference.scope if reference.main else None)
        _link_reference(graph, resolver, reference.scope, reference.target,
                        reference.line, reference.by_name, receivers, reference.held)
    graph.main_block(None)
    _link_imports(graph, resolver, summary)


# Below this many call sites and references per process the modules are linked in fewer
# processes: a fork costs more than it saves.
PARALLEL_MIN_SITES = 4_000
# At most this many processes link the sites (each forked one copies, page by page, what
# the linking touches of this process's memory).
MAX_LINKERS = 4
# The share of a part this process links (the first) against a forked one's: it then
# replays the others' additions to the graph.
OWN_SHARE = 0.85
# How many processes were forked to link sites, in all (for the tests).
forks = 0


def _link_sites(graph: CodeGraph, resolver: Resolver, summaries: list[FileSummary],
                receivers: Receivers, jobs: int | None) -> None:
    """Link every module's call sites, references and imports, in module order.

    Once argument flow is done the resolver's bindings are final, and what a site links
    depends on them alone: its evaluations are memoised, and a memo entry's value does not
    depend on which entries were computed before it (``Resolver._evaluate``). So the modules
    can be split into consecutive parts: forked copies of this process link every part but
    the first, each into a log of its additions to the graph, while this one links the first;
    this one then replays the logs, in order, onto its graph: the same graph as one process
    linking them all (linking only adds to the graph, it never reads it back). Where no other
    process can be used (one CPU, ``jobs`` 1, no ``fork``, a small tree) this one links every
    module, and it links a part itself when the process given it fails."""
    global forks
    bounds = _parts(summaries, jobs)
    if len(bounds) < 2:
        for summary in summaries:
            _link_module(graph, resolver, summary, receivers)
        return
    # (pid, read end, start, stop) per part after the first; pid -1: this process links it
    children: list[tuple[int, int, int, int]] = []
    try:
        for start, stop in bounds[1:]:
            try:
                pid, read = _fork_linker(resolver, summaries[start:stop], receivers)
            except OSError:  # no process or pipe to be had (EAGAIN, ENOMEM, EMFILE)
                pid, read = -1, -1
            else:
                forks += 1
            children.append((pid, read, start, stop))
        for summary in summaries[:bounds[0][1]]:
            _link_module(graph, resolver, summary, receivers)
        while children:
            pid, read, start, stop = children[0]
            log = None
            if pid > 0:
                log = _received(pid, read)
                os.close(read)
            del children[0]
            if log is not None:
                log.replay(graph)
                stdlib_self.adopt(log.self_calls)  # kept for later runs by the caller
            else:
                for summary in summaries[start:stop]:
                    _link_module(graph, resolver, summary, receivers)
    finally:
        for pid, read, _, _ in children:  # interrupted: the other processes go too
            if pid <= 0:
                continue
            with contextlib.suppress(OSError):
                os.close(read)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)


def _fork_linker(resolver: Resolver, summaries: list[FileSummary],
                 receivers: Receivers) -> tuple[int, int]:
    """A forked copy of this process linking ``summaries`` into a ``_GraphLog`` it sends
    through a pipe, then leaving without cleaning up: its process id and the pipe's end."""
    read, write = os.pipe()
    parent = os.getpid()
    with catch_warnings():
        # a spinner's thread may be running: the child only computes, writes to its pipe
        # and leaves with os._exit, touching no lock another thread may hold
        simplefilter("ignore", DeprecationWarning)
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            raise
    if pid == 0:
        status = 1
        try:
            os.close(read)
            _die_with(parent)
            log = _GraphLog()
            for summary in summaries:
                _link_module(log, resolver, summary, receivers)
            log.self_calls = stdlib_self.made()
            with os.fdopen(write, "wb") as out:
                pickle.dump(log, out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        except BaseException:  # noqa: S110 - the parent links the part itself
            pass
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def _die_with(parent: int) -> None:
    """In a forked linker: be killed when the process that forked it ends, however it ends
    (``kill -9`` included), rather than link on for nothing (Linux's ``PR_SET_PDEATHSIG``)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before that was asked for
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _received(pid: int, read: int) -> _GraphLog | None:
    """The log a forked linker sent, once it has ended; None when it failed."""
    with os.fdopen(read, "rb", closefd=False) as received:
        data = received.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:  # written by our own fork, into a pipe only it and this process hold
        log = pickle.loads(data)  # noqa: S301
    except Exception:  # cut short: the parent links the part itself
        return None
    return log if isinstance(log, _GraphLog) else None


def _parts(summaries: list[FileSummary], jobs: int | None) -> list[tuple[int, int]]:
    """The consecutive parts of ``summaries`` to link in as many processes, the first here;
    one part when no other process is to be used."""
    whole = [(0, len(summaries))]
    if (jobs is not None and jobs < 2) or not hasattr(os, "fork") or sys.platform != "linux":
        return whole
    weights = [len(s.calls) + len(s.references) for s in summaries]
    total = sum(weights)
    count = min(MAX_LINKERS, jobs or len(os.sched_getaffinity(0)), total // PARALLEL_MIN_SITES,
                len(summaries))
    if count < 2:
        return whole
    # this process's part is a little smaller: it replays the other parts' logs after it
    # (shares: OWN_SHARE, 1, 1, ...; part i ends where the shares up to it add up)
    goals = [total * (OWN_SHARE + i) / (OWN_SHARE + count - 1) for i in range(count)]
    bounds: list[tuple[int, int]] = []
    start, running = 0, 0
    for position, weight in enumerate(weights):
        running += weight
        if len(bounds) < count - 1 and running >= goals[len(bounds)]:
            bounds.append((start, position + 1))
            start = position + 1
    bounds.append((start, len(summaries)))
    return [(a, b) for a, b in bounds if b > a]


class _GraphLog:
    """What linking modules adds to a ``CodeGraph``, kept in order, to be replayed onto one
    (``_link_sites``): the edges with the main block each was added in, and the dictionaries
    and lists the linker fills (replayed as the same additions in the same order)."""

    def __init__(self) -> None:
        self.edges: list[tuple[Any, ...]] = []
        self.unbounded: list[tuple[str, str]] = []
        self.external_calls: dict[str, set[str]] = defaultdict(set)
        self.programs: dict[str, set[Program | None]] = defaultdict(set)
        self.unresolved_names: dict[str, set[str]] = defaultdict(set)
        self.gave_up_names: dict[str, set[str]] = defaultdict(set)
        self.unresolved_calls = 0
        self.unresolved_sites: list[tuple[str, int]] = []
        # what the standard library's methods call on ``self``, worked out while linking
        self.self_calls: dict[Question, SelfCalls | None] = {}
        self._main: str | None = None
        self._generated = False
        self._poly = False

    def main_block(self, source: str | None) -> None:
        self._main = source

    def generated_site(self, generated: bool) -> None:
        self._generated = generated

    def poly_site(self, poly: bool) -> None:
        self._poly = poly

    def add_edge(self, source: str, target: str, kind: EdgeKind, line: int = 0,
                 bound: bool = False, dispatch: bool = False, named: bool = False,
                 site: int | None = None, dynamic: bool = False, callback: bool = False,
                 recv: Collection[tuple[str, str]] | None = None,
                 unbounded: bool = False) -> None:
        self.edges.append((self._main, self._generated, self._poly, source, target, kind, line,
                           bound, dispatch, named, site, dynamic, callback, recv, unbounded))

    def add_unbounded_site(self, caller: str, receiver: str) -> None:
        self.unbounded.append((caller, receiver))

    def replay(self, graph: CodeGraph) -> None:
        for (main, generated, poly, source, target, kind, line, bound, dispatch, named, site,
             dynamic, callback, recv, unbounded) in self.edges:
            graph.main_block(main)
            graph.generated_site(generated)
            graph.poly_site(poly)
            graph.add_edge(source, target, kind, line, bound, dispatch, named, site, dynamic,
                           callback, recv, unbounded)
        graph.main_block(None)
        graph.generated_site(False)
        graph.poly_site(False)
        for caller, receiver in self.unbounded:
            graph.add_unbounded_site(caller, receiver)
        for caller, callees in self.external_calls.items():
            graph.external_calls[caller].update(callees)
        for caller, programs in self.programs.items():
            graph.programs[caller].update(programs)
        for caller, names in self.unresolved_names.items():
            graph.unresolved_names[caller].update(names)
        for caller, names in self.gave_up_names.items():
            graph.gave_up_names[caller].update(names)
        graph.unresolved_calls += self.unresolved_calls
        graph.unresolved_sites.extend(self.unresolved_sites)


# Outside functions that copy or pickle the whole object graph under their argument, and the
# special methods they (or the unpickling of what they wrote) run on each object in it
# (``copy.copy`` is shallow: only its argument's own methods run, see ``indexer/implicit.py``)
COPIERS = frozenset({"copy.deepcopy", "pickle.dumps", "pickle.dump"})
PICKLING = frozenset({
    "__reduce_ex__", "__reduce__", "__getstate__", "__setstate__", "__getnewargs__",
    "__getnewargs_ex__", "__copy__", "__deepcopy__",
})


def _link_outside_stores(graph: CodeGraph, resolver: Resolver,
                         summaries: list[FileSummary]) -> None:
    """Our object, made where it is stored, kept as an attribute of an object that is not
    ours (an outside class's instance) or that nothing is known of: code we do not see may
    read it there and call any public or special method of it (``_carried_targets``), as for
    one an outside container keeps (``_link_stored``). typeguard's ``TypeguardFinder.find_spec``
    does ``spec.loader = TypeguardLoader(...)`` on the spec another finder gave and returns it:
    the import system calls the loader's ``exec_module``. The edges start at the function that
    stores it, marked ``callback``. A value that comes in through a parameter (``self``
    included) is left out: its maker has the edges to what it made (``_link_handed_over``)."""
    for summary in summaries:
        if summary.error:
            continue
        for objects, attr, values in summary.attribute_stores:
            if not attr.isidentifier():  # an element stored into a container of ours
                continue
            for expr in objects:
                root = parse_root(expr[0])
                if not isinstance(root, Variable):
                    continue
                scope = root.key[2:].split("|", 1)[0].removesuffix(":")
                if scope not in graph:
                    continue
                receivers = resolver.resolve(expr)
                if receivers and not any(
                        isinstance(r, Ext) and (r.carried or not patchable(r.dotted))
                        for r in receivers):
                    continue
                parameters = _parameter_keys(resolver, scope)
                for value_expr in values:
                    if value_expr[0] in parameters:
                        continue
                    for value in ordered(resolver.resolve(value_expr)):
                        if isinstance(value, Inst):
                            _link_callbacks(graph, resolver, scope, 0, value, _carried_targets)


def _link_copiers(graph: CodeGraph, resolver: Resolver) -> None:
    """``pickle.dumps(x)``, ``copy.deepcopy(x)``: every object ``x`` holds, at any depth, is
    pickled or copied too, and which classes those are is rarely known (attrs' ``Attribute``
    holds a ``Factory`` in its ``default``; the test got the ``Attribute`` from ``fields()``).
    A caller of a copier may run the pickling special methods of any class of ours: an edge to
    each, one receiver of many (``dispatch``), called by the outside code (``callback``)."""
    methods = sorted(
        symbol for symbol, definition in resolver.definitions.items()
        if definition.kind is SymbolKind.METHOD and symbol.rsplit(".", 1)[-1] in PICKLING
    )
    if not methods:
        return
    for caller, callees in sorted(graph.external_calls.items()):
        if callees & COPIERS and caller in graph:
            for method in methods:
                graph.add_edge(caller, method, EdgeKind.CALLS, 0, True, True, callback=True)


def _add_nodes(graph: CodeGraph, summaries: list[FileSummary]) -> None:
    for summary in summaries:
        graph.add_node(
            summary.module,
            kind="module",
            module=summary.module,
            path=summary.path,
            package=top_package(summary.module),
            line=1,
        )
        for definition in summary.definitions:
            node = f"{summary.module}:{definition.qualname}"
            graph.add_node(
                node,
                kind=definition.kind.value,
                module=summary.module,
                path=summary.path,
                package=top_package(summary.module),
                line=definition.line,
                end_line=definition.end_line,
                synthetic=definition.synthetic,
                abstract=definition.is_abstract,
            )
            if definition.signature is not None and definition.signature.is_generator:
                # present only where true: the import-time climb asks it of every callee
                # (``ImpactAnalysis._runs_body``) before it reads the definition, which
                # means decoding its module's summary
                graph.graph.nodes[node]["generator"] = True


def _callee_values(resolver: Resolver, site: CallSite) -> list[Value]:
    """The values of the site's callee, in order (not to be changed by the caller)."""
    if len(site.callee) == 1:  # the commonest: the memoised set, whose order is kept
        return ordered(resolver.resolve(site.callee[0]))
    values: set[Value] = set()
    for expr in site.callee:
        values |= resolver.resolve(expr)
    return ordered(values)


def _targets(resolver: Resolver, value: Value) -> list[tuple[str, bool]]:
    """Functions a call of ``value`` runs, with whether the first parameter is already bound
    (not to be changed by the caller: once argument flow has finished, the bindings are final
    and each value's list is found once, ``Resolver.targets``)."""
    if resolver.tracking:
        return _find_targets(resolver, value)
    found = resolver.targets.get(value)
    if found is None:
        found = resolver.targets[value] = _find_targets(resolver, value)
    return found


def _find_targets(resolver: Resolver, value: Value) -> list[tuple[str, bool]]:
    match value:
        case Sym(symbol) | Bound(symbol):
            kind = resolver.kind(symbol)
            if kind in FUNCTION_KINDS:
                bound = isinstance(value, Bound) or _is_classmethod(resolver, symbol)
                return [(symbol, bound)]
            if kind is SymbolKind.CLASS:
                return _constructors(resolver, symbol)
        case Subclass(cls):  # ``cls()`` constructs the class or any subclass
            return [
                target
                for each in [cls, *resolver.implementations(cls)]
                for target in _targets(resolver, Sym(each))
            ]
        case Inst(cls, exact):
            found = set(resolver.instance_lookup(cls, "__call__"))
            if not exact:
                for sub in resolver.varying(cls, ("__call__",)):
                    found |= resolver.instance_lookup(sub, "__call__")
            return sorted({(v.symbol, True) for v in found if isinstance(v, (Sym, Bound))})
    return []


def _constructors(resolver: Resolver, cls: str) -> list[tuple[str, bool]]:
    """What calling class ``cls`` runs: ``__init__`` (and a dataclass's ``__post_init__``),
    ``__new__``, a metaclass's ``__call__``."""
    inits = [(v.symbol, True) for v in resolver.class_lookup(cls, "__init__")
             if isinstance(v, Sym) and resolver.kind(v.symbol) in FUNCTION_KINDS]
    if any(resolver.definitions[i].synthetic for i, _ in inits):
        # a generated dataclass __init__ runs __post_init__
        inits += [(v.symbol, True) for v in resolver.class_lookup(cls, "__post_init__")
                  if isinstance(v, Sym)]
    # ``__new__`` runs first; a metaclass ``__call__`` runs around both
    inits += [(m, True) for m in resolver.special_methods(cls, ("__new__",))]
    for meta in resolver.metaclasses(cls):
        inits += [(m, True) for m in resolver.special_methods(meta, ("__call__",))]
    return sorted(set(inits))


def _marks(value: Value) -> tuple[bool, bool]:
    """``dynamic`` and ``unbounded`` (``CodeGraph.add_edge``) for the edges a call of
    ``value`` makes: was it reached by a name computed at run time, and is that a name nothing
    is known of? The mark is the value's own, so it holds wherever the value went before the
    call (a variable, an attribute, a parameter, a return, an outside ``partial``)."""
    mark = value.mark if isinstance(value, (Sym, Bound, Named)) else ""
    return mark in ("dynamic", "unbounded"), mark == "unbounded"


def _is_classmethod(resolver: Resolver, symbol: str) -> bool:
    definition = resolver.definitions.get(symbol)
    return definition is not None and any(
        d.rsplit(".", 1)[-1] == "classmethod" for d in definition.decorators
    )


def _flow_arguments(resolver: Resolver, summaries: list[FileSummary]) -> None:
    """Bind call arguments to the callee's parameters until nothing new flows."""
    sites = [site for s in summaries if not s.error for site in s.calls if site.args or site.kwargs]
    done: set[tuple[int, str, bool]] = set()  # a site's arguments never change: bind once
    for _ in range(MAX_FLOW_ROUNDS):
        changed: set[str] = set()
        for number, site in enumerate(sites):
            for value in _callee_values(resolver, site):
                for target, bound in _targets(resolver, value):
                    if (number, target, bound) not in done:
                        done.add((number, target, bound))
                        changed |= _bind_arguments(resolver, site, target, bound)
        # Only what read the parameters that gained values is evaluated again.
        resolver.invalidate(changed)
        stored = resolver.apply_attribute_stores()  # resets everything when it adds anything
        if not changed and not stored:
            break


def _on_self(resolver: Resolver, site: CallSite) -> bool:
    """Is ``site`` a call of a method on the caller's own ``self`` (``self.name(...)``)?"""
    definition = resolver.definitions.get(site.scope)
    if (definition is None or definition.kind is not SymbolKind.METHOD
            or definition.signature is None or not definition.signature.parameters):
        return False
    key = f"v:{site.scope}|{definition.signature.parameters[0].name}"
    return len(site.callee) == 1 and len(site.callee[0]) == 2 and site.callee[0][0] == key \
        and isinstance(resolver.op(site.callee[0][1]), Attr)


def _bind_arguments(resolver: Resolver, site: CallSite, target: str, bound: bool) -> set[str]:
    """Add the call's arguments to the target's parameters; the keys that gained values."""
    definition = resolver.definitions.get(target)
    if definition is None or definition.signature is None:
        return set()
    params = definition.signature.parameters
    positional = [
        p for p in params if p.kind in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)
    ]
    if bound and positional and resolver.kind(target) is SymbolKind.METHOD:
        positional = positional[1:]
    module, qual = target.split(":", 1)
    changed: set[str] = set()
    # which call passed what: ``linker.receivers`` follows an argument of a call on the
    # caller's own self (``self._check(cache)``) back to the caller
    on_self = _on_self(resolver, site)

    def extend(keys: Iterable[str], exprs: tuple[Expr, ...], record: bool) -> None:
        """Add the arguments ``exprs`` (builtins aside) to each key's; ``record``: and which
        call passed them."""
        for key in keys:
            extra = resolver.extra[key]
            passed = resolver.passed[key] if record else None
            for expr in exprs:
                if isinstance(resolver.root(expr[0]), BuiltinRoot):
                    continue
                if passed is not None:
                    passed.add((expr, site.scope if on_self else ""))
                if expr not in extra:
                    extra.add(expr)
                    changed.add(key)

    def add(name: str, exprs: tuple[Expr, ...]) -> None:
        key = f"v:{module}:{qual}|{name}"
        # a parameter the function rebinds: its entry version holds the arguments too
        entry = f"v:{module}:{qual}|<0>|{name}"
        extend((key, entry) if entry in resolver.bindings else (key,), exprs, record=True)

    rest = [p.name for p in params if p.kind is ParamKind.VAR_POSITIONAL]
    for index, exprs in enumerate(site.args):
        if index < len(positional):
            add(positional[index].name, exprs)
        elif rest:
            # an argument past the named ones: an element of the ``*args`` tuple, which the
            # indexer binds to a container of its own (``def command(*args)``: ``args[0]``,
            # ``for f in args``)
            extend(_spread_containers(resolver, f"v:{module}:{qual}|{rest[0]}"), exprs,
                   record=False)
    names = {p.name for p in params if p.kind is not ParamKind.POSITIONAL_ONLY}
    spread = [p.name for p in params if p.kind is ParamKind.VAR_KEYWORD]
    for name, exprs in site.kwargs:
        if name in names:
            add(name, exprs)
        elif spread:
            # a keyword the function takes by ``**options``: the dict's entry at that key,
            # which ``options["storage"]`` and ``options.pop("storage", Default)`` read
            # (tinydb's ``TinyDB(path, storage=CachingMiddleware(JSONStorage))``); only there,
            # or every keyword of every caller would come with each read
            containers = _spread_containers(resolver, f"v:{module}:{qual}|{spread[0]}")
            extend([f"{container}{item(name)}" for container in containers], exprs,
                   record=False)
    return changed


def _spread_containers(resolver: Resolver, key: str) -> list[str]:
    """The keys of the containers a ``*args`` or ``**options`` parameter (variable key
    ``key``) is bound to: the indexer binds each to a container of its own
    (``file_indexer``), which the body may fill and hand on."""
    return [root.key for expr in resolver.bindings.get(key, ()) if len(expr) == 1
            for root in (resolver.root(expr[0]),) if isinstance(root, ContainerRoot)]


def _link_call(graph: Sink, resolver: Resolver, site: CallSite, index: int,
               receivers: Receivers | None = None) -> None:
    """``index``: the site's place in its file's calls, kept on the edges its arguments reach;
    ``receivers``: finds each call edge's ``recv`` entries (none: left unknown)."""
    caller = site.scope
    resolved = False
    outside_done: set[tuple[object, ...]] = set()  # outside callees' work done (see Ext)
    values = _callee_values(resolver, site)
    # several values: each target is one of the things the call may run (a wrapper's name
    # beside the wrapper, ``Named``, is the same call)
    poly = sum(not isinstance(value, Named) for value in values) > 1
    graph.poly_site(poly)
    stores = site.implicit and any(  # ``obj.x = v``: ``x``'s ``__set__``, or a property's setter
        len(expr) > 1 and isinstance(resolver.op(expr[-1]), DescriptorSet) for expr in site.callee)
    targets_of = functools.partial(_targets, resolver)
    entries: dict[str, set[Entry]] = {} if receivers is None else receivers.of(site, targets_of)
    if not site.implicit:  # calling a module-level variable reads it: ``OrderedDict(...)``
        for expr in site.callee:  # after ``OrderedDict = dict`` (or an import of one)
            variable = _module_variable(resolver, expr)
            if variable is not None:
                graph.add_edge(caller, variable, EdgeKind.REFERENCES, site.line)
    if TOP in values and not site.implicit:
        # the linker gave up on the callee's values: whatever else it runs, it may run anything
        # (of the name it asks for, if that is all it can be: see _unresolved_name)
        graph.add_unbounded_site(caller, ANY_CALLEE)
        graph.unresolved_names[caller].update(_asked_names(resolver, site))
        graph.gave_up_names[caller].update(_asked_names(resolver, site, gave_up=True))
    for value in values:
        if isinstance(value, Via):  # ``__getattr__`` or a descriptor's ``__get__`` runs
            graph.add_edge(caller, value.method, EdgeKind.CALLS, site.line, True)
            resolved = True
            continue
        mark = value.mark if isinstance(value, (Sym, Bound)) else ""
        if site.implicit:  # language protocol calls: only those into the code base count
            if isinstance(value, (Sym, Bound, Inst, Subclass)):
                for target, bound in targets_of(value):
                    if stores and resolver.is_property(target):
                        # ``obj.x = v`` of a property ``x``: its setter runs (part of the
                        # property's node), not its getter, whose signature the store never
                        # meets: a reference
                        graph.add_edge(caller, target, EdgeKind.REFERENCES, site.line)
                        continue
                    graph.add_edge(caller, target, EdgeKind.CALLS, site.line, bound,
                                   mark == "dispatch", site=index, recv=entries.get(target))
            continue
        if isinstance(value, Builtin) and value.name in CALLBACK_BUILTINS:
            # map(f, xs), sorted(xs, key=f): the builtin calls the functions it is given
            called = _called_arguments(value.name, site)
            for position, exprs in [*enumerate(site.args), *site.kwargs]:
                for expr in exprs:
                    arguments = resolver.resolve(expr)
                    if TOP in arguments and (site.star or position in called):
                        graph.add_unbounded_site(caller, ANY_CALLEE)
                        graph.unresolved_names[caller].add("")
                        graph.gave_up_names[caller].add("")
                    graph.poly_site(len(arguments) > 1)  # ``map(f, xs)`` calls one ``f``
                    for argument in ordered(arguments):
                        dynamic, unbounded = _marks(argument)
                        for target, bound in targets_of(argument):
                            graph.add_edge(caller, target, EdgeKind.CALLS, site.line, bound,
                                           dynamic=dynamic, unbounded=unbounded)
            graph.poly_site(poly)
        match value:
            case Ext() | Builtin() if site.decorator:
                resolved = True  # @property, @dataclass, @abc.abstractmethod: no edge needed
            case Ext(dotted, carried):
                _add_external(graph, caller, dotted)
                if dotted in PROGRAM_RUNNERS:
                    graph.programs[caller].add(site.program)
                resolved = True
                # what follows depends on the outside callee only through these keys: a callee
                # with hundreds of outside values (pyasn1's components) links each once
                if not _inspects(dotted):
                    only = _protocol(dotted)
                    # ``functools.partial(f, ...)`` calls nothing: the partial holds ``f``
                    # (``Evaluator.partial_of``), and the code handing that on hands ``f`` over
                    made = dotted in PARTIAL_MAKERS
                    if ("handed", only, made) not in outside_done:
                        outside_done.add(("handed", only, made))
                        _link_handed_over(graph, resolver, site, only, receivers,
                                          skip=int(made))
                    if dotted.rpartition(".")[2] in STORING_METHODS and (
                            ("stored",) not in outside_done):
                        outside_done.add(("stored",))
                        _link_stored(graph, resolver, site, _carried_targets)
                    method = ("receiver", *dotted.rpartition(".")[1:])  # see its ``method``
                    if method not in outside_done:
                        outside_done.add(method)
                        _link_outside_receiver(graph, resolver, site, receivers, dotted)
                # not ``TypeVar(..., bound=...)``
                if carried and not _inspects(dotted) and ("carried", carried) not in outside_done:
                    outside_done.add(("carried", carried))
                    _link_carried(graph, resolver, site, carried)
            case BuiltinMethod() | ContainerMethod():  # "".join(...), items.append(...)
                resolved = True  # known, not ours
            case Named(symbol):  # the function a decorated name stands for (a wrapper runs)
                dynamic, unbounded = _marks(value)
                graph.add_edge(caller, symbol, EdgeKind.CALLS, site.line, named=True, site=index,
                               dynamic=dynamic, unbounded=unbounded)
            case Builtin(name):
                graph.external_calls[caller].add(f"<builtin>.{name}")
                resolved = True
                if name == "setattr" and len(site.args) == 3:
                    _link_stored(graph, resolver, site, _descriptor_targets, (2,))
            case Sym(symbol) | Bound(symbol) if resolver.kind(symbol) is SymbolKind.CLASS:
                _link_construction(graph, resolver, site, index, value, symbol, entries, targets_of)
                resolved = True
            case Subclass(cls):  # ``cls(...)``, ``self.__class__(...)``: it or a subclass
                _link_construction(graph, resolver, site, index, value, cls, entries, targets_of)
                resolved = True
            case _:
                # reached by a name computed at run time (``getattr(self, "visit_" + kind)``)
                dynamic = mark in ("dynamic", "unbounded")
                targets = targets_of(value)
                if isinstance(value, (Sym, Bound)) and mark == "unbounded" and targets:
                    graph.add_unbounded_site(caller, value.receiver)
                for target, bound in targets:
                    graph.add_edge(caller, target, EdgeKind.CALLS, site.line, bound,
                                   mark == "dispatch", site=index, dynamic=dynamic,
                                   recv=entries.get(target), unbounded=mark == "unbounded")
                    resolved = True
    if (not site.implicit and not site.decorator and (site.args or site.kwargs)
            and resolver.runs_source()):
        _link_callable_arguments(graph, resolver, site)
    if site.args and not site.implicit and any(
            len(expr) > 1 and expr[1] == _REGISTER for expr in site.callee):
        _link_dispatch_registration(graph, resolver, site)
    if not resolved and site.decorator and _outside_product(resolver, site):
        resolved = True  # ``@pytest.mark.parametrize(...)``: what outside code made is applied
    if site.implicit and not values and resolver.runs_source():
        name = _generated_method(resolver, site)
        if name:  # a method call in source the code base builds and runs: see visit_Const
            graph.unresolved_names[caller].add(name)
    if not resolved and not site.implicit:
        graph.unresolved_calls += 1
        graph.unresolved_sites.append((caller, site.line))
        graph.unresolved_names[caller].update(_asked_names(resolver, site))


def _generated_method(resolver: Resolver, site: CallSite) -> str:
    """``name`` for the implicit call ``g:`` ``.name`` the indexer records for a method call
    written in generated source (``"context.cache._get(key, ..."``): the object is one the
    generated code gets at run time, so the call asks for a method called ``name``, as an
    unresolved ``x.name(...)`` does (out of the graph: no edge, not counted). Else ""."""
    if len(site.callee) != 1 or len(site.callee[0]) != 2:
        return ""
    root, op = resolver.root(site.callee[0][0]), resolver.op(site.callee[0][1])
    if root != GeneratedRoot("") or not isinstance(op, Attr):
        return ""
    return op.name


def _called_arguments(builtin: str, site: CallSite) -> frozenset[int | str]:
    """The arguments of a call of ``builtin`` (one of ``CALLBACK_BUILTINS``) it calls."""
    if builtin == "iter":
        return frozenset({0}) if len(site.args) == 2 else frozenset()
    return CALLED_ARGUMENTS[builtin]


def _asked_names(resolver: Resolver, site: CallSite, gave_up: bool = False) -> set[str]:
    """What an unresolved call asks for: ``{name}`` when it can only run a function of ours
    called ``name`` (``_unresolved_name``); else "" (it may run anything) and the attribute
    names it calls all the same: ``module.makeExtension(**configs)`` may run something
    else through its arguments, and surely runs a function called ``makeExtension``
    (``select_tests._unresolved_by_name`` asks for those).

    ``gave_up``: for a call the linker gave up on, an argument that comes in through a
    parameter and holds anything at all (``is_aware(dt)``: ``dt.tzinfo.utcoffset(dt)``, the
    parameter past ``MAX_VALUES``) bounds the call all the same: outside code given it can
    only run the special methods (or overrides of a builtin base's methods) of an object of
    ours, by their names (``handed_over_names``); a function of ours that came in through
    the parameter was named by a caller, which has the edge (see ``_link_handed_over``)."""
    name = _unresolved_name(resolver, site)
    handed = _arguments_handed_over(resolver, site, gave_up) if name else frozenset()
    if handed is None:
        name = ""
    if name or site.decorator:
        return {name, *handed} if name and handed else {name}
    return {"", *(expr[-1][1:] for expr in site.callee
                  if len(expr) >= 2 and len(expr[-1]) > 1 and expr[-1].startswith("."))}


def _arguments_handed_over(
    resolver: Resolver, site: CallSite, gave_up: bool
) -> frozenset[str] | None:
    """The names outside code may run of what the call's arguments hold (see
    ``_asked_names``): none when they hold nothing of ours, None when it may run anything."""
    parameters = _parameter_keys(resolver, site.scope) if gave_up else frozenset()
    handed: frozenset[str] = frozenset()
    for exprs in [*site.args, *(e for _, e in site.kwargs)]:
        for expr in exprs:
            values = resolver.resolve(expr)
            if TOP in values and expr[0] in parameters:
                handed = resolver.handed_over_names
            elif any(v.tag not in NOT_OURS for v in _with_elements(resolver, values)):
                return None
    return handed


def _unresolved_name(resolver: Resolver, site: CallSite) -> str:
    """``name`` for an unresolved ``x.name(...)`` that can only run a function of the code
    base called ``name``: not an attribute that may hold a function of another name (a data
    attribute, a property, a variable). Else "": the call may run anything. (Its arguments
    are ``_arguments_handed_over``'s.)"""
    names = {expr[-1] for expr in site.callee}
    if site.decorator or site.star or len(names) != 1:
        return ""
    op = next(iter(names))
    if len(op) < 2 or not op.startswith(".") or any(len(e) < 2 for e in site.callee):
        return ""
    name = op[1:]
    if name in resolver.holder_names:
        return ""
    return name


def _link_construction(
    graph: Sink, resolver: Resolver, site: CallSite, index: int, value: Value, cls: str,
    entries: dict[str, set[Entry]], targets_of: TargetsOf,
) -> None:
    """A call of class ``cls`` (``value``): the class, what constructing it runs, the default
    factories of a generated ``__init__``, else an outside base's ``__init__``
    (``targets_of``: ``_targets``). A class got by a computed name (``getattr(self, name)``
    giving a class attribute) marks them all as such."""
    caller = site.scope
    dynamic, unbounded = _marks(value)
    graph.add_edge(caller, cls, EdgeKind.CALLS, site.line, site=index, dynamic=dynamic,
                   unbounded=unbounded)
    targets = targets_of(value)
    for target, bound in targets:
        graph.add_edge(caller, target, EdgeKind.CALLS, site.line, bound, site=index,
                       recv=entries.get(target), dynamic=dynamic, unbounded=unbounded)
    for factory in resolver.default_factories(cls):  # a generated __init__'s
        for target, bound in targets_of(factory):
            graph.add_edge(caller, target, EdgeKind.CALLS, site.line, bound, dynamic=dynamic,
                           unbounded=unbounded)
    if not targets:  # an outside base's __init__ runs (``class A(ext.Base)``)
        for outside in resolver.external_lookup(cls, "__init__"):
            if isinstance(outside, Ext):
                _add_external(graph, caller, outside.dotted)
                _link_handed_over(graph, resolver, site, _protocol(outside.dotted))
            else:
                _link_handed_over(graph, resolver, site)


def _add_external(graph: Sink, caller: str, dotted: str) -> None:
    """Record an outside callee; a builtin base's method (``builtins.str.__mod__``, reached
    through ``super()`` or inheritance) is left out: the call graph names builtins the way
    pycg does (``<builtin>.len``), for the calls the source spells."""
    if not dotted.startswith("builtins."):
        graph.external_calls[caller].add(dotted)


def _outside_product(resolver: Resolver, site: CallSite) -> bool:
    """Is the decorator applied here what an outside callable returned (``@pytest.fixture(
    scope="module")``, ``@functools.lru_cache(maxsize=None)``)? Its result is unknown, but it
    is outside code, not ours: the call that made it is linked as an outside call, with its
    arguments, on its own."""
    return bool(site.callee) and all(_made_outside(resolver, expr) for expr in site.callee)


def _made_outside(resolver: Resolver, expr: Expr, depth: int = 0) -> bool:
    """Is ``expr`` what an outside callable returned: its call, or a variable every
    assignment of which is one (``requires_babel = pytest.mark.skipif(...)`` in a helper
    module, applied as ``@requires_babel`` where it is imported), unless code elsewhere may
    store another value under its name (``module.name = ...``)?"""
    if len(expr) >= 2 and expr[-1].startswith("("):
        values = resolver.resolve(expr[:-1])
        return bool(values) and all(isinstance(v, Ext | Builtin) for v in values)
    if depth >= MAX_ALIASES:
        return False
    key = ""
    if len(expr) == 1:
        root = resolver.root(expr[0])
        key = root.key if isinstance(root, Variable) else ""
    elif len(expr) == 2 and expr[0].startswith("m:") and expr[1].startswith("."):
        key = f"v:{expr[0][2:]}:|{expr[1][1:]}"  # ``from helpers import requires_x``
    bound = resolver.bindings.get(key, ()) if key.count("|") == 1 else ()
    name = key.rpartition("|")[2]
    return bool(bound) and name not in resolver.stored_names and all(
        _made_outside(resolver, e, depth + 1) for e in bound)


def _protocol(dotted: str) -> frozenset[str] | None:
    """The special methods an outside callable may run on what it is given: a builtin type's
    method only the ones Python's own C code calls (``str.__new__(cls, x)`` runs
    ``x.__str__``, never ``x.__add__``); any other outside code, all of them (None)."""
    return BUILTIN_PROTOCOL if dotted.startswith("builtins.") else None


def _with_elements(resolver: Resolver, values: Iterable[Value]) -> list[Value]:
    """``values`` and, for containers among them, their elements (nested ones too): outside
    code given a tuple of our objects works on each (``str % (helper,)`` runs
    ``helper.__int__``)."""
    found: set[Value] = set()
    queue = list(values)
    while queue:
        value = queue.pop()
        if value in found:
            continue
        found.add(value)
        if isinstance(value, Container):
            queue.extend(resolver.resolve((value.key,)))
        elif isinstance(value, Slice):
            queue.extend(resolver.slice_elements(value))
    return ordered(found)


def _link_handed_over(
    graph: Sink, resolver: Resolver, site: CallSite, only: frozenset[str] | None = None,
    receivers: Receivers | None = None, skip: int = 0,
) -> None:
    """Outside code given our function or object may call it back: ``Client(app)`` later runs
    ``app(environ, ...)`` (``Flask.__call__``), ``Thread(target=self.run)`` runs ``run``. The
    edge goes from the function that handed it over (the call itself happens later, inside the
    outside code), marked ``callback``; the call's own arguments are unknown, so no ``site``.
    A function that comes in through a parameter is left out: the parameter holds what every
    caller passes (``async_to_sync(func)`` would reach every view function), and the caller
    that names the function already has a ``references`` edge to it. ``skip``: how many
    leading positional arguments are not handed over (``functools.partial``'s function)."""
    parameters = _parameter_keys(resolver, site.scope)
    for exprs in [*site.args[skip:], *(e for _, e in site.kwargs)]:
        for expr in exprs:
            from_parameter = expr[0] in parameters
            arguments = _with_elements(resolver, resolver.resolve(expr))
            edges = [(edge, _marks(argument)) for argument in arguments
                     if not from_parameter or isinstance(argument, Inst)
                     for edge in _handed_over_targets(resolver, argument, only)]
            entries = {} if receivers is None else receivers.handed(
                site.scope, expr, functools.partial(_handed_origins, resolver, only,
                                                    from_parameter),
                functools.partial(_with_elements, resolver), wanted=bool(edges))
            for (target, bound, dispatch), (dynamic, unbounded) in edges:
                graph.add_edge(site.scope, target, EdgeKind.CALLS, site.line, bound, dispatch,
                               dynamic=dynamic, callback=True, recv=entries.get(target),
                               unbounded=unbounded)
            for argument in arguments:
                _link_guessed_hooks(graph, resolver, site.scope, site.line, argument)
                if only is None and not from_parameter:
                    _link_built_outside(graph, resolver, site, argument)


def _link_guessed_hooks(graph: Sink, resolver: Resolver, scope: str, line: int,
                        value: Value) -> None:
    """Outside code handed an instance of ours may call the methods its outside base may call
    though nothing shows the base has the name (``Resolver.guessed_hooks``): edges from
    ``scope`` marked ``callback`` and ``unbounded``, for ``tests`` to follow and ``impact``
    not to judge."""
    if not isinstance(value, Inst):
        return
    for hook, dispatch, _, guessed in _hooks(resolver, value):
        if guessed:
            graph.add_edge(scope, hook, EdgeKind.CALLS, line, True, dispatch, dynamic=True,
                           callback=True, unbounded=True)


def _link_built_outside(graph: Sink, resolver: Resolver, site: CallSite, value: Value) -> None:
    """``value``, a class of ours handed to outside code that is no builtin, may be built
    there, with arguments not seen here: hypothesis' ``st.builds(Point)``,
    ``executor.submit(Job)``, ``cattrs.structure(data, Point)``; in a list or tuple handed
    over too (``st.sampled_from([A, B])``). Edges from the code handing it over to what
    building it runs (``_constructors``), marked ``callback`` and ``unbounded``: whether and
    how it is built is not known, so a signature change is no certain break (``impact``), but
    a change to what building it runs may fail the code (``tests``)."""
    if isinstance(value, Sym) and resolver.kind(value.symbol) is SymbolKind.CLASS:
        for target, bound in _constructors(resolver, value.symbol):
            graph.add_edge(site.scope, target, EdgeKind.CALLS, site.line, bound,
                           dynamic=True, callback=True, unbounded=True)


def _link_callable_arguments(graph: Sink, resolver: Resolver, site: CallSite) -> None:
    """In a code base that runs source it builds (``exec``, ``eval``), an object with
    ``__call__`` given as an argument is handed over to be called, as a function given as an
    argument is: the code that hands it over references its ``__call__``. The call may happen
    where no edge can show it: attrs' ``attr.ib(validator=max_len(4))`` stores the validator,
    and the ``__init__`` attrs writes as source and ``exec``s calls it. (Elsewhere every call
    of what was handed over is code the linker sees and links through the argument flow.)
    An argument that comes in through a parameter is left out: the caller that made the object
    hands it over, and has the edge; so is a container held by a variable (it may hold what
    came in through a parameter). A list or tuple written at the call hands over its elements
    (``validator=[max_len(4), ...]``)."""
    parameters = _parameter_keys(resolver, site.scope)
    for exprs in [*site.args, *(e for _, e in site.kwargs)]:
        for expr in exprs:
            if expr[0] in parameters:
                continue
            values = ordered(resolver.resolve(expr))
            if isinstance(parse_root(expr[0]), ContainerRoot) and len(expr) == 1:
                values = _with_elements(resolver, values)
            for argument in values:
                if isinstance(argument, Inst):
                    for target, _ in _targets(resolver, argument):
                        graph.add_edge(site.scope, target, EdgeKind.REFERENCES, site.line)


def _link_carried(graph: Sink, resolver: Resolver, site: CallSite, op: str) -> None:
    """A method call on an outside object that was built with our values: its code may call
    any public method (or special method) of what it carries, and the functions it was given.
    flask's ``URLSafeTimedSerializer(..., serializer=self.serializer).dumps(session)`` runs
    ``TaggedJSONSerializer.dumps`` inside itsdangerous. The edges start at the call on the
    outside object, marked ``callback``."""
    for argument in ordered(resolver.carried_arguments(op)):
        _link_callbacks(graph, resolver, site.scope, site.line, argument, _carried_targets)


def _link_callbacks(graph: Sink, resolver: Resolver, scope: str, line: int, value: Value,
                    targets: Callable[[Resolver, Value], list[tuple[str, bool, bool]]]) -> None:
    """Edges from ``scope`` to what code we do not see may run of ``value`` (``targets``:
    ``_carried_targets``, ``_descriptor_targets``), marked ``callback``."""
    dynamic, unbounded = _marks(value)
    for target, bound, dispatch in targets(resolver, value):
        graph.add_edge(scope, target, EdgeKind.CALLS, line, bound, dispatch, dynamic=dynamic,
                       callback=True, unbounded=unbounded)


def _carried_targets(resolver: Resolver, value: Value) -> list[tuple[str, bool, bool]]:
    if not isinstance(value, Inst):
        return _handed_over_targets(resolver, value)
    cls = value.cls
    found = {(m, True, False) for m in _public_methods(resolver, cls)}
    if not value.exact:
        exact = {m for m, _, _ in found}
        for sub in resolver.implementations(cls):
            found |= {(m, True, True) for m in _public_methods(resolver, sub) if m not in exact}
    return sorted(found | set(_handed_over_targets(resolver, value)))


def _link_stored(graph: Sink, resolver: Resolver, site: CallSite,
                 targets: Callable[[Resolver, Value], list[tuple[str, bool, bool]]],
                 positions: Collection[int] | None = None) -> None:
    """Our object kept where code we do not see uses it later: edges from the call that keeps
    it to what that code may run of it (``targets``), marked ``callback``, as for an object an
    outside call is built with (``_link_carried``). ``sys.meta_path.insert(0, Finder())``:
    the import system calls ``find_spec`` on it, any public or special method
    (``_carried_targets``); ``setattr(owner, name, Descriptor())``, whose name may be
    computed at run time (a constant one is also an attribute store, linked where it is read):
    every read of that attribute runs ``__get__`` (``_descriptor_targets``).
    ``positions``: the arguments kept (None: all of them, a container's elements too). A
    function that comes in through a parameter is left out, as in ``_link_handed_over``: the
    caller naming it has the edge."""
    parameters = _parameter_keys(resolver, site.scope)
    kept = [exprs for position, exprs in enumerate(site.args)
            if positions is None or position in positions]
    if positions is None:
        kept += [exprs for _, exprs in site.kwargs]
    for exprs in kept:
        for expr in exprs:
            from_parameter = expr[0] in parameters
            for value in _with_elements(resolver, resolver.resolve(expr)):
                if not from_parameter or isinstance(value, Inst):
                    _link_callbacks(graph, resolver, site.scope, site.line, value, targets)


def _descriptor_targets(resolver: Resolver, value: Value) -> list[tuple[str, bool, bool]]:
    """An instance's descriptor methods (``__get__``, ``__set__``, ``__delete__``): what
    storing it as an attribute makes Python run on each access of that attribute. What a
    reader then does with what it read is the reader's own call."""
    if not isinstance(value, Inst):
        return []
    classes = [(value.cls, False)]
    if not value.exact:  # each subclass's own: one receiver of many
        classes += [(sub, True) for sub in resolver.implementations(value.cls)]
    found: dict[str, bool] = {}
    for cls, dispatch in classes:
        for name in DESCRIPTOR_METHODS:
            for method in resolver.special_methods(cls, (name,)):
                found.setdefault(method, dispatch)
    return sorted((method, True, dispatch) for method, dispatch in found.items())


def _public_methods(resolver: Resolver, cls: str) -> set[str]:
    """The methods an outside caller may call by name on an instance of ``cls``."""
    names = {n for owner in resolver.mro(cls) for n in resolver.own_members(owner)
             if not n.startswith("_")}
    return {
        v.symbol for name in sorted(names) for v in resolver.class_lookup(cls, name)
        if isinstance(v, Sym) and resolver.kind(v.symbol) is SymbolKind.METHOD
    }


def _link_outside_receiver(graph: Sink, resolver: Resolver, site: CallSite,
                           receivers: Receivers | None = None, dotted: str = "") -> None:
    """``client.get()`` on our ``FlaskClient(werkzeug.Client)``, ``thread.start()`` on our
    ``Thread`` subclass: the outside base's code runs on our object and calls the methods we
    override (``open``, ``run``). ``dotted`` is the outside method called: when it has the
    name the call is spelled with (not an alias, ``assertEquals = TestCase.assertEqual``), the
    hooks are those that method may run (``Resolver.call_hooks``)."""
    # ``_hooks`` is a function of the resolver's final state: one table serves every site
    hooks: dict[tuple[Value, str | None], list[tuple[str, bool, str, bool]]] = (
        {} if receivers is None else receivers.hooks)

    def hooks_of(value: Value, method: str | None) -> list[tuple[str, bool, str, bool]]:
        found = hooks.get((value, method))
        if found is None:
            found = hooks[value, method] = _hooks(resolver, value, method)
        return found

    def origins(method: str | None, value: Value) -> list[tuple[str, str]]:
        return [(m, origin) for m, _, origin, _ in hooks_of(value, method)]

    for expr in site.callee:
        if len(expr) < 2:
            continue
        op = resolver.op(expr[-1])
        if not isinstance(op, (Attr, AttrPattern)):
            continue
        method = op.name if isinstance(op, Attr) and dotted.endswith(f".{op.name}") else None
        edges: dict[tuple[str, bool], bool] = {}  # (hook, dispatch) -> only a guess
        for receiver in ordered(resolver.resolve(expr[:-1])):
            for m, d, _, guessed in hooks_of(receiver, method):
                edges[m, d] = edges.get((m, d), True) and guessed
        entries = {} if receivers is None else receivers.handed(
            site.scope, expr[:-1],
            functools.partial(origins, method), ordered, wanted=bool(edges))
        for (hook, dispatch), guessed in edges.items():
            graph.add_edge(site.scope, hook, EdgeKind.CALLS, site.line, True, dispatch,
                           dynamic=guessed, callback=True, recv=entries.get(hook),
                           unbounded=guessed)


def _hooks(resolver: Resolver, receiver: Value, method: str | None = None
           ) -> list[tuple[str, bool, str, bool]]:
    """The methods an outside base's code may run on ``receiver`` (see ``external_hooks``;
    ``call_hooks`` when the base's ``method`` is what runs), each with whether it is one
    receiver of many (a subclass's), that subclass (else ""), and whether it is only a guess
    (``guessed_hooks``)."""
    match receiver:
        case Inst(cls, exact):
            pass
        case Super(cls):  # ``self`` is an instance of the class or of a subclass
            exact = False
        case _:
            return []
    def hooks(cls: str) -> list[str]:
        if method is None:
            return resolver.external_hooks(cls)
        return resolver.call_hooks(cls, method)

    seen = set(hooks(cls))
    guessed = resolver.guessed_hooks(cls)
    found = [(hook, False, "", hook in guessed) for hook in sorted(seen)]
    if exact:
        return found
    for sub in resolver.implementations(cls):  # each subclass that has it: one receiver
        guessed = resolver.guessed_hooks(sub)
        found += [(hook, True, sub, hook in guessed) for hook in hooks(sub) if hook not in seen]
    return found


def _parameter_keys(resolver: Resolver, scope: str) -> frozenset[str]:
    definition = resolver.definitions.get(scope)
    if definition is None or definition.signature is None or ":" not in scope:
        return frozenset()
    names = [p.name for p in definition.signature.parameters]
    return frozenset(f"v:{scope}|{n}" for n in names) | {f"v:{scope}|<0>|{n}" for n in names}


def _inspects(dotted: str) -> bool:
    return dotted.split(".", 1)[0] in INSPECTING_MODULES or dotted in INSPECTING_FUNCTIONS


def _handed_over_targets(
    resolver: Resolver, value: Value, only: frozenset[str] | None = None
) -> list[tuple[str, bool, bool]]:
    """What outside code can run of ``value``: a function itself, or an instance's special
    methods (its exact class's; a subclass's own ones too when the class is not exact, each
    one receiver of many). A class is not followed: outside code rarely builds what it gets."""
    return sorted({(t, bound, dispatch) for t, bound, dispatch, _ in
                   _handed_over(resolver, value, only)})


def _handed_origins(resolver: Resolver, only: frozenset[str] | None, from_parameter: bool,
                    value: Value) -> list[tuple[str, str]]:
    """``_handed_over`` as (target, subclass) pairs for ``Receivers.handed``."""
    if from_parameter and not isinstance(value, Inst):
        return []
    return [(target, origin) for target, _, _, origin in _handed_over(resolver, value, only)]


def _handed_over(
    resolver: Resolver, value: Value, only: frozenset[str] | None = None
) -> list[tuple[str, bool, bool, str]]:
    """``_handed_over_targets``, each with the subclass whose own method it is when it is one
    receiver of many (else "")."""
    key = (value, only)
    found = resolver.handed.get(key)
    if found is None:
        found = resolver.handed[key] = _find_handed_over(resolver, value, only)
    return found


def _find_handed_over(
    resolver: Resolver, value: Value, only: frozenset[str] | None
) -> list[tuple[str, bool, bool, str]]:
    if isinstance(value, (Sym, Bound)):
        if resolver.kind(value.symbol) not in FUNCTION_KINDS:
            return []
        return [(target, bound, False, "") for target, bound in _targets(resolver, value)]
    if not isinstance(value, Inst):
        return []
    cls = value.cls
    found = [(m, True, False, "") for m in sorted(_run_by_outside(resolver, cls, only))]
    if not value.exact:
        exact = {m for m, _, _, _ in found}
        for sub in resolver.implementations(cls):
            found += [(m, True, True, sub) for m in sorted(_run_by_outside(resolver, sub, only))
                      if m not in exact]
    return found


def _run_by_outside(resolver: Resolver, cls: str, only: frozenset[str] | None = None) -> set[str]:
    """An instance's special methods, and, when its class has an outside base, the methods it
    overrides of that base (a ``logging.Handler`` subclass's ``emit``)."""
    names = {n for owner in resolver.mro(cls) for n in resolver.own_members(owner)
             if n.startswith("__") and n.endswith("__") and n not in NOT_HANDED_OVER
             and (only is None or n in only)}
    # every special method: a protocol of the outside code's own (markupsafe's ``__html__``,
    # ``os.fspath``'s ``__fspath__``) as much as the language's
    found = {m for name in sorted(names) for m in resolver.special_methods(cls, (name,))}
    if only is None:  # outside code that works on what it is given by name, not C slots
        found |= _builtin_overrides(resolver, cls)
    return found | set(resolver.reachable_hooks(cls))


def _builtin_overrides(resolver: Resolver, cls: str) -> set[str]:
    """The methods of ``cls`` that override a public method of a builtin base (``insert`` of
    a ``list`` subclass). The builtin's own methods never call them on ``self`` (so they are
    no ``external_hooks``), but outside code given the object calls the builtin's methods by
    name, and so runs the overrides: ``bisect.insort(a, x)`` calls ``a.insert`` on anything
    but an exact ``list`` (boltons' ``BarrelList``)."""
    types = [base.partition(".")[2] for owner in resolver.mro(cls)
             for base in resolver.external_bases.get(owner, ()) if base.startswith("builtins.")]
    if not types:
        return set()
    names = {n for owner in resolver.mro(cls) for n in resolver.own_members(owner)
             if not n.startswith("_") and any(builtin_has(t, n) for t in types)}
    return {
        v.symbol for name in sorted(names) for v in resolver.class_lookup(cls, name)
        if isinstance(v, Sym) and resolver.kind(v.symbol) is SymbolKind.METHOD
    }


def _getters(resolver: Resolver, owner: Value, name: str) -> list[tuple[str, str]]:
    """The getters reading property ``name`` of ``owner`` runs, each with the subclass whose
    own it is when ``owner``'s class may be a subclass (else "")."""
    if not isinstance(owner, Inst):
        return []
    classes = [owner.cls]
    if not owner.exact:
        classes += resolver.implementations(owner.cls)
    found = []
    for cls in classes:
        for value in resolver.class_lookup(cls, name):
            match value:
                case Property(getter):
                    found.append((getter, "" if cls == owner.cls else cls))
                case Sym(symbol) if resolver.is_property(symbol):
                    found.append((symbol, "" if cls == owner.cls else cls))
    return found


_REGISTER = ".register"
# ``functools`` decorators whose function dispatches on its first argument's type to the
# functions registered with its ``register`` (the ``singledispatch`` backport too)
SINGLE_DISPATCH = frozenset({"singledispatch", "singledispatchmethod"})


def _link_dispatch_registration(graph: Sink, resolver: Resolver, site: CallSite) -> None:
    """``@fmt.register`` / ``@fmt.register(int)`` / ``fmt.register(list, as_list)`` on a
    ``functools.singledispatch`` function ``fmt`` (or a ``singledispatchmethod``): calling
    ``fmt`` runs the function registered for the argument's type, with ``fmt``'s arguments.
    An edge from ``fmt`` to each function registered, marked ``callback`` (outside code, the
    dispatcher, makes the call) and ``dispatch`` (one of the functions the call may run).
    Without it a registered function had no caller: a change to it reached no test."""
    dispatchers = [
        value.symbol for expr in site.callee if len(expr) > 1 and expr[1] == _REGISTER
        for value in ordered(resolver.resolve(expr[:1]))
        if isinstance(value, (Sym, Bound, Named)) and _dispatches(resolver, value.symbol)]
    if not dispatchers:
        return
    for exprs in site.args:
        for expr in exprs:
            for value in ordered(resolver.resolve(expr)):
                if not isinstance(value, (Sym, Named)) or \
                        resolver.kind(value.symbol) not in FUNCTION_KINDS:
                    continue
                for dispatcher in dispatchers:
                    method = resolver.kind(dispatcher) is SymbolKind.METHOD
                    graph.add_edge(dispatcher, value.symbol, EdgeKind.CALLS, site.line,
                                   bound=method, dispatch=True, callback=True)


def _dispatches(resolver: Resolver, symbol: str) -> bool:
    definition = resolver.definitions.get(symbol)
    return definition is not None and any(
        decorator_base(decorator).rpartition(".")[2] in SINGLE_DISPATCH
        for decorator in definition.decorators)


def _link_reference(
    graph: Sink, resolver: Resolver, scope: str, target: tuple[Expr, ...], line: int,
    by_name: bool = False, receivers: Receivers | None = None, held: bool = False,
) -> None:
    """``by_name``: the target is spelled as a dotted string: a function so named is called by
    whoever imports it by that name (a plugin loader, an entry point), with arguments not
    seen here: a call edge from ``scope`` without a call site (``callback``), which every
    signature change breaks. ``held``: ``scope`` is a module-level variable and ``target``
    what its value is made from (``Reference.held``): only the variables read are linked."""
    for expr in target:
        variable = _module_variable(resolver, expr)
        if variable is not None:
            graph.add_edge(scope, variable, EdgeKind.REFERENCES, line)
            continue
        # ``coordinate.pattern``, ``patterns.RAW.upper``, ``TABLE["cm"]``: reading a part of a
        # module-level variable's value reads the variable (a change to its value reaches it)
        for end in range(len(expr) - 1, 0, -1):
            variable = _module_variable(resolver, expr[:end])
            if variable is not None:
                graph.add_edge(scope, variable, EdgeKind.REFERENCES, line)
                break
        for owner in _class_data_read(resolver, expr):
            graph.add_edge(scope, owner, EdgeKind.REFERENCES, line)
        if held:  # what a variable's value is made from: the variables read are all that count
            continue
        for index in range(1, len(expr)):
            op = resolver.op(expr[index])
            if not isinstance(op, Attr):
                continue
            # Reading a property runs its getter: that is a call.
            name = op.name
            if name not in resolver.property_names:
                continue
            getters = [getter for owner in ordered(resolver.resolve(expr[:index]))
                       for getter, _ in _getters(resolver, owner, name)]
            entries = {} if receivers is None else receivers.handed(
                scope, expr[:index], functools.partial(_getters, resolver, name=name), ordered,
                wanted=bool(getters))
            for getter in getters:
                graph.add_edge(scope, getter, EdgeKind.CALLS, line, recv=entries.get(getter))
        if resolver.has_accessors:  # ``__getattr__`` / ``__get__`` run by reading attributes
            for end in range(2, len(expr) + 1):
                if isinstance(resolver.op(expr[end - 1]), (Attr, AttrPattern)):
                    for value in ordered(resolver.resolve(expr[:end])):
                        if isinstance(value, Via):
                            graph.add_edge(scope, value.method, EdgeKind.CALLS, line, True)
        values = resolver.resolve(expr)
        for value in ordered(values):
            match value:
                case Sym(symbol) if by_name and resolver.kind(symbol) in FUNCTION_KINDS:
                    graph.add_edge(scope, symbol, EdgeKind.CALLS, line, callback=True)
                case Sym(symbol) | Bound(symbol):
                    # a class so named is made by whoever imports it by that name
                    # (``MIDDLEWARE = ["shop.middleware.Audit"]``): handed to outside code
                    built = by_name and resolver.kind(symbol) is SymbolKind.CLASS
                    graph.add_edge(scope, symbol, EdgeKind.REFERENCES, line, callback=built)
                    if built:
                        _link_built_by_name(graph, resolver, scope, symbol, line)
                case Mod(module) if module != scope:  # by name: imported by whoever reads it
                    graph.add_edge(scope, module, EdgeKind.REFERENCES, line, callback=by_name)
        if not any(isinstance(v, (Sym, Bound, Mod)) for v in values):
            # nothing of ours read, or a builtin's method of it (``default.setter``)
            for symbol in _function_read_from(resolver, expr):
                graph.add_edge(scope, symbol, EdgeKind.REFERENCES, line)


def _class_data_read(resolver: Resolver, expr: Expr) -> list[str]:
    """The classes of ours whose class-body data ``expr`` reads (``self.limit``,
    ``cls.PATTERN.match``, ``Child.depth`` with ``depth = 3`` in ``Base``'s body): a change
    to such a value is a change to the class's body, and reaches the code reading it through
    this reference. On an instance or ``cls`` of a class or any subclass, a subclass binding
    the name over it is read too."""
    names = resolver.class_data_names
    found: list[str] = []
    for end in range(1, len(expr)):
        op = resolver.op(expr[end])
        if not isinstance(op, Attr) or op.name not in names:
            continue
        for value in ordered(resolver.resolve(expr[:end])):
            match value:
                case Sym(cls) if resolver.kind(cls) is SymbolKind.CLASS:
                    classes = [cls]
                case Inst(cls, exact):
                    classes = [cls] if exact else [cls, *_binding_over(resolver, cls, op.name)]
                case Subclass(cls):
                    classes = [cls, *_binding_over(resolver, cls, op.name)]
                case _:
                    continue
            for cls in classes:
                owner = resolver.class_data_owner(cls, op.name)
                if owner is not None and owner not in found:
                    found.append(owner)
    return found


def _binding_over(resolver: Resolver, cls: str, name: str) -> list[str]:
    """The subclasses of ``cls`` with a data attribute ``name`` of their own."""
    found = []
    for sub in sorted(resolver.subclasses.get(cls, ())):
        definition = resolver.definitions.get(sub)
        if definition is not None and name in definition.attributes:
            found.append(sub)
    return found


def _link_built_by_name(graph: Sink, resolver: Resolver, scope: str, cls: str,
                        line: int) -> None:
    """Class ``cls``, named by a dotted string, is built by the outside code that imports it
    by that name, with arguments not seen here, and the object is that code's to use:
    ``logging.config.dictConfig`` calls ``"()": "pkg.JsonFormatter"`` with the rest of the
    entry, and logging calls the formatter's ``format``. Edges marked ``callback`` from
    ``scope`` to what building the class runs and to what outside code runs of an object of
    it (its special methods, its overrides of an outside base's methods)."""
    for target, bound in _constructors(resolver, cls):
        graph.add_edge(scope, target, EdgeKind.CALLS, line, bound, callback=True)
    for target, bound, dispatch in _handed_over_targets(resolver, Inst(cls, True)):
        graph.add_edge(scope, target, EdgeKind.CALLS, line, bound, dispatch, callback=True)
    _link_guessed_hooks(graph, resolver, scope, line, Inst(cls, True))


def _function_read_from(resolver: Resolver, expr: Expr) -> list[str]:
    """The functions of ours an attribute read that gives nothing of ours starts from:
    ``default.setter`` in a class body (the property's getter), ``handler.__name__``. Reading
    an attribute of a function object uses the function: when it is gone or renamed, the read
    fails."""
    for end in range(len(expr) - 1, 0, -1):
        if not isinstance(resolver.op(expr[end]), Attr):
            continue
        found = [v.symbol for v in ordered(resolver.resolve(expr[:end]))
                 if isinstance(v, Sym) and resolver.kind(v.symbol) in FUNCTION_KINDS]
        if found:
            return found
    return []


def _class_statement(graph: CodeGraph, resolver: Resolver, cls: str) -> None:
    """A class statement calls its bases' ``__init_subclass__`` and its metaclass's
    ``__new__``/``__init__``: calls made by the code that runs the statement."""
    targets: list[str] = []
    for base in resolver.mro(cls)[1:]:
        found = resolver.special_methods(base, ("__init_subclass__",))
        if found:
            targets += found
            break
    for meta in resolver.metaclasses(cls):
        targets += resolver.special_methods(meta, ("__new__",))
        targets += resolver.special_methods(meta, ("__init__",))
    if _enum_members(resolver, cls):
        # an enum's members are made as its body ends: ``NULL = ("PV1001", "empty")`` runs
        # ``__new__`` and ``__init__(self, *value)`` of ours (pathvalidate's ErrorReason), so a
        # parameter too few breaks the import of the enum's module
        targets += resolver.special_methods(cls, ("__new__",))
        targets += resolver.special_methods(cls, ("__init__",))
    if not targets:
        return
    module, qual = cls.split(":", 1)
    scope = qual.rpartition(".")[0]
    while scope and resolver.kind(f"{module}:{scope}") is SymbolKind.CLASS:
        scope = scope.rpartition(".")[0]  # a class body runs in its parent's code
    runner = f"{module}:{scope}" if scope else module
    line = resolver.definitions[cls].line
    for target in targets:
        graph.add_edge(runner, target, EdgeKind.CALLS, line, True)


def _enum_members(resolver: Resolver, cls: str) -> bool:
    """Is ``cls`` an ``enum`` class (an outside base from the ``enum`` module along its MRO)
    whose body binds members: a name that is neither ``_sunder_`` nor ``__dunder__`` and
    holds no function or class of ours (methods and properties are not members; ``enum``
    makes nearly every other value one)."""
    if not any(base.split(".", 1)[0] == "enum"
               for owner in resolver.mro(cls) for base in resolver.external_bases.get(owner, ())):
        return False
    return any(
        not (name.startswith("_") and name.endswith("_"))
        and resolver.kind(f"{cls}.{name}") not in (
            SymbolKind.FUNCTION, SymbolKind.METHOD, SymbolKind.CLASS)
        for name in resolver.own_members(cls)
    )


def _module_variable(resolver: Resolver, expr: Expr, depth: int = 0) -> str | None:
    """``mod:NAME`` when ``expr`` names a module-level variable of the code base: the module's
    own, or one a name imported from where it is bound (``from pkg.compat import LIMIT``, then
    ``LIMIT`` read), through re-exports."""
    root = resolver.root(expr[0]) if len(expr) == 1 else None
    if isinstance(root, Variable):
        module_part, _, name = root.key[2:].partition("|")
        name = local_name(name)
        if module_part.endswith(":"):
            return _variable_named(resolver, module_part[:-1], name, depth)
        return None
    last = resolver.op(expr[-1]) if len(expr) > 1 else None
    if isinstance(last, Attr):
        for owner in ordered(resolver.resolve(expr[:-1])):
            if isinstance(owner, Mod):
                found = _variable_named(resolver, owner.name, last.name, depth)
                if found is not None:
                    return found
    return None


def _variable_named(resolver: Resolver, module: str, name: str, depth: int) -> str | None:
    """``module:name`` when it is a module-level variable; when the module only imports that
    name (it defines nothing so named), the variable its import binds, if any."""
    symbol = f"{module}:{name}"
    kind = resolver.kind(symbol)
    if kind is SymbolKind.VARIABLE:
        return symbol
    if kind is not None or depth >= _REEXPORT_DEPTH:
        return None
    for bound in resolver.bindings.get(f"{VARIABLE}{module}:|{name}", ()):
        if len(bound) == 2 and isinstance(resolver.root(bound[0]), ModuleRoot):  # an import
            found = _module_variable(resolver, bound, depth + 1)
            if found is not None:
                return found
    return None


# how many re-exports a variable's import is followed through
_REEXPORT_DEPTH = 8


def _link_imports(graph: Sink, resolver: Resolver, summary: FileSummary) -> None:
    exported = resolver.exported.get(summary.module, summary.all_names)
    for binding in summary.imports:
        if binding.type_checking:
            continue  # never runs: it cannot break an import, and uses are found as calls
        source = binding.scope
        module_path = binding.target if not binding.is_from or binding.name == "*" else (
            binding.target.rpartition(".")[0]
        )
        parts = module_path.split(".")
        for cut in range(1, len(parts) + 1):
            prefix = resolver.module_named(".".join(parts[:cut]))
            if prefix is not None and prefix != summary.module:
                graph.add_edge(source, prefix, EdgeKind.IMPORTS, binding.line)
        if not binding.is_from or binding.name == "*":
            continue
        name = binding.target.rpartition(".")[2]
        named = resolver.module_named(module_path)
        if named is None:
            # ``from lib import m``, ``lib`` a folder without ``__init__.py``: the submodule
            submodule = resolver.module_named(binding.target)
            if submodule is not None and submodule != summary.module:
                graph.add_edge(source, submodule, EdgeKind.IMPORTS, binding.line)
            continue
        module_path = named
        found = resolver.module_attribute(module_path, name)
        variable = f"{module_path}:{name}"
        if resolver.kind(variable) is SymbolKind.VARIABLE:
            found = {Sym(variable)}
        for value in ordered(found):  # a set's order would follow PYTHONHASHSEED
            match value:
                case Sym(target) | Mod(target):
                    pass
                case _:
                    continue
            graph.add_edge(source, target, EdgeKind.IMPORTS, binding.line)
            # A package that imports a name from its own submodules re-exports it.
            defined_in = target.split(":", 1)[0]
            own_submodule = defined_in.startswith(summary.module + ".") and summary.is_package
            public = binding.name in exported if exported is not None else (
                not binding.name.startswith("_")
            )
            if source == summary.module and (own_submodule or exported is not None) and public:
                graph.add_edge(summary.module, target, EdgeKind.EXPORTS, binding.line)


def _link_classes(graph: CodeGraph, resolver: Resolver) -> None:
    for cls, bases in resolver.bases.items():
        # one base expression with several values (``class DefaultCache(self.Cache)`` in a
        # test mixin): the class inherits from one of them, not all (``dispatch``)
        alternatives = len(bases) > 1 and len(resolver.definitions[cls].base_exprs) == 1
        for base in bases:
            graph.add_edge(cls, base, EdgeKind.INHERITS, dispatch=alternatives)
        _class_statement(graph, resolver, cls)
    for cls in resolver.bases:
        module, qual = cls.split(":", 1)
        for name in resolver.own_members(cls):
            method = f"{module}:{qual}.{name}"
            if resolver.kind(method) not in FUNCTION_KINDS:
                continue
            for ancestor in resolver.mro(cls)[1:]:
                candidate = f"{ancestor}.{name}"
                if resolver.kind(candidate) in FUNCTION_KINDS:
                    graph.add_edge(method, candidate, EdgeKind.OVERRIDES)
                    break
    # Structural implementations of a Protocol override its methods too.
    for protocol in resolver.protocols:
        for name in resolver.own_members(protocol):
            interface = f"{protocol}.{name}"
            if interface in graph:
                graph.graph.nodes[interface]["abstract"] = True
        for cls in resolver.implementations(protocol):
            if protocol in resolver.mro(cls):
                continue
            for name in resolver.own_members(protocol):
                interface = f"{protocol}.{name}"
                if resolver.kind(interface) not in FUNCTION_KINDS:
                    continue
                for owner in resolver.mro(cls):
                    candidate = f"{owner}.{name}"
                    if resolver.kind(candidate) in FUNCTION_KINDS:
                        graph.add_edge(candidate, interface, EdgeKind.OVERRIDES)
                        break
