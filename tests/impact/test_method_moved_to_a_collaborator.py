"""A method removed from a class, and the head's code calling a method of that name on an
object the head's link knows to be of another, unrelated class of ours.

gspread 6.0 removed ``Client.request``: ``Client``'s methods now call
``self.http_client.request(...)``, ``http_client`` an ``HTTPClient`` made in ``__init__``.
The head links each of those calls to ``HTTPClient.request`` alone, on an ``HTTPClient``
itself; the calls were taken as possible uses of the removed method, the receiver not being
followed, and 11 methods were judged broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

HTTP = '''\
class HTTPClient:
    def request(self, method, url):
        return (method, url)
'''
BASE = '''\
class Client:
    def request(self, method, url):
        return (method, url)

    def create(self, title):
        return self.request("post", title)
'''
HEAD = '''\
from proj.http import HTTPClient


class Client:
    def __init__(self):
        self.http_client = HTTPClient()

    def create(self, title):
        return {call}
'''
USER = "from proj.client import Client\n\n\ndef make():\n    return Client().create('t')\n"


def _broken(tmp_path: Path, call: str, files: dict[str, str] | None = None) -> set[str]:
    base = {"proj/__init__.py": "", "proj/http.py": HTTP, "proj/client.py": BASE,
            "proj/user.py": USER, **(files or {})}
    head = {**base, "proj/client.py": HEAD.format(call=call)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_call_linked_to_another_classes_method_uses_nothing_removed(tmp_path: Path) -> None:
    assert _broken(tmp_path, 'self.http_client.request("post", title)') == set()


def test_a_call_on_self_still_uses_the_removed_method(tmp_path: Path) -> None:
    assert _broken(tmp_path, 'self.request("post", title)') == {"proj.client"}


def test_a_call_on_a_value_that_may_be_the_class_itself_still_uses_it(
        tmp_path: Path) -> None:
    # ``http_client`` may be the ``Client`` itself, which has no ``request`` now
    head = HEAD.format(call='self.http_client.request("post", title)').replace(
        "    def __init__(self):\n        self.http_client = HTTPClient()",
        "    def __init__(self, http_client=None):\n"
        "        self.http_client = http_client if http_client is not None else self")
    base = {"proj/__init__.py": "", "proj/http.py": HTTP, "proj/client.py": BASE,
            "proj/user.py": USER.replace("Client()", "Client(HTTPClient())").replace(
                "from proj.client import Client", "from proj.client import Client\n"
                "from proj.http import HTTPClient")}
    assert "proj.client" in broken_modules(
        impact_between(base, {**base, "proj/client.py": head}, tmp_path))
