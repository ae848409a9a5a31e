"""A class traded an outside base for another outside class: the names it lost are not known.

pre-commit 3.0 made ``WarnMutableRev(cfgv.ConditionalOptional)`` ``WarnMutableRev(
cfgv.Conditional)`` and updated the call building it at import time; nothing is known of
either base, so ``pre_commit.clientlib`` was judged broken, and every module importing it (16).
The head's code was written against the new base, and nothing shows a name of the old one gone:
not broken. A class left with no outside base at all, whose old base's names are not known,
still breaks the code using it.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
import cfgv


class WarnMutableRev(cfgv.ConditionalOptional):
    def check(self, dct):
        super().check(dct)
'''
NEW = OLD.replace("cfgv.ConditionalOptional", "cfgv.Conditional")
USER_OLD = '''\
from lib import WarnMutableRev

RULE = WarnMutableRev("rev", str, "", "repo", None, True)


def validate(config):
    RULE.check(config)
    return RULE.key
'''
USER_NEW = USER_OLD.replace('"rev", str, "", "repo", None, True',
                            '"rev", str, condition_key="repo", ensure_absent=True')


def _broken(tmp_path: Path, new: str = NEW) -> set[str]:
    report = impact_between({"lib.py": OLD, "user.py": USER_OLD},
                            {"lib.py": new, "user.py": USER_NEW}, tmp_path)
    return broken_modules(report)


def test_an_outside_base_traded_for_another_breaks_nothing_shown(tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_an_outside_base_dropped_for_none_still_breaks(tmp_path: Path) -> None:
    new = OLD.replace("(cfgv.ConditionalOptional)", "").replace("        super().check(dct)\n",
                                                                  "        return None\n")
    assert "user" in _broken(tmp_path, new=new)


def test_an_outside_base_traded_for_a_standard_class_still_breaks(tmp_path: Path) -> None:
    new = OLD.replace("cfgv.ConditionalOptional", "dict")
    assert "user" in _broken(tmp_path, new=new)
