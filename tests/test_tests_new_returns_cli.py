"""``impactgraph tests`` follows what a class's ``__new__`` returns when that is no instance
of the class: ``StringField(...)`` in a class body is the ``UnboundField`` that
``Field.__new__`` makes until a form binds it. (Found on wtforms 3.1.2: a change to
``UnboundField.__repr__`` missed tests/fields/test_field.py, which asserts on
``repr(F.a)``.)"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

FIELDS = """
    class Unbound:
        def __init__(self, field_class, *args, **kwargs):
            self.field_class = field_class
            self.args = args
            self.kwargs = kwargs

        def bind(self, form):
            return self.field_class(*self.args, _form=form, **self.kwargs)

        def __repr__(self):
            return "<Unbound>"


    class Field:
        def __new__(cls, *args, **kwargs):
            if "_form" in kwargs:
                return super().__new__(cls)
            return Unbound(cls, *args, **kwargs)

        def __init__(self, label="", _form=None):
            self.label = label

        def __repr__(self):
            return "<Field>"


    class StringField(Field):
        pass


    class Plain:
        def __new__(cls):
            return super().__new__(cls)

        def __repr__(self):
            return "<Plain>"
"""

BASE = {
    "src/forms/__init__.py": "",
    "src/forms/fields.py": FIELDS,
    "tests/test_unbound.py": """
        from forms.fields import StringField


        class F:
            a = StringField(label="a")


        def test_unbound_repr():
            assert repr(F.a) == "<Unbound>"
    """,
    "tests/test_plain.py": """
        from forms.fields import Plain


        def test_plain_repr():
            assert repr(Plain()) == "<Plain>"
    """,
}


def test_what_new_returns_instead_of_an_instance_is_the_call_s_value(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/forms/fields.py": FIELDS.replace('"<Unbound>"', '"<mutated>"')})
    assert selected_tests(root) == ["tests/test_unbound.py"]


def test_an_instance_new_returns_is_no_other_value(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/forms/fields.py": FIELDS.replace('"<Plain>"', '"<mutated>"')})
    assert selected_tests(root) == ["tests/test_plain.py"]
