"""A decorator factory of ours whose decorator returns the function it is given.

discord.py 2.0 put ``@copy_doc(Client.close)`` on ``BotBase.close``: ``copy_doc(original)``
returns ``decorator(overridden)``, which copies the docstring and returns ``overridden``.
``close`` is the method itself, and its callers (``Client.__aexit__``, ``connect``) were
judged broken by a ``decorator-changed``.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UTILS = '''\
def copy_doc(original):
    def decorator(overridden):
        overridden.__doc__ = original.__doc__
        return overridden

    return decorator


def wrapping_doc(original):
    def decorator(overridden):
        def run(self):
            return overridden(self, None)
        return run

    return decorator
'''
BOT = '''\
from proj.utils import copy_doc, wrapping_doc


class Client:
    def close(self, reason=None):
        return reason


class Bot(Client):
{decorator}    def close(self, reason=None):
        return reason
'''
USER = "from proj.bot import Bot\n\n\ndef stop(bot: Bot):\n    return bot.close(reason='x')\n"


def _broken(tmp_path: Path, decorator: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/utils.py": UTILS, "proj/user.py": USER,
            "proj/bot.py": BOT.format(decorator="")}
    head = {**base, "proj/bot.py": BOT.format(decorator=f"    @{decorator}(Client.close)\n")}
    report = impact_between(base, head, tmp_path)
    assert ("proj.bot:Bot.close", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    return broken_modules(report)


def test_a_factory_whose_decorator_gives_the_function_back_breaks_no_call(
        tmp_path: Path) -> None:
    assert _broken(tmp_path, "copy_doc") == set()


def test_a_factory_whose_decorator_makes_a_wrapper_still_breaks(tmp_path: Path) -> None:
    # ``run(self)`` takes no ``reason``
    assert _broken(tmp_path, "wrapping_doc") == {"proj.user"}
