"""Pure value objects shared by every stage of the pipeline.

Nothing here touches the disk, git, networkx or astroid: a FileSummary is plain data that
can be cached, compared and sent between processes.

Symbolic expressions
--------------------
The indexer cannot know what an imported name is (that needs other files), so every value it
sees is recorded as an ``Expr``: a tuple of strings, a *root* followed by *operations*, which
the linker evaluates once all summaries are known.

Roots:
  ``s:<module>:<qualname>``  a class or function defined in this file
  ``m:<dotted.path>``        an absolute import path (module, submodule or attribute of one)
  ``v:<module>:<scope>|<name>`` a variable binding; ``scope`` is a qualname ("" = module level).
                             Special names: ``<return>`` (return values of function ``scope``),
                             ``.attr`` (instance attribute assigned through ``self``),
                             ``<cN>`` (elements of the N-th container literal of the scope)
  ``c:<module>:<scope>|<cN>`` a container whose elements are bound under that key
  ``b:<name>``               a builtin
Operations:
  ``.name`` attribute, ``()`` call result (an instance for a class), ``[]`` an element,
  ``+`` instance of this class or of a subclass (annotations, ``self``),
  ``@`` apply the definition's decorators, ``super`` the ``super()`` proxy of a class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

Expr = tuple[str, ...]


class SymbolKind(str, Enum):
    MODULE = "module"
    CLASS = "class"
    FUNCTION = "function"
    METHOD = "method"
    VARIABLE = "variable"


class EdgeKind(str, Enum):
    """What an edge of the code graph says; the value is what graph JSON and stored graphs
    hold. A member equals its value (``EdgeKind.CALLS == "calls"``), but formats as
    ``EdgeKind.CALLS`` on Python 3.11+: write ``.value`` where text is made."""

    CALLS = "calls"
    REFERENCES = "references"
    IMPORTS = "imports"
    INHERITS = "inherits"
    OVERRIDES = "overrides"
    EXPORTS = "exports"


class ParamKind(str, Enum):
    POSITIONAL_ONLY = "positional-only"
    POSITIONAL_OR_KEYWORD = "positional-or-keyword"
    VAR_POSITIONAL = "var-positional"
    KEYWORD_ONLY = "keyword-only"
    VAR_KEYWORD = "var-keyword"


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    kind: ParamKind
    default: str | None = None  # source text of the default; None when required
    annotation: str | None = None  # source text as written


@dataclass(frozen=True, slots=True)
class Signature:
    parameters: tuple[Parameter, ...] = ()
    returns: str | None = None
    is_async: bool = False
    # the body yields: a generator function (with ``is_async``, an async generator, whose call
    # returns an async iterator rather than something to await)
    is_generator: bool = False


@dataclass(frozen=True, slots=True)
class Definition:
    """A class, function, method or module-level variable defined in one file."""

    qualname: str
    kind: SymbolKind
    line: int
    end_line: int
    signature: Signature | None = None
    decorators: tuple[str, ...] = ()  # source text, outermost first
    decorator_exprs: tuple[Expr, ...] = ()  # symbolic, outermost first
    bases: tuple[str, ...] = ()  # class bases, source text
    base_exprs: tuple[Expr, ...] = ()
    body_hash: str = ""  # AST hash without docstring: a body edit changes it
    value: str | None = None  # variables: normalised source of the assigned value
    overloads: tuple[Signature, ...] = ()  # @typing.overload signatures, in order
    synthetic: bool = False  # generated (a dataclass __init__), not written in the source
    is_abstract: bool = False
    attributes: tuple[str, ...] = ()  # classes: data attributes (class body, ``self.x = ...``)
    not_implemented: bool = False  # the body only raises NotImplementedError (an abstract stub)
    # functions: the body hash with parameters named by their place ("": equal to body_hash);
    # equal for bodies that differ by a consistent rename of parameters only
    renaming_hash: str = ""
    # functions: how many elements the returned value has, where the code tells (every
    # ``return`` a tuple or list literal of that length, or ``-> tuple[X, Y]``): what a call
    # unpacking its result (``f(*pair())``) passes
    returns_length: int | None = None
    # classes: the ``metaclass=`` keyword's source text, when the statement has one
    metaclass: str | None = None
    # functions: the lines of the body that are its own code, from its first statement after
    # the docstring to its end, a nested function's or class's body left out (it is evaluated
    # on its own); 0: not recorded (lambdas, synthetic definitions), ``end_line - line`` counts
    code_lines: int = 0
    # classes: the bases of each earlier statement defining the class of that name in its
    # scope, first to last (``if sys.version_info >= (3,): class I(A)`` ``else: class I(B)``):
    # the class as it runs may be any of them; ``bases`` are the last statement's
    other_bases: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class ImportBinding:
    """``import a.b as c`` / ``from a import b`` as seen in one file, made absolute."""

    name: str  # local name bound ("*" for a star import)
    target: str  # absolute dotted path ("catalog.search.find_book", "numpy")
    line: int
    scope: str  # symbol id of the scope that binds it (the module name at module level)
    is_from: bool  # ``from m import name``: fails at import time when ``name`` is gone
    type_checking: bool = False  # under ``if TYPE_CHECKING:``
    # in the body of a ``try`` one of whose handlers catches ``ImportError`` and binds the
    # name again (``except ImportError: from slow import x`` or ``x = None``): when the
    # target is gone the handler runs, and importing the module does not fail
    guarded: bool = False


class ProgramKind(str, Enum):
    MODULE = "module"  # ``python -m name``
    PATH = "path"  # ``python path/to/script.py``
    CODE = "code"  # ``python -c SOURCE``, or the source fed to ``python -`` on stdin
    COMMAND = "command"  # another command: a console script's name, or any program at all


@dataclass(frozen=True, slots=True)
class Program:
    """What a call that starts a program (``subprocess.run([sys.executable, "-m", "pkg"])``)
    runs, as constants in the calling file spell it; the arguments after it are left out."""

    kind: ProgramKind
    target: str  # the module name, the path as written, the source, the command name
    # spelled by the calls of the function that starts it (its parameter), all in its file:
    # known only as long as nothing else calls it
    from_callers: bool = False


class PathAnchor(str, Enum):
    """Where a path a file spells starts from (``NamedFile``)."""

    FOLDER = "folder"  # the naming file's own folder: ``Path(__file__).parent / "conf.py"``
    CWD = "cwd"  # where the process runs, not known here: ``open("src/pkg/conf.py")``
    # a part before it is not known (``os.path.join(ROOT, "conf.py")``, ``f"{root}/conf.py"``):
    # any file whose path ends with it
    ANY = "any"


@dataclass(frozen=True, slots=True)
class NamedFile:
    """A Python file that code names by a path, in a string or a simple path expression
    (``runpy.run_path("src/pkg/conf.py")``, ``Path(__file__).parent / "data" / "case.py"``):
    what it does with the file (reads its text, runs it, parses it) may depend on any of it."""

    scope: str  # symbol id of the code naming it (module name for module-level code)
    path: str  # "/" separated, ``.`` and ``a/..`` folded away (it may start with ``../``)
    anchor: PathAnchor


@dataclass(frozen=True, slots=True)
class Spread:
    """A ``*value`` a call unpacks, with what the file tells of its length: a tuple or list
    literal's ``length``, or the index (``call``) in the file's calls of the call whose result
    it is (its callee's ``Definition.returns_length``); neither: not known."""

    length: int | None = None
    call: int | None = None


@dataclass(frozen=True, slots=True)
class CallSite:
    scope: str  # symbol id of the caller (module name for module-level code)
    callee: tuple[Expr, ...]  # every value the called expression may have
    line: int
    args: tuple[tuple[Expr, ...], ...] = ()  # positional argument values
    kwargs: tuple[tuple[str, tuple[Expr, ...]], ...] = ()
    decorator: bool = False  # applying a decorator (``@dec``) rather than a written call
    star: bool = False  # the call unpacks ``*args`` or ``**kwargs``: its arity is unknown
    implicit: bool = False  # made by the language (``for x in obj`` calls ``__iter__``), not
    # written: only calls into the code base count, and nothing is counted as unresolved
    # made by module-level code in ``if __name__ == "__main__":``: it runs when the module
    # runs as a program (``python -m pkg.mod``, ``python pkg/mod.py``), not when it is imported
    main: bool = False
    # a call that may start a program (by its name: ``subprocess.run``, ``os.system``...), when
    # its file's constants tell which: the linker keeps it for a callee that does
    program: Program | None = None
    # what the call unpacks (with ``star``): 1 ``*sequence``, 2 ``**mapping``, 3 both
    unpacks: int = 0
    # each ``*value`` it unpacks, in order (``unpacks & 1``)
    spreads: tuple[Spread, ...] = ()
    # the call is a ``with`` item (1) or an ``async with`` one (2): its result is entered
    entered: int = 0
    # the call is what a ``for`` (1) or an ``async for`` (2) loop or comprehension iterates:
    # only its result's ``__iter__``/``__aiter__`` is used
    iterated: int = 0
    # the call is in the body of a block that expects a TypeError and whatever its message says
    # (``with pytest.raises(TypeError):``, ``with self.assertRaises(Exception):``): a call that
    # no longer binds raises what the test expects
    raises_expected: bool = False
    # the call's result is awaited where it is made (``await f()``): it is used as an awaitable
    awaited: bool = False
    # the call is in an ``except TypeError`` handler of a ``try`` whose body calls the same
    # callee, as written (``try: fmt(view, value, name)`` ``except TypeError: fmt(view,
    # value)``): it runs when that call raised, the retry of a callee that takes other arguments
    retried: bool = False


@dataclass(frozen=True, slots=True)
class Reference:
    """A name used without being called: a callback, a decorator, an isinstance type..."""

    scope: str
    target: tuple[Expr, ...]
    line: int
    # a string spells the target's dotted path (``"pkg.plugins.notes"``, ``"pkg.mod:func"``):
    # code that imports it by that name calls it, with arguments nobody here can see
    by_name: bool = False
    main: bool = False  # in the module's ``if __name__ == "__main__":`` block (see CallSite)
    # a read in the value of a module-level assignment, recorded for the variable it sets
    # (``scope``): what that variable's value is made from; only module-level variables count
    # (a table of functions, ``HANDLERS = {"parse": parse}``, does not run them)
    held: bool = False


@dataclass(frozen=True, slots=True)
class FileSummary:
    module: str
    path: str  # relative to the repository root, "/" separated
    is_package: bool
    definitions: tuple[Definition, ...] = ()
    imports: tuple[ImportBinding, ...] = ()
    calls: tuple[CallSite, ...] = ()
    references: tuple[Reference, ...] = ()
    bindings: tuple[tuple[str, tuple[Expr, ...]], ...] = ()  # variable key -> values
    # ``obj.attr = value`` where ``obj`` is not ``self``: (obj values, attr, values)
    attribute_stores: tuple[tuple[tuple[Expr, ...], str, tuple[Expr, ...]], ...] = ()
    # ``__all__`` when it can be read: its literal names, and the modules whose own
    # ``__all__`` it splices in (``all_from``; ``exported_names`` puts them together)
    all_names: tuple[str, ...] | None = None
    has_getattr: bool = False  # module-level ``__getattr__`` may serve any name
    error: str | None = None  # set when the file could not be analysed
    # Only what ``changes`` compares (``indexer/api.py``): no calls, references, bindings or
    # symbolic values. Never linked, never cached as a full summary.
    api_only: bool = False
    # the first and last lines of each module-level ``if __name__ == "__main__":`` body: code
    # that runs only when the module runs as a program (its ``else:`` runs on import)
    main_blocks: tuple[tuple[int, int], ...] = ()
    # a ``return`` guarded by the shape of the function's arguments (``if func is None:``):
    # (the key its values are bound under, which the function's ``<return>`` holds; its guard,
    # ``(condition, "param=shape", ...)`` as ``indexer/guards.py`` writes it)
    return_guards: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the names the module-level ``__getattr__`` surely serves: those it compares its argument
    # with and then does not raise for (``if name == "Old": return New``; ``if name not in
    # ("a", "b"): raise AttributeError(name)``)
    getattr_names: tuple[str, ...] = ()
    # (scope, name): names a scope reads only in ways that survive their absence
    # (``getattr(obj, "name", None)``, ``hasattr``, a read under ``if hasattr(...)`` or in a
    # ``try`` catching ``AttributeError``; ``indexer/tolerant.py``)
    tolerant_reads: tuple[tuple[str, str], ...] = ()
    all_from: tuple[str, ...] = ()
    # A fingerprint of the module's own code: its top-level statements that neither define
    # a function or class, import, nor bind plain names (those are symbols of their own),
    # looked into ``if``/``try`` blocks: calls such as ``register("a")``, stores into
    # attributes or items, loops, a ``__main__`` block. "" when there are none.
    module_code: str = ""
    # the container roots (``c:...``) of values that cannot be hashed: list, set and dict
    # displays and comprehensions, ``list(...)``, ``dict(...)``, ``sorted(...)``, a
    # ``**kwargs`` mapping (a tuple or a generator is not one)
    mutables: tuple[str, ...] = ()
    # the variable keys of class-body names bound to a literal the bindings keep no value of
    # (``suppress = False``, ``cache = None``): the body binds the name, though no value shows
    # it, beside what the instances may bind over it
    class_literals: tuple[str, ...] = ()
    # the Python files the module names by a path (``indexer/named_files.py``): a test
    # that reads or runs a file's text depends on that text, which no edge records
    named_files: tuple[NamedFile, ...] = ()

    @property
    def package(self) -> str:
        return self.module.split(".", 1)[0]


def exported_names(module: str, summary_of: Callable[[str], FileSummary | None],
                   _seen: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """The names ``module``'s ``__all__`` holds, those of the modules it splices in included
    (``FileSummary.all_from``), or None when it has none or one that cannot be read: a
    spliced module that is not ours, or has no ``__all__`` of its own it can be read from.
    The module spliced into itself stands for what an augmentation that cannot be read adds:
    its own public top-level definitions (functions, classes, variables; not its imports)."""
    summary = summary_of(module)
    if summary is None:
        return None
    if not summary.all_from or summary.all_names is None:
        return summary.all_names
    names = list(summary.all_names)
    seen = _seen | {module}
    for source in summary.all_from:
        if source == module:
            names.extend(d.qualname for d in summary.definitions
                         if "." not in d.qualname and not d.qualname.startswith("_"))
            continue
        if source in seen:
            continue  # a cycle would fail at import; what the rest gives is kept
        spliced = exported_names(source, summary_of, seen)
        if spliced is None:
            return None
        names.extend(spliced)
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    message: str


class ChangeKind(str, Enum):
    MODULE_ADDED = "module-added"
    MODULE_REMOVED = "module-removed"
    MODULE_RENAMED = "module-renamed"
    SYMBOL_ADDED = "symbol-added"
    SYMBOL_REMOVED = "symbol-removed"
    SYMBOL_RENAMED = "symbol-renamed"
    EXPORT_REMOVED = "export-removed"
    PARAMETER_ADDED = "parameter-added"
    PARAMETER_REMOVED = "parameter-removed"
    PARAMETER_RENAMED = "parameter-renamed"
    PARAMETER_MOVED = "parameter-moved"
    PARAMETER_KIND_CHANGED = "parameter-kind-changed"
    PARAMETER_NOW_REQUIRED = "parameter-now-required"
    PARAMETER_DEFAULT_CHANGED = "parameter-default-changed"
    RETURN_ANNOTATION_CHANGED = "return-annotation-changed"
    PARAMETER_ANNOTATION_CHANGED = "parameter-annotation-changed"
    DECORATOR_CHANGED = "decorator-changed"
    ASYNC_CHANGED = "async-changed"
    BASE_REMOVED = "base-removed"
    BODY_CHANGED = "body-changed"
    ABSTRACT_MEMBER_ADDED = "abstract-member-added"
    FILE_CHANGED = "file-changed"


@dataclass(frozen=True, slots=True)
class Change:
    symbol: str  # "mod:qualname", or the module name for a module-level change
    kind: ChangeKind
    breaking: bool
    path: str
    line: int
    detail: str = ""
    old: str | None = None  # what a reviewer compares: the old default, annotation, kind...
    new: str | None = None  # ... and the new one (None: that side has none)
    # Code using it as before breaks, though the change is no API break (``breaking`` is
    # False for test code): the impact walk judges its users as for a breaking change.
    breaks_users: bool = False

    @property
    def breaks_code(self) -> bool:
        """Can code that uses the changed symbol as before break (an API break, or the same
        change to test code)?"""
        return self.breaking or self.breaks_users


@dataclass(frozen=True, slots=True)
class ChangeSet:
    base: str
    head: str
    changes: tuple[Change, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    base_commit: str | None = None  # the merge base compared from
    head_commit: str | None = None  # None: the working tree


@dataclass(frozen=True, slots=True)
class AffectedModule:
    module: str
    path: str
    package: str
    depth: int
    breaking: bool
    crosses_gateway: bool
    crosses_package: bool
    is_test: bool
    score: float
    via: tuple[str, ...]
    gateways: tuple[str, ...] = ()  # gateway modules on the chosen paths
    owners: tuple[str, ...] = ()  # from CODEOWNERS (GitHub's rules); () when none


@dataclass(frozen=True, slots=True)
class Stats:
    files_indexed: int = 0
    unresolved_calls: int = 0
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class SelectedTest:
    """A test file to run and why: the chain that reaches it, or a fail-open cause."""

    path: str
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImpactReport:
    base: str
    head: str
    changes: tuple[Change, ...] = ()
    affected: tuple[AffectedModule, ...] = ()
    tests: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    stats: Stats = field(default_factory=Stats)
    # symbol-level edges of the impacted subgraph, for the graph renderers:
    # (source symbol, target symbol, edge kind), source = the changed side
    edges: tuple[tuple[str, str, str], ...] = ()
    gateways_crossed: tuple[str, ...] = ()
    base_commit: str | None = None  # the merge base of ``base`` and the head, compared from
    head_commit: str | None = None  # None: the working tree
    test_reasons: tuple[SelectedTest, ...] = ()  # ``tests`` with why each is selected
    all_tests: bool = False  # every test file selected: the analysis failed open
    all_tests_reason: str = ""  # the first cause of that (``file-changed: pyproject.toml``)


def symbol_module(symbol: str) -> str:
    """``"orders.service:OrderService.place"`` -> ``"orders.service"``."""
    return symbol.split(":", 1)[0]


def top_package(module: str) -> str:
    return module.split(".", 1)[0]
