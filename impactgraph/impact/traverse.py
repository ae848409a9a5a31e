"""Walk the graphs backwards from every change and find who is hit, how directly, and how.

Pure: two CodeGraphs and a ChangeSet in, one ``ModuleHit`` per affected module out.

What reaches whom (DESIGN.md "Impact"):
- removals and renames are looked up in the base graph (callers of what is gone live there);
  signature, body and annotation changes in both graphs (new callers live in the head);
- every verdict is about the head revision as it is: a walk over the base graph follows only
  code that still exists in the head, and past the first step only edges the head still has,
  so a deleted caller, a rewritten call or a deleted module breaks nothing and no chain names a
  function that is gone;
- each call is judged on its own site (the linker keeps, per edge, which call sites of the
  caller reach the target), never on its line: ``f(g(x))`` is two calls;
- ties are broken canonically (sorted seeds and predecessors, then the smallest chain), so the
  same inputs give the same report whatever the order the graph was built or loaded in;
- the first step from a change follows the edges that the change can break (calls,
  references, imports, inherits, overrides); later steps follow calls and references only,
  so a module that merely imports a module is never listed;
- a break that happens at import time (``from m import gone``, ``class X(Gone)``, module code
  calling what is gone, or calling, directly or through other functions, a function whose
  call broke: a class statement runs its metaclass's ``__new__``) breaks every module that
  imports the broken one, and so on.
"""

from __future__ import annotations

import posixpath
import re
import sys
import types
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Protocol, runtime_checkable

from impactgraph.config import auto_mode_at
from impactgraph.diff.definitions import (
    ABC_NAMES,
    INHERITED_FROM_OBJECT,
    INHERITED_FROM_STANDARD,
    KNOWN_ANCESTORS,
    OUTSIDE_BASE_ANSWERS,
    abc_methods,
    added_metaclass,
    ancestry,
    answered_by_standard_base,
    bound_as_values,
    decorator_name,
    derives_from_unknown,
    exception_names,
    factory_gives_back,
    generated_names,
    instance_gives_back,
    keeps_signature,
    makes_descriptor,
    makes_signature_keeper,
    members_taken_away,
    named_like_exception,
    own_names,
    patches_construction,
    plain_function,
    returns_its_argument,
    shim_returns,
    unhashable,
)
from impactgraph.diff.names import Revision, left_as_namespace
from impactgraph.diff.signatures import Finding, compare_signatures, returns_async_iterator
from impactgraph.discovery import DEFAULT_TEST_PATTERNS, is_test_path
from impactgraph.expressions import (
    SUPER_OF,
    AutouseRoot,
    BuiltinRoot,
    FixtureRoot,
    Variable,
    attr,
    parse_root,
    special,
)
from impactgraph.impact.binding import (
    SPECIAL_ARITY,
    call_binds,
    implicit_shape,
    keyword_names,
    parameter_taking,
    required_call,
    spread_out,
    unhashable_annotation,
)
from impactgraph.impact.fixture_lookup import fixture_functions
from impactgraph.impact.gateways import is_gateway
from impactgraph.impact.mentions import (
    bound_values,
    calls_path,
    hands_self,
    in_scope,
    kept_uses,
    may_spell,
    mentions,
    metadata_only,
    reads_attribute,
    reads_by_value_only,
    reads_member_of,
    registered_only,
    self_handing_sites,
    spelled_name,
    spelled_names,
    spells_attribute,
)
from impactgraph.impact.process_scope import ProcessScope
from impactgraph.impact.receivers import MAX_CONSTRAINTS, Entries, Hierarchy
from impactgraph.impact.run_time_wrappers import run_time_caller
from impactgraph.indexer.plain import DATACLASS_DECORATORS, decorator_base
from impactgraph.indexer.statements import CATCHES_TYPE_ERROR
from impactgraph.linker import CodeGraph
from impactgraph.linker.link import CALLBACK_BUILTINS, generated_call
from impactgraph.linker.resolve import local_name
from impactgraph.model import (
    CallSite,
    Change,
    ChangeKind,
    Definition,
    EdgeKind,
    Expr,
    FileSummary,
    ImportBinding,
    Parameter,
    ParamKind,
    Signature,
    SymbolKind,
)

REMOVALS = frozenset(
    {ChangeKind.MODULE_REMOVED, ChangeKind.MODULE_RENAMED, ChangeKind.SYMBOL_REMOVED,
     ChangeKind.SYMBOL_RENAMED}
)
SIGNATURE = frozenset(
    {ChangeKind.PARAMETER_ADDED, ChangeKind.PARAMETER_REMOVED, ChangeKind.PARAMETER_RENAMED,
     ChangeKind.PARAMETER_MOVED, ChangeKind.PARAMETER_KIND_CHANGED,
     ChangeKind.PARAMETER_NOW_REQUIRED, ChangeKind.PARAMETER_DEFAULT_CHANGED,
     ChangeKind.DECORATOR_CHANGED, ChangeKind.ASYNC_CHANGED}
)
BINDING_KINDS = frozenset(SIGNATURE - {ChangeKind.DECORATOR_CHANGED, ChangeKind.ASYNC_CHANGED})
USES = frozenset({EdgeKind.CALLS, EdgeKind.REFERENCES})
# Non-breaking changes that leave every existing call behaving as before (an optional
# parameter added, an annotation, a decorator that is not breaking): they reach the direct
# users, and stop there. A body or default change alters behaviour and travels up the callers.
SHALLOW = frozenset(
    {ChangeKind.PARAMETER_ADDED, ChangeKind.RETURN_ANNOTATION_CHANGED,
     ChangeKind.PARAMETER_ANNOTATION_CHANGED, ChangeKind.SYMBOL_ADDED, ChangeKind.MODULE_ADDED,
     ChangeKind.PARAMETER_KIND_CHANGED, ChangeKind.PARAMETER_MOVED, ChangeKind.PARAMETER_RENAMED}
)

# Signature changes after which a call that still binds runs exactly as before: a renamed
# parameter (the diff reports a body change when the body does not follow the rename) given its
# value by position, a changed default given the argument explicitly. Such a caller is hit (it
# uses the changed symbol) but its own behaviour is unchanged: the walk does not go past it.
CALLER_LOCAL = frozenset({ChangeKind.PARAMETER_RENAMED, ChangeKind.PARAMETER_DEFAULT_CHANGED})

# Methods a subclass may override with any signature: a class is made through its own
# (``Nested("Other")``), never called with its base's arguments (``super()`` calls are calls).
CONSTRUCTORS = frozenset({"__init__", "__new__"})
CLASS_GETITEM = "__class_getitem__"
_NO_NAMESPACE, _NAMESPACE, _DECLARED_NAMESPACE = 0, 1, 2  # ``_through_namespace``
# the marks of a call edge whose call does not run its target as written (``_handed_in``)
_NOT_PLAIN_CALL = ("named", "callback", "dynamic", "poly", "unbounded", "generated")
# module variables an instance's uses are followed through (``_instances_kept``)
_MAX_SHARED = 16

# node, crossed a gateway, the class its ``self`` is an instance of (None: any; see
# ``impact.receivers``)
State = tuple[str, bool, str | None]


@dataclass
class ModuleHit:
    module: str
    path: str
    depth: int
    breaking: bool
    crosses_gateway: bool
    via: tuple[str, ...]
    gateways: set[str] = field(default_factory=set)
    via_broken: bool = False  # the state ``via`` leads to breaks the module

    def prefers(self, depth: int, broken: bool, chain: tuple[str, ...]) -> bool:
        """Is this chain a better ``via``: shallower, then one that breaks, then the smallest?

        A total order, so the choice does not depend on the order states are met in.
        """
        return (depth, not broken, chain) < (self.depth, not self.via_broken, self.via)


@dataclass
class Walk:
    """The states one change reaches in one graph, with the parent of each."""

    graph: CodeGraph
    gateways: Sequence[str]
    depth: dict[State, int] = field(default_factory=dict)
    parent: dict[State, State | None] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)
    # callers reached whose code runs as before (``CALLER_LOCAL``): affected, not walked past
    held: set[State] = field(default_factory=set)
    # the change walked back from, for the walks of callers (``ImpactAnalysis.walk``)
    change: Change | None = None
    # states broken past the first step, by a name a subclass of the class lost with its base
    # (``_breaks_through_subclasses``)
    past_subclass: set[State] = field(default_factory=set)

    def chain(self, state: State) -> tuple[str, ...]:
        nodes: list[str] = []
        current: State | None = state
        while current is not None:
            nodes.append(current[0])
            current = self.parent[current]
        return tuple(reversed(nodes))

    def step(self, state: State, node: str, constraint: str | None = None) -> State:
        if state[1] or not self.gateways:  # crossed already, or nothing to cross
            return (node, state[1], constraint)
        return (node, is_gateway(self.graph.module_of(node), self.gateways), constraint)

    def visit(self, state: State, parent: State | None, depth: int) -> bool:
        if state in self.depth:
            return False
        self.depth[state] = depth
        self.parent[state] = parent
        return True


# The functions of ``asyncio`` that await a coroutine handed to them
ASYNCIO_RUNNERS = frozenset({"run", "create_task", "ensure_future", "gather", "wait_for",
                             "shield", "run_coroutine_threadsafe", "Task", "as_completed"})
# The methods of an ``asyncio`` event loop that await a coroutine handed to them
LOOP_RUNNERS = frozenset({"run_until_complete", "create_task"})


def _asyncio_runner(expr: Expr, bindings: Mapping[str, tuple[Expr, ...]]) -> bool:
    """Does callee ``expr`` spell an awaiting function of ``asyncio`` (``asyncio.run``), or
    an event loop's (``asyncio.get_event_loop().run_until_complete``), through the names it
    was imported by too (``from asyncio import get_event_loop``: prompt_toolkit 3.0)?"""
    values = bound_values(expr, bindings, 2)
    return values is not None and all(_spells_asyncio_runner(value) for value in values)


def _spells_asyncio_runner(expr: Expr) -> bool:
    if expr[0] != "m:asyncio" or len(expr) < 2:
        return False
    last = expr[-1][1:]
    return (len(expr) == 2 and last in ASYNCIO_RUNNERS) or (
        len(expr) > 2 and expr[-1][:1] == "." and last in LOOP_RUNNERS
        and expr[1][1:] in ("get_event_loop", "new_event_loop", "get_running_loop"))


def _made_by(value: Expr, site: CallSite) -> bool:
    """Is ``value`` what the call of ``site`` gives (a callee of it, then its call)?"""
    return any(len(value) == len(callee) + 1 and value[:-1] == callee
               and value[-1].startswith("(") for callee in site.callee)


def _takers(site: CallSite, calls: Sequence[CallSite]) -> Iterator[tuple[int, CallSite]]:
    """The calls (with their index in ``calls``) on ``site``'s line and in its scope that take
    what the call of ``site`` gives as an argument (``asyncio.run(f())``, ``xs.append(f())``)."""
    return ((index, other) for index, other in enumerate(calls)
            if other.scope == site.scope and other.line == site.line
            and any(_made_by(value, site)
                    for values in (*other.args, *(v for _, v in other.kwargs))
                    for value in values))


# Calls that use the value they are given as a plain value: a builtin's, or a container
# method storing it in a list (or set, deque) of the function's own
_PLAIN_BUILTINS = frozenset({"print", "len", "str", "repr", "bool", "list", "tuple", "dict",
                             "set", "sorted", "isinstance"})
_STORING = frozenset({".append", ".appendleft", ".add", ".insert", ".extend"})


def _takes_plainly(site: CallSite) -> bool:
    """Does call ``site`` use what it is given plainly: a builtin such as ``len`` or
    ``print``, or ``xs.append(...)`` on a local of its function? jupyter_client 8.0's
    ``get_msgs`` appends what the now-sync ``get_msg`` returns; a function nothing is known
    of (``asyncio.run``, ``consume``) may await it."""
    if len(site.callee) != 1 or not 1 <= len(site.callee[0]) <= 2:
        return False
    expr = site.callee[0]
    match parse_root(expr[0]):
        case BuiltinRoot(name):
            return len(expr) == 1 and name in _PLAIN_BUILTINS
        case Variable(key):
            return len(expr) == 2 and expr[1] in _STORING and key.startswith(f"v:{site.scope}|")
    return False


def _bound_local(site: CallSite, bindings: Mapping[str, tuple[Expr, ...]]) -> str | None:
    """The key of the one local name of ``site``'s function that what its call gives is bound
    to (``coro = f()``), or None: bound to none, or to several."""
    prefix = f"v:{site.scope}|"
    made = [key for key, values in bindings.items()
            if key.startswith(prefix) and key[len(prefix):].isidentifier()
            and any(_made_by(value, site) for value in values)]
    return made[0] if len(made) == 1 else None


# What a summary records of ``async for x in name``: each is read at the loop's line
_ASYNC_LOOP_READS = (("%__aiter__",), ("%__aiter__", "()", "%__anext__"),
                     (".__iter__",), (".__iter__", "()", ".__next__"))


def _async_iterated_local(summary: FileSummary, bindings: Mapping[str, tuple[Expr, ...]],
                          site: CallSite) -> bool:
    """Is the result of the call ``site`` bound to one local name of its function, bound to
    nothing else, and read only by ``async for`` loops (in the function or code it nests)?
    prompt_toolkit 3.0's test binds ``generator_to_async_generator(...)``, now an async
    generator, to ``async_gen`` and iterates it in a nested coroutine. Handed to a call,
    returned, stored, iterated without ``async`` or read otherwise: no."""
    local = _bound_local(site, bindings)
    if local is None or len(bindings[local]) != 1:
        return False
    loops: set[tuple[str, int]] = set()  # (scope, line) of each ``async for`` over it
    reads: list[tuple[str, int]] = []
    for other in summary.calls:
        if any(e and e[0] == local for values in (*other.args, *(v for _, v in other.kwargs))
               for e in values):
            return False  # handed to a call
        for expr in other.callee:
            if not expr or expr[0] != local:
                continue
            if not other.implicit or expr[1:] not in _ASYNC_LOOP_READS:
                return False  # called, or read by an attribute
            if expr[1:] == ("%__aiter__",):
                loops.add((other.scope, other.line))
            reads.append((other.scope, other.line))
    reads += [(reference.scope, reference.line) for reference in summary.references
              if any(e and e[0] == local for e in reference.target)]
    if not loops or any(read not in loops for read in reads):
        return False  # iterated without ``async`` too, or read where no loop is
    # bound elsewhere only as what a loop over it gives (``x`` of ``async for x in it``)
    return not any(
        e and e[0] == local and (key == local or e[1:] != ("[]",))
        for key, values in bindings.items() if key != local or len(values) > 1
        for e in values) and not any(
        e and e[0] == local for targets, _, values in summary.attribute_stores
        for e in (*targets, *values))


# What a summary spells for an attribute read by a name nothing is known of
# (``getattr(obj, name)``)
UNKNOWN_ATTRIBUTE = ".~*"
# Special methods whose implicit uses a summary records (``%__iter__`` for a ``for``, an
# operator's, ``with``, ``await``, ``len()``, ``str()``): code that needs them spells them
RECORDED_SPECIAL = frozenset({
    "__iter__", "__next__", "__aiter__", "__anext__", "__await__", "__enter__", "__exit__",
    "__aenter__", "__aexit__", "__len__", "__bool__", "__str__", "__repr__", "__format__",
    "__getitem__", "__setitem__", "__delitem__", "__contains__", "__call__",
    "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__radd__", "__sub__", "__rsub__",
    "__mul__", "__rmul__", "__truediv__", "__rtruediv__", "__floordiv__", "__mod__",
    "__and__", "__or__", "__xor__", "__neg__", "__pos__", "__invert__",
})
# The special names Python itself looks up on a class or an instance: every dunder of the
# builtin types', and those of protocols no builtin type has. Any other dunder bound as a
# plain value (python-docx 0.8's ``__ms_name__ = ''``) is an attribute like any other.
DATA_MODEL = frozenset(
    {name for kind in (object, type, int, float, complex, str, bytes, bytearray, list, tuple,
                       dict, set, frozenset, range, slice, memoryview, property, staticmethod,
                       classmethod, BaseException, types.FunctionType, types.MethodType,
                       types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType,
                       types.ModuleType)
     for name in dir(kind) if name.startswith("__") and name.endswith("__")}
    | set(SPECIAL_ARITY) | {
        "__slots__", "__match_args__", "__set_name__", "__class_getitem__", "__mro_entries__",
        "__prepare__", "__instancecheck__", "__subclasscheck__", "__get__", "__set__",
        "__delete__", "__enter__", "__exit__", "__aenter__", "__aexit__", "__await__",
        "__aiter__", "__anext__", "__fspath__", "__index__", "__missing__", "__length_hint__",
        "__buffer__", "__release_buffer__", "__post_init__", "__abstractmethods__",
        "__weakref__", "__copy__", "__deepcopy__", "__getnewargs__", "__getnewargs_ex__",
        "__annotations__", "__orig_bases__", "__parameters__", "__dataclass_fields__",
        "__dataclass_params__", "__attrs_attrs__", "__call__", "__round__", "__trunc__",
        "__floor__", "__ceil__", "__reversed__", "__matmul__", "__rmatmul__", "__imatmul__",
        "__bytes__", "__complex__", "__del__", "__objclass__", "__wrapped__", "__signature__",
        "__text_signature__", "__all__", "__path__", "__file__", "__spec__", "__loader__",
    }
)
# Methods code outside ours calls on a value it is handed, by a protocol, not by a name
# spelled here: a coroutine's or generator's, a mapping's for ``dict(obj)`` and ``**obj``, a
# file's
PROTOCOL_NAMES = frozenset({
    "send", "throw", "close", "keys", "read", "readline", "readlines", "write", "writelines",
    "flush", "fileno", "seek", "tell",
})


class ImpactAnalysis:
    def __init__(
        self,
        base: CodeGraph,
        head: CodeGraph,
        gateways: Sequence[str] = (),
        max_depth: int | None = None,
        changes: Sequence[Change] = (),
        asyncio_auto: Sequence[tuple[str, bool]] = (),
        test_patterns: Sequence[str] = DEFAULT_TEST_PATTERNS,
        anyio_auto: Sequence[tuple[str, bool]] = (),
    ) -> None:
        """``asyncio_auto``: where pytest-asyncio runs every async fixture
        (``config.PytestSettings.asyncio_auto``); ``test_patterns``: the test files';
        ``anyio_auto``: where anyio's plugin runs every async test
        (``config.PytestSettings.anyio_auto``)."""
        self.test_patterns = tuple(test_patterns)
        self.base = base
        self.head = head
        self.asyncio_auto = tuple(asyncio_auto)
        self.anyio_auto = tuple(anyio_auto)
        self.gateways = tuple(gateways)
        self.max_depth = max_depth
        self.changed_symbols = {c.symbol for c in changes}
        # the modules renamed, new name -> old name: a class of one was defined in the other
        self._renamed_from = {c.detail: c.symbol for c in changes
                              if c.kind is ChangeKind.MODULE_RENAMED and c.detail}
        self._bindings: dict[str, dict[str, tuple[Expr, ...]]] = {}  # head module -> bindings
        self._calls: dict[str, Sequence[CallSite]] = {}  # head module -> its call sites
        self._spelled: dict[str, frozenset[str]] = {}  # head module -> the names it spells
        self._tolerant: dict[str, frozenset[tuple[str, str]]] = {}  # head module -> its reads
        self._head_imports: dict[str, str] = {}  # import path -> as the modules are named
        self._module_paths: frozenset[str] | None = None  # every module and package above one
        self._head_paths: dict[str, str] | None = None  # head file -> module (``_found_beside``)
        # removed package -> how the head keeps it: _NO_NAMESPACE, _NAMESPACE (modules are
        # left under it) or _DECLARED_NAMESPACE (and its ``__init__`` gave no name)
        self._namespaces: dict[str, int] = {}
        self._derived_from: dict[tuple[str, str], bool] = {}  # ``_derived_from_both``
        # a package -> does it store into ``sys.modules`` (``_served_through_sys_modules``)
        self._sys_modules_stores: dict[str, bool] = {}
        # the states and parents of a walk, by graph, seeds, first steps and depth limit
        self._walked: dict[Hashable, tuple[dict[State, int], dict[State, State | None]]] = {}
        self._hierarchies: dict[int, Hierarchy] = {}  # by id of graph
        # (id of graph, node) -> the edges a walk past its first step follows into the node
        self._followed: dict[tuple[int, str], list[tuple[str, str, Entries | None]]] = {}
        self._revisions: tuple[Revision, Revision] | None = None  # base, head: names, classes
        # (class, removed base) -> members_taken_away
        self._members_taken: dict[tuple[str, str], frozenset[str] | None] = {}
        self._abandoned: dict[str, bool] = {}  # ``_hook_abandoned``
        self._head_spelled: dict[str, bool] = {}  # ``_spelled_in_head``
        # function -> the keyword names its ``**kwargs`` holds per call (``_forwarded_keywords``)
        self._forwarded: dict[str, list[frozenset[str]] | None] = {}
        # (head?, function) -> the ``functools.partial`` calls of it (``_partials_of``)
        self._partials: dict[tuple[bool, str], list[CallSite]] = {}
        # ``_head_sites``: (source, target) -> the head's sites behind that call edge
        self._sites_behind: dict[tuple[str, str],
                                 tuple[Definition, list[tuple[CallSite, bool]]] | None] = {}
        # class -> whether its instances surely cannot be hashed (``_unhashable_instances``)
        self._unhashable: dict[str, bool] = {}
        # symbol -> whether its decorators only traded aliases (``_aliases_traded``)
        self._aliases: dict[str, bool] = {}
        self.import_closure = ImportClosures(base, head)

    # -- per change ---------------------------------------------------------------------
    def walks(self, change: Change) -> list[Walk]:
        kind = change.kind
        if kind in REMOVALS:
            graphs = [self.base]
        elif kind in (ChangeKind.MODULE_ADDED, ChangeKind.SYMBOL_ADDED):
            graphs = [self.head]
        else:
            graphs = [self.base, self.head]
        result = []
        for graph in graphs:
            seeds = self.seeds(graph, change)
            if seeds:
                result.append(self.walk(graph, change, seeds))
        return result

    def seeds(self, graph: CodeGraph, change: Change) -> list[str]:
        symbol = change.symbol
        if change.kind is ChangeKind.EXPORT_REMOVED:
            return []  # handled by ``export_importers``: the name is not a node of its own
        if change.kind in (ChangeKind.MODULE_REMOVED, ChangeKind.MODULE_RENAMED):
            module = symbol.split(":", 1)[0]
            return [module, *sorted(graph.members(module))] if module in graph else []
        if symbol not in graph:
            return []
        if change.kind in REMOVALS:  # a removed class takes its methods with it
            module = graph.module_of(symbol)
            prefix = symbol + "."
            return [symbol, *sorted(n for n in graph.members(module) if n.startswith(prefix))]
        return [symbol]

    def first_kinds(self, change: Change) -> frozenset[str]:
        if change.kind in REMOVALS:
            return USES | {EdgeKind.IMPORTS, EdgeKind.INHERITS}
        if change.kind in SIGNATURE:
            return USES | {EdgeKind.OVERRIDES}
        if change.kind is ChangeKind.BASE_REMOVED:
            return USES | {EdgeKind.INHERITS}
        if change.kind is ChangeKind.BODY_CHANGED and ":" not in change.symbol:
            return USES | {EdgeKind.IMPORTS}  # module code: what imports the module runs it
        return USES | {EdgeKind.OVERRIDES} if change.kind is ChangeKind.BODY_CHANGED else USES

    def walk(self, graph: CodeGraph, change: Change, seeds: Iterable[str]) -> Walk:
        seeds = list(seeds)
        walk = Walk(graph, self.gateways, change=change)
        queue: deque[State] = deque()
        for seed in seeds:
            state: State = (seed, False, None)
            if walk.visit(state, None, 0):
                queue.append(state)
        first = self.first_kinds(change)
        in_base = graph is self.base and self.base is not self.head
        if change.breaks_code or change.kind in CALLER_LOCAL:  # each direct user's head code is
            # read to judge it, in one batch
            users = {graph.module_of(s) for seed in seeds for s, _ in graph.predecessors(seed)}
            if change.kind in REMOVALS:  # what it imports and spells: its whole summary
                prefetch(self.head.summaries, sorted(users))
            else:  # its call sites
                self._read_calls(sorted(users))
                if in_base:  # a call the head no longer links: judged on what its code spells
                    prefetch(self.head.summaries, sorted(self._unlinked(graph, seeds, first)))
        held = walk.held
        limit = self.max_depth
        if not change.breaks_code and change.kind in SHALLOW:
            limit = 1  # the direct users see the change; what they do is unchanged
        # The first step: the edges into the seeds that the change follows.
        steps: list[tuple[State, str, str]] = []
        hierarchy = self._hierarchy(graph)
        if limit is None or limit > 0:
            for state in list(queue):
                node = state[0]
                for source, kind in hierarchy.into(node):
                    if kind not in first:
                        continue
                    if kind == EdgeKind.OVERRIDES and change.kind is ChangeKind.BODY_CHANGED:
                        continue  # an override does not run the body it replaces
                    if in_base and not self.in_head(change, source, node, kind, 0):
                        continue  # the calling code is gone from the head: it breaks nothing
                    steps.append((state, source, kind))
            queue.clear()
        # Past the first step a walk depends on the change only through ``held`` (callers
        # whose code runs as before): the walks of two changes of one symbol (its body and a
        # parameter, say) that take the same first steps reach the same states.
        key = None if change.kind in CALLER_LOCAL else (id(graph), tuple(seeds), tuple(steps),
                                                        limit)
        known = self._walked.get(key) if key is not None else None
        if known is not None:
            for state, source, kind in steps:
                if self.breaks(graph, change, source, state[0], kind):
                    walk.broken.add(source)
            walk.depth, walk.parent = dict(known[0]), dict(known[1])
            self._breaks_through_subclasses(walk, change)
            return walk

        constrained: dict[tuple[str, bool], int] = {}  # constrained states per node so far

        def follow(state: State, depth: int, source: str, kind: str,
                   entries: Entries | None) -> None:
            node = state[0]
            # The constraints under which the walk at ``node`` reaches ``source`` over this
            # edge (``receivers.step_back``): only a call edge carries receivers, and a
            # method's self is an instance of its class.
            if entries is None:
                constraints: list[str | None] = [None]
            else:
                constraints = entries.step_back(
                    hierarchy, state[2] if state[2] is not None else hierarchy.owner(node), source
                )
            for constraint in constraints:
                if constraint is not None:
                    place = walk.step(state, source)
                    if place in walk.depth and place not in held:
                        continue  # reached with no constraint already: that reaches more
                    count = constrained.get(place[:2], 0)
                    if count >= MAX_CONSTRAINTS:
                        constraint = None
                    elif walk.step(state, source, constraint) not in walk.depth:
                        constrained[place[:2]] = count + 1
                follow_one(state, depth, source, kind, constraint)

        def follow_one(state: State, depth: int, source: str, kind: str,
                       constraint: str | None) -> None:
            node = state[0]
            following = walk.step(state, source, constraint)
            if not walk.visit(following, state, depth + 1):
                if following in held and not (depth == 0 and kind == EdgeKind.CALLS and
                                              self.runs_as_before(change, source, node)):
                    held.discard(following)  # reached another way that does change it
                    queue.append(following)
                return
            if (depth == 0 and kind == EdgeKind.CALLS and source not in walk.broken
                    and self.runs_as_before(change, source, node)):
                held.add(following)  # hit, but what it does for its callers is unchanged
                return
            queue.append(following)

        for state, source, kind in steps:
            if self.breaks(graph, change, source, state[0], kind):
                walk.broken.add(source)
            follow(state, 0, source, kind, hierarchy.entries(source, state[0])
                   if kind == EdgeKind.CALLS else None)
        reached, parents, gateways = walk.depth, walk.parent, walk.gateways
        while queue:
            state = queue.popleft()
            depth = reached[state]
            if limit is not None and depth >= limit:
                continue
            node = state[0]
            if ":" not in node:
                continue  # reaching module-level code does not make the module's importers users
            crossed = state[1]
            for source, kind, entries in self._followed_into(graph, hierarchy, node):
                if entries is not None:
                    follow(state, depth, source, kind, entries)
                    continue
                # ``follow_one`` past the first step, with no constraint: inline, as most
                # edges are followed so (a hub of a test suite has thousands of callers)
                following = (source, crossed, None) if crossed or not gateways \
                    else walk.step(state, source)
                if following in reached:
                    if following in held:
                        held.discard(following)  # reached another way that does change it
                        queue.append(following)
                    continue
                reached[following] = depth + 1
                parents[following] = state
                queue.append(following)
        if key is not None:  # copies: ``import_breaks`` adds to the walk's own
            self._walked[key] = (dict(walk.depth), dict(walk.parent))
        self._breaks_through_subclasses(walk, change)
        return walk

    # -- what breaks ----------------------------------------------------------------------
    def breaks(self, graph: CodeGraph, change: Change, source: str, target: str, kind: str) -> bool:
        # A removal breaks code of ours that still uses the name even when no outside user
        # could (a private helper the module's own top-level code still calls: its import fails)
        if not change.breaks_code and change.kind not in REMOVALS:
            return False
        if change.kind in REMOVALS:
            if kind == EdgeKind.CALLS and graph.edge_data(source, target, kind).get("dispatch"):
                return False  # one possible receiver fewer breaks nothing
            if self._read_by_value(graph, source, target, kind):
                return False  # no code names it: a guess at what a name given as a value is
            if kind in (EdgeKind.CALLS, EdgeKind.REFERENCES) and self._read_tolerantly(
                    source, target):
                return False  # ``getattr(cls, "Input", None)``: its absence is handled
            if change.kind in (ChangeKind.MODULE_REMOVED, ChangeKind.MODULE_RENAMED):
                return self.still_uses(source, target, module=change.symbol.split(":", 1)[0],
                                       renamed=change)
            if not change.breaking and self._inherited_in_head(change.symbol) is not None:
                # the class answers the name from a base now: every call and read of it
                # still finds one, nothing fails
                return False
            if (not change.breaking and change.detail == INHERITED_FROM_OBJECT
                    and change.symbol.rpartition(".")[2] in OBJECT_NEVER_FAILS):
                # ``object``'s method answers every call as Python makes it (paramiko 3.0
                # removed ``Message.__str__``; ``kex_gss`` still hashes ``str(hm)``)
                return False
            if not change.breaking and change.detail.endswith(f"({OUTSIDE_BASE_ANSWERS})"):
                # the override handed every argument on to an outside base's method, which
                # answers the calls now
                return False
            if not change.breaking and _answered_by_standard_base(change):
                # a standard-library base has the method now (its signature was compared)
                return False
            if not change.breaking and self._served_in_head(change.symbol):
                # the module's ``__getattr__`` now serves the name, to ``from m import name``
                # as to ``m.name`` (werkzeug 3.0's ``__version__``, deprecated)
                return False
            if ":" in change.symbol and target.startswith(change.symbol + "."):
                # A member of a class that went with it: no instance of the class is made any
                # more but by code naming the class, which breaks there. A call of the member
                # on a value (``conn.close()``, the class one possible receiver) breaks nothing.
                return self.still_uses(source, change.symbol)
            if kind == EdgeKind.CALLS and self._found_below(graph, source, target):
                return False
            if self._left_the_dispatch(graph, source, target, kind):
                return False
            if kind == EdgeKind.CALLS and self._answered_in_every_subclass(source, target):
                return False
            return self.still_uses(source, target)
        if change.kind in SIGNATURE:
            if kind == EdgeKind.OVERRIDES:  # an updated override is consistent
                if target.rpartition(".")[2] in CONSTRUCTORS:
                    return False  # a class is made through its own: a subclass's may differ
                if (change.kind is ChangeKind.ASYNC_CHANGED and graph is self.head
                        and self.head is not self.base and source not in self.base):
                    # an override the head adds, ``async`` or not, for an API of its own
                    # (jupyter_client 8.0 made ``ZMQSocketChannel`` sync and added
                    # ``AsyncZMQSocketChannel`` overriding it with ``async def``): written
                    # against the method as it is now, nothing of the base called it
                    return False
                return source not in self.changed_symbols and not self._accepts(source, target)
            if (kind == EdgeKind.REFERENCES and graph is self.head
                    and change.kind is ChangeKind.DECORATOR_CHANGED
                    and _caches_removed_only(change)):
                # ``find.cache_clear()``: the attributes the cache's wrapper had are gone
                return self._reads_cache_api(source, target)
            if kind != EdgeKind.CALLS:
                return False
            if (change.kind in (ChangeKind.ASYNC_CHANGED, ChangeKind.DECORATOR_CHANGED)
                    and self._shaped_like_its_siblings(graph, source, target)):
                # the call site already calls functions made as this one is now: it breaks
                # only where its arguments do not bind the head's signature
                return not self._binds(source, target)
            moved = self._called_now(source, target) \
                if graph is self.base and target not in self.head and source in self.head \
                else None
            if moved is not None:
                # the function moved to another module, which the old one imports it from:
                # the head's call of it there is the one to judge (scapy 2.8 moved
                # ``pkcs1._get_hash`` to ``crypto.hash``, adding a decorator handing every
                # argument on)
                return self.breaks(self.head, change, source, moved, kind)
            if self._guessed(source, target) or self._unbounded(graph, source, target):
                return False
            if self._generated(graph, source, target):
                return False  # a call in a string of code: what it passes is not known
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and self._requested_only(source, target)
                    and (not self._fixture_in_base(target)
                         or self._fixture_decorators_traded(change))):
                # a function made a fixture, reached only through pytest's requests of it:
                # none of them was there to break (nothing could ask for it before), and a
                # request passes the fixture what its parameters name. circuitbreaker 2.0
                # made ``circuit_failure`` a fixture; its tests' parameter of that name (the
                # fixture's value) is what they call now. A fixture that traded pytest's
                # decorator for pytest-asyncio's (or back) is requested as before, and gives
                # the requesters its value in both revisions (``_fixture_decorators_traded``)
                return False
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and self._requested_only(source, target)
                    and self._fixture_decorators_only(change)
                    and not self._gives_its_value(target, head=False)
                    and self._gives_its_value(target, head=True)):
                # a plain ``@pytest.fixture async def`` of strict mode made
                # ``@pytest_asyncio.fixture``: the requester gets the value the fixture gives
                # now, not the coroutine or async generator (jeepney 0.8's ``connection``,
                # whose tests read ``connection.unique_name``); only using the old one breaks
                return self._uses_the_coroutine(source, target)
            if graph is self.head and self._self_never_of(graph, source, target):
                return False  # ``self`` of ``source`` is never an instance of that class
            if (change.kind is ChangeKind.DECORATOR_CHANGED
                    and self._handed_unnamed(source, target)):
                # outside code handed a value that holds the function (a test case's ``self``
                # to ``self.assertRaises``) may call it, or not: no certain break, as for an
                # ``async`` change (``_handed_unnamed``); code naming it is judged
                return False
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and self._handed_to_kept_outside_decorator(change, source, target)):
                # outside code handed what an outside decorator, outermost in both revisions,
                # made of the function calls that, as before (``runner.invoke(cli.main)``
                # on a ``@click.command``, which passes the options declared below it)
                return False
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and self._handed_over_anew(source, target)):
                # code the head added hands the function to outside code, which calls it
                # later with what it has to give (rollbar 1.4's examples traded
                # ``@app.route('/')`` for ``Route('/', endpoint=root)``): written against the
                # function as it is now, and whether the outside code takes it is not known
                return False
            if change.kind is ChangeKind.DECORATOR_CHANGED and self._aliases_traded(change):
                # the same outside decorator, named through a module variable of ours before
                return False
            if change.kind is ChangeKind.DECORATOR_CHANGED:
                getter = self._getter_calling(change, target)
                if getter is not None and not source.startswith(getter + "."):
                    # a property traded for a getter of ours whose ``__get__`` calls the
                    # function (passlib's ``memoized_property``): a read is still a read,
                    # of the value the function returns, as long as that call binds
                    return not self._binds(f"{getter}.__get__", target, raw=True)
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and "+" in {part[:1] for part in change.detail.split()}
                    and self._calls_what_it_was_handed(source, target)):
                # the machinery of a decorator that came calls the function it was handed
                # (``self.func(obj)``, ``func(self, **params)``): written for the head, it
                # breaks only when its call does not bind
                return not self._binds(source, target, raw=True)
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and self._wraps_below_change(source, target)):
                # the wrapper of a decorator whose own and lower decorators are as they were
                # calls what it was given as before: only whether the call binds is new
                return not self._binds(source, target)
            if graph is self.base:
                # The head walk judges what the head still links (a call, or a reference the
                # call was rewritten into); one that reaches here without any head edge still
                # names the target but no longer resolves to it.
                if self.head is self.base or self.head.edge_kinds(source, target):
                    return False
                if change.kind in BINDING_KINDS:
                    # an override removed: the call runs the method the class now inherits
                    # (the diff compared the two); a class moved: its module now imports it
                    # from where it went, and the call runs that. Judged on its signature.
                    now = self._called_now(source, target)
                    if now is not None:
                        return not self._binds(source, now)
                    spelled = self._spelled_binds(source, target)
                    if spelled is not None:
                        return not spelled
                if (change.kind is ChangeKind.DECORATOR_CHANGED
                        and self._descriptor_traded(change)):
                    # a property traded for a descriptor class of ours (astropy 6.1's
                    # ``lazyproperty``, a ``property`` subclass): the link follows no read
                    # through the head's ``__get__``, and a read still gives what the
                    # function returns; only an assignment may fail now
                    return self._assigns(source, target)
                return True
            if change.kind in BINDING_KINDS:
                return not self._binds(source, target)
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and self._descriptor_to_rebinding(change)):
                # a head call of what is now a method: it runs if it binds (pint 0.23's
                # vendored flexparser traded its own ``@classproperty`` for ``@classmethod``
                # and its calls ``cls.body_classes`` for ``cls.body_classes()``)
                return not self._binds(source, target)
            if change.kind is ChangeKind.DECORATOR_CHANGED and _rebinds_only(change):
                dispatches = any(part.startswith("+")
                                 and part[1:].rpartition(".")[2] in DISPATCHING
                                 for part in change.detail.split())
                return not self._binds(source, target, positional_first=dispatches)
            if change.kind is ChangeKind.DECORATOR_CHANGED and _caches_added_only(change):
                return self._passes_unhashable(source, target)
            if change.kind is ChangeKind.DECORATOR_CHANGED and _caches_removed_only(change):
                # the cache's wrapper handed every argument on as it was given (isort 5.13
                # dropped ``@lru_cache()`` from ``settings._find_config``): a call now runs
                # the function itself, and breaks when that does not take it
                return not self._binds(source, target)
            if change.kind is ChangeKind.DECORATOR_CHANGED and _dataclass_only(change):
                return not self._constructs(source, target)
            if change.kind is ChangeKind.DECORATOR_CHANGED and self._descriptor_traded(change):
                # one descriptor for another: reading the attribute gives what the function
                # returns, as before; an assignment may fail now (a property has no setter)
                return self._assigns(source, target)
            if change.kind is ChangeKind.DECORATOR_CHANGED and _setters_removed_only(change):
                # a property lost its setter: reading it runs the getter as before; an
                # assignment to it fails (simple-parsing 0.1 dropped ``default.setter`` of
                # its wrappers, whose users only read ``wrapper.default``)
                return self._assigns(source, target)
            if (change.kind in (ChangeKind.ASYNC_CHANGED, ChangeKind.DECORATOR_CHANGED)
                    and self._coroutine_made_native(change, target)):
                # a generator-based coroutine made ``async def``: a call gives an awaitable,
                # as it did
                return False
            if (change.kind is ChangeKind.DECORATOR_CHANGED
                    and self._async_generator_made_native(change, target)):
                # ``@async_generator`` with ``await yield_(x)`` made a native async generator:
                # a call gives an async generator, as it did
                return False
            if (change.kind is ChangeKind.ASYNC_CHANGED and graph is self.head
                    and self._requested_only(source, target)
                    and self._gives_its_value(target, head=False, requester=source)
                    and self._gives_its_value(target, head=True, requester=source)):
                # pytest-asyncio runs the async fixture (awaits it, or runs it to its
                # ``yield``) and pytest hands the requester what it gives, as before (beanie
                # 2.0 made its conftest's ``cli`` an ``async def`` under ``asyncio_mode =
                # "auto"``; the fixture ``db(cli)`` reads ``cli[...]``), or anyio's plugin
                # runs it for an async requester (anyio 4.12's ``populated_tmpdir``)
                return False
            if change.kind is ChangeKind.ASYNC_CHANGED:
                return not (self._async_iterated_only(source, target)
                            or self._awaited_only(source, target)
                            or self._called_plainly_only(source, target)
                            or self._handed_to_runner(source, target)
                            or self._handed_unnamed(source, target))
            entered = (self._entered_by(change)
                       if change.kind is ChangeKind.DECORATOR_CHANGED else 0)
            if entered:
                return not self._entered_only(source, target, entered)
            if (change.kind is ChangeKind.DECORATOR_CHANGED and _decorators_only(change, "+")
                    and self._forwarded_whole(target, changed=_changed_decorators(change))):
                # the wrapper hands every argument on as it was given: a call binds as it did,
                # so one written alike in the base that did not bind the base's function
                # either failed already or never runs it, even spelling its name (prefect 3.1's
                # ``@deprecated_parameter`` on ``State.result``: ``state.result(_sync=True)``)
                return not self._binds(source, target, refused_alike=True)
            if (change.kind is ChangeKind.DECORATOR_CHANGED and _decorators_only(change, "-")
                    and self._forwarded_whole(target, self.base,
                                              _changed_decorators(change))):
                # the wrapper that went handed every argument on as it was given: a call
                # now reaches the function itself, and breaks when that no longer takes it
                return not self._binds(source, target)
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and _decorators_only(change, "-") and self._outside_wrappers_gone(
                        change, target)):
                # an outside decorator whose wrapper nothing is known of went, and the head's
                # function is bare (clize 5.0 traded sigtools' ``@modifiers.kwoargs(start=
                # 'name')`` for a ``*`` in ``value_converter``'s parameters): a head call runs
                # the function itself, and breaks when that does not take it
                return not self._binds(source, target)
            if (change.kind is ChangeKind.DECORATOR_CHANGED and _decorators_only(change, "-")
                    and self._plain_metaclass_dropped(change)):
                # six's ``@add_metaclass(M)`` went, ``M`` a metaclass of ours defining no
                # ``__call__`` (urllib3 2.0's ``Retry`` lost ``_RetryMeta``, whose deprecated
                # class properties went with it): making the class runs ``type.__call__`` as
                # before, and breaks when the head's ``__init__`` does not take the call
                return not self._constructs(source, target)
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and _decorators_only(change, "-") and self._own_wrappers_gone(change)
                    and not self._is_class(target) and self._plain_calls_only(source, target)):
                # functions of ours that wrapped it went, the decorators left are as they
                # were (hypothesis 6.0 dropped ``@deprecated_posargs``, whose wrapper moved
                # extra positional arguments onto keyword-only parameters, from ~45
                # strategies): a head call reaches what those make of the function itself,
                # and breaks when that does not take it. A result entered, awaited or
                # iterated may have been what the wrapper made: judged broken, as before.
                # (A class decorator is judged below: one giving the class back leaves it
                # made by its ``__init__``; textblob 0.18 dropped ``@implements_to_string``.)
                return not self._binds(source, target)
            if change.kind is ChangeKind.DECORATOR_CHANGED and self._shim_traded(change):
                # the decorator is what a shim of ours returned, imported now: the same one
                return False
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and _decorators_only(change, "-") and self._is_class(target)
                    and self._decorators_on_a_base(change, target)):
                # the class decorators went to a base the class derives from now (trafaret
                # 2.0 moved ``@py3metafix`` and ``List``'s body to a new base ``Iterable``):
                # what they made of the base the class inherits, and making the class runs
                # the ``__init__`` it inherits, which the call must take
                init = self._inherited_init(target)
                return init is None or not self._binds(source, init)
            if change.kind is ChangeKind.DECORATOR_CHANGED and self._given_back(change):
                # every decorator that came or went is a function of ours returning what it
                # is given: the name is the function (or class) itself in both revisions. A
                # class is made as before unless one of them set its ``__init__`` (textblob
                # 0.18 dropped ``@implements_to_string``, which only patched ``__str__``)
                # (one that did set it made the class otherwise than its ``__init__`` reads:
                # not told, broken)
                if self._is_class(target):
                    return self._construction_patched(change)
                return not self._binds(source, target)
            if (change.kind is ChangeKind.DECORATOR_CHANGED and graph is self.head
                    and self._own_wrappers_traded(change, target)
                    and self._plain_calls_only(source, target)):
                # wrappers of ours went, and what came gives the function back: a head call
                # reaches the function itself, and breaks when that does not take it (as
                # when the wrappers only went, above)
                return not self._binds(source, target)
            return True
        if change.kind is not ChangeKind.BASE_REMOVED:
            return False
        # a class reached only through a name nothing is known of (``getattr(obj, name)()``
        # over every member) is a guess at what runs, as for a signature change above
        if kind == EdgeKind.CALLS and self._unbounded(graph, source, target):
            return False
        return self._uses_member_taken(
            source, change.symbol, change.detail,
            kind == EdgeKind.INHERITS or self._names_as_base_only(source, change.symbol))

    def _read_by_value(self, graph: CodeGraph, source: str, target: str, kind: str) -> bool:
        """Does base code ``source`` reach member ``target`` only through a name nothing is
        known of: every call of it is through such a name (``unbounded``), or none of its
        references spells the name and it reads some attribute by a name given as a value
        (``reads_by_value_only``)? openpyxl 3.1 removed ``DefinedNameList.append``;
        ``Serialisable.__hash__`` reads every member by ``getattr(self, attr)``, and appends
        to a list of its own."""
        member = target.partition(":")[2]
        if graph is not self.base or "." not in member:
            return False
        if kind == EdgeKind.CALLS:
            return bool(graph.edge_data(source, target, kind).get("unbounded"))
        summary = self.base.summaries.get(graph.module_of(source)) \
            if kind == EdgeKind.REFERENCES else None
        return summary is not None and reads_by_value_only(
            summary, source, member.rpartition(".")[2], dict(summary.bindings))

    def _given_back(self, change: Change) -> bool:
        """Is every decorator a ``decorator-changed`` added (read in the head) or removed (in
        the base) written bare and a function of ours that returns what it is given
        (``returns_its_argument``), or that keeps its signature (``keeps_signature``)?
        A ``pytest.mark`` decorator gives the function back, marked.
        sentry-sdk 2.0 traded ``@hubmethod`` for ``@scopemethod`` on ``capture_event`` and its
        siblings, each setting ``f.__doc__`` and returning ``f`` (75 modules broken); IPython
        8.0 traded ``@needs_sqlite`` for ``@only_when_enabled``, both the ``decorator``
        package's."""
        parts = change.detail.split()
        return bool(parts) and all(part[:1] in "+-" and self._gives_back(change, part)
                                   for part in parts)

    def _decorator_side(self, change: Change, part: str) -> tuple[Revision, str]:
        """Where a decorator of a ``decorator-changed``'s detail is read: one added
        (``+name``) in the head's module, one removed (``-name``) in the base's, under the
        module's old name when it was renamed (seaborn 0.13 renamed ``_oldcore`` to ``_base``
        and dropped ``@share_init_params_with_map``, which returns the class it is given,
        from its mappings)."""
        now = change.symbol.partition(":")[0]
        base, head = self._revision_pair()
        if part[:1] == "+":
            return head, now
        return base, self._renamed_from.get(now, now)

    def _gives_back(self, change: Change, part: str) -> bool:
        """``_given_back`` for one decorator of a ``decorator-changed``'s detail
        (``+name``: added, read in the head; ``-name``: removed, read in the base)."""
        revision, module = self._decorator_side(change, part)
        name = part[1:]
        if revision.spelled(module, decorator_base(name)).startswith("pytest.mark."):
            return True  # a mark gives the function back as it is (geopandas 1.0's tests)
        definition = revision.definition(f"{module}:{change.symbol.partition(':')[2]}")
        if definition is not None and any(
                (made := instance_gives_back(revision, module, written)) is not None
                and made.rpartition(":")[2].rpartition(".")[2] == name.rpartition(".")[2]
                for written in map(decorator_base, definition.decorators)):
            # an instance of a class of ours whose ``__call__`` returns what it is handed
            # (the diff names the decorator by its class, spelling the variable out)
            return True
        if f"@{name}(" in ((change.new if part[0] == "+" else change.old) or ""):
            # a factory, called where it decorates (moviepy's ``@convert_to_seconds(['t'])``,
            # discord.py's ``@copy_doc(Client.close)``)
            return makes_signature_keeper(revision, module, name) \
                or factory_gives_back(revision, module, name)
        return any(rule(revision, module, name)
                   for rule in (returns_its_argument, keeps_signature))

    def _shim_traded(self, change: Change) -> bool:
        """Does a ``decorator-changed`` trade one decorator, a name bound to what a shim of
        ours returns (``dispatch = import_single_dispatch()``, spelled out by the diff), for
        one of the import paths it returns (``functools.singledispatch``: ``shim_returns``)?
        graphene-django 3.0's converters."""
        parts = change.detail.split()
        removed = [part[1:] for part in parts if part.startswith("-")]
        added = [part[1:] for part in parts if part.startswith("+")]
        if len(parts) != 2 or len(removed) != 1 or len(added) != 1:
            return False
        module = change.symbol.partition(":")[0]
        base, head = self._revision_pair()
        return head.spelled(module, decorator_base(added[0])) in shim_returns(
            base, module, decorator_base(removed[0]))

    def _own_wrappers_gone(self, change: Change) -> bool:
        """Is every decorator a ``decorator-changed`` removed, as its base module spells it,
        an undecorated function of ours (bare, or called: a decorator factory)?"""
        module = change.symbol.partition(":")[0]
        base, _ = self._revision_pair()
        written = [part[1:] for part in change.detail.split() if part[:1] == "-"]
        return bool(written) and all(
            plain_function(base, module, decorator_base(name)) is not None for name in written)

    def _own_wrappers_traded(self, change: Change, target: str) -> bool:
        """Did a ``decorator-changed`` trade decorators of ours (``_own_wrappers_gone``) for
        decorators that each give the function back (``_gives_back``), on a head function?
        gin-config 0.5 traded ``@configurable(module='gin')``, whose wrapper fills
        parameters from the configuration, for ``@register(module='gin')``, which records
        the function and returns it as it is."""
        parts = change.detail.split()
        made = self._definition(self.head, target)
        return (made is not None and made.kind in (SymbolKind.FUNCTION, SymbolKind.METHOD)
                and any(part[:1] == "+" for part in parts) and self._own_wrappers_gone(change)
                and all(part[:1] == "-" or (part[:1] == "+" and self._gives_back(change, part))
                        for part in parts))

    def _plain_calls_only(self, source: str, target: str) -> bool:
        """Is no head call ``source`` writes of ``target`` one whose result is entered,
        awaited or iterated? (One made by outside code or Python, with no site here, is
        judged by ``_binds`` as such.)"""
        found = self._head_sites(source, target)
        return found is None or not any(
            site.entered or site.awaited or site.iterated for site, _ in found[1])

    def _outside_wrappers_gone(self, change: Change, target: str) -> bool:
        """Is every decorator a ``decorator-changed`` removed one of an outside package (not
        the standard library's, not ours), not a descriptor nor a method maker, and the
        head's ``target`` a function with no decorator left?"""
        made = self._definition(self.head, target)
        if made is None or made.decorators or made.kind not in (SymbolKind.FUNCTION,
                                                                SymbolKind.METHOD):
            return False
        module = change.symbol.partition(":")[0]
        base, _ = self._revision_pair()
        for part in change.detail.split():
            written = decorator_base(part[1:])
            spelled = base.spelled(module, written)
            top, _, _ = spelled.partition(".")
            name = spelled.rpartition(".")[2]
            if base.imports(module).get(written.partition(".")[0]) is None:
                return False  # a name no import gives: not known to be outside
            if (_written_symbol(base, module, part[1:]) is not None or self.is_ours(top)
                    or self._names_head_module(spelled) or top in sys.stdlib_module_names
                    or name in DESCRIPTORS | METHOD_MAKERS | REBINDING or "property" in name):
                return False
        return True

    def _descriptor_to_rebinding(self, change: Change) -> bool:
        """Is a ``decorator-changed`` the trade of descriptors (``property``,
        ``cached_property``, a class of ours with ``__get__``) for nothing or ``REBINDING``
        decorators only? What the function is in the head is a function or method."""
        module = change.symbol.partition(":")[0]
        base = self._revision_pair()[0]
        parts = change.detail.split()
        return any(part[:1] == "-" for part in parts) and all(
            (part[:1] == "+" and part[1:].rpartition(".")[2] in METHOD_MAKERS)
            or (part[:1] == "-" and _descriptor(base, module, part[1:])) for part in parts)

    def _descriptor_traded(self, change: Change) -> bool:
        """Is a ``decorator-changed`` the trade of descriptors for descriptors (``property``,
        ``cached_property``, a class of ours with ``__get__``), ``abstractmethod`` aside? Reading
        the attribute gives what the function returns in both revisions (emmett 2.5 traded
        its own ``@cachedprop`` for ``@property @abstractmethod`` on ``Request.body``)."""
        module = change.symbol.partition(":")[0]
        base, head = self._revision_pair()
        was = self._renamed_from.get(module, module)
        if head.definition(change.symbol) is None:
            # the class moved, its module importing it back: the decorator is written where
            # it went (astropy 6.1 made ``coordinates.transformations`` a package)
            moved = self._moved_in_head(change.symbol)
            module = moved.partition(":")[0] if moved is not None else module
        parts = [part for part in change.detail.split()
                 if decorator_base(part[1:]).rpartition(".")[2] not in ABSTRACT_MARKS]
        return (any(part[:1] == "-" for part in parts) and any(part[:1] == "+" for part in parts)
                and all(_descriptor(base, was, part[1:]) if part[:1] == "-"
                        else _descriptor(head, module, part[1:]) for part in parts))

    def _getter_calling(self, change: Change, target: str) -> str | None:
        """The class of ours a ``decorator-changed`` traded a descriptor (``property``,
        ``cached_property``) for, when that is the whole change and the head's ``__get__``
        of the class calls ``target``; None for any other change. passlib 1.7.4's
        ``memoized_property`` calls ``self.__func__(obj)`` and stores the value."""
        parts = change.detail.split()
        removed = [part[1:] for part in parts if part[:1] == "-"]
        added = [part[1:] for part in parts if part[:1] == "+"]
        if (len(added) != 1 or not removed or len(removed) + 1 != len(parts)
                or any(written.rpartition(".")[2] not in DESCRIPTORS for written in removed)
                or not added[0].replace(".", "_").isidentifier()):
            return None
        head = self._revision_pair()[1]
        cls = head.resolve_expression(change.symbol.partition(":")[0], added[0])
        made = head.definition(cls) if cls is not None else None
        if cls is None or made is None or made.kind is not SymbolKind.CLASS:
            return None
        if EdgeKind.CALLS not in self.head.edge_kinds(f"{cls}.__get__", target):
            return None
        return cls

    def _calls_what_it_was_handed(self, source: str, target: str) -> bool:
        """Does ``source`` call ``target`` in the head only through a value it was handed
        (no call site linked to it spells its name: ``func(self, **params)``), with no such
        call edge in the base? A decorator that came hands the function to its machinery
        (zipp 3.17's ``parameterize(...)`` wrapper); the call is the machinery's own, written
        for the function as the head defines it."""
        if EdgeKind.CALLS in self.base.edge_kinds(source, target):
            return False
        found = self._head_sites(source, target)
        return found is not None and not any(_names_callee(site, target)
                                             for site, _ in found[1])

    def _handed_to_kept_outside_decorator(self, change: Change, source: str,
                                          target: str) -> bool:
        """Does ``source`` only hand ``target`` to outside code (a ``callback`` edge, no call
        site of its own), while the outermost decorator of ``target`` is the same outside
        one in both revisions (by name), not one known to leave calls alone (``CALL_KEEPING``),
        and the change added or removed decorators below it only? Outside code calls what that
        decorator made, as the base's ``_wrapped_in_base`` reads it: the function's own
        signature does not tell what that passes. apprise 1.7 added ``@click.option`` under
        ``@click.command`` on ``cli.main``, which its tests hand to ``CliRunner.invoke``."""
        data = self.head.edge_data(source, target, EdgeKind.CALLS)
        if not data.get("callback") or self._head_sites(source, target) is not None:
            return False
        old, new = self._old_definition(target), self._definition(self.head, target)
        if old is None or new is None or not old.decorators or not new.decorators:
            return False
        outer = new.decorators[0]
        changed = {decorator_base(written) for written in _changed_decorators(change)}
        # the same decorator by name: other arguments (pip-tools 7.4 gave its
        # ``@click.command(...)`` a ``name=``) leave it applied as before, as the diff reads it
        if (decorator_base(old.decorators[0]) != decorator_base(outer)
                or decorator_base(outer) in changed
                or decorator_base(outer).rpartition(".")[2] in CALL_KEEPING):
            return False
        path = self._decorator_path(target, outer)
        parts = path.split(".")
        return ":" not in path and not any(self.is_ours(".".join(parts[:end]))
                                           for end in range(1, len(parts) + 1))

    def _handed_over_anew(self, source: str, target: str) -> bool:
        """Does ``source`` only hand ``target`` to outside code in the head (a ``callback``
        edge, no call site of its own), where the base's ``source`` had no edge to it at all
        (or was not there)?"""
        data = self.head.edge_data(source, target, EdgeKind.CALLS)
        return bool(data.get("callback")) and self._head_sites(source, target) is None \
            and not self.base.edge_kinds(source, target)

    def _wraps_below_change(self, source: str, target: str) -> bool:
        """Is ``source`` a decorator of ``target`` (a function of ours written in its
        decorator list, or one defined in it: its wrapper) that, with every decorator below
        it, is the same in both revisions? It was handed what those made of the function,
        as before; what a decorator added or removed above it does happens to its result
        (celery 5.4 added ``@_list_option('inspect')`` above ``@handle_preload_options``,
        whose ``caller`` calls the function it got)."""
        old, new = self._old_definition(target), self._definition(self.head, target)
        module, _, qualname = source.partition(":")
        top = qualname.partition(".")[0]
        if old is None or new is None or not top:
            return False
        names = {f"{module}:{top}", f"{module}.{top}"}
        below = []
        for decorators in (old.decorators, new.decorators):
            found = [index for index, written in enumerate(decorators)
                     if self._decorator_path(target, written) in names]
            if len(found) != 1:
                return False
            below.append(decorators[found[0]:])
        return below[0] == below[1]

    def _found_below(self, graph: CodeGraph, source: str, target: str) -> bool:
        """Does ``source``'s code, on every receiver the base linked its use of the removed
        member ``target`` on, now get a member of that name from a class of ours, as the head
        links it: no guess (``dispatch``, ``unbounded``, ``dynamic``) and the same receivers
        (``recv``)? quart 0.20 moved the ``max_content_length`` property from
        ``BaseRequestWebsocket`` down to ``Request``, whose ``make_form_data_parser`` reads
        ``self.max_content_length``: the read finds it there. A receiver the head no longer
        links (``other.member`` on an instance of the base) leaves it judged by its spelling."""
        owner, _, name = target.partition(":")[2].rpartition(".")
        data = graph.edge_data(source, target, EdgeKind.CALLS)
        wanted = {tuple(entry) for entry in data.get("recv", ())}
        if not owner or data.get("dispatch") or source not in self.head:
            return False
        found: set[tuple[str, ...]] = set()
        below: list[str] = []
        for other, kind in set(self.head.successors(source)):
            if kind != EdgeKind.CALLS or other == target:
                continue
            other_owner, _, other_name = other.partition(":")[2].rpartition(".")
            if not other_owner or other_name != name:
                continue
            now = self.head.edge_data(source, other, kind)
            if now.get("dispatch") or now.get("unbounded") or now.get("dynamic"):
                continue
            found |= {tuple(entry) for entry in now.get("recv", ())}
            below.append(other)
        if wanted and wanted <= found:
            return True
        return bool(below) and self._moved_below(source, target, below)

    def _left_the_dispatch(self, graph: CodeGraph, source: str, target: str, kind: str) -> bool:
        """Was removed method ``target`` (``C.m``) an override that ``source``, a method of a
        class ``B`` that ``C`` derived from in the base, reached only through its ``self``
        (``self.m()``, ``partial(self.m, x)``), ``C`` no longer deriving from ``B``? ``self``
        of ``B``'s code is never a ``C`` now. starlette 0.38.6 made ``_StreamingResponse``
        a ``Response``, no longer a ``StreamingResponse``, without ``stream_response``."""
        if graph is not self.base or kind not in (EdgeKind.CALLS, EdgeKind.REFERENCES):
            return False
        module, _, qualname = source.partition(":")
        owner, _, name = target.partition(":")[2].rpartition(".")
        cls = f"{module}:{qualname.rpartition('.')[0]}"
        subclass = f"{target.partition(':')[0]}:{owner}"
        if not owner or cls == subclass or cls.endswith(":"):
            return False
        base, head = self._revision_pair()
        if cls not in ancestry(base, subclass)[0] or (
                head.definition(subclass) is not None and cls in ancestry(head, subclass)[0]):
            return False
        summary = self.head.summaries.get(module)
        if summary is None:
            return False
        wanted = attr(name)
        uses = [expr for site in summary.calls if in_scope(site.scope, qualname)
                for values in (site.callee, *site.args, *(kept for _, kept in site.kwargs))
                for expr in values if wanted in expr]
        uses += [expr for reference in summary.references if in_scope(reference.scope, qualname)
                 for expr in reference.target if wanted in expr]
        own_self = f"v:{module}:{qualname}|self"
        return bool(uses) and all(len(expr) > 1 and expr[0] == own_self and expr[1] == wanted
                                  for expr in uses)

    def _moved_below(self, source: str, target: str, below: list[str]) -> bool:
        """``_found_below`` when the head's receivers are not the base's: the member moved
        down to the subclass that ``source``'s code now holds (pytest 8.0 moved
        ``FixtureRequest._fillfixtures`` to ``TopRequest``, which ``Function`` makes where
        it made a ``FixtureRequest``), or a call typed with that subclass (``request:
        SubRequest``) that recorded no receivers. Each head method of the name (``below``)
        is of a class below the removed member's, each receiver the head records gets a
        member of that name from a class of ours, and each call binds its signature."""
        head = self._revision_pair()[1]
        owner, _, name = target.rpartition(".")
        for other in below:
            if owner not in ancestry(head, other.rpartition(".")[0])[0]:
                return False
            for _, receiver in self.head.edge_data(source, other, EdgeKind.CALLS).get(
                    "recv", ()):
                cls = receiver.lstrip("=")
                if not any(f"{c}.{name}" in self.head for c in ancestry(head, cls)[0]):
                    return False  # one receiver lacks it now (an instance of the base)
        return all(self._binds(source, other) for other in below)

    def _guessed(self, source: str, target: str) -> bool:
        """Is ``target`` (or, gone from the head, the method its class now inherits) a
        receiver of ``source``'s call only by its name: the call dispatches on an object typed
        with a ``Protocol`` (the call reaches the protocol's method too) that the receiver's
        class does not derive from? Any class with a method of that name may implement it as
        far as the linker can tell (sphinx's ``SupportsWrite.write``, ``Builder.write``); one
        whose method no longer takes the call is no implementation, and the call never runs
        it. A class deriving from the type of the call's object is a receiver for sure."""
        head = self.head
        if target not in head:
            target = self._inherited_in_head(target) or target
        data = head.edge_data(source, target, EdgeKind.CALLS)
        if not data.get("dispatch"):
            return False
        hierarchy = self._hierarchy(head)
        owner = hierarchy.owner(target)
        indexes = {index for index, _ in data.get("sites", ())}
        if owner is None or not indexes:
            return False
        name = target.rpartition(".")[2]
        ancestors = hierarchy.ancestors(owner)
        for other, kind in set(head.successors(source)):
            if kind != EdgeKind.CALLS or other.rpartition(".")[2] != name or other == target:
                continue
            declared = hierarchy.owner(other)
            found = head.edge_data(source, other, kind)
            if (declared is not None and declared not in ancestors
                    and head.node(other).get("abstract") and not found.get("dispatch")
                    and indexes & {index for index, _ in found.get("sites", ())}):
                return True
        return False

    def _unbounded(self, graph: CodeGraph, source: str, target: str) -> bool:
        """Does ``source`` call ``target`` only through a name nothing is known of: the value
        ``getattr(obj, name)`` gave, called there or handed on first (an ``unbounded`` edge)?
        Every member of ``obj``'s class is then a guess at what the call runs, as a receiver
        known only by its structure is (``_guessed``): one that no longer takes the call breaks
        nothing for sure. A call of it by a name written, or known in part, leaves the edge
        unmarked, and is judged. The head's edge tells; the base's where the head has none."""
        data = self.head.edge_data(source, target, EdgeKind.CALLS)
        if not data and graph is not self.head:
            data = graph.edge_data(source, target, EdgeKind.CALLS)
        return bool(data.get("unbounded"))

    def _generated(self, graph: CodeGraph, source: str, target: str) -> bool:
        """Is every call of ``target`` that ``source`` makes in a string of code the program
        generates (a ``generated`` edge)? Neither its arguments nor whether the string ever
        runs are known (``_binds`` counts such a call as binding): nox 2024.3's test suite
        hands 'tests(interpreter="python2.7", ...)' to a normaliser, and the noxfile's
        ``tests`` got a ``@nox.parametrize(...)``. The head's edge tells; the base's where
        the head has none."""
        data = self.head.edge_data(source, target, EdgeKind.CALLS)
        if not data and graph is not self.head:
            data = graph.edge_data(source, target, EdgeKind.CALLS)
        return bool(data.get("generated"))

    def _entered_by(self, change: Change) -> int:
        """A ``decorator-changed`` that only adds ``contextlib.contextmanager`` (1: entered by
        ``with``) or ``contextlib.asynccontextmanager`` (2: by ``async with``), however the
        head module spells it (``contextmanager``, ``contextlib.contextmanager``, an alias);
        0 for any other."""
        parts = change.detail.split()
        if len(parts) != 1 or not parts[0].startswith("+"):
            return 0
        return ENTERED_BY.get(self._decorator_path(change.symbol, parts[0][1:]), 0)

    def _coroutine_made_native(self, change: Change, target: str) -> bool:
        """Was ``target`` a generator made a coroutine function by ``@asyncio.coroutine`` (or
        ``@types.coroutine``), and is it now an ``async def`` without it, its other decorators
        as they were? A call of either gives an awaitable that ``await``, ``yield from`` in a
        coroutine and the event loop's runners take alike. ``change``: its ``now async``, or
        a ``decorator-changed`` removing only such decorators. aioresponses 0.7 made its
        tests' ``@asyncio.coroutine def request`` an ``async def``."""
        if change.kind is ChangeKind.DECORATOR_CHANGED and not (
                _decorators_only(change, "-") and all(
                    decorator_base(written).rpartition(".")[2] == "coroutine"
                    for written in _changed_decorators(change))):
            return False
        # a generator, now an ``async def`` that does not yield
        return self._made_native(target, GENERATOR_COROUTINES, (False, True), (True, False))

    def _async_generator_made_native(self, change: Change, target: str) -> bool:
        """Was ``target`` an ``async def`` made an async generator by the ``async_generator``
        package's ``@async_generator`` (its body giving values with ``await yield_(x)``), and
        is it now a native async generator (``async def`` that yields) without it, its other
        decorators as they were? A call of either gives an async generator that ``async
        for``, ``asynccontextmanager`` and ``aclose()`` take alike. ``change``: a
        ``decorator-changed`` removing only such decorators. trio-websocket 0.10 made
        ``open_websocket`` so, under ``@asynccontextmanager``."""
        if not _decorators_only(change, "-"):
            return False
        # an ``async def`` that did not yield, now one that does
        return self._made_native(target, ASYNC_GENERATOR_MAKERS, (True, False), (True, True))

    def _made_native(self, target: str, makers: frozenset[str], was: tuple[bool, bool],
                     now: tuple[bool, bool]) -> bool:
        """Was ``target`` a function that is (``async def``, a generator) as ``was`` says, and
        is it now as ``now`` says, having lost decorators that are ``makers`` (as the base's
        module spells them) and kept the others as written?"""
        old, new = self._old_definition(target), self._definition(self.head, target)
        if (old is None or new is None or old.signature is None or new.signature is None
                or (old.signature.is_async, old.signature.is_generator) != was
                or (new.signature.is_async, new.signature.is_generator) != now):
            return False
        module = target.partition(":")[0]
        module, base = self._renamed_from.get(module, module), self._revision_pair()[0]
        kept = [written for written in old.decorators
                if base.spelled(module, decorator_base(written)) not in makers]
        return len(kept) < len(old.decorators) and list(new.decorators) == kept

    def _shaped_like_its_siblings(self, graph: CodeGraph, source: str, target: str) -> bool:
        """Does a call site of ``source`` that runs ``target`` also run, in ``graph``, another
        function that the change left alone and that is made as ``target`` is in the head
        (``async def`` or not, under decorators naming the same things)? The code after the
        call is the same whichever callee ran, and it met such a one before: jinja2 3.1.5
        made ``do_unique`` an ``@async_variant(sync_do_unique) async def``, as ``do_first``
        was, and ``Environment._filter_test_common`` calls either through ``func(*args)``."""
        shape = self._shape(target)
        sites = {site for site, _ in graph.edge_field(source, target, EdgeKind.CALLS, "sites")
                 or ()}
        if shape is None or not sites:
            return False
        for other, kind in graph.successors(source):
            if kind != EdgeKind.CALLS or other == target or other in self.changed_symbols:
                continue
            shared = {site for site, _ in graph.edge_field(source, other, kind, "sites") or ()}
            if shared & sites and self._shape(other) == shape:
                return True
        return False

    def _shape(self, symbol: str) -> tuple[bool, tuple[str, ...]] | None:
        """How head function ``symbol`` is made: ``async def`` or not, and what each of its
        decorators names (``_decorator_path``); None when it is no function of the head."""
        definition = self._definition(self.head, symbol)
        if definition is None or definition.signature is None:
            return None
        return (definition.signature.is_async,
                tuple(self._decorator_path(symbol, written) for written in definition.decorators))

    def _decorator_path(self, symbol: str, written: str) -> str:
        """What a decorator written on head definition ``symbol`` names: the import path its
        module's imports give the first name (``contextlib.contextmanager`` for ``cm`` after
        ``from contextlib import contextmanager as cm``), ``module:name`` for a name the
        module defines; a bare name neither imports nor defines is taken as written and
        looked up as an outside name of ``ENTERED_BY`` (a star import's)."""
        module = symbol.partition(":")[0]
        name = decorator_base(written)
        first, _, rest = name.partition(".")
        head = self._revision_pair()[1]
        target = head.imports(module).get(first)
        if target is not None:
            return f"{target}.{rest}" if rest else target
        if first in head.definitions(module):
            return f"{module}:{name}"
        return f"contextlib.{name}" if not rest else name

    def _served_in_head(self, symbol: str) -> bool:
        """Is top-level ``symbol`` a name its head module's ``__getattr__`` surely serves
        (``FileSummary.getattr_names``)?"""
        module, _, name = symbol.partition(":")
        summary = self.head.summaries.get(module)
        return bool(name) and "." not in name and summary is not None \
            and name in summary.getattr_names

    def _inherited_in_head(self, symbol: str) -> str | None:
        """The head's member a class of ``symbol`` (``module:Class.name``, gone from the head)
        inherits under that name from a base of ours: an override removed, a method pulled
        up into a base, a class that now derives from the one it was merged into. A class
        its module now imports from where it moved counts as the class (param 2.0 moved
        ``Integer`` into ``param.parameters`` without its ``__init__``: ``Number``'s runs).
        None when the class went too, or nothing of ours answers the name."""
        module, _, qualname = symbol.partition(":")
        owner, _, name = qualname.rpartition(".")
        if not owner:
            return None
        head = self._revision_pair()[1]
        if head.definition(symbol) is not None:
            return None
        found = f"{module}:{owner}"
        if head.definition(found) is None:
            moved = head.resolve_in(module, owner)
            if moved is None or ":" not in moved or head.definition(f"{moved}.{name}"):
                return None
            found = moved
        cls = head.definition(found)
        if cls is None or cls.kind is not SymbolKind.CLASS:
            return None
        return head.inherited(found, name)[0]

    def _called_now(self, source: str, target: str) -> str | None:
        """What head code ``source`` calls in place of ``target``, gone from the head: the
        member its class inherits now (``_inherited_in_head``), or the definition its module
        imports from where it moved (``_moved_in_head``); None when it calls neither."""
        for now_in_head in (self._inherited_in_head, self._moved_in_head):
            now = now_in_head(target)
            if now is not None and self.head.has_edge(source, now, EdgeKind.CALLS):
                return now
        return None

    def _moved_in_head(self, symbol: str) -> str | None:
        """The head's definition of ours that ``symbol`` (``module:Class.name``, gone from the
        head) names there: its module imports the class (or function) from where it moved
        (sphinx 8.1's ``BuildInfo``, now in ``sphinx.builders.html._build_info``)."""
        module, _, qualname = symbol.partition(":")
        found = self._revision_pair()[1].resolve_in(module, qualname)
        if found is None or found == symbol or ":" not in found:
            return None
        return found if self._definition(self.head, found) is not None else None

    def _accepts(self, override: str, target: str) -> bool:
        """Does the head's ``override`` take every call the head's ``target`` takes (the
        same parameters, or more that are optional)? An override the diff does not compare
        (a class inside a test function) may have been updated with it."""
        mine, theirs = self._definition(self.head, override), self._definition(self.head, target)
        if mine is None or theirs is None or mine.signature is None or theirs.signature is None:
            return False
        # a difference the base's override already had from the base's target is none the
        # change made (xarray 2024.11's ``BackendEntrypoint.open_dataset`` lost ``**kwargs``,
        # which test backends overriding it with a renamed first parameter, or a required
        # keyword of their own, never took)
        before = self._refused_before(override, target, theirs.signature)
        # a parameter of another name takes every call that passes it by position: the
        # override breaks only a call naming the target's parameter (chardet 5.0 renamed
        # ``get_order(self, byte_str)`` to ``get_order(self, _)`` in two bases, sentry-sdk 2.0
        # ``Span.finish(hub=None, ...)``'s ``hub`` to ``scope``; no call names either)
        return not any(
            finding.breaking and (finding.kind, finding.detail) not in before
            and not (finding.kind is ChangeKind.PARAMETER_RENAMED
                     and not self._named_in_calls(
                         (target, override), finding.detail.partition("->")[0]))
            for finding in compare_signatures(theirs.signature, mine.signature, old_bound=True,
                                              new_bound=True))

    def _refused_before(self, override: str, target: str,
                        now: Signature) -> set[tuple[ChangeKind, str]]:
        """The breaking differences (kind, detail) of the base's ``override`` from the base's
        ``target`` that concern a parameter of the target taken as before (same name, kind,
        and optional or not) by ``now``, the head's: calls the override refused before the
        change too. A parameter of the target made required, say, the override lacking it,
        now fails every call, and is no such difference."""
        mine, theirs = self._definition(self.base, override), self._definition(self.base, target)
        if mine is None or theirs is None or mine.signature is None or theirs.signature is None:
            return set()
        return {(finding.kind, finding.detail)
                for finding in compare_signatures(theirs.signature, mine.signature,
                                                  old_bound=True, new_bound=True)
                if finding.breaking and _taken_alike(theirs.signature, now, finding)}

    def _named_in_calls(self, targets: Iterable[str], parameter: str) -> bool:
        """Does a head call of one of ``targets`` pass ``parameter`` by name, or pass a
        ``**mapping`` that may hold it?"""
        for target in targets:
            for caller, kind in sorted(set(self.head.predecessors(target))):
                if kind != EdgeKind.CALLS:
                    continue
                found = self._head_sites(caller, target)
                for site, _ in found[1] if found is not None else ():
                    if any(name in (parameter, "**") for name, _ in site.kwargs):
                        return True
        return False

    def _revision_pair(self) -> tuple[Revision, Revision]:
        if self._revisions is None:
            self._revisions = (Revision(self.base.summaries), Revision(self.head.summaries))
        return self._revisions

    def _names_as_base_only(self, source: str, cls: str) -> bool:
        """Is module ``source``'s own code using class ``cls`` only in the bases of its class
        statements (``class TempDir(AiofilesContextManager):``), which run nothing of it?"""
        summary = self.head.summaries.get(source) if ":" not in source else None
        if summary is None:
            return False
        # the statements of the classes deriving from it; a reference in another class's
        # body is module code using it (python-docx's ``orient = OptionalAttribute(
        # "w:orient", WD_ORIENTATION)`` in ``class CT_SectPr(BaseOxmlElement)``)
        derived = set(self._derived_in(source, cls))
        headers = [(d.line, d.end_line) for d in summary.definitions
                   if d.kind is SymbolKind.CLASS and d.qualname in derived]
        rest = replace(summary, imports=(), references=tuple(
            r for r in summary.references
            if not any(first <= r.line <= last for first, last in headers)))
        return not self._mentions(rest, source, cls, nested=False)

    def _foreign_self(self, cls: str, scope: str) -> bool:
        """Is ``scope`` a method of a head class that does not derive from ``cls`` (nor is it)?
        python-docx's element classes read ``getattr(self, name)``; the enumeration classes
        named in their bodies lost names with their base."""
        head = self._revision_pair()[1]
        owner = head.owner_class(scope)
        return owner is not None and cls not in ancestry(head, owner)[0]

    def _derived_in(self, module: str, cls: str) -> list[str]:
        """The qualnames of the head classes of ``module`` deriving from ``cls`` directly (an
        ``inherits`` edge)."""
        return sorted(node.partition(":")[2] for node, kind in set(self.head.predecessors(cls))
                      if kind == EdgeKind.INHERITS and self.head.module_of(node) == module)

    def _lost_with_base(self, cls: str, base: str) -> frozenset[str] | None:
        """The names class ``cls`` lost with its removed ``base`` (``members_taken_away``),
        but for those a standard-library base of the head's class or ``object`` answers in
        their place; None when not known one by one."""
        key = (cls, base)
        if key not in self._members_taken:
            self._members_taken[key] = self._lost_with_base_now(cls, base)
        return self._members_taken[key]

    def _lost_with_base_now(self, cls: str, base: str) -> frozenset[str] | None:
        """``_lost_with_base``, worked out (once per class and base)."""
        module, _, qualname = cls.partition(":")
        # a class of a renamed module was the class of its name in the old module
        # (python-engineio 4.8 renamed ``asyncio_client`` to ``async_client``)
        was = self._renamed_from.get(module)
        old_symbol = None if was is None else f"{was}:{qualname}"
        base_rev, head_rev = self._revision_pair()
        if old_symbol is None and base_rev.definition(cls) is None:
            # a class the module imported and defines now was the class it imported
            # (tatsu 5.9 moved ``EBNFBuffer`` from ``tatsu.grammars`` into ``tatsu.parser``,
            # which imported it before)
            found = base_rev.resolve_in(module, qualname)
            old_symbol = found if found is not None and ":" in found else None
        lost = members_taken_away(base_rev, head_rev, cls, base, old_symbol)
        if lost is None:
            return None
        # nor is a method a standard-library base of the head's class answers in its place
        lost = answered_by_standard_base(base_rev, head_rev, cls, base, lost, old_symbol)
        # an attribute read on an instance that finds no name goes to the class's
        # ``__getattr__`` of ours, which may serve any: Django 5.2's ``OutputWrapper`` dropped
        # ``TextIOBase`` (registered with it instead) and delegates ``flush``, ``closed``... to
        # the stream it wraps. Special methods Python looks up on the type, not through it.
        delegates = self._has_getattr_in_head(cls)
        # what a class body holds under no name (a lambda in a dict literal) is no member
        # and a special method ``object`` (or ``BaseException``) answers in its place, as
        # Python calls it, is still there: urllib3 2.0's ``NewConnectionError`` lost
        # ``PoolError`` and with it ``__reduce__``, which ``pickle`` now finds on its base;
        # nor is a lost ``__repr__`` (``object``'s answers: what no code compares, unlike
        # ``__eq__`` and ``__str__``), docstring or ``__del__`` (called only where a class
        # has one). Django 5.2's ``RemoteUserMiddleware`` dropped ``MiddlewareMixin``, whose
        # ``__repr__`` it did not define itself.
        return frozenset(
            name for name in lost
            if name.isidentifier() and name not in OBJECT_ANSWERS
            and name not in LOST_HARMLESSLY
            and not (delegates and name not in ABC_NAMES
                     and not (name.startswith("__") and name.endswith("__"))))

    def _has_getattr_in_head(self, cls: str) -> bool:
        """Does the head's class ``cls`` define ``__getattr__``, or inherit one of ours?"""
        head = self._revision_pair()[1]
        return (head.definition(f"{cls}.__getattr__") is not None
                or head.inherited(cls, "__getattr__")[0] is not None)

    def _breaks_through_subclasses(self, walk: Walk, change: Change) -> None:
        """``base-removed``, in the head: code reached past the class's subclasses that reads
        a name the class lost off one of them (or an instance of one), a name the subclass
        does not answer itself (``_lost_by_subclass``). python-telegram-bot 20.0's
        ``BaseFilter`` dropped ``ABC``: ``MessageFilter.register(...)`` fails as
        ``BaseFilter.register(...)`` does, two steps from the change. The class's own users
        and direct subclasses are judged by ``breaks``."""
        if change.kind is not ChangeKind.BASE_REMOVED or walk.graph is not self.head:
            return
        lost = self._lost_with_base(change.symbol, change.detail)
        if not lost:
            return
        head = self.head
        subclasses: dict[str, frozenset[str]] = {}
        derived_from: dict[str, str] = {}  # a subclass -> the class it was found deriving from
        queue = deque([change.symbol])
        while queue:  # every head class deriving from it, through other classes too
            current = queue.popleft()
            for source, kind in sorted(head.predecessors(current)):
                if kind == EdgeKind.INHERITS and source not in subclasses \
                        and source != change.symbol:
                    subclasses[source] = self._lost_by_subclass(source, change.symbol, lost)
                    derived_from[source] = current
                    queue.append(source)
        users: dict[str, str] = {}  # a user -> the subclass it uses
        for cls, names in subclasses.items():
            for source, kind in sorted(head.predecessors(cls)) if names else ():
                if kind in USES or kind == EdgeKind.INHERITS:
                    users.setdefault(source, cls)
        if not users:
            return
        reached = {state[0]: state for state in walk.depth}

        def reach(node: str, through: str | None) -> State | None:
            # the walk reaches a class past the subclasses only through ``inherits`` edges,
            # which it does not follow past the first step: a user found broken is reached
            # from the subclass it uses, as ``follow`` would
            if node in reached or through is None:
                return reached.get(node)
            parent = reach(through, derived_from.get(through))
            if parent is None or (self.max_depth is not None
                                  and walk.depth[parent] >= self.max_depth):
                return None
            state = walk.step(parent, node)
            walk.visit(state, parent, walk.depth[parent] + 1)
            reached[node] = state
            return state

        revision = self._revision_pair()[1]
        spelled = frozenset().union(*subclasses.values())

        def lost_by(symbol: str, instance: bool) -> frozenset[str]:
            names = subclasses.get(symbol, frozenset())
            # ``ABCMeta``'s methods are the class's, not its instances'
            return names - (ABC_NAMES - {"_abc_impl"}) if instance else names

        def is_class(symbol: str) -> bool:
            definition = revision.definition(symbol)
            return definition is not None and definition.kind is SymbolKind.CLASS

        def resolve(path: str) -> str | None:
            return revision.resolve_dotted(self._head_import(path))

        for user, cls in sorted(users.items()):
            module = head.module_of(user)
            summary = head.summaries.get(module)
            # a module spelling none of the names reads none of them (``spelled_names``)
            if summary is None or self._spelled_by(module).isdisjoint(spelled) \
                    or not reads_member_of(summary, user, lost_by, resolve, is_class,
                                           self._bindings_of(summary)):
                continue
            state = reach(user, cls)
            if state is not None:
                walk.broken.add(user)
                walk.past_subclass.add(state)

    def _lost_by_subclass(self, cls: str, base: str, lost: frozenset[str]) -> frozenset[str]:
        """The names of ``lost`` (lost by class ``base``) that head class ``cls``, deriving
        from it, does not answer through a class of its own ancestry that is not ``base``'s;
        none when that ancestry holds a class outside the code (it may answer any)."""
        revision = self._revision_pair()[1]
        line = set(revision.mro(base))
        names = set(lost)
        for ancestor in revision.mro(cls):
            if ancestor is None and None not in line:
                return frozenset()
            if ancestor is not None and ancestor not in line:
                names -= own_names(revision, ancestor)
        return frozenset(name for name in names
                         if name.isidentifier() and not name.startswith("__"))

    def _lost_at_import(self, node: str, change: Change) -> bool:
        """``base-removed``: does the code that importing ``node``'s module runs (its top level
        and its class bodies) use a name the class lost with the base, or did the class lose what
        a class statement deriving from it may look up (``__class_getitem__`` for ``C[int]``)?
        A subclass's methods run later, when called: a class statement alone runs none of
        them (aiogram 3.0's ``Update(TelegramObject)``, which lost ``get_current``)."""
        lost = self._lost_with_base(change.symbol, change.detail)
        if lost is None or not lost.isdisjoint(CLASS_STATEMENT_HOOKS):
            return True
        module = self.head.module_of(node) if node in self.head else node.partition(":")[0]
        summary = self.head.summaries.get(module)
        if summary is None or not lost:
            return False
        classes = {d.qualname for d in summary.definitions if d.kind is SymbolKind.CLASS}

        def at_import(scope: str) -> bool:
            if scope == module:
                return True
            where, _, qualname = scope.partition(":")
            parts = qualname.split(".")
            return where == module and all(
                ".".join(parts[:end]) in classes for end in range(1, len(parts) + 1))

        run = replace(summary, calls=tuple(s for s in summary.calls if at_import(s.scope)),
                      references=tuple(r for r in summary.references if at_import(r.scope)))
        return reads_attribute(run, module, lost)

    def _uses_member_taken(self, source: str, cls: str, base: str, subclass: bool) -> bool:
        """Does ``source`` use a name the class lost with the removed ``base``
        (``members_taken_away``)? If it lost none, only ``isinstance`` answers differ: its
        users' code runs as before. If it lost some, the user whose code reads or calls none
        of them by that name (on any value), nor any by a name given as a value (``getattr``),
        runs as before too (semver 3: ``SemVerWithVPrefix(VersionInfo)`` -> ``(Version)``,
        which lacks ``isvalid``; a conftest handing the class to doctests uses none).

        What the code does not spell: a user that makes or gets instances (a call or a
        reference) may hand them to code that calls a special method or a protocol's method
        on them (``asyncio.create_task(obj)``: ``send``; ``dict(obj)``: ``keys``), so such a
        name lost breaks it. A ``subclass`` statement runs nothing of its base; its methods
        are judged by what they spell, special methods included as the summary records them
        (aiofiles 24.1's ``AiofilesContextManager`` lost its ``Coroutine`` base with
        ``__iter__`` and ``send``; a subclass of it using neither), unless they hand ``self``
        over, or the name is a special method the summary does not record the uses of
        (``__init__``, ``__hash__``, ...). Names not known one by one: broken, unless the
        class still derives from an outside class whose names are not known either."""
        lost = self._lost_with_base(cls, base)
        if lost is None:
            # Not known one by one. A class that traded an outside base for another outside
            # class (pre-commit 3.0's ``WarnMutableRev(cfgv.ConditionalOptional)`` ->
            # ``(cfgv.Conditional)``) may give every name its users spell: the head's code was
            # written against the new base, and nothing shows a name of it gone.
            return not derives_from_unknown(self._revision_pair()[1], cls)
        if not lost:
            return False
        # a subclass of ours giving the names itself, before ``cls`` in its MRO: the user of
        # the subclass (or the subclass statement) lost nothing (emmett 2.5 moved
        # ``ScopeWrapper``'s ``__init__`` into the ingress mixins its asgi and rsgi
        # ``Request(ASGIIngressMixin, _Request)`` put first)
        lost = self._lost_through_subclasses(source, cls, lost, subclass)
        if not lost:
            return False
        if not subclass and self._registered_only(source, cls):
            return False  # ``TextIOBase.register(OutputWrapper)`` reads none of its names
        if CLASS_GETITEM in lost:
            # ``Cls[int]`` runs it: judged by the subscripts of the class the head spells
            # (simple-parsing 0.1 dropped ``Wrapper``'s ``Generic[T]`` base, and the
            # ``Wrapper[Field]`` of its subclasses with it)
            if self._subscripts_class(source, cls):
                return True
            lost -= {CLASS_GETITEM}
            if not lost:
                return False
        special = {name for name in lost if name.startswith("__") and name.endswith("__")}
        if special - DATA_MODEL:
            # a dunder Python does not look up, bound as a plain value, is read only by code
            # that spells it (python-docx 1.0's enumerations lost ``__ms_name__``)
            special -= bound_as_values(self._revision_pair()[0], cls, base) - DATA_MODEL
            # a hook of the code's own: a dunder Python does not look up that the base's code
            # spelled and the head's spells nowhere (beartype 0.17 renamed its forward
            # references' ``__beartype_is_instance__`` to ``__is_instance_beartype__``, and
            # the metaclass calling it with it): nothing of ours calls it any more
            special -= {name for name in special - DATA_MODEL if self._hook_abandoned(name)}
        if subclass:
            if special - RECORDED_SPECIAL:
                return True
        elif special or not lost.isdisjoint(PROTOCOL_NAMES):
            return not self._instances_kept(source, cls, lost)
        summary = self.head.summaries.get(self.head.module_of(source))
        if summary is None:
            return True
        # ``ABCMeta``'s methods are the class object's, not its instances', and ``_abc_impl``
        # is its private cache: code reads them by spelling them (``Filter.register(X)``),
        # not by a name given as a value (virtualenv 20.26.2's ``Describe`` dropped ``ABC``;
        # ``CreatorSelector.create`` makes one and reads ``getattr(options, self.name)``)
        if reads_attribute(summary, source, lost, partial(self._foreign_self, cls),
                           by_value=not lost <= ABC_NAMES):
            return True
        if not subclass:
            return False
        # a module using the class only as a base: its subclasses' code hands ``self`` over
        scopes = [source] if ":" in source else \
            [f"{source}:{qualname}" for qualname in self._derived_in(source, cls)]
        handing = [index for scope in scopes for index in self_handing_sites(summary, scope)]
        if not handing:
            return False
        # to functions of ours only, which can read no name that no code of the head spells,
        # unless Python or a protocol looks it up (redis 5.0's ``Redis`` lost
        # ``RESPONSE_CALLBACKS`` with ``AbstractRedis``; nothing reads it any more, and
        # ``Pipeline(Redis)`` hands ``self`` to ``Redis.parse_response``)
        return any(name in special or name in PROTOCOL_NAMES or self._spelled_in_head(name)
                   for name in lost) or not all(
            self._calls_ours(summary.calls, index) for index in handing)

    def _assigns(self, source: str, target: str) -> bool:
        """Does ``source``'s head code (or a function nested in it) assign an attribute
        named as property ``target`` (``obj.name = value``), or call ``setattr``?"""
        summary = self.head.summaries.get(self.head.module_of(source))
        if summary is None:
            return True
        store = "!set:" + target.rpartition(".")[2]
        return any(
            (len(expr) > 1 and expr[-1] == store) or expr == ("b:setattr",)
            for site in summary.calls if in_scope(site.scope, source) for expr in site.callee)

    def _lost_through_subclasses(self, source: str, cls: str, lost: frozenset[str],
                                 subclass: bool) -> frozenset[str]:
        """``lost`` less what the head subclasses of ``cls`` the user goes through give
        before ``cls`` in their MRO: the classes ``source`` derives from ``cls`` (a subclass
        statement), else the subclasses it makes or names. Each such subclass keeps what it
        gives; the user lost what some of them lack."""
        head = self._revision_pair()[1]
        if subclass:
            module = self.head.module_of(source)
            subs = [f"{module}:{qualname}" for qualname in self._derived_in(module, cls)]
            if ":" in source:
                subs = [sub for sub in subs if sub == source or sub.startswith(source + ".")]
        else:
            # the subclasses the head's code of ``source`` makes or names (the walk reaches a
            # user of a subclass through the class it derives from), unless it uses ``cls``
            # itself too
            if any(self.head.has_edge(source, cls, kind) for kind in USES):
                return lost
            subs = sorted({
                used for used, kind in self.head.successors(source)
                if kind in USES and used != cls and (made := head.definition(used)) is not None
                and made.kind is SymbolKind.CLASS and cls in head.mro(used)})
        if not subs:
            return lost
        return frozenset().union(*(lost - self._given_before(sub, cls) for sub in subs))

    def _given_before(self, sub: str, cls: str) -> set[str]:
        """The names the head's classes of ours before ``cls`` in ``sub``'s MRO define."""
        head = self._revision_pair()[1]
        names: set[str] = set()
        for ancestor in head.mro(sub):
            if ancestor == cls:
                break
            if ancestor is not None:
                names |= own_names(head, ancestor) | generated_names(head.definition(ancestor))
        return names

    def _subscripts_class(self, source: str, cls: str) -> bool:
        """Does ``source``'s head code subscript class ``cls`` (``Cls[int]``, a base
        ``Cls[T]``), by the class's name or a name imported as it?"""
        summary = self.head.summaries.get(self.head.module_of(source))
        if summary is None:
            return False
        aliases = _class_names(summary, cls)

        def spelled(root: str) -> str:  # ``v:scope|Name`` or ``s:module:Qual.Name``
            if "|" in root:
                return local_name(root.rpartition("|")[2])
            return root.rpartition(":")[2].rpartition(".")[2]

        return any(
            len(expr) == 2 and expr[1] == "%__getitem__" and spelled(expr[0]) in aliases
            for site in summary.calls if site.implicit and in_scope(site.scope, source)
            for expr in site.callee)

    def _calls_ours(self, calls: Sequence[CallSite], index: int) -> bool:
        """Does the head link call ``calls[index]`` to a function of ours, and to nothing
        else that is not?"""
        scope = calls[index].scope
        targets = [target for target, kind in self.head.successors(scope)
                   if kind == EdgeKind.CALLS and any(
                       at == index for at, _ in self.head.edge_data(scope, target, kind).get(
                           "sites", ()))]
        return bool(targets) and all(
            self.is_ours(self.head.module_of(target)) for target in targets)

    def _spelled_in_head(self, name: str) -> bool:
        """Does some code of the head spell attribute ``name`` (``spells_attribute``)?"""
        found = self._head_spelled.get(name)
        if found is None:
            head = self.head.summaries
            found = self._head_spelled[name] = any(
                spells_attribute(head[m], name) for m in sorted(head))
        return found

    def _hook_abandoned(self, name: str) -> bool:
        """Does some code of the base spell attribute ``name`` (``spells_attribute``), and no
        code of the head? A name only outside code uses (``__html__``, which jinja2 calls) is
        spelled by none of ours: not abandoned."""
        found = self._abandoned.get(name)
        if found is None:
            base, head = self.base.summaries, self.head.summaries
            found = self._abandoned[name] = (
                any(spells_attribute(base[m], name) for m in sorted(base))
                and not any(spells_attribute(head[m], name) for m in sorted(head)))
        return found

    def _attribute_reads_kept(self, cls: str, attribute: str,
                              lost: frozenset[str]) -> frozenset[str] | None:
        """Does every head read of ``attribute`` (``.paths``), off any value in any module,
        use what it gives only by names not in ``lost`` (``kept_uses``)? The answer is what
        those reads hand on to functions of ours, return or store again, to follow; None
        where one uses it otherwise."""
        head = self.head
        found: set[str] = set()
        for module in sorted(head.summaries):
            if attribute[1:] not in self._spelled_by(module):
                continue
            summary = head.summaries.get(module)
            if summary is None:
                return None
            more = kept_uses(summary, module, cls, lost, (), self.is_ours, self._head_import,
                             self._bindings_of(summary), self._handed_in(module),
                             attribute=attribute)
            if more is None:
                return None
            found |= more
        return frozenset(found)

    def _registered_only(self, source: str, cls: str) -> bool:
        """Does head code ``source`` use class ``cls`` only by handing it to a standard
        abstract class's ``register`` (``registered_only``)?"""
        summary = self.head.summaries.get(self.head.module_of(source))
        return summary is not None and registered_only(
            summary, source, cls, self.is_ours, self._bindings_of(summary), self._head_import)

    def _instances_kept(self, source: str, cls: str, lost: frozenset[str]) -> bool:
        """Does head code ``source`` make instances of class ``cls`` (which lost the names
        ``lost``, special methods among them) and use them only by names it kept, never
        handing one over (``kept_uses``), through the module variables they are bound to as
        well, wherever those are read? Then nothing can call a lost name on them. The class's
        own code must not hand ``self`` over, and it must still make its instances as it did
        (``__init__`` and ``__new__`` not lost)."""
        head = self.head
        if source not in head or cls not in head or not lost.isdisjoint(CONSTRUCTORS):
            return False
        # an exception that is one no longer: ``raise`` and ``except`` need no name
        old = self._revision_pair()[0]
        if any(named_like_exception(key) for key in ancestry(old, cls, aliases=True)[1]):
            return False
        sites = [index for index, _ in head.edge_data(source, cls, EdgeKind.CALLS).get(
            "sites", ())]
        module = head.module_of(source)
        summary = head.summaries.get(module)
        home = head.summaries.get(head.module_of(cls))
        if not sites or summary is None or home is None or hands_self(home, cls):
            return False
        shared = kept_uses(summary, source, cls, lost, sites, self.is_ours, self._head_import,
                           self._bindings_of(summary), self._handed_in(module))
        if shared is None:
            return False
        seen: set[str] = set()
        while shared:
            variable = min(shared)
            shared = shared - {variable}
            if variable in seen:
                continue
            seen.add(variable)
            if len(seen) > _MAX_SHARED:
                return False
            if variable.endswith("()"):  # returned by a function: what its callers do with it
                found_by = self._results_kept(variable[:-2], lost)
                if found_by is None:
                    return False
                shared |= found_by
                continue
            if variable.startswith("a:"):  # stored on an attribute: every read of it
                read = self._attribute_reads_kept(cls, variable[2:], lost)
                if read is None:
                    return False
                shared |= read
                continue
            if variable.startswith("v:"):  # handed to a function of ours: what it does with it
                function = variable[2:].partition("|")[0]
                where = head.module_of(function)
                found = head.summaries.get(where)
                if found is None:
                    return False
                more = kept_uses(found, function, function, lost, (), self.is_ours,
                                 self._head_import, self._bindings_of(found),
                                 self._handed_in(where), parameter=variable)
                if more is None:
                    return False
                shared |= more
                continue
            # the variable's own module, every module of the head reaching it, and every
            # module importing its module (``getattr(module, name)``)
            defining = variable.partition(":")[0]
            readers = {defining}
            for node in (variable, defining):
                if node in head:
                    readers |= {head.module_of(other) for other, _ in head.predecessors(node)}
            for reader in sorted(readers):
                found = head.summaries.get(reader)
                if found is None:
                    return False
                more = kept_uses(found, reader, variable, lost, (), self.is_ours,
                                 self._head_import, self._bindings_of(found))
                if more is None:
                    return False
                shared |= more
        return True

    def _handed_in(self, module: str) -> Callable[[int, int | str], list[str] | None]:
        """For ``kept_uses``: the parameters that an argument of a head call of ``module``
        binds in each function of ours the call runs (their variable keys), or None when not
        every callee is a plain function of ours whose parameter is known: a call linked to
        nothing of ours (outside code, a builtin), to a class, through a wrapper, a callback,
        a name computed at run time, or one of several values (``poly``: outside code may be
        another); an argument into ``*args`` or ``**kwargs``."""
        calls = self._calls_of(module) or ()
        head = self.head

        def handed(index: int, argument: int | str) -> list[str] | None:
            if not 0 <= index < len(calls):
                return None
            site = calls[index]
            if site.implicit or site.star:
                return None
            keys: list[str] = []
            for target, kind in sorted(set(head.successors(site.scope))):
                if kind != EdgeKind.CALLS:
                    continue
                data = head.edge_data(site.scope, target, kind)
                bound = [bool(b) for i, b in data.get("sites", ()) if i == index]
                if not bound:
                    continue
                if any(data.get(mark) for mark in _NOT_PLAIN_CALL):
                    return None
                definition = self._definition(head, target)
                if definition is not None and definition.kind is SymbolKind.CLASS:
                    # a class of ours made: its own ``__init__`` takes the argument
                    target, definition = self._plain_init(target, definition)
                    bound = [True]
                if (definition is None or definition.signature is None
                        or definition.kind not in (SymbolKind.FUNCTION, SymbolKind.METHOD)
                        or definition.decorators):
                    return None
                name = parameter_taking(definition.signature, site, bound[0], argument)
                if name is None:
                    return None
                keys.append(f"v:{target}|{name}")
            return keys or None

        return handed

    def _plain_init(self, cls: str, definition: Definition) -> tuple[str, Definition | None]:
        """The ``__init__`` that makes an instance of head class ``cls``, and its definition:
        one written in the class itself, a class with no decorators, metaclass or ``__new__``
        of its own (nothing else takes the arguments); None for the definition otherwise."""
        init = f"{cls}.__init__"
        found = self._definition(self.head, init)
        if (definition.decorators or definition.metaclass or found is None or found.synthetic
                or self._definition(self.head, f"{cls}.__new__") is not None):
            return init, None
        return init, found

    def _results_kept(self, function: str, lost: frozenset[str]) -> frozenset[str] | None:
        """Do the head's callers of ``function`` (which returns an instance of a class that
        lost the names ``lost``) use what it returns only by names the class kept
        (``kept_uses``)? The variables and functions to follow further, or None. A function
        referred to (handed on as a value), called back by outside code or through a name
        computed at run time, or called by nothing of ours, a coroutine function and a
        generator give their results to code out of sight: None; a reference that only
        copies its metadata (``@wraps(function)``) hands nothing on. tldextract 5.0 made its
        ``ExtractResult(NamedTuple)`` a dataclass; ``_extract_netloc`` returns one, and its
        callers read its fields."""
        head = self.head
        definition = self._definition(head, function)
        signature = definition.signature if definition is not None else None
        if signature is None or signature.is_async or signature.is_generator:
            return None
        found: set[str] = set()
        callers = set(head.predecessors(function))
        if not any(kind == EdgeKind.CALLS for _, kind in callers):
            return None  # run by outside code alone (a framework's hook, an entry point)
        for caller, kind in callers:
            if kind in (EdgeKind.IMPORTS, EdgeKind.EXPORTS):
                continue  # a name bound to it: its calls are edges of their own
            data = head.edge_data(caller, function, kind)
            sites = [index for index, _ in data.get("sites", ())]
            summary = head.summaries.get(head.module_of(caller))
            if kind == EdgeKind.REFERENCES and summary is not None and metadata_only(
                    summary, caller, function, self.is_ours, self._bindings_of(summary),
                    self._head_import):
                continue  # ``@wraps(function)``: its name and docstring copied, no more
            if (kind != EdgeKind.CALLS or data.get("callback") or data.get("dynamic")
                    or not sites or summary is None):
                return None
            more = kept_uses(summary, caller, function, lost, sites, self.is_ours,
                             self._head_import, self._bindings_of(summary),
                             self._handed_in(head.module_of(caller)))
            if more is None:
                return None
            found |= more
        return frozenset(found)

    def _followed_into(self, graph: CodeGraph, hierarchy: Hierarchy, node: str
                       ) -> list[tuple[str, str, Entries | None]]:
        """The edges into ``node`` that a walk over ``graph`` follows past its first step, as
        (source, kind, the call edge's ``recv`` entries or None), made once per node: the
        edges of a kind in ``USES`` and, in the base graph, only those the head has too
        (``in_head`` past the first step). Every walk asks them of each state at the node:
        Django's test suite has hubs with thousands of callers."""
        key = (id(graph), node)
        found = self._followed.get(key)
        if found is None:
            head = self.head
            # in the base graph: the head's edges into the node, looked up as a set
            kept = set(head.predecessors(node)) if graph is self.base and self.base is not head \
                else None
            found = self._followed[key] = [
                (source, kind, entries) for source, kind, entries in hierarchy.edges_into(node)
                if kind in USES and (kept is None or (source, kind) in kept)
            ]
        return found

    def _hierarchy(self, graph: CodeGraph) -> Hierarchy:
        found = self._hierarchies.get(id(graph))
        if found is None:
            found = self._hierarchies[id(graph)] = Hierarchy(graph)
        return found

    def in_head(self, change: Change, source: str, target: str, kind: str, depth: int) -> bool:
        """Does the code behind a base-graph edge still exist, and still use ``target``, in the
        head? Removals keep every caller that is still there (``still_uses`` tells whether it
        was updated); otherwise the head must have the same edge, or (first step, a call or
        reference) the caller must still spell the name, its call no longer resolving."""
        if source not in self.head:
            return False
        if depth == 0 and change.kind in REMOVALS:
            return True
        if self.head.has_edge(source, target, kind):
            return True
        if depth > 0 or kind not in USES:
            return False
        if (kind == EdgeKind.CALLS and change.kind in BINDING_KINDS
                and self._called_now(source, target) is not None):
            # an override removed, or its class moved: the head's call runs what the class
            # inherits now (or what its module imports), which the diff compared with it
            return True
        # a module's node is the code its import runs: a function of it that spells the name
        # is a node of its own, whose head edge (or its absence) the head walk judges
        summary = self.head.summaries.get(self.head.module_of(source))
        if summary is None:
            return False
        elsewhere = self._linked_elsewhere(summary, source, target)
        if elsewhere:
            # a head call the linker links to a method of that name of an unrelated class of
            # ours is no call of ``target`` (nltk 3.9 traded ``nltk.data.LazyLoader(...)`` for
            # ``PunktTokenizer(...)`` beside ``CategorizedCorpusReader.__init__(self, kwargs)``,
            # which spells ``__init__``, the name of the ``LazyLoader.__init__`` it changed)
            summary = replace(summary, calls=tuple(
                site for index, site in enumerate(summary.calls) if index not in elsewhere))
        return self._mentions(summary, source, target, nested=False)

    def _unlinked(self, graph: CodeGraph, seeds: Iterable[str], kinds: frozenset[str]
                  ) -> set[str]:
        """The head modules of the direct users (in ``graph``) of ``seeds`` whose use the head
        no longer links (``in_head`` reads what their code spells)."""
        head = self.head
        return {
            head.module_of(source)
            for seed in seeds for source, kind in graph.predecessors(seed)
            if kind in kinds and kind in USES and source in head
            and not head.has_edge(source, seed, kind)
        }

    def _read_calls(self, modules: Iterable[str]) -> None:
        """Read the call sites of these head modules (those not read yet) in one batch."""
        todo = [module for module in modules if module not in self._calls]
        summaries = self.head.summaries
        if isinstance(summaries, CallsOnDemand):  # only the calls are decoded
            self._calls.update(summaries.calls_of(todo))
            return
        for module in todo:
            summary = summaries.get(module)
            if summary is not None:
                self._calls[module] = summary.calls

    def _calls_of(self, module: str) -> Sequence[CallSite] | None:
        """The call sites of a head module (None: the head has no such module)."""
        if module not in self._calls:
            self._read_calls([module])
        return self._calls.get(module)

    def _base_calls_of(self, source: str) -> Sequence[CallSite] | None:
        """The call sites of the base module of node ``source``, decoded alone where the
        summaries allow (None: the base has no such node or module)."""
        if source not in self.base:
            return None
        module = self.base.module_of(source)
        summaries = self.base.summaries
        if isinstance(summaries, CallsOnDemand):
            return summaries.calls_of([module]).get(module)
        summary = summaries.get(module)
        return summary.calls if summary is not None else None

    def _binds(self, source: str, target: str, positional_first: bool = False,
               raw: bool = False, refused_alike: bool = False) -> bool:
        """Does every call site of ``source`` that calls ``target`` still bind in the head?

        Each site is the one the linker resolved to ``target`` (by its index in the file's
        calls), judged with its own ``bound``. A call whose binding cannot be told (it unpacks
        a value whose length or keys are not known, ``call_binds``; it is in source the code
        builds, ``generated_call``) is no certain break: it
        counts as binding, for 'broken' is a call the new signature no longer accepts
        (DESIGN.md "Impact"); its module is affected all the same.
        ``positional_first``: the call must also pass a first argument by position (a
        ``functools.singledispatch`` function dispatches on it). ``raw``: the call reaches the
        function itself, not what its decorators made of it (a decorator's own machinery
        calling what it was handed): no decorator gives it leading arguments.
        ``refused_alike``: a call spelling the function's own name that did not bind the base
        signature either, written alike there (``_failed_before``), counts as binding too (a
        decorator came that changes nothing of what binds).
        """
        found = self._head_sites(source, target)
        if found is None:
            return self._unwritten_binds(source, target)
        definition, sites = found
        signature = definition.signature
        if signature is None:  # (``_head_sites`` has made sure: for the type checker)
            return False
        method = target.rpartition(".")[2]
        old = self._old_definition(target)
        before = old if definition.decorators and not raw else None
        never: set[tuple[int, frozenset[str], bool]] | None = None

        def bound_before(site: CallSite, bound: bool) -> bool:
            nonlocal never
            if never is None:
                never = self._never_bound(source, target, method)
            call, call_bound = _shape(site, bound, method)
            if _names_callee(site, target):
                return refused_alike and self._failed_before(source, site, bound, target,
                                                             method)
            return (_call_key(call, call_bound) in never
                    or self._failed_before(source, site, bound, target, method))

        def through_partial(site: CallSite, bound: bool) -> bool:
            # a call through a ``functools.partial`` of it passes the partial's arguments
            # first (one spelling the function's own name calls the function)
            call, call_bound = _shape(site, bound, method)
            return not _names_callee(site, target) and not site.star and _binds_through(
                signature, call, call_bound, self._partials_of(True, target))

        return all(_fixture_request(site) or generated_call(site) or _read_from_source(site)
                   or self._site_binds(source, site, bound, signature, method,
                                       before.signature if before is not None else None,
                                       positional_first,
                                       old.signature if old is not None else None)
                   or through_partial(site, bound)
                   or bound_before(site, bound) or self._by_unknown_name(source, site, target)
                   for site, bound in sites)

    def _partials_of(self, head: bool, target: str) -> list[CallSite]:
        """The calls of the code base (the head's, or the base's) making a ``functools.partial``
        of ``target`` with arguments (``partial(f, a, b=1)``), none unpacked, found in the code
        of the nodes that reference it, as module-level names spell it."""
        key = (head, target)
        found = self._partials.get(key)
        if found is not None:
            return found
        graph = self.head if head else self.base
        revision = self._revision_pair()[int(head)]
        found = []
        if target not in graph:
            return found
        makers = sorted({source for source, kind in graph.predecessors(target)
                         if kind == EdgeKind.REFERENCES})
        for source in makers:
            calls = self._calls_of(graph.module_of(source)) if head \
                else self._base_calls_of(source)
            module = source.partition(":")[0]
            found += [site for site in calls or ()
                      if site.scope == source and not site.star and _may_make_partial(site)
                      and (len(site.args) > 1 or site.kwargs)
                      and any(_names(revision, module, expr) == "functools.partial"
                              for expr in site.callee)
                      and any(_names(revision, module, expr) == target
                              or _own_method(revision, source, expr) == target
                              for expr in site.args[0])]
        self._partials[key] = found
        return found

    def _by_unknown_name(self, source: str, site: CallSite, target: str) -> bool:
        """Does the call run what ``getattr(obj, name)`` gave for a name nothing is known of,
        called there or through a variable holding it (``func = getattr(app, method)``)?
        Every member of ``obj`` is then a guess at what it runs, as for an ``unbounded`` edge
        (``_unbounded``); an edge some written call makes too is judged site by site, and
        this site is no certain break (sanic 23.12's tests call ``getattr(app, method)(...,
        version=1, name=...)`` beside ``app.blueprint(bp)``, and ``blueprint`` lost its
        ``**options``)."""
        if not site.callee or _names_callee(site, target):
            return False
        bindings: Mapping[str, tuple[Expr, ...]] | None = None
        for expr in site.callee:
            if UNKNOWN_ATTRIBUTE in expr[1:]:
                continue
            # a function's local variable (a module's names are imports and definitions):
            # only then is the whole summary read for its values
            if len(expr) != 1 or not expr[0].startswith("v:") or ":|" in expr[0]:
                return False
            if bindings is None:
                summary = self.head.summaries.get(self.head.module_of(source))
                if summary is None:
                    return False
                bindings = self._bindings_of(summary)
            values = bindings.get(expr[0], ())
            if not values or any(UNKNOWN_ATTRIBUTE not in value[1:] for value in values):
                return False
        return True

    def _never_bound(self, source: str, target: str,
                     method: str) -> set[tuple[int, frozenset[str], bool]]:
        """The shapes (``_call_key``) of the base's calls of ``source`` that the base linked to
        ``target`` through a value of another name and that did not bind its base signature
        either: what such a call passes is not what its site shows (nox 2024's
        ``option.merge_func(command_args, noxfile_args)`` calls a ``functools.partial`` of the
        function, which gives the rest), so the same call in the head is no certain break.
        'broken' is a call the new signature no longer accepts (DESIGN.md "Impact"). A call
        spelling the function's own name (``fail_after(1, 2)``) is judged as written."""
        old = self._old_definition(target)
        calls = self._base_calls_of(source)
        if old is None or old.signature is None or calls is None:
            return set()
        data = self.base.edge_data(source, target, EdgeKind.CALLS)
        before = old.signature if old.decorators else None  # a decorated method's call
        found = set()
        for site, bound in _sites(calls, data, source):
            call, call_bound = _shape(site, bound, method)
            if not site.star and not _names_callee(site, target) \
                    and call_binds(old.signature, call, call_bound) is False \
                    and not _binds_as_called(old.signature, call, call_bound, before) \
                    and not _binds_through(old.signature, call, call_bound,
                                           self._partials_of(False, target)):
                found.add(_call_key(call, call_bound))
        return found

    def _failed_before(self, source: str, site: CallSite, bound: bool, target: str,
                       method: str) -> bool:
        """Is head call ``site`` of ``source``, which reaches ``target`` through a value of
        another name, written as it is in the base too (``_written_alike``), and a call that
        surely does not bind ``target``'s base signature either (as the base called it)?
        Then the change is not what breaks it: it either never runs ``target`` (the link's
        guess at a receiver: SQLAlchemy's ``getattr(self, "visit_%s_binary" % ...)`` passing
        two arguments reaches ``visit_sequence(self, seq, **kw)``; or the run-time wrappers of
        ``util.decorator`` that hold every function so decorated, which ``@_generative`` on
        ``FunctionFilter.filter`` joined, reach it from ``Table("t", meta, ..., schema=s)``),
        or it failed already. 'broken' is a call the new signature no longer accepts
        (DESIGN.md "Impact"). The base's own edge is ``_never_bound``'s; this is for a call
        the base linked elsewhere, or one unpacking a mapping or sequence whose failure is
        sure all the same (two positional arguments for one parameter; ``**opts`` handed on
        from callers that never give a required parameter: ``_forwarded_binds``). Judged as
        the head's call is (``_site_binds``), on the base signature."""
        old = self._old_definition(target)
        calls = self._base_calls_of(source)
        if old is None or old.signature is None or calls is None:
            return False
        call, call_bound = _shape(self._spread_out(source, site), bound, method)
        if self._site_binds(source, site, bound, old.signature, method,
                            old.signature if old.decorators else None, False, old.signature) \
                or _binds_through(old.signature, call, call_bound,
                                  self._partials_of(False, target)):
            return False
        return any(_written_alike(site, other) for other in calls)

    def _spelled_binds(self, source: str, target: str) -> bool | None:
        """A method call the base linked to ``target`` and the head does not: do the head's
        calls of ``source`` that spell the method's name (``x.update(...)``) all leave it
        unbroken? One the head links elsewhere runs what it links it to, which the head's
        walk judges (docutils 0.22: ``NodeVisitor.__init__(self, document)`` became
        ``super().__init__(document)``, now a new base's); one linked nowhere, its receiver
        no longer followed (werkzeug 3.1: ``headers = value.headers`` then
        ``headers.update(...)``), must bind the head signature of ``target``, called on an
        instance as the base's call was. None when that cannot be told: the base's calls
        were not all spelled so, or the head has no such call."""
        data = self.base.edge_data(source, target, EdgeKind.CALLS)
        summary = self.base.summaries.get(self.base.module_of(source))
        if data.get("callback") or summary is None:
            return None
        method = target.rpartition(".")[2]
        base_sites = _sites(summary.calls, data, source)
        calls = self._calls_of(self.head.module_of(source)) or ()
        head_sites = [(index, site) for index, site in enumerate(calls)
                      if site.scope == source and _spells(site, method)]
        if not base_sites or not all(_spells(site, method) for site, _ in base_sites):
            return None
        if not head_sites:
            # the head's code of ``source`` spells the method nowhere, called or read: the
            # call was rewritten into another (prompt_toolkit 3.0's ``run_compl`` awaits
            # ``.prompt_async()`` where it called ``.prompt()``)
            return True if self._written_without(source, method) else None
        linked = {index for other, kind in set(self.head.successors(source))
                  if kind == EdgeKind.CALLS
                  for index, _ in self.head.edge_data(source, other, kind).get("sites", ())}
        # a call the base wrote as well and did not link to ``target`` either is another
        # receiver's (crispy-forms 2.0: ``render_field`` calls ``field.render(...)``, linked,
        # and Django's ``template.render(context.flatten())``, linked nowhere in either)
        reached = {site.callee for site, _ in base_sites}
        elsewhere = {site.callee for site in summary.calls
                     if site.scope == source and _spells(site, method)} - reached
        unlinked = [site for index, site in head_sites
                    if index not in linked and site.callee not in elsewhere]
        if not unlinked:
            return True
        definition = self._definition(self.head, target)
        if not data.get("bound") or definition is None or definition.signature is None:
            return None
        before = self._old_definition(target) if definition.decorators else None
        return all(
            self._site_binds(source, site, True, definition.signature, method,
                             before.signature if before is not None else None, False)
            for site in unlinked)

    def _written_without(self, source: str, method: str) -> bool:
        """Does ``source`` still have code in the head (its own or nested), none of which
        calls or reads an attribute ``method``, nor any attribute by a name given as a
        value (``getattr(obj, name)``)?"""
        summary = self.head.summaries.get(self.head.module_of(source))
        if summary is None or ":" not in source:
            return False

        def within(scope: str) -> bool:
            return scope == source or scope.startswith(source + ".")

        exprs = [*(e for site in summary.calls if within(site.scope) for e in site.callee),
                 *(e for ref in summary.references if within(ref.scope) for e in ref.target)]
        return bool(exprs) and not any(
            op == "." + method or op.startswith(".~") or op == "b:getattr"
            for expr in exprs for op in expr)

    def _unwritten_binds(self, source: str, target: str) -> bool:
        """``source`` reaches ``target`` with no call site of its own: it hands it to outside
        code (a ``callback`` edge), or reads an attribute that Python gets through it
        (``__getattr__``, a descriptor's ``__get__``). Does the call made of it bind the head's
        signature: outside code's, with the arguments its old signature required
        (``binding.required_call``), or the one Python makes (``binding.SPECIAL_ARITY``)?"""
        data = self.head.edge_data(source, target, EdgeKind.CALLS)
        new = self._definition(self.head, target)
        if new is None or new.signature is None:
            return False
        bound = bool(data.get("bound"))
        method = target.rpartition(".")[2]
        if bound and method in SPECIAL_ARITY:
            # Python's call, or outside code's keeping to the protocol, whatever the old
            # signature took (trio 0.23 gave ``NurseryManager.__exit__(self)``, never run,
            # the protocol's three parameters)
            call = CallSite("", (), 0, args=((),) * SPECIAL_ARITY[method])
        elif data.get("callback") or self._builtin_calls(source, data.get("line")):
            if self._instance_handed(source, target) and self._called_by_no_protocol(target):
                # an instance handed over (to ``list()``, ``assertListEqual``): outside code
                # calls a method of it by a name it knows, and this one is no name of a base
                # it could know it by
                return True
            forwarded = self._forwarded_calls(source, target) \
                if data.get("callback") else None
            if forwarded is not None:
                # outside code that calls what it is handed with the arguments written beside
                # it: those are the call (a call unpacking a value is not known to fail)
                return all(call_binds(new.signature, call, bound) is not False
                           for call in forwarded)
            old = self._old_definition(target)
            if old is None or old.signature is None:
                return False
            if self._wrapped_in_base(target):
                # outside code called the wrapper a decorator made, with what that needed
                # (``@mock.patch("m.f")`` passes the mock itself): the old signature does
                # not tell what it passed, so the call is not known to break
                return True
            through = self._partial_binds(source, target, old.signature, new.signature, bound)
            if through is not None:
                return through
            call = _with_what_it_took(required_call(old.signature, bound), old.signature,
                                      required_call(new.signature, bound))
        elif method == "__init__" and self._default_factory_call(source, target, data):
            # a dataclass's generated ``__init__`` calls a field's ``default_factory`` with
            # nothing (kopf 1.45 reordered ``PostingSettings``'s fields, made by
            # ``OperatorSettings()`` through ``field(default_factory=PostingSettings)``)
            call = CallSite("", (), 0)
        elif bound and method in CONSTRUCTORS and self._is_metaclass(target.rpartition(".")[0]):
            # a class statement makes its class with ``meta(name, bases, namespace)``: both
            # ``__new__`` and ``__init__`` get the three by position (python-docx 1.0 renamed
            # ``MetaOxmlElement.__init__``'s ``clsdict`` to ``namespace``; every module
            # defining an element class was broken). The statement's own keywords are not
            # recorded: a keyword-only parameter the new signature requires still breaks.
            call = CallSite("", (), 0, args=((),) * 3)
        else:
            return False
        return call_binds(new.signature, call, bound) is True

    def _default_factory_call(self, source: str, target: str, data: Mapping[str, Any]) -> bool:
        """Is ``target`` (``X.__init__``) reached from ``source`` only as the
        ``default_factory`` of a field of a dataclass whose generated ``__init__`` that call of
        ``source`` runs, on the same line: ``field(default_factory=X)`` of it or of a base?"""
        if "site" in data or data.get("callback"):
            return False
        head = self._revision_pair()[1]
        cls = target.rpartition(".")[0]
        for other, kind in set(self.head.successors(source)):
            if kind != EdgeKind.CALLS or not other.endswith(".__init__") or other == target \
                    or self.head.edge_data(source, other, kind).get("line") != data.get("line"):
                continue
            init = head.definition(other)
            if init is None or not init.synthetic:
                continue
            for owner in head.mro(other.rpartition(".")[0]):  # its fields and its bases'
                made = head.definition(f"{owner}.__init__") if owner is not None else None
                if owner is None or made is None or not made.synthetic \
                        or made.signature is None:
                    continue
                for parameter in made.signature.parameters:
                    default = parameter.default or ""
                    if default.startswith("<factory ") and default.endswith(">") and \
                            head.resolve_in(owner.partition(":")[0], default[9:-1]) == cls:
                        return True
        return False

    def _is_metaclass(self, cls: str) -> bool:
        """Does head class ``cls`` derive from ``type``, directly or through an outside
        metaclass known to (``abc.ABCMeta``, ``enum.EnumMeta``)?"""
        outside = ancestry(self._revision_pair()[1], cls)[1]
        return any(name == "type" or "type" in KNOWN_ANCESTORS.get(name, ())
                   for name in (key.rpartition(".")[2] for key in outside))

    def _forwarded_calls(self, source: str, target: str) -> list[CallSite] | None:
        """The calls outside code makes of ``target`` where head code ``source`` hands it to a
        standard function that calls what it is handed with the arguments written after it
        (``FORWARDING``: ``self.assertRaises(E, f, a, b)`` calls ``f(a, b)``), one per such
        call; None when ``source`` hands it nowhere so, or anywhere else too (a call linked
        to it, another outside call): then outside code calls it as it did before, as far
        as anyone here can tell. dulwich 0.25 gave ``compute_file_sha`` a required second
        parameter; its test's ``assertRaises(AssertionError, compute_file_sha, f,
        hash_func, -20)`` passes it, and the old required call (``f`` alone) did not bind."""
        calls = self._calls_of(self.head.module_of(source))
        if not calls:
            return None
        head = self._revision_pair()[1]
        module = source.partition(":")[0]

        def names_target(expr: Expr) -> bool:
            return _names(head, module, expr) == target or _own_method(head, source, expr) == target

        found: list[CallSite] = []
        handed_so = False
        for site in calls:
            if site.scope != source:
                continue
            if any(names_target(expr) for expr in site.callee):
                return None  # a call of it written here
            handed = [(position, values) for position, values in
                      [*enumerate(site.args), *site.kwargs]
                      if any(names_target(expr) for expr in values)]
            if not handed:
                continue
            forwarding = _forwarding_position(head, module, site)
            if forwarding is None or [position for position, _ in handed] != [forwarding[0]]:
                return None  # handed to code that may call it otherwise
            handed_so = True
            at, name = forwarding
            if name in EXPECTING_RAISE and any(
                    len(expr) == 1 and expr[0][2:] in CATCHES_TYPE_ERROR
                    and expr[0].startswith("b:") for expr in site.args[0]):
                # ``assertRaises(TypeError, f, 1)``: a call that does not bind is what it wants
                continue
            found.append(replace(site, args=site.args[at + 1:], callee=()))
        return found if handed_so else None

    def _partial_binds(self, source: str, target: str, old: Signature, new: Signature,
                       bound: bool) -> bool | None:
        """``source`` hands ``target`` to ``functools.partial`` with arguments, once in each
        revision (nox 2024: ``functools.partial(flag_pair_merge_func, name, default,
        disable_name)``): outside code calls the partial with what the base's partial left of
        the old signature's required call. Does that, after the head's partial's arguments,
        bind the new signature? A base handing the function itself (no partial) left the
        whole required call to outside code (jsonrpcserver 5.0's ``.bind(partial(
        validate_args, request, context))`` where 4.2 imported ``validate_args(func, *args,
        **kwargs)``). None when the head makes no such partial."""
        base_calls = self._base_calls_of(source)
        head_calls = self._calls_of(self.head.module_of(source))
        if head_calls is None or not any(map(_may_make_partial, head_calls)):
            return None  # (its summary is read only where it may)
        base_rev, head_rev = self._revision_pair()
        after = _partial_of(head_rev, head_calls, source, target)
        if after is None:
            return None
        # (a caller new in the head made no partial in the base either)
        before = _partial_of(base_rev, base_calls, source, target) \
            if base_calls is not None and any(map(_may_make_partial, base_calls)) else None
        required = required_call(old, bound)
        if before is None:
            rest = required
        else:
            given = {name for name, _ in before.kwargs}
            rest = replace(required, args=required.args[len(before.args) - 1:],
                           kwargs=tuple(kw for kw in required.kwargs if kw[0] not in given))
        call = replace(rest, args=(*after.args[1:], *rest.args),
                       kwargs=(*after.kwargs, *rest.kwargs))
        return call_binds(new, call, bound) is True

    def _wrapped_in_base(self, target: str) -> bool:
        """Was ``target`` in the base decorated by what may wrap it: a decorator not known to
        leave its calls alone (``CALL_KEEPING``), written on it or on its class (a class
        decorator such as ``@mock.patch(...)`` wraps each test method), and no wrapper of
        ours that hands every argument on (``_forwarded_whole``)?"""
        old = self._old_definition(target)
        if old is None:
            return False
        written = list(old.decorators)
        module, _, qualname = target.partition(":")
        owner = self._old_definition(f"{module}:{qualname.rpartition('.')[0]}") \
            if "." in qualname else None
        if owner is not None and owner.kind is SymbolKind.CLASS:
            written += [d for d in owner.decorators
                        if decorator_base(d) not in DATACLASS_DECORATORS
                        and decorator_base(d).rpartition(".")[2] not in CLASS_KEEPING]
        return (any(decorator_base(d).rpartition(".")[2] not in CALL_KEEPING for d in written)
                and not self._forwarded_whole(target, self.base))

    def _builtin_calls(self, source: str, line: object) -> bool:
        """Does ``source`` hand functions to a builtin that calls them on that line
        (``map(self.escape, seq)``, ``sorted(xs, key=f)``)? The builtin makes the call, as
        outside code does a callback's: by position, with what it has to give."""
        calls = self._calls_of(self.head.module_of(source)) or ()
        return any(
            site.scope == source and site.line == line and not site.implicit
            and any(isinstance(root := parse_root(e[0]), BuiltinRoot) and len(e) == 1
                    and root.name in CALLBACK_BUILTINS for e in site.callee)
            for site in calls)

    def _site_binds(self, source: str, site: CallSite, bound: bool, signature: Signature,
                    method: str, before: Signature | None, positional_first: bool,
                    old: Signature | None = None) -> bool:
        """``_binds`` for one call site: False only when it surely does not bind. A call in
        a block that expects a TypeError (``with pytest.raises(TypeError):``) counts as
        binding: one that no longer binds raises what the test expects. So does the retry in
        an ``except TypeError`` handler of a call the ``try`` makes of the same callee
        (``retried``): it runs when that call raised, and that call is judged. ``old``: the
        target's base signature (``_forwarded_binds``)."""
        if site.raises_expected or site.retried:
            return True
        call, call_bound = _shape(self._spread_out(source, site), bound, method)
        if positional_first and not call.args and not call.unpacks & 1:
            return False
        if _binds_as_called(signature, call, call_bound, before):
            return True
        forwarded = self._forwarded_binds(source, site, bound, signature, old, before)
        if forwarded is not None:
            return forwarded
        return call_binds(signature, call, call_bound) is None

    def _spread_out(self, source: str, site: CallSite) -> CallSite:
        """The call with each ``*value`` it unpacks written out where its length is known
        (``binding.spread_out``): a literal's, or what a call of ours returns."""
        if not site.spreads:
            return site
        return spread_out(site, [
            spread.length if spread.call is None else self._result_length(source, spread.call)
            for spread in site.spreads])

    def _result_length(self, source: str, index: int) -> int | None:
        """How many elements the result of call site ``index`` of ``source``'s module has:
        the one ``returns_length`` of every function of ours the head links that call to,
        each run as written (no wrapper of a decorator but those that leave the result
        alone); None when a target does not tell, or there is none."""
        lengths: set[int | None] = set()
        for target, kind in set(self.head.successors(source)):
            if kind != EdgeKind.CALLS:
                continue
            data = self.head.edge_data(source, target, kind)
            if not any(site == index for site, _ in data.get("sites", ())):
                continue
            definition = self._definition(self.head, target)
            if (definition is None or data.get("named")
                    or definition.kind not in (SymbolKind.FUNCTION, SymbolKind.METHOD)
                    or not {decorator_base(d) for d in definition.decorators}
                    <= RESULT_KEEPING):
                return None
            lengths.add(definition.returns_length)
        return lengths.pop() if len(lengths) == 1 else None

    def _head_sites(self, source: str, target: str
                    ) -> tuple[Definition, list[tuple[CallSite, bool]]] | None:
        """``target``'s head definition (with a signature) and the head's call sites of
        ``source`` behind its call edge to it; None when either is missing, or when ``source``
        reaches it without a call of its own (a property read, ``map(f, xs)``). Looked up
        once per edge: several verdict rules read the same sites."""
        key = (source, target)
        if key in self._sites_behind:
            return self._sites_behind[key]
        found = None
        definition = self._definition(self.head, target)
        calls = self._calls_of(self.head.module_of(source)) \
            if definition is not None and definition.signature is not None else None
        if definition is not None and calls is not None:
            sites = _sites(calls, self.head.edge_data(source, target, EdgeKind.CALLS), source)
            found = (definition, sites) if sites else None
        self._sites_behind[key] = found
        return found

    def _reads_cache_api(self, source: str, target: str) -> bool:
        """Does head code ``source`` read an attribute only a cache's wrapper has
        (``CACHE_API``: ``find.cache_clear()``, ``lib.find.cache_info``) on a value spelled
        with ``target``'s name?"""
        calls = self._calls_of(self.head.module_of(source))
        name = target.partition(":")[2].rpartition(".")[2]
        values = (expr for site in calls or () if site.scope == source
                  for expr in (*site.callee, *(e for arg in site.args for e in arg),
                               *(e for _, kept in site.kwargs for e in kept)))
        return any(
            step in CACHE_API and (
                expr[at - 1] == "." + name
                or (at == 1 and re.split(r"[|:.]", expr[0])[-1] == name))
            for expr in values
            for at, step in enumerate(expr) if at)

    def _plain_metaclass_dropped(self, change: Change) -> bool:
        """Did the ``decorator-changed`` remove only ``add_metaclass(M)`` decorators (six's,
        future's) from a class, each ``M`` a class of ours whose ancestry is known and
        defines no ``__call__`` (so making the class ran ``type.__call__``)?"""
        base, _ = self._revision_pair()
        definition = base.definition(change.symbol)
        removed = set(_changed_decorators(change))
        if definition is None or definition.kind is not SymbolKind.CLASS or any(
                name.rpartition(".")[2] != "add_metaclass" for name in removed):
            return False
        module = change.symbol.partition(":")[0]
        made = [added_metaclass(d) for d in definition.decorators
                if decorator_name(d) in removed]
        for argument in made:
            metaclass = None if argument is None else base.resolve_expression(module, argument)
            if metaclass is None or not _calls_as_type(base, metaclass):
                return False
        return bool(made)

    def _construction_patched(self, change: Change) -> bool:
        """Does a decorator a ``decorator-changed`` added (read in the head) or removed (in
        the base) assign ``__init__``, ``__new__`` or ``__call__`` on the class it is handed
        (``patches_construction``)?"""
        return any(
            patches_construction(*self._decorator_side(change, part), decorator_base(part[1:]))
            for part in change.detail.split() if part[:1] in "+-")

    def _decorators_on_a_base(self, change: Change, cls: str) -> bool:
        """Does a head ancestor of class ``cls`` of ours carry every decorator a
        ``decorator-changed`` removed from it (by name)?"""
        head = self._revision_pair()[1]
        removed = {decorator_base(part[1:]) for part in change.detail.split()}
        for ancestor in list(head.mro(cls))[1:]:
            made = head.definition(ancestor) if ancestor is not None else None
            if made is not None and removed <= {decorator_base(d) for d in made.decorators}:
                return True
        return False

    def _inherited_init(self, cls: str) -> str | None:
        """The head ``__init__`` of ours class ``cls`` runs: its own or the first one up its
        MRO; None when an unknown base comes first or there is none of ours."""
        head = self._revision_pair()[1]
        for ancestor in head.mro(cls):
            if ancestor is None:
                return None
            if head.definition(f"{ancestor}.__init__") is not None:
                return f"{ancestor}.__init__"
        return None

    def _is_class(self, symbol: str) -> bool:
        """Is ``symbol`` a class in the head?"""
        made = self._definition(self.head, symbol)
        return made is not None and made.kind is SymbolKind.CLASS

    def _constructs(self, source: str, cls: str) -> bool:
        """Does every call of class ``cls`` that ``source`` makes still bind the head's
        ``__init__`` of the class, its own or the one a dataclass decorator makes? A
        dataclass-like decorator added or removed changes how the class is made through that
        ``__init__`` only (its ``==`` and ``repr`` are behaviour). None of its own in the head
        (object's, or a base's): not told, broken."""
        definition = self._definition(self.head, cls)
        init = f"{cls}.__init__"
        return (definition is not None and definition.kind is SymbolKind.CLASS
                and self._definition(self.head, init) is not None and self._binds(source, init))

    def _forwarded_whole(self, target: str, graph: CodeGraph | None = None,
                         changed: Sequence[str] = ()) -> bool:
        """Does a wrapper of ours, taking nothing but ``*args, **kwargs``, call ``target``
        with them as they are (``func(*args, **kwargs)``), and does every decorator of
        ``target`` that the head does not know to leave calls alone make such a wrapper?
        Told by the wrappers that call it: one per decorator, each handing every argument on
        (bs4 4.13's ``@_deprecated``: warn, then call). A call of the decorated function then
        binds as one of the function itself does. ``graph``: the revision whose decorators and
        wrappers are read (the head's by default; the base's for decorators that went: falcon
        4.0's ``@deprecated_args(allowed_positional=0)`` warned, then called).
        A wrapper may take leading positional parameters it hands on first, in order
        (``wrapper(self, *args, **kwargs)`` calling ``fn(self, *args, **kwargs)``). With
        ``changed`` (the decorators the change added, or removed), it is also enough that
        each of those defines such a wrapper of its own: a decorator kept as it was
        (fpdf2's ``@check_page`` above the ``@support_deprecated_txt_arg`` 2.7.6 added)
        does to the calls what it did before."""
        head = self.head if graph is None else graph
        definition = self._definition(head, target)
        if definition is None:
            return False
        forwarding = [wrapper for wrapper, kind in sorted(set(head.predecessors(target)))
                      if kind == EdgeKind.CALLS
                      and self._hands_whole(head, wrapper, target, definition)]
        # and the wrappers of stacked decorators that hand them on to those (netmiko 4.0's
        # ``@lock_channel`` over ``@log_writes`` on ``write_channel``): functions nested in
        # a function, as a decorator's wrapper is, not any caller of the same shape
        frontier = list(forwarding)
        while frontier and len(forwarding) <= len(definition.decorators):
            inner = frontier.pop(0)
            for wrapper, kind in sorted(set(head.predecessors(inner))):
                if (kind == EdgeKind.CALLS and wrapper not in forwarding
                        and wrapper != target and self._nested_in_function(head, wrapper)
                        and self._hands_whole(head, wrapper, inner, definition)):
                    forwarding.append(wrapper)
                    frontier.append(wrapper)
        # a caller taking the function first (``_calls_its_first``) is called by the maker's
        # wrapper, not by the function's callers: it hands the call on only as far as that
        # wrapper hands it to it, so it counts with one of those found handing on to it
        forwarding = [wrapper for wrapper in forwarding
                      if not self._calls_its_first(head, wrapper)
                      or any(kind == EdgeKind.CALLS and caller in forwarding
                             for caller, kind in head.predecessors(wrapper))]
        wrappers = len(forwarding)
        rest = [d for d in definition.decorators
                if decorator_base(d).rpartition(".")[2] not in RESULT_KEEPING]
        if wrappers > 0 and wrappers >= len(rest):
            return True
        module = target.partition(":")[0]
        revision = self._revision_pair()[0 if head is self.base and head is not self.head
                                          else 1]
        return bool(changed) and all(
            (symbol := _written_symbol(revision, module, written)) is not None
            and (any(found.replace(":", ".").startswith(symbol.replace(":", ".") + ".")
                     for found in forwarding)
                 or self._wraps_whole(symbol, definition, head)
                 or (head is self.head and self._run_time_wrapper_hands_whole(
                     symbol, definition)))
            for written in changed)

    def _run_time_wrapper_hands_whole(self, symbol: str, definition: Definition) -> bool:
        """Is ``symbol`` (a head decorator of ours) made by a maker that builds the wrapper at
        run time from the function's own signature (``run_time_wrappers``), handing the
        call to a caller of ours that takes the function first and hands it the rest whole
        (``_hands_whole_at``)? SQLAlchemy 2.0.36's ``@_generative``: ``util.decorator``
        builds ``def filter(self, *criterion): return target(fn, self, *criterion)`` with
        ``exec`` and sets its ``__wrapped__``; ``target`` does ``fn(self, *args, **kw)``."""
        revision = self._revision_pair()[1]
        caller = run_time_caller(revision, symbol,
                                 lambda module, expr: _names(revision, module, expr))
        own = self._definition(self.head, caller) if caller is not None else None
        if caller is None or own is None or own.signature is None \
                or not own.signature.parameters:
            return False
        sites = [(site, False) for site in self._calls_of_parameter(
            self.head, caller, own.signature.parameters[0].name)]
        return bool(sites) and self._hands_whole_at(self.head, caller, own, sites, definition)

    def _wraps_whole(self, symbol: str, definition: Definition,
                     graph: CodeGraph | None = None) -> bool:
        """Is ``symbol`` (a function of ours, in ``graph``'s revision: the head's by default)
        a decorator whose one nested function calls one parameter of the decorator, the
        function it decorates, handing every argument on (``_hands_whole_at``)? Told by its
        code, not by the link: netmiko 4.0's ``@lock_channel`` returns ``cast(F,
        wrapper_decorator)`` and sits over ``@log_writes``, and what its ``func`` is, the link
        does not follow; matplotlib's ``delete_parameter(since, name, func=None, **kwargs)``
        is handed the function by the ``functools.partial`` of itself it returns when called
        where it decorates (3.10 dropped it from ``cbook.get_sample_data``). The parameter is
        the decorator's first, or else the one parameter the nested function calls."""
        graph = self.head if graph is None else graph
        revision = self._revision_pair()[0 if graph is self.base and graph is not self.head
                                         else 1]
        module, _, qualname = symbol.partition(":")
        made = self._definition(graph, symbol)
        if made is None or made.kind is not SymbolKind.FUNCTION or made.decorators \
                or made.signature is None or not made.signature.parameters:
            return False
        nested = [other for other in revision.definitions(module).values()
                  if other.qualname.rpartition(".")[0] == qualname
                  and other.kind is SymbolKind.FUNCTION]
        if len(nested) != 1:
            return False
        wrapper = f"{module}:{nested[0].qualname}"
        calls = [site for site in self._calls_in(graph, wrapper) if site.scope == wrapper] \
            if wrapper in graph else []
        parameters = [f"v:{symbol}|{p.name}" for p in made.signature.parameters]
        called = {site.callee[0][0] for site in calls
                  if len(site.callee) == 1 and len(site.callee[0]) == 1
                  and site.callee[0][0] in parameters}
        handed = parameters[0] if parameters[0] in called \
            else next(iter(called)) if len(called) == 1 else None
        sites = [(site, False) for site in calls if site.callee == ((handed,),)]
        return bool(sites) and self._hands_whole_at(graph, wrapper, nested[0], sites,
                                                    definition)

    def _hands_whole(self, head: CodeGraph, wrapper: str, callee: str,
                     definition: Definition) -> bool:
        """Does ``wrapper``, taking nothing but ``*args, **kwargs`` after leading positional
        parameters (or the decorated function's own fixed parameters, ``definition``'s), call
        ``callee`` with them as they are, at every site (``_forwarded_whole``)?"""
        own = self._definition(head, wrapper)
        if own is None or own.signature is None:
            return False
        calls = self._calls_in(head, wrapper)
        sites = _sites(calls, head.edge_data(wrapper, callee, EdgeKind.CALLS), wrapper)
        return self._hands_whole_at(head, wrapper, own, sites, definition,
                                    function_first=self._calls_its_first(head, callee))

    def _calls_its_first(self, head: CodeGraph, caller: str) -> bool:
        """Does ``caller`` take the function first and call it, as the ``decorator``
        package's callers do (``caller(fn, self, *args, **kw)`` calling ``fn(self, *args,
        **kw)``)? What calls it hands it the function before the arguments it hands on.
        SQLAlchemy's ``_generative`` is such a caller, made by ``util.decorator``, its own
        copy of ``decorator.decorator``."""
        own = self._definition(head, caller)
        leading = _leading_names(own.signature) if own is not None and own.signature else None
        if not leading:
            return False
        return bool(self._calls_of_parameter(head, caller, leading[0]))

    def _calls_of_parameter(self, graph: CodeGraph, function: str,
                            parameter: str) -> list[CallSite]:
        """The call sites of ``function``'s own code (not of what it nests) that call its
        parameter ``parameter`` (``fn(self, *args, **kw)``)."""
        key = f"v:{function}|{parameter}"
        return [site for site in self._calls_in(graph, function)
                if site.scope == function and _calls_variable(site, key)]

    def _calls_in(self, graph: CodeGraph, function: str) -> Sequence[CallSite]:
        """The calls of ``function``'s module in ``graph`` (the head's, or the base's)."""
        calls = (self._calls_of(graph.module_of(function)) if graph is self.head
                 else self._base_calls_of(function))
        return calls or ()

    def _hands_whole_at(self, head: CodeGraph, wrapper: str, own: Definition,
                        sites: Sequence[tuple[CallSite, bool]], definition: Definition,
                        function_first: bool = False) -> bool:
        """``_hands_whole``, told by the ``sites`` of ``wrapper`` (``own``) that call what
        it wraps. A wrapper that takes the function first and calls it hands on the rest
        (``_calls_its_first``); ``function_first``: what it calls is such a caller, handed
        the function before the rest (the ``decorator`` package's ``target(fn, *args,
        **kw)``)."""
        if own.signature is None:
            return False
        leading = _leading_names(own.signature)
        # or the function's own parameters, all positional without a default, handed on
        # as they are (sqlparse 0.5's ``@recurse(...)``: ``wrapped_f(tlist)`` calling
        # ``f(tlist)``): a call binds the wrapper as it binds the function
        fixed = leading is None and _same_fixed_parameters(own.signature, definition.signature)
        if fixed:
            leading = [p.name for p in own.signature.parameters]
        if leading is None:
            return False
        handed_leading = leading
        if not fixed and leading and sites and all(
                _calls_variable(site, f"v:{wrapper}|{leading[0]}") for site, _ in sites):
            # the caller's own first parameter is the function it calls: not handed on
            handed_leading = leading[1:]
        if function_first:
            # the function goes first, a plain name of the wrapper's closure
            sites = [(replace(site, args=site.args[1:]), bound) for site, bound in sites
                     if site.args and all(len(e) == 1 and e[0].startswith("v:")
                                          for e in site.args[0])]
        keywords = _handed_keywords(own.signature, wrapper)
        names = {f"v:{wrapper}|{p.name}" for p in own.signature.parameters[len(leading):]
                 if p.name not in keywords}
        args = "" if fixed else f"v:{wrapper}|{own.signature.parameters[len(leading)].name}"
        handed = [
            _spread_handed(replace(site, kwargs=tuple(kw for kw in site.kwargs
                                                      if kw[0] not in keywords)),
                           names, args, partial(self._leading_slices, head, wrapper))
            if site.unpacks == (0 if fixed else 3)
            else self._folded_handed(head, wrapper, site, names, args)
            if site.unpacks == 2 and not fixed and not keywords
            else None
            for site, _ in sites
            if _hands_on(site, [f"v:{wrapper}|{name}" for name in handed_leading])
            and all(name == "**" or (name in keywords and _handed_as_itself(values, keywords[name]))
                    for name, values in site.kwargs)
            and keywords.keys() <= {name for name, _ in site.kwargs}]
        # every site hands the arguments on as they came, or (param 2.0's
        # ``_deprecate_positional_args``, after scikit-learn's) a leading slice of ``args``
        # once the extra positional ones went into ``kwargs`` (or, scikit-learn 1.6's own,
        # ``kwargs`` alone once every positional one went in), and one site as they came: a
        # call that binds the function itself takes that one
        return bool(sites) and len(handed) == len(sites) and None not in handed \
            and "whole" in handed

    def _folded_handed(self, head: CodeGraph, wrapper: str, site: CallSite,
                       names: set[str], args: str) -> str | None:
        """"folded" when ``site`` unpacks the wrapper's ``**kwargs`` alone (``f(**kwargs)``)
        after the wrapper put its ``*args`` into them by name (``kwargs.update(zip(
        sig.parameters, args))``: scikit-learn 1.6's ``_deprecate_positional_args`` on the
        call with more positional arguments than the function takes), None otherwise. Like a
        leading slice (``_spread_handed``), it counts beside a site handing both on whole:
        a call binding the function itself takes that one. Told from the head's summary."""
        kwargs = next(iter(names - {args}), None)
        spread = {expr for _, values in site.kwargs for expr in values if expr}
        summary = self.head.summaries.get(self.head.module_of(wrapper)) \
            if head is self.head else None
        if summary is None or len(names) != 2 or kwargs is None or site.args \
                or spread != {(kwargs, "[]")}:
            return None
        bindings = self._bindings_of(summary)
        for update in self._calls_in(head, wrapper):
            if update.scope != wrapper or update.callee != ((kwargs, ".update"),) \
                    or len(update.args) != 1 or update.kwargs:
                continue
            if any(_holds_elements_of(bindings, expr, args) for expr in update.args[0]):
                return "folded"
        return None

    def _nested_in_function(self, graph: CodeGraph, symbol: str) -> bool:
        """Is ``symbol`` a function defined in the body of a function (a decorator's
        wrapper)?"""
        module, _, qualname = symbol.partition(":")
        outer = qualname.rpartition(".")[0]
        found = self._definition(graph, f"{module}:{outer}") if outer else None
        return found is not None and found.kind in (SymbolKind.FUNCTION, SymbolKind.METHOD)

    def _leading_slices(self, graph: CodeGraph, wrapper: str) -> frozenset[str]:
        """The names (``c:...``, as an expression spells them) ``wrapper``'s head module binds
        to a subscript of ``wrapper``'s ``*args`` and nothing else (``args[:-n_extra]``);
        none for the base, whose bindings are not kept here."""
        summary = self.head.summaries.get(self.head.module_of(wrapper)) \
            if graph is self.head else None
        if summary is None or (own := self._definition(graph, wrapper)) is None \
                or own.signature is None or len(own.signature.parameters) < 2:
            return frozenset()
        args = f"v:{wrapper}|{own.signature.parameters[-2].name}"
        prefix = f"v:{wrapper}|<c"
        return frozenset(
            "c:" + key[2:] for key, values in self._bindings_of(summary).items()
            if key.startswith(prefix) and values == ((args, "[]"),))

    def _entered_only(self, source: str, target: str, entered: int) -> bool:
        """Is every call of ``target`` that ``source`` makes a ``with`` item (``entered``: 1)
        or an ``async with`` one (2) that binds the head's signature? Its result is entered,
        which a context manager's is, whatever the function returned before."""
        found = self._head_sites(source, target)
        return (found is not None and all(site.entered == entered for site, _ in found[1])
                and self._binds(source, target))

    def _async_iterated_only(self, source: str, target: str) -> bool:
        """Is every call of ``target`` that ``source`` makes what an ``async for`` iterates,
        binding the head's signature, while the head's ``target`` still returns an async
        iterator? An async generator (``async def`` that yields) and a plain ``def`` annotated
        to return one (``-> AsyncIterator[T]``) are called alike: ``async`` moving from one to
        the other changes nothing such a loop sees. The call's result may be bound to a local
        name first that only ``async for`` loops read (``_async_iterated_local``)."""
        found = self._head_sites(source, target)
        if found is None or not returns_async_iterator(found[0].signature):
            return False
        summary = self.head.summaries.get(self.head.module_of(source))
        bindings = self._bindings_of(summary) if summary is not None else {}
        return all(
            site.iterated == 2 or (summary is not None
                                   and _async_iterated_local(summary, bindings, site))
            for site, _ in found[1]) and self._binds(source, target)

    def _awaited_only(self, source: str, target: str) -> bool:
        """Is every call of ``target`` that ``source`` makes awaited where it is made
        (``await f()``), binding the head's signature, while the head's ``target`` is a
        coroutine function (``async def`` that does not yield)? Such a call uses the result as
        the awaitable it now is (starlette 0.47's ``http_exception``, made ``async``, is called
        as ``await handler(conn, exc)`` where the handler is known async)."""
        found = self._head_sites(source, target)
        if found is None:
            return False
        signature = found[0].signature
        return (signature is not None and not signature.is_generator
                and (signature.is_async or self._returns_awaitable(target))
                and all(site.awaited for site, _ in found[1])
                and self._binds(source, target))

    def _returns_awaitable(self, target: str) -> bool:
        """Does the head's ``target`` say it returns an instance of a class of ours that
        defines ``__await__`` (its return annotation, read through the module's imports,
        those for type checkers too)? aiogram 3.0 made ``Message.answer`` a plain ``def``
        returning a ``SendMessage``, a ``TelegramMethod`` whose ``__await__`` sends it:
        ``await message.answer(...)`` still works."""
        definition = self._definition(self.head, target)
        returns = definition.signature.returns \
            if definition is not None and definition.signature is not None else None
        if not returns:
            return False
        text = returns.strip().strip("'\"")
        if not text.replace(".", "_").isidentifier():
            return False
        module = target.partition(":")[0]
        head = self._revision_pair()[1]
        found = head.resolve_expression(module, text)
        if found is None:  # imported for type checkers alone (``if TYPE_CHECKING:``)
            first, _, rest = text.partition(".")
            summary = self.head.summaries.get(module)
            for binding in summary.imports if summary is not None else ():
                if binding.name == first and binding.scope == module and binding.type_checking:
                    found = head.resolve_dotted(f"{binding.target}.{rest}" if rest
                                                else binding.target)
                    break
        made = head.definition(found) if found is not None else None
        return made is not None and made.kind is SymbolKind.CLASS and any(
            ancestor is not None and head.definition(f"{ancestor}.__await__") is not None
            for ancestor in head.mro(found))  # type: ignore[arg-type]

    def _called_plainly_only(self, source: str, target: str) -> bool:
        """Is every call of ``target`` that ``source`` makes one whose result is neither
        awaited, nor entered by ``async with``, nor iterated by ``async for``, nor handed to
        another call on its line, binding the head's signature, while the head's ``target``
        is a plain function (``def``, not a generator)? Such a call uses the plain value the
        function now returns (jupyter_client 8.0 made ``ZMQSocketChannel.get_msg`` and
        ``_recv`` sync: ``get_msg`` returns ``self._recv(...)``)."""
        found = self._head_sites(source, target)
        calls = self._calls_of(self.head.module_of(source))
        if found is None or calls is None:
            return False
        signature = found[0].signature
        if signature is None or signature.is_async or signature.is_generator:
            return False
        return all(
            not site.awaited and site.entered != 2 and site.iterated != 2
            and all(_takes_plainly(taker) for _, taker in _takers(site, calls))
            for site, _ in found[1]) and self._binds(source, target)

    def _handed_to_runner(self, source: str, target: str) -> bool:
        """Is every call of ``target`` that ``source`` makes handed, as it is made, to a
        function of ``asyncio`` that awaits it (``asyncio.run(f(...))``, ``create_task``,
        ``gather``...), binding the head's signature, while the head's ``target`` is a
        coroutine function? vcrpy 6.0 made ``_record_responses`` async and its sync caller
        calls ``asyncio.run(_record_responses(...))``."""
        found = self._head_sites(source, target)
        calls = self._calls_of(self.head.module_of(source))
        if found is None or calls is None:
            return False
        signature = found[0].signature
        if signature is None or not signature.is_async or signature.is_generator:
            return False
        summary = self.head.summaries.get(self.head.module_of(source))
        bindings = self._bindings_of(summary) if summary is not None else {}

        def runner(expr: Expr, index: int = -1) -> bool:
            return _asyncio_runner(expr, bindings) or self._runs_its_argument(
                self.head.module_of(source), expr) or (
                index >= 0 and self._method_runs_its_argument(source, index, expr))

        def handed(site: CallSite) -> bool:
            return any(other.callee and all(runner(e, index) for e in other.callee)
                       for index, other in _takers(site, calls))

        def through_local(site: CallSite) -> bool:
            # ``coro = self.run_async(); get_event_loop().run_until_complete(coro)``: bound
            # to a local name of the function alone, read only as the argument of a runner
            # (prompt_toolkit 3.0's ``Application.run``)
            prefix = f"v:{site.scope}|"
            local = _bound_local(site, bindings)
            if local is None or summary is None:
                return False
            runs = False
            for other in summary.calls:
                if any(e[0] == local for e in other.callee):
                    return False
                for values in (*other.args, *(v for _, v in other.kwargs)):
                    if not any(e[0] == local for e in values):
                        continue
                    if (other.scope != site.scope or values != ((local,),) or not other.callee
                            or not all(runner(e) for e in other.callee)):
                        return False
                    runs = True
            # (the arguments of the calls checked above are bound under ``<cN>`` keys)
            return runs and len(bindings[local]) == 1 and not any(
                e[0] == local for key, values in bindings.items()
                if key != local and not key.startswith(prefix + "<c")
                for e in values) and not any(
                e[0] == local for targets, _, values in summary.attribute_stores
                for e in (*targets, *values))

        return all(handed(site) or through_local(site) for site, _ in found[1]) \
            and self._binds(source, target)

    def _runs_its_argument(self, module: str, expr: Expr) -> bool:
        """Is ``expr``, a callee of head ``module`` spelled by a module-level name, a function
        of ours whose first parameter goes, as it is, only to an awaiting function of
        ``asyncio`` (``_run(coro)``: ``asyncio.get_event_loop().run_until_complete(coro)``)?
        python-socketio 5.10's tests call ``_run(self.bm.connect('123', '/foo'))`` after
        ``AsyncManager.connect`` was made async."""
        root = parse_root(expr[0])
        if len(expr) != 1 or not isinstance(root, Variable):
            return False
        where, _, name = root.key[2:].partition("|")
        if not where.endswith(":") or where[:-1] != module:  # a module-level name
            return False
        symbol = self._revision_pair()[1].resolve_in(module, name) or ""
        return ":" in symbol and self._first_argument_run(symbol, 0)

    def _method_runs_its_argument(self, source: str, index: int, expr: Expr) -> bool:
        """Is callee ``expr`` of call ``index`` of head ``source`` a method read off a value
        (``get_app().create_background_task``) that the head links to methods of ours alone,
        each handing its first argument, as it is, only to an awaiting function of ``asyncio``
        (``_first_argument_run``)? prompt_toolkit 3.0's ``History.start_loading`` calls
        ``get_app().create_background_task(self._start_loading())``, and
        ``Application.create_background_task`` calls ``get_event_loop().create_task(...)``."""
        if len(expr) < 2 or not expr[-1].startswith(".") or expr[-1].startswith(".~"):
            return False
        name = expr[-1][1:]
        found = [(target, bound) for target, kind in set(self.head.successors(source))
                 if kind == EdgeKind.CALLS and target.rpartition(".")[2] == name
                 for at, bound in self.head.edge_data(source, target, kind).get("sites", ())
                 if at == index]
        return bool(found) and all(
            not self.head.edge_data(source, target, EdgeKind.CALLS).get("dynamic")
            and self._first_argument_run(target, 1 if bound else 0)
            for target, bound in found)

    def _first_argument_run(self, symbol: str, skip: int) -> bool:
        """Does head function ``symbol`` hand the parameter its first argument binds (past
        ``skip`` bound ones: ``self``), as it is, only to an awaiting function of ``asyncio``,
        keeping it nowhere else?"""
        definition = self._definition(self.head, symbol)
        signature = definition.signature if definition is not None else None
        summary = self.head.summaries.get(symbol.partition(":")[0])
        if (signature is None or summary is None or len(signature.parameters) <= skip
                or signature.parameters[skip].kind not in (ParamKind.POSITIONAL_ONLY,
                                                           ParamKind.POSITIONAL_OR_KEYWORD)
                or signature.is_async):
            return False
        scope = f"v:{symbol}|"
        first = (scope + signature.parameters[skip].name,)
        bindings = self._bindings_of(summary)
        # the parameter as it is, kept nowhere else: not bound to another name, nor returned
        if any(first in values for key, values in bindings.items()
               if key.startswith(scope) and not key[len(scope):].startswith("<c")):
            return False
        handing = [site for site in summary.calls if site.scope == symbol and any(
            first in values for values in (*site.args, *(v for _, v in site.kwargs)))]
        return bool(handing) and all(
            site.callee and all(_asyncio_runner(e, bindings) for e in site.callee)
            for site in handing)

    def _instance_handed(self, source: str, target: str) -> bool:
        """Does ``source`` reach method ``target`` only by handing over what holds it: no
        call of its own links to it, and no value it hands over spells its name (a call
        spelling it, ``self.check_dynamic_context(...)`` on another class, is linked
        elsewhere)? ``Thread(target=self.check)`` hands the method itself: judged."""
        if self.head.edge_data(source, target, EdgeKind.CALLS).get("sites"):
            return False
        summary = self.head.summaries.get(self.head.module_of(source))
        return summary is not None and not self._mentions(replace(summary, calls=()), source,
                                                          target)

    def _called_by_no_protocol(self, target: str) -> bool:
        """Is ``target`` a method that outside code handed an instance of its class calls by
        no name it knows: no special method nor a protocol's (``PROTOCOL_NAMES``), and the
        class derives from no outside class but those whose names are known one by one (a
        ``collections.abc`` class, a builtin exception: ``abc_methods``, ``exception_names``),
        none of which has it? xmlschema 3.0's ``XsdElement.check_dynamic_context`` gained two
        required parameters; tests hand elements to ``list()`` and ``assertListEqual``. A
        class deriving from another outside class (``logging.Handler``, whose ``emit``
        logging calls) is judged as before."""
        owner, _, name = target.rpartition(".")
        if ":" not in owner or name in PROTOCOL_NAMES or (
                name.startswith("__") and name.endswith("__")):
            return False
        head = self._revision_pair()[1]
        definition = head.definition(owner)
        if definition is None or definition.kind is not SymbolKind.CLASS:
            return False
        for key in ancestry(head, owner)[1]:
            if key.rpartition(".")[2] == "object":
                continue
            known = abc_methods(key) or exception_names(key)
            if not known or name in known:
                return False
        return True

    def _handed_unnamed(self, source: str, target: str) -> bool:
        """Does ``source`` make no call of ``target`` of its own (outside code it hands a value
        to, or a builtin such as ``sorted``, makes it) and not name it either: the value
        reached it through what the flow merges (a mapping's values, a parameter's contents)?
        Whether that code awaits what it calls is not known (starlette runs a handler with
        ``await handler(...)`` where ``is_async_callable(handler)``); a function the code hands
        over by name (``Thread(target=handle)``) is judged as a call of it. A special method
        is Python's own call: judged."""
        data = self.head.edge_data(source, target, EdgeKind.CALLS)
        name = target.rpartition(".")[2]
        if data.get("sites") or (name.startswith("__") and name.endswith("__")):
            return False
        summary = self.head.summaries.get(self.head.module_of(source))
        return summary is not None and not self._mentions(summary, source, target)

    def _passes_unhashable(self, source: str, target: str) -> bool:
        """Does a call site of ``source`` that calls ``target`` surely hand it a value that
        cannot be hashed, which a cache's wrapper now raises ``TypeError`` on? A list, set
        or dict made there (a display, a comprehension, ``list(xs)``, a ``**kwargs``
        mapping), or a local or module variable bound to one on some path; an instance of a
        class of ours whose instances cannot be hashed (an ``__eq__`` without a
        ``__hash__``, a dataclass comparing by value); any value for a parameter annotated
        with such a type (``names: list[str]``); ``self``, for a method of such a class.
        A value not known (a parameter handed on, an outside constant) is not judged:
        releases add caches to functions their callers hand hashable values, and a value
        that may be anything broke none of them (astropy 6.1 cached
        ``Angle._convert_unit_to_angle_unit``, called with ``u.degree``: 777 modules)."""
        found = self._head_sites(source, target)
        if found is None:
            return False
        definition, sites = found
        signature = definition.signature
        if signature is None:  # (``_head_sites`` has made sure: for the type checker)
            return False
        head = self._revision_pair()[1]
        summary = self.head.summaries.get(self.head.module_of(source))
        owner = head.owner_class(target)
        on_instance = owner if (
            definition.kind is not SymbolKind.FUNCTION and not {
                "classmethod", "staticmethod"}.intersection(
                    map(decorator_base, definition.decorators))) else None
        return any(
            (bound and on_instance is not None and any(
                self._unhashable_instances(cls)
                for cls in self._receivers_made(site, summary, on_instance)))
            or any(self._unhashable_value(expr, summary) for values in (*site.args, *(
                values for _, values in site.kwargs)) for expr in values)
            or _typed_unhashable(signature, site, bound)
            for site, bound in sites)

    def _receivers_made(self, site: CallSite, summary: FileSummary | None,
                        owner: str) -> set[str]:
        """The classes of the instances a method call is made on, where the call spells
        one made there (``Value().size()``: ``Value``); else ``owner``, the method's."""
        head = self._revision_pair()[1]
        made = set()
        for expr in site.callee:
            cls = (_names(head, summary.module, expr[:-2])
                   if summary is not None and len(expr) > 2 and expr[-2].startswith("(")
                   and expr[-1].startswith(".") else None)
            definition = head.definition(cls) if cls is not None else None
            made.add(cls if cls is not None and definition is not None
                     and definition.kind is SymbolKind.CLASS else owner)
        return made or {owner}

    def _unhashable_value(self, expr: Expr, summary: FileSummary | None,
                          depth: int = 0) -> bool:
        """Is ``expr``, a value in ``summary``'s module, surely one that cannot be hashed
        (``_passes_unhashable``), or may it be one through a variable it reads?"""
        if summary is None or not expr or depth > 4:
            return False
        if len(expr) == 1 and expr[0] in summary.mutables:
            return True
        if len(expr) == 1 and expr[0].startswith("v:"):
            return any(self._unhashable_value(value, summary, depth + 1)
                       for value in self._bindings_of(summary).get(expr[0], ()))
        if len(expr) == 2 and expr[0].startswith("m:") and expr[1].startswith("."):
            # a module variable of ours imported by name (``from .conf import DEFAULTS``)
            module = expr[0][2:]
            other = self.head.summaries.get(module)
            key = f"v:{module}:|{expr[1][1:]}"
            return other is not None and any(
                self._unhashable_value(value, other, depth + 1)
                for value in self._bindings_of(other).get(key, ()))
        if len(expr) > 1 and expr[-1].startswith("("):
            # an instance made there (``Row(name)``)
            cls = _names(self._revision_pair()[1], summary.module, expr[:-1])
            return cls is not None and self._unhashable_instances(cls)
        return False

    def _unhashable_instances(self, cls: str) -> bool:
        """Can instances of ``cls``, a class of ours, surely not be hashed: the first class
        of its ancestry to decide defines ``__eq__`` without ``__hash__``, or is a dataclass
        comparing by value (``@dataclass``, not frozen, ``eq=False`` or ``unsafe_hash``),
        or an outside base does (``dict``, ``collections.abc.Mapping``)?"""
        if cls not in self._unhashable:
            head = self._revision_pair()[1]
            definition = head.definition(cls)
            self._unhashable[cls] = (definition is not None
                                     and definition.kind is SymbolKind.CLASS
                                     and unhashable(head, cls, dataclasses=True))
        return self._unhashable[cls]

    def _self_never_of(self, graph: CodeGraph, source: str, target: str) -> bool:
        """Is ``source`` a method of a class ``Base`` whose every call of ``target`` is on its
        own ``self`` (``self.request(...)``), ``target`` a method of a subclass ``Sub`` that
        overrides ``source`` itself on the way down, and does no override on the way hand on
        to ``source`` (``super().get(...)``)? Then ``source`` never runs on a ``Sub``, and
        the edge, a guess at which class ``self`` is, is none. django-ninja 1.7 made
        ``TestAsyncClient.request`` async and overrode ``get``, ``post``... with ``async
        def``s: ``NinjaClientBase.get``'s ``self.request(...)`` was judged broken."""
        data = graph.edge_data(source, target, EdgeKind.CALLS)
        if not data.get("dispatch"):
            return False
        wanted = target.rpartition(".")[2]
        calls = self._calls_of(self.head.module_of(source))
        sites = _sites(calls, data, source) if calls is not None else []
        if not sites or not all(_on_self(site, source, wanted) for site, _ in sites):
            return False
        return self._overridden_on_the_way(source, target)

    def never_runs_on_owner(self, source: str, target: str) -> bool:
        """``_self_never_of`` for a base edge to ``target``, a method the head no longer
        has: does ``source`` call it only on its own ``self`` in the head's code, and does the
        class that defined ``target`` override ``source`` on the way down? joblib 1.6 renamed
        ``DaskDistributedBackend.apply_async`` to ``submit``; ``ParallelBackendBase.submit``
        calls ``self.apply_async(...)`` and never runs on one."""
        if source not in self.head or not self._calls_on_self_only(
                source, target.rpartition(".")[2]):
            return False
        return self._overridden_on_the_way(source, target)

    def _calls_on_self_only(self, source: str, name: str) -> bool:
        """Does the head's code of ``source`` call ``.name`` at all, and each time as
        ``self.name(...)``?"""
        calls = self._calls_of(self.head.module_of(source)) or ()
        spelled = [site for site in calls if site.scope == source
                   and any(expr and expr[-1] == "." + name for expr in site.callee)]
        return bool(spelled) and all(_on_self(site, source, name) for site in spelled)

    def _overridden_on_the_way(self, source: str, target: str) -> bool:
        """Is ``source`` a method of a class ``Base``, ``target`` one of a subclass ``Sub``
        (in the head) that overrides ``source`` on the way down from ``Base``, with no
        override there handing on to ``source``?"""
        head = self._revision_pair()[1]
        base, sub = head.owner_class(source), head.owner_class(target)
        if base is None or sub is None or base == sub:
            return False
        name = source.rpartition(".")[2]
        for ancestor in head.mro(sub):
            if ancestor is None:
                return False
            if ancestor == base:
                return False  # ``Sub`` runs ``source`` itself
            override = f"{ancestor}.{name}"
            if head.definition(override) is not None:
                # the first class on the way down to define it: ``Sub`` runs that one, which
                # may still hand on to ``source``
                return not any(kind == EdgeKind.CALLS and node == source
                               for node, kind in set(self.head.successors(override)))
        return False

    def _answered_in_every_subclass(self, source: str, target: str) -> bool:
        """Was ``target`` (``Mixin.name``, gone) called by a method of ``Mixin`` (or of a
        subclass) on its own ``self`` only, and does every head subclass of ``Mixin`` get a
        ``name`` from another base, while nothing makes a ``Mixin`` itself? Then ``self`` is
        always one of those, and the call finds the method. disnake 2.10 moved
        ``CommonBotBase.add_listener`` to ``Client``, a sibling base of every concrete bot."""
        mixin, _, name = target.rpartition(".")
        if source not in self.head or mixin not in self.head or ":" not in mixin:
            return False
        head = self._revision_pair()[1]
        owner = head.owner_class(source)
        made = head.definition(mixin)
        if owner is None or made is None or made.kind is not SymbolKind.CLASS \
                or any(kind == EdgeKind.CALLS for _, kind in set(self.head.predecessors(mixin))):
            return False  # (a class some code makes, or one of another kind now)
        subclasses = self._hierarchy(self.head).all_below(mixin) - {mixin}
        if owner != mixin and owner not in subclasses:
            return False
        if not self._calls_on_self_only(source, name):
            return False
        # (an outside base before the one of ours may answer first: answered either way)
        return bool(subclasses) and all(
            head.definition(f"{cls}.{name}") is not None or head.inherited(cls, name)[0]
            is not None for cls in sorted(subclasses))

    def _aliases_traded(self, change: Change) -> bool:
        """Did a ``decorator-changed`` only trade decorators that name a module variable of
        ours for the outside decorators it is bound to (in some branch of its module)?
        taskiq 0.13 traded ``@validate_call`` from ``taskiq.compat`` (``validate_call =
        pydantic.validate_call``, or ``pydantic.validate_arguments`` under pydantic 1) for
        ``@pydantic.validate_call``. Read here, not in the diff: the bindings are not in the
        API summaries ``changes`` compares."""
        if change.symbol in self._aliases:
            return self._aliases[change.symbol]
        parts = change.detail.split()
        removed = [part[1:] for part in parts if part.startswith("-")]
        rest = [part[1:] for part in parts if part.startswith("+")]
        base, head = self._revision_pair()
        module = change.symbol.partition(":")[0]
        traded = bool(removed) and len(removed) == len(rest) and module in base.summaries \
            and module in head.summaries
        for name in removed if traded else ():
            alias = base.resolve_in(module, name)
            spellings = _alias_spellings(base, alias) if alias and ":" in alias else frozenset()
            match = next((added for added in rest if head.spelled(module, added) in spellings),
                         None)
            if match is None:
                traded = False
                break
            rest.remove(match)
        self._aliases[change.symbol] = traded
        return traded

    def _forwarded_binds(self, source: str, site: CallSite, bound: bool,
                         signature: Signature, old: Signature | None = None,
                         before: Signature | None = None) -> bool | None:
        """A call handing on only its caller's own ``**kwargs`` (``super().__init__(**kwargs)``)
        passes what the callers of ``source`` give it: it binds when, for each head call of
        ``source``, the keywords left over for its ``**kwargs`` bind with its written ones.
        A keyword that the target's ``old`` signature did not take either (no ``**`` there)
        is left out: the code takes it out of the mapping first (docker 7.0's ``from_env``
        pops ``version`` before ``kwargs_from_env(**kwargs)``; a ``pop`` is not followed),
        or the call never bound, which is no call the new signature *no longer* accepts.
        ``before``: the old signature of a decorated target (``_binds_as_called``).
        None: not such a call, or a call of ``source`` whose keywords are not all seen."""
        if site.unpacks != 2 or self._own_keywords(source, site) is None:
            return None
        passed = self._forwarded_keywords(source, 0)
        if passed is None:
            return None
        if old is not None and not any(p.kind is ParamKind.VAR_KEYWORD
                                       for p in old.parameters):
            taken = keyword_names(old.parameters)
            passed = [names & taken for names in passed]
        written = tuple((name, value) for name, value in site.kwargs if name != "**")
        # each call as written out is judged as a written one is (``_binds_as_called``: a
        # decorated method's call, whose edge does not tell whether ``self`` is taken)
        return all(_binds_as_called(signature, replace(
            site, kwargs=written + tuple((name, ()) for name in sorted(names)), star=False,
            unpacks=0), bound, before) for names in passed)

    def _own_keywords(self, function: str, site: CallSite) -> frozenset[str] | None:
        """The names ``function``'s own parameters take by keyword, when ``site`` (a call it
        makes) unpacks only its ``**kwargs`` parameter; None otherwise."""
        definition = self._definition(self.head, function)
        if definition is None or definition.signature is None:
            return None
        parameters = definition.signature.parameters
        var_keyword = [p.name for p in parameters if p.kind is ParamKind.VAR_KEYWORD]
        spread = [values for name, values in site.kwargs if name == "**"]
        if not var_keyword or not spread or not all(
            expr and expr[0] == f"v:{function}|{var_keyword[0]}"
            for values in spread for expr in values
        ) or not all(spread):
            return None
        return keyword_names(parameters)

    def _forwarded_keywords(self, function: str, depth: int) -> list[frozenset[str]] | None:
        """The keyword names ``function``'s ``**kwargs`` holds, one set per head call of it
        (through callers that hand on their own ``**kwargs`` in turn, a few levels up); None
        when a call's keywords are not all seen (it unpacks another mapping, outside code or a
        wrapper makes it)."""
        known = self._forwarded.get(function)
        if known is not None or function in self._forwarded:
            return known
        self._forwarded[function] = None  # a cycle, or too deep: not seen
        definition = self._definition(self.head, function)
        if definition is None or definition.signature is None or depth > _FORWARD_DEPTH:
            return None
        own = keyword_names(definition.signature.parameters)
        found: list[frozenset[str]] = []
        for caller, kind in sorted(set(self.head.predecessors(function))):
            if kind != EdgeKind.CALLS:
                continue
            data = self.head.edge_data(caller, function, kind)
            calls = self._calls_of(self.head.module_of(caller))
            sites = _sites(calls, data, caller) if calls is not None else []
            if not sites or data.get("named") or data.get("callback"):
                return None
            for call, _ in sites:
                if call.implicit:
                    return None
                names = frozenset(n for n, _ in call.kwargs if n != "**") - own
                if not call.star or not call.unpacks & 2:
                    found.append(names)
                    continue
                if self._own_keywords(caller, call) is None:
                    return None
                above = self._forwarded_keywords(caller, depth + 1)
                if above is None:
                    return None
                found += [names | (more - own) for more in above]
        self._forwarded[function] = found
        return found

    def runs_as_before(self, change: Change, source: str, target: str) -> bool:
        """Does every call ``source`` makes to ``target`` behave as before the change
        (``CALLER_LOCAL``)? Judged on the head's call sites: each binds, and a renamed
        parameter's old name is not passed by keyword (a ``**kwargs`` would take it now), a
        parameter whose default changed is passed explicitly. Unknown shapes count as changed."""
        if change.kind not in CALLER_LOCAL or (change.old is None and change.new is None):
            return False
        data = self.head.edge_data(source, target, EdgeKind.CALLS)
        definition = self._definition(self.head, target)
        calls = self._calls_of(self.head.module_of(source))
        if not data or definition is None or definition.signature is None or calls is None:
            return False
        if data.get("named") or data.get("callback"):
            return False  # a wrapper, or outside code, makes the call: its shape is not seen
        sites = _sites(calls, data, source)
        if not sites:
            return False
        signature = definition.signature
        for written, bound in sites:
            site = self._spread_out(source, written)
            if site.star or call_binds(signature, site, bound) is not True:
                return False  # what is unpacked may pass the renamed or defaulted parameter
            keywords = {name for name, _ in site.kwargs}
            if change.kind is ChangeKind.PARAMETER_RENAMED:
                if change.old is None or change.old in keywords:
                    return False
            elif not passes(signature, site, bound, _parameter_of(change), keywords):
                return False
        return True

    def _requested_only(self, source: str, target: str) -> bool:
        """Is every head call site of ``source`` behind its call edge to ``target`` pytest's
        request of a fixture (``_fixture_request``), not a call the code writes?"""
        found = self._head_sites(source, target)
        return found is not None and all(_fixture_request(site) for site, _ in found[1])

    def _gives_its_value(self, fixture: str, head: bool, requester: str | None = None) -> bool:
        """Does pytest hand the requesters of ``fixture`` (in the head, or in the base), or
        ``requester`` alone, the value it returns or yields: it is no ``async def``, or
        pytest-asyncio runs it, by its configuration (``asyncio_mode = auto``:
        ``config.auto_mode_at``) or by ``@pytest_asyncio.fixture``, or anyio's plugin runs
        it for ``requester`` (``_anyio_runs_for``)? In strict mode a plain ``@pytest.fixture
        async def`` gives them the coroutine or async generator itself."""
        graph, revision = (self.head, self._revision_pair()[1]) if head \
            else (self.base, self._revision_pair()[0])
        if not head:
            module, _, qualname = fixture.partition(":")
            fixture = f"{self._renamed_from.get(module, module)}:{qualname}"
        definition = self._definition(graph, fixture)
        if definition is None or definition.signature is None:
            return False
        if not definition.signature.is_async:
            return True
        if requester is not None and self._anyio_runs_for(graph, revision, requester):
            return True
        return self._run_by_plugin(graph, revision, fixture, definition, self.asyncio_auto,
                                   PYTEST_ASYNCIO_FIXTURE)

    def _anyio_runs_for(self, graph: CodeGraph, revision: Revision, requester: str) -> bool:
        """Does anyio's pytest plugin run the async fixtures ``requester`` requests? It runs
        one for a test whose fixtures include ``anyio_backend``, which it adds to every
        ``async def`` test under ``anyio_mode = auto`` (``config.auto_mode_at`` on
        ``anyio_auto``) or marked ``@pytest.mark.anyio``; an async fixture requesting one is
        run by it for such tests alone. A plain ``def`` requester still gets the coroutine."""
        definition = self._definition(graph, requester)
        if definition is None or definition.signature is None:
            return False
        if "anyio_backend" in {p.name for p in definition.signature.parameters}:
            return True
        if not definition.signature.is_async:
            return False
        return self._run_by_plugin(graph, revision, requester, definition, self.anyio_auto,
                                   PYTEST_MARK_ANYIO)

    @staticmethod
    def _run_by_plugin(graph: CodeGraph, revision: Revision, symbol: str,
                       definition: Definition, modes: Sequence[tuple[str, bool]],
                       decorator: str) -> bool:
        """Does a pytest plugin run async ``symbol`` (``definition``): the configuration
        over its file says so (``modes``: ``config.auto_mode_at``), or ``decorator``
        marks it?"""
        module = symbol.partition(":")[0]
        if module in graph and auto_mode_at(modes, graph.path_of(module)):
            return True
        return any(revision.spelled(module, decorator_base(written)) == decorator
                   for written in definition.decorators)

    def _fixture_decorators_traded(self, change: Change) -> bool:
        """Did a ``decorator-changed`` of a fixture only trade fixture decorators
        (``_fixture_decorators_only``), the fixture giving its requesters its value in both
        revisions (``_gives_its_value``)? A plain ``@pytest.fixture async def`` of strict mode
        made ``@pytest_asyncio.fixture`` gives its value now, not a coroutine."""
        return (self._fixture_decorators_only(change)
                and self._gives_its_value(change.symbol, head=False)
                and self._gives_its_value(change.symbol, head=True))

    def _fixture_decorators_only(self, change: Change) -> bool:
        """Did a ``decorator-changed`` only add or remove fixture decorators (pytest's,
        pytest-asyncio's: ``FIXTURE_DECORATORS``)?"""
        parts = change.detail.split()
        if not parts or not all(part[:1] in "+-" for part in parts):
            return False  # ``arguments of @...``: not a trade
        spelled = [revision.spelled(module, part[1:]) for part in parts
                   for revision, module in (self._decorator_side(change, part),)]
        return all(name in FIXTURE_DECORATORS for name in spelled)

    def _uses_the_coroutine(self, source: str, target: str) -> bool:
        """Does head code ``source``, a requester of fixture ``target``, use the parameter
        pytest hands it for the fixture as the coroutine or async generator a plain async
        fixture of strict mode gave: awaits it, iterates it with ``async for``, asks it for its
        next item, calls a method only those have (``COROUTINE_USES``), or hands it to a
        function of ``asyncio`` that awaits it (``asyncio.wait_for(connection, 5)``)? Read in
        the head's calls of the module on the parameter, in ``source`` and the functions it
        encloses."""
        found = self._head_sites(source, target)
        if found is None:
            return True
        names = {root.name for site, _ in found[1] for expr in site.callee if expr
                 for root in (parse_root(expr[0]),) if isinstance(root, FixtureRoot)}
        module, _, qualname = source.partition(":")
        keys = {f"v:{module}:{qualname}|{name}" for name in names}
        bare = {(key,) for key in keys}  # the parameter itself, as an argument
        summary = self.head.summaries.get(module)
        bindings = self._bindings_of(summary) if summary is not None else {}
        for site in self._calls_of(module) or ():
            if any(len(expr) > 1 and expr[0] in keys and expr[1] in COROUTINE_USES
                   for expr in site.callee):
                return True
            handed = any(values and all(expr in bare for expr in values)
                         for values in (*site.args, *(kept for _, kept in site.kwargs)))
            if handed and site.callee and all(_asyncio_runner(expr, bindings)
                                              for expr in site.callee):
                return True
        return False

    def _fixture_in_base(self, symbol: str) -> bool:
        """Was ``symbol`` a fixture function in the base (of its module, or of the module's
        old name)?"""
        module, _, qualname = symbol.partition(":")
        for name in (module, self._renamed_from.get(module)):
            summary = self.base.summaries.get(name) if name is not None else None
            if summary is not None and f"{name}:{qualname}" in fixture_functions(summary):
                return True
        return False

    def _old_definition(self, symbol: str) -> Definition | None:
        """``symbol``'s base definition: of its name, else, in a renamed module, of its name
        in the module's old name (jupyter_client 8.0 moved ``jupyter_client.tests`` to
        ``tests``; the diff compared each definition with its old self)."""
        found = self._definition(self.base, symbol)
        if found is None and ":" in symbol:
            module, _, qualname = symbol.partition(":")
            was = self._renamed_from.get(module)
            if was is not None:
                found = self._definition(self.base, f"{was}:{qualname}")
            elif "." not in qualname:
                # a function the module imported and defines now was the one it imported,
                # as the diff compared them (jsonrpcserver 5.0 moved ``validate_args`` from
                # ``methods`` into ``dispatcher``, which imported it)
                imported = self._revision_pair()[0].resolve_in(module, qualname)
                if imported is not None and ":" in imported and imported != symbol:
                    found = self._definition(self.base, imported)
        return found

    def _definition(self, graph: CodeGraph, symbol: str) -> Definition | None:
        module, _, qual = symbol.partition(":")
        summary = graph.summaries.get(module)
        if summary is None:
            return None
        for definition in summary.definitions:
            if definition.qualname == qual:
                if definition.synthetic and (graph is self.head or graph is self.base):
                    # a dataclass's generated ``__init__`` takes its bases' fields too
                    base, head = self._revision_pair()
                    return (head if graph is self.head else base).definition(symbol)
                return definition
        return None

    def _read_tolerantly(self, source: str, target: str) -> bool:
        """Does ``source``'s head code read ``target``'s name only in ways that survive its
        absence (``getattr(obj, "name", None)``, ``hasattr``, a read under ``if hasattr(...)``
        or in a ``try`` catching ``AttributeError``: ``FileSummary.tolerant_reads``)?"""
        summary = self.head.summaries.get(self.base.module_of(source))
        return summary is not None and (source, spelled_name(target)) in \
            self._tolerant_of(summary)

    def _tolerant_of(self, summary: FileSummary) -> frozenset[tuple[str, str]]:
        known = self._tolerant.get(summary.module)
        if known is None:
            known = self._tolerant[summary.module] = frozenset(summary.tolerant_reads)
        return known

    def still_uses(self, source: str, target: str, module: str | None = None,
                   renamed: Change | None = None) -> bool:
        """A base-graph user of something removed, unless the change also updated it.

        ``module``: a whole module went (removed or moved, by change ``renamed``); its user is
        updated when it no longer imports it (the functions it called may live on elsewhere),
        or finds it in its own folder (``_found_beside``).
        """
        user = self.base.module_of(source)
        new = self.head.summaries.get(user)
        if new is None:
            return False  # the user is gone too
        owner, _, qualname = target.partition(":")
        if module is None and qualname and "." not in qualname and \
                self._served_through_sys_modules(f"{owner}.{qualname}"):
            return False  # its module may be another one at run time
        # An unchanged user is judged like an updated one: by what its code spells. A base edge
        # can come from a value that merely flowed into it (an argument, a fixture), and the
        # code that receives a value breaks nothing; the code naming the removed thing does.
        # An import in a ``try`` whose handler catches the ImportError and binds the name
        # again (``guarded``) does not fail: python-jose 3.3 removed its pycrypto backend,
        # which ``jose/backends/__init__.py`` still tries before falling back to another
        if module is not None:
            return any(
                (target == module or target.startswith(module + "."))
                and not self._member_imported(binding, target)
                and not self._through_namespace(module, target)
                and not self._served_through_sys_modules(target)
                and not (renamed is not None and self._found_beside(renamed, new, target))
                for binding in new.imports if not binding.guarded
                for target in (self._head_import(binding.target),)
            )
        if any(b.guarded for b in new.imports):
            new = replace(new, imports=tuple(b for b in new.imports if not b.guarded))
        elsewhere = self._linked_elsewhere(new, source, target) | _on_builtin_items(
            new, source, target)
        if elsewhere:
            new = replace(new, calls=tuple(
                site for index, site in enumerate(new.calls) if index not in elsewhere))
        # a module's node is the code its import runs: a function of it spelling the name
        # is a node of its own, with its own edge when it used the removed thing
        return self._mentions(new, source, target, removed=True, nested=":" in source)

    def _linked_elsewhere(self, summary: FileSummary, source: str, target: str) -> set[int]:
        """The calls of ``source``'s code (indexes in ``summary.calls``) that spell the name
        of removed member ``target`` (``obj.request(...)``) and that the head links, on a
        receiver it knows to be an instance of that very class, only to a method of that
        name of a class of ours unrelated to ``target``'s: no call of the removed one.
        gspread 6.0 removed ``Client.request``; ``Client``'s methods call
        ``self.http_client.request(...)``, an ``HTTPClient``'s. A call whose receiver may
        be of another class too is linked to the methods it has, and stays a use: the
        class may be one whose method went, which the head cannot link."""
        owner, _, name = target.rpartition(".")
        if ":" not in owner or not name or source not in self.head:
            return set()
        wanted = "." + name
        scopes = {site.scope for site in summary.calls
                  if any(expr and expr[-1] == wanted for expr in site.callee)
                  and (site.scope == source or site.scope.startswith(source + "."))}
        found: dict[int, bool] = {}
        for scope in scopes:
            if scope not in self.head:
                continue
            for linked, kind in self.head.successors(scope):
                if kind != EdgeKind.CALLS:
                    continue
                data = self.head.edge_data(scope, linked, kind)
                cls, _, member = linked.rpartition(".")
                linked_there = (member == name and ":" in cls
                                and not data.get("dispatch") and not data.get("dynamic")
                                and not data.get("poly") and self.is_ours(cls.partition(":")[0])
                                and self._unrelated(cls, owner))
                exact = linked_there and self._exact_receivers(data, cls)
                for index, _ in data.get("sites", ()):
                    certain = exact or (linked_there and (
                        self._annotated_receiver(summary, summary.calls[index], wanted, cls,
                                                 owner)
                        or self._class_named(summary, summary.calls[index], wanted, cls)))
                    found[index] = found.get(index, True) and certain
        for index, site in enumerate(summary.calls):
            if (site.scope == source or site.scope.startswith(source + ".")) \
                    and self._through_super(site, wanted, owner):
                found[index] = True
        return {index for index, certain in found.items()
                if certain and any(expr and expr[-1] == wanted
                                   for expr in summary.calls[index].callee)}

    def _through_super(self, site: CallSite, wanted: str, owner: str) -> bool:
        """Is every callee of ``site`` spelling ``wanted`` (``.name``) read off ``super()``
        in a class of ours that is unrelated to ``owner``, and does no class of ours derive
        from both? ``super()`` then follows the ancestry of the calling class, which holds
        no ``owner``. matplotlib 3.10 decorated ``FontProperties.__init__``; the head links
        ``FontProperties(size=s)`` to the decorator's wrapper, and every ``__init__`` calling
        ``super().__init__()`` (``Legend``'s, ``AnchoredOffsetbox``'s) was read as still
        calling it by name, its call no longer resolving."""
        spelled = [expr for expr in site.callee if expr and expr[-1] == wanted]
        if not spelled or not all(len(expr) == 3 and expr[0].startswith("s:")
                                  and expr[1] == SUPER_OF for expr in spelled):
            return False
        head = self._revision_pair()[1]
        for expr in spelled:
            cls = expr[0][2:]
            found = head.definition(cls)
            if found is None or found.kind is not SymbolKind.CLASS \
                    or not self._unrelated(cls, owner) or self._derived_from_both(cls, owner):
                return False
        return True

    def _class_named(self, summary: FileSummary, site: CallSite, wanted: str,
                     cls: str) -> bool:
        """Is every callee of ``site`` spelling ``wanted`` (``.name``) that member read
        straight off class ``cls`` named by module-level names (``Base.__init__(self, ...)``,
        ``api.Base.__init__``)?"""
        head = self._revision_pair()[1]
        spelled = [expr for expr in site.callee if expr and expr[-1] == wanted]
        return bool(spelled) and all(
            len(expr) > 1 and _names(head, summary.module, expr[:-1]) == cls
            for expr in spelled)

    def _annotated_receiver(self, summary: FileSummary, site: CallSite, wanted: str,
                            cls: str, owner: str) -> bool:
        """Is every receiver of ``site``'s calls spelling ``wanted`` (``.name``) a parameter
        of the calling function annotated with class ``cls`` (by its name, or a name imported
        as it), and does no class of ours derive from both ``cls`` and ``owner``? masonite
        4.0 moved ``redirect`` from ``Request`` to ``Response``; its controllers' ``store(
        self, request: Request, response: Response)`` now call ``response.redirect(...)``,
        whose receiver the linker links by the annotation (no ``recv`` entry: a subclass may
        be passed)."""
        definition = self._definition(self.head, site.scope)
        if definition is None or definition.signature is None:
            return False
        aliases = _class_names(summary, cls)
        annotated = {p.name for p in definition.signature.parameters
                     if p.annotation is not None and p.annotation.strip("'\"") in aliases}
        spelled = [expr for expr in site.callee if expr and expr[-1] == wanted]
        return bool(spelled) and all(
            len(expr) == 2 and expr[0] in {f"v:{site.scope}|{p}" for p in annotated}
            for expr in spelled) and not self._derived_from_both(cls, owner)

    def _derived_from_both(self, one: str, other: str) -> bool:
        """Does a class of ours, in either revision, derive from both classes?"""
        key = (one, other)
        found = self._derived_from.get(key)
        if found is None:
            found = self._derived_from[key] = any(
                one in mro and other in mro
                for revision in self._revision_pair() for module in sorted(revision.summaries)
                for definition in revision.definitions(module).values()
                if definition.kind is SymbolKind.CLASS
                for mro in (revision.mro(f"{module}:{definition.qualname}"),))
        return found

    @staticmethod
    def _exact_receivers(data: Mapping[str, Any], cls: str) -> bool:
        """Does every ``recv`` entry of a call edge say its receiver is an instance of
        ``cls`` itself (``=cls``)?"""
        entries = data.get("recv") or ()
        return bool(entries) and all(receiver == "=" + cls for _, receiver in entries)

    def _unrelated(self, cls: str, other: str) -> bool:
        """Is neither class an ancestor of the other, in either revision?"""
        for revision in self._revision_pair():
            if other in revision.mro(cls) or cls in revision.mro(other):
                return False
        return True

    def _mentions(self, summary: FileSummary, scope: str, target: str,
                  removed: bool = False, nested: bool = True) -> bool:
        """``removed``: ``target`` is gone, so a module of ours that now gives a name a
        definition of its own (a class moved there), or one it imports from where it moved,
        does not spell it when imported from. ``nested``: see ``mentions``. ``summary`` is a
        head summary, or one with parts of it left out: a module that spells not even the
        symbol's last name is read no further (``may_spell``)."""
        module, _, qualname = target.partition(":")
        if (f"{module}.{qualname}" if qualname else module) not in self._module_paths_of() \
                and not may_spell(self._spelled_by(summary.module), target):
            return False
        return mentions(summary, scope, target, self.is_ours, self._bindings_of(summary),
                        self._head_import, self._head_defines if removed else None, nested)

    def _head_defines(self, module: str, name: str) -> bool:
        """Does head module ``module`` bind top-level ``name`` to a definition of ours, its
        own or one it imports (attrs 25.1: ``attr/__init__.py`` imports ``evolve`` from
        ``attr._make``, where it moved from ``attr._funcs``), or serve it by its
        ``__getattr__`` (werkzeug 3.1's ``datastructures.OrderedMultiDict``, deprecated)?"""
        summary = self.head.summaries.get(module)
        if summary is None:
            return False
        if name in summary.getattr_names or any(d.qualname == name for d in summary.definitions):
            return True
        if _declared_and_filled(summary, name):
            return True
        found = self._revision_pair()[1].resolve_in(module, name)
        return found is not None and ":" in found

    def _bindings_of(self, summary: FileSummary) -> dict[str, tuple[Expr, ...]]:
        """A head summary's variable bindings as a dict, made once per module."""
        bindings = self._bindings.get(summary.module)
        if bindings is None:
            bindings = self._bindings[summary.module] = dict(summary.bindings)
        return bindings

    def is_ours(self, dotted: str) -> bool:
        """A module of the code base, in either revision (what a name can be imported from)."""
        return dotted in self.base.summaries or dotted in self.head.summaries

    # -- import-time breaks ---------------------------------------------------------------
    def import_breaks(self, walk: Walk) -> None:
        """Modules that fail at import time, and every module importing them in turn."""
        graph = walk.graph
        in_base = graph is self.base and self.base is not self.head
        broken: list[tuple[State, bool]] = []
        for state, depth in walk.depth.items():
            node = state[0]
            if depth != 1 or node not in walk.broken:
                continue
            parent = walk.parent[state]
            if parent is None:
                continue
            seed = parent[0]
            if (":" not in node or EdgeKind.INHERITS in graph.edge_kinds(node, seed)) \
                    and walk.change is not None \
                    and walk.change.kind is ChangeKind.BASE_REMOVED \
                    and not self._lost_at_import(node, walk.change):
                continue  # broken when its code runs, not when it is imported
            if ":" not in node:
                breaks = None if walk.change is None else partial(
                    self.breaks, graph, walk.change, node, seed)
                if fails_on_import(graph, node, seed, breaks):
                    broken.append((state, False))
            elif EdgeKind.INHERITS in graph.edge_kinds(node, seed):
                broken.append((state, False))
            else:  # a broken function that module code calls (a class statement's metaclass)
                broken.append((state, True))
        # module code reading, off a subclass, a name the class lost with its base
        broken += [(state, False) for state in sorted(walk.past_subclass) if ":" not in state[0]]

        def still_imports(source: str, member: str) -> bool:
            # the importer is gone, or no longer imports it
            return not in_base or self.head.has_edge(source, member, EdgeKind.IMPORTS)

        break_imports(walk, broken, self.max_depth, self.import_closure, in_head=(
            None if not in_base else lambda s, t: bool(
                self.head.edge_kinds(s, t) & {EdgeKind.CALLS, EdgeKind.REFERENCES})
        ), still_imports=still_imports,
            skip_generated=graph is self.head, runs_body=self._runs_body)

    def _runs_body(self, graph: CodeGraph, source: str, target: str) -> bool:
        """Does ``source``'s call of ``target`` run ``target``'s body? Not when ``target`` is
        an undecorated generator function and each of those calls stores the generator it
        makes on an attribute, nothing else on the line using it (plac 1.4's
        ``BaseTask.__init__`` does ``self._genobj = self._wrap(genobj)``, and a task made at
        import time does not run ``_wrap``, whose ``except Interpreter.Exit`` names a class
        the release took away): it runs when iterated, later, by code the climb does not
        follow from here."""
        if target not in graph or not graph.node(target).get("generator"):
            return True  # asked first: the definition is in a summary that may not be decoded
        definition = self._definition(graph, target)
        signature = definition.signature if definition is not None else None
        if definition is None or signature is None or not signature.is_generator \
                or definition.decorators:
            return True
        calls = (self._base_calls_of(source) if graph is self.base
                 else self._calls_of(graph.module_of(source)))
        if calls is None:
            return True
        sites = _sites(calls, graph.edge_data(source, target, EdgeKind.CALLS), source)
        return not sites or not all(_stored_only(site, calls) for site, _ in sites)

    def export_importers(self, change: Change) -> Walk | None:
        """``export-removed``: who imports the name from the module that stopped exporting it."""
        package, _, name = change.symbol.partition(":")
        dotted = f"{package}.{name}"
        walk = Walk(self.base, self.gateways)
        start: State = (change.symbol, False, None)
        walk.visit(start, None, 0)
        found = False
        for module, summary in sorted(self.base.summaries.items()):
            if module == package:
                continue
            for binding in summary.imports:
                if binding.type_checking or self.base.imported_as(binding.target) != dotted:
                    continue
                source = binding.scope
                if source not in self.base or source not in self.head:
                    continue  # a module deleted by the change imports nothing
                found = True
                if self.still_imports(module, dotted, change.breaks_code):
                    walk.broken.add(source)
                following = walk.step(start, source)
                walk.visit(following, start, 1)
        return walk if found else None

    def head_importers(self, change: Change) -> Walk | None:
        """Head code importing a name the change took away (it fails at import time), or
        calling a removed function through its module (``lib.fetch()``: it fails when run).

        The base graph cannot show a user the change itself added (a new module, a new import
        line, a new call), so the head's summaries are read for the gone path.
        """
        dotted = self._gone_path(change)
        if dotted is None:
            return None
        walk = Walk(self.head, self.gateways)
        start: State = (change.symbol, False, None)
        walk.visit(start, None, 0)
        owner = change.symbol.partition(":")[0]
        by_attribute = change.kind in REMOVALS and ":" in change.symbol
        # ``__all__`` still promises the name: ``from owner import *`` fails at import time
        promised = self._still_promised(change)
        # a submodule of the head took the name (httpie 3.2.2 made ``nested_json`` a package
        # whose ``parse`` and ``interpret`` modules replace its functions of those names): a
        # path below it is that module's, which the head has
        module_now = self._head_import(dotted) in self.head.summaries
        # a module's calls spell the path only where they spell its last name, unless a module
        # named below it gives an import path that name (``through_paths``): read them all then
        spelled_anywhere = dotted in self._module_paths_of()
        # a package left as a namespace package imports what is below it as before
        namespace = change.kind in (ChangeKind.MODULE_REMOVED, ChangeKind.MODULE_RENAMED)
        users: list[str] = []
        for module, summary in sorted(self.head.summaries.items()):
            imports_owner = False
            for binding in summary.imports:
                target = self._head_import(binding.target)
                imports_owner |= target == owner or target.startswith(owner + ".")
                if binding.type_checking or binding.guarded or (
                        target == dotted and self._member_imported(binding, target)):
                    continue
                if (target == dotted or (target.startswith(dotted + ".") and not module_now) or (
                    promised and binding.name == "*" and target == owner
                )) and not (namespace and self._through_namespace(dotted, target)) \
                        and not self._served_through_sys_modules(target) \
                        and not self._found_beside(change, summary, target):
                    users.append(binding.scope)
            if by_attribute and imports_owner and module != owner and (
                spelled_anywhere or may_spell(self._spelled_by(module), dotted)
            ):
                # ``import lib`` ... ``lib.fetch()``: a call that fails when it runs
                users += calls_path(summary, change.symbol, self._bindings_of(summary),
                                    self._head_import, module_now, self._head_defines)
        found = False
        for user in users:
            if user not in self.head:
                continue
            found = True
            walk.broken.add(user)
            walk.visit(walk.step(start, user), start, 1)
        return walk if found else None

    def _found_beside(self, change: Change, importer: FileSummary, target: str) -> bool:
        """Does head module ``importer`` find module ``target``, renamed by ``change``, in its
        own folder? A folder of scripts that gains an ``__init__.py`` gives its modules dotted
        names; a script's ``import items`` still finds the ``items.py`` beside it through its
        own folder, first on the module path when it runs. Not so for test code: pytest puts
        the first folder above a test module without an ``__init__.py`` on the path, which
        the new file moved up."""
        if change.kind is not ChangeKind.MODULE_RENAMED or target != change.symbol:
            return False
        if is_test_path(importer.path, self.test_patterns):
            return False
        beside = posixpath.join(posixpath.dirname(importer.path), *target.split("."))
        if self._head_paths is None:  # every head module by its file (asked per importer)
            self._head_paths = {summary.path: module
                                for module, summary in self.head.summaries.items()}
        return any((module := self._head_paths.get(path)) is not None
                   and (module == target or module.endswith("." + target))
                   for path in (f"{beside}.py", f"{beside}/__init__.py"))

    def _spelled_by(self, module: str) -> frozenset[str]:
        """The names head module ``module`` spells (``spelled_names``), read once per module."""
        names = self._spelled.get(module)
        if names is None:
            names = self._spelled[module] = spelled_names(self.head.summaries[module])
        return names

    def _module_paths_of(self) -> frozenset[str]:
        """Every module of either revision and every package path above one."""
        if self._module_paths is None:
            paths: set[str] = set()
            for module in (*self.base.summaries, *self.head.summaries):
                while module and module not in paths:
                    paths.add(module)
                    module = module.rpartition(".")[0]
            self._module_paths = frozenset(paths)
        return self._module_paths

    def _gone_path(self, change: Change) -> str | None:
        """The dotted import path the change made unimportable, if it is one."""
        module, _, qualname = change.symbol.partition(":")
        if change.kind in (ChangeKind.MODULE_REMOVED, ChangeKind.MODULE_RENAMED):
            return None if module in self.head.summaries else module
        if change.kind is ChangeKind.EXPORT_REMOVED:
            return f"{module}.{qualname}" if change.breaks_code else None
        if change.kind not in REMOVALS or not qualname or "." in qualname:
            return None
        summary = self.head.summaries.get(module)
        if summary is None:
            return f"{module}.{qualname}"
        provided = (
            summary.has_getattr
            or any(d.qualname == qualname for d in summary.definitions)
            or any(b.scope == module and b.name in (qualname, "*") for b in summary.imports)
        )
        return None if provided else f"{module}.{qualname}"

    def _still_promised(self, change: Change) -> bool:
        """Does the head module's ``__all__`` still list the top-level name the change took
        away? A star import of the module then fails (more-itertools' ``recipes.matmul``)."""
        module, _, qualname = change.symbol.partition(":")
        if change.kind not in REMOVALS or not qualname or "." in qualname:
            return False
        return qualname in (self._revision_pair()[1].exported(module) or ())

    def still_imports(self, module: str, dotted: str, breaking: bool) -> bool:
        if not breaking or self._served_through_sys_modules(dotted):
            return False
        new = self.head.summaries.get(module)
        return new is not None and any(self._head_import(b.target) == dotted
                                       for b in new.imports if not b.guarded)

    def _head_import(self, dotted: str) -> str:
        """A head import path as the modules are named (``CodeGraph.imported_as``): in the
        head, else in the base (``lib.m`` of a ``lib/m.py`` the change removed is ``m``)."""
        known = self._head_imports.get(dotted)
        if known is not None:
            return known
        named = self.head.imported_as(dotted)
        if named == dotted and not self._names_head_module(dotted):
            named = self.base.imported_as(dotted)
        # else a path through a module the head has is that module, whatever the base named
        # it (vcrpy 6.0 made ``tests/`` a package: its ``tests.assertions`` was the base's
        # top-level ``assertions``, renamed, and every test importing it was broken)
        self._head_imports[dotted] = named
        return named

    def _member_imported(self, binding: ImportBinding, dotted: str) -> bool:
        """Does ``from m import name`` (``binding``, its path ``dotted`` as the head's modules
        are named) import no module of the head but a top-level name head module ``m``
        defines (urllib3 2.0 renamed the module ``urllib3.request`` to ``_request_methods``
        and gave ``urllib3`` a function ``request``: ``from urllib3 import request`` imports
        that; ``import urllib3.request`` fails)?"""
        if not binding.is_from or dotted in self.head.summaries:
            return False
        module, _, name = dotted.rpartition(".")
        return bool(module) and module in self.head.summaries and self._head_defines(module,
                                                                                     name)

    def _through_namespace(self, package: str, dotted: str) -> bool:
        """Does an import of ``dotted`` still work through removed package ``package``,
        which the head keeps as a namespace package (modules are left under it): ``dotted``
        is the package, one of the modules left under it or a name of one? zc.lockfile 4.0
        dropped ``zc/__init__.py`` (``pkg_resources``' ``declare_namespace``) for a PEP 420
        namespace package; ``import zc.lockfile`` imports as before. masonite 4.0 dropped
        ``masonite/drivers/__init__.py`` and kept ``masonite/drivers/queue/``: ``from
        ..drivers.queue import AMQPDriver`` imports as before, while a name the old
        ``__init__.py`` gave (``from masonite.drivers import BaseDriver``) is gone with it
        (unless it gave none: ``left_as_namespace``)."""
        summaries = self.head.summaries
        prefix = package + "."
        left = self._namespaces.get(package)
        if left is None:
            old = self.base.summaries.get(package)
            left = _NO_NAMESPACE
            if old is not None and left_as_namespace(old, summaries):
                left = _DECLARED_NAMESPACE
            elif old is not None and any(module.startswith(prefix) for module in summaries):
                left = _NAMESPACE
            self._namespaces[package] = left
        if left == _NO_NAMESPACE:
            return False
        if dotted == package:
            return True
        while dotted.startswith(prefix):  # a module under the package, or a name of one
            if dotted in summaries:
                return True
            dotted = dotted.rpartition(".")[0]
        return left == _DECLARED_NAMESPACE and dotted == package

    def _served_through_sys_modules(self, dotted: str) -> bool:
        """May an import of ``dotted`` (a module the head lacks) be served at run time by a
        head package above it that stores modules into ``sys.modules`` under a computed key
        (``sys.modules[name.replace(...)] = module``)? elasticsearch-dsl 8.18 became a shim
        of ``elasticsearch.dsl``, its ``__init__`` aliasing every module of that package
        under ``elasticsearch_dsl``; its tests import ``elasticsearch_dsl.field`` as before.
        Not a certain break: 'broken' is an import that surely fails."""
        summaries = self.head.summaries
        package = dotted.rpartition(".")[0]
        while package:
            stores = self._sys_modules_stores.get(package)
            if stores is None:
                summary = summaries.get(package)
                stores = self._sys_modules_stores[package] = (
                    summary is not None and _stores_into_sys_modules(summary))
            if stores:
                return True
            package = package.rpartition(".")[0]
        return False

    def _names_head_module(self, dotted: str) -> bool:
        """Is ``dotted``, or a prefix of it, a module of the head?"""
        summaries = self.head.summaries
        while dotted:
            if dotted in summaries:
                return True
            dotted = dotted.rpartition(".")[0]
        return False


def _stores_into_sys_modules(summary: FileSummary) -> bool:
    """Does the module store into ``sys.modules`` (imported as ``sys``) under a key not
    written as a constant?"""
    local = {binding.name for binding in summary.imports
             if binding.target == "sys" and not binding.is_from}
    if not local:
        return False
    return any(
        attribute == "[]" and any(
            len(expr) == 2 and expr[1] == ".modules"
            and expr[0].rpartition("|")[2] in local and expr[0].startswith("v:")
            for expr in targets)
        for targets, attribute, _ in summary.attribute_stores)


# What a module's ``globals()`` is updated through at its top level
_NAMESPACE_FILLERS = frozenset({".update", ".setdefault", ".__setitem__"})


def _declared_and_filled(summary: FileSummary, name: str) -> bool:
    """Does module ``summary`` import ``name`` under ``if TYPE_CHECKING:`` alone, for static
    readers, while its top-level code fills its namespace when it runs
    (``globals().update({...})``)? trio 0.23's ``trio.socket`` copies the ``socket`` module's
    constants so, and lists them in such an import: the module has the name."""
    module = summary.module
    return {binding.type_checking for binding in summary.imports
            if binding.name == name and binding.scope == module} == {True} and any(
        site.scope == module and any(
            len(expr) == 3 and expr[0] in ("b:globals", "b:vars") and expr[1] == "( 0 )"
            and expr[2] in _NAMESPACE_FILLERS for expr in site.callee)
        for site in summary.calls)


def _spells(site: CallSite, method: str) -> bool:
    """A call written ``receiver.method(...)``: every value of its callee reads ``method``."""
    return bool(site.callee) and not site.implicit and all(
        expr and expr[-1] == "." + method for expr in site.callee)


def _stored_only(site: CallSite, calls: Sequence[CallSite]) -> bool:
    """Is what ``site``'s call gives stored on an attribute (``self.gen = make()``), and
    neither iterated, awaited, entered nor used otherwise on its line (``list(make())``,
    ``make().send(None)``: an expression that goes on from the call)?"""
    if site.iterated or site.awaited or site.entered:
        return False
    stored = False
    for other in calls:
        if other is site or other.scope != site.scope or other.line != site.line:
            continue
        exprs = [*other.callee, *(e for arg in other.args for e in arg),
                 *(e for _, values in other.kwargs for e in values)]
        for expr in exprs:
            if any(len(expr) > len(made) and expr[:len(made)] == made for made in site.callee):
                return False
        stored |= any(expr[-1:] and expr[-1].startswith("!set:") for expr in other.callee)
    return stored


def _names_callee(site: CallSite, target: str) -> bool:
    """Does a value of the call's callee spell the function's own name (``fail_after(...)``,
    ``obj.fail_after(...)``), rather than a variable or attribute holding it?"""
    name = target.partition(":")[2].rpartition(".")[2]
    return any(expr and (expr[-1] == "." + name or (
        len(expr) == 1 and re.split(r"[|:.]", expr[0])[-1] == name))
        for expr in site.callee)


def _written_alike(site: CallSite, other: CallSite) -> bool:
    """Are two call sites (of two revisions) the same call as written: in the same scope,
    of the same callee, passing as many values by position, the same keywords and unpacking
    alike? Local variables' versions (``<2>|disp``) are left out: an edit above renumbers
    them."""
    return (site.scope == other.scope and site.unpacks == other.unpacks
            and len(site.args) == len(other.args)
            and [name for name, _ in site.kwargs] == [name for name, _ in other.kwargs]
            and _unversioned(site.callee) == _unversioned(other.callee))


def _unversioned(values: tuple[Expr, ...]) -> set[Expr]:
    """Expressions with their variables' versions left out (``v:m:f|<2>|x`` -> ``v:m:f|x``)."""
    return {(_unversioned_key(expr[0]), *expr[1:]) if expr else expr
            for expr in values}


def _unversioned_key(key: str) -> str:
    """A variable key with its local version left out (``v:m:f|<2>|x`` -> ``v:m:f|x``)."""
    return _VERSION.sub("|", key)


_VERSION = re.compile(r"\|<\d+>\|")


def _call_key(call: CallSite, bound: bool) -> tuple[int, frozenset[str], bool]:
    """What a call passes, for telling one call of a function from another: how many
    arguments by position, which by name, and whether through an instance."""
    return len(call.args), frozenset(name for name, _ in call.kwargs), bound


def _partial_of(revision: Revision, calls: Sequence[CallSite], source: str,
                target: str) -> CallSite | None:
    """The one call of ``source`` (its own code, not a nested function's) making a
    ``functools.partial`` of ``target`` with arguments (``partial(f, a, b=1)``), with no
    ``*``/``**`` unpacked, spelled by module-level names; None when there is not exactly one."""
    module = source.partition(":")[0]
    found = [site for site in calls
             if site.scope == source and _may_make_partial(site)
             and any(_names(revision, module, expr) == "functools.partial"
                     for expr in site.callee)
             and any(_names(revision, module, expr) == target for expr in site.args[0])]
    if len(found) != 1 or found[0].star or (len(found[0].args) < 2 and not found[0].kwargs):
        return None
    return found[0]


def _binds_through(signature: Signature, call: CallSite, bound: bool,
                   partials: Sequence[CallSite]) -> bool:
    """Does a call made through one of these ``functools.partial`` calls of the function bind
    its signature? The partial passes its positional arguments first and its keywords, which
    the call's own keywords override."""
    given = {name for name, _ in call.kwargs}
    return any(
        call_binds(signature, replace(
            call, args=(*made.args[1:], *call.args),
            kwargs=(*(kw for kw in made.kwargs if kw[0] not in given), *call.kwargs)),
            bound) is True
        for made in partials)


def _may_make_partial(site: CallSite) -> bool:
    """Is a call spelled ``partial(...)`` or ``<name>.partial(...)``, with arguments?"""
    return bool(site.args) and any(
        expr[-1] == ".partial" or (len(expr) == 1 and expr[0].endswith("|partial"))
        for expr in site.callee if expr)


def _names(revision: Revision, module: str, expr: Expr) -> str | None:
    """What an expression of module-level names and attributes (``functools.partial``,
    ``merge``) is: a symbol of ours, or the dotted path its imports spell."""
    dotted = _dotted(module, expr)
    if dotted is None:
        return None
    return revision.resolve_in(module, dotted) or revision.spelled(module, dotted)


def _dotted(module: str, expr: Expr) -> str | None:
    """An expression of module-level names and attributes of ``module`` as it is written
    (``functools.partial``); None for any other expression."""
    root = parse_root(expr[0]) if expr else None
    prefix = f"v:{module}:|"
    if not isinstance(root, Variable) or not root.key.startswith(prefix) \
            or not all(op.startswith(".") and op[1:].isidentifier() for op in expr[1:]):
        return None
    return ".".join((root.key[len(prefix):], *(op[1:] for op in expr[1:])))


def _alias_spellings(revision: Revision, symbol: str) -> frozenset[str]:
    """The outside dotted names module variable ``symbol`` (``module:name``) is bound to in
    the branches of its module (``validate_call = pydantic.validate_call``, and
    ``= pydantic.validate_arguments`` in an ``else``)."""
    module, _, name = symbol.partition(":")
    summary = revision.summaries.get(module)
    if summary is None or not name.isidentifier():
        return frozenset()
    written = (_dotted(module, value) for value in dict(summary.bindings).get(
        f"v:{module}:|{name}", ()))
    return frozenset(revision.spelled(module, dotted) for dotted in written
                     if dotted is not None)


def _on_self(site: CallSite, scope: str, name: str) -> bool:
    """Is ``site`` a call ``self.name(...)`` in method ``scope``, and nothing else?"""
    return site.callee == ((f"v:{scope}|self", "." + name),)


# Standard functions (and unittest's and pytest's) that call what they are handed with the
# arguments written after it, and where it is handed (``assertRaises(exc, callable, *args,
# **kwargs)``): by the dotted path the module spells, or by a ``TestCase`` method's name
FORWARDING = {"pytest.raises": 1, "pytest.warns": 1, "pytest.deprecated_call": 0,
              "asyncio.to_thread": 0}
TEST_CASE_FORWARDING = {"assertRaises": 1, "assertWarns": 1, "assertRaisesRegex": 2,
                        "assertWarnsRegex": 2, "assertRaisesRegexp": 2, "failUnlessRaises": 1,
                        "addCleanup": 0, "addClassCleanup": 0, "addAsyncCleanup": 0}
# Those of them that pass when the call raises the exception handed first, with no pattern
# its message must match
EXPECTING_RAISE = frozenset({"assertRaises", "failUnlessRaises", "pytest.raises"})


def _forwarding_position(revision: Revision, module: str,
                         site: CallSite) -> tuple[int, str] | None:
    """The position at which call ``site`` hands a callable to a ``FORWARDING`` function
    (``pytest.raises``) or a ``TEST_CASE_FORWARDING`` method of ``self`` or ``cls`` in a
    method (``self.assertRaises``), which call it with the arguments written after it, and
    that function's key; None for any other call, or one that unpacks (``*args``: the
    position is not known)."""
    if site.star or len(site.callee) != 1:
        return None
    expr = site.callee[0]
    if (len(expr) == 2 and expr[1][1:] in TEST_CASE_FORWARDING
            and expr[0].startswith("v:") and expr[0].rpartition("|")[2] in ("self", "cls")
            and ":" in expr[0] and "." in expr[0].partition(":")[2].partition("|")[0]):
        return TEST_CASE_FORWARDING[expr[1][1:]], expr[1][1:]
    name = _names(revision, module, expr) or ""
    return (FORWARDING[name], name) if name in FORWARDING else None


def _own_method(revision: Revision, scope: str, expr: Expr) -> str | None:
    """The method ``self.name`` is in method ``scope`` of a class of ours: the class's own,
    or the one its bases give (disnake 2.10's ``partial(self.remove_modal, user_id)`` in
    ``ModalStore.add_modal``); None for any other expression."""
    owner = revision.owner_class(scope)
    if owner is None or len(expr) != 2 or expr[0] != f"v:{scope}|self" \
            or not expr[1].startswith(".") or not expr[1][1:].isidentifier():
        return None
    name = expr[1][1:]
    if revision.definition(f"{owner}.{name}") is not None:
        return f"{owner}.{name}"
    return revision.inherited(owner, name)[0]


def _changed_decorators(change: Change) -> list[str]:
    """The decorators a ``decorator-changed`` added or removed, as written."""
    return [part[1:] for part in change.detail.split() if part[:1] in "+-"]


def _written_symbol(revision: Revision, module: str, written: str) -> str | None:
    """The function (or class) of ours a decorator written in ``module`` names, where it is
    defined (through the module's imports); None for one not of ours."""
    return revision.resolve_expression(module, decorator_base(written))


def _leading_names(signature: Signature) -> list[str] | None:
    """The names of a wrapper's parameters before its ``*args, **kwargs``, when it takes
    nothing else: positional ones without a default (``self`` of a method's wrapper), then
    ``*args``, keyword-only ones (``_handed_keywords``) and ``**kwargs``; None for any other
    signature."""
    parameters = signature.parameters
    star = next((i for i, p in enumerate(parameters) if p.kind is ParamKind.VAR_POSITIONAL),
                None)
    if star is None or parameters[-1].kind is not ParamKind.VAR_KEYWORD or any(
            p.kind is not ParamKind.KEYWORD_ONLY for p in parameters[star + 1:-1]):
        return None
    leading = parameters[:star]
    if any(p.kind not in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)
           or p.default is not None for p in leading):
        return None
    return [p.name for p in leading]


def _handed_keywords(signature: Signature, wrapper: str) -> dict[str, str]:
    """A wrapper's keyword-only parameters, each with the key of its variable: aiocache
    0.11's ``wrapper(self, *args, _conn=None, **kwargs)`` calls ``func(self, *args,
    _conn=_conn, **kwargs)``, and a call of the method binds the wrapper as it binds the
    method, which takes ``_conn`` too."""
    return {p.name: f"v:{wrapper}|{p.name}" for p in signature.parameters
            if p.kind is ParamKind.KEYWORD_ONLY}


def _handed_as_itself(values: tuple[Expr, ...], key: str) -> bool:
    """Is a keyword argument the wrapper's variable ``key`` itself, in any of its versions
    (``_conn=_conn`` after ``if _conn is None: _conn = ...``)? The wrapper passes that
    keyword on every call, whatever its value."""
    scope, _, name = key.partition("|")
    return bool(values) and all(
        len(expr) == 1 and expr[0].partition("|")[0] == scope
        and local_name(expr[0].partition("|")[2]) == name for expr in values)


def _same_fixed_parameters(wrapper: Signature, function: Signature | None) -> bool:
    """Do a wrapper and the function it wraps take the same parameters, by name and in order,
    each positional and without a default (``wrapped_f(tlist)`` and ``group_order(tlist)``)?"""
    if function is None or not wrapper.parameters:
        return False
    ours = [(p.name, p.kind) for p in wrapper.parameters]
    return ours == [(p.name, p.kind) for p in function.parameters] and all(
        p.kind in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)
        and p.default is None for p in (*wrapper.parameters, *function.parameters))


def _holds_elements_of(bindings: Mapping[str, tuple[Expr, ...]], expr: Expr,
                       args: str) -> bool:
    """Is ``expr`` a container of the wrapper's code (``c:...``, followed through the
    containers it holds, a few steps) holding elements of its ``*args`` (``zip(names,
    args)``, ``list(args)``)?"""
    seen: set[str] = set()
    frontier = [expr]
    while frontier and len(seen) < 8:
        current = frontier.pop()
        if len(current) != 1 or not current[0].startswith("c:") or current[0] in seen:
            continue
        seen.add(current[0])
        held = bindings.get("v:" + current[0][2:], ())
        if (args, "[]") in held:
            return True
        frontier.extend(held)
    return False


def _spread_handed(site: CallSite, names: set[str], args: str,
                   sliced: Callable[[], frozenset[str]]) -> str | None:
    """How a wrapper's call ``site`` hands on what the wrapper took (``names``: its
    ``*args`` and ``**kwargs``, ``args`` the first): "whole" when it unpacks each as it is
    (``func(*args, **kwargs)``; nothing for a wrapper taking fixed parameters), "sliced" when
    it unpacks a leading slice of ``args`` instead (``func(*args[:-n], **kwargs)``; ``sliced``
    gives the wrapper's names for a subscript of ``args`` by a value, which the summary does
    not tell from ``args[-n:]``: the site that hands them on whole is what
    ``_forwarded_whole`` leans on), None for anything else (``func(*args[1:], **kwargs)``
    drops what the call passed first)."""
    spread = {expr for _, values in site.kwargs for expr in values if expr}
    if spread == {(name, "[]") for name in names}:
        return "whole"
    rest = {(name, "[]") for name in names if name != args}
    if args not in names or not spread >= rest or len(spread - rest) != 1:
        return None
    (kept,) = spread - rest
    if (len(kept) == 2 and kept[1] == "[]" and kept[0] in sliced()) or (
            len(kept) == 3 and kept[0] == args and kept[1].startswith("[:")
            and kept[2] == "[]"):
        return "sliced"
    return None


def _read_from_source(site: CallSite) -> bool:
    """A call read from a string of Python source that imports what it calls
    (``statements.source_in_string``: timeit's setup code ``"import tabulate ...
    tabulate.tabulate(table)"``): made by Python (implicit), of a module's name and attributes
    only, with no arguments recorded. What it passes is not known, nor whether the string
    ever runs: no certain break, as for a ``generated_call``. (``raise pkg.Error`` is an
    implicit call too, of a class only: its callee ends in ``ONLY_CLASS``.)"""
    return (site.implicit and not site.args and not site.kwargs and bool(site.callee)
            and all(expr and expr[0].startswith("m:")
                    and all(step.startswith(".") for step in expr[1:])
                    for expr in site.callee))


def _hands_on(site: CallSite, leading: Sequence[str]) -> bool:
    """Does ``site`` pass, by position and before anything else, exactly the wrapper's
    leading parameters in their order (``fn(self, *args, **kwargs)``), or a name the wrapper
    bound again in their place (SQLAlchemy's ``self = self._generate()``: one value in that
    position, as the call gave)?"""
    return len(site.args) == len(leading) and all(
        values and all(expr and _same_parameter(expr[0], name)
                       for expr in values)
        for values, name in zip(site.args, leading, strict=True))


def _calls_variable(site: CallSite, key: str) -> bool:
    """Does ``site`` call what variable ``key`` holds, and nothing else (``fn(...)``)?"""
    return bool(site.callee) and all(len(e) == 1 and e[0] == key for e in site.callee)


def _same_parameter(key: str, parameter: str) -> bool:
    """Is variable ``key`` the wrapper's ``parameter`` (``v:w|self``), or the same name bound
    again in the wrapper's body (``v:w|<1>|self``)?"""
    if key == parameter:
        return True
    scope, bar, name = parameter.rpartition("|")
    return bool(bar) and key.startswith(scope + "|<") and key.endswith(f">|{name}")


def _sites(
    calls: Sequence[CallSite], data: Mapping[str, Any], source: str
) -> list[tuple[CallSite, bool]]:
    """The call sites of ``source`` behind a call edge (its ``sites``: index into the module's
    calls, bound or not); indexes that do not fit the summary are left out."""
    return [
        (calls[index], bool(bound))
        for index, bound in data.get("sites", ())
        if 0 <= index < len(calls) and calls[index].scope == source
    ]


# Decorators whose coming or going changes only how a call binds: the head's own signature and
# the linker's ``bound`` for each call (through an instance or the class) tell whether it
# still binds; ``singledispatch`` also needs the first argument by position.
REBINDING = frozenset({"staticmethod", "classmethod", "singledispatch", "singledispatchmethod"})
# Those dispatching on the first argument they are called with (after ``self``): a call must
# pass one by position
DISPATCHING = frozenset({"singledispatch", "singledispatchmethod"})
# Decorators making a name read as an attribute whose value the function gives, and those
# making it a method bound as Python binds one
DESCRIPTORS = frozenset({"property", "cached_property"})
ABSTRACT_MARKS = frozenset({"abstractmethod", "abstractproperty"})


def _descriptor(revision: Revision, module: str, written: str) -> bool:
    """Does decorator ``written`` of ``module`` make a descriptor: ``property``,
    ``cached_property``, or a class of ours with a ``__get__``?"""
    if written.rpartition(".")[2] in DESCRIPTORS:
        return True
    symbol = (revision.resolve_expression(module, written)
              if written.replace(".", "_").isidentifier() else None)
    made = revision.definition(symbol) if symbol is not None else None
    if made is not None and made.kind is SymbolKind.FUNCTION:
        return makes_descriptor(revision, module, written)
    return (made is not None and made.kind is SymbolKind.CLASS
            and revision.definition(f"{symbol}.__get__") is not None)
METHOD_MAKERS = frozenset({"staticmethod", "classmethod"})


def _rebinds_only(change: Change) -> bool:
    """A ``decorator-changed`` that only adds or removes ``REBINDING`` decorators."""
    parts = change.detail.split()
    return bool(parts) and all(
        part[:1] in "+-" and part[1:].rpartition(".")[2] in REBINDING for part in parts)


# Decorators that cache a function's results by its arguments: a call now hashes what it
# passes (a list raises TypeError), so only a call that passes nothing is sure to work as before.
CACHING = frozenset({"cache", "lru_cache"})


# ``object``'s methods that take any call Python makes of them and never raise, and its
# ``__doc__``, which any object has to read
OBJECT_NEVER_FAILS = frozenset({"__str__", "__repr__", "__eq__", "__ne__", "__doc__"})
# What a class that lost its base's loses without any code failing, or answering otherwise
# where it is compared or printed (``_lost_with_base``)
LOST_HARMLESSLY = frozenset({"__repr__", "__doc__", "__del__"})
# Special methods ``object`` has whose call, as Python makes it, succeeds on any instance and
# whose answer no comparison or output depends on: a class that lost its own still answers
# them (not ``__init__``, ``__hash__``, ``__lt__``, ``__format__``...: ``object``'s takes no
# arguments, is None beside an ``__eq__``, gives NotImplemented, refuses a format spec; nor
# ``__eq__``, ``__str__``...: comparing and printing are judged as behaviour where they go)
OBJECT_ANSWERS = frozenset({
    "__reduce__", "__reduce_ex__", "__sizeof__", "__dir__", "__getattribute__",
    "__setattr__", "__delattr__", "__init_subclass__", "__subclasshook__"})
# What a class statement may look up on a base it derives from, besides ``object``'s
CLASS_STATEMENT_HOOKS = frozenset({"__class_getitem__", "__mro_entries__", "__prepare__"})


# What a ``functools.lru_cache`` wrapper has and the function it wraps has not
CACHE_API = frozenset({".cache_clear", ".cache_info", ".cache_parameters", ".__wrapped__"})


def _class_names(summary: FileSummary, cls: str) -> set[str]:
    """The names ``summary``'s module may spell class ``cls`` by: its own, and each name an
    import of it binds to something of that name (``from .response import Response as R``)."""
    name = cls.rpartition(":")[2].rpartition(".")[2]
    return {binding.name for binding in summary.imports
            if binding.target.rpartition(".")[2] == name} | {name}


def _on_builtin_items(summary: FileSummary, source: str, target: str) -> set[int]:
    """The calls of ``source``'s code (indexes in ``summary.calls``) that spell the name of
    removed member ``target`` on an item of a local dict or list, ``kw['key'].name(...)``,
    where every value the code stores under that key is a container it makes (a list, a dict
    literal, ``list(...)``): a builtin's method, not ours. The linker merges the values of a
    container's keys (trafaret 2.0's ``kw['allow_extra'] = list(self.extras)`` beside
    ``kw['allow_extra_trafaret'] = self.extras_trafaret``, then ``kw['allow_extra'].append('*')``
    after ``Trafaret.append`` went)."""
    name = target.rpartition(".")[2]
    if ":" not in target or "." not in target.partition(":")[2]:
        return set()
    wanted = "." + name
    # the calls that may be such, each with its spelled callees: most summaries have none,
    # and their stores are then not gathered
    candidates = [
        (index, spelled) for index, site in enumerate(summary.calls)
        if site.scope == source or site.scope.startswith(source + ".")
        for spelled in ([expr for expr in site.callee if expr and expr[-1] == wanted],)
        if spelled and all(len(expr) == 3 and expr[0].startswith("v:")
                           and expr[1].startswith("[") for expr in spelled)]
    if not candidates:
        return set()
    stores: dict[str, list[Expr]] = {}  # ``v:scope|kw['key']`` -> every value stored there
    for key, values in summary.bindings:
        if key.endswith("]") and "[" in key:
            stores.setdefault(_unversioned_key(key), []).extend(values)
    return {
        index for index, spelled in candidates
        if all((made := stores.get(expr[0] + expr[1])) is not None
               and all(len(value) == 1 and value[0].startswith("c:") for value in made)
               for expr in spelled)}


def _taken_alike(before: Signature, after: Signature, finding: Finding) -> bool:
    """Does the target parameter ``finding`` (of an override against its target) names take
    calls alike in ``before`` and ``after``: the same kind, optional in both or required in
    both, or absent from both (a parameter the override adds)?"""
    name = finding.detail.partition("->")[0].partition(" ")[0]

    def taken(signature: Signature) -> tuple[ParamKind, bool] | None:
        return next(((p.kind, p.default is None) for p in signature.parameters
                     if p.name == name.lstrip("*")), None)
    return taken(before) == taken(after)


def _typed_unhashable(signature: Signature, site: CallSite, bound: bool) -> bool:
    """Does ``site`` hand a value to a parameter of ``signature`` annotated with a type whose
    values cannot be hashed (``names: list[str]``, ``*rows: dict``)?"""
    params = list(signature.parameters)[1 if bound else 0:]
    positional = [p for p in params
                  if p.kind in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)]
    rest = next((p for p in params if p.kind is ParamKind.VAR_POSITIONAL), None)
    keywords = next((p for p in params if p.kind is ParamKind.VAR_KEYWORD), None)
    taken: list[Parameter | None] = [
        positional[index] if index < len(positional) else rest
        for index in range(len(site.args))]
    for name, _ in site.kwargs:
        if name == "**":
            continue
        taken.append(next((p for p in params if p.name == name
                           and p.kind is not ParamKind.POSITIONAL_ONLY), keywords))
    return any(p is not None and unhashable_annotation(p.annotation) for p in taken)


def _caches_added_only(change: Change) -> bool:
    """A ``decorator-changed`` that only adds ``functools.cache``/``lru_cache``."""
    parts = change.detail.split()
    return bool(parts) and all(
        part[:1] == "+" and part[1:].rpartition(".")[2] in CACHING for part in parts)


def _caches_removed_only(change: Change) -> bool:
    """A ``decorator-changed`` that only removes ``functools.cache``/``lru_cache``."""
    parts = change.detail.split()
    return bool(parts) and all(
        part[:1] == "-" and part[1:].rpartition(".")[2] in CACHING for part in parts)


# Decorators whose function, called, returns what its body returns (or a cached copy of it):
# the result keeps the length the function's code tells (``Definition.returns_length``).
RESULT_KEEPING = frozenset({
    "staticmethod", "classmethod", "abstractmethod", "abc.abstractmethod", "cache",
    "functools.cache", "lru_cache", "functools.lru_cache", "override", "typing.override",
    "typing_extensions.override",
})


# Decorators whose result is called as the function is (or is bound as Python binds one):
# what outside code handed a function passes it is told by the function's own signature
CALL_KEEPING = frozenset({
    "staticmethod", "classmethod", "abstractmethod", "cache", "lru_cache", "override",
    "final", "wraps", "deprecated", "no_type_check", "singledispatch", "singledispatchmethod",
    "property", "cached_property", "setter", "deleter", "getter",
})


# Class decorators that leave the methods as they are (besides the dataclass-like ones)
CLASS_KEEPING = frozenset({"total_ordering", "unique", "final", "runtime_checkable", "verify"})


def _calls_as_type(revision: Revision, metaclass: str) -> bool:
    """Is ``metaclass`` a class of ours whose every ancestor is ours or ``type`` (or a
    marker), none defining ``__call__``: making a class of it runs ``type.__call__``?"""
    stack, seen = [metaclass], set()
    while stack:
        current = stack.pop()
        definition = revision.definition(current)
        if definition is None or definition.kind is not SymbolKind.CLASS:
            return False
        if current in seen:
            continue
        seen.add(current)
        if revision.definition(f"{current}.__call__") is not None:
            return False
        module = current.partition(":")[0]
        for text in definition.bases:
            if revision.marker_base(module, text) is not None \
                    or revision.spelled(module, text) in ("type", "builtins.type"):
                continue
            resolved = revision.resolve_expression(module, text)
            if resolved is None:
                return False  # an outside base other than ``type``: not known
            stack.append(resolved)
    return True


def _answered_by_standard_base(change: Change) -> bool:
    """A method removal the diff found a standard-library base answering now
    (``INHERITED_FROM_STANDARD``)?"""
    prefix, _, suffix = INHERITED_FROM_STANDARD.partition("{}")
    detail = change.detail
    return detail.endswith(suffix + ")") and f"({prefix}" in detail


def _setters_removed_only(change: Change) -> bool:
    """A ``decorator-changed`` that only removes a property's ``@x.setter``."""
    parts = change.detail.split()
    return bool(parts) and all(
        part.startswith("-") and decorator_base(part[1:]).endswith(".setter") for part in parts)


def _decorators_only(change: Change, sign: str) -> bool:
    """A ``decorator-changed`` that only adds decorators (``sign`` "+") or only removes
    them ("-")."""
    parts = change.detail.split()
    return bool(parts) and all(part.startswith(sign) for part in parts)


# The decorators making a generator a coroutine function (``_coroutine_made_native``)
GENERATOR_COROUTINES = frozenset({"asyncio.coroutine", "asyncio.coroutines.coroutine",
                                  "types.coroutine"})
# The decorators making an ``async def`` that gives values with ``await yield_(x)`` an async
# generator (``_async_generator_made_native``)
ASYNC_GENERATOR_MAKERS = frozenset({"async_generator.async_generator",
                                    "async_generator._impl.async_generator"})
# What a function called as a ``with`` (1) or ``async with`` (2) item returns once one of
# these decorates it (``ImpactAnalysis._entered_by``)
ENTERED_BY = {"contextlib.contextmanager": 1, "contextlib.asynccontextmanager": 2}
# What code does with a coroutine or an async generator and not with most other values:
# ``await``, ``async for``, ``anext()`` (``ImpactAnalysis._uses_the_coroutine``)
COROUTINE_USES = frozenset({
    special(("__await__",)), special(("__aiter__",)), special(("__anext__",)),
    ".__await__", ".__aiter__", ".__anext__", ".asend", ".athrow", ".aclose"})
# the fixture decorator of pytest-asyncio, which runs the async fixtures it marks in any mode
PYTEST_ASYNCIO_FIXTURE = "pytest_asyncio.fixture"
PYTEST_MARK_ANYIO = "pytest.mark.anyio"  # anyio's plugin runs the test and its async fixtures
# the decorators making a function a fixture: a request passes the fixtures it names alike
FIXTURE_DECORATORS = frozenset({"pytest.fixture", "pytest.yield_fixture",
                                PYTEST_ASYNCIO_FIXTURE})


def _dataclass_only(change: Change) -> bool:
    """A ``decorator-changed`` that only adds or removes dataclass-like decorators
    (``dataclasses.dataclass``, ``attrs.define``...), which make an ``__init__``."""
    parts = change.detail.split()
    return bool(parts) and all(
        part[:1] in "+-" and (part[1:] in DATACLASS_DECORATORS
                              or part[1:].rpartition(".")[2] == "dataclass")
        for part in parts)


# How many callers up a ``**kwargs`` handed on is followed to the calls that fill it.
_FORWARD_DEPTH = 4


def _with_what_it_took(call: CallSite, old: Signature, needed: CallSite) -> CallSite:
    """Outside code's call of a function whose old signature took ``*args`` (``**kwargs``):
    what it passed through them is not known here, and may be the positional (keyword-only)
    arguments the new signature requires (``needed``); werkzeug 3.1's dict subclass
    ``update(self, *args, **kwargs)`` became ``update(self, arg, /, **kwargs)``."""
    kinds = {parameter.kind for parameter in old.parameters}
    args, kwargs = call.args, call.kwargs
    if ParamKind.VAR_POSITIONAL in kinds and len(needed.args) > len(args):
        args = ((),) * len(needed.args)
    if ParamKind.VAR_KEYWORD in kinds:
        named = {name for name, _ in kwargs}
        kwargs = (*kwargs, *((name, v) for name, v in needed.kwargs if name not in named))
    return replace(call, args=args, kwargs=kwargs)


def _binds_as_called(signature: Signature, site: CallSite, bound: bool,
                     before: Signature | None) -> bool:
    """Does the call bind ``signature``? ``before``: the old signature of a decorated
    function. Where the call bound it only once its first parameters are left out (an outside
    decorator passes them: hypothesis' ``@composite`` gives ``draw``), it is judged on the new
    signature less as many: the decorated function is called so."""
    if call_binds(signature, site, bound) is True:
        return True
    if before is None or bound or call_binds(before, site, bound) is True:
        return False
    # how many it gives is learned from the call less the keywords the old signature did not
    # take (pyramid 2.0's ``config.set_default_csrf_options(..., allow_no_origin=True)``)
    taken = keyword_names(before.parameters)
    known = site if any(p.kind is ParamKind.VAR_KEYWORD for p in before.parameters) \
        else replace(site, kwargs=tuple(kw for kw in site.kwargs if kw[0] in taken))
    for count in range(1, _leading(before) + 1):
        if call_binds(_without_leading(before, count), known, bound) is True:
            return count <= _leading(signature) and call_binds(
                _without_leading(signature, count), site, bound) is True
    return False


def _leading(signature: Signature) -> int:
    """How many positional parameters the signature starts with."""
    count = 0
    for parameter in signature.parameters:
        if parameter.kind not in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD):
            break
        count += 1
    return count


def _without_leading(signature: Signature, count: int) -> Signature:
    return replace(signature, parameters=signature.parameters[count:])


def _fixture_request(site: CallSite) -> bool:
    """pytest calling a fixture a test (or fixture) asks for, or an ``autouse`` one it runs
    before the test: it passes the fixture the fixtures its parameters name, whatever they
    are, so the request binds."""
    return site.implicit and bool(site.callee) and all(
        isinstance(parse_root(expr[0]), (FixtureRoot, AutouseRoot))
        for expr in site.callee if expr)


def _shape(site: CallSite, bound: bool, method: str) -> tuple[CallSite, bool]:
    """A call site as the call it makes: an implicit one (``h[k]``) passes what its protocol
    passes (``binding.SPECIAL_ARITY``), not the nothing its summary records."""
    if site.implicit:
        shape = implicit_shape(site, method)
        if shape is not None:
            return shape
    return site, bound


def _parameter_of(change: Change) -> str:
    """The parameter a ``parameter-default-changed`` names (``x`` or ``x (now optional)``)."""
    return change.detail.split(" ", 1)[0]


def passes(signature: Signature, site: CallSite, bound: bool, name: str,
           keywords: set[str]) -> bool:
    """Does a (binding, star-free) call site give parameter ``name`` a value of its own?"""
    if name in keywords:
        return True
    positional = [p.name for p in signature.parameters
                  if p.kind in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)]
    if bound and positional:
        positional.pop(0)
    return name in positional[: len(site.args)]


@runtime_checkable
class Batched(Protocol):
    """Summaries read on demand (``changes.RevisionSummaries``), many at a time if asked."""

    def summarize(self, modules: Iterable[str]) -> None: ...


@runtime_checkable
class CallsOnDemand(Protocol):
    """Summaries whose call sites can be read alone (``changes.RevisionSummaries``)."""

    def calls_of(self, modules: Iterable[str]) -> Mapping[str, Sequence[CallSite]]: ...


def prefetch(summaries: Mapping[str, FileSummary], modules: Iterable[str]) -> None:
    """Read these modules' summaries in one batch when they are read on demand: one cache
    query (and at most one git process) instead of one per module."""
    if isinstance(summaries, Batched):
        summaries.summarize(modules)


def collect_hits(walks: Iterable[Walk], head: CodeGraph | None = None) -> dict[str, ModuleHit]:
    """Merge the states of every walk into one hit per module (seeds are not hits).

    ``head``: a state reached through code the head no longer has (a chain naming a function
    past its seed that is gone) is no hit: it breaks and affects nothing as the code is now.
    """
    hits: dict[str, ModuleHit] = {}
    for walk in walks:
        graph = walk.graph
        other = head if head is not None and graph is not head else None  # the head to check
        # A state's chain is its parent's plus itself, and a parent is visited before its
        # children: one step per state, not one per state and level.
        chains: dict[State, tuple[str, ...]] = {}
        gone: dict[State, bool] = {}  # a node past the seed of the chain is not in the head
        chain: tuple[str, ...]
        for state, depth in walk.depth.items():
            node = state[0]
            parent = walk.parent[state]
            if parent is None:
                chain, lost = (node,), False
            elif parent in chains:
                chain = (*chains[parent], node)
                lost = gone[parent] or (other is not None and node not in other)
            else:  # pragma: no cover - every walk visits a parent first
                chain = walk.chain(state)
                lost = other is not None and any(n not in other for n in chain[1:])
            chains[state], gone[state] = chain, lost
            if depth == 0 or lost:
                continue
            module = graph.module_of(node)
            broken = node in walk.broken
            crossed = {
                graph.module_of(n) for n in chain[1:]
                if is_gateway(graph.module_of(n), walk.gateways)
            } if state[1] else set()
            hit = hits.get(module)
            if hit is None:
                hits[module] = ModuleHit(
                    module, graph.path_of(module) or graph.path_of(node), depth, broken,
                    state[1], chain, crossed, broken,
                )
                continue
            if hit.prefers(depth, broken, chain):
                hit.depth, hit.via, hit.via_broken = depth, chain, broken
            hit.breaking |= broken
            hit.crosses_gateway |= state[1]
            hit.gateways |= crossed
    return hits


# the edge attributes ``import_time_callers`` reads, in this order
_CLIMB_MARKS = ("callback", "named", "generated", "main")


def import_time_callers(
    walk: Walk,
    start: State,
    max_depth: int | None,
    calls: dict[str, set[str]],
    in_head: Callable[[str, str], bool] | None = None,
    seen: set[State] | None = None,
    skip_generated: bool = False,
    runs_body: Callable[[CodeGraph, str, str], bool] | None = None,
) -> list[State]:
    """The modules whose top-level code calls the broken function of ``start``, directly or
    through other functions (a class statement runs its metaclass's ``__new__``, a decorator
    runs when applied, ``DEFAULT = build()``): the call may fail while the module is imported.
    Their states are returned, not marked: every call the climb follows (caller -> callee,
    also into states climbed already) is added to ``calls``, for ``confirm_import_breaks``.

    Calls only: a reference does not run the function, nor does a callback edge (outside code
    may call it, later), nor a call only the module's ``if __name__ == "__main__":`` block
    makes (it runs when the module runs as a program). But a module-level variable that calls
    a function (its value names the function by a dotted string: ``PLUGINS = {"notes":
    "pkg.notes.notes"}``) is called by the code that reads it: whoever reads the variable gets
    the function to call.
    ``in_head(source, target)``: does the head still make that call (or read)?
    ``skip_generated``: leave out a call edge the linker marked ``generated`` (every site of
    it is a string that reads like code calling the target, ``linker.generated_call``: code
    the program builds runs when it is ``exec``ed and called, not when ``source`` runs;
    SQLAlchemy 2.0's ``Executable.execution_options`` raises "... argument to
    create_engine()", and building a statement at import time does not call
    ``create_engine``).
    ``runs_body(graph, source, target)``: does ``source``'s call of ``target`` run its body
    (a generator function's call makes a generator, which runs when iterated)?
    ``seen``: the states already climbed from another start of the same walk (their modules
    are found already), so that many broken callers of one change do not climb the same
    chains. States, not callers: a caller reached through a gateway and not is climbed from
    both, as the modules above it are reached both ways (``crosses_gateway``); without
    gateways the two are the same."""
    graph = walk.graph
    found: list[State] = []
    seen = set() if seen is None else seen
    seen.add(start)
    queue = deque([start])
    while queue:
        state = queue.popleft()
        depth = walk.depth[state]
        if max_depth is not None and depth >= max_depth:
            continue
        read: bool | None = None  # is the node a variable (its readers call what it holds)?
        # the marks of every edge into the node, read in one pass (a whole attribute dict per
        # edge cost a third of the climb)
        marks = {(source, kind): fields
                 for source, kind, fields in graph.into_fields(state[0], _CLIMB_MARKS)}
        for source, kind in sorted(marks):
            if kind != EdgeKind.CALLS:
                if kind != EdgeKind.REFERENCES:
                    continue
                if read is None:  # asked only of a node something refers to
                    read = graph.node(state[0]).get("kind") == "variable"
                if not read:
                    continue
            following = walk.step(state, source)
            callback, named, generated, main = marks[(source, kind)]
            if callback:
                continue
            if named and _wrapper_runs_instead(graph, source,
                                               graph.edge_data(source, state[0], kind)):
                continue
            if kind == EdgeKind.CALLS and skip_generated and generated:
                continue
            if ":" not in source and main:
                continue  # ``if __name__ == "__main__":`` code runs as a program, not on import
            if in_head is not None and not in_head(source, state[0]):
                continue
            if (kind == EdgeKind.CALLS and runs_body is not None
                    and not runs_body(graph, source, state[0])):
                continue
            calls.setdefault(source, set()).add(state[0])
            if following in seen:
                continue
            seen.add(following)
            walk.visit(following, state, depth + 1)
            if ":" in source:
                queue.append(following)
                continue
            found.append(following)
    return found


def _wrapper_runs_instead(graph: CodeGraph, source: str, data: Mapping[str, Any]) -> bool:
    """Is a ``named`` call (the name of a decorated function, whose wrapper is what runs)
    made, at each of its sites, by a call the linker also links to a function of ours? That
    function is the wrapper its decorator of ours returned, and the graph has its own calls:
    whether the decorated function runs is read from them (``def deco(f): def w(*a): return
    f(*a)`` calls it; SQLAlchemy's ``@decorator``, whose ``decorate(fn)`` builds a function
    that calls it later, does not: ``@provide_metadata`` on a test method calls nothing on
    import). A wrapper of outside code, an instance of ours (its ``__call__`` reaches the
    function through an attribute the linker may not follow), or a wrapper with a call the
    linker could not resolve (networkx's ``argmap`` wrapper calls what
    ``argmap._lazy_compile(...)`` returns, a function compiled from generated source) leaves
    the edge as it is."""
    sites = {site for site, _ in data.get("sites", ())}
    if not sites:
        return False
    for target, kind in graph.successors(source):
        if (kind != EdgeKind.CALLS or graph.node(target).get("kind") != "function"
                or graph.unresolved_names.get(target)):
            continue
        other = graph.edge_data(source, target, kind)
        if not other.get("named") and not other.get("callback"):
            sites -= {site for site, _ in other.get("sites", ())}
            if not sites:
                return True
    return False


def fails_on_import(graph: CodeGraph, module: str, target: str,
                    breaks: Callable[[str], bool] | None = None) -> bool:
    """Does the broken use of ``target`` by ``module``'s own code run when it is imported?
    Not when only its ``if __name__ == "__main__":`` block makes it (packaging's
    ``_musllinux`` demo calls ``platform_tags``): the module breaks as a program, importing
    it works, and so does importing its importers. ``breaks(kind)``: does an edge of that
    kind break (a signature change breaks calls, not the import of the name); not given:
    every kind may."""
    kinds = graph.edge_kinds(module, target)
    return not kinds or any(
        not graph.edge_data(module, target, kind).get("main")
        and (breaks is None or breaks(kind)) for kind in sorted(kinds))


class ImportClosures:
    """What importing a module runs, over both revisions' import edges
    (``ProcessScope.import_closure``; None: not known)."""

    def __init__(self, base: CodeGraph, head: CodeGraph) -> None:
        self._graphs = [base] if base is head else [base, head]
        self._scope: ProcessScope | None = None
        self._found: dict[str, frozenset[str] | None] = {}

    def __call__(self, module: str) -> frozenset[str] | None:
        if module not in self._found:
            if self._scope is None:
                self._scope = ProcessScope(self._graphs)
            self._found[module] = self._scope.import_closure(module)
        return self._found[module]


def break_imports(
    walk: Walk,
    broken: Iterable[tuple[State, bool]],
    max_depth: int | None,
    closure: Callable[[str], frozenset[str] | None],
    in_head: Callable[[str, str], bool] | None = None,
    still_imports: Callable[[str, str], bool] | None = None,
    skip_generated: bool = False,
    runs_body: Callable[[CodeGraph, str, str], bool] | None = None,
) -> None:
    """The import-time breaks of ``broken``, in order: ``(state, False)``, module code (or a
    class statement) that fails on import; ``(state, True)``, a broken function, whose callers'
    module code fails where importing it can run the function (``import_time_callers``,
    ``confirm_import_breaks``); then every module importing one that fails, in turn
    (``spread_import_breaks``). ``in_head``, ``still_imports``, ``skip_generated``,
    ``runs_body``: as there."""
    queue: deque[State] = deque()
    climbed: set[State] = set()  # shared by the climbs: each caller state is looked at once
    calls: dict[str, set[str]] = {}  # what the climbs followed
    found: list[State] = []
    functions: set[str] = set()
    for state, climb in broken:
        if not climb:
            queue.append(state)
            continue
        functions.add(state[0])
        callers = import_time_callers(walk, state, max_depth, calls, in_head=in_head,
                                      seen=climbed,
                                      skip_generated=skip_generated, runs_body=runs_body)
        queue += callers
        found += callers
    confirmed = confirm_import_breaks(walk, found, calls, functions, closure)
    spread_import_breaks(walk, queue, max_depth, still_imports,
                         {state for state in found if state[0] not in confirmed})


def confirm_import_breaks(
    walk: Walk,
    found: Iterable[State],
    calls: Mapping[str, set[str]],
    broken: Set[str],
    closure: Callable[[str], frozenset[str] | None],
) -> set[str]:
    """The modules of ``found`` (from ``import_time_callers``, which filled ``calls``) whose import
    runs one of the ``broken`` functions, marked broken: a chain of ``calls`` from the
    module's top-level code to it whose every function is defined in a module that importing
    it runs (``closure``; when that is not known, in any module), and whose every call runs
    the function it names rather than one of several (an edge marked ``poly``: a call
    through a variable holding many functions, ``self.step()`` with overrides). Each module
    of ``found`` is affected all the same; only the verdict needs the chain.

    A chain through a call of several values may run at import time, or may not: sympy's
    ``@cacheit`` wrapper calls whichever of hundreds of cached functions it wraps, so module
    code calling any cached function reached every function any of them calls, and 1,380 of
    the 1,390 modules that a change of ``flatten`` affects were marked broken at import
    while ``import sympy`` ran as before. The functions that call the change wrongly stay
    broken, so a change is reported breaking as before.

    A function exists only once its module ran, so a chain through a value other code hands
    in does not run while the module is imported: attrs' ``_transform_attrs`` calls the
    ``field_transformer`` it is given, a test passes a hook that reaches the change, and the
    ``@attr.s`` classes of ``attr.validators`` are built with none; it imports as before (it
    is affected all the same). A chain through a variable naming a function by a dotted
    string (``PLUGINS = ["pkg.notes.notes"]``, loaded by name when called) breaks the
    module as before: what that loads is not followed."""
    graph = walk.graph
    confirmed: set[str] = set()
    for state in found:
        module = state[0]
        if module in confirmed:
            continue
        if _runs_on_import(graph, module, calls, broken, closure(module)):
            confirmed.add(module)
            walk.broken.add(module)
    return confirmed


def _runs_on_import(graph: CodeGraph, module: str, calls: Mapping[str, set[str]],
                    targets: Set[str], allowed: frozenset[str] | None) -> bool:
    """Does a chain of ``calls`` lead from ``module`` to one of ``targets`` through functions
    of ``allowed`` modules only (None: any; or through a variable naming a function outside
    them), each call running the function it names?

    A call of several values (an edge marked ``poly``) runs one of them: it counts when code
    above it on the chain names the one it reaches, handing it in or calling it by a name
    whose wrapper runs it (``define(cls, transformer=validate)``, whose ``transformer(cls)``
    runs ``validate``; a decorator's ``func(*args)``, one node for every function it wraps,
    runs the one its caller names)."""
    # the chain so far, as parent links: (node, index of the node that called it)
    chain: list[tuple[str, int]] = [(module, -1)]
    seen = {(module, "")}
    stack = [0]
    while stack:
        at = stack.pop()
        caller = chain[at][0]
        by_name = graph.node(caller).get("kind") == "variable"
        for callee in sorted(calls.get(caller, ())):
            if (callee, caller) in seen:
                continue
            if allowed is not None and graph.module_of(callee) not in allowed:
                if by_name:
                    return True
                continue
            if graph.edge_field(caller, callee, EdgeKind.CALLS, "poly") and not _named_above(
                    graph, chain, chain[at][1], callee):
                continue  # one of several things the call may run
            if callee in targets:
                return True
            seen.add((callee, caller))
            chain.append((callee, at))
            stack.append(len(chain) - 1)
    return False


def _named_above(graph: CodeGraph, chain: list[tuple[str, int]], at: int, callee: str) -> bool:
    """Does a node of ``chain`` from ``at`` up name ``callee`` (refer to it, or call it by a
    name whose wrapper runs it)?"""
    while at >= 0:
        node, at = chain[at]
        if graph.has_edge(node, callee, EdgeKind.REFERENCES) or graph.edge_field(
                node, callee, EdgeKind.CALLS, "named"):
            return True
    return False


def spread_import_breaks(
    walk: Walk,
    queue: deque[State],
    max_depth: int | None,
    still_imports: Callable[[str, str], bool] | None = None,
    unconfirmed: Set[State] = frozenset(),
) -> None:
    """A module that fails at import time breaks every module importing it, in turn; a
    package that fails breaks every module importing one of its submodules too (Python runs
    the package's ``__init__.py`` first: attrs' root conftest.py imports ``attr._compat``).

    ``queue``: the states of modules (or symbols whose module) broke at import time;
    ``still_imports(importer, member)``: does the importer still import it (default: yes).
    A module the walk had reached already (its code uses the change) spreads the break all
    the same: reaching it and its import failing are two things. A module spreads once per
    gateway status (its state's): broken through a gateway and not, its importers are both.
    ``unconfirmed``: states of ``queue`` whose import does not fail (``confirm_import_breaks``):
    their importers are reached as before, and not marked broken (unless a module that does
    fail reaches them too).
    """
    graph = walk.graph
    spread: dict[State, bool] = {}  # spread already, marking broken or not
    marking: dict[State, bool] = {}  # a state of the queue: does it mark its importers?
    for state in queue:
        key = (graph.module_of(state[0]), state[1], None)
        marks = state not in unconfirmed
        spread[key] = spread.get(key, False) or marks
        marking[state] = marking.get(state, False) or marks
    modules: list[str] | None = None
    while queue:
        state = queue.popleft()
        marks = marking[state]
        module = graph.module_of(state[0])
        depth = walk.depth[state]
        if max_depth is not None and depth >= max_depth:
            continue
        imported = [(module, member) for member in [module, *sorted(graph.members(module))]]
        if graph.path_of(module).endswith("__init__.py"):
            if modules is None:
                modules = sorted(graph.nodes("module"))
            imported += [(sub, member) for sub in modules if sub.startswith(module + ".")
                         for member in [sub, *sorted(graph.members(sub))]]
        for owner, member in imported:
            for source, kind in sorted(set(graph.predecessors(member))):
                if kind != EdgeKind.IMPORTS:
                    continue
                importer = graph.module_of(source)
                if importer == owner or (owner != module and importer.startswith(module + ".")):
                    continue  # the package's own modules run inside its import
                if still_imports is not None and not still_imports(source, member):
                    continue
                if marks:
                    walk.broken.add(source)
                following = walk.step(state, source)
                walk.visit(following, state, depth + 1)
                if ":" in source:
                    continue
                if following not in spread:
                    spread[following] = marking[following] = marks
                    queue.append(following)
                elif marks and not spread[following]:  # reached before by a module that
                    spread[following] = marking[following] = True  # does not fail: again
                    queue.append(following)
