"""Deterministic source mutations for ``benchmarks/test_selection.py``.

Each mutation is one change a developer could make to a library: a signature change (remove,
add or rename a parameter, change a default), a removed or renamed function or method, a removed
override, a dunder method that now returns something else, a pytest fixture that now fails; and,
not among the default kinds (``EXTRA_KINDS``: chosen only when asked for, so the default kinds'
choices stay what they were), a module-level or class-level constant given another value.
Mutations are found with ``ast`` and applied as text edits, so everything outside the mutated
definition stays byte for byte the same (the diff is what a real commit would show).

``candidates(path, source)`` lists the mutations a library file allows;
``apply_mutation(source, mutation)`` returns the mutated source (valid Python, checked).
"""

from __future__ import annotations

import ast
import contextlib
import copy
import io
import random
import tokenize
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

KINDS = (
    "remove-parameter",
    "add-required-parameter",
    "rename-parameter",
    "remove-function",
    "rename-method",
    "change-default",
    "remove-override",
    "dunder-return",
    "fixture-raise",
)
# Kinds a run measures only when asked for (``choose(..., kinds=EXTRA_KINDS)``): a value changed
# at module or class level. A number or string of a module-level constant (``TIMEOUT = 30``,
# ``ENCODING = "utf-8"``, the pattern string of ``re.compile("...")``) or of a class attribute
# (``class C: limit = 10``), and an element dropped from a literal collection (list, tuple,
# set, dict, or one of those passed to ``frozenset()``/``set()``/``tuple()``/``list()``/``dict()``).
EXTRA_KINDS = (
    "change-constant",
    "change-class-constant",
    "drop-element",
)
ALL_KINDS = KINDS + EXTRA_KINDS

ADDED_PARAMETER = "bench_added"
RENAMED_SUFFIX = "_renamed"

# What a mutated dunder returns instead: a different value of the right type where one exists
# (so the change shows as wrong results, not as a crash), else a raise.
DUNDER_BODIES = {
    "__str__": 'return "<mutated>"',
    "__repr__": 'return "<mutated>"',
    "__html__": 'return "<mutated>"',
    "__format__": 'return "<mutated>"',
    "__eq__": "return NotImplemented",
    "__ne__": "return NotImplemented",
    "__lt__": "return NotImplemented",
    "__le__": "return NotImplemented",
    "__gt__": "return NotImplemented",
    "__ge__": "return NotImplemented",
    "__hash__": "return 0",
    "__len__": "return 0",
    "__bool__": "return False",
    "__iter__": "return iter(())",
    "__contains__": "return False",
}
DUNDER_DEFAULT_BODY = 'raise RuntimeError("benchmark mutation")'
# Dunders whose removal or rewrite says nothing about call resolution (object construction
# and class creation are covered by the other kinds through __init__'s parameters).
NOT_MUTATED_DUNDERS = frozenset({"__init__", "__new__", "__init_subclass__", "__class_getitem__",
                                 "__set_name__", "__post_init__", "__del__"})
FIXTURE_RAISE = 'raise RuntimeError("benchmark mutation")'

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True, order=True)
class Mutation:
    kind: str
    path: str  # repository-relative, "/"-separated
    qualname: str  # "func", "Class.method", "Outer.Inner.method"
    line: int  # the line of the ``def`` (after decorators)
    detail: str = ""  # the parameter, or "" when the kind needs none

    def describe(self) -> str:
        where = f"{self.path}:{self.line} {self.qualname}"
        return f"{self.kind} {where}" + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True)
class _Def:
    qualname: str
    node: FunctionNode
    parent_body: list[ast.stmt]
    class_name: str | None  # the class the def is a method of
    class_bases: tuple[str, ...]


class MutationError(ValueError):
    """The mutation does not apply to this source (a bug in the candidate list)."""


# -- finding candidates ------------------------------------------------------------------------
def _defs(tree: ast.Module) -> Iterator[_Def]:
    """Module-level functions and methods of (nested) classes, in source order."""

    def walk(body: list[ast.stmt], prefix: str, cls: ast.ClassDef | None) -> Iterator[_Def]:
        for stmt in body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
                bases = tuple(_base_name(b) for b in cls.bases) if cls else ()
                yield _Def(prefix + stmt.name, stmt, body, cls.name if cls else None, bases)
            elif isinstance(stmt, ast.ClassDef):
                yield from walk(stmt.body, f"{prefix}{stmt.name}.", stmt)

    yield from walk(tree.body, "", None)


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _decorator_names(node: FunctionNode) -> set[str]:
    names = set()
    for dec in node.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        names.add(ast.unparse(target))
    return names


def _is_overload(node: FunctionNode) -> bool:
    return bool(_decorator_names(node) & {"overload", "typing.overload", "t.overload"})


def _is_fixture(node: FunctionNode) -> bool:
    return any(name.endswith("fixture") for name in _decorator_names(node))


def _named_params(node: FunctionNode, is_method: bool) -> list[ast.arg]:
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    decorators = _decorator_names(node)
    if is_method and "staticmethod" not in decorators and positional:
        positional = positional[1:]  # self / cls
    return [*positional, *args.kwonlyargs]


def _body_start(node: FunctionNode) -> int:
    """Index in ``node.body`` of the first statement after the docstring."""
    first = node.body[0]
    is_doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(
        first.value.value, str)
    return 1 if is_doc else 0


def _own_line_body(node: FunctionNode) -> bool:
    """The body starts on a line of its own (not ``def f(): return 1``)."""
    return node.body[0].lineno > node.lineno and all(
        stmt.lineno != node.body[0].lineno or stmt is node.body[0] for stmt in node.body)


def _constant_default(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (bool, int, float, str)


def candidates(path: str, source: str, *, is_test: bool = False,
               class_methods: dict[str, set[str]] | None = None,
               class_bases: dict[str, set[str]] | None = None,
               names_read: set[str] | None = None) -> list[Mutation]:
    """Every mutation the file allows. Test files (``is_test``) only get ``fixture-raise``.

    ``class_methods``/``class_bases`` (simple class name -> method names / base names, over the
    whole library, see :func:`class_index`) find overrides of base classes in other files.
    ``names_read`` (see :func:`names_read`): a constant whose name is not among them (read
    nowhere, or only in annotations) is no candidate.
    """
    tree = ast.parse(source)
    found: list[Mutation] = []
    if not is_test:
        found.extend(Mutation(c.kind, path, c.qualname, c.stmt.lineno, c.detail)
                     for c in _constants(tree)
                     if names_read is None or c.qualname.rpartition(".")[2] in names_read)
    methods = class_methods or {}
    bases_of = class_bases or {}
    for d in _defs(tree):
        node = d.node
        if _is_overload(node):
            continue

        def add(kind: str, detail: str = "", d: _Def = d) -> None:
            found.append(Mutation(kind, path, d.qualname, d.node.lineno, detail))

        if is_test:
            if _is_fixture(node) and _own_line_body(node):
                add("fixture-raise")
            continue
        is_method = d.class_name is not None
        dunder = node.name.startswith("__") and node.name.endswith("__")
        params = _named_params(node, is_method)
        for param in params:
            add("remove-parameter", param.arg)
            if _own_line_body(node):
                add("rename-parameter", param.arg)
        add("add-required-parameter", ADDED_PARAMETER)
        for arg, default in _defaults(node):
            if _constant_default(default) and arg in params:
                add("change-default", arg.arg)
        alone = len(d.parent_body) == 1
        if not alone and not (dunder and node.name in NOT_MUTATED_DUNDERS):
            add("remove-function")
        if is_method and not dunder and not alone:
            add("rename-method")
        if is_method and not alone and _overrides(node.name, d.class_bases, methods, bases_of):
            add("remove-override")
        if is_method and dunder and node.name not in NOT_MUTATED_DUNDERS:
            add("dunder-return")
    return sorted(found)


# -- constants ---------------------------------------------------------------------------------
# Calls whose one argument is the collection: ``frozenset({...})`` is as literal as ``{...}``.
_COLLECTION_CALLS = frozenset({"frozenset", "set", "tuple", "list", "dict"})
# Calls whose first argument is a pattern string: the pattern is the constant.
_PATTERN_CALLS = frozenset({"re.compile", "compile", "regex.compile"})
_Assignment = ast.Assign | ast.AnnAssign


@dataclass(frozen=True)
class _Const:
    kind: str
    qualname: str  # "NAME" or "Class.NAME"
    stmt: _Assignment
    target: ast.expr  # the part of the value the mutation rewrites

    @property
    def detail(self) -> str:
        """The element a ``drop-element`` drops (its last), as written; "" for the others."""
        if self.kind != "drop-element":
            return ""
        if isinstance(self.target, ast.Dict):
            key = self.target.keys[-1]
            last = ast.unparse(key) if key is not None else "**" + ast.unparse(
                self.target.values[-1])
        else:
            last = ast.unparse(_elements(self.target)[-1])
        return last if len(last) <= 40 else last[:37] + "..."


def _scalar(node: ast.expr) -> bool:
    """A number, string, bytes or bool written as such (``-1`` too)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        node = node.operand
        return isinstance(node, ast.Constant) and type(node.value) in (int, float)
    return isinstance(node, ast.Constant) and type(node.value) in (bool, int, float, str, bytes)


def _elements(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return node.elts
    if isinstance(node, ast.Dict):
        return [k if k is not None else v for k, v in zip(node.keys, node.values, strict=True)]
    return []


def _collection(node: ast.expr) -> ast.expr | None:
    """The literal collection (with an element to drop) the value is, or is made from by a
    ``frozenset(...)``-like call."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _COLLECTION_CALLS and len(node.args) == 1 and not node.keywords):
        node = node.args[0]
    return node if _elements(node) else None


def _pattern(node: ast.expr) -> ast.expr | None:
    """The pattern string of ``re.compile("...")``."""
    if (isinstance(node, ast.Call) and ast.unparse(node.func) in _PATTERN_CALLS and node.args
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
        return node.args[0]
    return None


def _bound_names(body: list[ast.stmt]) -> dict[str, int]:
    """How often each name is bound by the statements of ``body`` (not inside them)."""
    counts: dict[str, int] = {}
    for stmt in body:
        names: list[str] = []
        if isinstance(stmt, ast.Assign):
            names = [n.id for t in stmt.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        elif isinstance(stmt, ast.AnnAssign | ast.AugAssign) and isinstance(stmt.target, ast.Name):
            names = [stmt.target.id]
        elif isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [stmt.name]
        elif isinstance(stmt, ast.Import | ast.ImportFrom):
            names = [(a.asname or a.name).partition(".")[0] for a in stmt.names]
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    return counts


def _assigned_name(stmt: ast.stmt) -> str | None:
    """The one name a plain assignment with a value binds (``X = ...``, ``X: int = ...``),
    but not a type alias (``X: TypeAlias = ...``) nor a dunder (``__all__``, ``__version__``)."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target = stmt.targets[0]
    elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
        if ast.unparse(stmt.annotation).rpartition(".")[2] == "TypeAlias":
            return None
        target = stmt.target
    else:
        return None
    if not isinstance(target, ast.Name):
        return None
    name = target.id
    return None if name.startswith("__") and name.endswith("__") else name


def _constants(tree: ast.Module) -> Iterator[_Const]:
    """Constants of the module and of its (nested) classes bound once, in source order. A name
    bound twice in the same body is left out: changing one of its values may change nothing."""

    def walk(body: list[ast.stmt], prefix: str, in_class: bool) -> Iterator[_Const]:
        bound = _bound_names(body)
        scalar_kind = "change-class-constant" if in_class else "change-constant"
        for stmt in body:
            if isinstance(stmt, ast.ClassDef):
                yield from walk(stmt.body, f"{prefix}{stmt.name}.", True)
                continue
            name = _assigned_name(stmt)
            if name is None or bound.get(name, 0) != 1 or not isinstance(stmt, _Assignment):
                continue
            value = stmt.value
            if value is None:
                continue
            if _scalar(value):
                yield _Const(scalar_kind, prefix + name, stmt, value)
            elif (pattern := _pattern(value)) is not None:
                yield _Const(scalar_kind, prefix + name, stmt, pattern)
            elif (literal := _collection(value)) is not None:
                yield _Const("drop-element", prefix + name, stmt, literal)

    yield from walk(tree.body, "", False)


class _Reads(ast.NodeVisitor):
    """Names read outside annotations: ``NAME``, ``x.NAME``, and ``"NAME"`` (``getattr``)."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.names.add(node.id)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.names.add(node.attr)
        self.visit(node.value)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and node.value.isidentifier():
            self.names.add(node.value)

    def visit_arg(self, node: ast.arg) -> None:
        return  # its annotation

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for child in (*node.decorator_list, *node.args.defaults, *node.args.kw_defaults,
                      *node.body):
            if child is not None:
                self.visit(child)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.visit(node.target)
        if node.value is not None:
            self.visit(node.value)


def names_read(sources: Iterable[str]) -> set[str]:
    """The names the sources read outside annotations (:class:`_Reads`); a source that is not
    valid Python (a test fixture on purpose) reads none."""
    reads = _Reads()
    for source in sources:
        with contextlib.suppress(SyntaxError):
            reads.visit(ast.parse(source))
    return reads.names


def _defaults(node: FunctionNode) -> Iterator[tuple[ast.arg, ast.expr | None]]:
    args = node.args
    positional = [*args.posonlyargs, *args.args]
    yield from zip(positional[len(positional) - len(args.defaults):], args.defaults, strict=True)
    yield from zip(args.kwonlyargs, args.kw_defaults, strict=True)


def class_index(sources: Iterable[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Simple class name -> method names, and -> base names, over all the given sources."""
    methods: dict[str, set[str]] = {}
    bases: dict[str, set[str]] = {}
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef):
                methods.setdefault(node.name, set()).update(
                    s.name for s in node.body
                    if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef))
                bases.setdefault(node.name, set()).update(_base_name(b) for b in node.bases)
    return methods, bases


def _overrides(name: str, bases: Sequence[str], methods: dict[str, set[str]],
               bases_of: dict[str, set[str]]) -> bool:
    """Some ancestor class of the library (by simple name) defines ``name`` too."""
    seen: set[str] = set()
    todo = [b for b in bases if b]
    while todo:
        base = todo.pop()
        if base in seen:
            continue
        seen.add(base)
        if name in methods.get(base, ()):
            return True
        todo.extend(b for b in bases_of.get(base, ()) if b)
    return False


def choose(found: Sequence[Mutation], count: int, seed: str,
           kinds: Sequence[str] = KINDS) -> list[Mutation]:
    """``count`` mutations of ``kinds``, the kinds taken in turn, each kind's order shuffled by
    ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible choice, not a secret
    by_kind: dict[str, list[Mutation]] = {}
    for mutation in sorted(found):
        by_kind.setdefault(mutation.kind, []).append(mutation)
    queues = []
    for kind in kinds:
        pool = by_kind.get(kind, [])
        rng.shuffle(pool)
        queues.append(pool)
    chosen: list[Mutation] = []
    while len(chosen) < count and any(queues):
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    return chosen


# -- applying ----------------------------------------------------------------------------------
class _Text:
    """Positions in a source: ast's (line, UTF-8 byte column) and tokenize's (line, char column)
    both become offsets into the text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def at_byte(self, line: int, col: int) -> int:
        text = self.lines[line - 1]
        return self.starts[line - 1] + len(text.encode()[:col].decode())

    def at_char(self, line: int, col: int) -> int:
        return self.starts[line - 1] + col

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def indent(self, line: int) -> str:
        text = self.lines[line - 1]
        return text[: len(text) - len(text.lstrip())]


def _find_constant(tree: ast.Module, mutation: Mutation) -> _Const:
    for const in _constants(tree):
        if (const.kind, const.qualname, const.stmt.lineno, const.detail) == (
                mutation.kind, mutation.qualname, mutation.line, mutation.detail):
            return const
    raise MutationError(f"no constant {mutation.qualname} at line {mutation.line}")


def _changed_constant(text: _Text, const: _Const) -> str:
    """The constant's value changed: a number + 1, a string or bytes + "x", a bool negated
    (as ``change-default`` does), or its literal collection without its last element."""
    node = const.target
    if const.kind == "drop-element":
        edit = copy.deepcopy(node)
        if isinstance(edit, ast.Dict):
            edit.keys, edit.values = edit.keys[:-1], edit.values[:-1]
        elif isinstance(edit, ast.List | ast.Tuple | ast.Set):
            edit.elts = edit.elts[:-1]
        new = ast.unparse(edit)
        if isinstance(edit, ast.Tuple) and not new.startswith("("):
            new = f"({new})"
    else:
        value = ast.literal_eval(node)
        new = repr(value + b"x" if isinstance(value, bytes) else
                   _changed_default(value).value)  # type: ignore[attr-defined]
    start = text.at_byte(node.lineno, node.col_offset)
    end = text.at_byte(_end_line_of(node), node.end_col_offset or 0)
    return _replace(text.source, start, end, new)


def _end_line_of(node: ast.expr) -> int:
    return node.end_lineno if node.end_lineno is not None else node.lineno


def _find(tree: ast.Module, mutation: Mutation) -> _Def:
    for d in _defs(tree):
        if d.qualname == mutation.qualname and d.node.lineno == mutation.line:
            return d
    raise MutationError(f"no definition {mutation.qualname} at line {mutation.line}")


def _header_span(text: _Text, node: FunctionNode) -> tuple[int, int]:
    """From ``def`` (or ``async``) to the colon that ends the signature, as offsets."""
    start = text.at_byte(node.lineno, node.col_offset)
    tail = text.source[start:]
    depth = 0
    tokens = tokenize.generate_tokens(io.StringIO(tail).readline)
    base_line = node.lineno
    for tok in tokens:
        if tok.type != tokenize.OP:
            continue
        if tok.string in "([{":
            depth += 1
        elif tok.string in ")]}":
            depth -= 1
        elif tok.string == ":" and depth == 0:
            line, col = tok.end
            # the first line of ``tail`` starts at ``start``; later lines are whole lines
            return start, start + col if line == 1 else text.at_char(base_line + line - 1, col)
    raise MutationError(f"no end of signature for {node.name}")


def _header(node: FunctionNode) -> str:
    bare = copy.copy(node)
    bare.body = [ast.Pass()]
    bare.decorator_list = []
    rendered = ast.unparse(bare)
    return rendered[: rendered.rindex(":") + 1]


def _replace(source: str, start: int, end: int, new: str) -> str:
    return source[:start] + new + source[end:]


def _new_signature(text: _Text, node: FunctionNode, edit: FunctionNode) -> str:
    start, end = _header_span(text, node)
    return _replace(text.source, start, end, _header(edit))


def _param_removed(node: FunctionNode, name: str) -> FunctionNode:
    edit = copy.deepcopy(node)
    args = edit.args
    positional = [*args.posonlyargs, *args.args]
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    keep = [(a, d) for a, d in zip(positional, defaults, strict=True) if a.arg != name]
    n_posonly = len([a for a in args.posonlyargs if a.arg != name])
    args.posonlyargs = [a for a, _ in keep[:n_posonly]]
    args.args = [a for a, _ in keep[n_posonly:]]
    args.defaults = [d for _, d in keep if d is not None]
    kw = [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if a.arg != name]
    args.kwonlyargs = [a for a, _ in kw]
    args.kw_defaults = [d for _, d in kw]
    return edit


def _renamed(node: FunctionNode, old: str, new: str) -> FunctionNode:
    edit = copy.deepcopy(node)
    for arg in [*edit.args.posonlyargs, *edit.args.args, *edit.args.kwonlyargs]:
        if arg.arg == old:
            arg.arg = new
    return edit


# Calls that read local variables by name: a renamed local would change what they see.
_NAME_READERS = frozenset({"locals", "vars", "eval", "exec"})


def _rename_uses(text: _Text, node: FunctionNode, old: str, new: str) -> str:
    """Every use of the name ``old`` in the body renamed to ``new`` (a name nothing else
    uses): names read, assigned or deleted, and nested functions' parameters of that name
    (renamed with their uses, so shadowing stays as it was). Raises :class:`MutationError`
    where a text rename would not keep the meaning: ``global``/``nonlocal`` of the name, a
    class body that binds it (a class attribute), ``f"{x=}"``, ``locals()`` and the like."""
    spans: list[tuple[int, int]] = []
    for stmt in node.body:
        for sub in ast.walk(stmt):
            if isinstance(sub, ast.Global | ast.Nonlocal) and old in sub.names:
                raise MutationError(f"{old} is declared {type(sub).__name__.lower()}")
            if isinstance(sub, ast.ClassDef) and any(
                    isinstance(n, ast.Name) and n.id == old for n in ast.walk(sub)):
                raise MutationError(f"a class body uses {old}")
            if (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name)
                    and sub.func.id in _NAME_READERS):
                raise MutationError(f"{sub.func.id}() reads locals by name")
            if (isinstance(sub, ast.Name) and sub.id == new) or (isinstance(sub, ast.arg) and (
                    sub.arg == new)):
                raise MutationError(f"{new} is taken")
            if isinstance(sub, ast.Name) and sub.id == old:
                start = text.at_byte(sub.lineno, sub.col_offset)
            elif isinstance(sub, ast.arg) and sub.arg == old:
                start = text.at_byte(sub.lineno, sub.col_offset)  # the name, then ": annotation"
            else:
                continue
            if text.source[start:start + len(old)] != old:
                raise MutationError(f"no {old} at {sub.lineno}:{sub.col_offset}")
            spans.append((start, start + len(old)))
    if f"{{{old}=" in text.source[text.line_start(node.lineno):text.starts[_end_line(node)]]:
        raise MutationError(f'an f-string prints the name {old} ("{{{old}=}}")')
    result = text.source
    for start, end in sorted(set(spans), reverse=True):
        result = _replace(result, start, end, new)
    return result


def _end_line(node: ast.stmt) -> int:
    return node.end_lineno if node.end_lineno is not None else node.lineno


def _stmt_start(text: _Text, stmt: ast.stmt) -> int:
    """Where a statement begins: its first decorator's ``@`` for a decorated definition."""
    decorators = getattr(stmt, "decorator_list", [])
    if decorators:
        line = min(dec.lineno for dec in decorators)
        return text.line_start(line) + len(text.indent(line))
    return text.at_byte(stmt.lineno, stmt.col_offset)


def _insert_at_body_start(text: _Text, node: FunctionNode, stmt: str) -> str:
    """``stmt`` as the first statement after the docstring, at the body's indentation."""
    first = _body_start(node)
    if first < len(node.body):
        target = node.body[first]
        indent = text.indent(target.lineno)
        offset = _stmt_start(text, target)
        return _replace(text.source, offset, offset, f"{stmt}\n{indent}")
    doc = node.body[0]
    offset = text.at_byte(_end_line(doc), doc.end_col_offset or 0)
    return _replace(text.source, offset, offset, f"\n{text.indent(doc.lineno)}{stmt}")


def _replace_body(text: _Text, node: FunctionNode, stmt: str) -> str:
    first = _body_start(node)
    if first == len(node.body):
        return _insert_at_body_start(text, node, stmt)
    start_stmt, last = node.body[first], node.body[-1]
    start = _stmt_start(text, start_stmt)
    end = text.at_byte(_end_line(last), last.end_col_offset or 0)
    return _replace(text.source, start, end, stmt)


def _remove(text: _Text, d: _Def) -> str:
    node = d.node
    first_line = min([node.lineno, *(dec.lineno for dec in node.decorator_list)])
    last_line = _end_line(node)
    start = text.line_start(first_line)
    end = text.line_start(last_line + 1) if last_line < len(text.lines) else len(text.source)
    return _replace(text.source, start, end, "")


def _changed_default(value: object) -> ast.expr:
    if isinstance(value, bool):
        return ast.Constant(not value)
    if isinstance(value, int | float):
        return ast.Constant(value + 1)
    if isinstance(value, str):
        return ast.Constant(value + "x" if value else "x")
    raise MutationError(f"no changed default for {value!r}")


def apply_mutation(source: str, mutation: Mutation) -> str:
    """The source with ``mutation`` applied; raises :class:`MutationError` if it does not apply
    or the result is not valid Python."""
    tree = ast.parse(source)
    text = _Text(source)
    kind, name = mutation.kind, mutation.detail
    if kind in EXTRA_KINDS:
        return _checked(source, mutation, _changed_constant(text, _find_constant(tree, mutation)))
    d = _find(tree, mutation)
    node = d.node
    if kind == "remove-parameter":
        result = _new_signature(text, node, _param_removed(node, name))
    elif kind == "add-required-parameter":
        edit = copy.deepcopy(node)
        edit.args.kwonlyargs.append(ast.arg(name))
        edit.args.kw_defaults.append(None)
        result = _new_signature(text, node, edit)
    elif kind == "rename-parameter":
        # A true rename, as a developer (or an IDE) makes it: the parameter and every use of
        # it in the body. Only the callers that pass it by keyword see a change.
        renamed = name + RENAMED_SUFFIX
        body = _Text(_rename_uses(text, node, name, renamed))
        result = _new_signature(body, _find(ast.parse(body.source), mutation).node,
                                _renamed(node, name, renamed))
    elif kind == "change-default":
        edit = copy.deepcopy(node)
        for arg, default in _defaults(edit):
            if arg.arg == name and isinstance(default, ast.Constant):
                new = _changed_default(default.value)
                default.value = new.value  # type: ignore[attr-defined]
        result = _new_signature(text, node, edit)
    elif kind in ("remove-function", "remove-override"):
        result = _remove(text, d)
    elif kind == "rename-method":
        edit = copy.deepcopy(node)
        edit.name = node.name + RENAMED_SUFFIX
        result = _new_signature(text, node, edit)
    elif kind == "dunder-return":
        result = _replace_body(text, node, DUNDER_BODIES.get(node.name, DUNDER_DEFAULT_BODY))
    elif kind == "fixture-raise":
        result = _insert_at_body_start(text, node, FIXTURE_RAISE)
    else:
        raise MutationError(f"unknown mutation kind {kind}")
    return _checked(source, mutation, result)


def _checked(source: str, mutation: Mutation, result: str) -> str:
    try:
        compile(result, mutation.path, "exec")
    except SyntaxError as exc:
        raise MutationError(f"{mutation.describe()} gives invalid Python: {exc}") from exc
    if result == source:
        raise MutationError(f"{mutation.describe()} changes nothing")
    return result
