"""A removed method whose name a caller now calls on a parameter annotated with another,
unrelated class of ours: the call runs that class's method. (masonite 4.0 moved ``redirect``
and ``with_errors`` from ``Request`` to ``Response``; its controllers' ``store(self, request:
Request, response: Response)`` call ``response.redirect(...)`` now, and were judged broken:
the linker gives an annotated parameter no exact receiver, since a subclass may be passed.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

REQUEST = "class Request:\n    def redirect(self, url):\n        return url\n"
REQUEST_NOW = "class Request:\n    def input(self, name):\n        return name\n"
RESPONSE = "class Response:\n    def redirect(self, name):\n        return name\n"
CALLER = ("from pkg.request import Request\n\n\nclass Login:\n"
          "    def store(self, request: Request):\n        return request.redirect('/home')\n")


def _broken(tmp_path: Path, caller: str, extra: dict[str, str] | None = None) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/request.py": REQUEST, "pkg/ctl.py": CALLER}
    head = {**base, "pkg/request.py": REQUEST_NOW, "pkg/response.py": RESPONSE,
            "pkg/ctl.py": caller, **(extra or {})}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_call_on_a_parameter_annotated_with_another_class_is_not_broken(
        tmp_path: Path) -> None:
    caller = ("from pkg.request import Request\nfrom pkg.response import Response as Resp\n\n\n"
              "class Login:\n    def store(self, request: Request, response: Resp):\n"
              "        return response.redirect('/home')\n")
    assert _broken(tmp_path, caller) == set()


@pytest.mark.parametrize("caller, extra", [
    # still called on the request
    (CALLER, None),
    # one call on the response, one still on the request
    ("from pkg.request import Request\nfrom pkg.response import Response\n\n\nclass Login:\n"
     "    def store(self, request: Request, response: Response):\n"
     "        response.redirect('/home')\n        return request.redirect('/home')\n", None),
])
def test_a_call_the_removed_method_may_still_answer_breaks(
        caller: str, extra: dict[str, str] | None, tmp_path: Path) -> None:
    assert _broken(tmp_path, caller, extra) == {"pkg.ctl"}
