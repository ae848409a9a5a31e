"""A name a class body reads before the body binds it is the module's (or a builtin):
``TAG_MAP = TAG_MAP`` in a class body copies the module's ``TAG_MAP`` into the class (Python
looks a class body's names up in the class namespace, then the globals, then the builtins).
pyasn1's codecs do this for their maps of payload decoders, called as
``self._typeMap[key](...)``."""

from __future__ import annotations

from helpers import graph_of

DECODERS = """
class ScalarDecoder:
    def __call__(self, value, spec):
        return spec


class ListDecoder:
    def __call__(self, value, spec):
        return [spec]


TYPE_MAP = {"int": ScalarDecoder(), "list": ListDecoder()}
"""


def calls(graph, source: str) -> set[str]:
    return {t for t, k in graph.successors(source) if k == "calls"}


def test_a_class_attribute_copied_from_the_module_holds_its_values() -> None:
    source = DECODERS + """

class Decoder:
    TYPE_MAP = TYPE_MAP

    def __init__(self, type_map=None):
        self._type_map = type_map if type_map is not None else self.TYPE_MAP

    def __call__(self, value, kind):
        return self._type_map[kind](value, kind)
"""
    graph = graph_of({"pkg/__init__.py": "", "pkg/decoder.py": source})
    assert {"pkg.decoder:ScalarDecoder.__call__", "pkg.decoder:ListDecoder.__call__"} <= calls(
        graph, "pkg.decoder:Decoder.__call__")


def test_a_read_after_the_class_binds_the_name_is_the_class_attribute() -> None:
    source = DECODERS + """

class Other:
    def __call__(self, value, spec):
        return None


class Decoder:
    TYPE_MAP = {"other": Other()}
    CHOSEN = TYPE_MAP

    def __call__(self, value, kind):
        return self.CHOSEN[kind](value, kind)
"""
    graph = graph_of({"pkg/__init__.py": "", "pkg/decoder.py": source})
    edges = calls(graph, "pkg.decoder:Decoder.__call__")
    assert "pkg.decoder:Other.__call__" in edges
    assert "pkg.decoder:ScalarDecoder.__call__" not in edges


def test_a_name_the_class_binds_only_on_some_paths_may_be_either() -> None:
    source = DECODERS + """
import os


class Other:
    def __call__(self, value, spec):
        return None


class Decoder:
    if os.environ.get("OTHER"):
        TYPE_MAP = {"other": Other()}
    CHOSEN = TYPE_MAP

    def __call__(self, value, kind):
        return self.CHOSEN[kind](value, kind)
"""
    graph = graph_of({"pkg/__init__.py": "", "pkg/decoder.py": source})
    assert {"pkg.decoder:Other.__call__", "pkg.decoder:ScalarDecoder.__call__"} <= calls(
        graph, "pkg.decoder:Decoder.__call__")


def test_a_builtin_copied_into_a_class_is_the_builtin() -> None:
    source = """
class Sized:
    def __len__(self):
        return 0


class Helpers:
    len = len

    def size(self, thing):
        return self.len(thing)


def use():
    return Helpers().size(Sized())
"""
    graph = graph_of({"pkg/__init__.py": "", "pkg/helpers.py": source})
    # a builtin, not a call the linker could not resolve
    assert not [site for site in graph.unresolved_sites if site[0] == "pkg.helpers:Helpers.size"]
