"""A decorator usable bare (``@retry``) or with arguments (``@retry(stop=...)``): applied with
arguments it gives back a decorator, and applying that does not run the decorated function, so
a test module that imports the module defining that function, but never calls it, is not
selected for a change only the function's body reaches; applied bare to a function that its
module calls at import, it still is."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/pkg/__init__.py": "",
    "src/pkg/retrying.py": """
        import functools


        class Retrying:
            def __init__(self, *args, **kwargs):
                self.kwargs = kwargs

            def wraps(self, f):
                @functools.wraps(f)
                def wrapped_f(*args, **kw):
                    return self(f, *args, **kw)
                return wrapped_f

            def __call__(self, fn, *args, **kwargs):
                for _ in range(3):
                    try:
                        return fn(*args, **kwargs)
                    except ValueError:
                        pass
                raise RuntimeError("gave up")


        def retry(*dargs, **dkw):
            if len(dargs) == 1 and callable(dargs[0]):
                return retry()(dargs[0])
            else:
                def wrap(f):
                    return Retrying(*dargs, **dkw).wraps(f)
                return wrap
    """,
    "src/pkg/calc.py": """
        def compute():
            return 1


        def other():
            return 2
    """,
    "src/pkg/client.py": """
        from pkg.calc import compute
        from pkg.retrying import retry


        @retry(reraise=True)
        def fetch():
            return compute()


        def name():
            return "client"
    """,
    "src/pkg/warm.py": """
        from pkg.calc import compute
        from pkg.retrying import retry


        @retry
        def load():
            return compute()


        CACHE = load()


        def size():
            return 1
    """,
    "tests/test_client.py": """
        from pkg.client import name


        def test_name():
            assert name() == "client"
    """,
    "tests/test_warm.py": """
        from pkg.warm import size


        def test_size():
            assert size() == 1
    """,
}


def test_a_decorator_called_with_arguments_does_not_run_the_function_on_import(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/pkg/calc.py"].replace("return 1", "return 5")
    commit(root, {"src/pkg/calc.py": changed})
    assert selected_tests(root) == ["tests/test_warm.py"]


def test_a_test_that_calls_the_decorated_function_is_selected(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = dict(BASE)
    files["tests/test_client.py"] = BASE["tests/test_client.py"].replace(
        "from pkg.client import name", "from pkg.client import fetch, name"
    ).replace('assert name() == "client"', "assert fetch() == 1")
    commit(root, files, message="base", tag="base")
    changed = BASE["src/pkg/calc.py"].replace("return 1", "return 5")
    commit(root, {"src/pkg/calc.py": changed})
    assert selected_tests(root) == ["tests/test_client.py", "tests/test_warm.py"]
