"""What a standard-library class's method may call on ``self``, read from its source: the
names a call of it reaches, or None when it is dynamic (``self`` escapes, a computed
``getattr`` nothing bounds)."""

from __future__ import annotations

import ast
import logging
import textwrap

import pytest

from impactgraph.linker.stdlib_self import Facts, analyse_function, self_calls

UNITTEST = ("unittest.TestCase",)


def facts(source: str, module: dict[str, object] | None = None) -> Facts:
    tree = ast.parse(textwrap.dedent(source))
    node = tree.body[0]
    assert isinstance(node, ast.FunctionDef)
    return analyse_function(node, "Wrapper", module or {})


@pytest.mark.parametrize(("source", "names"), [
    ("def f(self): return self.a.b(self.c)", {"a", "c"}),
    ("def f(self): self.x = 1", {"x", "__setattr__"}),
    ("def f(self): del self.x", {"x", "__delattr__"}),
    ("def f(self): return super().g()", {"g"}),
    ("def f(self): return super(Wrapper, self).g()", {"g"}),
    ("def f(self): return self.__private()", {"_Wrapper__private"}),
    ("def f(self): return getattr(self, 'named', None)", {"named"}),
    ("def f(self): return hasattr(self, 'named')", {"named"}),
    ("def f(self, other): return self is other or isinstance(self, int)", {"__class__"}),
    ("def f(self): return type(self).__name__ + self.__class__.__qualname__", {"__class__"}),
    ("def f(self, other): return type(self) is not type(other)", set()),
    ("def f(self): return [self.m for _ in range(3)]", {"m"}),  # a bound method: a call
    ("def f(): pass", set()),  # no self
    ("@staticmethod\ndef f(x): return x.anything()", set()),
])
def test_accepted_uses_give_their_names(source: str, names: set[str]) -> None:
    found = facts(source)
    assert not found.dynamic
    assert found.names - {"__getattribute__", "__getattr__"} == names


@pytest.mark.parametrize("source", [
    "def f(self): return helper(self)",  # handed to code not read
    "def f(self, x): x.owner = self",  # stored
    "def f(self): return self",  # returned
    "def f(self): return [self]",
    "def f(self): return str(self)",  # a special method of whatever type(self) is
    "def f(self): return self == 1",
    "def f(self): return vars(self)",
    "def f(self): return self.__dict__",
    "def f(self): return locals()",
    "def f(self): return type(self)(1)",  # a new instance of our subclass
    "def f(self): return self.__class__()",
    "def f(self, name): setattr(self, name, 1)",
    "def f(self): return super().__setattr__('x', 1)",  # the protocol by hand
    "def f(self): p = super(); return p.g()",
    "def f(self): s = self; return s.g()",
])
def test_escaping_uses_make_it_dynamic(source: str) -> None:
    assert facts(source).dynamic


def test_a_computed_getattr_is_bounded_only_by_where_its_name_comes_from() -> None:
    found = facts("""
        def f(self, first):
            asserter = self._registry.get(type(first))
            if isinstance(asserter, str):
                asserter = getattr(self, asserter)
            return asserter
    """)
    assert (found.dynamic, found.computed) == (False, frozenset({"_registry"}))
    assert facts("def f(self, name): return getattr(self, name)").computed == frozenset({""})


def test_a_base_named_in_an_explicit_call_is_recorded() -> None:
    found = facts("def f(self): return Base.g(self)", {"Base": int})
    assert (found.dynamic, found.names >= {"g"}, found.bases) == (False, True, frozenset({int}))
    assert facts("def f(self): return notaclass.g(self)").dynamic
    dotted = facts("def f(self): return logging.Handler.g(self)", {"logging": logging})
    assert (dotted.dynamic, dotted.bases) == (False, frozenset({logging.Handler}))


def test_a_test_case_assertion_reaches_the_helpers_it_calls_and_no_test() -> None:
    found = self_calls(UNITTEST, "assertTrue")
    assert found is not None
    assert {"assertTrue", "_formatMessage", "failureException", "longMessage"} <= found.names
    assert not found.names & {"setUp", "run", "id", "assertEqual", "debug"}
    assert found.registries == frozenset()


def test_assert_equal_reaches_what_the_standard_library_registers() -> None:
    found = self_calls(UNITTEST, "assertEqual")
    assert found is not None
    assert {"_getAssertEqualityFunc", "_baseAssertEqual", "assertDictEqual",
            "assertMultiLineEqual", "assertSetEqual", "assertListEqual"} <= found.names
    assert found.registries == frozenset({"addTypeEqualityFunc", "_type_equality_funcs"})
    assert "run" not in found.names


@pytest.mark.parametrize(("bases", "method"), [
    (UNITTEST, "assertRaises"),  # self is handed to _AssertRaisesContext
    (UNITTEST, "subTest"),
    (UNITTEST, "run"),
    (("threading.Thread",), "start"),  # self._bootstrap handed to the C thread starter
    (("argparse.ArgumentParser",), "parse_args"),
    (("werkzeug.test.Client",), "open"),  # not the standard library
    (("collections.deque",), "append"),  # written in C, not read
    (UNITTEST, "no_such_method"),
    (("textwrap.TextWrapper", "werkzeug.test.Client"), "wrap"),  # one base unknown
])
def test_dynamic_or_unknown_methods_give_none(bases: tuple[str, ...], method: str) -> None:
    assert self_calls(bases, method) is None


def test_names_are_followed_through_every_standard_library_class_and_mangled() -> None:
    wrap = self_calls(("textwrap.TextWrapper",), "wrap")
    assert wrap is not None
    assert {"_wrap_chunks", "_split_chunks", "_handle_long_word", "width"} <= wrap.names
    feed = self_calls(("html.parser.HTMLParser",), "feed")
    assert feed is not None
    assert {"goahead", "handle_starttag", "_HTMLParser__starttag_text"} <= feed.names
    shown = self_calls(("logging.Handler",), "__repr__")  # self.__class__.__name__
    assert shown is not None
    assert {"level", "__class__"} <= shown.names
    handle = self_calls(("logging.handlers.RotatingFileHandler",), "handle")  # via Handler
    assert handle is not None
    assert {"emit", "filter", "shouldRollover", "doRollover"} <= handle.names


@pytest.mark.parametrize("bases", [("collections.OrderedDict",), ("collections.defaultdict",)])
def test_a_mapping_written_in_c_runs_its_item_protocol_and_no_other_method(
    bases: tuple[str, ...],
) -> None:
    for method in ("__init__", "update", "items", "get", "copy", "pop", "__repr__"):
        found = self_calls(bases, method)
        assert found is not None
        assert {"__setitem__", "__getitem__", "__missing__", "__init__", "items",
                "keys"} <= found.names
        assert not found.names & {"render", "to_ical", "values", "setdefault", "update"} - {
            method}
