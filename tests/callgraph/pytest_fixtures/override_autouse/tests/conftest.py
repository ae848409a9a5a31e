import pytest

from app import Clock, Store, reset


@pytest.fixture
def store():
    return Store()


@pytest.fixture(autouse=True)
def clean():
    reset()


@pytest.fixture
def frozen():
    Clock().freeze()
