"""A class that lost a base, used through a subclass of ours that gives the lost names itself,
before it in its MRO: the subclass statement and the code making the subclass lost nothing.
(emmett 2.5 replaced ``Request``'s base ``ScopeWrapper`` with ``IngressWrapper`` and moved
``__init__(scope, receive, send)`` into ``ASGIIngressMixin``, which its asgi ``Request(
ASGIIngressMixin, _Request)`` puts first; the asgi and rsgi wrappers, the testing client and the
tests making the asgi ``Request`` were judged broken, a module new in the head among them.)"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

WRAPPERS = """
class ScopeWrapper:
    def __init__(self, scope, receive, send):
        self._scope = scope
        self.path = scope["path"]

    @property
    def host(self):
        return self._scope["host"]


class Request(ScopeWrapper):
    pass
"""
WRAPPERS_NOW = """
class IngressWrapper:
    @property
    def host(self):
        return self._scope["host"]


class Request(IngressWrapper):
    pass
"""
ASGI = """
from pkg.wrappers import Request as _Request


class ASGIIngressMixin:
    def __init__(self, scope, receive, send):
        self._scope = scope
        self.path = scope["path"]


class Request(ASGIIngressMixin, _Request):
    def __init__(self, scope, receive, send, max_content_length=None):
        super().__init__(scope, receive, send)
        self.max_content_length = max_content_length
"""
HELPERS = ("from pkg.wrappers import Request\n\n\ndef fake(scope):\n"
           "    return Request(scope, None, None)\n")
HELPERS_NOW = HELPERS.replace("pkg.wrappers", "pkg.asgi")


def _report(tmp_path: Path, head_extra: dict[str, str]) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/wrappers.py": WRAPPERS, "pkg/helpers.py": HELPERS}
    head = {**base, "pkg/wrappers.py": WRAPPERS_NOW, "pkg/asgi.py": ASGI,
            "pkg/helpers.py": HELPERS_NOW, **head_extra}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_subclass_giving_the_lost_names_first_and_its_users_lost_nothing(
        tmp_path: Path) -> None:
    assert _report(tmp_path, {}) == set()


def test_a_subclass_lacking_a_lost_name_and_a_user_of_the_class_itself_break(
        tmp_path: Path) -> None:
    bare = ("from pkg.wrappers import Request\n\n\nclass Bare(Request):\n"
            "    def where(self):\n        return self.path\n")
    direct = "from pkg.wrappers import Request\n\n\ndef make(scope):\n" \
             "    return Request(scope, None, None)\n"
    assert _report(tmp_path, {"pkg/bare.py": bare, "pkg/direct.py": direct}) == {
        "pkg.bare", "pkg.direct"}
