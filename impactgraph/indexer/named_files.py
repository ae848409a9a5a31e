"""The Python files a module names by a path: in a string, or a simple path expression.

A test that runs ``runpy.run_path("src/pkg/conf.py")``, or ``exec``s, ``compile``s or
``ast.parse``s the text of ``open(os.path.join(HERE, "..", "src", "pkg", "conf.py"))``,
depends on that file's text: any edit of it (a variable, a comment) can change what it sees,
and no call or import edge records that. Each string constant naming a ``.py`` file is read
with the path expression it is a part of (``NamedFile``):

* a string alone, ``"src/pkg/conf.py"``: relative to where the process runs (``CWD``);
* ``Path(__file__).parent / "conf.py"``, ``os.path.join(os.path.dirname(__file__), "..",
  "conf.py")``, also through a name bound once (``HERE = Path(__file__).resolve().parent``):
  relative to the file's own folder (``FOLDER``);
* after a part that is not known (``os.path.join(ROOT, "src", "conf.py")`` with ``ROOT`` a
  parameter, ``ROOT + "/conf.py"``, the literal tail of an f-string ``f"{root}/conf.py"``):
  the known tail, which any path ending with it may be (``ANY``).

The words of a longer string (``"mypy --strict src/pkg/conf.py"``) and the file of a pytest
node id (``"tests/data/case.py::test_a"``) count too. A script the interpreter runs
(``[sys.executable, "scripts/tool.py"]``, ``"python scripts/tool.py"``) is a program, whose
code test selection follows (``indexer/programs.py``): not recorded, so a change to a function
the script never calls selects nothing. A path built any other way (parts joined in a loop,
``str.format``, a glob, an f-string's placeholders before its literal tail) is out of reach.
A string statement (a docstring) is prose: left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from astroid import nodes

from impactgraph.indexer.programs import is_python
from impactgraph.model import NamedFile, PathAnchor

# a name bound to a path is followed this many times (``ROOT = HERE.parent``, ...)
_MAX_DEPTH = 8
# calls that hand a path back as given (or as a string: ``str(path)``)
_SAME = frozenset({"abspath", "realpath", "normpath", "fspath", "str", "resolve", "absolute",
                   "expanduser"})
# calls that join their arguments into one path
_JOINS = frozenset({"join", "joinpath", "Path", "PurePath", "PosixPath", "PurePosixPath",
                    "WindowsPath", "PureWindowsPath"})


@dataclass(frozen=True, slots=True)
class _Path:
    anchor: PathAnchor
    parts: tuple[str, ...]
    file: bool = False  # ``__file__`` itself: only its folder (``parent``) is a path here


def named_files(tree: nodes.Module, text: str, caller_of: Callable[[nodes.NodeNG], str]
                ) -> tuple[NamedFile, ...]:
    """Each (scope, path, anchor) the module names a ``.py`` file by (``caller_of`` gives
    the scope running a node), in order."""
    if ".py" not in text:
        return ()
    found: dict[NamedFile, None] = {}
    for node in tree.nodes_of_class(nodes.Const):
        value = node.value
        if (not isinstance(value, str) or ".py" not in value or _is_prose(node)
                or _in_python_argv(node)):
            continue
        outer = _outermost(node)
        if outer is node:
            paths = [_Path(PathAnchor.CWD, _parts(word)) for word in _words(value)]
        else:
            path = _value(outer, 0)
            paths = [path if path is not None else _Path(PathAnchor.ANY, _parts(value))]
        for path in paths:
            folded = _folded(path)
            if folded is not None:
                found[NamedFile(caller_of(node), "/".join(folded.parts), folded.anchor)] = None
    return tuple(found)


def _is_prose(node: nodes.Const) -> bool:
    return isinstance(node.parent, nodes.Expr)


def _in_python_argv(node: nodes.Const) -> bool:
    """The script the interpreter runs (``[sys.executable, "scripts/tool.py", ...]``,
    ``"python scripts/tool.py ..."``): a program, whose code test selection follows
    (``indexer/programs.py``), not text the test reads. The arguments after it may be files
    the script reads: those count."""
    parent = node.parent
    if isinstance(parent, (nodes.List, nodes.Tuple)) and parent.elts:
        first = parent.elts[0]
        if not ((isinstance(first, nodes.Attribute) and first.attrname == "executable")
                or (isinstance(first, nodes.Const) and isinstance(first.value, str)
                    and is_python(first.value))):
            return False
        words = [e.value if isinstance(e, nodes.Const) and isinstance(e.value, str) else None
                 for e in parent.elts[1:]]
        script = _script(words)
        return script is not None and parent.elts[1 + script] is node
    return False


def _script(words: Sequence[str | None]) -> int | None:
    """Where the script is among the interpreter's arguments, when there is one (not ``-m``,
    ``-c`` or an argument not known before it)."""
    for index, word in enumerate(words):
        if word is None or word in ("-m", "-c", "-"):
            return None
        if not word.startswith("-"):
            return index
    return None


def _words(value: str) -> list[str]:
    """The words of ``value`` that name a ``.py`` file (a node id's file, quotes stripped),
    but the script of a command running the interpreter (``_in_python_argv``)."""
    words: list[str] = value.split()
    if len(words) > 1 and is_python(words[0]):
        script = _script(words[1:])
        if script is not None:
            del words[1 + script]
    found = []
    for word in words:
        word = word.strip("\"'`,;()[]").split("::", 1)[0]
        if word.endswith(".py"):
            found.append(word)
    return found


def _parts(value: str) -> tuple[str, ...]:
    return tuple(value.replace("\\", "/").split("::", 1)[0].split("/"))


def _outermost(node: nodes.NodeNG) -> nodes.NodeNG:
    """The largest path expression ``node`` is a part of: joined by ``/``, ``+``, an
    f-string, ``os.path.join``, ``Path(...)``."""
    while True:
        parent = node.parent
        if ((isinstance(parent, nodes.BinOp) and parent.op in ("/", "+"))
                or isinstance(parent, nodes.JoinedStr)
                or (isinstance(parent, nodes.Call) and node in parent.args
                and _called_name(parent) in _JOINS)):
            node = parent
            continue
        if isinstance(parent, nodes.FormattedValue):  # ``f"{ROOT / 'conf.py'}"``
            node = parent.parent
            continue
        return node


def _called_name(call: nodes.Call) -> str | None:
    func = call.func
    if isinstance(func, nodes.Attribute):
        if func.attrname == "join" and isinstance(func.expr, nodes.Const):
            return None  # ``", ".join(...)``: a string's method
        return str(func.attrname)
    return str(func.name) if isinstance(func, nodes.Name) else None


def _value(node: nodes.NodeNG, depth: int) -> _Path | None:
    """The path ``node`` makes, None when not known."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(node, nodes.Const):
        if not isinstance(node.value, str) or node.value.startswith("/"):
            return None  # an absolute path is no file of the repository
        return _Path(PathAnchor.CWD, _parts(node.value))
    if isinstance(node, nodes.Name):
        if node.name == "__file__":
            return _Path(PathAnchor.FOLDER, (), file=True)
        bound = _single_value(node)
        return None if bound is None else _value(bound, depth + 1)
    if isinstance(node, nodes.Attribute) and node.attrname == "parent":
        return _parent(_value(node.expr, depth + 1))
    if (isinstance(node, nodes.Subscript) and isinstance(node.value, nodes.Attribute)
            and node.value.attrname == "parents" and isinstance(node.slice, nodes.Const)
            and isinstance(node.slice.value, int) and node.slice.value >= 0):
        path = _value(node.value.expr, depth + 1)
        for _ in range(node.slice.value + 1):
            path = _parent(path)
        return path
    if isinstance(node, nodes.BinOp) and node.op == "/":
        return _join(_value(node.left, depth + 1), _value(node.right, depth + 1))
    if isinstance(node, nodes.BinOp) and node.op == "+":
        return _tail(node.right)
    if isinstance(node, nodes.JoinedStr):
        if all(isinstance(v, nodes.Const) for v in node.values):
            return _Path(PathAnchor.CWD, _parts("".join(str(v.value) for v in node.values)))
        return _tail(node.values[-1]) if node.values else None
    if isinstance(node, nodes.Call):
        return _call_value(node, depth)
    return None


def _call_value(node: nodes.Call, depth: int) -> _Path | None:
    name = _called_name(node)
    if node.keywords or any(isinstance(a, nodes.Starred) for a in node.args):
        return None
    func = node.func
    if name in ("resolve", "absolute", "expanduser") and isinstance(func, nodes.Attribute) \
            and not node.args:
        return _value(func.expr, depth + 1)  # ``Path(__file__).resolve()``
    if name == "joinpath" and isinstance(func, nodes.Attribute):
        path = _value(func.expr, depth + 1)
        for argument in node.args:
            path = _join(path, _value(argument, depth + 1))
        return path
    if name == "dirname" and len(node.args) == 1:
        return _parent(_value(node.args[0], depth + 1))
    if name in _SAME and len(node.args) == 1:
        return _value(node.args[0], depth + 1)
    if name in _JOINS and node.args:
        found: _Path | None = _value(node.args[0], depth + 1)
        for argument in node.args[1:]:
            found = _join(found, _value(argument, depth + 1))
        return found
    return None


def _tail(node: nodes.NodeNG) -> _Path | None:
    """The path a string ends with, after a part that is not known."""
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return _Path(PathAnchor.ANY, _parts(node.value))
    return None


def _parent(path: _Path | None) -> _Path | None:
    if path is None:
        return None
    if path.file:
        return _Path(path.anchor, ())
    parts = _folded_parts(path.parts)
    if parts and parts[-1] != "..":
        return _Path(path.anchor, parts[:-1])
    if path.anchor is PathAnchor.ANY:
        return None
    return _Path(path.anchor, (*parts, ".."))


def _join(left: _Path | None, right: _Path | None) -> _Path | None:
    if right is None or right.file:
        return None
    if right.anchor is not PathAnchor.CWD:  # ``x / __file__``-made: the right one wins
        return right
    if left is None:
        return _Path(PathAnchor.ANY, right.parts)
    if left.file:
        return None
    return _Path(left.anchor, (*left.parts, *right.parts))


def _folded_parts(parts: tuple[str, ...]) -> tuple[str, ...]:
    folded: list[str] = []
    for part in parts:
        if part in ("", "."):
            continue
        if part == ".." and folded and folded[-1] != "..":
            folded.pop()
        else:
            folded.append(part)
    return tuple(folded)


def _folded(path: _Path) -> _Path | None:
    """The path with ``.`` and ``a/..`` folded away, when it names a ``.py`` file."""
    if path.file:
        return None
    parts = _folded_parts(path.parts)
    if not parts or not parts[-1].endswith(".py") or parts[-1] == ".py":
        return None
    if path.anchor is PathAnchor.ANY:
        while parts and parts[0] == "..":  # a tail: what is above it is not known anyway
            parts = parts[1:]
    return _Path(path.anchor, parts) if parts else None


def _single_value(name: nodes.Name) -> nodes.NodeNG | None:
    """The value ``name`` is bound to by its scope's one assignment ``name = value``."""
    _, assigned = name.lookup(name.name)
    if len(assigned) != 1:
        return None
    target = assigned[0]
    statement = target.parent
    if (not isinstance(target, nodes.AssignName) or not isinstance(statement, nodes.Assign)
            or statement.targets != [target]):
        return None
    return statement.value
