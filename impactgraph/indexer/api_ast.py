"""The API-only summary of a file (``indexer/api.py``) from the standard library's ``ast``.

``changes`` compares API-only summaries. astroid's tree costs three times ``ast.parse`` to
build, and astroid itself a twentieth of a second to import, where ``griffe`` parses with
``ast``. This walk records what ``ApiIndexer`` records, field for field and in the same order:
definitions (signatures, decorators, bases, body fingerprints, class attributes), imports,
``__all__`` and a module ``__getattr__``; texts come from ``indexer/ast_text.py``, astroid's
printing rules over ``ast``. A full summary (astroid's) may serve ``changes`` from the cache,
so the two must agree: ``tests/indexer/test_api_ast.py`` compares them on real code.

What this walk does not model raises ``Unsupported`` and the caller falls back to astroid:
a ``:=`` where astroid's rules for its scope get intricate (a decorator, default, annotation
or base; a comprehension in a class body), a ``global`` name bound otherwise than by
assignments, loops, ``with`` and ``except`` of a top-level function or method, a comprehension
that binds an attribute (``for self.x in``), and code nested too deep for astroid.
"""

from __future__ import annotations

import ast
import bisect
import functools
import hashlib
import importlib.util
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from impactgraph.indexer.all_names import AllNames
from impactgraph.indexer.ast_text import Text, TooDeep, split_doc
from impactgraph.indexer.plain import (
    DATACLASS_DECORATORS,
    IMPORT_ERRORS,
    block_of,
    decorator_base,
    earlier_bases,
    init_parameter_name,
    joined_accessor,
    joined_redefinition,
    keeps_earlier,
    marks_abstract,
    named_tuple_fields,
    resolve_relative,
)
from impactgraph.model import (
    Definition,
    FileSummary,
    ImportBinding,
    Parameter,
    ParamKind,
    Signature,
    SymbolKind,
)

ASTROID_MAJOR = "4"  # the astroid whose ``as_string`` ``ast_text`` follows
_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")  # what holds statements
# a ``global`` statement, perhaps (the word may be in a string too)
_GLOBAL = re.compile(r"(?:^|[:;])[ \t\f]*global\b", re.MULTILINE)
_SCOPES = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Lambda)
_TRIES: tuple[type[ast.Try], ...] = (ast.Try, getattr(ast, "TryStar", ast.Try))
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
# headroom over the caller's stack for ``ast.parse``: deeper trees are left to astroid
_PARSE_HEADROOM = 80
# what ends a line for Python's tokenizer (``str.splitlines`` knows more: form feed, ...)
_NEWLINE = re.compile(r"\r\n|\r|\n")
# around a parameter's name, to print a body once for both fingerprints
_MARK, _END = "\x01", "\x02"
_MARKED = re.compile("\x01([^\x02]*)\x02")
# ``for`` with an attribute in its target (``[... for self.x in ...]``), perhaps (or words)
_FOR_ATTRIBUTE = re.compile(r"\bfor\b(?:(?!\bin\b)[^.])*\.")


class Unsupported(Exception):
    """Code this walk does not model: summarise it with astroid."""


@dataclass
class _Frame:
    """A scope (module, class or function) as the walk goes through it."""

    kind: str  # "module", "class" or "function"
    qual: str
    function: _Frame | None = None  # the innermost function (astroid's ``global`` frame)
    in_function: bool = False  # some enclosing scope is a function
    owner: str | None = None  # a method directly in a class body: the class's qualname
    self_name: str | None = None  # the method's first parameter (``self``, ``cls``)
    globals_all: frozenset[str] = frozenset()  # names its ``global`` statements declare
    globals_seen: set[str] = field(default_factory=set)  # those declared so far


def summarize_api(text: str, module: str, path: str) -> FileSummary | None:
    """The API-only summary of ``text``, or None where astroid must make it (``Unsupported``,
    and any text that does not parse: astroid's error wording is kept)."""
    if not _astroid_prints_alike():
        return None
    tree = _parse(text, module)
    if tree is None:
        return None
    is_package = path.endswith("__init__.py")
    walker = _ApiWalker(module, is_package, _GLOBAL.search(text) is not None)
    try:
        # astroid's API walk visits expressions then: a comprehension's target too
        if ("lambda" in text or ":=" in text) and _FOR_ATTRIBUTE.search(text):
            _check_comprehension_targets(tree, text)
        if ":=" in text:
            walker.walrus_lines = _lines_with(text, ":=")
        if "lambda" in text:
            walker.lambdas(tree, text)
        walker.statements(tree.body, walker.module_frame, tree, False)
        module_code = _module_code_hash(walker.text, tree)
    except (Unsupported, TooDeep, RecursionError):
        return None
    return replace(walker.summary(path), module_code=module_code)


@functools.cache
def _astroid_prints_alike() -> bool:
    """Is the installed astroid the one whose printing ``ast_text`` follows (4.x)? Read
    from its ``__pkginfo__.py``, without importing it."""
    spec = importlib.util.find_spec("astroid")
    if spec is None or spec.origin is None:
        return False
    try:
        info = Path(spec.origin).with_name("__pkginfo__.py").read_text(encoding="utf-8")
    except OSError:
        return False
    found = re.search(r"""__version__\s*=\s*["'](\d+)\.""", info)
    return found is not None and found.group(1) == ASTROID_MAJOR


def _parse(text: str, module: str) -> ast.Module | None:
    """``ast.parse`` as astroid calls it, with a recursion limit close to the caller's stack
    so that a tree too deep for astroid's tree builder fails here too (and goes to astroid)."""
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back  # type: ignore[assignment]
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(depth + _PARSE_HEADROOM)
        return ast.parse(text + "\n", filename=module or "<unknown>", type_comments=True)
    except (SyntaxError, ValueError, TypeError, MemoryError, RecursionError):
        return None
    finally:
        sys.setrecursionlimit(limit)


def _texts(text: Text, body: Sequence[ast.AST], parent: ast.AST | None,
           skip_definitions: bool = False) -> list[str]:
    """What ``signatures.body_hash`` prints of astroid's body (docstring already out)."""
    statements: list[ast.AST] = list(body)
    first = statements[0] if statements else None
    if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)):
        statements = statements[1:]
    texts = []
    for statement in statements:
        if skip_definitions and isinstance(statement, _DEFINITIONS):
            continue
        if skip_definitions and (isinstance(statement, ast.Pass) or (
                isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
                and statement.value.value is Ellipsis)):
            continue
        texts.append(text(statement, parent) or "")
    return texts


def _module_code_hash(text: Text, tree: ast.Module) -> str:
    """``signatures.module_code_hash``."""
    body = tree.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]  # the docstring: astroid keeps it out of the module's body
    parts = _module_code(body)
    return _body_hash(text, parts, tree, skip_definitions=True) if parts else ""


_TRIES = (ast.Try, getattr(ast, "TryStar", ast.Try))  # ``except*``: Python 3.11 on


def _module_code(body: list[ast.stmt]) -> list[ast.AST]:
    """``signatures._module_code``."""
    found: list[ast.AST] = []
    for statement in body:
        if isinstance(statement, (*_DEFINITIONS, ast.Import, ast.ImportFrom, ast.Pass)):
            continue
        if isinstance(statement, ast.Assign) and all(
                _plain_names(target) for target in statement.targets):
            continue
        if isinstance(statement, ast.AnnAssign) and _plain_names(statement.target):
            continue
        if (isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name)
                and statement.target.id == "__all__"):
            continue
        if isinstance(statement, ast.If):
            inner = _module_code(statement.body) + _module_code(statement.orelse)
            if inner:
                found += [statement.test, *inner]
            continue
        if isinstance(statement, _TRIES):
            found += _module_code(statement.body)
            for handler in statement.handlers:
                found += _module_code(handler.body)
            found += _module_code(statement.orelse) + _module_code(statement.finalbody)
            continue
        found.append(statement)
    return found


def _plain_names(target: ast.expr) -> bool:
    """``signatures._plain_names``."""
    if isinstance(target, ast.Name):
        return True
    if isinstance(target, ast.Starred):
        return _plain_names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        return all(_plain_names(element) for element in target.elts)
    return False


def _digest(texts: list[str]) -> str:
    digest = hashlib.blake2b(digest_size=12)
    for statement in texts:
        digest.update(statement.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _body_hash(text: Text, body: Sequence[ast.AST], parent: ast.AST | None,
               skip_definitions: bool = False) -> str:
    """``signatures.body_hash``."""
    return _digest(_texts(text, body, parent, skip_definitions))


def _signature(text: Text, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
               ) -> Signature:
    """``signatures.signature_of``."""
    args = node.args
    positional = [(a, ParamKind.POSITIONAL_ONLY) for a in args.posonlyargs] + [
        (a, ParamKind.POSITIONAL_OR_KEYWORD) for a in args.args
    ]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += args.defaults
    params = [Parameter(a.arg, kind, text(default), text(a.annotation))
              for (a, kind), default in zip(positional, defaults, strict=False)]
    if args.vararg is not None:
        params.append(Parameter(args.vararg.arg, ParamKind.VAR_POSITIONAL, None,
                                text(args.vararg.annotation)))
    for a, default in zip(args.kwonlyargs, args.kw_defaults, strict=False):
        params.append(Parameter(a.arg, ParamKind.KEYWORD_ONLY, text(default), text(a.annotation)))
    if args.kwarg is not None:
        params.append(Parameter(args.kwarg.arg, ParamKind.VAR_KEYWORD, None,
                                text(args.kwarg.annotation)))
    returns = text(node.returns, node) if not isinstance(node, ast.Lambda) else None
    generator = not isinstance(node, ast.Lambda) and _yields(node.body)
    return Signature(tuple(params), returns, isinstance(node, ast.AsyncFunctionDef), generator)


def _yields(body: list[ast.stmt]) -> bool:
    """Does this body yield (a generator's), not counting the functions nested in it?"""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                 ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))
    return False


def _body_hashes(node: ast.FunctionDef | ast.AsyncFunctionDef, body: list[ast.stmt]
                 ) -> tuple[str, str]:
    """``signatures.body_hash`` and ``renaming_hash`` (the body with each parameter's name
    replaced by its place; "" when no parameter name occurs in it). The body is printed
    once, each parameter's name between marks (twice where a string holds a mark)."""
    args = node.args
    places: dict[str, int] = {}
    for a in [*args.posonlyargs, *args.args, *([args.vararg] if args.vararg else []),
              *args.kwonlyargs, *([args.kwarg] if args.kwarg else [])]:
        places.setdefault(a.arg, len(places))
    if not places:
        return _body_hash(Text(), body, node), ""
    renamed = {name: f"__param{place}__" for name, place in places.items()}
    marker = Text({name: f"{_MARK}{name}{_END}" for name in places})
    texts = _texts(marker, body, node)
    if not marker.renamed:
        return _digest(texts), ""
    if (sum(t.count(_MARK) for t in texts) != marker.renamed
            or sum(t.count(_END) for t in texts) != marker.renamed):  # a docstring's own
        renamer = Text(renamed)
        return _body_hash(Text(), body, node), _body_hash(renamer, body, node)
    plain = [t.replace(_MARK, "").replace(_END, "") for t in texts]
    return _digest(plain), _digest(
        [_MARKED.sub(lambda m: renamed[m.group(1)], t) for t in texts]
    )


def _raises_not_implemented(body: list[ast.stmt]) -> bool:
    statements = [s for s in body
                  if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if len(statements) != 1 or not isinstance(statements[0], ast.Raise):
        return False
    exc = statements[0].exc
    if isinstance(exc, ast.Call):
        exc = exc.func
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def _dataclass_init(text: Text, node: ast.ClassDef, decorators: tuple[str, ...],
                    body: list[ast.stmt]) -> Signature | None:
    """The generated ``__init__``'s signature, as ``signatures.dataclass_signature`` gives it
    for the fields of an astroid class."""
    if not {decorator_base(d) for d in decorators} & DATACLASS_DECORATORS:
        return None
    if any(isinstance(s, _FUNCTIONS) and s.name == "__init__" for s in body):
        return None
    params = [Parameter("self", ParamKind.POSITIONAL_OR_KEYWORD)]
    after_kw_only = any("kw_only=True" in d for d in decorators)
    for statement in body:
        if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target,
                                                                        ast.Name):
            continue
        annotation = text(statement.annotation, statement) or ""
        if annotation.startswith(("ClassVar", "typing.ClassVar")):
            continue
        if annotation in ("KW_ONLY", "dataclasses.KW_ONLY"):
            after_kw_only = True
            continue
        default = None
        value = statement.value
        field_kw_only = False
        alias = None
        if value is not None:
            default = text(value, statement)
            if isinstance(value, ast.Call) and (text(value.func) or "").endswith("field"):
                keywords = {k.arg: k.value for k in value.keywords}
                if "default" in keywords:
                    default = text(keywords["default"])
                elif "default_factory" in keywords or "factory" in keywords:
                    default = f"<factory {text(keywords.get('default_factory'))}>"
                else:
                    default = None
                init = keywords.get("init")
                if isinstance(init, ast.Constant) and init.value is False:
                    continue
                flag = keywords.get("kw_only")
                field_kw_only = isinstance(flag, ast.Constant) and flag.value is True
                named = keywords.get("alias")
                alias = named.value if isinstance(named, ast.Constant) else None
        kind = (ParamKind.KEYWORD_ONLY if after_kw_only or field_kw_only
                else ParamKind.POSITIONAL_OR_KEYWORD)
        name = init_parameter_name(statement.target.id, decorators, alias)
        params.append(Parameter(name, kind, default, annotation))
    return Signature(tuple(params), "None", False)


def _named_tuple_init(text: Text, node: ast.ClassDef, body: list[ast.stmt]
                      ) -> Signature | None:
    """The signature a named tuple class is made with, as ``signatures.dataclass_signature``
    gives it for ``signatures.named_tuple_class_fields`` of an astroid class."""
    if any(isinstance(s, _FUNCTIONS) and s.name in ("__new__", "__init__") for s in body):
        return None
    annotated = [
        (statement.target.id, text(statement.annotation, statement) or "",
         text(statement.value, statement) if statement.value is not None else None)
        for statement in body
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
    ]
    fields = named_tuple_fields([text(base, node) or "" for base in node.bases], annotated)
    if fields is None:
        return None
    params = [Parameter("self", ParamKind.POSITIONAL_OR_KEYWORD)]
    return Signature((*params, *(parameter for _, parameter in fields)), "None", False)


def _global_names(body: list[ast.stmt]) -> set[str]:
    """The names ``global`` declares in a function's own code (class bodies included: astroid
    keeps one set per function)."""
    names: set[str] = set()
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Global):
            names.update(node.names)
        elif not isinstance(node, _FUNCTIONS):
            for field_name in _BLOCKS:
                block = getattr(node, field_name, None)
                if block:
                    stack.extend(block)
    return names


def _no_walrus(*parts: ast.AST | None) -> None:
    """A ``:=`` in a decorator, default, annotation, base or class keyword binds in scopes
    astroid picks by rules of its own: not modelled."""
    for part in parts:
        if part is not None and any(isinstance(n, ast.NamedExpr) for n in ast.walk(part)):
            raise Unsupported


def _check_globals(node: ast.FunctionDef | ast.AsyncFunctionDef, names: set[str]) -> None:
    """The one shape of ``global`` modelled here: the function binds the names only by
    assignment, loops, ``with`` and ``except``, not as a parameter, nested def or class,
    import, ``del``, pattern, comprehension variable or ``:=`` (which astroid records in other
    namespaces than the module's)."""
    args = node.args
    if any(a.arg in names for a in [*args.posonlyargs, *args.args, *args.kwonlyargs,
                                    *([args.vararg] if args.vararg else []),
                                    *([args.kwarg] if args.kwarg else [])]):
        raise Unsupported
    for child in ast.walk(ast.Module(body=node.body, type_ignores=[])):
        bound: set[str] = set()
        if isinstance(child, _DEFINITIONS):
            bound = {child.name}
        elif isinstance(child, ast.Import):
            bound = {a.asname or a.name.split(".", 1)[0] for a in child.names}
        elif isinstance(child, ast.ImportFrom):
            bound = {a.asname or a.name for a in child.names}
        elif isinstance(child, ast.Delete):
            bound = set().union(*(_target_names(t) for t in child.targets))
        elif isinstance(child, (ast.MatchAs, ast.MatchStar)):
            bound = {child.name} if child.name else set()
        elif isinstance(child, ast.MatchMapping):
            bound = {child.rest} if child.rest else set()
        elif isinstance(child, (ast.comprehension, ast.NamedExpr)):
            bound = _target_names(child.target)
        if bound & names:
            raise Unsupported


class _ApiWalker:
    def __init__(self, module: str, is_package: bool, has_global: bool) -> None:
        self.module = module
        self.is_package = is_package
        self.has_global = has_global
        self.text = Text()
        self.definitions: dict[str, Definition] = {}
        # the statement list each name's last definition is in (``plain.block_of``)
        self.def_blocks: dict[str, tuple[int, str]] = {}
        self.overloads: dict[str, list[Definition]] = defaultdict(list)
        self.imports: list[ImportBinding] = []
        # id(import statement in a ``try`` body) -> the names a handler catching
        # ``ImportError`` binds again (``ImportBinding.guarded``)
        self.guarded_imports: dict[int, frozenset[str]] = {}
        self.attributes: dict[str, list[str]] = defaultdict(list)
        self.all_names = AllNames(module, is_package)  # ``__all__``, as its statements build it
        self.has_getattr = False
        self.module_frame = _Frame("module", "")
        self.walrus_lines: list[int] = []  # the lines that hold ``:=``

    def summary(self, path: str) -> FileSummary:
        for qual, names in self.attributes.items():
            owner = self.definitions.get(qual)
            if owner is not None and owner.kind is SymbolKind.CLASS:
                self.definitions[qual] = replace(owner, attributes=tuple(dict.fromkeys(names)))
        definitions = list(self.definitions.values())
        for qual, overloads in self.overloads.items():
            signatures = tuple(o.signature for o in overloads if o.signature is not None)
            implementation = self.definitions.get(qual)
            if implementation is not None:
                index = definitions.index(implementation)
                definitions[index] = replace(implementation, overloads=signatures)
            else:
                definitions.append(replace(overloads[-1], overloads=signatures))
        definitions.sort(key=lambda d: (d.line, d.qualname))
        all_names, all_from = self.all_names.result()
        return FileSummary(
            self.module, path, self.is_package, tuple(definitions), tuple(self.imports),
            all_names=all_names, has_getattr=self.has_getattr, api_only=True, all_from=all_from,
        )

    def symbol_id(self, qual: str) -> str:
        return f"{self.module}:{qual}" if qual else self.module

    # -- statements ----------------------------------------------------------------------------
    def statements(self, body: list[ast.stmt], frame: _Frame, parent: ast.AST,
                   type_checking: bool) -> None:
        for statement in body:
            self.statement(statement, frame, parent, type_checking)

    def statement(self, node: ast.stmt, frame: _Frame, parent: ast.AST,
                  type_checking: bool) -> None:
        """``ApiIndexer``'s visit of a statement, in its order (a ``:=`` binds in turn)."""
        w = self.walrus
        if isinstance(node, _FUNCTIONS):
            self.function(node, frame, parent, type_checking)
        elif isinstance(node, ast.ClassDef):
            self.klass(node, frame, type_checking)
        elif isinstance(node, ast.Assign):
            w(node.value, frame)
            for target in node.targets:
                self.bind(target, node, frame)
        elif isinstance(node, ast.AnnAssign):
            w(node.value, frame)
            self.bind(node.target, node, frame)
        elif isinstance(node, ast.AugAssign):
            w(node.value, frame)
            if isinstance(node.target, ast.Name) and node.target.id == "__all__":
                self.record_all(node)
                return
            self.bind(node.target, node, frame)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            w(node.iter, frame)
            self.bind(node.target, node, frame)
            self.statements(node.body, frame, node, type_checking)
            self.statements(node.orelse, frame, node, type_checking)
        elif isinstance(node, (ast.While, ast.If)):
            w(node.test, frame)
            inner = type_checking or (isinstance(node, ast.If) and _is_type_checking(node.test))
            self.statements(node.body, frame, node, inner)
            self.statements(node.orelse, frame, node, inner)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                w(item.context_expr, frame)
                if item.optional_vars is not None:
                    self.bind(item.optional_vars, node, frame)
            self.statements(node.body, frame, node, type_checking)
        elif isinstance(node, _TRIES):
            rebound = _rebound_on_import_error(node.handlers)
            if rebound:
                for statement in node.body:
                    if isinstance(statement, (ast.Import, ast.ImportFrom)):
                        self.guarded_imports[id(statement)] = rebound
            self.statements(node.body, frame, node, type_checking)
            for handler in node.handlers:
                w(handler.type, frame)
                if handler.name is not None and handler.type is not None:
                    self.bind_name(handler.name, handler, frame)
                self.statements(handler.body, frame, handler, type_checking)
            self.statements(node.orelse, frame, node, type_checking)
            self.statements(node.finalbody, frame, node, type_checking)
        elif isinstance(node, ast.Match):
            w(node.subject, frame)
            for case in node.cases:
                w(case.pattern, frame)
                w(case.guard, frame)
                self.statements(case.body, frame, case, type_checking)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".", 1)[0]
                self.add_import(node, frame, bound, alias.name, False, type_checking)
        elif isinstance(node, ast.ImportFrom):
            base = (resolve_relative(self.module, self.is_package, node.level, node.module)
                    if node.level else node.module or "")
            for alias in node.names:
                if alias.name == "*":
                    self.add_import(node, frame, "*", base, True, type_checking)
                    continue
                path = f"{base}.{alias.name}" if base else alias.name
                self.add_import(node, frame, alias.asname or alias.name, path, True,
                                type_checking)
        elif isinstance(node, ast.Global):
            function = frame.function
            if function is not None:
                function.globals_seen.update(node.names)
        elif isinstance(node, ast.Expr) and frame.kind == "module":
            self.all_names.call(node.value, self.imports)
            w(node.value, frame)
        elif self.walrus_lines:  # return, expression, raise, assert, del, type: their parts
            for child in ast.iter_child_nodes(node):
                w(child, frame)

    # -- ``:=`` ----------------------------------------------------------------------------------
    def walrus(self, node: ast.AST | None, frame: _Frame) -> None:
        """Bind the ``:=`` of an expression the statement's visit reaches, in astroid's order
        of visit (a ``:=``'s value before its target)."""
        if node is not None and self.walrus_lines:
            self._walrus(node, frame, [])

    def _walrus(self, node: ast.AST, frame: _Frame, path: list[ast.AST]) -> None:
        start = getattr(node, "lineno", None)
        if start is not None:
            lines = self.walrus_lines
            at = bisect.bisect_left(lines, start)
            if at == len(lines) or lines[at] > node.end_lineno:  # type: ignore[attr-defined]
                return  # no ``:=`` in there
        path.append(node)
        try:
            if isinstance(node, ast.NamedExpr):
                self._walrus(node.value, frame, path)
                self.walrus_target(node, frame, path[:-1])
                return
            for child, _, _ in _children(node):
                self._walrus(child, frame, path)
        finally:
            path.pop()

    def walrus_target(self, node: ast.NamedExpr, frame: _Frame, path: list[ast.AST]) -> None:
        """``x := ...`` binds ``x`` where astroid's ``NamedExpr`` puts it: in its frame (the
        nearest function, lambda, class or module), found from its scope (a comprehension's
        own, unless the ``:=`` is a keyword value or a comprehension's ``in``/``if`` part,
        which look from the scope around them). ``path``: the ancestors below the
        statement."""
        if not isinstance(node.target, ast.Name):
            raise Unsupported
        name = node.target.id
        parent_index = len(path) - 1  # -1: the statement itself
        if parent_index >= 0 and isinstance(path[parent_index], (ast.keyword, ast.comprehension)):
            start = parent_index - 2
            if start < -1:
                raise Unsupported
        else:
            start = parent_index
        scopes = [n for n in path[:start + 1] if isinstance(n, _SCOPES)]
        if any(isinstance(n, ast.Lambda) for n in scopes) or frame.kind == "function":
            return  # bound in a function's or lambda's namespace: no part of the API
        if scopes:  # looked up from a comprehension, past the others, in the module
            if frame.kind == "class" or any(
                name in _target_names(g.target) for n in scopes
                for g in getattr(n, "generators", ())
            ):
                raise Unsupported
            self.module_variable(name, node)
        elif frame.kind == "class":
            self.attributes[frame.qual].append(name)
        else:
            self.module_variable(name, node)

    def add_import(self, node: ast.stmt, frame: _Frame, bound: str, target: str,
                   is_from: bool, type_checking: bool) -> None:
        self.imports.append(ImportBinding(
            name=bound, target=target, line=node.lineno, scope=self.symbol_id(frame.qual),
            is_from=is_from, type_checking=type_checking,
            guarded=bound in self.guarded_imports.get(id(node), ()),
        ))

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, frame: _Frame,
                 parent: ast.AST, type_checking: bool) -> None:
        text = self.text
        qual = f"{frame.qual}.{node.name}" if frame.qual else node.name
        body, _ = split_doc(node.body)
        if self.walrus_lines:
            _no_walrus(*node.decorator_list, node.args, node.returns)
        decorators = tuple(text(d) or "" for d in node.decorator_list)
        bases = {decorator_base(d) for d in decorators}
        is_accessor = any(b.endswith((".setter", ".deleter")) for b in bases)
        is_overload = bool(bases & {"overload", "typing.overload", "typing_extensions.overload"})
        line = node.decorator_list[0].lineno if node.decorator_list else node.lineno
        hashes = _body_hashes(node, body)
        definition = Definition(
            qualname=qual,
            kind=SymbolKind.METHOD if frame.kind == "class" else SymbolKind.FUNCTION,
            line=line,
            end_line=node.end_lineno or line,
            signature=_signature(text, node),
            decorators=decorators,
            body_hash=hashes[0],
            renaming_hash=hashes[1],
            is_abstract=marks_abstract(bases),
            not_implemented=_raises_not_implemented(body),
        )
        if is_overload:
            self.overloads[qual].append(definition)
        elif is_accessor:
            self.add_accessor(qual, definition)
        else:
            earlier = self.definitions.get(qual)
            block = block_of(node, parent)
            if earlier is not None and keeps_earlier(
                    node.name, earlier, decorators, self.def_blocks.get(qual) == block):
                definition = joined_redefinition(earlier, definition)
            self.definitions[qual] = definition
            self.def_blocks[qual] = block
        if node.name == "__getattr__" and frame.kind == "module":
            self.has_getattr = True
        first = node.args.posonlyargs or node.args.args
        inner = _Frame(
            "function", qual, in_function=True,
            owner=frame.qual if isinstance(parent, ast.ClassDef) else None,
            self_name=first[0].arg if first and not any(
                decorator_base(d) == "staticmethod" for d in decorators) else None,
        )
        inner.function = inner
        if self.has_global:
            names = _global_names(body)
            if names:
                if frame.in_function:
                    raise Unsupported
                _check_globals(node, names)
                inner.globals_all = frozenset(names)
        self.statements(body, inner, node, type_checking)

    def add_accessor(self, qual: str, accessor: Definition) -> None:
        owner = self.definitions.get(qual)
        if owner is None:
            return
        self.definitions[qual] = joined_accessor(owner, accessor)

    def klass(self, node: ast.ClassDef, frame: _Frame, type_checking: bool) -> None:
        text = self.text
        qual = f"{frame.qual}.{node.name}" if frame.qual else node.name
        body, _ = split_doc(node.body)
        if self.walrus_lines:
            _no_walrus(*node.decorator_list, *node.bases, *node.keywords)
        decorators = tuple(text(d) or "" for d in node.decorator_list)
        self.definitions[qual] = Definition(
            qualname=qual,
            kind=SymbolKind.CLASS,
            line=node.lineno,
            end_line=node.end_lineno or node.lineno,
            decorators=decorators,
            bases=tuple(text(b, node) or "" for b in node.bases),
            body_hash=_body_hash(text, body, node, skip_definitions=True),
            metaclass=next((text(k.value, node) for k in node.keywords if k.arg == "metaclass"),
                           None),
            other_bases=earlier_bases(self.definitions.get(qual)),
        )
        init = _dataclass_init(text, node, decorators, body)
        if init is None:
            init = _named_tuple_init(text, node, body)
        if init is not None:
            self.definitions[f"{qual}.__init__"] = Definition(
                qualname=f"{qual}.__init__",
                kind=SymbolKind.METHOD,
                line=node.lineno,
                end_line=node.end_lineno or node.lineno,
                signature=init,
                synthetic=True,
            )
        inner = _Frame("class", qual, function=frame.function, in_function=frame.in_function)
        self.statements(body, inner, node, type_checking)

    # -- bindings --------------------------------------------------------------------------------
    def bind(self, target: ast.expr, statement: ast.AST, frame: _Frame) -> None:
        """``Statements.bind_target``, for what it records of the API."""
        if isinstance(target, ast.Name):
            self.bind_name(target.id, statement, frame)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self.bind(element, statement, frame)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, statement, frame)
        elif isinstance(target, ast.Subscript):
            self.walrus(target.value, frame)
            self.walrus(target.slice, frame)
        elif isinstance(target, ast.Attribute):
            value = target.value
            if (frame.kind == "function" and frame.owner is not None
                    and isinstance(value, ast.Name) and value.id == frame.self_name):
                self.attributes[frame.owner].append(target.attr)
            self.walrus(value, frame)
        else:
            self.walrus(target, frame)

    def bind_name(self, name: str, statement: ast.AST, frame: _Frame) -> None:
        function = frame.function
        if function is not None and name in function.globals_all:
            if name not in function.globals_seen or frame is not function:
                raise Unsupported  # bound before its ``global``, or in a class body
            self.module_variable(name, statement)
            return
        if frame.kind == "class":
            self.attributes[frame.qual].append(name)
        elif frame.kind == "module":
            self.module_variable(name, statement)

    def module_variable(self, name: str, statement: ast.AST) -> None:
        if name == "__all__":
            self.record_all(statement)
            return
        existing = self.definitions.get(name)
        if existing is not None and existing.kind is not SymbolKind.VARIABLE:
            return
        value = getattr(statement, "value", None)
        line = statement.lineno  # type: ignore[attr-defined]
        self.definitions[name] = Definition(
            qualname=name,
            kind=SymbolKind.VARIABLE,
            line=line,
            end_line=statement.end_lineno or line,  # type: ignore[attr-defined]
            value=self.text(value, statement) if value is not None else None,
            body_hash=_body_hash(self.text, [value], statement) if value is not None else "",
        )

    def record_all(self, statement: ast.AST) -> None:
        """``__all__ = ...`` or ``__all__ += ...`` (``indexer/all_names.py``)."""
        value = getattr(statement, "value", None)
        if isinstance(statement, ast.AugAssign):
            self.all_names.extend(statement.value, self.imports)
        else:
            self.all_names.assign(value if isinstance(value, ast.expr) else None, self.imports)

    # -- lambdas ---------------------------------------------------------------------------------
    def lambdas(self, tree: ast.Module, text: str) -> None:
        """Each lambda the API walk reaches is a definition, named as ``Scopes.assign_qualnames``
        numbers them: per enclosing scope, in astroid's order of children, the lambdas of
        defaults, decorators and bases counted in the scope around the definition. The API
        walk reaches every lambda but those of annotations, class keywords and type
        parameters. Only the nodes whose lines hold the word ``lambda`` are gone through."""
        lines = _lines_with(text, "lambda")
        counters: dict[str, int] = defaultdict(int)
        # (node, prefix, reached)
        stack: list[tuple[ast.AST, str, bool]] = [(tree, "", True)]
        while stack:
            node, prefix, reached = stack.pop()
            pending: list[tuple[ast.AST, str, bool]] = []
            for child, outer, reaches in _children(node):
                start = getattr(child, "lineno", None)
                if isinstance(child, _DEFINITIONS) and child.decorator_list:
                    start = child.decorator_list[0].lineno  # before the ``def`` line
                if start is not None:
                    at = bisect.bisect_left(lines, start)
                    if at == len(lines) or lines[at] > child.end_lineno:  # type: ignore[attr-defined]
                        continue  # no lambda in there
                child_prefix = prefix.rsplit(".", 1)[0] if outer and "." in prefix else (
                    "" if outer else prefix)
                child_reached = reached and reaches
                if isinstance(child, _DEFINITIONS):
                    qual = f"{child_prefix}.{child.name}" if child_prefix else child.name
                    pending.append((child, qual, child_reached))
                elif isinstance(child, ast.Lambda):
                    counters[child_prefix] += 1
                    name = f"<lambda{counters[child_prefix]}>"
                    qual = f"{child_prefix}.{name}" if child_prefix else name
                    if child_reached:
                        self.lambda_definition(child, qual)
                    pending.append((child, qual, child_reached))
                else:
                    pending.append((child, child_prefix, child_reached))
            stack.extend(reversed(pending))

    def lambda_definition(self, node: ast.Lambda, qual: str) -> None:
        self.definitions[qual] = Definition(
            qualname=qual,
            kind=SymbolKind.FUNCTION,
            line=node.lineno,
            end_line=node.end_lineno or node.lineno,
            signature=_signature(self.text, node),
            body_hash=_body_hash(self.text, [node.body], node),
        )


def _check_comprehension_targets(tree: ast.Module, text: str) -> None:
    """``Unsupported`` when a comprehension binds an attribute (``[... for self.x in ...]``:
    astroid's walk records ``x`` as an instance attribute). Only the nodes around the lines
    ``_FOR_ATTRIBUTE`` finds are gone through."""
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    lines = sorted({bisect.bisect_right(starts, m.start()) for m in _FOR_ATTRIBUTE.finditer(text)})
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.comprehension) and any(
            isinstance(n, ast.Attribute) for n in ast.walk(node.target)
        ):
            raise Unsupported
        for child in ast.iter_child_nodes(node):
            start = getattr(child, "lineno", None)
            if isinstance(child, _DEFINITIONS) and child.decorator_list:
                start = child.decorator_list[0].lineno
            if start is not None:
                at = bisect.bisect_left(lines, start)
                if at == len(lines) or lines[at] > getattr(child, "end_lineno", start):
                    continue
            stack.append(child)


def _lines_with(text: str, word: str) -> list[int]:
    """The numbers of the lines that hold ``word``, counted as Python counts them."""
    return [number for number, line in enumerate(_NEWLINE.split(text), 1) if word in line]


def _target_names(target: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def _rebound_on_import_error(handlers: list[ast.ExceptHandler]) -> frozenset[str]:
    """``statements.rebound_on_import_error`` over ``ast``."""
    names: set[str] = set()
    for handler in handlers:
        kinds = (handler.type.elts if isinstance(handler.type, ast.Tuple)
                 else [handler.type] if handler.type is not None else [])
        caught = {ast.unparse(t).rsplit(".", 1)[-1] for t in kinds}
        if handler.type is not None and not caught & IMPORT_ERRORS:
            continue
        if handler.body and isinstance(handler.body[-1], ast.Raise):
            continue
        names |= _bound_in(handler.body)
    return frozenset(names)


def _bound_in(body: list[ast.stmt]) -> set[str]:
    names: set[str] = set()
    for statement in body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = (statement.targets if isinstance(statement, ast.Assign)
                       else [statement.target])
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
        elif isinstance(statement, ast.Import):
            names |= {a.asname or a.name.split(".", 1)[0] for a in statement.names}
        elif isinstance(statement, ast.ImportFrom):
            names |= {a.asname or a.name for a in statement.names}
        elif isinstance(statement, (*_FUNCTIONS, ast.ClassDef)):
            names.add(statement.name)
        elif isinstance(statement, ast.If):
            names |= _bound_in([*statement.body, *statement.orelse])
        elif isinstance(statement, _TRIES):
            names |= _bound_in([*statement.body, *statement.orelse])
            for handler in statement.handlers:
                names |= _bound_in(handler.body)
    return names


def _is_type_checking(test: ast.expr) -> bool:
    name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", None)
    return name == "TYPE_CHECKING"


class _Group(ast.AST):
    """A node astroid's tree has and ``ast``'s has not (``Decorators``, and ``Arguments``
    whose parts ``ast`` keeps under each ``arg``): lambdas are numbered level by level."""

    _fields = ()

    def __init__(self, parts: list[tuple[ast.AST, bool, bool]]) -> None:
        super().__init__()
        self.parts = parts


def _children(node: ast.AST) -> list[tuple[ast.AST, bool, bool]]:
    """astroid's ``get_children`` of the node built from ``node``: (child, evaluated outside
    the definition's body (``_is_outer_part``), reached by the API walk)."""
    if isinstance(node, _Group):
        return node.parts
    if isinstance(node, _FUNCTIONS):
        out: list[tuple[ast.AST, bool, bool]] = []
        if node.decorator_list:
            out.append((_Group([(d, False, True) for d in node.decorator_list]), True, True))
        out.append((_arguments(node.args), True, True))
        if node.returns is not None:
            out.append((node.returns, True, False))
        out += [(p, False, False) for p in getattr(node, "type_params", ())]
        out += [(s, False, True) for s in split_doc(node.body)[0]]
        return out
    if isinstance(node, ast.ClassDef):
        out = []
        if node.decorator_list:
            out.append((_Group([(d, False, True) for d in node.decorator_list]), True, True))
        out += [(b, True, True) for b in node.bases]
        out += [(k, True, False) for k in node.keywords if k.arg != "metaclass"]
        out += [(p, False, False) for p in getattr(node, "type_params", ())]
        out += [(s, False, True) for s in split_doc(node.body)[0]]
        return out
    if isinstance(node, ast.Lambda):
        return [(_arguments(node.args), True, True), (node.body, False, True)]
    if isinstance(node, ast.Dict):
        out = []
        for key, value in zip(node.keys, node.values, strict=True):
            if key is not None:
                out.append((key, False, True))
            out.append((value, False, True))
        return out
    if isinstance(node, ast.AnnAssign):
        out = [(node.target, False, True), (node.annotation, False, False)]
        if node.value is not None:
            out.append((node.value, False, True))
        return out
    if isinstance(node, (ast.With, ast.AsyncWith)):  # no node for each item in astroid's
        out = []
        for item in node.items:
            out.append((item.context_expr, False, True))
            if item.optional_vars is not None:
                out.append((item.optional_vars, False, True))
        return out + [(s, False, True) for s in node.body]
    if isinstance(node, ast.Module):
        return [(s, False, True) for s in split_doc(node.body)[0]]
    return [(c, False, True) for c in ast.iter_child_nodes(node)]


def _arguments(args: ast.arguments) -> _Group:
    """``Arguments.get_children``, in its order; only defaults are reached by the API walk."""
    out: list[tuple[ast.AST, bool, bool]] = []
    out += [(a.annotation, False, False) for a in args.posonlyargs if a.annotation is not None]
    out += [(d, False, True) for d in args.defaults]
    out += [(d, False, True) for d in args.kw_defaults if d is not None]
    out += [(a.annotation, False, False) for a in args.args if a.annotation is not None]
    for extra in (args.vararg, args.kwarg):
        if extra is not None and extra.annotation is not None:
            out.append((extra.annotation, False, False))
    out += [(a.annotation, False, False) for a in args.kwonlyargs if a.annotation is not None]
    return _Group(out)
