"""A standard-library base traded for a standard subclass of it takes no name away.

coverage 7.0 made ``HandyConfigParser(configparser.RawConfigParser)`` derive from
``configparser.ConfigParser``, a subclass of ``RawConfigParser``. The names the class lost
were taken as not known, and every module making one was judged broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

CONFIG = '''\
import configparser


class HandyConfigParser({base}):
    def __init__(self, our_file):
        super().__init__()
        self.our_file = our_file
'''
USER = '''\
from proj.config import HandyConfigParser


def load(path):
    parser = HandyConfigParser(True)
    parser.read(path)
    return parser.sections()
'''


def _broken(tmp_path: Path, head_base: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/user.py": USER,
            "proj/config.py": CONFIG.format(base="configparser.RawConfigParser")}
    head = {**base, "proj/config.py": CONFIG.format(base=head_base)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_standard_subclass_of_the_removed_base_keeps_every_name(tmp_path: Path) -> None:
    assert _broken(tmp_path, "configparser.ConfigParser") == set()


def test_a_standard_class_that_is_no_subclass_of_it_still_breaks(tmp_path: Path) -> None:
    # ``dict`` has no ``read`` nor ``sections``
    assert _broken(tmp_path, "dict") == {"proj.user"}
