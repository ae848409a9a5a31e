"""A class decorator of ours that gives the class back, removed: the name is the class itself
in both revisions, and code making it breaks only when the class's ``__init__`` does not take
the call. (textblob 0.18 dropped ``@implements_to_string`` from ``StringlikeMixin``: a
``lambda x: x`` on Python 3, a function patching ``__str__`` and returning the class on
Python 2; ``self.__class__(...)`` in ``__getitem__`` was judged broken.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

MIXINS = """
from pkg.compat import implements_to_string


@implements_to_string
class StringlikeMixin(object):
    def __init__(self, text):
        self.text = text

    def __getitem__(self, index):
        return self.__class__(self.text[index])
"""
MIXINS_NOW = """
class StringlikeMixin:
    def __init__(self, text):
        self.text = text

    def __getitem__(self, index):
        return self.__class__(self.text[index])
"""


@pytest.mark.parametrize("compat", [
    "implements_to_string = lambda x: x\n",
    "def implements_to_string(cls):\n    cls.__unicode__ = cls.__str__\n    return cls\n",
])
def test_a_decorator_giving_the_class_back_removed_breaks_nothing(compat: str,
                                                                   tmp_path: Path) -> None:
    base = {"pkg/__init__.py": "", "pkg/compat.py": compat, "pkg/mixins.py": MIXINS}
    report = impact_between(base, {**base, "pkg/mixins.py": MIXINS_NOW}, tmp_path)
    assert broken_modules(report) == set()


def test_a_decorator_making_another_class_removed_breaks_the_calls_its_init_took(
        tmp_path: Path) -> None:
    compat = ("def implements_to_string(cls):\n    class Made(cls):\n"
              "        def __init__(self, text, strict=False):\n"
              "            super().__init__(text)\n    return Made\n")
    user = "from pkg.mixins import StringlikeMixin\n\n\ndef make():\n" \
           "    return StringlikeMixin('a', True)\n"
    base = {"pkg/__init__.py": "", "pkg/compat.py": compat, "pkg/mixins.py": MIXINS,
            "pkg/user.py": user}
    report = impact_between(base, {**base, "pkg/mixins.py": MIXINS_NOW}, tmp_path)
    assert "pkg.user" in broken_modules(report)


COMPAT_BOTH = """
import sys

if sys.version_info[0] == 2:
    def implements_to_string(cls):
        cls.__unicode__ = cls.__str__
        cls.__str__ = lambda x: x.__unicode__().encode("utf-8")
        return cls
else:
    implements_to_string = lambda x: x
"""
MIXIN_NO_INIT = """
from pkg.compat import implements_to_string


@implements_to_string
class StringlikeMixin(object):
    def upper(self):
        return self.__class__(self.text.upper())
"""


def test_a_name_bound_to_either_of_two_such_decorators_breaks_nothing(tmp_path: Path) -> None:
    # textblob's own shape: a ``def`` on Python 2, a lambda on 3; a mixin without ``__init__``
    base = {"pkg/__init__.py": "", "pkg/compat.py": COMPAT_BOTH, "pkg/mixins.py": MIXIN_NO_INIT}
    head = {**base, "pkg/mixins.py": MIXIN_NO_INIT.replace(
        "from pkg.compat import implements_to_string\n\n\n@implements_to_string\n", "")}
    assert broken_modules(impact_between(base, head, tmp_path)) == set()


def test_a_decorator_setting_the_init_it_gives_back_is_judged_by_the_init(
        tmp_path: Path) -> None:
    compat = ("def implements_to_string(cls):\n    def __init__(self, text, strict=False):\n"
              "        self.text = text\n    cls.__init__ = __init__\n    return cls\n")
    user = "from pkg.mixins import StringlikeMixin\n\n\ndef make():\n" \
           "    return StringlikeMixin('a', True)\n"
    base = {"pkg/__init__.py": "", "pkg/compat.py": compat, "pkg/mixins.py": MIXINS,
            "pkg/user.py": user}
    report = impact_between(base, {**base, "pkg/mixins.py": MIXINS_NOW}, tmp_path)
    assert "pkg.user" in broken_modules(report)
