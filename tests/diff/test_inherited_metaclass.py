"""``@add_metaclass(M)`` traded for a base of ours whose class statement passes ``metaclass=M``.

param 2.0 moved ``ParameterMetaclass`` from ``@add_metaclass(ParameterMetaclass)`` on
``Parameter`` to a new base, ``_ParameterBase(metaclass=ParameterMetaclass)``: the class is
made by the same metaclass, and nothing about calling it changed. The diff compared the
decorators alone and reported a breaking ``decorator-changed`` (18 modules broken).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

SIX = '''\
def add_metaclass(metaclass):
    def wrapper(cls):
        return metaclass(cls.__name__, cls.__bases__, dict(cls.__dict__))
    return wrapper


class Meta(type):
    def __call__(cls, *args, **kwargs):
        return super().__call__(*args, **kwargs)
'''
OLD = SIX + '''

@add_metaclass(Meta)
class Parameter(object):
    def __init__(self, default=None):
        self.default = default
'''
NEW = SIX + '''

class _ParameterBase(metaclass=Meta):
    pass


class Parameter(_ParameterBase):
    def __init__(self, default=None):
        self.default = default
'''
USER = "from lib import Parameter\n\nP = Parameter(1)\n"


def _report(tmp_path: Path, new: str) -> dict:
    return impact_between({"lib.py": OLD, "user.py": USER}, {"lib.py": new, "user.py": USER},
                          tmp_path)


def test_a_metaclass_now_inherited_from_a_base_of_ours_is_no_decorator_change(
        tmp_path: Path) -> None:
    report = _report(tmp_path, NEW)
    assert not [c for c in report["changes"] if c["kind"] == "decorator-changed"]
    assert broken_modules(report) == set()


def test_a_base_with_another_metaclass_is_still_a_change(tmp_path: Path) -> None:
    other = NEW.replace("class _ParameterBase(metaclass=Meta)",
                        "class Other(type):\n    pass\n\n\nclass _ParameterBase(metaclass=Other)")
    report = _report(tmp_path, other)
    assert [c for c in report["changes"] if c["kind"] == "decorator-changed"
            and c["symbol"] == "lib:Parameter"]
