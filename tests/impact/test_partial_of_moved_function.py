"""A function moved into the module that imported it, its signature changed, and handed to
outside code through a ``functools.partial`` that gives the new leading parameters.
(jsonrpcserver 5.0 moved ``validate_args`` from ``methods`` into ``dispatcher``, which imported
it, as ``validate_args(request, context, func)``, and hands ``partial(validate_args, request,
context)`` to oslash's ``Either.bind``, which calls it with the one value it holds: as the old
``validate_args(func, *args, **kwargs)`` required. Judged broken: the old signature was
looked up under the new module's name, not found, and the partial's arguments were not
counted without a partial in the base.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

HELPERS = "def report(future):\n    print('done', future.result())\n"
USE = "from pkg.helpers import report\n"
USE_NOW = """
from concurrent.futures import Future
from functools import partial


def report(request, context, future):
    print("done", future.result(), request, context)


def run(request, context):
    fut = Future()
    fut.add_done_callback(partial(report, {given}))
    fut.set_result(42)
"""


def _broken(tmp_path: Path, given: str) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/helpers.py": HELPERS, "pkg/use.py": USE}
    head = {"pkg/__init__.py": "", "pkg/helpers.py": None,
            "pkg/use.py": USE_NOW.format(given=given)}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_partial_giving_the_new_leading_parameters_breaks_nothing(tmp_path: Path) -> None:
    assert _broken(tmp_path, "request, context") == set()


@pytest.mark.parametrize("given", ["request", "context=context"])
def test_a_partial_leaving_one_of_them_to_the_caller_breaks(given: str,
                                                            tmp_path: Path) -> None:
    # the done callback gets the future alone, as the old ``report(future)`` required: one
    # required parameter is left unfilled
    assert _broken(tmp_path, given) == {"pkg.use"}
