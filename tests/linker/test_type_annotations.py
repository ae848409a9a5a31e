"""A parameter annotated ``type[Base]`` (``Type[Base]``, ``"type[Base]"``) holds ``Base`` or any
subclass of it, as ``cls`` in a classmethod does: calling it runs the constructor of whichever
it is. (python-json-logger 4.2.0: its tests take formatter classes through
``@pytest.mark.parametrize("class_", ALL_FORMATTERS)`` with ``class_:
type[BaseJsonFormatter]`` and call ``class_()``; ``MsgspecFormatter.__init__``'s override
removed failed tests/test_formatters.py, whose calls reached ``BaseJsonFormatter.__init__``
only.) An annotation of an instance (``Base``) does not call a constructor at all."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.model import EdgeKind

CODE = {
    "app.py": """
from typing import Type


class Base:
    def __init__(self):
        self.name = "base"


class Sub(Base):
    def __init__(self):
        super().__init__()
        self.extra = 1


def make(cls: type[Base]):
    return cls()


def make_typed(cls: Type[Base]):
    return cls()


def make_quoted(cls: "type[Base]"):
    return cls()


def use(obj: Base):
    return obj.name
""",
}


def calls(graph, source: str) -> set[str]:
    return {t for t, kind in graph.successors(source) if kind == EdgeKind.CALLS}


def test_calling_a_parameter_annotated_type_of_a_class_constructs_it_or_a_subclass() -> None:
    graph = graph_of(CODE)
    for source in ("app:make", "app:make_typed", "app:make_quoted"):
        assert {"app:Base.__init__", "app:Sub.__init__"} <= calls(graph, source), source


def test_an_instance_annotation_constructs_nothing() -> None:
    graph = graph_of(CODE)
    assert not {"app:Base.__init__", "app:Sub.__init__"} & calls(graph, "app:use")
