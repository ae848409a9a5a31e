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

import re
from collections.abc import Iterable, Iterator, Set
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


# what runs a Python file named by its path as a module would run on import: its top-level
# code, and then whatever the caller asks of the module object it gets
# (``spec_from_file_location(name, path)`` and ``exec_module``, ``runpy.run_path``)
FILE_RUNNERS = frozenset({
    "importlib.util.spec_from_file_location", "importlib.machinery.SourceFileLoader",
    "importlib.machinery.SourcelessFileLoader", "runpy.run_path", "imp.load_source",
    "imp.load_module",
})


@dataclass(frozen=True, slots=True)
class FileRun:
    """A scope of test code that runs the Python files (``modules``) its module names by a
    path or a glob pattern (``arpeggio``'s ``test_examples``: every ``examples/*/*.py``)."""

    caller: str
    runner: str  # ``importlib.util.spec_from_file_location``
    path: str  # the path or pattern, as resolved from the naming file
    modules: frozenset[str]


def files_run(graph: CodeGraph, library: Set[str]) -> list[FileRun]:
    """The scopes of test code (modules not in ``library``) calling one of ``FILE_RUNNERS``,
    each with the modules of ours whose file a path its module names may be: unchanged
    files too, since what they run may reach a change. A path with ``*`` or ``?`` in a part
    (``glob.glob(os.path.join(HERE, "..", "examples", "*", "*.py"))``) names every file it
    matches."""
    found: list[FileRun] = []
    module_at: dict[str, str] | None = None
    for caller, callees in sorted(graph.external_calls.items()):
        runners = sorted(callees & FILE_RUNNERS)
        if not runners or caller not in graph:
            continue
        module = graph.module_of(caller)
        named = graph.named_files.get(module, ())
        if module in library or not named:
            continue
        if module_at is None:
            module_at = {graph.path_of(m): m for m in graph.nodes("module")}
        for name in named:
            for pattern in _patterns(name, graph.path_of(module)):
                matched = frozenset(module_at[p] for p in _matching(pattern, name.anchor,
                                                                      module_at))
                if matched:
                    found.append(FileRun(caller, runners[0], pattern, matched))
    return found


def _patterns(name: NamedFile, naming_path: str) -> list[str]:
    """The repository paths (or, for ``ANY``, path tails) ``name`` may be, as patterns."""
    if name.anchor is PathAnchor.ANY:
        return [name.path]
    folder = path_parent(naming_path)
    folder = "" if folder == "." else folder
    starts = [folder] if name.anchor is PathAnchor.FOLDER else list(_folders_up(folder))
    return [joined for start in starts if (joined := _joined(start, name.path)) is not None]


def _matching(pattern: str, anchor: PathAnchor, paths: Iterable[str]) -> list[str]:
    """The ``paths`` ``pattern`` names: the path itself, or every path its ``*``, ``?`` and
    ``**`` parts match (a part never matching across ``/`` but ``**``); with ``ANY``, every
    path ending with such a tail."""
    if not any(c in pattern for c in "*?") and anchor is not PathAnchor.ANY:
        return [pattern] if pattern in paths else []
    parts = []
    for part in pattern.split("/"):
        if part == "**":
            parts.append("(?:[^/]+/)*")
        else:
            text = re.escape(part).replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
            parts.append(text + "/")
    regex = "".join(parts)[:-1] if not pattern.endswith("**") else "".join(parts)
    lead = "(?:.*/)?" if anchor is PathAnchor.ANY else ""
    compiled = re.compile(lead + regex)
    return sorted(p for p in paths if compiled.fullmatch(p))


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
