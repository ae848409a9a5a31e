"""A method removed from a class deriving from a base outside the code, when the method
handed every argument it took on to that base's method of the same name: the base answers
each call now, and nothing breaks.

geopandas 1.0 removed ``GeoDataFrame.merge`` (it called ``DataFrame.merge(self, *args,
**kwargs)``) and ``GeoDataFrame.convert_dtypes`` (``super().convert_dtypes(*args,
**kwargs)``); pandas' ``DataFrame`` has both. Five modules calling them were judged broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

FRAME = '''\
from pandas import DataFrame


class GeoFrame(DataFrame):
    def area(self):
        return 1
{methods}'''
METHODS = '''
    def merge(self, *args, **kwargs):
        result = DataFrame.merge(self, *args, **kwargs)
        return result

    def convert_dtypes(self, *args, **kwargs):
        return GeoFrame(super().convert_dtypes(*args, **kwargs))
'''
USER = '''\
from proj.frame import GeoFrame


def join(left: GeoFrame, right):
    return left.merge(right, on="id").convert_dtypes()
'''


def _report(tmp_path: Path, methods: str) -> dict:
    base = {"proj/__init__.py": "", "proj/user.py": USER,
            "proj/frame.py": FRAME.format(methods=methods)}
    head = {**base, "proj/frame.py": FRAME.format(methods="")}
    return impact_between(base, head, tmp_path)


def test_overrides_handing_every_argument_on_to_the_outside_base_break_nothing(
        tmp_path: Path) -> None:
    report = _report(tmp_path, METHODS)
    removed = {c["symbol"]: c for c in report["changes"] if c["kind"] == "symbol-removed"}
    assert {s: c["breaking"] for s, c in removed.items()} == {
        "proj.frame:GeoFrame.merge": False, "proj.frame:GeoFrame.convert_dtypes": False}
    assert broken_modules(report) == set()


def test_an_override_keeping_an_argument_of_its_own_still_breaks(tmp_path: Path) -> None:
    # ``keep_geometry`` was the override's: the base's ``merge`` does not take it
    methods = '''
    def merge(self, other, keep_geometry=True, **kwargs):
        return DataFrame.merge(self, other, **kwargs)
'''
    report = _report(tmp_path, methods)
    assert [c["breaking"] for c in report["changes"] if c["kind"] == "symbol-removed"] == [True]
    assert broken_modules(report) == {"proj.user"}


def test_an_override_calling_another_method_of_the_base_still_breaks(tmp_path: Path) -> None:
    methods = '''
    def merge(self, *args, **kwargs):
        return DataFrame.join(self, *args, **kwargs)
'''
    assert broken_modules(_report(tmp_path, methods)) == {"proj.user"}


def test_the_outside_base_dropped_with_the_override_still_breaks(tmp_path: Path) -> None:
    base = {"proj/__init__.py": "", "proj/user.py": USER,
            "proj/frame.py": FRAME.format(methods=METHODS)}
    head = {**base, "proj/frame.py": FRAME.format(methods="").replace("(DataFrame)", "")}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"proj.user"}
