"""An override removed over a fallback that raises ``NotImplementedError`` breaks the calls
that reached it, but not a base class method's call on its own ``self`` when the subclass now
overrides that calling method itself: the method never runs on one. joblib 1.6 renamed
``DaskDistributedBackend.apply_async`` to ``submit``; ``ParallelBackendBase.submit``, whose
``self.apply_async(...)`` was linked to it, was judged broken. A subclass whose new method
hands on to the base's with ``super()``, or that does not override it, keeps it broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

BASE = '''\
class Backend:
    def apply_async(self, func):
        raise NotImplementedError("implement submit")

    def submit(self, func):
        return self.apply_async(func)
'''
OLD = '''\
from pkg.base import Backend


class Dask(Backend):
    def apply_async(self, func):
        return func()
'''
RENAMED = '''\
from pkg.base import Backend


class Dask(Backend):
    def submit(self, func):
        return func()
'''
HANDING_ON = '''\
from pkg.base import Backend


class Dask(Backend):
    def submit(self, func):
        return super().submit(func)
'''
GONE = '''\
from pkg.base import Backend


class Dask(Backend):
    pass
'''


@pytest.mark.parametrize(("dask", "broken"), [
    (RENAMED, set()),
    (HANDING_ON, {"pkg.base"}),
    (GONE, {"pkg.base"}),
], ids=["renamed to the caller", "handing on to super", "removed"])
def test_a_removed_override_below_an_overriding_subclass(
        tmp_path: Path, dask: str, broken: set[str]) -> None:
    files = {"pkg/__init__.py": "", "pkg/base.py": BASE, "pkg/dask.py": OLD}
    report = impact_between(files, {**files, "pkg/dask.py": dask}, tmp_path)
    assert ("pkg.dask:Dask.apply_async", "symbol-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == broken
