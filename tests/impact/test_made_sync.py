"""A method made sync (jupyter_client 8.0's ``ZMQSocketChannel.get_msg``, ``async def`` in
7.4, a plain ``def`` in 8.0, with a new ``AsyncZMQSocketChannel`` subclass overriding it
``async``): head code calling it without awaiting uses the plain value it now returns, and an
override the head adds for an async API of its own was written against the sync method."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from git_support import broken_modules, impact_between

BASE = """\
class Channel:
    async def _recv(self, **kwargs):
        return {}

    async def get_msg(self, timeout=None):
        return await self._recv()
"""

HEAD = """\
class Channel:
    def _recv(self, **kwargs):
        return {}

    def get_msg(self, timeout=None):
        return self._recv()


class AsyncChannel(Channel):
    async def _recv(self, **kwargs):  # type: ignore[override]
        return {}

    async def get_msg(self, timeout=None):  # type: ignore[override]
        return await self._recv()
"""

# head callers of the now-sync method: one plain, one still awaiting it
PLAIN = "from lib import Channel\n\n\ndef poll(c: Channel):\n    return c.get_msg(timeout=1)\n"
AWAITED = ("from lib import Channel\n\n\nasync def poll(c: Channel):\n"
           "    return await c.get_msg(timeout=1)\n")


def report_of(tmp_path: Path) -> dict[str, Any]:
    return impact_between({"lib.py": BASE, "plain.py": AWAITED, "awaited.py": AWAITED},
                          {"lib.py": HEAD, "plain.py": PLAIN}, tmp_path)


def test_a_method_made_sync_breaks_only_what_still_awaits_it(tmp_path: Path) -> None:
    report = report_of(tmp_path)
    assert ("lib:Channel.get_msg", "async-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert {"plain", "awaited"} <= {m["module"] for m in report["affected"]}
    # ``lib``: ``get_msg`` calls ``_recv`` unawaited, and ``AsyncChannel`` is new in the head
    assert broken_modules(report) == {"awaited"}


def test_an_override_kept_async_from_the_base_still_breaks(tmp_path: Path) -> None:
    # ``Sub.get_msg`` was written when the method was async, and is left so: a caller of
    # the sync method gets a coroutine from it
    sub = ("from lib import Channel\n\n\nclass Sub(Channel):\n"
           "    async def get_msg(self, timeout=None):\n        return {}\n")
    report = impact_between({"lib.py": BASE, "sub.py": sub}, {"lib.py": HEAD}, tmp_path)
    assert "sub" in broken_modules(report)


# what a head caller does with the value: stored in a container of its own, or handed on
STORED = ("from lib import Channel\n\n\ndef drain(c: Channel):\n    msgs = []\n"
          "    msgs.append(c.get_msg())\n    return msgs\n")
HANDED = ("import asyncio\n\nfrom lib import Channel\n\n\ndef drain(c: Channel):\n"
          "    return asyncio.run(c.get_msg())\n")
UNKNOWN = ("from lib import Channel\nfrom elsewhere import consume\n\n\n"
           "def drain(c: Channel):\n    return consume(c.get_msg())\n")


def test_a_value_stored_in_a_list_is_a_plain_use(tmp_path: Path) -> None:
    """jupyter_client 8.0's ``get_msgs``: ``msgs.append(self.get_msg())``, the method now
    sync. Appending the value it returns is using it plainly; handing it to ``asyncio.run``,
    or to a function nothing is known of, may await it."""
    report = impact_between(
        {"lib.py": BASE, "stored.py": AWAITED, "handed.py": AWAITED, "unknown.py": AWAITED},
        {"lib.py": HEAD, "stored.py": STORED, "handed.py": HANDED, "unknown.py": UNKNOWN},
        tmp_path)
    assert {"stored", "handed", "unknown"} <= {m["module"] for m in report["affected"]}
    assert broken_modules(report) == {"handed", "unknown"}
