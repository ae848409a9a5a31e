"""A class the old revision defined by two statements, in the branches of an ``if`` (or a
``try``), is compared with the new one through each of them.

executing 2.0 dropped Python 2: ``if sys.version_info >= (3, 4): class
Instruction(_Instruction)`` (``from dis import Instruction as _Instruction``) ``else: class
Instruction(namedtuple('Instruction', ...))`` became ``class Instruction(dis.Instruction)``.
The summary kept the last statement only, and the diff reported the ``namedtuple`` base
removed, with names not known: the module broke at import time (``EnhancedInstruction``
derives from it), and every module importing it (9 modules).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

from impactgraph.indexer.api_ast import summarize_api
from impactgraph.indexer.astroid_tree import summarize_astroid

BASES = '''\
class Fast:
    def get(self):
        return 1


class Slow:
    def get(self):
        return 2

    def size(self):
        return 0
'''
OLD = BASES + '''
import sys

if sys.version_info >= (3,):
    from proj.bases import Fast as _Fast

    class Item(_Fast):
        pass
else:
    class Item(Slow):
        pass
'''
NEW = BASES + '''
from proj import bases


class Item({base}):
    pass
'''
USER = '''\
from proj.bases import Item


class Special(Item):
    pass


def size(item: Item):
    return item.size()
'''


def _impact(tmp_path: Path, base: str) -> set[str]:
    old = {"proj/__init__.py": "", "proj/bases.py": OLD, "proj/user.py": USER}
    new = {**old, "proj/bases.py": NEW.format(base=base)}
    return broken_modules(impact_between(old, new, tmp_path))


def test_the_summary_keeps_the_bases_of_every_statement_of_a_class() -> None:
    for summary in (summarize_api(OLD, "proj.bases", "proj/bases.py"),
                    summarize_astroid(OLD, "proj.bases", "proj/bases.py", api_only=True)):
        assert summary is not None
        item = next(d for d in summary.definitions if d.qualname == "Item")
        assert (item.bases, item.other_bases) == (("Slow",), (("_Fast",),))


def test_a_class_keeping_the_bases_of_one_of_its_statements_breaks_nobody(
        tmp_path: Path) -> None:
    assert _impact(tmp_path, "bases.Fast") == set()


def test_a_class_keeping_the_bases_of_none_of_them_still_breaks(tmp_path: Path) -> None:
    # ``Fast`` and ``Slow`` both went: ``size`` is gone whichever statement ran
    new_bases = NEW.replace("class Item({base})", "class Other:\n    pass\n\n\nclass Item(Other)")
    old = {"proj/__init__.py": "", "proj/bases.py": OLD, "proj/user.py": USER}
    new = {**old, "proj/bases.py": new_bases}
    assert "proj.user" in broken_modules(impact_between(old, new, tmp_path))
