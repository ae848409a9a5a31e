"""Two revisions' summaries -> the changes between them, each with its breaking verdict.

Pure: it takes FileSummaries (and git's renames, as old path -> new path) and returns Changes.
Modules are paired by name, then by git's renames, then by path; within a pair every public
definition, class member and exported name is compared. Files that did not parse on either
side are skipped here (the use case reports them as warnings).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from impactgraph.diff.definitions import (
    INHERITED_FROM_OBJECT,
    INHERITED_FROM_STANDARD,
    OBJECT_INIT,
    OBJECT_MEMBERS,
    OUTSIDE_BASE_ANSWERS,
    Side,
    compare_callables,
    compare_definitions,
    delegated_to_outside_base,
    reads_bare_name,
    standard_member,
    unhashable,
)
from impactgraph.diff.names import NAMESPACE_NOW, Revision, left_as_namespace
from impactgraph.diff.signatures import Finding
from impactgraph.discovery import DEFAULT_TEST_PATTERNS, is_test_code, is_test_path
from impactgraph.model import Change, ChangeKind, Definition, FileSummary, SymbolKind

UsedElsewhere = Callable[[str], bool]

_GETATTR_NOTE = "module __getattr__ may still provide it"
MODULE_CODE_CHANGED = "module-level code changed"


def never_used(symbol: str) -> bool:
    """The default answer: a private name is used nowhere else."""
    return False


def is_private(symbol: str) -> bool:
    """``_name`` anywhere in the module path or qualname (dunders are public)."""
    module, _, qualname = symbol.partition(":")
    parts = module.split(".") + (qualname.split(".") if qualname else [])
    return any(p.startswith("_") and not (p.endswith("__") and len(p) > 4) for p in parts)


def sort_changes(changes: Iterable[Change]) -> list[Change]:
    unique = dict.fromkeys(changes)
    return sorted(unique, key=lambda c: (c.path, c.line, c.symbol, c.kind.value, c.detail))


@dataclass
class _Differ:
    base: Revision
    head: Revision
    is_used_elsewhere: UsedElsewhere
    test_patterns: Sequence[str]
    changes: list[Change] = field(default_factory=list)
    # the modules renamed, old name -> new name: a base class may have moved with its module
    moved: dict[str, str] = field(default_factory=dict)

    # -- reporting -------------------------------------------------------------------------
    def emit(self, symbol: str, finding: Finding, path: str, line: int) -> None:
        self.changes.append(
            Change(symbol, finding.kind, finding.breaking, path, line, finding.detail,
                   finding.old, finding.new)
        )

    def removal_breaks(self, symbol: str, path: str) -> bool:
        """Breaking unless private (or a test file's) and unused elsewhere."""
        internal = is_private(symbol) or is_test_path(path, self.test_patterns)
        return not internal or self.is_used_elsewhere(symbol)

    # -- modules ---------------------------------------------------------------------------
    def run(self, renames: Mapping[str, str], skip: Collection[str]) -> list[Change]:
        """Pair the modules of both sides and compare each pair (but those in ``skip``)."""
        base_modules, head_modules = set(self.base.summaries), set(self.head.summaries)
        head_by_path = {
            self.head.summaries[m].path: self.head.summaries[m] for m in head_modules - base_modules
        }
        paired_head: set[str] = set()
        pairs: list[tuple[FileSummary, FileSummary]] = []
        unpaired: list[FileSummary] = []
        for module in sorted(base_modules):
            if module in head_modules:
                paired_head.add(module)
                if module not in skip:
                    pairs.append((self.base.summaries[module], self.head.summaries[module]))
            else:
                unpaired.append(self.base.summaries[module])
        for old in unpaired:
            new = head_by_path.get(renames.get(old.path, old.path))
            if new is not None and new.module not in paired_head:
                pairs.append((old, new))
                paired_head.add(new.module)
            else:
                self.module_removed(old)
        for module in sorted(head_modules - paired_head):
            new = self.head.summaries[module]
            self.changes.append(
                Change(module, ChangeKind.MODULE_ADDED, False, new.path, 1, "")
            )
        self.moved = {old.module: new.module for old, new in pairs if old.module != new.module}
        for old, new in pairs:
            if old.error is None and new.error is None:
                self.compare_module(old, new)
        return sort_changes(self.not_breaking_in_tests(self.changes))

    def not_breaking_in_tests(self, changes: Iterable[Change]) -> list[Change]:
        """Test code is not an API: its changes still travel, but none of them is breaking."""
        return [
            replace(c, breaking=False, breaks_users=True)
            if c.breaking and is_test_code(c.path, self.test_patterns) else c
            for c in changes
        ]

    def module_removed(self, old: FileSummary) -> None:
        if left_as_namespace(old, self.head.summaries):
            # still imported, as a namespace package, and it gave no name of its own
            self.changes.append(Change(old.module, ChangeKind.MODULE_REMOVED, False, old.path,
                                       1, NAMESPACE_NOW))
            return
        breaking = self.removal_breaks(old.module, old.path)
        self.changes.append(
            Change(old.module, ChangeKind.MODULE_REMOVED, breaking, old.path, 1, "")
        )

    def compare_module(self, old: FileSummary, new: FileSummary) -> None:
        if old.module != new.module:
            breaking = self.removal_breaks(old.module, old.path)
            self.changes.append(
                Change(old.module, ChangeKind.MODULE_RENAMED, breaking, new.path, 1, new.module)
            )
        old_top = _top_level(self.base.definitions(old.module))
        new_top = _top_level(self.head.definitions(new.module))
        for name in sorted(old_top.keys() | new_top.keys()):
            before, after = old_top.get(name), new_top.get(name)
            if before is not None and after is not None:
                self.compare_pair(
                    Side(self.base, old.module, before), Side(self.head, new.module, after)
                )
            elif before is not None:
                self.top_level_removed(old, new, before)
            elif after is not None:
                self.top_level_added(old, new, after)
        if old.module_code != new.module_code:
            # what importing the module runs, besides its definitions and bindings: a call
            # (``register("a")``), a loop, a store into an attribute, its ``__main__`` block
            self.emit(new.module, Finding(ChangeKind.BODY_CHANGED, False, MODULE_CODE_CHANGED),
                      new.path, 1)
        self.compare_surface(old, new)

    # -- top-level names -------------------------------------------------------------------
    def top_level_removed(self, old: FileSummary, new: FileSummary, definition: Definition) -> None:
        symbol = f"{old.module}:{definition.qualname}"
        moved_to = self.head.resolve_in(new.module, definition.qualname)
        star = self._star_bringing(new.module, definition.qualname)
        by_name = self.head.imports(new.module).get(definition.qualname)
        if by_name is not None or star is not None:
            # Still importable from here: it moved and is imported back (a re-export), by
            # name or by a star import whose module exports it
            target = self.head.definition(moved_to) if moved_to and ":" in moved_to else None
            where = moved_to or by_name or f"{star}.{definition.qualname}"
            head_symbol = f"{new.module}:{definition.qualname}"
            line = _import_line(new, definition.qualname if star is None else "*")
            self.emit(head_symbol, Finding(ChangeKind.BODY_CHANGED, False, f"moved to {where}"),
                      new.path, line)
            if target is not None and moved_to is not None:
                self.compare_pair(
                    Side(self.base, old.module, definition),
                    Side(self.head, moved_to.partition(":")[0], target),
                    report_as=(head_symbol, new.path, line), with_body=False,
                )
            return
        if self.head.serves_any_name(new.module):
            self.emit(symbol, Finding(ChangeKind.SYMBOL_REMOVED, False, _GETATTR_NOTE),
                      old.path, definition.line)
            return
        breaking = self.removal_breaks(symbol, old.path)
        self.emit(symbol, Finding(ChangeKind.SYMBOL_REMOVED, breaking, definition.kind.value),
                  old.path, definition.line)

    def _star_bringing(self, module: str, name: str) -> str | None:
        """The module a star import of ``module`` gets ``name`` from, if one does."""
        head = self.head
        for star in head.star_imports(module):
            if star != module and star in head.summaries and name in head.star_names(star):
                return star
        return None

    def top_level_added(self, old: FileSummary, new: FileSummary, definition: Definition) -> None:
        symbol = f"{new.module}:{definition.qualname}"
        came_from = self.base.resolve_in(old.module, definition.qualname)
        if definition.qualname in self.base.imports(old.module) and came_from and ":" in came_from:
            source = self.base.definition(came_from)
            if source is not None:  # was re-exported from elsewhere, now defined here
                self.compare_pair(
                    Side(self.base, came_from.partition(":")[0], source),
                    Side(self.head, new.module, definition), with_body=False,
                )
                return
        detail = definition.kind.value + (" abstract" if definition.is_abstract else "")
        self.emit(symbol, Finding(ChangeKind.SYMBOL_ADDED, False, detail), new.path,
                  definition.line)

    # -- one definition and its members ----------------------------------------------------
    def compare_pair(
        self,
        old: Side,
        new: Side,
        report_as: tuple[str, str, int] | None = None,
        with_body: bool = True,
    ) -> None:
        symbol, path, line = report_as or (
            new.symbol, _path(self.head, new.module), new.definition.line
        )
        findings = compare_definitions(old, new, self.moved)
        if new.definition.is_abstract and not old.definition.is_abstract and new.is_member:
            owner = new.symbol.rpartition(".")[0]
            findings = [_made_abstract(f, self.head.may_be_abstract(owner)) for f in findings]
        if not with_body:
            findings = [f for f in findings if f.kind is not ChangeKind.BODY_CHANGED]
        for finding in findings:
            self.emit(symbol, finding, path, line)
        if old.definition.kind is SymbolKind.CLASS and new.definition.kind is SymbolKind.CLASS:
            self.compare_members(old, new, report_as)

    def compare_members(self, old: Side, new: Side, report_as: tuple[str, str, int] | None) -> None:
        old_members = _members(self.base.definitions(old.module), old.definition.qualname)
        new_members = _members(self.head.definitions(new.module), new.definition.qualname)
        for name in sorted(old_members.keys() | new_members.keys()):
            before, after = old_members.get(name), new_members.get(name)
            member_report = None
            if report_as is not None:
                member_report = (f"{report_as[0]}.{name}", report_as[1], report_as[2])
            if before is not None and after is not None:
                self.compare_pair(
                    Side(self.base, old.module, before), Side(self.head, new.module, after),
                    member_report,
                )
            elif before is not None:
                self.member_removed(old, new, name, before, member_report)
            elif after is not None:
                self.member_added(old, new, name, after, member_report)
        self.compare_attributes(old, new, old_members.keys() | new_members.keys(), report_as)

    def compare_attributes(
        self, old: Side, new: Side, members: Collection[str],
        report_as: tuple[str, str, int] | None,
    ) -> None:
        """Public data attributes (class body, ``self.x = ...``) that disappear or appear."""
        before = {a for a in old.definition.attributes if not a.startswith("_")} - set(members)
        after = {a for a in new.definition.attributes if not a.startswith("_")} - set(members)
        old_path = _path(self.base, old.module)
        for name in sorted(before - after):
            if self.head.inherited_attribute(new.symbol, name):
                continue  # moved into a base class
            symbol = f"{old.symbol}.{name}"
            breaking = self.removal_breaks(symbol, old_path)
            self.emit(symbol, Finding(ChangeKind.SYMBOL_REMOVED, breaking, "attribute"),
                      old_path, old.definition.line)
        protocol = self.head.is_protocol(new.symbol)
        if protocol:  # a protocol's members include its private attributes
            before = set(old.definition.attributes) - set(members)
            after = set(new.definition.attributes) - set(members)
        for name in sorted(after - before):
            if self.base.inherited_attribute(old.symbol, name):
                continue
            symbol, path, line = (
                (f"{report_as[0]}.{name}", report_as[1], report_as[2]) if report_as
                else (f"{new.symbol}.{name}", _path(self.head, new.module), new.definition.line)
            )
            finding = (Finding(ChangeKind.ABSTRACT_MEMBER_ADDED, True, "attribute") if protocol
                       else Finding(ChangeKind.SYMBOL_ADDED, False, "attribute"))
            self.emit(symbol, finding, path, line)

    def member_removed(
        self, old: Side, new: Side, name: str, definition: Definition,
        report_as: tuple[str, str, int] | None,
    ) -> None:
        inherited, unknown_base = self.head.inherited(new.symbol, name)
        head_symbol = report_as[0] if report_as else f"{new.symbol}.{name}"
        path = report_as[1] if report_as else _path(self.head, new.module)
        line = report_as[2] if report_as else new.definition.line
        before = Side(self.base, old.module, definition)
        if inherited is not None and name in new.definition.attributes:
            # the class binds the name in its body now (``__hash__ = None``, ``m =
            # staticmethod(f)``): that answers, not the base's member (omegaconf 2.4's
            # ``DictConfig``, whose base's ``__hash__`` is abstract, was judged abstract)
            self._bound_in_body(old, name, definition, head_symbol, path, line)
            return
        if inherited is not None:  # the base's member answers now: still there for callers
            target = self.head.definition(inherited)
            if target is not None:
                after = Side(self.head, inherited.partition(":")[0], target)
                for finding in compare_callables(before, after):
                    self.emit(head_symbol, finding, path, line)
                if not definition.synthetic:
                    self.override_removed(old, name, definition, inherited, target)
            return
        if definition.synthetic and not unknown_base:
            after = Side(self.head, new.module, OBJECT_INIT)
            for finding in compare_callables(before, after):
                self.emit(head_symbol, finding, path, line)
            return
        symbol = f"{old.symbol}.{name}"
        old_path = _path(self.base, old.module)
        if name in new.definition.attributes or self.head.inherited_attribute(new.symbol, name):
            # ``set_class = OrderedSet`` replaced a method; a base's attribute answers the name
            # now (watchdog 4.0's ``FileSystemMovedEvent.dest_path`` property became the
            # ``dest_path`` field of its dataclass base ``FileSystemEvent``)
            detail = f"{definition.kind.value}->attribute"
            self.emit(head_symbol, Finding(ChangeKind.BODY_CHANGED, False, detail), path, line)
            return
        if name in OBJECT_MEMBERS or (name == "__init__" and not unknown_base):
            if name == "__init__":
                after = Side(self.head, new.module, OBJECT_INIT)
                for finding in compare_callables(before, after):
                    self.emit(head_symbol, finding, path, line)
                return
            if name == "__hash__" and unhashable(self.head, new.symbol):
                # the class (or a base) defines ``__eq__``: its instances stop being hashable
                self.emit(symbol, Finding(ChangeKind.SYMBOL_REMOVED, True,
                                          "instances no longer hashable"),
                          old_path, definition.line)
                return
            self.emit(symbol, Finding(ChangeKind.SYMBOL_REMOVED, False, INHERITED_FROM_OBJECT),
                      old_path, definition.line)
            return
        standard = standard_member(self.head, new.symbol, name) \
            if unknown_base and definition.kind is SymbolKind.METHOD else None
        if standard is not None and not reads_bare_name(self.head, new.module, name):
            # a standard-library base answers the name now (pymongo 4.0's ``SON.items``, left
            # to ``dict`` behind ``typing.Dict``): a call breaks if that does not take it
            key, answer = standard
            for finding in (compare_callables(before, Side(self.head, new.module, answer))
                            if answer is not None else ()):
                if finding.breaking:  # (``inspect`` reads no annotation a reviewer could use)
                    self.emit(head_symbol, finding, path, line)
            detail = f"{definition.kind.value} ({INHERITED_FROM_STANDARD.format(key)})"
            self.emit(symbol, Finding(ChangeKind.SYMBOL_REMOVED, False, detail), old_path,
                      definition.line)
            return
        if unknown_base and not reads_bare_name(self.head, new.module, name) \
                and delegated_to_outside_base(self.base, self.head, old.symbol, new.symbol,
                                              definition):
            # the override handed every argument on to the outside base's method, which
            # answers each call now (geopandas 1.0's ``GeoDataFrame.merge``)
            detail = f"{definition.kind.value} ({OUTSIDE_BASE_ANSWERS})"
            self.emit(symbol, Finding(ChangeKind.SYMBOL_REMOVED, False, detail), old_path,
                      definition.line)
            return
        detail = definition.kind.value + (" (a base outside the code may provide it)"
                                          if unknown_base else "")
        breaking = self.removal_breaks(symbol, old_path)
        self.emit(symbol, Finding(ChangeKind.SYMBOL_REMOVED, breaking, detail), old_path,
                  definition.line)

    def _bound_in_body(self, old: Side, name: str, definition: Definition, head_symbol: str,
                       path: str, line: int) -> None:
        """A method the class now binds as a class-body variable over a base's member. What
        the value is the summary does not say: ``__hash__`` bound so is ``None`` but in rare
        code (the instances are no longer hashable); any other name, a value that may be
        called as before."""
        if name == "__hash__":
            self.emit(f"{old.symbol}.{name}", Finding(ChangeKind.SYMBOL_REMOVED, True,
                                                      "instances no longer hashable"),
                      _path(self.base, old.module), definition.line)
            return
        detail = f"{definition.kind.value}->attribute"
        self.emit(head_symbol, Finding(ChangeKind.BODY_CHANGED, False, detail), path, line)

    def override_removed(
        self, old: Side, name: str, definition: Definition, inherited: str, target: Definition
    ) -> None:
        """An override is gone: every call that reached it runs ``inherited`` now.

        Always reported (the name still works, so nothing else would say it); breaking when
        what answers now is abstract or only raises ``NotImplementedError``.
        """
        overrode = self.base.inherited(old.symbol, name)[0] is not None
        if not overrode:  # pulled up into a base: the same code answers
            detail, breaking = f"moved to {inherited}", target.is_abstract
        elif target.is_abstract:
            detail, breaking = f"override removed; {inherited} is abstract", True
        elif target.not_implemented:
            detail = f"override removed; {inherited} raises NotImplementedError"
            breaking = True
        else:
            detail, breaking = f"override removed; {inherited} runs instead", False
        self.emit(f"{old.symbol}.{name}", Finding(ChangeKind.SYMBOL_REMOVED, breaking, detail),
                  _path(self.base, old.module), definition.line)

    def member_added(
        self, old: Side, new: Side, name: str, definition: Definition,
        report_as: tuple[str, str, int] | None,
    ) -> None:
        symbol = report_as[0] if report_as else f"{new.symbol}.{name}"
        path = report_as[1] if report_as else _path(self.head, new.module)
        line = report_as[2] if report_as else definition.line
        after = Side(self.head, new.module, definition)
        inherited, unknown_base = self.base.inherited(old.symbol, name)
        previous: Side | None = None
        if inherited is not None:
            target = self.base.definition(inherited)
            if target is not None:
                previous = Side(self.base, inherited.partition(":")[0], target)
        elif name == "__init__" and not unknown_base:
            previous = Side(self.base, old.module, OBJECT_INIT)
        if previous is not None:  # an override of what callers already reached
            for finding in compare_callables(previous, after):
                self.emit(symbol, finding, path, line)
            if (definition.is_abstract and not previous.definition.is_abstract
                    and self.head.may_be_abstract(new.symbol)):
                self.emit(symbol, Finding(ChangeKind.ABSTRACT_MEMBER_ADDED, True,
                                          f"{definition.kind.value} made abstract"), path, line)
            return
        if definition.synthetic:
            return
        if ((definition.is_abstract and self.head.may_be_abstract(new.symbol))
                or self.head.is_protocol(new.symbol)):
            # Every implementation that lacks it breaks: an ABC subclass can no longer be
            # instantiated, a structural implementation no longer conforms.
            detail = definition.kind.value + (" abstract" if definition.is_abstract else "")
            self.emit(symbol, Finding(ChangeKind.ABSTRACT_MEMBER_ADDED, True, detail), path, line)
            return
        detail = definition.kind.value + (" abstract" if definition.is_abstract else "")
        self.emit(symbol, Finding(ChangeKind.SYMBOL_ADDED, False, detail), path, line)

    # -- public surface --------------------------------------------------------------------
    def compare_surface(self, old: FileSummary, new: FileSummary) -> None:
        """Names that stop being importable (or public) from a module, re-exports included."""
        old_surface = self.base.surface(old.module)
        new_surface = self.head.surface(new.module)
        new_bound = self.head.bound_names(new.module)
        old_bound = self.base.bound_names(old.module)
        old_top = _top_level(self.base.definitions(old.module))
        for name in sorted(old_surface):
            symbol = f"{old.module}:{name}"
            was = self.base.resolve_in(old.module, name)
            line = _binding_line(old, old_top, name)
            if name not in new_bound:
                if name in old_top:
                    continue  # symbol-removed says it
                if name not in old_bound:
                    # ``__all__`` lists a name the base did not bind either (never defined,
                    # or bound in a way not modelled: ``global`` in a function): whatever
                    # importing it did, it still does
                    continue
                if self.head.stars_unread(new.module):
                    # star-imported from a module the head could not analyse (altair 5.2's
                    # 2.7 MB generated ``schema/core.py``): it may bind the name still
                    continue
                if self.head.serves_any_name(new.module):
                    finding = Finding(ChangeKind.EXPORT_REMOVED, False, _GETATTR_NOTE)
                else:
                    finding = Finding(ChangeKind.EXPORT_REMOVED, True, was or name)
                self.emit(symbol, finding, old.path, line)
            elif name not in new_surface:
                self.emit(symbol, Finding(ChangeKind.EXPORT_REMOVED, False,
                                          "still importable; no longer public"), old.path, line)
            elif (
                name not in old_top
                and was is not None
                and self.head.resolve_in(new.module, name) is None
                and name in self.head.imports(new.module)
                and not self.head.unread(self.head.imports(new.module)[name])
                and not self.head.serves_any_name(new.module)
            ):
                # The re-export is still written, but what it imports is gone.
                self.emit(symbol, Finding(ChangeKind.EXPORT_REMOVED, True, was), old.path, line)
        if new.is_package:
            new_top = _top_level(self.head.definitions(new.module))
            # a name ``__all__`` lists without the package binding it is no re-export
            for name in sorted((new_surface & new_bound) - old_bound - new_top.keys()):
                target = self.head.resolve_in(new.module, name) or name
                self.emit(f"{new.module}:{name}",
                          Finding(ChangeKind.SYMBOL_ADDED, False, f"re-export of {target}"),
                          new.path, _import_line(new, name))


def _made_abstract(finding: Finding, binds: bool) -> Finding:
    """``+abstractmethod`` on a member: implementations that lack it break, when the class
    is one ``abc.ABCMeta`` makes (``binds``); otherwise the decorator changes nothing."""
    if finding.kind is ChangeKind.DECORATOR_CHANGED and finding.detail == "+abstractmethod":
        if not binds:
            return replace(finding, breaking=False)
        return replace(finding, kind=ChangeKind.ABSTRACT_MEMBER_ADDED, breaking=True,
                       detail="made abstract")
    return finding


def _top_level(definitions: Mapping[str, Definition]) -> dict[str, Definition]:
    return {q: d for q, d in definitions.items() if "." not in q and not q.startswith("<")}


def _members(definitions: Mapping[str, Definition], owner: str) -> dict[str, Definition]:
    prefix = owner + "."
    return {
        q[len(prefix) :]: d
        for q, d in definitions.items()
        if q.startswith(prefix) and "." not in q[len(prefix) :] and not q.endswith(">")
    }


def _path(revision: Revision, module: str) -> str:
    summary = revision.summaries.get(module)
    return summary.path if summary is not None else ""


def _import_line(summary: FileSummary, name: str) -> int:
    lines = [b.line for b in summary.imports if b.name == name and b.scope == summary.module]
    return lines[-1] if lines else 1


def _binding_line(summary: FileSummary, top: Mapping[str, Definition], name: str) -> int:
    if name in top:
        return top[name].line
    return _import_line(summary, name)


def diff_summaries(
    base: Mapping[str, FileSummary],
    head: Mapping[str, FileSummary],
    *,
    renames: Mapping[str, str] | None = None,
    is_used_elsewhere: UsedElsewhere = never_used,
    test_patterns: Sequence[str] = DEFAULT_TEST_PATTERNS,
    skip: Collection[str] = (),
) -> list[Change]:
    """Every change from ``base`` to ``head`` (both: module name -> summary), sorted.

    ``renames`` maps old file paths to new ones (git's rename detection);
    ``is_used_elsewhere(symbol)`` decides whether removing a private name breaks anyone;
    ``skip`` names modules known to be the same file on both sides and to export nothing from
    a changed module: they are not compared (a lazy mapping then never summarises them).
    """
    differ = _Differ(Revision(base), Revision(head), is_used_elsewhere, test_patterns)
    return differ.run(renames or {}, frozenset(skip))
