"""A summary as its own source root sees it (pure).

A summary depends only on a file's text and module name (it is cached by them), so an
absolute ``import helpers`` is recorded as ``helpers``. When the file's source root has its
own ``helpers`` that goes by a longer name in the code base (``discovery`` qualifies a
top-level name that two roots define), the import means that file: Python puts a root first on
``sys.path`` for the code in it. ``localized`` rewrites such import paths in a summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from impactgraph.model import FileSummary

if TYPE_CHECKING:
    from impactgraph.model import Expr


def localized(summary: FileSummary, aliases: Iterable[tuple[str, str]]) -> FileSummary:
    """``summary`` with every import path whose top-level name is in ``aliases`` (top-level
    name -> module name) read through them."""
    table = dict(aliases)
    if not table:
        return summary
    # here only: most code bases need no rewriting, and ``changes`` no symbolic values
    from impactgraph.expressions import ModuleRoot, module_root, parse_root

    def dotted(name: str) -> str:
        top, dot, rest = name.partition(".")
        new = table.get(top)
        return new + dot + rest if new is not None else name

    def expr(value: Expr) -> Expr:
        root = parse_root(value[0]) if value else None
        if isinstance(root, ModuleRoot):
            return (module_root(dotted(root.dotted)), *value[1:])
        return value

    def exprs(values: tuple[Expr, ...]) -> tuple[Expr, ...]:
        return tuple(expr(v) for v in values)

    return replace(
        summary,
        definitions=tuple(
            replace(d, decorator_exprs=exprs(d.decorator_exprs), base_exprs=exprs(d.base_exprs))
            for d in summary.definitions),
        imports=tuple(replace(b, target=dotted(b.target)) for b in summary.imports),
        calls=tuple(
            replace(c, callee=exprs(c.callee), args=tuple(exprs(a) for a in c.args),
                    kwargs=tuple((k, exprs(v)) for k, v in c.kwargs))
            for c in summary.calls),
        references=tuple(replace(r, target=exprs(r.target)) for r in summary.references),
        bindings=tuple((k, exprs(v)) for k, v in summary.bindings),
        attribute_stores=tuple((exprs(o), a, exprs(v)) for o, a, v in summary.attribute_stores),
        all_from=tuple(dotted(m) for m in summary.all_from),
    )
