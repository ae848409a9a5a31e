"""``impactgraph tests`` when a module's import-time code reaches an unresolved ``x.name()``
call that may run an affected function of that name. (ovld 0.5.18: ``class Medley(
metaclass=MedleyMC)`` runs ``MedleyMC.__new__`` as ``ovld`` is imported, and its
``combiner.get(result)`` ran ``KeepLast.get``; removing that override made ``import ovld``
fail for every test file, and test_utils.py, which only imports the package, was left out.)
Checked against pytest: the removal fails both test files below that import ``pkg``."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

FILES = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": """
        from .medley import Medley
        from .utils import helper
    """,
    "src/pkg/medley.py": """
        class Combiner:
            def get(self, cls):
                raise NotImplementedError()


        class KeepLast(Combiner):
            def __init__(self):
                self.impl = None

            def get(self, cls):
                return self.impl


        class MedleyMC(type):
            def __new__(mcls, name, bases, namespace):
                result = super().__new__(mcls, name, bases, namespace)
                for combiner in result._combiners.values():
                    combiner.get(result)
                return result


        class Medley(metaclass=MedleyMC):
            _combiners = {"__add__": KeepLast()}
    """,
    "src/pkg/utils.py": """
        def helper():
            return 1
    """,
    "src/other/__init__.py": "",
    "src/other/tools.py": """
        def tool():
            return 2
    """,
    "tests/test_utils.py": """
        from pkg.utils import helper


        def test_helper():
            assert helper() == 1
    """,
    "tests/test_tools.py": """
        from other.tools import tool


        def test_tool():
            assert tool() == 2
    """,
}


def test_a_module_whose_import_reaches_the_unresolved_call_selects_its_importers(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, FILES, message="base", tag="base")
    path = "src/pkg/medley.py"
    gone = "\n            def get(self, cls):\n                return self.impl\n"
    assert FILES[path].count(gone) == 1
    commit(root, {path: FILES[path].replace(gone, "\n")})
    # test_tools.py imports nothing of pkg: its process never runs the class statement
    assert selected_tests(root) == ["tests/test_utils.py"]
