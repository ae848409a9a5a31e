"""What the summaries and the linker hold many times over is held once.

A summary names the same variables, symbols and attributes again and again (``self`` in every
method, ``.objects`` in every query), and a worker process pickles its summaries for the
process that links them: equal strings that are one object there stay one object after
unpickling. Django's summaries held 793,000 string objects for 289,000 distinct strings;
the linking process and its forked site linkers (which copy every page they touch) held
that twice over. The linker's memo likewise holds the empty set for about half its entries.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator

from helpers import summaries_of

from impactgraph.linker.resolve import Resolver
from impactgraph.model import FileSummary

SOURCE = """
class Store:
    def __init__(self, items):
        self.items = items
        self.count = len(items)

    def add(self, item):
        self.items.append(item)
        self.count = self.count + 1
        return self.items

    def first(self):
        return self.items[0] if self.items else missing()

    def names(self):
        return [str(item) for item in self.items]
"""


def strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list, frozenset, set)):
        for element in value:
            yield from strings_in(element)
    elif isinstance(value, dict):
        for key, element in value.items():
            yield from strings_in(key)
            yield from strings_in(element)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from strings_in(getattr(value, name))


def test_equal_keys_of_a_summary_are_one_object_after_pickling() -> None:
    (summary,) = summaries_of({"store.py": SOURCE})
    received: FileSummary = pickle.loads(pickle.dumps(summary))  # noqa: S301 - our own
    keys = [s for s in strings_in(received) if s.startswith(("v:", "s:", "b:", "."))]
    assert len(keys) > 2 * len(set(keys))  # the same keys, many times
    by_value: dict[str, int] = {}
    for key in keys:
        assert by_value.setdefault(key, id(key)) == id(key), key


def test_empty_values_the_linker_keeps_are_one_object() -> None:
    resolver = Resolver(summaries_of({"store.py": SOURCE}))
    unknown = [("v:store:Store.first|missing",), ("v:store:Store.add|item", ".nothing"),
               ("s:store:Store", ".absent")]
    empties = [resolver.resolve(expr) for expr in unknown]
    assert all(not value for value in empties)
    assert len({id(value) for value in empties}) == 1
