"""Which methods a standard-library class's method may run on ``self``, read from its source.

Our ``class T(unittest.TestCase)`` calls ``self.assertEqual(a, b)``: the code that runs is the
standard library's, and it may call back any method of ``T`` it calls on ``self``. Without its
source nothing bounds that (``getattr(self, computed)`` may reach any name), so the linker
links such a call to every method the outside base may call (``Resolver.external_hooks``).
For a standard-library base the source is at hand: this interpreter's own module, read with
``ast`` (nothing of the analysed code runs; the graph is keyed by the Python version that made
it). ``self_calls`` follows a method through what it calls on ``self``, and the definitions of
those names in every standard-library class of the MRO, and gives the names it may touch; or
None when it is *dynamic*: ``self`` escapes (handed to any other code, stored, returned,
``vars(self)``, ``self.__dict__``, ``type(self)`` used for more than its name or identity), a
``getattr(self, computed)`` the model below does not bound, or a definition it cannot read (a
wrapped function, a descriptor of its own, a base written in C, except the mappings read by
hand in CPython's C source, ``_WRITTEN_IN_C``: ``dict``, ``OrderedDict``, ``defaultdict``).

Accepted as not escaping: ``self.x`` (the name ``x``: a method, a property, a data attribute;
and the attribute protocol ``__getattribute__``/``__getattr__``/``__setattr__``/``__delattr__``
that runs on it), ``super().m``, ``Base.m(self, ...)`` for a base of the MRO, ``getattr``/
``hasattr``/``setattr``/``delattr`` with a constant name, ``isinstance(self, ...)``,
``self is x``, ``id(self)``, and ``type(self)``/``self.__class__`` compared by identity or
asked its ``__name__``/``__qualname__``/``__module__``. A bound method (``self.m`` not called)
counts as a call of ``m``: whoever gets it may call it; its ``__self__`` is not followed.

Registries. ``unittest.TestCase._getAssertEqualityFunc`` (behind every ``assertEqual``) does
``getattr(self, asserter)`` with a name from ``self._type_equality_funcs``, which only
``addTypeEqualityFunc(typeobj, function)`` fills. The names are then the constant strings the
standard library registers (``TestCase.__init__``: ``'assertDictEqual'``, ...), read from the
source (a registration with any other value there makes the method dynamic), plus whatever
our code registers: ``SelfCalls.registries`` names the attributes our code must not touch
(the registrar and the registry itself) for the answer to hold; the linker checks that.
"""

from __future__ import annotations

import ast
import functools
import inspect
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass

from impactgraph.linker.stdlib import stdlib_class


@dataclass(frozen=True, slots=True)
class SelfCalls:
    names: frozenset[str]  # the names the method may touch on ``self``, transitively
    # attributes (of an instance of the class) our code must not use for ``names`` to hold
    registries: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Registry:
    """``getattr(self, name)`` in a reader method, each ``name`` read from ``self.<store>``,
    which only ``registrar`` fills, with the argument at ``position``."""

    registrar: str
    position: int
    store: str


# (module, class qualname, method) of a reader -> its registry. unittest.case.TestCase:
# ``_type_equality_funcs`` is made in ``__init__``, filled only by ``addTypeEqualityFunc``
# (``self._type_equality_funcs[typeobj] = function``) and read only by
# ``_getAssertEqualityFunc`` (``asserter = self._type_equality_funcs.get(type(first))``, then
# ``getattr(self, asserter)`` when it is a string); nothing else in the standard library
# names either (3.11). The registrations are read from the source (``_registered``) and the
# reader's name must come from the store (``Facts.computed``), so a release that changes
# either makes the method dynamic rather than wrong
_REGISTRIES = {
    ("unittest.case", "TestCase", "_getAssertEqualityFunc"):
        _Registry("addTypeEqualityFunc", 1, "_type_equality_funcs"),
}

# the attribute protocol: Python runs these on ``self.x``, ``self.x = v``, ``del self.x``
_READ = ("__getattribute__", "__getattr__")
_PROTOCOL = frozenset({*_READ, "__setattr__", "__delattr__"})
# ``object``'s members that run none of the instance's code (its ``__class__`` reads the type,
# its comparisons give NotImplemented), and those that run another
_INERT_OBJECT = frozenset({"__init__", "__new__", "__init_subclass__", "__subclasshook__",
                           "__eq__", "__hash__", "__repr__", "__sizeof__", "__class__",
                           "__doc__", "__lt__", "__le__", "__gt__", "__ge__"})
_OBJECT_RUNS = {"__str__": "__repr__", "__format__": "__str__", "__ne__": "__eq__"}
_TYPE_NAMES = frozenset({"__name__", "__qualname__", "__module__"})

# Classes written in C, whose source is not at hand, read by hand in CPython's source (3.11,
# ``Objects/dictobject.c``, ``Objects/odictobject.c``, ``Modules/_collectionsmodule.c``): what
# any of their methods may run on an instance of a subclass. ``dict`` looks up ``__missing__``
# (``d[k]``) and builds ``cls()`` and sets items (``fromkeys``); ``OrderedDict`` on a subclass
# goes through the item protocol (``PyObject_GetItem``/``SetItem``/``DelItem``,
# ``PySequence_Contains``: ``__init__``, ``update``, ``|``, ``|=``, ``copy``, ``pop``,
# ``popitem``, ``setdefault``, iterating ``values()``/``items()``), calls ``self.items()``
# (``repr``, ``__reduce__``), reads ``__dict__`` and builds ``type(self)()`` (``copy``, ``|``).
# Both also ask the mapping they are handed (``keys()``, ``d[k]``, iteration), which may be
# another instance of the subclass. Nothing else: a public method of ours that overrides none
# of theirs is not called by them.
_MAPPING_PROTOCOL = frozenset({
    "__init__", "__new__", "__getitem__", "__setitem__", "__delitem__", "__contains__",
    "__missing__", "__iter__", "__len__", "__class__", "__dict__", "keys", "items",
})
_WRITTEN_IN_C = {
    ("builtins", "dict"): _MAPPING_PROTOCOL,
    ("collections", "OrderedDict"): _MAPPING_PROTOCOL,
    # (``Modules/_collectionsmodule.c``) ``d[k]`` for a missing key calls ``default_factory``
    # and sets the item; ``copy``, ``|`` build ``type(self)(factory, self)``; ``__reduce__``
    # calls ``self.items()``
    ("collections", "defaultdict"): _MAPPING_PROTOCOL | {"default_factory"},
}
_AGAIN = "<again>"  # ``name = getattr(self, name)``: no name of its own
_Function = ast.FunctionDef | ast.AsyncFunctionDef
_NAMED_ACCESS = frozenset({"getattr", "hasattr", "setattr", "delattr"})


@dataclass(frozen=True, slots=True)
class Facts:
    """What one function does with its ``self`` (its first parameter)."""

    names: frozenset[str]
    dynamic: bool
    # ``getattr(self, name)`` with a name not written in it: for each, the attribute of
    # ``self`` every value of ``name`` is read from (``name = self.store.get(key)``), else ""
    computed: frozenset[str] = frozenset()
    bases: frozenset[type] = frozenset()  # ``Base.method(self, ...)``: each such ``Base``


Question = tuple[tuple[str, ...], str]  # ``self_calls``' arguments: (bases, method)
# Answers given in earlier runs (``remember``: read from the cache, which keys them by this
# interpreter and this linker) and those worked out in this process (``made``). Reading the
# standard library's source is most of the cost (Django's link asks about 300 questions of
# 33 files), so a run that has them all parses nothing.
_remembered: dict[Question, SelfCalls | None] = {}
_made: dict[Question, SelfCalls | None] = {}


def remember(answers: Mapping[Question, SelfCalls | None]) -> None:
    """Answer these questions without reading the source again."""
    _remembered.update(answers)


def made() -> dict[Question, SelfCalls | None]:
    """The answers this process worked out from the source (not those remembered), and
    those forked linkers worked out (``adopt``)."""
    return dict(_made)


def adopt(answers: Mapping[Question, SelfCalls | None]) -> None:
    """Answers a forked copy of this process worked out from the source."""
    _made.update(answers)
    _remembered.update(answers)


@functools.cache
def self_calls(bases: tuple[str, ...], method: str) -> SelfCalls | None:
    """The names ``method``, run on an instance whose outside bases are the standard-library
    classes ``bases``, may touch on ``self`` (its own name too); None when it is dynamic or
    any base is not a standard-library class whose source this interpreter has."""
    question = (bases, method)
    if question in _remembered:
        return _remembered[question]
    answer = _self_calls(bases, method)
    _made[question] = answer
    return answer


def _self_calls(bases: tuple[str, ...], method: str) -> SelfCalls | None:
    classes: list[type] = []
    for dotted in bases:
        cls = stdlib_class(dotted)
        if cls is None:
            return None
        classes += [k for k in cls.__mro__ if k not in classes]
    if not classes or not any(method in k.__dict__ for k in classes if k is not object):
        return None
    if any(k is not object and _c_names(k) is None and _class_source(k) is None
           for k in classes):
        return None  # a base written in C (or built at run time): its methods are unknown
    names = {method}
    registries: set[str] = set()
    work = [method]
    while work:
        name = work.pop()
        found = _follow(classes, name)
        if found is None:
            return None
        more, used = found
        registries |= used
        work += sorted(more - names)
        names |= more
    return SelfCalls(frozenset(names), frozenset(registries))


def _follow(classes: list[type], name: str) -> tuple[set[str], set[str]] | None:
    """What running ``name`` on ``self`` may touch, over its definitions in ``classes``
    (every one: ``super()`` chains may reach each), and the registries that needs."""
    names: set[str] = set()
    registries: set[str] = set()
    for owner in classes:
        if name not in owner.__dict__:
            continue
        if owner is object:
            if name in _PROTOCOL or name in _INERT_OBJECT:
                continue
            if name not in _OBJECT_RUNS:
                return None  # ``__reduce_ex__``, ``__dir__``, ...: not followed
            names.add(_OBJECT_RUNS[name])
            continue
        written_in_c = _c_names(owner)
        if written_in_c is not None:
            names |= written_in_c
            continue
        functions = _functions(owner.__dict__[name])
        if functions is None:
            return None
        for function in functions:
            facts = _facts_of(function)
            if facts is None or facts.dynamic or not facts.bases <= set(classes):
                return None  # ``Base.method(self)`` of a class outside the MRO: self escapes
            names |= facts.names
            if facts.computed:
                registry = _REGISTRIES.get((owner.__module__, owner.__qualname__, name))
                if registry is None or facts.computed != {registry.store}:
                    return None
                registered = _registered(classes, registry)
                if registered is None:
                    return None
                names |= registered
                registries |= {registry.registrar, registry.store}
    return names, registries


def _c_names(cls: type) -> frozenset[str] | None:
    """What any method of ``cls``, a class written in C read by hand (``_WRITTEN_IN_C``), may
    run on ``self``; None for any other class. Only the interpreter's own class counts (the
    pure-Python ``OrderedDict`` that ``collections`` defines first is replaced by the C one)."""
    names = _WRITTEN_IN_C.get((cls.__module__, cls.__qualname__))
    if names is None or any(isinstance(v, types.FunctionType) for v in vars(cls).values()):
        return None
    return names


def _functions(attribute: object) -> list[types.FunctionType] | None:
    """The functions behind a class attribute (a property's accessors, a classmethod's
    function), [] for plain data, None for a descriptor or callable of unknown behaviour."""
    if isinstance(attribute, types.FunctionType):
        return [attribute]
    if isinstance(attribute, (classmethod, staticmethod)):
        return _functions(attribute.__func__)
    if isinstance(attribute, property):
        found = [f for f in (attribute.fget, attribute.fset, attribute.fdel) if f is not None]
        functions = [f for f in found if isinstance(f, types.FunctionType)]
        return functions if len(functions) == len(found) else None
    if hasattr(type(attribute), "__get__"):
        return None  # a descriptor of its own (cached_property, partialmethod, a C method)
    return []  # data (a class, a constant): reading it runs nothing of ours


def _registered(classes: list[type], registry: _Registry) -> frozenset[str] | None:
    """The constant names the standard library registers: every call of the registrar
    written in the source files of ``classes`` (on ``self`` or not); None when one passes
    anything but a constant string."""
    found: set[str] = set()
    paths = sorted({path for k in classes if k is not object
                    for path in [_class_source(k)] if path is not None})
    for path in paths:
        for node in ast.walk(_tree(path)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == registry.registrar):
                continue
            given = node.args[registry.position] if len(node.args) > registry.position else None
            if any(isinstance(a, ast.Starred) for a in node.args[:registry.position + 1]) or not (
                    isinstance(given, ast.Constant) and isinstance(given.value, str)):
                return None
            found.add(given.value)
    return frozenset(found)


@functools.cache
def _facts_of(function: object) -> Facts | None:
    """The facts of ``function``, read from its source file: None when its definition is not
    a function written in a class body there (a wrapper, a function made elsewhere)."""
    code = getattr(function, "__code__", None)
    if code is None:
        return None
    found = _definitions(code.co_filename).get((code.co_name, code.co_firstlineno))
    if found is None:
        return None
    node, class_name = found
    return analyse_function(node, class_name, getattr(function, "__globals__", {}))


@functools.cache
def _definitions(path: str) -> dict[tuple[str, int], tuple[_Function, str]]:
    """The functions written directly in a class body of the file at ``path``, by name and
    first line (the def's, and its first decorator's, as a code object counts it)."""
    found: dict[tuple[str, int], tuple[_Function, str]] = {}
    for node in _classes(path):
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found[(item.name, item.lineno)] = (item, node.name)
                if item.decorator_list:
                    found[(item.name, item.decorator_list[0].lineno)] = (item, node.name)
    return found


@functools.cache
def _class_source(cls: type) -> str | None:
    """The source file defining ``cls`` (None: written in C, or not to be found)."""
    try:
        path = inspect.getsourcefile(cls)
    except (TypeError, OSError):
        return None
    if path is None:
        return None
    qualname = cls.__qualname__
    if "<locals>" in qualname:
        return None
    names = {node.name for node in _classes(path)}
    return path if qualname.rpartition(".")[2] in names else None


@functools.cache
def _classes(path: str) -> tuple[ast.ClassDef, ...]:
    """The class statements of the file at ``path``, at any depth, in ``ast.walk`` order (the
    file's tree is walked once however many of its classes and functions are asked about)."""
    return tuple(node for node in ast.walk(_tree(path)) if isinstance(node, ast.ClassDef))


@functools.cache
def _tree(path: str) -> ast.Module:
    try:
        with open(path, encoding="utf-8") as handle:
            return ast.parse(handle.read(), path)
    except (OSError, SyntaxError, ValueError):
        return ast.Module(body=[], type_ignores=[])


def _mangle(name: str, class_name: str) -> str:
    if name.startswith("__") and not name.endswith("__"):
        return f"_{class_name.lstrip('_')}{name}"
    return name


def analyse_function(node: _Function, class_name: str, module: dict[str, object]) -> Facts:
    """What the method ``node``, written in the body of ``class_name`` in a module whose
    globals are ``module``, does with its ``self`` (the pure part: no file is read)."""
    arguments = [*node.args.posonlyargs, *node.args.args]
    is_static = any(isinstance(d, ast.Name) and d.id == "staticmethod"
                    for d in node.decorator_list)
    if is_static or not arguments:
        # no ``self``: a static method reaches the instance only through what it is given
        return Facts(frozenset(), dynamic=False)
    walker = _SelfUses(arguments[0].arg, class_name, module)
    walker.run(node)
    return Facts(frozenset(walker.names), walker.dynamic,
                 frozenset(walker.computed_sources()), frozenset(walker.bases))


class _SelfUses:
    """Every use of ``self`` in a function, judged by the node around it."""

    def __init__(self, self_name: str, class_name: str, module: dict[str, object]) -> None:
        self.self_name = self_name
        self.class_name = class_name  # private names are mangled with it
        self.module = module  # the function's globals: what ``Base`` in ``Base.m(self)`` is
        self.names: set[str] = set()
        self.dynamic = False
        self.bases: set[type] = set()
        self.computed: list[ast.expr] = []  # the names of ``getattr(self, name)``
        self.assigned: dict[str, list[ast.expr | None]] = {}  # local -> what is assigned
        self.parents: dict[ast.AST, ast.AST] = {}

    def run(self, function: _Function) -> None:
        for parent in ast.walk(function):
            for child in ast.iter_child_nodes(parent):
                self.parents[child] = parent
            if isinstance(parent, ast.arg):  # a parameter: whatever callers pass
                self.assigned.setdefault(parent.arg, []).append(None)
        for body in function.body:
            for node in ast.walk(body):
                match node:
                    case ast.Name(id=name) if name == self.self_name:
                        self._self_used(node)
                    case ast.Name(id=name, ctx=ast.Store() | ast.Del()):
                        assignment = self.parents.get(node)
                        value = assignment.value if isinstance(assignment, ast.Assign) else None
                        self.assigned.setdefault(name, []).append(value)
                    case ast.Call(func=ast.Name(id="locals" | "vars" | "eval" | "exec")):
                        self.dynamic = True  # ``locals()`` holds ``self``
                    case ast.Call(func=ast.Name(id="super"), args=[]):
                        proxied = self.parents.get(node)
                        if isinstance(proxied, ast.Attribute):
                            self._name(proxied, explicit=True)
                        else:
                            self.dynamic = True  # the proxy itself handed on

    def computed_sources(self) -> set[str]:
        """For each ``getattr(self, name)``, the attribute of ``self`` every value of the
        local ``name`` is read from (each assignment ``name = self.store.get(key)`` or
        ``self.store[key]``; ``name = getattr(self, name)`` hands on no new name), else ""."""
        found = set()
        for name in self.computed:
            local = name.id if isinstance(name, ast.Name) else ""
            stores = {self._read_from(local, value)
                      for value in self.assigned.get(local, [None])} - {_AGAIN}
            found.add(stores.pop() if len(stores) == 1 else "")
        return found

    def _read_from(self, local: str, value: ast.expr | None) -> str:
        match value:
            case ast.Call(func=ast.Attribute(attr="get", value=ast.Attribute(
                    value=ast.Name(id=owner), attr=store))) if owner == self.self_name:
                return store
            case ast.Subscript(value=ast.Attribute(value=ast.Name(id=owner), attr=store)) if (
                    owner == self.self_name):
                return store
            case ast.Call(func=ast.Name(id="getattr"), args=[ast.Name(id=owner),
                                                            ast.Name(id=again)]) if (
                    owner == self.self_name and again == local):
                return _AGAIN
        return ""

    def _name(self, attribute: ast.Attribute, explicit: bool) -> None:
        """``self.x``, ``super().x``, ``Base.x(self)``: the name ``x`` (and the attribute
        protocol that runs on it)."""
        name = _mangle(attribute.attr, self.class_name)
        if name == "__dict__" or (explicit and name in _PROTOCOL):
            self.dynamic = True  # every attribute at once, or one by a computed name
            return
        self.names.add(name)
        match attribute.ctx:
            case ast.Store():
                self.names.add("__setattr__")
            case ast.Del():
                self.names.add("__delattr__")
            case _:
                self.names.update(_READ)

    def _self_used(self, node: ast.Name) -> None:
        parent = self.parents.get(node)
        match parent:
            case ast.Attribute(value=value, attr="__class__") if value is node:
                self.names.update(("__class__", *_READ))
                if not self._names_or_identity(parent):
                    self.dynamic = True
            case ast.Attribute(value=value) if value is node:
                self._name(parent, explicit=False)
            case ast.Compare(ops=ops) if all(isinstance(o, (ast.Is, ast.IsNot)) for o in ops):
                pass  # identity runs nothing
            case ast.Call(func=ast.Name(id="super"), args=[_, second]) if second is node:
                grand = self.parents.get(parent)
                if isinstance(grand, ast.Attribute):
                    self._name(grand, explicit=True)
                else:
                    self.dynamic = True
            case ast.Call(func=ast.Name(id="isinstance" | "id"), args=[first, *_]) if (
                    first is node):
                self.names.update(("__class__", *_READ))
            case ast.Call(func=ast.Name(id="type"), args=[only]) if only is node:
                if not self._names_or_identity(parent):
                    self.dynamic = True
            case ast.Call(func=ast.Name(id=builtin), args=[first, *rest]) if (
                    first is node and builtin in _NAMED_ACCESS):
                self._named_access(builtin, rest[0] if rest else None)
            case ast.Call(func=ast.Attribute(value=base) as method, args=[first, *_]) if (
                    first is node and isinstance(self._global(base), type)):
                # ``Base.method(self, ...)``, ``logging.FileHandler.emit(self, record)``
                self.bases.add(typing.cast(type, self._global(base)))  # must be of the MRO
                self._name(method, explicit=True)
            case _:
                self.dynamic = True  # handed on, stored, returned, operated on

    def _named_access(self, builtin: str, name: ast.expr | None) -> None:
        """``getattr(self, name)``, ``hasattr``, ``setattr``, ``delattr``."""
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            self.names.add(_mangle(name.value, self.class_name))
            self.names.update({"setattr": ("__setattr__",), "delattr": ("__delattr__",)}.get(
                builtin, _READ))
        elif builtin == "getattr" and name is not None:
            self.computed.append(name)
            self.names.update(_READ)
        else:
            self.dynamic = True

    def _global(self, node: ast.expr) -> object:
        """What a dotted name (``Base``, ``logging.FileHandler``) is in the module's globals
        (None: not a dotted name, or not there)."""
        match node:
            case ast.Name(id=name):
                return self.module.get(name)
            case ast.Attribute(value=value, attr=attr):
                return getattr(self._global(value), attr, None)
        return None

    def _names_or_identity(self, node: ast.AST) -> bool:
        """Is ``type(self)``/``self.__class__`` only asked its name or compared by identity?"""
        parent = self.parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.attr in _TYPE_NAMES:
            return True
        return isinstance(parent, ast.Compare) and all(
            isinstance(o, (ast.Is, ast.IsNot)) for o in parent.ops)
