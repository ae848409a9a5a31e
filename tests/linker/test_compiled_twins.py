"""A name bound either to a compiled accelerator or to our own pure-Python code of the same
name (``try: from psycopg_c.pq import Escaping`` ... ``except ImportError: from .pq_ctypes
import Escaping``) stands for our code: the accelerator is its twin, with the same interface,
and what it does is what ours does, which the graph links. Taken as an unknown outside class,
every call of a method of an object it was built with "may call back" every public method of
what it was given: on psycopg 3.3, 7,581 of 12,904 call edges were such guesses
(``BytesDumper.quote`` called 351 methods)."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.linker.resolve import without_twins
from impactgraph.linker.values import Ext, Mod, Sym, Value

FILES = {
    "pkg/__init__.py": "",
    "pkg/conn.py": """
class PGconn:
    def escape(self, data):
        return data

    def close(self):
        pass

    def reset(self):
        pass
""",
    "pkg/pure.py": """
class Escaping:
    def __init__(self, conn):
        self.conn = conn

    def escape_bytea(self, data):
        return self.conn.escape(data)
""",
    "pkg/pq.py": """
try:
    from pkg_c.pq import Escaping
except ImportError:
    from pkg.pure import Escaping
""",
    "pkg/use.py": """
from pkg.conn import PGconn
from pkg.pq import Escaping


def quote(data):
    esc = Escaping(PGconn())
    return esc.escape_bytea(data)
""",
}


def _calls(graph, source: str) -> set[str]:
    return {target for target, kind in graph.successors(source) if kind == "calls"}


def test_a_compiled_twin_of_our_class_is_our_class() -> None:
    graph = graph_of(FILES)
    called = _calls(graph, "pkg.use:quote")
    assert "pkg.pure:Escaping.escape_bytea" in called
    assert "pkg.conn:PGconn.close" not in called  # no "callback" guess from the twin
    assert "pkg.conn:PGconn.reset" not in called
    assert "pkg.conn:PGconn.escape" in _calls(graph, "pkg.pure:Escaping.escape_bytea")


def test_module_alternatives_read_by_attribute() -> None:
    files = dict(FILES)
    files["pkg/pq.py"] = """
try:
    import pkg_c.pq as impl
except ImportError:
    impl = None
if impl is None:
    from pkg import pure as impl
Escaping = impl.Escaping
"""
    files["pkg/use.py"] = FILES["pkg/use.py"]
    graph = graph_of(files)
    called = _calls(graph, "pkg.use:quote")
    assert "pkg.pure:Escaping.escape_bytea" in called
    assert "pkg.conn:PGconn.close" not in called


def test_an_outside_class_of_another_name_still_calls_back() -> None:
    """A third-party class chosen over ours under another name is not a twin: what it runs
    is not known, so its methods may still call back what it was given."""
    files = dict(FILES)
    files["pkg/pq.py"] = """
try:
    from fastlib import Quoter as Escaping
except ImportError:
    from pkg.pure import Escaping
"""
    graph = graph_of(files)
    called = _calls(graph, "pkg.use:quote")
    assert "pkg.pure:Escaping.escape_bytea" in called
    assert "pkg.conn:PGconn.close" in called


def test_another_package_of_that_name_is_not_a_twin() -> None:
    """Django's ``psycopg_any`` falls back on its own ``IsolationLevel`` when psycopg lacks
    one: psycopg's class is psycopg's code, not a copy of Django's."""
    files = dict(FILES)
    files["pkg/pq.py"] = """
try:
    from fastlib.pq import Escaping
except ImportError:
    from pkg.pure import Escaping
"""
    called = _calls(graph_of(files), "pkg.use:quote")
    assert "pkg.pure:Escaping.escape_bytea" in called
    assert "pkg.conn:PGconn.close" in called
    shim: set[Value] = {Ext("psycopg.IsolationLevel"),
                        Sym("django.db.backends.psycopg_any:IsolationLevel")}
    assert without_twins(shim) == shim


def test_an_accelerator_in_our_own_package() -> None:
    """markupsafe's ``_speedups`` is a compiled module of its own package, with no source."""
    values: set[Value] = {Ext("markupsafe._speedups.escape"), Sym("markupsafe._native:escape"),
                          Ext("_markupsafe.escape")}
    assert without_twins(values) == {Sym("markupsafe._native:escape")}


def test_a_standard_library_name_is_not_a_twin() -> None:
    """``functools.cached_property`` beside a backport of ours stays: the linker knows what
    the standard one does. An attribute read of a module only annotated ``ModuleType`` names
    nothing the standard library has, and is a twin like any outside name."""
    backport: set[Value] = {Ext("functools.cached_property"), Sym("pkg.compat:cached_property")}
    assert without_twins(backport) == backport
    annotated: set[Value] = {Ext("types.ModuleType.Transformer"),
                             Ext("pkg_c._psycopg.Transformer"),
                             Sym("pkg._py_transformer:Transformer")}
    assert without_twins(annotated) == {Sym("pkg._py_transformer:Transformer")}


def test_only_a_plain_outside_name_is_a_twin() -> None:
    """An outside object built with our values (``carried``) is not a name of ours chosen
    over another; a module of ours is matched by its last name too."""
    built: set[Value] = {Ext("pkg_c.Escaping", "(v:m:f|<c1> 1 )"), Sym("pkg.pure:Escaping")}
    assert without_twins(built) == built
    modules: set[Value] = {Ext("pkg_c.speedups"), Mod("pkg.speedups")}
    assert without_twins(modules) == {Mod("pkg.speedups")}
