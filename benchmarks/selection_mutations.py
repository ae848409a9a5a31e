"""Deterministic source mutations for ``benchmarks/test_selection.py``.

Each mutation is one change a developer could make to a library: a signature change (remove,
add or rename a parameter, change a default), a removed or renamed function or method, a removed
override, a dunder method that now returns something else, a pytest fixture that now fails.
Mutations are found with ``ast`` and applied as text edits, so everything outside the mutated
definition stays byte for byte the same (the diff is what a real commit would show).

``candidates(path, source)`` lists the mutations a library file allows;
``apply_mutation(source, mutation)`` returns the mutated source (valid Python, checked).
"""

from __future__ import annotations

import ast
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
               class_bases: dict[str, set[str]] | None = None) -> list[Mutation]:
    """Every mutation the file allows. Test files (``is_test``) only get ``fixture-raise``.

    ``class_methods``/``class_bases`` (simple class name -> method names / base names, over the
    whole library, see :func:`class_index`) find overrides of base classes in other files.
    """
    tree = ast.parse(source)
    found: list[Mutation] = []
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


def choose(found: Sequence[Mutation], count: int, seed: str) -> list[Mutation]:
    """``count`` mutations, the kinds taken in turn, each kind's order shuffled by ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible choice, not a secret
    by_kind: dict[str, list[Mutation]] = {}
    for mutation in sorted(found):
        by_kind.setdefault(mutation.kind, []).append(mutation)
    queues = []
    for kind in KINDS:
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
    d = _find(tree, mutation)
    node = d.node
    kind, name = mutation.kind, mutation.detail
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
    try:
        compile(result, mutation.path, "exec")
    except SyntaxError as exc:
        raise MutationError(f"{mutation.describe()} gives invalid Python: {exc}") from exc
    if result == source:
        raise MutationError(f"{mutation.describe()} changes nothing")
    return result
