"""An outside base spelled through another module of its package, by the same name.

flask-sqlalchemy 3.0 made ``DefaultMeta(..., DeclarativeMeta)``, imported from
``sqlalchemy.ext.declarative``, ``DefaultMeta(..., sa.orm.DeclarativeMeta)``: one class, which
the package exports from both modules. Nothing is known of either, so the class was taken to
have lost every name of the old one: every module naming ``DefaultMeta`` broke (7). A class of
one package under one name, imported from another of its modules, is the same class.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
from orm.ext.declarative import DeclarativeMeta


class DefaultMeta(DeclarativeMeta):
    pass
'''
NEW = '''\
import orm.core


class DefaultMeta(orm.core.DeclarativeMeta):
    pass
'''
USER = '''\
from lib import DefaultMeta


class Custom(DefaultMeta):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.registry.configure()
'''


def _broken(tmp_path: Path, new: str = NEW) -> set[str]:
    report = impact_between({"lib.py": OLD, "user.py": USER}, {"lib.py": new, "user.py": USER},
                            tmp_path)
    return broken_modules(report)


def test_the_same_name_from_another_module_of_its_package_takes_nothing_away(
        tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_class_of_another_package_is_affected_not_broken(tmp_path: Path) -> None:
    # another outside class: the names of neither are known one by one, so nothing shows a
    # name ``Custom`` reads gone (``test_outside_base_traded.py``)
    new = NEW.replace("orm.core", "other.core")
    assert _broken(tmp_path, new=new) == set()


def test_another_name_of_the_package_is_affected_not_broken(tmp_path: Path) -> None:
    new = NEW.replace("orm.core.DeclarativeMeta", "orm.core.Registry")
    assert _broken(tmp_path, new=new) == set()


def test_a_standard_class_for_the_outside_one_still_breaks(tmp_path: Path) -> None:
    new = NEW.replace("import orm.core\n", "").replace("orm.core.DeclarativeMeta", "type")
    assert "user" in _broken(tmp_path, new=new)
