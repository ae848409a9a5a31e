"""``impactgraph tests`` follows a call into a builtin base's method (``super().__mod__(args)``
on a ``str`` subclass, markupsafe's ``Markup.__mod__``): ``str % args`` runs the special
methods of the objects in ``args`` (``__int__``, ``__str__``, ...), so a change to one of them
selects the tests that format with ``%``."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/safe/__init__.py": """
        class Markup(str):
            def __mod__(self, arg):
                if isinstance(arg, tuple):
                    arg = tuple(_Helper(x) for x in arg)
                else:
                    arg = (_Helper(arg),)
                return self.__class__(super().__mod__(arg))

            def upper_copy(self):
                return self.__class__(self.upper())


        class Text(str):
            def shout(self):
                return self.format("!")


        class _Helper:
            def __init__(self, obj):
                self.obj = obj

            def __int__(self):
                return int(self.obj)

            def __str__(self):
                return str(self.obj)
    """,
    "tests/test_format.py": """
        from safe import Markup


        def test_int():
            assert Markup("%i") % 3 == "3"
    """,
    "tests/test_upper.py": """
        from safe import Markup


        def test_upper():
            assert Markup("a").upper_copy() == "A"
    """,
}


def test_a_special_method_run_by_a_builtin_base_method_selects_its_test(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/safe/__init__.py"]
    changed = source.replace("return int(self.obj)", "return int(self.obj) + 1")
    commit(root, {"src/safe/__init__.py": changed})
    assert selected_tests(root) == ["tests/test_format.py"]
