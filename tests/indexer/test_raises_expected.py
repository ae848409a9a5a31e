"""Which calls run in a block that expects a TypeError whatever its message says
(``CallSite.raises_expected``): a call there that no longer binds is what the test expects."""

from __future__ import annotations

import textwrap

from impactgraph.indexer.astroid_tree import summarize_astroid


def marks(code: str) -> dict[str, bool]:
    summary = summarize_astroid(textwrap.dedent(code), "test_m", "test_m.py")
    return {site.callee[0][-1]: site.raises_expected for site in summary.calls
            if not site.implicit and site.callee[0][-1].startswith(".")
            and site.callee[0][-1] not in (".raises", ".assertRaises", ".assertRaisesRegex",
                                           ".warns")}


def test_calls_in_a_block_expecting_a_type_error_are_marked() -> None:
    assert marks("""\
        import builtins
        import unittest

        import pytest
        from pytest import raises


        def test_it(h):
            with pytest.raises(TypeError):
                h.one(h.two())
            with raises((KeyError, builtins.TypeError)):
                h.three()
            with pytest.raises(Exception) as info, open("f"):
                h.four()
            h.five()


        class T(unittest.TestCase):
            def test_it(self, h):
                with self.assertRaises(BaseException, msg="why"):
                    h.six()
        """) == {".one": True, ".two": True, ".three": True, ".four": True, ".five": False,
                 ".six": True}


def test_a_pattern_another_exception_or_a_nested_function_is_not_marked() -> None:
    assert marks("""\
        import pytest


        def test_it(h, options):
            with pytest.raises(TypeError, match="too many"):
                h.one()
            with pytest.raises(TypeError, **options):
                h.two()
            with pytest.raises(ValueError):
                h.three()
            with pytest.raises(TypeError):
                def later():
                    h.four()
            with pytest.warns(TypeError):
                h.five()
            with self.assertRaisesRegex(TypeError, "pattern"):
                h.six()
        """) == {".one": False, ".two": False, ".three": False, ".four": False, ".five": False,
                 ".six": False}


def test_a_pattern_of_pythons_own_binding_message_is_marked() -> None:
    # the test expects the call not to bind, whatever the message: Python's words for it
    assert marks("""\
        import pytest


        def test_it(h, given):
            with pytest.raises(TypeError, match=".*got an unexpected keyword argument 'x'"):
                h.one(x=1)
            msg = "missing 1 required positional argument: 'y'"
            with pytest.raises(TypeError, match=msg):
                h.two()
            with pytest.raises(TypeError, match="takes 2 positional arguments but 3 were given"):
                h.three(1, 2, 3)
            with pytest.raises(TypeError, match="unsupported operand"):
                h.four()
            other = "a" if h else "required positional argument"
            with pytest.raises(TypeError, match=other):
                h.five()
            with pytest.raises(TypeError, match=given):
                h.six()
        """) == {".one": True, ".two": True, ".three": True, ".four": False, ".five": False,
                 ".six": False}
