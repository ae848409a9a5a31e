"""The statements and expressions ``FileIndexer`` visits.

Assignments bind variables, instance attributes, slots and module globals (``bind_target``);
loops, branches, ``match``, ``with`` and ``try`` go through the flow-sensitive locals
(``impactgraph.indexer.flow``); imports become ``ImportBinding``s; calls, names, attributes
and strings of generated code become call sites and references. ``FileIndexer``
(``impactgraph.indexer.file_indexer``) adds the walk itself and the definitions (functions,
classes, lambdas, pytest's wiring).
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from astroid import nodes

from impactgraph.expressions import (
    CALL,
    ELEMENT,
    INSTANCE,
    ONLY_CLASS,
    attr,
    descriptor_set,
    generated_root,
    item,
    module_root,
    unless,
)
from impactgraph.expressions import special as special_op
from impactgraph.indexer.evaluate import Evaluator
from impactgraph.indexer.flow import exec_frame, join
from impactgraph.indexer.guards import Guards
from impactgraph.indexer.implicit import ImplicitCalls
from impactgraph.indexer.plain import IMPORT_ERRORS
from impactgraph.indexer.programs import program_of
from impactgraph.indexer.pytest_model import (
    plugin_modules,
    usefixtures_names,
)
from impactgraph.indexer.scopes import BUILTIN_NAMES, FUNCTION_SCOPES, resolve_relative
from impactgraph.indexer.signatures import (
    body_hash,
    decorator_base,
    decorator_names,
    source,
)
from impactgraph.indexer.source_strings import SourceCode, source_code
from impactgraph.indexer.tolerant import named_access
from impactgraph.model import (
    CallSite,
    Definition,
    Expr,
    ImportBinding,
    Reference,
    Spread,
    SymbolKind,
)

# ``pkg.mod.name`` or ``pkg.mod:name.attr``: identifiers joined by dots, at most one colon
# What a block expecting an exception catches a TypeError by (``CallSite.raises_expected``)
CATCHES_TYPE_ERROR = frozenset({"TypeError", "Exception", "BaseException"})


# What Python's message says of a call that does not bind its function's signature
# (``missing 1 required positional argument: 'y'``, ``got an unexpected keyword argument``,
# ``takes 2 positional arguments but 3 were given``, ``got multiple values for argument``)
BINDING_ERROR_WORDS = ("required positional argument", "required keyword-only argument",
                       "unexpected keyword argument", "positional arguments but",
                       "positional argument but", "multiple values for argument",
                       "positional-only arguments passed as keyword")


def _binding_error_pattern(value: nodes.NodeNG) -> bool:
    """Is ``value`` (a ``match=`` pattern) a string constant holding Python's words for a call
    that does not bind? A test written so expects the call to fail binding, as a test with no
    pattern may (scikit-learn 1.6's ``test_stratified_splitter_without_y``, ansible-core
    2.18's ``test_negative_listify_lookup_plugin_terms``)."""
    if isinstance(value, nodes.Name):  # ``msg = "..."`` once in the test, then ``match=msg``
        _, assigned = value.lookup(value.name)
        if len(assigned) != 1 or not isinstance(assigned[0], nodes.AssignName) \
                or not isinstance(assigned[0].parent, nodes.Assign):
            return False
        value = assigned[0].parent.value
    return isinstance(value, nodes.Const) and isinstance(value.value, str) and any(
        words in value.value for words in BINDING_ERROR_WORDS)


def expects_type_error(context: nodes.NodeNG) -> bool:
    """Is this ``with`` item ``pytest.raises(TypeError)`` (``raises`` imported from pytest too)
    or ``self.assertRaises(TypeError)``, a base of TypeError or a tuple holding one in its
    place, with no pattern the message must match but Python's own for a call that does not
    bind (``_binding_error_pattern``)?"""
    if not isinstance(context, nodes.Call) or not context.args:
        return False
    func = context.func
    if isinstance(func, nodes.Attribute):
        receiver = func.expr.name if isinstance(func.expr, nodes.Name) else None
        if (func.attrname, receiver) not in (("raises", "pytest"), ("assertRaises", "self")):
            return False
    elif not isinstance(func, nodes.Name) or func.name != "raises":
        return False
    if any(keyword.arg is None or (keyword.arg == "match" and not _binding_error_pattern(
            keyword.value)) for keyword in context.keywords or ()):
        # a pattern (or ``**kwargs`` that may hold one): Python's message differs, unless the
        # pattern is Python's own for a call that does not bind
        return False
    expected = context.args[0]
    types = expected.elts if isinstance(expected, nodes.Tuple) else [expected]
    return any(
        (t.name if isinstance(t, nodes.Name) else t.attrname if isinstance(t, nodes.Attribute)
         else None) in CATCHES_TYPE_ERROR for t in types)


def _calls_in(statements: list[nodes.NodeNG]) -> list[nodes.Call]:
    """The calls written in ``statements``, those of functions, lambdas and classes defined
    there left out (they run in their own frame, if ever)."""
    skip = (nodes.FunctionDef, nodes.AsyncFunctionDef, nodes.Lambda, nodes.ClassDef)
    return [call for statement in statements if not isinstance(statement, skip)
            for call in statement.nodes_of_class(nodes.Call, skip_klass=skip)]


DOTTED_PATH = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?::[A-Za-z_]\w*|\.[A-Za-z_]\w*)"
                         r"(?:\.[A-Za-z_]\w*)*")
# ``Macro(environment, ...`` in a string: a call in source code the program generates;
# ``def hook(item):`` or ``class Plugin(Base):`` there defines the name, it calls nothing
GENERATED_CALL = re.compile(r"(?<![\w.])(?<!def )(?<!class )([A-Za-z_][A-Za-z0-9_]*)\(")
# ``context.cache._get(`` in such a string: a method call on an object of the generated code
GENERATED_METHOD_CALL = re.compile(r"(?<=[\w)\]])\.([A-Za-z_][A-Za-z0-9_]*)\(")
# methods that add elements to a list, set or dict
CONTAINER_ADDERS = frozenset(
    {"append", "add", "insert", "extend", "update", "setdefault", "appendleft", "extendleft"}
)


class Statements(Evaluator, ImplicitCalls):
    """Visitor methods for statements and expressions (and the bindings they make)."""

    if TYPE_CHECKING:  # FileIndexer's walk
        def visit(self, node: nodes.NodeNG) -> None: ...
        def visit_children(self, node: nodes.NodeNG) -> None: ...

    # -- statements ------------------------------------------------------------------------
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
                if value_node is None and isinstance(statement, (nodes.Assign, nodes.AnnAssign)) \
                        and (target in statement.targets if isinstance(statement, nodes.Assign)
                             else target is statement.target):
                    value_node = statement.value
                if isinstance(value_node, nodes.Const) and not isinstance(value_node.value, str):
                    # ``suppress = False``: the body binds the name, though to no value kept
                    self.class_literals.add(self.var_key(scope, target.name))
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
                (module_root(plugin),) for plugin in plugin_modules(value)
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
        """``__all__ = ...`` or ``__all__ += ...``, read as ``indexer/api_ast.py`` reads it:
        the value printed back to source and parsed by ``ast`` (``indexer/all_names.py``)."""
        value = _as_ast(getattr(statement, "value", None))
        if isinstance(statement, nodes.AugAssign):
            if value is not None:
                self.all_names.extend(value, self.imports)
        else:
            self.all_names.assign(value, self.imports)

    def visit_Expr(self, node: nodes.Expr) -> None:
        """``__all__.extend(...)`` / ``__all__.append(...)`` at module level extend
        ``__all__`` (the API indexer, which may not walk expressions, visits statements)."""
        call = node.value
        if (isinstance(call, nodes.Call) and isinstance(call.func, nodes.Attribute)
                and isinstance(call.func.expr, nodes.Name) and call.func.expr.name == "__all__"
                and isinstance(node.scope(), nodes.Module)):
            value = _as_ast(call)
            if value is not None:
                self.all_names.call(value, self.imports)
        self.visit_children(node)

    def visit_Assign(self, node: nodes.Assign) -> None:
        self.visit(node.value)
        values = self.values(node.value)
        for target in node.targets:
            self.bind_target(target, values + self.declared_values(target), node)

    def declared_values(self, target: nodes.NodeNG) -> list[Expr]:
        """What the annotation of a name declared elsewhere in its scope describes
        (``environ: Optional[Dict[str, str]] = None`` ... ``environ = os.environ.copy()``:
        a dict, though what an outside function returns is unknown): a checked program
        assigns it nothing else."""
        if not isinstance(target, nodes.AssignName):
            return []
        scope = self.defining_scope(target.name, target) or target.scope()
        for binding in scope.locals.get(target.name, ()):
            parent = binding.parent
            if isinstance(parent, nodes.AnnAssign) and parent.target is binding:
                return self.annotation_values(parent.annotation)
        return []

    def visit_AnnAssign(self, node: nodes.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)
        if isinstance(node.scope(), (nodes.Module, nodes.ClassDef)):
            self.evaluated_annotations(node.annotation)  # a function's own are never run
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

    def mark_iterated(self, iterable: nodes.NodeNG, is_async: bool) -> None:
        """Mark a call that a loop or comprehension iterates (``CallSite.iterated``)."""
        index = self.call_sites.get(id(iterable)) if isinstance(iterable, nodes.Call) else None
        if index is not None:
            self.calls[index] = replace(self.calls[index], iterated=2 if is_async else 1)

    def visit_Await(self, node: nodes.Await) -> None:
        """``await f()``: the call's result is awaited (``CallSite.awaited``)."""
        super().visit_Await(node)
        value = node.value
        index = self.call_sites.get(id(value)) if isinstance(value, nodes.Call) else None
        if index is not None:
            self.calls[index] = replace(self.calls[index], awaited=True)

    def visit_For(self, node: nodes.For) -> None:
        self.visit(node.iter)
        self.mark_iterated(node.iter, isinstance(node, nodes.AsyncFor))
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
        self.mark_iterated(node.iter, bool(node.is_async))
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
            index = self.call_sites.get(id(context)) if isinstance(context, nodes.Call) else None
            if index is not None:
                self.calls[index] = replace(
                    self.calls[index], entered=2 if isinstance(node, nodes.AsyncWith) else 1)
            managers = self.operand_values(context)
            self.special(context, managers, (enter,))
            self.special(context, managers, (leave,))
            if alias is not None:  # what ``__enter__`` returns, when it is ours
                entered = [(*v, special_op((enter,)), CALL) for v in managers]
                self.bind_target(alias, self.values(context) + entered, node)
        start = len(self.calls)
        for statement in node.body:
            self.visit(statement)
        if any(expects_type_error(context) for context, _ in node.items):
            caller = self.caller_of(node)
            for index in range(start, len(self.calls)):
                if self.calls[index].scope == caller:
                    self.calls[index] = replace(self.calls[index], raises_expected=True)

    visit_AsyncWith = visit_With

    def visit_Try(self, node: nodes.Try) -> None:
        """``try: import fast / except ImportError: <fallback>``: the fallback's bindings are
        marked, so the linker drops them when the code base has the module the try imports."""
        imports = [s for s in node.body if isinstance(s, (nodes.Import, nodes.ImportFrom))]
        primary = [self.import_module_of(statement) for statement in imports]
        rebound = rebound_on_import_error(node.handlers)
        if rebound:
            for statement in imports:
                self.guarded_imports[id(statement)] = rebound
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
            if "TypeError" in names:
                self.mark_retries(node.body, handler.body)
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

    def mark_retries(self, tried: list[nodes.NodeNG], handler: list[nodes.NodeNG]) -> None:
        """Each call of an ``except TypeError`` handler whose callee, as written, the ``try``
        body calls too is ``retried``."""
        callees = {source(call.func) for call in _calls_in(tried)} - {None, ""}
        for call in _calls_in(handler):
            index = self.call_sites.get(id(call))
            if index is not None and source(call.func) in callees:
                self.calls[index] = replace(self.calls[index], retried=True)

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
            guard = self.return_guard(node, frame) if values else None
            if guard is None:
                self.bindings[self.var_key(frame, "<return>")].extend(values)
            else:
                # bound under a key of its own, which the linker drops for a call whose
                # arguments make the guard false (``indexer/guards.py``)
                key = self.var_key(frame, f"<g{len(self.return_guards)}>")
                self.bindings[key].extend(values)
                self.bindings[self.var_key(frame, "<return>")].append((key,))
                self.return_guards.append((key, guard))
            if id(frame) in self.fixture_frames:
                self.bindings[self.var_key(frame, "<fixture>")].extend(values)
        if self.flow is not None:
            self.flow.stop(node)

    def return_guard(self, node: nodes.Return, frame: nodes.NodeNG) -> tuple[str, ...] | None:
        if not isinstance(frame, nodes.FunctionDef):
            return None
        guards = self.guards.get(id(frame))
        if guards is None:
            guards = self.guards[id(frame)] = Guards(frame, self.shared_of(frame.root()))
        return guards.of(node)

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

    def visit_YieldFrom(self, node: nodes.YieldFrom) -> None:
        """``yield from it`` yields the elements of ``it`` (and iterates it: its __iter__)."""
        self.visit(node.value)
        frame = node.frame()
        values = self.iteration(node.value)
        self.bindings[self.var_key(frame, "<return>")].append(self.new_container(node, values))
        if id(frame) in self.fixture_frames:
            self.bindings[self.var_key(frame, "<fixture>")].extend(values)

    def import_scope(self, bound: str, node: nodes.NodeNG) -> nodes.NodeNG:
        """The scope an import statement binds ``bound`` in: the module's, for a name the
        function declares ``global`` (cerberus' ``get_Validator_class``: ``global Validator``,
        then ``from cerberus.validator import Validator``, then ``return Validator``)."""
        scope = node.scope()
        if bound not in scope.locals and isinstance(scope, FUNCTION_SCOPES):
            return self.defining_scope(bound, node) or scope
        return scope

    def visit_Import(self, node: nodes.Import) -> None:
        for name, alias in node.names:
            bound = alias or name.split(".", 1)[0]
            target = name if alias else name.split(".", 1)[0]
            scope = self.import_scope(bound, node)
            self.add_import(node, scope, bound, name, False)
            self.bind_name(scope, bound, [(module_root(target),)], node)

    def visit_ImportFrom(self, node: nodes.ImportFrom) -> None:
        base = (
            resolve_relative(self.module, self.is_package, node.level, node.modname)
            if node.level
            else node.modname
        )
        for name, alias in node.names:
            scope = self.import_scope(alias or name, node)
            if name == "*":
                self.add_import(node, scope, "*", base, True)
                self.bindings[self.var_key(scope, "*")].append((module_root(base),))
                continue
            target = f"{base}.{name}" if base else name
            bound = alias or name
            self.add_import(node, scope, bound, target, True)
            # the module ``base`` (an import path), then its attribute ``name``
            value: Expr = (module_root(base), attr(name)) if base else (module_root(name),)
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
                guarded=bound in self.guarded_imports.get(id(node), ()),
            )
        )

    # -- expressions -----------------------------------------------------------------------
    def visit_call_parts(self, node: nodes.Call) -> None:
        """The callee's own sub-expressions (``a().b``) and the arguments; the callee itself
        is not a reference: the call site records it."""
        func = node.func
        if isinstance(func, nodes.Attribute):
            self.visit(func.expr)
        elif not isinstance(func, nodes.Name):
            self.visit(func)
        for argument in node.args:
            self.visit(argument)
        for keyword in node.keywords or ():
            self.visit(keyword.value)

    def visit_Call(self, node: nodes.Call) -> None:
        self.visit_call_parts(node)
        func = node.func
        callee = tuple(self.values(func))
        args = tuple(
            tuple(self.values(a)) for a in node.args if not isinstance(a, nodes.Starred)
        )
        kwargs = tuple(
            (k.arg, tuple(self.values(k.value))) for k in node.keywords or () if k.arg
        )
        unpacks = (1 if any(isinstance(a, nodes.Starred) for a in node.args) else 0) | (
            2 if any(k.arg is None for k in node.keywords or ()) else 0
        )
        star = bool(unpacks)
        # what ``*args`` / ``**options`` unpack, under a name no parameter has: the values
        # are handed over (outside code may call them back) without binding a parameter
        spread = tuple(
            (*v, ELEMENT)
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
        self.record_wrapping(node)
        self.named_access(node)
        self.namespace_read(node)
        # ``@factory(arg)``: the factory call is part of applying the decorator
        decorator = isinstance(node.parent, nodes.Decorators)
        spreads = tuple(self.spread(a.value) for a in node.args if isinstance(a, nodes.Starred))
        self.call_sites[id(node)] = len(self.calls)
        self.calls.append(
            CallSite(self.caller_of(node), callee, node.lineno or 0, args, kwargs,
                     decorator=decorator, star=star, program=program_of(node),
                     unpacks=unpacks, spreads=spreads)
        )
        self.implicit_builtin_call(node)
        requested = self.requested_fixture(node)
        if requested is not None:  # ``request.getfixturevalue("x")`` runs fixture x
            self.calls.append(
                CallSite(self.caller_of(node), ((requested,),), node.lineno or 0, implicit=True)
            )

    def spread(self, value: nodes.NodeNG) -> Spread:
        """What the file tells of the length of a ``*value`` a call unpacks: a literal's, or
        the call (its site, visited already as an argument) whose result it is."""
        if isinstance(value, (nodes.Tuple, nodes.List)) and not any(
                isinstance(e, nodes.Starred) for e in value.elts):
            return Spread(length=len(value.elts))
        if isinstance(value, nodes.Call):
            return Spread(call=self.call_sites.get(id(value)))
        return Spread()

    def container_addition(self, func: nodes.Attribute, node: nodes.Call) -> None:
        """``handlers.append(f)``, ``registry.update({...})``: the container gains elements."""
        objects = tuple(self.values(func.expr))
        if not objects or not node.args:
            return
        name = func.attrname
        argument = node.args[-1] if name in ("insert", "setdefault") else node.args[0]
        values = self.values(argument)
        if name in ("extend", "update", "extendleft"):
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
        ``exec``/``eval``; a method call (``"context.cache._get(key"``) as an implicit call of
        ``g:`` (an object of the generated code) ``.NAME``. Docstrings and other lone string
        statements are not code."""
        if not isinstance(node.value, str):
            return
        statement = node.parent.parent if isinstance(node.parent, nodes.JoinedStr) else node.parent
        if isinstance(statement, nodes.Expr):
            return
        code = source_code(_whole_lines(node))
        if code is not None:
            self.source_in_string(node, code)
        if DOTTED_PATH.fullmatch(node.value):
            self.dotted_reference(node)
        if "(" not in node.value:
            return
        names = dict.fromkeys(m.group(1) for m in GENERATED_CALL.finditer(node.value))
        for name in names:
            if name in BUILTIN_NAMES or name.isdigit():
                continue
            self.calls.append(CallSite(self.caller_of(node), ((generated_root(name),),),
                                       node.lineno or 0, implicit=True))
        # ``"context.cache._get_or_make(key, ..."``: the generated code calls a method of that
        # name on an object it gets at run time (an argument, an attribute): the call of an
        # unknown object's ``name``, which the linker keeps as an unresolved call asking for
        # that name (``select_tests._unresolved_by_name``)
        methods = dict.fromkeys(m.group(1) for m in GENERATED_METHOD_CALL.finditer(node.value))
        for name in methods:
            self.calls.append(CallSite(self.caller_of(node), ((generated_root(""), attr(name)),),
                                       node.lineno or 0, implicit=True))

    def source_in_string(self, node: nodes.Const, code: SourceCode) -> None:
        """A string of Python source that imports modules (``"from dotenv import load_dotenv\n
        load_dotenv()"``), which the code holding it writes to a file to import or run, or
        hands to a program: its imports are that code's, and so are its calls of what they
        bind (python-dotenv's tests/test_zip_imports.py imports its code from a zip it
        builds). Recorded for the scope holding the string, the calls as implicit ones; no
        name is bound there (the string's names are its own)."""
        caller = self.caller_of(node)
        line = node.lineno or 0
        for found in code.imports:
            self.imports.append(ImportBinding(name=found.bound, target=found.target, line=line,
                                              scope=caller, is_from=found.is_from))
        for callee in code.calls:
            self.calls.append(CallSite(
                caller, ((module_root(callee[0]), *(attr(a) for a in callee[1:])),), line,
                implicit=True))

    def dotted_reference(self, node: nodes.Const) -> None:
        """A string that spells the path of a definition (``"pkg.plugins.notes.notes"``, an
        entry point's ``"pkg.mod:func"``, ``mock.patch("pkg.mod.func")``) names it for code
        that imports the module and reads the name at run time (``import_module`` and
        ``getattr``, ``importlib.metadata`` entry points, ``mock.patch``): a reference to it.
        The module is whichever prefix is one of ours: each split is a candidate the linker
        resolves, and one that names nothing of ours links nothing."""
        text = str(node.value)
        # the target of a test double (``mock.patch("pkg.mod.func")``): replaced, not called
        by_name = not names_a_patch_target(node)
        module, colon, rest = text.partition(":")
        if colon:
            splits = [(module, rest.split("."))]
        else:
            parts = text.split(".")
            splits = [(".".join(parts[:end]), parts[end:]) for end in range(1, len(parts))]
        values = tuple((module_root(m), *(attr(p) for p in names)) for m, names in splits)
        line = node.lineno or 0
        for scope in self.holders(node):
            main = self.in_main_block(scope, line)
            key = (scope, values, main)
            if key not in self.references:
                self.references[key] = Reference(scope, values, line, by_name=by_name,
                                                 main=main)

    def holders(self, node: nodes.NodeNG) -> list[str]:
        """Who holds a value written at ``node``: the module-level variables its assignment
        sets (``PLUGINS = {"notes": "pkg.notes.notes"}``: the code that reads ``PLUGINS``
        uses it, not the module), else the function or module whose code runs it."""
        scope = self.caller_of(node)
        statement = node.statement()
        if scope != self.module or not isinstance(statement.parent, nodes.Module):
            return [scope]
        if isinstance(statement, nodes.Assign):
            targets = statement.targets
        elif isinstance(statement, nodes.AnnAssign):
            targets = [statement.target]
        else:
            return [scope]
        names = [self.symbol_id(t.name) for t in targets if isinstance(t, nodes.AssignName)]
        return names or [scope]

    def namespace_read(self, node: nodes.Call) -> None:
        """``globals()`` (or ``vars()``, ``locals()``) in the value of a module-level
        assignment reads the module's names by computed name: h11 0.14.0's ``_abnf.py`` makes
        its patterns with ``r"{field_vchar}+".format(**globals())``. Every name the module
        binds is something the assigned variables may be made from (``Reference.held``: the
        linker keeps the module-level variables among them)."""
        func = node.func
        if (not isinstance(func, nodes.Name) or func.name not in _NAMESPACE_READERS
                or node.args or node.keywords or self.defining_scope(func.name, node) is not None
                or self.caller_of(node) != self.module):
            return
        holders = [h for h in self.holders(node) if h != self.module]
        if not holders:
            return
        module, start = node.root(), node.statement().fromlineno or 0
        values = tuple(  # the names bound above it (the assigned ones are not yet)
            (self.var_key(module, name),) for name, bound in sorted(module.locals.items())
            if not (name.startswith("__") and name.endswith("__"))
            and any((b.lineno or start) < start for b in bound))
        line = node.lineno or 0
        for holder in holders:
            key = (holder, values, False)
            if values and key not in self.references:
                self.references[key] = Reference(holder, values, line, held=True)

    def definition_holder(self, node: nodes.NodeNG) -> list[str]:
        """The definition whose value a read at import time is part of: the function whose
        default or decorator it is in (``def f(x=LIMIT)``, ``@lru_cache(maxsize=SIZE)``: a
        call of ``f`` runs with that value), else the class whose body, decorator or base it
        is in (``timeout: int = TIMEOUT``, a dataclass field's default). Its annotations are
        no part of its value."""
        child, parent = node, node.parent
        while parent is not None and not isinstance(parent, nodes.Module):
            if isinstance(parent, nodes.Arguments):
                if not any(child is d for d in (*parent.defaults, *parent.kw_defaults)):
                    return []
            elif isinstance(parent, nodes.FunctionDef):
                if isinstance(child, (nodes.Arguments, nodes.Decorators)):
                    return [self.symbol_id(self.qualname(parent))]
                return []  # its body or return annotation
            elif isinstance(parent, nodes.ClassDef):
                return [self.symbol_id(self.qualname(parent))]
            elif isinstance(parent, nodes.Lambda) or (
                    isinstance(parent, nodes.AnnAssign) and child is parent.annotation):
                return []
            child, parent = parent, parent.parent
        return []

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

    def named_access(self, node: nodes.Call) -> None:
        """``mock.patch.object(lib, "helper")``, ``monkeypatch.setattr(lib, "helper", f)``,
        ``mock.patch.multiple(lib, helper=DEFAULT)``: a test double put in place of an
        attribute named by a constant reads that attribute, and fails when it is missing (but
        with ``create=True``, ``raising=False``): a reference to it. So does ``getattr(obj,
        "helper")`` (``constant_getattr``)."""
        found = patched_attributes(node)
        if found is None:
            found = self.constant_getattr(node)
        if found is None:
            return
        target, names = found
        values = tuple((*v, attr(name)) for v in self.values(target) for name in names)
        if values:
            self.record_reference(node, values)

    def constant_getattr(self, node: nodes.Call) -> tuple[nodes.NodeNG, tuple[str, ...]] | None:
        """``getattr(obj, "name")`` reads ``obj.name`` as the attribute does, and so do
        ``getattr(obj, "name", default)`` and ``hasattr(obj, "name")`` when ``name`` is there
        (its absence is handled, ``FileSummary.tolerant_reads``, but what they answer changes:
        a test asserting ``hasattr`` fails): (the object, its name); None for any other
        call."""
        found = named_access(node, self.defining_scope)
        return None if found is None else (found[1], (found[2],))

    def add_reference(self, node: nodes.NodeNG) -> None:
        values = tuple(self.values(node))
        if values:
            self.record_reference(node, values)

    def record_reference(self, node: nodes.NodeNG, values: tuple[Expr, ...]) -> None:
        """A read in the value of a module-level assignment (``PATTERN = re.compile(RAW)``,
        ``length = coordinate``, ``UNITS = {"cm": CM}``) is also the assigned variables': code
        reading ``PATTERN`` reads a value made from ``RAW`` at import time (see ``holders``;
        ``held``: only the module-level variables it reads count). The module keeps it too: its
        import-time code reads it."""
        scope = self.caller_of(node)
        line = node.lineno or 0
        main = self.in_main_block(scope, line)
        holders = [*self.holders(node), *self.definition_holder(node)] \
            if scope == self.module else []
        for holder in dict.fromkeys([scope, *holders]):
            key = (holder, values, main)
            if key not in self.references:
                self.references[key] = Reference(holder, values, line, main=main,
                                                 held=holder != scope)


# builtins that give the module's namespace when called with nothing at module level
_NAMESPACE_READERS = frozenset({"globals", "vars", "locals"})

# the keywords of ``mock.patch.multiple`` that are not attributes to replace
_PATCH_OPTIONS = frozenset({"spec", "create", "spec_set", "autospec", "new_callable"})


def patched_attributes(node: nodes.Call) -> tuple[nodes.NodeNG, tuple[str, ...]] | None:
    """(the object, the names of its attributes) a call replacing attributes named by
    constants requires to exist: ``patch.object(obj, "name", ...)`` (``mock.patch.object``,
    pytest-mock's ``mocker.patch.object``), ``patch.multiple(obj, name=...)``,
    ``monkeypatch.setattr(obj, "name", value)`` and ``monkeypatch.delattr(obj, "name")``;
    None for any other call, or one that may create the attribute."""
    func = node.func
    if not isinstance(func, nodes.Attribute) or not node.args:
        return None
    options = {k.arg: k.value for k in node.keywords or () if k.arg}
    receiver = func.expr
    patch = (isinstance(receiver, nodes.Name) and receiver.name == "patch") or (
        isinstance(receiver, nodes.Attribute) and receiver.attrname == "patch")
    if patch and func.attrname in ("object", "multiple"):
        if _true(options.get("create")) is not False:
            return None
        if func.attrname == "multiple":
            names = tuple(sorted(n for n in options if n not in _PATCH_OPTIONS))
            return (node.args[0], names) if names else None
        name = node.args[1] if len(node.args) > 1 else options.get("attribute")
    elif (func.attrname in ("setattr", "delattr") and isinstance(receiver, nodes.Name)
          and "monkeypatch" in receiver.name):
        if isinstance(node.args[0], nodes.Const):
            return None  # the dotted form names its target in the string
        if "raising" in options and _true(options["raising"]) is not True:
            return None
        name = node.args[1] if len(node.args) > 1 else options.get("name")
    else:
        return None
    if isinstance(name, nodes.Const) and isinstance(name.value, str) and name.value:
        return node.args[0], (name.value,)
    return None


def names_a_patch_target(node: nodes.Const) -> bool:
    """Whether string ``node`` is the dotted path of what a test double replaces:
    ``mock.patch("pkg.mod.func")`` (``unittest.mock``'s, pytest-mock's ``mocker.patch``, as a
    decorator too; ``target=``), ``patch.dict("pkg.mod.TABLE", ...)``,
    ``monkeypatch.setattr("pkg.mod.func", value)`` and ``monkeypatch.delattr(...)``."""
    call = node.parent
    if isinstance(call, nodes.Keyword):
        if call.arg != "target":
            return False
        call = call.parent
    elif not (isinstance(call, nodes.Call) and call.args and call.args[0] is node):
        return False
    if not isinstance(call, nodes.Call):
        return False
    func = call.func
    if isinstance(func, nodes.Name):
        return bool(func.name == "patch")
    if not isinstance(func, nodes.Attribute):
        return False
    receiver = func.expr
    if func.attrname == "patch" or (func.attrname == "dict" and (
            (isinstance(receiver, nodes.Name) and receiver.name == "patch")
            or (isinstance(receiver, nodes.Attribute) and receiver.attrname == "patch"))):
        return True
    return (func.attrname in ("setattr", "delattr") and isinstance(receiver, nodes.Name)
            and "monkeypatch" in receiver.name)


def _true(value: nodes.NodeNG | None) -> bool | None:
    """A keyword argument's truth: False when not given; None when not a constant."""
    if value is None:
        return False
    if isinstance(value, nodes.Const):
        return bool(value.value)
    return None


def rebound_on_import_error(handlers: list[nodes.ExceptHandler]) -> frozenset[str]:
    """The names that a handler catching ``ImportError`` (bare, or naming it, a subclass or
    a base) binds again, in its own statements or blocks nested in them, unless it ends
    by raising: importing such a name in the ``try`` fails over to the handler's."""
    names: set[str] = set()
    for handler in handlers:
        caught = {
            (source(t) or "").rsplit(".", 1)[-1]
            for t in (handler.type.elts if isinstance(handler.type, nodes.Tuple)
                      else [handler.type])
            if t is not None
        }
        if handler.type is not None and not caught & IMPORT_ERRORS:
            continue
        if handler.body and isinstance(handler.body[-1], nodes.Raise):
            continue
        names |= _bound_in(handler.body)
    return frozenset(names)


def _bound_in(body: list[nodes.NodeNG]) -> set[str]:
    names: set[str] = set()
    for statement in body:
        if isinstance(statement, (nodes.Assign, nodes.AnnAssign)):
            targets = (statement.targets if isinstance(statement, nodes.Assign)
                       else [statement.target])
            names |= {t.name for t in targets if isinstance(t, nodes.AssignName)}
        elif isinstance(statement, nodes.Import):
            names |= {alias or name.split(".", 1)[0] for name, alias in statement.names}
        elif isinstance(statement, nodes.ImportFrom):
            names |= {alias or name for name, alias in statement.names}
        elif isinstance(statement, (nodes.FunctionDef, nodes.ClassDef)):
            names.add(statement.name)
        elif isinstance(statement, (nodes.If, nodes.Try)):
            names |= _bound_in([*statement.body, *statement.orelse])
            for handler in getattr(statement, "handlers", ()):
                names |= _bound_in(handler.body)
    return names


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


def _whole_lines(node: nodes.Const) -> str:
    """The text of string constant ``node``, without the lines a placeholder of the f-string
    it is a fragment of runs into: a fragment after one starts inside a line whose start is
    not known (``f'from {mod} import setup'`` holds ``' import setup'``, no ``import setup``),
    and one before it ends inside a line whose end is not."""
    text = str(node.value)
    parent = node.parent
    if not isinstance(parent, nodes.JoinedStr):
        return text
    values = parent.values
    if values and values[0] is not node:
        text = text.partition("\n")[2]
    if values and values[-1] is not node:
        text = text.rpartition("\n")[0]
    return text


def _as_ast(value: nodes.NodeNG | None) -> ast.expr | None:
    """astroid's ``value`` as ``ast`` parses it printed back (None where that fails)."""
    if value is None:
        return None
    try:
        tree = ast.parse(value.as_string(), mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return None
    return tree.body if isinstance(tree, ast.Expression) else None

