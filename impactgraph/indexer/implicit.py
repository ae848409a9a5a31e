"""The special methods Python calls without a written call: ``str(x)`` -> ``__str__``,
``x[k]`` -> ``__getitem__``, ``a + b`` -> ``__add__``, ``with x`` -> ``__enter__``...

Each becomes an *implicit* call site whose callee applies the ``%name`` operation: the special
method ``name`` looked up on the class of an instance, as Python does (never on the instance,
never on a class object); ``%a|b`` falls back from ``a`` to ``b`` class by class (``str`` uses
``__repr__`` where there is no ``__str__``). Only methods defined in the code base give edges.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from astroid import nodes

from impactgraph.expressions import CALL, ELEMENT, BuiltinRoot, ContainerRoot, attr, parse_root
from impactgraph.expressions import special as special_op
from impactgraph.model import CallSite, Expr

STR = ("__str__", "__repr__")
TRUTH = ("__bool__", "__len__")
# builtin function -> the special methods of its first argument it calls (in fallback order)
BUILTIN_SPECIALS: dict[str, tuple[str, ...]] = {
    "str": STR, "repr": ("__repr__",), "ascii": ("__repr__",),
    "format": ("__format__", *STR), "len": ("__len__",), "bool": TRUTH,
    "hash": ("__hash__",), "next": ("__next__",), "anext": ("__anext__",),
    "aiter": ("__aiter__",), "abs": ("__abs__",), "int": ("__int__", "__index__", "__trunc__"),
    "float": ("__float__", "__index__"), "complex": ("__complex__",), "round": ("__round__",),
    "bytes": ("__bytes__",), "reversed": ("__reversed__", "__len__"), "dir": ("__dir__",),
    "divmod": ("__divmod__",), "pow": ("__pow__",), "index": ("__index__",),
}
# builtin function -> the special method of its second argument, a class or a tuple of classes,
# that it calls: looked up on the class's own class, its metaclass (freezegun's
# ``FakeDatetimeMeta.__instancecheck__`` runs for ``isinstance(d, datetime.datetime)``)
CLASS_CHECKS = {"isinstance": "__instancecheck__", "issubclass": "__subclasscheck__"}
ORDERING_BUILTINS = frozenset({"sorted", "min", "max"})
# builtins that hash the elements of their argument (and compare them on a hash match)
HASHING_BUILTINS = frozenset({"set", "frozenset"})
# builtins that iterate over their arguments (``map``/``filter``: past the function)
ITERATING_BUILTINS = {
    "iter": 0, "list": 0, "tuple": 0, "set": 0, "frozenset": 0, "sorted": 0, "sum": 0,
    "min": 0, "max": 0, "any": 0, "all": 0, "enumerate": 0, "zip": 0, "map": 1, "filter": 1,
}
OUTSIDE_SPECIALS: dict[str, tuple[tuple[str, ...], ...]] = {
    # a copy made through ``__reduce_ex__`` gets the state back through ``__setstate__``
    "copy.copy": (("__copy__", "__reduce_ex__"), ("__setstate__",)),
    "copy.deepcopy": (("__deepcopy__", "__reduce_ex__"), ("__setstate__",)),
    "pickle.dumps": (("__reduce_ex__",), ("__reduce__",), ("__getstate__",)),
    "pickle.dump": (("__reduce_ex__",), ("__reduce__",), ("__getstate__",)),
}
OUTSIDE_NAMES = frozenset(name.rsplit(".", 1)[1] for name in OUTSIDE_SPECIALS)
# decorators whose wrapper looks each call's arguments up in a dict: it hashes them, and
# compares them with ``==`` when a key of the same hash is there
CACHING_DECORATORS = frozenset({"functools.lru_cache", "functools.cache"})
BINARY = {
    "+": "add", "-": "sub", "*": "mul", "@": "matmul", "/": "truediv", "//": "floordiv",
    "%": "mod", "**": "pow", "<<": "lshift", ">>": "rshift", "&": "and", "|": "or", "^": "xor",
}
# comparison -> (left operand's method, right operand's reflected method)
COMPARISONS = {
    "==": ("__eq__", "__eq__"), "!=": ("__ne__", "__ne__"), "<": ("__lt__", "__gt__"),
    "<=": ("__le__", "__ge__"), ">": ("__gt__", "__lt__"), ">=": ("__ge__", "__le__"),
}
UNARY = {"-": "__neg__", "+": "__pos__", "~": "__invert__"}
# nodes whose value is a builtin object: no special method of ours can run (not a comparison:
# a rich comparison returns what its special method returns, see ``Evaluator.compared``)
LITERALS = (
    nodes.Const, nodes.List, nodes.Tuple, nodes.Set, nodes.Dict, nodes.ListComp, nodes.SetComp,
    nodes.DictComp, nodes.GeneratorExp, nodes.JoinedStr, nodes.Lambda,
)


def elements(receivers: list[Expr]) -> list[Expr]:
    """The elements of ``receivers``, and theirs: a sort key is often a tuple of tuples."""
    once = [(*v, ELEMENT) for v in receivers]
    return once + [(*v, ELEMENT) for v in once]


class ImplicitCalls:
    """Visitor methods of ``FileIndexer`` for the special methods Python calls implicitly."""

    calls: list[CallSite]

    if TYPE_CHECKING:
        def values(self, node: nodes.NodeNG | None) -> list[Expr]: ...
        def name_value(self, name: str, node: nodes.NodeNG) -> list[Expr]: ...
        def visit(self, node: nodes.NodeNG) -> None: ...
        def visit_children(self, node: nodes.NodeNG) -> None: ...
        def visit_For(self, node: nodes.For) -> None: ...
        def caller_of(self, node: nodes.NodeNG) -> str: ...
        def defining_scope(self, name: str, node: nodes.NodeNG) -> nodes.NodeNG | None: ...
        def is_import(self, name: str, node: nodes.NodeNG) -> bool: ...
        def outside_function(self, func: nodes.NodeNG) -> str: ...
        def var_key(self, scope: nodes.NodeNG, name: str) -> str: ...
        def symbol_id(self, qualname: str) -> str: ...

    def operand_values(self, node: nodes.NodeNG | None,
                       known: list[Expr] | None = None) -> list[Expr]:
        """The values of ``node`` a special method of ours may run on; ``known``: its values
        (``self.values(node)``), when the caller has them already."""
        if node is None or isinstance(node, LITERALS):
            return []
        if isinstance(node, nodes.AssignName):  # ``x += y``: the target's current value
            return self.name_value(node.name, node)
        if isinstance(node, nodes.AssignAttr):
            return [(*v, attr(node.attrname)) for v in self.operand_values(node.expr)]
        return [v for v in (self.values(node) if known is None else known)
                if not isinstance(parse_root(v[0]), (BuiltinRoot, ContainerRoot))]

    def special(
        self, at: nodes.NodeNG, receivers: list[Expr], names: tuple[str, ...]
    ) -> None:
        """``at`` makes Python call special method ``names`` (fallbacks) of ``receivers``."""
        self.implicit_call(at, receivers, special_op(names))

    def implicit_call(self, at: nodes.NodeNG, receivers: list[Expr], op: str) -> None:
        """``at`` makes Python call what operation ``op`` gives of ``receivers``."""
        callee = tuple(dict.fromkeys((*v, op) for v in receivers))
        if callee:
            self.calls.append(CallSite(self.caller_of(at), callee, at.lineno or 0, implicit=True))

    def special_of(self, at: nodes.NodeNG, operand: nodes.NodeNG | None, *names: str) -> None:
        self.special(at, self.operand_values(operand), names)

    def evaluated_annotations(self, *annotations: nodes.NodeNG | None) -> None:
        """Annotations Python evaluates where they stand (a ``def``'s parameters and return,
        run with the ``def``; a module's or class body's ``name: T``), unless the module
        postpones them (``from __future__ import annotations``): a subscript in one runs the
        class's ``__class_getitem__`` (``def f(x: HasMethod["__len__"])``). Quoted ones are
        never run."""
        for annotation in annotations:
            if annotation is None or "annotations" in annotation.root().future_imports:
                continue
            for subscript in annotation.nodes_of_class(nodes.Subscript):
                if isinstance(subscript.value, (nodes.Name, nodes.Attribute)):
                    self.special_of(subscript, subscript.value, "__getitem__")

    def iterated(self, at: nodes.NodeNG, operand: nodes.NodeNG) -> None:
        """``list(x)``, ``x in it`` without ``__contains__``: ``__iter__``, then ``__next__`` of
        what it returns."""
        receivers = self.operand_values(operand)
        self.special(at, receivers, ("__iter__",))
        self.special(at, [(*v, special_op(("__iter__",)), CALL) for v in receivers], ("__next__",))

    def truth(self, node: nodes.NodeNG | None) -> None:
        """``if x``, ``while x``, ``not x``: ``__bool__``, else ``__len__``."""
        if isinstance(node, nodes.BoolOp):
            self.truth(node.values[-1])  # the others are tested by the BoolOp itself
        elif isinstance(node, nodes.UnaryOp) and node.op == "not":
            return  # visit_UnaryOp tests the operand
        elif isinstance(node, (nodes.Name, nodes.Attribute, nodes.Call, nodes.Subscript)):
            self.special_of(node, node, *TRUTH)

    def implicit_builtin_call(self, node: nodes.Call) -> None:
        """``str(x)``, ``len(x)``, ``sorted(x)``, ``dict(x)``, ``print(x)``, ``copy.copy(x)``."""
        func = node.func
        if isinstance(func, nodes.Name) and self.defining_scope(func.name, node) is None:
            name = func.name
            if name in BUILTIN_SPECIALS and node.args:
                self.special_of(node, node.args[0], *BUILTIN_SPECIALS[name])
            if name in CLASS_CHECKS and len(node.args) == 2:
                classes = node.args[1]
                for each in classes.elts if isinstance(classes, nodes.Tuple) else [classes]:
                    self.special_of(node, each, CLASS_CHECKS[name])
            if name in ITERATING_BUILTINS:
                for argument in node.args[ITERATING_BUILTINS[name]:]:
                    if not isinstance(argument, nodes.Starred):
                        self.iterated(node, argument)
            if name in ORDERING_BUILTINS and node.args and not any(
                k.arg == "key" for k in node.keywords or ()
            ):  # ``sorted(items)`` compares the elements
                if len(node.args) == 1:
                    elements = [(*v, ELEMENT) for v in self.operand_values(node.args[0])]
                else:  # ``max(a, b)``
                    elements = [v for a in node.args for v in self.operand_values(a)]
                self.special(node, elements, ("__lt__", "__gt__"))
            if name in HASHING_BUILTINS and node.args and not isinstance(
                    node.args[0], nodes.Starred):  # ``set(items)`` hashes each element
                self.hashed(node, [(*v, ELEMENT) for v in self.values(node.args[0])
                                   if not isinstance(parse_root(v[0]), BuiltinRoot)])
            if name == "dict" and node.args and not isinstance(node.args[0], nodes.Starred):
                # ``dict(x)``: ``x.keys()`` and ``x[key]`` when ``x`` has ``keys``, else the
                # pairs iterating ``x`` gives
                self.special_of(node, node.args[0], "keys")
                self.special_of(node, node.args[0], "__getitem__")
                self.iterated(node, node.args[0])
            if name == "print":
                for argument in node.args:
                    if not isinstance(argument, nodes.Starred):
                        self.special_of(node, argument, *STR)
            return
        if isinstance(func, nodes.Name):
            text = {"copy": "copy.copy", "deepcopy": "copy.deepcopy"}.get(func.name, "")
            if not text or not self.is_import(func.name, node):
                return
        elif (isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name)
              and func.attrname in OUTSIDE_NAMES and self.is_import(func.expr.name, node)):
            text = f"{func.expr.name}.{func.attrname}"
        else:
            return
        for names in OUTSIDE_SPECIALS.get(text, ()) if node.args else ():
            self.special_of(node, node.args[0], *names)

    def cached_arguments(self, node: nodes.FunctionDef, qualname: str) -> None:
        """``@functools.lru_cache``/``@functools.cache``: every call of the function hashes its
        arguments, ``self`` of a method included, and compares them with a cached key's on a
        hash match (soupsieve's ``compile`` hands a ``Mapping`` subclass to a cached function:
        without the subclass's ``__hash__`` every call raises ``TypeError``). Recorded as the
        function's own implicit calls on its parameters, which hold what callers pass."""
        decorators = node.decorators.nodes if node.decorators else []
        if not any(self.outside_function(d.func if isinstance(d, nodes.Call) else d)
                   in CACHING_DECORATORS for d in decorators):
            return
        args = node.args
        if args.args is None:
            return
        named = (*args.posonlyargs, *args.args, *args.kwonlyargs)
        receivers: list[Expr] = [(self.var_key(node, a.name),) for a in named]
        receivers += [(self.var_key(node, star), ELEMENT)
                      for star in (args.vararg, args.kwarg) if star]
        caller = self.symbol_id(qualname)
        for names in (("__hash__",), ("__eq__",)):
            callee = tuple(dict.fromkeys((*v, special_op(names)) for v in receivers))
            if callee:
                self.calls.append(CallSite(caller, callee, node.lineno or 0, implicit=True))

    def hashed(self, at: nodes.NodeNG, receivers: list[Expr]) -> None:
        """``at`` puts ``receivers`` into a set or a dict as keys: Python hashes each and
        compares it with ``==`` when a key of the same hash is there."""
        for names in (("__hash__",), ("__eq__",)):
            self.special(at, receivers, names)

    # -- visitors ------------------------------------------------------------------------
    def visit_Set(self, node: nodes.Set) -> None:
        self.visit_children(node)
        self.hashed(node, [v for element in node.elts if not isinstance(element, nodes.Starred)
                           for v in self.operand_values(element)])

    def visit_Dict(self, node: nodes.Dict) -> None:
        self.visit_children(node)
        self.hashed(node, [v for key, _ in node.items if not isinstance(key, nodes.DictUnpack)
                           for v in self.operand_values(key)])

    def visit_AsyncFor(self, node: nodes.AsyncFor) -> None:
        self.visit_For(node)
        receivers = self.operand_values(node.iter)
        self.special(node.iter, receivers, ("__aiter__",))
        self.special(
            node.iter, [(*v, special_op(("__aiter__",)), CALL) for v in receivers], ("__anext__",)
        )

    def visit_Await(self, node: nodes.Await) -> None:
        self.visit_children(node)
        self.special_of(node, node.value, "__await__")

    def visit_FormattedValue(self, node: nodes.FormattedValue) -> None:
        self.visit_children(node)
        conversion = {114: ("__repr__",), 97: ("__repr__",), 115: STR}.get(node.conversion)
        self.special_of(node, node.value, *(conversion or ("__format__", *STR)))

    def visit_BinOp(self, node: nodes.BinOp) -> None:
        self.visit_children(node)
        if node.op == "%" and isinstance(node.left, nodes.Const) and isinstance(
            node.left.value, str
        ):  # ``"%s" % x``: formatting calls ``__str__`` of each value
            right = node.right.elts if isinstance(node.right, nodes.Tuple) else [node.right]
            for element in right:
                self.special_of(node, element, *STR)
            return
        name = BINARY.get(node.op)
        if name is not None:
            self.special_of(node, node.left, f"__{name}__")
            self.special_of(node, node.right, f"__r{name}__")

    def augmented(self, node: nodes.AugAssign) -> None:
        """``x += y``: ``__iadd__``, else ``__add__``; on ``x[k]`` also ``__getitem__``."""
        name = BINARY.get(node.op.rstrip("="))
        if name is not None:
            self.special_of(node, node.target, f"__i{name}__", f"__{name}__")
            self.special_of(node, node.value, f"__r{name}__")

    def visit_UnaryOp(self, node: nodes.UnaryOp) -> None:
        self.visit_children(node)
        if node.op == "not":
            self.truth(node.operand)
        elif node.op in UNARY:
            self.special_of(node, node.operand, UNARY[node.op])

    def visit_Compare(self, node: nodes.Compare) -> None:
        self.visit_children(node)
        left = node.left
        for op, right in node.ops:
            if op in ("in", "not in"):
                receivers = self.operand_values(right)
                self.special(node, receivers, ("__contains__", "__iter__", "__getitem__"))
                # a container's ``__contains__`` compares each element with the operand
                self.special(node, self.operand_values(left), ("__eq__",))
                self.special(node, elements(receivers), ("__eq__",))
            elif op in COMPARISONS:
                method, reflected = COMPARISONS[op]
                lefts, rights = self.operand_values(left), self.operand_values(right)
                self.special(node, lefts, (method,))
                self.special(node, rights, (reflected,))
                self.compared_elements(node, elements(lefts), elements(rights), op)
            left = right

    def compared_elements(
        self, at: nodes.NodeNG, lefts: list[Expr], rights: list[Expr], op: str
    ) -> None:
        """Tuples and lists compare element by element: ``==`` on each pair until one differs,
        then ``op`` on that pair (``(release, Infinity) > other_key`` calls
        ``InfinityType.__gt__``)."""
        self.special(at, lefts, ("__eq__",))
        self.special(at, rights, ("__eq__",))
        if op not in ("==", "!="):
            method, reflected = COMPARISONS[op]
            self.special(at, lefts, (method,))
            self.special(at, rights, (reflected,))

    def visit_BoolOp(self, node: nodes.BoolOp) -> None:
        self.visit_children(node)
        for value in node.values[:-1]:  # ``a or b`` tests ``a``; the result is tested by its user
            self.truth(value)

    def visit_If(self, node: nodes.If) -> None:
        self.visit_children(node)
        self.truth(node.test)

    visit_While = visit_If
    visit_IfExp = visit_If

    def visit_Assert(self, node: nodes.Assert) -> None:
        self.visit_children(node)
        self.truth(node.test)

    def visit_Subscript(self, node: nodes.Subscript) -> None:
        self.visit_children(node)
        method = "__delitem__" if str(node.ctx).endswith("Del") else "__getitem__"
        self.special_of(node, node.value, method)
