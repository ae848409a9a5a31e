"""``impactgraph tests`` reads a ``typing`` alias as a base, subscripted or not
(``class ImmutableDict(typing.Mapping[Any, Any])``, soupsieve 2.6), as the class it stands for
(``collections.abc.Mapping``): ``d.items()`` on an instance runs the standard library's
``Mapping.items``, whose view iterates the instance with our ``__iter__`` and reads our
``__getitem__``, as for a base written ``collections.abc.Mapping``."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/frozen/__init__.py": "",
    "src/frozen/types.py": """
        IMPORT


        class FrozenDict(BASE_CLASS):
            def __init__(self, arg):
                self._d = dict(arg)

            def __iter__(self):
                return iter(self._d)

            def __len__(self):
                return len(self._d)

            def __getitem__(self, key):
                return self._d[key]


        def names(frozen):
            return sorted(key for key, value in frozen.items())


        def size(frozen):
            return frozen.count if hasattr(frozen, "count") else 0
    """,
    "tests/test_names.py": """
        from frozen.types import FrozenDict, names


        def test_names():
            assert names(FrozenDict({"b": 1, "a": 2})) == ["a", "b"]
    """,
    "tests/test_size.py": """
        from frozen.types import size


        def test_size():
            assert size(None) == 0
    """,
}


@pytest.mark.parametrize(
    ("imports", "base"),
    [
        ("from typing import Any, Mapping", "Mapping[Any, Any]"),
        ("import typing", "typing.Mapping[str, int]"),
        ("from typing import Mapping", "Mapping"),
        ("from collections.abc import Mapping", "Mapping[str, int]"),
        ("from collections.abc import Mapping", "Mapping"),
    ],
)
def test_iterating_an_instance_of_a_subscripted_typing_base(
    tmp_path: Path, imports: str, base: str
) -> None:
    root = init_repo(tmp_path / "repo")
    source = BASE["src/frozen/types.py"].replace("IMPORT", imports).replace("BASE_CLASS", base)
    commit(root, {**BASE, "src/frozen/types.py": source}, message="base", tag="base")
    commit(root, {"src/frozen/types.py": source.replace("iter(self._d)", "iter(())")})
    assert selected_tests(root) == ["tests/test_names.py"]
