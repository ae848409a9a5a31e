"""A pytest plugin for the benchmark's suite runs (``-p hypothesis_bench``): hypothesis draws
the same few examples on every run and has no deadline, so a test's outcome depends on the
mutation only, not on the draw or on the machine's load; and a suite that uses hypothesis
throughout (attrs) runs in minutes, not tens of minutes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, settings


@pytest.hookimpl(trylast=True)  # after the suite's own profile (attrs loads one in conftest.py)
def pytest_configure(config: Any) -> None:
    settings.register_profile(
        "impactgraph-benchmark",
        max_examples=25,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    settings.load_profile("impactgraph-benchmark")
