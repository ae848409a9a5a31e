import pytest


def test_cached(store):
    assert store.get() == "cached"


@pytest.mark.usefixtures("frozen")
def test_frozen():
    assert True
