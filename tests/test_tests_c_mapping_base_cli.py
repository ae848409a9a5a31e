"""``impactgraph tests`` bounds what a mapping base written in C runs on ``self``: an
``OrderedDict`` (or ``defaultdict``) subclass's ``super().__init__(...)``, ``self.items()`` or
``self.get(k)`` runs its item methods (``__setitem__``, ``__getitem__``, ...), ``keys``/``items``
and its constructor, and no other public method of the subclass.
(Found on icalendar 6.1.0: ``Component`` derives from ``CaselessDict(OrderedDict)``, whose
``__init__`` calls ``super().__init__`` and ``self.items()``; with nothing to read of the C
base, each such call reached every public method of every component class, so a change to
``Component.get_inline`` reached every test through any component built.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

LIB = """
    from collections import OrderedDict, defaultdict


    class CaselessDict(OrderedDict):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for key, value in list(self.items()):
                if key != key.upper():
                    super().__delitem__(key)
                    self[key] = value

        def __setitem__(self, key, value):
            super().__setitem__(key.upper(), value)

        def __getitem__(self, key):
            return super().__getitem__(key.upper())


    class Component(CaselessDict):
        def render(self):
            return ";".join(f"{k}={v}" for k, v in self.items())


    class Counts(defaultdict):
        def __init__(self):
            super().__init__(int)

        def __missing__(self, key):
            return super().__missing__(key)

        def total(self):
            return sum(self.values())
"""

TESTS = {
    "tests/test_make.py": """
        from lib import Component


        def test_make():
            assert Component(a=1)["A"] == 1
    """,
    "tests/test_copy.py": """
        from lib import Component


        def test_copy():
            assert Component(a=1).copy()["a"] == 1
    """,
    "tests/test_render.py": """
        from lib import Component


        def test_render():
            assert Component(a=1).render() == "A=1"
    """,
    "tests/test_counts.py": """
        from lib import Counts


        def test_counts():
            counts = Counts()
            counts["x"] += 1
            assert counts.get("x") == 1
    """,
    "tests/test_total.py": """
        from lib import Counts


        def test_total():
            counts = Counts()
            counts["x"] += 2
            assert counts.total() == 2
    """,
}


@pytest.mark.parametrize(("old", "new", "expected"), [
    # a public method C never calls: only the test that calls it (before: every test building
    # a Component, through super().__init__ and self.items())
    ('return ";".join(', 'return "; ".join(', ["tests/test_render.py"]),
    ("return sum(self.values())", "return sum(self.values()) + 0", ["tests/test_total.py"]),
    # what the C base does run: __init__ sets items, copy() builds type(self)() and sets them,
    # d[k] runs __missing__ for a key not there
    ("super().__setitem__(key.upper(), value)", "super().__setitem__(key.upper(), value or 0)",
     ["tests/test_copy.py", "tests/test_make.py", "tests/test_render.py"]),
    ("return super().__missing__(key)", "return super().__missing__(key) or 0",
     ["tests/test_counts.py", "tests/test_total.py"]),
])
def test_a_c_mapping_base_runs_only_its_protocol_on_self(
    tmp_path: Path, old: str, new: str, expected: list[str]
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"src/lib/__init__.py": LIB, **TESTS}, message="base", tag="base")
    assert old in LIB
    commit(root, {"src/lib/__init__.py": LIB.replace(old, new)})
    assert selected_tests(root) == expected
