"""Whose method a call runs: the receiver classes the linker can vouch for, per call edge.

Class hierarchy analysis links ``self.popitem()`` in ``Cache.__setitem__`` to the
``popitem`` of every subclass, and a walk backwards over the graph then goes from any
subclass's override up to every caller of ``Cache.__setitem__``, whatever the class of the
object there. An edge's ``recv`` entries keep what tells those apart: ``(given, receiver)``
pairs, one per way the call reaches the target.

- ``given``: a class id, or "" for any: the call reaches the target only when the caller's
  own ``self`` is an instance of that class (or of a subclass; ``=`` before the id: of that
  class itself, when each of its subclasses has entries of its own). Found by evaluating the
  call with ``self`` as an instance of each subclass on which what the call reads of
  ``self`` may differ (``Resolver.varying``): ``self.popitem`` reaches ``TLRUCache.popitem``
  only on a ``TLRUCache``; in a test mixin, ``self.Cache(maxsize=2)`` builds a
  ``TLRUCache`` only in the test class whose ``Cache`` is ``TLRUCache``, and so does the
  ``cache[1] = 1`` that follows on what it built.
- ``receiver``: the class of the object whose method the target is (an instance of it or of a
  subclass; ``=`` before the id: of that class itself, ``LRUCache()``; ``Local<Base``: of a
  class defined in a method whose base expression gave ``Base`` for the given class of
  ``self``), ``"self"`` when it is the caller's own ``self`` (``self.m()``,
  ``Base.m(self)``), or "" when not known.

No entries (the attribute absent) means nothing is known: the call may run the target on any
object, whatever the caller's ``self``. Only what the linker sees whole counts: a receiver
that comes in through one of the caller's parameters (its values are what every caller
passes, and a caller the analysis lost would pass others) is unknown, and so is anything
reached through an outside object, a decorator, or a value the linker gave up on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from impactgraph.expressions import Attr, Special
from impactgraph.linker.resolve import TOP, Resolver
from impactgraph.linker.values import Bound, Inst, Subclass, Sym, Value
from impactgraph.model import CallSite, Expr, SymbolKind

Entry = tuple[str, str]  # (given, receiver)
_TOP: frozenset[Value] = frozenset((TOP,))
TargetsOf = Callable[[Value], list[tuple[str, bool]]]  # ``link._targets`` of a value
# what outside code handed a value may run of it: (target, the class whose method it is when
# that is a subclass's override of what the value's class has, else "")
HandedOf = Callable[[Value], list[tuple[str, str]]]
SELF = "self"
EXACT = "="  # a given class that stands for itself alone, not its subclasses (``=mod:Cls``)
LOCAL = "<"  # ``mod:f.Local<mod:Base``: a class defined in a method, with that one base
# subclasses a call is evaluated for, at most: beyond, its receivers are left unknown
MAX_SPECIALISED = 24
# self's methods that Python binds to the class, not an instance
_CLASS_BOUND = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})
_CONSTRUCTING = frozenset({"__init__", "__post_init__"})
_FUNCTIONS = frozenset({SymbolKind.FUNCTION, SymbolKind.METHOD})


class Receivers:
    """Per linked graph, made once argument flow is done (the resolver's bindings are final):
    each call site's entries by target (``of``)."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._self: dict[str, tuple[str, str] | None] = {}  # method -> (its class, self key)
        # (scope, root) -> self use (``_uses_of``)
        self._uses: dict[tuple[str, str], tuple[bool, frozenset[str]] | None] = {}
        self._referenced: frozenset[str] | None = None
        # Memo tables of pure functions of the resolver's state, which is final once argument
        # flow is done (``link._link``): nothing here is ever forgotten.
        # (root, self's key, self's value, prefix, seen) -> the root's values (``_in_context``)
        self._roots: dict[tuple[str, str, Value, str, frozenset[str]], frozenset[Value]] = {}
        # (values, operation text) -> ``Resolver._apply`` of them
        self._applied: dict[tuple[frozenset[Value], str], frozenset[Value]] = {}
        # (target, class) -> ``_related``
        self._relations: dict[tuple[str, str], bool] = {}
        # (receiver value, outside method or None) -> ``link._hooks``, for every call site
        self.hooks: dict[tuple[Value, str | None], list[tuple[str, bool, str, bool]]] = {}

    def of(self, site: CallSite, targets_of: TargetsOf) -> dict[str, set[Entry]]:
        """target -> the entries of the site's calls of it; a target left out is unknown.
        Only a target of one of the callee's values is asked for (``targets_of``): a site
        whose values have none (an outside or builtin callee, most sites) gets no entries."""
        if site.decorator or site.star:
            return {}
        resolver = self.resolver
        if not any(targets_of(value) for expr in site.callee for value in resolver.resolve(expr)):
            return {}
        found: dict[str, set[Entry]] = defaultdict(set)
        unknown: set[str] = set()
        for expr in site.callee:
            for target, entries in self._expr(site.scope, expr, targets_of, site=site).items():
                if entries is None:
                    unknown.add(target)
                else:
                    found[target] |= entries
        return {t: e for t, e in found.items()
                if t not in unknown and e and ("", "") not in e}

    def handed(self, scope: str, expr: Expr, handed_of: HandedOf,
               elements: Callable[[frozenset[Value]], list[Value]], wanted: bool = True,
               ) -> dict[str, set[Entry]]:
        """target -> entries, for what outside code given the argument ``expr`` of a call in
        ``scope`` may run of it, or what reading a property of it runs (``handed_of``: of one
        of its values, ``elements``: the values and the elements of containers among them):
        the methods of an object handed over run on it; a target left out is unknown.
        ``wanted`` False: the caller makes no edge to look entries up for (none)."""
        if not wanted:
            return {}
        found = self._expr(scope, expr, lambda v: [], (handed_of, elements))
        return {t: e for t, e in found.items() if e and ("", "") not in e}

    # -- one callee expression --------------------------------------------------------------
    def _expr(self, scope: str, expr: Expr, targets_of: TargetsOf,
              handed: tuple[HandedOf, Callable[[frozenset[Value]], list[Value]]] | None = None,
              site: CallSite | None = None,
              ) -> dict[str, set[Entry] | None]:
        """``handed``: ``expr`` is an argument handed over to outside code (see
        ``handed``), not the callee of ``site``."""
        resolver = self.resolver
        own = self.self_of(scope)
        merged = resolver.resolve(expr)
        result: dict[str, set[Entry] | None] = {}
        if TOP in merged:
            return result
        receiver_expr = expr[:-1] if handed is None and len(expr) > 1 and isinstance(
            resolver.op(expr[-1]), (Attr, Special)) else None
        known = self._uses_of(scope, expr[0], own) is not None
        # (given, values, receiver values, self's value when evaluated for one class)
        contexts: list[tuple[str, frozenset[Value], frozenset[Value] | None, Value | None]] = []
        specialised = self._specialised(scope, expr, own)
        if specialised is None or own is None:
            receivers = None if receiver_expr is None else self._receivers(
                scope, receiver_expr, own)
            contexts.append(("", merged, receivers, None))
        else:
            classes, exact = specialised
            cls, key = own
            for each in classes:
                self_value: Value = Inst(each, True)
                values = frozenset(self._evaluate(expr, key, self_value))
                receivers = None if receiver_expr is None else frozenset(
                    self._evaluate(receiver_expr, key, self_value))
                given = each if each != cls else EXACT + cls if exact else ""
                contexts.append((given, values, receivers, self_value))
        for given, values, receivers, instance in contexts:
            if TOP in values:
                return {}
            if handed is not None:
                handed_of, elements = handed
                for value in elements(values):
                    for target, origin in handed_of(value):
                        if own is not None and expr == (own[1],):
                            # a subclass's override runs only on an instance of it
                            self._add(result, target, given or origin, SELF)
                        elif known and isinstance(value, Inst):
                            cls = origin or (EXACT + value.cls if value.exact else value.cls)
                            for receiver in self._local(scope, cls, instance):
                                self._add(result, target, given, receiver)
                        else:
                            self._add(result, target, given, "")
                continue
            if site is None:
                continue
            for value in values:
                for target, receiver in self._targets(
                        site, value, receiver_expr, receivers, own, targets_of):
                    for each_receiver in self._local(scope, receiver, instance):
                        self._add(result, target, given, each_receiver)
        # a target the merged evaluation reaches and no context did: nothing is known of it
        if handed is None:
            for value in merged:
                for target, _ in targets_of(value):
                    result.setdefault(target, None)
        else:
            for value in handed[1](merged):
                for target, _ in handed[0](value):
                    result.setdefault(target, None)
        return result

    def _local(self, scope: str, cls: str, instance: Value | None) -> list[str]:
        """A class defined in the caller whose one base expression reads ``self`` (``class
        DefaultCache(self.Cache)``, one class of several bases to the linker) is, for one
        class of self (``instance``), a subclass of what that expression gives then: the
        receiver ``cls<base``, of each."""
        resolver = self.resolver
        own = self.self_of(scope)
        definition = resolver.definitions.get(cls.removeprefix(EXACT))
        # the method defining it: the caller, or one whose argument the caller's parameter
        # holds (``self._check(DefaultCache(...))``)
        where = cls.removeprefix(EXACT).rpartition(".")[0]
        defining = self.self_of(where) if ":" in where else None
        if (instance is None or own is None or definition is None or defining is None
                or defining[0] != own[0] or len(definition.base_exprs) != 1
                or len(resolver.bases.get(cls.removeprefix(EXACT), ())) < 2):
            return [cls]
        bases = self._in_context(definition.base_exprs[0], defining[1], instance,
                                 f"v:{where}|", frozenset())
        found = sorted({v.symbol for v in bases if isinstance(v, Sym)
                        and resolver.kind(v.symbol) is SymbolKind.CLASS})
        if not found or len(found) != len(bases):
            return [cls]
        return [f"{cls}{LOCAL}{base}" for base in found]

    def _add(self, result: dict[str, set[Entry] | None], target: str, given: str,
             receiver: str) -> None:
        cls = receiver.removeprefix(EXACT).partition(LOCAL)[0]
        if receiver not in ("", SELF) and (
                cls in self.resolver.protocols or not self._related(target, cls)):
            receiver = ""
        entries = result.setdefault(target, set())
        if entries is not None:
            entries.add((given, receiver))

    def _targets(
        self, site: CallSite, value: Value, receiver_expr: Expr | None,
        receivers: frozenset[Value] | None, own: tuple[str, str] | None, targets_of: TargetsOf,
    ) -> list[tuple[str, str]]:
        """(target, receiver) of each function a call of ``value`` runs; ``receivers``: the
        values of the object the callee was read from (None: not known)."""
        found = []
        resolver = self.resolver
        for target, _bound in targets_of(value):
            classes = [""]
            match value:
                case Bound(symbol) if symbol == target and receiver_expr is not None:
                    if own is not None and receiver_expr == (own[1],):
                        classes = [SELF]
                    elif receivers is not None:
                        classes = self._classes_of(receivers)
                case Sym(symbol) | Bound(symbol) if resolver.kind(symbol) is SymbolKind.CLASS:
                    if target.rsplit(".", 1)[-1] in _CONSTRUCTING:
                        classes = [EXACT + symbol]  # what it builds is of that class
                case Subclass(cls) if target.rsplit(".", 1)[-1] in _CONSTRUCTING:
                    classes = [cls]
                case Sym(symbol) if (symbol == target and own is not None and site.args
                                     and self._method(target)
                                     and site.args[0] == ((own[1],),)
                                     and target.rpartition(".")[0] in resolver.mro(own[0])):
                    # ``Base.method(self, ...)``, ``cache_setitem(self, ...)`` of a class of
                    # self's (a method borrowed from another class runs on a foreign self)
                    classes = [SELF]
            found += [(target, receiver) for receiver in classes]
        return found

    @staticmethod
    def _classes_of(receivers: frozenset[Value]) -> list[str]:
        """The classes of ours the receiver values are instances of; [""] when one of them
        is something else (or there are none)."""
        if not receivers or not all(isinstance(v, Inst) for v in receivers):
            return [""]
        return sorted({EXACT + v.cls if v.exact else v.cls for v in receivers
                       if isinstance(v, Inst)})

    def _related(self, target: str, cls: str) -> bool:
        """Is ``target`` a method of a class that ``cls`` or one of its subclasses has?"""
        found = self._relations.get((target, cls))
        if found is None:
            found = self._relations[target, cls] = self._find_related(target, cls)
        return found

    def _find_related(self, target: str, cls: str) -> bool:
        owner = target.rpartition(".")[0]
        resolver = self.resolver
        if resolver.kind(owner) is not SymbolKind.CLASS or resolver.kind(cls) is not \
                SymbolKind.CLASS:
            return False
        return (owner == cls or owner in resolver.mro(cls)
                or any(owner in resolver.mro(sub) for sub in resolver.implementations(cls)))

    def _method(self, symbol: str) -> bool:
        """A plain method: its first parameter is the instance it is called on."""
        resolver = self.resolver
        return (resolver.kind(symbol) is SymbolKind.METHOD and not resolver.is_static(symbol)
                and not resolver.is_classmethod(symbol)
                and symbol.rsplit(".", 1)[-1] not in _CLASS_BOUND)

    def _receivers(self, scope: str, expr: Expr, own: tuple[str, str] | None
                   ) -> frozenset[Value] | None:
        """The receiver values, unless they come in through a parameter (other than the
        caller's ``self``): what its callers pass, and a caller the analysis lost would pass
        others."""
        if self._uses_of(scope, expr[0], own) is None:
            return None
        return self.resolver.resolve(expr)

    # -- evaluating with self of one class -------------------------------------------------
    def self_of(self, scope: str) -> tuple[str, str] | None:
        """(class, key of ``self``) of a plain method whose ``self`` holds instances of its
        class (and subclasses) only, and is never rebound."""
        if scope in self._self:
            return self._self[scope]
        found = None
        resolver = self.resolver
        definition = resolver.definitions.get(scope)
        owner = scope.rpartition(".")[0]
        if (definition is not None and definition.signature is not None
                and definition.signature.parameters and self._method(scope)
                and resolver.kind(owner) is SymbolKind.CLASS
                and owner not in resolver.protocols):
            name = definition.signature.parameters[0].name
            key = f"v:{scope}|{name}"
            values = resolver.resolve((key,))
            if f"v:{scope}|<0>|{name}" not in resolver.bindings and values and all(
                isinstance(v, Inst) and (v.cls == owner or v.cls in resolver.subclasses[owner])
                for v in values
            ):
                found = (owner, key)
        self._self[scope] = found
        return found

    def _specialised(self, scope: str, expr: Expr, own: tuple[str, str] | None
                     ) -> tuple[list[str], bool] | None:
        """The classes to evaluate ``expr`` with ``self`` of (the method's class first), and
        whether the first stands for itself alone (every subclass is evaluated on its own);
        None when its value does not depend on the class of ``self`` (or cannot be told)."""
        if own is None:
            return None
        resolver = self.resolver
        if expr[0] == own[1]:
            names = _read(resolver, expr)
            if names is None:
                return None
        else:
            uses = self._uses_of(scope, expr[0], own)
            if uses is None or not uses[0]:
                return None
            names = uses[1]
        cls = own[0]
        varying = resolver.varying(cls, tuple(sorted(names)), exhaustive=True)
        if not varying or len(varying) > MAX_SPECIALISED:
            return None
        return [cls, *varying], len(varying) == len(resolver.implementations(cls))

    def _uses_of(self, scope: str, root: str, own: tuple[str, str] | None
                 ) -> tuple[bool, frozenset[str]] | None:
        """Does the variable ``root`` depend on ``self`` (through the caller's locals), and
        which names does it read on ``self``? None: it comes (also) from a parameter other
        than ``self`` (the caller's or an enclosing function's), or uses ``self`` otherwise
        than by reading a name of it. Remembered by (scope, root): the answer depends on
        the scope asking (its locals, its ``self``; an enclosing function's variable read in
        a nested one), ``own`` being the scope's ``self_of``."""
        asked = (scope, root)
        if asked in self._uses:
            return self._uses[asked]
        self._uses[asked] = None  # met again while found (a recursion): not followed
        resolver = self.resolver
        prefix = f"v:{scope}|"
        depends, names = False, set[str]()
        found: tuple[bool, frozenset[str]] | None = None
        seen = {root}
        todo = [root]
        while todo:
            key = todo.pop()
            if own is not None and key == own[1]:
                depends = True
                continue
            based = self._based_on_self(scope, key)
            if based is not None:  # ``class DefaultCache(self.Cache)`` defined here
                if own is not None and based[0] == own[1]:
                    base_reads = _read(resolver, based)
                    if base_reads is None:
                        break
                    depends = True
                    names |= base_reads
                elif based[0] not in seen:
                    seen.add(based[0])
                    todo.append(based[0])
                continue
            if _is_parameter(resolver, key):
                sources = self._sources(key) if key.startswith(prefix) else None
                if sources is None:
                    break
                for argument, caller, caller_self in sources:  # what the calls on self pass
                    if argument[0] == caller_self[1]:  # ``self.check(self.name)``
                        read = _read(resolver, argument)
                        uses = None if read is None else (True, read)
                    else:
                        uses = self._uses_of(caller, argument[0], caller_self)
                    if uses is None:
                        break
                    depends |= uses[0]
                    names |= uses[1]
                else:
                    continue
                break
            # the caller's locals, and an enclosing function's (a closure may hold what
            # that function's parameter holds)
            if not key.startswith(prefix) and resolver.kind(
                    key[2:].partition("|")[0]) not in _FUNCTIONS:
                continue
            exprs = [*resolver.bindings.get(key, ()), *resolver.extra.get(key, ())]
            if own is not None and any(e[0] == own[1] for e in exprs):
                reads = [_read(resolver, e) for e in exprs if e[0] == own[1]]
                if any(r is None for r in reads):
                    break
                depends = True
                names.update(n for r in reads if r is not None for n in r)
            for inner in exprs:
                if inner[0] not in seen and (own is None or inner[0] != own[1]):
                    seen.add(inner[0])
                    todo.append(inner[0])
        else:
            found = (depends, frozenset(names))
        self._uses[asked] = found
        return found

    def _based_on_self(self, scope: str, root: str) -> Expr | None:
        """The one base expression of a class defined in ``scope`` (``root``: its symbol)
        whose bases the linker found several of (``class DefaultCache(self.Cache)``)."""
        if not root.startswith("s:"):
            return None
        cls = root[2:]
        resolver = self.resolver
        definition = resolver.definitions.get(cls)
        if (definition is None or definition.kind is not SymbolKind.CLASS
                or cls.rpartition(".")[0] != scope or len(definition.base_exprs) != 1
                or len(resolver.bases.get(cls, ())) < 2):
            return None
        return definition.base_exprs[0]

    def _sources(self, key: str) -> list[tuple[Expr, str, tuple[str, str]]] | None:
        """The arguments a parameter ``key`` of a method holds, each with its caller, when
        every one is passed by a call on the caller's own ``self`` in a method of the same
        class (``self._check(cache)``): then an argument holds, for a given class of
        ``self``, what the caller's expression holds for that class. None otherwise (a
        parameter with a default or an annotation, or passed by any other call; of a
        method that is also used as a value, decorated, special (Python calls it) or that
        outside code may call (an override of an outside base's): they may get anything)."""
        resolver = self.resolver
        scope = key[2:].partition("|")[0]
        own = self.self_of(scope)
        passed = resolver.passed.get(key)
        definition = resolver.definitions.get(scope)
        name = scope.rpartition(".")[2]
        if (own is None or not passed or resolver.bindings.get(key) or definition is None
                or definition.decorators or name.startswith("__") or name in self.referenced
                or scope in resolver.external_hooks(own[0])):
            return None
        found = []
        for argument, caller in sorted(passed):
            caller_self = self.self_of(caller) if caller else None
            if caller_self is None or caller_self[0] != own[0]:
                return None
            found.append((argument, caller, caller_self))
        return found

    @property
    def referenced(self) -> frozenset[str]:
        """The attribute names our code uses as values (``map(self.check, items)``)."""
        if self._referenced is None:
            found: set[str] = set()
            for summary in self.resolver.modules.values():
                for reference in summary.references:
                    for expr in reference.target:
                        if len(expr) > 1 and expr[-1].startswith("."):
                            found.add(expr[-1][1:])
                        found.add(expr[0].rpartition("|")[2].rpartition(".")[2])
            self._referenced = frozenset(found)
        return self._referenced

    def _evaluate(self, expr: Expr, key: str, instance: Value) -> frozenset[Value]:
        """``expr`` with ``self`` (its variable ``key``) holding ``instance`` only; the
        caller's locals are evaluated so too, the rest as usual."""
        return self._in_context(expr, key, instance, key.rpartition("|")[0] + "|", frozenset())

    def _in_context(self, expr: Expr, key: str, instance: Value, prefix: str,
                    seen: frozenset[str]) -> frozenset[Value]:
        values = self._root_in_context(expr[0], key, instance, prefix, seen)
        for text in expr[1:]:
            if TOP in values:
                return _TOP
            asked = (values, text)
            applied = self._applied.get(asked)
            if applied is None:
                resolver = self.resolver
                applied = self._applied[asked] = frozenset(
                    resolver._apply(values, resolver.op(text)))
            values = applied
        return values

    def _root_in_context(self, root: str, key: str, instance: Value, prefix: str,
                         seen: frozenset[str]) -> frozenset[Value]:
        """``_in_context`` of the root ``root`` (memoised: the many expressions of a method
        read the same few locals)."""
        asked = (root, key, instance, prefix, seen)
        found = self._roots.get(asked)
        if found is None:
            found = self._roots[asked] = self._find_root_in_context(*asked)
        return found

    def _find_root_in_context(self, root: str, key: str, instance: Value, prefix: str,
                              seen: frozenset[str]) -> frozenset[Value]:
        resolver = self.resolver
        values: set[Value]
        sources = (self._sources(root) if root != key and root.startswith(prefix)
                   and root not in seen and _is_parameter(resolver, root) else None)
        if root == key:
            return frozenset((instance,))
        if sources is not None:  # what the calls on self pass, for this class of self
            values = set()
            seen = seen | {root}
            for argument, caller, caller_self in sources:
                values |= self._in_context(argument, caller_self[1], instance,
                                           f"v:{caller}|", seen)
                if TOP in values:
                    return _TOP
            return frozenset(values)
        if root.startswith(prefix) and root not in seen:
            values = set()
            seen = seen | {root}
            for inner in [*resolver.bindings.get(root, ()), *resolver.extra.get(root, ())]:
                values |= self._in_context(inner, key, instance, prefix, seen)
                if TOP in values:
                    return _TOP
            return frozenset(values)
        # outside the caller, or a cycle among its locals: every value it may hold
        return resolver.resolve((root,))


def _read(resolver: Resolver, expr: Expr) -> frozenset[str] | None:
    """The names ``expr``, rooted at ``self``, reads of it (its first operation); None when
    it does something else with ``self`` (passes it on, asks its ``__class__``)."""
    if len(expr) < 2:
        return None
    match resolver.op(expr[1]):
        case Attr(name) if name != "__class__":
            return frozenset((name,))
        case Special(names):
            return frozenset(names)
    return None


def _is_parameter(resolver: Resolver, key: str) -> bool:
    """Is the variable ``key`` (``v:scope|name``) a parameter of a function of ours?"""
    scope, _, part = key[2:].partition("|")
    if ":" not in scope or scope.endswith(":"):
        return False
    definition = resolver.definitions.get(scope)
    if definition is None or definition.signature is None:
        return False
    name = part[len("<0>|"):] if part.startswith("<0>|") else part
    return any(p.name == name for p in definition.signature.parameters)
