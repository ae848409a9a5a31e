"""A dataclass field's ``default_factory`` is called by the generated ``__init__`` with
nothing: reordering the factory class's parameters breaks no ``Settings()``. kopf 1.45
reordered ``PostingSettings``'s fields, made through ``OperatorSettings``'s
``field(default_factory=PostingSettings)``; every module making ``OperatorSettings()`` was
judged broken. A field the factory class now requires still breaks them."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

CONF = '''\
import dataclasses


@dataclasses.dataclass
class Posting:
{fields}


@dataclasses.dataclass
class Base:
    posting: Posting = dataclasses.field(default_factory=Posting)


@dataclasses.dataclass
class Settings(Base):
    verbose: bool = False
'''
USER = "from pkg.conf import Settings\n\n\ndef make():\n    return Settings()\n"
OLD = "    enabled: bool = True\n    level: int = 20\n"


@pytest.mark.parametrize(("fields", "kind", "broken"), [
    ("    level: int = 20\n    enabled: bool = True\n", "parameter-moved", set()),
    (OLD + "    name: str = dataclasses.field()\n", "parameter-added", {"pkg.user"}),
], ids=["fields reordered", "a field required"])
def test_a_factory_class_changed(tmp_path: Path, fields: str, kind: str,
                                 broken: set[str]) -> None:
    base = {"pkg/__init__.py": "", "pkg/user.py": USER, "pkg/conf.py": CONF.format(fields=OLD)}
    head = {**base, "pkg/conf.py": CONF.format(fields=fields)}
    report = impact_between(base, head, tmp_path)
    assert ("pkg.conf:Posting.__init__", kind, True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "pkg.user" in {a["module"] for a in report["affected"]}
    assert broken_modules(report) == broken
