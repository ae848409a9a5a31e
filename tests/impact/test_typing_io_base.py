"""``typing.io`` and ``typing.re`` were namespaces of ``typing``'s own classes:
``typing.io.TextIO`` is ``typing.TextIO``. progressbar2 4.5 traded ``base.py``'s
``TextIO = types.TextIO`` (python-utils), with ``from typing.io import TextIO`` as its
fallback, for ``from typing import TextIO``; ``TextIOOutputWrapper(base.TextIO)`` was read as
losing its base (``io.TextIO`` against ``TextIO``), and every module importing the package
judged broken at import time. A base traded for a class of another name still breaks."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD_BASE = '''\
from python_utils import types

try:
    TextIO = types.TextIO
    Pattern = types.Pattern
except AttributeError:
    from typing.io import TextIO
    from typing.re import Pattern
'''
NEW_BASE = "from typing import Pattern, TextIO\n"
STREAM = '''\
from pkg import base


class Wrapper(base.{cls}):
    def __init__(self, stream){returns}:
        self.stream = stream


WRAPPED = Wrapper(None)
WRAPPED.flush()
'''
USER = '''\
from pkg.stream import Wrapper


def wrap(s):
    return Wrapper(s).stream
'''


def _broken(tmp_path: Path, cls: str, new_base: str) -> set[str]:
    def files(base: str, returns: str) -> dict[str, str]:
        return {"pkg/__init__.py": "from pkg.stream import Wrapper\n", "pkg/base.py": base,
                "pkg/stream.py": STREAM.format(cls=cls, returns=returns), "user.py": USER}

    before = files(OLD_BASE, "")
    after = files(new_base, " -> None")
    return broken_modules(impact_between(before, after, tmp_path))


def test_a_base_of_typing_io_named_from_typing_is_kept(tmp_path: Path) -> None:
    assert _broken(tmp_path, "TextIO", NEW_BASE) == set()


def test_a_base_traded_for_a_class_of_ours_still_breaks(tmp_path: Path) -> None:
    # ``base.TextIO`` is a class of ours now, without ``flush``: importing ``pkg.stream`` fails
    ours = "from typing import Pattern\n\n\nclass TextIO:\n    pass\n"
    assert _broken(tmp_path, "TextIO", ours) == {"pkg", "pkg.stream", "user"}
