"""A decorator factory of ours giving the function back as a ``partial`` (``partialmethod``)
with keywords only, chosen through a local name, and defined as the fallback of an outside
import.

tqdm 4.68 added ``@envwrap("tqdm", "discord", is_method=True)`` to the ``__init__`` of
``tqdm_discord``, ``tqdm_slack`` and ``tqdm_telegram``. ``tqdm.utils`` first tries ``from
envwrap import envwrap`` (an outside package) and else defines ``envwrap``, whose nested
``wrap(func)`` returns ``part(func, **overrides)`` with ``part = partialmethod if is_method
else partial``: keyword defaults read from the environment. The decorator was read as giving
another callable, and the callers of the three classes, and ``cls(...)`` calls reaching them
through the class hierarchy, judged broken (7 modules). A call of what such a decorator gives
binds as one of the function itself: it breaks when the function does not take it.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UTILS = '''\
import os
from functools import partial, partialmethod

try:
    from envwrap import envwrap
except ModuleNotFoundError:
    def envwrap(name, types=None, is_method=False):
        overrides = {k.lower(): v for k, v in os.environ.items() if k.startswith(name)}
        part = partialmethod if is_method else partial

        def wrap(func):
            return part(func, **overrides)
        return wrap
'''
OLD = '''\
class Bar:
    def __init__(self, total=None, token=None):
        self.total = total
'''
NEW = '''\
from utils import envwrap


class Bar:
    @envwrap("bar", is_method=True)
    def __init__(self, total=None, token=None):
        self.total = total
'''
USER = '''\
from lib import Bar

BAR = Bar(3)
'''
OURS_ONLY = UTILS.replace(
    "try:\n    from envwrap import envwrap\nexcept ModuleNotFoundError:\n", "if True:\n")


def _broken(tmp_path: Path, utils: str = UTILS, user: str = USER,
            extra: dict[str, str] | None = None) -> set[str]:
    files = {"utils.py": utils, "lib.py": OLD, "user.py": user, **(extra or {})}
    head = {**files, "lib.py": NEW}
    return broken_modules(impact_between(files, head, tmp_path))


def test_a_fallback_of_an_outside_import_giving_a_partial_breaks_nothing(
        tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_partial_chosen_through_a_local_name_gives_the_function_back(
        tmp_path: Path) -> None:
    assert _broken(tmp_path, OURS_ONLY) == set()


def test_a_name_bound_to_something_else_too_is_not_a_partial(tmp_path: Path) -> None:
    # ``part`` is an outside function in one branch: what it makes of ``func`` is not known
    utils = "import outside\n" + OURS_ONLY.replace(
        "part = partialmethod if is_method else partial",
        "part = partialmethod if is_method else outside.wrapper")
    assert "user" in _broken(tmp_path, utils)


def test_the_fallback_of_a_module_of_ours_is_dead(tmp_path: Path) -> None:
    # the code base has ``envwrap``: its ``envwrap`` runs, not the fallback, and what it is
    # (a name bound to what an outside factory makes) is not known
    envwrap = "import outside\n\nenvwrap = outside.make_decorator()\n"
    assert "user" in _broken(tmp_path, extra={"envwrap.py": envwrap})
