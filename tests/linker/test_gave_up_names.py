"""What a call the linker gave up on asks for (``graph.gave_up_names``): the names its
given-up calls can run, apart from what the caller's other, unresolved calls ask for; an
argument that comes in through a parameter holding anything at all bounds it by the names
outside code may run on an object of ours (``Resolver.handed_over_names``)."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.linker.graph import ANY_CALLEE
from impactgraph.linker.resolve import MAX_VALUES
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict

COUNT = MAX_VALUES + 5
# ``ITEMS[i]`` has more values than the linker keeps: ``ITEMS[i].shout()`` is given up on
CLASSES = "".join(f"class C{i}:\n    def shout(self, *args):\n        return {i}\n\n\n"
                  for i in range(COUNT))
ITEMS = "ITEMS = [" + ", ".join(f"C{i}()" for i in range(COUNT)) + "]\n\n\n"
HOOKS = """
class Hashed:
    def __hash__(self):
        return 1

    def __init__(self):
        self.x = 1


def _plain_eq(self, other):
    return True


class Aliased:
    __eq__ = _plain_eq


class Listish(list):
    def append(self, item):
        return None

    def helper(self):
        return None


"""


def gave_up(source: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    graph = graph_of({"items.py": CLASSES + ITEMS + HOOKS + source})
    restored = graph_from_dict(graph_to_dict(graph))
    assert restored is not None and restored.gave_up_names == graph.gave_up_names
    callers = {caller for caller, receiver in graph.unbounded_sites if receiver == ANY_CALLEE}
    return ({c: graph.gave_up_names[c] for c in callers},
            {c: graph.unresolved_names[c] for c in callers})


def test_a_caller_s_other_unresolved_calls_are_not_its_given_up_calls() -> None:
    given_up, unresolved = gave_up(
        "def shout(i, callback):\n    callback()\n    return ITEMS[i].shout()\n")
    # ``callback()`` may run anything, but the linker did not give up on it
    assert given_up == {"items:shout": {"shout"}}
    assert "" in unresolved["items:shout"]


def test_a_parameter_holding_anything_bounds_the_call_by_the_special_methods_of_ours() -> None:
    many = "".join(f"    tell(C{i}(), 0)\n" for i in range(COUNT))
    given_up, _ = gave_up(
        "def tell(value, i):\n    return ITEMS[i].shout(value)\n\n\n"
        f"def everything():\n{many}")
    asked = given_up["items:tell"]
    # outside code given ``value`` may run its special methods, by their names (and the
    # function a special method's name holds), or a builtin base's method overridden
    assert {"shout", "__hash__", "__eq__", "_plain_eq", "append"} <= asked
    # never a constructor, nor a method outside code does not know of
    assert not asked & {"", "__init__", "helper"}


def test_a_local_holding_anything_may_hand_anything_over() -> None:
    given_up, _ = gave_up(
        "def tell(i):\n    value = ITEMS[i]\n    return ITEMS[i].shout(value)\n")
    assert "" in given_up["items:tell"]


def test_an_argument_of_ours_the_linker_knows_may_be_called_back() -> None:
    given_up, _ = gave_up(
        "def helper():\n    return 1\n\n\n"
        "def tell(i):\n    return ITEMS[i].shout(helper)\n")
    assert "" in given_up["items:tell"]


def test_a_snapshot_stored_before_gave_up_names_judges_a_caller_by_all_it_asks_for() -> None:
    graph = graph_of({"items.py": CLASSES + ITEMS +
                      "def shout(i, callback):\n    callback()\n    return ITEMS[i].shout()\n"})
    data = graph_to_dict(graph)
    del data["gave_up_names"]
    restored = graph_from_dict(data)
    assert restored is not None
    assert restored.gave_up_names == {"items:shout": graph.unresolved_names["items:shout"]}
    assert "" in restored.gave_up_names["items:shout"]
