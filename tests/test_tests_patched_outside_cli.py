"""``impactgraph tests`` follows what our code stores into an outside module (``datetime.datetime
= FakeDatetime``: monkeypatching) to every read of that outside name, and ``isinstance`` /
``issubclass`` to the ``__instancecheck__`` / ``__subclasscheck__`` of the class's metaclass.
(Found on freezegun 1.5.1: ``_freeze_time.start`` sets ``datetime.datetime = FakeDatetime``;
removing ``FakeDatetime.now`` failed tests/test_import_alias.py, whose ``from datetime import
datetime as datetime_aliased`` then ``datetime_aliased.now()`` was an outside call; making
``FakeDatetimeMeta.__instancecheck__`` raise failed tests/test_class_import.py's ``isinstance(d,
datetime.datetime)``, which no edge reached.)"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons
from git_support import commit, init_repo

CLOCK = """
    import datetime

    real_datetime = datetime.datetime


    class FakeDatetimeMeta(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, real_datetime)


    class FakeDatetime(real_datetime, metaclass=FakeDatetimeMeta):
        @classmethod
        def now(cls, tz=None):
            return cls(2000, 1, 1)


    class Plain:
        pass


    def start():
        datetime.datetime = FakeDatetime


    def stop():
        datetime.datetime = real_datetime
"""

TESTS = {
    # reads the patched name through an alias made before the patch
    "tests/test_alias.py": """
        from datetime import datetime as aliased

        from clock import start, stop


        def test_now():
            start()
            try:
                assert aliased.now().year == 2000
            finally:
                stop()
    """,
    # isinstance on the patched name: the metaclass's __instancecheck__
    "tests/test_isinstance.py": """
        import datetime

        from clock import start, stop


        def test_isinstance():
            start()
            try:
                assert isinstance(datetime.date(2000, 1, 1), (int, datetime.datetime)) is False
            finally:
                stop()
    """,
    # isinstance on the class itself, no patching involved
    "tests/test_direct.py": """
        from clock import FakeDatetime


        def test_direct():
            assert not isinstance(1, FakeDatetime)
    """,
    # an outside name nobody patches, and a class without a metaclass of ours
    "tests/test_other.py": """
        import datetime

        from clock import Plain


        def test_today():
            assert datetime.date.today().year > 1999
            assert isinstance(Plain(), Plain)
    """,
}


def test_a_method_of_a_class_patched_into_an_outside_module_selects_its_readers(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"src/clock.py": CLOCK, **TESTS}, message="base", tag="base")
    commit(root, {"src/clock.py": CLOCK.replace("def now(cls, tz=None):", "def now(cls):")})
    reasons = selected_reasons(root)
    assert sorted(reasons) == ["tests/test_alias.py"]


def test_a_metaclass_s_instancecheck_selects_the_isinstance_calls(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"src/clock.py": CLOCK, **TESTS}, message="base", tag="base")
    commit(root, {"src/clock.py": CLOCK.replace(
        "return isinstance(obj, real_datetime)", "raise RuntimeError(obj)")})
    reasons = selected_reasons(root)
    assert sorted(reasons) == ["tests/test_direct.py", "tests/test_isinstance.py"]
