"""A call site that already calls functions of one shape (``async def`` under jinja2's
``@async_variant(sync_f)``, whose wrapper picks the sync or the async one) handles one more
function made that shape: the code after the call is the same whichever callee ran. (jinja2
3.1.5 made ``do_unique`` an ``@async_variant(sync_do_unique) async def``, as ``do_first`` and
ten other filters were; ``Environment._filter_test_common``'s ``func(*args)`` over the filter
table, and the decorator's own wrapper, were judged broken.)"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UTILS = """
from functools import wraps


def async_variant(normal_func):
    def decorator(async_func):
        @wraps(normal_func)
        def wrapper(*args, **kwargs):
            if args[0].is_async:
                return async_func(*args, **kwargs)
            return normal_func(*args, **kwargs)
        return wrapper
    return decorator
"""
FILTERS = """
from pkg.utils import async_variant


def sync_do_first(env, value):
    return next(iter(value))


@async_variant(sync_do_first)
async def do_first(env, value):
    return sync_do_first(env, value)


def do_unique(env, value):
    return list(dict.fromkeys(value))


FILTERS = {"first": do_first, "unique": do_unique}
"""
FILTERS_NOW = FILTERS.replace('''def do_unique(env, value):
    return list(dict.fromkeys(value))''', '''def sync_do_unique(env, value):
    return list(dict.fromkeys(value))


@async_variant(sync_do_unique)
async def do_unique(env, value):
    return sync_do_unique(env, value)''')
ENVIRONMENT = """
from pkg.filters import FILTERS


class Environment:
    is_async = False

    def call_filter(self, name, value):
        func = FILTERS[name]
        return func(self, value)
"""


def _broken(tmp_path: Path, filters: str, environment: str = ENVIRONMENT) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/utils.py": UTILS, "pkg/filters.py": filters,
            "pkg/environment.py": environment}
    return broken_modules(impact_between(base, {**base, "pkg/filters.py": FILTERS_NOW},
                                         tmp_path))


def test_a_site_calling_functions_of_that_shape_already_is_not_broken(tmp_path: Path) -> None:
    assert _broken(tmp_path, FILTERS) == set()


def test_a_site_calling_only_plain_functions_is_broken(tmp_path: Path) -> None:
    # no filter of the table was made so before: the site never met such a function
    plain = FILTERS.replace('''@async_variant(sync_do_first)
async def do_first(env, value):
    return sync_do_first(env, value)''', '''def do_first(env, value):
    return sync_do_first(env, value)''')
    now = FILTERS_NOW.replace('''@async_variant(sync_do_first)
async def do_first(env, value):
    return sync_do_first(env, value)''', '''def do_first(env, value):
    return sync_do_first(env, value)''')
    base = {"pkg/__init__.py": "", "pkg/utils.py": UTILS, "pkg/filters.py": plain,
            "pkg/environment.py": ENVIRONMENT}
    report = impact_between(base, {**base, "pkg/filters.py": now}, tmp_path)
    assert "pkg.environment" in broken_modules(report)


def test_a_direct_call_of_the_function_is_broken(tmp_path: Path) -> None:
    direct = ENVIRONMENT + "\n\ndef unique(value):\n    from pkg.filters import do_unique\n" \
        "    return do_unique(Environment(), value)[0]\n"
    assert "pkg.environment" in _broken(tmp_path, FILTERS, direct)


def test_a_site_whose_arguments_no_longer_bind_is_broken(tmp_path: Path) -> None:
    # the sibling's shape, but a signature the call's arguments do not bind
    now = FILTERS_NOW.replace("async def do_unique(env, value):",
                              "async def do_unique(env, value, key):")
    base = {"pkg/__init__.py": "", "pkg/utils.py": UTILS, "pkg/filters.py": FILTERS,
            "pkg/environment.py": ENVIRONMENT}
    report = impact_between(base, {**base, "pkg/filters.py": now}, tmp_path)
    assert "pkg.environment" in broken_modules(report)
