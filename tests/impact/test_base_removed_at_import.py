"""A base removed breaks the import of a module only when its import-time code uses a name
the class lost with it.

aiogram 3.0 took ``ContextInstanceMixin`` (``get_current``, ``set_current``) from
``TelegramObject``. ``aiogram.types.update`` defines ``Update(TelegramObject)``, whose methods
hand ``self`` to functions of ours; code elsewhere still spells ``get_current`` (on ``Bot``).
So ``Update``'s code may reach a lost name when it runs, and its module is judged broken.
But the class statement runs none of it: importing the module works. Its importers had been
called broken at import time too, 536 modules in all.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

MIXINS = '''\
class ContextInstanceMixin:
    @classmethod
    def get_current(cls):
        return getattr(cls, "_current", None)

    @classmethod
    def set_current(cls, value):
        cls._current = value
'''
BASE = '''\
from .mixins import ContextInstanceMixin


class TelegramObject(ContextInstanceMixin):
    def to_python(self):
        return {}
'''
UPDATE = '''\
from .base import TelegramObject


class Update(TelegramObject):
    def handle(self):
        return process(self)


def process(obj):
    return obj.to_python()
'''
DISPATCHER = '''\
from .update import Update


def feed():
    return Update().handle()
'''
BOT = '''\
from .mixins import ContextInstanceMixin


class Bot(ContextInstanceMixin):
    pass


def current_bot():
    return Bot.get_current()
'''


def _broken(tmp_path: Path, update: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/mixins.py": MIXINS, "proj/base.py": BASE,
            "proj/update.py": update, "proj/dispatcher.py": DISPATCHER, "proj/bot.py": BOT}
    head = {**base, "proj/base.py": BASE.replace("(ContextInstanceMixin)", "").replace(
        "from .mixins import ContextInstanceMixin\n", "")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_subclass_statement_alone_does_not_break_importers(tmp_path: Path) -> None:
    assert _broken(tmp_path, UPDATE) == {"proj.update"}


def test_import_time_code_using_a_lost_name_breaks_importers(tmp_path: Path) -> None:
    update = UPDATE + "\n\nCURRENT = Update.get_current()\n"
    assert _broken(tmp_path, update) == {"proj.update", "proj.dispatcher"}


def test_a_class_body_using_a_lost_name_breaks_importers(tmp_path: Path) -> None:
    update = UPDATE.replace("    def handle(self):",
                            "    current = TelegramObject.get_current\n\n    def handle(self):")
    assert _broken(tmp_path, update) == {"proj.update", "proj.dispatcher"}
