"""A dataclass's generated ``__init__`` sets a field that holds classes or functions from its
parameter, so what the callers pass is the instances' (marko's
``MarkoExtension(elements=[...])``: the elements were the ``field(default_factory=list)``'s
empty list only), read beside the field's declaration. Outside dataclasses a class attribute
of ours is read alone, as before (read beside what instances store everywhere, Django's graph
lost a fifth of its edges to value sets past the linker's limit)."""

from __future__ import annotations

import pytest
from helpers import graph_of

CLASSES = """
import dataclasses
import typing


class A:
    def run(self):
        return 1


class B:
    def run(self):
        return 2
"""


def _callees(source: str, caller: str = "pkg.m:use") -> set[str]:
    graph = graph_of({"pkg/__init__.py": "", "pkg/m.py": CLASSES + source})
    return {t for t, kind in graph.successors(caller) if kind == "calls" and t.endswith(".run")}


@pytest.mark.parametrize("field", [
    "elements: list[type[A]] = dataclasses.field(default_factory=list)",
    "elements: list[type] = None",
    "elements: 'typing.Sequence[typing.Type[A]]'",
    "elements: list[typing.Callable[[], A]]",
])
def test_a_dataclass_field_holds_what_the_constructor_was_given(field: str) -> None:
    source = f"""
@dataclasses.dataclass(frozen=True)
class Extension:
    {field}


def use():
    for element in Extension(elements=[A]).elements:
        element().run()
"""
    assert _callees(source) == {"pkg.m:A.run"}


def test_a_data_field_keeps_its_annotation() -> None:
    # what every caller passes would join in one set (jsonschema's ``schema: Schema``: every
    # schema its tests build), past what the linker keeps: the annotation says enough
    source = """
@dataclasses.dataclass(frozen=True)
class Extension:
    elements: list


def use():
    for element in Extension(elements=[A]).elements:
        element().run()
"""
    assert _callees(source) == set()


def test_a_field_given_by_position_too() -> None:
    source = """
@dataclasses.dataclass
class Extension:
    name: str
    element: type = B


def use():
    Extension("x", A).element().run()
"""
    assert _callees(source) == {"pkg.m:A.run", "pkg.m:B.run"}


def test_an_attribute_set_in_init_beside_a_class_default_of_no_value_of_ours() -> None:
    source = """
class Holder:
    item = None

    def __init__(self, flag):
        if flag:
            self.item = A()


def use():
    Holder(True).item.run()
"""
    assert _callees(source) == {"pkg.m:A.run"}


def test_a_class_with_its_own_init_is_not_a_generated_one() -> None:
    source = """
@dataclasses.dataclass
class Extension:
    element: type = B

    def __init__(self, element):
        self.other = element


def use():
    Extension(A).element().run()
"""
    assert _callees(source) == {"pkg.m:B.run"}


def test_two_lists_added_hold_the_elements_of_both() -> None:
    source = """
class Registry:
    def __init__(self):
        self.kinds = [A]

    def use(self, extension):
        self.kinds = extension.kinds + self.kinds


class Extension:
    def __init__(self, kinds):
        self.kinds = kinds


def use():
    registry = Registry()
    registry.use(Extension([B]))
    for kind in registry.kinds:
        kind().run()
"""
    assert _callees(source) == {"pkg.m:A.run", "pkg.m:B.run"}


def test_a_class_made_from_added_bases_has_each_as_a_base() -> None:
    source = """
class Base:
    def render(self, element):
        return getattr(self, "render_" + element)()


class Mixin:
    def render_url(self):
        return 1


class Converter:
    def __init__(self, mixins=()):
        self.renderer = type("_R", tuple(mixins) + (Base,), {})()


def use():
    Converter([Mixin]).renderer.render("url")
"""
    graph = graph_of({"pkg/__init__.py": "", "pkg/m.py": CLASSES + source})
    assert "pkg.m:Mixin.render_url" in {
        t for t, kind in graph.successors("pkg.m:Base.render") if kind == "calls"}


def test_objects_of_ours_added_give_what_their_add_returns() -> None:
    # not their elements: ``a + b`` of pyparsing's ParseResults, ParserElement
    source = """
class Pair:
    def __iter__(self):
        return iter([B()])

    def __add__(self, other):
        return [A()]


def use():
    for item in Pair() + Pair():
        item.run()
"""
    assert _callees(source) == {"pkg.m:A.run"}
