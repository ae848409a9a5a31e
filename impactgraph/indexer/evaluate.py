"""What an expression may hold, as the symbolic ``Expr`` values the linker evaluates later.

``Evaluator.values(node)`` turns any astroid expression into the expressions (roots followed
by operations, written with ``impactgraph.expressions``) that may be its value: names through
the flow-sensitive locals, attributes, calls (with their arguments recorded where a callee may
return one), subscripts, containers, annotations. Slots track what code stored at ``d["k"]``
or ``obj.attr`` so a later read finds it. ``FileIndexer`` (``impactgraph.indexer.file_indexer``)
is the visitor built on it.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from astroid import nodes

from impactgraph.expressions import (
    ANY_KEYWORDS,
    ASKED_NAME,
    CALL,
    ELEMENT,
    FIXTURE_VALUE,
    GETTER_OF,
    INSTANCE,
    MODULES_UNDER,
    ONLY_CODE,
    ONLY_CONTAINER,
    PREBOUND,
    PREBOUND_POSITIONAL,
    SETTER_OF,
    SUPER_OF,
    WRAPS,
    attr,
    builtin_root,
    call_with,
    container_root,
    fixture_root,
    item,
    module_root,
    slice_of,
    symbol_root,
)
from impactgraph.expressions import special as special_op
from impactgraph.indexer.flow import FRAMES, exec_frame
from impactgraph.indexer.implicit import BINARY, COMPARISONS, LITERALS
from impactgraph.indexer.names import name_ops
from impactgraph.indexer.plain import resolve_relative
from impactgraph.indexer.programs import call_argument
from impactgraph.indexer.scopes import Scopes
from impactgraph.indexer.signatures import (
    source,
)
from impactgraph.model import (
    Definition,
    Expr,
    SymbolKind,
)

GENERIC_CONTAINERS = frozenset(
    {"list", "List", "set", "Set", "frozenset", "FrozenSet", "tuple", "Tuple", "Sequence",
     "MutableSequence", "Iterable", "Iterator", "Collection", "AbstractSet", "MutableSet",
     "Generator", "AsyncIterator", "AsyncIterable", "deque", "Deque"}
)
# calls that make an empty container (their arguments are not its elements, or not simply)
CONTAINER_FACTORIES = frozenset(
    {"dict", "OrderedDict", "defaultdict", "deque", "Counter", "ChainMap", "WeakValueDictionary",
     "WeakKeyDictionary", "WeakSet"}
)
# mapping factories whose positional argument at this position is a mapping or pairs to copy
MAPPING_ARGUMENT = {"dict": 0, "OrderedDict": 0, "defaultdict": 1, "WeakValueDictionary": 0,
                    "WeakKeyDictionary": 0}
# builtins whose result holds the elements of their one argument
COPYING_BUILTINS = frozenset({"list", "tuple", "set", "frozenset", "sorted", "reversed", "iter"})
# those of them whose result cannot be hashed
MUTABLE_COPIES = frozenset({"list", "set", "sorted"})
# builtins whose result yields what their arguments do, rearranged (see ``iterated_value``)
ITERATION_BUILTINS = frozenset({"enumerate", "zip", "filter", "sorted", "next", "map"})
MAPPINGS = frozenset({"dict", "Dict", "Mapping", "MutableMapping", "DefaultDict", "OrderedDict"})
TRANSPARENT_GENERICS = frozenset(
    {"Optional", "Union", "Annotated", "Final", "ClassVar", "Type", "type", "ReadOnly",
     "Required", "NotRequired"}
)


# mapping methods whose second argument is what they give for a missing key
DEFAULT_GIVERS = frozenset({"get", "pop", "setdefault"})


def _gives_default(node: nodes.Call) -> bool:
    """``x.get(k, default)``, ``x.pop(k, default)``, ``x.setdefault(k, default)``."""
    return (
        isinstance(node.func, nodes.Attribute)
        and node.func.attrname in DEFAULT_GIVERS
        and len(node.args) == 2
        and not node.keywords
        and not any(isinstance(a, nodes.Starred) for a in node.args)
    )


def _makes_class(node: nodes.Call) -> bool:
    """``type(name, bases, namespace)`` (not the one-argument ``type(x)``)."""
    return (isinstance(node.func, nodes.Name) and node.func.name == "type"
            and len(node.args) == 3 and not node.keywords)


def _may_make_class(node: nodes.Call) -> bool:
    """``Meta(name, (Base, ...), {...})``: a call shaped as a metaclass's (a tuple of bases,
    a namespace dict), or ``type(name, bases, namespace)``."""
    return _makes_class(node) or (
        len(node.args) == 3 and not node.keywords
        and isinstance(node.args[1], nodes.Tuple) and isinstance(node.args[2], nodes.Dict)
    )


class Evaluator(Scopes):
    """Value evaluation: ``values(node)`` and the helpers it needs."""

    if TYPE_CHECKING:  # from ImplicitCalls, the other base of FileIndexer
        def operand_values(self, node: nodes.NodeNG | None,
                           known: list[Expr] | None = None) -> list[Expr]: ...

    def new_container(
        self,
        node: nodes.NodeNG,
        elements: list[Expr],
        keyed: dict[str, list[Expr]] | None = None,
        mutable: bool = False,
    ) -> Expr:
        """A container literal; ``keyed`` holds the elements at constant keys or positions;
        ``mutable``: surely a list, set, dict or another container that cannot be hashed
        (``FileSummary.mutables``)."""
        qual = self.qualname(node.scope())
        self.container_counters[qual] += 1
        key = f"v:{self.module}:{qual}|<c{self.container_counters[qual]}>"
        self.bindings[key].extend(elements)
        for constant, values in (keyed or {}).items():
            self.bindings[f"{key}{constant}"].extend(values)
        root = container_root(key)
        if mutable:
            self.mutables.add(root)
        return (root,)

    def values(self, node: nodes.NodeNG | None) -> list[Expr]:
        if node is None:
            return []
        if isinstance(node, nodes.Name):
            return self.name_value(node.name, node)
        if isinstance(node, (nodes.Attribute, nodes.Call)):
            fixture_values = self.fixture_request(node)
            if fixture_values is not None:
                return fixture_values
        if isinstance(node, nodes.Attribute):
            if isinstance(node.parent, nodes.Call) and node.parent.func is node:
                stored = self.stored_values(node)  # ``obj.handler = f`` ... ``obj.handler()``
                if stored is not None:
                    return stored
            return [(*e, attr(node.attrname)) for e in self.values(node.expr)]
        if isinstance(node, nodes.Call):
            func = node.func
            if isinstance(func, nodes.Name) and func.name == "super":
                owner = self.enclosing_class(node)
                if owner is not None and self.defining_scope("super", node) is None:
                    return [(symbol_root(self.symbol_id(self.qualname(owner))), SUPER_OF)]
            if (
                isinstance(func, nodes.Name)
                and func.name in COPYING_BUILTINS
                and len(node.args) <= 1
                and not node.keywords
                and self.defining_scope(func.name, node) is None
            ):
                # ``list(xs)``; an empty ``set()`` or ``list()`` is a container too, which
                # ``.add(x)`` / ``.append(x)`` fill later (``self.items = set()``)
                copied = [(*e, ELEMENT) for e in self.values(node.args[0])] if node.args else []
                return [self.new_container(node, copied, mutable=func.name in MUTABLE_COPIES)]
            if (
                isinstance(func, nodes.Name)
                and func.name == "getattr"
                and len(node.args) >= 2
                and self.defining_scope("getattr", node) is None
            ):
                return self.getattr_values(node)
            if (isinstance(func, nodes.Name) and func.name == "type" and len(node.args) == 1
                    and not node.keywords and self.defining_scope("type", node) is None):
                # ``type(self)(...)``, ``type(obj).method``: the class, as ``obj.__class__``
                return [(*e, attr("__class__")) for e in self.values(node.args[0])]
            if _makes_class(node) and self.defining_scope("type", node) is None:
                return [(symbol_root(self.symbol_id(self.made_class(node))),)]
            if (  # ``object.__getattribute__(self, name)``: getattr without the fallbacks
                isinstance(func, nodes.Attribute)
                and func.attrname == "__getattribute__"
                and isinstance(func.expr, nodes.Name)
                and func.expr.name in ("object", "type")
                and len(node.args) == 2
                and self.defining_scope(func.expr.name, node) is None
            ):
                return self.getattr_values(node)
            if (
                isinstance(func, nodes.Name)
                and func.name == "property"
                and self.defining_scope("property", node) is None
            ):
                # ``x = property(getter)``: reading ``x`` runs ``getter``; ``property(getter,
                # setter)``: assigning ``obj.x`` runs ``setter``
                return [
                    (*e, op)
                    for position, keyword, op in ((0, "fget", GETTER_OF), (1, "fset", SETTER_OF))
                    for e in self.values(call_argument(node, position, keyword))
                ]
            factory = func.name if isinstance(func, nodes.Name) else getattr(func, "attrname", "")
            if factory in CONTAINER_FACTORIES and not (
                isinstance(func, nodes.Name) and self.defining_scope(func.name, node) is not None
                and not self.is_import(func.name, node)
            ):
                # ``OrderedDict()``, ``defaultdict(list)``, ``dict(a=f)``: a new container
                kwargs = [e for k in node.keywords or () for e in self.values(k.value)]
                if factory == "deque" and node.args:  # ``deque([self])``: the elements given
                    kwargs += [(*e, ELEMENT) for e in self.values(node.args[0])]
                kwargs += self.mapping_values(factory, node)
                return [self.new_container(node, kwargs, mutable=True)]
            copy_of = self.copied_value(node)
            if copy_of is not None:
                return copy_of
            iterated = self.iterated_value(node)
            if iterated is not None:
                return iterated
            chained = self.chained_value(node)
            if chained is not None:
                return chained
            partial = self.partial_of(node)
            if partial is not None:
                return partial
            if node.args and self.outside_function(node.func) == "functools.update_wrapper":
                return self.values(node.args[0])  # it returns the wrapper it was given
            if node.args and self.imported_function(func, ("pytest",), "param"):
                # ``pytest.param(A, id="a")``, a row of ``parametrize`` values wherever it is
                # written (``CASES = [pytest.param(A), ...]``): one value is that value, several
                # a row of them, as a tuple would be
                if len(node.args) == 1:
                    return self.values(node.args[0])
                return [self.new_container(node, [e for a in node.args for e in self.values(a)],
                                           {item(i): self.values(a)
                                            for i, a in enumerate(node.args)})]
            if len(node.args) == 2 and not node.keywords and self.typing_cast(func):
                # ``cast(Renderer, type("_R", bases, {})())``: an instance of the type named (a
                # subclass's perhaps), as an annotation describes it; a type not written as a
                # class (``cast(type(fn), wrapper)``) leaves the value unknown, as before.
                # What runs is the value cast: an instance of ours is what ``T``'s instances
                # stand for, but a function, method or class of ours cast (reg's ``arginfo``,
                # a function its decorator casts to a Protocol ``ArgInfo``) is called itself
                # and keeps what is stored on it (``arginfo.is_cached = is_cached``): those are
                # kept beside ``T``'s instances, and nothing else of ``x``, which would carry
                # every renderable rich's ``rich_cast`` is handed to wherever it returns
                named = self.annotation_values(node.args[0])
                if named:
                    return named + [(*v, ONLY_CODE) for v in self.values(node.args[1])]
            entry = self.keyword_entry(node)
            if entry is not None:
                return entry
            loaded = self.imported_module(node)
            if loaded is not None:  # ``importlib.import_module("pkg.mod")``: that module
                return [(module_root(loaded),)]
            op = self.call_op(node)
            called = [(*e, op) for e in self.values(func)]
            if _may_make_class(node):
                # cerberus' ``Validator = InspectedValidator("Validator", (BareValidator,),
                # {})``: what the callee returns, or the class a metaclass makes
                called.append((symbol_root(self.symbol_id(self.made_class(node))),))
            if _gives_default(node):
                # ``kwargs.pop("handler", BasicHandler)``: the default when the key is missing,
                # whatever the receiver is (a ``**kwargs``, an outside mapping, one of ours)
                called += self.values(node.args[1])
            return called
        if isinstance(node, nodes.Subscript):
            if isinstance(node.slice, nodes.Slice):
                bounds = _constant_slice(node.slice)
                if bounds is not None:  # ``handlers[1:3]``: positions the linker can follow
                    return [(*e, bounds) for e in self.values(node.value)]
                # the same elements, at positions we cannot tell
                return [self.new_container(node, [(*e, ELEMENT) for e in self.values(node.value)])]
            if (
                isinstance(node.value, nodes.Call) and isinstance(node.value.func, nodes.Name)
                and node.value.func.name == "globals" and not node.value.args
                and self.defining_scope("globals", node) is None
            ):  # ``globals()["task_" + name]``: the module's own names
                return [(module_root(self.module), op) for op in name_ops(node.slice)]
            stored = self.stored_values(node)  # ``d["k"] = f`` ... ``d["k"]()``
            if stored is not None:
                return stored
            op = self.subscript_op(node.slice)
            return [(*e, op) for e in self.values(node.value)]
        if isinstance(node, nodes.Lambda):
            return [(symbol_root(self.symbol_id(self.qualname(node))),)]
        if isinstance(node, (nodes.List, nodes.Tuple, nodes.Set)):
            elements: list[Expr] = []
            keyed: dict[str, list[Expr]] | None = {}
            for position, element in enumerate(node.elts):
                if isinstance(element, nodes.Starred):
                    elements.extend((*e, ELEMENT) for e in self.values(element.value))
                    keyed = None  # positions after a starred element are unknown
                else:
                    values = self.values(element)
                    elements.extend(values)
                    if keyed is not None and not isinstance(node, nodes.Set):
                        keyed[item(position)] = values
                        keyed[item(position - len(node.elts))] = values
            return [self.new_container(node, elements, keyed,
                                       mutable=not isinstance(node, nodes.Tuple))]
        if isinstance(node, nodes.Dict):
            values_of_dict: list[Expr] = []
            keyed = {}
            for key_node, value in node.items:
                values = self.values(value)
                values_of_dict.extend(values)
                if not (isinstance(key_node, nodes.Const)
                        and isinstance(key_node.value, (str, int))):
                    keyed = None  # ``**other`` or a computed key: any key may hold anything
                elif keyed is not None:
                    keyed.setdefault(item(key_node.value), []).extend(values)
            return [self.new_container(node, values_of_dict, keyed, mutable=True)]
        if isinstance(node, (nodes.ListComp, nodes.SetComp, nodes.GeneratorExp)):
            return [self.new_container(node, self.values(node.elt),
                                       mutable=not isinstance(node, nodes.GeneratorExp))]
        if isinstance(node, nodes.DictComp):
            return [self.new_container(node, self.values(node.value), mutable=True)]
        if isinstance(node, nodes.IfExp):
            return self.values(node.body) + self.values(node.orelse)
        if isinstance(node, nodes.BinOp) and node.op in BINARY:  # ``a + b``: ``a.__add__(b)``
            method = f"__{BINARY[node.op]}__"
            # the left side read once: a chain ``_seg_0() + _seg_1() + ...`` nests to the left,
            # and reading it twice per level took 2 ** depth reads (idna 3.4's ``uts46data``)
            left = None if isinstance(node.left, LITERALS) else self.values(node.left)
            called = [(*v, special_op((method,)), CALL)
                      for v in self.operand_values(node.left, left)]
            if node.op == "+" and not any(isinstance(side, (nodes.Const, nodes.JoinedStr))
                                          for side in (node.left, node.right)):
                # ``mixins + (Base,)``, ``extension.elements + self.elements``: two lists or
                # tuples make one of the elements of both (nothing, for numbers, strings or
                # objects with an ``__add__`` of their own)
                both = (self.values(node.left) if left is None else left) + self.values(
                    node.right)
                called.append(self.new_container(
                    node, [(*v, ONLY_CONTAINER, ELEMENT) for v in both]))
            return called
        if isinstance(node, nodes.Compare):
            return self.compared(node)
        if isinstance(node, nodes.BoolOp):
            return [e for value in node.values for e in self.values(value)]
        if isinstance(node, (nodes.NamedExpr, nodes.Await)):
            return self.values(node.value)
        if isinstance(node, nodes.Const) and isinstance(node.value, str):
            return [(builtin_root("str"), CALL)]
        if isinstance(node, nodes.JoinedStr):
            return [(builtin_root("str"), CALL)]
        return []

    def compared(self, node: nodes.Compare) -> list[Expr]:
        """What a comparison gives: a rich comparison (``a > b``) is what ``a.__gt__(b)``
        returns, or ``b.__lt__(a)`` (the reflected method, when the first gives
        ``NotImplemented``), which is any object (glom's ``M > 1``, SQLAlchemy's
        ``column == 1``: expressions whose own operators run next); a chain (``a < b < c``)
        gives one of its comparisons' results. ``in`` and ``is`` give a bool."""
        found: list[Expr] = []
        left = node.left
        for op, right in node.ops:
            if op in COMPARISONS:
                method, reflected = COMPARISONS[op]
                found += [(*v, special_op((method,)), CALL) for v in self.operand_values(left)]
                found += [(*v, special_op((reflected,)), CALL)
                          for v in self.operand_values(right)]
            left = right
        return found

    def slot_of(self, node: nodes.NodeNG) -> tuple[nodes.NodeNG, str, str] | None:
        """(frame, name, path) when ``node`` is ``name`` followed by constant subscripts and
        attributes (``d["a"]["b"]``: path ``['a']['b']``), ``name`` a local of the frame
        whose code evaluates ``node``."""
        parts: list[str] = []
        current = node
        while not isinstance(current, nodes.Name):
            if isinstance(current, nodes.Subscript) and not isinstance(current.slice, nodes.Slice):
                op = self.subscript_op(current.slice)
                if op == ELEMENT:
                    return None
                parts.append(op)
                current = current.value
            elif isinstance(current, (nodes.Attribute, nodes.AssignAttr)):
                parts.append(attr(current.attrname))
                current = current.expr
            else:
                return None
        scope = self.defining_scope(current.name, current)
        if scope is None or exec_frame(node) is not scope:
            return None
        return scope, current.name, "".join(reversed(parts))

    def stored_values(self, node: nodes.NodeNG) -> list[Expr] | None:
        slot = self.slot_of(node) if self.flow is not None else None
        if self.flow is None or slot is None or not slot[2]:
            return None
        return self.flow.load(*slot, node)

    def store_slot(self, target: nodes.NodeNG, values: list[Expr], statement: nodes.NodeNG
                   ) -> None:
        slot = self.slot_of(target) if self.flow is not None else None
        if self.flow is None or slot is None:
            return
        if isinstance(statement, nodes.AugAssign):  # ``d["k"] += ...``: not a replacement
            self.flow.kill(*slot)
        else:
            self.flow.store(*slot, values)

    def update_slots(self, container: nodes.NodeNG, argument: nodes.NodeNG) -> None:
        """``d.update({"k": f})``: ``d["k"]`` holds ``f`` from here (other keys are unknown:
        calling the method forgot them)."""
        if self.flow is None or not isinstance(argument, nodes.Dict):
            return
        if isinstance(container, nodes.Name):
            scope = self.defining_scope(container.name, container)
            if scope is None or exec_frame(container) is not scope:
                return
            slot: tuple[nodes.NodeNG, str, str] | None = (scope, container.name, "")
        else:
            slot = self.slot_of(container)
        if slot is None:
            return
        for key, value in argument.items:
            if isinstance(key, nodes.Const) and isinstance(key.value, (str, int)):
                path = f"{slot[2]}{item(key.value)}"
                self.flow.store(slot[0], slot[1], path, self.values(value))

    def slot_use(self, node: nodes.Name, scope: nodes.NodeNG | None) -> None:
        """A read of ``node.name``: what it may do to the slots of that name. Reading an
        element or calling what a slot holds changes nothing; a nested function using the
        name, calling a method of it (``d.clear()``), or the object itself going elsewhere
        (an argument, an alias) may change anything stored in it."""
        flow = self.flow
        if flow is None or not isinstance(scope, FRAMES):
            return
        if exec_frame(node) is not scope:
            flow.close(scope, node.name)
            return
        top: nodes.NodeNG = node
        while True:
            parent = top.parent
            if (
                isinstance(parent, nodes.Subscript) and parent.value is top
                and not isinstance(parent.slice, nodes.Slice)
                and self.subscript_op(parent.slice) != ELEMENT
            ) or (isinstance(parent, nodes.Attribute) and parent.expr is top):
                top = parent
            else:
                break
        parent = top.parent
        called = isinstance(parent, nodes.Call) and parent.func is top
        if top is node:
            stays = called or (isinstance(parent, nodes.AssignAttr) and parent.expr is top) or (
                isinstance(parent, nodes.Subscript) and parent.value is top
                and str(parent.ctx).endswith("Load")
            )
            if not stays:
                flow.kill(scope, node.name, "")
            return
        slot = self.slot_of(top)
        path = slot[2] if slot is not None else ""
        if called and isinstance(top, nodes.Attribute) and not flow.has(scope, node.name + path):
            flow.kill(scope, node.name, "")  # a method of it
        elif isinstance(top, nodes.Subscript) and str(top.ctx).endswith("Del"):
            flow.kill(scope, node.name, path)
        elif not called:  # an element read or stored: what is inside it may change
            flow.kill(scope, node.name, path, inclusive=False)

    def copied_value(self, node: nodes.Call) -> list[Expr] | None:
        """``copy.copy(x)``, ``copy.deepcopy(x)``, ``pickle.loads(pickle.dumps(x))``: a copy of
        ``x``, an object of its class (jinja2's ``env = pickle.loads(pickle.dumps(env))``)."""
        name = self.outside_function(node.func)
        if not node.args:
            return None
        if name in ("copy.copy", "copy.deepcopy"):
            return self.values(node.args[0])
        inner = node.args[0]
        if (
            name == "pickle.loads" and isinstance(inner, nodes.Call) and inner.args
            and self.outside_function(inner.func) == "pickle.dumps"
        ):
            return self.values(inner.args[0])
        return None

    def mapping_values(self, factory: str, node: nodes.Call) -> list[Expr]:
        """The values a mapping made by ``dict(x)`` (``OrderedDict(x)``, ``defaultdict(f, x)``,
        ...) holds from its positional argument ``x``: a mapping's values, or the second item
        of each pair it iterates (``dict([(k, getattr(obj, k)) for k in dir(obj)])``,
        ``dict(zip(names, functions))``). Which of the two ``x`` is, is not told: both."""
        position = MAPPING_ARGUMENT.get(factory)
        if position is None or len(node.args) <= position or any(
            isinstance(a, nodes.Starred) for a in node.args[:position + 1]
        ):
            return []
        given = self.values(node.args[position])
        return [*((*e, ELEMENT) for e in given), *((*e, ELEMENT, item(1)) for e in given)]

    def chained_value(self, node: nodes.Call) -> list[Expr] | None:
        """``itertools.chain(xs, ys)``: a container of the elements of each argument;
        ``itertools.chain.from_iterable(xss)``: of the elements of its elements (marko's
        ``Parser`` adds every class of ``chain((getattr(block, n) for n in block.__all__),
        ...)`` to the tables it builds elements from). None for any other call."""
        if node.keywords or any(isinstance(a, nodes.Starred) for a in node.args):
            return None
        func = node.func
        if isinstance(func, nodes.Attribute) and func.attrname == "from_iterable":
            if len(node.args) != 1 or not self.itertools_chain(func.expr):
                return None
            return [self.new_container(node, [(*e, ELEMENT, ELEMENT)
                                              for e in self.values(node.args[0])])]
        if not self.itertools_chain(func):
            return None
        return [self.new_container(node, [(*e, ELEMENT) for argument in node.args
                                          for e in self.values(argument)])]

    def itertools_chain(self, func: nodes.NodeNG) -> bool:
        """``itertools.chain`` through an import of the module, or ``chain`` imported from it."""
        return self.imported_function(func, ("itertools",), "chain")

    def iterated_value(self, node: nodes.Call) -> list[Expr] | None:
        """``enumerate(xs)``, ``zip(xs, ys)``, ``filter(f, xs)``, ``sorted(xs, key=f)``,
        ``map(f, xs)``: a container of what they yield (``(int, x)`` pairs, tuples of one
        element of each, the elements, what ``f`` returns), so that ``for i, x in
        enumerate(xs)`` gives ``x`` the elements of ``xs``;
        ``next(it)``, ``next(it, default)``: an element of ``it`` (or the default). None for
        any other call (``list(xs)``, ``sorted(xs)``: ``COPYING_BUILTINS``)."""
        func = node.func
        if (
            not isinstance(func, nodes.Name)
            or func.name not in ITERATION_BUILTINS
            or self.defining_scope(func.name, node) is not None
            or not node.args
            or any(isinstance(a, nodes.Starred) for a in node.args)
            or any(k.arg is None for k in node.keywords or ())
        ):
            return None

        def elements(argument: nodes.NodeNG) -> list[Expr]:
            return [(*e, ELEMENT) for e in self.values(argument)]

        columns: list[list[Expr]]
        match func.name:
            case "next" if len(node.args) <= 2 and not node.keywords:
                default = self.values(node.args[1]) if len(node.args) == 2 else []
                return elements(node.args[0]) + default
            case "map" if len(node.args) >= 2 and not node.keywords:
                # what the function returns for each element (``link.py`` calls it)
                return [self.new_container(node, [(*f, CALL) for f in self.values(node.args[0])])]
            case "filter" if len(node.args) == 2:  # ``filter`` calls its function (implicit.py)
                return [self.new_container(node, elements(node.args[1]))]
            case "sorted" if len(node.args) == 1 and all(
                k.arg in ("key", "reverse") for k in node.keywords or ()
            ):
                return [self.new_container(node, elements(node.args[0]), mutable=True)]
            case "enumerate" if len(node.args) <= 2 and all(
                k.arg == "start" for k in node.keywords or ()
            ):
                columns = [[(builtin_root("int"), CALL)], elements(node.args[0])]
            case "zip" if all(k.arg == "strict" for k in node.keywords or ()):
                columns = [elements(argument) for argument in node.args]
            case _:
                return None
        keyed: dict[str, list[Expr]] = {}
        for position, column in enumerate(columns):
            keyed[item(position)] = column
            keyed[item(position - len(columns))] = column
        row = self.new_container(node, [e for column in columns for e in column], keyed)
        return [self.new_container(node, [row])]

    def imported_module(self, node: nodes.Call) -> str | None:
        """The module a call that imports one by name returns, when the name is spelled as a
        constant: ``importlib.import_module("pkg.mod")`` and ``pytest.importorskip("pkg.mod")``
        (or an imported ``import_module``, ``importorskip``;
        a relative name with ``package`` a constant, ``__name__`` or ``__package__``) is
        ``pkg.mod``; ``__import__("pkg.mod")`` is ``pkg``, and ``pkg.mod`` with a
        ``fromlist``. None for any other call, or a name not known."""
        func = node.func
        if isinstance(func, nodes.Name) and func.name == "__import__":
            if self.defining_scope("__import__", node) is not None:
                return None
            name = _constant_text(node.args[0] if node.args else None)
            level = call_argument(node, 4, "level")
            fromlist = call_argument(node, 3, "fromlist")
            if name is None or name.startswith(".") or not name or (
                    level is not None and not (isinstance(level, nodes.Const)
                                               and level.value == 0)):
                return None
            if fromlist is None or (isinstance(fromlist, (nodes.List, nodes.Tuple))
                                    and not fromlist.elts) or (
                    isinstance(fromlist, nodes.Const) and not fromlist.value):
                return name.split(".", 1)[0]
            return name
        if isinstance(func, nodes.Attribute):
            owner = _LOADERS.get(func.attrname)
            if not (owner is not None and isinstance(func.expr, nodes.Name)
                    and func.expr.name == owner and self.is_import(owner, func)):
                return None
        elif not (isinstance(func, nodes.Name) and func.name in _LOADERS
                  and self.imported_from(func, _LOADERS[func.name], func.name)):
            return None
        if (func.attrname if isinstance(func, nodes.Attribute) else func.name) == "importorskip":
            name = _constant_text(node.args[0] if node.args else None)
            return name if name and not name.startswith(".") else None
        argument = node.args[0] if node.args else None
        name = _constant_text(argument)
        pattern = ""
        if name is None:
            # ``import_module(f"pkg.plugins.{name}")``: one of the modules under ``pkg.plugins``
            # (marko's extensions), a pattern the linker expands to those of ours
            start = _constant_start(argument) or ""
            head = start[:start.rfind(".") + 1]  # up to the last dot: the package's name
            if not head:
                return None  # no package known: ``import_module(name)``, ``"%s.base" % x``
            name = head if not head.strip(".") else head[:-1]  # ``"." + name``: the package
            pattern = MODULES_UNDER
        if not name:
            return None
        level = len(name) - len(name.lstrip("."))
        if not level:
            return name + pattern
        package_node = call_argument(node, 1, "package")
        if isinstance(package_node, nodes.Name) and package_node.name in (
                "__name__", "__package__") and self.defining_scope(
                    package_node.name, node) is None:
            package = self.module if (self.is_package or package_node.name == "__name__"
                                      ) else self.module.rpartition(".")[0]
        else:
            package = _constant_text(package_node) or ""
        if not package or level > package.count(".") + 1:
            return None  # beyond the top-level package: Python raises
        found = resolve_relative(package, True, level, name[level:])
        return found + pattern if found else None

    def imported_from(self, func: nodes.Name, module: str, name: str) -> bool:
        """Is ``func`` the name ``name`` imported from ``module``?"""
        if not self.is_import(func.name, func):
            return False
        scope = self.defining_scope(func.name, func)
        return scope is not None and all(
            isinstance(s, nodes.ImportFrom) and s.modname == module and not s.level
            and any(real == name and (alias or real) == func.name for real, alias in s.names)
            for s in scope.locals.get(func.name, ()))

    def outside_function(self, func: nodes.NodeNG) -> str:
        """``copy.deepcopy`` for ``copy.deepcopy`` or an imported ``deepcopy``; else ''."""
        if isinstance(func, nodes.Name) and func.name in ("copy", "deepcopy"):
            return f"copy.{func.name}" if self.is_import(func.name, func) else ""
        if (
            isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name)
            and func.expr.name in ("copy", "pickle", "functools")
            and self.is_import(func.expr.name, func)
        ):
            return f"{func.expr.name}.{func.attrname}"
        if isinstance(func, nodes.Name) and self.is_import(func.name, func):
            scope = self.defining_scope(func.name, func)
            for statement in scope.locals.get(func.name, ()) if scope is not None else ():
                if isinstance(statement, nodes.ImportFrom) and statement.modname == "functools":
                    real = next((n for n, a in statement.names if (a or n) == func.name), "")
                    return f"functools.{real}"
        return ""

    def typing_cast(self, func: nodes.NodeNG) -> bool:
        """``cast`` imported from ``typing`` (or ``typing_extensions``), or ``typing.cast``
        through an import of the module."""
        return self.imported_function(func, ("typing", "typing_extensions"), "cast")

    def imported_function(self, func: nodes.NodeNG, modules: tuple[str, ...], name: str
                          ) -> bool:
        """Is callee ``func`` function ``name`` of one of ``modules``: ``module.name`` through
        an ``import module`` (``as`` another name too), or a name ``from module import name``
        bound?"""
        if isinstance(func, nodes.Attribute):
            if func.attrname != name or not isinstance(func.expr, nodes.Name):
                return False
            scope = self.defining_scope(func.expr.name, func)
            return scope is not None and any(
                isinstance(s, nodes.Import) and any(
                    n in modules and (a or n) == func.expr.name for n, a in s.names)
                for s in scope.locals.get(func.expr.name, ()))
        if not isinstance(func, nodes.Name):
            return False
        scope = self.defining_scope(func.name, func)
        return scope is not None and any(
            isinstance(s, nodes.ImportFrom) and s.modname in modules and any(
                n == name and (a or n) == func.name for n, a in s.names)
            for s in scope.locals.get(func.name, ()))

    def record_wrapping(self, node: nodes.Call) -> None:
        """``functools.update_wrapper(wrapper, wrapped)`` copies ``wrapped.__dict__`` onto
        ``wrapper``: recorded as the wrapper's ``<wraps>`` attribute, so that an attribute read
        on the wrapper also sees the wrapped function's (the linker's ``function_attribute``)."""
        if self.outside_function(node.func) != "functools.update_wrapper" or not node.args:
            return
        wrapped = node.args[1] if len(node.args) > 1 else next(
            (k.value for k in node.keywords or () if k.arg == "wrapped"), None)
        self.record_wraps(tuple(self.values(node.args[0])), wrapped)

    def record_wraps(self, wrappers: tuple[Expr, ...], wrapped: nodes.NodeNG | None) -> None:
        if not wrappers:
            return
        values = tuple(self.values(wrapped)) if wrapped is not None else ()
        # nothing known of the wrapped object: an outside value stands for it ("unknown")
        self.attribute_stores.append((wrappers, WRAPS, values or ((module_root("functools"),),)))

    def partial_of(self, node: nodes.Call) -> list[Expr] | None:
        """``functools.partial(f, ...)`` (and ``partialmethod``): calling it calls ``f``, so it
        holds ``f``'s values (itsdangerous's tests build serializers from
        ``partial(TimedSerializer, secret_key=...)`` fixtures)."""
        if not node.args or not self.partial_maker(node.func):
            return None
        values = self.values(node.args[0])
        if len(node.args) > 1 or node.keywords:
            # its calls pass arguments they do not show: the linker does not take a parameter
            # they leave out to hold its default (``Resolver.call_in_context``)
            names = [k.arg for k in node.keywords or ()]
            if len(node.args) > 1 or None in names:
                name = PREBOUND_POSITIONAL
            else:
                name = f"{PREBOUND}{','.join(sorted(n for n in names if n))}>"
            self.bindings[f"v:{self.module}:|{name}"].extend(values)
        return values

    def partial_maker(self, func: nodes.NodeNG, depth: int = 0) -> bool:
        """Is ``func`` ``functools.partial`` or ``partialmethod``, or a name of the function's
        own that every assignment binds to one of them (tqdm 4.68's ``envwrap``: ``part =
        partialmethod if is_method else partial``, then ``part(func, **overrides)``)?"""
        if self.outside_function(func) in ("functools.partial", "functools.partialmethod"):
            return True
        if isinstance(func, nodes.IfExp):
            return all(self.partial_maker(branch, depth)
                       for branch in (func.body, func.orelse))
        if not isinstance(func, nodes.Name) or depth > 2:
            return False
        scope = self.defining_scope(func.name, func)
        if not isinstance(scope, (nodes.FunctionDef, nodes.AsyncFunctionDef)):
            return False
        assigned = scope.locals.get(func.name, ())
        return bool(assigned) and all(
            isinstance(name, nodes.AssignName) and isinstance(name.parent, nodes.Assign)
            and len(name.parent.targets) == 1 and name.parent.targets[0] is name
            and self.partial_maker(name.parent.value, depth + 1)
            for name in assigned)

    def keyword_entry(self, node: nodes.Call) -> list[Expr] | None:
        """``options.pop("storage", Default)`` (``get``, ``setdefault``) on the function's own
        ``**options``, never rebound: a dict, whose entry at that key is what the callers
        passed as ``storage=`` (the linker binds each keyword under its key) or else the
        default. Read as ``options["storage"]`` is, so that the callers' other keywords do not
        come with it."""
        func = node.func
        if not (isinstance(func, nodes.Attribute) and func.attrname in DEFAULT_GIVERS
                and isinstance(func.expr, nodes.Name) and 1 <= len(node.args) <= 2
                and not node.keywords and isinstance(node.args[0], nodes.Const)
                and isinstance(node.args[0].value, str)):
            return None
        scope, assigned = func.expr.lookup(func.expr.name)
        if not (isinstance(scope, (nodes.FunctionDef, nodes.Lambda)) and scope.args.kwarg
                == func.expr.name and assigned
                and all(isinstance(a, nodes.Arguments) for a in assigned)):
            return None
        found = [(*e, item(node.args[0].value)) for e in self.values(func.expr)]
        return found + (self.values(node.args[1]) if len(node.args) == 2 else [])

    def call_op(self, node: nodes.Call) -> str:
        """``()`` or, when the call passes values we follow, ``(KEY N NAMES)``: its N
        positional arguments are bound under ``KEY[0]``.., its keywords under ``KEY['name']``,
        so that the linker can evaluate a function that returns a parameter for this call's
        arguments only (see ``Resolver.call_in_context``). A call without ``*`` whose
        arguments have no values we follow gets ``( N  NAMES)``: its shape, which decides
        the returns it reaches of a function whose returns are guarded by it
        (``indexer/guards.py``); ``**`` among its names: any keyword may be passed."""
        known = self.call_ops.get(id(node))
        if known is not None:
            return known
        op = CALL
        keywords = node.keywords or ()
        if not any(isinstance(a, nodes.Starred) for a in node.args) and all(
            k.arg is not None for k in keywords
        ):
            keyed: dict[str, list[Expr]] = {}
            names = []
            bare = []
            for position, argument in enumerate(node.args):
                values = self.values(argument)
                if values:
                    keyed[item(position)] = values
            for keyword in keywords:
                values = self.values(keyword.value)
                if values and keyword.arg:
                    keyed[item(keyword.arg)] = values
                    names.append(keyword.arg)
                elif keyword.arg:
                    bare.append(keyword.arg)
            if keyed:
                key = self.new_container(node, [], keyed)[0][2:]
                op = call_with(f"v:{key}", len(node.args), names, bare)
            else:  # its shape: which returns of a guarded function it reaches
                op = call_with("", len(node.args), (), bare)
        elif not any(isinstance(a, nodes.Starred) for a in node.args):
            # ``f(x, **options)``: the positional arguments are known, any keyword may be passed
            op = call_with("", len(node.args), (), [ANY_KEYWORDS])
        self.call_ops[id(node)] = op
        return op

    def made_class(self, node: nodes.Call) -> str:
        """The qualname of the class ``type(name, bases, namespace)`` (or a metaclass called
        so) makes, defined (once) as a synthetic class whose bases are the elements of
        ``bases``: cerberus' ``validator_factory`` mixes ``SchemaValidatorMixin`` into
        ``Validator`` so, and the ``_check_with_*`` rules the mixin adds are found on ``self``
        by computed name. It is named ``<typeN>`` in its scope, numbered in source order (as
        lambdas are)."""
        scope = node.scope()
        calls = [c for c in scope.nodes_of_class(nodes.Call)
                 if c.scope() is scope and _may_make_class(c)]
        calls.sort(key=lambda c: (c.lineno or 0, c.col_offset or 0))
        number = next((i for i, c in enumerate(calls, 1) if c is node), len(calls) + 1)
        outer = self.qualname(scope)
        qual = f"{outer}.<type{number}>" if outer else f"<type{number}>"
        if qual not in self.definitions:
            self.definitions[qual] = Definition(
                qualname=qual,
                kind=SymbolKind.CLASS,
                line=node.lineno or 0,
                end_line=node.end_lineno or node.lineno or 0,
                bases=(source(node.args[1]) or "",),
                base_exprs=tuple((*e, ELEMENT) for e in self.values(node.args[1])),
                synthetic=True,
            )
        return qual

    def getattr_values(self, node: nodes.Call) -> list[Expr]:
        """``getattr(obj, "name")`` is ``obj.name``; a computed name is a pattern the linker
        matches against the receiver's members: ``.~visit_*`` for ``"visit_" + kind``, ``.~*``
        when nothing is known of it (``impactgraph.indexer.names``). The default (third
        argument) is a value too."""
        receiver = self.values(node.args[0])
        name = node.args[1]
        ops = [ASKED_NAME] if _is_asked_name(name) else name_ops(name)
        default = self.values(node.args[2]) if len(node.args) > 2 else []
        return [(*v, op) for op in ops for v in receiver] + default

    @staticmethod
    def subscript_op(index: nodes.NodeNG) -> str:
        """``[]`` for any element, ``['key']`` or ``[2]`` for a constant key or position."""
        constant = index.value if isinstance(index, nodes.Const) else None
        if isinstance(index, nodes.UnaryOp) and index.op == "-":
            operand = index.operand
            if isinstance(operand, nodes.Const) and isinstance(operand.value, int):
                constant = -operand.value
        if isinstance(constant, (str, int)) and not isinstance(constant, bool):
            return item(constant)
        return ELEMENT

    def annotation_values(self, node: nodes.NodeNG | None) -> list[Expr]:
        """Instances an annotation describes: ``Optional[A]`` and ``A | None`` -> A."""
        if node is None:
            return []
        if isinstance(node, nodes.Const) and isinstance(node.value, str):
            return self.string_annotation(node.value, node)
        if isinstance(node, nodes.BinOp) and node.op == "|":
            return self.annotation_values(node.left) + self.annotation_values(node.right)
        if isinstance(node, nodes.Subscript):
            outer = (source(node.value) or "").rsplit(".", 1)[-1]
            inner = node.slice.elts if isinstance(node.slice, nodes.Tuple) else [node.slice]
            if outer in TRANSPARENT_GENERICS:
                if outer in ("Type", "type"):
                    return [e for n in inner for e in self.values(n)]
                if outer == "Annotated":
                    inner = inner[:1]
                return [e for n in inner for e in self.annotation_values(n)]
            if outer in GENERIC_CONTAINERS or outer in MAPPINGS:
                chosen = inner[-1:] if outer in MAPPINGS else inner
                elements = [e for n in chosen for e in self.annotation_values(n)]
                return [self.new_container(node, elements)] if elements else []
            return [(*e, INSTANCE) for e in self.values(node.value)]
        if isinstance(node, (nodes.Name, nodes.Attribute)):
            if isinstance(node, nodes.Name) and node.name == "None":
                return []
            return [(*e, INSTANCE) for e in self.values(node)]
        return []

    def string_annotation(self, text: str, node: nodes.NodeNG) -> list[Expr]:
        """A quoted annotation, parsed and read as the annotation written out: the typing
        constructs in it spelled through an alias (``"t.Optional[Node]"``) name ``Node``, not
        ``t.Node``; names are looked up where the string stands."""
        try:
            parsed = ast.parse(text.strip(), mode="eval").body
        except (SyntaxError, ValueError):  # not an expression (or a NUL in it): no class known
            return []
        return self.parsed_annotation(parsed, node)

    def parsed_annotation(self, expr: ast.expr, node: nodes.NodeNG) -> list[Expr]:
        """``annotation_values`` for an expression parsed from the string at ``node``."""
        if isinstance(expr, ast.Constant):  # ``None``, or a string nested in the string
            return self.string_annotation(expr.value, node) if isinstance(expr.value, str) else []
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
            return [e for side in (expr.left, expr.right)
                    for e in self.parsed_annotation(side, node)]
        if not isinstance(expr, ast.Subscript):
            return [(*e, INSTANCE) for e in self.parsed_class(expr, node)]
        outer = (_dotted(expr.value) or "").rsplit(".", 1)[-1]
        inner = list(expr.slice.elts) if isinstance(expr.slice, ast.Tuple) else [expr.slice]
        if outer in TRANSPARENT_GENERICS:
            if outer in ("Type", "type"):
                return [e for n in inner for e in self.parsed_class(n, node)]
            if outer == "Annotated":
                inner = inner[:1]
            return [e for n in inner for e in self.parsed_annotation(n, node)]
        if outer in GENERIC_CONTAINERS or outer in MAPPINGS:
            chosen = inner[-1:] if outer in MAPPINGS else inner
            elements = [e for n in chosen for e in self.parsed_annotation(n, node)]
            return [self.new_container(node, elements)] if elements else []
        return [(*e, INSTANCE) for e in self.parsed_class(expr.value, node)]

    def parsed_class(self, expr: ast.expr, node: nodes.NodeNG) -> list[Expr]:
        """The class a (dotted, or quoted) name parsed from the string at ``node`` names."""
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            try:
                expr = ast.parse(expr.value.strip(), mode="eval").body
            except (SyntaxError, ValueError):
                return []
        dotted = _dotted(expr)
        if dotted is None:
            return []
        head, *rest = dotted.split(".")
        if head == "None":
            return []
        return [(*e, *(attr(p) for p in rest)) for e in self.name_value(head, node)]

    def fixture_request(self, node: nodes.NodeNG) -> list[Expr] | None:
        """``request.param`` in a fixture with ``params=``, ``request.getfixturevalue("x")``:
        their values; None for anything else."""
        if isinstance(node, nodes.Attribute) and node.attrname == "param":
            frame = node.frame()
            params = self.fixture_frames.get(id(frame))
            if params is None or not isinstance(node.expr, nodes.Name):
                return None
            if isinstance(params, (nodes.List, nodes.Tuple)):
                elements = [
                    e.args[0] if isinstance(e, nodes.Call) and e.args
                    and (source(e.func) or "").endswith("param") else e
                    for e in params.elts
                ]
                return [v for e in elements for v in self.values(e)]
            return [(*v, ELEMENT) for v in self.values(params)]
        root = self.requested_fixture(node)
        return [(root, FIXTURE_VALUE)] if root is not None else None

    def requested_fixture(self, node: nodes.NodeNG) -> str | None:
        """The ``f:`` root of ``request.getfixturevalue("name")``."""
        if not (
            isinstance(node, nodes.Call)
            and isinstance(node.func, nodes.Attribute)
            and node.func.attrname == "getfixturevalue"
            and node.args
            and isinstance(node.args[0], nodes.Const)
            and isinstance(node.args[0].value, str)
        ):
            return None
        owner = self.enclosing_class(node)
        class_qual = self.qualname(owner) if owner is not None else ""
        return fixture_root(f"{self.module}:{class_qual}", node.args[0].value)


def _is_asked_name(node: nodes.NodeNG) -> bool:
    """Is ``node`` the name parameter of the ``__getattr__(self, name)`` it is read in, never
    assigned there (the attribute name the lookup that ran ``__getattr__`` asked for)?"""
    if not isinstance(node, nodes.Name):
        return False
    frame = node.scope()
    if not (isinstance(frame, nodes.FunctionDef) and frame.name == "__getattr__"
            and isinstance(frame.parent, nodes.ClassDef)):
        return False
    parameters = [*frame.args.posonlyargs, *frame.args.args]
    return (len(parameters) >= 2 and parameters[1].name == node.name
            and frame.locals.get(node.name) == [parameters[1]])


def _constant_slice(index: nodes.Slice) -> str | None:
    """``[1:3]`` -> "[1:3]", ``[2:]`` -> "[2:]"; None unless both bounds are absent or small
    non-negative integers and there is no step."""
    if index.step is not None:
        return None
    bounds: list[int | None] = []
    for bound in (index.lower, index.upper):
        if bound is None:
            bounds.append(None)
        elif isinstance(bound, nodes.Const) and type(bound.value) is int and bound.value >= 0:
            bounds.append(bound.value)
        else:
            return None
    return slice_of(bounds[0], bounds[1])


def _dotted(expr: ast.expr) -> str | None:
    """``a.b.c`` for a name or a chain of attributes of one, else None."""
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        base = _dotted(expr.value)
        return None if base is None else f"{base}.{expr.attr}"
    return None


# the functions returning the module they import by name, and the module that has each
_LOADERS = {"import_module": "importlib", "importorskip": "pytest"}


def _constant_start(node: nodes.NodeNG | None) -> str | None:
    """The constant text a string computed at run time starts with: ``"pkg."`` for
    ``f"pkg.{name}"``, ``"pkg." + name``, ``"pkg.%s" % name`` and ``"pkg.{}".format(name)``;
    else None."""
    if isinstance(node, nodes.JoinedStr):
        return _constant_text(node.values[0]) if node.values else None
    if isinstance(node, nodes.BinOp) and node.op == "+":
        return _constant_text(node.left) or _constant_start(node.left)
    if isinstance(node, nodes.BinOp) and node.op == "%":
        text = _constant_text(node.left)
        return None if text is None else text.partition("%")[0]
    if (isinstance(node, nodes.Call) and isinstance(node.func, nodes.Attribute)
            and node.func.attrname == "format"):
        text = _constant_text(node.func.expr)
        return None if text is None else text.partition("{")[0]
    return None


def _constant_text(node: nodes.NodeNG | None) -> str | None:
    """The text of a string constant, else None."""
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return node.value
    return None
