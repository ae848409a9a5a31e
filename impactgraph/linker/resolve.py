"""Evaluate the indexer's symbolic expressions against every file's summary.

What an expression may hold is a set of values, the records of ``impactgraph.linker.values``
(a function of ours, an instance of a class, a module, something outside the code base...).
"""

from __future__ import annotations

import builtins
import functools
import itertools
import sys
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from typing import cast

from impactgraph.discovery import path_names
from impactgraph.expressions import (
    ANY_KEYWORDS,
    ASKED_NAME,
    ELEMENT,
    INSTANCE,
    MODULES_UNDER,
    ONLY_CODE,
    PREBOUND,
    PREBOUND_POSITIONAL,
    WRAPS,
    Arguments,
    Attr,
    AttrPattern,
    AutouseRoot,
    BuiltinRoot,
    Call,
    CallWith,
    ContainerRoot,
    Decorated,
    DescriptorSet,
    Element,
    FixtureRoot,
    FixtureValue,
    GeneratedRoot,
    GetterOf,
    Instance,
    Item,
    ModuleRoot,
    OnlyClass,
    OnlyCode,
    OnlyContainer,
    Op,
    Root,
    SetterOf,
    SliceOf,
    Special,
    SubclassOf,
    SuperOf,
    SymbolRoot,
    Unless,
    Variable,
    assert_never,
    builtin_root,
    module_root,
    op_text,
    parse_op,
    parse_root,
)
from impactgraph.expressions import attr as attr_op
from impactgraph.linker.fixtures import FixtureIndex
from impactgraph.linker.guards import UNKNOWN_ARG, Arg, CallShape, guard_value
from impactgraph.linker.stdlib import (
    base_class,
    builtin_class_runs,
    inherited_owner,
    stdlib_class,
    stdlib_defines,
    stdlib_object,
    typing_says_nothing,
)
from impactgraph.linker.stdlib_self import self_calls
from impactgraph.linker.values import (
    Bound,
    Builtin,
    BuiltinInstance,
    BuiltinMethod,
    Container,
    ContainerMethod,
    Ext,
    Inst,
    Mark,
    Mod,
    Named,
    Pair,
    Pairs,
    Property,
    Setter,
    Slice,
    Subclass,
    Super,
    Sym,
    Top,
    Value,
    Via,
    sort_key,
)
from impactgraph.model import (
    Definition,
    Expr,
    FileSummary,
    ParamKind,
    SymbolKind,
    exported_names,
)

PROPERTY_DECORATORS = ("property", "cached_property", "abstractproperty")
PROPERTY_METHODS = frozenset({"setter", "getter", "deleter"})  # ``@size.setter``
FUNCTIONS = frozenset({SymbolKind.FUNCTION, SymbolKind.METHOD})
PROTOCOL_BASES = frozenset({"typing.Protocol", "typing_extensions.Protocol"})
# nested context-sensitive calls followed (``return wrap(f)`` in ``ensure_sync``); deeper
# ones, and recursion, use the merged flow
MAX_CONTEXT_DEPTH = 3
MAX_CONTEXT_LINES = 40  # "small": functions longer than this use the merged flow
# expressions evaluated within one another at most (each takes a few Python frames; link()
# raises the interpreter's recursion limit to fit)
MAX_DEPTH = 3_000
# an expression with more values than this holds anything at all (``Top``): noise, not
# information
MAX_VALUES = 500
# the most modules ``import_module(f"pkg.plugins.{name}")`` is taken to be one of: a package
# holding more is no plugin folder (``import_module(f"django.{name}")``), and what such a
# call loads is left unknown, as a name computed all through is
MAX_LOADED_UNDER = 100
MAX_CLASS_ROUNDS = 8  # finding every class's bases again with the hierarchy found before
# evaluations of a cycle's head (and of everything under it) until its members stop changing
MAX_CYCLE_ROUNDS = 8
# ``varying`` walks up from each subclass (``_superclasses``) instead of down from each class
# that binds a name when the walk up visits fewer classes, counted this many times over: a
# lookup on a class with a few subclasses of a name that nearly every class binds (``__init__``)
UPWARD_COST = 1
MAX_EXT_PARTS = 12  # an outside object's attribute path (``ext.a.b.c``) grows no longer
_NO_CYCLE = 1 << 62  # a frame's low mark when nothing it read was still being evaluated
_EMPTY: frozenset[Value] = frozenset()
TOP = Top()
_TOP: frozenset[Value] = frozenset((TOP,))


def _frozen(values: AbstractSet[Value]) -> frozenset[Value]:
    """``values`` as a frozenset, the empty one shared: CPython has no empty-frozenset
    singleton since 3.10, and about half the memo's entries are empty (Django: 85,000 of
    the 144,000 entries linking the call sites adds, 216 bytes each)."""
    return frozenset(values) if values else _EMPTY


# bases that bring no outside code running on ``self`` of their own
_NOT_OUTSIDE_CODE = frozenset({"typing", "typing_extensions", "abc", "builtins"})


# special methods outside code never calls on an object it is handed (construction and class
# creation hooks run where the class or instance is made, in our code; a descriptor's
# ``__get__``/``__set__`` run on attribute access through its owner class, not on the object)
NOT_HANDED_OVER = frozenset(
    {"__init__", "__new__", "__init_subclass__", "__class_getitem__", "__set_name__",
     "__post_init__", "__get__", "__set__", "__delete__"}
)


# outside functions that return a class whose instances keep their constructor's arguments as
# attributes (``Format = namedtuple("Format", [...]); Format(lineabove=f).lineabove`` is f)
CLASS_FACTORIES = frozenset({"collections.namedtuple", "dataclasses.make_dataclass"})
# outside decorators that return the class or function they decorate (``dc(cls)`` is ``cls``),
# and, called with keywords only (``dataclasses.dataclass(eq=False)``), a decorator that does
IDENTITY_DECORATORS = frozenset({
    "dataclasses.dataclass", "functools.total_ordering", "enum.unique", "typing.final",
    "typing_extensions.final", "typing.runtime_checkable", "typing_extensions.runtime_checkable",
    "typing.no_type_check", "attr.s", "attr.attrs", "attr.define", "attr.frozen", "attr.mutable",
    "attrs.define", "attrs.frozen", "attrs.mutable",
})
# functions of the standard library that open a file: they return a new file object of the
# standard library (``io``'s), whose methods are outside code, never ours (a file object built
# on one of ours, ``gzip.open(ours)``, carries it as any outside object does its arguments)
FILE_OPENERS = frozenset({
    "io.open", "io.open_code", "os.fdopen", "os.popen", "codecs.open", "gzip.open", "bz2.open",
    "lzma.open", "tarfile.open", "tokenize.open", "zipfile.ZipFile.open", "pathlib.Path.open",
    "pathlib.PosixPath.open", "pathlib.WindowsPath.open",
})
OPENED_FILE = Ext("io.IOBase")


# calls of these builtins run source the code base builds (``generated_callees``)
_EXEC, _EVAL = (builtin_root("exec"),), (builtin_root("eval"),)


# a class of ours built on one of these: ``dict.__getitem__`` calls its ``__missing__``
DICT_BASES = frozenset({"builtins.dict", "collections.OrderedDict", "collections.Counter"})
MISSING = ("__missing__",)
# ``C[item]`` on a class object: its metaclass's ``__getitem__``, else ``__class_getitem__``
SUBSCRIPT = ("__getitem__",)
CLASS_GETITEM = ("__class_getitem__",)

# The dependency of a lookup that visited only the subclasses binding a name on the attribute
# stores of that name (``Resolver.varying``): a variable key no binding has
STORED = "\0stored|"
# The dependency of a read of an outside name on what our code stores there
# (``Resolver.patched``): a variable key no binding has
PATCHED = "\0patched|"


def is_small(definition: Definition) -> bool:
    """Is a call of ``definition`` evaluated in its caller's context: fewer than
    ``MAX_CONTEXT_LINES`` lines of its own code (``Definition.code_lines``: the docstring, and
    the bodies of functions defined in it, which are evaluated on their own, do not count)?"""
    size = definition.code_lines or definition.end_line - definition.line
    return size < MAX_CONTEXT_LINES


def ordered(values: Iterable[Value]) -> list[Value]:
    """Values in a fixed order. Evaluation follows this order, and where a cycle is cut the
    order decides what is seen first: iterating a set directly would make the result depend
    on string hashing (PYTHONHASHSEED). Not to be changed by the caller (the order of a
    frozen set is kept, see ``_ORDERED``)."""
    if type(values) is frozenset:
        if len(values) < 2:  # most sets: nothing to order, nothing worth keeping
            return list(values)
        entry = _ORDERED.get(id(values))
        if entry is not None:
            return entry[1]
        items = list(values)
        items.sort(key=_sort_key)
        if len(_ORDERED) >= _ORDERED_SIZE:
            _ORDERED.clear()
        _ORDERED[id(values)] = (values, items)
        return items
    items = list(values)
    if len(items) > 1:
        items.sort(key=_sort_key)
    return items


# The memoised value sets are frozen and ordered again and again (each read of a variable
# goes through its values): the order of each such set object is kept, under its identity
# (the entry holds the set, so the identity stays its own). Equal sets are not shared: two
# values with equal sort keys keep the order in which the set iterates them, which may differ
# between equal sets. ``forget_orders`` empties it (``link`` does, when it returns).
_ORDERED: dict[int, tuple[frozenset[Value], list[Value]]] = {}
_ORDERED_SIZE = 1 << 18


def forget_orders() -> None:
    """Drop the kept orders of value sets (and with them the sets)."""
    _ORDERED.clear()


# Values recur across evaluations (the same functions, classes and instances are ordered again
# and again): each one's key is made once while it stays among the most recently used.
_sort_key = functools.lru_cache(maxsize=1 << 16)(sort_key)
BUILTIN_TYPES = frozenset(
    {"str", "bytes", "bytearray", "int", "float", "complex", "bool", "list", "dict", "set",
     "frozenset", "tuple", "object", "range", "memoryview"}
)
# builtin functions whose result is an instance of a builtin type holding nothing of ours (a
# ``dir()`` list of names, ``repr()`` text; Python raises where a special method of ours
# returns another type): a method called on it is the builtin type's (``dir(x).extend(...)``)
BUILTIN_RESULTS = {
    "dir": "list", "repr": "str", "ascii": "str", "format": "str", "chr": "str", "hex": "str",
    "oct": "str", "bin": "str", "len": "int", "hash": "int", "id": "int", "ord": "int",
    "callable": "bool", "isinstance": "bool", "issubclass": "bool", "hasattr": "bool",
}
# methods of a container that give its elements back (``d.get(k)``) or a view of them
CONTAINER_GETTERS = frozenset(
    {"get", "pop", "setdefault", "__getitem__", "popitem", "popleft"}
)
CONTAINER_VIEWS = frozenset({"values", "items", "keys", "copy", "__iter__"})
CONTAINER_METHODS = CONTAINER_VIEWS | CONTAINER_GETTERS | {"items"}
# methods of a container that give a new one, holding its elements and its arguments'
CONTAINER_MERGES = frozenset({"new_child", "union"})


def _c3_merge(cls: str, sequences: list[list[str]], irregular: set[str]) -> list[str]:
    """C3: ``cls``, then the merge of its bases' MROs and its bases (``sequences``), each
    head taken when it is in no sequence's tail; an inconsistent hierarchy (which Python would
    refuse) adds ``cls`` to ``irregular`` and ends depth-first. How many tails hold each class
    is counted once and kept as heads are taken, not searched for at every step."""
    queues = [deque(sequence) for sequence in sequences if sequence]
    in_tails: dict[str, int] = defaultdict(int)
    for queue in queues:
        for item in itertools.islice(queue, 1, None):
            in_tails[item] += 1
    result = [cls]
    while queues:
        for queue in queues:
            head = queue[0]
            if not in_tails.get(head):
                break
        else:  # inconsistent hierarchy: Python would refuse it; fall back to depth-first
            irregular.add(cls)
            seen = set(result)
            for queue in queues:
                for item in queue:
                    if item not in seen:
                        seen.add(item)
                        result.append(item)
            break
        result.append(head)
        left = []
        for queue in queues:
            if queue[0] == head:
                queue.popleft()
                if queue:
                    in_tails[queue[0]] -= 1  # now a head, no longer in that tail
            if queue:
                left.append(queue)
        queues = left
    return result


class Resolver:
    """Name resolution, MRO and class hierarchy over a set of summaries."""

    def __init__(self, summaries: Iterable[FileSummary]) -> None:
        summaries_list = list(summaries)
        summaries = summaries_list
        self.modules: dict[str, FileSummary] = {}
        self.definitions: dict[str, Definition] = {}
        self.bindings: dict[str, list[Expr]] = defaultdict(list)
        # function -> its returns guarded by the shape of the arguments: (the key of their
        # values, the guard), ``indexer/guards.py``
        self.return_guards: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self.guard_keys: set[str] = set()
        self._prebound_keys: list[str] | None = None  # ``_prebound``
        # prebound key -> its values when last read, and the functions among them
        self._prebound_functions: dict[str, tuple[frozenset[Value], frozenset[str]]] = {}
        self.extra: dict[str, set[Expr]] = defaultdict(set)  # argument flow found by linking
        # parameter -> (argument, the caller when the call is on its own self, else "")
        self.passed: dict[str, set[tuple[Expr, str]]] = defaultdict(set)
        # what outside code handed a value may run of it (``link._handed_over``), once the
        # bindings are final
        self.handed: dict[tuple[Value, frozenset[str] | None],
                          list[tuple[str, bool, bool, str]]] = {}
        # what a call of a value runs (``link._targets``), once the bindings are final
        self.targets: dict[Value, list[tuple[str, bool]]] = {}
        for summary in summaries:
            self.modules[summary.module] = summary
            for definition in summary.definitions:
                self.definitions[f"{summary.module}:{definition.qualname}"] = definition
            for key, values in summary.bindings:
                self.bindings[key].extend(values)
            for key, guard in summary.return_guards:
                self.return_guards.setdefault(key[2:].rpartition("|")[0], []).append(
                    (key, guard)
                )
                self.guard_keys.add(key)
        self.path_names = path_names((s.module, s.path) for s in self.modules.values())
        # ``__all__`` of the modules that splice in others' (``model.exported_names``)
        self.exported: dict[str, tuple[str, ...] | None] = {
            s.module: exported_names(s.module, self.modules.get)
            for s in self.modules.values() if s.all_from
        }
        self.memo: dict[Expr, frozenset[Value]] = {}
        self.lookups: dict[Expr, frozenset[Value]] = {}
        # memo entry -> the entries whose evaluation read it (to forget just what changed)
        self.dependents: dict[Expr, set[Expr]] = defaultdict(set)
        self.stack: list[Expr] = []
        # Cycles (SCC-aware memoisation): a key read while it is still being evaluated (on
        # the stack) gives its current approximation, and every frame above, down to that
        # key, is provisional: kept (``provisional``) only until the cycle's head, the lowest
        # key read so, has been evaluated again with the approximations it produced and
        # nothing changed; then the cycle's results are memoised together.
        self.position: dict[Expr, int] = {}  # key on the stack -> its index there
        self.lows: list[int] = []  # per frame: the lowest stack index it (indirectly) read
        self.approx: dict[Expr, frozenset[Value]] = {}
        self.approx_log: list[Expr] = []
        # key -> (value, its table, the open key it depends on, the open keys it read)
        self.provisional: dict[Expr, tuple[
            frozenset[Value], dict[Expr, frozenset[Value]], Expr, set[Expr] | None
        ]] = {}
        self.provisional_log: list[Expr] = []
        self.reads: list[set[Expr] | None] = []  # per frame: the open keys it read
        self.read_early: set[Expr] = set()  # keys read while on the stack (this round)
        self.changed: list[Expr] = []  # keys whose approximation changed (go round again)
        # record dependencies only while bindings may still grow (argument flow)
        self.tracking = True
        self.sorted_subclasses: dict[str, list[str]] = {}
        self.bases: dict[str, list[str]] = {}
        self.external_bases: dict[str, list[str]] = {}
        # classes with a base nothing is known of (``class private_class(c)``, ``c`` a
        # parameter): their MRO may hold anything
        self.open_bases: set[str] = set()
        self.mro_cache: dict[str, list[str]] = {}
        self.subclasses: dict[str, set[str]] = defaultdict(set)
        self.protocols: set[str] = set()
        # a Protocol -> its subclasses by inheritance alone: ``subclasses`` also holds the
        # classes that implement it structurally, which do not have it in their MRO
        self._nominal: dict[str, frozenset[str]] = {}
        self._class_keys: dict[str, list[str]] | None = None
        # made from the bindings' keys and the class hierarchy: forgotten (``_forget_members``)
        # when either changes, which happens only while the resolver is built and in the
        # attribute stores of argument flow
        self._own_members: dict[str, list[str]] = {}
        self._members: dict[tuple[str, bool], frozenset[str]] = {}
        self._outside: dict[str, list[str]] = {}  # class -> its MRO's classes with outside bases
        self._call_hooks: dict[tuple[str, str], list[str]] = {}  # ``call_hooks``
        self._attribute_uses: dict[str, bool] = {}  # ``_uses_attribute``
        # ``_names_known_to_outside``: the attributes our code names (``x.name``), and those
        # it reaches through ``super()`` below an outside base
        self._named_attributes: tuple[frozenset[str], frozenset[str]] | None = None
        self._guessed: dict[str, frozenset[str]] = {}  # ``guessed_hooks``
        self._externals: dict[str, list[tuple[str, str, str]]] = {}  # ``_external_chain``
        # name -> the classes whose lookup of it may differ from their bases' (``_varying``)
        self._definers: dict[str, frozenset[str]] | None = None
        self._varying: dict[tuple[str, tuple[str, ...], bool], list[str]] = {}  # ``varying``
        # name -> the classes binding it, made of the bindings' keys alone (``definers``)
        self._binders: dict[str, frozenset[str]] | None = None
        self._mro_sets: dict[str, frozenset[str]] = {}
        # class -> the classes whose ``subclasses`` hold it, with the structural Protocols it
        # implements (True) or without (False) (``_superclasses``)
        self._supers: dict[bool, dict[str, list[str]]] = {}
        self._irregular: set[str] = set()  # classes whose MRO keeps no base's order (``mro``)
        self._mro_open: set[str] = set()
        self._returned: dict[str, frozenset[str]] = {}  # function -> parameters it returns
        self._context_depth = 0
        self._property_names: frozenset[str] | None = None
        self._class_literals: frozenset[str] | None = None  # ``_class_literal``
        self._class_data_names: frozenset[str] | None = None  # ``class_data_names``
        self._stores = [store for summary in summaries_list for store in summary.attribute_stores]
        self._stored: set[tuple[str, Expr]] = set()
        # an outside module's name -> what our code stores there (``patched``)
        self._patches: dict[str, list[Expr]] = {}
        # names that ``obj.name = ...`` may add: only their absence can change later
        self.stored_names = {attr for _, attr, _ in self._stores}
        self._fixture_index: FixtureIndex | None = None
        self._by_name: dict[str, set[Value]] | None = None
        self._runs_source: bool | None = None  # ``runs_source``, found once
        self._generated: frozenset[str] | None = None  # ``_generated_inits``, found once
        self._holder_names: frozenset[str] | None = None
        self._handed_over_names: frozenset[str] | None = None
        self._has_accessors: bool | None = None
        self._ops: dict[str, Op] = {}
        self._roots: dict[str, Root] = {}
        self._link_classes()
        self.apply_attribute_stores()

    @property
    def has_accessors(self) -> bool:
        """Does any class define ``__getattr__`` or ``__get__`` (attribute reads may call)?"""
        if self._has_accessors is None:
            self._has_accessors = any(
                symbol.endswith((".__getattr__", ".__get__")) for symbol in self.definitions
            )
        return self._has_accessors

    @property
    def holder_names(self) -> frozenset[str]:
        """Names under which an attribute may hold a function called something else: data
        attributes of classes and instances (``self.handler = f``, ``handler = f`` in a class
        body), module variables, attributes stored from outside, properties."""
        if self._holder_names is None:
            found = set(self.stored_names) | set(self.property_names)
            for definition in self.definitions.values():  # ``self.x = ...``, even of None
                found.update(definition.attributes)
            for key in self.bindings:
                owner, _, name = key[2:].partition("|")
                if name.startswith("."):
                    found.add(name[1:])
                elif (not name.startswith("<") and (owner.endswith(":") or self.kind(owner)
                      is SymbolKind.CLASS) and self.kind(f"{owner}{name}" if owner.endswith(":")
                      else f"{owner}.{name}") not in (SymbolKind.FUNCTION, SymbolKind.METHOD)):
                    found.add(name)
            self._holder_names = frozenset(found)
        return self._holder_names

    @property
    def handed_over_names(self) -> frozenset[str]:
        """The names of the methods of ours that outside code handed an object of ours (of
        any class) may run on it: the special methods our classes define (construction and
        descriptor hooks aside, ``NOT_HANDED_OVER``), and the methods that override a public
        method of a builtin base (``insert`` of a ``list`` subclass, which ``bisect.insort``
        calls). An override of another outside base's method (``run`` of a ``Thread``) is
        an outside hook (``external_hooks``), which test selection treats on its own."""
        if self._handed_over_names is None:
            found: set[str] = set()
            for cls in self.classes():
                builtin = [base.partition(".")[2] for owner in self.mro(cls)
                           for base in self.external_bases.get(owner, ())
                           if base.startswith("builtins.")]
                for name in self.own_members(cls):
                    if name.startswith("__") and name.endswith("__"):
                        if name in NOT_HANDED_OVER:
                            continue
                    elif name.startswith("_") or not any(builtin_has(t, name) for t in builtin):
                        continue
                    # the name, and that of the function it holds (``__hash__ = _hash``)
                    found.add(name)
                    found.update(v.symbol.rpartition(".")[2].rpartition(":")[2]
                                 for v in self.class_lookup(cls, name)
                                 if isinstance(v, Sym) and self.kind(v.symbol) in FUNCTIONS)
            self._handed_over_names = frozenset(found)
        return self._handed_over_names

    @property
    def fixture_index(self) -> FixtureIndex:
        if self._fixture_index is None:
            # a cycle, which ``close`` breaks: the resolver (and its memo, hundreds of
            # megabytes on a large code base) goes as soon as the link drops it, not at the
            # collector's next full pass (a weak reference would do, but a class compiled by
            # mypyc takes none)
            self._fixture_index = FixtureIndex(self)
        return self._fixture_index

    def close(self) -> None:
        """Drop what refers back to the resolver (``fixture_index``): done with it."""
        self._fixture_index = None

    # -- classes -------------------------------------------------------------------------
    def classes(self) -> list[str]:
        return [s for s, d in self.definitions.items() if d.kind is SymbolKind.CLASS]

    def _link_classes(self) -> None:
        # A base may be reached through another class's attributes (``Holder.kind``, flask's
        # ``request.files.__class__``), which needs that class's MRO: found before that
        # class's own bases were, it would miss them (and stay cached so). The bases are found
        # again with the hierarchy found so far until they settle: no class sees a hierarchy
        # that depends on which classes were defined (or linked) before it.
        for _ in range(MAX_CLASS_ROUNDS):
            bases, external, self.open_bases = self._found_bases()
            settled = bases == self.bases and external == self.external_bases
            self.bases, self.external_bases = bases, external
            self.mro_cache.clear()
            self._irregular.clear()
            self._forget_members()
            self.subclasses.clear()
            self.sorted_subclasses.clear()
            for cls in self.bases:
                for ancestor in self.mro(cls)[1:]:
                    self.subclasses[ancestor].add(cls)
            self.reset()
            if settled:
                break
        for cls, outside in self.external_bases.items():
            if any(b in PROTOCOL_BASES or b.endswith(".Protocol") for b in outside):
                self.protocols.add(cls)
        # Structural typing: a class with every method a Protocol declares implements it.
        self._nominal = {p: frozenset(self.subclasses.get(p, ())) for p in self.protocols}
        for protocol in list(self.protocols):
            wanted = {
                name for name in self.own_members(protocol)
                if not name.startswith("__") and self.kind(f"{protocol}.{name}") in
                (SymbolKind.METHOD, SymbolKind.FUNCTION)
            }
            if not wanted:
                continue
            for cls in self.bases:
                if cls == protocol or cls in self.protocols or cls in self.subclasses[protocol]:
                    continue
                members = {m for c in self.mro(cls) for m in self.own_members(c)}
                if wanted <= members:
                    self.subclasses[protocol].add(cls)
                    self.subclasses[protocol].update(self.subclasses[cls])
        self.sorted_subclasses.clear()
        self._forget_members()
        self.reset()

    def _found_bases(self) -> tuple[dict[str, list[str]], dict[str, list[str]], set[str]]:
        """Each class's bases of ours and outside ones as its base expressions give them now,
        and the classes with a base nothing is known of."""
        bases: dict[str, list[str]] = {}
        external: dict[str, list[str]] = {}
        open_bases: set[str] = set()
        for cls in self.classes():
            inside, outside = [], []
            for expr in self.definitions[cls].base_exprs:
                values = self.resolve(expr)
                if not values and expr[-1:] == (ELEMENT,):
                    values = frozenset(self._alias_origins(expr[:-1]))
                if not values:
                    open_bases.add(cls)
                for value in ordered(values):
                    match value:
                        case Sym(symbol) if self.kind(symbol) is SymbolKind.CLASS:
                            if symbol != cls:
                                inside.append(symbol)
                        case Ext(dotted):
                            outside.append(base_class(dotted) or dotted)
                        case Builtin(name):  # ``class Markup(str)``: a builtin type
                            outside.append(f"builtins.{name}")
                        case _:
                            open_bases.add(cls)
            bases[cls] = list(dict.fromkeys(inside))
            external[cls] = outside
        return bases, external, open_bases

    def _alias_origins(self, expr: Expr) -> set[Value]:
        """``Mapping[K, V]``, ``typing.Mapping[K, V]``, ``dict[str, int]`` as a base: the
        generic alias's ``__mro_entries__`` put its origin in the MRO, for a standard-library
        class or a ``typing`` alias of one (``base_class``). A generic class of ours is its
        own element already (``_element``)."""
        found: set[Value] = set()
        for value in ordered(self.resolve(expr)):
            match value:
                case Builtin(name) if isinstance(getattr(builtins, name, None), type):
                    found.add(value)
                case Ext(dotted) if base_class(dotted) is not None:
                    found.add(value)
        return found

    def relink_classes(self) -> bool:
        """Find the bases again once argument flow has bound the parameters: a base that is a
        parameter (``type(name, (mixin, Validator), {})`` in a class factory, ``class
        Manager(superclass)`` in a function) is known only then. Whether any class's bases
        changed (the hierarchy is then linked again, and every evaluation forgotten)."""
        bases, external, _ = self._found_bases()
        if bases == self.bases and external == self.external_bases:
            return False
        self._link_classes()
        return True

    def apply_attribute_stores(self) -> bool:
        """``obj.attr = value`` outside ``self``: a module global, class or instance attribute,
        or an outside module's name (``patched``).

        Runs again after each round of argument flow (``cls.attr = f`` in a class decorator
        needs to know what ``cls`` is); returns whether anything new was bound.
        """
        additions: list[tuple[str, Expr]] = []
        patches: list[tuple[str, Expr]] = []
        for objects, attr, values in self._stores:
            for expr in objects:
                for target in ordered(self.resolve(expr)):
                    if attr.startswith("["):  # a subscript store into a container
                        if not isinstance(target, Container):
                            continue
                        additions.extend((target.key, value) for value in values)
                        if attr != "[]":
                            additions.extend((f"{target.key}{attr}", value) for value in values)
                        continue
                    match target:
                        case Mod(module):
                            key = f"v:{module}:|{attr}"
                        case Sym(symbol) if self.kind(symbol) is SymbolKind.CLASS:
                            key = f"v:{symbol}|{attr}"
                        case Inst(cls):
                            key = f"v:{cls}|.{attr}"
                        case Sym(symbol) | Bound(symbol) if self.kind(symbol) in FUNCTIONS:
                            key = f"v:{symbol}|.{attr}"  # ``wrapper.cache_info = ...``
                        case Ext(dotted, "") if patchable(dotted):
                            # ``datetime.datetime = FakeDatetime``: an outside module's name
                            patches.extend((f"{dotted}.{attr}", value) for value in values)
                            continue
                        case _:
                            continue
                    additions.extend((key, value) for value in values)
        patched = self._patch(patches)
        new = [pair for pair in additions if pair not in self._stored]
        if not new:
            return patched
        added = [key for key in dict.fromkeys(key for key, _ in new) if key not in self.bindings]
        for key, value in new:
            self._stored.add((key, value))
            self.bindings[key].append(value)
        if self._class_keys is not None:  # the new keys come last, as in a rebuild
            self._index_class_keys(self._class_keys, added)
        if self._binders is not None:  # the new keys' classes join it, as in a rebuild
            self._binders = self._index_binders(added, self._binders)
        self._forget_members()
        self.invalidate({key for key, _ in new}
                        | {STORED + key.rpartition("|")[2].lstrip(".") for key, _ in new})
        return True

    def _patch(self, patches: list[tuple[str, Expr]]) -> bool:
        """Record the stores into outside names (``patched``) not seen before; were there any?"""
        new = [(dotted, value) for dotted, value in dict.fromkeys(patches)
               if value not in self._patches.get(dotted, ())]
        for dotted, value in new:
            self._patches.setdefault(dotted, []).append(value)
        self.invalidate({PATCHED + dotted for dotted, _ in new})
        return bool(new)

    def patched(self, dotted: str) -> set[Value]:
        """What our code stores at the outside name ``dotted`` (a module's attribute:
        ``datetime.datetime = FakeDatetime`` in freezegun's ``start``): monkeypatching, after
        which every read of that name, ours or an alias made before
        (``from datetime import datetime``), may give it."""
        owner, _, name = dotted.rpartition(".")
        if name not in self.stored_names or not patchable(owner):
            return set()
        self.depend(PATCHED + dotted)
        found: set[Value] = set()
        for expr in self._patches.get(dotted, ()):
            found |= self.resolve(expr)
        return found

    def own_members(self, cls: str) -> list[str]:
        """The names bound in the class body of ``cls`` (not to be changed by the caller)."""
        found = self._own_members.get(cls)
        if found is None:
            module, qual = cls.split(":", 1)
            prefix = f"v:{module}:{qual}|"
            found = [k[len(prefix):] for k in self.class_keys.get(prefix, ())]
            self._own_members[cls] = found
        return found

    def _forget_members(self) -> None:
        """The bindings' keys or the class hierarchy changed: what was made of them goes."""
        self._own_members.clear()
        self._members.clear()
        self._outside.clear()
        self._call_hooks.clear()
        self._attribute_uses.clear()
        self._named_attributes = None
        self._guessed.clear()
        self._externals.clear()
        self._definers = None
        self._varying.clear()
        self._mro_sets.clear()
        self._supers.clear()

    @property
    def class_keys(self) -> dict[str, list[str]]:
        cached = self._class_keys
        if cached is None:
            cached = self._class_keys = defaultdict(list)
            self._index_class_keys(cached, self.bindings)
        return cached

    @staticmethod
    def _index_class_keys(index: dict[str, list[str]], keys: Iterable[str]) -> None:
        for key in keys:
            prefix, _, name = key.rpartition("|")
            if not name.startswith(("<", ".")):
                index[prefix + "|"].append(key)

    def mro(self, cls: str) -> list[str]:
        if cls in self.mro_cache:
            if cls in self._mro_open:  # an inheritance cycle: no order to rely on
                self._irregular.update(self._mro_open)
            return self.mro_cache[cls]
        self.mro_cache[cls] = [cls]  # guards against inheritance cycles
        self._mro_open.add(cls)
        try:
            sequences = [list(self.mro(b)) for b in self.bases.get(cls, [])]
        finally:
            self._mro_open.discard(cls)
        bases = self.bases.get(cls, [])
        if len(bases) == 1 and sequences[0][:1] == bases:
            # one base: C3 gives the class, then the base's MRO (a chain of a thousand
            # classes, each deriving from the last, made the merge below cubic)
            result = [cls, *sequences[0]]
            self.mro_cache[cls] = result
            return result
        sequences.append(list(bases))
        self.mro_cache[cls] = result = _c3_merge(cls, sequences, self._irregular)
        return result

    def kind(self, symbol: str) -> SymbolKind | None:
        definition = self.definitions.get(symbol)
        return definition.kind if definition else None

    @property
    def property_names(self) -> frozenset[str]:
        """The names of every property getter in the code base (a cheap filter)."""
        if self._property_names is None:
            decorated = {
                symbol.rsplit(".", 1)[-1] for symbol in self.definitions
                if self.is_property(symbol)
            }
            assigned = {  # ``name = property(getter)`` in a class body
                key.rpartition("|")[2] for key, exprs in self.bindings.items()
                if any(len(expr) > 1 and isinstance(self.op(expr[-1]), GetterOf)
                       for expr in exprs)
            }
            self._property_names = frozenset(decorated | assigned)
        return self._property_names

    def class_data_owner(self, cls: str, name: str) -> str | None:
        """The first class of ``cls``'s MRO with ``name`` among its data attributes, not a
        ``def`` or a nested class: the class whose body may give a read of ``cls.name`` or of
        an instance's ``.name`` its value. None when no class of ours has it so, or when that
        class binds it on its instances only (``self._cache = {}`` in ``__init__``). The
        summary keeps a class body's names apart from its instances' only where the value is
        something to resolve: a name with no value of either (``limit = 10``, ``self.count =
        0``) counts as the body's, and so does one the body binds to such a literal while the
        instances bind a value over it (``suppress = False``; ``_class_literal``)."""
        if name not in self.class_data_names:
            return None
        for owner in self.mro(cls):
            definition = self.definitions.get(owner)
            if f"{owner}.{name}" in self.definitions:
                return None
            if definition is not None and name in definition.attributes:
                key = f"v:{owner}|{name}"
                body = self.bindings.get(key)
                if body is None and f"v:{owner}|.{name}" in self.bindings \
                        and not self._class_literal(key):
                    return None  # bound on its instances only (``self._cache = {}``)
                if body and all(len(e) > 1 and e[-1] == INSTANCE for e in body):
                    return None  # a field declared by its annotation (``fqdn: str``)
                return owner
        return None

    def _class_literal(self, key: str) -> bool:
        """Does a class body bind the variable ``key`` to a literal that leaves no value
        (``FileSummary.class_literals``: ``suppress = False`` beside ``self.suppress = ...``
        in ``__init__``)?"""
        if self._class_literals is None:
            self._class_literals = frozenset(
                key for summary in self.modules.values() for key in summary.class_literals)
        return key in self._class_literals

    @property
    def class_data_names(self) -> frozenset[str]:
        """The data attributes' names of every class of ours (a cheap filter)."""
        if self._class_data_names is None:
            self._class_data_names = frozenset(
                name for definition in self.definitions.values()
                if definition.kind is SymbolKind.CLASS for name in definition.attributes)
        return self._class_data_names

    def is_property(self, symbol: str) -> bool:
        definition = self.definitions.get(symbol)
        return definition is not None and any(
            d.rsplit(".", 1)[-1] in PROPERTY_DECORATORS for d in definition.decorators
        )

    def is_property_object(self, symbol: str) -> bool:
        """Does the name of ``symbol`` hold a ``property`` object: a function decorated with
        ``@property`` or with an earlier property's ``@x.setter`` / ``getter`` / ``deleter``?"""
        if self.is_property(symbol):
            return True
        definition = self.definitions.get(symbol)
        return definition is not None and any(
            d.rpartition(".")[2] in PROPERTY_METHODS and "." in d for d in definition.decorators
        )

    def is_static(self, symbol: str) -> bool:
        definition = self.definitions.get(symbol)
        return definition is not None and any(
            d.rsplit(".", 1)[-1] == "staticmethod" for d in definition.decorators
        )

    def reset(self) -> None:
        """Forget every evaluation: bindings have grown (argument flow, attribute stores)."""
        self.memo.clear()
        self.lookups.clear()
        self.dependents.clear()

    def invalidate(self, keys: Iterable[str]) -> None:
        """Forget what depended on these variables, and only that (they gained values)."""
        todo: list[Expr] = [(key,) for key in keys]
        while todo:
            node = todo.pop()
            self.memo.pop(node, None)
            self.lookups.pop(node, None)
            todo.extend(self.dependents.pop(node, ()))

    def _memoized_lookup(
        self, key: Expr, compute: Callable[..., AbstractSet[Value]], *args: object
    ) -> frozenset[Value]:
        """``compute(*args)``, memoised under ``key`` among the lookups (a hit, the commonest
        case by far, makes no closure)."""
        if self.tracking and self.stack:  # what is being evaluated now depends on ``key``
            self.dependents[key].add(self.stack[-1])
        cached = self.lookups.get(key)
        if cached is None:
            return self._evaluate(key, self.lookups, compute, args)
        return cached

    def _evaluate(
        self,
        key: Expr,
        table: dict[Expr, frozenset[Value]],
        compute: Callable[..., AbstractSet[Value]] | None = None,
        args: tuple[object, ...] = (),
    ) -> frozenset[Value]:
        """``key``'s value, memoised in ``table`` once it no longer depends on a key still
        being evaluated. Where evaluation meets a cycle (a key read while it is on the stack)
        the cycle's head goes round again until its members' approximations stop changing,
        so the result is not whatever the member entered first happened to see: it does not
        depend on the order in which keys are first asked for.

        Called when ``table`` lacks ``key``: the caller has looked (the commonest case, a
        hit, costs no call) and recorded the read in ``dependents``. The value is
        ``compute(*args)``, or with no ``compute`` the expression ``key``'s own (``_compute``):
        no closure is made per evaluation."""
        stack = self.stack
        pending = self.provisional.get(key)
        if pending is not None:  # computed in this round of an open cycle
            self._read_open(key, self._anchor(pending[2]))
            return pending[0]
        position = self.position
        index = position.get(key)
        if index is not None:  # a cycle: the approximation so far
            self.read_early.add(key)
            self._read_open(key, index)
            return self.approx.get(key, _EMPTY)
        if len(stack) >= MAX_DEPTH:
            return _TOP  # a chain too long to follow: given up on, it may hold anything
        lows, reads_of, changed = self.lows, self.reads, self.changed
        provisional_log, approx_log = self.provisional_log, self.approx_log
        index = len(stack)
        log_start = len(provisional_log)
        changed_at_start = len(changed)
        approx_start = len(approx_log)
        result = _EMPTY
        for _ in range(MAX_CYCLE_ROUNDS):
            changed_before = len(changed)
            position[key] = index
            stack.append(key)
            lows.append(_NO_CYCLE)
            reads_of.append(None)
            try:
                result = self._compute(key) if compute is None else _frozen(compute(*args))
                if TOP in result and len(result) > 1:
                    result = _TOP  # absorbing: anything at all
            finally:
                stack.pop()
                del position[key]
                low = lows.pop()
                reads = reads_of.pop()
            if key in self.read_early:
                self.read_early.discard(key)
                previous = self.approx.get(key)
                if previous is None:
                    approx_log.append(key)
                if result != (_EMPTY if previous is None else previous):
                    self.approx[key] = result
                    changed.append(key)
            if low < index:  # a member of a cycle entered below: its head decides
                self.provisional[key] = (result, table, stack[low], reads)
                provisional_log.append(key)
                self._read_open(key, low)
                return result
            if low != index or len(changed) == changed_before:
                break
            # the head of a cycle whose approximations changed: evaluate it again, and with
            # it what read a changed approximation (the rest of the round stays)
            self._forget_affected(log_start, changed[changed_before:], key)
        if len(provisional_log) > log_start:  # (most keys are in no cycle)
            for member in provisional_log[log_start:]:
                value, where, _, _ = self.provisional.pop(member)
                where[member] = value
            del provisional_log[log_start:]
        if len(approx_log) > approx_start:
            for member in approx_log[approx_start:]:
                self.approx.pop(member, None)
            del approx_log[approx_start:]
        del changed[changed_at_start:]
        table[key] = result
        return result

    def _anchor(self, anchor: Expr) -> int:
        """The stack index of the open key a provisional result depends on: the lowest key
        it read while that was on the stack (``anchor``), or, that key having finished
        provisionally since, the one that key depends on, and so on."""
        while True:
            position = self.position.get(anchor)
            if position is not None:
                return position
            entry = self.provisional.get(anchor)
            if entry is None:  # settled since: nothing open
                return _NO_CYCLE
            anchor = entry[2]

    def _read_open(self, key: Expr, low: int) -> None:
        """The frame being evaluated read ``key``, which depends on the open key at ``low``."""
        if not self.lows or low == _NO_CYCLE:
            return
        if low < self.lows[-1]:
            self.lows[-1] = low
        reads = self.reads[-1]
        if reads is None:
            self.reads[-1] = {key}
        else:
            reads.add(key)

    def _forget_affected(self, log_start: int, changed: list[Expr], head: Expr) -> None:
        """Drop the cycle's provisional results that read (maybe through one another) an
        approximation that changed; the others keep their values, now anchored at ``head``."""
        members = self.provisional_log[log_start:]
        readers: dict[Expr, list[Expr]] = defaultdict(list)
        for member in members:
            for read in self.provisional[member][3] or ():
                readers[read].append(member)
        affected: set[Expr] = set()
        todo = list(changed)
        while todo:
            for member in readers.get(todo.pop(), ()):
                if member not in affected:
                    affected.add(member)
                    todo.append(member)
        kept: list[Expr] = []
        for member in members:
            if member in affected:
                del self.provisional[member]
            else:
                value, where, _, reads = self.provisional[member]
                self.provisional[member] = (value, where, head, reads)
                kept.append(member)
        self.provisional_log[log_start:] = kept

    def class_lookup(
        self, cls: str, name: str, start_after: str | None = None
    ) -> frozenset[Value]:
        """``name`` looked up along ``cls``'s MRO (after ``start_after`` for super())."""
        return self._memoized_lookup(
            ("\0class", cls, name, start_after or ""), self._class_lookup, cls, name, start_after
        )

    def _class_lookup(self, cls: str, name: str, start_after: str | None) -> set[Value]:
        order = self.mro(cls)
        if start_after is not None:
            if start_after not in order:
                return set()
            order = order[order.index(start_after) + 1 :]
        stored = name in self.stored_names
        for owner in order:
            key = f"v:{owner}|{name}"
            if key in self.bindings:
                return set(self.resolve_key(key))
            if stored:
                self.depend(key)  # absent now; an attribute store may add it later
        return set()

    def _enum_member(self, cls: str, name: str) -> bool:
        """Is ``cls.name`` a member of an ``enum`` class (one with an outside base from the
        ``enum`` module along its MRO), so an instance of ``cls``: a data attribute its class
        body binds (``RESET = 0``; a method is no member), neither ``_sunder_`` nor
        ``__dunder__``. ``TextStyle.RESET + "x"`` runs ``TextStyle``'s ``__add__``, not
        ``int``'s (cmd2 2.4.3's ``TextStyle(AnsiSequence, Enum)``)."""
        definition = self.definitions.get(cls)
        if (definition is None or name not in definition.attributes
                or (name.startswith("_") and name.endswith("_"))):
            return False
        return any(base.split(".", 1)[0] == "enum"
                   for owner in self.mro(cls) for base in self.external_bases.get(owner, ()))

    def _binds(self, cls: str, name: str) -> bool:
        """Does a class of ``cls``'s MRO bind ``name`` in its body (or a store on it)?"""
        return any(f"v:{owner}|{name}" in self.bindings for owner in self.mro(cls))

    def depend(self, key: str) -> None:
        """What is being evaluated depends on variable ``key`` (even when it has no value)."""
        if self.tracking and self.stack:
            self.dependents[(key,)].add(self.stack[-1])

    def instance_lookup(self, cls: str, name: str) -> frozenset[Value]:
        return self._memoized_lookup(("\0instance", cls, name), self._instance_lookup, cls, name)

    def dispatch_lookup(self, cls: str, name: str) -> frozenset[Value]:
        """``name`` on an instance of ``cls`` or of any subclass (class hierarchy analysis)."""
        return self._memoized_lookup(("\0dispatch", cls, name), self._dispatch_lookup, cls, name)

    def _dispatch_lookup(self, cls: str, name: str) -> frozenset[Value]:
        found = self.instance_lookup(cls, name)
        for sub in self.varying(cls, (name,)):
            # marked: reached only by dispatch, one possible receiver of many
            found |= {
                v._replace(mark="dispatch") if isinstance(v, Bound) and not v.mark else v
                for v in self.instance_lookup(sub, name)
                if v not in found
            }
        return found

    def varying(self, cls: str, names: tuple[str, ...], exhaustive: bool = False
                ) -> list[str]:
        """The subclasses of ``cls`` (``implementations``) on which looking up ``names`` (on
        the class or an instance, from the start of the MRO or after a class of ``cls``'s
        MRO) may find something other than it does on ``cls``: those with a class in their
        MRO that ``cls``'s lacks and that binds one of the names, in its body or on its
        instances, or that has an outside base or a ``__getattr__``. On every other subclass
        the lookup walks the same binding classes in the same order (C3 keeps ``cls``'s MRO
        in order within a subclass's), so it finds what it finds on ``cls``. Visiting only
        these keeps a lookup on a class with thousands of subclasses (a test suite's
        ``TestCase``) from costing a lookup per subclass and name.

        Every subclass where that reasoning does not hold: a structural Protocol's
        implementers, a hierarchy with a cycle or an inconsistent MRO. A name an attribute
        store binds (``cls.name = ...`` in a metaclass or a class decorator) counts where the
        stores bound it so far; what asked depends on them (``STORED``) and is evaluated again
        when one binds it anywhere, instead of looking it up on every subclass (a pydantic
        code base's thousands of models, each read for every name its metaclass stores).

        The answer is made of the class hierarchy and the classes that bind each name, and
        is forgotten with them (``_forget_members``). Not to be changed by the caller.

        ``exhaustive``: every subclass wherever the answer leans on more than the class
        hierarchy and the bindings so far (a name an attribute store binds, an irregular
        subclass): the receivers of a call (``linker.receivers``) are told apart on each."""
        key = (cls, names, exhaustive)
        found = self._varying.get(key)
        if found is None:
            found = self._varying[key] = self._find_varying(cls, names, exhaustive)
        if self.tracking and self.stack:
            # A name an attribute store binds may still be bound on a subclass the answer
            # leaves out (it binds nothing there yet): what asked depends on the stores of
            # that name (``apply_attribute_stores`` forgets it when one binds it anywhere).
            stored_names = self.stored_names
            for name in (*names, "__getattr__"):
                if name in stored_names:
                    self.depend(STORED + name)
        return found

    def _find_varying(self, cls: str, names: tuple[str, ...], exhaustive: bool
                      ) -> list[str]:
        subs = self.implementations(cls)
        irregular = self._irregular
        odd = irregular & self.subclasses[cls] if irregular else set()
        if (
            len(subs) < 2 or cls in self.protocols or cls in irregular
            or (exhaustive
                and (odd or any(name in self.stored_names for name in (*names, "__getattr__"))))
        ):
            return subs
        found = self._regular_varying(cls, names, subs, exhaustive)
        if not odd:
            return found
        # A subclass whose MRO keeps no base's order (or is below one that does) may find
        # anything: visited on its own, the others as the reasoning above has it (one test
        # class with an inconsistent MRO made every lookup on pydantic's BaseModel visit
        # all of its 3,492 subclasses)
        kept = set(found) | odd
        for each in odd:
            kept.update(self.subclasses.get(each, ()))
        return subs if len(kept) == len(subs) else [sub for sub in subs if sub in kept]

    def _regular_varying(self, cls: str, names: tuple[str, ...], subs: list[str],
                         exhaustive: bool) -> list[str]:
        definers = self.definers
        binding = [definers[name] for name in (*names, "\0always") if definers.get(name)]
        below = self.subclasses[cls]
        above = self._mro_set(cls)
        visits = sum(map(len, binding))  # at least, walking down from each binding class
        if len(below) * len(binding) * UPWARD_COST < visits:
            supers = self._superclasses(exhaustive)
            if sum(map(len, map(supers.__getitem__, below))) * len(binding) * UPWARD_COST < visits:
                return self._varying_upward(subs, binding, above, supers)
        found: set[str] = set()
        # A Protocol's structural implementers do not have it in their MRO: a lookup on them
        # never reaches it, so what it binds (or its outside base, ``typing.Protocol``) makes
        # no lookup on them differ. Twisted's test classes each implement a few one-method
        # Protocols, and every lookup on its TestCase visited all 1,526 of them (3.5 million
        # lookups kept, 8 GB when stopped). The receivers of a call (``exhaustive``) keep them:
        # the graph says on which classes of ``self`` a call was evaluated.
        nominal: dict[str, frozenset[str]] = {} if exhaustive else self._nominal
        for binders in binding:
            for owner in binders:
                if owner in above:
                    continue
                if owner in below:
                    found.add(owner)
                under = nominal[owner] if owner in nominal else self.subclasses.get(owner)
                if under:
                    found.update(under & below if len(under) > len(below) else
                                 (s for s in under if s in below))
        if len(found) == len(subs):
            return subs
        return [sub for sub in subs if sub in found]

    @staticmethod
    def _varying_upward(
        subs: list[str],
        binding: list[frozenset[str]],
        above: frozenset[str],
        supers: dict[str, list[str]],
    ) -> list[str]:
        """``_find_varying`` walking up from each subclass: those that, or one of the classes
        whose subclasses hold them, are not in ``above`` and bind a name (are in ``binding``)."""
        found = []
        for sub in subs:
            for owner in (sub, *supers[sub]):
                if owner not in above and any(owner in binders for binders in binding):
                    found.append(sub)
                    break
        return subs if len(found) == len(subs) else found

    def _superclasses(self, structural: bool) -> dict[str, list[str]]:
        """Class -> the classes of its MRO but itself, and with ``structural`` the Protocols it
        implements structurally (``_nominal``): ``subclasses`` inverted, forgotten with the
        hierarchy."""
        found = self._supers.get(structural)
        if found is None:
            found = self._supers[structural] = defaultdict(list)
            nominal: dict[str, frozenset[str]] = {} if structural else self._nominal
            for owner, under in self.subclasses.items():
                for sub in nominal.get(owner, under):
                    found[sub].append(owner)
        return found

    @property
    def definers(self) -> dict[str, frozenset[str]]:
        """Name -> the classes that bind it (in the class body or on instances); under
        ``"\0always"`` the classes with an outside base or a ``__getattr__`` (a lookup of
        any name may end there)."""
        if self._definers is None:
            if self._binders is None:
                self._binders = self._index_binders(self.bindings, {})
            always = {cls for cls, outside in self.external_bases.items() if outside}
            always |= self._binders.get("__getattr__", frozenset())
            self._definers = {**self._binders, "\0always": frozenset(always)}
        return self._definers

    def _index_binders(
        self, keys: Iterable[str], known: dict[str, frozenset[str]]
    ) -> dict[str, frozenset[str]]:
        """Name -> the classes whose bindings' ``keys`` bind it, added to ``known``. The
        bindings' keys only grow (attribute stores add some) and the classes stay: kept
        up to date with the new keys, not made again from every key whenever the hierarchy
        (``"\0always"``) or the keys change (that cost as much as the stores themselves)."""
        index: dict[str, set[str]] = defaultdict(set)
        definitions = self.definitions
        for key in keys:
            owner, _, name = key[2:].rpartition("|")
            if name.startswith("<"):
                continue
            definition = definitions.get(owner)
            if definition is None or definition.kind is not SymbolKind.CLASS:
                continue
            index[name[1:] if name.startswith(".") else name].add(owner)
        merged = dict(known)
        for name, owners in index.items():
            merged[name] = known.get(name, frozenset()) | owners
        return merged

    def _mro_set(self, cls: str) -> frozenset[str]:
        found = self._mro_sets.get(cls)
        if found is None:
            found = self._mro_sets[cls] = frozenset(self.mro(cls))
        return found

    def _instance_lookup(self, cls: str, name: str) -> set[Value]:
        found = self.class_lookup(cls, name)
        got = {bound for v in found for bound in self.descriptor_get(v)} if found else set()
        if found and self._mro_set(cls).isdisjoint(self._generated_inits()):
            return got  # the commonest (a method): no field of a generated ``__init__`` hides it
        stored = name in self.stored_names
        for owner in self.mro(cls):
            key = f"v:{owner}|.{name}"
            if key in self.bindings or key in self.extra:
                if not found:
                    return set(self.resolve_key(key))
                if owner in self._generated_inits():
                    # a dataclass field the generated ``__init__`` sets: the instance's value
                    # hides the field's declaration (``elements: list[type[E]] = field(...)``)
                    return set(self.resolve_key(key)) | got
                break  # a class attribute of ours wins, as before (see ``_generated_inits``)
            if stored:
                self.depend(key)
        if found:
            return got
        outside = self.external_lookup(cls, name)
        if outside or name.startswith("__"):
            return outside | self.missing_behind(cls, name, True)
        # a miss runs ``__getattr__``: Via(method) makes the edge, its result is the value
        result: set[Value] = set()
        for method in self.special_methods(cls, ("__getattr__",)):
            result.add(Via(method))
            result |= self._getattr_result(method, name)
        return result

    def _generated_inits(self) -> frozenset[str]:
        """The classes with an ``__init__`` a dataclass-like decorator generates. Only there
        is an attribute set on instances read beside a class attribute of its name: read so
        everywhere, Django's graph lost a fifth of its edges (descriptors and defaults beside
        what ``__init__`` stores joined into sets past ``MAX_VALUES``)."""
        if self._generated is None:
            self._generated = frozenset(
                symbol[:-len(".__init__")] for symbol, definition in self.definitions.items()
                if definition.synthetic and symbol.endswith(".__init__"))
        return self._generated

    def _getattr_result(self, method: str, name: str) -> set[Value]:
        """What ``__getattr__`` method gives for attribute ``name``: a value it returns
        straight from ``getattr(inner, <its name parameter>)`` is ``inner.name``; any other
        is what the method returns for any name."""
        result: set[Value] = set()
        key = f"v:{method}|<return>"
        self.depend(key)
        exprs = list(self.bindings.get(key, ())) + sorted(self.extra.get(key, ()))
        for expr in exprs:
            if len(expr) == 1 and expr[0] in self.guard_keys:  # a guarded return's values
                exprs.extend(self.bindings.get(expr[0], ()))
                continue
            if len(expr) > 1 and expr[-1] == ASKED_NAME:
                result |= self._apply(self.resolve(expr[:-1]), Attr(name))
            else:
                result |= self.resolve(expr)
        return result

    def descriptor_get(self, value: Value) -> set[Value]:
        """A class attribute read through an instance; a descriptor (an instance of a class
        with ``__get__``) gives what its ``__get__`` returns, and the call."""
        if not isinstance(value, Inst):
            return {self.bind(value)}
        getters = self.special_methods(value.cls, ("__get__",))
        if not getters:
            return {value}
        result: set[Value] = set()
        for method in getters:
            result.add(Via(method))
            result |= self.call_result(Bound(method))
        return result

    def class_descriptor_get(self, found: Iterable[Value]) -> set[Value]:
        """A class attribute read through the class itself (``C.x``): a descriptor there runs
        its ``__get__`` too (``__get__(None, C)``); anything else is what the class holds, a
        function unbound."""
        result: set[Value] = set()
        for value in found:
            if isinstance(value, Inst) and self.special_methods(value.cls, ("__get__",)):
                result |= self.descriptor_get(value)
            else:
                result.add(value)
        return result

    def special_methods(self, cls: str, names: tuple[str, ...]) -> list[str]:
        """The method Python runs for special method ``names`` (fallbacks in order) on an
        instance of exactly ``cls``: looked up on the class, never on the instance."""
        for name in names:
            found = sorted(
                v.symbol for v in self.class_lookup(cls, name)
                if isinstance(v, Sym)
                and self.kind(v.symbol) in (SymbolKind.FUNCTION, SymbolKind.METHOD)
            )
            if found:
                return found
        return []

    def metaclasses(self, cls: str) -> list[str]:
        """The code base's metaclass of ``cls`` (``metaclass=``, own or inherited)."""
        for owner in self.mro(cls):
            key = f"v:{owner}|<metaclass>"
            if key in self.bindings:
                return sorted(
                    v.symbol for v in self.resolve((key,))
                    if isinstance(v, Sym) and self.kind(v.symbol) is SymbolKind.CLASS
                )
        return []

    def default_factories(self, cls: str) -> list[Value]:
        """``field(default_factory=f)`` of a dataclass whose ``__init__`` is generated."""
        init = self.definitions.get(f"{cls}.__init__")
        if init is None or not init.synthetic:
            return []
        found: set[Value] = set()
        for owner in self.mro(cls):
            key = f"v:{owner}|<factories>"
            if key in self.bindings:
                found |= self.resolve((key,))
        return ordered(found)

    def special_lookup(self, value: Value, names: tuple[str, ...]) -> set[Value]:
        """``%name`` on an instance: its class's special method (class hierarchy analysis when
        the class is not exact: each subclass's own, marked as one receiver of many); on a class
        object of ours, its metaclass's."""
        match value:
            case Sym(cls) | Subclass(cls) if self.kind(cls) is SymbolKind.CLASS:
                # a class object: its class is its metaclass (``isinstance(x, C)`` runs the
                # metaclass's ``__instancecheck__``, ``for m in C`` its ``__iter__``)
                found: set[Value] = {Bound(m) for meta in self.metaclasses(cls)
                                     for m in self.special_methods(meta, names)}
                if not found and names == SUBSCRIPT:
                    found = self.class_getitem(cls, exact=isinstance(value, Sym))
                return found
        if not isinstance(value, Inst):
            return set()
        cls = value.cls
        result: set[Value] = {Bound(m) for m in self.special_methods(cls, names)}
        if not value.exact:
            for sub in self.varying(cls, names):
                result |= {Bound(m, "dispatch") for m in self.special_methods(sub, names)
                           if Bound(m) not in result}
        if "__getitem__" in names and names != MISSING and self.dict_based(cls):
            # ``dict.__getitem__`` calls a subclass's ``__missing__`` for a key it lacks
            result |= self.special_lookup(value, MISSING)
        return result

    def class_getitem(self, cls: str, exact: bool) -> set[Value]:
        """``C[item]`` on class ``cls`` (``exact`` False: or any subclass, ``cls`` of a
        classmethod) whose metaclass has no ``__getitem__`` of ours: the ``__class_getitem__``
        of ours along its MRO (an implicit classmethod), and each subclass's own.
        ``typing.Generic``'s and a builtin's are not ours: nothing."""
        found: set[Value] = {Bound(m) for m in self.special_methods(cls, CLASS_GETITEM)}
        if not exact:
            for sub in self.varying(cls, CLASS_GETITEM):
                found |= {Bound(m, "dispatch") for m in self.special_methods(sub, CLASS_GETITEM)
                          if Bound(m) not in found}
        return found

    def missing_behind(self, cls: str, name: str, exact: bool) -> set[Value]:
        """``d.__getitem__`` read on an instance of ``cls`` (``exact``: of no subclass) that
        gets ``dict``'s (``super().__getitem__`` in an override of ours too): the bound
        method runs the class's ``__missing__`` for a key it lacks, wherever it is called
        (``self.get = Cache(f).__getitem__``, then ``self.get(key)``), as ``d[key]`` does."""
        if name != "__getitem__" or not self.dict_based(cls):
            return set()
        return self.special_lookup(Inst(cls, exact), MISSING)

    def dict_based(self, cls: str) -> bool:
        return any(base in DICT_BASES for owner in self.mro(cls)
                   for base in self.external_bases.get(owner, ()))

    def external_lookup(self, cls: str, name: str) -> set[Value]:
        """Not defined in the code base: it comes from an outside base class, if there is one.
        A builtin base (``str``, ``dict``, ``Exception``) has it only when the builtin type
        does: ``super().__mod__(args)`` on a ``str`` subclass is ``str.__mod__``, an outside
        call given ``args`` (whose ``__int__``/``__str__`` it runs); a name the type lacks is
        not there (``__getattr__`` runs)."""
        for base, root, rest in self._external_chain(cls):
            if root == "builtins":
                if builtin_has(rest, name):
                    return {Ext(f"{base}.{name}")}
            elif root not in ("typing", "typing_extensions", "abc"):
                return {Ext(f"{base}.{name}")}
        return set()

    def inherited_lookup(self, classes: Iterable[str], name: str) -> set[Value]:
        """``name`` that neither a class of ours along the MROs of ``classes`` defines nor
        an outside base that ``external_lookup`` answers for: what ``object``, ``type`` or a
        standard-library base (``abc.ABC``, ``abc.ABCMeta``) gives, when every base along the
        way is known (``stdlib.inherited_owner``). ``super().__init__()`` in a class of ours
        is ``object.__init__`` (a builtin's code); a metaclass's ``super().__new__`` under
        ``abc.ABCMeta`` is an outside call. Nothing when a base is unknown."""
        outside: list[str] = []
        for cls in classes:
            if cls in self._irregular or any(o in self.open_bases for o in self.mro(cls)):
                return set()
            outside += [base for base, _, _ in self._external_chain(cls)]
        owner = inherited_owner(tuple(dict.fromkeys(outside)), name)
        if owner is None:
            return set()
        if owner in ("builtins.object", "builtins.type"):
            return {BuiltinMethod(name)}
        return {Ext(f"{owner}.{name}")}

    def _external_chain(self, cls: str) -> list[tuple[str, str, str]]:
        """The outside bases along ``cls``'s MRO, in order, split at their first dot (most
        classes have none: the lookup of a missing name walked the whole MRO for nothing)."""
        chain = self._externals.get(cls)
        if chain is None:
            chain = self._externals[cls] = [
                (base, *base.partition(".")[::2])
                for owner in self.mro(cls) for base in self.external_bases.get(owner, ())
            ]
        return chain

    def external_hooks(self, cls: str, defined: bool = False) -> list[str]:
        """Methods of ``cls`` that outside code working on an instance of it may run without
        our code naming them: when ``cls`` inherits from an outside class (``threading.Thread``,
        werkzeug's ``Client``), that class's code calls its own methods on ``self``, and the
        public ones (and special methods) ``cls`` defines below it may override them
        (``run``, ``open``). A private name is a hook when the base may define it too
        (``textwrap.TextWrapper.wrap`` runs ``self._wrap_chunks``): a standard-library base is
        asked, any other is assumed to. Constructors and mangled names (``__x``) are not.

        ``defined``: only the methods whose names the outside base may define, public ones
        too (a standard-library base asked, as for a private name): what its code calls by
        its own names, without the names it computes at run time (``getattr(self, "do_" +
        command)``, a ``TestCase``'s test method)."""
        outside = self._outside_of(cls)
        if not outside:
            return []
        bases = self._outside_bases(outside)
        found: set[str] = set()
        for owner in self.mro(cls):
            # only classes below (or at) one with an outside base can override its methods
            if not any(o in self.mro(owner) for o in outside):
                continue
            for name in self.own_members(owner):
                if name in ("__init__", "__new__", "__init_subclass__", "__class_getitem__"):
                    continue
                if not self._may_override(name, bases, defined):
                    continue
                found.update(
                    v.symbol for v in self.class_lookup(cls, name)
                    if isinstance(v, Sym) and self.kind(v.symbol) is SymbolKind.METHOD
                )
        return sorted(found)

    def call_hooks(self, cls: str, method: str) -> list[str]:
        """``external_hooks`` of ``cls`` for a call of the outside base's ``method`` on an
        instance of it: when every outside base is a standard-library class whose source
        bounds what ``method`` calls on ``self`` (``stdlib_self.self_calls``), only the
        methods of ``cls`` by those names; else every hook. ``self.assertEqual(a, b)`` in a
        ``unittest.TestCase`` subclass runs ``_baseAssertEqual``, ``fail``, ... and none of
        its ``test_*`` methods."""
        key = (cls, method)
        found = self._call_hooks.get(key)
        if found is None:
            found = self._call_hooks[key] = self._find_call_hooks(cls, method)
        return found

    def _find_call_hooks(self, cls: str, method: str) -> list[str]:
        outside = self._outside_of(cls)
        if not outside:
            return []
        bases = tuple(self._outside_bases(outside))
        calls = self_calls(bases, method)
        if calls is None or any(self._uses_attribute(n) for n in sorted(calls.registries)):
            return self.external_hooks(cls)  # those not reachable by name: ``guessed_hooks``
        found: set[str] = set()
        for owner in self.mro(cls):
            if not any(o in self.mro(owner) for o in outside):
                continue
            for name in self.own_members(owner):
                if name in calls.names:
                    found.update(
                        v.symbol for v in self.class_lookup(cls, name)
                        if isinstance(v, Sym) and self.kind(v.symbol) is SymbolKind.METHOD
                    )
        return sorted(found)

    def guessed_hooks(self, cls: str) -> frozenset[str]:
        """``external_hooks`` of ``cls`` that are not ``reachable_hooks``: the outside base
        may call them, but nothing shows it has the name. Edges to them are guesses
        (``unbounded``): ``tests`` follows them, ``impact`` judges no call through them."""
        found = self._guessed.get(cls)
        if found is None:
            found = self._guessed[cls] = frozenset(self.external_hooks(cls)) - frozenset(
                self.reachable_hooks(cls))
        return found

    def reachable_hooks(self, cls: str) -> list[str]:
        """``external_hooks`` of ``cls`` that outside code running on an instance of it (a
        method of its outside base, or code it is handed to) could call by name: all of them
        when every outside base is a standard-library class (its source read: a method that
        lets ``self`` escape may reach anything), else those ``_known_to_outside``."""
        hooks = self.external_hooks(cls)
        bases = tuple(self._outside_bases(self._outside_of(cls)))
        if all(stdlib_class(base) is not None for base in bases):
            return hooks
        return [h for h in hooks if self._known_to_outside(h.rpartition(".")[2], bases)]

    def _known_to_outside(self, name: str, bases: tuple[str, ...]) -> bool:
        """Could the code of outside ``bases``, one not of the standard library among them
        (its source unread), call a method of ours called ``name`` by that name? When the
        base may define it: a special method, a name a standard-library base has, one an
        override of ours extends through ``super().name``; or when no code of ours names it
        (``x.name``), so that it is there for outside code to call. A helper our own code
        calls (``self._load(path)``), which nothing shows the base to have, is ours alone:
        counting every method of the class as the base's hook made a call of any method the
        base defines (pluggy's ``get_plugin``) a call of each of them (pytest 8.0)."""
        if name.startswith("__") and name.endswith("__"):
            return True
        if any(stdlib_defines(base, name) for base in bases):
            return True
        named, extended = self._names_known_to_outside()
        return name in extended or name not in named

    def _names_known_to_outside(self) -> tuple[frozenset[str], frozenset[str]]:
        """See ``_known_to_outside``: (the attributes our code names, those named through
        ``super()`` in a class with an outside base)."""
        if self._named_attributes is not None:
            return self._named_attributes
        named: set[str] = set()
        extended: set[str] = set()
        for summary in self.modules.values():
            exprs = _expressions(summary)
            for expr in exprs:
                for index in range(1, len(expr)):
                    text = expr[index]
                    if not text.startswith("."):
                        continue
                    op = self.op(text)
                    if not isinstance(op, Attr):
                        continue
                    named.add(op.name)
                    if (index == 2 and expr[1] == "super" and expr[0].startswith("s:")
                            and self._outside_of(expr[0][2:])):
                        extended.add(op.name)
        self._named_attributes = (frozenset(named), frozenset(extended))
        return self._named_attributes

    def _uses_attribute(self, name: str) -> bool:
        """Does our code use an attribute ``name`` of anything (``x.name``, ``getattr(x, p)``
        whose computed name may be it), or define a member so named? A registry an outside
        class keeps (``stdlib_self``) holds only its own names while this is not so: the
        indexer keeps no string values, so a registration of ours is not read, only seen."""
        found = self._attribute_uses.get(name)
        if found is None:
            found = self._attribute_uses[name] = self._find_attribute_use(name)
        return found

    def _find_attribute_use(self, name: str) -> bool:
        suffix = f"|{name}"
        if any(key.endswith(suffix) for key in self.bindings):
            return True
        for summary in self.modules.values():
            if any(d.qualname.rpartition(".")[2] == name for d in summary.definitions):
                return True
            exprs = _expressions(summary)
            if any(self._names_attribute(expr, index, name)
                   for expr in exprs for index in range(1, len(expr))):
                return True
        return False

    def _names_attribute(self, expr: Expr, index: int, name: str) -> bool:
        """Is ``expr[index]`` the attribute ``name``, or a ``getattr(obj, computed)`` whose
        name may be it on an ``obj`` that may be an instance of a class with an outside base
        (``getattr(self, attr)`` in a ``__repr__`` of a plain class is not)?"""
        text = expr[index]
        if not text.startswith("."):
            return False
        match self.op(text):
            case Attr(attribute):
                return attribute == name
            case AttrPattern(prefix, suffix, asked):
                if not (asked or (name.startswith(prefix) and name.endswith(suffix))):
                    return False
                return self._may_have_outside(self.resolve(expr[:index]), name)
        return False

    def _may_have_outside(self, values: frozenset[Value], name: str) -> bool:
        """May one of ``values`` be an object of a class of ours (or a class) with an outside
        base that may have ``name`` (not a standard-library one that lacks it), or something
        nothing is known of?"""
        if not values:
            return True  # a parameter no caller of ours fills: outside code's
        for value in values:
            match value:
                case Inst(cls) | Super(cls) | Subclass(cls):
                    pass
                case Sym(symbol) if self.kind(symbol) is SymbolKind.CLASS:
                    cls = symbol
                case Sym() | Mod() | Builtin() | BuiltinInstance() | Container() | Slice() \
                        | Pairs() | Pair() | BuiltinMethod() | ContainerMethod():
                    continue
                case _:
                    return True
            for owner in (cls, *self.implementations(cls)):
                bases = self._outside_bases(self._outside_of(owner))
                if any(stdlib_defines(base, name) is not False for base in bases):
                    return True
        return False

    def _outside_of(self, cls: str) -> list[str]:
        """The classes of ``cls``'s MRO that have an outside base."""
        outside = self._outside.get(cls)
        if outside is None:
            outside = self._outside[cls] = [o for o in self.mro(cls) if self._has_external_base(o)]
        return outside

    def _outside_bases(self, outside: list[str]) -> list[str]:
        return sorted({b for o in outside for b in self.external_bases.get(o, ())
                       if b.split(".", 1)[0] not in _NOT_OUTSIDE_CODE})

    @staticmethod
    def _may_override(name: str, bases: list[str], defined: bool = False) -> bool:
        """Can a method called ``name`` override one of these outside ``bases`` (with
        ``defined``: one the bases define, a public name too; see ``external_hooks``)?"""
        if name.startswith("__") and name.endswith("__"):
            return True
        if not name.startswith("_") and not defined:
            return True
        if name.startswith("__"):  # mangled: its class's own
            return False
        return any(stdlib_defines(b, name) is not False for b in bases)

    def _has_external_base(self, cls: str) -> bool:
        return any(
            base.split(".", 1)[0] not in _NOT_OUTSIDE_CODE
            for base in self.external_bases.get(cls, ())
        )

    def bind(self, value: Value) -> Value:
        if isinstance(value, Sym) and self.kind(value.symbol) is SymbolKind.METHOD:
            if self.is_static(value.symbol):
                return value
            return Bound(value.symbol)
        return value

    def implementations(self, cls: str) -> list[str]:
        found = self.sorted_subclasses.get(cls)
        if found is None:
            found = sorted(self.subclasses.get(cls, ()))
            self.sorted_subclasses[cls] = found
        return found

    # -- modules -------------------------------------------------------------------------
    def module_named(self, dotted: str) -> str | None:
        """The module an import of ``dotted`` loads: the module of that name, else the one
        whose file that path names (``discovery.path_names``: from the repository root, or
        the one file whose path ends so)."""
        if dotted in self.modules:
            return dotted
        return self.path_names.get(dotted)

    def resolve_dotted(self, dotted: str) -> set[Value]:
        """An import path: the module of that name, else the longest module prefix and
        attributes from there (a name a package binds wins over a submodule of that name);
        failing that, the same through the modules' paths (``module_named``). A name ending
        in ``MODULES_UNDER`` is any of our modules under the package before it (none known, or
        more than ``MAX_LOADED_UNDER``: nothing is known of it)."""
        if dotted in self.modules:
            return {Mod(dotted)}
        if dotted.endswith(MODULES_UNDER):
            prefix = dotted[:-1]  # ``pkg.plugins.``
            under = [module for module in self.modules if module.startswith(prefix)]
            return set() if len(under) > MAX_LOADED_UNDER else {Mod(m) for m in sorted(under)}
        parts = dotted.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:cut])
            if module in self.modules:
                values: set[Value] = {Mod(module)}
                for name in parts[cut:]:
                    values = self.attribute_of(values, name)
                return values
        if self.path_names:
            for cut in range(len(parts), 0, -1):
                named = self.path_names.get(".".join(parts[:cut]))
                if named is not None:
                    values = {Mod(named)}
                    for name in parts[cut:]:
                        values = self.attribute_of(values, name)
                    return values
        return {Ext(dotted), *self.patched(dotted)}

    def module_attribute(
        self, module: str, name: str, seen: frozenset[str] = frozenset()
    ) -> set[Value]:
        key = f"v:{module}:|{name}"
        submodule = f"{module}.{name}"
        if key in self.bindings:
            if submodule in self.modules and all(
                e in ((module_root(submodule),), (module_root(module), attr_op(name)))
                for e in self.bindings[key]
            ):  # ``from . import sub`` in the package: the submodule itself
                return {Mod(submodule)}
            return set(self.resolve_key(key))
        if name in self.stored_names:
            self.depend(key)
        if submodule in self.modules:
            return {Mod(submodule)}
        star = f"v:{module}:|*"
        found: set[Value] = set()
        if star in self.bindings and module not in seen:
            for expr in self.bindings[star]:
                root = self.root(expr[0])  # the module star-imported from (``m:``)
                if not isinstance(root, ModuleRoot):
                    continue
                target = root.dotted
                if target in self.modules:
                    exported = (self.exported[target] if target in self.exported
                                else self.modules[target].all_names)
                    if exported is not None and name not in exported:
                        continue
                    found |= self.module_attribute(target, name, seen | {module})
                else:
                    found.add(Ext(f"{target}.{name}"))
        return found

    # -- evaluation ----------------------------------------------------------------------
    def resolve_key(self, key: str) -> frozenset[Value]:
        return self.resolve((key,))

    def resolve(self, expr: Expr) -> frozenset[Value]:
        if self.tracking and self.stack:  # what is being evaluated now depends on ``expr``
            self.dependents[expr].add(self.stack[-1])
        cached = self.memo.get(expr)
        if cached is None:
            return self._evaluate(expr, self.memo)
        return cached

    def _compute(self, expr: Expr) -> frozenset[Value]:
        # an expression's value does not depend on how deep in context-sensitive calls it
        # was first asked for (its memo entry serves every depth)
        depth, self._context_depth = self._context_depth, 0
        try:
            if len(expr) == 1:
                result = self._root(expr[0])
            else:
                base = self.resolve(expr[:-1])
                text = expr[-1]
                if TOP in base:
                    if text != ONLY_CODE:
                        return _TOP  # whatever is done to anything at all
                    # a cast of a value given up on keeps what is known of it: a cast never
                    # makes its value anything at all
                    base = _frozen(base - _TOP)
                op = self._ops.get(text) or self.op(text)  # no call when parsed before
                result = self._apply(base, op)
        finally:
            self._context_depth = depth
        if len(result) > MAX_VALUES:
            return _TOP
        return _frozen(result)

    def _root(self, text: str) -> set[Value]:
        match self._roots.get(text) or self.root(text):
            case Variable(key):  # the commonest first: the kinds are disjoint, order is free
                return self._variable(key)
            case SymbolRoot(symbol):
                return {Sym(symbol)}
            case ModuleRoot(dotted):
                return self.resolve_dotted(dotted)
            case BuiltinRoot(name):
                return {Builtin(name)}
            case ContainerRoot(key):
                return {Container(key)}
            case FixtureRoot(location, name):  # the fixture a test's parameter names
                return self.fixture_index.fixtures(location, name)
            case AutouseRoot(location):  # the autouse fixtures that run before a test
                return self.fixture_index.autouse(location)
            case Arguments():  # the callers' arguments: bound beside it, by the linker
                return set()
            case GeneratedRoot(name):  # a call in generated source: see visit_Const
                return self.generated_callees(name)
            case root:
                assert_never(root)

    def _variable(self, key: str) -> set[Value]:
        values: set[Value] = set()
        # the bindings, then argument flow's additions in order (no list is built for the
        # two: most variables have no additions; bindings only grow between evaluations)
        bound = self.bindings.get(key, ())
        extra = self.extra.get(key)
        if not bound and not extra:
            module_part, _, name = key[2:].partition("|")
            if module_part.endswith(":") and not name.startswith("<"):
                # module level: maybe from a star import
                return self.module_attribute(module_part[:-1], name)
        for expr in bound:
            values |= self.resolve(expr)
        if len(bound) > 1:  # ``try: from fast_c import X`` / ``except: from .pure import X``
            values = without_twins(values)
        if extra:
            for expr in sorted(extra):
                values |= self.resolve(expr)
        return values

    def runs_source(self) -> bool:
        """Does the code base run source it builds (a call of the builtin ``exec`` or
        ``eval``)? Calls made there are out of the graph's sight."""
        if self._runs_source is None:
            self._runs_source = any(
                _EXEC in site.callee or _EVAL in site.callee
                for summary in self.modules.values() for site in summary.calls
            )
        return self._runs_source

    def generated_callees(self, name: str) -> set[Value]:
        """The module-level classes and functions called ``name``, when the code base runs
        source it builds (a call of the builtin ``exec`` or ``eval``); else nothing."""
        if self._by_name is None:
            found: dict[str, set[Value]] = defaultdict(set)
            for symbol, definition in self.definitions.items() if self.runs_source() else ():
                qual = symbol.partition(":")[2]
                if "." not in qual and definition.kind in (
                    SymbolKind.CLASS, SymbolKind.FUNCTION
                ):
                    found[qual].add(Sym(symbol))
            self._by_name = dict(found)
        return set(self._by_name.get(name, ()))

    def root(self, text: str) -> Root:
        """An expression's root as its record (each text is parsed once: the memo of
        evaluations is cleared as bindings grow, the roots stay what they are)."""
        found = self._roots.get(text)
        if found is None:
            found = self._roots[text] = parse_root(text)
        return found

    def op(self, text: str) -> Op:
        """An expression's operation as its record (each text is parsed once)."""
        found = self._ops.get(text)
        if found is None:
            found = self._ops[text] = parse_op(text)
        return found

    def _apply(self, values: frozenset[Value], op: Op) -> set[Value]:
        if TOP in values:  # whatever is done to anything at all gives anything at all
            given = self._apply(values - _TOP, op) if len(values) > 1 else set()
            if not isinstance(op, OnlyCode):  # but what a cast keeps (``_compute``)
                given.add(TOP)
            return given
        match op:
            case Attr(name):
                return self.attribute_of(values, name)
            case AttrPattern(prefix, suffix):  # ``getattr(obj, computed)``
                return self.pattern_attribute(values, prefix, suffix)
            case Call():  # the commonest: no call of _apply_one per value
                result: set[Value] = set()
                for value in ordered(values):
                    result |= self.call_result(value)
                return result
            case CallWith(key="") if not self.return_guards:
                # the shape of a call's arguments: it matters to guarded returns only
                result = set()
                for value in ordered(values):
                    result |= self.call_result(value)
                return result
        result = set()
        for value in ordered(values):
            result |= self._apply_one(value, op)
        return result

    def _apply_one(self, value: Value, op: Op) -> AbstractSet[Value]:
        """One value through operation ``op`` (an attribute works on the whole set)."""
        match op:
            case Attr() | AttrPattern():
                return self._apply(frozenset((value,)), op)
            case Call():
                return self.call_result(value)
            case CallWith():  # a call whose arguments the indexer recorded
                return self.call_with_arguments(value, op)
            case SliceOf(low, high):
                match value:
                    case Container(key):
                        return {Slice(key, low or 0, -1 if high is None else high)}
                    case Slice(key):  # a slice of a slice: its elements at other positions
                        return {Container(key)}
            case Item():  # a constant key or position
                return self._item(value, op)
            case Element():
                return self._element(value)
            case Instance():
                match value:
                    case Sym(symbol) if self.kind(symbol) is SymbolKind.CLASS:
                        return {Inst(symbol, False)}
                    case Ext(dotted):
                        return {Ext(dotted)}
                    case Container():
                        return {value}
                    case Builtin(name) if name in BUILTIN_TYPES:
                        return {BuiltinInstance(name)}
            case GetterOf():  # the getter of ``property(getter)``
                if isinstance(value, Sym) and self.kind(value.symbol) in (
                    SymbolKind.FUNCTION, SymbolKind.METHOD
                ):
                    return {Property(value.symbol)}
            case SetterOf():  # the setter of ``property(getter, setter)``
                if isinstance(value, Sym) and self.kind(value.symbol) in (
                    SymbolKind.FUNCTION, SymbolKind.METHOD
                ):
                    return {Setter(value.symbol)}
            case OnlyContainer():  # ``xs + ys``: lists, tuples (see ``_element``)
                if isinstance(value, (Container, Slice)):
                    return {value}
            case OnlyCode():  # ``cast(T, f)``: functions, methods, classes of ours
                if isinstance(value, (Sym, Bound, Subclass)):
                    return {value}
            case OnlyClass():  # ``raise Error``: only a class is constructed
                if isinstance(value, Sym) and self.kind(value.symbol) is SymbolKind.CLASS:
                    return {value}
            case Unless(module):
                # a fallback of ``except ImportError``: dead when we have the module
                if self.module_named(module) is None:
                    return {value}
            case SubclassOf():
                if isinstance(value, Sym) and self.kind(value.symbol) is SymbolKind.CLASS:
                    return {Subclass(value.symbol)}
            case Decorated(depth):
                return self.decorated(value, depth)
            case Special(names):  # a special method Python calls implicitly
                return self.special_lookup(value, names)
            case DescriptorSet(name):  # ``obj.x = v`` with a descriptor ``x``: its ``__set__``
                if isinstance(value, Inst):
                    result: set[Value] = set()
                    for owner in ordered(self.class_lookup(value.cls, name)):
                        result |= self.special_lookup(owner, ("__set__",))
                        # a property ``x``: its setter (part of the property's node), or
                        # AttributeError where it has none
                        if isinstance(owner, Sym | Bound) and self.is_property(owner.symbol):
                            result.add(Bound(owner.symbol))
                        elif isinstance(owner, Setter):  # ``property(getter, setter)``
                            result.add(Bound(owner.setter))
                    return result
            case FixtureValue():  # a fixture function -> what it returns or yields
                match value:
                    case Sym(symbol):
                        return set(self.resolve((f"v:{symbol}|<fixture>",)))
                    case Ext():
                        return {value}
            case SuperOf():
                if isinstance(value, Sym):
                    return {Super(value.symbol)}
            case _:
                assert_never(op)
        return set()

    def _item(self, value: Value, item: Item) -> set[Value]:
        """``value[constant]``: the element of a container at that key or position."""
        match value:
            case Slice(key):
                if item.position is not None:
                    return self.slice_elements(value, item.position)
                return set(self.resolve((key,)))
            case Container(key):
                constant = f"{key}{item.text}"
                if constant in self.bindings:
                    return set(self.resolve((constant,)))
                self.depend(constant)
                # a ``**options`` dict's entry: what the callers passed by that keyword
                # (bound by the linker, ``link._bind_arguments``), and any other element
                return set(self.resolve((key,))) | (
                    set(self.resolve((constant,))) if constant in self.extra else set())
            case Pairs(key):
                return {Pair(key)}
            case Pair(key) if item.text == "[1]":
                return set(self.resolve((key,)))
            case Inst():  # ``obj["name"]`` on an object of ours: what its __getitem__ returns
                return self._getitem(value)
            case Sym(symbol) | Subclass(symbol) if self.kind(symbol) is SymbolKind.CLASS:
                # ``HasMethod["name"]``: what the metaclass's ``__getitem__`` or the class's
                # ``__class_getitem__`` of ours returns
                return self._class_subscript(value)
        return set()

    def _class_subscript(self, value: Sym | Subclass) -> set[Value]:
        result: set[Value] = set()
        for getter in ordered(self.special_lookup(value, SUBSCRIPT)):
            result |= self.call_result(getter)
        return result

    def _getitem(self, value: Inst) -> set[Value]:
        result: set[Value] = set()
        for getter in ordered(self.attribute_of([value], "__getitem__")):
            result |= self.call_result(getter)
        return result

    def _element(self, value: Value) -> set[Value]:
        """An element of ``value`` (``x[i]`` with ``i`` unknown, ``for e in x``)."""
        match value:
            case Sym(symbol) if self.kind(symbol) is SymbolKind.CLASS:
                # ``ConfigAttribute[bool]``: a generic alias, which builds the class itself,
                # unless a ``__getitem__`` of its metaclass or a ``__class_getitem__`` of ours
                # makes it: what that returns, when known
                return self._class_subscript(value) or {value}
            case Subclass(symbol) if self.kind(symbol) is SymbolKind.CLASS:
                return self._class_subscript(value)
            case Slice():
                return self.slice_elements(value)
            case Container(key) | Pair(key):
                return set(self.resolve((key,)))
            case Inst():
                # iterating an object of ours: what the iterator its __iter__ returns gives
                # (an iterator of ours: its __next__; a container, ``iter(...)`` of one or a
                # generator: their elements); ``obj[i]``, and iterating a class without
                # __iter__, read __getitem__ (both: the one op stands for either)
                result = self._getitem(value)
                for iterator in ordered(self.attribute_of([value], "__iter__")):
                    for it in ordered(self.call_result(iterator)):
                        if not isinstance(it, Inst):
                            result |= self._element(it)
                            continue
                        for step in ordered(self.attribute_of([it], "__next__")):
                            result |= self.call_result(step)
                return result
            case Pairs(key):  # an element of ``d.items()``: a (key, value) pair
                return {Pair(key)}
        return set()

    def slice_elements(self, value: Slice, position: int | None = None) -> set[Value]:
        """The elements of ``container[low:high]`` (or the one at ``position`` in it): those
        positions when the container is a literal whose positions hold every element it has,
        else every element."""
        key, low, high = value.key, value.low, value.high
        everything = set(self.resolve((key,)))
        length = 0
        while f"{key}[{length}]" in self.bindings:
            length += 1
        wanted = range(low, length if high < 0 else min(high, length))
        if position is not None:
            wanted = wanted[position : position + 1]
        positional: set[Value] = set()
        for index in range(length):
            positional |= self.resolve((f"{key}[{index}]",))
        if not length or not everything <= positional:  # elements added later: no positions
            return everything
        result: set[Value] = set()
        for index in wanted:
            result |= self.resolve((f"{key}[{index}]",))
        return result

    def attribute_of(self, values: Iterable[Value], name: str) -> set[Value]:
        result: set[Value] = set()
        modules = 0
        for value in ordered(values):
            match value:  # (each kind is matched by its own cases only: order among kinds is free)
                case Inst(cls, exact) if name == "__class__":  # ``self.__class__(...)``
                    result.add(Sym(cls) if exact else Subclass(cls))
                case Inst(cls, exact):  # the commonest, first
                    if exact:
                        found = self.instance_lookup(cls, name)
                    else:  # class hierarchy analysis: any subclass may be the receiver
                        found = self.dispatch_lookup(cls, name)
                    for item in ordered(found):
                        match item:
                            case Property(getter):
                                result |= self.call_result(Sym(getter))
                            case Sym(symbol) | Bound(symbol) if self.is_property(symbol):
                                result |= self.call_result(Sym(symbol))
                            case Setter():  # run by assigning the attribute, not reading it
                                pass
                            case _:
                                result.add(item)
                case Mod(module):
                    result |= self.module_attribute(module, name)
                    modules += 1
                case Sym(symbol) | Subclass(symbol) if name == "__class__" and (
                        self.kind(symbol) is SymbolKind.CLASS) and self.metaclasses(symbol):
                    # ``type(cls)(name, bases, attrs)``, ``type(cls).describe(cls)``: a class's
                    # class is its metaclass, when that is one of ours (else ``type``'s
                    # ``__class__``, below: nothing of ours)
                    exact = isinstance(value, Sym)
                    result |= {Sym(meta) if exact else Subclass(meta)
                               for meta in self.metaclasses(symbol)}
                case Sym(symbol) if self.kind(symbol) is SymbolKind.CLASS:
                    # a name a class of ours binds is that binding's, even when what it holds
                    # is unknown (``objects = QS.as_manager()``: what an outside function
                    # returns), not the outside base's attribute of that name
                    found = self.class_lookup(symbol, name)
                    result |= (self.class_descriptor_get(found) if found
                               else set() if self._binds(symbol, name) else
                               self.external_lookup(symbol, name)
                               or self.inherited_lookup([symbol], name))
                    if self._enum_member(symbol, name):
                        result.add(Inst(symbol, True))
                case Subclass(cls):  # ``cls`` in a classmethod: the class or any subclass
                    for each in [cls, *self.varying(cls, (name,))]:
                        result |= self.class_descriptor_get(self.class_lookup(each, name))
                case Sym(symbol) if name in PROPERTY_METHODS and self.is_property_object(symbol):
                    # ``@size.setter`` in a class body: the property's own method
                    result.add(BuiltinMethod(name))
                case Sym(symbol) | Bound(symbol) if self.kind(symbol) in FUNCTIONS:
                    # a bound method reads its function's attributes
                    result |= self.function_attribute(symbol, name)
                case Super(cls):
                    above: set[Value] = set()
                    receivers = [cls, *self.varying(cls, (name,))]
                    for receiver in receivers:
                        above |= {self.bind(v) for v in self.class_lookup(receiver, name, cls)}
                    # not defined after ``cls`` in the code base: an outside base's, if any,
                    # else ``object``'s (``super().__init__()``)
                    result |= (above or (self.external_lookup(cls, name)
                                         | self.missing_behind(cls, name, False))
                               or self.inherited_lookup(receivers, name))
                case Ext(dotted) if typing_says_nothing(dotted):
                    # ``x: Any``, ``x: T``: as unknown as an unannotated ``x``; a path grown
                    # from it (``typing.Any.body.Node.call``) made one value per chain of
                    # names read: jinja2's ``NodeVisitor.visit(node)`` held thousands (Top).
                    # Called (``visitor(node)``, ``VisitCallable``) it carries the arguments,
                    # and is no better known
                    pass
                case Ext(dotted, carried) if carried and dotted in CLASS_FACTORIES:
                    # an instance of a namedtuple: a field built by keyword holds that
                    # argument; any other name is the outside object's, carrying them all
                    field = self._keyword_argument(carried, name)
                    result |= field if field is not None else {outside_attribute(value, name)}
                case Ext(dotted, "") if f"{dotted}.{name}" in self.path_names:
                    # ``import lib`` of a folder without ``__init__.py``, then ``lib.m``
                    result.add(Mod(self.path_names[f"{dotted}.{name}"]))
                case Ext(dotted, carried):  # an outside object's attributes carry its arguments
                    result.add(outside_attribute(value, name))
                    if not carried and name in self.stored_names:
                        # a module's, which our code may have replaced
                        result |= self.patched(f"{dotted}.{name}")
                case Builtin(cls) if builtin_class_runs(cls, name):
                    # ``tuple.__repr__(self)``, ``object.__new__(cls)``: the builtin's code,
                    # not any ``__repr__`` of ours (an unresolved call asking for one)
                    result.add(BuiltinMethod(name))
                case Container(key) if name in CONTAINER_MERGES:
                    result.add(ContainerMethod(key, "merge"))
                case BuiltinInstance() | Container() | Slice() if name not in CONTAINER_METHODS:
                    result.add(BuiltinMethod(name))  # a method of a builtin type: not ours
                case Container(key) if name == "items":
                    result.add(ContainerMethod(key, "items"))
                case Container(key) if name in CONTAINER_VIEWS:
                    result.add(ContainerMethod(key, "view"))
                case Container(key) if name in CONTAINER_GETTERS:
                    result.add(ContainerMethod(key, "get"))
        if modules and len(result) > 1:  # ``impl.Escaping``, ``impl`` one of several modules
            return without_twins(result)
        return result

    def function_attribute(self, function: str, name: str,
                           seen: frozenset[str] = frozenset()) -> set[Value]:
        """``name`` read on a function of ours: what our code stores there (``wrapper.cache_info
        = cache_info``), and what the function it wraps has under that name
        (``functools.update_wrapper`` and ``@functools.wraps`` copy ``wrapped.__dict__``).
        Nothing (the read stays unresolved) when a wrapped object is neither a function nor an
        instance of ours (an outside object, or one nothing is known of): its attributes are
        unknown."""
        if function in seen:
            return set()
        seen = seen | {function}
        key = f"v:{function}|.{name}"
        result = set(self.resolve_key(key)) if key in self.bindings else set()
        wraps = f"v:{function}|.{WRAPS}"
        if wraps not in self.bindings:
            return result
        if name == "__wrapped__":  # set last, after the copy: exactly what it wraps
            return result | self.resolve_key(wraps)
        for wrapped in ordered(self.resolve_key(wraps)):
            match wrapped:
                case Sym(symbol) | Bound(symbol) if self.kind(symbol) in FUNCTIONS:
                    result |= self.function_attribute(symbol, name, seen)
                case Inst(cls, exact):  # a callable object: its instance attributes
                    for each in [cls] if exact else [cls, *self.implementations(cls)]:
                        for owner in self.mro(each):
                            key = f"v:{owner}|.{name}"
                            if key in self.bindings:
                                result |= self.resolve_key(key)
                case _:
                    return set()
        return result

    def pattern_attribute(
        self, values: Iterable[Value], prefix: str, suffix: str
    ) -> set[Value]:
        """Every member of the receiver (its class hierarchy, subclasses included unless the
        class is exact; or a module) whose name matches ``prefix*suffix``. The values are
        marked ``dynamic``; with nothing known of the name, ``unbounded`` plus the receiver.
        The values keep the mark wherever they flow (variables, attributes, parameters,
        returns): the linker makes every edge of what a call of them runs with it."""
        unbounded = not prefix and not suffix
        result: set[Value] = set()
        names: AbstractSet[str]
        for value in ordered(values):
            match value:
                case Inst(receiver, exact):
                    names = self._class_members(receiver, exact)
                case Sym(receiver) if self.kind(receiver) is SymbolKind.CLASS:
                    names = self._class_members(receiver, True)
                case Subclass(receiver) if self.kind(receiver) is SymbolKind.CLASS:
                    names = self._class_members(receiver, False)
                case Mod(receiver):
                    names = {
                        k.rpartition("|")[2] for k in self.class_keys.get(f"v:{receiver}:|", ())
                    }
                case _:
                    continue
            mark: Mark = "unbounded" if unbounded else "dynamic"
            for name in sorted(names):
                if unbounded and name.startswith("__"):
                    continue
                if (len(name) < len(prefix) + len(suffix) or not name.startswith(prefix)
                        or not name.endswith(suffix)):
                    continue
                for found in self.attribute_of([value], name):
                    if isinstance(found, (Sym, Bound)):
                        result.add(
                            found._replace(mark=mark, receiver=receiver if unbounded else "")
                        )
                    elif isinstance(found, Named):  # a decorated method: its wrapper runs
                        result.add(found._replace(mark=mark))
                    else:
                        result.add(found)
        return result

    def _class_members(self, cls: str, exact: bool) -> frozenset[str]:
        """The names a class (and, unless ``exact``, its subclasses) has along its MRO."""
        found = self._members.get((cls, exact))
        if found is None:
            classes = [cls] if exact else [cls, *self.implementations(cls)]
            found = frozenset(
                n for each in classes for owner in self.mro(each) for n in self.own_members(owner)
            )
            self._members[(cls, exact)] = found
        return found

    def call_result(self, value: Value) -> set[Value]:
        match value:
            case Sym(symbol) | Bound(symbol):
                kind = self.kind(symbol)
                if kind is SymbolKind.CLASS:
                    return {Inst(symbol, True), *self.made_instead(symbol)}
                if kind in (SymbolKind.FUNCTION, SymbolKind.METHOD):
                    return set(self.resolve((f"v:{symbol}|<return>",)))
            case Subclass(cls):
                return {Inst(cls, False), *self.made_instead(cls)}
            case Builtin(name) if name in BUILTIN_TYPES:
                return {BuiltinInstance(name)}
            case Builtin(name) if name in BUILTIN_RESULTS:
                return {BuiltinInstance(BUILTIN_RESULTS[name])}
            case Builtin("open"):
                return {OPENED_FILE}
            case Ext(dotted) if dotted in FILE_OPENERS:
                return {OPENED_FILE}
            case Ext(dotted) if dotted.rsplit(".", 1)[-1][:1].isupper() or (
                dotted in CLASS_FACTORIES
            ):
                # an outside class (CapWords, by PEP 8): its instance's methods keep the class's
                # path, ``ext.Cls().fun()`` -> ext.Cls.fun; what an outside function returns is
                # unknown, but for a class factory's: a class, whose instances carry their
                # arguments as a class's do
                return {value}
            case Inst(cls):
                result: set[Value] = set()
                for target in ordered(self.instance_lookup(cls, "__call__")):
                    result |= self.call_result(target)
                return result
            case ContainerMethod(key, "view"):
                return {Container(key)}
            case ContainerMethod(key, "items"):
                return {Pairs(key)}
            case ContainerMethod(key, "get"):
                return set(self.resolve((key,)))
            case ContainerMethod(key, "merge"):  # its arguments unknown: its own elements
                return {Container(key)}
        return set()

    def made_instead(self, cls: str) -> set[Value]:
        """What calling class ``cls`` gives besides an instance of its own family: what a
        ``__new__`` of ours returns that is no instance of ``cls``, its bases or subclasses
        (wtforms' ``Field.__new__`` returns ``UnboundField(cls, ...)`` until a form binds the
        field; ``super().__new__(cls)`` and a cached instance of ``cls`` add nothing)."""
        found: set[Value] = set()
        for new in self.special_methods(cls, ("__new__",)):
            for value in self.resolve((f"v:{new}|<return>",)):
                if isinstance(value, Inst) and (
                    value.cls in self.mro(cls) or cls in self.mro(value.cls)
                ):
                    continue
                found.add(value)
        return found

    # -- context-sensitive calls -----------------------------------------------------------
    def call_with_arguments(self, value: Value, op: CallWith) -> AbstractSet[Value]:
        """The result of a call ``op`` = ``(KEY N NAMES)`` made by the indexer: the positional
        arguments are bound under ``KEY[0]``..``KEY[N-1]``, the keywords under ``KEY['name']``.

        An outside class built with recorded arguments gives ``Ext(dotted, carried=op)``: the
        object carries those arguments, which may be ours (``URLSafeTimedSerializer(...,
        serializer=self.serializer)``), and its methods may call them back (the linker's
        ``_link_carried``)."""
        if isinstance(value, Ext) and value.dotted in IDENTITY_DECORATORS:
            if not op.count:  # ``dataclasses.dataclass(eq=False)``: still the decorator
                return {Ext(value.dotted, op_text(op) if op.key else "")}
            return set(self.resolve((op.positional_keys()[0],))) if op.key else set()
        if isinstance(value, Ext):
            if not op.key:  # no argument known: nothing to carry
                return self.call_result(value)
            carried = op_text(op)
            return {Ext(v.dotted, carried) for v in self.call_result(value) if isinstance(v, Ext)}
        if isinstance(value, ContainerMethod) and value.gives == "merge":
            # ``scope.new_child({"globals": ScopeVars()})``: the containers (or mappings of
            # ours) it was given hold elements of the new one too
            return {Container(value.key)} | self._argument_values(op)
        return self._call_recorded(value, op, lambda expr: frozenset(self.resolve(expr)))

    def _keyword_argument(self, carried: str, name: str) -> set[Value] | None:
        """The values of keyword argument ``name`` of a recorded call (``Ext.carried``), or
        None when the call has no such keyword."""
        call = self.op(carried)
        if not isinstance(call, CallWith) or name not in call.names:
            return None
        return set(self.resolve((call.keyword_key(name),)))

    def carried_arguments(self, carried: str) -> set[Value]:
        """The values of the arguments a recorded call (``Ext.carried``) was given."""
        call = self.op(carried)
        return self._argument_values(call) if isinstance(call, CallWith) else set()

    def _argument_values(self, call: CallWith) -> set[Value]:
        if not call.key:  # the shape of the arguments only: no value of them is known
            return set()
        keys = [*call.positional_keys(), *(call.keyword_key(name) for name in call.names)]
        found: set[Value] = set()
        for item in keys:
            found |= self.resolve((item,))
        return found

    def _call_recorded(
        self, value: Value, op: CallWith, evaluate: Callable[[Expr], frozenset[Value]]
    ) -> AbstractSet[Value]:
        if not self._depends_on_arguments(value, op):
            return self.call_result(value)  # the arguments do not matter: not evaluated
        if op.key:
            positional = [evaluate((key,)) for key in op.positional_keys()]
            keywords = {name: evaluate((op.keyword_key(name),)) for name in op.names}
        else:  # the shape only
            positional, keywords = [frozenset()] * op.count, {}
        applied = self.call_in_context(
            value, positional, keywords, passed=frozenset(op.bare), shape_only=not op.key
        )
        return self.call_result(value) if applied is None else applied

    def _depends_on_arguments(self, value: Value, op: CallWith) -> bool:
        """Does what calling ``value`` (a function, or an instance through its ``__call__``)
        returns depend on this call's arguments (see ``call_in_context``)?"""
        targets: AbstractSet[Value]
        if isinstance(value, Inst):
            targets = self.instance_lookup(value.cls, "__call__")
        elif isinstance(value, (Sym, Bound)):
            targets = {value}
        else:
            return False
        for target in targets:
            if not isinstance(target, (Sym, Bound)):
                continue
            if self.guarded(target.symbol):
                return True
            returned = self.returned_parameters(target.symbol)
            if returned and (op.key or (
                    ANY_KEYWORDS not in op.bare and returned & self._star_names(target.symbol))):
                return True
        return False

    def _star_names(self, symbol: str) -> frozenset[str]:
        definition = self.definitions.get(symbol)
        if definition is None or definition.signature is None:
            return frozenset()
        return frozenset(p.name for p in definition.signature.parameters
                         if p.kind is ParamKind.VAR_POSITIONAL)

    def call_in_context(
        self,
        value: Value,
        positional: list[frozenset[Value]],
        keywords: dict[str, frozenset[Value]],
        *,
        passed: AbstractSet[str] = frozenset(),
        callables: bool = False,
        shape_only: bool = False,
    ) -> frozenset[Value] | None:
        """What calling ``value`` with these arguments returns, when the function's return
        value comes from its parameters (an identity decorator, ``ensure_sync(f)``, a getter
        of an argument's attribute): its parameters then hold this call's arguments only, not
        every argument any caller passed (which the merged argument flow binds). None when
        that does not apply: the caller uses the merged ``call_result``.

        A return guarded by the shape of the arguments (``if func is None: return wrap``) is
        left out when this call makes its guard false for certain. ``passed``: keywords given
        with no value known; ``callables``: the positional arguments are certainly the values
        given (a decorated function or class: not None, callable); ``shape_only``: nothing is
        known of the arguments' values (only returns are left out).

        An instance of a class of ours is called through its ``__call__`` (pyramid's
        ``@view_config(...)``, whose ``__call__`` returns ``wrapped``), in this context too."""
        if isinstance(value, Inst):
            return self._call_instance(value, positional, keywords, passed=passed,
                                       callables=callables, shape_only=shape_only)
        if not isinstance(value, (Sym, Bound)):
            return None
        symbol = value.symbol
        definition = self.definitions.get(symbol)
        if (
            definition is None
            or definition.signature is None
            or definition.kind not in (SymbolKind.FUNCTION, SymbolKind.METHOD)
        ):
            return None
        module, qual = symbol.split(":", 1)
        prefix = f"v:{module}:{qual}|"
        returned = self.returned_parameters(symbol)
        if (not returned and not self.guarded(symbol)) or (
            self._context_depth >= MAX_CONTEXT_DEPTH
        ):
            return None
        params = definition.signature.parameters
        ordered_params = [
            p.name for p in params
            if p.kind in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)
        ]
        if ordered_params and definition.kind is SymbolKind.METHOD and (
            isinstance(value, Bound) or self.is_classmethod(symbol)
        ):
            ordered_params = ordered_params[1:]
        keyword_names = {p.name for p in params if p.kind is not ParamKind.POSITIONAL_ONLY}
        given = keyword_names if ANY_KEYWORDS in passed else {*keywords, *passed}
        dropped = self._dropped_returns(
            symbol, ordered_params, positional, given & keyword_names, callables
        ) if not (isinstance(value, Bound) and self.is_static(symbol)) else frozenset()
        bound: dict[str, frozenset[Value]] = {}
        # ``*args`` holds this call's positional arguments past the named ones, each at its
        # place (``args[0]``), not what every caller passed: pytest's
        # ``MarkDecorator.__call__`` gives back ``args[0]``, the function it marks, and
        # ``@mark.xfail(run=False)`` none. Known from the shape alone when no value of any
        # argument is (constants), not when the call passes ``**options``.
        star = [p.name for p in params if p.kind is ParamKind.VAR_POSITIONAL
                and p.name in returned and (not shape_only or ANY_KEYWORDS not in passed)]
        if (shape_only or not returned) and not dropped and not star:
            return None  # nothing this call's arguments change
        if not shape_only:
            bound = dict(zip(ordered_params, positional, strict=False))
            bound.update((name, v) for name, v in keywords.items() if name in keyword_names)
        if star:
            extra = positional[len(ordered_params):]
            bound.update((f"{star[0]}[{index}]", v) for index, v in enumerate(extra))
            bound[f"{star[0]}{ELEMENT}"] = frozenset().union(*extra)
        # memoised like any lookup, and forgotten when what it read gains values
        # (the depth is part of the key: the calls inside are followed to MAX_CONTEXT_DEPTH)
        key = cast(Expr, (
            "\0context", symbol, tuple(sorted(bound.items())), self._context_depth,
            tuple(sorted(dropped)),
        ))
        return self._memoized_lookup(key, self._in_context, prefix, bound, dropped)

    def _call_instance(
        self,
        value: Inst,
        positional: list[frozenset[Value]],
        keywords: dict[str, frozenset[Value]],
        *,
        passed: AbstractSet[str],
        callables: bool,
        shape_only: bool,
    ) -> frozenset[Value] | None:
        """``call_in_context`` of each ``__call__`` an instance of ``value``'s class may run
        (``call_result``'s merged result for one it does not apply to); None when it applies
        to none of them."""
        found: set[Value] = set()
        applies = False
        for target in ordered(self.instance_lookup(value.cls, "__call__")):
            applied = self.call_in_context(target, positional, keywords, passed=passed,
                                           callables=callables, shape_only=shape_only)
            if applied is None:
                found |= self.call_result(target)
            else:
                found |= applied
                applies = True
        return frozenset(found) if applies else None

    def _in_context(
        self, prefix: str, bound: dict[str, frozenset[Value]], dropped: frozenset[str]
    ) -> set[Value]:
        self._context_depth += 1
        try:
            return self._resolve_in_context(
                (f"{prefix}<return>",), prefix, bound, frozenset(), dropped
            )
        finally:
            self._context_depth -= 1

    def guarded(self, symbol: str) -> bool:
        """Has ``symbol`` returns guarded by the shape of its arguments (and is it small
        enough to evaluate per call)?"""
        if symbol not in self.return_guards:
            return False
        definition = self.definitions.get(symbol)
        return definition is not None and is_small(definition)

    def _dropped_returns(
        self,
        symbol: str,
        ordered_params: list[str],
        positional: list[frozenset[Value]],
        keywords: AbstractSet[str],
        callables: bool,
    ) -> frozenset[str]:
        """The keys of ``symbol``'s guarded returns that a call with these arguments cannot
        reach: its guard is false for certain."""
        guards = self.return_guards.get(symbol)
        definition = self.definitions.get(symbol)
        if not guards or definition is None or definition.signature is None:
            return frozenset()
        prebound = self._prebound(symbol)
        if prebound is None:
            return frozenset()  # a partial's calls pass positional arguments before these
        args: dict[str, Arg] = {}
        star: tuple[Arg, ...] | None = None
        for param in definition.signature.parameters:
            if param.kind is ParamKind.VAR_POSITIONAL:
                star = tuple(self._argument(v, callables)
                             for v in positional[len(ordered_params):])
            elif param.kind is ParamKind.VAR_KEYWORD:
                continue
            elif param.name in ordered_params:
                index = ordered_params.index(param.name)
                args[param.name] = (
                    self._argument(positional[index], callables) if index < len(positional)
                    else UNKNOWN_ARG if param.name in keywords or param.name in prebound
                    else Arg(False)
                )
            elif param.kind is ParamKind.KEYWORD_ONLY:
                args[param.name] = (
                    UNKNOWN_ARG if param.name in keywords or param.name in prebound
                    else Arg(False)
                )
        call = CallShape(args, star)
        return frozenset(key for key, guard in guards if guard_value(guard, call) is False)

    def _prebound(self, symbol: str) -> frozenset[str] | None:
        """The keywords that some ``functools.partial`` of the code base binds for calls of
        ``symbol`` (a call through it passes them unseen); None when one binds positional
        arguments, or keywords not known."""
        if self._prebound_keys is None:
            self._prebound_keys = sorted(
                k for k in self.bindings
                if k.rpartition("|")[2].startswith((PREBOUND, PREBOUND_POSITIONAL))
            )
        names: set[str] = set()
        functions = self._prebound_functions
        for key in self._prebound_keys:
            values = self.resolve((key,))
            known = functions.get(key)
            if known is None or known[0] is not values:  # (the same set: the same functions)
                known = functions[key] = (values, frozenset(
                    v.symbol for v in values if isinstance(v, (Sym, Bound))))
            if symbol in known[1]:
                name = key.rpartition("|")[2]
                if name == PREBOUND_POSITIONAL:
                    return None
                names.update(n for n in name[len(PREBOUND):-1].split(",") if n)
        return frozenset(names)

    def _argument(self, values: frozenset[Value], callables: bool) -> Arg:
        """A passed argument: certainly a function or class when ``callables`` vouches for
        the values (the decorated definition), else unknown (a constant has no value, so a
        value set may lack None)."""
        if not callables or not values or not all(
            isinstance(v, (Sym, Bound, Named)) for v in values
        ):
            return UNKNOWN_ARG
        truthy = all(
            not isinstance(v, Sym) or self.kind(v.symbol) in FUNCTIONS for v in values
        )
        return Arg(True, callable=True, truthy=truthy)

    def returned_parameters(self, symbol: str) -> frozenset[str]:
        """The parameters of ``symbol`` that its return value is made from (through its own
        local variables), for a small function (wrappers, identity decorators, getters of an
        argument); a method's ``self`` or ``cls`` does not count (its callers' receivers are
        not arguments). Empty for most functions."""
        found = self._returned.get(symbol)
        if found is not None:
            return found
        definition = self.definitions.get(symbol)
        names: set[str] = set()
        if (
            definition is not None and definition.signature is not None
            and is_small(definition)
        ):
            params = [p.name for p in definition.signature.parameters]
            if definition.kind is SymbolKind.METHOD and not self.is_static(symbol):
                params = params[1:]
            names = set(params)
        if not names:
            self._returned[symbol] = frozenset()
            return frozenset()
        module, qual = symbol.split(":", 1)
        prefix = f"v:{module}:{qual}|"
        result: set[str] = set()
        todo, seen = [f"{prefix}<return>"], set()
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            for expr in self.bindings.get(key, ()):
                if not expr[0].startswith(prefix):
                    continue
                part = expr[0][len(prefix):]
                name = local_name(part)
                if name in names and _is_parameter_entry(part):
                    result.add(name)
                else:
                    todo.append(expr[0])
                if len(expr) > 1 and self._calls_nested(expr[0], symbol):
                    # ``return inner(check)``, ``inner`` defined here: what it is handed
                    # may be what it returns (Django's ``CheckRegistry.register``)
                    for text in expr[1:]:
                        op = self.op(text)
                        if isinstance(op, CallWith) and op.key.startswith(prefix):
                            todo += op.positional_keys()
                            todo += [op.keyword_key(n) for n in op.names]
        frozen = frozenset(result)
        self._returned[symbol] = frozen
        return frozen

    def _calls_nested(self, root: str, symbol: str) -> bool:
        """Is the local ``root`` of ``symbol`` bound only to functions defined in it?"""
        bound = self.bindings.get(root, ())
        return bool(bound) and all(
            len(expr) == 1 and expr[0].startswith(f"s:{symbol}.") for expr in bound)

    def _resolve_in_context(
        self, expr: Expr, prefix: str, bound: dict[str, frozenset[Value]], seen: frozenset[str],
        dropped: frozenset[str] = frozenset(),
    ) -> set[Value]:
        """``expr`` evaluated with the function's parameters holding ``bound`` (``prefix``:
        the function's variables) and its returns ``dropped`` left out; what lies outside the
        function evaluates as usual."""
        root = expr[0]
        if not root.startswith(prefix):
            return set(self.resolve(expr))
        if root in dropped:
            return set()
        part = root[len(prefix):]
        name = local_name(part)
        values: set[Value] = set()
        rest = expr[1:]
        element = self._star_element(name, rest, bound) if _is_parameter_entry(part) else None
        if name in bound and _is_parameter_entry(part):
            values = set(bound[name])
        elif element is not None:  # an element of this call's ``*args``
            values, rest = set(element), rest[1:]
        elif root not in seen:
            for inner in self.bindings.get(root, ()):
                values |= self._resolve_in_context(inner, prefix, bound, seen | {root}, dropped)
        for text in rest:
            if TOP in values:
                return set(_TOP)
            op = self.op(text)
            if isinstance(op, CallWith) and op.key.startswith(prefix):
                # a call inside the function: its arguments hold this call's too
                values = {
                    result
                    for callee in ordered(values)
                    for result in self._call_recorded(
                        callee, op,
                        lambda e: frozenset(
                            self._resolve_in_context(e, prefix, bound, seen, dropped)
                        ),
                    )
                }
            else:
                values = self._apply(frozenset(values), op)
        return values

    def _star_element(self, name: str, rest: tuple[str, ...],
                      bound: dict[str, frozenset[Value]]) -> frozenset[Value] | None:
        """What ``name[i]`` (or an element of ``name``, iterated) holds when ``name`` is the
        ``*args`` parameter ``call_in_context`` bound: the argument at that place of this
        call, or any of its extra arguments; None when ``rest`` takes no element of it."""
        every = bound.get(f"{name}{ELEMENT}")
        if every is None or not rest:
            return None
        match self.op(rest[0]):
            case Item() as taken if taken.position is not None:
                return bound.get(f"{name}{taken.text}", frozenset())
            case Element():
                return every
        return None

    def is_classmethod(self, symbol: str) -> bool:
        definition = self.definitions.get(symbol)
        return definition is not None and any(
            d.rsplit(".", 1)[-1] == "classmethod" for d in definition.decorators
        )

    def decorated(self, value: Value, depth: int = 0) -> set[Value]:
        """The value a decorated definition's name holds: what its decorators returned;
        ``depth``: what its innermost ``depth`` decorators returned (what the next one out is
        given), 0 for all of them."""
        if not isinstance(value, Sym):
            return {value}
        definition = self.definitions.get(value.symbol)
        current: set[Value] = {value}
        if definition is None:
            return current
        exprs = definition.decorator_exprs
        if depth:
            exprs = exprs[len(exprs) - depth:]
        for position, expr in enumerate(reversed(exprs)):
            produced: set[Value] = set()
            for decorator in ordered(self.resolve(expr)):
                if isinstance(decorator, (Sym, Bound, Inst)):
                    # ``def dec(f): return f`` gives back this function, not every function
                    # it decorates (context-sensitive: its parameter holds only ``current``).
                    # The innermost decorator is given the function or class itself: callable,
                    # not None (what an outer one gets may be neither: a classmethod object,
                    # a None that a decorator of ours returns through a constant)
                    applied = self.call_in_context(
                        decorator, [frozenset(current)], {}, callables=position == 0
                    )
                    produced |= self.call_result(decorator) if applied is None else applied
            # An unknown decorator (external, or one we cannot follow) is assumed to give the
            # function back, as nearly every decorator in practice does; so is one of ours
            # whose result is past knowing (``Top``: a registry's ``dec`` returning what a
            # method handed every decorated function returns), beside what it is known to give.
            if TOP in produced:
                produced.discard(TOP)
                produced |= current
            if produced:
                current = produced
        if value not in current and not depth:
            # The name still names the decorated function: a call through it uses that
            # function (its signature, its removal), even though a wrapper is what runs.
            current.add(Named(value.symbol))
        return current


def patchable(dotted: str) -> bool:
    """Is the outside object ``dotted`` one whose attributes our code may replace for every
    reader (``Resolver.patched``): a module's, not a CapWords class's, since an instance of an
    outside class keeps the class's path, and what one ``Local()`` holds is not every one's."""
    return not dotted.rpartition(".")[2][:1].isupper()


def builtin_has(type_name: str, name: str) -> bool:
    """Does the builtin type ``type_name`` (``str``, ``ValueError``) define ``name``?"""
    found = getattr(builtins, type_name, None)
    return isinstance(found, type) and hasattr(found, name)


def without_twins(values: set[Value]) -> set[Value]:
    """``values`` less the outside ones that are twins of ours: an accelerator of the same
    project chosen over our own pure-Python code of the same name (``try: from psycopg_c.pq
    import Escaping``, ``except ImportError: from .pq_ctypes import Escaping``; or
    ``impl.Escaping`` where ``impl`` is one of several modules; markupsafe's
    ``_speedups.escape`` beside ``_native.escape``). It has our code's interface and does what
    our code does, which the graph links; taken as an unknown outside class, every method call
    on an object it was built with would "call back" every public method of what it was given
    (psycopg 3.3: 7,581 of 12,904 call edges). The accelerator is in our package, or in one
    named after it (``psycopg_c``, ``_yaml``); the attribute of a module annotated
    ``ModuleType`` (``types.ModuleType.Transformer``, nothing the standard library has) is
    one too. Another package's class of that name (Django's fallback ``IsolationLevel`` for
    psycopg's) stays: it is that package's code, not a copy of ours."""
    tops: dict[str, set[str]] = {}
    for value in values:
        if isinstance(value, Sym):
            module, _, qualname = value.symbol.partition(":")
            tops.setdefault(qualname.rpartition(".")[2], set()).add(module.partition(".")[0])
        elif isinstance(value, Mod):
            tops.setdefault(value.name.rpartition(".")[2], set()).add(
                value.name.partition(".")[0])
    if not tops:
        return values
    twins = {value for value in values
             if isinstance(value, Ext) and not value.carried
             and _twin_of(value.dotted, tops.get(value.dotted.rpartition(".")[2]))}
    return values - twins if twins else values


def _twin_of(dotted: str, ours: set[str] | None) -> bool:
    """Is outside ``dotted`` a twin of a name of ours of its name, defined under the top
    packages ``ours``?"""
    if not ours:
        return False
    top = dotted.partition(".")[0]
    if any(top in (mine, "_" + mine) or top.startswith(mine + "_") for mine in ours):
        return True
    return top in sys.stdlib_module_names and not stdlib_object(dotted)


def outside_attribute(value: Ext, name: str) -> Ext:
    """``name`` of an outside object. A name its path already has is taken to be the object
    again (``node = node.parent`` in a loop), as is any name past MAX_EXT_PARTS: a loop would
    otherwise make a new path on every turn and a cycle would never settle."""
    dotted = value.dotted
    if f".{name}." in f"{dotted}." or dotted.count(".") >= MAX_EXT_PARTS:
        return value
    return Ext(f"{dotted}.{name}", value.carried)


def local_name(name: str) -> str:
    """The variable a key's name part stands for: ``<2>|f`` (a version of ``f`` that the
    indexer's flow-sensitive locals made) -> ``f``; anything else as it is."""
    if name.startswith("<") and ">|" in name:
        return name.partition(">|")[2]
    return name


def _is_parameter_entry(name: str) -> bool:
    """Does a key's name part hold what callers pass (the variable, or its version 0)?"""
    return not name.startswith("<") or name.startswith("<0>|")


def _expressions(summary: FileSummary) -> list[Expr]:
    """Every expression of ``summary``: callees, arguments, references, bound values and
    attribute stores (``_find_attribute_use``, ``_names_known_to_outside``)."""
    return [
        *(e for site in summary.calls for e in site.callee),
        *(e for site in summary.calls for arg in site.args for e in arg),
        *(e for site in summary.calls for _, arg in site.kwargs for e in arg),
        *(e for reference in summary.references for e in reference.target),
        *(e for _, values in summary.bindings for e in values),
        *(e for target, _, values in summary.attribute_stores for e in (*target, *values)),
    ]
