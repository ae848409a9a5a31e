"""An instance of a class that lost names with its base, stored on an attribute, whose holder
then sets an attribute on it (``self.stdout.style_func = ...``): Python looks the name up on
the class (a property's setter runs) and calls ``__setattr__``, no other name. Such a set
breaks nothing unless one of those two is lost. Nor does registering the class with a
standard abstract class (``TextIOBase.register(OutputWrapper)``) use any of its names.

Django 5.1.4 -> 5.2.8 made ``OutputWrapper(TextIOBase)`` a plain class registered with
``TextIOBase`` (it lost ``__iter__``, ``__next__``, ``__enter__``, ``__exit__``);
``BaseCommand.__init__`` stores its wrappers on ``self.stdout`` and ``self.stderr`` and sets
``self.stderr.style_func``, a property of ``OutputWrapper``: ``django.core.management.base``
was judged broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

WRAPPER = """\
from io import TextIOBase


class OutputWrapper({bases}):
    def __init__(self, out):
        self._out = out

    @property
    def ending(self):
        return "\\n"

    @ending.setter
    def ending(self, value):
        pass

    def write(self, msg):
        self._out.write(msg)
{after}"""

COMMAND = """\
import sys

from wrapper import OutputWrapper


class BaseCommand:
    def __init__(self, stdout=None, stderr=None):
        self.stdout = OutputWrapper(stdout or sys.stdout)
        self.stderr = OutputWrapper(stderr or sys.stderr)
{body}
    def run(self):
        self.stdout.write("done")
"""


REGISTER = "\n\nTextIOBase.register(OutputWrapper)\n"


def _broken(tmp_path: Path, body: str, after: str = REGISTER) -> set[str]:
    command = COMMAND.format(body=body)
    base = {"command.py": command, "wrapper.py": WRAPPER.format(bases="TextIOBase", after="")}
    head = {"command.py": command, "wrapper.py": WRAPPER.format(bases="", after=after)}
    report = impact_between(base, head, tmp_path)
    assert "base-removed" in {c["kind"] for c in report["changes"]}
    return broken_modules(report)


@pytest.mark.parametrize("body", [
    "        self.stderr.ending = ''\n",
    "        self.stderr.ending = ''\n        self.stdout.ending = '!'\n",
])
def test_setting_a_kept_property_breaks_nothing(body: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, body) == set()


@pytest.mark.parametrize("body", [
    # a lost name read beside the set
    "        self.stderr.ending = ''\n        iter(self.stderr)\n",
    "        self.stderr.ending = ''\n        for line in self.stdout:\n            pass\n",
    # handed to outside code
    "        self.stderr.ending = ''\n        list(self.stderr)\n",
])
def test_a_lost_name_beside_the_set_still_breaks(body: str, tmp_path: Path) -> None:
    assert "command" in _broken(tmp_path, body)



# The module registering the class with the abstract class it no longer derives from:
# ``ABCMeta.register`` reads none of the class's names and makes no instance.
@pytest.mark.parametrize("after", [
    REGISTER,
    "\n\nTextIOBase.register(OutputWrapper)\nfor line in OutputWrapper(None):\n    pass\n",
    "\n\nHANDLERS = [OutputWrapper]\n",
    "\n\nimport atexit\n\natexit.register(OutputWrapper)\n",
])
def test_registering_the_class_with_an_abstract_class(after: str, tmp_path: Path) -> None:
    broken = _broken(tmp_path, "", after)
    assert broken == set() if after == REGISTER else "wrapper" in broken
