import pytest

from app import CachedStore


@pytest.fixture
def store(store):
    assert store.get() == "base"
    return CachedStore()
