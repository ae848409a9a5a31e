"""A class of ours handed to outside code that is no builtin may be built there:
hypothesis' ``st.builds(Point)``, ``executor.submit(Job)``, ``cattrs.structure(data, Point)``.
``tests`` selects the code handing it over when what building it runs changes; ``impact``
does not call that code broken by a new signature (how the outside code builds it is not
known), but a call of ours still is."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import broken_modules, commit, impact_between, init_repo

POINT = """
    class Point:
        def __init__(self, x=0, y=0):
            self.x = x
            self.y = y
"""

BASE = {
    "src/geo/__init__.py": "",
    "src/geo/point.py": POINT,
    "tests/test_built.py": """
        from hypothesis import given, strategies as st

        from geo.point import Point


        @given(point=st.builds(Point))
        def test_built(point):
            assert point.x == 0
    """,
    "tests/test_other.py": """
        def test_other():
            assert True
    """,
}


def test_a_class_built_by_outside_code_selects_the_test_handing_it_over(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    commit(root, {"src/geo/point.py": POINT.replace("self.y = y", "self.y = y or 0")})
    assert selected_tests(root) == ["tests/test_built.py"]


def test_a_new_signature_breaks_our_call_not_the_hand_over(tmp_path: Path) -> None:
    caller = "from geo.point import Point\n\n\ndef origin():\n    return Point()\n"
    base = {**BASE, "src/geo/shapes.py": caller}
    head = {**base, "src/geo/point.py": POINT.replace("x=0, y=0", "x, y")}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"geo.shapes"}
