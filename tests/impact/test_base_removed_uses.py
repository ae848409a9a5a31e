"""A base removed breaks the code that uses a name the class lost with it, not every user.

semver 3.0 renamed ``VersionInfo`` to ``Version`` and ``isvalid`` to ``is_valid``: the docs'
``class SemVerWithVPrefix(VersionInfo)`` became ``(Version)``, a ``base-removed`` that takes
``isvalid`` away. Its own ``__str__`` (``super().__str__()``) and the conftest handing the class
to doctests use no name it lost, and were marked broken (2 of 2 broken modules).
"""

from __future__ import annotations

import json
from pathlib import Path

from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()

LIB = """\
class VersionInfo:
    def __str__(self):
        return "1.0"

    @classmethod
    def parse(cls, text):
        return cls()

    @classmethod
    def isvalid(cls, text):
        return True
"""

LIB_HEAD = LIB.replace("class VersionInfo:", "class Version:").replace(
    "def isvalid(", "def is_valid(")

SUB = """\
from lib import {base}


class Prefixed({base}):
    def __str__(self):
        return "v" + super().__str__()
"""

REGISTER = """\
from sub import Prefixed


def register(namespace):
    namespace["Prefixed"] = Prefixed
"""


def report_of(base: dict[str, str], head: dict[str, str], tmp_path: Path) -> dict:
    root = init_repo(tmp_path / "repo")
    commit(root, base, tag="base")
    commit(root, head, tag="head")
    result = runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                                 "head", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def broken(report: dict) -> set[str]:
    return {a["module"] for a in report["affected"] if a["breaking"]}


def changes(report: dict) -> set[tuple[str, str, bool]]:
    return {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}


def test_a_user_that_reads_no_name_the_class_lost_is_not_broken(tmp_path: Path) -> None:
    base = {"lib.py": LIB, "sub.py": SUB.format(base="VersionInfo"), "register.py": REGISTER}
    head = {"lib.py": LIB_HEAD, "sub.py": SUB.format(base="Version"), "register.py": REGISTER}
    report = report_of(base, head, tmp_path)
    assert ("sub:Prefixed", "base-removed", True) in changes(report)
    assert {"sub", "register"} <= {a["module"] for a in report["affected"]}
    assert broken(report) == set()


def test_a_user_that_reads_a_name_the_class_lost_stays_broken(tmp_path: Path) -> None:
    check = REGISTER + "\n\ndef check(text):\n    return Prefixed.isvalid(text)\n"
    base = {"lib.py": LIB, "sub.py": SUB.format(base="VersionInfo"), "register.py": check}
    head = {"lib.py": LIB_HEAD, "sub.py": SUB.format(base="Version"), "register.py": check}
    assert broken(report_of(base, head, tmp_path)) == {"register"}


def test_a_user_reading_attributes_by_a_computed_name_stays_broken(tmp_path: Path) -> None:
    # getattr(cls, name): any name, the lost one among them
    look = REGISTER + "\n\ndef look(name):\n    return getattr(Prefixed, name)\n"
    base = {"lib.py": LIB, "sub.py": SUB.format(base="VersionInfo"), "register.py": look}
    head = {"lib.py": LIB_HEAD, "sub.py": SUB.format(base="Version"), "register.py": look}
    assert broken(report_of(base, head, tmp_path)) == {"register"}


def test_a_special_method_lost_breaks_every_user(tmp_path: Path) -> None:
    # Python calls ``__str__`` for ``str(obj)``, f-strings, ``print``: not told by spelling
    lib = LIB.replace("def isvalid(", "def __len__(self):\n        return 1\n\n"
                      "    @classmethod\n    def isvalid(")
    head_lib = LIB_HEAD.replace("def is_valid(", "def is_valid_too(")
    base = {"lib.py": lib, "sub.py": SUB.format(base="VersionInfo"), "register.py": REGISTER}
    head = {"lib.py": head_lib, "sub.py": SUB.format(base="Version"), "register.py": REGISTER}
    assert "register" in broken(report_of(base, head, tmp_path))


# A member moved down from a base to the subclass whose code reads it (quart 0.20's
# ``max_content_length`` property, from ``BaseRequestWebsocket`` to ``Request``)
MOVED = """\
class Base:
    @property
    def limit(self):
        return 10


class Request(Base):
    def parser(self):
        return self.limit
"""

MOVED_HEAD = """\
class Base:
    pass


class Request(Base):
    @property
    def limit(self):
        return 10

    def parser(self):
        return self.limit
"""


def test_a_member_moved_down_to_the_class_reading_it_breaks_nothing(tmp_path: Path) -> None:
    report = report_of({"lib.py": MOVED}, {"lib.py": MOVED_HEAD}, tmp_path)
    assert ("lib:Base.limit", "symbol-removed", True) in changes(report)
    assert broken(report) == set()


def test_a_member_moved_down_still_breaks_a_class_left_without_it(tmp_path: Path) -> None:
    other = "\n\nclass Socket(Base):\n    def size(self):\n        return self.limit\n"
    report = report_of({"lib.py": MOVED + other}, {"lib.py": MOVED_HEAD + other}, tmp_path)
    assert broken(report) == {"lib"}
    user = "from lib import Base\n\n\ndef read(value: Base):\n    return value.limit\n"
    report = report_of({"lib.py": MOVED, "app.py": user}, {"lib.py": MOVED_HEAD, "app.py": user},
                       tmp_path / "typed")
    assert broken(report) == {"app"}
