"""What a module's ``__all__`` holds, read from the statements that build it (pure).

A literal (``__all__ = ["a", "b"]``) is the common case, but packages often build theirs from
their submodules' (Django's ``django.db.models``: ``from django.db.models.fields import
__all__ as fields_all`` ... ``__all__ = aggregates_all + ... + fields_all``, then
``__all__ += [...]``; asyncio's ``base_events.__all__ + coroutines.__all__ + ...``;
``__all__.extend(sub.__all__)``). Read as a literal alone, such a package's star import gave
only the names added last, so calls through it resolved to nothing.

The literal names go to ``FileSummary.all_names``, the modules whose ``__all__`` is spliced in
to ``FileSummary.all_from``; ``model.exported_names`` puts them together once the other
modules' summaries are known. An assignment of anything else (a comprehension, a call of our
own) leaves ``__all__`` unknown (``all_names`` None: every public name, as before). An
augmentation adding what cannot be read (``__all__ += [n for n in ... if ...]``) adds the
module's own public definitions: the module is listed in ``all_from`` itself. A literal's
items that are not strings are left out.

Both indexers read through here (``indexer/statements.py`` on astroid's tree, after printing
the value back to source; ``indexer/api_ast.py`` on ``ast``'s), so they agree.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass, field

from impactgraph.model import ImportBinding

# calls that give the same names as their one argument (the order does not matter here)
_SAME_NAMES = frozenset({"list", "tuple", "sorted", "set", "frozenset"})


@dataclass
class AllNames:
    """The ``__all__`` of one module as its statements build it, in order."""

    module: str
    is_package: bool
    known: bool | None = None  # None: not assigned yet; False: assigned something unreadable
    names: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def assign(self, value: ast.expr | None, imports: Sequence[ImportBinding]) -> None:
        """``__all__ = value``."""
        parts = None if value is None else self._parts(value, imports)
        if parts is None:
            self.known, self.names, self.sources = False, [], []
        else:
            self.known, (self.names, self.sources) = True, parts

    def extend(self, value: ast.expr, imports: Sequence[ImportBinding]) -> None:
        """``__all__ += value`` or ``__all__.extend(value)``."""
        if self.known is False:
            return
        parts = self._parts(value, imports)
        if parts is None:
            # names that cannot be read are added: taken to be the module's own public
            # definitions, spliced in as the module itself (``model.exported_names``).
            # astropy 6.1's ``__all__: list[str] = []`` then ``__all__ += [n for n, v in
            # _ns.items() if isinstance(v, UnitBase)]``, read as the empty list, lost every
            # unit its packages' star imports bring; the classes it imports are not added
            self.known = True
            self.sources.append(self.module)
            return
        self.known = True
        self.names.extend(parts[0])
        self.sources.extend(parts[1])

    def call(self, call: ast.expr, imports: Sequence[ImportBinding]) -> None:
        """A module-level expression statement: ``__all__.extend(value)`` or
        ``__all__.append(value)`` extends ``__all__``; anything else is not read."""
        if not isinstance(call, ast.Call) or len(call.args) != 1 or call.keywords:
            return
        func = call.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                and func.value.id == "__all__"):
            return
        if func.attr == "extend":
            self.extend(call.args[0], imports)
        elif func.attr == "append":
            self.append(call.args[0])

    def append(self, value: ast.expr) -> None:
        """``__all__.append(value)``."""
        if self.known is not False and isinstance(value, ast.Constant) \
                and isinstance(value.value, str):
            self.known = True
            self.names.append(value.value)

    def result(self) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
        """``(all_names, all_from)`` for the summary."""
        if not self.known:
            return None, ()
        return tuple(self.names), tuple(dict.fromkeys(self.sources))

    # -- reading one expression --------------------------------------------------------------
    def _parts(self, value: ast.expr, imports: Sequence[ImportBinding]
               ) -> tuple[list[str], list[str]] | None:
        """The names ``value`` spells and the modules whose ``__all__`` it holds; None when it
        is anything else."""
        if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
            names: list[str] = []
            sources: list[str] = []
            for item in value.elts:
                if isinstance(item, ast.Constant) and isinstance(item.value, str):
                    names.append(item.value)
                elif isinstance(item, ast.Starred):
                    inner = self._parts(item.value, imports)
                    if inner is not None:
                        names.extend(inner[0])
                        sources.extend(inner[1])
            return names, sources
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
            left = self._parts(value.left, imports)
            right = self._parts(value.right, imports)
            if left is None or right is None:
                return None
            return left[0] + right[0], left[1] + right[1]
        if (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                and value.func.id in _SAME_NAMES and len(value.args) == 1
                and not value.keywords and not isinstance(value.args[0], ast.Starred)):
            return self._parts(value.args[0], imports)
        if isinstance(value, ast.Name) and value.id == "__all__":
            return (list(self.names), list(self.sources)) if self.known else None
        source = self._module_all(value, imports)
        return None if source is None else ([], [source])

    def _module_all(self, value: ast.expr, imports: Sequence[ImportBinding]) -> str | None:
        """The module whose ``__all__`` ``value`` is: ``sub.__all__``, ``pkg.sub.__all__``, a
        name imported as ``from pkg.sub import __all__ as sub_all``."""
        if isinstance(value, ast.Name):
            bound = _bound(value.id, imports, self.module)
            if bound is not None and bound.is_from and bound.target.endswith(".__all__"):
                return bound.target[: -len(".__all__")]
            return None
        if not (isinstance(value, ast.Attribute) and value.attr == "__all__"):
            return None
        parts: list[str] = []
        node: ast.expr = value.value
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        first = node.id
        bound = _bound(first, imports, self.module)
        if bound is None:
            if not self.is_package:
                return None
            # ``from .sub import *`` in a package binds ``sub`` there too
            base = f"{self.module}.{first}"
        elif bound.is_from:
            base = bound.target
        elif bound.target.split(".", 1)[0] == first and bound.target != first:
            base = first  # ``import a.b.c`` binds ``a``
        else:
            base = bound.target
        return ".".join([base, *reversed(parts)])


def _bound(name: str, imports: Sequence[ImportBinding], module: str) -> ImportBinding | None:
    """The module-level import that last bound ``name``."""
    for binding in reversed(imports):
        if binding.name == name and binding.scope == module:
            return binding
    return None
