"""``impactgraph tests`` selects a test file whose test class inherits affected tests from a
test class in another test module: pytest collects and reports them under the subclass's file."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons, selected_tests
from git_support import commit, init_repo

# shaped like itsdangerous 2.2.0: tests/test_<pkg>/ mirrors the package, test_url_safe.py has no
# tests of its own, only a subclass of test_serializer's class with its own method fixture
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
            def __init__(self, key):
                self.signer = Signer(key)

            def dumps(self, obj):
                return self.signer.sign(str(obj))
    """,
    "src/signing/url_safe.py": """
        from signing.serializer import Serializer


        class URLSafeSerializer(Serializer):
            def dumps(self, obj):
                return super().dumps(obj).replace("+", "-")
    """,
    "src/signing/encoding.py": """
        def want_bytes(value):
            return value.encode()
    """,
    "tests/test_signing/__init__.py": "",
    "tests/test_signing/test_serializer.py": """
        import pytest

        from signing.serializer import Serializer


        class TestSerializer:
            @pytest.fixture()
            def serializer_factory(self):
                return Serializer

            @pytest.fixture()
            def serializer(self, serializer_factory):
                return serializer_factory("key")

            def test_dumps(self, serializer):
                assert serializer.dumps(1)
    """,
    "tests/test_signing/test_url_safe.py": """
        import pytest

        from signing.url_safe import URLSafeSerializer
        from test_signing.test_serializer import TestSerializer


        class TestURLSafeSerializer(TestSerializer):
            @pytest.fixture()
            def serializer_factory(self):
                return URLSafeSerializer
    """,
    "tests/test_signing/test_encoding.py": """
        from signing.encoding import want_bytes


        class TestEncoding:
            def test_want_bytes(self):
                assert want_bytes("a") == b"a"
    """,
    "tests/test_signing/test_encoding_more.py": """
        from test_signing.test_encoding import TestEncoding


        class TestMoreEncoding(TestEncoding):
            pass
    """,
    "tests/test_signing/test_timed.py": """
        from test_signing.test_url_safe import TestURLSafeSerializer


        class FreezeMixin:
            pass


        class TestTimedURLSafe(FreezeMixin, TestURLSafeSerializer):
            pass
    """,
}


def test_a_subclass_in_another_test_file_that_inherits_affected_tests_is_selected(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/signing/signer.py"].replace("def sign(self, value)", "def sign(self)")
    commit(root, {"src/signing/signer.py": changed})
    assert selected_tests(root) == [
        "tests/test_signing/test_serializer.py",
        "tests/test_signing/test_timed.py",  # inherits them through test_url_safe's class
        "tests/test_signing/test_url_safe.py",
    ]


def test_a_subclass_of_a_test_class_the_change_does_not_reach_is_left_out(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/signing/encoding.py"].replace("value.encode()", "bytes(value, 'utf-8')")
    commit(root, {"src/signing/encoding.py": changed})
    assert selected_tests(root) == [
        "tests/test_signing/test_encoding.py",
        "tests/test_signing/test_encoding_more.py",
    ]


def test_json_names_the_inherited_class_as_the_reason(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/signing/signer.py"].replace("def sign(self, value)", "def sign(self)")
    commit(root, {"src/signing/signer.py": changed})
    reasons = selected_reasons(root)
    assert any(
        "test_signing.test_url_safe:TestURLSafeSerializer" in r
        and "test_signing.test_serializer:TestSerializer" in r
        for r in reasons["tests/test_signing/test_url_safe.py"]
    )


# a base TestCase with no tests of its own whose setUp the change reaches: unittest runs it
# before every test of every subclass, in the subclass's file
FIXTURE_BASE = {
    "src/lib/__init__.py": """
        def prepare():
            return 1


        def other():
            return 2
    """,
    "tests/base.py": """
        import unittest

        from lib import prepare


        class PreparedCase(unittest.TestCase):
            def setUp(self):
                self.value = prepare()

            def helper(self):
                return prepare()


        class PytestStyle:
            def setup_method(self, method):
                self.value = prepare()
    """,
    "tests/test_prepared.py": """
        from base import PreparedCase
        from lib import other


        class TestPrepared(PreparedCase):
            def test_other(self):
                assert other() == 2
    """,
    "tests/test_pytest_style.py": """
        from base import PytestStyle
        from lib import other


        class TestStyle(PytestStyle):
            def test_other(self):
                assert other() == 2
    """,
    "tests/test_no_tests.py": """
        from base import PreparedCase


        class Prepared(PreparedCase):
            pass
    """,
}


def test_a_setup_method_of_a_base_class_reaches_its_subclasses_tests(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, FIXTURE_BASE, message="base", tag="base")
    source = FIXTURE_BASE["src/lib/__init__.py"]
    commit(root, {"src/lib/__init__.py": source.replace("return 1", "return 3")})
    reasons = selected_reasons(root)
    # test_no_tests' class has no tests: nothing runs its setUp
    assert sorted(reasons) == ["tests/test_prepared.py", "tests/test_pytest_style.py"]
    assert any("setUp" in r for r in reasons["tests/test_prepared.py"])


# a base TestCase with no tests whose helper (no name unittest.TestCase defines) the change
# reaches: the runner calls it for no test, only a test that calls it runs it; a method
# overriding TestCase's own (``run``) or under a base outside the standard library, whose code
# may call any of its names, is run by the runner all the same
# (found on pyhamcrest 2.1.0: every test class inherits MatcherTest.assert_deprecated and its
# kin, each calling every matcher's matches(); a change any of them reached selected every
# file with a MatcherTest subclass)
HELPER_BASE = {
    "src/lib/__init__.py": """
        def prepare():
            return 1


        def other():
            return 2
    """,
    "tests/base.py": """
        import unittest

        import framework
        from lib import prepare


        class HelperCase(unittest.TestCase):
            def check(self):
                assert prepare() == 1


        class RunCase(unittest.TestCase):
            def run(self, result=None):
                prepare()
                return super().run(result)


        class FrameworkCase(framework.Case):
            def check(self):
                assert prepare() == 1
    """,
    "tests/test_calls_helper.py": """
        from base import HelperCase


        class TestCalls(HelperCase):
            def test_check(self):
                self.check()
    """,
    "tests/test_ignores_helper.py": """
        from base import HelperCase
        from lib import other


        class TestIgnores(HelperCase):
            def test_other(self):
                assert other() == 2
    """,
    "tests/test_run.py": """
        from base import RunCase
        from lib import other


        class TestRun(RunCase):
            def test_other(self):
                assert other() == 2
    """,
    "tests/test_framework.py": """
        from base import FrameworkCase
        from lib import other


        class TestFramework(FrameworkCase):
            def test_other(self):
                assert other() == 2
    """,
}


def test_a_helper_of_a_base_test_case_selects_only_the_tests_that_call_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, HELPER_BASE, message="base", tag="base")
    source = HELPER_BASE["src/lib/__init__.py"]
    commit(root, {"src/lib/__init__.py": source.replace("return 1", "return 3")})
    assert sorted(selected_reasons(root)) == [
        "tests/test_calls_helper.py", "tests/test_framework.py", "tests/test_run.py"]
