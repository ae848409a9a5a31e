"""``impactgraph tests`` follows our objects through a container method that makes a new
container of its receiver's elements and its arguments': ``ChainMap.new_child(m)``,
``s.union(t)``. (Found on glom 23.5.0: ``glom()`` keeps a ``ScopeVars`` in
``_DEFAULT_SCOPE.new_child({..., "globals": ScopeVars({}, {})})`` and hands it back from
``scope[key]``; test_scope_vars.py's ``dict(glom(target, (..., S.globals)))`` runs its
``__iter__``, and a change there selected no test.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

SCOPE = """
    from collections import ChainMap


    class Vars:
        def __iter__(self):
            return iter([("a", 1)])

        def run(self):
            return 1


    class Task:
        def __str__(self):
            return "task"


    DEFAULT = ChainMap({})


    def lookup(scope, key):
        return scope[key]


    def evaluate(key):
        scope = DEFAULT.new_child({"globals": Vars()})
        return lookup(scope, key)


    def tasks():
        return set().union([Task()])
"""

BASE = {
    "src/engine/__init__.py": "",
    "src/engine/scope.py": SCOPE,
    "tests/test_iterate.py": """
        from engine.scope import evaluate


        def test_dict():
            assert dict(evaluate("globals")) == {"a": 1}
    """,
    "tests/test_tasks.py": """
        from engine.scope import tasks


        def test_tasks():
            for task in tasks():
                assert str(task) == "task"
    """,
}


@pytest.mark.parametrize(("old", "new", "selected"), [
    ('return iter([("a", 1)])', 'return iter([("a", 2)])', ["tests/test_iterate.py"]),
    ('return "task"', 'return "job"', ["tests/test_tasks.py"]),
])
def test_an_object_handed_back_by_a_merged_container_selects_its_tests(
    tmp_path: Path, old: str, new: str, selected: list[str]
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    assert old in SCOPE
    commit(root, {"src/engine/scope.py": SCOPE.replace(old, new)})
    assert selected_tests(root) == selected
