"""An intermediate base whose every subclass of ours implements a member its interface made
abstract is a base in the head, not an implementation: the class statement runs, and only
code making the base itself breaks (as for a base declared an ``ABC``). A class with no
subclass, or one a subclass still lacks the member below, is judged as before.

rdflib 7.0.0 -> 7.1.0 made ``Node`` an ``ABC`` with an abstract ``n3``;
``Identifier(Node, str)`` defines no ``n3``, and its subclasses ``URIRef``, ``BNode`` (through
``IdentifiedNode``), ``Literal`` and ``Variable`` each define one. Nothing of rdflib makes an
``Identifier``; ``rdflib.term`` was judged broken for lacking ``n3`` on it.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

TERM = """\
import abc


class Node{node_base}:
    __slots__ = ()
{n3}

class Identifier(Node, str):
    __slots__ = ()

    def __new__(cls, value):
        return str.__new__(cls, value)

    def eq(self, other):
        return type(self) is type(other) and str(self) == str(other)


class IdentifiedNode(Identifier):
    __slots__ = ()


class URIRef(IdentifiedNode):
    def n3(self, namespace_manager=None):
        return "<%s>" % self


class BNode(IdentifiedNode):
    def n3(self, namespace_manager=None):
        return "_:%s" % self


class Literal(Identifier):
{literal_n3}
"""

N3 = """
    @abc.abstractmethod
    def n3(self, namespace_manager=None): ...
"""

LITERAL_N3 = """\
    def n3(self, namespace_manager=None):
        return '"%s"' % self
"""

USER = """\
from term import BNode, Literal, URIRef


def triple():
    return URIRef("s").n3(), BNode("b").n3(), Literal("o")
"""


def _term(*, abstract: bool, literal: bool = True) -> str:
    return TERM.format(node_base="(abc.ABC)" if abstract else "", n3=N3 if abstract else "",
                       literal_n3=LITERAL_N3 if literal else "    pass\n")


def test_a_base_whose_subclasses_all_implement_the_member_is_not_broken(
        tmp_path: Path) -> None:
    base = {"term.py": _term(abstract=False), "user.py": USER}
    head = {"term.py": _term(abstract=True), "user.py": USER}
    report = impact_between(base, head, tmp_path)
    assert ("term:Node.n3", "abstract-member-added") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_subclass_lacking_it_below_still_breaks(tmp_path: Path) -> None:
    # ``Literal`` has no ``n3`` of its own: it is not made any more, nor is its base a
    # mere base (one of its subclasses lacks the member too)
    base = {"term.py": _term(abstract=False, literal=False), "user.py": USER}
    head = {"term.py": _term(abstract=True, literal=False), "user.py": USER}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"term", "user"}


def test_code_making_the_base_itself_still_breaks(tmp_path: Path) -> None:
    maker = USER + "\n\ndef plain():\n    return Identifier('x')\n"
    maker = maker.replace("import BNode,", "import BNode, Identifier,")
    base = {"term.py": _term(abstract=False), "user.py": maker}
    head = {"term.py": _term(abstract=True), "user.py": maker}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"user"}


def test_a_class_with_no_subclass_lacking_the_member_still_breaks(tmp_path: Path) -> None:
    # a leaf implementation nobody in the code makes (a plugin found by name) breaks
    leaf = "\n\nclass Plugin(Node):\n    pass\n"
    base = {"term.py": _term(abstract=False) + leaf, "user.py": USER}
    head = {"term.py": _term(abstract=True) + leaf, "user.py": USER}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"term"}
