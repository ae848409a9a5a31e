"""The names a module's ``__getattr__`` surely serves (``FileSummary.getattr_names``): a use
of a removed name it still serves breaks nothing."""

from __future__ import annotations

import textwrap

from impactgraph.indexer.astroid_tree import summarize_astroid


def served(code: str) -> tuple[str, ...]:
    return summarize_astroid(textwrap.dedent(code), "pkg", "pkg/__init__.py").getattr_names


def test_names_compared_then_returned_are_served() -> None:
    # werkzeug 3.1's datastructures: one ``if`` per deprecated name
    assert served("""\
        def __getattr__(attr):
            import warnings
            if attr == "OrderedMultiDict":
                warnings.warn("deprecated", DeprecationWarning)
                return dict
            if attr in ("A", "B"):
                return list
            raise AttributeError(attr)
        """) == ("OrderedMultiDict", "A", "B")


def test_names_the_rest_serves_after_raising_for_every_other_are_served() -> None:
    # attrs 25: ``if name not in ("__version__", ...): raise AttributeError``
    assert served("""\
        def __getattr__(name):
            if name not in ("__version__", "__url__"):
                raise AttributeError(name)
            return "x"
        """) == ("__version__", "__url__")


def test_a_table_lookup_a_raise_or_no_getattr_serves_nothing_known() -> None:
    assert served("""\
        _dynamic = {"BaseModel": ".main"}

        def __getattr__(name):
            if name == "Gone":
                raise AttributeError("Gone was removed")
            if name != "Also":
                return _dynamic[name]
            return None
        """) == ()
    assert served("""\
        def other(name):
            if name == "X":
                return 1
        """) == ()
