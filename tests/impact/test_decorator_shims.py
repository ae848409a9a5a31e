"""A decorator bound to what a shim of ours returns (``singledispatch =
import_single_dispatch()``): a function taking nothing and returning, whichever import
works, one name. graphene-django 3.0 traded it for ``from functools import singledispatch``
on its converters: the same decorator, and no call of a converter breaks (six modules were
judged broken)."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UTILS = '''\
def import_single_dispatch():
    try:
        from functools import singledispatch
    except ImportError:
        singledispatch = None
    if not singledispatch:
        from singledispatch import singledispatch
    return singledispatch


def pick_wrapper():
    try:
        from functools import singledispatch as found
    except ImportError:
        from functools import wraps as found
    return found
'''
OLD = '''\
from pkg.utils import {shim}

singledispatch = {shim}()


@singledispatch
def convert(field, registry=None):
    return field
'''
NEW = '''\
from functools import singledispatch


@singledispatch
def convert(field, registry=None):
    return field
'''
USER = "from pkg.conv import convert\n\n\ndef run(f):\n    return convert(f, None)\n"


def _report(tmp_path: Path, shim: str) -> dict:
    base = {"pkg/__init__.py": "", "pkg/utils.py": UTILS, "pkg/user.py": USER,
            "pkg/conv.py": OLD.format(shim=shim)}
    return impact_between(base, {**base, "pkg/conv.py": NEW}, tmp_path)


def test_a_shim_returning_singledispatch_traded_for_it_breaks_no_call(tmp_path: Path) -> None:
    report = _report(tmp_path, "import_single_dispatch")
    assert ("pkg.conv:convert", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_shim_returning_names_that_differ_still_breaks(tmp_path: Path) -> None:
    assert broken_modules(_report(tmp_path, "pick_wrapper")) == {"pkg.user"}
