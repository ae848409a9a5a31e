"""A dataclass's generated ``__init__`` takes its dataclass bases' fields first, then its own.
arq 0.26 moved ``job_id`` from the dataclass ``JobResult`` up to its dataclass base ``JobDef``
and ``deserialize_result`` now passes ``JobResult(..., job_id=...)``: the indexer gives a
class statement's own fields only, so ``JobResult.__init__`` was read as losing ``job_id`` and
the call judged broken. The fields a base gives are read along the class's bases now; a call
the move really breaks (by position, or leaving out a field now required) still breaks."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

BASE = '''\
from dataclasses import dataclass
from typing import Optional


@dataclass
class Job:
    name: str
    score: int
{base_field}
'''
SUB = '''\
@dataclass
class Result(Job):
    ok: bool
{sub_field}
'''
USE = '''\
from lib import Result


def make(d):
    return Result({arguments})
'''
KEYWORDS = 'name=d["n"], score=d["s"], ok=True'


def _broken(tmp_path: Path, before_call: str, after_call: str, split: bool = False) -> set[str]:
    def files(base_field: str, sub_field: str, call: str) -> dict[str, str]:
        base = BASE.format(base_field=base_field)
        sub = SUB.format(sub_field=sub_field)
        if split:  # the base in a module of its own
            lib = "from dataclasses import dataclass\n\nfrom jobs import Job\n\n\n" + sub
            return {"jobs.py": base, "lib.py": lib, "use.py": USE.format(arguments=call)}
        return {"lib.py": base + "\n\n" + sub, "use.py": USE.format(arguments=call)}

    before = files("", "    job_id: Optional[str] = None\n", before_call)
    after = files("    job_id: Optional[str]\n", "", after_call)
    return broken_modules(impact_between(before, after, tmp_path))


@pytest.mark.parametrize("split", [False, True])
def test_a_field_moved_up_to_the_base_breaks_no_call_passing_it(tmp_path: Path,
                                                                 split: bool) -> None:
    assert _broken(tmp_path, KEYWORDS, KEYWORDS + ', job_id=d.get("id")', split) == set()


def test_a_call_leaving_out_the_field_now_required_still_breaks(tmp_path: Path) -> None:
    assert _broken(tmp_path, KEYWORDS, KEYWORDS) == {"use"}


def test_a_call_by_position_the_move_reorders_still_breaks(tmp_path: Path) -> None:
    # ``Result(name, score, job_id, ok)`` now: the third argument is ``job_id``, ``ok`` unbound
    assert _broken(tmp_path, 'd["n"], d["s"], True', 'd["n"], d["s"], True') == {"use"}
