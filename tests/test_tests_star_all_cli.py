"""``impactgraph tests`` on a function removed from a module whose ``__all__`` still lists it
(more-itertools' ``recipes.matmul``): ``from .recipes import *`` in the package's
``__init__.py`` now fails at import time (the module has no attribute the star import was
promised), so every test that imports the package fails, not only the one calling the
function."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/tools/__init__.py": """
        from tools.more import *
        from tools.recipes import *
    """,
    "src/tools/recipes.py": """
        __all__ = ["double", "square"]


        def double(x):
            return 2 * x


        def square(x):
            return x * x
    """,
    "src/tools/more.py": """
        __all__ = ["first"]


        def first(items):
            return items[0]
    """,
    "tests/test_more.py": """
        import tools


        def test_first():
            assert tools.first([1]) == 1
    """,
    "tests/test_recipes.py": """
        from tools import square


        def test_square():
            assert square(3) == 9
    """,
    "tests/test_other.py": """
        def test_nothing():
            assert True
    """,
}


def test_a_removal_still_listed_in_all_breaks_the_star_importers(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/tools/recipes.py"]
    start = source.index("        def square")
    commit(root, {"src/tools/recipes.py": source[:start]})
    assert selected_tests(root) == ["tests/test_more.py", "tests/test_recipes.py"]


def test_a_removal_also_taken_out_of_all_breaks_only_its_users(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/tools/recipes.py"]
    start = source.index("        def square")
    head = source[:start].replace('["double", "square"]', '["double"]')
    commit(root, {"src/tools/recipes.py": head})
    assert selected_tests(root) == ["tests/test_recipes.py"]
