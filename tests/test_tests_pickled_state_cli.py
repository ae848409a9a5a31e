"""``impactgraph tests`` on the pickling special methods of an object that is pickled or copied
inside another one: attrs' ``pickle.loads(pickle.dumps(attribute))`` on an ``Attribute`` that
holds a ``Factory`` in its ``default`` runs ``Factory.__getstate__`` / ``__setstate__``, and the
test cannot even tell the ``Attribute``'s class (it comes from ``fields(cls)``). ``pickle`` and
``copy`` walk the whole object graph under their argument: any class of ours may be in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/recs/__init__.py": "",
    "src/recs/make.py": """
        class Factory:
            __slots__ = ("factory",)

            def __init__(self, factory):
                self.factory = factory

            def __getstate__(self):
                return (self.factory,)

            def __setstate__(self, state):
                self.factory = state[0]


        class Field:
            def __init__(self, default):
                self.default = default

            def describe(self):
                return repr(self.default)


        REGISTRY = {}


        def field(name, default):
            REGISTRY[name] = Field(default)


        def fields():
            return list(REGISTRY.values())
    """,
    "tests/test_pickle.py": """
        import pickle

        from recs.make import Factory, field, fields


        def test_round_trip():
            field("x", Factory(list))
            for each in fields():
                assert pickle.loads(pickle.dumps(each)).default.factory is list
    """,
    "tests/test_copy.py": """
        import copy

        from recs.make import fields


        def test_copies():
            assert [copy.deepcopy(f) for f in fields()] is not None
    """,
    "tests/test_fields.py": """
        from recs.make import Factory, field, fields


        def test_fields():
            field("y", Factory(dict))
            assert fields()
    """,
}


@pytest.mark.parametrize("method", ["__getstate__", "__setstate__"])
def test_a_changed_pickling_method_selects_every_pickling_test(
    tmp_path: Path, method: str
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/recs/make.py"]
    head = source.replace(f"def {method}(self", f"def {method}(x, self")
    commit(root, {"src/recs/make.py": head})
    assert selected_tests(root) == ["tests/test_copy.py", "tests/test_pickle.py"]


def test_another_method_is_not_run_by_pickling(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/recs/make.py"]
    commit(root, {"src/recs/make.py": source.replace("repr(self.default)", "str(self.default)")})
    assert selected_tests(root) == []


def test_a_shallow_copy_runs_the_state_methods_of_its_argument_only(tmp_path: Path) -> None:
    """``copy.copy(x)`` copies ``x`` alone: ``x``'s own ``__setstate__`` runs (``__reduce_ex__``
    gives the state back to it), those of the objects it holds do not."""
    files = {**BASE, "tests/test_copy.py": """
        import copy

        from recs.make import Factory, Field


        def test_copy_field():
            assert copy.copy(Field(Factory(list))).default.factory is list
    """, "tests/test_copy_factory.py": """
        import copy

        from recs.make import Factory


        def test_copy_factory():
            assert copy.copy(Factory(list)).factory is list
    """}
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    source = BASE["src/recs/make.py"]
    commit(root, {"src/recs/make.py": source.replace("self.factory = state[0]", "pass")})
    assert selected_tests(root) == ["tests/test_copy_factory.py", "tests/test_pickle.py"]
