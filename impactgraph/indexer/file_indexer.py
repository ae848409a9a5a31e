"""astroid -> FileSummary, one file at a time, without inference across files.

Every value the code touches is recorded as a symbolic ``Expr`` (see ``impactgraph.model``)
so that the linker, which sees every file, can resolve it. Nothing is imported or executed.

``FileIndexer`` is the walk and the definitions (functions, classes, lambdas, pytest's
wiring). It builds on, each a module of its own:
``Statements`` (``indexer/statements.py``): assignments, loops, ``with``, ``try``, imports,
calls, names and attributes; ``ImplicitCalls`` (``indexer/implicit.py``): the special methods
Python calls by itself; ``Evaluator`` (``indexer/evaluate.py``): what an expression may hold;
``Scopes`` (``indexer/scopes.py``): the state collected and the names of scopes and variables.
"""

from __future__ import annotations

import re
from dataclasses import replace

from astroid import nodes

from impactgraph.expressions import (
    CALL,
    DECORATED,
    FIXTURE_VALUE,
    INSTANCE,
    SUBCLASS_OF,
    attr,
    autouse_root,
    decorated_by,
    fixture_root,
    module_root,
    symbol_root,
)
from impactgraph.indexer.flow import Flow
from impactgraph.indexer.plain import (
    block_of,
    earlier_bases,
    joined_accessor,
    joined_redefinition,
    keeps_earlier,
    marks_abstract,
)
from impactgraph.indexer.pytest_model import (
    fixture_of,
    fixture_parameters,
    generated,
    is_test_function,
    parametrized,
    used_fixtures,
)
from impactgraph.indexer.signatures import (
    body_hash,
    code_lines,
    dataclass_fields,
    dataclass_signature,
    decorator_base,
    decorator_names,
    named_tuple_class_fields,
    renaming_hash,
    result_length,
    signature_of,
    source,
)
from impactgraph.indexer.statements import Statements
from impactgraph.model import (
    CallSite,
    Definition,
    Expr,
    SymbolKind,
)

# a dataclass field's annotation that says it holds classes or functions (``type[Element]``,
# ``list[type]``, ``Callable[..., T]``): see ``FileIndexer.visit_ClassDef``
_HOLDS_CODE = re.compile(r"\b(?:type|Type|Callable)\b")


class FileIndexer(Statements):
    """Walks one astroid module and collects its summary parts: definitions, imports, calls,
    references and bindings (``Scopes`` holds them)."""

    def run(self, module: nodes.Module, has_lambda: bool = True, has_shared: bool = True
            ) -> None:
        """``has_lambda`` False (no ``lambda`` in the text) saves the walk over every node that
        numbering lambdas needs; defs and classes are then named on demand. ``has_shared``
        False (neither ``global`` nor ``nonlocal`` in the text) saves the walk that looks for
        those statements."""
        self.shared = None if has_shared else frozenset()
        if has_lambda:
            self.assign_qualnames(module)
        else:
            self.qualnames[id(module)] = ""
        self.start_flow(module)
        self.main_blocks = [(node.body[0].fromlineno, node.body[-1].tolineno)
                            for node in module.body if is_main_guard(node) and node.body]
        for child in module.body:
            self.visit(child)
        if self.main_blocks:
            self.calls = [replace(site, main=True) if self.in_main_block(site.scope, site.line)
                          else site for site in self.calls]
        for test in self.tests:  # ``pytestmark = pytest.mark.usefixtures(...)``
            for name in self.module_usefixtures:
                root = fixture_root(f"{self.module}:{test[1]}", name)
                self.calls.append(CallSite(test[0], ((root,),), test[2], implicit=True))
        for qual, names in self.attributes.items():
            owner = self.definitions.get(qual)
            if owner is not None and owner.kind is SymbolKind.CLASS:
                self.definitions[qual] = replace(owner, attributes=tuple(dict.fromkeys(names)))

    def start_flow(self, module: nodes.Module) -> None:
        """The flow-sensitive locals (``indexer/flow.py``), from the top of the module."""
        self.flow = Flow(self.shared_of(module), self.var_key, self.bind, self.bindings)
        self.flow.enter(module)

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
            renaming_hash=renaming_hash(node),
            is_abstract=marks_abstract(bases),
            not_implemented=_raises_not_implemented(node),
            returns_length=self.result_length(node),
            code_lines=self.code_lines(node),
        )
        if is_overload:
            self.overloads[qual].append(definition)
        elif is_accessor:
            self.add_accessor(qual, definition)
        else:
            earlier = self.definitions.get(qual)
            block = block_of(node, node.parent)
            if earlier is not None and keeps_earlier(
                    node.name, earlier, decorators, self.def_blocks.get(qual) == block):
                definition = joined_redefinition(earlier, definition)
            self.definitions[qual] = definition
            self.def_blocks[qual] = block
            binding: Expr = (symbol_root(self.symbol_id(qual)),)
            if decorator_exprs:
                binding += (DECORATED,)
            self.bind_name(parent_scope, node.name, [binding], node)
        if node.name == "__getattr__" and isinstance(parent_scope, nodes.Module):
            self.has_getattr = True
            self.getattr_names = served_names(node)
        self.visit_arguments(node, kind, bases)
        args = node.args
        self.evaluated_annotations(
            *args.posonlyargs_annotations, *args.annotations, args.varargannotation,
            *args.kwonlyargs_annotations, args.kwargannotation, node.returns)
        self.cached_arguments(node, qual)
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

    def result_length(self, node: nodes.FunctionDef) -> int | None:
        """``Definition.returns_length``: what a call unpacking the result passes."""
        return result_length(node)

    def code_lines(self, node: nodes.FunctionDef) -> int:
        """``Definition.code_lines``: whether the linker follows a call of it per call."""
        return code_lines(node)

    def add_accessor(self, qual: str, accessor: Definition) -> None:
        """``@x.setter``/``@x.deleter``: part of the property ``x`` (``joined_accessor``)."""
        owner = self.definitions.get(qual)
        if owner is None:
            return  # no property of that name here: nothing for the accessor to join
        self.definitions[qual] = joined_accessor(owner, accessor)

    def visit_decorators(self, node: nodes.FunctionDef | nodes.ClassDef) -> tuple[Expr, ...]:
        """Applying a decorator is a call made by the scope that holds the definition."""
        if not node.decorators:
            return ()
        exprs: list[Expr] = []
        defined = symbol_root(self.symbol_id(self.qualname(node)))
        caller = self.caller_of(node)
        for decorator in reversed(node.decorators.nodes):  # the innermost is applied first
            self.visit(decorator)
            # what this decorator is given: the definition, or what the decorators inside it
            # returned for it (``Decorated(n)``, evaluated per definition: ``@cached`` over
            # ``@depends_on(...)``, whose ``deco(fn)`` returns ``fn``, is given this function,
            # not every function ``deco`` is ever given)
            argument: Expr = (defined, decorated_by(len(exprs))) if exprs else (defined,)
            if (isinstance(decorator, nodes.Call)
                    and self.outside_function(decorator.func) == "functools.wraps"):
                wrapped = decorator.args[0] if decorator.args else next(
                    (k.value for k in decorator.keywords or () if k.arg == "wrapped"), None)
                self.record_wraps((argument,), wrapped)
            values = tuple(self.values(decorator))
            exprs[:0] = values
            given: tuple[Expr, ...] = (argument,)
            if len(argument) > 1 and isinstance(node, nodes.ClassDef):
                # the class's name is bound to the class whatever its decorators return: the
                # next one is handed the class too (``@ours`` over ``@dataclasses.dataclass``)
                given += ((defined,),)
            if values:
                self.calls.append(
                    CallSite(caller, values, decorator.lineno or 0, (given,), decorator=True)
                )
        return tuple(exprs)

    def visit_defaults(self, args: nodes.Arguments) -> None:
        """Default values: they run in the enclosing scope, when the function is defined."""
        for default in [*args.defaults, *(d for d in args.kw_defaults if d is not None)]:
            self.visit(default)

    def visit_arguments(
        self, node: nodes.FunctionDef | nodes.Lambda, kind: SymbolKind, decorators: set[str]
    ) -> None:
        args = node.args
        if args.args is None:
            return
        self.visit_defaults(args)
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
                owner = symbol_root(self.symbol_id(self.qualname(node.parent)))
                self.bindings[key].append((owner, SUBCLASS_OF if classmethod else INSTANCE))
                continue
            self.bindings[key].extend(self.annotation_values(annotation))
            self.bindings[key].extend(self.values(default))
        if args.kwarg:  # ``**options``: a dict the function may fill and hand on
            self.bindings[self.var_key(node, args.kwarg)].append(
                self.new_container(node, [], mutable=True))
        if args.vararg:  # ``*args``: a tuple of what the callers pass past the named ones
            # (bound by the linker, ``link._bind_arguments``), and of the annotated type
            elements = self.annotation_values(args.varargannotation)
            self.bindings[self.var_key(node, args.vararg)].append(
                self.new_container(node, elements)
            )

    def wire_pytest(self, node: nodes.FunctionDef, decorators: set[str]) -> None:
        """What pytest passes and runs implicitly (see ``impactgraph.indexer.pytest_model``):
        a parameter of a test or fixture holds the fixture of its name, and the test calls that
        fixture, its ``usefixtures`` and the ``autouse`` fixtures in its scope."""
        if node.name == "pytest_generate_tests" and isinstance(node.parent, nodes.Module):
            # the hook's ``metafunc.parametrize("name", values)`` gives the tests it runs for
            # (its module's, or below its ``conftest.py``) that ask for ``name`` those values,
            # as a fixture of that name there would: the hook is that fixture's function
            hook = (symbol_root(self.symbol_id(self.qualname(node))),)
            positional = [*node.args.posonlyargs, *node.args.args]
            if positional:  # ``metafunc``: pytest's ``Metafunc``, whose calls are pytest's
                self.bindings[self.var_key(node, positional[0].name)].append(
                    (module_root("_pytest.python"), attr("Metafunc"), INSTANCE))
            for name, generating in generated(node).items():
                self.bindings[f"v:{self.module}:|<fixture:{name}>"].append(hook)
                for value, taken in generating:
                    self.bindings[self.var_key(node, "<fixture>")].extend(
                        (*e, *taken) for e in self.values(value))
            return
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
            self.bindings[f"{prefix}<fixture:{fixture.name}>"].append((symbol_root(caller),))
            if fixture.autouse:
                self.bindings[f"{prefix}<autouse>"].append((symbol_root(caller),))
        static = bool(decorators & {"staticmethod", "builtins.staticmethod"})
        given = parametrized(node)
        requested: list[str] = []
        location = f"{self.module}:{class_qual}"  # where pytest looks the fixtures up from
        for name in fixture_parameters(node, owner is not None and not static):
            key = self.var_key(node, name)
            if name in given:  # ``@pytest.mark.parametrize``: the listed values
                for value, taken in given[name]:
                    self.bindings[key].extend((*e, *taken) for e in self.values(value))
                continue
            # a fixture asking for the one it overrides: looked up past its own module
            lookup = f"^{name}" if fixture is not None and name == fixture.name else name
            self.bindings[key].append((fixture_root(location, lookup), FIXTURE_VALUE))
            requested.append(lookup)
        requested += used_fixtures(node)
        if is_test:
            if owner is not None:
                requested += used_fixtures(owner)
            self.tests.append((caller, class_qual, line))
            self.calls.append(
                CallSite(caller, ((autouse_root(location),),), line, implicit=True)
            )
        for name in requested:
            root = fixture_root(location, name)
            self.calls.append(CallSite(caller, ((root,),), line, implicit=True))

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
        # The code that makes a lambda uses it, as a def's name read there does: handed to a
        # call nothing resolves (``PATTERN.sub(lambda mo: self._expand(mo), text)``, a compiled
        # regex's method), its body runs only when that code does.
        self.add_reference(node)
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
            metaclass=source(getattr(node, "_metaclass", None)),
            other_bases=earlier_bases(self.definitions.get(qual)),
        )
        self.bind_name(parent_scope, node.name, [(symbol_root(self.symbol_id(qual)),)], node)
        fields = dataclass_fields(node)
        if fields is None:
            fields = named_tuple_class_fields(node)
        if fields is not None:
            init = dataclass_signature(fields)
            self.bindings[self.var_key(node, "__init__")].append(
                (symbol_root(f"{self.symbol_id(qual)}.__init__"),)
            )
            for attribute, parameter in fields:
                if _HOLDS_CODE.search(parameter.annotation or ""):
                    # the generated ``__init__`` sets ``self.<attribute> = <parameter>``:
                    # classes or functions the callers pass (``MarkoExtension(elements=[...])``
                    # of ``elements: list[type[Element]]``) are the instances'. A field of data
                    # keeps its annotation's value: every schema a test suite builds would
                    # flow into ``schema: Schema`` (jsonschema), past what the linker keeps.
                    self.bindings[f"v:{self.module}:{qual}|.{attribute}"].append(
                        (f"v:{self.module}:{qual}.__init__|{parameter.name}",))
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


def is_main_guard(node: nodes.NodeNG) -> bool:
    """``if __name__ == "__main__":`` (or ``"__main__" == __name__``), alone or joined to
    other conditions by ``and`` (rich's ``if sys.platform != "win32" and __name__ ==
    "__main__":``): the body runs only when the module runs as a program. (The condition's
    own calls are not in the body: ``sys.platform != "win32"`` is evaluated on import.)"""
    return isinstance(node, nodes.If) and _tests_main(node.test)


def _tests_main(test: nodes.NodeNG) -> bool:
    if isinstance(test, nodes.BoolOp):
        return test.op == "and" and any(_tests_main(value) for value in test.values)
    if not isinstance(test, nodes.Compare) or len(test.ops) != 1 or test.ops[0][0] != "==":
        return False
    sides = [test.left, test.ops[0][1]]
    return any(isinstance(s, nodes.Name) and s.name == "__name__" for s in sides) and any(
        isinstance(s, nodes.Const) and s.value == "__main__" for s in sides)


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


def served_names(node: nodes.FunctionDef) -> tuple[str, ...]:
    """The names a module's ``__getattr__(name)`` surely serves: each string its top-level
    ``if`` compares ``name`` with, by ``==`` or ``in`` a literal, where that branch does not
    raise; by ``!=`` or ``not in``, where that branch does (the names the rest serves)."""
    arguments = node.args.posonlyargs + node.args.args
    if not arguments:
        return ()
    parameter = arguments[0].name
    served: list[str] = []
    for statement in node.body:
        if not isinstance(statement, nodes.If) or not isinstance(statement.test, nodes.Compare):
            continue
        test = statement.test
        if len(test.ops) != 1 or not isinstance(test.left, nodes.Name) \
                or test.left.name != parameter:
            continue
        operator, other = test.ops[0]
        names = _strings(other)
        raises = any(isinstance(s, nodes.Raise) for s in statement.body)
        returns = any(isinstance(s, nodes.Return) for s in statement.body)
        if (operator in ("==", "in") and returns and not raises) or (
                operator in ("!=", "not in") and raises):
            served += names
    return tuple(dict.fromkeys(served))


def _strings(node: nodes.NodeNG) -> list[str]:
    """The strings a constant or a literal tuple, list or set of constants spells."""
    elements = node.elts if isinstance(node, (nodes.Tuple, nodes.List, nodes.Set)) else [node]
    return [e.value for e in elements if isinstance(e, nodes.Const) and isinstance(e.value, str)]
