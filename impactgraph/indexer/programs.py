"""Which program a call that starts one runs, when the file's constants tell.

``subprocess.run([sys.executable, "-m", "pkg.cli", "--help"])`` runs the module ``pkg.cli``;
``[sys.executable, "-c", CODE]`` with ``CODE`` a string constant runs that source;
``Popen([sys.executable, "-"], stdin=PIPE)`` whose only use is ``.communicate(CODE)`` runs the
source fed on stdin; ``[sys.executable, "tool/__init__.py"]`` a script by its path;
``["tool", ...]`` or ``os.system("tool ...")`` a command (a console script, or any program).
The arguments after the program are not looked at: they steer the program, they do not choose
its code. Anything not spelled by constants of this file (a parameter, a name bound twice or
used elsewhere, a ``*args``, an interpreter option we do not know) leaves the program unknown
(None), and test selection keeps the test as it would without knowing it.
"""

from __future__ import annotations

import re
import shlex

from astroid import nodes

from impactgraph.indexer.plain import PROGRAM_RUNNERS
from impactgraph.model import Program, ProgramKind

RUNNER_NAMES = frozenset(name.rsplit(".", 1)[1] for name in PROGRAM_RUNNERS)
_ARGV_RUNNERS = frozenset({"run", "Popen", "call", "check_call", "check_output"})
_SHELL_RUNNERS = frozenset({"system", "popen", "getoutput", "getstatusoutput"})
_PYTHON = re.compile(r"python(\d+(\.\d+)?)?(\.exe)?")
# interpreter options that do not choose the code run; those taking a value
_FLAGS = frozenset({"-u", "-B", "-E", "-s", "-S", "-I", "-O", "-OO", "-b", "-bb", "-q", "-P"})
_VALUED = frozenset({"-W", "-X"})
_SHELL_SYNTAX = re.compile(r"[;&|<>`$(){}\n]")


class _Python:
    """The interpreter running the tests: ``sys.executable``."""


PYTHON = _Python()
Arg = str | _Python | None  # None: not known


def program_of(call: nodes.Call) -> Program | None:
    """The program ``call`` starts if it is a runner (``subprocess.run(...)``), when the file's
    constants spell it; None otherwise."""
    func = call.func
    name = (func.attrname if isinstance(func, nodes.Attribute)
            else func.name if isinstance(func, nodes.Name) else None)
    if name in _SHELL_RUNNERS:
        return _from_shell(_first_argument(call))
    if name not in _ARGV_RUNNERS:
        return None
    argument = _first_argument(call)
    if _keyword(call, "shell") is not None:
        shell = _keyword(call, "shell")
        if not isinstance(shell, nodes.Const) or shell.value not in (True, False):
            return None
        if shell.value:
            return _from_shell(argument)
    argv = _argv(argument, call)
    if argv is None and isinstance(argument, nodes.Name):
        return _from_callers(argument, call, name)
    if not argv:
        return None
    return _interpret(argv, call, name)


def _from_callers(parameter: nodes.Name, call: nodes.Call, runner: str) -> Program | None:
    """``def run(cmd): subprocess.Popen(cmd)`` where ``cmd`` is used for nothing else and
    every use of ``run`` in the file calls it with a list the program is known from
    (tabulate's test_cli.py); ``from_callers``: other files must not call it."""
    function = parameter.scope()
    if (not isinstance(function, nodes.FunctionDef) or function.decorators is not None
            or not isinstance(function.parent, nodes.Module)):
        return None
    names = [a.name for a in function.args.args or ()]
    if parameter.name not in names or function.args.vararg or function.args.kwarg:
        return None
    place = names.index(parameter.name)
    for use in function.nodes_of_class(nodes.Name):
        if use.name == parameter.name and use.parent is not call:
            return None
    found: set[Program] = set()
    for use in function.root().nodes_of_class(nodes.Name):
        if use.name != function.name:
            continue
        caller = use.parent
        if not isinstance(caller, nodes.Call) or caller.func is not use:
            return None  # handed on: called from elsewhere with anything
        _, assigned = use.lookup(use.name)
        if assigned != [function]:
            return None
        given = call_argument(caller, place, parameter.name)
        argv = _argv(given, caller)
        program = _interpret(argv, call, runner) if argv else None
        if program is None:
            return None
        found.add(program)
    if len(found) != 1:
        return None
    program = found.pop()
    return Program(program.kind, program.target, from_callers=True)


def call_argument(call: nodes.Call, place: int, name: str) -> nodes.NodeNG | None:
    """The argument ``call`` gives the parameter at ``place`` named ``name``; None when it
    gives none, or a ``*args`` at or before ``place`` leaves it unknown."""
    if any(isinstance(a, nodes.Starred) for a in call.args[:place + 1]):
        return None
    if place < len(call.args):
        return call.args[place]
    return _keyword(call, name)


def _first_argument(call: nodes.Call) -> nodes.NodeNG | None:
    if call.args:
        first = call.args[0]
        return None if isinstance(first, nodes.Starred) else first
    return _keyword(call, "args")


def _keyword(call: nodes.Call, name: str) -> nodes.NodeNG | None:
    return next((k.value for k in call.keywords or () if k.arg == name), None)


def _from_shell(node: nodes.NodeNG | None) -> Program | None:
    text = _constant(node)
    if not isinstance(text, str) or _SHELL_SYNTAX.search(text):
        return None
    try:
        words = shlex.split(text)
    except ValueError:
        return None
    if not words:
        return None
    return _interpret(list(words), None, "")


def _interpret(argv: list[Arg], call: nodes.Call | None, runner: str) -> Program | None:
    first = argv[0]
    if isinstance(first, str) and not is_python(first):
        if first.startswith("-") or "=" in first:
            return None
        kind = ProgramKind.PATH if first.endswith(".py") else ProgramKind.COMMAND
        return Program(kind, first)
    if first is None:
        return None
    index = 1
    while index < len(argv):
        option = argv[index]
        if not isinstance(option, str):
            return None
        if option in _FLAGS:
            index += 1
        elif option in _VALUED:
            index += 2
        elif option[:2] in _VALUED and len(option) > 2:
            index += 1
        else:
            break
    if index >= len(argv):
        return None  # the interpreter reads a program from stdin: not what we look for
    option = argv[index]
    value = argv[index + 1] if index + 1 < len(argv) else None
    if option == "-m":
        return Program(ProgramKind.MODULE, value) if isinstance(value, str) else None
    if option == "-c":
        return Program(ProgramKind.CODE, value) if isinstance(value, str) else None
    if option == "-":
        code = None if call is None else _stdin_code(call, runner)
        return Program(ProgramKind.CODE, code) if code is not None else None
    if isinstance(option, str) and not option.startswith("-"):
        return Program(ProgramKind.PATH, option)
    return None


def is_python(word: str) -> bool:
    return _PYTHON.fullmatch(word.rsplit("/", 1)[-1]) is not None


def _argv(node: nodes.NodeNG | None, call: nodes.Call) -> list[Arg] | None:
    """The items of the list or tuple ``node`` is, or that a name used only by ``call`` is
    bound to once in its scope."""
    if isinstance(node, nodes.Name):
        node = _single_value(node, call)
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items: list[Arg] = []
        for element in node.elts:
            if isinstance(element, nodes.Starred):
                items.append(None)
                break  # what follows has unknown places
            items.append(_item(element))
        return items
    return None


def _item(node: nodes.NodeNG) -> Arg:
    if (isinstance(node, nodes.Attribute) and node.attrname == "executable"
            and isinstance(node.expr, nodes.Name) and _is_module(node.expr, "sys")):
        return PYTHON
    value = _constant(node)
    return value if isinstance(value, str) else None


def _constant(node: nodes.NodeNG | None) -> object:
    """A str or bytes constant (bytes decoded), or one a module-level or local name is bound
    to once; None otherwise."""
    if isinstance(node, nodes.Name):
        node = _single_value(node, None)
    if isinstance(node, nodes.Const) and isinstance(node.value, (str, bytes)):
        if isinstance(node.value, bytes):
            try:
                return node.value.decode()
            except UnicodeDecodeError:
                return None
        return node.value
    return None


def _single_value(name: nodes.Name, only_user: nodes.Call | None) -> nodes.NodeNG | None:
    """The value ``name`` is bound to by its scope's one assignment ``name = value``; with
    ``only_user``, only if every other use of the name in that scope is an argument of it (a
    list nobody else can change)."""
    scope, assigned = name.lookup(name.name)
    if len(assigned) != 1:
        return None
    target = assigned[0]
    statement = target.parent
    if not isinstance(target, nodes.AssignName) or not isinstance(statement, nodes.Assign):
        return None
    if statement.targets != [target]:
        return None
    if only_user is not None:
        for use in scope.nodes_of_class(nodes.Name):
            if use.name == name.name and use.parent is not only_user:
                return None
    return statement.value


def _is_module(node: nodes.Name, module: str) -> bool:
    """Is ``node`` a name bound by ``import module`` (and nothing else)?"""
    _, assigned = node.lookup(node.name)
    return len(assigned) == 1 and isinstance(assigned[0], nodes.Import) and any(
        name == module and (alias or name) == node.name for name, alias in assigned[0].names)


def _stdin_code(call: nodes.Call, runner: str) -> str | None:
    """The source fed to ``python -`` on stdin: ``input=`` of ``run``/``check_output``, or
    what ``.communicate(...)`` gives a ``Popen`` bound to a name whose only other uses read
    its results."""
    if runner in ("run", "check_output"):
        code = _constant(_keyword(call, "input"))
        return code if isinstance(code, str) else None
    if runner != "Popen":
        return None
    statement = call.parent
    if not isinstance(statement, nodes.Assign) or len(statement.targets) != 1:
        return None
    target = statement.targets[0]
    if not isinstance(target, nodes.AssignName):
        return None
    scope = target.scope()
    codes: set[str] = set()
    for use in scope.nodes_of_class(nodes.Name):
        if use.name != target.name:
            continue
        attribute = use.parent
        if not isinstance(attribute, nodes.Attribute) or attribute.attrname == "stdin":
            return None
        if attribute.attrname != "communicate":
            continue
        communicate = attribute.parent
        if not isinstance(communicate, nodes.Call) or communicate.func is not attribute:
            return None
        given = communicate.args[0] if communicate.args else _keyword(communicate, "input")
        code = _constant(given)
        if not isinstance(code, str):
            return None
        codes.add(code)
    return codes.pop() if len(codes) == 1 else None
