"""A function made async whose calls are handed, as made, to a helper of ours that only hands
its argument to an awaiting function of ``asyncio`` (an event loop's ``run_until_complete``)
breaks nothing that binds.

python-socketio 5.10 made ``AsyncManager.connect``, ``enter_room`` and ``leave_room`` async;
its tests call ``_run(self.bm.connect('123', '/foo'))``, where ``tests/async/helpers.py``
defines ``_run(coro)`` as ``asyncio.get_event_loop().run_until_complete(coro)``. The eleventh
round's rule knew only ``asyncio.run(...)`` and its siblings called directly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

LIB = "{keyword}def connect(sid):\n    return sid\n"
HELPERS = "import asyncio\n\n\ndef _run(coro):\n{body}"
USER = "from proj.lib import connect\nfrom proj.helpers import _run\n\n\ndef test_connect():\n" \
       "    assert _run(connect('1')) == '1'\n"
RUNS = "    return asyncio.get_event_loop().run_until_complete(coro)\n"


def _impact(body: str, tmp_path: Path, user: str = USER) -> set[str]:
    base = {"proj/__init__.py": "", "proj/lib.py": LIB.format(keyword=""),
            "proj/helpers.py": HELPERS.format(body=body), "proj/test_user.py": user}
    head = {**base, "proj/lib.py": LIB.format(keyword="async ")}
    return broken_modules(impact_between(base, head, tmp_path))


@pytest.mark.parametrize("body", [RUNS, "    return asyncio.run(coro)\n"])
def test_a_call_handed_to_a_helper_that_runs_it_breaks_nothing(
        body: str, tmp_path: Path) -> None:
    assert _impact(body, tmp_path) == set()


@pytest.mark.parametrize("body", [
    "    return coro\n",  # the helper hands the coroutine back: the caller gets no result
    "    print(coro)\n" + RUNS,  # it hands it elsewhere too
])
def test_a_helper_doing_more_with_it_still_breaks(body: str, tmp_path: Path) -> None:
    assert _impact(body, tmp_path) == {"proj.test_user"}


def test_a_result_not_handed_to_the_helper_still_breaks(tmp_path: Path) -> None:
    user = USER.replace("_run(connect('1'))", "connect('1')")
    assert _impact(RUNS, tmp_path, user) == {"proj.test_user"}
