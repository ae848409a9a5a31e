"""A string annotation (a forward reference, or any annotation under ``from __future__ import
annotations`` spelled in quotes) names the same classes as the annotation written out: the
typing constructs in it may be spelled through a module alias (``t.Optional[...]``,
``typing.Union[...]``), nested, or as ``X | None``. Reading ``"t.Optional[Node]"`` as
``t.Node`` made jinja2's visitor parameters ``typing.Node`` (an outside path) instead of its
``Node`` class: every call through them unresolved or grown into the typing module."""

from __future__ import annotations

import pytest
from helpers import graph_of

ANNOTATIONS = {
    "bare_optional": '"Optional[Node]"',
    "alias_optional": '"t.Optional[Node]"',
    "module_optional": '"typing.Optional[Node]"',
    "alias_union": '"t.Union[Node, None]"',
    "union_two": '"t.Union[Node, Other]"',
    "pipe_none": '"Node | None"',
    "none_pipe": '"None | Node"',
    "nested_string": "t.Optional[\"Node\"]",
    "nested_in_string": "\"t.Optional['Node']\"",
    "dotted_class": '"t.Optional[models.Node]"',
    "annotated": '"t.Annotated[Node, 3]"',
    "final_optional": '"t.Final[t.Optional[Node]]"',
}

CODE = {
    "models.py": """
class Node:
    def run(self):
        pass
""",
    "a.py": """
import typing
import typing as t
from typing import Optional
import models
from models import Node

class Other:
    def run(self):
        pass

"""
    + "".join(
        f"def {name}(node: {annotation}):\n    node.run()\n\n"
        for name, annotation in ANNOTATIONS.items()
    )
    + """
def listed(nodes: "t.List[Node]"):
    for node in nodes:
        node.run()

def mapped(nodes: "t.Dict[str, t.Optional[Node]]"):
    for node in nodes.values():
        node.run()

def class_of(cls: "t.Type[Node]"):
    cls().run()

def tuple_of(pair: "t.Tuple[Node, Other]"):
    pair[1].run()
""",
}


@pytest.fixture(scope="module")
def calls() -> set[tuple[str, str]]:
    graph = graph_of(CODE)
    return {(u, v) for u, v, kind in graph.edges() if kind == "calls"}


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_a_string_annotation_names_the_class_however_typing_is_spelled(
    calls: set[tuple[str, str]], name: str
) -> None:
    assert (f"a:{name}", "models:Node.run") in calls


def test_a_union_in_a_string_names_each_member(calls: set[tuple[str, str]]) -> None:
    assert {("a:union_two", "models:Node.run"), ("a:union_two", "a:Other.run")} <= calls


def test_containers_and_classes_in_a_string_annotation(calls: set[tuple[str, str]]) -> None:
    assert {
        ("a:listed", "models:Node.run"),
        ("a:mapped", "models:Node.run"),
        ("a:class_of", "models:Node.run"),
        ("a:tuple_of", "a:Other.run"),
    } <= calls


def test_no_typing_path_grows_from_a_string_annotation() -> None:
    graph = graph_of(CODE)
    assert not any(
        d.startswith("typing.") and d.count(".") > 1
        for callees in graph.external_calls.values() for d in callees
    )
    unresolved = {caller for caller, _ in graph.unresolved_sites}
    assert not unresolved & {f"a:{name}" for name in ANNOTATIONS}
