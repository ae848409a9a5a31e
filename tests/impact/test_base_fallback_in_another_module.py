"""A base imported from a module of ours that imports it with an ``except ImportError``
fallback is either class, as one imported so in the class's own module is.

httpretty 1.0 dropped Python 2: its ``compat`` went from ``try: from http.server import
BaseHTTPRequestHandler`` / ``except ImportError: from BaseHTTPServer import ...`` to the
``http.server`` import alone, and ``core.HTTPrettyRequest(BaseHTTPRequestHandler, ...)``
imports the name from ``compat``. Only the last import of the name was followed through
``compat``, so the base read ``BaseHTTPServer.BaseHTTPRequestHandler`` before and
``http.server.BaseHTTPRequestHandler`` after: ``base-removed``, with names not known one by
one, and every maker of a request broke (7 modules).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD_COMPAT = '''\
try:
    from http.server import BaseHTTPRequestHandler
except ImportError:
    from BaseHTTPServer import BaseHTTPRequestHandler
'''
NEW_COMPAT = "from http.server import BaseHTTPRequestHandler\n"
CORE = '''\
from .compat import BaseHTTPRequestHandler


class Request(BaseHTTPRequestHandler):
    def __init__(self, text):
        self.text = text
'''
USER = '''\
from proj.core import Request


def use():
    request = Request("x")
    return request.headers, request.send_error(404)
'''


def _report(tmp_path: Path, new_compat: str) -> dict:
    old = {"proj/__init__.py": "", "proj/compat.py": OLD_COMPAT, "proj/core.py": CORE,
           "proj/user.py": USER}
    new = dict(old, **{"proj/compat.py": new_compat,
                       "proj/core.py": CORE.replace("= text", "= text.strip()")})
    return impact_between(old, new, tmp_path)


def _kinds(report: dict) -> set[tuple[str, str]]:
    return {(c["symbol"], c["kind"]) for c in report["changes"]}


def test_the_fallback_dropped_in_the_imported_module_removes_no_base(tmp_path: Path) -> None:
    report = _report(tmp_path, NEW_COMPAT)
    assert ("proj.core:Request", "base-removed") not in _kinds(report)
    assert broken_modules(report) == set()


def test_a_base_traded_for_another_class_there_is_still_removed(tmp_path: Path) -> None:
    report = _report(tmp_path, "from socketserver import StreamRequestHandler as "
                               "BaseHTTPRequestHandler\n")
    assert ("proj.core:Request", "base-removed") in _kinds(report)
    assert "proj.user" in broken_modules(report)
