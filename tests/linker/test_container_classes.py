"""Elements of an object of our own container class: what ``for x in obj`` and ``obj[k]``
give is what its ``__iter__`` hands back (an iterator of ours, or a container, a generator)
and what its ``__getitem__`` returns, so a call on such an element resolves to the items
that were stored in it (a registry of processors: ``for p in registry: p.run()``)."""

from __future__ import annotations

from helpers import graph_of

REGISTRY = '''
from typing import Generic, Iterator, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self):
        self._data: dict[str, T] = {}
        self._order: list[str] = []

    def __iter__(self) -> Iterator[T]:
        return iter([self._data[k] for k in self._order])

    def __getitem__(self, key: str) -> T:
        return self._data[key]

    def register(self, item: T, name: str) -> None:
        self._data[name] = item
        self._order.append(name)


class Walker:
    def __init__(self, items):
        self.items = items
        self.at = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.at += 1
        return self.items[self.at]


class Stream:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        yield from self.items


class Bare:
    def __getitem__(self, index):
        return Other()


class Strong:
    def run(self):
        return 1


class Emphasis:
    def run(self):
        return 2


class Other:
    def run(self):
        return 3

    def name(self):
        return "other"


class Markdown:
    def __init__(self):
        self.processors: Registry[Strong | Emphasis] = Registry()
        self.processors.register(Strong(), "strong")
        self.processors.register(Emphasis(), "em")

    def convert(self):
        for processor in self.processors:
            processor.run()

    def first(self):
        return self.processors["strong"].run()

    def some(self, key):
        return self.processors[key].run()


def walked():
    for each in Walker([Strong()]):
        each.run()


def streamed():
    for each in Stream([Emphasis()]):
        each.run()


def by_index():
    for each in Bare():
        each.name()
'''


def calls(graph, source: str) -> set[str]:
    return {t for t, k in graph.successors(source) if k == "calls"}


def test_iterating_an_object_of_ours_gives_what_its_iter_returns_the_elements_of() -> None:
    graph = graph_of({"app.py": REGISTRY})
    edges = calls(graph, "app:Markdown.convert")
    assert {"app:Strong.run", "app:Emphasis.run"} <= edges
    assert "app:Other.run" not in edges
    assert "app:Markdown.convert" not in {s for s, _ in graph.unresolved_sites}


def test_a_subscript_of_an_object_of_ours_gives_what_its_getitem_returns() -> None:
    graph = graph_of({"app.py": REGISTRY})
    for source in ("app:Markdown.first", "app:Markdown.some"):
        edges = calls(graph, source)
        assert {"app:Strong.run", "app:Emphasis.run"} <= edges, source
        assert "app:Other.run" not in edges


def test_an_iterator_of_ours_still_gives_what_its_next_returns() -> None:
    graph = graph_of({"app.py": REGISTRY})
    assert "app:Strong.run" in calls(graph, "app:walked")


def test_a_generator_iter_gives_what_it_yields() -> None:
    graph = graph_of({"app.py": REGISTRY})
    assert "app:Emphasis.run" in calls(graph, "app:streamed")


def test_an_object_with_getitem_only_iterates_by_index() -> None:
    graph = graph_of({"app.py": REGISTRY})
    assert "app:Other.name" in calls(graph, "app:by_index")


# ``dict.__getitem__`` calls ``__missing__`` of a subclass for a key it lacks (multimethod
# 1.12: ``class multimethod(dict)`` finds and caches a method in ``__missing__``, reached only
# through ``self[types]`` in ``dispatch``; a parameter removed from it failed
# tests/test_subscripts.py, not selected).
MISSING = '''
class Cache(dict):
    def __missing__(self, key):
        return compute(key)


class Lookalike:
    def __getitem__(self, key):
        return 0

    def __missing__(self, key):
        return compute(key)


def compute(key):
    return key


def cached():
    return Cache()["a"]


def looked():
    return Lookalike()["a"]
'''


def test_a_subscript_of_an_object_of_a_dict_subclass_runs_its_missing() -> None:
    graph = graph_of({"app.py": MISSING})
    assert "app:Cache.__missing__" in calls(graph, "app:cached")


def test_missing_of_a_class_not_built_on_dict_is_not_called_by_subscripts() -> None:
    graph = graph_of({"app.py": MISSING})
    assert "app:Lookalike.__missing__" not in calls(graph, "app:looked")


# ``d.__getitem__`` read on such an object is ``dict``'s bound method, which runs
# ``__missing__`` wherever it is called: reg 1.0.0's caching key lookups keep
# ``Cache(key_lookup.component).__getitem__`` as ``self.component``, called later; a
# parameter added to ``Cache.__missing__`` failed tests/test_cache.py, not selected.
BOUND_GETITEM = MISSING + '''

class Lookup:
    def __init__(self):
        self.get = Cache().__getitem__

    def find(self, key):
        return self.get(key)


class Checked(Cache):
    def __getitem__(self, key):
        return super().__getitem__(key)


class Own(Cache):
    def __getitem__(self, key):
        return 0


def direct():
    return Cache().__getitem__("a")


def through_attribute():
    return Lookup().find("a")


def through_super():
    return Checked()["a"]


def read_with_get():
    return Cache().get("a")


def own_getitem():
    return Own().__getitem__("a")


def lookalike_getitem():
    return Lookalike().__getitem__("a")
'''


def test_dicts_bound_getitem_runs_missing_wherever_it_is_called() -> None:
    graph = graph_of({"app.py": BOUND_GETITEM})
    assert "app:Cache.__missing__" in calls(graph, "app:direct")
    assert "app:Cache.__missing__" in calls(graph, "app:Lookup.find")
    assert "app:Cache.__missing__" in calls(graph, "app:Checked.__getitem__")


def test_getitem_that_is_not_dicts_runs_no_missing() -> None:
    graph = graph_of({"app.py": BOUND_GETITEM})
    assert "app:Cache.__missing__" not in calls(graph, "app:read_with_get")  # dict.get
    assert "app:Own.__getitem__" in calls(graph, "app:own_getitem")
    assert "app:Cache.__missing__" not in calls(graph, "app:own_getitem")
    assert "app:Lookalike.__missing__" not in calls(graph, "app:lookalike_getitem")
