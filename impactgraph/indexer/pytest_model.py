"""pytest's implicit wiring, read statically from one file's syntax.

pytest passes fixtures to test functions by parameter name, runs ``autouse`` fixtures and the
ones named by ``@pytest.mark.usefixtures`` without any call in the source. The indexer records
that wiring with these symbolic roots and binding keys (``impactgraph.model`` describes the rest):

  ``f:<module>:<class>|<name>``   the fixture functions ``name`` means for a test or fixture in
                                  ``<class>`` ("" outside a class) of ``<module>``, by pytest's
                                  lookup order; ``|^<name>``: a fixture asking for the fixture it
                                  overrides (the lookup starts past the module that asks)
  ``a:<module>:<class>``          every ``autouse`` fixture visible from there
  ``!fixture``                    operation: a fixture function -> the value it gives a test
  ``<fixture:NAME>``              binding key in a scope: the fixture function named NAME there
  ``<autouse>``                   binding key in a scope: its autouse fixture functions
  ``<fixture>``                   binding key of a fixture function: its returned/yielded values
  ``<pytest_plugins>``            module-level binding key: the plugin modules it lists
"""

from __future__ import annotations

from dataclasses import dataclass

from astroid import nodes

from impactgraph.expressions import ELEMENT, item
from impactgraph.indexer.signatures import source


@dataclass(frozen=True, slots=True)
class Fixture:
    name: str  # the name tests ask for (``name=`` when given)
    autouse: bool
    params: nodes.NodeNG | None  # the ``params=`` expression


def _is_fixture_decorator(node: nodes.NodeNG) -> bool:
    text = source(node) or ""
    return text.rsplit(".", 1)[-1] in ("fixture", "yield_fixture")


def fixture_of(node: nodes.FunctionDef) -> Fixture | None:
    """The fixture a function defines, from ``@pytest.fixture`` / ``@pytest.fixture(...)`` /
    ``@pytest_asyncio.fixture``; None when it is not one."""
    for decorator in node.decorators.nodes if node.decorators else ():
        if isinstance(decorator, nodes.Call) and _is_fixture_decorator(decorator.func):
            name, autouse, params = node.name, False, None
            for keyword in decorator.keywords or ():
                value = keyword.value
                if keyword.arg == "name" and isinstance(value, nodes.Const):
                    name = str(value.value)
                elif keyword.arg == "autouse" and isinstance(value, nodes.Const):
                    autouse = bool(value.value)
                elif keyword.arg == "params":
                    params = value
            return Fixture(name, autouse, params)
        if _is_fixture_decorator(decorator):
            return Fixture(node.name, False, None)
    return None


def is_test_function(node: nodes.FunctionDef) -> bool:
    """pytest's default collection: ``test*`` functions, and ``test*`` methods of ``Test*``
    classes."""
    if not node.name.startswith("test"):
        return False
    parent = node.parent
    if isinstance(parent, nodes.Module):
        return True
    return isinstance(parent, nodes.ClassDef) and parent.name.startswith("Test")


def used_fixtures(node: nodes.FunctionDef | nodes.ClassDef) -> list[str]:
    """Names in ``@pytest.mark.usefixtures("a", "b")`` on a test function or class (and in a
    class's ``pytestmark``)."""
    names: list[str] = []
    for decorator in node.decorators.nodes if node.decorators else ():
        names.extend(usefixtures_names(decorator))
    if isinstance(node, nodes.ClassDef):
        for value in _pytestmarks(node):
            names.extend(usefixtures_names(value))
    return names


def _pytestmarks(scope: nodes.ClassDef | nodes.Module) -> list[nodes.NodeNG]:
    """The values assigned to ``pytestmark`` in the body of class or module ``scope``."""
    return [statement.value for statement in scope.body
            if isinstance(statement, nodes.Assign) and any(
                isinstance(t, nodes.AssignName) and t.name == "pytestmark"
                for t in statement.targets)]


def usefixtures_names(node: nodes.NodeNG) -> list[str]:
    """``pytest.mark.usefixtures("a")`` (also inside a list, as ``pytestmark`` holds them)."""
    if isinstance(node, (nodes.List, nodes.Tuple)):
        return [name for element in node.elts for name in usefixtures_names(element)]
    if not isinstance(node, nodes.Call):
        return []
    if not (source(node.func) or "").endswith("usefixtures"):
        return []
    return [a.value for a in node.args if isinstance(a, nodes.Const) and isinstance(a.value, str)]


def plugin_modules(value: nodes.NodeNG | None) -> list[str]:
    """``pytest_plugins = "a.b"`` or ``["a.b", "c"]``: the module names."""
    if isinstance(value, nodes.Const) and isinstance(value.value, str):
        return [value.value]
    if isinstance(value, (nodes.List, nodes.Tuple)):
        return [
            e.value for e in value.elts if isinstance(e, nodes.Const) and isinstance(e.value, str)
        ]
    return []


def fixture_parameters(node: nodes.FunctionDef, skip_first: bool) -> list[str]:
    """The parameters pytest fills with fixtures: required ones, past ``self``/``cls``."""
    args = node.args
    if args.args is None:
        return []
    positional = list(args.posonlyargs) + list(args.args)
    required = positional[: len(positional) - len(args.defaults)]
    if skip_first:
        required = required[1:]
    keyword_only = [
        a for a, default in zip(args.kwonlyargs, args.kw_defaults, strict=False) if default is None
    ]
    return [a.name for a in [*required, *keyword_only]]


def parametrized(node: nodes.FunctionDef) -> dict[str, list[tuple[nodes.NodeNG, tuple[str, ...]]]]:
    """``@pytest.mark.parametrize("a, b", [(1, x), pytest.param(2, y)])`` on the test, its
    classes or in a ``pytestmark`` (``_marks``): name -> the value
    nodes it is given, each with the operations that take the value from it: none for a
    literal row's item; for values given otherwise (``ALL_FORMATTERS``, a list a module fills
    with ``append``; ``cases()``), an element of them (``[]``), and of the row the name's
    position (``[1]``) when several names share a row."""
    found: dict[str, list[tuple[nodes.NodeNG, tuple[str, ...]]]] = {}
    for decorator in _marks(node):
        if isinstance(decorator, nodes.Call) and (source(decorator.func) or "").endswith(
                "parametrize"):
            _parametrize(decorator, found)
    found.pop("", None)
    return found


def generated(hook: nodes.FunctionDef) -> dict[str, list[tuple[nodes.NodeNG, tuple[str, ...]]]]:
    """``def pytest_generate_tests(metafunc): metafunc.parametrize("name", values)``: name ->
    the values (as ``parametrized``) the hook may give the tests it runs for that ask for
    ``name``, whatever the conditions around the call."""
    found: dict[str, list[tuple[nodes.NodeNG, tuple[str, ...]]]] = {}
    for call in hook.nodes_of_class(nodes.Call):
        if isinstance(call.func, nodes.Attribute) and call.func.attrname == "parametrize":
            _parametrize(call, found)
    found.pop("", None)
    return found


def _parametrize(call: nodes.Call,
                 found: dict[str, list[tuple[nodes.NodeNG, tuple[str, ...]]]]) -> None:
    """Add what a ``parametrize(argnames, argvalues, ...)`` call gives each name to ``found``."""
    args = list(call.args)
    keywords = {k.arg: k.value for k in call.keywords or ()}
    if len(args) < 2:
        args += [keywords[k] for k in ("argnames", "argvalues")[len(args):] if k in keywords]
    if len(args) < 2:
        return
    argnames, argvalues = args[0], args[1]
    if isinstance(argnames, nodes.Const) and isinstance(argnames.value, str):
        names = [n.strip() for n in argnames.value.split(",") if n.strip()]
    elif isinstance(argnames, (nodes.List, nodes.Tuple)):
        names = [str(e.value) for e in argnames.elts if isinstance(e, nodes.Const)]
    else:
        return
    indirect = keywords.get("indirect")
    if isinstance(indirect, nodes.Const) and indirect.value:
        return  # ``indirect=True``: the values go to the fixtures of those names
    if isinstance(indirect, (nodes.List, nodes.Tuple)):
        routed = {e.value for e in indirect.elts if isinstance(e, nodes.Const)}
        names = [n if n not in routed else "" for n in names]
    for name in names:
        found.setdefault(name, [])
    if not isinstance(argvalues, (nodes.List, nodes.Tuple)):
        for position, name in enumerate(names):
            row = (ELEMENT,) if len(names) == 1 else (ELEMENT, item(position))
            found[name].append((argvalues, row))
        return
    for row in argvalues.elts:
        if isinstance(row, nodes.Call) and (source(row.func) or "").endswith("param"):
            items = list(row.args)
        elif len(names) > 1 and isinstance(row, (nodes.List, nodes.Tuple)):
            items = list(row.elts)
        else:
            items = [row]
        if len(names) == 1 and len(items) > 1:
            items = items[:1]
        for name, value in zip(names, items, strict=False):
            found[name].append((value, ()))


def _marks(node: nodes.FunctionDef) -> list[nodes.NodeNG]:
    """The marks pytest applies to test ``node``: its decorators, then those of each class it
    is in and their ``pytestmark``, then its module's ``pytestmark`` (a mark, or a list)."""
    found = list(node.decorators.nodes) if node.decorators else []
    scope: nodes.NodeNG | None = node.parent
    while scope is not None:
        if isinstance(scope, nodes.ClassDef):
            found += scope.decorators.nodes if scope.decorators else []
        if isinstance(scope, (nodes.ClassDef, nodes.Module)):
            for value in _pytestmarks(scope):
                found += value.elts if isinstance(value, (nodes.List, nodes.Tuple)) else [value]
        if not isinstance(scope, nodes.ClassDef):
            break  # a test nested in a function is no test pytest collects
        scope = scope.parent
    return found
