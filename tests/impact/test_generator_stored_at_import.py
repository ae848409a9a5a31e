"""A generator function's call stored on an attribute does not run its body at import time.

plac 1.4 took ``Interpreter`` away (commented out, with ``runp``); ``BaseTask._wrap``, a
generator, still names ``Interpreter.Exit`` in an ``except`` clause. ``BaseTask.__init__``
does ``self._genobj = self._wrap(genobj)`` and the module makes a task at import time
(``nulltask = BaseTask(...)``). The climb from the broken ``_wrap`` to module code took that
call for one running it, so ``plac_ext`` broke at import time, and with it ``plac`` and
every example importing it (40 modules, 25 of them through this chain alone).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
class Interpreter:
    class Exit(Exception):
        pass


class Task:
    def __init__(self, items):
        self._gen = self._wrap(items)

    def _wrap(self, items):
        try:
            for item in items:
                yield item
        except Interpreter.Exit:
            raise

    def run(self):
        return list(self._gen)


nulltask = Task(())
'''
NEW = OLD.replace('''class Interpreter:
    class Exit(Exception):
        pass


''', "")
USER = "import lib\n\n\ndef main():\n    return lib.nulltask\n"


def _broken(tmp_path: Path, old: str, new: str) -> set[str]:
    report = impact_between({"lib.py": old, "user.py": USER}, {"lib.py": new, "user.py": USER},
                            tmp_path)
    return broken_modules(report)


def test_a_generator_stored_at_import_breaks_no_importer(tmp_path: Path) -> None:
    # ``lib`` itself stays broken: ``_wrap`` names the gone class, and fails when iterated
    assert _broken(tmp_path, OLD, NEW) == {"lib"}


def test_a_generator_iterated_where_it_is_made_still_breaks_importers(tmp_path: Path) -> None:
    made = "self._gen = self._wrap(items)"
    listed = "self._gen = list(self._wrap(items))"
    assert "user" in _broken(tmp_path, OLD.replace(made, listed), NEW.replace(made, listed))


def test_a_generator_looped_over_where_it_is_made_still_breaks_importers(
        tmp_path: Path) -> None:
    made = "self._gen = self._wrap(items)"
    looped = "self._gen = [item for item in self._wrap(items)]"
    assert "user" in _broken(tmp_path, OLD.replace(made, looped), NEW.replace(made, looped))


def test_a_plain_function_called_at_import_still_breaks_importers(tmp_path: Path) -> None:
    def plain(text: str) -> str:
        return text.replace("                yield item\n", "                pass\n")
    assert "user" in _broken(tmp_path, plain(OLD), plain(NEW))
