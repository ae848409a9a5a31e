"""A class lost its base, and with it members no code of the head spells any more.

redis 5.0 dropped ``AbstractRedis`` from ``Redis``'s bases; it held ``RESPONSE_CALLBACKS``,
a dict of lambdas, read once by ``Redis.__init__`` (``self.__class__.RESPONSE_CALLBACKS``),
which now reads a module-level table. ``Pipeline(Redis)`` hands ``self`` over, so what it
lost was taken to be readable by whatever it was handed to: ``redis.client`` broke at import
time, and every module importing ``redis`` (105). ``self`` goes to a method of ours, and code
of ours that still spelled the name would read it; none does. The lambdas in the dict were
counted as members too.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
class Abstract:
    CALLBACKS = {"get": lambda r: r, "set": lambda r: bool(r)}


class Client(Abstract):
    def __init__(self):
        self.callbacks = dict(self.__class__.CALLBACKS)

    def run(self, name):
        return self.callbacks[name](name)


def pipe_of(client):
    return client.callbacks
'''
NEW = '''\
CALLBACKS = {"get": lambda r: r, "set": lambda r: bool(r)}


class Client:
    def __init__(self):
        self.callbacks = dict(CALLBACKS)

    def run(self, name):
        return self.callbacks[name](name)


def pipe_of(client):
    return client.callbacks
'''
USER = '''\
from lib import Client, pipe_of


class Pipeline(Client):
    def go(self):
        return pipe_of(self)
'''


def _broken(tmp_path: Path, new: str = NEW, user: str = USER) -> set[str]:
    report = impact_between({"lib.py": OLD, "user.py": user}, {"lib.py": new, "user.py": user},
                            tmp_path)
    return broken_modules(report)


def test_a_subclass_handing_self_to_code_that_spells_none_of_it_breaks_nothing(
        tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_subclass_reading_the_member_still_breaks(tmp_path: Path) -> None:
    user = USER + "\n    def table(self):\n        return self.CALLBACKS\n"
    assert "user" in _broken(tmp_path, user=user)


def test_code_of_ours_still_spelling_the_member_breaks_the_subclass_handing_self(
        tmp_path: Path) -> None:
    new = NEW.replace("    return client.callbacks", "    return client.CALLBACKS")
    assert "user" in _broken(tmp_path, new=new)


def test_a_subclass_handing_self_to_outside_code_still_breaks(tmp_path: Path) -> None:
    # what ``copy.copy`` does with the instance is not read here
    user = "import copy\n\n" + USER + "\n    def clone(self):\n        return copy.copy(self)\n"
    assert "user" in _broken(tmp_path, user=user)
