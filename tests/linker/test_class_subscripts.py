"""``C[item]`` on a class object runs code of ours: its metaclass's ``__getitem__``, else the
``__class_getitem__`` along its MRO (an implicit classmethod), and gives what that returns.

ovld 0.5's ``HasMethod["__len__"]`` (a function decorated by ``parametrized_class_check``,
which returns a class whose ``__class_getitem__`` builds the checker) was a reference to the
class and nothing more: a change to what ``__class_getitem__`` runs selected no test that
subscripts it. ``typing.Generic``'s ``__class_getitem__`` and a builtin's (``list[int]``) are
not ours: no edge.
"""

from __future__ import annotations

from helpers import graph_of

CODE = '''
from typing import Generic, TypeVar

T = TypeVar("T")


class Checker:
    def check(self, value):
        return True


class HasMethod:
    def __class_getitem__(cls, name):
        return cls.__type_order__(name)

    @classmethod
    def __type_order__(cls, name):
        return Checker()


    @classmethod
    def named(cls):
        return cls["meth"]


class Sub(HasMethod):
    pass


class Own(HasMethod):
    def __class_getitem__(cls, name):
        return Checker()


class Meta(type):
    def __getitem__(cls, item):
        return Checker()


class Indexed(metaclass=Meta):
    def __class_getitem__(cls, item):
        return None


def parametrized(fn):
    class _C:
        def __class_getitem__(_, arg):
            return fn(arg)
    return _C


@parametrized
def Exactly(arg):
    return Checker()


class Box(Generic[T]):
    def put(self, item: T) -> None:
        self.item = item


def by_name():
    return HasMethod["meth"]


def by_inherited(key):
    return Sub[key]


def through_meta():
    return Indexed[int]


def through_decorator():
    return Exactly[int].check(1)


def result_used(value):
    return HasMethod["meth"].check(value)


def meta_result_used(value):
    return Indexed[int].check(value)


def builtin_generics(values: list[int]) -> dict[str, int]:
    table: dict[str, list[int]] = {}
    return dict[str, int], list[int], table


def generic_alias() -> Box[int]:
    box: Box[int] = Box[int]()
    return box
'''


def calls(source: str) -> set[str]:
    graph = graph_of({"app.py": CODE})
    return {t for t, k in graph.successors(f"app:{source}") if k == "calls"}


def test_a_subscript_of_a_class_calls_its_class_getitem() -> None:
    assert "app:HasMethod.__class_getitem__" in calls("by_name")
    assert "app:HasMethod.__class_getitem__" in calls("by_inherited")


def test_it_gives_what_class_getitem_returns() -> None:
    assert {"app:HasMethod.__class_getitem__", "app:Checker.check"} <= calls("result_used")


def test_a_class_made_by_a_decorator_is_subscripted_the_same_way() -> None:
    assert {"app:parametrized._C.__class_getitem__", "app:Checker.check"} <= calls(
        "through_decorator")


def test_the_metaclass_getitem_comes_first_and_gives_its_result() -> None:
    assert calls("through_meta") == {"app:Meta.__getitem__"}
    assert calls("meta_result_used") == {"app:Meta.__getitem__", "app:Checker.check"}


def test_a_subclass_of_the_class_may_define_its_own() -> None:
    # ``cls`` of a classmethod: the class or any subclass
    assert {"app:HasMethod.__class_getitem__", "app:Own.__class_getitem__"} <= calls(
        "HasMethod.named")


def test_builtin_and_typing_generics_are_not_ours() -> None:
    assert calls("builtin_generics") == set()
    assert calls("generic_alias") == {"app:Box"}  # ``Box[int]()`` makes a Box
    graph = graph_of({"app.py": CODE})
    assert not any(site[0] in ("app:builtin_generics", "app:generic_alias")
                   for site in graph.unresolved_sites)


ANNOTATED = '''
class HasMethod:
    def __class_getitem__(cls, name):
        return cls


def in_a_test():
    def f(value: HasMethod["a"], *rest: HasMethod["b"]) -> HasMethod["c"]:
        local: HasMethod["d"] = value  # a function's own annotations are never run
        return local
    return f


def quoted(value: "HasMethod['e']") -> list[int]:
    return [value]


class Holder:
    field: HasMethod["f"]
'''


def test_an_evaluated_annotation_runs_its_subscripts_where_the_def_stands() -> None:
    graph = graph_of({"app.py": ANNOTATED})
    getitem = "app:HasMethod.__class_getitem__"
    assert getitem in {t for t, k in graph.successors("app:in_a_test") if k == "calls"}
    assert getitem in {t for t, k in graph.successors("app") if k == "calls"}  # Holder.field
    for source in ("app:in_a_test.f", "app:quoted"):
        assert getitem not in {t for t, _ in graph.successors(source)}
    assert graph.edge_data("app", getitem, "calls")["line"] == 19  # not the quoted one (14)


def test_postponed_annotations_run_nothing() -> None:
    graph = graph_of({"app.py": "from __future__ import annotations\n" + ANNOTATED})
    assert not any(t == "app:HasMethod.__class_getitem__" for node in graph.graph
                   for t, _ in graph.successors(node))


def test_a_classmethod_subscripting_cls_gives_what_each_class_getitem_returns() -> None:
    code = CODE.replace('        return cls["meth"]', '        return cls[object].check(1)')
    graph = graph_of({"app.py": code})
    assert "app:Checker.check" in {t for t, k in graph.successors("app:HasMethod.named")
                                   if k == "calls"}
