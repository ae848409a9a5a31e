"""A class decorator written as a module variable bound to ``functools.partial(dec, ...)`` is
the decorator ``dec(...)`` it applies: traded for ``@dec(...)`` written out, the class is
made by the same decorator with other arguments.

ansible-core 2.18 traded ``frozen_dataclass = partial(dataclass, frozen=True, **slots)``
for ``@dataclass(frozen=True, slots=True)`` on its GPG error classes; the diff read
``-partial +dataclass`` (breaking), and ``GpgBadArmor(status='failed')`` in
``ansible.galaxy.collection.gpg`` and a test broke.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

GPG = """\
import sys
from dataclasses import dataclass
from functools import partial

IS_PY310_PLUS = sys.version_info[:2] >= (3, 10)

frozen_dataclass = partial({maker}, frozen=True, **({{'slots': True}} if IS_PY310_PLUS else {{}}))


@frozen_dataclass
class GpgBaseError(Exception):
    status: str


@frozen_dataclass
class GpgExpSig(GpgBaseError):
    keyid: str


@frozen_dataclass
class GpgBadArmor(GpgBaseError):
    \"\"\"The ASCII armor is corrupted.\"\"\"


GPG_ERROR_MAP = {{'EXPSIG': GpgExpSig, 'BADARMOR': GpgBadArmor}}


def parse_gpg_errors(status_out):
    for line in status_out.splitlines():
        status, remainder = line.split(maxsplit=1)
        yield GPG_ERROR_MAP[status](status, *remainder.split())
"""

OWN_MAKER = """\
def frozen(cls=None, **options):
    return cls
"""

USER = """\
from gpg import GpgBadArmor


def test_it():
    assert GpgBadArmor(status='failed')
"""


def _impact(tmp_path: Path, maker: str) -> tuple[set[str], set[tuple[str, str, bool]]]:
    base_gpg = GPG.format(maker=maker)
    if maker == "frozen":
        base_gpg = base_gpg.replace("from functools import partial\n",
                                    "from functools import partial\n\nfrom maker import frozen\n")
    head_gpg = base_gpg.replace("@frozen_dataclass", "@dataclass(frozen=True, slots=True)")
    base = {"gpg.py": base_gpg, "maker.py": OWN_MAKER, "test_user.py": USER}
    head = {"gpg.py": head_gpg, "maker.py": OWN_MAKER, "test_user.py": USER}
    report = impact_between(base, head, tmp_path)
    changes = {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    return broken_modules(report), changes


def test_a_partial_of_dataclass_traded_for_dataclass_written_out(tmp_path: Path) -> None:
    broken, changes = _impact(tmp_path, "dataclass")
    assert broken == set()
    assert ("gpg:GpgBadArmor", "decorator-changed", False) in changes


def test_a_partial_of_another_maker_traded_for_dataclass_still_breaks(tmp_path: Path) -> None:
    broken, changes = _impact(tmp_path, "frozen")
    assert ("gpg:GpgBadArmor", "decorator-changed", True) in changes
    assert "test_user" in broken


REGISTRY = """\
from functools import partial

from maker import register

registered = partial(register, kinds=("plain",), weights={"a": 1.5, "b": -2})


@registered
class Handler:
    def __init__(self, name):
        self.name = name
"""

MAKER = """\
def register(cls=None, *, kinds=(), weights=None):
    if cls is None:
        return lambda cls: register(cls, kinds=kinds, weights=weights)
    return cls
"""

HANDLER_USER = """\
from registry import Handler


def test_it():
    assert Handler("x").name == "x"
"""


def test_the_partial_is_written_as_the_decorator_written_out_is(tmp_path: Path) -> None:
    """The decorator a partial applies is written by the rules its written-out twin is
    (astroid's: ``("plain", )``), so the same decorator written out is no change at all;
    written by ``ast.unparse`` (``('plain',)``) it was a decorator change of a maker not
    known to keep calls, breaking ``Handler("x")``."""
    head_registry = REGISTRY.replace(
        "@registered", '@register(kinds=("plain",), weights={"a": 1.5, "b": -2})')
    base = {"registry.py": REGISTRY, "maker.py": MAKER, "test_user.py": HANDLER_USER}
    head = {"registry.py": head_registry, "maker.py": MAKER, "test_user.py": HANDLER_USER}
    report = impact_between(base, head, tmp_path)
    assert [c for c in report["changes"] if c["symbol"] == "registry:Handler"] == []
    assert broken_modules(report) == set()
    # the same decorator with another argument is still a change of it
    other = head_registry.replace('("plain",)', '("plain", "rich")')
    report = impact_between(base, {**head, "registry.py": other}, tmp_path / "other")
    assert ("registry:Handler", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
