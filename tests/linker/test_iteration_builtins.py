"""``enumerate``/``zip``/``filter``/``sorted``/``next`` hand on the elements of what they
iterate: a call on such an element is resolved, not left unresolved (which test selection
fails open on by the method's name)."""

from __future__ import annotations

import pytest
from helpers import graph_of

from impactgraph.app.callgraph import to_pycg
from impactgraph.linker.graph import ANY_CALLEE
from impactgraph.linker.resolve import MAX_VALUES

CLASSES = """
class Arg:
    def process(self): pass
class Opt:
    def process(self): pass
    def short(self): pass
"""


def _calls(source: str, function: str) -> list[str]:
    return to_pycg(graph_of({"main.py": CLASSES + source}))[f"main.{function}"]


def _unresolved(source: str, function: str) -> set[str]:
    graph = graph_of({"main.py": CLASSES + source})
    return set(graph.unresolved_names.get(f"main:{function}", ()))


def test_enumerate_over_a_filled_container():
    source = """
class Parser:
    def __init__(self):
        self._args = []
    def add(self):
        self._args.append(Arg())
    def run(self):
        for index, arg in enumerate(self._args):
            arg.process()
"""
    assert "main.Arg.process" in _calls(source, "Parser.run")
    assert "main.Opt.process" not in _calls(source, "Parser.run")
    assert not _unresolved(source, "Parser.run")


def test_enumerate_index_is_an_int_and_a_start_is_allowed():
    source = """
def run(items):
    for number, arg in enumerate([Arg()], start=1):
        arg.process()
        number.bit_length()
"""
    assert _calls(source, "run") == ["<builtin>.enumerate", "main.Arg.process"]


def test_zip_pairs_each_position_with_its_own_iterable():
    source = """
def run():
    for arg, opt in zip([Arg()], [Opt()]):
        arg.process()
        opt.short()
"""
    assert _calls(source, "run") == ["<builtin>.zip", "main.Arg.process", "main.Opt.short"]


def test_filter_keeps_the_elements_and_calls_its_function():
    source = """
def keep(x): return True
def run():
    for opt in filter(keep, [Opt()]):
        opt.short()
"""
    assert set(_calls(source, "run")) == {"<builtin>.filter", "main.Opt.short", "main.keep"}


def test_comprehension_over_enumerate():
    source = """
def run():
    return [arg.process() for _, arg in enumerate([Arg()])]
"""
    assert "main.Arg.process" in _calls(source, "run")


def test_sorted_with_a_key_keeps_the_elements_and_calls_the_key():
    source = """
def order(x): return 0
def run():
    for opt in sorted([Opt()], key=order, reverse=True):
        opt.short()
"""
    assert set(_calls(source, "run")) == {"<builtin>.sorted", "main.Opt.short", "main.order"}


def test_next_gives_an_element_or_the_default():
    source = """
def items():
    yield Arg()
def run():
    next(iter([Arg()])).process()
    next(items()).process()
    next(iter([]), Opt()).short()
"""
    assert set(_calls(source, "run")) >= {"main.Arg.process", "main.Opt.short", "main.items"}
    assert "main.Opt.process" not in _calls(source, "run")
    assert not _unresolved(source, "run")


def test_an_enumerate_of_our_own_is_not_the_builtin():
    source = """
def enumerate(xs):
    return [(0, Opt())]
def run():
    for _, x in enumerate([Arg()]):
        x.short()
"""
    assert "main.Opt.short" in _calls(source, "run")
    assert "main.Arg.process" not in _calls(source, "run")


def _given_up(body: str) -> bool:
    """Is the one call in ``run`` (over a value with more values than the linker keeps) a
    call the linker gave up on?"""
    count = MAX_VALUES + 20
    functions = "".join(f"def h{i:04}(v):\n    return v\n" for i in range(count))
    table = "HANDLERS = {" + "".join(f"'h{i:04}': h{i:04}, " for i in range(count)) + "}\n"
    source = f"{functions}{table}def run(name, items):\n    many = HANDLERS[name]\n    {body}\n"
    graph = graph_of({"main.py": source})
    return ("main:run", ANY_CALLEE) in graph.unbounded_sites


@pytest.mark.parametrize("body", [
    "return sorted(items, key=many)", "return map(many, items)", "return filter(many, items)",
    "return min(items, key=many)", "return max(items, key=many)", "return iter(many, None)",
    "return sorted(*many)",
])
def test_a_builtin_calling_an_unbounded_argument_gives_up(body: str) -> None:
    assert _given_up(body)


@pytest.mark.parametrize("body", [
    "return sorted(many)", "return map(str, many)", "return filter(None, many)",
    "return min(many)", "return max(many, default=None)", "return iter(many)",
    "return next(many)", "return next(items, many)", "return sorted(many, reverse=True)",
])
def test_a_builtin_only_iterating_an_unbounded_argument_does_not_give_up(body: str) -> None:
    assert not _given_up(body)
