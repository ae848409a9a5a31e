"""A module-level function made a pytest fixture, which the tests now request: a test's
parameter of that name is the fixture's value, and pytest's request of the fixture passes it
the fixtures it names. circuitbreaker 2.0 made its test module's ``circuit_failure``
(``@CircuitBreaker(...) def circuit_failure(): raise IOError()``) a ``@pytest.fixture`` taking
``function_call_error``; ``test_circuitbreaker_monitor(circuit_failure)`` calls the parameter.
The ``decorator-changed`` (``+pytest.fixture``) judged the test module broken through the
test's request of the fixture."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

BASE = """import pytest


def circuit_failure():
    raise IOError()


def test_monitor():
    with pytest.raises(IOError):
        circuit_failure()
"""

FIXTURE = """import pytest


@pytest.fixture
def function_call_error():
    def raiser():
        raise IOError()
    return raiser


@pytest.fixture
def circuit_failure(function_call_error):
    return function_call_error
"""


def _broken(tmp_path: Path, head: str, base: str = BASE) -> set[str]:
    report = impact_between({"tests/test_functional.py": base},
                            {"tests/test_functional.py": head}, tmp_path)
    kinds = {(c["symbol"], c["kind"]) for c in report["changes"]}
    assert ("test_functional:circuit_failure", "decorator-changed") in kinds
    return broken_modules(report)


def test_a_test_calling_the_value_of_the_fixture_it_requests_does_not_break(
        tmp_path: Path) -> None:
    head = FIXTURE + """

def test_monitor(circuit_failure):
    with pytest.raises(IOError):
        circuit_failure()
"""
    assert _broken(tmp_path, head) == set()


def test_a_test_calling_the_fixture_function_by_its_name_still_breaks(tmp_path: Path) -> None:
    head = FIXTURE + """

def test_monitor():
    circuit_failure()
"""
    assert _broken(tmp_path, head) == {"test_functional"}


def test_a_plain_parameter_shadowing_the_fixture_function_does_not_break(
        tmp_path: Path) -> None:
    base = BASE + """

def run(circuit_failure):
    circuit_failure()
"""
    head = FIXTURE + """

def run(circuit_failure):
    circuit_failure()
"""
    assert _broken(tmp_path, head, base) == set()
