"""``@pytest.mark.parametrize(name, VALUES)`` where ``VALUES`` is not a literal list: a module's
variable, a list filled with ``append`` under an ``if``, a call, rows written with
``pytest.param``. The parameter holds each
element of it, as for a literal list. (python-json-logger 4.2.0: ``ALL_FORMATTERS`` starts as
``[JsonFormatter]`` and gains ``MsgspecFormatter`` when msgspec imports; a test calling
``class_()`` reached no formatter's ``__init__``, and a change to one left the test file out.)
"""

from __future__ import annotations

from helpers import graph_of

APP = """
class Base:
    def __init__(self, fmt=None):
        self.fmt = fmt


class A(Base):
    def __init__(self, fmt=None):
        super().__init__(fmt)


class B(Base):
    def __init__(self, fmt=None):
        super().__init__(fmt)


def make_all():
    return [A, B]
"""

TESTS = """
import pytest
import app
from app import A, B, make_all

ALL = [A, B]

FILLED = [A]
if app.Base:
    FILLED.append(B)

ROWS = [(A, 1), (B, 2)]

PARAMS = [pytest.param(A, id="a"), pytest.param(B, marks=pytest.mark.slow)]

PARAM_ROWS = [pytest.param(1, A, id="a"), pytest.param(2, B)]


@pytest.mark.parametrize("cls", ALL)
def test_variable(cls):
    assert cls().fmt is None


@pytest.mark.parametrize("cls", FILLED)
def test_filled(cls: type[app.Base]):
    assert cls().fmt is None


@pytest.mark.parametrize("cls, n", ROWS)
def test_rows(cls, n):
    assert cls().fmt is None


@pytest.mark.parametrize("cls", PARAMS)
def test_params(cls):
    assert cls().fmt is None


@pytest.mark.parametrize("n, cls", PARAM_ROWS)
def test_param_rows(n, cls):
    assert cls().fmt is None


@pytest.mark.parametrize("cls, n", [pytest.param(A, 1)])
def test_param_literal(cls, n):
    assert n().fmt is None


@pytest.mark.parametrize("cls", make_all())
def test_call(cls):
    assert cls().fmt is None


@pytest.mark.parametrize(("n", "cls"), [(1, A)])
def test_literal(n, cls):
    assert cls().fmt is None
"""


MARKED = """
import pytest
from app import A, B

pytestmark = [pytest.mark.slow, pytest.mark.parametrize("mod_cls", [A])]


@pytest.mark.parametrize("cls", [A, B])
class TestDecorated:
    def test_method(self, cls, mod_cls):
        assert cls().fmt is None and mod_cls()


class TestMarked:
    pytestmark = pytest.mark.parametrize("cls", [B])

    def test_method(self, cls):
        assert cls().fmt is None


def test_module_mark(mod_cls):
    assert mod_cls().fmt is None
"""


def constructors(graph, source: str) -> set[str]:
    return {target for target, kind in graph.successors(source)
            if kind == "calls" and target.endswith("__init__")}


def test_a_parameter_given_a_variable_holds_its_elements() -> None:
    graph = graph_of({"app.py": APP, "tests/test_f.py": TESTS})
    both = {"app:A.__init__", "app:B.__init__"}
    assert both <= constructors(graph, "test_f:test_variable")
    assert both <= constructors(graph, "test_f:test_filled")
    assert both <= constructors(graph, "test_f:test_rows")
    assert both <= constructors(graph, "test_f:test_call")
    assert both <= constructors(graph, "test_f:test_params")
    assert both <= constructors(graph, "test_f:test_param_rows")


def test_a_literal_row_still_gives_each_name_its_own_value() -> None:
    graph = graph_of({"app.py": APP, "tests/test_f.py": TESTS})
    assert constructors(graph, "test_f:test_literal") == {"app:A.__init__"}
    # ``n`` of a ``pytest.param`` row is its own item: calling it constructs nothing of ours
    assert constructors(graph, "test_f:test_param_literal") == set()


def test_marks_of_the_class_and_the_module_parametrize_its_tests() -> None:
    """pytest applies a class's ``parametrize`` decorator and ``pytestmark``, and the module's
    ``pytestmark`` (a mark or a list of them), to every test below them."""
    graph = graph_of({"app.py": APP, "tests/test_m.py": MARKED})
    assert constructors(graph, "test_m:TestDecorated.test_method") == {
        "app:A.__init__", "app:B.__init__"}
    assert constructors(graph, "test_m:TestMarked.test_method") == {"app:B.__init__"}
    assert constructors(graph, "test_m:test_module_mark") == {"app:A.__init__"}


def test_pytest_generate_tests_gives_the_tests_it_runs_for_its_values() -> None:
    """``pytest_generate_tests(metafunc)`` in a test module or a ``conftest.py`` parametrizes
    the tests there (below it) that ask for the name, as a fixture of that name would."""
    graph = graph_of({
        "app.py": APP,
        "tests/conftest.py": """
            from app import A, B

            KINDS = [A, B]


            def pytest_generate_tests(metafunc):
                if "kind" in metafunc.fixturenames:
                    metafunc.parametrize("kind", KINDS)
        """,
        "tests/test_hook.py": """
            from app import A


            def pytest_generate_tests(metafunc):
                metafunc.parametrize(argnames="own", argvalues=[A])


            def test_kind(kind):
                assert kind().fmt is None


            def test_own(own):
                assert own().fmt is None
        """,
    })
    assert {"app:A.__init__", "app:B.__init__"} <= constructors(graph, "test_hook:test_kind")
    assert constructors(graph, "test_hook:test_own") == {"app:A.__init__"}
