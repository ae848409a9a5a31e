"""Signatures, decorators and body fingerprints of astroid definitions, as plain data."""

from __future__ import annotations

import hashlib

from astroid import nodes

from impactgraph.indexer.plain import (
    DATACLASS_DECORATORS,
    combine_hashes,
    decorator_base,
    init_parameter_name,
    named_tuple_fields,
    returns_length,
)
from impactgraph.model import Parameter, ParamKind, Signature

__all__ = [
    "DATACLASS_DECORATORS", "body_hash", "combine_hashes", "dataclass_fields",
    "dataclass_signature", "decorator_base", "decorator_names", "named_tuple_class_fields",
    "renaming_hash", "signature_of", "source",
]


def source(node: nodes.NodeNG | None) -> str | None:
    if node is None:
        return None
    try:
        return str(node.as_string())
    except Exception:  # astroid cannot print a few exotic nodes; keep a stable stand-in
        return f"<{type(node).__name__}>"


def decorator_names(node: nodes.FunctionDef | nodes.ClassDef) -> tuple[str, ...]:
    if not node.decorators:
        return ()
    return tuple(source(d) or "" for d in node.decorators.nodes)


def signature_of(node: nodes.FunctionDef | nodes.Lambda) -> Signature:
    args = node.args
    params: list[Parameter] = []
    if args.args is None:  # a function astroid built without argument info (C modules)
        return Signature()
    positional = [(a, ParamKind.POSITIONAL_ONLY) for a in args.posonlyargs] + [
        (a, ParamKind.POSITIONAL_OR_KEYWORD) for a in args.args
    ]
    annotations = list(args.posonlyargs_annotations) + list(args.annotations)
    defaults: list[nodes.NodeNG | None] = [None] * (len(positional) - len(args.defaults)) + list(
        args.defaults
    )
    for (name_node, kind), default, annotation in zip(
        positional, defaults, annotations, strict=False
    ):
        params.append(Parameter(name_node.name, kind, source(default), source(annotation)))
    if args.vararg:
        params.append(
            Parameter(args.vararg, ParamKind.VAR_POSITIONAL, None, source(args.varargannotation))
        )
    for name_node, default, annotation in zip(
        args.kwonlyargs, args.kw_defaults, args.kwonlyargs_annotations, strict=False
    ):
        params.append(
            Parameter(name_node.name, ParamKind.KEYWORD_ONLY, source(default), source(annotation))
        )
    if args.kwarg:
        params.append(
            Parameter(args.kwarg, ParamKind.VAR_KEYWORD, None, source(args.kwargannotation))
        )
    returns = source(node.returns) if isinstance(node, nodes.FunctionDef) else None
    is_async = isinstance(node, nodes.AsyncFunctionDef)
    generator = isinstance(node, nodes.FunctionDef) and yields(node)
    return Signature(tuple(params), returns, is_async, generator)


_OWN_SCOPES = (nodes.FunctionDef, nodes.AsyncFunctionDef, nodes.Lambda, nodes.ClassDef)


def yields(node: nodes.FunctionDef | nodes.AsyncFunctionDef) -> bool:
    """Does the function's body yield (a generator's), not counting the functions, lambdas
    and classes nested in it? astroid's ``is_generator`` misses a ``yield`` inside an
    expression of some statements (``return (yield from fut)``, ``f((yield))``), the
    body of a generator-based coroutine (aioresponses 0.6's ``@asyncio.coroutine``)."""
    for statement in node.body:
        if isinstance(statement, _OWN_SCOPES):
            continue
        if isinstance(statement, (nodes.Yield, nodes.YieldFrom)):
            return True
        for _ in statement.nodes_of_class((nodes.Yield, nodes.YieldFrom), skip_klass=_OWN_SCOPES):
            return True
    return False


def _strip_docstring(body: list[nodes.NodeNG]) -> list[nodes.NodeNG]:
    first = body[0] if body else None
    is_docstring = (
        isinstance(first, nodes.Expr)
        and isinstance(first.value, nodes.Const)
        and isinstance(first.value.value, str)
    )
    return body[1:] if is_docstring else body


def _is_placeholder(statement: nodes.NodeNG) -> bool:
    if isinstance(statement, nodes.Pass):
        return True
    return (
        isinstance(statement, nodes.Expr)
        and isinstance(statement.value, nodes.Const)
        and statement.value.value is Ellipsis
    )


def body_hash(body: list[nodes.NodeNG], skip_definitions: bool = False) -> str:
    """A fingerprint of a body that ignores docstrings, comments and formatting.

    ``skip_definitions`` leaves nested functions and classes out (a class's own body
    changes when its class-level statements change; its methods have their own hash).
    """
    digest = hashlib.blake2b(digest_size=12)
    for statement in _strip_docstring(list(body)):
        if skip_definitions and isinstance(statement, (nodes.FunctionDef, nodes.ClassDef)):
            continue
        if skip_definitions and _is_placeholder(statement):
            continue  # ``pass``/``...`` left behind when the last method moves out
        digest.update((source(statement) or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def module_code_hash(module: nodes.Module) -> str:
    """``FileSummary.module_code`` of a module's tree ("" when it has no such code)."""
    parts = _module_code(module.body)
    return body_hash(parts, skip_definitions=True) if parts else ""


def _module_code(body: list[nodes.NodeNG]) -> list[nodes.NodeNG]:
    """The statements (an ``if``'s test with them) of ``module_code``, in order."""
    found: list[nodes.NodeNG] = []
    for statement in body:
        if isinstance(statement, (nodes.FunctionDef, nodes.ClassDef, nodes.Import,
                                  nodes.ImportFrom, nodes.Pass)):
            continue
        if isinstance(statement, nodes.Assign) and all(
                _plain_names(target) for target in statement.targets):
            continue
        if isinstance(statement, nodes.AnnAssign) and _plain_names(statement.target):
            continue
        if (isinstance(statement, nodes.AugAssign) and isinstance(statement.target,
                                                                  nodes.AssignName)
                and statement.target.name == "__all__"):
            continue
        if isinstance(statement, nodes.If):
            inner = _module_code(statement.body) + _module_code(statement.orelse)
            if inner:
                found += [statement.test, *inner]
            continue
        if isinstance(statement, (nodes.Try, nodes.TryStar)):
            found += _module_code(statement.body)
            for handler in statement.handlers:
                found += _module_code(handler.body)
            found += _module_code(statement.orelse) + _module_code(statement.finalbody)
            continue
        found.append(statement)
    return found


def _plain_names(target: nodes.NodeNG) -> bool:
    """Does an assignment target bind names alone (``x``, ``a, *b``), no attribute or item?"""
    if isinstance(target, nodes.AssignName):
        return True
    if isinstance(target, nodes.Starred):
        return _plain_names(target.value)
    if isinstance(target, (nodes.Tuple, nodes.List)):
        return all(_plain_names(element) for element in target.elts)
    return False


def code_lines(node: nodes.FunctionDef | nodes.AsyncFunctionDef) -> int:
    """``Definition.code_lines``: the lines from the first statement after the docstring to
    the end, less the bodies of the functions and classes defined in it (each counts its
    decorators and first line): how much code evaluating a call of ``node`` goes through.
    A body that is only a docstring counts 1."""
    body = _strip_docstring(list(node.body))  # astroid keeps the docstring out; ``ast`` does not
    if not body:
        return 1
    end = node.end_lineno or node.lineno or 0
    count = end - (body[0].fromlineno or 0) + 1
    pending: list[nodes.NodeNG] = list(body)
    while pending:
        child = pending.pop()
        if isinstance(child, (nodes.FunctionDef, nodes.ClassDef)):
            count -= (child.end_lineno or 0) - child.blockstart_tolineno
        else:
            pending.extend(child.get_children())
    return max(count, 1)


def renaming_hash(node: nodes.FunctionDef | nodes.AsyncFunctionDef) -> str:
    """The body's fingerprint with each parameter's name replaced by its place in the
    signature: equal for two bodies that differ only by a consistent rename of parameters
    (and different when a body reads a name that stopped being a parameter). "" when no
    parameter name occurs in the body: the fingerprint is then ``body_hash`` itself.

    Only names (reads, stores, deletes) are replaced, never attributes or keywords:
    ``obj.width`` and ``f(width=1)`` say the same whatever the parameter is called.
    """
    places: dict[str, int] = {}
    for argument in node.args.arguments or ():  # in order, ``*args`` and ``**kwargs`` included
        places.setdefault(argument.name, len(places))
    uses: list[nodes.Name | nodes.AssignName | nodes.DelName] = []
    for statement in node.body:
        uses.extend(n for n in statement.nodes_of_class(
            (nodes.Name, nodes.AssignName, nodes.DelName)) if n.name in places)
    if not uses:
        return ""
    saved = [n.name for n in uses]
    try:
        for use in uses:
            use.name = f"__param{places[use.name]}__"
        return body_hash(node.body)
    finally:
        for use, name in zip(uses, saved, strict=True):
            use.name = name


def result_length(node: nodes.FunctionDef) -> int | None:
    """``Definition.returns_length`` of a function (``plain.returns_length``)."""
    returned: list[int | None] = []
    scopes = (nodes.FunctionDef, nodes.ClassDef, nodes.Lambda)  # their returns are their own
    for statement in node.body:
        if isinstance(statement, scopes):
            continue
        for found in statement.nodes_of_class(nodes.Return, skip_klass=scopes):
            value = found.value
            returned.append(
                len(value.elts) if isinstance(value, (nodes.Tuple, nodes.List))
                and not any(isinstance(e, nodes.Starred) for e in value.elts) else None
            )
    direct = not isinstance(node, nodes.AsyncFunctionDef) and not yields(node)
    return returns_length(source(node.returns), returned, direct)


def dataclass_signature(fields: list[tuple[str, Parameter]]) -> Signature:
    """The generated ``__init__``'s signature for ``dataclass_fields``' fields."""
    params = [Parameter("self", ParamKind.POSITIONAL_OR_KEYWORD)]
    return Signature((*params, *(parameter for _, parameter in fields)), "None", False)


def named_tuple_class_fields(node: nodes.ClassDef) -> list[tuple[str, Parameter]] | None:
    """``plain.named_tuple_fields`` of a class statement: a named tuple's constructor
    parameters, as ``dataclass_fields`` gives a dataclass's; None for a class that is not a
    named tuple, or that makes instances with a ``__new__`` or ``__init__`` of its own."""
    if any(isinstance(s, nodes.FunctionDef) and s.name in ("__new__", "__init__")
           for s in node.body):
        return None
    annotated = [
        (statement.target.name, source(statement.annotation) or "",
         source(statement.value) if statement.value is not None else None)
        for statement in node.body
        if isinstance(statement, nodes.AnnAssign)
        and isinstance(statement.target, nodes.AssignName)
    ]
    return named_tuple_fields([source(base) or "" for base in node.bases], annotated)


def dataclass_fields(node: nodes.ClassDef) -> list[tuple[str, Parameter]] | None:
    """Each attribute the ``__init__`` a dataclass-like decorator generates sets, with the
    parameter that gives its value (``_deadline`` of attrs: ``deadline``); None when no such
    ``__init__`` is generated."""
    decorators = {decorator_base(d) for d in decorator_names(node)}
    if not decorators & DATACLASS_DECORATORS:
        return None
    if "__init__" in node.locals and any(
        isinstance(s, nodes.FunctionDef) and s.name == "__init__" for s in node.body
    ):
        return None
    keyword_only = any("kw_only=True" in d for d in decorator_names(node))
    params: list[tuple[str, Parameter]] = []
    after_kw_only = keyword_only
    for statement in node.body:
        if not isinstance(statement, nodes.AnnAssign) or not isinstance(
            statement.target, nodes.AssignName
        ):
            continue
        annotation = source(statement.annotation) or ""
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
            default = source(value)
            if isinstance(value, nodes.Call) and (source(value.func) or "").endswith("field"):
                keywords = {k.arg: k.value for k in value.keywords or ()}
                if "default" in keywords:
                    default = source(keywords["default"])
                elif "default_factory" in keywords or "factory" in keywords:
                    default = f"<factory {source(keywords.get('default_factory'))}>"
                else:
                    default = None
                init = keywords.get("init")
                if isinstance(init, nodes.Const) and init.value is False:
                    continue
                flag = keywords.get("kw_only")
                field_kw_only = isinstance(flag, nodes.Const) and flag.value is True
                named = keywords.get("alias")
                alias = named.value if isinstance(named, nodes.Const) else None
        kind = (ParamKind.KEYWORD_ONLY if after_kw_only or field_kw_only
                else ParamKind.POSITIONAL_OR_KEYWORD)
        name = init_parameter_name(statement.target.name, decorator_names(node), alias)
        params.append((statement.target.name, Parameter(name, kind, default, annotation)))
    return params
