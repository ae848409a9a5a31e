"""A decorator of ours added whose wrapper takes ``*args, **kwargs`` and calls the function
with them, or with a leading slice of ``args`` once it has moved the extra positional ones
onto keyword-only parameters (param 2.0's ``_deprecate_positional_args``, adapted from
scikit-learn's): a head call that binds the function itself still binds."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

BASE = """\
class Parameter:
    def __init__(self, default=None, doc=None, constant=False):
        self.default = default
"""

DEPRECATE = """\
import functools
import inspect
import warnings


def _deprecate_positional_args(func):
    signature = inspect.signature(func)
    positional = [n for n, p in signature.parameters.items()
                  if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    keyword_only = [n for n, p in signature.parameters.items()
                    if p.kind is inspect.Parameter.KEYWORD_ONLY]

    @functools.wraps(func)
    def inner(*args, **kwargs):
        extra = len(args) - len(positional)
        if extra > 0:
            warnings.warn("pass them by keyword")
            kwargs.update(zip(keyword_only[:extra], args[-extra:]))
            return func(*args[:-extra], **kwargs)
        return func(*args, **kwargs)

    return inner


def _drop_first(func):
    @functools.wraps(func)
    def inner(*args, **kwargs):
        return func(*args[1:], **kwargs)

    return inner
"""

HEAD = DEPRECATE + """

class Parameter:
    @_deprecate_positional_args
    def __init__(self, default=None, *, doc=None, constant=False):
        self.default = default
"""

USERS = {
    # binds the function itself: through a wrapper of either kind, the call reaches it
    "keywords.py": "from lib import Parameter\n\n\nclass String(Parameter):\n"
                   "    def __init__(self, default='', **params):\n"
                   "        super().__init__(default=default, **params)\n",
}


def verdicts(tmp_path: Path, head: str) -> tuple[set[str], set[str]]:
    report = impact_between({"lib.py": BASE, **USERS}, {"lib.py": head}, tmp_path)
    assert ("lib:Parameter.__init__", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    return {m["module"] for m in report["affected"]}, broken_modules(report)


def test_a_wrapper_that_hands_on_args_or_a_leading_slice_of_them_keeps_a_binding_call(
    tmp_path: Path,
) -> None:
    affected, broken = verdicts(tmp_path, HEAD)
    assert "keywords" in affected
    assert broken == set()


def test_a_wrapper_that_only_ever_hands_on_a_slice_stays_broken(tmp_path: Path) -> None:
    # ``func(*args[1:], **kwargs)`` drops what the call passed first: nothing tells that a
    # call binding the function binds what the wrapper makes of it
    affected, broken = verdicts(tmp_path, HEAD.replace("@_deprecate_positional_args",
                                                       "@_drop_first"))
    assert "keywords" in affected
    assert broken == {"keywords"}
