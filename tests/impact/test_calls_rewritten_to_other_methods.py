"""A method call the base linked that the head's code no longer spells at all was rewritten
into another call: the changed method no longer runs there.

prompt_toolkit 3.0 made every parameter of ``PromptSession.prompt`` but ``message``
keyword-only; ``_display_completions_like_readline``'s ``run_compl`` had called
``create_more_session(...).prompt()`` and now awaits ``.prompt_async()``. The base's call,
linked nowhere in the head, was judged broken (38 calls): the head's code still seemed to
spell the method, as it imports from ``prompt_toolkit.shortcuts.prompt``, a module of the
method's name.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

SESSION = '''\
class Session:
    def prompt(self, message{sep}default=""):
        return message + default

    async def prompt_async(self, message, default=""):
        return message + default


def more_session():
    return Session()
'''
BASE_USER = '''\
from proj.prompt import Session, more_session


def run():
    session = Session()
    yield more_session().prompt("a", "b")
'''


def _impact(tmp_path: Path, user: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/prompt.py": SESSION.format(sep=", "),
            "proj/user.py": BASE_USER}
    head = {**base, "proj/prompt.py": SESSION.format(sep=", *, "), "proj/user.py": user}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_call_rewritten_into_another_method_breaks_nothing(tmp_path: Path) -> None:
    user = BASE_USER.replace("def run", "async def run").replace(
        'yield more_session().prompt("a", "b")',
        'return await more_session().prompt_async("a", "b")')
    assert _impact(tmp_path, user) == set()


def test_a_call_still_spelled_that_no_longer_binds_still_breaks(tmp_path: Path) -> None:
    user = BASE_USER.replace("def run():\n    session = Session()\n",
                             "def run(session=None):\n").replace("more_session()", "session")
    assert _impact(tmp_path, user) == {"proj.user"}


def test_a_method_read_without_a_call_still_breaks(tmp_path: Path) -> None:
    user = BASE_USER.replace('yield more_session().prompt("a", "b")',
                             'ask = session.prompt\n    return ask("a", "b")')
    assert _impact(tmp_path, user) == {"proj.user"}
