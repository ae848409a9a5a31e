"""``impactgraph tests`` selects the tests that subscript a class whose ``__class_getitem__``
(or whose metaclass's ``__getitem__``) is ours: ``C[item]`` runs it.

ovld 0.5.18: ``HasMethod["__len__"]`` runs ``__class_getitem__``, which builds the checker
with the help of another method. A mutation making that helper raise was missed: the
subscript was a reference to the class, no call. (ovld's ``HasMethod`` is a class returned by
a decorator, made when the module is imported, so every test importing the module is
selected for it; a class statement at module level shows the edge itself.) Tests that only
subscript a builtin generic (``list[int]``) or a ``typing.Generic`` class of ours
(``Box[int]``: typing's ``__class_getitem__``) are not selected by it. An annotation is code
where Python evaluates it (``def f(x: HasMethod["__len__"])`` in a test, as ovld's tests
write; not under ``from __future__ import annotations``).
"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

TYPES = """
    from typing import Generic, TypeVar

    T = TypeVar("T")


    class HasMethod:
        def __class_getitem__(cls, method_name):
            return cls.__type_order__(method_name)

        @classmethod
        def __type_order__(cls, method_name):
            return (cls, method_name)


    class Meta(type):
        def __getitem__(cls, item):
            return cls.order(item)

        def order(cls, item):
            return item


    class Keyed(metaclass=Meta):
        pass


    class Box(Generic[T]):
        def put(self, item: T) -> None:
            self.item = item
"""
BASE = {
    "src/checks/__init__.py": "",
    "src/checks/types.py": TYPES,
    "src/checks/aliases.py": """
        from checks.types import HasMethod

        HasLen = HasMethod["__len__"]
    """,
    "tests/test_in_code.py": """
        from checks.types import HasMethod


        def test_has_method():
            assert HasMethod["__len__"] is not None
    """,
    "tests/test_annotation.py": """
        from checks.types import HasMethod


        def test_dispatch_on_annotation():
            def f(x: HasMethod["__len__"]):
                return x

            assert f([1])
    """,
    "tests/test_postponed.py": """
        from __future__ import annotations

        from checks.types import HasMethod


        def test_postponed():
            def f(x: HasMethod["__len__"]):
                return x

            assert f([1])
    """,
    "tests/test_at_import.py": """
        from checks.aliases import HasLen


        def test_alias():
            assert HasLen
    """,
    "tests/test_metaclass.py": """
        from checks.types import Keyed


        def test_keyed():
            assert Keyed[1] == 1
    """,
    "tests/test_generics.py": """
        from checks.types import Box


        def test_generics():
            box = Box[int]()
            values: list[int] = [1]
            assert dict[str, int] and list[int] and values and box
    """,
}


def test_a_change_behind_class_getitem_selects_the_tests_subscripting_the_class(
        tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    mutated = TYPES.replace("            return (cls, method_name)",
                            "            raise TypeError(method_name)")
    commit(root, {"src/checks/types.py": mutated})
    assert selected_tests(root) == [
        "tests/test_annotation.py", "tests/test_at_import.py", "tests/test_in_code.py"]


def test_a_change_behind_a_metaclass_getitem_selects_the_tests_subscripting_the_class(
        tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    mutated = TYPES.replace("            return item", "            raise KeyError(item)")
    commit(root, {"src/checks/types.py": mutated})
    assert selected_tests(root) == ["tests/test_metaclass.py"]
