"""A call the head no longer links to a changed method is judged by what the caller's code
spells; ``super().__init__()`` in a class unrelated to the changed one spells ``__init__``
but follows the ancestry of its own class, which holds no such method. matplotlib 3.10 put a
wrapper of its own (``@_cleanup_fontproperties_init``) on ``FontProperties.__init__``: the
head links ``FontProperties(size=s)`` to the wrapper, and ``Legend.__init__``,
``UnicodeFonts.__init__`` and ``AnchoredOffsetbox.__init__``, which also call
``super().__init__()``, were judged broken (and the gallery scripts building them at import
with them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

FONTS = '''\
class FontProperties:
    def __init__(self, family=None, size=None):
        self.family = family
        self.size = size
'''
WRAPPED = '''\
import functools


def _cleanup(init_method):
    @functools.wraps(init_method)
    def wrapper(self, *args, **kwargs):
        if len(args) > 1:
            print("deprecated")
        return init_method(self, *args, **kwargs)

    return wrapper


class FontProperties:
    @_cleanup
    def __init__(self, family=None, size=None):
        self.family = family
        self.size = size
'''
USER = '''\
from pkg.fonts import FontProperties


class Base:
    def __init__(self):
        self.ready = True


class Legend(Base):
    def __init__(self, size):
        super().__init__()
        self.prop = FontProperties(size=size)
        self.other = FontProperties("cmex10")
'''


def _broken(tmp_path: Path, user: str, extra: dict[str, str] | None = None) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/fonts.py": FONTS, "pkg/user.py": user, **(extra or {})}
    edited = user.replace("        self.prop", "        self.count = 1\n        self.prop")
    head = {**base, "pkg/fonts.py": WRAPPED, "pkg/user.py": edited}
    return broken_modules(impact_between(base, head, tmp_path))


def test_super_init_of_an_unrelated_class_is_no_call_of_the_changed_one(
        tmp_path: Path) -> None:
    assert _broken(tmp_path, USER) == set()


@pytest.mark.parametrize("mixed", [
    # a class of ours deriving from both: ``Legend``'s ``super()`` may reach the changed one
    "from pkg.fonts import FontProperties\nfrom pkg.user import Legend\n\n\n"
    "class Mixed(Legend, FontProperties):\n    pass\n",
])
def test_a_class_deriving_from_both_keeps_the_call(mixed: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, USER, {"pkg/mixed.py": mixed}) == {"pkg.user"}
