"""Modules, packages and what they export: the public surface."""

from __future__ import annotations

import pytest
from diff_support import diff_changes, diff_set

PKG = "pkg/__init__.py"
A = "pkg/a.py"

CASES = [
    ("module added", {A: "def f(): pass"}, {A: "def f(): pass", "pkg/b.py": "X = 1"},
     {("b", "module-added", False)}),
    ("module removed", {A: "def f(): pass", "pkg/b.py": "X = 1"}, {A: "def f(): pass"},
     {("b", "module-removed", True)}),
    ("private module removed", {PKG: "", A: "", "pkg/_impl.py": "X = 1"}, {PKG: "", A: ""},
     {("pkg._impl", "module-removed", False)}),
    ("test module removed", {"tests/test_x.py": "def test_x(): pass", A: ""}, {A: ""},
     {("test_x", "module-removed", False)}),
    ("test function removed", {"tests/test_x.py": "def test_x(): pass\ndef test_y(): pass"},
     {"tests/test_x.py": "def test_x(): pass"}, {("test_x:test_y", "symbol-removed", False)}),
    # jinja2 3.1.6: ``missing = type("MissingType", (), {...})()`` became a class statement;
    # the class ``type()`` made is named ``<type1>`` in the summary, which no import can name
    ("a class made by type() goes", {A: 'missing = type("MissingType", (), {})()'},
     {A: "class MissingType:\n    pass\nmissing = MissingType()"},
     {("a:MissingType", "symbol-added", False), ("a:missing", "body-changed", False)}),
    ("a class made by type() comes", {A: "class M:\n    pass"},
     {A: 'class M:\n    pass\nN = type("N", (M,), {})'}, {("a:N", "symbol-added", False)}),
    # -- package re-exports ------------------------------------------------------------------
    ("re-export removed", {PKG: "from .a import f, g", A: "def f(): pass\ndef g(): pass"},
     {PKG: "from .a import g", A: "def f(): pass\ndef g(): pass"},
     {("pkg:f", "export-removed", True)}),
    ("re-exported symbol removed at its source",
     {PKG: "from .a import f", A: "def f(): pass\ndef g(): pass"},
     {PKG: "from .a import f", A: "def g(): pass"},
     {("pkg.a:f", "symbol-removed", True), ("pkg:f", "export-removed", True)}),
    ("star re-export loses a name", {PKG: "from .a import *", A: "def f(): pass\ndef g(): pass"},
     {PKG: "from .a import *", A: "def g(): pass"},
     {("pkg.a:f", "symbol-removed", True), ("pkg:f", "export-removed", True)}),
    ("re-export moved to another submodule",
     {PKG: "from .a import f", A: "def f(): pass", "pkg/b.py": ""},
     {PKG: "from .b import f", A: "", "pkg/b.py": "def f(): pass"},
     {("pkg.a:f", "symbol-removed", True), ("pkg.b:f", "symbol-added", False)}),
    ("re-export added", {PKG: "", A: "def f(): pass"},
     {PKG: "from .a import f", A: "def f(): pass"},
     {("pkg:f", "symbol-added", False)}),
    ("package __getattr__ may still serve a removed re-export",
     {PKG: "from .a import f\ndef __getattr__(name): pass", A: "def f(): pass"},
     {PKG: "def __getattr__(name): pass", A: "def f(): pass"},
     {("pkg:f", "export-removed", False)}),
    ("type-checking import is not an export",
     {PKG: "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import f",
      A: "def f(): pass"},
     {PKG: "from typing import TYPE_CHECKING", A: "def f(): pass"}, set()),
    ("plain module imports are not exports", {A: "from os import path\ndef f(): pass"},
     {A: "def f(): pass"}, set()),
    ("private re-export removed", {PKG: "from .a import _f", A: "def _f(): pass"},
     {PKG: "", A: "def _f(): pass"}, set()),
    # -- __all__ -----------------------------------------------------------------------------
    ("dropped from __all__ but still defined",
     {A: "__all__ = ['f', 'g']\ndef f(): pass\ndef g(): pass"},
     {A: "__all__ = ['f']\ndef f(): pass\ndef g(): pass"},
     {("a:g", "export-removed", False)}),
    ("__all__ governs a package's surface",
     {PKG: "from .a import f, g\n__all__ = ['f']", A: "def f(): pass\ndef g(): pass"},
     {PKG: "from .a import f\n__all__ = ['f']", A: "def f(): pass\ndef g(): pass"}, set()),
    ("name in __all__ removed with its definition",
     {A: "__all__ = ['f', 'g']\ndef f(): pass\ndef g(): pass"},
     {A: "__all__ = ['f']\ndef f(): pass"}, {("a:g", "symbol-removed", True)}),
    ("a name __all__ lists and neither revision binds is no removal (sqlalchemy 2.0.35 ->"
     " 2.0.36: ext.declarative lists instrument_declarative, which it never defines)",
     {PKG: "from .a import f\n__all__ = ['f', 'never']", A: "def f(): pass"},
     {PKG: "from .a import f\n__all__ = ['f', 'never']\nX = 1", A: "def f(): pass"},
     {("pkg:X", "symbol-added", False)}),
    ("a name bound in a function by global is no removal when the module did not change",
     {PKG: "from .a import f\n__all__ = ['f', 'lazy']\ndef _load():\n    global lazy\n"
           "    from .b import lazy\n", A: "def f(): pass", "pkg/b.py": "def lazy(): pass"},
     {PKG: "from .a import f\n__all__ = ['f', 'lazy']\ndef _load():\n    global lazy\n"
           "    from .b import lazy\n", A: "def f(a=1): pass", "pkg/b.py": "def lazy(): pass"},
     {("pkg.a:f", "parameter-added", False)}),
    ("a name __all__ starts listing without binding it is no re-export",
     {PKG: "from .a import f\n__all__ = ['f']", A: "def f(): pass"},
     {PKG: "from .a import f\n__all__ = ['f', 'never']", A: "def f(): pass"}, set()),
    ("a name __all__ lists that the head stops binding is removed",
     {PKG: "from .a import f, g\n__all__ = ['f', 'g']", A: "def f(): pass\ndef g(): pass"},
     {PKG: "from .a import f\n__all__ = ['f', 'g']", A: "def f(): pass\ndef g(): pass"},
     {("pkg:g", "export-removed", True)}),
    ("an __all__ spliced from a submodule's governs the surface too (Django's models)",
     {PKG: "from .a import *\nfrom . import a\nfrom .b import helper\n__all__ = a.__all__",
      A: "__all__ = ['f']\ndef f(): pass", "pkg/b.py": "def helper(): pass"},
     {PKG: "from .a import *\nfrom . import a\n__all__ = a.__all__",
      A: "__all__ = ['f']\ndef f(): pass", "pkg/b.py": "def helper(): pass"}, set()),
    ("a name a spliced __all__ lists and the head stops binding is removed",
     {PKG: "from .a import *\nfrom . import a\nfrom .b import helper\n"
           "__all__ = a.__all__ + ['helper']",
      A: "__all__ = ['f']\ndef f(): pass", "pkg/b.py": "def helper(): pass"},
     {PKG: "from .a import *\nfrom . import a\n__all__ = a.__all__ + ['helper']",
      A: "__all__ = ['f']\ndef f(): pass", "pkg/b.py": "def helper(): pass"},
     {("pkg:helper", "export-removed", True)}),
    # -- definitions that moved and are imported back ---------------------------------------
    ("function moved out and imported back",
     {PKG: "def f(a): pass", A: ""}, {PKG: "from .a import f", A: "def f(a): pass"},
     {("pkg:f", "body-changed", False), ("pkg.a:f", "symbol-added", False)}),
    ("function moved out, imported back, lost a parameter",
     {PKG: "def f(a, b): pass", A: ""}, {PKG: "from .a import f", A: "def f(a): pass"},
     {("pkg:f", "body-changed", False), ("pkg:f", "parameter-removed", True),
      ("pkg.a:f", "symbol-added", False)}),
    ("function moved in from a submodule it was re-exported from",
     {PKG: "from .a import f", A: "def f(a): pass"}, {PKG: "def f(a, b=1): pass", A: ""},
     {("pkg:f", "parameter-added", False), ("pkg.a:f", "symbol-removed", True)}),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_surface_changes(old: dict[str, str], new: dict[str, str], expected: set[object]) -> None:
    assert diff_set(old, new) == expected


def test_module_renamed_keeps_comparing_its_contents() -> None:
    old = {PKG: "", "pkg/old.py": "def f(a): pass\ndef g(): pass"}
    new = {PKG: "", "pkg/new.py": "def f(a, b): pass\ndef g(): pass"}
    found = diff_set(old, new, renames={"pkg/old.py": "pkg/new.py"})
    assert found == {
        ("pkg.old", "module-renamed", True),
        ("pkg.new:f", "parameter-added", True),
    }
    renamed = next(c for c in diff_changes(old, new, renames={"pkg/old.py": "pkg/new.py"})
                   if c.kind.value == "module-renamed")
    assert (renamed.path, renamed.detail) == ("pkg/new.py", "pkg.new")


def test_without_rename_information_a_move_is_removal_and_addition() -> None:
    old = {PKG: "", "pkg/old.py": "def f(): pass"}
    new = {PKG: "", "pkg/new.py": "def f(): pass"}
    assert diff_set(old, new) == {
        ("pkg.old", "module-removed", True), ("pkg.new", "module-added", False),
    }


def test_unparsable_module_is_skipped() -> None:
    old = {A: "def f(a): pass", "pkg/b.py": "def g(): pass"}
    new = {A: "def f(a:\n", "pkg/b.py": "def g(x): pass"}
    assert diff_set(old, new) == {("b:g", "parameter-added", True)}


def test_changes_are_sorted_by_path_line_symbol_kind() -> None:
    old = {A: "def f(a): pass\ndef g(a): pass", "pkg/b.py": "def h(): pass"}
    new = {A: "def f(): pass\ndef g(): pass", "pkg/b.py": "def h(x): pass"}
    changes = diff_changes(old, new)
    keys = [(c.path, c.line, c.symbol, c.kind.value) for c in changes]
    assert keys == sorted(keys)
    assert [c.symbol for c in changes] == ["a:f", "a:g", "b:h"]


def test_removal_lines_come_from_the_base() -> None:
    (change,) = diff_changes({A: "\n\n\ndef f(): pass\ndef g(): pass"}, {A: "def g(): pass"})
    assert (change.symbol, change.path, change.line) == ("a:f", "pkg/a.py", 4)


VISITOR = "class Visitor:\n    def visit(self, node): pass\n\nclass Other:\n    pass\n"


@pytest.mark.parametrize("spelled", ["visitor.Visitor", "Visitor"])
def test_a_base_that_moved_with_its_renamed_module_is_no_base_removed(spelled: str) -> None:
    # yapf 0.40 moved yapf.yapflib.pytree_visitor to yapf.pytree.pytree_visitor: the classes
    # deriving from its PyTreeVisitor were reported base-removed, their users broken
    imports = {"visitor.Visitor": "from pkg{} import visitor",
               "Visitor": "from pkg{}.visitor import Visitor"}[spelled]
    calc = "{}\n\nclass Calc(" + spelled + "):\n    pass\n"
    old = {PKG: "", "pkg/visitor.py": VISITOR, "pkg/calc.py": calc.format(imports.format(""))}
    new = {PKG: "", "pkg/tree/__init__.py": "", "pkg/tree/visitor.py": VISITOR,
           "pkg/calc.py": calc.format(imports.format(".tree"))}
    found = diff_set(old, new, renames={"pkg/visitor.py": "pkg/tree/visitor.py"})
    assert ("pkg.visitor", "module-renamed", True) in found
    assert not {c for c in found if c[0] == "pkg.calc:Calc"}


def test_a_base_traded_for_another_class_of_a_renamed_module_is_still_removed() -> None:
    calc = "from pkg{} import visitor\n\nclass Calc(visitor.{}):\n    pass\n"
    old = {PKG: "", "pkg/visitor.py": VISITOR, "pkg/calc.py": calc.format("", "Visitor")}
    new = {PKG: "", "pkg/tree/__init__.py": "", "pkg/tree/visitor.py": VISITOR,
           "pkg/calc.py": calc.format(".tree", "Other")}
    found = diff_set(old, new, renames={"pkg/visitor.py": "pkg/tree/visitor.py"})
    assert ("pkg.calc:Calc", "base-removed", True) in found
