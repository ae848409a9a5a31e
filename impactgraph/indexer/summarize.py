"""astroid -> FileSummary, one file at a time, without inference across files.

Every value the code touches is recorded as a symbolic ``Expr`` (see ``impactgraph.model``)
so that the linker, which sees every file, can resolve it. Nothing is imported or executed.
"""

from __future__ import annotations

import builtins
import re
from collections import defaultdict
from dataclasses import replace

from astroid import nodes

from impactgraph.expressions import (
    CALL,
    DECORATED,
    ELEMENT,
    FIXTURE_VALUE,
    GETTER_OF,
    INSTANCE,
    ONLY_CLASS,
    SUBCLASS_OF,
    SUPER_OF,
    attr,
    attr_pattern,
    call_with,
    descriptor_set,
    item,
    slice_of,
    unless,
)
from impactgraph.expressions import special as special_op
from impactgraph.indexer.flow import FRAMES, Flow, exec_frame, join
from impactgraph.indexer.implicit import BINARY, ImplicitCalls
from impactgraph.indexer.pytest_model import (
    fixture_of,
    fixture_parameters,
    is_test_function,
    parametrized,
    plugin_modules,
    used_fixtures,
    usefixtures_names,
)
from impactgraph.indexer.signatures import (
    body_hash,
    combine_hashes,
    dataclass_init,
    decorator_base,
    decorator_names,
    signature_of,
    source,
)
from impactgraph.model import (
    CallSite,
    Definition,
    Expr,
    ImportBinding,
    Reference,
    SymbolKind,
)

BUILTIN_NAMES = frozenset(dir(builtins))
# ``Macro(environment, ...`` in a string: a call in source code the program generates
GENERATED_CALL = re.compile(r"(?<![\w.])([A-Za-z_][A-Za-z0-9_]*)\(")
FUNCTION_SCOPES = (nodes.FunctionDef, nodes.Lambda)
GENERIC_CONTAINERS = frozenset(
    {"list", "List", "set", "Set", "frozenset", "FrozenSet", "tuple", "Tuple", "Sequence",
     "MutableSequence", "Iterable", "Iterator", "Collection", "AbstractSet", "MutableSet",
     "Generator", "AsyncIterator", "AsyncIterable", "deque", "Deque"}
)
# methods that add elements to a list, set or dict
CONTAINER_ADDERS = frozenset({"append", "add", "insert", "extend", "update", "setdefault"})
# calls that make an empty container (their arguments are not its elements, or not simply)
CONTAINER_FACTORIES = frozenset(
    {"dict", "OrderedDict", "defaultdict", "deque", "Counter", "ChainMap", "WeakValueDictionary",
     "WeakKeyDictionary", "WeakSet"}
)
# builtins whose result holds the elements of their one argument
COPYING_BUILTINS = frozenset({"list", "tuple", "set", "frozenset", "sorted", "reversed", "iter"})
MAPPINGS = frozenset({"dict", "Dict", "Mapping", "MutableMapping", "DefaultDict", "OrderedDict"})
TRANSPARENT_GENERICS = frozenset(
    {"Optional", "Union", "Annotated", "Final", "ClassVar", "Type", "type", "ReadOnly",
     "Required", "NotRequired"}
)


def resolve_relative(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The absolute module named by ``from ...name import x`` inside ``module``."""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)] if level - 1 <= len(parts) else []
    base = ".".join(parts)
    if name:
        return f"{base}.{name}" if base else name
    return base


class FileIndexer(ImplicitCalls):
    """Walks one astroid module and collects its summary parts."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.is_package = is_package
        self.definitions: dict[str, Definition] = {}
        self.overloads: dict[str, list[Definition]] = defaultdict(list)
        self.imports: list[ImportBinding] = []
        self.calls: list[CallSite] = []
        self.references: dict[tuple[str, tuple[Expr, ...]], Reference] = {}
        self.bindings: dict[str, list[Expr]] = defaultdict(list)
        self.qualnames: dict[int, str] = {}  # id(scope node) -> qualname ("" = module)
        self.lambda_counters: dict[str, int] = defaultdict(int)
        self.container_counters: dict[str, int] = defaultdict(int)
        self.call_ops: dict[int, str] = {}  # id(Call node) -> its call operation
        self.flow: Flow | None = None  # flow-sensitive locals, set up by ``run``
        self.all_names: list[str] | None = None
        self.has_getattr = False
        self.has_star_import = False
        # class qualname -> data attributes (class body assignments and ``self.x = ...``)
        self.attributes: dict[str, list[str]] = defaultdict(list)
        self.fallback_of: list[str] = []
        self.attribute_stores: list[tuple[tuple[Expr, ...], str, tuple[Expr, ...]]] = []
        # pytest: fixture functions (id of the def -> its ``params=``), collected tests
        self.fixture_frames: dict[int, nodes.NodeNG | None] = {}
        self.tests: list[tuple[str, str, int]] = []  # (symbol, class qualname, line)
        self.module_usefixtures: list[str] = []

    # -- names -------------------------------------------------------------------------
    def qualname(self, scope: nodes.NodeNG) -> str:
        while not isinstance(scope, (nodes.Module, nodes.ClassDef, *FUNCTION_SCOPES)):
            scope = scope.parent.scope()  # comprehensions bind into their frame here
        known = self.qualnames.get(id(scope))
        if known is not None:
            return known
        if isinstance(scope, (nodes.FunctionDef, nodes.ClassDef)):
            # A def or class statement is named by the scope whose body holds it.
            outer = self.qualname(scope.parent.scope())
            known = f"{outer}.{scope.name}" if outer else scope.name
            self.qualnames[id(scope)] = known
            return known
        return ""

    def symbol_id(self, qualname: str) -> str:
        return f"{self.module}:{qualname}" if qualname else self.module

    def code_scope(self, node: nodes.NodeNG) -> nodes.NodeNG:
        """The function or module whose code runs ``node``.

        Class bodies run in their parent's code; default values, annotations and decorators
        run in the scope that holds the definition, not in the function itself.
        """
        child, parent = node, node.parent
        while parent is not None:
            if isinstance(parent, FUNCTION_SCOPES) and not _is_outer_part(parent, child):
                return parent
            if isinstance(parent, nodes.Module):
                return parent
            child, parent = parent, parent.parent
        return node.root()

    def caller_of(self, node: nodes.NodeNG) -> str:
        return self.symbol_id(self.qualname(self.code_scope(node)))

    def var_key(self, scope: nodes.NodeNG, name: str) -> str:
        return f"v:{self.module}:{self.qualname(scope)}|{name}"

    def defining_scope(self, name: str, node: nodes.NodeNG) -> nodes.NodeNG | None:
        """The scope whose namespace ``name`` read at ``node`` comes from (Python's rules)."""
        scope = node.scope()
        first = True
        while True:
            is_class = isinstance(scope, nodes.ClassDef)
            if name in scope.locals and (first or not is_class):
                return scope
            if scope.parent is None:
                return None
            # Default values and decorators are evaluated outside the function.
            first = False
            scope = scope.parent.scope()

    # -- values ------------------------------------------------------------------------
    def name_value(self, name: str, node: nodes.NodeNG) -> list[Expr]:
        scope = self.defining_scope(name, node)
        if scope is None:
            if name in BUILTIN_NAMES:
                return [(f"b:{name}",)]
            # Perhaps bound by ``from m import *`` (the linker looks there), else bound nowhere:
            # a NameError when it runs, which the name still spelled in the code tells (a
            # removed function still called, ``join.__doc__ = ...`` after ``join`` is gone).
            return [(f"v:{self.module}:|{name}",)]
        if self.flow is not None:
            versions = self.flow.read(scope, name, node)
            if versions is not None:
                return versions
        return [(self.var_key(scope, name),)]

    def is_import(self, name: str, node: nodes.NodeNG) -> bool:
        """Is ``name`` (read at ``node``) bound by an import?"""
        scope = self.defining_scope(name, node)
        return scope is not None and all(
            isinstance(n, (nodes.Import, nodes.ImportFrom)) for n in scope.locals.get(name, ())
        )

    def new_container(
        self,
        node: nodes.NodeNG,
        elements: list[Expr],
        keyed: dict[str, list[Expr]] | None = None,
    ) -> Expr:
        """A container literal; ``keyed`` holds the elements at constant keys or positions."""
        qual = self.qualname(node.scope())
        self.container_counters[qual] += 1
        key = f"v:{self.module}:{qual}|<c{self.container_counters[qual]}>"
        self.bindings[key].extend(elements)
        for constant, values in (keyed or {}).items():
            self.bindings[f"{key}{constant}"].extend(values)
        return ("c:" + key[2:],)

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
                    return [(f"s:{self.symbol_id(self.qualname(owner))}", SUPER_OF)]
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
                return [self.new_container(node, copied)]
            if (
                isinstance(func, nodes.Name)
                and func.name == "getattr"
                and len(node.args) >= 2
                and self.defining_scope("getattr", node) is None
            ):
                return self.getattr_values(node)
            if (
                isinstance(func, nodes.Name)
                and func.name == "property"
                and self.defining_scope("property", node) is None
            ):
                # ``x = property(getter)``: reading ``x`` runs ``getter``
                getter = node.args[0] if node.args else next(
                    (k.value for k in node.keywords or () if k.arg == "fget"), None
                )
                return [(*e, GETTER_OF) for e in self.values(getter)]
            factory = func.name if isinstance(func, nodes.Name) else getattr(func, "attrname", "")
            if factory in CONTAINER_FACTORIES and not (
                isinstance(func, nodes.Name) and self.defining_scope(func.name, node) is not None
                and not self.is_import(func.name, node)
            ):
                # ``OrderedDict()``, ``defaultdict(list)``, ``dict(a=f)``: a new container
                kwargs = [e for k in node.keywords or () for e in self.values(k.value)]
                return [self.new_container(node, kwargs)]
            copy_of = self.copied_value(node)
            if copy_of is not None:
                return copy_of
            partial = self.partial_of(node)
            if partial is not None:
                return partial
            op = self.call_op(node)
            return [(*e, op) for e in self.values(func)]
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
                key = node.slice
                if isinstance(key, nodes.Const) and isinstance(key.value, str):
                    return [(f"m:{self.module}", attr(key.value))]
                prefix, suffix = name_pattern(key)
                return [(f"m:{self.module}", attr_pattern(prefix, suffix))]
            stored = self.stored_values(node)  # ``d["k"] = f`` ... ``d["k"]()``
            if stored is not None:
                return stored
            op = self.subscript_op(node.slice)
            return [(*e, op) for e in self.values(node.value)]
        if isinstance(node, nodes.Lambda):
            return [(f"s:{self.symbol_id(self.qualname(node))}",)]
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
            return [self.new_container(node, elements, keyed)]
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
            return [self.new_container(node, values_of_dict, keyed)]
        if isinstance(node, (nodes.ListComp, nodes.SetComp, nodes.GeneratorExp)):
            return [self.new_container(node, self.values(node.elt))]
        if isinstance(node, nodes.DictComp):
            return [self.new_container(node, self.values(node.value))]
        if isinstance(node, nodes.IfExp):
            return self.values(node.body) + self.values(node.orelse)
        if isinstance(node, nodes.BinOp) and node.op in BINARY:  # ``a + b``: ``a.__add__(b)``
            method = f"__{BINARY[node.op]}__"
            return [(*v, special_op((method,)), CALL) for v in self.operand_values(node.left)]
        if isinstance(node, nodes.BoolOp):
            return [e for value in node.values for e in self.values(value)]
        if isinstance(node, (nodes.NamedExpr, nodes.Await)):
            return self.values(node.value)
        if isinstance(node, nodes.Const) and isinstance(node.value, str):
            return [("b:str", CALL)]
        if isinstance(node, nodes.JoinedStr):
            return [("b:str", CALL)]
        return []

    # -- slots: what was stored at d["k"] or obj.attr in this code (see flow.Flow.store) ------
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

    def partial_of(self, node: nodes.Call) -> list[Expr] | None:
        """``functools.partial(f, ...)`` (and ``partialmethod``): calling it calls ``f``, so it
        holds ``f``'s values (itsdangerous's tests build serializers from
        ``partial(TimedSerializer, secret_key=...)`` fixtures)."""
        if not node.args or self.outside_function(node.func) not in (
            "functools.partial", "functools.partialmethod"
        ):
            return None
        return self.values(node.args[0])

    def call_op(self, node: nodes.Call) -> str:
        """``()`` or, when the call passes values we follow, ``(KEY N NAMES)``: its N
        positional arguments are bound under ``KEY[0]``.., its keywords under ``KEY['name']``,
        so that the linker can evaluate a function that returns a parameter for this call's
        arguments only (see ``Resolver.call_in_context``)."""
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
            for position, argument in enumerate(node.args):
                values = self.values(argument)
                if values:
                    keyed[item(position)] = values
            for keyword in keywords:
                values = self.values(keyword.value)
                if values and keyword.arg:
                    keyed[item(keyword.arg)] = values
                    names.append(keyword.arg)
            if keyed:
                key = self.new_container(node, [], keyed)[0][2:]
                op = call_with(f"v:{key}", len(node.args), names)
        self.call_ops[id(node)] = op
        return op

    def getattr_values(self, node: nodes.Call) -> list[Expr]:
        """``getattr(obj, "name")`` is ``obj.name``; a computed name is a pattern the linker
        matches against the receiver's members: ``.~visit_*`` for ``"visit_" + kind``, ``.~*``
        when nothing is known of it. The default (third argument) is a value too."""
        receiver = self.values(node.args[0])
        name = node.args[1]
        if isinstance(name, nodes.Const) and isinstance(name.value, str):
            op = attr(name.value)
        else:
            prefix, suffix = name_pattern(name)
            op = attr_pattern(prefix, suffix)
        default = self.values(node.args[2]) if len(node.args) > 2 else []
        return [(*v, op) for v in receiver] + default

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
        results: list[Expr] = []
        for part in text.replace("Optional[", "").replace("]", "").split("|"):
            dotted = part.strip().strip("'\"")
            if not dotted or not all(p.isidentifier() for p in dotted.split(".")):
                continue
            head, *rest = dotted.split(".")
            if head == "None":
                continue
            suffix = (*(attr(p) for p in rest), INSTANCE)
            results.extend((*expr, *suffix) for expr in self.name_value(head, node))
        return results

    def enclosing_class(self, node: nodes.NodeNG) -> nodes.ClassDef | None:
        frame = node.frame()
        while isinstance(frame, nodes.Lambda):
            frame = frame.parent.frame()
        if isinstance(frame, nodes.FunctionDef) and isinstance(frame.parent, nodes.ClassDef):
            return frame.parent
        return None

    # -- walking -----------------------------------------------------------------------
    def assign_qualnames(self, module: nodes.Module) -> None:
        """Name every scope first: lambdas are numbered per enclosing scope in source order.

        Default values, annotations, decorators and class bases are evaluated in the scope
        that holds the definition, so a lambda there belongs to that outer scope.
        """
        self.qualnames[id(module)] = ""
        stack: list[tuple[nodes.NodeNG, str]] = [(module, "")]
        while stack:
            node, prefix = stack.pop()
            pending = []
            for child in node.get_children():
                child_prefix = prefix
                if isinstance(node, (*FUNCTION_SCOPES, nodes.ClassDef)) and _is_outer_part(
                    node, child
                ):
                    child_prefix = self.outer_prefix(prefix)
                if isinstance(child, (nodes.FunctionDef, nodes.ClassDef)):
                    qual = f"{child_prefix}.{child.name}" if child_prefix else child.name
                    self.qualnames[id(child)] = qual
                    pending.append((child, qual))
                    continue
                if isinstance(child, nodes.Lambda):
                    self.lambda_counters[child_prefix] += 1
                    name = f"<lambda{self.lambda_counters[child_prefix]}>"
                    qual = f"{child_prefix}.{name}" if child_prefix else name
                    self.qualnames[id(child)] = qual
                    pending.append((child, qual))
                    continue
                pending.append((child, child_prefix))
            stack.extend(reversed(pending))

    @staticmethod
    def outer_prefix(prefix: str) -> str:
        return prefix.rsplit(".", 1)[0] if "." in prefix else ""

    def run(self, module: nodes.Module, has_lambda: bool = True) -> None:
        """``has_lambda`` False (no ``lambda`` in the text) saves the walk over every node that
        numbering lambdas needs; defs and classes are then named on demand."""
        if has_lambda:
            self.assign_qualnames(module)
        else:
            self.qualnames[id(module)] = ""
        # Star imports are legal at module level only (inside if/try blocks at most).
        self.has_star_import = any(
            any(name == "*" for name, _ in n.names)
            for n in module.nodes_of_class(
                nodes.ImportFrom, skip_klass=(nodes.FunctionDef, nodes.ClassDef, nodes.Lambda)
            )
        )
        self.flow = Flow(module, self.var_key, self.bind, self.bindings)
        self.flow.enter(module)
        for child in module.body:
            self.visit(child)
        for test in self.tests:  # ``pytestmark = pytest.mark.usefixtures(...)``
            for name in self.module_usefixtures:
                root = f"f:{self.module}:{test[1]}|{name}"
                self.calls.append(CallSite(test[0], ((root,),), test[2], implicit=True))
        for qual, names in self.attributes.items():
            owner = self.definitions.get(qual)
            if owner is not None and owner.kind is SymbolKind.CLASS:
                self.definitions[qual] = replace(owner, attributes=tuple(dict.fromkeys(names)))

    def visit(self, node: nodes.NodeNG) -> None:
        if self.flow is not None and self.flow.created and node.is_statement:
            self.flow.before(node)
        handler = getattr(self, f"visit_{type(node).__name__}", None)
        if handler is not None:
            handler(node)
        else:
            self.visit_children(node)

    def visit_children(self, node: nodes.NodeNG) -> None:
        for child in node.get_children():
            self.visit(child)

    def visit_FunctionDef(self, node: nodes.FunctionDef) -> None:
        qual = self.qualname(node)
        parent_scope = node.parent.scope()
        decorators = decorator_names(node)
        bases = {decorator_base(d) for d in decorators}
        is_accessor = any(b.endswith((".setter", ".deleter")) for b in bases)
        is_overload = bool(bases & {"overload", "typing.overload", "typing_extensions.overload"})
        signature = signature_of(node)
        is_method = isinstance(parent_scope, nodes.ClassDef)
        kind = SymbolKind.METHOD if is_method else SymbolKind.FUNCTION
        decorator_exprs = self.visit_decorators(node)
        definition = Definition(
            qualname=qual,
            kind=kind,
            line=node.lineno or 0,
            end_line=node.end_lineno or node.lineno or 0,
            signature=signature,
            decorators=decorators,
            decorator_exprs=decorator_exprs,
            body_hash=body_hash(node.body),
            is_abstract=any(b.endswith("abstractmethod") or b.endswith("abstractproperty")
                            for b in bases),
            not_implemented=_raises_not_implemented(node),
        )
        if is_overload:
            self.overloads[qual].append(definition)
        elif is_accessor:
            self.add_accessor(qual, definition)
        else:
            self.definitions[qual] = definition
            binding: Expr = (f"s:{self.symbol_id(qual)}",)
            if decorator_exprs:
                binding += (DECORATED,)
            self.bind_name(parent_scope, node.name, [binding], node)
        if node.name == "__getattr__" and isinstance(parent_scope, nodes.Module):
            self.has_getattr = True
        self.visit_arguments(node, kind, bases)
        self.wire_pytest(node, bases)
        if node.returns is not None:
            self.bindings[self.var_key(node, "<return>")].extend(
                self.annotation_values(node.returns)
            )
        if self.flow is not None:
            self.flow.enter(node)
        for statement in node.body:
            self.visit(statement)

    visit_AsyncFunctionDef = visit_FunctionDef

    def add_accessor(self, qual: str, accessor: Definition) -> None:
        """``@x.setter``/``@x.deleter``: part of the property ``x``. Its decorator joins the
        property's (a setter removed is a property that can no longer be assigned) and its body
        the property's body hash (a setter's body change is the property's)."""
        owner = self.definitions.get(qual)
        if owner is None:
            return  # no property of that name here: nothing for the accessor to join
        marks = [d for d in accessor.decorators if d.endswith((".setter", ".deleter"))]
        self.definitions[qual] = replace(
            owner,
            decorators=(*owner.decorators, *marks),
            end_line=max(owner.end_line, accessor.end_line),
            body_hash=combine_hashes(owner.body_hash, accessor.body_hash),
        )

    def visit_decorators(self, node: nodes.FunctionDef | nodes.ClassDef) -> tuple[Expr, ...]:
        """Applying a decorator is a call made by the scope that holds the definition."""
        if not node.decorators:
            return ()
        exprs: list[Expr] = []
        argument: tuple[Expr, ...] = ((f"s:{self.symbol_id(self.qualname(node))}",),)
        caller = self.caller_of(node)
        for decorator in reversed(node.decorators.nodes):  # the innermost is applied first
            self.visit(decorator)
            values = tuple(self.values(decorator))
            exprs[:0] = values
            if values:
                self.calls.append(
                    CallSite(caller, values, decorator.lineno or 0, (argument,), decorator=True)
                )
                argument = tuple((*v, CALL) for v in values)
        return tuple(exprs)

    def visit_arguments(
        self, node: nodes.FunctionDef | nodes.Lambda, kind: SymbolKind, decorators: set[str]
    ) -> None:
        args = node.args
        if args.args is None:
            return
        for default in [*args.defaults, *(d for d in args.kw_defaults if d is not None)]:
            self.visit(default)  # runs in the enclosing scope
        positional = list(args.posonlyargs) + list(args.args)
        annotations = list(args.posonlyargs_annotations) + list(args.annotations)
        defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        pairs = list(zip(positional, annotations, defaults, strict=False)) + list(
            zip(args.kwonlyargs, args.kwonlyargs_annotations, args.kw_defaults, strict=False)
        )
        static = bool(decorators & {"staticmethod", "builtins.staticmethod"})
        classmethod = bool(decorators & {"classmethod", "builtins.classmethod"})
        for index, (name_node, annotation, default) in enumerate(pairs):
            key = self.var_key(node, name_node.name)
            if index == 0 and kind is SymbolKind.METHOD and not static:
                owner = f"s:{self.symbol_id(self.qualname(node.parent))}"
                self.bindings[key].append((owner, SUBCLASS_OF if classmethod else INSTANCE))
                continue
            self.bindings[key].extend(self.annotation_values(annotation))
            self.bindings[key].extend(self.values(default))
        if args.kwarg:  # ``**options``: a dict the function may fill and hand on
            self.bindings[self.var_key(node, args.kwarg)].append(self.new_container(node, []))
        if args.vararg and args.varargannotation is not None:
            elements = self.annotation_values(args.varargannotation)
            if elements:
                self.bindings[self.var_key(node, args.vararg)].append(
                    self.new_container(node, elements)
                )

    def wire_pytest(self, node: nodes.FunctionDef, decorators: set[str]) -> None:
        """What pytest passes and runs implicitly (see ``impactgraph.indexer.pytest_model``):
        a parameter of a test or fixture holds the fixture of its name, and the test calls that
        fixture, its ``usefixtures`` and the ``autouse`` fixtures in its scope."""
        fixture = fixture_of(node)
        is_test = fixture is None and is_test_function(node)
        if fixture is None and not is_test:
            return
        owner = node.parent if isinstance(node.parent, nodes.ClassDef) else None
        class_qual = self.qualname(owner) if owner is not None else ""
        caller = self.symbol_id(self.qualname(node))
        line = node.lineno or 0
        if fixture is not None:
            self.fixture_frames[id(node)] = fixture.params
            prefix = f"v:{self.module}:{class_qual}|"
            self.bindings[f"{prefix}<fixture:{fixture.name}>"].append((f"s:{caller}",))
            if fixture.autouse:
                self.bindings[f"{prefix}<autouse>"].append((f"s:{caller}",))
        static = bool(decorators & {"staticmethod", "builtins.staticmethod"})
        given = parametrized(node)
        requested: list[str] = []
        for name in fixture_parameters(node, owner is not None and not static):
            key = self.var_key(node, name)
            if name in given:  # ``@pytest.mark.parametrize``: the listed values
                for value in given[name]:
                    self.bindings[key].extend(self.values(value))
                continue
            # a fixture asking for the one it overrides: looked up past its own module
            lookup = f"^{name}" if fixture is not None and name == fixture.name else name
            self.bindings[key].append((f"f:{self.module}:{class_qual}|{lookup}", FIXTURE_VALUE))
            requested.append(lookup)
        requested += used_fixtures(node)
        if is_test:
            if owner is not None:
                requested += used_fixtures(owner)
            self.tests.append((caller, class_qual, line))
            self.calls.append(
                CallSite(caller, ((f"a:{self.module}:{class_qual}",),), line, implicit=True)
            )
        for name in requested:
            root = f"f:{self.module}:{class_qual}|{name}"
            self.calls.append(CallSite(caller, ((root,),), line, implicit=True))

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
        return f"f:{self.module}:{class_qual}|{node.args[0].value}"

    def visit_Lambda(self, node: nodes.Lambda) -> None:
        qual = self.qualname(node)
        self.definitions[qual] = Definition(
            qualname=qual,
            kind=SymbolKind.FUNCTION,
            line=node.lineno or 0,
            end_line=node.end_lineno or node.lineno or 0,
            signature=signature_of(node),
            body_hash=body_hash([node.body]),
        )
        self.visit_arguments(node, SymbolKind.FUNCTION, set())
        self.bindings[self.var_key(node, "<return>")].extend(self.values(node.body))
        self.visit(node.body)

    def visit_ClassDef(self, node: nodes.ClassDef) -> None:
        qual = self.qualname(node)
        parent_scope = node.parent.scope()
        for base in node.bases:
            self.visit(base)
        base_exprs = tuple(e for base in node.bases for e in self.values(base))
        decorator_exprs = self.visit_decorators(node)
        self.definitions[qual] = Definition(
            qualname=qual,
            kind=SymbolKind.CLASS,
            line=node.lineno or 0,
            end_line=node.end_lineno or node.lineno or 0,
            decorators=decorator_names(node),
            decorator_exprs=decorator_exprs,
            bases=tuple(source(b) or "" for b in node.bases),
            base_exprs=base_exprs,
            body_hash=body_hash(node.body, skip_definitions=True),
        )
        self.bind_name(parent_scope, node.name, [(f"s:{self.symbol_id(qual)}",)], node)
        init = dataclass_init(node)
        if init is not None:
            self.bindings[self.var_key(node, "__init__")].append(
                (f"s:{self.symbol_id(qual)}.__init__",)
            )
            self.definitions[f"{qual}.__init__"] = Definition(
                qualname=f"{qual}.__init__",
                kind=SymbolKind.METHOD,
                line=node.lineno or 0,
                end_line=node.end_lineno or node.lineno or 0,
                signature=init,
                synthetic=True,
            )
        self.class_creation(node)
        if self.flow is not None:
            self.flow.enter(node)
        for statement in node.body:
            self.visit(statement)

    def class_creation(self, node: nodes.ClassDef) -> None:
        """What a class statement and its constructor run implicitly: the metaclass (bound
        under ``<metaclass>``), ``__set_name__`` of the objects its body assigns, and the
        ``field(default_factory=...)`` factories a generated ``__init__`` calls (bound under
        ``<factories>``)."""
        metaclass = getattr(node, "_metaclass", None)  # astroid keeps it out of ``keywords``
        if metaclass is not None:
            self.bindings[self.var_key(node, "<metaclass>")].extend(self.values(metaclass))
        for statement in node.body:
            value = getattr(statement, "value", None)
            if not isinstance(statement, (nodes.Assign, nodes.AnnAssign)) or value is None:
                continue
            if isinstance(value, nodes.Call) and isinstance(
                value.func, (nodes.Name, nodes.Attribute)
            ):
                self.special(statement, [(*v, CALL) for v in self.values(value.func)],
                             ("__set_name__",))
                if (source(value.func) or "").endswith("field"):
                    for keyword in value.keywords or ():
                        if keyword.arg == "default_factory":
                            self.bindings[self.var_key(node, "<factories>")].extend(
                                self.values(keyword.value)
                            )

    # -- statements ----------------------------------------------------------------------
    def bind_target(
        self,
        target: nodes.NodeNG,
        values: list[Expr],
        statement: nodes.NodeNG,
        value_node: nodes.NodeNG | None = None,
    ) -> None:
        """Bind ``values`` to an assignment target; ``value_node`` is the expression assigned to
        this very target when it is known (in ``a, (b, c) = f, (g, h)``)."""
        if isinstance(target, nodes.AssignName):
            scope = self.defining_scope(target.name, target) or target.scope()
            # ``x += ...``, a bare annotation and a walrus (perhaps in a branch of an
            # expression) keep the earlier values
            weak = isinstance(statement, (nodes.AugAssign, nodes.NamedExpr)) or (
                isinstance(statement, nodes.AnnAssign) and statement.value is None
            )
            self.bind_name(scope, target.name, values, target, weak)
            if isinstance(scope, nodes.ClassDef):
                self.attributes[self.qualname(scope)].append(target.name)
            if isinstance(scope, nodes.Module):
                self.module_variable(target.name, statement)
        elif isinstance(target, (nodes.Tuple, nodes.List)):
            if value_node is None and isinstance(statement, nodes.Assign):
                value_node = statement.value
            if isinstance(value_node, (nodes.Tuple, nodes.List)) and len(value_node.elts) == len(
                target.elts
            ):
                for element, element_value in zip(target.elts, value_node.elts, strict=True):
                    self.bind_target(
                        element, self.values(element_value), statement, element_value
                    )
            else:
                starred = any(isinstance(e, nodes.Starred) for e in target.elts)
                for position, element in enumerate(target.elts):
                    op = ELEMENT if starred else item(position)
                    self.bind_target(element, [(*v, op) for v in values], statement)
        elif isinstance(target, nodes.Starred):
            self.bind_target(target.value, values, statement)
        elif isinstance(target, nodes.Subscript):
            self.special_of(target, target.value, "__setitem__")
            # ``handlers["save"] = on_save``: the container gains an element
            objects = tuple(self.values(target.value))
            if objects and values:
                key = self.subscript_op(target.slice)
                self.attribute_stores.append((objects, key, tuple(values)))
            self.visit(target.value)
            self.visit(target.slice)
            self.store_slot(target, values, statement)
        elif isinstance(target, nodes.AssignAttr):
            # a descriptor in the class body: storing calls its ``__set__``
            self.implicit_call(  # a descriptor ``x``'s ``__set__``
                target, self.operand_values(target.expr), descriptor_set(target.attrname)
            )
            owner = self.self_class(target.expr)
            if owner is not None:
                key = f"v:{self.module}:{self.qualname(owner)}|.{target.attrname}"
                self.bindings[key].extend(values)
                self.attributes[self.qualname(owner)].append(target.attrname)
            elif values:
                objects = tuple(self.values(target.expr))
                if objects:
                    self.attribute_stores.append((objects, target.attrname, tuple(values)))
            self.visit(target.expr)
            self.store_slot(target, values, statement)
        else:
            self.visit(target)

    def self_class(self, node: nodes.NodeNG) -> nodes.ClassDef | None:
        """The class when ``node`` is the ``self`` parameter of one of its methods."""
        if not isinstance(node, nodes.Name):
            return None
        frame = node.frame()
        if not isinstance(frame, nodes.FunctionDef) or not isinstance(frame.parent, nodes.ClassDef):
            return None
        first = frame.args.posonlyargs or frame.args.args
        if not first or first[0].name != node.name:
            return None
        if any(decorator_base(d) == "staticmethod" for d in decorator_names(frame)):
            return None
        return frame.parent

    def module_variable(self, name: str, statement: nodes.NodeNG) -> None:
        if name == "__all__":
            self.record_all(statement)
            return
        value = getattr(statement, "value", None)
        if name == "pytest_plugins":
            self.bindings[f"v:{self.module}:|<pytest_plugins>"].extend(
                (f"m:{plugin}",) for plugin in plugin_modules(value)
            )
        elif name == "pytestmark":
            self.module_usefixtures.extend(usefixtures_names(value))
        if name in self.definitions and self.definitions[name].kind is not SymbolKind.VARIABLE:
            return
        self.definitions[name] = Definition(
            qualname=name,
            kind=SymbolKind.VARIABLE,
            line=statement.lineno or 0,
            end_line=statement.end_lineno or statement.lineno or 0,
            value=source(value) if value is not None else None,
            body_hash=body_hash([value]) if value is not None else "",
        )

    def record_all(self, statement: nodes.NodeNG) -> None:
        value = getattr(statement, "value", None)
        if isinstance(value, (nodes.List, nodes.Tuple)):
            names = [
                e.value
                for e in value.elts
                if isinstance(e, nodes.Const) and isinstance(e.value, str)
            ]
            if isinstance(statement, nodes.AugAssign) and self.all_names is not None:
                self.all_names.extend(names)
            else:
                self.all_names = names

    def visit_Assign(self, node: nodes.Assign) -> None:
        self.visit(node.value)
        values = self.values(node.value)
        for target in node.targets:
            self.bind_target(target, values, node)

    def visit_AnnAssign(self, node: nodes.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)
        values = self.values(node.value) + self.annotation_values(node.annotation)
        self.bind_target(node.target, values, node)

    def visit_AugAssign(self, node: nodes.AugAssign) -> None:
        self.visit(node.value)
        self.augmented(node)
        if isinstance(node.target, nodes.Subscript):
            self.special_of(node.target, node.target.value, "__getitem__")
        if isinstance(node.target, nodes.AssignName) and node.target.name == "__all__":
            self.record_all(node)
            return
        self.bind_target(node.target, self.values(node.value), node)

    def visit_NamedExpr(self, node: nodes.NamedExpr) -> None:
        self.visit(node.value)
        self.bind_target(node.target, self.values(node.value), node)

    def iteration(self, iterable: nodes.NodeNG) -> list[Expr]:
        """``for x in obj`` calls ``obj.__iter__()`` and the iterator's ``__next__()``."""
        values = self.values(iterable)
        iterators = tuple((*v, attr("__iter__")) for v in values)
        if iterators:
            caller, line = self.caller_of(iterable), iterable.lineno or 0
            self.calls.append(CallSite(caller, iterators, line, implicit=True))
            self.calls.append(
                CallSite(caller, tuple((*v, CALL, attr("__next__")) for v in iterators), line,
                         implicit=True)
            )
        return [(*v, ELEMENT) for v in values]

    def visit_For(self, node: nodes.For) -> None:
        self.visit(node.iter)
        values = self.iteration(node.iter)
        flow, frame = self.flow, exec_frame(node)
        if flow is None or not flow.active(frame):
            self.bind_target(node.target, values, node)
            for statement in [*node.body, *node.orelse]:
                self.visit(statement)
            return
        phis = flow.loop_head(frame, node)
        head = flow.get(frame)
        self.bind_target(node.target, values, node)
        self.visit_block(node.body)
        breaks = flow.loop_back(frame, phis, head)
        self.visit_block(node.orelse)
        flow.set(frame, join([flow.get(frame), *breaks]))

    def visit_While(self, node: nodes.While) -> None:
        flow, frame = self.flow, exec_frame(node)
        if flow is None or not flow.active(frame):
            self.visit_children(node)
            self.truth(node.test)
            return
        phis = flow.loop_head(frame, node)
        head = flow.get(frame)
        self.visit(node.test)
        self.truth(node.test)
        self.visit_block(node.body)
        breaks = flow.loop_back(frame, phis, head)
        self.visit_block(node.orelse)
        flow.set(frame, join([flow.get(frame), *breaks]))

    def visit_If(self, node: nodes.If) -> None:
        flow, frame = self.flow, exec_frame(node)
        self.visit(node.test)
        self.truth(node.test)  # ``if obj:`` runs ``__bool__`` (see ImplicitCalls)
        entry = flow.get(frame) if flow is not None and flow.active(frame) else None
        self.visit_block(node.body)
        if flow is None or entry is None:
            self.visit_block(node.orelse)
            return
        taken = flow.get(frame)
        flow.set(frame, entry)
        self.visit_block(node.orelse)
        flow.set(frame, join([taken, flow.get(frame)]))

    def visit_Match(self, node: nodes.Match) -> None:
        flow, frame = self.flow, exec_frame(node)
        self.visit(node.subject)
        entry = flow.get(frame) if flow is not None and flow.active(frame) else None
        ends = [entry]  # no case may match
        for case in node.cases:
            if flow is not None and entry is not None:
                flow.set(frame, entry)
            self.visit(case)
            if flow is not None and entry is not None:
                ends.append(flow.get(frame))
        if flow is not None and entry is not None:
            flow.set(frame, join(ends))

    def visit_Break(self, node: nodes.Break) -> None:
        if self.flow is not None:
            self.flow.jump(node)

    visit_Continue = visit_Break

    def visit_block(self, statements: list[nodes.NodeNG]) -> None:
        for statement in statements:
            self.visit(statement)

    def visit_Comprehension(self, node: nodes.Comprehension) -> None:
        self.visit(node.iter)
        self.bind_target(node.target, self.iteration(node.iter), node)
        for condition in node.ifs:
            self.visit(condition)
            self.truth(condition)

    def visit_With(self, node: nodes.With) -> None:
        enter, leave = (
            ("__aenter__", "__aexit__") if isinstance(node, nodes.AsyncWith)
            else ("__enter__", "__exit__")
        )
        for context, alias in node.items:
            self.visit(context)
            managers = self.operand_values(context)
            self.special(context, managers, (enter,))
            self.special(context, managers, (leave,))
            if alias is not None:  # what ``__enter__`` returns, when it is ours
                entered = [(*v, special_op((enter,)), CALL) for v in managers]
                self.bind_target(alias, self.values(context) + entered, node)
        for statement in node.body:
            self.visit(statement)

    visit_AsyncWith = visit_With

    def visit_Try(self, node: nodes.Try) -> None:
        """``try: import fast / except ImportError: <fallback>``: the fallback's bindings are
        marked, so the linker drops them when the code base has the module the try imports."""
        primary = [
            self.import_module_of(statement) for statement in node.body
            if isinstance(statement, (nodes.Import, nodes.ImportFrom))
        ]
        flow, frame = self.flow, exec_frame(node)
        if flow is None or not flow.active(frame):
            flow = None
        entry = flow.get(frame) if flow is not None else None
        if flow is not None:
            flow.watch(frame)
        for statement in node.body:
            self.visit(statement)
        if flow is not None:
            tried = flow.get(frame)
            caught = flow.handler_entry(entry)
            ends = []
        for handler in node.handlers:
            if flow is not None:
                flow.set(frame, caught)
            names = {
                (source(t) or "").rsplit(".", 1)[-1]
                for t in (handler.type.elts if isinstance(handler.type, nodes.Tuple)
                          else [handler.type])
                if t is not None
            }
            fallback = primary and names & {"ImportError", "ModuleNotFoundError"}
            if fallback:
                self.fallback_of.append(primary[0])
            try:
                self.visit(handler)
            finally:
                if fallback:
                    self.fallback_of.pop()
            if flow is not None:
                ends.append(flow.get(frame))
        if flow is None:
            for statement in [*node.orelse, *node.finalbody]:
                self.visit(statement)
            return
        flow.set(frame, tried)
        self.visit_block(node.orelse)
        after = join([flow.get(frame), *ends])
        if node.finalbody:  # runs after every path, an exception's included
            flow.set(frame, join([after, caught]))
            self.visit_block(node.finalbody)
            if after is None:
                flow.set(frame, None)
        else:
            flow.set(frame, after)

    visit_TryStar = visit_Try

    def import_module_of(self, statement: nodes.Import | nodes.ImportFrom) -> str:
        if isinstance(statement, nodes.Import):
            return str(statement.names[0][0])
        if statement.level:
            return resolve_relative(self.module, self.is_package, statement.level,
                                    statement.modname)
        return str(statement.modname)

    def bind_name(
        self,
        scope: nodes.NodeNG,
        name: str,
        values: list[Expr],
        node: nodes.NodeNG,
        weak: bool = False,
    ) -> None:
        """``name`` of ``scope`` is bound at ``node``: the variable gains the values, and so
        does a new version of it when the binding runs in that scope's own code."""
        self.bind(self.var_key(scope, name), values)
        if self.flow is not None and exec_frame(node) is scope:
            self.flow.assign(scope, name, values, weak)

    def bind(self, key: str, values: list[Expr]) -> None:
        """Add values to a binding, marked as fallbacks inside ``except ImportError``."""
        if self.fallback_of:
            marker = unless(self.fallback_of[-1])
            values = [(*v, marker) for v in values]
        self.bindings[key].extend(values)

    def visit_ExceptHandler(self, node: nodes.ExceptHandler) -> None:
        if node.type is not None:
            self.visit(node.type)
        if node.name is not None and node.type is not None:
            types = node.type.elts if isinstance(node.type, nodes.Tuple) else [node.type]
            values = [(*v, INSTANCE) for t in types for v in self.values(t)]
            self.bind_target(node.name, values, node)
        for statement in node.body:
            self.visit(statement)

    def visit_Raise(self, node: nodes.Raise) -> None:
        """``raise Error`` (a class, not an instance) constructs it."""
        self.visit_children(node)
        if isinstance(node.exc, (nodes.Name, nodes.Attribute)):
            classes = tuple((*v, ONLY_CLASS) for v in self.values(node.exc))
            if classes:
                self.calls.append(
                    CallSite(self.caller_of(node), classes, node.lineno or 0, implicit=True)
                )
        if self.flow is not None:
            self.flow.stop(node)

    def visit_Return(self, node: nodes.Return) -> None:
        if node.value is not None:
            self.visit(node.value)
            frame = node.frame()
            values = self.values(node.value)
            self.bindings[self.var_key(frame, "<return>")].extend(values)
            if id(frame) in self.fixture_frames:
                self.bindings[self.var_key(frame, "<fixture>")].extend(values)
        if self.flow is not None:
            self.flow.stop(node)

    def visit_Yield(self, node: nodes.Yield) -> None:
        if node.value is None:
            return
        self.visit(node.value)
        frame = node.frame()
        values = self.values(node.value)
        container = self.new_container(node, values)
        self.bindings[self.var_key(frame, "<return>")].append(container)
        if id(frame) in self.fixture_frames:  # a yield fixture gives tests what it yields
            self.bindings[self.var_key(frame, "<fixture>")].extend(values)

    def visit_Import(self, node: nodes.Import) -> None:
        scope = node.scope()
        for name, alias in node.names:
            bound = alias or name.split(".", 1)[0]
            target = name if alias else name.split(".", 1)[0]
            self.add_import(node, scope, bound, name, False)
            self.bind_name(scope, bound, [(f"m:{target}",)], node)

    def visit_ImportFrom(self, node: nodes.ImportFrom) -> None:
        scope = node.scope()
        base = (
            resolve_relative(self.module, self.is_package, node.level, node.modname)
            if node.level
            else node.modname
        )
        for name, alias in node.names:
            if name == "*":
                self.add_import(node, scope, "*", base, True)
                self.bindings[self.var_key(scope, "*")].append((f"m:{base}",))
                continue
            target = f"{base}.{name}" if base else name
            bound = alias or name
            self.add_import(node, scope, bound, target, True)
            # the module ``base`` (an import path), then its attribute ``name``
            value: Expr = (f"m:{base}", attr(name)) if base else (f"m:{name}",)
            self.bind_name(scope, bound, [value], node)

    def add_import(
        self, node: nodes.NodeNG, scope: nodes.NodeNG, bound: str, target: str, is_from: bool
    ) -> None:
        self.imports.append(
            ImportBinding(
                name=bound,
                target=target,
                line=node.lineno or 0,
                scope=self.symbol_id(self.qualname(scope)),
                is_from=is_from,
                type_checking=under_type_checking(node),
            )
        )

    # -- expressions ---------------------------------------------------------------------
    def visit_Call(self, node: nodes.Call) -> None:
        func = node.func
        # The callee's own sub-expressions (``a().b``) are visited, the callee itself is not
        # a reference: the call site records it.
        if isinstance(func, nodes.Attribute):
            self.visit(func.expr)
        elif not isinstance(func, nodes.Name):
            self.visit(func)
        for argument in node.args:
            self.visit(argument)
        for keyword in node.keywords or ():
            self.visit(keyword.value)
        callee = tuple(self.values(func))
        args = tuple(
            tuple(self.values(a)) for a in node.args if not isinstance(a, nodes.Starred)
        )
        kwargs = tuple(
            (k.arg, tuple(self.values(k.value))) for k in node.keywords or () if k.arg
        )
        star = any(isinstance(a, nodes.Starred) for a in node.args) or any(
            k.arg is None for k in node.keywords or ()
        )
        # what ``*args`` / ``**options`` unpack, under a name no parameter has: the values
        # are handed over (outside code may call them back) without binding a parameter
        spread = tuple(
            (*v, "[]")
            for part in [*(a.value for a in node.args if isinstance(a, nodes.Starred)),
                         *(k.value for k in node.keywords or () if k.arg is None)]
            for v in self.values(part)
        )
        if spread:
            kwargs = (*kwargs, ("**", spread))
        if isinstance(func, nodes.Attribute) and func.attrname in CONTAINER_ADDERS:
            self.container_addition(func, node)
            if func.attrname == "update" and len(node.args) == 1 and not node.keywords:
                self.update_slots(func.expr, node.args[0])
        if (
            isinstance(func, nodes.Name) and func.name == "setattr" and len(node.args) == 3
            and isinstance(node.args[1], nodes.Const) and isinstance(node.args[1].value, str)
            and self.defining_scope("setattr", node) is None
        ):  # ``setattr(obj, "name", value)`` is ``obj.name = value``
            objects, values = tuple(self.values(node.args[0])), tuple(self.values(node.args[2]))
            if objects and values:
                self.attribute_stores.append((objects, node.args[1].value, values))
        # ``@factory(arg)``: the factory call is part of applying the decorator
        decorator = isinstance(node.parent, nodes.Decorators)
        self.calls.append(
            CallSite(self.caller_of(node), callee, node.lineno or 0, args, kwargs,
                     decorator=decorator, star=star)
        )
        self.implicit_builtin_call(node)
        requested = self.requested_fixture(node)
        if requested is not None:  # ``request.getfixturevalue("x")`` runs fixture x
            self.calls.append(
                CallSite(self.caller_of(node), ((requested,),), node.lineno or 0, implicit=True)
            )

    def container_addition(self, func: nodes.Attribute, node: nodes.Call) -> None:
        """``handlers.append(f)``, ``registry.update({...})``: the container gains elements."""
        objects = tuple(self.values(func.expr))
        if not objects or not node.args:
            return
        name = func.attrname
        argument = node.args[-1] if name in ("insert", "setdefault") else node.args[0]
        values = self.values(argument)
        if name in ("extend", "update"):
            values = [(*v, ELEMENT) for v in values]
            if name == "update" and isinstance(argument, nodes.Dict):
                for key, value in argument.items:
                    if isinstance(key, nodes.Const) and isinstance(key.value, (str, int)):
                        self.attribute_stores.append(
                            (objects, item(key.value), tuple(self.values(value)))
                        )
        if values:
            self.attribute_stores.append((objects, ELEMENT, tuple(values)))

    def visit_Const(self, node: nodes.Const) -> None:
        """A string that reads like code calling a name (``"Macro(environment, "``): code that
        generates Python source (jinja2's compiler) calls our classes and functions from the
        code it ``exec``s. Recorded as an implicit call of ``g:NAME``, which the linker binds to
        the code base's module-level classes and functions of that name when some code runs
        ``exec``/``eval``. Docstrings and other lone string statements are not code."""
        if not isinstance(node.value, str) or "(" not in node.value:
            return
        statement = node.parent.parent if isinstance(node.parent, nodes.JoinedStr) else node.parent
        if isinstance(statement, nodes.Expr):
            return
        names = dict.fromkeys(m.group(1) for m in GENERATED_CALL.finditer(node.value))
        for name in names:
            if name in BUILTIN_NAMES or name.isdigit():
                continue
            self.calls.append(CallSite(self.caller_of(node), ((f"g:{name}",),),
                                       node.lineno or 0, implicit=True))

    def visit_Name(self, node: nodes.Name) -> None:
        scope = self.defining_scope(node.name, node)
        self.slot_use(node, scope)
        # A parameter of a function is never a reference of its own; other locals may hold a
        # function or class, which the linker finds out.
        if isinstance(scope, FUNCTION_SCOPES) and node.name in scope.argnames():
            return
        self.add_reference(node)

    def visit_Attribute(self, node: nodes.Attribute) -> None:
        self.add_reference(node)
        inner = node.expr
        while isinstance(inner, nodes.Attribute):
            inner = inner.expr
        if not isinstance(inner, nodes.Name):
            self.visit(inner)

    def add_reference(self, node: nodes.NodeNG) -> None:
        values = tuple(self.values(node))
        if not values:
            return
        scope = self.caller_of(node)
        key = (scope, values)
        if key not in self.references:
            self.references[key] = Reference(scope, values, node.lineno or 0)


def name_pattern(node: nodes.NodeNG) -> tuple[str, str]:
    """The constant prefix and suffix around the unknown part of a computed name:
    ``"visit_" + kind``, ``f"do_{cmd}"``, ``"on_%s" % x``, ``"get_{}".format(x)``."""
    parts: list[str | None] = []  # constants, None for an unknown part

    def flatten(part: nodes.NodeNG) -> None:
        if isinstance(part, nodes.Const) and isinstance(part.value, str):
            parts.append(part.value)
        elif isinstance(part, nodes.BinOp) and part.op == "+":
            flatten(part.left)
            flatten(part.right)
        elif isinstance(part, nodes.JoinedStr):
            for value in part.values:
                flatten(value)
        elif (
            isinstance(part, nodes.BinOp) and part.op == "%"
            and isinstance(part.left, nodes.Const) and isinstance(part.left.value, str)
        ):
            _template(part.left.value, "%", parts)
        elif (
            isinstance(part, nodes.Call) and isinstance(part.func, nodes.Attribute)
            and part.func.attrname == "format" and isinstance(part.func.expr, nodes.Const)
            and isinstance(part.func.expr.value, str)
        ):
            _template(part.func.expr.value, "{", parts)
        else:
            parts.append(None)

    flatten(node)
    prefix, suffix = "", ""
    while parts and parts[0] is not None:
        prefix += str(parts.pop(0))
    while parts and parts[-1] is not None:
        suffix = str(parts.pop()) + suffix
    return prefix, suffix


def _template(text: str, marker: str, parts: list[str | None]) -> None:
    """``"on_%s_x"`` -> "on_", None, "_x" (the text before the first placeholder and after
    the last one are the constant parts; everything between is unknown)."""
    first = text.find(marker)
    if first < 0:
        parts.append(text)
        return
    if marker == "{":
        last = text.rfind("}") + 1
    else:  # past the conversion letter of the last ``%`` placeholder
        last = text.rfind("%") + 1
        while last < len(text) and not text[last].isalpha():
            last += 1
        last += 1
    parts.extend([text[:first], None, text[last:] if last > first else ""])


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


def _is_outer_part(definition: nodes.NodeNG, child: nodes.NodeNG) -> bool:
    """Is ``child`` a part of ``definition`` that is evaluated outside its body?"""
    if isinstance(child, (nodes.Arguments, nodes.Decorators)):
        return True
    if isinstance(definition, nodes.FunctionDef) and child is definition.returns:
        return True
    if isinstance(definition, nodes.ClassDef):
        return child in definition.bases or child in (definition.keywords or ())
    return False


def under_type_checking(node: nodes.NodeNG) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.If):
            test = parent.test
            name = test.name if isinstance(test, nodes.Name) else getattr(test, "attrname", None)
            if name == "TYPE_CHECKING":
                return True
        parent = parent.parent
    return False


def _raises_not_implemented(node: nodes.FunctionDef) -> bool:
    """The body (after a docstring) is ``raise NotImplementedError`` or ``...(message)``."""
    body = [s for s in node.body
            if not (isinstance(s, nodes.Expr) and isinstance(s.value, nodes.Const))]
    if len(body) != 1 or not isinstance(body[0], nodes.Raise):
        return False
    exc = body[0].exc
    if isinstance(exc, nodes.Call):
        exc = exc.func
    return isinstance(exc, nodes.Name) and exc.name == "NotImplementedError"
