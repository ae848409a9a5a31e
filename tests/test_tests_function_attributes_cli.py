"""``impactgraph tests`` follows attributes stored on a function (``wrapper.cache_info =
cache_info``, then ``return functools.update_wrapper(wrapper, func)``): the test that calls
``w.cache_info()`` on what the decorator returned reaches ``cache_info``, and a test module
whose every call is resolved is no longer kept because it merely imports a changed module.
``update_wrapper`` and ``@functools.wraps`` copy the wrapped function's attributes onto the
wrapper: a read sees those too (shaped like cachetools 5.5's ``cached(cache, info=True)``)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

BASE = {
    "src/pkg/__init__.py": "",
    "src/pkg/memo.py": """
        import functools


        def size_of(cache):
            return len(cache)


        def hits_of(function):
            return 0


        def other():
            return 2


        def cached(cache):
            def decorator(func):
                def wrapper(*args):
                    return func(*args)

                def cache_info():
                    return size_of(cache)

                wrapper.cache_info = cache_info
                return functools.update_wrapper(wrapper, func)

            return decorator


        def counted(func):
            @functools.wraps(func)
            def wrapper(*args):
                return func(*args)

            def cache_info():
                return hits_of(wrapper)

            wrapper.cache_info = cache_info
            return wrapper


        def base(x):
            return x


        tagged = counted(base)
    """,
    "tests/test_info.py": """
        from pkg import memo


        def f(x):
            return x


        def test_info():
            w = memo.cached({})(f)
            assert w(1) == 1
            assert w.cache_info() == 0
    """,
    "tests/test_counted.py": """
        from pkg import memo


        def g(x):
            return x


        def test_counted():
            w = memo.counted(g)
            assert w(1) == 1
            assert w.cache_info() == 0
    """,
    "tests/test_nested.py": """
        from pkg import memo


        def test_nested():
            # update_wrapper copies the inner wrapper's cache_info over the outer one's
            w = memo.cached({})(memo.tagged)
            assert w.cache_info() == 0
    """,
    "tests/test_method.py": """
        from pkg import memo


        class Holder:
            @memo.counted
            def get(self, x):
                return x


        def test_method():
            holder = Holder()
            assert holder.get.__wrapped__(holder, 1) == 1
            assert holder.get.cache_info() == 0
    """,
    "tests/test_other.py": """
        from pkg import memo


        def test_other():
            assert memo.other() == 2
    """,
}


def _changed(tmp_path: Path, old: str, new: str) -> dict[str, list[str]]:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/pkg/memo.py": BASE["src/pkg/memo.py"].replace(old, new)})
    return selected_reasons(root)


def test_resolved_wrapper_attributes_leave_unrelated_tests_out(tmp_path: Path) -> None:
    assert sorted(_changed(tmp_path, "def other():", "def other(x):")) == [
        "tests/test_other.py"
    ]


def test_an_attribute_of_the_returned_wrapper_reaches_its_function(tmp_path: Path) -> None:
    reasons = _changed(tmp_path, "def size_of(cache):", "def size_of(cache, deep):")
    assert "tests/test_info.py" in reasons
    assert "tests/test_nested.py" in reasons
    assert "tests/test_other.py" not in reasons
    assert any("cache_info" in r for r in reasons["tests/test_info.py"])


def test_the_wrapped_functions_attributes_are_read_too(tmp_path: Path) -> None:
    reasons = _changed(tmp_path, "def hits_of(function):", "def hits_of(function, deep):")
    assert "tests/test_counted.py" in reasons
    assert "tests/test_method.py" in reasons  # a bound method reads its function's
    assert "tests/test_nested.py" in reasons  # the copied cache_info
    assert "tests/test_other.py" not in reasons
