"""A method's call on its own ``self`` is linked to every subclass's method of that name; a
subclass that overrides the calling method itself never runs it. django-ninja 1.7 made
``TestAsyncClient.request`` async and gave it ``async def get`` (``post``, ...) of its own:
``NinjaClientBase.get``'s ``self.request(...)`` was judged broken. A subclass that keeps the
calling method, or whose override hands on to it with ``super()``, keeps the call judged."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

LIB = '''\
class Client:
    def get(self, path):
        return self.request("GET", path)

    def request(self, method, path):
        return (method, path)


class AsyncClient(Client):
{body}
'''
REQUEST = '''    async def request(self, method, path):
        return (method, path)
'''
OWN_GET = '''
    async def get(self, path):
        return await self.request("GET", path)
'''
SUPER_GET = '''
    async def get(self, path):
        return await super().get(path)
'''
USER = "from pkg.lib import Client\n\n\ndef fetch(client: Client):\n    return client.get('/')\n"


@pytest.mark.parametrize(("body", "broken"), [
    # ``client.get('/')`` on an ``AsyncClient`` gives a coroutine now: ``user`` breaks
    (REQUEST + OWN_GET, {"pkg.user"}),
    (REQUEST, {"pkg.lib"}),
    (REQUEST + SUPER_GET, {"pkg.lib", "pkg.user"}),
], ids=["own get", "inherited get", "get handing on to super"])
def test_a_call_on_self_reaches_only_subclasses_running_the_method(
        tmp_path: Path, body: str, broken: set[str]) -> None:
    base = {"pkg/__init__.py": "", "pkg/user.py": USER, "pkg/lib.py": LIB.format(body="    pass")}
    report = impact_between(base, {**base, "pkg/lib.py": LIB.format(body=body)}, tmp_path)
    assert ("pkg.lib:AsyncClient.request", "async-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == broken
