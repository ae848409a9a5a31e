"""A decorator whose wrapper hands its arguments on whole (``f(*args, **kwargs)``) when the
call gives no more positional arguments than the function takes, and otherwise puts them
all into ``kwargs`` by name (``kwargs.update(zip(sig.parameters, args))``) before calling
``f(**kwargs)``: a call of the decorated function binds as one of the function does.

scikit-learn 1.6 added its ``@_deprecate_positional_args(version="1.7")`` to
``StackingClassifier.fit``, ``StackingRegressor.fit`` and ``fit_transform``, making
``sample_weight`` keyword-only; every ``est.fit(X, y)`` that may reach them (the
``TransformerMixin.fit_transform`` of every transformer, tests, examples) was judged
broken: 65 calls, 650 modules with the import-time chains.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

DEPRECATE = """\
import warnings
from functools import wraps
from inspect import Parameter, signature


def _deprecate_positional_args(func=None, *, version="1.3"):
    def _inner_deprecate_positional_args(f):
        sig = signature(f)
        all_args = []
        for name, param in sig.parameters.items():
            if param.kind == Parameter.POSITIONAL_OR_KEYWORD:
                all_args.append(name)

        @wraps(f)
        def inner_f(*args, **kwargs):
            extra_args = len(args) - len(all_args)
            if extra_args <= 0:
                return f(*args, **kwargs)
            warnings.warn("pass them as keyword args", FutureWarning)
            {fold}
            return f(**kwargs)

        return inner_f

    if func is not None:
        return _inner_deprecate_positional_args(func)
    return _inner_deprecate_positional_args
"""

STACKING = """\
class Stacking:
    def fit(self, X, y, sample_weight=None, **fit_params):
        return self
"""

STACKING_HEAD = """\
from validation import _deprecate_positional_args


class Stacking:
    @_deprecate_positional_args(version="1.7")
    def fit(self, X, y, *, sample_weight=None, **fit_params):
        return self
"""

USER = """\
from stacking import Stacking


def train(X, y, params):
    return Stacking().fit(X, y), Stacking().fit(X, y, **params)
"""


def _broken(tmp_path: Path, fold: str, user: str = USER) -> set[str]:
    validation = DEPRECATE.replace("{fold}", fold)
    base = {"validation.py": validation, "stacking.py": STACKING, "user.py": user}
    head = {"validation.py": validation, "stacking.py": STACKING_HEAD, "user.py": user}
    report = impact_between(base, head, tmp_path)
    assert ("stacking:Stacking.fit", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


def test_positional_arguments_folded_into_keywords_hand_the_call_on(tmp_path: Path) -> None:
    assert _broken(tmp_path, "kwargs.update(zip(sig.parameters, args))") == set()


def test_keywords_alone_without_the_positional_ones_break(tmp_path: Path) -> None:
    # the wrapper drops what came by position: ``fit(X, y)`` loses both
    assert _broken(tmp_path, "pass") == {"user"}


def test_keywords_updated_from_something_else_break(tmp_path: Path) -> None:
    assert _broken(tmp_path, "kwargs.update(zip(sig.parameters, all_args))") == {"user"}


def test_keywords_updated_from_a_slice_of_the_positional_ones_break(tmp_path: Path) -> None:
    # the first positional argument is dropped on the way
    assert _broken(tmp_path, "kwargs.update(zip(sig.parameters, args[1:]))") == {"user"}
