"""``impactgraph tests`` follows the default a mapping's ``get``/``pop``/``setdefault`` gives
back when the key is missing: ``kwargs.pop("handler", BasicHandler)`` may be ``BasicHandler``.
(Found on cerberus 1.3.4: ``Validator.__init__`` takes its error handler as
``kwargs.pop('error_handler', errors.BasicErrorHandler)``, so removing
``BasicErrorHandler.__call__`` broke every test that reads ``validator.errors``, and only the
files that call it directly were selected.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

HANDLERS = """
    class BaseHandler:
        def __call__(self, errors):
            raise NotImplementedError


    class BasicHandler(BaseHandler):
        def __call__(self, errors):
            return list(errors)

        def __repr__(self):
            return "BasicHandler()"


    class QuietHandler(BaseHandler):
        def __call__(self, errors):
            return []
"""

VALIDATOR = """
    from check import handlers


    class Validator:
        def __init__(self, **kwargs):
            self.handler = self._handler(kwargs)

        @staticmethod
        def _handler(kwargs):
            handler = kwargs.GETTER("handler", handlers.BasicHandler)
            return handler()

        def child(self):
            return Validator(handler=handlers.QuietHandler)

        def errors(self):
            return self.handler([])
"""

TESTS = {
    "tests/test_validator.py": """
        from check.validator import Validator


        def test_errors():
            assert Validator().errors() == []
    """,
    "tests/test_quiet.py": """
        from check.handlers import QuietHandler


        def test_quiet():
            assert QuietHandler()([1]) == []
    """,
}


@pytest.mark.parametrize("getter", ["pop", "get", "setdefault"])
def test_a_mapping_getter_may_give_its_default(tmp_path: Path, getter: str) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {
        "src/check/__init__.py": "",
        "src/check/handlers.py": HANDLERS,
        "src/check/validator.py": VALIDATOR.replace("GETTER", getter),
        **TESTS,
    }, message="base", tag="base")
    # the override goes: BaseHandler.__call__ raises for every Validator().errors()
    removed = HANDLERS.replace(
        "def __call__(self, errors):\n            return list(errors)\n", "")
    assert removed != HANDLERS
    commit(root, {"src/check/handlers.py": removed})
    assert selected_tests(root) == ["tests/test_validator.py"]
