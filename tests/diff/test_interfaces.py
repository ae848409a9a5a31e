"""Interface evolution: abstract members added, overrides removed, ABC markers as bases."""

from __future__ import annotations

import pytest
from diff_support import diff_changes, diff_set

ABC = "from abc import ABC, abstractmethod\n"
PROTO = "from typing import Protocol\n"

CASES = [
    # soupsieve 2.6's ImmutableDict(Mapping) defines __hash__: Mapping sets __hash__ = None, as
    # does any class defining __eq__ alone, so without it instances are unhashable (dict keys,
    # lru_cache arguments fail); a class with neither inherits object's
    ("__hash__ removed beside __eq__",
     "class K:\n    def __eq__(self, o): return True\n    def __hash__(self): return 1",
     "class K:\n    def __eq__(self, o): return True",
     {("m:K.__hash__", "symbol-removed", True)}),
    ("__hash__ removed below a Mapping",
     "from collections.abc import Mapping\nclass D(Mapping[str, int]):\n"
     "    def __hash__(self): return 1",
     "from collections.abc import Mapping\nclass D(Mapping[str, int]):\n    pass",
     {("m:D.__hash__", "symbol-removed", True)}),
    ("__hash__ removed below a base of ours that defines __eq__",
     "class B:\n    def __eq__(self, o): return True\n    def __hash__(self): return 1\n"
     "class C(B):\n    def __hash__(self): return 2",
     "class B:\n    def __eq__(self, o): return True\n    def __hash__(self): return 1\n"
     "class C(B):\n    pass",
     {("m:C.__hash__", "symbol-removed", False)}),
    ("__hash__ removed below a Mapping imported under another name",
     "from collections.abc import Mapping as M\nclass D(M):\n    def __hash__(self): return 1",
     "from collections.abc import Mapping as M\nclass D(M):\n    pass",
     {("m:D.__hash__", "symbol-removed", True)}),
    ("__hash__ removed below a class of ours named like an outside one",
     "class Counter:\n    pass\nclass C(Counter):\n    def __hash__(self): return 1",
     "class Counter:\n    pass\nclass C(Counter):\n    pass",
     {("m:C.__hash__", "symbol-removed", False)}),
    # omegaconf 2.4 traded ``DictConfig.__hash__`` for ``__hash__ = None`` below a base whose
    # ``__hash__`` is abstract: the class's own binding answers, not the abstract one (the
    # class was judged abstract, and every module making one broken)
    ("__hash__ bound in the class body above an abstract one",
     "from abc import ABC, abstractmethod\nclass N(ABC):\n    @abstractmethod\n"
     "    def __hash__(self): ...\nclass D(N):\n    def __hash__(self): return 1",
     "from abc import ABC, abstractmethod\nclass N(ABC):\n    @abstractmethod\n"
     "    def __hash__(self): ...\nclass D(N):\n    __hash__ = None",
     {("m:D.__hash__", "symbol-removed", True), ("m:D", "body-changed", False)}),
    ("a method bound in the class body above a base's",
     "class B:\n    def m(self): return 1\nclass C(B):\n    def m(self): return 2",
     "class B:\n    def m(self): return 1\nclass C(B):\n    m = staticmethod(len)",
     {("m:C.m", "body-changed", False), ("m:C", "body-changed", False)}),
    ("__hash__ removed from a plain class",
     "class P:\n    def __hash__(self): return 1", "class P:\n    pass",
     {("m:P.__hash__", "symbol-removed", False)}),
    ("ABC gains an abstract method",
     ABC + "class I(ABC):\n    @abstractmethod\n    def a(self): ...",
     ABC + "class I(ABC):\n    @abstractmethod\n    def a(self): ...\n"
     "    @abstractmethod\n    def b(self): ...",
     {("m:I.b", "abstract-member-added", True)}),
    ("ABC gains a concrete method: not abstract",
     ABC + "class I(ABC):\n    @abstractmethod\n    def a(self): ...",
     ABC + "class I(ABC):\n    @abstractmethod\n    def a(self): ...\n    def b(self): pass",
     {("m:I.b", "symbol-added", False)}),
    ("ABC method made abstract",
     ABC + "class I(ABC):\n    def a(self): pass",
     ABC + "class I(ABC):\n    @abstractmethod\n    def a(self): pass",
     {("m:I.a", "abstract-member-added", True)}),
    ("metaclass ABC gains an abstract method",
     "import abc\nclass I(metaclass=abc.ABCMeta):\n    pass",
     "import abc\nclass I(metaclass=abc.ABCMeta):\n    @abc.abstractmethod\n    def b(self): ...",
     {("m:I.b", "abstract-member-added", True)}),
    # mistune 3.1: its tests' BaseTestCase(unittest.TestCase) gained an @abstractmethod
    # ``parse``; TestCase's metaclass is ``type``, so no subclass stops being made
    ("a TestCase gains an abstract method",
     "from abc import abstractmethod\nfrom unittest import TestCase\nclass T(TestCase):\n"
     "    pass\nclass U(T):\n    pass",
     "from abc import abstractmethod\nfrom unittest import TestCase\nclass T(TestCase):\n"
     "    @abstractmethod\n    def parse(self): ...\nclass U(T):\n    pass",
     {("m:T.parse", "symbol-added", False)}),
    ("a class below an ABC of ours gains an abstract method",
     ABC + "class I(ABC):\n    pass\nclass J(I):\n    pass",
     ABC + "class I(ABC):\n    pass\nclass J(I):\n    @abstractmethod\n    def b(self): ...",
     {("m:J.b", "abstract-member-added", True)}),
    ("a class below an outside base gains an abstract method: its metaclass is not known",
     "from lib import Base\nclass I(Base):\n    pass",
     "from abc import abstractmethod\nfrom lib import Base\nclass I(Base):\n"
     "    @abstractmethod\n    def b(self): ...",
     {("m:I.b", "abstract-member-added", True)}),
    ("Protocol gains a method", PROTO + "class P(Protocol):\n    def a(self) -> int: ...",
     PROTO + "class P(Protocol):\n    def a(self) -> int: ...\n    def b(self) -> int: ...",
     {("m:P.b", "abstract-member-added", True)}),
    ("Protocol gains an attribute", PROTO + "class P(Protocol):\n    name: str",
     PROTO + "class P(Protocol):\n    name: str\n    size: int",
     {("m:P.size", "abstract-member-added", True), ("m:P", "body-changed", False)}),
    ("generic Protocol gains a method", "import typing\nclass P(typing.Protocol[T]):\n    pass",
     "import typing\nclass P(typing.Protocol[T]):\n    def b(self): ...",
     {("m:P.b", "abstract-member-added", True)}),
    ("subclass of a protocol is not a protocol", PROTO + "class P(Protocol):\n    pass\n"
     "class C(P):\n    pass", PROTO + "class P(Protocol):\n    pass\nclass C(P):\n"
     "    def b(self): pass", {("m:C.b", "symbol-added", False)}),
    ("interface method renamed",
     ABC + "class I(ABC):\n    @abstractmethod\n    def a(self): ...",
     ABC + "class I(ABC):\n    @abstractmethod\n    def b(self): ...",
     {("m:I.a", "symbol-removed", True), ("m:I.b", "abstract-member-added", True)}),
    # -- overrides ---------------------------------------------------------------------------
    ("override removed: the base runs instead",
     "class B:\n    def m(self): return 1\nclass C(B):\n    def m(self): return 2",
     "class B:\n    def m(self): return 1\nclass C(B):\n    pass",
     {("m:C.m", "symbol-removed", False)}),
    ("override removed: the base is abstract",
     ABC + "class B(ABC):\n    @abstractmethod\n    def m(self): ...\nclass C(B):\n"
     "    def m(self): return 2",
     ABC + "class B(ABC):\n    @abstractmethod\n    def m(self): ...\nclass C(B):\n    pass",
     {("m:C.m", "symbol-removed", True)}),
    ("override removed: the base raises NotImplementedError",
     "class B:\n    def m(self):\n        raise NotImplementedError\nclass C(B):\n"
     "    def m(self): return 2",
     "class B:\n    def m(self):\n        raise NotImplementedError\nclass C(B):\n    pass",
     {("m:C.m", "symbol-removed", True)}),
    ("override renamed",
     "class B:\n    def m(self): return 1\nclass C(B):\n    def m(self): return 2",
     "class B:\n    def m(self): return 1\nclass C(B):\n    def n(self): return 2",
     {("m:C.m", "symbol-removed", False), ("m:C.n", "symbol-added", False)}),
    ("override in another module removed",
     {"base.py": "class B:\n    def m(self):\n        raise NotImplementedError()",
      "m.py": "from base import B\nclass C(B):\n    def m(self): return 2"},
     {"base.py": "class B:\n    def m(self):\n        raise NotImplementedError()",
      "m.py": "from base import B\nclass C(B):\n    pass"},
     {("m:C.m", "symbol-removed", True)}),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_interface_changes(old: object, new: object, expected: set[object]) -> None:
    assert diff_set(old, new) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("base", ["ABC", "abc.ABC", "Protocol", "Generic[T]", "object"])
def test_a_marker_base_is_not_a_base_outside_the_code(base: str) -> None:
    head = "import abc\nfrom abc import ABC\nfrom typing import Protocol, Generic\n"
    old = head + f"class I({base}):\n    def a(self): ...\n    def b(self): ..."
    new = head + f"class I({base}):\n    def a(self): ..."
    [change] = diff_changes(old, new)
    assert (change.symbol, change.kind.value, change.breaking) == ("m:I.b", "symbol-removed", True)
    assert "outside" not in change.detail


def test_hash_bound_in_the_body_is_no_abstract_fallback() -> None:
    old = ("from abc import ABC, abstractmethod\nclass N(ABC):\n    @abstractmethod\n"
           "    def __hash__(self): ...\nclass D(N):\n    def __hash__(self): return 1")
    changes = diff_changes(old, old.replace("def __hash__(self): return 1", "__hash__ = None"))
    [change] = [c for c in changes if c.symbol == "m:D.__hash__"]
    assert change.detail == "instances no longer hashable"


def test_an_unknown_base_may_still_provide_it() -> None:
    old = "from lib import Base\nclass I(Base):\n    def a(self): ...\n    def b(self): ..."
    new = "from lib import Base\nclass I(Base):\n    def a(self): ..."
    [change] = diff_changes(old, new)
    assert "outside" in change.detail
