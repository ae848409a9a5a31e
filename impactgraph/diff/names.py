"""What names mean inside one revision: a small resolver over its FileSummaries.

The diff needs only a few answers (which class a base names, which members a class inherits,
which names a module lets you import) and only within one revision, so this stays separate
from the linker: definitions and import bindings are enough.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace

from impactgraph.diff.annotations import TYPING_MODULES
from impactgraph.indexer.plain import DATACLASS_DECORATORS, decorator_base
from impactgraph.model import (
    Definition,
    FileSummary,
    ImportBinding,
    Parameter,
    ParamKind,
    SymbolKind,
    exported_names,
)

_MAX_HOPS = 12
_MARKER_BASES = {
    "abc.ABC": "ABC", "typing.Protocol": "Protocol", "typing_extensions.Protocol": "Protocol",
    "typing.Generic": "Generic", "typing_extensions.Generic": "Generic", "object": "object",
    "builtins.object": "object",
}


# Outside classes whose metaclass is ``type`` (or ``EnumMeta``), never ``abc.ABCMeta``: an
# ``@abstractmethod`` in a subclass of theirs changes nothing (``Revision.may_be_abstract``)
PLAIN_CLASSES = frozenset({
    "unittest.TestCase", "unittest.case.TestCase", "unittest.IsolatedAsyncioTestCase",
    "unittest.async_case.IsolatedAsyncioTestCase", "Exception", "BaseException",
    "ValueError", "TypeError", "KeyError", "IndexError", "LookupError", "RuntimeError",
    "AttributeError", "OSError", "NotImplementedError", "dict", "list", "set", "frozenset",
    "tuple", "str", "bytes", "int", "float", "enum.Enum", "enum.IntEnum", "enum.Flag",
    "enum.IntFlag", "enum.StrEnum", "threading.Thread",
})


def left_as_namespace(old: FileSummary, head_modules: Iterable[str]) -> bool:
    """Is package ``old``, gone from the head, still importable as a namespace package: its
    ``__init__.py`` defined and imported nothing (``pkg_resources``' ``declare_namespace``,
    ``pkgutil.extend_path``), and modules of the head are left below it? zc.lockfile 4.0
    dropped ``zc/__init__.py`` for a PEP 420 namespace package."""
    prefix = old.module + "."
    return (old.is_package
            and all(definition.qualname == "__path__" for definition in old.definitions)
            and all(binding.target.partition(".")[0] in _NAMESPACE_DECLARERS
                    for binding in old.imports)
            and any(module.startswith(prefix) for module in head_modules))


# the detail of a ``module-removed`` that left a namespace package (``left_as_namespace``)
NAMESPACE_NOW = "a namespace package now"
# what an old-style namespace package's ``__init__.py`` imports to declare itself one
_NAMESPACE_DECLARERS = frozenset({"pkgutil", "pkg_resources"})


def bound_target(binding: ImportBinding) -> str:
    """What an import binds its name to: ``import a.b`` binds ``a``, the package (urwid's
    examples write ``import urwid`` then ``import urwid.raw_display``, and derive from
    ``urwid.Padding``); ``from a import b`` binds ``a.b``, ``from decorator import
    decorator`` the function ``decorator.decorator``."""
    if not binding.is_from and binding.target.startswith(binding.name + "."):
        return binding.name
    return binding.target


def _fields_kind(definition: Definition | None) -> str | None:
    """``"dataclasses"`` or ``"attrs"``: which decorator made the class's ``__init__`` from
    its fields; None for a class neither made."""
    if definition is None or definition.kind is not SymbolKind.CLASS:
        return None
    for decorator in definition.decorators:
        base = decorator_base(decorator)
        if base in DATACLASS_DECORATORS:
            return "dataclasses" if base.rpartition(".")[2] == "dataclass" else "attrs"
    return None


def _add_field(fields: dict[str, Parameter], parameter: Parameter, kind: str) -> None:
    """A field redefined by a subclass keeps its place in a dataclass's ``__init__``, and
    moves to the end in an attrs class's."""
    if kind == "attrs":
        fields.pop(parameter.name, None)
    fields[parameter.name] = parameter


class Revision:
    """The summaries of one revision, indexed for name lookups."""

    def __init__(self, summaries: Mapping[str, FileSummary]) -> None:
        self.summaries = summaries  # may be lazy: only the modules looked at are summarised
        self._definitions: dict[str, dict[str, Definition]] = {}
        self._imports: dict[str, dict[str, str]] = {}
        self._exported: dict[str, tuple[str, ...] | None] = {}

    def definitions(self, module: str) -> dict[str, Definition]:
        found = self._definitions.get(module)
        if found is None:
            summary = self.summaries.get(module)
            found = {d.qualname: d for d in summary.definitions} if summary else {}
            self._definitions[module] = found  # first: the bases below may be in this module
            for qualname, definition in list(found.items()):
                if definition.synthetic and qualname.endswith(".__init__"):
                    whole = self._with_inherited_fields(module, qualname, definition)
                    if whole is not None:
                        found[qualname] = whole
        return found

    def _with_inherited_fields(self, module: str, qualname: str, own: Definition
                               ) -> Definition | None:
        """The generated ``__init__`` of a dataclass (or attrs class) whose bases are
        dataclasses of the same kind: their fields come first, as the decorator collects them
        along the MRO (the indexer sees one class statement, and gives its own fields only).
        arq 0.26 moved ``job_id`` from ``JobResult`` up to its dataclass base ``JobDef``:
        ``JobResult(..., job_id=...)`` still binds. None when nothing is inherited, or what is
        cannot be told (a base outside the code, one with an ``__init__`` of its own, or made
        by the other kind of decorator)."""
        cls = qualname.removesuffix(".__init__")
        kind = _fields_kind(self.definitions(module).get(cls))
        if kind is None or own.signature is None:
            return None
        ancestors = list(self.mro(f"{module}:{cls}"))[1:]
        if not ancestors or None in ancestors:
            return None
        fields: dict[str, Parameter] = {}
        for ancestor in reversed(ancestors):
            if ancestor is None:  # (ruled out above: for the type checker)
                return None
            base_module, _, base = ancestor.partition(":")
            base_kind = _fields_kind(self.definitions(base_module).get(base))
            if base_kind is None:
                continue  # a plain class in between gives no fields
            init = self.definitions(base_module).get(f"{base}.__init__")
            if base_kind != kind or init is None or not init.synthetic \
                    or init.signature is None:
                return None
            for parameter in init.signature.parameters[1:]:
                _add_field(fields, parameter, kind)
        if not fields:
            return None
        for parameter in own.signature.parameters[1:]:
            _add_field(fields, parameter, kind)
        ordered = sorted(fields.values(), key=lambda p: p.kind is ParamKind.KEYWORD_ONLY)
        parameters = (*own.signature.parameters[:1], *ordered)
        return replace(own, signature=replace(own.signature, parameters=parameters))

    def definition(self, symbol: str) -> Definition | None:
        module, _, qualname = symbol.partition(":")
        return self.definitions(module).get(qualname)

    def exported(self, module: str) -> tuple[str, ...] | None:
        """``module``'s ``__all__`` with what it splices in (``model.exported_names``)."""
        if module not in self._exported:
            self._exported[module] = exported_names(module, self.summaries.get)
        return self._exported[module]

    def imports(self, module: str) -> dict[str, str]:
        """{local name: absolute target} of the module-level runtime imports of ``module``."""
        names = self._imports.get(module)
        if names is None:
            summary = self.summaries.get(module)
            names = {
                b.name: bound_target(b)
                for b in (summary.imports if summary else ())
                if b.scope == module and b.name != "*" and not b.type_checking
            }
            self._imports[module] = names
        return names

    def star_imports(self, module: str) -> list[str]:
        summary = self.summaries.get(module)
        if summary is None:
            return []
        return [
            b.target for b in summary.imports
            if b.name == "*" and b.scope == module and not b.type_checking
        ]

    def typing_aliases(self, module: str) -> tuple[str, ...]:
        """Local names bound to the typing modules (``import typing as t`` -> ``t``)."""
        imports = self.imports(module)
        return tuple(sorted(name for name, target in imports.items() if target in TYPING_MODULES))

    # -- resolution ------------------------------------------------------------------------
    def resolve_dotted(self, dotted: str, hops: int = 0) -> str | None:
        """``"catalog.find_book"`` -> ``"catalog.search:find_book"`` (or a module name).

        None when the name leaves the analysed code (a third-party module) or is not found.
        """
        if hops > _MAX_HOPS:
            return None
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            module = ".".join(parts[:cut])
            if module not in self.summaries:
                continue
            rest = parts[cut:]
            if not rest:
                return module
            return self.resolve_in(module, ".".join(rest), hops + 1)
        return None

    def resolve_in(self, module: str, name: str, hops: int = 0) -> str | None:
        """What ``name`` (possibly dotted) bound at module level of ``module`` is."""
        if hops > _MAX_HOPS:
            return None
        head, _, rest = name.partition(".")
        definitions = self.definitions(module)
        if head in definitions and definitions[head].kind is not SymbolKind.VARIABLE:
            qualname = name
            while qualname and qualname not in definitions:
                qualname = qualname.rpartition(".")[0]
            return f"{module}:{qualname}" if qualname == name else None
        target = self.imports(module).get(head)
        if target is not None:
            return self.resolve_dotted(f"{target}.{rest}" if rest else target, hops + 1)
        if f"{module}.{head}" in self.summaries:  # a submodule, imported elsewhere
            return self.resolve_dotted(f"{module}.{name}", hops + 1)
        if head in definitions:
            return f"{module}:{head}" if not rest else None
        for star in self.star_imports(module):
            if not self.star_gives(star, head):
                continue
            found = self.resolve_dotted(f"{star}.{name}", hops + 1)
            if found is not None:
                return found
        return None

    def star_gives(self, module: str, name: str) -> bool:
        """Can ``from module import *`` bind ``name``? Not when a module of ours has an
        ``__all__`` that leaves it out (as the linker reads star imports)."""
        exported = self.exported(module)
        return exported is None or name in exported

    def resolve_expression(self, module: str, text: str) -> str | None:
        """A base-class expression as written (``Base``, ``pkg.Base``, ``Generic[T]``)."""
        bare = text.split("[", 1)[0].strip()
        if not bare or not all(part.isidentifier() for part in bare.split(".")):
            return None
        return self.resolve_in(module, bare)

    def missing_import(self, module: str, text: str) -> str | None:
        """The name a base expression of ``module`` (``Base``, ``lib.Base``) asks, through
        every import of ``module`` that binds it, of a module of ours that does not bind that
        name: the import fails, and the class statement never runs. None when the name may be
        found (bound in ``module`` itself, in a star import, in a module not analysed, by a
        module ``__getattr__`` or a namespace filled at run time)."""
        bare = text.split("[", 1)[0].strip()
        parts = bare.split(".")
        if not bare or not all(part.isidentifier() for part in parts) \
                or parts[0] in self.definitions(module) or self.star_imports(module) \
                or parts[0] not in self.imports(module) or self.resolve_in(module, bare):
            return None
        for spelled in self.spellings(module, bare):
            owner, _, name = spelled.rpartition(".")
            summary = self.summaries.get(owner)
            if (summary is None or summary.error is not None or name in self.bound_names(owner)
                    or self.serves_any_name(owner) or self.stars_unread(owner)
                    or _fills_namespace(summary)):
                return None
        return parts[-1]

    # -- classes ---------------------------------------------------------------------------
    def bases(self, class_symbol: str) -> list[str | None]:
        """The classes a class derives from, resolved; None for one outside the analysed code.

        Markers that give a subclass no members (``abc.ABC``, ``Protocol``, ``Generic[T]``,
        ``object``) are left out: they are not "a base outside the code that may provide it".
        """
        definition = self.definition(class_symbol)
        if definition is None:
            return []
        module = class_symbol.partition(":")[0]
        return [
            self.resolve_expression(module, text) for text in definition.bases
            if self.marker_base(module, text) is None
        ]

    def spelled(self, module: str, text: str) -> str:
        """The dotted name a base expression (``abc.ABC``, ``MutableSet[int]``) spells in
        ``module`` through its imports, and through those of modules of ours it imports it
        from (attrs' ``from ._compat import Protocol``); the text itself when its head is
        not imported."""
        bare = text.split("[", 1)[0].strip()
        return self._spelled_through(bare, self.imports(module).get(bare.partition(".")[0]))

    def spellings(self, module: str, text: str) -> set[str]:
        """Every dotted name ``spelled`` may give: a name imported twice at module level
        (``try: from contextlib import _GeneratorContextManager / except ImportError: from
        contextlib import GeneratorContextManager as _GeneratorContextManager``) is either."""
        bare = text.split("[", 1)[0].strip()
        found = {self.spelled(module, text)}
        found |= self._every_spelling(module, bare, 0)
        return found

    def _every_spelling(self, module: str, bare: str, hops: int) -> set[str]:
        """``spelled`` through every module-level import of the name, in ``module`` and in
        the modules of ours it imports the name from (httpretty's ``core`` imports
        ``BaseHTTPRequestHandler`` from its ``compat``, which imports it in a ``try`` and
        again in the ``except ImportError``)."""
        head, _, rest = bare.partition(".")
        summary = self.summaries.get(module)
        found: set[str] = set()
        if summary is None or hops > _MAX_HOPS:
            return found
        for binding in summary.imports:
            if (binding.name != head or binding.scope != module or binding.name == "*"
                    or binding.type_checking):
                continue
            target = bound_target(binding)
            dotted = f"{target}.{rest}" if rest else target
            owner, _, name = dotted.rpartition(".")
            if owner in self.summaries and owner != module and name in self.imports(owner):
                found |= self._every_spelling(owner, name, hops + 1)
            elif rest and binding.is_from and self._imported_by_ours(target, module):
                # a module of ours imports the module this one imports from it (paramiko's
                # ``py3compat``: ``import __builtin__ as builtins``, or ``import builtins``):
                # the base is an attribute of either
                owner, _, name = target.rpartition(".")
                found |= self._every_spelling(owner, f"{name}.{rest}", hops + 1)
            else:
                found.add(self._spelled_through(bare, target))
        return found

    def _imported_by_ours(self, dotted: str, module: str) -> bool:
        """Is ``dotted`` a name a module of ours (not ``module``) imports at its top level?"""
        owner, _, name = dotted.rpartition(".")
        return owner in self.summaries and owner != module and name in self.imports(owner)

    def _spelled_through(self, bare: str, target: str | None) -> str:
        """``bare`` through ``target``, what its head is bound to: ``imports`` gives the
        package for ``import collections.abc``, and ``from decorator import decorator``'s
        ``decorator.decorator`` as it is."""
        _, _, rest = bare.partition(".")
        if not target:
            return bare
        dotted = f"{target}.{rest}" if rest else target
        for _ in range(_MAX_HOPS):  # a module of ours that imports it: where it comes from
            module, _, name = dotted.rpartition(".")
            source = self.imports(module).get(name) if module in self.summaries else None
            if not source:
                break
            dotted = source
        return dotted

    def marker_base(self, module: str, text: str) -> str | None:
        """``"ABC"``, ``"Protocol"``, ``"Generic"`` or ``"object"`` when ``text`` names one."""
        return _MARKER_BASES.get(self.spelled(module, text))

    def is_protocol(self, class_symbol: str) -> bool:
        """A ``typing.Protocol`` class: it lists ``Protocol`` among its own bases."""
        definition = self.definition(class_symbol)
        module = class_symbol.partition(":")[0]
        return definition is not None and any(
            self.marker_base(module, text) == "Protocol" for text in definition.bases
        )

    def may_be_abstract(self, class_symbol: str) -> bool:
        """Can an ``@abstractmethod`` member keep this class's subclasses from being made?
        Only under ``abc.ABCMeta``: an ``abc.ABC`` or ``Protocol`` base, a ``metaclass=``,
        or a base outside the analysed code not known to be a plain class (in any of its
        classes' statements). ``unittest.TestCase``'s subclasses, say, are made whatever
        their members are decorated with."""
        seen: set[str] = set()
        stack = [class_symbol]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            definition = self.definition(current)
            if definition is None or definition.metaclass is not None:
                return True
            module = current.partition(":")[0]
            for text in definition.bases:
                marker = self.marker_base(module, text)
                if marker in ("ABC", "Protocol"):
                    return True
                if marker is not None:
                    continue
                resolved = self.resolve_expression(module, text)
                if resolved is not None:
                    stack.append(resolved)
                elif self.spelled(module, text).removeprefix("builtins.") not in PLAIN_CLASSES:
                    return True
        return False

    def mro(self, class_symbol: str) -> Iterator[str | None]:
        """The class and its ancestors, depth first, each once; None marks an unknown base."""
        seen: set[str] = set()
        stack: list[str | None] = [class_symbol]
        while stack:
            current = stack.pop(0)
            if current is None:
                yield None
                continue
            if current in seen:
                continue
            seen.add(current)
            yield current
            stack[0:0] = self.bases(current)

    def inherited(self, class_symbol: str, member: str) -> tuple[str | None, bool]:
        """Where ``member`` of a class comes from, looking only at its bases.

        Returns (symbol of the defining member or None, whether some base was unknown).
        """
        unknown = False
        for ancestor in list(self.mro(class_symbol))[1:]:
            if ancestor is None:
                unknown = True
                continue
            module, _, qualname = ancestor.partition(":")
            if f"{qualname}.{member}" in self.definitions(module):
                return f"{ancestor}.{member}", unknown
        return None, unknown

    def inherited_attribute(self, class_symbol: str, name: str) -> bool:
        """Does a base class (of the analysed code) define ``name``, as attribute or member?"""
        for ancestor in list(self.mro(class_symbol))[1:]:
            if ancestor is None:
                continue
            definition = self.definition(ancestor)
            if definition is None:
                continue
            module, _, qualname = ancestor.partition(":")
            if name in definition.attributes or f"{qualname}.{name}" in self.definitions(module):
                return True
        return False

    # -- public surface --------------------------------------------------------------------
    def serves_any_name(self, module: str) -> bool:
        """A module-level ``__getattr__`` (a def, an assignment or an import) may serve any name."""
        summary = self.summaries.get(module)
        if summary is None:
            return False
        return (
            summary.has_getattr
            or "__getattr__" in self.definitions(module)
            or "__getattr__" in self.imports(module)
        )

    def owner_class(self, symbol: str) -> str | None:
        """The class that member ``symbol`` (``mod:Cls.meth``) is defined in, when its parent
        is a class of this revision; None for any other symbol."""
        module, _, qualname = symbol.partition(":")
        parent = qualname.rpartition(".")[0]
        definition = self.definition(f"{module}:{parent}") if parent else None
        return f"{module}:{parent}" if definition is not None \
            and definition.kind is SymbolKind.CLASS else None

    def unread(self, dotted: str) -> bool:
        """Is ``dotted`` (a module, or a name in one) in a module of the code base that could
        not be analysed in this revision (it does not parse, it is too large)? What it binds
        is not known."""
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            summary = self.summaries.get(".".join(parts[:cut]))
            if summary is not None:
                return summary.error is not None
        return False

    def stars_unread(self, module: str, depth: int = 0) -> bool:
        """Does ``module`` star-import, directly or through the modules it star-imports, a
        module not analysed in this revision (``unread``)? Any name may come from it."""
        for star in self.star_imports(module):
            if star == module or star not in self.summaries:
                continue
            if self.unread(star) or (depth < _MAX_HOPS and self.stars_unread(star, depth + 1)):
                return True
        return False

    def bound_names(self, module: str) -> set[str]:
        """Every name ``from module import name`` can get (without ``__getattr__``)."""
        names = {q for q in self.definitions(module) if "." not in q and not q.startswith("<")}
        names |= set(self.imports(module))
        prefix = module + "."
        names |= {m[len(prefix) :] for m in self.summaries if m.startswith(prefix)
                  and "." not in m[len(prefix) :]}
        for star in self.star_imports(module):
            if star in self.summaries and star != module:
                names |= self.star_names(star)
        return names

    def star_names(self, module: str, depth: int = 0) -> set[str]:
        summary = self.summaries.get(module)
        if summary is None or depth > _MAX_HOPS:
            return set()
        exported = self.exported(module)
        if exported is not None:
            return set(exported)
        names = {q for q in self.definitions(module) if "." not in q}
        names |= set(self.imports(module))
        for star in self.star_imports(module):
            names |= self.star_names(star, depth + 1)
        return {n for n in names if not n.startswith("_")}

    def surface(self, module: str) -> set[str]:
        """The public names of a module: ``__all__`` where present, else non-underscore names.

        Names a plain module merely imports are not its surface; a package ``__init__``'s
        imports are (re-exports), and so are its star imports.
        """
        summary = self.summaries.get(module)
        if summary is None:
            return set()
        exported = self.exported(module)
        if exported is not None:
            return set(exported)
        # ``<lambda1>``, ``<type1>`` (a class ``type()`` made): no import can name them
        names = {q for q in self.definitions(module) if "." not in q and not q.startswith("<")}
        if summary.is_package:
            summary_imports = summary.imports
            names |= {
                b.name for b in summary_imports
                if b.scope == module and b.is_from and b.name != "*" and not b.type_checking
            }
            for star in self.star_imports(module):
                names |= self.star_names(star)
        return {n for n in names if not n.startswith("_")}


def _fills_namespace(summary: FileSummary) -> bool:
    """Does the module's top-level code call ``globals()`` or ``vars()``: it may bind names
    no statement spells (``globals().update(...)``)?"""
    return any(site.scope == summary.module and any(
        expr and expr[0] in ("b:globals", "b:vars") for expr in site.callee)
        for site in summary.calls)
