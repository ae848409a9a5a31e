"""``impactgraph tests`` follows what ``dict(x)`` runs of ``x``: ``x.keys()`` and ``x[key]``
when ``x`` has ``keys``, else iterating ``x`` for pairs. (Found on glom 23.5.0:
``dict(scope_globals)`` in test_scope_vars.py runs ``ScopeVars.__iter__``.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

VARS = """
    class Pairs:
        def __iter__(self):
            return iter([("a", 1)])


    class Mapping:
        def keys(self):
            return ["a"]

        def __getitem__(self, key):
            return 1
"""

BASE = {
    "src/store/__init__.py": "",
    "src/store/vars.py": VARS,
    "tests/test_pairs.py": """
        from store.vars import Pairs


        def test_pairs():
            assert dict(Pairs()) == {"a": 1}
    """,
    "tests/test_mapping.py": """
        from store.vars import Mapping


        def test_mapping():
            assert dict(Mapping()) == {"a": 1}
    """,
}


@pytest.mark.parametrize(("old", "new", "selected"), [
    ('return iter([("a", 1)])', 'return iter([("a", 2)])', ["tests/test_pairs.py"]),
    ('return ["a"]', 'return ["b"]', ["tests/test_mapping.py"]),
    ("return 1", "return 2", ["tests/test_mapping.py"]),
])
def test_a_method_dict_runs_on_its_argument_selects_its_tests(
    tmp_path: Path, old: str, new: str, selected: list[str]
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/store/vars.py": VARS.replace(old, new)})
    assert selected_tests(root) == selected
