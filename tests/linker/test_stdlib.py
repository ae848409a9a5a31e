"""What a standard-library class defines, for deciding which private names of a subclass its
code may call on ``self``."""

from __future__ import annotations

import pytest

from impactgraph.linker.stdlib import stdlib_defines


@pytest.mark.parametrize(("dotted", "name", "expected"), [
    ("textwrap.TextWrapper", "_wrap_chunks", True),
    ("textwrap.TextWrapper", "_width_of", False),
    ("logging.handlers.RotatingFileHandler", "emit", True),  # inherited from logging.Handler
    ("werkzeug.test.Client", "_request_from_builder_args", None),  # not the standard library
    ("os.sep", "join", None),  # not a class
    ("textwrap.NoSuchClass", "wrap", None),
    ("antigravity.Anything", "x", None),  # never imported
])
def test_stdlib_defines(dotted: str, name: str, expected: bool | None) -> None:
    assert stdlib_defines(dotted, name) is expected
