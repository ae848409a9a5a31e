"""A generator-based coroutine made ``async def``: ``@asyncio.coroutine def f(): return
(yield from ...)`` and ``async def f(): return await ...`` are both coroutine functions, and a
call of either gives an awaitable that the event loop runs alike. aioresponses 0.7 made its
tests' ``request`` so, and the tests handing ``self.request(url)`` to ``run_until_complete``
through a helper of their own were judged broken by the ``now async`` and the decorator
that went. A plain generator made ``async def`` still breaks a caller that iterates it."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = '''\
import asyncio
{imports}


class Client:
    def __init__(self, session):
        self.session = session
        self.loop = asyncio.new_event_loop()

    def run(self, awaitable):
        return self.loop.run_until_complete(awaitable)

{body}
'''
USER = '''\
from lib import Client


def fetch(session, url):
    client = Client(session)
    return client.run(client.request(url))
'''


def _broken(tmp_path: Path, imports: str, before: str, after: str,
            user: str = USER) -> set[str]:
    base = {"lib.py": LIB.format(imports=imports, body=before), "user.py": user}
    head = {"lib.py": LIB.format(imports=imports, body=after), "user.py": user}
    return broken_modules(impact_between(base, head, tmp_path))


NATIVE = "    async def request(self, url):\n        return await self.session.get(url)\n"


def test_a_generator_based_coroutine_made_native_breaks_no_caller(tmp_path: Path) -> None:
    before = ("    @asyncio.coroutine\n    def request(self, url):\n"
              "        return (yield from self.session.get(url))\n")
    assert _broken(tmp_path, "", before, NATIVE) == set()


def test_types_coroutine_imported_by_name_counts_too(tmp_path: Path) -> None:
    before = ("    @coroutine\n    def request(self, url):\n"
              "        result = yield from self.session.get(url)\n        return result\n")
    assert _broken(tmp_path, "from types import coroutine", before, NATIVE) == set()


def test_a_plain_generator_made_native_still_breaks_a_caller_iterating_it(
        tmp_path: Path) -> None:
    before = "    def request(self, url):\n        yield from self.session.get(url)\n"
    user = USER.replace("return client.run(client.request(url))",
                        "return [part for part in client.request(url)]")
    assert _broken(tmp_path, "", before, NATIVE, user) == {"user"}


def test_another_decorator_of_the_name_still_counts(tmp_path: Path) -> None:
    # ``@coroutine`` of an outside package (a tornado-style one) is not asyncio's
    before = ("    @coroutine\n    def request(self, url):\n"
              "        return (yield from self.session.get(url))\n")
    assert _broken(tmp_path, "from tornado.gen import coroutine", before, NATIVE) == {"user"}
