"""Test code that depends on the text of a Python file that changed.

A test may read a source file as text rather than import it: run it
(``runpy.run_path("src/pkg/conf.py")``), ``exec`` or ``compile`` what ``open(...).read()``
gives, ``ast.parse`` it, or ask ``inspect.getsource(api)`` for the source of a module, class
or function. What it sees is the file's text, so any edit of the file (a module-level
variable, a comment, a function added) can change its outcome, and no call or import edge
records that. ``text_reads`` finds, in the head's test code (test files, conftests, helpers
beside the tests), each scope that

* names a ``.py`` file that changed by a path (``FileSummary.named_files``: a string, or a
  simple path expression), resolved as ``PathAnchor`` says: from the naming file's folder;
  from where the process runs, which is not known (the naming file's folder, each folder
  above it, the repository root); or, after a part that is not known, any file whose path
  ends with it;
* calls one of ``SOURCE_READERS`` and refers to a module, class or function of ours whose
  file changed (the references of its callers count too: a helper handed the object).

Test selection keeps such a scope as changed code (``select_tests._text_reads``): its own
test file, and the tests that reach it. A file named only in library code, a path an
f-string computes before its literal tail, and ``module.__file__`` are out of reach.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass

from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind, NamedFile, PathAnchor
from impactgraph.path_strings import path_parent

# what reads the text of the file a module, class or function of ours was defined in, or
# runs a module of ours by its name (``runpy.run_module("pkg.conf")``: a string naming it)
SOURCE_READERS = frozenset({
    "inspect.getsource", "inspect.getsourcelines", "inspect.getsourcefile", "inspect.getfile",
    "inspect.findsource", "inspect.getcomments", "inspect.getdoc", "runpy.run_module",
})


@dataclass(frozen=True, slots=True)
class TextRead:
    """A scope of test code whose outcome depends on the text of ``path``, which changed."""

    caller: str
    path: str
    how: str  # ``names src/pkg/conf.py``, ``reads the source of pkg.api``, ``runs pkg.conf``
    reader: str = ""  # the call that reads it (``inspect.getsource``), if any
    helper: str = ""  # the function making that call, when ``caller`` hands it the object

    @property
    def reason(self) -> str:
        """``reads the source of pkg.api (inspect.getsource in tests.test_api:test_src),
        whose text changed``."""
        where = f"{self.reader} in {self.caller}" if self.reader else f"in {self.caller}"
        if self.helper:
            where = f"{self.reader} in {self.helper}, called by {self.caller}"
        return f"{self.how} ({where}), whose text changed"


def text_reads(graph: CodeGraph, changed: Set[str], library: Set[str]) -> list[TextRead]:
    """The scopes of the head's test code (modules not in ``library``) that depend on the
    text of a changed file (``changed``: the Python files whose content differs)."""
    if not changed:
        return []
    found: dict[TextRead, None] = {}
    for module, named in sorted(graph.named_files.items()):
        if module in library or module not in graph:
            continue
        path = graph.path_of(module)
        for name in named:
            caller = name.scope if name.scope in graph else module  # a lambda's: its module's
            for target in resolve(name, path, changed):
                found[TextRead(caller, target, f"names {target}")] = None
    for reader, callees in sorted(graph.external_calls.items()):
        readers = sorted(callees & SOURCE_READERS)
        if not readers or reader not in graph or graph.module_of(reader) in library:
            continue
        what = "runs" if readers == ["runpy.run_module"] else "reads the source of"
        for caller, module in _read_modules(graph, reader):
            target = graph.path_of(module)
            if target in changed and graph.module_of(caller) not in library:
                helper = reader if caller != reader else ""
                found[TextRead(caller, target, f"{what} {module}", readers[0], helper)] = None
    return list(found)


def resolve(name: NamedFile, naming_path: str, changed: Set[str]) -> list[str]:
    """The changed files ``name`` (spelled in the file at ``naming_path``) may be."""
    folder = path_parent(naming_path)
    folder = "" if folder == "." else folder
    match name.anchor:
        case PathAnchor.FOLDER:
            starts = [folder]
        case PathAnchor.CWD:
            starts = list(_folders_up(folder))
        case PathAnchor.ANY:
            return sorted(p for p in changed if p == name.path or p.endswith("/" + name.path))
    found = []
    for start in starts:
        joined = _joined(start, name.path)
        if joined is not None and joined in changed:
            found.append(joined)
    return found


def _folders_up(folder: str) -> Iterator[str]:
    """``folder`` and each folder above it, the repository root ("") last."""
    while folder:
        yield folder
        folder = folder.rpartition("/")[0]
    yield ""


def _joined(folder: str, path: str) -> str | None:
    """``folder/path`` with ``..`` folded; None when it climbs above the repository."""
    parts = folder.split("/") if folder else []
    for part in path.split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)


def _read_modules(graph: CodeGraph, reader: str) -> list[tuple[str, str]]:
    """(scope, module) for each module of ours whose source ``reader`` may ask for: a
    module, class or function it refers to, or one a caller of it refers to (an object
    handed to a helper: that caller is the scope that depends on its text)."""
    scopes = [reader, *sorted(source for source, kind in graph.predecessors(reader)
                              if kind == EdgeKind.CALLS)]
    found: dict[tuple[str, str], None] = {}
    for scope in scopes:
        for target, kind in graph.successors(scope):
            if kind == EdgeKind.REFERENCES and target in graph:
                found[(scope, graph.module_of(target))] = None
    return list(found)
