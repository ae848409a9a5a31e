"""A method made sync that returns an awaitable object of ours: awaiting its result still
works.

aiogram 3.0 made ``Message.answer`` (and ``reply``, ``send_copy``) a plain ``def`` returning
a ``SendMessage``, a ``TelegramMethod`` whose ``__await__`` sends it. ``await
message.answer(...)``, in every example and handler, was judged broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

BASE = '''\
class Message:
    def __init__(self, bot):
        self.bot = bot

    async def answer(self, text):
        return await self.bot.send(text)
'''
METHODS = '''\
class TelegramMethod:
    def __init__(self, bot, text):
        self.bot = bot
        self.text = text

    {await_}


class SendMessage(TelegramMethod):
    pass
'''
HEAD = '''\
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from proj.methods import SendMessage


class Message:
    def __init__(self, bot):
        self.bot = bot

    def answer(self, text) -> {returns}:
        from proj.methods import SendMessage

        return SendMessage(self.bot, text)
'''
USER = '''\
from proj.message import Message


async def reply(message: Message):
    await message.answer("hi")
'''
AWAIT = "def __await__(self):\n        return self.bot.send(self.text).__await__()"


def _broken(tmp_path: Path, returns: str = "SendMessage", await_: str = AWAIT) -> set[str]:
    base = {"proj/__init__.py": "", "proj/message.py": BASE, "proj/user.py": USER,
            "proj/methods.py": METHODS.format(await_=await_)}
    head = {**base, "proj/message.py": HEAD.format(returns=returns)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_awaiting_what_the_method_now_returns_still_works(tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_returned_class_with_no_await_still_breaks(tmp_path: Path) -> None:
    assert _broken(tmp_path, await_="def send(self):\n        return self.text") \
        == {"proj.user"}


def test_a_method_returning_what_is_not_awaitable_still_breaks(tmp_path: Path) -> None:
    assert _broken(tmp_path, returns="str") == {"proj.user"}
