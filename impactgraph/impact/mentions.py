"""Does code of the head revision still use a symbol, by what its summary spells?

Used where the head graph cannot say (the symbol is gone, or a call no longer resolves to it):
a caller that still spells the symbol is broken, one that does not was updated. Only spellings
that can stand for *this* symbol count: ``from urllib.parse import urlencode`` does not use a
removed ``mypkg.urls:urlencode``, and a local variable named like it is not it either.
"""

from __future__ import annotations

import abc
import re
import sys
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Set

from impactgraph.diff.definitions import COMPARISONS
from impactgraph.expressions import (
    INSTANCE,
    Attr,
    Call,
    CallWith,
    ContainerRoot,
    DescriptorSet,
    Instance,
    ModuleRoot,
    Special,
    SubclassOf,
    SymbolRoot,
    Variable,
    descriptor_set,
    parse_op,
    parse_root,
)
from impactgraph.model import CallSite, Expr, FileSummary, SymbolKind

MAX_HOPS = 4  # variable -> value -> variable ...: how far a name is followed
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MADE_NAME = re.compile(r"<[A-Za-z_][A-Za-z0-9_]*>")  # a name the indexer makes: ``<lambda1>``


def mentions(
    summary: FileSummary,
    scope: str,
    target: str,
    is_ours: Callable[[str], bool],
    bindings: Mapping[str, tuple[Expr, ...]] | None = None,
    imported_as: Callable[[str], str] = str,
    defines: Callable[[str, str], bool] | None = None,
    nested: bool = True,
) -> bool:
    """Does ``scope`` (a symbol, or a module for all its code) still use ``target``?

    ``target`` is a symbol id (``mod:Qual.name``); ``is_ours(dotted)`` tells whether a dotted
    module path is a module of the code base (through which the symbol could be imported).
    ``bindings``: ``dict(summary.bindings)``, when the caller keeps it (one file, many asks).
    ``imported_as``: an import path as the modules are named (``CodeGraph.imported_as``).
    ``defines(module, name)``: does that module of ours define ``name`` itself (then importing
    it from there gets that definition, a class moved there say, not ``target``)?
    ``nested``: for a module, the code of its functions counts too; without, only the code
    that runs when it is imported (its top level and class bodies), as its graph node does.
    """
    if bindings is None:
        bindings = dict(summary.bindings)
    spells = _Spelling.of(target, is_ours, bindings, imported_as, defines)

    def here(where: str) -> bool:
        return in_scope(where, scope, nested)

    for binding in summary.imports:
        if here(binding.scope) and spells.path(binding.target):
            return True
    for site in summary.calls:
        if here(site.scope) and any(spells.expr(e, 0) for e in site.callee):
            return True
    return any(
        here(reference.scope) and any(spells.expr(e, 0) for e in reference.target)
        for reference in summary.references
    )


def calls_path(
    summary: FileSummary, target: str, bindings: Mapping[str, tuple[Expr, ...]],
    imported_as: Callable[[str], str] = str, module_now: bool = False,
    defines: Callable[[str, str], bool] | None = None,
) -> list[str]:
    """The scopes of ``summary`` that call or reference ``target`` by its import path
    (``import lib; lib.fetch()``, ``from pkg import lib as L; L.fetch``), sorted.
    ``module_now``: the path names a module now (a submodule took the name), whose own
    attributes are no use of ``target``. ``defines``: as for ``mentions``, asked of
    ``summary``'s module for a name no import of it binds (one a star import gives)."""
    module, _, qualname = target.partition(":")
    dotted = f"{module}.{qualname}"
    # the module's own module-level names: a read of one is the module's variable, not a
    # name a star import may have brought (bitstring 4.1's ``utils`` and ``classes`` each
    # define a ``CACHE_SIZE`` of their own, the package's went)
    own = frozenset(d.qualname for d in summary.definitions if "." not in d.qualname)
    spells = _Spelling(target, dotted, qualname, lambda _: False, bindings, imported_as,
                       defines, module_now=module_now, own=(summary.module, own))
    found = {
        site.scope for site in summary.calls
        if any(_by_name(e) and spells.expr(e, 0) for e in site.callee)
    }
    found |= {
        reference.scope for reference in summary.references
        if any(_by_name(e) and spells.expr(e, 0) for e in reference.target)
    }
    return sorted(found)


def may_spell(names: frozenset[str], target: str) -> bool:
    """Can a summary spelling ``names`` (``spelled_names``) spell ``target`` (a symbol, or a
    module), by the name a spelling of it cannot do without, its last segment? A name of a
    shape ``spelled_names`` does not collect is never ruled out."""
    name = spelled_name(target)
    return name in names or not (_NAME.fullmatch(name) or _MADE_NAME.fullmatch(name))


def spelled_name(target: str) -> str:
    """The last segment of ``target``'s dotted path (``may_spell``)."""
    module, _, qualname = target.partition(":")
    return (qualname or module).rpartition(".")[2]


def spelled_names(summary: FileSummary) -> frozenset[str]:
    """Every name spelled in ``summary``'s imports, call sites, references and variable
    bindings.

    ``calls_path`` and ``mentions`` find a spelling of a symbol only where its last name
    (``spelled_name``) is one of these: a variable's name, an attribute read, a segment of a
    module path or symbol (an import path as the modules are named keeps its last segment,
    ``discovery.through_paths``; so a path naming the symbol is either spelled out or runs
    through a module named at or below the symbol's own dotted path). A caller asking for many
    symbols tests the name first, and reads the sites only when it is here.
    """
    texts = [binding.target for binding in summary.imports]
    texts += [text for site in summary.calls for expr in site.callee for text in expr]
    texts += [text for reference in summary.references for expr in reference.target
              for text in expr]
    for key, values in summary.bindings:
        texts.append(key)
        texts += [text for value in values for text in value]
    text = "\n".join(texts)
    return frozenset((*_NAME.findall(text), *_MADE_NAME.findall(text)))


def reads_by_value_only(summary: FileSummary, scope: str, name: str,
                        bindings: Mapping[str, tuple[Expr, ...]]) -> bool:
    """Does ``scope`` use no value spelled as attribute ``name`` without calling it (its
    references, through the variables they name), and read some attribute by a name given as
    a value (``getattr(self, attr)``: ``.~*``)? A reference the linker made from ``scope`` to a
    member ``name`` then comes from that read, or from a value handed in: not from code naming
    it."""
    wanted = f".{name}"
    by_value = False

    def walk(expr: Expr, hops: int) -> bool:  # spells it; notes a read by value on the way
        nonlocal by_value
        if any(op == wanted for op in expr[1:]):
            return True
        by_value = by_value or any(op.startswith(".~") for op in expr[1:])
        root = parse_root(expr[0])
        if isinstance(root, SymbolRoot):
            return root.symbol.rpartition(".")[2] == name
        if not isinstance(root, Variable) or hops >= MAX_HOPS:
            return False
        if root.key.rpartition("|")[2] == name:
            return True
        return any(walk((*value, *expr[1:]), hops + 1) for value in bindings.get(root.key, ()))

    exprs = [e for reference in summary.references if in_scope(reference.scope, scope)
             for e in reference.target if e]
    if any(walk(expr, 0) for expr in exprs):
        return False
    if not by_value:  # a read by value whose result is only called (``getattr(o, n)()``)
        by_value = any(op.startswith(".~") for site in summary.calls
                       if in_scope(site.scope, scope) for e in site.callee for op in e[1:])
    return by_value


def _by_name(expr: Expr) -> bool:
    """Does ``expr`` start from a name (a module's, or a variable's)?"""
    return isinstance(parse_root(expr[0]), (ModuleRoot, Variable))


class _Spelling:
    def __init__(
        self, target: str, dotted: str, name: str, is_ours: Callable[[str], bool],
        bindings: Mapping[str, tuple[Expr, ...]], imported_as: Callable[[str], str],
        defines: Callable[[str, str], bool] | None = None, module_now: bool = False,
        own: tuple[str, frozenset[str]] | None = None,
    ) -> None:
        self.target = target
        # a module and the names it defines at module level (``calls_path``)
        self.own = own
        # ``dotted`` names a module now (``calls_path``): what is below it is that module's
        self.module_now = module_now
        self.imported_as = imported_as
        self.dotted = dotted
        self.name = name
        self.is_ours = is_ours
        self.bindings = bindings
        self.defines = defines
        self.member = "." in target.partition(":")[2]  # a method or class attribute

    @classmethod
    def of(cls, target: str, is_ours: Callable[[str], bool],
           bindings: Mapping[str, tuple[Expr, ...]], imported_as: Callable[[str], str] = str,
           defines: Callable[[str, str], bool] | None = None) -> _Spelling:
        """The spellings of symbol (or module) ``target``, its dotted path and last name
        taken from it."""
        module, _, qualname = target.partition(":")
        dotted = f"{module}.{qualname}" if qualname else module
        return cls(target, dotted, spelled_name(target), is_ours, bindings, imported_as, defines)

    def path(self, path: str) -> bool:
        """An absolute import path naming the symbol (or a re-export of it by our code)."""
        path = self.imported_as(path)
        if path == self.dotted or (path.startswith(self.dotted + ".") and not self.module_now):
            return True
        prefix, _, last = path.rpartition(".")
        # a path naming a module of ours is that module (``dns.resolver``, which ``import
        # dns.resolver`` binds on ``dns``), not a re-export of a name spelled like it
        return (last == self.name and bool(prefix) and self.is_ours(prefix)
                and not self.is_ours(path)
                and not (self.defines is not None and self.defines(prefix, last)))

    def expr(self, expr: Expr, hops: int) -> bool:
        root = parse_root(expr[0])
        leading: list[str] = []  # the attributes read straight off the root
        for operation in expr[1:]:
            if not operation.startswith("."):
                break
            leading.append(operation[1:])
        if self.member and any(op == f".{self.name}" for op in expr[1:]) and (
            isinstance(root, (SymbolRoot, Variable))
        ):
            # ``obj.method`` on one of our values: the receiver is not known; a method of a
            # builtin container (``fields = []``, ``names = list(...)``) is none of ours
            return not self._container_method(expr, hops)
        match root:
            case ModuleRoot(path):
                if self.module_now and self.imported_as(path) == self.dotted:
                    return not leading  # the module itself; an attribute read off it is its own
                if self.path(path):
                    return True
                for attribute in leading:
                    path = f"{path}.{attribute}"
                    if self.path(path):
                        return True
                return False
            case SymbolRoot(symbol):
                return symbol == self.target
            case Variable(key):
                values = self.bindings.get(key)
                _, _, rest = key[2:].partition(":")
                where, _, variable = rest.partition("|")
                if values is None:
                    # a module-level name with no value known (a star import): it may be it;
                    # a class body's name it does not bind (``@default.setter`` once the
                    # getter is renamed): the class member it spells
                    module = key[2:].partition(":")[0]
                    if (not where and self.own is not None and module == self.own[0]
                            and variable in self.own[1]):
                        return False  # the module's own variable (no value recorded)
                    if not where and self.defines is not None and self.defines(module, variable):
                        # a star import gives the name from where it moved (jsonargparse
                        # 4.0's ``strip_meta``, from one star-imported module to another)
                        return False
                    return variable == self.name and (
                        not where or f"{module}:{where}.{variable}" == self.target)
                if hops >= MAX_HOPS and not all(
                        isinstance(parse_root(value[0]), (ModuleRoot, SymbolRoot))
                        for value in values):
                    return variable == self.name
                # past the last hop, values that are import paths or symbols are still read:
                # telling those needs no further hop (jinja2 3.1's ``filters`` reads values
                # of markupsafe's ``Markup`` four variables away from the import binding it)
                return any(self.expr((*value, *expr[1:]), hops + 1) for value in values)
        return False  # builtins, containers, fixtures: not a spelling of a symbol

    def _container_method(self, expr: Expr, hops: int) -> bool:
        """Is ``expr`` the member read straight off a variable bound to builtin containers
        alone (``fields.append(v)`` after ``fields = []``), and read nowhere else?"""
        wanted = f".{self.name}"
        return expr[1] == wanted and wanted not in expr[2:] and self._containers(expr[0], hops)

    def _containers(self, text: str, hops: int) -> bool:
        root = parse_root(text)
        if isinstance(root, ContainerRoot):
            return True
        values = self.bindings.get(root.key, ()) if isinstance(root, Variable) else ()
        return bool(values) and hops < MAX_HOPS and all(
            len(value) == 1 and self._containers(value[0], hops + 1) for value in values)


# Calls that read an attribute by a name given as a value: any name may be one of them
_BY_VALUE = frozenset({"getattr", "attrgetter", "methodcaller"})
_LITERAL_STR: tuple[Expr, ...] = (("b:str", "()"),)  # a string literal, as an argument


def in_scope(where: str, scope: str, nested: bool = True) -> bool:
    """Is code of ``where`` code of ``scope`` (a symbol and what it nests, or a module: all its
    code; without ``nested``, only the module's own, as in ``mentions``)?"""
    return (":" not in scope and nested) or where == scope or where.startswith(scope + ".")


def reads_attribute(summary: FileSummary, scope: str, names: frozenset[str],
                    foreign_self: Callable[[str], bool] | None = None,
                    by_value: bool = True) -> bool:
    """Does ``scope`` (a symbol and the code it nests, or a module for all its code) read or
    call an attribute spelled as one of ``names``, on any value (the receiver is not
    followed), use a special method of them as the summary records Python's implicit calls
    (``%__iter__`` for a ``for``, ``%__str__|__repr__`` for ``str(x)``), or read an attribute
    by a name given as a value (``getattr(obj, name)``, ``operator.attrgetter``)?
    ``foreign_self(scope)``: is ``self`` in that code an instance of a class that cannot hold
    the names (it derives from no class that had them): its ``getattr(self, name)`` reads none
    of them. ``by_value=False``: names code reads only by spelling them."""
    wanted = {f".{name}" for name in names}
    bindings: dict[str, tuple[Expr, ...]] | None = None

    def module_bindings() -> dict[str, tuple[Expr, ...]]:
        nonlocal bindings
        if bindings is None:
            bindings = dict(summary.bindings)
        return bindings

    def reads(expr: Expr) -> bool:
        for at, op in enumerate(expr[1:], 1):
            if op in wanted or (op.startswith("%") and not names.isdisjoint(op[1:].split("|"))):
                if op in wanted and _standard_object(expr[:at], module_bindings()):
                    continue  # read off a standard class or module (``TextIOBase.register``)
                if op[:1] == "%" and _literal_value(expr[:at], module_bindings(),
                                                     summary.module):
                    continue  # an operator on a list, string... (``Base._fields + [...]``)
                return True
        if not by_value:
            return False
        last = expr[0].rpartition("|")[2] if expr[0].startswith("v:") else expr[0][2:]
        return last in _BY_VALUE or any(op[1:] in _BY_VALUE for op in expr[1:])

    def own(site: CallSite) -> bool:
        """``getattr(self, ...)`` on a foreign ``self``, or ``getattr`` on a module (a
        module-level name, never a class's member: python-statemachine 2.0's ``import_sm``
        does ``getattr(importlib.import_module(module_name), class_name)``)."""
        if not (site.args and site.args[0] and _calls_getattr(site)):
            return False
        if foreign_self is not None and all(
                len(e) == 1 and e[0] == f"v:{site.scope}|self" for e in site.args[0]) \
                and foreign_self(site.scope):
            return True
        return all(_module_value(e, module_bindings()) for e in site.args[0])

    spelled: dict[tuple[str, int], set[Expr]] | None = None

    def literal(site: CallSite) -> bool:
        """``getattr(obj, "name", ...)``: a name given as a literal, which the indexer records
        as a read of ``obj.name`` too (Django 5.2's ``getattr(view_func, "login_required",
        True)``); an f-string or a ``str()`` call gives the same argument, but no such read."""
        nonlocal spelled
        if not (len(site.args) >= 2 and site.args[0] and site.args[1] == _LITERAL_STR
                and _calls_getattr(site)):
            return False
        if spelled is None:
            spelled = {}
            for reference in summary.references:
                for target in reference.target:
                    if len(target) > 1 and target[-1][:1] == ".":
                        spelled.setdefault((reference.scope, reference.line), set()).add(
                            target[:-1])
        return set(site.args[0]) <= spelled.get((site.scope, site.line), set())

    exprs = [
        *(e for site in summary.calls
          if in_scope(site.scope, scope) and not own(site) and not literal(site)
          for e in site.callee),
        *(e for reference in summary.references if in_scope(reference.scope, scope)
          for e in reference.target),
    ]
    return any(reads(expr) for expr in exprs if expr)


def _calls_getattr(site: CallSite) -> bool:
    """Is ``site`` a call of the builtin ``getattr``, and of nothing else?"""
    return all(len(e) == 1 and e[0] == "b:getattr" for e in site.callee)


def bound_values(expr: Expr, bindings: Mapping[str, tuple[Expr, ...]], hops: int
                 ) -> list[Expr] | None:
    """Every value ``expr`` may be, its variables replaced by the values they are bound to,
    ``hops`` replacements deep at most; None when a variable on the way has no value known or
    lies deeper."""
    root = parse_root(expr[0])
    if not isinstance(root, Variable):
        return [expr]
    values = bindings.get(root.key, ())
    if not values or hops <= 0:
        return None
    found: list[Expr] = []
    for value in values:
        more = bound_values((*value, *expr[1:]), bindings, hops - 1)
        if more is None:
            return None
        found += more
    return found


def _standard_object(receiver: Expr, bindings: Mapping[str, tuple[Expr, ...]],
                     kinds: type | tuple[type, ...] = (type, types.ModuleType)) -> bool:
    """Is ``receiver`` surely a class or a module of the standard library (an instance of
    ``kinds``), named by its path (``io.TextIOBase``, through the import binding it): never
    an instance of a class of ours? Read from this interpreter's modules already imported,
    never by importing one."""
    values = bound_values(receiver, bindings, MAX_HOPS)
    if not values:
        return False
    for value in values:
        root = parse_root(value[0])
        if not isinstance(root, ModuleRoot) or not all(op.startswith(".") for op in value[1:]):
            return False
        module = sys.modules.get(root.dotted)
        if root.dotted.partition(".")[0] not in sys.stdlib_module_names or module is None:
            return False
        found: object = module
        for op in value[1:]:
            found = getattr(found, op[1:], None)
        if not isinstance(found, kinds):
            return False
    return True


def registered_only(summary: FileSummary, scope: str, target: str,
                    is_ours: Callable[[str], bool],
                    bindings: Mapping[str, tuple[Expr, ...]] | None = None,
                    imported_as: Callable[[str], str] = str) -> bool:
    """Is every reference of ``scope``'s own code that may spell class ``target`` the argument
    of a standard abstract class's ``register`` (``TextIOBase.register(OutputWrapper)``), and
    is there one? ``ABCMeta.register`` adds the class to the abstract class's registry and
    reads none of its names, nor makes an instance: Django 5.2 traded ``OutputWrapper``'s
    ``TextIOBase`` base for registering it there."""
    if bindings is None:
        bindings = dict(summary.bindings)
    spells = _Spelling.of(target, is_ours, bindings, imported_as)
    registered: set[tuple[int, Expr]] = set()  # (line, expression) registered
    for site in summary.calls:
        if not in_scope(site.scope, scope, nested=False):
            continue
        if any(spells.expr(expr, 0) for expr in site.callee):
            return False  # called (an instance made), or a method of it called
        if (len(site.args) == 1
                and not (site.kwargs or site.star or site.implicit or site.decorator)
                and site.callee and all(
                    len(expr) > 1 and expr[-1] == ".register"
                    and _standard_object(expr[:-1], bindings, abc.ABCMeta)
                    for expr in site.callee)):
            registered.update((site.line, value) for value in site.args[0])
    return _references_among(summary, scope, spells, registered, nested=False)


# builtin types whose instance a call of the type gives: ``b:str`` then ``()``
_BUILTIN_INSTANCES = frozenset({
    "b:str", "b:bytes", "b:int", "b:float", "b:complex", "b:bool", "b:list", "b:tuple",
    "b:dict", "b:set", "b:frozenset"})
_MAX_LITERAL_STEPS = 64


def _literal_value(receiver: Expr, bindings: Mapping[str, tuple[Expr, ...]],
                   module: str) -> bool:
    """Is ``receiver`` surely a container literal of the module's (``[...]``, ``(...)``) or an
    instance of a builtin type, through the variables and class attributes of the module it is
    read from? Then an operator Python runs on it (``%__add__``) is that type's, never a
    method a class of ours lost. SQLAlchemy 2.0.36's ``_OverRange`` went from ``IntEnum`` to
    ``Enum``; a class body's ``_traverse_internals = ClauseList._traverse_internals + [...]``
    in its module adds two lists. ``bindings``: ``module``'s."""
    todo = [receiver]
    seen: set[Expr] = set()
    while todo:
        expr = todo.pop()
        if expr in seen:
            continue
        seen.add(expr)
        if len(seen) > _MAX_LITERAL_STEPS:
            return False
        head = expr[0]
        if head.startswith("c:") and len(expr) == 1:
            continue  # a container the module spells
        if head in _BUILTIN_INSTANCES and expr[1:] == ("()",):
            continue
        if head.startswith("v:"):
            found = bindings.get(head)
        elif head.startswith("s:") and len(expr) > 1 and expr[1].startswith("."):
            # a class attribute a class body of the module binds
            where, _, qualname = head[2:].partition(":")
            found = bindings.get(f"v:{where}:{qualname}|{expr[1][1:]}") \
                if where == module else None
            expr = (head, *expr[2:])
        else:
            return False
        if not found:
            return False
        if any(value[0].startswith("c:") and len(value) == 1 for value in found):
            # ``_traverse_internals: _TraverseInternalsType = [...]``: the annotation describes
            # the literal assigned (the instances it names are the linker's ``+``)
            found = tuple(value for value in found if value[-1] != INSTANCE)
        todo.extend((*value, *expr[1:]) for value in found)
    return True


def _module_value(expr: Expr, bindings: Mapping[str, tuple[Expr, ...]]) -> bool:
    """Is ``expr`` surely a module: one an ``import`` bound, or what ``importlib.import_module``
    or ``__import__`` returns (through the variables holding it)?"""
    values = bound_values(expr, bindings, MAX_HOPS)
    return values is not None and all(
        (isinstance(parse_root(value[0]), ModuleRoot) and len(value) == 1)
        or (len(value) > 1 and value[-1].startswith("(")
            and value[:-1] in (("m:importlib", ".import_module"), ("b:__import__",)))
        for value in values)


def spells_attribute(summary: FileSummary, name: str) -> bool:
    """Does any code of the module read or call an attribute spelled ``name`` (``.name``, on
    any value), not counting reads by a name given as a value (``getattr(obj, name)``)?"""
    wanted = f".{name}"
    return any(wanted in expr[1:] for site in summary.calls for expr in site.callee) or any(
        wanted in expr[1:] for reference in summary.references for expr in reference.target)


def hands_self(summary: FileSummary, scope: str) -> bool:
    """Does code of ``scope`` (a class and its methods) pass ``self`` itself as an argument:
    code it calls may use any name of the instance, unseen here?"""
    return any(True for _ in self_handing_sites(summary, scope))


def self_handing_sites(summary: FileSummary, scope: str) -> Iterator[int]:
    """The indexes in ``summary.calls`` of the calls of ``scope`` that pass ``self`` itself
    as an argument (``hands_self``)."""
    def bare_self(values: tuple[Expr, ...]) -> bool:
        return any(len(e) == 1 and e[0].startswith("v:") and e[0].endswith("|self")
                   for e in values)

    return (
        index for index, site in enumerate(summary.calls)
        if in_scope(site.scope, scope)
        and (any(bare_self(values) for values in site.args)
             or any(bare_self(values) for _, values in site.kwargs)))


_CALLED, _READ, _HANDED = "<called>", "<read>", "<handed>"


# ``functools`` calls that copy a function's metadata (its name, docstring, signature) onto
# another, by the position of the function copied from (``wraps(f)``, ``update_wrapper(w, f)``)
_METADATA_COPIERS = {"wraps": 0, "update_wrapper": 1}


def metadata_only(summary: FileSummary, scope: str, target: str,
                  is_ours: Callable[[str], bool],
                  bindings: Mapping[str, tuple[Expr, ...]] | None = None,
                  imported_as: Callable[[str], str] = str) -> bool:
    """Is every reference of ``scope``'s code (a symbol and what it nests, or a module: all
    its code) that may spell ``target`` the function a ``functools.wraps(f)`` or
    ``functools.update_wrapper(wrapper, f)`` call copies metadata from, and is there one?
    Such a reference hands nothing on to be called: the copy is a name and a docstring
    (tldextract 5.0's ``@wraps(TLD_EXTRACTOR.__call__)`` over its module-level ``extract``).
    """
    if bindings is None:
        bindings = dict(summary.bindings)
    spells = _Spelling.of(target, is_ours, bindings, imported_as)
    copied: set[tuple[int, Expr]] = set()  # (line, expression) copied from
    for site in summary.calls:
        if not in_scope(site.scope, scope):
            continue
        position = _metadata_copier(site.callee, bindings)
        if position is None:
            continue
        values = site.args[position] if position < len(site.args) else dict(
            site.kwargs).get("wrapped", ())
        copied.update((site.line, value) for value in values)
    return _references_among(summary, scope, spells, copied)


def _references_among(summary: FileSummary, scope: str, spells: _Spelling,
                      allowed: Set[tuple[int, Expr]], nested: bool = True) -> bool:
    """Is every reference of ``scope``'s code (with what it nests, unless not ``nested``) that
    ``spells`` the target one of ``allowed`` (line, expression), and is there one?"""
    found = False
    for reference in summary.references:
        if not in_scope(reference.scope, scope, nested=nested):
            continue
        for expr in reference.target:
            if spells.expr(expr, 0):
                if (reference.line, expr) not in allowed:
                    return False
                found = True
    return found


def _metadata_copier(callee: tuple[Expr, ...], bindings: Mapping[str, tuple[Expr, ...]]
                     ) -> int | None:
    """The position of the function copied from, when every value of ``callee`` is
    ``functools.wraps`` or ``functools.update_wrapper`` (through the names it was imported
    by), else None."""
    found: set[int | None] = set()
    for expr in callee:
        values = bound_values(expr, bindings, 2)
        if values is None:
            return None
        found.update(_METADATA_COPIERS.get(value[1][1:]) if value[0] == "m:functools"
                     and len(value) == 2 and value[1][:1] == "." else None
                     for value in values)
    return found.pop() if len(found) == 1 else None


def _compared_elements(operations: tuple[str, ...]) -> bool:
    """``[]`` ... ``%__eq__``: what a summary records of a comparison for the elements of
    its operands, as containers compare theirs (an index, ``x[0]``, is ``[0]``, and the
    ``__getitem__`` it calls is a call of its own)."""
    last = parse_op(operations[-1])
    return (len(operations) > 1 and all(op == "[]" for op in operations[:-1])
            and isinstance(last, Special) and COMPARISONS.issuperset(last.names))


class _Escaped(Exception):
    """A value was seen going where its uses cannot be read (``kept_uses``)."""


_ARGUMENT_KEY = re.compile(r"(v:.*\|<c\d+>)\[(\d+|'[A-Za-z_][A-Za-z_0-9]*')\]")


def _call_of_container(summary: FileSummary, container: str) -> int | None:
    """The index in ``summary.calls`` of the one call whose arguments are bound under the
    container key ``container`` (a ``CallWith`` of a call written as a value): the site of
    its scope whose callee is what the ``CallWith`` follows and whose arguments have its
    shape; None when there is none, or several that differ in their callee."""
    scope = container[2:].partition("|")[0]
    shapes: set[tuple[Expr, int, tuple[str, ...]]] = set()
    exprs = [*(e for _, values in summary.bindings for e in values),
             *(e for site in summary.calls for e in site.callee)]
    for expr in exprs:
        for end, operation in enumerate(expr[1:], 1):
            if operation.startswith("(") and container in operation:
                found = parse_op(operation)
                if isinstance(found, CallWith) and found.key == container:
                    shapes.add((expr[:end], found.count,
                                tuple(sorted({*found.names, *found.bare}))))
    if len(shapes) != 1:
        return None
    callee, count, names = shapes.pop()
    indexes = [
        index for index, site in enumerate(summary.calls)
        if site.scope == scope and callee in site.callee and not site.implicit
        and len(site.args) == count and tuple(sorted({n for n, _ in site.kwargs})) == names]
    # calls of one callee with arguments of one shape (mypy's two ``FindModuleCache(
    # self.search_paths, fscache=None, options=options)``, each with an ``options`` of its
    # own): an argument binds the same parameter in either
    same = {(site.callee, site.star) for site in (summary.calls[index] for index in indexes)}
    return indexes[0] if indexes and len(same) == 1 else None


def kept_uses(
    summary: FileSummary, scope: str, target: str, lost: frozenset[str],
    sites: Iterable[int], is_ours: Callable[[str], bool],
    imported_as: Callable[[str], str] = str,
    bindings: Mapping[str, tuple[Expr, ...]] | None = None,
    handed: Callable[[int, int | str], Iterable[str] | None] | None = None,
    parameter: str | None = None,
    attribute: str | None = None,
) -> frozenset[str] | None:
    """Does code of ``scope`` (a symbol and what it nests, or a module: all its code) use
    ``target`` only by names not in ``lost``, so that what ``target`` lost cannot reach it?

    ``sites``: the indexes (in ``summary.calls``) of the calls the linker linked to
    ``target``, a class or a function: the value is then what they make (an instance, a
    result), read where the callee as those calls write it is called. No sites: the value
    is ``target`` itself (a module variable). Each value is followed through the local
    variables it is bound to. A use reads an attribute (``obj.name``) or has Python call a
    special method (``obj[k]``: ``__getitem__``). Anything else hands the value on, to code
    that may use any name of it (an argument, a return, a store, a container's element, an
    attribute, a class variable): the answer is then None, as for a name nothing is known of
    (``getattr(obj, name)``). A value bound to a module-level variable may be read by other
    modules too, and a value a function returns is its callers' to use: the answer is those
    variables (``mod:NAME``) and functions (``mod:name()``), for the caller to follow.

    ``handed(index, argument)``: the parameters (their variable keys, ``v:mod:f|ctx``) that
    argument ``argument`` (a position, or a keyword's name) of call ``index`` binds in every
    function of ours the call runs, or None when not all are known; a value handed so is
    the callees' to use, and those keys are in the answer too. ``parameter``: the value is
    that variable (a parameter of ``scope``), not ``target``. A value stored on an
    attribute (``self.paths = paths``, ``obj.paths = value``) is read wherever that
    attribute is read, off any value: the answer holds ``a:.paths``, and ``attribute``
    (``.paths``) makes the value every read of that attribute in ``scope``. mypy 1.14 made
    ``SearchPaths(NamedTuple)`` a plain class; ``FindModuleCache.__init__`` stores the one
    it is given on ``self.search_paths``, read for its fields only. tomli-w 1.2 made its
    ``Context(NamedTuple)`` a plain class; ``dumps`` hands the one it makes to
    ``gen_table_chunks``, which reads its fields and hands it on.
    prompt_toolkit 3.0's ``_16ColorCache`` lost its ``dict`` base; ``output.vt100`` makes two
    at import time, binds them to module variables and only calls their ``get_code``."""
    if bindings is None:
        bindings = dict(summary.bindings)
    spells = _Spelling.of(target, is_ours, bindings, imported_as)
    module, name = target.partition(":")[0], spells.name
    functions = {d.qualname for d in summary.definitions
                 if d.kind in (SymbolKind.FUNCTION, SymbolKind.METHOD)}
    shared: set[str] = set()
    sites = list(sites)
    made = bool(sites)
    # the callees of the calls making one, as written (``self._extract_netloc``): the linker
    # linked them to ``target``; an expression starting with one then a call is such a result
    callees = {expr for index in sites for expr in summary.calls[index].callee if expr}

    def named(expr: Expr) -> int:
        """The length of the prefix of ``expr`` (its variables expanded) naming ``target``
        itself, or 0; negative for the callee of a linked call, as written."""
        if parameter is not None:
            return int(expr[0] == parameter)
        if attribute is not None:
            return next((count for count, operation in enumerate(expr[1:], 2)
                         if operation == attribute), 0)
        for callee in callees:
            if expr[:len(callee)] == callee:
                return -len(callee)
        root = parse_root(expr[0])
        if isinstance(root, SymbolRoot):
            return 1 if root.symbol == target else 0
        if isinstance(root, Variable):
            # a module-level name with no value known (a star import): it may be it
            where, _, variable = root.key[2:].partition("|")
            return int(variable == name and root.key not in bindings
                       and not where.partition(":")[2])
        if isinstance(root, ModuleRoot):
            path = root.dotted
            if spells.path(path):
                return 1
            for count, operation in enumerate(expr[1:], 2):
                if operation.startswith(".~") and imported_as(path) == module:
                    return count - 1  # ``getattr(mod, name)``: it may be it
                if not operation.startswith("."):
                    break
                path = f"{path}.{operation[1:]}"
                if spells.path(path):
                    return count
        return 0

    def expanded(expr: Expr, hops: int = 0) -> Iterator[Expr]:
        yield expr
        root = parse_root(expr[0])
        if isinstance(root, Variable) and hops < MAX_HOPS:
            for value in bindings.get(root.key, ()):
                yield from expanded((*value, *expr[1:]), hops + 1)

    def passed_as(key: str) -> tuple[int, int | str] | None:
        """``key`` an argument of a call written as a value (``for x in f(obj, ctx)``: its
        arguments are bound under a container key of its ``CallWith``): the call's index in
        ``summary.calls`` (the one site of the same scope, callee and arguments) and the
        argument's position or keyword; None otherwise."""
        match = _ARGUMENT_KEY.fullmatch(key)
        if match is None:
            return None
        container, position = match.group(1), match.group(2)
        argument: int | str = int(position) if position.isdigit() else position[1:-1]
        if container not in call_containers:
            call_containers[container] = _call_of_container(summary, container)
        index = call_containers[container]
        return None if index is None else (index, argument)

    call_containers: dict[str, int | None] = {}

    def check(expr: Expr, bound: str, argument: tuple[int, int | str] | None = None) -> None:
        """Raise ``_Escaped`` where ``expr``, read where it stands, uses the value otherwise:
        ``bound`` is the variable key it is bound to, or ``_CALLED`` (a callee), ``_READ`` (a
        reference: what it is read for is recorded where it is used), ``_HANDED`` (an
        argument, a store)."""
        for form in expanded(expr):
            length = named(form)
            if not length:
                continue
            rest = form[abs(length):]
            if made:
                if not rest:
                    continue  # the class itself (the call site making it, a reference)
                operation = parse_op(rest[0])
                if isinstance(operation, (Instance, SubclassOf)):
                    continue  # ``self``, a parameter: an instance made elsewhere
                if not isinstance(operation, (Call, CallWith)):
                    if length < 0:
                        continue  # the object a linked call was made on, read otherwise
                    raise _Escaped  # a class attribute (a factory?), a subclass test ...
                rest = rest[1:]
            if rest:
                operation = parse_op(rest[0])
                if isinstance(operation, Attr) and operation.name not in lost:
                    continue
                if isinstance(operation, Special) and lost.isdisjoint(operation.names):
                    continue
                if (isinstance(operation, DescriptorSet)
                        and lost.isdisjoint((operation.name, "__setattr__"))):
                    # ``obj.name = v``: Python looks ``name`` up on the class (a property's
                    # setter), then calls ``__setattr__`` (Django 5.2's ``OutputWrapper``,
                    # whose ``style_func`` setter ``BaseCommand.__init__`` calls)
                    continue
                if _compared_elements(rest):
                    continue  # ``a == b`` compares the elements too, were they containers
                raise _Escaped
            if bound == _READ:
                continue
            if bound.startswith("a:"):  # stored on another value's attribute
                shared.add(bound)
                continue
            if bound == _HANDED and argument is not None and handed is not None:
                keys = handed(*argument)
                if keys is None:
                    raise _Escaped  # handed to code not all known
                shared.update(keys)  # the callees' parameters: theirs to use
                continue
            if bound in (_CALLED, _HANDED):
                raise _Escaped  # called itself, or handed to code
            where, _, variable = bound[2:].partition("|")
            owner = where.partition(":")[2]
            if variable == "<return>" and owner in functions:
                shared.add(f"{where}()")  # what its callers do with it is theirs to tell
                continue
            stored = _ATTRIBUTE_KEY.fullmatch(variable)
            if stored is not None:
                # stored on an attribute (``self.paths``; a class's own ``.paths``): read
                # wherever that attribute is
                shared.add("a:." + stored.group(2))
                continue
            if not variable.isidentifier():
                argument = passed_as(bound)
                keys = None if argument is None or handed is None else handed(*argument)
                if keys is not None:
                    shared.update(keys)  # the argument of a call written as a value
                    continue
                raise _Escaped  # an element, an argument bound for a call, a return
            if not owner:
                shared.add(f"{where.partition(':')[0]}:{variable}")
            elif owner not in functions:
                raise _Escaped  # a class variable: read through instances and the class

    try:
        for index, site in enumerate(summary.calls):
            if not in_scope(site.scope, scope):
                continue
            for expr in site.callee:
                check(expr, _CALLED)
            arguments: list[tuple[int | str, tuple[Expr, ...]]] = [
                *enumerate(site.args), *site.kwargs]
            for position, values in arguments:
                for expr in values:
                    check(expr, _HANDED, None if site.star else (index, position))
        for reference in summary.references:
            if in_scope(reference.scope, scope):
                for expr in reference.target:
                    check(expr, _READ)
        for key, values in summary.bindings:
            where = key[2:].partition("|")[0]
            if in_scope(where if where.partition(":")[2] else where.partition(":")[0],
                         scope):
                for expr in values:
                    check(expr, key)
        for targets, attribute_name, values in summary.attribute_stores:
            for expr in targets:
                # ``obj.name = v`` sets ``name`` on ``obj``, as a descriptor's set is recorded
                check((*expr, descriptor_set(attribute_name)), _HANDED)
            for expr in values:
                check(expr, "a:." + attribute_name)
    except _Escaped:
        return None
    return frozenset(shared)


# A variable key's name for a value stored on an attribute: ``.paths`` (the class's own
# record of ``self.paths = ...``), ``<1>|self.paths`` or ``obj.x.paths`` (a function's)
_ATTRIBUTE_KEY = re.compile(r"(?:<\d+>\|)?((?:[A-Za-z_]\w*\.)+|\.)([A-Za-z_]\w*)")


def reads_member_of(summary: FileSummary, scope: str,
                    lost: Callable[[str, bool], frozenset[str]],
                    resolve: Callable[[str], str | None],
                    is_class: Callable[[str], bool],
                    bindings: Mapping[str, tuple[Expr, ...]]) -> bool:
    """Does the code of ``scope`` (a symbol and what it nests; a module's own code only) read
    an attribute off a value that is a class of ours, or an instance made of one, lacking that
    name: one of ``lost(class, instance)``? The receiver is followed through the module's
    variables, its imports (``resolve``: a dotted path to a symbol of ours) and calls of the
    class; ``self`` in a method is an instance of the method's class. A receiver with a value
    not known is not one (``reads_attribute`` reads any receiver)."""

    def values(expr: Expr, hops: int) -> set[tuple[str, bool]] | None:
        """The classes ``expr`` is, each with whether it is an instance of it; None when
        some value is not known."""
        root, ops = expr[0], list(expr[1:])
        match parse_root(root):
            case ModuleRoot(path):
                while ops and ops[0].startswith(".") and not ops[0].startswith(".~"):
                    path, ops = f"{path}.{ops[0][1:]}", ops[1:]
                symbol = resolve(path)
                found = {(symbol, False)} if symbol is not None and is_class(symbol) else None
            case SymbolRoot(symbol):
                found = {(symbol, False)} if is_class(symbol) else None
            case Variable(key):
                where, _, name = key[2:].partition("|")
                module, _, qualname = where.partition(":")
                known = bindings.get(key)
                if known is None and name == "self" and "." in qualname:
                    owner = f"{module}:{qualname.rpartition('.')[0]}"
                    found = {(owner, True)} if is_class(owner) else None
                elif not known or hops >= MAX_HOPS:
                    found = None
                else:  # each value the variable holds, read on as the expression does
                    found = set()
                    for value in known:
                        more = values((*value, *ops), hops + 1)
                        if more is None:
                            return None
                        found |= more
                    return found
            case _:
                found = None
        for op in ops:
            if found is None:
                return None
            if (op.startswith("(") or op == "+") and all(not instance for _, instance in found):
                found = {(symbol, True) for symbol, _ in found}  # the class called, or an
                # instance of it as the summary marks one (``self``, an annotation)
            else:
                return None
        return found

    def reads(expr: Expr) -> bool:
        for end in range(1, len(expr)):
            name = expr[end][1:]
            if not expr[end].startswith(".") or not name.isidentifier():
                continue
            found = values(expr[:end], 0)
            if found and all(name in lost(symbol, instance) for symbol, instance in found):
                return True
        return False

    exprs = [
        *(e for site in summary.calls if in_scope(site.scope, scope, nested=False)
          for e in site.callee),
        *(e for reference in summary.references
          if in_scope(reference.scope, scope, nested=False) for e in reference.target),
    ]
    return any(reads(expr) for expr in exprs if expr)
