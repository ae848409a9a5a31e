"""A mixin's method moved to a sibling base that every class using the mixin also derives
from: the mixin's own ``self.method(...)`` runs on one of those classes, which answer it.
disnake 2.10 moved ``CommonBotBase.add_listener`` to ``Client``; ``CommonBotBase``'s calls
of ``self.add_listener`` were judged broken. The method gone for good, a subclass left
without it, a mixin some code makes itself, or a call on another value keeps it broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

BOT = '''\
class Client:
    def run(self):
        return 1
{client}

class CommonBotBase:
    def setup(self, other):
        {call}
{mixin}

class Bot(CommonBotBase, Client):
    pass


class {last}(CommonBotBase{last_bases}):
    pass
'''
METHOD = '''
    def add_listener(self, func):
        return func
'''
USER = ("from pkg.bot import Bot\n\n\ndef start():\n    bot = Bot()\n    bot.setup(bot)\n"
        "    return bot\n")
SELF_CALL = "self.add_listener(print)"


def _bot(moved: bool, call: str = SELF_CALL, last_bases: str = ", Client") -> tuple[str, str]:
    fields = {"call": call, "last": "AutoShardedBot", "last_bases": last_bases}
    return (BOT.format(client="", mixin=METHOD, **fields),
            BOT.format(client=METHOD if moved else "", mixin="", **fields))


@pytest.mark.parametrize(("old_new", "user", "broken"), [
    (_bot(moved=True), USER, set()),
    (_bot(moved=False), USER, {"pkg.bot"}),
    (_bot(moved=True, last_bases=""), USER, {"pkg.bot"}),
    (_bot(moved=True, call="other.add_listener(print)"), USER, {"pkg.bot"}),
    (_bot(moved=True), USER + "\n\ndef bare():\n    from pkg.bot import CommonBotBase\n"
     "    return CommonBotBase()\n", {"pkg.bot"}),
], ids=["moved to a sibling base", "gone", "a subclass without it", "called on another value",
        "the mixin made itself"])
def test_a_mixin_method_moved_to_a_sibling_base(
        tmp_path: Path, old_new: tuple[str, str], user: str, broken: set[str]) -> None:
    old, new = old_new
    base = {"pkg/__init__.py": "", "pkg/user.py": user, "pkg/bot.py": old}
    report = impact_between(base, {**base, "pkg/bot.py": new}, tmp_path)
    assert ("pkg.bot:CommonBotBase.add_listener", "symbol-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == broken
