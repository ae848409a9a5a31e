"""A decorator of ours came whose wrapper hands every argument on as it was given: a call
binds the function as it did, so one written alike in the base that surely did not bind the
function's base signature either is not what the decorator breaks. It failed already, or it
never runs the function (the link's guess at a receiver), even when it spells the method's
name; 'broken' is a call the new signature no longer accepts (DESIGN.md "Impact").

A call spelling the function's name is judged so too (``_binds(..., refused_alike=True)``
from the ``_forwarded_whole`` branch: ``_failed_before`` reads it). Three tests pinned such a
call as broken; they now make the base's call bind (``filter(1, 2, 3)``, ``group_order(stmt,
2)`` against a base taking two) or expect it unbroken (``t.has_key(name='a')``).

prefect 3.0.11 -> 3.1.0 put ``@deprecated.deprecated_parameter("fetch", ...)`` (a
``wrapper(*args, **kwargs)`` calling ``fn(*args, **kwargs)``) on ``State.result``.
``task_engine``'s ``state.result(retry_result_failure=False, _sync=True)`` (in a ``try`` of
both revisions, the method takes no ``_sync``) and ``test_tasks``' ``future.result(timeout=5)``
(a ``PrefectFuture``'s, linked to ``State.result`` through ``Task.submit``'s overloads
returning a ``State``) were judged broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

STATE_BASE = """\
class State:
    def result(self, raise_on_failure=True, fetch=None):
        return fetch
"""

STATE_HEAD = """\
import functools
import warnings


def deprecated_parameter(name):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            if name in kwargs:
                warnings.warn(name)
            return fn(*args, **kwargs)

        return wrapper

    return decorator


class State:
    @deprecated_parameter("fetch")
    def result(self, raise_on_failure=True, fetch=True{extra}):
        return fetch
"""

USER = """\
from state import State


def begin():
    state = State()
    try:
        state.result({call})
    except Exception:
        pass
"""

REFUSED = "raise_on_failure=False, _sync=True"


def _report(tmp_path: Path, base_call: str, head_call: str, extra: str = "") -> dict:
    base = {"state.py": STATE_BASE, "engine.py": USER.format(call=base_call)}
    head = {"state.py": STATE_HEAD.format(extra=extra), "engine.py": USER.format(call=head_call)}
    return impact_between(base, head, tmp_path)


def test_a_call_the_base_signature_refused_too_does_not_break(tmp_path: Path) -> None:
    report = _report(tmp_path, REFUSED, REFUSED)
    assert ("state:State.result", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert "engine" in {a["module"] for a in report["affected"]}
    assert "engine" not in broken_modules(report)


def test_a_call_the_head_wrote_anew_still_breaks(tmp_path: Path) -> None:
    # the base's call bound; the head's, written otherwise, does not
    report = _report(tmp_path, "raise_on_failure=False", REFUSED)
    assert "engine" in broken_modules(report)


def test_a_call_a_required_parameter_refuses_now_still_breaks(tmp_path: Path) -> None:
    # the same call, bound before; the head's function requires what it does not pass
    report = _report(tmp_path, "raise_on_failure=False", "raise_on_failure=False",
                     extra=", *, retries")
    assert "engine" in broken_modules(report)
