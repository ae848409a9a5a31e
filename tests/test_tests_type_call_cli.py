"""``impactgraph tests`` follows a class made by ``type(name, bases, namespace)``: an instance
of it runs the methods of each of its bases, and a method found on ``self`` by computed name
in one base may be another base's. (Found on cerberus 1.3.4: ``validator_factory`` makes
``SchemaValidator`` as ``type(name, (SchemaValidatorMixin, Validator), {})``; the
``_check_with_schema`` rule of the mixin is found by ``getattr(self, "_check_with_" + rule)``
in ``Validator``, so removing ``SchemaValidatorMixin.known_schema_refs`` missed
test_errors.py and test_registries.py. The factory finds ``Validator`` through
``get_Validator_class()``, whose ``from cerberus.validator import Validator`` binds the
module's global, declared ``global Validator``.)"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

SCHEMA = """
    from valid.core import factory


    class SchemaMixin:
        def _check_with_schema(self, value):
            return self.known(value)

        def known(self, value):
            return isinstance(value, dict)


    SchemaValidator = factory("SchemaValidator", SchemaMixin)


    def check_schema(value):
        return SchemaValidator().validate("schema", value)
"""

BASE = {
    "src/valid/__init__.py": "",
    "src/valid/core.py": """
        class Validator:
            def validate(self, rule, value):
                return getattr(self, "_check_with_" + rule)(value)

            def _check_with_number(self, value):
                return isinstance(value, int)


        def factory(name, mixin):
            return type(name, (mixin, Validator), {})
    """,
    "src/valid/schema.py": SCHEMA,
    "tests/test_schema.py": """
        from valid.schema import check_schema


        def test_schema():
            assert check_schema({})
    """,
    "tests/test_core.py": """
        from valid.core import Validator


        def test_number():
            assert Validator().validate("number", 1)
    """,
}


def test_a_method_of_a_base_type_mixes_in_is_reached(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/valid/schema.py": SCHEMA.replace("isinstance(value, dict)", "False")})
    assert selected_tests(root) == ["tests/test_schema.py"]


LAZY_CORE = """
    def get_validator_class():
        global Validator
        if "Validator" not in globals():
            from valid.base import Validator
        return Validator


    def factory(name, mixin):
        return type(name, (mixin, get_validator_class()), {})
"""


def test_an_import_of_a_name_declared_global_binds_the_module_s_name(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    core = BASE["src/valid/core.py"]
    commit(root, {
        **BASE,
        "src/valid/base.py": core.split("\n\n\n        def factory")[0],
        "src/valid/core.py": LAZY_CORE,
        "tests/test_core.py": BASE["tests/test_core.py"].replace("valid.core", "valid.base"),
    }, message="base", tag="base")
    commit(root, {"src/valid/schema.py": SCHEMA.replace("isinstance(value, dict)", "False")})
    assert selected_tests(root) == ["tests/test_schema.py"]
