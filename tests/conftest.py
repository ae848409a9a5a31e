import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: a loaded CI machine makes timing flaky, and correctness, not
# speed, is what these properties check (benchmarks/ measures speed).
settings.register_profile("impactgraph", deadline=None)
settings.load_profile("impactgraph")

sys.path.insert(0, str(Path(__file__).parent))

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _leave_the_fixtures_as_they_were() -> Iterator[None]:
    """Commands run on the fixtures write a summary cache there; remove what the run added."""
    before = set(FIXTURES.glob("*/.impactgraph"))
    yield
    for cache in FIXTURES.glob("*/.impactgraph"):
        if cache not in before:
            shutil.rmtree(cache, ignore_errors=True)
