"""What is known of a computed attribute name (``getattr(self, "visit_" + kind)``).

A name's *shape* is a tuple of parts: constant text, or ``None`` for a part nothing is known
of (any string, the empty one included); ``()`` is the empty string. An expression has one or
more shapes, every string it can produce fitting one of them: ``"do_" + cmd`` is
``("do_", None)``; a local bound to ``"a"`` on one branch and ``"b"`` on another is ``("a",)``
or ``("b",)``. The linker matches a shape's leading and trailing constants against the
receiver's members (``.~do_*``), so a shape must never claim more than the code guarantees:
whatever this module does not understand is ``(None,)``, a name nothing is known of.

Understood: string constants; ``+``; ``a if c else b``; f-strings; ``"%s" % x`` and
``"{}".format(x)`` (their arguments put in where the template shows them, unknown for any
conversion, width or format spec); ``sep.join((a, b))`` of a literal sequence; ``.lower()``,
``.upper()``, ``.casefold()``, ``.swapcase()`` (on ASCII constants: elsewhere case mapping is
not per character), ``.strip()``/``.lstrip()``/``.rstrip()`` and ``.replace(old, new)``; a
function's local name (every assignment of it in the function, wherever it is: a superset of
those that reach the read), a parameter of a function nested in another that only calls it
(what those calls pass), a loop variable over a literal sequence (or over a local bound
only to literal tuples), a test's parameter that ``@pytest.mark.parametrize`` gives
literal values, and an item of a lookup table (``table[key]``, ``table.get(key, default)``):
a literal dict, list or tuple, or a name bound only to such literals and never changed, a
function's local or a private module-level name (``_METHODS``) that the module only reads
items of: every value the table holds.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Sequence
from itertools import product

from astroid import nodes
from astroid.const import Context

from impactgraph.expressions import attr, attr_pattern

Part = str | None
Shape = tuple[Part, ...]
UNKNOWN: Shape = (None,)
# More shapes than this are merged into one (their common leading and trailing text)
MAX_SHAPES = 32
# Locals defined through locals defined through ...: deeper than this is unknown
MAX_DEPTH = 12

_CASE_METHODS: dict[str, Callable[[str], str]] = {
    "lower": str.lower, "upper": str.upper, "casefold": str.casefold, "swapcase": str.swapcase,
}
_STRIP_METHODS = frozenset({"strip", "lstrip", "rstrip"})
_COMPREHENSIONS = (nodes.ListComp, nodes.SetComp, nodes.DictComp, nodes.GeneratorExp)
# one ``%`` placeholder: ``%(key)-5.2s``; the conversion is absent at the end of the text
_PERCENT = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?(?P<flags>[-#0 +]*)(?P<width>\*|\d*)"
    r"(?:\.(?P<precision>\*|\d*))?[hlL]?(?P<conversion>.?)",
    re.DOTALL,
)


def name_ops(node: nodes.NodeNG) -> list[str]:
    """The attribute operations a computed name ``node`` may select: ``.name`` for a name
    known exactly, ``.~prefix*suffix`` for one known in part, ``.~*`` when nothing is known."""
    ops: dict[str, None] = {}
    for shape in name_shapes(node):
        if all(part is not None for part in shape):
            ops[attr("".join(shape))] = None  # type: ignore[arg-type]
            continue
        prefix = shape[0] if shape[0] is not None else ""
        suffix = shape[-1] if shape[-1] is not None else ""
        if not prefix and not suffix:
            return [attr_pattern("", "")]  # any member: the others add nothing
        ops[attr_pattern(prefix.partition("*")[0], suffix)] = None
    return list(ops)


def name_shapes(node: nodes.NodeNG) -> tuple[Shape, ...]:
    """The shapes of the strings ``node`` may evaluate to (see the module's docstring)."""
    return _Shapes().of(node)


class _Shapes:
    """One evaluation; ``active`` holds the locals being evaluated (a name defined through
    itself, ``name = name + x``, is unknown where it recurs)."""

    def __init__(self) -> None:
        self.active: set[tuple[int, str]] = set()
        self.depth = 0

    def of(self, node: nodes.NodeNG | None) -> tuple[Shape, ...]:
        if node is None or self.depth > MAX_DEPTH:
            return (UNKNOWN,)
        self.depth += 1
        try:
            return _bounded(self._of(node)) or (UNKNOWN,)
        finally:
            self.depth -= 1

    def _of(self, node: nodes.NodeNG) -> tuple[Shape, ...]:
        if isinstance(node, nodes.Const):
            return ((node.value,),) if isinstance(node.value, str) else (UNKNOWN,)
        if isinstance(node, nodes.BinOp) and node.op == "+":
            return _concat([self.of(node.left), self.of(node.right)])
        if isinstance(node, nodes.BinOp) and node.op == "%":
            return self.percent(node)
        if isinstance(node, nodes.IfExp):
            return (*self.of(node.body), *self.of(node.orelse))
        if isinstance(node, nodes.JoinedStr):
            return _concat([self.formatted(value) for value in node.values])
        if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Attribute):
            return self.method(node, node.func.attrname, node.func.expr)
        if isinstance(node, nodes.Name):
            return self.local(node)
        if isinstance(node, nodes.Subscript) and not isinstance(node.slice, nodes.Slice):
            return self.items(node.value)
        return (UNKNOWN,)

    def items(self, node: nodes.NodeNG) -> tuple[Shape, ...]:
        """Every value a lookup table may give: a literal dict, list or tuple, or a name
        bound only to such literals that the code only reads items of."""
        if isinstance(node, nodes.Dict):
            if any(isinstance(key, nodes.DictUnpack) for key, _ in node.items):
                return (UNKNOWN,)
            return tuple(s for _, value in node.items for s in self.of(value)) or (UNKNOWN,)
        if isinstance(node, (nodes.List, nodes.Tuple)):
            return self.elements(node) or (UNKNOWN,)
        if not isinstance(node, nodes.Name):
            return (UNKNOWN,)
        tables = _read_only_tables(node)
        if tables is None:
            return (UNKNOWN,)
        return self.once((id(tables[0].scope()), f"[{node.name}]"),
                         lambda: (s for table in tables for s in self.items(table)))

    def formatted(self, node: nodes.NodeNG) -> tuple[Shape, ...]:
        """A piece of an f-string: ``{x}`` and ``{x!s}`` are x itself."""
        if not isinstance(node, nodes.FormattedValue):
            return self.of(node)
        if node.format_spec is not None or node.conversion not in (-1, ord("s")):
            return (UNKNOWN,)
        return self.of(node.value)

    def constants(self, node: nodes.NodeNG) -> list[str] | None:
        """The strings ``node`` may be when each is known exactly, else None."""
        texts = []
        for shape in self.of(node):
            if any(part is None for part in shape):
                return None
            texts.append("".join(shape))  # type: ignore[arg-type]
        return texts

    def percent(self, node: nodes.BinOp) -> tuple[Shape, ...]:
        templates = self.constants(node.left)
        if templates is None:
            return (UNKNOWN,)
        right = node.right
        positional: list[nodes.NodeNG] | None = None
        keyed: dict[str, nodes.NodeNG] = {}
        if isinstance(right, nodes.Tuple):
            if not any(isinstance(e, nodes.Starred) for e in right.elts):
                positional = list(right.elts)
        elif isinstance(right, nodes.Dict):
            for key, value in right.items:
                if isinstance(key, nodes.Const) and isinstance(key.value, str):
                    keyed[key.value] = value
        else:
            positional = [right]  # one placeholder takes it (a tuple at run time: unknown)
        shapes: list[Shape] = []
        for template in templates:
            pieces = _percent_pieces(template, positional, keyed)
            if pieces is None:
                return (UNKNOWN,)
            shapes.extend(_concat([p if isinstance(p, tuple) else self.of(p) for p in pieces]))
        return tuple(shapes)

    def method(self, call: nodes.Call, name: str, receiver: nodes.NodeNG) -> tuple[Shape, ...]:
        if name == "format":
            return self.format(call, receiver)
        if name == "get" and not call.keywords and 1 <= len(call.args) <= 2 and not any(
            isinstance(a, nodes.Starred) for a in call.args
        ):  # ``table.get(key, default)``: a value, or the default (None: no name at all)
            shapes = self.items(receiver)
            if len(call.args) == 2 and UNKNOWN not in shapes:
                shapes = (*shapes, *self.of(call.args[1]))
            return shapes
        if call.keywords or any(isinstance(a, nodes.Starred) for a in call.args):
            return (UNKNOWN,)
        if name == "join" and len(call.args) == 1:
            sequence = call.args[0]
            if not isinstance(sequence, (nodes.List, nodes.Tuple)) or any(
                isinstance(e, nodes.Starred) for e in sequence.elts
            ):
                return (UNKNOWN,)
            separator = self.of(receiver)
            pieces: list[tuple[Shape, ...]] = []
            for position, element in enumerate(sequence.elts):
                if position:
                    pieces.append(separator)
                pieces.append(self.of(element))
            return _concat(pieces)
        arguments = []
        for argument in call.args:
            if not isinstance(argument, nodes.Const) or not isinstance(
                argument.value, (str, type(None))
            ):
                return (UNKNOWN,)
            arguments.append(argument.value)
        shapes = self.of(receiver)
        if name in _CASE_METHODS and not arguments:
            return tuple(_case(shape, _CASE_METHODS[name]) for shape in shapes)
        if name in _STRIP_METHODS and len(arguments) <= 1:
            chars = arguments[0] if arguments else None
            return tuple(_strip(shape, name, chars) for shape in shapes)
        if name == "replace" and len(arguments) == 2:
            old, new = arguments
            if isinstance(old, str) and isinstance(new, str) and old:
                return tuple(_replace(shape, old, new) for shape in shapes)
        return (UNKNOWN,)

    def format(self, call: nodes.Call, receiver: nodes.NodeNG) -> tuple[Shape, ...]:
        """``"get_{}".format(x)``, ``"{0}_{name}".format(a, name=b)``."""
        templates = self.constants(receiver)
        if templates is None:
            return (UNKNOWN,)
        positional = None if any(isinstance(a, nodes.Starred) for a in call.args) else call.args
        keyed = {k.arg: k.value for k in call.keywords or () if k.arg is not None}
        shapes: list[Shape] = []
        for template in templates:
            try:
                fields = list(string.Formatter().parse(template))
            except ValueError:
                return (UNKNOWN,)
            pieces: list[tuple[Shape, ...]] = []
            automatic = 0
            for literal, field, spec, conversion in fields:
                pieces.append(((literal,),))
                if field is None:
                    continue
                argument: nodes.NodeNG | None = None
                if field == "":
                    index: int | None = automatic
                    automatic += 1
                else:
                    index = int(field) if field.isdigit() else None
                if spec or conversion not in (None, "s"):
                    argument = None
                elif index is not None:
                    if positional is not None and index < len(positional):
                        argument = positional[index]
                elif field.isidentifier():
                    argument = keyed.get(field)
                pieces.append(self.of(argument))
            shapes.extend(_concat(pieces))
        return tuple(shapes)

    def local(self, node: nodes.Name) -> tuple[Shape, ...]:
        """A name bound only in a function (or comprehension) by assignments and loops this
        module understands: every shape any of them gives."""
        bindings = self.bindings(node)
        if bindings is None:
            return (UNKNOWN,)
        scope, assigned = bindings
        return self.once((id(scope), node.name),
                         lambda: (s for binding in assigned for s in self.bound(binding, scope)))

    def once(self, key: tuple[int, str], shapes: Callable[[], Iterable[Shape]]
             ) -> tuple[Shape, ...]:
        """``shapes()``, or unknown where evaluating it needs itself (``key``, the local, table
        or parameter being evaluated, is active: ``name = name + x``); unknown when empty."""
        if key in self.active:
            return (UNKNOWN,)
        self.active.add(key)
        try:
            return tuple(shapes()) or (UNKNOWN,)
        finally:
            self.active.discard(key)

    def bound(self, binding: nodes.NodeNG, scope: nodes.NodeNG) -> tuple[Shape, ...]:
        """What one binding of a local gives it."""
        parent = binding.parent
        if isinstance(binding, nodes.AssignName) and isinstance(parent, nodes.Arguments):
            return self.parametrized(binding.name, scope)
        if isinstance(parent, nodes.Assign) and binding in parent.targets:
            return self.of(parent.value)
        if isinstance(parent, nodes.AnnAssign) and parent.target is binding:
            # ``name: str`` alone binds nothing
            return self.of(parent.value) if parent.value is not None else ()
        if isinstance(parent, nodes.NamedExpr) and parent.target is binding:
            return self.of(parent.value)
        if isinstance(parent, (nodes.For, nodes.Comprehension)) and parent.target is binding:
            return self.elements(parent.iter)
        return (UNKNOWN,)

    def elements(self, node: nodes.NodeNG) -> tuple[Shape, ...]:
        """The shapes of the elements of a literal sequence, or of a local bound only to
        literal tuples (a list could be changed before the loop)."""
        if isinstance(node, (nodes.List, nodes.Tuple, nodes.Set)):
            if any(isinstance(e, nodes.Starred) for e in node.elts):
                return (UNKNOWN,)
            return tuple(s for e in node.elts for s in self.of(e))
        if not isinstance(node, nodes.Name):
            return (UNKNOWN,)
        bindings = self.bindings(node)
        if bindings is None:
            return (UNKNOWN,)
        shapes: list[Shape] = []
        for binding in bindings[1]:
            parent = binding.parent
            if not (
                isinstance(parent, nodes.Assign) and binding in parent.targets
                and isinstance(parent.value, nodes.Tuple)
            ):
                return (UNKNOWN,)
            shapes.extend(self.elements(parent.value))
        return tuple(shapes) if shapes else (UNKNOWN,)

    @staticmethod
    def bindings(node: nodes.Name) -> tuple[nodes.NodeNG, list[nodes.NodeNG]] | None:
        """The function or comprehension whose local ``node`` reads, and every binding of
        that local; None for a name of a module or class (code elsewhere may rebind it) and
        for one a nested function rebinds through ``nonlocal``."""
        scope = _defining_scope(node.name, node)
        if not isinstance(scope, (nodes.FunctionDef, *_COMPREHENSIONS)):
            return None
        if any(
            node.name in statement.names for statement in scope.nodes_of_class(nodes.Nonlocal)
        ):
            return None
        return scope, list(scope.locals[node.name])

    def parametrized(self, name: str, scope: nodes.NodeNG) -> tuple[Shape, ...]:
        """A test's parameter that ``@pytest.mark.parametrize("name", [...])`` on the test
        itself gives literal values: pytest passes one of them (a second source for the same
        name, such as a fixture, is pytest's "duplicate parametrization" error; ``indirect``
        hands the values to a fixture instead)."""
        if not isinstance(scope, nodes.FunctionDef):
            return (UNKNOWN,)
        for decorator in scope.decorators.nodes if scope.decorators else ():
            values = _parametrize_values(decorator, name)
            if values is not None:
                return tuple(s for value in values for s in self.of(value))
        return self.passed(name, scope)

    def passed(self, name: str, function: nodes.FunctionDef) -> tuple[Shape, ...]:
        """A parameter of a function nested in another, which only calls it: what each of
        those calls passes (or the default, where one leaves it out). simplejson's
        ``call_method(obj, method_name)``, called with ``'for_json'`` and ``'_asdict'``."""
        arguments = _passed_arguments(function, name)
        if arguments is None:
            return (UNKNOWN,)
        return self.once((id(function), f"({name})"),
                         lambda: (s for argument in arguments for s in self.of(argument)))


def _passed_arguments(function: nodes.FunctionDef, name: str) -> list[nodes.NodeNG] | None:
    """What the calls of ``function`` pass its parameter ``name``: for a function defined in
    another function that only calls it there (so no other code can), by position or keyword,
    the parameter's default where a call leaves it out; None when not known (a method, a
    decorated function, a ``*args``/``**kwargs`` call, the function handed on or rebound)."""
    outer = function.parent.scope() if function.parent is not None else None
    if not isinstance(outer, nodes.FunctionDef) or function.decorators is not None:
        return None
    if len(outer.locals.get(function.name, ())) != 1 or any(
        function.name in statement.names for statement in outer.nodes_of_class(nodes.Nonlocal)
    ):
        return None
    parameters = function.args
    if name in (parameters.vararg, parameters.kwarg):
        return None
    positional = [a.name for a in (*(parameters.posonlyargs or ()), *(parameters.args or ()))]
    keyword_only = [a.name for a in parameters.kwonlyargs or ()]
    place: int | None = None
    if name in positional:
        index = positional.index(name)
        defaults = parameters.defaults or []
        first_default = len(positional) - len(defaults)
        default = defaults[index - first_default] if index >= first_default else None
        place = index
    elif name in keyword_only:
        default = (parameters.kw_defaults or [None] * len(keyword_only))[keyword_only.index(name)]
    else:
        return None
    keyword_allowed = name not in [a.name for a in parameters.posonlyargs or ()]
    passed: list[nodes.NodeNG] = []
    for use in outer.nodes_of_class(nodes.Name):
        if use.name != function.name or _defining_scope(use.name, use) is not outer:
            continue
        call = use.parent
        if not isinstance(call, nodes.Call) or call.func is not use:
            return None  # handed on, stored, returned: called where we cannot see
        if any(isinstance(a, nodes.Starred) for a in call.args) or any(
            k.arg is None for k in call.keywords or ()
        ):
            return None
        given = [k.value for k in call.keywords or () if k.arg == name and keyword_allowed]
        if place is not None and place < len(call.args):
            given.append(call.args[place])
        if not given:
            if default is None:
                return None  # left out with no default: the call fails, nothing to know
            given = [default]
        passed.extend(given)
    return passed or None


def _parametrize_values(
    decorator: nodes.NodeNG, name: str
) -> list[nodes.NodeNG] | None:
    """The value expressions ``@pytest.mark.parametrize(names, values)`` gives ``name``."""
    if not (
        isinstance(decorator, nodes.Call)
        and isinstance(decorator.func, nodes.Attribute)
        and decorator.func.attrname == "parametrize"
        and _dotted_tail(decorator.func.expr) == "mark"
        and len(decorator.args) >= 2
    ):
        return None
    for keyword in decorator.keywords or ():
        if keyword.arg in ("indirect", "argnames", "argvalues", None) and not (
            keyword.arg == "indirect"
            and isinstance(keyword.value, nodes.Const) and keyword.value.value is False
        ):
            return None
    names_node, values_node = decorator.args[0], decorator.args[1]
    if isinstance(names_node, nodes.Const) and isinstance(names_node.value, str):
        names = [n.strip() for n in names_node.value.split(",") if n.strip()]
    elif isinstance(names_node, (nodes.List, nodes.Tuple)) and all(
        isinstance(e, nodes.Const) and isinstance(e.value, str) for e in names_node.elts
    ):
        names = [e.value for e in names_node.elts]
    else:
        return None
    if name not in names or not isinstance(values_node, (nodes.List, nodes.Tuple)):
        return None
    position = names.index(name)
    found = []
    for entry in values_node.elts:
        if (
            isinstance(entry, nodes.Call) and isinstance(entry.func, nodes.Attribute)
            and entry.func.attrname == "param"
        ):  # ``pytest.param(value, ..., marks=...)``
            if any(isinstance(a, nodes.Starred) for a in entry.args):
                return None
            items: Sequence[nodes.NodeNG] = entry.args
        elif len(names) == 1:
            items = [entry]
        elif isinstance(entry, (nodes.List, nodes.Tuple)) and not any(
            isinstance(e, nodes.Starred) for e in entry.elts
        ):
            items = entry.elts
        else:
            return None
        if len(items) != len(names):
            return None
        found.append(items[position])
    return found


def _dotted_tail(node: nodes.NodeNG) -> str | None:
    """``mark`` for ``pytest.mark`` and for ``mark``."""
    if isinstance(node, nodes.Attribute):
        return str(node.attrname)
    return str(node.name) if isinstance(node, nodes.Name) else None


# what reading a lookup table may do without changing it
_TABLE_READS = frozenset({"get", "keys", "values", "items", "copy", "__contains__"})


def _read_only_tables(node: nodes.Name) -> list[nodes.NodeNG] | None:
    """The literal dicts, lists and tuples the name ``node`` reads may be bound to, when it
    is bound only to those and every other use of it reads: a function's local, or a private
    name of the module (``_TABLE``: no other module is meant to change it); else None."""
    scope = _defining_scope(node.name, node)
    if isinstance(scope, nodes.Module):
        if not node.name.startswith("_") or node.name.startswith("__"):
            return None
    elif not isinstance(scope, nodes.FunctionDef):
        return None
    tables: list[nodes.NodeNG] = []
    for binding in scope.locals[node.name]:
        parent = binding.parent
        if not (
            isinstance(binding, nodes.AssignName)
            and isinstance(parent, nodes.Assign) and parent.targets == [binding]
            and isinstance(parent.value, (nodes.Dict, nodes.List, nodes.Tuple))
        ):
            return None
        tables.append(parent.value)
    root = scope.root()
    for statement in root.nodes_of_class((nodes.Global, nodes.Nonlocal)):
        if node.name in statement.names:
            return None
    for use in (scope if isinstance(scope, nodes.FunctionDef) else root).nodes_of_class(
        (nodes.Name, nodes.DelName)
    ):
        if use.name != node.name or _defining_scope(use.name, use) is not scope:
            continue
        parent = use.parent
        if isinstance(use, nodes.DelName):
            return None
        if isinstance(parent, nodes.Subscript) and parent.value is use:
            if parent.ctx is not Context.Load:  # ``table[k] = v``, ``del table[k]``
                return None
        elif isinstance(parent, nodes.Attribute) and parent.expr is use:
            if parent.attrname not in _TABLE_READS or not isinstance(parent.parent, nodes.Call):
                return None
        elif isinstance(parent, nodes.Compare) and parent.left is not use:
            pass  # ``key in table``
        else:
            return None  # handed on, iterated, returned: it may be changed elsewhere
    return tables


def _defining_scope(name: str, node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The scope whose namespace ``name`` read at ``node`` comes from (Python's rules)."""
    scope = node.scope()
    first = True
    while True:
        if name in scope.locals and (first or not isinstance(scope, nodes.ClassDef)):
            return scope
        if scope.parent is None:
            return None
        first = False
        scope = scope.parent.scope()


def _percent_pieces(
    template: str, positional: list[nodes.NodeNG] | None, keyed: dict[str, nodes.NodeNG]
) -> list[tuple[Shape, ...] | nodes.NodeNG] | None:
    """``template`` cut into constant text and the argument each placeholder shows (an
    unknown shape where the conversion or a width changes it); None if it is malformed."""
    pieces: list[tuple[Shape, ...] | nodes.NodeNG] = []
    at = 0
    position = 0
    plain = True  # no ``*`` width: placeholders take the positional arguments in order
    for match in _PERCENT.finditer(template):
        pieces.append(((template[at:match.start()],),))
        at = match.end()
        conversion = match["conversion"]
        if not conversion or "(" in (match["key"] or ""):  # incomplete; nested parentheses
            return None
        if conversion == "%":  # takes no argument
            pieces.append((("%",),) if match.group() == "%%" else (UNKNOWN,))
            continue
        if "*" in (match["width"] or "") + (match["precision"] or ""):
            plain = False
        exact = conversion == "s" and not (
            match["flags"] or match["width"] or match["precision"] is not None
        )
        argument: nodes.NodeNG | None = None
        if match["key"] is not None:
            argument = keyed.get(match["key"])
        else:
            if plain and positional is not None and position < len(positional):
                argument = positional[position]
            position += 1
        pieces.append(argument if exact and argument is not None else (UNKNOWN,))
    pieces.append(((template[at:],),))
    return pieces


def _normal(parts: Iterable[Part]) -> Shape:
    """Adjacent constants joined, adjacent unknowns merged, empty constants dropped."""
    shape: list[Part] = []
    for part in parts:
        if part == "":
            continue
        if shape and part is None and shape[-1] is None:
            continue
        if shape and part is not None and shape[-1] is not None:
            shape[-1] += part
            continue
        shape.append(part)
    return tuple(shape)


def _concat(pieces: list[tuple[Shape, ...]]) -> tuple[Shape, ...]:
    """Every way of joining one shape of each piece, in order."""
    count = 1
    for piece in pieces:
        count *= max(len(piece), 1)
        if count > MAX_SHAPES:
            pieces = [(_merge(piece),) for piece in pieces]
            break
    return tuple(
        dict.fromkeys(_normal(p for shape in chosen for p in shape) for chosen in product(*pieces))
    )


def _bounded(shapes: tuple[Shape, ...]) -> tuple[Shape, ...]:
    shapes = tuple(dict.fromkeys(_normal(s) for s in shapes))
    if UNKNOWN in shapes:  # any string at all: the others add nothing
        return (UNKNOWN,)
    return shapes if len(shapes) <= MAX_SHAPES else (_merge(shapes),)


def _merge(shapes: tuple[Shape, ...]) -> Shape:
    """One shape every string of ``shapes`` fits: their common leading and trailing text."""
    if len(shapes) == 1:
        return shapes[0]
    if not shapes:
        return UNKNOWN
    heads = [s[0] if s and s[0] is not None else "" for s in shapes]
    tails = [s[-1] if s and s[-1] is not None else "" for s in shapes]
    head = _common_prefix(heads)
    tail = _common_prefix([t[::-1] for t in tails])[::-1]
    # a constant is as long as it is: leading and trailing text must fit in it side by side
    room = min((len(s[0] or "") if s else 0 for s in shapes if None not in s), default=None)
    if room is not None:
        keep = min(len(tail), max(0, room - len(head)))
        tail = tail[len(tail) - keep:]
    return _normal((head, None, tail))


def _common_prefix(texts: list[str]) -> str:
    first, last = min(texts), max(texts)
    length = 0
    while length < len(first) and first[length] == last[length]:
        length += 1
    return first[:length]


def _case(shape: Shape, change: Callable[[str], str]) -> Shape:
    """``.lower()`` and the like: per character on ASCII text, so each constant part changes
    alone; non-ASCII text can change with its neighbours (a final sigma): unknown."""
    if all(part is not None for part in shape):
        return (change("".join(shape)),)  # type: ignore[arg-type]
    return _normal(
        change(part) if part is not None and part.isascii() else None for part in shape
    )


def _strip(shape: Shape, method: str, chars: str | None) -> Shape:
    """``.strip(chars)``: the constant at an end loses what is stripped there; an unknown part
    at an end may vanish, so the constant next to it may be stripped too (what stays of it
    is still there, after the unknown rest)."""
    if all(part is not None for part in shape):
        return (getattr("".join(shape), method)(chars),)  # type: ignore[arg-type]
    parts = list(shape)
    if method in ("strip", "lstrip"):
        stripped = _strip_start(parts, chars)
        if stripped is None:
            return UNKNOWN
        parts = stripped
    if method in ("strip", "rstrip"):
        reversed_parts = _strip_start(
            [p[::-1] if p is not None else None for p in reversed(parts)], chars
        )
        if reversed_parts is None:
            return UNKNOWN
        parts = [p[::-1] if p is not None else None for p in reversed(reversed_parts)]
    return _normal(parts)


def _strip_start(parts: list[Part], chars: str | None) -> list[Part] | None:
    """``parts`` after ``lstrip(chars)``; None when it may reach past the constant it starts
    in or next to (a shape no longer fits)."""
    at = 1 if parts[0] is None else 0
    if at >= len(parts):
        return parts
    constant = parts[at]  # a constant: normal shapes alternate
    kept = constant.lstrip(chars) if constant is not None else ""
    if not kept:
        return None
    return [*parts[:at], kept, *parts[at + 1:]]


def _replace(shape: Shape, old: str, new: str) -> Shape:
    """``.replace(old, new)``: a match may start in a constant and end in the unknown part
    (or start there and end in the next constant), so of the leading constant only the text
    before any such straddling match is certain, and of the trailing one only what every
    possible start of the scan in it leaves."""
    if all(part is not None for part in shape):
        return ("".join(shape).replace(old, new),)  # type: ignore[arg-type]
    head = _replaced_head(shape[0], old, new) if shape[0] is not None else ""
    tail = _replaced_tail(shape[-1], old, new) if shape[-1] is not None else ""
    return _normal((head, None, tail))


def _replaced_head(text: str, old: str, new: str) -> str:
    out: list[str] = []
    at = 0
    while (found := text.find(old, at)) >= 0:
        out += [text[at:found], new]
        at = found + len(old)
    # a match can start anywhere from here whose rest of ``text`` begins ``old``
    cut = next((m for m in range(at, len(text)) if old.startswith(text[m:])), len(text))
    out.append(text[at:cut])
    return "".join(out)


def _replaced_tail(text: str, old: str, new: str) -> str:
    # the scan enters ``text`` at its start, or inside it where a match that began earlier ends
    starts = [0] + [
        d for d in range(1, min(len(old) - 1, len(text)) + 1) if text[:d] == old[len(old) - d:]
    ]
    endings = [text[d:].replace(old, new) for d in starts]
    return _common_prefix([e[::-1] for e in endings])[::-1]
