"""A subclass that already lacks another abstract member of its bases cannot be instantiated
before the change either: an interface gaining one more abstract member breaks nothing of it.
Its own subclasses are judged as before, and so is code that instantiates it.

xarray 2024.10.0 -> 2024.11.0 made ``Grouper.reset`` abstract; ``Resampler(Grouper)``, a bare
intermediate base that implements no ``factorize`` (abstract in ``Grouper``) either, was judged
a concrete class lacking ``reset``, and ``xarray.groupers`` broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

GROUPERS = """\
from abc import ABC, abstractmethod


class Grouper(ABC):
    @abstractmethod
    def factorize(self, group):
        pass
{reset}

class Resampler(Grouper):
    pass


class UniqueGrouper(Grouper):
    def factorize(self, group):
        return group
{unique_reset}

class TimeResampler(Resampler):
    def factorize(self, group):
        return group
{time_reset}"""

RESET = """
    @abstractmethod
    def reset(self):
        pass
"""

OWN_RESET = """
    def reset(self):
        return type(self)()
"""

USER = """\
from groupers import TimeResampler, UniqueGrouper


def group(data):
    return UniqueGrouper().factorize(data), TimeResampler().factorize(data)
"""


def _groupers(*, reset: bool, unique: bool = True, time: bool = True) -> str:
    return GROUPERS.format(reset=RESET if reset else "",
                           unique_reset=OWN_RESET if unique else "",
                           time_reset=OWN_RESET if time else "")


def test_an_intermediate_class_already_abstract_is_not_broken(tmp_path: Path) -> None:
    base = {"groupers.py": _groupers(reset=False), "user.py": USER}
    head = {"groupers.py": _groupers(reset=True), "user.py": USER}
    report = impact_between(base, head, tmp_path)
    assert ("groupers:Grouper.reset", "abstract-member-added") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_concrete_subclass_below_it_lacking_the_member_still_breaks(tmp_path: Path) -> None:
    base = {"groupers.py": _groupers(reset=False), "user.py": USER}
    head = {"groupers.py": _groupers(reset=True, time=False), "user.py": USER}
    # ``TimeResampler`` has ``factorize`` and no ``reset``: it is not made any more
    assert broken_modules(impact_between(base, head, tmp_path)) == {"groupers", "user"}


def test_a_concrete_sibling_lacking_the_member_still_breaks(tmp_path: Path) -> None:
    base = {"groupers.py": _groupers(reset=False), "user.py": USER}
    head = {"groupers.py": _groupers(reset=True, unique=False), "user.py": USER}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"groupers", "user"}


def test_an_abstract_member_it_gets_concrete_elsewhere_leaves_it_concrete(
        tmp_path: Path) -> None:
    # ``Resampler`` gets ``factorize`` from a mixin of its own: it is concrete, and made
    mixin = "\nclass Factorizing:\n    def factorize(self, group):\n        return group\n"
    made = "\nRESAMPLER = Resampler()\n"

    def files(reset: bool) -> dict[str, str]:
        text = _groupers(reset=reset).replace("class Resampler(Grouper):",
                                              "class Resampler(Factorizing, Grouper):")
        return {"groupers.py": mixin + text + made, "user.py": USER}
    assert "groupers" in broken_modules(impact_between(files(False), files(True), tmp_path))
