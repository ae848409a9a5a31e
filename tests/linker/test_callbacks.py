"""Outside code calling back into what our code hands it: an object of our class passed to an
outside function or constructor (its ``__call__`` and protocol methods), the methods a subclass
of an outside class overrides (run by that class's own code), a function given to it."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict

APP = """
import inspect
import itertools
import threading


class App:
    def __call__(self, environ):
        return self.wsgi_app(environ)

    def wsgi_app(self, environ):
        return [environ]

    def helper(self):
        return 1

    def test_client(self):
        return Client(self)


class Client(threading.Thread):
    def __init__(self, app):
        super().__init__(target=app)

    def run(self):
        return self.finish()

    def _private(self):
        return 0

    def finish(self):
        return None


class Bag:
    def __iter__(self):
        return iter([1])

    def __len__(self):
        return 1

    def total(self):
        return 0


def chained():
    return itertools.chain(Bag())


def started():
    client = App().test_client()
    client.start()


def looks(func):
    return inspect.signature(func)


def passes_through(func):
    return threading.Thread(target=func)


def names_it():
    return threading.Thread(target=chained)


def inspected():
    return looks(chained) and inspect.isfunction(Bag())


passes_through(started)
"""


def calls(graph, source: str) -> dict[str, dict]:
    return {t: graph.edge_data(source, t, k) for t, k in graph.successors(source) if k == "calls"}


def test_an_instance_handed_to_an_outside_base_init_reaches_its_call() -> None:
    graph = graph_of({"app.py": APP})
    edges = calls(graph, "app:Client.__init__")
    assert edges["app:App.__call__"]["callback"] is True
    assert "app:App.helper" not in edges  # only what outside code runs without naming it


def test_an_instance_handed_to_an_outside_function_reaches_its_protocol_methods() -> None:
    graph = graph_of({"app.py": APP})
    edges = calls(graph, "app:chained")
    assert {"app:Bag.__iter__", "app:Bag.__len__"} <= set(edges)
    assert "app:Bag.total" not in edges
    assert all(edges[m]["callback"] for m in ("app:Bag.__iter__", "app:Bag.__len__"))


def test_an_outside_method_on_our_subclass_reaches_its_public_overrides() -> None:
    graph = graph_of({"app.py": APP})
    edges = calls(graph, "app:started")
    assert edges["app:Client.run"]["callback"] is True
    assert "app:Client.finish" in edges  # public: the outside base may call it
    assert "app:Client._private" not in edges


def test_a_function_named_as_an_argument_is_called_back() -> None:
    graph = graph_of({"app.py": APP})
    assert calls(graph, "app:names_it")["app:chained"]["callback"] is True


def test_a_function_from_a_parameter_is_not_called_back_by_the_receiver() -> None:
    # the parameter holds what every caller passes; the naming caller has the reference
    graph = graph_of({"app.py": APP})
    assert "app:started" not in calls(graph, "app:passes_through")


def test_inspecting_modules_do_not_call_what_they_are_given() -> None:
    graph = graph_of({"app.py": APP})
    edges = calls(graph, "app:inspected")
    assert "app:Bag.__iter__" not in edges
    assert "app:chained" not in calls(graph, "app:looks")


def test_the_callback_mark_survives_a_snapshot() -> None:
    graph = graph_of({"app.py": APP})
    again = graph_from_dict(graph_to_dict(graph))
    assert again is not None
    assert calls(again, "app:Client.__init__")["app:App.__call__"]["callback"] is True
