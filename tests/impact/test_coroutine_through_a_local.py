"""A function made async whose call is bound to a local name, read only as the argument of an
awaiting function of ``asyncio`` (``get_event_loop`` imported by name), breaks nothing that
binds.

prompt_toolkit 3.0 made ``Application.run_async`` a coroutine function; ``Application.run``
runs it as ``coro = self.run_async(pre_run=pre_run)`` then
``get_event_loop().run_until_complete(coro)``, with ``from asyncio import get_event_loop``.
The rule for calls handed to a runner knew only a call written as the runner's argument, and
``asyncio.get_event_loop`` spelled through the module.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

LIB = "{keyword}def connect(sid):\n    return sid\n"
USER = '''\
from asyncio import get_event_loop

from proj.lib import connect


def run(sid):
    coro = connect(sid)
{body}'''
RUNS = "    return get_event_loop().run_until_complete(coro)\n"


def _impact(body: str, tmp_path: Path) -> set[str]:
    base = {"proj/__init__.py": "", "proj/lib.py": LIB.format(keyword=""),
            "proj/user.py": USER.format(body=body)}
    head = {**base, "proj/lib.py": LIB.format(keyword="async ")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_coroutine_bound_to_a_local_and_run_breaks_nothing(tmp_path: Path) -> None:
    assert _impact(RUNS, tmp_path) == set()


@pytest.mark.parametrize("body", [
    "    return coro\n",  # handed back
    "    print(coro)\n" + RUNS,  # handed elsewhere too
    "    other = coro\n" + RUNS,  # bound to another name
    "    return coro.upper()\n",  # used as the result it no longer is
])
def test_a_coroutine_used_otherwise_still_breaks(body: str, tmp_path: Path) -> None:
    assert _impact(body, tmp_path) == {"proj.user"}


APP = '''\
from asyncio import get_event_loop


class App:
    def __init__(self):
        self.tasks = []

    def create_background_task(self, coroutine):
{body}

def get_app():
    return App()
'''
CREATES = "        task = get_event_loop().create_task(coroutine)\n" \
    "        self.tasks.append(task)\n        return task\n"
STARTS = '''\
from proj.app import get_app
from proj.lib import connect


def start(sid):
    get_app().create_background_task(connect(sid))
'''


def _impact_method(body: str, tmp_path: Path) -> set[str]:
    base = {"proj/__init__.py": "", "proj/lib.py": LIB.format(keyword=""),
            "proj/app.py": APP.format(body=body), "proj/user.py": STARTS}
    head = {**base, "proj/lib.py": LIB.format(keyword="async ")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_coroutine_handed_to_a_method_that_runs_it_breaks_nothing(tmp_path: Path) -> None:
    # prompt_toolkit 3.0: ``get_app().create_background_task(self._start_loading())``
    assert _impact_method(CREATES, tmp_path) == set()


@pytest.mark.parametrize("body", [
    "        self.tasks.append(coroutine)\n",  # kept, not run
    "        return coroutine\n",
    "        print(coroutine)\n" + CREATES,
])
def test_a_method_doing_more_with_it_still_breaks(body: str, tmp_path: Path) -> None:
    assert _impact_method(body, tmp_path) == {"proj.user"}
