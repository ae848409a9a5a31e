"""A class whose base of ours was renamed, with the base's own hooks (dunders Python does not
look up, called by our code alone), lost those hooks only for code still spelling them.

beartype 0.17 renamed ``_BeartypeForwardRefABC`` to ``BeartypeForwardRefABC``, and its
classmethods ``__beartype_is_instance__`` and ``__beartype_is_subclass__`` to
``__is_instance_beartype__`` and ``__is_subclass_beartype__``, with the metaclass's
``__instancecheck__`` calling them. ``_BeartypeForwardRefIndexedABC`` lost its base with those
names; a dunder method may be a protocol outside code calls on an instance it is handed, so
the module making the subclasses broke at import time, with every module importing it (399
modules). No code of the head spells the old names: nothing of ours calls them.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
class RefMeta(type):
    def __instancecheck__(cls, obj):
        return cls.__is_instance_hook__(obj)


class _RefBase(metaclass=RefMeta):
    @classmethod
    def __is_instance_hook__(cls, obj):
        return isinstance(obj, str)


class IndexedRef(_RefBase):
    pass


def make(name):
    return type(name, (IndexedRef,), {})
'''
NEW = OLD.replace("__is_instance_hook__", "__hook_is_instance__").replace(
    "_RefBase", "RefBase")
USER = '''\
from proj.refs import IndexedRef, make

REF = make("Ref")


def check(obj):
    return isinstance(obj, IndexedRef)
'''


def _broken(tmp_path: Path, new: str, user: str = USER) -> set[str]:
    old = {"proj/__init__.py": "", "proj/refs.py": OLD, "proj/user.py": user}
    return broken_modules(impact_between(old, {**old, "proj/refs.py": new}, tmp_path))


def test_a_hook_renamed_with_every_call_of_it_breaks_nobody(tmp_path: Path) -> None:
    assert _broken(tmp_path, NEW) == set()


def test_a_hook_the_head_still_calls_by_its_old_name_breaks(tmp_path: Path) -> None:
    # the user calls the old name on the class: it is gone
    user = USER + "\n\ndef hook(obj):\n    return IndexedRef.__is_instance_hook__(obj)\n"
    assert "proj.user" in _broken(tmp_path, NEW, user)


def test_a_dunder_no_code_of_ours_calls_still_breaks_users_handing_instances_over(
        tmp_path: Path) -> None:
    # ``__html__`` is for outside code (a template engine calls it): not a hook of ours
    old_html = OLD.replace("__is_instance_hook__(obj)", "__class__ is RefMeta").replace(
        "    @classmethod\n    def __is_instance_hook__(cls, obj):\n"
        "        return isinstance(obj, str)\n",
        "    def __html__(self):\n        return '<ref>'\n")
    new_html = old_html.replace("    def __html__(self):\n        return '<ref>'\n",
                                "    pass\n").replace("_RefBase", "RefBase")
    user = "from proj.refs import IndexedRef\n\nimport markup\n\nmarkup.render(IndexedRef())\n"
    old = {"proj/__init__.py": "", "proj/refs.py": old_html, "proj/user.py": user}
    report = impact_between(old, {**old, "proj/refs.py": new_html}, tmp_path)
    assert ("proj.refs:IndexedRef", "base-removed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert "proj.user" in broken_modules(report)
