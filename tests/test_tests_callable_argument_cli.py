"""``impactgraph tests`` on a callable object (a class with ``__call__``) handed to code of ours
that calls it where the graph cannot see: attrs' ``attr.ib(validator=max_len(4))`` stores the
validator, and the ``__init__`` that attrs writes as source and ``exec``s calls it. A function
handed over is a reference of the code that hands it; an object with ``__call__`` is handed
over to be called just the same."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/checks/__init__.py": "",
    "src/checks/validators.py": """
        class _MaxLen:
            def __init__(self, limit):
                self.limit = limit

            def __call__(self, value):
                if len(value) > self.limit:
                    raise ValueError(value)

            def describe(self):
                return f"at most {self.limit}"


        def max_len(limit):
            return _MaxLen(limit)
    """,
    "src/checks/fields.py": """
        class Field:
            def __init__(self, validator):
                self.validator = validator


        def field(validator):
            return Field(validator)


        def checked(cls):
            names = {}
            lines = ["def __init__(self, value):"]
            for name, value in list(vars(cls).items()):
                if isinstance(value, Field):
                    names["_check_" + name] = value.validator
                    lines.append(f"    _check_{name}(value)")
                    lines.append(f"    self.{name} = value")
            exec("\\n".join(lines), names)
            cls.__init__ = names["__init__"]
            return cls
    """,
    "tests/test_validators.py": """
        from checks.fields import checked, field
        from checks.validators import max_len


        def test_max_len():
            @checked
            class Name:
                value = field(validator=max_len(2))

            assert Name("ab").value == "ab"
    """,
    "tests/test_fields.py": """
        from checks.fields import checked, field


        def test_field():
            @checked
            class Name:
                value = field(validator=len)

            assert Name("ab").value == "ab"
    """,
}


def test_a_changed_call_method_selects_who_hands_the_object_over(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/checks/validators.py"]
    commit(root, {"src/checks/validators.py": source.replace(
        "raise ValueError(value)", "raise TypeError(value)")})
    assert selected_tests(root) == ["tests/test_validators.py"]


def test_another_method_of_the_handed_over_object_is_not_called(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    source = BASE["src/checks/validators.py"]
    commit(root, {"src/checks/validators.py": source.replace("at most", "no more than")})
    assert selected_tests(root) == []


def test_without_source_run_by_the_code_base_the_flow_decides(tmp_path: Path) -> None:
    """No ``exec``/``eval``: every call of what was handed over is code the linker sees (click's
    ``Context(Command("x"))`` stores the command and never calls it)."""
    files = {
        **BASE,
        "src/checks/fields.py": """
            class Holder:
                def __init__(self, validator):
                    self.validator = validator
        """,
        "tests/test_validators.py": """
            from checks.fields import Holder
            from checks.validators import max_len


            def test_holder():
                assert Holder(max_len(2)).validator.limit == 2
        """,
        "tests/test_fields.py": "",
    }
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    source = BASE["src/checks/validators.py"]
    commit(root, {"src/checks/validators.py": source.replace(
        "raise ValueError(value)", "raise TypeError(value)")})
    assert selected_tests(root) == []
