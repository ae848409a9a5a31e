"""A class that drops ``abc.ABC`` for ``object`` loses the names ``ABCMeta`` gives a class
(``register`` and its private helpers), known one by one: not "every name".

python-telegram-bot 20.0 made ``BaseFilter(ABC)`` a plain class with ``__slots__``.
``telegram.ext.filters`` derives its filters from it and makes instances at import time; the
lost names were taken as not known, so the module broke at import, and every module importing
it (34 modules).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

FILTERS = '''\
{imports}

class BaseFilter({base}):
    __slots__ = ()

    def check_update(self, update):
        return True


class MessageFilter(BaseFilter):
    __slots__ = ()

    def check_update(self, update):
        return self.filter(update)

    def filter(self, message):
        return bool(message)


ALL = MessageFilter()
'''
USER = '''\
from proj.filters import ALL, BaseFilter


def run(update):
    return ALL.check_update(update){extra}
'''


def _broken(tmp_path: Path, extra: str = "") -> set[str]:
    base = {"proj/__init__.py": "",
            "proj/filters.py": FILTERS.format(imports="from abc import ABC\n", base="ABC"),
            "proj/user.py": USER.format(extra=extra)}
    head = {**base, "proj/filters.py": FILTERS.format(imports="", base="")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_subclasses_and_instances_using_no_name_of_abcmeta_break_nothing(
        tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_class_registered_as_a_virtual_subclass_still_breaks(tmp_path: Path) -> None:
    # ``register`` came from ``ABCMeta``
    assert _broken(tmp_path, "\n\n\nBaseFilter.register(int)\n") == {"proj.user"}


def test_a_subclass_registering_a_virtual_subclass_still_breaks(tmp_path: Path) -> None:
    # ``MessageFilter`` lost ``register`` with its base's base
    assert _broken(tmp_path, "\n\n\ndef keep():\n    from proj.filters import MessageFilter\n"
                             "    MessageFilter.register(int)\n") == {"proj.user"}


def _dropped(tmp_path: Path, files: dict[str, str], filters: str = FILTERS) -> set[str]:
    """The modules broken when ``filters`` drops ``ABC``, beside the other ``files``."""
    base = {"proj/__init__.py": "", **files,
            "proj/filters.py": filters.format(imports="from abc import ABC\n", base="ABC")}
    head = {**base, "proj/filters.py": filters.format(imports="", base="")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_module_code_registering_on_a_subclass_breaks_its_importers_too(
        tmp_path: Path) -> None:
    assert _dropped(tmp_path, {
        "proj/plugin.py": "from proj import filters\n\nfilters.MessageFilter.register(int)\n",
        "proj/app.py": "import proj.plugin\n\n\ndef run():\n    return proj.plugin\n",
    }) == {"proj.plugin", "proj.app"}


def test_a_subclass_answering_the_name_itself_breaks_nothing(tmp_path: Path) -> None:
    filters = FILTERS + '''

class Registry(MessageFilter):
    @classmethod
    def register(cls, other):
        return other
'''
    assert _dropped(tmp_path, {
        "proj/user.py": "from proj.filters import Registry\n\n\ndef run():\n"
                        "    Registry.register(int)\n    Registry().register(int)\n",
    }, filters) == set()


def test_a_name_of_abcmeta_read_off_an_instance_was_never_there(tmp_path: Path) -> None:
    assert _dropped(tmp_path, {
        "proj/user.py": "from proj.filters import MessageFilter\n\n\ndef run(x):\n"
                        "    MessageFilter().register(x)\n",
    }) == set()
