"""A property that lost its ``@x.setter``: reading it runs the getter as before, and only an
assignment to it fails. (simple-parsing 0.1.0 dropped ``default.setter`` from its field and
dataclass wrappers; the code reading ``wrapper.default`` was judged broken.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

WRAPPER = """
class FieldWrapper:
    def __init__(self, default=None):
        self._default = default

    @property
    def default(self):
        return self._default

    @default.setter
    def default(self, value):
        self._default = value
"""
WRAPPER_NOW = """
class FieldWrapper:
    def __init__(self, default=None):
        self._default = default

    @property
    def default(self):
        return self._default
"""


def _broken(tmp_path: Path, user: str) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/w.py": WRAPPER, "pkg/user.py": user}
    return broken_modules(impact_between(base, {**base, "pkg/w.py": WRAPPER_NOW}, tmp_path))


def test_code_reading_the_property_is_not_broken(tmp_path: Path) -> None:
    user = ("from pkg.w import FieldWrapper\n\n\ndef options(wrapper: FieldWrapper):\n"
            "    return {'default': wrapper.default}\n\n\n"
            "def make():\n    return options(FieldWrapper(1))\n")
    assert _broken(tmp_path, user) == set()


@pytest.mark.parametrize("store", [
    "    wrapper.default = 2\n",
    "    setattr(wrapper, 'default', 2)\n",
])
def test_code_assigning_the_property_breaks(store: str, tmp_path: Path) -> None:
    user = ("from pkg.w import FieldWrapper\n\n\ndef reset():\n    wrapper = FieldWrapper(1)\n"
            + store + "    return wrapper.default\n")
    assert _broken(tmp_path, user) == {"pkg.user"}
