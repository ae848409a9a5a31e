import pytest

from app import Config, Csv, Json


@pytest.fixture(params=[Csv, Json])
def writer(request):
    return request.param()


def test_dump(writer):
    assert writer.dump()


@pytest.fixture
def config():
    return Config()


class TestConfig:
    @pytest.fixture
    def loaded(self, request):
        return request.getfixturevalue("config").load()

    def test_loaded(self, loaded):
        assert loaded == {}

    def test_config(self, config):
        assert config.load() == {}


@pytest.mark.parametrize("kind", [Csv])
def test_kind(kind):
    assert kind().dump()
