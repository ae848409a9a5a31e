"""``impactgraph tests`` on a class named by a dotted string that outside code builds and uses:
``logging.config.dictConfig`` imports ``"()": "pkg.fmt.JsonFormatter"``, calls it with the
rest of the entry, and logging then calls the object's ``format``, an override of
``logging.Formatter.format``. (python-json-logger 4.2.0: ``JsonFormatter.__init__`` given a
required parameter, and ``merge_record_extra``, which ``format`` reaches, losing one, failed
tests/test_dictconfig.py, which names the formatter only in its ``LOGGING_CONFIG``: not
selected.) Checked against pytest: the first two changes fail tests/test_config.py and
tests/test_direct.py; a change to ``TextFormatter``, which no string names, fails nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/fmt.py": """
        import logging


        def merge(record, target):
            target["msg"] = record.getMessage()
            return target


        class JsonFormatter(logging.Formatter):
            def __init__(self, *args, prefix="", **kwargs):
                super().__init__(*args, **kwargs)
                self.prefix = prefix

            def format(self, record):
                return self.prefix + str(merge(record, {}))



        class TextFormatter(logging.Formatter):
            def format(self, record):
                return record.getMessage()
    """,
    "tests/test_config.py": """
        import logging
        import logging.config

        CONFIG = {
            "version": 1,
            "formatters": {"default": {"()": "pkg.fmt.JsonFormatter", "prefix": ">"}},
            "handlers": {"default": {"class": "logging.StreamHandler",
                                     "formatter": "default"}},
            "loggers": {"": {"handlers": ["default"], "level": "WARNING"}},
        }


        def test_config():
            logging.config.dictConfig(CONFIG)
            formatter = logging.root.handlers[0].formatter
            record = logging.makeLogRecord({"msg": "hi"})
            assert formatter.format(record) == ">{'msg': 'hi'}"
    """,
    "tests/test_direct.py": """
        import logging

        from pkg.fmt import JsonFormatter


        def test_direct():
            record = logging.makeLogRecord({"msg": "hi"})
            assert JsonFormatter(prefix=">").format(record) == ">{'msg': 'hi'}"
    """,
    "tests/test_other.py": """
        def test_other():
            assert True
    """,
}
FMT = BASE["src/pkg/fmt.py"]


@pytest.mark.parametrize(("old", "new"), [
    ("def __init__(self, *args,", "def __init__(self, extra, *args,"),
    ("def merge(record, target)", "def merge(record, target, extra)"),
])
def test_a_class_named_by_a_dotted_string_is_built_and_used_by_outside_code(
    tmp_path: Path, old: str, new: str,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/pkg/fmt.py": FMT.replace(old, new)})
    assert selected_tests(root) == ["tests/test_config.py", "tests/test_direct.py"]


def test_a_class_no_string_names_selects_nothing(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/pkg/fmt.py": FMT.replace("return record.getMessage()",
                                                "return record.getMessage(1)")})
    assert selected_tests(root) == []
