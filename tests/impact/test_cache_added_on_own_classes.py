"""A cache added to a function handed instances of classes of ours: the call breaks when
the instance made there cannot be hashed (its class, or the first class of its ancestry to
decide, compares by value without a hash: an ``__eq__`` alone, a dataclass that is not
frozen). psycopg 3.3 put ``@cache`` on ``_nt_from_info(info: CompositeInfo)``;
``register_composite``, which calls it, was judged broken."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = '''\
import functools
from dataclasses import dataclass


class Info:
    def __init__(self, name):
        self.name = name


class CompositeInfo(Info):
    pass


class Key:
    def __init__(self, name):
        self.name = name


class NamedKey(Key):
    def __eq__(self, other):
        return self.name == other.name


@dataclass
class Row:
    name: str


@dataclass(frozen=True)
class FrozenRow:
    name: str


class Unhashable(Info):
    __hash__ = None


class Equal:
    def __eq__(self, other):
        return True

    def __hash__(self):
        return 1


class Hidden(Info):
    pass


@dataclass(eq=False)
class IdentityRow:
    name: str


@dataclass(unsafe_hash=True)
class HashedRow:
    name: str


class EqualRow(Row):
    pass


FROZEN = False


@dataclass(frozen=FROZEN)
class ConfiguredRow:
    name: str


class Shown(Hidden):
    def __eq__(self, other):
        return True


def from_info(info: CompositeInfo) -> str:
    return info.name


def from_key(key: Key) -> str:
    return key.name


def from_row(row: Row) -> str:
    return row.name


def from_frozen(row: FrozenRow) -> str:
    return row.name


def from_equal(value: "Equal | None") -> str:
    return str(value)


def from_hidden(value: Hidden) -> str:
    return value.name


def from_base(value: Info) -> str:
    return value.name
'''
USERS = {
    "info": ("from_info", "CompositeInfo"),
    "key": ("from_key", "Key"),
    "row": ("from_row", "Row"),
    "frozen": ("from_frozen", "FrozenRow"),
    "equal": ("from_equal", "Equal"),
    "hidden": ("from_hidden", "Hidden"),
    "shown": ("from_hidden", "Shown"),
    "base": ("from_base", "Info"),
    "equal_row": ("from_row", "EqualRow"),
    "identity_row": ("from_row", "IdentityRow"),
    "hashed_row": ("from_row", "HashedRow"),
    "configured_row": ("from_row", "ConfiguredRow"),
}


def _user(function: str, cls: str) -> str:
    return (f"from pkg.lib import {cls}, {function}\n\n\n"
            f"def use(name):\n    return {function}({cls}(name))\n")


def test_a_cache_on_a_function_taking_instances_of_ours(tmp_path: Path) -> None:
    users = {f"pkg/{name}.py": _user(*spec) for name, spec in USERS.items()}
    base = {"pkg/__init__.py": "", "pkg/lib.py": LIB, **users}
    head = LIB.replace("\ndef from_", "\n@functools.cache\ndef from_")
    report = impact_between(base, {**base, "pkg/lib.py": head}, tmp_path)
    assert {c["symbol"].rpartition(":")[2] for c in report["changes"]
            if c["kind"] == "decorator-changed"} == {
        "from_info", "from_key", "from_row", "from_frozen", "from_equal", "from_hidden",
        "from_base"}
    # a (non-frozen) dataclass compares by value and sets ``__hash__`` to None, and so its
    # subclass ``EqualRow``; ``Shown`` defines ``__eq__`` alone. A subclass comparing by
    # value (``Key``'s, ``Info``'s) is not what the call makes; a frozen dataclass hashes
    # its fields, which are not judged; ``frozen=FROZEN`` is not read
    assert broken_modules(report) == {"pkg.row", "pkg.shown", "pkg.equal_row"}
