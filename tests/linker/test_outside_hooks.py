"""A call of an outside base's method on our object links the methods that base's code may
run on ``self`` (``Resolver.external_hooks``): for a standard-library base, only those by
the names the method's source calls (``stdlib_self``); for any other, every hook."""

from __future__ import annotations

from helpers import graph_of

TESTS = """
import unittest


class Base(unittest.TestCase):
    def check(self, value):
        self.assertTrue(value)

    def _formatMessage(self, msg, standardMsg):
        return msg

    def assertMultiLineEqual(self, first, second, msg=None):
        return None


class TestThings(Base):
    def test_true(self):
        self.assertTrue(1)

    def test_equal(self):
        self.assertEqual("a", "b")

    def test_raises(self):
        self.assertRaises(ValueError, int, "x")

    def test_other(self):
        return None


class Deeper(TestThings):
    def fail(self, msg=None):
        raise AssertionError(msg)
"""


def calls(graph, source: str) -> set[str]:
    return {t for t, k in graph.successors(source) if k == "calls"}


def test_an_assertion_reaches_the_overrides_it_calls_and_no_test() -> None:
    graph = graph_of({"tests/test_things.py": TESTS})
    edges = calls(graph, "test_things:TestThings.test_true")
    assert "test_things:Base._formatMessage" in edges
    assert not edges & {"test_things:TestThings.test_other",
                        "test_things:TestThings.test_equal",
                        "test_things:Base.check"}


def test_assert_equal_reaches_the_type_specific_assertions_the_library_registers() -> None:
    graph = graph_of({"tests/test_things.py": TESTS})
    edges = calls(graph, "test_things:TestThings.test_equal")
    assert {"test_things:Base.assertMultiLineEqual",
            "test_things:Base._formatMessage"} <= edges
    assert "test_things:TestThings.test_other" not in edges


def test_a_subclass_override_is_reached_from_a_base_method() -> None:
    graph = graph_of({"tests/test_things.py": TESTS})
    # assertTrue calls self._formatMessage, not self.fail: Deeper.fail is not run
    edges = calls(graph, "test_things:Base.check")
    assert "test_things:Base._formatMessage" in edges
    assert "test_things:Deeper.fail" not in edges
    assert "test_things:Deeper.fail" in calls(
        graph, "test_things:TestThings.test_equal")  # assertMultiLineEqual's fail


def test_a_method_that_hands_self_on_keeps_every_hook() -> None:
    graph = graph_of({"tests/test_things.py": TESTS})
    edges = calls(graph, "test_things:TestThings.test_raises")
    assert {"test_things:TestThings.test_other",
            "test_things:Base.check"} <= edges


def test_a_registration_of_ours_keeps_every_hook_for_assert_equal() -> None:
    registers = TESTS + """

class Registers(unittest.TestCase):
    def setUp(self):
        self.addTypeEqualityFunc(int, "assertIntEqual")

    def assertIntEqual(self, first, second, msg=None):
        return None
"""
    graph = graph_of({"tests/test_things.py": registers})
    edges = calls(graph, "test_things:TestThings.test_equal")
    assert "test_things:TestThings.test_other" in edges
    # assertTrue reads no registry
    assert "test_things:TestThings.test_other" not in calls(
        graph, "test_things:TestThings.test_true")


def test_a_computed_getattr_opens_the_registry_only_where_it_may_be_a_test_case() -> None:
    plain = TESTS + """

class Plain:
    def __repr__(self):
        return ", ".join(str(getattr(self, name)) for name in ("a", "b"))


def anything(obj, name):
    return getattr(obj, name)


anything(Plain(), "a")
"""
    graph = graph_of({"tests/test_things.py": plain})
    edges = calls(graph, "test_things:TestThings.test_equal")
    assert "test_things:TestThings.test_other" not in edges
    called = plain + """

def registers_by_name(case: TestThings, name):
    getattr(case, name)(int, "assertIntEqual")
"""
    graph = graph_of({"tests/test_things.py": called})
    edges = calls(graph, "test_things:TestThings.test_equal")
    assert "test_things:TestThings.test_other" in edges
    # a parameter no code of ours fills holds what outside code passes: anything
    unknown = plain + """

def called_from_outside(obj, name):
    getattr(obj, name)(int, "assertIntEqual")
"""
    graph = graph_of({"tests/test_things.py": unknown})
    edges = calls(graph, "test_things:TestThings.test_equal")
    assert "test_things:TestThings.test_other" in edges


def test_an_outside_base_outside_the_standard_library_keeps_every_hook() -> None:
    source = """
import unittest
import thirdparty


class Mixed(thirdparty.Mixin, unittest.TestCase):
    def test_true(self):
        self.assertTrue(1)

    def test_other(self):
        return None
"""
    graph = graph_of({"tests/test_mixed.py": source})
    edges = calls(graph, "test_mixed:Mixed.test_true")
    assert "test_mixed:Mixed.test_other" in edges


def test_an_alias_of_an_outside_method_keeps_every_hook() -> None:
    # the method that runs is assertRaises's, whatever the name the call spells
    source = """
import unittest


class Aliased(unittest.TestCase):
    assertTrue = unittest.TestCase.assertRaises

    def test_true(self):
        self.assertTrue(ValueError, int, "x")

    def test_other(self):
        return None
"""
    graph = graph_of({"tests/test_aliased.py": source})
    assert "test_aliased:Aliased.test_other" in calls(graph, "test_aliased:Aliased.test_true")


def test_each_receiver_gets_the_hooks_of_the_method_called() -> None:
    # ``case`` is a ``One`` or a ``Two``: assertTrue runs ``_formatMessage`` on either, and
    # on the second as much as on the first (not every hook of it)
    source = """
import unittest


class One(unittest.TestCase):
    def _formatMessage(self, msg, standardMsg):
        return msg

    def test_one(self):
        return None


class Two(unittest.TestCase):
    def _formatMessage(self, msg, standardMsg):
        return msg

    def test_two(self):
        return None


def check(flag):
    case = One() if flag else Two()
    case.assertTrue(1)
"""
    graph = graph_of({"tests/test_cases.py": source})
    edges = calls(graph, "test_cases:check")
    assert {"test_cases:One._formatMessage", "test_cases:Two._formatMessage"} <= edges
    assert not edges & {"test_cases:One.test_one", "test_cases:Two.test_two"}


def test_overrides_are_the_hooks_whose_names_the_base_defines() -> None:
    graph = graph_of({"tests/test_things.py": TESTS, "lib.py": """
import framework


class Case(framework.Case):
    def check(self):
        return None
"""})
    assert graph.outside_hooks is not None and graph.outside_overrides is not None
    # every public method may be called by a name the base computes (a test method's)
    assert {"test_things:Base.check", "test_things:TestThings.test_other",
            "test_things:Base._formatMessage"} <= graph.outside_hooks
    # by its own names, unittest.TestCase calls only what it defines
    assert "test_things:Base._formatMessage" in graph.outside_overrides
    assert "test_things:Deeper.fail" in graph.outside_overrides
    assert not {"test_things:Base.check", "test_things:TestThings.test_other"} & (
        graph.outside_overrides)
    # a base outside the standard library is assumed to define any name
    assert "lib:Case.check" in graph.outside_overrides
