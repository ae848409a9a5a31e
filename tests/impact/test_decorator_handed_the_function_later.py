"""A decorator of ours whose nested wrapper calls one of its parameters, handing every
argument on, where that parameter is not its first: called where it decorates
(``@delete_parameter("3.8", "np_load")``), it returns a ``functools.partial`` of itself,
which is then handed the function as ``func``. Removed, a call of the function reaches the
function itself, and breaks only when that no longer takes it.

matplotlib 3.10 dropped ``@_api.delete_parameter("3.8", "np_load", ...)`` (and the
parameter) from ``cbook.get_sample_data``; the link does not follow ``func`` through the
partial, and every ``with cbook.get_sample_data(...) as f:`` of nine examples was judged
broken (a result entered may have been what an unknown wrapper made).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

DEPRECATION = """\
import functools
import warnings


def delete_parameter(since, name, func=None, **kwargs):
    decorator = functools.partial(delete_parameter, since, name, **kwargs)
    if func is None:
        return decorator

    @functools.wraps(func)
    def wrapper(*inner_args, **inner_kwargs):
        if name not in inner_kwargs:
            return func(*inner_args, **inner_kwargs)
        warnings.warn(name + " is deprecated since " + since)
        return {handed}

    return wrapper
"""

CBOOK = """\
from pathlib import Path

import deprecation


{decorator}
def get_sample_data(fname, asfileobj=True{np_load}):
    path = Path(fname)
    if asfileobj:
        return path.open("rb")
    return str(path)
"""

USER = """\
import cbook

with cbook.get_sample_data("grace_hopper.jpg") as image_file:
    image = image_file.read()
"""


def _broken(tmp_path: Path, handed: str, user: str = USER) -> set[str]:
    deprecation = DEPRECATION.replace("{handed}", handed)
    base = {"deprecation.py": deprecation, "user.py": user, "cbook.py": CBOOK.format(
        decorator='@deprecation.delete_parameter("3.8", "np_load")', np_load=", *, np_load=True")}
    head = {"deprecation.py": deprecation, "user.py": user,
            "cbook.py": CBOOK.format(decorator="", np_load="")}
    report = impact_between(base, head, tmp_path)
    assert ("cbook:get_sample_data", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


def test_a_wrapper_handing_on_whole_went(tmp_path: Path) -> None:
    assert _broken(tmp_path, "func(*inner_args, **inner_kwargs)") == set()


def test_a_call_passing_the_removed_parameter_still_breaks(tmp_path: Path) -> None:
    user = USER.replace('("grace_hopper.jpg")', '("grace_hopper.jpg", np_load=False)')
    assert _broken(tmp_path, "func(*inner_args, **inner_kwargs)", user) == {"user"}


def test_a_wrapper_dropping_arguments_went(tmp_path: Path) -> None:
    # what the wrapper handed on is not what the call gave: the entered result may differ
    assert _broken(tmp_path, "func(*inner_args[1:], **inner_kwargs)") == {"user"}
