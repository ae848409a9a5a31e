import pytest

from app import CliRunner, open_session


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(name="session")
def session_fixture():
    session = open_session()
    yield session
    session.close()
