"""The guard of a ``return``: what must hold of the shape of the function's arguments for it to
run (``if func is None: return wrap``, the ``else:`` of ``if len(dargs) == 1 and
callable(dargs[0])``, the fall-through after an ``if`` that always returns).

A decorator usable bare or with arguments returns either a decorator or the decorated
function's wrapper; the linker, evaluating one call in context, drops the returns whose guard
that call's arguments make false (``Resolver.call_in_context``).

A guard is written as a Python expression over the parameters (each never rebound in the
function) made of these atoms only: ``p is None``, ``p is not None``, ``callable(p)``,
``callable(star[N])``, ``len(star) OP N``, ``bool(p)`` (a condition that is just ``p``),
``isinstance(p)`` (the type left out: the linker cannot vouch for one), and ``...`` for any
other condition (unknown); joined by ``and``, ``or`` and ``not``. Its record is
``(condition, "p=shape", ...)`` for each parameter it names, in name order, where shape tells
the linker what a parameter not passed holds: ``none`` (default None), ``const`` (a literal
that is neither None nor callable), ``?`` (any other default), ``!`` (required), ``*``
(``*args``), ``**`` (``**kwargs``).
"""

from __future__ import annotations

from astroid import nodes

# A condition: True / False (known), an atom's text, or an operator over conditions.
Cond = bool | str | tuple[str, tuple["Cond", ...]]
UNKNOWN = "..."
COMPARISONS = {"==": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
# statement fields that hold blocks of statements
_BLOCKS = ("body", "orelse", "handlers", "finalbody")
_LITERALS = (nodes.Tuple, nodes.List, nodes.Dict, nodes.Set)


def conj(parts: list[Cond]) -> Cond:
    return _join("and", parts)


def disj(parts: list[Cond]) -> Cond:
    return _join("or", parts)


def _join(op: str, parts: list[Cond]) -> Cond:
    """``parts`` joined by ``op`` ("and" or "or"), flattened and simplified: the absorbing
    constant (False for "and", True for "or") wins, the other is left out, ``x op not x`` is
    the absorbing one too, and nothing left is the identity."""
    absorbing = op == "or"
    flat: list[Cond] = []
    for part in parts:
        if part is absorbing:
            return absorbing
        if part is (not absorbing):
            continue
        if isinstance(part, tuple) and part[0] == op:
            flat.extend(part[1])
        else:
            flat.append(part)
    if not flat:
        return not absorbing
    if any(neg(part) in flat for part in flat):  # x and not x; x or not x
        return absorbing
    return flat[0] if len(flat) == 1 else (op, tuple(flat))


def neg(cond: Cond) -> Cond:
    if isinstance(cond, bool):
        return not cond
    if isinstance(cond, tuple) and cond[0] == "not":
        return cond[1][0]
    return ("not", (cond,))


def text(cond: Cond) -> str:
    if isinstance(cond, bool):
        return str(cond)
    if isinstance(cond, str):
        return cond
    op, items = cond
    if op == "not":
        inner = items[0]
        written = text(inner)
        return f"not ({written})" if isinstance(inner, tuple) or " " in written else (
            f"not {written}")
    return f" {op} ".join(f"({text(i)})" if isinstance(i, tuple) and i[0] != "not" else text(i)
                          for i in items)


def atoms(cond: Cond) -> list[str]:
    if isinstance(cond, bool):
        return []
    if isinstance(cond, str):
        return [cond]
    return [a for item in cond[1] for a in atoms(item)]


class Guards:
    """The guards of one function's returns."""

    def __init__(self, frame: nodes.FunctionDef, shared: frozenset[str]) -> None:
        """``shared``: the names some ``global`` or ``nonlocal`` statement of the module
        declares (``flow.shared_names``), found once per module by the caller."""
        self.frame = frame
        self.shapes = _parameter_shapes(frame, shared)
        self.stars = {n for n, s in self.shapes.items() if s == "*"}

    def of(self, node: nodes.Return) -> tuple[str, ...] | None:
        """The guard record of ``node`` (a return of this function); None when it has none
        (no condition on the arguments is known to hold where it runs)."""
        if not self.shapes:
            return None
        parts: list[Cond] = []
        child, parent = node, node.parent
        while parent is not None and parent is not self.frame:
            if isinstance(parent, (nodes.FunctionDef, nodes.ClassDef, nodes.Lambda)):
                return None
            level: list[Cond] = []
            if isinstance(parent, nodes.If):
                if any(s is child for s in parent.body):
                    level.append(self.condition(parent.test))
                elif any(s is child for s in parent.orelse):
                    level.append(neg(self.condition(parent.test)))
            level += self._before(_block_of(parent, child), child)
            parts[:0] = level
            child, parent = parent, parent.parent
        if parent is None:
            return None
        parts[:0] = self._before(self.frame.body, child)
        guard = conj(parts)
        if isinstance(guard, bool):  # always (or never: dead code, kept) true
            return None
        named = sorted({_parameter_of(a) for a in atoms(guard)} - {""})
        if not named:
            return None
        return (text(guard), *(f"{name}={self.shapes[name]}" for name in named))

    def _before(self, block: list[nodes.NodeNG] | None, child: nodes.NodeNG) -> list[Cond]:
        """What the statements of ``block`` before ``child`` leave holding."""
        found: list[Cond] = []
        for statement in block or ():
            if statement is child:
                break
            found.append(self.falls_through(statement))
        return found

    def falls_through(self, statement: nodes.NodeNG) -> Cond:
        """What holds once ``statement`` has run and control goes on after it (True: nothing
        known)."""
        if isinstance(statement, (nodes.Return, nodes.Raise)):
            return False
        if isinstance(statement, nodes.If):
            test = self.condition(statement.test)
            return disj([
                conj([test, self.block_falls_through(statement.body)]),
                conj([neg(test), self.block_falls_through(statement.orelse)]),
            ])
        return True

    def block_falls_through(self, block: list[nodes.NodeNG]) -> Cond:
        return conj([self.falls_through(s) for s in block])

    def condition(self, node: nodes.NodeNG) -> Cond:
        """``node`` (an ``if`` test) as a condition over the parameters' shapes."""
        if isinstance(node, nodes.BoolOp):
            items = [self.condition(v) for v in node.values]
            return conj(items) if node.op == "and" else disj(items)
        if isinstance(node, nodes.UnaryOp) and node.op == "not":
            return neg(self.condition(node.operand))
        if isinstance(node, nodes.Name) and node.name in self.shapes:
            return f"bool({node.name})"
        if isinstance(node, nodes.Compare) and len(node.ops) == 1:
            op, right = node.ops[0]
            left = node.left
            if op in ("is", "is not"):
                if _is_none(left):
                    left, right = right, left
                if isinstance(left, nodes.Name) and left.name in self.shapes and _is_none(right):
                    return f"{left.name} {op} None"
            if op in COMPARISONS:
                star = self._len_of(left)
                number = right
                if star is None:
                    star, number = self._len_of(right), left
                    op = _flipped(op)
                if star is not None and isinstance(number, nodes.Const) and (
                    type(number.value) is int
                ):
                    return f"len({star}) {op} {number.value}"
        if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Name) and (
            node.func.name in ("callable", "isinstance") and not node.keywords
            and node.args and _is_builtin(node.func)
        ):
            argument = node.args[0]
            if node.func.name == "isinstance" and len(node.args) == 2 and (
                isinstance(argument, nodes.Name) and argument.name in self.shapes
            ):
                return f"isinstance({argument.name})"
            if node.func.name == "callable" and len(node.args) == 1:
                if isinstance(argument, nodes.Name) and argument.name in self.shapes:
                    return f"callable({argument.name})"
                element = self._element_of(argument)
                if element is not None:
                    return f"callable({element})"
        return UNKNOWN

    def _len_of(self, node: nodes.NodeNG) -> str | None:
        """``len(star)``: the star parameter's name."""
        if (
            isinstance(node, nodes.Call) and isinstance(node.func, nodes.Name)
            and node.func.name == "len" and _is_builtin(node.func) and len(node.args) == 1
            and not node.keywords and isinstance(node.args[0], nodes.Name)
            and node.args[0].name in self.stars
        ):
            return str(node.args[0].name)
        return None

    def _element_of(self, node: nodes.NodeNG) -> str | None:
        """``star[N]`` with a constant N >= 0, as text."""
        if (
            isinstance(node, nodes.Subscript) and isinstance(node.value, nodes.Name)
            and node.value.name in self.stars and isinstance(node.slice, nodes.Const)
            and type(node.slice.value) is int and node.slice.value >= 0
        ):
            return f"{node.value.name}[{node.slice.value}]"
        return None


def _parameter_of(atom: str) -> str:
    """The parameter an atom names ("" for ``...``)."""
    if atom == UNKNOWN:
        return ""
    inner = atom.partition("(")[2].partition(")")[0] if "(" in atom else atom.split(" ")[0]
    return inner.partition("[")[0]


def _flipped(op: str) -> str:
    return {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op, op)


def _is_none(node: nodes.NodeNG) -> bool:
    return isinstance(node, nodes.Const) and node.value is None


def _is_builtin(name: nodes.Name) -> bool:
    """Does the name read the builtin (no binding of it in any enclosing scope)?"""
    scope = name.scope()
    while scope is not None:
        if name.name in scope.locals:
            return False
        scope = scope.parent.scope() if scope.parent is not None else None
    return True


def _block_of(parent: nodes.NodeNG, child: nodes.NodeNG) -> list[nodes.NodeNG] | None:
    for field in _BLOCKS:
        block = getattr(parent, field, None)
        if isinstance(block, list) and any(s is child for s in block):
            return block
    return None


def _parameter_shapes(frame: nodes.FunctionDef, shared: frozenset[str]) -> dict[str, str]:
    """Each parameter never rebound in the function (nor declared ``global`` or ``nonlocal``
    anywhere in the module: ``shared``) -> what it holds when not passed."""
    args = frame.args
    if args is None or args.args is None:  # built from a living object: no source
        return {}
    shapes: dict[str, str] = {}
    positional = [*(args.posonlyargs or []), *args.args]
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for arg, default in zip(positional, defaults, strict=True):
        shapes[arg.name] = _shape(default)
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        shapes[arg.name] = _shape(default)
    if args.vararg:
        shapes[args.vararg] = "*"
    if args.kwarg:
        shapes[args.kwarg] = "**"
    # bound again (or deleted) in the function itself (a nested function's own names are its
    # own; a walrus in a comprehension binds here too, and astroid files it here, as it files
    # each ``del name`` of the function, or of the module's under ``global``: shared)
    rebound = {
        name for name, sites in frame.locals.items()
        # (``*args`` and ``**kwargs`` are filed as the Arguments node itself)
        if any(site is not args and not isinstance(site.parent, nodes.Arguments)
               for site in sites)
    }
    return {n: s for n, s in shapes.items() if n not in rebound and n not in shared}


def _shape(default: nodes.NodeNG | None) -> str:
    if default is None:
        return "!"
    if isinstance(default, nodes.Const):
        return "none" if default.value is None else "const"
    if isinstance(default, _LITERALS):
        return "const"
    return "?"
