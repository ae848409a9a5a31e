"""The text of an ``ast`` node exactly as astroid's ``as_string`` writes the same code.

Signatures, decorators, bases and body fingerprints (``indexer/signatures.py``) are astroid's
text of the code. The API-only summaries of ``changes`` (``indexer/api_ast.py``) are made from
the standard library's ``ast`` (three times cheaper to build than astroid's tree), and must
say the very same: a full summary (astroid's) serves ``changes`` too, from the cache, and is
compared with API-only ones. So this is astroid 4's ``AsStringVisitor`` (``nodes/as_string.py``)
rule for rule, quirks included (``(x, )``, ``x = yield``, ``*args`` written without its
annotation, the metaclass keyword first), over the tree astroid would have built from the
same ``ast``: docstrings taken out of the bodies of defs and classes, a decorated def starting
at its first decorator. ``tests/indexer/test_api_ast.py`` holds the two to that.

``rename``: the parameter renaming of ``renaming_hash``: astroid renames the ``Name``,
``AssignName`` and ``DelName`` nodes that its ``nodes_of_class`` reaches, which are every
name but a nested function's ``*args``/``**kwargs`` and what a class's ``metaclass=`` holds.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence

# astroid's ``nodes/const.py``: an operator's precedence, by node class or operator
_PRECEDENCE = {
    op: precedence
    for precedence, ops in enumerate(
        [["Lambda"], ["IfExp"], ["or"], ["and"], ["not"], ["NamedExpr"], ["Compare"], ["|"],
         ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "@", "/", "//", "%"], ["UnaryOp"],
         ["**"], ["Await"]]
    )
    for op in ops
}
_HIGHEST = len(_PRECEDENCE)

BIN_OPS: dict[type[ast.AST], str] = {
    ast.Add: "+", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.Div: "/",
    ast.FloorDiv: "//", ast.MatMult: "@", ast.Mod: "%", ast.Mult: "*", ast.Pow: "**",
    ast.Sub: "-", ast.LShift: "<<", ast.RShift: ">>",
}
_UNARY_OPS: dict[type[ast.AST], str] = {ast.UAdd: "+", ast.USub: "-", ast.Not: "not",
                                        ast.Invert: "~"}
_BOOL_OPS: dict[type[ast.AST], str] = {ast.And: "and", ast.Or: "or"}
_CMP_OPS: dict[type[ast.AST], str] = {
    ast.Eq: "==", ast.Gt: ">", ast.GtE: ">=", ast.In: "in", ast.Is: "is", ast.IsNot: "is not",
    ast.Lt: "<", ast.LtE: "<=", ast.NotEq: "!=", ast.NotIn: "not in",
}
_STATEMENTS = (ast.stmt, ast.ExceptHandler)  # astroid's ``is_statement``
_MATCH_CONTAINERS = (ast.MatchSequence, ast.MatchMapping, ast.MatchClass)
DOC_NEWLINE = "\0"
INDENT = "    "


class TooDeep(Exception):
    """The code nests too deep to print here (astroid's tree building gives up near 490
    levels): left to astroid."""


_METHODS: dict[type[ast.AST], Callable[[Text, ast.AST, ast.AST | None], str]] = {}


def split_doc(body: list[ast.stmt]) -> tuple[list[ast.stmt], str | None]:
    """astroid takes a leading string out of a def's or class's body: its ``doc_node``."""
    if body:
        first = body[0]
        if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)):
            return body[1:], first.value.value
    return body, None


def astroid_name(node: ast.AST) -> str:
    """The class name astroid gives the node built from ``node``."""
    if isinstance(node, ast.Constant):
        return "Const"
    if isinstance(node, (ast.Name, ast.Attribute)):
        prefix = {ast.Store: "Assign", ast.Del: "Del"}.get(type(node.ctx), "")
        return prefix + ("Name" if isinstance(node, ast.Name) else "Attr" if prefix
                         else "Attribute")
    names = {"arguments": "Arguments", "keyword": "Keyword", "comprehension": "Comprehension",
             "match_case": "MatchCase"}
    return names.get(type(node).__name__, type(node).__name__)


_PRECEDENCE_OF_TYPE = {getattr(ast, name): _PRECEDENCE[name]
                       for name in ("Lambda", "IfExp", "NamedExpr", "Compare", "Await")}
# nodes that never need parentheses as an operand: astroid's highest precedence
_ATOMS = (ast.Name, ast.Constant, ast.Attribute, ast.Call, ast.Subscript, ast.List,
          ast.Tuple, ast.Dict, ast.Set, ast.JoinedStr, ast.ListComp, ast.SetComp,
          ast.DictComp, ast.GeneratorExp, ast.Starred)


def _precedence(node: ast.AST) -> int:
    kind = type(node)
    if kind is ast.BinOp:
        return _PRECEDENCE[BIN_OPS[type(node.op)]]  # type: ignore[attr-defined]
    if kind is ast.BoolOp:
        return _PRECEDENCE[_BOOL_OPS[type(node.op)]]  # type: ignore[attr-defined]
    if kind is ast.UnaryOp:
        return _PRECEDENCE["not" if type(node.op) is ast.Not else "UnaryOp"]  # type: ignore[attr-defined]
    return _PRECEDENCE_OF_TYPE.get(kind, _HIGHEST)


def _left_associative(node: ast.AST) -> bool:
    if isinstance(node, ast.BinOp):
        return not isinstance(node.op, ast.Pow)
    return not isinstance(node, ast.IfExp)


class Text:
    """Renders nodes; one instance per file (or per renaming)."""

    def __init__(self, rename: dict[str, str] | None = None) -> None:
        self.rename = rename
        self.renamed = 0  # how many names were renamed

    def __call__(self, node: ast.AST | None, parent: ast.AST | None = None) -> str | None:
        """``signatures.source``: None for no node, a stand-in when astroid cannot print.
        ``parent``: the node's parent in astroid's tree where it changes the text (a
        statement: ``x = yield``), else None."""
        if node is None:
            return None
        try:
            return self.node(node, parent).replace(DOC_NEWLINE, "\n")
        except RecursionError:
            raise TooDeep from None
        except Exception:  # what astroid's printing raises too (an int past str()'s limit)
            return f"<{astroid_name(node)}>"

    def node(self, node: ast.AST, parent: ast.AST | None) -> str:
        method = _METHODS.get(type(node))
        if method is None:
            method = _METHODS[type(node)] = getattr(Text, f"v_{type(node).__name__}")
        return method(self, node, parent)

    def name(self, name: str) -> str:
        if self.rename is not None and name in self.rename:
            self.renamed += 1
            return self.rename[name]
        return name

    def _parens(self, node: ast.AST, child: ast.AST, is_left: bool = True) -> str:
        if isinstance(child, _ATOMS):  # the highest precedence: never wrapped
            return self.node(child, node)
        own, theirs = _precedence(node), _precedence(child)
        if own > theirs or (own == theirs and is_left != _left_associative(node)):
            return f"({self.node(child, node)})"
        return self.node(child, node)

    def stmt_list(self, statements: list[ast.stmt] | list[ast.match_case], parent: ast.AST,
                  indent: bool = True) -> str:
        text = "\n".join(s for s in [self.node(n, parent) for n in statements] if s)
        if not indent:
            return text
        return INDENT + text.replace("\n", "\n" + INDENT)

    @staticmethod
    def docs(doc: str | None) -> str:
        if doc is None:
            return ""
        return '\n{}"""{}"""'.format(INDENT, doc.replace("\n", DOC_NEWLINE))

    def type_params(self, node: ast.AST) -> str:
        params = getattr(node, "type_params", None)
        return f"[{', '.join(self.node(p, node) for p in params)}]" if params else ""

    # -- statements --------------------------------------------------------------------------
    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, keyword: str) -> str:
        body, doc = split_doc(node.body)
        decorate = self.decorators(node)
        trailer = ":"
        if node.returns:
            trailer = " -> " + self.node(node.returns, node).replace(DOC_NEWLINE, "\n") + ":"
        return "\n%s%s %s%s(%s)%s%s\n%s" % (  # noqa: UP031 - astroid's own format
            decorate, keyword, node.name, self.type_params(node), self.arguments(node.args),
            trailer, self.docs(doc), self.stmt_list(body, node),
        )

    def v_FunctionDef(self, node: ast.FunctionDef, parent: ast.AST | None) -> str:
        return self._function(node, "def")

    def v_AsyncFunctionDef(self, node: ast.AsyncFunctionDef, parent: ast.AST | None) -> str:
        return self._function(node, "async def")

    def decorators(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> str:
        if not node.decorator_list:
            return ""
        joined = "\n@".join(self.node(d, None) for d in node.decorator_list)
        return f"@{joined}\n"

    def v_ClassDef(self, node: ast.ClassDef, parent: ast.AST | None) -> str:
        body, doc = split_doc(node.body)
        decorate = self.decorators(node)
        args = [self.node(b, node) for b in node.bases]
        metaclass = next((k for k in node.keywords if k.arg == "metaclass"), None)
        if metaclass is not None:  # out of astroid's children: never renamed
            rename, self.rename = self.rename, None
            try:
                args.append("metaclass=" + self.node(metaclass.value, metaclass))
            finally:
                self.rename = rename
        args += [self.node(k, node) for k in node.keywords if k.arg != "metaclass"]
        args_str = f"({', '.join(args)})" if args else ""
        return (f"\n\n{decorate}class {node.name}{self.type_params(node)}{args_str}:"
                f"{self.docs(doc)}\n{self.stmt_list(body, node)}\n")

    def v_Assign(self, node: ast.Assign, parent: ast.AST | None) -> str:
        lhs = " = ".join(self.node(t, node) for t in node.targets)
        return f"{lhs} = {self.node(node.value, node)}"

    def v_AugAssign(self, node: ast.AugAssign, parent: ast.AST | None) -> str:
        op = BIN_OPS[type(node.op)]
        return f"{self.node(node.target, node)} {op}= {self.node(node.value, node)}"

    def v_AnnAssign(self, node: ast.AnnAssign, parent: ast.AST | None) -> str:
        target = self.node(node.target, node)
        annotation = self.node(node.annotation, node)
        if node.value is None:
            return f"{target}: {annotation}"
        return f"{target}: {annotation} = {self.node(node.value, node)}"

    def v_Expr(self, node: ast.Expr, parent: ast.AST | None) -> str:
        return self.node(node.value, node)

    def v_Return(self, node: ast.Return, parent: ast.AST | None) -> str:
        if isinstance(node.value, ast.Tuple) and len(node.value.elts) > 1:
            return f"return {', '.join(self.node(e, node.value) for e in node.value.elts)}"
        if node.value is not None:
            return f"return {self.node(node.value, node)}"
        return "return"

    def v_Delete(self, node: ast.Delete, parent: ast.AST | None) -> str:
        return f"del {', '.join(self.node(t, node) for t in node.targets)}"

    def v_Pass(self, node: ast.AST, parent: ast.AST | None) -> str:
        return "pass"

    def v_Break(self, node: ast.AST, parent: ast.AST | None) -> str:
        return "break"

    def v_Continue(self, node: ast.AST, parent: ast.AST | None) -> str:
        return "continue"

    def v_Raise(self, node: ast.Raise, parent: ast.AST | None) -> str:
        if node.exc is not None:
            if node.cause is not None:
                return f"raise {self.node(node.exc, node)} from {self.node(node.cause, node)}"
            return f"raise {self.node(node.exc, node)}"
        return "raise"

    def v_Assert(self, node: ast.Assert, parent: ast.AST | None) -> str:
        if node.msg is not None:
            return f"assert {self.node(node.test, node)}, {self.node(node.msg, node)}"
        return f"assert {self.node(node.test, node)}"

    def v_Global(self, node: ast.Global, parent: ast.AST | None) -> str:
        return f"global {', '.join(node.names)}"

    def v_Nonlocal(self, node: ast.Nonlocal, parent: ast.AST | None) -> str:
        return f"nonlocal {', '.join(node.names)}"

    @staticmethod
    def _aliases(names: list[ast.alias]) -> str:
        return ", ".join(f"{a.name} as {a.asname}" if a.asname is not None else a.name
                         for a in names)

    def v_Import(self, node: ast.Import, parent: ast.AST | None) -> str:
        return f"import {self._aliases(node.names)}"

    def v_ImportFrom(self, node: ast.ImportFrom, parent: ast.AST | None) -> str:
        module = "." * (node.level or 0) + (node.module or "")
        return f"from {module} import {self._aliases(node.names)}"

    def v_If(self, node: ast.If, parent: ast.AST | None) -> str:
        ifs = [f"if {self.node(node.test, node)}:\n{self.stmt_list(node.body, node)}"]
        if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
            ifs.append(f"el{self.stmt_list(node.orelse, node, indent=False)}")
        elif node.orelse:
            ifs.append(f"else:\n{self.stmt_list(node.orelse, node)}")
        return "\n".join(ifs)

    def v_For(self, node: ast.For | ast.AsyncFor, parent: ast.AST | None) -> str:
        fors = (f"for {self.node(node.target, node)} in {self.node(node.iter, node)}:\n"
                f"{self.stmt_list(node.body, node)}")
        if node.orelse:
            fors = f"{fors}\nelse:\n{self.stmt_list(node.orelse, node)}"
        return fors

    def v_AsyncFor(self, node: ast.AsyncFor, parent: ast.AST | None) -> str:
        return f"async {self.v_For(node, parent)}"

    def v_While(self, node: ast.While, parent: ast.AST | None) -> str:
        whiles = f"while {self.node(node.test, node)}:\n{self.stmt_list(node.body, node)}"
        if node.orelse:
            whiles = f"{whiles}\nelse:\n{self.stmt_list(node.orelse, node)}"
        return whiles

    def v_With(self, node: ast.With | ast.AsyncWith, parent: ast.AST | None) -> str:
        items = ", ".join(
            self.node(i.context_expr, node)
            + (f" as {self.node(i.optional_vars, node)}" if i.optional_vars is not None else "")
            for i in node.items
        )
        return f"with {items}:\n{self.stmt_list(node.body, node)}"

    def v_AsyncWith(self, node: ast.AsyncWith, parent: ast.AST | None) -> str:
        return f"async {self.v_With(node, parent)}"

    def v_Try(self, node: ast.Try, parent: ast.AST | None) -> str:
        trys = [f"try:\n{self.stmt_list(node.body, node)}"]
        trys.extend(self.node(h, node) for h in node.handlers)
        if node.orelse:
            trys.append(f"else:\n{self.stmt_list(node.orelse, node)}")
        if node.finalbody:
            trys.append(f"finally:\n{self.stmt_list(node.finalbody, node)}")
        return "\n".join(trys)

    v_TryStar = v_Try

    def v_ExceptHandler(self, node: ast.ExceptHandler, parent: ast.AST | None) -> str:
        n = "except*" if type(parent).__name__ == "TryStar" else "except"
        if node.type is not None:
            if node.name is not None:
                excs = f"{n} {self.node(node.type, node)} as {self.name(node.name)}"
            else:
                excs = f"{n} {self.node(node.type, node)}"
        else:
            excs = n
        return f"{excs}:\n{self.stmt_list(node.body, node)}"

    def v_Match(self, node: ast.AST, parent: ast.AST | None) -> str:
        return (f"match {self.node(node.subject, node)}:\n"  # type: ignore[attr-defined]
                f"{self.stmt_list(node.cases, node)}")  # type: ignore[attr-defined]

    def v_match_case(self, node: ast.AST, parent: ast.AST | None) -> str:
        guard = node.guard  # type: ignore[attr-defined]
        guard_str = f" if {self.node(guard, node)}" if guard is not None else ""
        return (f"case {self.node(node.pattern, node)}{guard_str}:\n"  # type: ignore[attr-defined]
                f"{self.stmt_list(node.body, node)}")  # type: ignore[attr-defined]

    def v_TypeAlias(self, node: ast.AST, parent: ast.AST | None) -> str:
        return (f"type {self.node(node.name, node)}{self.type_params(node)} = "  # type: ignore[attr-defined]
                f"{self.node(node.value, node)}")  # type: ignore[attr-defined]

    # -- expressions -------------------------------------------------------------------------
    def v_BoolOp(self, node: ast.BoolOp, parent: ast.AST | None) -> str:
        op = _BOOL_OPS[type(node.op)]
        return f" {op} ".join(self._parens(node, v) for v in node.values)

    def v_BinOp(self, node: ast.BinOp, parent: ast.AST | None) -> str:
        left = self._parens(node, node.left)
        right = self._parens(node, node.right, is_left=False)
        op = BIN_OPS[type(node.op)]
        if op == "**":
            return f"{left}{op}{right}"
        return f"{left} {op} {right}"

    def v_UnaryOp(self, node: ast.UnaryOp, parent: ast.AST | None) -> str:
        op = _UNARY_OPS[type(node.op)]
        return f"{'not ' if op == 'not' else op}{self._parens(node, node.operand)}"

    def v_Lambda(self, node: ast.Lambda, parent: ast.AST | None) -> str:
        args = self.arguments(node.args)
        body = self.node(node.body, node)
        return f"lambda {args}: {body}" if args else f"lambda: {body}"

    def v_IfExp(self, node: ast.IfExp, parent: ast.AST | None) -> str:
        body = self._parens(node, node.body, is_left=True)
        test = self._parens(node, node.test, is_left=True)
        orelse = self._parens(node, node.orelse, is_left=False)
        return f"{body} if {test} else {orelse}"

    def v_Dict(self, node: ast.Dict, parent: ast.AST | None) -> str:
        items = []
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                items.append("**" + self.node(value, node))
            else:
                items.append(f"{self.node(key, node)}: {self.node(value, node)}")
        return f"{{{', '.join(items)}}}"

    def v_Set(self, node: ast.Set, parent: ast.AST | None) -> str:
        return f"{{{', '.join(self.node(e, node) for e in node.elts)}}}"

    def _generators(self, node: ast.AST) -> str:
        return " ".join(self.node(g, node) for g in node.generators)  # type: ignore[attr-defined]

    def v_ListComp(self, node: ast.ListComp, parent: ast.AST | None) -> str:
        return f"[{self.node(node.elt, node)} {self._generators(node)}]"

    def v_SetComp(self, node: ast.SetComp, parent: ast.AST | None) -> str:
        return f"{{{self.node(node.elt, node)} {self._generators(node)}}}"

    def v_GeneratorExp(self, node: ast.GeneratorExp, parent: ast.AST | None) -> str:
        return f"({self.node(node.elt, node)} {self._generators(node)})"

    def v_DictComp(self, node: ast.DictComp, parent: ast.AST | None) -> str:
        key, value = self.node(node.key, node), self.node(node.value, node)
        return f"{{{key}: {value} {self._generators(node)}}}"

    def v_comprehension(self, node: ast.comprehension, parent: ast.AST | None) -> str:
        ifs = "".join(f" if {self.node(n, node)}" for n in node.ifs)
        generated = f"for {self.node(node.target, node)} in {self.node(node.iter, node)}{ifs}"
        return f"{'async ' if node.is_async else ''}{generated}"

    def v_Await(self, node: ast.Await, parent: ast.AST | None) -> str:
        return f"await {self.node(node.value, node)}"

    def _yield(self, node: ast.Yield | ast.YieldFrom, parent: ast.AST | None, word: str) -> str:
        value = (" " + self.node(node.value, node)) if node.value is not None else ""
        if isinstance(parent, _STATEMENTS):
            return word + value
        return f"({word}{value})"

    def v_Yield(self, node: ast.Yield, parent: ast.AST | None) -> str:
        return self._yield(node, parent, "yield")

    def v_YieldFrom(self, node: ast.YieldFrom, parent: ast.AST | None) -> str:
        return self._yield(node, parent, "yield from")

    def v_Compare(self, node: ast.Compare, parent: ast.AST | None) -> str:
        rhs = " ".join(f"{_CMP_OPS[type(op)]} {self._parens(node, expr, is_left=False)}"
                       for op, expr in zip(node.ops, node.comparators, strict=True))
        return f"{self._parens(node, node.left)} {rhs}"

    def v_Call(self, node: ast.Call, parent: ast.AST | None) -> str:
        func = self._parens(node, node.func)
        args = [self.node(a, node) for a in node.args]
        args += [self.node(k, node) for k in node.keywords]
        return f"{func}({', '.join(args)})"

    def v_keyword(self, node: ast.keyword, parent: ast.AST | None) -> str:
        if node.arg is None:
            return f"**{self.node(node.value, node)}"
        return f"{node.arg}={self.node(node.value, node)}"

    def v_FormattedValue(self, node: ast.FormattedValue, parent: ast.AST | None) -> str:
        result = self.node(node.value, node)
        if node.conversion and node.conversion >= 0:
            result += "!" + chr(node.conversion)
        if node.format_spec is not None:
            result += ":" + self.node(node.format_spec, node)[2:-1]
        return f"{{{result}}}"

    def v_JoinedStr(self, node: ast.JoinedStr, parent: ast.AST | None) -> str:
        string = "".join(
            repr(v.value)[1:-1].replace("{", "{{").replace("}", "}}")
            if isinstance(v, ast.Constant) else self.node(v, node)
            for v in node.values
        )
        quote = "'"
        for quote in ("'", '"', '"""', "'''"):
            if quote not in string:
                break
        return "f" + quote + string + quote

    def v_Constant(self, node: ast.Constant, parent: ast.AST | None) -> str:
        if node.value is Ellipsis:
            return "..."
        return repr(node.value)

    def v_Attribute(self, node: ast.Attribute, parent: ast.AST | None) -> str:
        left = self._parens(node, node.value)
        if left.isdigit():
            left = f"({left})"
        return f"{left}.{node.attr}"

    def v_Subscript(self, node: ast.Subscript, parent: ast.AST | None) -> str:
        index = node.slice
        text = self.node(index, node)
        if isinstance(index, ast.Tuple) and index.elts:
            text = text[1:-1]  # ``a[(::1, 1:)]`` is no valid syntax
        return f"{self._parens(node, node.value)}[{text}]"

    def v_Starred(self, node: ast.Starred, parent: ast.AST | None) -> str:
        return "*" + self.node(node.value, node)

    def v_Name(self, node: ast.Name, parent: ast.AST | None) -> str:
        return self.name(node.id)

    def v_List(self, node: ast.List, parent: ast.AST | None) -> str:
        return f"[{', '.join(self.node(e, node) for e in node.elts)}]"

    def v_Tuple(self, node: ast.Tuple, parent: ast.AST | None) -> str:
        if len(node.elts) == 1:
            return f"({self.node(node.elts[0], node)}, )"
        return f"({', '.join(self.node(e, node) for e in node.elts)})"

    def v_Slice(self, node: ast.Slice, parent: ast.AST | None) -> str:
        lower = self.node(node.lower, node) if node.lower is not None else ""
        upper = self.node(node.upper, node) if node.upper is not None else ""
        step = self.node(node.step, node) if node.step is not None else ""
        if step:
            return f"{lower}:{upper}:{step}"
        return f"{lower}:{upper}"

    def v_NamedExpr(self, node: ast.NamedExpr, parent: ast.AST | None) -> str:
        target, value = self.node(node.target, node), self.node(node.value, node)
        if isinstance(parent, ast.Compare):
            return f"{target} := {value}"
        return f"({target} := {value})"

    # -- patterns ----------------------------------------------------------------------------
    def v_MatchValue(self, node: ast.AST, parent: ast.AST | None) -> str:
        return self.node(node.value, node)  # type: ignore[attr-defined]

    def v_MatchSingleton(self, node: ast.AST, parent: ast.AST | None) -> str:
        return str(node.value)  # type: ignore[attr-defined]

    def v_MatchSequence(self, node: ast.AST, parent: ast.AST | None) -> str:
        return f"[{', '.join(self.node(p, node) for p in node.patterns)}]"  # type: ignore[attr-defined]

    def v_MatchMapping(self, node: ast.AST, parent: ast.AST | None) -> str:
        keys, patterns, rest = node.keys, node.patterns, node.rest  # type: ignore[attr-defined]
        strings: list[str] = []
        if keys and patterns:
            strings.extend(f"{self.node(k, node)}: {self.node(p, node)}"
                           for k, p in zip(keys, patterns, strict=False))
        if rest:
            strings.append(f"**{self.name(rest)}")
        return "{" + ", ".join(strings) + "}"

    def v_MatchClass(self, node: ast.AST, parent: ast.AST | None) -> str:
        strings = [self.node(p, node) for p in node.patterns]  # type: ignore[attr-defined]
        attrs, patterns = node.kwd_attrs, node.kwd_patterns  # type: ignore[attr-defined]
        if attrs and patterns:
            strings.extend(f"{a}={self.node(p, node)}"
                           for a, p in zip(attrs, patterns, strict=False))
        return f"{self.node(node.cls, node)}({', '.join(strings)})"  # type: ignore[attr-defined]

    def v_MatchStar(self, node: ast.AST, parent: ast.AST | None) -> str:
        name = node.name  # type: ignore[attr-defined]
        return f"*{self.name(name) if name else '_'}"

    def v_MatchAs(self, node: ast.AST, parent: ast.AST | None) -> str:
        name, pattern = node.name, node.pattern  # type: ignore[attr-defined]
        if isinstance(parent, _MATCH_CONTAINERS):
            return self.name(name) if name else "_"
        return (f"{self.node(pattern, node) if pattern is not None else '_'}"
                f"{f' as {self.name(name)}' if name else ''}")

    def v_MatchOr(self, node: ast.AST, parent: ast.AST | None) -> str:
        return " | ".join(self.node(p, node) for p in node.patterns)  # type: ignore[attr-defined]

    def v_TypeVar(self, node: ast.AST, parent: ast.AST | None) -> str:
        bound = getattr(node, "bound", None)
        default = getattr(node, "default_value", None)
        return (self.name(node.name)  # type: ignore[attr-defined]
                + (f": {self.node(bound, node)}" if bound is not None else "")
                + (f" = {self.node(default, node)}" if default is not None else ""))

    def v_ParamSpec(self, node: ast.AST, parent: ast.AST | None) -> str:
        default = getattr(node, "default_value", None)
        return (f"**{self.name(node.name)}"  # type: ignore[attr-defined]
                + (f" = {self.node(default, node)}" if default is not None else ""))

    def v_TypeVarTuple(self, node: ast.AST, parent: ast.AST | None) -> str:
        default = getattr(node, "default_value", None)
        return (f"*{self.name(node.name)}"  # type: ignore[attr-defined]
                + (f" = {self.node(default, node)}" if default is not None else ""))

    # -- arguments: astroid's ``Arguments.format_args`` ----------------------------------------
    def arguments(self, args: ast.arguments) -> str:
        result = []
        defaults = args.defaults
        positional_only_defaults: list[ast.expr] = []
        positional_defaults = defaults
        if defaults:
            positional_defaults = defaults[-len(args.args):]
            positional_only_defaults = defaults[: len(defaults) - len(args.args)]
        if args.posonlyargs:
            result.append(self._format(args.posonlyargs, positional_only_defaults))
            result.append("/")
        if args.args:
            result.append(self._format(args.args, positional_defaults))
        if args.vararg is not None:
            result.append(f"*{args.vararg.arg}")
        if args.kwonlyargs:
            if args.vararg is None:
                result.append("*")
            result.append(self._format(args.kwonlyargs, args.kw_defaults))
        if args.kwarg is not None:
            result.append(f"**{args.kwarg.arg}")
        return ", ".join(result)

    def _format(self, args: list[ast.arg], defaults: Sequence[ast.expr | None]) -> str:
        values = []
        offset = len(args) - len(defaults)
        for i, arg in enumerate(args):
            name = self.name(arg.arg)
            separator = "="
            if arg.annotation is not None:
                name += ": " + self.node(arg.annotation, arg).replace(DOC_NEWLINE, "\n")
                separator = " = "
            if i >= offset:
                default = defaults[i - offset]
                if default is not None:
                    name += separator + self.node(default, arg).replace(DOC_NEWLINE, "\n")
            values.append(name)
        return ", ".join(values)
