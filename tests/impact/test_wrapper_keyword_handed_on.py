"""A decorator that went, whose wrapper took a keyword-only parameter between ``*args`` and
``**kwargs`` and handed it on by name (``func(self, *args, _conn=_conn, **kwargs)``), with
every other argument as it came: a call of the method bound the wrapper as it binds the
method itself. aiocache 0.12 dropped ``@conn`` from ``RedisBackend._get``, ``_add``... whose
own ``_conn=None`` is still there; every caller was judged broken. A wrapper that takes the
keyword and keeps it (the method never sees it) is no such wrapper."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

DECORATOR = '''\
import functools


def conn(func):
    @functools.wraps(func)
    async def wrapper(self, *args, _conn=None, **kwargs):
        if _conn is None:
            _conn = object()
        return await {call}

    return wrapper
'''
BASE = DECORATOR + '''

class Backend:
    @conn
    async def _get(self, key, encoding="utf-8"{conn_param}):
        return key
'''
HEAD = '''\
class Backend:
    async def _get(self, key, encoding="utf-8"{conn_param}):
        return key
'''
USER = ("from proj.backend import Backend\n\n\n"
        "async def read(backend: Backend):\n    return await backend._get({args})\n")


@pytest.mark.parametrize(("call", "conn_param", "args", "broken"), [
    ("func(self, *args, _conn=_conn, **kwargs)", ", _conn=None", '"k", encoding=None', set()),
    ("func(self, *args, _conn=_conn, **kwargs)", ", _conn=None", '"k", _conn=1', set()),
    ("func(self, *args, **kwargs)", "", '"k", _conn=1', {"proj.user"}),
], ids=["handed on by name", "passed by the caller", "kept by the wrapper"])
def test_a_wrapper_handing_on_a_keyword_of_its_own(tmp_path: Path, call: str, conn_param: str,
                                                   args: str, broken: set[str]) -> None:
    base = {"proj/__init__.py": "",
            "proj/backend.py": BASE.format(call=call, conn_param=conn_param),
            "proj/user.py": USER.format(args=args)}
    report = impact_between(base, {**base, "proj/backend.py": HEAD.format(conn_param=conn_param)},
                            tmp_path)
    assert ("proj.backend:Backend._get", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == broken
