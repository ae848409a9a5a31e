def hello():
    return "hello"


def test_invoke(runner):
    assert runner.invoke(hello) == "hello"


def test_query(session):
    assert session.query() == 1
