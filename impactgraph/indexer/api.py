"""The API part of a summary alone: what ``changes`` compares, without what the linker needs.

The diff engine (``impactgraph.diff``) reads a summary's definitions (signatures, decorators
and bases as text, body fingerprints, class attributes, ...), its imports, ``__all__`` and
whether a module ``__getattr__`` serves names. It never reads the calls, references, bindings
and symbolic values that make up three quarters of the indexer's time per file.

``ApiIndexer`` is ``FileIndexer`` with that part switched off: the very same walk and
definitions, so what it records is the full summary's, field for field, but for the symbolic
expressions (``Definition.decorator_exprs``/``base_exprs``: empty), ``Definition.returns_length``
(None: the impact reads it from full summaries) and the linker's lists
(calls, references, bindings, attribute stores: empty). A test holds it to that on real code.
An API summary is never cached as a full one and never linked (``FileSummary.api_only``).
Most are made from ``ast`` instead (``indexer/api_ast.py``, the same summary in half the
time); this indexer makes those that walk leaves to astroid.
"""

from __future__ import annotations

from astroid import nodes

from impactgraph.indexer.file_indexer import FileIndexer
from impactgraph.model import Expr, SymbolKind


class ApiIndexer(FileIndexer):
    def __init__(self, module: str, is_package: bool, *, walk_expressions: bool = True) -> None:
        """``walk_expressions`` False: the text holds no ``lambda`` and no ``:=``, the only
        expressions that define or bind anything the API part records (a lambda is a
        definition; a walrus may bind a module variable or a class attribute), so expressions
        are not walked at all."""
        super().__init__(module, is_package)
        self.walk_expressions = walk_expressions

    def start_flow(self, module: nodes.Module) -> None:
        """No flow-sensitive locals: they only refine values."""

    def visit(self, node: nodes.NodeNG) -> None:
        if (
            not self.walk_expressions
            and not node.is_statement
            and not isinstance(node, nodes.MatchCase)  # holds statements
        ):
            return
        super().visit(node)

    # -- no symbolic values ----------------------------------------------------------------
    def values(self, node: nodes.NodeNG | None) -> list[Expr]:
        return []

    def annotation_values(self, node: nodes.NodeNG | None) -> list[Expr]:
        return []

    def operand_values(self, node: nodes.NodeNG | None,
                       known: list[Expr] | None = None) -> list[Expr]:
        return []

    def add_reference(self, node: nodes.NodeNG) -> None:
        return None

    def result_length(self, node: nodes.FunctionDef) -> int | None:
        return None  # what the impact reads of a linked summary, not the diff

    def code_lines(self, node: nodes.FunctionDef) -> int:
        return 0  # what the linker reads, not the diff

    # -- what is visited for calls and values only: the walk, without the records ----------
    def visit_Call(self, node: nodes.Call) -> None:
        self.visit_call_parts(node)

    def visit_Name(self, node: nodes.Name) -> None:
        return None

    def visit_Const(self, node: nodes.Const) -> None:
        return None

    def visit_arguments(
        self, node: nodes.FunctionDef | nodes.Lambda, kind: SymbolKind, decorators: set[str]
    ) -> None:
        if node.args.args is not None:
            self.visit_defaults(node.args)

    def wire_pytest(self, node: nodes.FunctionDef, decorators: set[str]) -> None:
        return None

    def class_creation(self, node: nodes.ClassDef) -> None:
        return None
