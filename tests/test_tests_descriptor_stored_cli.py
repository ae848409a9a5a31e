"""``impactgraph tests`` follows a descriptor stored on a class (``clazz.Schema = Lazy(...)`` in
a class decorator) to every read of that attribute through the class: ``C.Schema`` runs the
descriptor's ``__get__`` as ``c.Schema`` does; and a class through an outside decorator that
returns it (``dataclasses.dataclass(eq=eq)`` kept in a variable, then called on the class; or
stacked under ours: ``@add_schema`` over ``@dataclasses.dataclass``).
(Found on marshmallow-dataclass 8.7.1: its ``dataclass`` runs ``add_schema(dc(cls), ...)`` with
``dc = dataclasses.dataclass(...)``, whose decorator sets ``clazz.Schema =
lazy_class_attribute(partial(class_schema, clazz, ...), "Schema")``; removing
``LazyClassAttribute.__get__`` failed the 8 test files reading ``SomeDataclass.Schema``, none
selected.)"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

LIB = """
    import dataclasses
    from functools import partial


    class Lazy:
        def __init__(self, func, name):
            self.func = func
            self.name = name

        def __get__(self, instance, cls=None):
            value = self.func()
            setattr(cls, self.name, value)
            return value


    lazy = Lazy


    def make_schema(clazz):
        return type(clazz.__name__ + "Schema", (), {})


    def add_schema(_cls=None, base=None):
        def decorator(clazz):
            clazz.Schema = lazy(partial(make_schema, clazz), "Schema")
            return clazz

        if _cls is None:
            return decorator
        return decorator(_cls)


    def dataclass(_cls=None, *, eq=True):
        dc = dataclasses.dataclass(eq=eq)

        def decorator(cls):
            return add_schema(dc(cls))

        if _cls is None:
            return decorator
        return decorator(_cls)


    def plain(clazz):
        clazz.tag = "plain"
        return clazz
"""

GETTER = """
        def __get__(self, instance, cls=None):
            value = self.func()
            setattr(cls, self.name, value)
            return value
"""

TESTS = {
    # the decorated class's attribute read runs Lazy.__get__
    "tests/test_add.py": """
        from lib import add_schema


        @add_schema
        class Point:
            x = 0


        def test_schema():
            assert Point.Schema.__name__ == "PointSchema"
    """,
    # through dataclasses.dataclass(eq=...) called on the class inside our decorator
    "tests/test_dataclass.py": """
        from lib import dataclass


        @dataclass
        class Point:
            x: int = 0


        def test_schema():
            assert Point.Schema.__name__ == "PointSchema"
    """,
    "tests/test_dataclass_args.py": """
        from lib import dataclass


        @dataclass(eq=False)
        class Point:
            x: int = 0


        def test_schema():
            assert Point.Schema().__class__.__name__ == "PointSchema"
    """,
    # our decorator stacked over an outside one: add_schema gets the class all the same
    "tests/test_stacked.py": """
        import dataclasses

        from lib import add_schema


        @add_schema
        @dataclasses.dataclass(frozen=True)
        class Point:
            x: int = 0


        def test_schema():
            assert Point.Schema.__name__ == "PointSchema"
    """,
    # a class decorated without a descriptor: nothing of Lazy runs
    "tests/test_plain.py": """
        from lib import plain


        @plain
        class Other:
            pass


        def test_tag():
            assert Other.tag == "plain"
    """,
}


def test_a_descriptor_stored_on_a_decorated_class_selects_its_readers(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"src/lib.py": LIB, **TESTS}, message="base", tag="base")
    assert GETTER in LIB
    commit(root, {"src/lib.py": LIB.replace(GETTER, "")})
    reasons = selected_reasons(root)
    assert sorted(reasons) == [
        "tests/test_add.py", "tests/test_dataclass.py", "tests/test_dataclass_args.py",
        "tests/test_stacked.py"]
