"""A class a module imported and now defines was, before, the class it imported.

tatsu 5.9 moved ``EBNFBuffer`` from ``tatsu.grammars`` into ``tatsu.parser``, which imported
it before, and traded its base ``EBNFBootstrapBuffer`` (which gave ``__init__`` alone, that
``EBNFBuffer`` overrides) for that class's own base ``Buffer``. ``base-removed`` was judged
on ``tatsu.parser:EBNFBuffer``, which the base revision does not define: the names it lost
were not known, and the tests subclassing it broke (3 modules).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD_A = '''\
class Root:
    def read(self):
        return 1


class Middle(Root):
    def __init__(self, text):
        self.text = text


class Buffer(Middle):
    def __init__(self, text):
        self.text = text.strip()
'''
OLD_B = "from lib.a import Buffer\n"
NEW_A = '''\
class Root:
    def read(self):
        return 1
'''
NEW_B = '''\
from lib.a import Root


class Buffer(Root):
    def __init__(self, text):
        self.text = text.strip()
'''
USER = '''\
from lib.b import Buffer


class Mock(Buffer):
    def more(self):
        return self.read()


def use():
    return Mock("x").more()
'''


def _broken(tmp_path: Path, old_a: str, user: str = USER) -> set[str]:
    old = {"lib/__init__.py": "", "lib/a.py": old_a, "lib/b.py": OLD_B, "user.py": user}
    new = {"lib/__init__.py": "", "lib/a.py": NEW_A, "lib/b.py": NEW_B, "user.py": user}
    return broken_modules(impact_between(old, new, tmp_path))


def test_a_base_that_gave_nothing_kept_breaks_no_subclass(tmp_path: Path) -> None:
    assert "user" not in _broken(tmp_path, OLD_A)


def test_a_name_the_lost_base_gave_still_breaks_its_users(tmp_path: Path) -> None:
    old_a = OLD_A.replace("        self.text = text\n",
                          "        self.text = text\n\n    def extra(self):\n        return 2\n")
    user = USER.replace("return self.read()", "return self.extra()")
    assert "user" in _broken(tmp_path, old_a, user)
