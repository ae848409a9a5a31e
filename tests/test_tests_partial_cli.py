"""``impactgraph tests`` follows pytest fixtures that hand out ``functools.partial(Cls, ...)``
factories, and fixture overrides in test subclasses that inherit the tests using them (shaped
like itsdangerous 2.2.0's tests: ``serializer_factory`` -> ``serializer`` -> the tests)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons, selected_tests
from git_support import commit, init_repo

BASE = {
    "src/signing/__init__.py": "",
    "src/signing/signer.py": """
        class Signer:
            def __init__(self, key):
                self.key = key

            def sign(self, value):
                return value + "." + self.key
    """,
    "src/signing/serializer.py": """
        from signing.signer import Signer


        class Serializer:
            def __init__(self, secret_key, salt="s"):
                self.signer = Signer(secret_key)

            def dumps(self, obj):
                return self.signer.sign(str(obj))
    """,
    "src/signing/timed.py": """
        import time

        from signing.serializer import Serializer


        class TimedSerializer(Serializer):
            def stamp(self):
                return str(time.time())

            def dumps(self, obj):
                return super().dumps(obj) + self.stamp()
    """,
    "tests/test_signing/__init__.py": "",
    "tests/test_signing/test_serializer.py": """
        from functools import partial

        import pytest

        from signing.serializer import Serializer


        class TestSerializer:
            @pytest.fixture()
            def serializer_factory(self):
                return partial(Serializer, secret_key="key")

            @pytest.fixture()
            def serializer(self, serializer_factory):
                return serializer_factory()

            def test_dumps(self, serializer):
                assert serializer.dumps(1)
    """,
    "tests/test_signing/test_timed.py": """
        import functools

        import pytest

        from signing.timed import TimedSerializer
        from test_signing.test_serializer import TestSerializer


        class FreezeMixin:
            pass


        class TestTimedSerializer(FreezeMixin, TestSerializer):
            @pytest.fixture()
            def serializer_factory(self):
                return functools.partial(TimedSerializer, secret_key="key")
    """,
    "tests/test_signing/test_other.py": """
        def test_nothing():
            assert True
    """,
}


def test_a_partial_of_a_class_from_a_fixture_constructs_the_class(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/signing/signer.py"].replace("(self, key)", "(self, key, sep)")
    commit(root, {"src/signing/signer.py": changed})
    assert selected_tests(root) == [
        "tests/test_signing/test_serializer.py",
        "tests/test_signing/test_timed.py",  # inherits test_dumps
    ]


def test_a_subclass_fixture_override_feeds_the_inherited_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    # only TimedSerializer calls stamp(): only the subclass's inherited tests reach it
    changed = BASE["src/signing/timed.py"].replace("def stamp(self)", "def stamp(self, now)")
    commit(root, {"src/signing/timed.py": changed})
    reasons = selected_reasons(root)
    assert "tests/test_signing/test_other.py" not in reasons
    # reached through the override, not only because the file imports the changed module
    assert any("inherits the tests of" in r for r in reasons["tests/test_signing/test_timed.py"])


def test_autouse_fixtures_of_a_subclass_run_its_inherited_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = {
        **BASE,
        "src/signing/clock.py": """
            def freeze(when):
                return when
        """,
        "tests/test_signing/test_timed.py": """
            import pytest

            from signing import clock
            from test_signing.test_serializer import TestSerializer


            class FreezeMixin:
                @pytest.fixture(autouse=True)
                def frozen(self):
                    return clock.freeze(1)


            class TestTimedSerializer(FreezeMixin, TestSerializer):
                pass
        """,
    }
    commit(root, files, message="base", tag="base")
    commit(root, {"src/signing/clock.py": "def freeze(when, tz):\n    return when\n"})
    reasons = selected_reasons(root)
    assert "tests/test_signing/test_other.py" not in reasons
    assert any("inherits the tests of" in r for r in reasons["tests/test_signing/test_timed.py"])
