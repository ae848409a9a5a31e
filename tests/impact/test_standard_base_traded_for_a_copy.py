"""A class that trades a standard-library base for a copy of it in the code base (joblib 1.6:
loky's ``ResourceTracker`` left ``multiprocessing.resource_tracker.ResourceTracker`` for a
vendored ``stdlib_py314_resource_tracker.ResourceTracker``) keeps every name the copy
defines: the standard class's names are read from Python's own class, and only those the copy
lacks are lost. Module code making one (``_tracker = ResourceTracker()``) was judged broken,
and 60 importing modules with it. A copy that lacks a name someone reads still breaks that
reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

OLD = '''\
from string import Formatter


class Shouty(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()


DEFAULT = Shouty()
'''
NEW = '''\
from pkg.copied import Formatter


class Shouty(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()


DEFAULT = Shouty()
'''
COPY = '''\
class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return self._vformat(format_string, args, kwargs, set(), 2)

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        return format_string

    def get_value(self, key, args, kwargs):
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        return value

    def parse(self, format_string):
        return []
{get_field}'''
GET_FIELD = '''
    def get_field(self, field_name, args, kwargs):
        return self.get_value(field_name, args, kwargs), field_name
'''
USER = ("from pkg.shout import Shouty\n\n\n"
        "def field(name):\n    return Shouty().get_field(name, (), {})\n")


@pytest.mark.parametrize(("get_field", "broken"), [
    (GET_FIELD, set()),
    ("", {"pkg.user"}),
], ids=["a whole copy", "a copy lacking get_field"])
def test_a_standard_base_traded_for_a_copy_of_ours(
        tmp_path: Path, get_field: str, broken: set[str]) -> None:
    files = {"pkg/__init__.py": "", "pkg/shout.py": OLD, "pkg/user.py": USER,
             "pkg/copied.py": COPY.format(get_field=get_field)}
    report = impact_between(files, {**files, "pkg/shout.py": NEW}, tmp_path)
    assert ("pkg.shout:Shouty", "base-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == broken
