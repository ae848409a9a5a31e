"""A decorator added whose wrapper takes ``self`` (or other leading positional parameters)
before ``*args, **kwargs`` and hands them all on as given: a call binds as one of the method.

fpdf2 2.7.6 renamed ``txt`` to ``text`` on ``FPDF.cell``, ``multi_cell`` and ``write`` and
added ``@support_deprecated_txt_arg`` below the ``@check_page`` they had, whose ``wrapper(self,
*args, **kwargs)`` calls ``fn(self, *args, **kwargs)``. The rule for a wrapper handing every
argument on read only ``wrapper(*args, **kwargs)``, and counted every decorator of the method,
the one kept as it was too: each head call (``text=...``) was judged broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

DECORATORS = '''\
import functools
import warnings


def check_page(fn):
    @functools.wraps(fn)
    def checked(self, w, **kwargs):
        return fn(self, w, **kwargs)
    return checked


def renamed_arg(fn):
    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        if "txt" in kwargs:
            warnings.warn("txt is text now")
            kwargs["text"] = kwargs.pop("txt")
        return {call}
    return wrapper
'''
BASE = DECORATORS + '''

class Doc:
    @check_page
    def cell(self, w, txt=""):
        return w
'''
HEAD = DECORATORS + '''

class Doc:
    @check_page
    @{added}
    def cell(self, w, text=""):
        return w
'''
USER = "from proj.doc import Doc\n\n\ndef run(doc: Doc):\n    return doc.cell(w=1, {kw}='a')\n"


def _impact(tmp_path: Path, call: str = "fn(self, *args, **kwargs)", kw: str = "text",
            added: str = "renamed_arg") -> set[str]:
    base = {"proj/__init__.py": "", "proj/doc.py": BASE.format(call=call),
            "proj/user.py": USER.format(kw="txt")}
    head = {**base, "proj/doc.py": HEAD.format(call=call, added=added),
            "proj/user.py": USER.format(kw=kw)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_wrapper_handing_self_and_every_argument_on_breaks_no_call_that_binds(
        tmp_path: Path) -> None:
    assert _impact(tmp_path) == set()


def test_a_call_the_method_itself_no_longer_takes_still_breaks(tmp_path: Path) -> None:
    assert _impact(tmp_path, kw="size") == {"proj.user"}


def test_a_wrapper_passing_something_of_its_own_first_still_breaks(tmp_path: Path) -> None:
    assert _impact(tmp_path, call="fn(self, 1, *args, **kwargs)") == {"proj.user"}


def test_a_wrapper_dropping_its_leading_parameter_still_breaks(tmp_path: Path) -> None:
    assert _impact(tmp_path, call="fn(*args, **kwargs)") == {"proj.user"}


def test_a_decorator_added_with_no_wrapper_of_its_own_still_breaks(tmp_path: Path) -> None:
    # the kept decorator's wrapper hands every argument on; the one that came takes ``w``
    # itself and nothing else by position: the kept one's wrapper does not tell for it
    call = "fn(self, *args, **kwargs)"
    base = {"proj/__init__.py": "",
            "proj/doc.py": BASE.format(call=call).replace("@check_page", "@renamed_arg"),
            "proj/user.py": USER.format(kw="txt")}
    head = {**base, "proj/doc.py": HEAD.format(call=call, added="renamed_arg").replace(
        "    @check_page\n    @renamed_arg\n", "    @renamed_arg\n    @check_page\n"),
        "proj/user.py": USER.format(kw="text")}
    assert "proj.user" in broken_modules(impact_between(base, head, tmp_path))
