"""A class of a renamed module that lost a base: the names it took away are read from the class
as the old module defined it.

python-engineio 4.8 renamed ``asyncio_client`` to ``async_client`` (``asyncio_server``,
``asyncio_socket`` likewise), and ``AsyncClient(client.Client)`` became
``AsyncClient(base_client.BaseClient)``, a base ``Client`` derives from too. The old class was
looked up under the new module's name, not found, and the names lost were taken as not known
one by one: every module making a client was broken (4 modules; 5 more in python-socketio).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

CLIENT = '''\
class Client:
    def connect(self, url):
        return url

    def send(self, data):
        return data
{extra}
'''
BASE_CLIENT = '''\
class BaseClient:
    def connect(self, url):
        return url

    def send(self, data):
        return data
'''
ASYNC = '''\
from proj import {module}


class AsyncClient({module}.{base}):
    async def connect(self, url):
        return url

    async def receive(self):
        return None

    async def close(self):
        return None
'''
USER = "from proj.{module} import AsyncClient\n\n\ndef make():\n    c = AsyncClient()\n{use}"


def _pair(extra: str, use: str) -> tuple[dict[str, str | None], dict[str, str | None]]:
    base: dict[str, str | None] = {
        "proj/__init__.py": "", "proj/client.py": CLIENT.format(extra=extra),
        "proj/asyncio_client.py": ASYNC.format(module="client", base="Client"),
        "proj/user.py": USER.format(module="asyncio_client", use=use)}
    head = {"proj/__init__.py": "", "proj/base_client.py": BASE_CLIENT,
            "proj/client.py": "from proj.base_client import BaseClient\n\n\n"
                              "class Client(BaseClient):\n    pass\n",
            "proj/asyncio_client.py": None,
            "proj/async_client.py": ASYNC.format(module="base_client", base="BaseClient"),
            "proj/user.py": USER.format(module="async_client", use=use)}
    return base, head


def test_a_base_traded_for_its_own_base_takes_nothing_away(tmp_path: Path) -> None:
    base, head = _pair("", "    return c.send(1)\n")
    report = impact_between(base, head, tmp_path)
    kinds = {(c["symbol"], c["kind"]) for c in report["changes"]}
    assert ("proj.asyncio_client", "module-renamed") in kinds
    assert ("proj.async_client:AsyncClient", "base-removed") in kinds
    assert broken_modules(report) == set()


def test_a_name_the_old_base_gave_and_the_new_lacks_still_breaks(tmp_path: Path) -> None:
    extra = "\n    def ping(self):\n        return 1\n"
    base, head = _pair(extra, "    return c.ping()\n")
    assert broken_modules(impact_between(base, head, tmp_path)) == {"proj.user"}
