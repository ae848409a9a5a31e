"""``impactgraph tests`` after a change to what code writes into module-level state of ours (a
list a function inserts into, a global it rebinds): the state outlives the test that wrote it,
and another test file of the same pytest process that only reads it fails, though none of its
calls reaches the change. (mistletoe 1.4.0: ``BaseRenderer.__exit__`` calls
``block_token.reset_tokens()``, which rebinds the module's ``_token_types``, a list that
``BaseRenderer.__init__`` extends through ``add_token``; ``__exit__`` made to return early,
or a renderer's ``__init__`` made to raise after ``add_token``, left a renderer's tokens in
the list and failed test/test_repr.py, which parses with ``Document`` and enters no
renderer, not selected.) Checked against pytest: each change below fails test_words.py when
the suite runs test_render.py first, as it does in one process."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/tokens.py": """
        class Word:
            pass


        class Extra:
            pass


        DEFAULTS = (Word,)
        _token_types = []


        def add_token(cls):
            _token_types.insert(0, cls)


        def reset_tokens():
            global _token_types
            _token_types = [cls for cls in DEFAULTS]


        def parse(text):
            return [_token_types[0].__name__ for _ in text.split()]


        def count(text):
            return len(text.split())


        reset_tokens()
    """,
    "src/pkg/render.py": """
        from pkg import tokens


        class Renderer:
            def __init__(self, *extras):
                for token in extras:
                    tokens.add_token(token)
                self.check()

            def check(self):
                return True

            def __enter__(self):
                return self

            def __exit__(self, *args):
                tokens.reset_tokens()

            def render(self, text):
                return " ".join(tokens.parse(text))
    """,
    "tests/test_render.py": """
        from pkg.render import Renderer
        from pkg.tokens import Extra


        def test_render():
            with Renderer(Extra) as r:
                assert r.render("a") == "Extra"


        def test_check():
            try:
                with Renderer(Extra) as r:
                    r.check()
            except Exception:
                pass
    """,
    "tests/test_words.py": """
        from pkg.tokens import parse


        def test_words():
            assert parse("a b") == ["Word", "Word"]
    """,
    "tests/test_count.py": """
        from pkg.tokens import count


        def test_count():
            assert count("a b") == 2
    """,
}


def _changed(root: Path, path: str, old: str, new: str) -> list[str]:
    commit(root, BASE, message="base", tag="base")
    assert old in BASE[path]
    commit(root, {path: BASE[path].replace(old, new)})
    return selected_tests(root)


def test_a_change_that_no_longer_resets_module_state_selects_its_readers(
        tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, "src/pkg/render.py", "tokens.reset_tokens()", "return None")
    # before: test_render.py only (the one that enters a renderer); test_count.py reads no
    # state that reset_tokens writes
    assert selected == ["tests/test_render.py", "tests/test_words.py"]


def test_a_broken_call_after_a_state_write_selects_its_readers(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, "src/pkg/render.py",
                        "def check(self):", "def checked(self):")
    # before: test_render.py only; Renderer.__init__ inserts into _token_types and then
    # calls the method gone: the insert stays
    assert selected == ["tests/test_render.py", "tests/test_words.py"]


def test_a_change_writing_no_module_state_selects_no_reader(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, "src/pkg/render.py", "return self\n", "return self or None\n")
    assert selected == ["tests/test_render.py"]


def test_a_global_rebound_by_a_function_reading_no_state_selects_its_readers(
        tmp_path: Path) -> None:
    # mistletoe's own ``reset_tokens``: ``_token_types = [globals()[name] for name in
    # __all__]`` names no module-level variable of its module (``__all__`` is no variable
    # node), so only its module's other functions reading ``_token_types`` tell that the
    # module keeps state
    base = dict(BASE)
    tokens = BASE["src/pkg/tokens.py"]
    old = "_token_types = [cls for cls in DEFAULTS]"
    assert old in tokens
    base["src/pkg/tokens.py"] = tokens.replace(
        old, '_token_types = [globals()[name] for name in ("Word",)]')
    root = init_repo(tmp_path / "repo")
    commit(root, base, message="base", tag="base")
    render = base["src/pkg/render.py"]
    commit(root, {"src/pkg/render.py": render.replace("tokens.reset_tokens()", "return None")})
    assert selected_tests(root) == ["tests/test_render.py", "tests/test_words.py"]


def test_an_enter_that_may_now_raise_selects_what_its_exit_resets(tmp_path: Path) -> None:
    # ``with Renderer(Extra) as r``: ``__init__`` added the token, ``__enter__`` raises, and
    # ``__exit__``, which would reset the tokens, is not run; test_words.py then parses with
    # the extra token first
    root = init_repo(tmp_path / "repo")
    selected = _changed(root, "src/pkg/render.py", "return self\n",
                        'raise RuntimeError("not entered")\n')
    assert selected == ["tests/test_render.py", "tests/test_words.py"]
