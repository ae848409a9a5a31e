"""A decorator added whose wrapper takes the function's own parameters (by name, in order,
each positional and without a default) and hands them on as they are breaks only the calls
the function no longer binds.

sqlparse 0.5 put ``@recurse(sql.Identifier)`` on ``group_order(tlist)``; ``recurse`` makes
``wrapped_f(tlist)``, which walks the sublists and calls ``f(tlist)``. The rule for a wrapper
handing every argument on read ``wrapper(*args, **kwargs)`` only, so ``group``'s
``func(stmt)`` was judged broken (1 module).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UTILS = '''\
def recurse(*skipped):
    def wrap(f):
        def wrapped_f(tlist):
            for sub in tlist:
                if not isinstance(sub, skipped):
                    wrapped_f(sub)
            {call}

        return wrapped_f

    return wrap
'''
OLD = '''\
from proj.utils import recurse


def group_order(tlist):
    return list(tlist)
'''
NEW = '''\
from proj.utils import recurse


@recurse(str)
def group_order({parameters}):
    return list(tlist)
'''


def _broken(tmp_path: Path, call: str = "group_order(stmt)", parameters: str = "tlist",
            hands: str = "f(tlist)", old_parameters: str = "tlist") -> set[str]:
    user = f"from proj.grouping import group_order\n\n\ndef group(stmt):\n    return {call}\n"
    old = {"proj/__init__.py": "", "proj/utils.py": UTILS.format(call=hands),
           "proj/grouping.py": OLD.replace("(tlist)", f"({old_parameters})", 1),
           "proj/user.py": user}
    new = {**old, "proj/grouping.py": NEW.format(parameters=parameters)}
    return broken_modules(impact_between(old, new, tmp_path))


def test_a_call_binding_the_function_and_its_wrapper_runs(tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_call_the_wrapper_does_not_take_breaks(tmp_path: Path) -> None:
    # the base's function took it; the wrapper takes ``tlist`` alone
    assert "proj.user" in _broken(tmp_path, call="group_order(stmt, 2)",
                                  parameters="tlist, depth=0", old_parameters="tlist, depth=0")


def test_a_wrapper_passing_something_of_its_own_still_breaks(tmp_path: Path) -> None:
    assert "proj.user" in _broken(tmp_path, hands="f(tlist, True)")


def test_a_function_taking_more_than_its_wrapper_still_breaks(tmp_path: Path) -> None:
    # ``group_order(tlist, deep=False)``: the wrapper takes ``tlist`` alone
    assert "proj.user" in _broken(tmp_path, parameters="tlist, deep=False")
