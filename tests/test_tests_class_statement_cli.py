"""``impactgraph tests`` when a change breaks a class statement, so the module that holds it
fails at import time and every test whose process imports that module fails too (shaped like
marshmallow 3.21.3, where each of these failed the whole suite through ``tests/conftest.py``):

- a metaclass's ``__new__`` (run by the class statement) calls a function that lost a
  parameter the call still passes;
- an override of an abstract method is removed: a subclass that inherits it is abstract now,
  and a class body (``user = UserSchema()``) instantiates it;
- a property's getter is renamed while its ``@x.setter`` still reads ``x`` in the class body.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

INIT = """
    from pkg.schema import Schema
"""
UTIL = """
    def upper(text):
        return text.upper()
"""
TEST_UTIL = """
    from pkg.util import upper


    def test_upper():
        assert upper("a") == "A"
"""
TEST_SCHEMA = """
    from pkg import Schema


    def test_schema():
        assert Schema().dump(1) == 1
"""

METACLASS = {
    "src/pkg/__init__.py": INIT,
    "src/pkg/util.py": UTIL,
    "src/pkg/schema.py": """
        def declared(klass, names):
            return {n: getattr(klass, n) for n in names if not n.startswith("_")}


        class SchemaMeta(type):
            def __new__(mcs, name, bases, attrs):
                klass = super().__new__(mcs, name, bases, attrs)
                klass.fields = declared(klass=klass, names=list(attrs))
                return klass


        class Schema(metaclass=SchemaMeta):
            def dump(self, obj):
                return obj
    """,
    "tests/test_schema.py": TEST_SCHEMA,
    "tests/test_util.py": TEST_UTIL,
}


def test_a_break_in_a_metaclass_new_breaks_every_importer(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, METACLASS, message="base", tag="base")
    source = METACLASS["src/pkg/schema.py"]
    commit(root, {"src/pkg/schema.py": source.replace("def declared(klass, names)",
                                                      "def declared(names)")})
    # importing pkg.util runs pkg/__init__.py, whose import of pkg.schema now raises
    assert selected_tests(root) == ["tests/test_schema.py", "tests/test_util.py"]


ABSTRACT = {
    "src/pkg/__init__.py": INIT,
    "src/pkg/util.py": UTIL,
    "src/pkg/schema.py": """
        import abc


        class SchemaABC(abc.ABC):
            @abc.abstractmethod
            def dump(self, obj):
                pass

            @abc.abstractmethod
            def loads(self, text):
                pass


        class Schema(SchemaABC):
            def dump(self, obj):
                return obj

            def loads(self, text):
                return text
    """,
    "tests/__init__.py": "",
    "tests/shapes.py": """
        from pkg import Schema


        class UserSchema(Schema):
            pass


        class BlogSchema(Schema):
            user = UserSchema()
    """,
    "tests/conftest.py": """
        import pytest

        from tests.shapes import BlogSchema


        @pytest.fixture
        def blog():
            return BlogSchema()
    """,
    "tests/test_plain.py": """
        def test_plain():
            assert 1 + 1 == 2
    """,
    "tests/test_schema.py": TEST_SCHEMA,
    "other/test_other.py": """
        def test_other():
            assert True
    """,
}


def test_a_removed_abstract_override_breaks_a_subclass_instantiated_at_import(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, ABSTRACT, message="base", tag="base")
    source = ABSTRACT["src/pkg/schema.py"]
    start = source.index("            def loads(self, text):\n                return text")
    commit(root, {"src/pkg/schema.py": source[:start].rstrip() + "\n"})
    # tests/shapes.py instantiates UserSchema (abstract now) in a class body; conftest.py
    # imports it, so every test under tests/ fails; other/ does not import it
    assert selected_tests(root) == ["tests/test_plain.py", "tests/test_schema.py"]


def test_a_removed_abstract_override_breaks_a_module_that_builds_one_on_import(
    tmp_path: Path,
) -> None:
    files = {key: value for key, value in ABSTRACT.items() if not key.startswith("tests/")}
    files["src/pkg/defaults.py"] = """
        from pkg.schema import Schema


        class Plain(Schema):
            pass


        def build():
            return Plain()


        DEFAULT = build()
    """
    files["other/test_defaults.py"] = """
        from pkg.defaults import DEFAULT


        def test_default():
            assert DEFAULT is not None
    """
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    source = files["src/pkg/schema.py"]
    start = source.index("            def loads(self, text):\n                return text")
    commit(root, {"src/pkg/schema.py": source[:start].rstrip() + "\n"})
    # ``DEFAULT = build()`` runs ``Plain()`` (abstract now) while pkg.defaults is imported
    assert selected_tests(root) == ["other/test_defaults.py"]


PROPERTY = {
    "src/pkg/__init__.py": """
        from pkg.fields import Field
    """,
    "src/pkg/util.py": UTIL,
    "src/pkg/fields.py": """
        class Field:
            def __init__(self):
                self._default = None

            @property
            def default(self):
                return self._default

            @default.setter
            def default(self, value):
                self._default = value

            def other(self):
                return 1
    """,
    "tests/test_util.py": TEST_UTIL,
}


def test_a_renamed_property_getter_breaks_its_setter_at_import(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, PROPERTY, message="base", tag="base")
    source = PROPERTY["src/pkg/fields.py"]
    commit(root, {"src/pkg/fields.py": source.replace(
        "def default(self):", "def default_renamed(self):")})
    # ``@default.setter`` reads a name the class body no longer binds: NameError on import
    assert selected_tests(root) == ["tests/test_util.py"]


def test_a_property_removed_whole_breaks_no_importer(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, PROPERTY, message="base", tag="base")
    source = PROPERTY["src/pkg/fields.py"]
    start = source.index("            @property")
    end = source.index("            def other(self):")
    commit(root, {"src/pkg/fields.py": source[:start] + source[end:]})
    assert selected_tests(root) == []



ENUM = {
    "src/pkg/__init__.py": INIT,
    "src/pkg/util.py": UTIL,
    "src/pkg/schema.py": """
        import enum


        class Reason(enum.Enum):
            EMPTY = ("E1", "the value is empty")
            LONG = ("E2", "the value is too long")

            def __init__(self, code, description):
                self.code = code

            @property
            def text(self):
                return f"[{self.code}]"


        class Kind(enum.Enum):
            def __init__(self, code):
                self.code = code


        class Plain:
            EMPTY = ("E1", "the value is empty")

            def __init__(self, code, text):
                self.code = code


        class Schema:
            def dump(self, obj):
                return obj
    """,
    "tests/test_schema.py": TEST_SCHEMA,
    "tests/test_util.py": TEST_UTIL,
}


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("(self, code, description)", "(self, code)", ["tests/test_schema.py", "tests/test_util.py"]),
    ("(self, code)", "(self, code, extra)", []),
    ("(self, code, text)", "(self, code)", []),
], ids=["enum", "enum-without-members", "plain-class"])
def test_a_break_in_an_enum_init_breaks_every_importer(
    tmp_path: Path, old: str, new: str, expected: list[str],
) -> None:
    """An enum's members are made as its class body ends, each by ``__init__(self, *value)``
    (pathvalidate 3.2.1's ``ErrorReason``, whose ``__init__`` losing a parameter broke all nine
    test files, none selected); an enum without members (``Kind``) and a plain class whose body
    holds the same tuple (``Plain``) run their ``__init__`` on no import."""
    root = init_repo(tmp_path / "repo")
    commit(root, ENUM, message="base", tag="base")
    source = ENUM["src/pkg/schema.py"]
    assert source.count(old) == 1
    commit(root, {"src/pkg/schema.py": source.replace(old, new)})
    assert selected_tests(root) == expected
