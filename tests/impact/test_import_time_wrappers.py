"""Applying a decorated decorator runs its wrapper, not the function its name names.

A call of a decorated function's name is linked twice: to the function (a ``named`` edge: its
signature and its removal are what the caller uses) and to the wrapper its decorator of ours
returned, which is what runs. While a module is imported, whether the decorated function runs
is read from the wrapper's own calls: SQLAlchemy 2.0's ``@decorator def provide_metadata(fn,
*args)`` gives a ``decorate(fn)`` that builds a function calling ``provide_metadata`` later, so
the test modules applying ``@testing.provide_metadata`` to their methods import as before when
``provide_metadata`` reaches a broken call (22 of them were marked broken).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()

FILES = {
    "pkg/__init__.py": "",
    "pkg/lib.py": """
        def fetch(x):
            return x
        """,
    "pkg/deco.py": """
        import functools


        def decorator(target):
            # the wrapper builds a function that calls ``target`` when it is called
            def decorate(fn):
                def decorated(*args, **kw):
                    return target(fn, *args, **kw)
                return functools.update_wrapper(decorated, fn)
            return functools.update_wrapper(decorate, target)


        def eager(target):
            # the wrapper calls ``target`` as it decorates
            def decorate(fn):
                target(fn)
                return fn
            return decorate


        def plain(f):
            @functools.wraps(f)
            def wrapper(*args):
                return f(*args)
            return wrapper


        class Registry:
            def __init__(self, f):
                self.f = f

            def __call__(self, *args):
                return self.f(*args)
        """,
    "pkg/helpers.py": """
        from pkg.deco import Registry, decorator, eager, plain
        from pkg.lib import fetch


        @decorator
        def provide(fn, *args):
            fetch(1)
            return fn(*args)


        @eager
        def check(fn):
            fetch(2)


        @plain
        def load(name):
            return fetch(name)


        @Registry
        def held(name):
            return fetch(name)
        """,
    "pkg/lazy_user.py": """
        from pkg.helpers import provide


        @provide
        def job(a):
            return a
        """,
    "pkg/lazy_importer.py": """
        import pkg.lazy_user
        """,
    "pkg/eager_user.py": """
        from pkg.helpers import check


        @check
        def job(a):
            return a
        """,
    "pkg/plain_user.py": """
        from pkg.helpers import load

        DATA = load("a")
        """,
    "pkg/held_user.py": """
        from pkg.helpers import held

        DATA = held("a")
        """,
}


def _affected(tmp_path: Path) -> dict[str, dict[str, Any]]:
    root = init_repo(tmp_path / "repo")
    commit(root, FILES, message="base", tag="base")
    commit(root, {"pkg/lib.py": "def fetch(x, y):\n    return x\n"}, message="head", tag="head")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                                 "head", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return {a["module"]: a for a in report["affected"]}


def test_a_wrapper_that_calls_the_function_later_does_not_break_the_import(
    tmp_path: Path,
) -> None:
    affected = _affected(tmp_path)
    # ``@provide`` runs ``decorate(job)``, which only builds the function that calls
    # ``provide``: importing lazy_user works, and so does importing its importer
    assert not affected["pkg.lazy_user"]["breaking"]
    assert "pkg.lazy_importer" not in affected or not affected["pkg.lazy_importer"]["breaking"]


def test_a_wrapper_that_calls_the_function_as_it_decorates_breaks_the_import(
    tmp_path: Path,
) -> None:
    affected = _affected(tmp_path)
    assert affected["pkg.eager_user"]["breaking"]  # ``@check`` runs ``check(job)``


def test_a_call_through_a_wrapper_that_calls_the_function_breaks_the_import(
    tmp_path: Path,
) -> None:
    affected = _affected(tmp_path)
    assert affected["pkg.plain_user"]["breaking"]  # ``load("a")`` runs ``wrapper`` -> ``load``
    # an instance wrapper of ours: its ``__call__`` reaches the function through an
    # attribute, and the name's edge is followed as before
    assert affected["pkg.held_user"]["breaking"]


GENERATED = {
    "pkg/__init__.py": "",
    "pkg/lib.py": """
        def fetch(x):
            return x
        """,
    "pkg/engine.py": """
        from pkg.lib import fetch


        def connect(url):
            return fetch(url)


        def build(source):
            namespace = {}
            exec(source, namespace)
            return namespace
        """,
    # a message that reads like code calling ``connect``: a call of it for the ``exec``
    "pkg/options.py": """
        from pkg.engine import build


        def options(**kw):
            if "level" in kw:
                raise ValueError("pass level to connect() instead")
            return kw


        def compiled(text):
            return build(text)
        """,
    "pkg/statement.py": """
        from pkg.options import options

        DEFAULTS = options(stream=True)
        """,
    "pkg/eager.py": """
        from pkg.engine import connect

        ENGINE = connect("db")
        """,
}


def test_a_call_read_from_a_string_does_not_run_when_its_holder_runs(tmp_path: Path) -> None:
    # SQLAlchemy 2.0's ``Executable.execution_options`` raises "... argument to
    # create_engine()": module code building a statement with options does not call
    # ``create_engine`` while it is imported
    root = init_repo(tmp_path / "repo")
    commit(root, GENERATED, message="base", tag="base")
    commit(root, {"pkg/lib.py": "def fetch(x, y):\n    return x\n"}, message="head", tag="head")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                                 "head", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    affected = {a["module"]: a for a in json.loads(result.stdout)["affected"]}
    assert affected["pkg.engine"]["breaking"]  # ``connect`` calls ``fetch`` the old way
    assert affected["pkg.eager"]["breaking"]  # and runs while ``eager`` is imported
    assert "pkg.options" in affected  # the string's call is a use all the same
    assert not affected.get("pkg.statement", {"breaking": False})["breaking"]
