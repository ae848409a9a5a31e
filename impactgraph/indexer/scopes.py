"""The state one file's indexer fills, and the names it gives scopes and variables.

``Scopes`` is the base of ``FileIndexer`` (``impactgraph.indexer.file_indexer``): its fields are
what the walk collects; its methods name things. A scope's qualname (``Outer.method``,
``f.<lambda1>``), a symbol id (``module:qualname``), a variable key (``v:module:scope|name``)
and the scope that binds a name are all decided here; what a name *holds* is the evaluator's
business (``impactgraph.indexer.evaluate``).
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from sys import intern

from astroid import nodes

from impactgraph.expressions import builtin_root
from impactgraph.indexer.all_names import AllNames
from impactgraph.indexer.flow import Flow, inside, shared_names
from impactgraph.indexer.guards import Guards
from impactgraph.indexer.plain import resolve_relative
from impactgraph.model import (
    CallSite,
    Definition,
    Expr,
    ImportBinding,
    Reference,
)

BUILTIN_NAMES = frozenset(dir(builtins))
FUNCTION_SCOPES = (nodes.FunctionDef, nodes.Lambda)
__all__ = ["BUILTIN_NAMES", "FUNCTION_SCOPES", "Scopes", "resolve_relative"]


class Scopes:
    """The indexer's state and its naming of scopes and variables."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.is_package = is_package
        self.definitions: dict[str, Definition] = {}
        # the statement list each name's last definition is in (``plain.block_of``)
        self.def_blocks: dict[str, tuple[int, str]] = {}
        self.overloads: dict[str, list[Definition]] = defaultdict(list)
        self.imports: list[ImportBinding] = []
        self.calls: list[CallSite] = []
        # (scope, values, in the main block) -> the first such reference
        self.references: dict[tuple[str, tuple[Expr, ...], bool], Reference] = {}
        self.bindings: dict[str, list[Expr]] = defaultdict(list)
        self.qualnames: dict[int, str] = {}  # id(scope node) -> qualname ("" = module)
        self.lambda_counters: dict[str, int] = defaultdict(int)
        self.container_counters: dict[str, int] = defaultdict(int)
        self.call_ops: dict[int, str] = {}  # id(Call node) -> its call operation
        self.call_sites: dict[int, int] = {}  # id(Call node) -> the index of its call site
        # (key of a guarded return's values, its guard: ``indexer/guards.py``)
        self.return_guards: list[tuple[str, tuple[str, ...]]] = []
        self.guards: dict[int, Guards] = {}  # id(function) -> the guards of its returns
        # the names some ``global`` or ``nonlocal`` of the module declares (``shared_of``):
        # set by ``run``, empty when the text has neither word, else found when first needed
        self.shared: frozenset[str] | None = None
        self.nonlocal_names: dict[int, frozenset[str]] = {}  # ``nonlocals``, per function
        self.flow: Flow | None = None  # flow-sensitive locals, set up by ``run``
        self.all_names = AllNames(module, is_package)  # ``__all__``, as its statements build it
        self.has_getattr = False
        self.getattr_names: tuple[str, ...] = ()  # what ``__getattr__`` surely serves
        # class qualname -> data attributes (class body assignments and ``self.x = ...``)
        self.attributes: dict[str, list[str]] = defaultdict(list)
        self.fallback_of: list[str] = []
        # id(import statement in a ``try`` body) -> the names a handler catching
        # ``ImportError`` binds again (``ImportBinding.guarded``)
        self.guarded_imports: dict[int, frozenset[str]] = {}
        self.attribute_stores: list[tuple[tuple[Expr, ...], str, tuple[Expr, ...]]] = []
        # roots of the containers that cannot be hashed (``FileSummary.mutables``)
        self.mutables: set[str] = set()
        # class-body names bound to a literal that leaves no value (``FileSummary``)
        self.class_literals: set[str] = set()
        # pytest: fixture functions (id of the def -> its ``params=``), collected tests
        self.fixture_frames: dict[int, nodes.NodeNG | None] = {}
        self.tests: list[tuple[str, str, int]] = []  # (symbol, class qualname, line)
        self.module_usefixtures: list[str] = []
        # the lines of the module-level ``if __name__ == "__main__":`` bodies, set by ``run``
        self.main_blocks: list[tuple[int, int]] = []

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

    def shared_of(self, module: nodes.Module) -> frozenset[str]:
        """The names some ``global`` or ``nonlocal`` statement of ``module`` (the module
        being indexed) declares; the tree is walked for them once at most."""
        if self.shared is None:
            self.shared = shared_names(module)
        return self.shared

    def in_main_block(self, scope: str, line: int) -> bool:
        """Is code of ``scope`` at ``line`` the module's own code under
        ``if __name__ == "__main__":``, which runs only when the module runs as a program?"""
        return scope == self.module and any(first <= line <= last
                                            for first, last in self.main_blocks)

    def symbol_id(self, qualname: str) -> str:
        return intern(f"{self.module}:{qualname}") if qualname else self.module

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
        return intern(f"v:{self.module}:{self.qualname(scope)}|{name}")

    def defining_scope(self, name: str, node: nodes.NodeNG) -> nodes.NodeNG | None:
        """The scope whose namespace ``name`` read at ``node`` comes from (Python's rules)."""
        scope = node.scope()
        first = True
        while True:
            is_class = isinstance(scope, nodes.ClassDef)
            if name in scope.locals and (first or not is_class) and not (
                    isinstance(scope, FUNCTION_SCOPES) and name in self.shared_of(scope.root())
                    and name in self.nonlocals(scope)):
                return scope
            if scope.parent is None:
                return None
            # Default values and decorators are evaluated outside the function.
            first = False
            scope = scope.parent.scope()

    def nonlocals(self, scope: nodes.NodeNG) -> frozenset[str]:
        """The names a function's own ``nonlocal`` statements declare (``scope``: a function
        or lambda): they live in the enclosing function (astroid counts them among the
        function's locals too)."""
        found = self.nonlocal_names.get(id(scope))
        if found is None:
            found = self.nonlocal_names[id(scope)] = frozenset(
                name for statement in scope.nodes_of_class(
                    nodes.Nonlocal, skip_klass=(*FUNCTION_SCOPES, nodes.ClassDef))
                for name in statement.names)
        return found

    def name_value(self, name: str, node: nodes.NodeNG) -> list[Expr]:
        scope = self.defining_scope(name, node)
        if scope is None:
            return self._global_value(name)
        own: list[Expr] = [(self.var_key(scope, name),)]
        if self.flow is not None:
            own = self.flow.read(scope, name, node) or own
        if isinstance(scope, nodes.ClassDef):
            # a class body's name not bound there yet is looked up in the globals, then the
            # builtins (``TAG_MAP = TAG_MAP`` copies the module's map into the class)
            bound = _bound_before(scope, name, node)
            if bound is not True:
                outer: list[Expr] = (
                    self._global_value(name) if name not in scope.root().locals
                    else [(self.var_key(scope.root(), name),)])
                return outer if bound is False else [*own, *outer]
        return own

    def _global_value(self, name: str) -> list[Expr]:
        """``name`` read where no scope of the module but the builtins may bind it."""
        if name in BUILTIN_NAMES:
            return [(builtin_root(name),)]
        # Perhaps bound by ``from m import *`` (the linker looks there), else bound nowhere:
        # a NameError when it runs, which the name still spelled in the code tells (a
        # removed function still called, ``join.__doc__ = ...`` after ``join`` is gone).
        return [(intern(f"v:{self.module}:|{name}"),)]

    def is_import(self, name: str, node: nodes.NodeNG) -> bool:
        """Is ``name`` (read at ``node``) bound by an import?"""
        scope = self.defining_scope(name, node)
        return scope is not None and all(
            isinstance(n, (nodes.Import, nodes.ImportFrom)) for n in scope.locals.get(name, ())
        )

    def enclosing_class(self, node: nodes.NodeNG) -> nodes.ClassDef | None:
        frame = node.frame()
        while isinstance(frame, nodes.Lambda):
            frame = frame.parent.frame()
        if isinstance(frame, nodes.FunctionDef) and isinstance(frame.parent, nodes.ClassDef):
            return frame.parent
        return None

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


# statements that bind their names whenever they run (not a loop's, a ``with``'s, ...)
_BINDS_WHEN_RUN = (nodes.Assign, nodes.AnnAssign, nodes.FunctionDef, nodes.ClassDef,
                   nodes.Import, nodes.ImportFrom)


def _bound_before(cls: nodes.ClassDef, name: str, node: nodes.NodeNG) -> bool | None:
    """Is ``name``, read at ``node`` in the body of ``cls`` (which binds it somewhere), bound
    in the class namespace when the read runs: True (a statement of the body itself bound it
    before), False (every binding comes after the read, or is the target of the assignment
    whose value reads it, or the def or class statement whose decorators read it), None (it
    depends on the path taken)."""
    read = _body_statement(cls, node)
    if read is None:
        return None
    order = {id(statement): index for index, statement in enumerate(cls.body)}
    after = True
    for site in cls.locals.get(name, ()):
        statement = _body_statement(cls, site)
        if statement is None:
            return None
        if order[id(statement)] < order[id(read)]:
            if site.statement() is statement and isinstance(statement, _BINDS_WHEN_RUN) and (
                    not isinstance(statement, nodes.AnnAssign) or statement.value is not None):
                return True
            after = False
        elif statement is read and not (
                # a def or class statement binds its name once its decorators, defaults,
                # annotations and bases have run (``@staticmethod def staticmethod()``)
                site is read and isinstance(read, (nodes.FunctionDef, nodes.ClassDef))
        ) and not (
                isinstance(read, (nodes.Assign, nodes.AnnAssign)) and site.statement() is read
                and isinstance(site, nodes.AssignName) and site.parent is not read.value
                and read.value is not None
                and (node is read.value or inside(node, read.value))
                and not any(True for _ in read.nodes_of_class(nodes.NamedExpr))):
            after = False
    return False if after else None


def _body_statement(cls: nodes.ClassDef, node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The statement of ``cls``'s own body that holds ``node`` (None: not in its body)."""
    body = cls.body
    parent = node.parent
    while parent is not None and parent is not cls:
        node, parent = parent, parent.parent
    if parent is None:
        return None
    return node if any(node is statement for statement in body) else None


def _is_outer_part(definition: nodes.NodeNG, child: nodes.NodeNG) -> bool:
    """Is ``child`` a part of ``definition`` that is evaluated outside its body?"""
    if isinstance(child, (nodes.Arguments, nodes.Decorators)):
        return True
    if isinstance(definition, nodes.FunctionDef) and child is definition.returns:
        return True
    if isinstance(definition, nodes.ClassDef):
        return child in definition.bases or child in (definition.keywords or ())
    return False
