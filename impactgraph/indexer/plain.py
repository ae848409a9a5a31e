"""What the astroid indexer and the ``ast`` API walk (``indexer/api_ast.py``) share that
needs no syntax tree: importing this imports no astroid."""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace

from impactgraph.model import Definition, Parameter, ParamKind, Signature, SymbolKind

# what an ``except`` clause names that catches a failed import (``ImportBinding.guarded``)
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})
DATACLASS_DECORATORS = frozenset(
    {"dataclass", "dataclasses.dataclass", "attr.s", "attr.attrs", "attrs.define", "attr.define",
     "attrs.frozen", "attr.frozen", "define", "frozen", "attrs.mutable", "attr.mutable"}
)

# pytest's own fixtures, as the outside classes their values are (their methods are not ours);
# read by the linker (``linker/fixtures.py``), which imports no astroid
BUILTIN_FIXTURES = {
    "tmp_path": "pathlib.Path",
    "tmp_path_factory": "_pytest.tmpdir.TempPathFactory",
    "tmpdir": "py.path.LocalPath",
    "tmpdir_factory": "_pytest.tmpdir.TempdirFactory",
    "monkeypatch": "_pytest.monkeypatch.MonkeyPatch",
    "capsys": "_pytest.capture.CaptureFixture",
    "capsysbinary": "_pytest.capture.CaptureFixture",
    "capfd": "_pytest.capture.CaptureFixture",
    "capfdbinary": "_pytest.capture.CaptureFixture",
    "caplog": "_pytest.logging.LogCaptureFixture",
    "recwarn": "_pytest.recwarn.WarningsRecorder",
    "request": "_pytest.fixtures.FixtureRequest",
    "pytestconfig": "_pytest.config.Config",
    "record_property": "_pytest.junitxml.RecordProperty",
    "record_testsuite_property": "_pytest.junitxml.RecordTestsuiteProperty",
    "testdir": "_pytest.pytester.Testdir",
    "pytester": "_pytest.pytester.Pytester",
    "cache": "_pytest.cacheprovider.Cache",
    "doctest_namespace": "builtins.dict",
    "event_loop": "asyncio.AbstractEventLoop",
}


def resolve_relative(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The absolute module named by ``from ...name import x`` inside ``module``."""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)] if level - 1 <= len(parts) else []
    base = ".".join(parts)
    if name:
        return f"{base}.{name}" if base else name
    return base


def marks_abstract(decorator_bases: Iterable[str]) -> bool:
    """A method is abstract when a decorator is ``abstractmethod`` or ``abstractproperty``
    (by any path: ``abc.abstractmethod``, ``abstractmethod``)."""
    return any(b.endswith("abstractmethod") or b.endswith("abstractproperty")
               for b in decorator_bases)


# dataclass-like decorators of attrs: an init parameter drops its attribute's leading
# underscores (``_deadline`` -> ``deadline``) unless ``alias=`` names it
ATTRS_DECORATORS = DATACLASS_DECORATORS - {"dataclass", "dataclasses.dataclass"}


def init_parameter_name(attribute: str, decorators: Iterable[str], alias: object) -> str:
    """The ``__init__`` parameter a dataclass-like class generates for ``attribute``."""
    if isinstance(alias, str) and alias.isidentifier():
        return alias
    if {decorator_base(d) for d in decorators} & ATTRS_DECORATORS:
        return attribute.lstrip("_") or attribute
    return attribute


def decorator_base(text: str) -> str:
    """``dataclasses.dataclass(frozen=True)`` -> ``dataclasses.dataclass``."""
    return text.split("(", 1)[0].strip()


def combine_hashes(*hashes: str) -> str:
    """One fingerprint of several bodies (a property with its setter)."""
    digest = hashlib.blake2b(digest_size=12)
    for value in hashes:
        digest.update(value.encode("ascii") + b"\0")
    return digest.hexdigest()


def earlier_bases(earlier: Definition | None) -> tuple[tuple[str, ...], ...]:
    """A class statement's ``Definition.other_bases``: those of the class of that name its
    scope defined before (``earlier``), with its own bases last; none for anything else."""
    if earlier is None or earlier.kind is not SymbolKind.CLASS:
        return ()
    return (*earlier.other_bases, earlier.bases)


def joined_accessor(owner: Definition, accessor: Definition) -> Definition:
    """The property ``owner`` with its ``@x.setter``/``@x.deleter`` ``accessor``: the
    accessor's decorator joins the property's (a setter removed is a property that can no
    longer be assigned), its body the property's body hash (a setter's body change is the
    property's), and so does how it takes its arguments when that is not the usual
    ``(self, value)`` / ``(self)``: Python calls ``fset(obj, value)`` and ``fdel(obj)`` on
    every assignment and ``del``, so a setter that lost ``value`` or gained a required
    parameter fails them all (semver 3.0.2's ``Version.build`` setter)."""
    marks = [d for d in accessor.decorators if d.endswith((".setter", ".deleter"))]
    shape = _accessor_shape(accessor.signature, 2 if any(
        m.endswith(".setter") for m in marks) else 1)
    return replace(
        owner,
        decorators=(*owner.decorators, *marks),
        end_line=max(owner.end_line, accessor.end_line),
        body_hash=combine_hashes(owner.body_hash, accessor.body_hash, *shape),
        renaming_hash=combine_hashes(owner.renaming_hash or owner.body_hash,
                                     accessor.renaming_hash or accessor.body_hash, *shape),
    )


def kept_by_decorator(name: str, decorators: Sequence[str]) -> bool:
    """Does a definition of ``name`` decorated so keep the function its scope defined under
    that name before: ``@render_url.dispatch(MarkdownRenderer)`` or ``@area.register``
    decorate through the earlier object, which holds the earlier function and is called for
    it (a setter or deleter is a property's: ``joined_accessor``)."""
    return any(decorator_base(d).startswith(f"{name}.") and not decorator_base(d).endswith(
        (".setter", ".deleter")) for d in decorators)


def block_of(node: object, parent: object) -> tuple[int, str]:
    """Which statement list of ``parent`` (an ``ast`` or astroid node) holds ``node``: its
    ``body``, ``orelse`` or ``finalbody`` ("" for another: an ``except`` clause's)."""
    for field in ("body", "orelse", "finalbody"):
        if any(item is node for item in getattr(parent, field, None) or ()):
            return id(parent), field
    return id(parent), ""


def keeps_earlier(name: str, earlier: Definition, decorators: Sequence[str],
                  same_block: bool) -> bool:
    """Does a function defined under a name its scope defined before leave the earlier one
    running (``joined_redefinition``)? When it is decorated through the earlier object
    (``kept_by_decorator``); when the earlier one was decorated, for its decorator may have
    kept it (``@register(int) def _``, ``@fmt.register def _``: every ``_`` is called through
    the registry, and the summary held the last one only, so a change to any other was no
    change at all); and when the two are not in one statement list (``if``/``else``
    branches: which one runs depends on the run). Else the earlier one is dead code."""
    return kept_by_decorator(name, decorators) or bool(earlier.decorators) or not same_block


def joined_redefinition(earlier: Definition, later: Definition) -> Definition:
    """``later`` with the function ``earlier`` that it leaves running (``keeps_earlier``):
    ``earlier``'s body, parameters and decorators join its fingerprint, so a change to either
    is a change to the one symbol of that name (``render_url`` of marko's GFM mixin, whose
    first definition renders HTML and whose second, ``@render_url.dispatch(...)``,
    Markdown)."""
    if earlier.kind not in (SymbolKind.FUNCTION, SymbolKind.METHOD):
        return later
    shape = tuple(f"{p.kind.value}:{p.name}={p.default}" for p in (
        earlier.signature.parameters if earlier.signature is not None else ()))
    shape += tuple(f"@{decorator}" for decorator in earlier.decorators)
    return replace(
        later,
        body_hash=combine_hashes(earlier.body_hash, *shape, later.body_hash),
        renaming_hash=combine_hashes(earlier.renaming_hash or earlier.body_hash, *shape,
                                     later.renaming_hash or later.body_hash),
    )


_BY_POSITION = frozenset({ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD})


def _accessor_shape(signature: Signature | None, usual: int) -> tuple[str, ...]:
    """``()`` for an accessor taking exactly ``usual`` required positional parameters (the
    hash of such a property is what it always was), else one text per parameter: its kind
    and whether it has a default (the names do not count: Python passes them by position)."""
    parameters = signature.parameters if signature is not None else ()
    if len(parameters) == usual and all(
            p.kind in _BY_POSITION and p.default is None for p in parameters):
        return ()
    return ("accessor", *(f"{p.kind.value}{'=' if p.default is not None else ''}"
                          for p in parameters))


# Calls that start another program (or run doctests: no program of ours to name). Which of
# them a call is, is the linker's to say; the indexer (``indexer/programs.py``) looks at calls
# by these last names only. Here, not there: the linker imports no astroid.
PROGRAM_RUNNERS = frozenset({
    "subprocess.run", "subprocess.Popen", "subprocess.call", "subprocess.check_call",
    "subprocess.check_output", "subprocess.getoutput", "subprocess.getstatusoutput",
    "os.system", "os.popen", "os.execv", "os.execve", "os.execl", "os.execlp", "os.execvp",
    "os.execvpe", "os.spawnv", "os.spawnl", "os.posix_spawn", "os.posix_spawnp",
    "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
    # doctests: examples in a text file or in docstrings, run by outside code with what the
    # test hands it (portion's ``doctest.testfile("../README.md", globs={"P": portion})``)
    "doctest.testfile", "doctest.testmod", "doctest.run_docstring_examples",
    "doctest.DocTestSuite", "doctest.DocFileSuite",
})


# The spellings of ``tuple`` in an annotation: ``tuple[X, Y]`` has as many elements as items
TUPLE_NAMES = frozenset({"tuple", "Tuple", "typing.Tuple", "typing_extensions.Tuple",
                         "builtins.tuple", "t.Tuple"})


def returns_length(annotation: str | None, returned: Sequence[int | None], direct: bool
                   ) -> int | None:
    """How many elements a function's result has, where its code tells (``Definition.
    returns_length``). ``returned``: per ``return`` of its own body, the length of the tuple
    or list literal it returns (None: another value, or none); all of one length tell it, else
    the annotation ``-> tuple[X, Y]`` does (not ``tuple[X, ...]``). ``direct``: a call returns
    what ``return`` gives (not a generator's iterator, nor a coroutine)."""
    if not direct:
        return None
    if returned and None not in returned:
        return returned[0] if len(set(returned)) == 1 else None
    if annotation is None or not annotation.startswith(("tuple", "Tuple", "typing.", "t.",
                                                        "builtins.")):
        return None
    try:
        tree = ast.parse(annotation, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(tree, ast.Subscript) or ast.unparse(tree.value) not in TUPLE_NAMES:
        return None
    items = tree.slice.elts if isinstance(tree.slice, ast.Tuple) else [tree.slice]
    if any(isinstance(i, ast.Constant) and i.value is Ellipsis for i in items):
        return None
    return len(items)


# How a class statement's base names ``typing.NamedTuple`` (its fields: the annotated names
# of the class body) and what makes a named tuple class of fields written out in a call
# (``namedtuple('P', 'x y')``, ``NamedTuple('P', [('x', int)])``); by spelling, as the
# dataclass decorators are
NAMED_TUPLE_BASES = frozenset({"NamedTuple", "typing.NamedTuple", "typing_extensions.NamedTuple"})
NAMED_TUPLE_FACTORIES = NAMED_TUPLE_BASES | {"namedtuple", "collections.namedtuple"}


def named_tuple_fields(bases: Sequence[str], annotated: Sequence[tuple[str, str, str | None]]
                       ) -> list[tuple[str, Parameter]] | None:
    """The parameters of the constructor a named tuple class is made with (``P(x, y=0)``):
    its fields in order, each with its default. ``bases``: the class statement's bases as
    text; ``annotated``: the class body's ``name: annotation [= default]`` statements, in
    order (the fields of ``class P(NamedTuple)``). None when no base is a named tuple, or
    its fields are not written out (a variable, ``rename=True``); the caller also leaves a
    class that defines its own ``__new__`` or ``__init__``."""
    for base in bases:
        if base.strip() in NAMED_TUPLE_BASES:
            return [(name, Parameter(name, ParamKind.POSITIONAL_OR_KEYWORD, default,
                                     annotation or None))
                    for name, annotation, default in annotated]
    for base in bases:
        fields = _called_fields(base)
        if fields is not None:
            return fields
    return None


def _called_fields(base: str) -> list[tuple[str, Parameter]] | None:
    """``named_tuple_fields`` of a base written as a call of a named tuple factory with
    literal fields, and literal ``defaults=`` (they fill the last fields)."""
    try:
        node = ast.parse(base.strip(), mode="eval").body
    except (SyntaxError, RecursionError, ValueError):
        return None
    if not isinstance(node, ast.Call) or len(node.args) != 2 \
            or ast.unparse(node.func) not in NAMED_TUPLE_FACTORIES:
        return None
    names: list[tuple[str, str | None]] = []
    fields = node.args[1]
    if isinstance(fields, ast.Constant) and isinstance(fields.value, str):
        names = [(name, None) for name in fields.value.replace(",", " ").split()]
    elif isinstance(fields, (ast.List, ast.Tuple)):
        for element in fields.elts:
            annotation = None
            if isinstance(element, ast.Tuple) and len(element.elts) == 2:
                annotation = ast.unparse(element.elts[1])
                element = element.elts[0]
            if not isinstance(element, ast.Constant) or not isinstance(element.value, str):
                return None
            names.append((element.value, annotation))
    else:
        return None
    defaults: list[str] = []
    for keyword in node.keywords:
        if keyword.arg == "defaults" and isinstance(keyword.value, (ast.List, ast.Tuple)):
            defaults = [ast.unparse(value) for value in keyword.value.elts]
        elif keyword.arg != "module":
            return None
    if len(defaults) > len(names) or not all(name.isidentifier() for name, _ in names):
        return None
    given = [None] * (len(names) - len(defaults)) + defaults
    return [(name, Parameter(name, ParamKind.POSITIONAL_OR_KEYWORD, default, annotation))
            for (name, annotation), default in zip(names, given, strict=True)]
