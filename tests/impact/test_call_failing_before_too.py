"""A call the head links to a changed function through a value of another name, written as
it was in the base, that surely does not bind the function's base signature either: the
change is not what breaks it. Either it never runs the function (the link's guess at a
receiver), or it failed already; 'broken' is a call the new signature no longer accepts
(DESIGN.md "Impact"). A call that bound the base signature and does not bind the head's, or
a call spelling the function's own name, is judged as before.

SQLAlchemy 2.0.30 -> 2.0.36: ``StrSQLCompiler.visit_sequence(self, seq, **kw)`` renamed
``seq`` to ``sequence``, and ``visit_empty_set_expr`` ``type_`` to ``element_types``.
``SQLCompiler.visit_binary`` calls ``getattr(self, "visit_%s_%s%s" % ...)`` with two values by
position: every ``visit_*`` method is a receiver to the link, and none taking one argument
ever took that call. And ``@_generative``, added to ``FunctionFilter.filter``, is made by
``util.decorator``, whose run-time wrappers the link gives every function so decorated: a
``Table("t", meta, ..., schema=s)`` (``Table.__init__`` under ``@util.deprecated_params``)
reached ``filter`` in the head.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

COMPILER = """\
class Compiler:
    def _dispatch(self, op, qualifier):
        return getattr(self, "visit_%s_%s" % (op, qualifier), None)

    def visit_binary(self, binary, **kw):
        disp = self._dispatch(binary.op, "binary")
        if disp:
            return {call}
        return None

    def visit_sequence(self, {parameter}, **kw):
        return {parameter}
"""

USER = """\
from pkg.compiler import Compiler


def compile_it(binary):
    return Compiler().visit_binary(binary)
"""


def _renamed(tmp_path: Path, call: str) -> set[str]:
    def files(parameter: str) -> dict[str, str]:
        return {"pkg/__init__.py": "", "pkg/user.py": USER,
                "pkg/compiler.py": COMPILER.format(call=call, parameter=parameter)}

    report = impact_between(files("seq"), files("sequence"), tmp_path)
    assert {c["kind"] for c in report["changes"]} == {"parameter-renamed"}
    return broken_modules(report)


def test_a_dispatched_call_that_never_bound_the_method_does_not_break(tmp_path: Path) -> None:
    # two values by position, for a method taking one: it failed as it fails now
    assert _renamed(tmp_path, "disp(binary, binary.op, **kw)") == set()


@pytest.mark.parametrize("call", [
    "disp(seq=binary)",  # the old name by keyword: it bound, and does not now
    "self.visit_sequence(binary, binary.op, **kw)",  # the method's own name: as written
])
def test_a_call_the_rename_breaks_or_one_naming_the_method_still_breaks(
        call: str, tmp_path: Path) -> None:
    assert "pkg.compiler" in _renamed(tmp_path, call)


MAKER = """\
import sys
from functools import update_wrapper


def decorator(target):
    def decorate(fn):
        code = "def %(name)s(*args, **kw):\\n    return target(fn, *args, **kw)\\n" % {
            "name": fn.__name__}
        env = dict(vars(sys.modules[fn.__module__]))
        env.update({"target": target, "fn": fn})
        exec(code, env)
        decorated = env[fn.__name__]
        decorated.__wrapped__ = fn
        return update_wrapper(decorated, fn)

    return update_wrapper(decorate, target)


def deprecated_params(**specs):
    @decorator
    def warned(fn, *args, **kwargs):
        return fn(*args, **kwargs)

    return warned


@decorator
def _generative(fn, self, *args, **kw):
    fn(self, *args, **kw)
    return self
"""

SCHEMA = """\
from pkg.maker import deprecated_params


class Table:
    @deprecated_params(old=("2.0", "gone"))
    def __init__(self, name, *columns, schema=None):
        self.name = name
"""

ELEMENTS = """\
from pkg.maker import _generative


class FunctionFilter:
{decorator}    def filter(self, {parameters}):
        return self
"""

CATALOG = """\
from pkg.schema import Table

TABLES = Table("columns", "a", "b", schema="{schema}")
"""


def _decorated(tmp_path: Path, parameters: str, schema: str = "information_schema",
               changed: str | None = None) -> set[str]:
    def files(decorator: str, parameters: str, schema: str) -> dict[str, str]:
        return {"pkg/__init__.py": "", "pkg/maker.py": MAKER, "pkg/schema.py": SCHEMA,
                "pkg/elements.py": ELEMENTS.format(decorator=decorator,
                                                   parameters=parameters),
                "pkg/catalog.py": CATALOG.format(schema=schema)}

    return broken_modules(impact_between(
        files("", parameters, schema),
        files("    @_generative\n", changed or parameters, schema), tmp_path))


def test_a_call_reaching_a_newly_wrapped_function_through_its_maker_does_not_break(
        tmp_path: Path) -> None:
    assert _decorated(tmp_path, "*criterion") == set()
