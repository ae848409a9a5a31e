"""``dict(pairs)``, ``dict(mapping)`` and their kin hold the values given: a call on a value read
back is resolved (to every value: the keys are not followed), not left unresolved. Seen on
pycparser 2.22, whose vendored PLY builds its grammar from the parser object
(``pdict = dict([(k, getattr(module, k)) for k in dir(module)])``), binds each production's
function (``self.callable = pdict[self.func]``) and calls it while parsing
(``p.callable(pslice)``): that call was unresolved, so removing a grammar method
(``CParser.p_unary_expression_2``) selected no test that parses through ``parse_file``."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.app.callgraph import to_pycg

FUNCTIONS = """
def first(x): pass
def second(x): pass
def third(x): pass
"""


def _calls(source: str, function: str) -> list[str]:
    return to_pycg(graph_of({"main.py": FUNCTIONS + source}))[f"main.{function}"]


def _unresolved(source: str, function: str) -> set[str]:
    graph = graph_of({"main.py": FUNCTIONS + source})
    return {caller for caller, _ in graph.unresolved_sites if caller == f"main:{function}"}


def test_pairs_in_a_list():
    source = """
def run(name):
    table = dict([("a", first), ("b", second)])
    table[name](1)
"""
    assert {"main.first", "main.second"} <= set(_calls(source, "run"))
    assert "main.third" not in _calls(source, "run")
    assert not _unresolved(source, "run")


def test_pairs_made_by_a_comprehension_of_getattr_over_dir():
    source = """
class Grammar:
    def p_expr(self, p): pass
    def p_term(self, p): pass


class Production:
    def bind(self, pdict, name):
        self.callable = pdict[name]

    def reduce(self, p):
        self.callable(p)


def build(module, production):
    items = [(k, getattr(module, k)) for k in dir(module)]
    pdict = dict(items)
    production.bind(pdict, "p_expr")


def parse():
    production = Production()
    build(Grammar(), production)
    production.reduce(None)
"""
    calls = _calls(source, "Production.reduce")
    assert {"main.Grammar.p_expr", "main.Grammar.p_term"} <= set(calls)
    assert not _unresolved(source, "Production.reduce")


def test_zipped_names_and_functions():
    source = """
def run(name):
    table = dict(zip(["a", "b"], [first, second]))
    table[name](1)
"""
    assert {"main.first", "main.second"} <= set(_calls(source, "run"))
    assert not _unresolved(source, "run")


def test_a_mapping_copied_and_keywords_beside_it():
    source = """
def run(name):
    table = dict({"a": first}, b=second)
    table[name](1)
"""
    assert {"main.first", "main.second"} <= set(_calls(source, "run"))
    assert not _unresolved(source, "run")


def test_ordered_dict_and_defaultdict_whose_first_argument_is_the_factory():
    source = """
import collections


def ordered(name):
    collections.OrderedDict([("a", first)])[name](1)


def defaulted(name):
    collections.defaultdict(lambda: third, [("b", second)])[name](1)
"""
    assert "main.first" in _calls(source, "ordered")
    assert "main.second" in _calls(source, "defaulted")
    assert not _unresolved(source, "ordered")
