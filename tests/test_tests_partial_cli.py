"""``impactgraph tests`` follows pytest fixtures that hand out ``functools.partial(Cls, ...)``
factories, and fixture overrides in test subclasses that inherit the tests using them (shaped
like itsdangerous 2.2.0's tests: ``serializer_factory`` -> ``serializer`` -> the tests)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
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
