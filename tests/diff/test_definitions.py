"""Decorators, classes, dataclasses, overloads, properties, bodies and module constants."""

from __future__ import annotations

import pytest
from diff_support import diff_changes, diff_set

C = "m:C"
M = "m:C.m"
PROPERTY = "class C:\n    @property\n    def m(self): return self._m\n"
SETTER = "    @m.setter\n    def m(self, value): self._m = value\n"
INIT = "m:C.__init__"

DATACLASS = "from dataclasses import dataclass, field\n@dataclass\nclass C:\n"
OVERLOAD = "from typing import overload\n"

# attrs' _compat.py before 25.1
COMPAT = ("try:\n    from typing_extensions import Protocol\nexcept ImportError:\n"
          "    Protocol = object\nelse:\n    from typing import Protocol\n")

VENDORED = {f"pkg/{folder}__init__.py": "" for folder in
            ("", "vendor/", "vendor/antlr4/", "vendor/antlr4/error/")}
VENDORED["pkg/vendor/antlr4/error/ErrorListener.py"] = "class ErrorListener: pass"

CASES = [
    # -- decorators: staticmethod / classmethod / property ---------------------------------
    ("method became staticmethod", "class C:\n    def m(self, a): pass",
     "class C:\n    @staticmethod\n    def m(a): pass", {(M, "decorator-changed", True)}),
    ("staticmethod became classmethod", "class C:\n    @staticmethod\n    def m(a): pass",
     "class C:\n    @classmethod\n    def m(cls, a): pass", {(M, "decorator-changed", True)}),
    ("method became property", "class C:\n    def m(self): return 1",
     "class C:\n    @property\n    def m(self): return 1", {(M, "decorator-changed", True)}),
    ("property became method", "class C:\n    @property\n    def m(self): return 1",
     "class C:\n    def m(self): return 1", {(M, "decorator-changed", True)}),
    ("property return type changed",
     "class C:\n    @property\n    def m(self) -> int: return 1",
     "class C:\n    @property\n    def m(self) -> str: return 1",
     {(M, "return-annotation-changed", False)}),
    ("property getter gained a required parameter: every read fails",
     "class C:\n    @property\n    def m(self): return 1",
     "class C:\n    @property\n    def m(self, *, x): return 1",
     {(M, "parameter-added", True)}),
    ("property getter gained an optional parameter: reads still bind",
     "class C:\n    @property\n    def m(self): return 1",
     "class C:\n    @property\n    def m(self, x=0): return 1", set()),
    ("property getter renamed self: reads still bind",
     "class C:\n    @property\n    def m(self): return 1",
     "class C:\n    @property\n    def m(this): return 1", set()),
    ("property getter lost self: the instance has nowhere to go",
     "class C:\n    @property\n    def m(self): return 1",
     "class C:\n    @property\n    def m(): return 1", {(M, "parameter-removed", True)}),
    ("property getter with a setter gained a required parameter", PROPERTY + SETTER,
     PROPERTY.replace("m(self)", "m(self, x)") + SETTER, {(M, "parameter-added", True)}),
    ("abstractproperty == property + abstractmethod",
     "import abc\nclass C:\n    @abc.abstractproperty\n    def m(self): pass",
     "import abc\nclass C:\n    @property\n    @abc.abstractmethod\n    def m(self): pass", set()),
    ("bare abstractproperty == property + abc.abstractmethod",
     "from abc import abstractproperty\nclass C:\n    @abstractproperty\n    def m(self): pass",
     "import abc\nclass C:\n    @abc.abstractmethod\n    @property\n    def m(self): pass", set()),
    # a plain class (metaclass ``type``) is made whatever its members are decorated with
    ("abstractmethod added", "class C:\n    def m(self): pass",
     "import abc\nclass C:\n    @abc.abstractmethod\n    def m(self): pass",
     {(M, "decorator-changed", False)}),
    ("abstractmethod added in an ABC", "import abc\nclass C(abc.ABC):\n    def m(self): pass",
     "import abc\nclass C(abc.ABC):\n    @abc.abstractmethod\n    def m(self): pass",
     {(M, "abstract-member-added", True)}),
    ("abstractmethod removed",
     "import abc\nclass C:\n    @abc.abstractmethod\n    def m(self): pass",
     "class C:\n    def m(self): pass", {(M, "decorator-changed", False)}),
    ("functools.cache added: a wrapper that needs hashable arguments", "def f(a): pass",
     "import functools\n@functools.cache\ndef f(a): pass", {("m:f", "decorator-changed", True)}),
    ("lru_cache(maxsize=None) -> cache: the same wrapper",
     "import functools\n@functools.lru_cache(maxsize=None)\ndef f(a): pass",
     "from functools import cache\n@cache\ndef f(a): pass", {("m:f", "decorator-changed", False)}),
    ("cache -> property: not the same", "class C:\n    @cache\n    def m(self): pass",
     "class C:\n    @property\n    def m(self): pass", {(M, "decorator-changed", True)}),
    ("property setter removed: assignments break", PROPERTY + SETTER, PROPERTY,
     {(M, "decorator-changed", True), (M, "body-changed", False)}),
    ("property setter added: nothing breaks", PROPERTY, PROPERTY + SETTER,
     {(M, "decorator-changed", False), (M, "body-changed", False)}),
    ("property setter body changed", PROPERTY + SETTER,
     PROPERTY + SETTER.replace("self._m = value", "self._m = [value]"),
     {(M, "body-changed", False)}),
    # Python calls fset(obj, value): a setter that no longer takes it fails every assignment
    ("property setter lost its value parameter", PROPERTY + SETTER,
     PROPERTY + SETTER.replace("m(self, value): self._m = value", "m(self): self._m = 1"),
     {(M, "body-changed", False)}),
    ("property setter lost its value parameter, the same body",
     PROPERTY + "    @m.setter\n    def m(self, value): raise AttributeError\n",
     PROPERTY + "    @m.setter\n    def m(self): raise AttributeError\n",
     {(M, "body-changed", False)}),
    ("property setter gained a required parameter", PROPERTY + SETTER,
     PROPERTY + SETTER.replace("m(self, value)", "m(self, value, extra)"),
     {(M, "body-changed", False)}),
    ("property setter's value renamed: the body reads another name, as before", PROPERTY + SETTER,
     PROPERTY + SETTER.replace("value", "new"), {(M, "body-changed", False)}),
    ("unknown decorator added", "def f(a): pass", "@register\ndef f(a): pass",
     {("m:f", "decorator-changed", True)}),
    # PEP 681: ``typing.dataclass_transform(...)`` returns what it decorates, as the
    # ``__dataclass_transform__`` stub the PEP told libraries to define before it (pydantic
    # 1.10 traded one for the other on ``dataclass``)
    ("dataclass_transform stub traded for typing's",
     "def __dataclass_transform__(**kw):\n    return lambda a: a\n"
     "@__dataclass_transform__(kw_only_default=True)\ndef f(a): pass",
     "from typing_extensions import dataclass_transform\n"
     "@dataclass_transform(kw_only_default=True)\ndef f(a): pass",
     {("m:f", "decorator-changed", False), ("m:__dataclass_transform__", "symbol-removed", True)}),
    # plum 2.10: ``@mypyc_attr(native_class=False)`` (``mypy_extensions``'s, or a no-op of
    # its own without it) on its classes; at run time it returns the class it is given
    ("mypyc_attr added", "class C: pass",
     "from mypy_extensions import mypyc_attr\n@mypyc_attr(native_class=False)\nclass C: pass",
     {(C, "decorator-changed", False)}),
    ("decorator import style: no change", "import functools\n@functools.lru_cache\ndef f(): pass",
     "from functools import lru_cache\n@lru_cache\ndef f(): pass", set()),
    ("overload marker does not count as a decorator",
     OVERLOAD + "@overload\ndef f(a: int) -> int: ...\ndef f(a): pass",
     OVERLOAD + "@overload\ndef f(a: int) -> int: ...\n@overload\ndef f(a: str) -> str: ...\n"
     "def f(a): pass", set()),
    # -- overloads -------------------------------------------------------------------------
    ("overload removed",
     OVERLOAD + "@overload\ndef f(a: int) -> int: ...\n@overload\ndef f(a: str) -> str: ...\n"
     "def f(a): return a",
     OVERLOAD + "@overload\ndef f(a: int) -> int: ...\ndef f(a): return a",
     {("m:f", "parameter-annotation-changed", False),
      ("m:f", "return-annotation-changed", False)}),
    ("overloads reordered and respelled",
     OVERLOAD + "from typing import Optional\n@overload\ndef f(a: int) -> int: ...\n"
     "@overload\ndef f(a: Optional[str]) -> str: ...\ndef f(a): return a",
     OVERLOAD + "@overload\ndef f(a: str | None) -> str: ...\n@overload\n"
     "def f(a: int) -> int: ...\ndef f(a): return a", set()),
    ("overload lost a parameter",
     OVERLOAD + "@overload\ndef f(a: int, b: int) -> int: ...\n@overload\n"
     "def f(a: str) -> str: ...\ndef f(a, b=0): return a",
     OVERLOAD + "@overload\ndef f(a: int) -> int: ...\n@overload\n"
     "def f(a: str) -> str: ...\ndef f(a, b=0): return a",
     {("m:f", "parameter-removed", True)}),
    ("overload added", OVERLOAD + "@overload\ndef f(a: int) -> int: ...\ndef f(a): return a",
     OVERLOAD + "@overload\ndef f(a: int) -> int: ...\n@overload\n"
     "def f(a: str, b: int) -> str: ...\ndef f(a, b=0): return a", set()),
    ("implementation behind overloads lost a parameter",
     OVERLOAD + "@overload\ndef f(a: int, raw: bool = False) -> int: ...\n@overload\n"
     "def f(a: str, raw: bool = False) -> str: ...\ndef f(a, raw=False): return a",
     OVERLOAD + "@overload\ndef f(a: int, raw: bool = False) -> int: ...\n@overload\n"
     "def f(a: str, raw: bool = False) -> str: ...\ndef f(a): return a",
     {("m:f", "parameter-removed", True)}),
    # responses 0.25.3's ``RequestsMock.activate``: the stubs' ``= ...`` stays, the value a
    # call without the keyword gets is the implementation's
    ("implementation behind overloads changed a default",
     OVERLOAD + "@overload\ndef f(a: int, *, strict: bool = ...) -> int: ...\n"
     "def f(a, *, strict=False): return a",
     OVERLOAD + "@overload\ndef f(a: int, *, strict: bool = ...) -> int: ...\n"
     "def f(a, *, strict=True): return a",
     {("m:f", "parameter-default-changed", False)}),
    ("overloads and implementation lost the same parameter: reported once",
     OVERLOAD + "@overload\ndef f(a: int, b: int) -> int: ...\n@overload\n"
     "def f(a: str, b: int) -> str: ...\ndef f(a, b): return a",
     OVERLOAD + "@overload\ndef f(a: int) -> int: ...\n@overload\n"
     "def f(a: str) -> str: ...\ndef f(a): return a",
     {("m:f", "parameter-removed", True)}),
    # -- dataclasses -------------------------------------------------------------------------
    ("field without default added", DATACLASS + "    x: int",
     DATACLASS + "    x: int\n    y: int",
     {(INIT, "parameter-added", True), (C, "body-changed", False),
      ("m:C.y", "symbol-added", False)}),
    ("field with default added", DATACLASS + "    x: int",
     DATACLASS + "    x: int\n    y: int = 0",
     {(INIT, "parameter-added", False), (C, "body-changed", False),
      ("m:C.y", "symbol-added", False)}),
    ("field with default_factory added", DATACLASS + "    x: int",
     DATACLASS + "    x: int\n    y: list = field(default_factory=list)",
     {(INIT, "parameter-added", False), (C, "body-changed", False),
      ("m:C.y", "symbol-added", False)}),
    ("field removed", DATACLASS + "    x: int\n    y: int = 0", DATACLASS + "    x: int",
     {(INIT, "parameter-removed", True), (C, "body-changed", False),
      ("m:C.y", "symbol-removed", True)}),
    ("field default removed", DATACLASS + "    x: int = 0", DATACLASS + "    x: int",
     {(INIT, "parameter-now-required", True), (C, "body-changed", False)}),
    ("fields reordered", DATACLASS + "    x: int\n    y: int", DATACLASS + "    y: int\n    x: int",
     {(INIT, "parameter-moved", True), (C, "body-changed", False)}),
    ("ClassVar is not a field", DATACLASS + "    x: int",
     "from typing import ClassVar\n" + DATACLASS + "    x: int\n    n: ClassVar[int] = 0",
     {(C, "body-changed", False), ("m:C.n", "symbol-added", False)}),
    ("explicit __init__ replaces the generated one, same parameters",
     DATACLASS + "    x: int",
     DATACLASS + "    x: int\n    def __init__(self, x: int) -> None:\n        self.x = x", set()),
    ("became a dataclass with a required field", "class C:\n    x: int",
     DATACLASS + "    x: int",
     {(C, "decorator-changed", True), (INIT, "parameter-added", True)}),
    # -- classes -----------------------------------------------------------------------------
    ("base removed", "class B: pass\nclass C(B): pass", "class B: pass\nclass C: pass",
     {(C, "base-removed", True)}),
    # a ``typing.NamedTuple`` class is a tuple (pyglet 2.1 made ``Mat4(tuple)`` a NamedTuple)
    ("tuple base traded for typing.NamedTuple",
     "class C(tuple):\n    pass",
     "import typing as _typing\nclass C(_typing.NamedTuple):\n    x: float = 0.0",
     {(C, "body-changed", False), ("m:C.x", "symbol-added", False)}),
    ("tuple base traded for another class", "class C(tuple):\n    pass",
     "class C(list):\n    pass", {(C, "base-removed", True), (C, "body-changed", False)}),
    ("base replaced by a subclass of it", "class B: pass\nclass D(B): pass\nclass C(B): pass",
     "class B: pass\nclass D(B): pass\nclass C(D): pass", {(C, "body-changed", False)}),
    ("object base dropped", "class C(object): pass", "class C: pass", set()),
    ("same outside base spelled through another import",
     "from collections.abc import MutableSet\nclass C(MutableSet): pass",
     "import collections.abc as cabc\nclass C(cabc.MutableSet[str]): pass", set()),
    ("outside base now inherited through a base of ours",
     {"base.py": "class M: pass\nclass B(M, dict): pass",
      "m.py": "from base import M\nclass C(M, dict): pass"},
     {"base.py": "class M: pass\nclass B(M, dict): pass",
      "m.py": "from base import B\nclass C(B): pass"},
     {(C, "body-changed", False)}),
    ("a name bound by an import and a fallback class: either can be the base",
     "import sys\nif sys.version_info >= (3, 8):\n    from typing import TypedDict\n"
     "else:\n    class TypedDict: pass\nclass C(TypedDict): pass",
     "from typing import TypedDict\nclass C(TypedDict): pass",
     {("m:TypedDict", "body-changed", False), ("m:TypedDict", "export-removed", False)}),
    ("a typing alias and its collections.abc class are one base",
     "from typing import AsyncIterator\nclass C(AsyncIterator['P']): pass",
     "from collections.abc import AsyncIterator\nclass C(AsyncIterator['P']): pass", set()),
    ("typing.Tuple and tuple are one base",
     "from typing import Tuple\nclass C(Tuple[int, str]): pass",
     "class C(tuple[int, str]): pass", set()),
    ("an outside base re-exported by a module of ours is the same base",
     {"compat.py": "from collections.abc import MutableMapping",
      "m.py": "from compat import MutableMapping\nclass C(MutableMapping): pass"},
     {"compat.py": "from collections.abc import MutableMapping",
      "m.py": "from collections.abc import MutableMapping\nclass C(MutableMapping): pass"},
     set()),
    ("typing.Protocol re-exported by a module of ours is the marker (attrs 25.1)",
     {"compat.py": COMPAT, "m.py": "from compat import Protocol\nclass C(Protocol): pass"},
     {"compat.py": COMPAT, "m.py": "from typing import Protocol\nclass C(Protocol): pass"},
     set()),
    ("an outside base spelled through a module variable naming it (tornado 6.5)",
     "import collections.abc\nclass C(collections.abc.MutableMapping): pass",
     "import collections.abc\nimport typing\nif typing.TYPE_CHECKING:\n"
     "    StrMap = collections.abc.MutableMapping[str, str]\nelse:\n"
     "    StrMap = collections.abc.MutableMapping\nclass C(StrMap): pass",
     {("m:StrMap", "symbol-added", False)}),
    ("a module variable naming another outside base is another base",
     "import collections.abc\nclass C(collections.abc.MutableMapping): pass",
     "import collections.abc\nStrSet = collections.abc.MutableSet\nclass C(StrSet): pass",
     {(C, "base-removed", True), (C, "body-changed", False), ("m:StrSet", "symbol-added", False)}),
    # python-docx 1.0 renamed _ParagraphStyle to ParagraphStyle and left the old name bound
    # to it; _TableStyle(_ParagraphStyle) became _TableStyle(ParagraphStyle)
    ("a base renamed, its old name left bound to it",
     "class _B: pass\nclass C(_B): pass",
     "class B: pass\n_B = B\nclass C(B): pass",
     {("m:_B", "body-changed", False), ("m:B", "symbol-added", False)}),
    ("a base renamed, its old name left bound to another class",
     "class _B: pass\nclass C(_B): pass",
     "class B: pass\nclass D: pass\n_B = D\nclass C(B): pass",
     {("m:_B", "body-changed", False), ("m:B", "symbol-added", False),
      ("m:D", "symbol-added", False), (C, "base-removed", True), (C, "body-changed", False)}),
    ("outside base replaced by another outside base",
     "from collections.abc import MutableSet\nclass C(MutableSet): pass",
     "from collections.abc import Set\nclass C(Set): pass",
     {(C, "base-removed", True), (C, "body-changed", False)}),
    ("outside base gone, a base of ours added that lacks it",
     {"base.py": "class B: pass", "m.py": "class C(dict): pass"},
     {"base.py": "class B: pass", "m.py": "from base import B\nclass C(B): pass"},
     {(C, "base-removed", True), (C, "body-changed", False)}),
    # omegaconf 2.4 vendored antlr4: ``OmegaConfErrorListener(ErrorListener)`` derives from
    # ``omegaconf.vendor.antlr4.error.ErrorListener.ErrorListener`` instead of antlr4's
    ("an outside base traded for a vendored copy of it",
     {**VENDORED, "m.py": "from antlr4.error.ErrorListener import ErrorListener\n"
                          "class C(ErrorListener): pass"},
     {**VENDORED, "m.py": "from pkg.vendor.antlr4.error.ErrorListener import ErrorListener\n"
                          "class C(ErrorListener): pass"},
     {(C, "body-changed", False)}),
    ("an outside base traded for a class of ours of its name elsewhere",
     {"pkg/listeners.py": "class ErrorListener: pass",
      "m.py": "from antlr4.error.ErrorListener import ErrorListener\n"
              "class C(ErrorListener): pass"},
     {"pkg/listeners.py": "class ErrorListener: pass",
      "m.py": "from pkg.listeners import ErrorListener\nclass C(ErrorListener): pass"},
     {(C, "base-removed", True), (C, "body-changed", False)}),
    # six.with_metaclass(M, *bases) makes a class of M with those bases to derive from: the
    # class statement saying the same (asttokens 3.0) took nothing away
    ("a base made of the metaclass and bases the class now names",
     "import abc, six\nclass B: pass\nclass C(six.with_metaclass(abc.ABCMeta, B)): pass",
     "import abc\nclass B: pass\nclass C(B, metaclass=abc.ABCMeta): pass", set()),
    ("a base made of a metaclass the class no longer has",
     "import abc, six\nclass C(six.with_metaclass(abc.ABCMeta, object)): pass",
     "class C: pass", {(C, "base-removed", True)}),
    ("a base made of a class the class no longer has",
     "import abc, six\nclass B: pass\nclass C(six.with_metaclass(abc.ABCMeta, B)): pass",
     "import abc\nclass B: pass\nclass C(metaclass=abc.ABCMeta): pass",
     {(C, "base-removed", True)}),
    ("a base made of something else than classes",
     "import abc, six\nclass C(six.with_metaclass(abc.ABCMeta, 'x')): pass",
     "import abc\nclass C(metaclass=abc.ABCMeta): pass", {(C, "base-removed", True)}),
    ("type replaced by ABCMeta", "class C(type): pass",
     "from abc import ABCMeta\nclass C(ABCMeta): pass", {(C, "body-changed", False)}),
    ("method replaced by a class attribute", "class C:\n    def m(self): return set()",
     "class C:\n    m = set", {(C, "body-changed", False), (M, "body-changed", False)}),
    # watchdog 4.0: the ``dest_path`` property of ``FileSystemMovedEvent`` became a field of
    # its dataclass base
    ("property replaced by a base's attribute",
     "class B:\n    src = ''\nclass C(B):\n    @property\n    def m(self): return ''",
     "class B:\n    src = ''\n    m = ''\nclass C(B): pass",
     {(M, "body-changed", False), ("m:B", "body-changed", False),
      ("m:B.m", "symbol-added", False)}),
    ("property removed, a base's attribute of another name left",
     "class B:\n    src = ''\nclass C(B):\n    @property\n    def m(self): return ''",
     "class B:\n    src = ''\n    n = ''\nclass C(B): pass",
     {(M, "symbol-removed", True), ("m:B", "body-changed", False),
      ("m:B.n", "symbol-added", False)}),
    ("generic parameters of a base changed", "class C(list[int]): pass",
     "class C(list[str]): pass", set()),
    ("method moved into a base class", "class B: pass\nclass C(B):\n    def m(self, a): pass",
     "class B:\n    def m(self, a): pass\nclass C(B): pass",
     {("m:B.m", "symbol-added", False), (M, "symbol-removed", False)}),
    ("method moved into a base class and lost a parameter",
     "class B: pass\nclass C(B):\n    def m(self, a, b): pass",
     "class B:\n    def m(self, a): pass\nclass C(B): pass",
     {("m:B.m", "symbol-added", False), (M, "parameter-removed", True),
      (M, "symbol-removed", False)}),
    ("method moved into a base class in another module",
     {"base.py": "class B: pass", "m.py": "from base import B\nclass C(B):\n    def m(self): pass"},
     {"base.py": "class B:\n    def m(self): pass", "m.py": "from base import B\nclass C(B): pass"},
     {("base:B.m", "symbol-added", False), (M, "symbol-removed", False)}),
    ("method removed", "class C:\n    def m(self): pass\n    def n(self): pass",
     "class C:\n    def n(self): pass", {(M, "symbol-removed", True)}),
    ("private method removed", "class C:\n    def _m(self): pass\n    def n(self): pass",
     "class C:\n    def n(self): pass", {("m:C._m", "symbol-removed", False)}),
    ("__repr__ removed: object provides one", "class C:\n    def __repr__(self): return ''",
     "class C: pass", {("m:C.__repr__", "symbol-removed", False)}),
    ("__init__ removed: object's takes nothing", "class C:\n    def __init__(self, a): pass",
     "class C: pass", {(INIT, "parameter-removed", True)}),
    ("__init__ added with a required parameter", "class C: pass",
     "class C:\n    def __init__(self, a): pass", {(INIT, "parameter-added", True)}),
    ("override with the same signature added",
     "class B:\n    def m(self, a): pass\nclass C(B): pass",
     "class B:\n    def m(self, a): pass\nclass C(B):\n    def m(self, a): pass", set()),
    ("method added", "class C: pass", "class C:\n    def m(self): pass",
     {(M, "symbol-added", False)}),
    ("class attribute changed", "class C:\n    x = 1", "class C:\n    x = 2",
     {(C, "body-changed", False)}),
    # -- data attributes ---------------------------------------------------------------------
    ("instance attribute removed",
     "class C:\n    def __init__(self):\n        self.size = 0\n        self.name = ''",
     "class C:\n    def __init__(self):\n        self.size = 0",
     {("m:C.name", "symbol-removed", True), ("m:C.__init__", "body-changed", False)}),
    ("enum member removed", "import enum\nclass C(enum.Enum):\n    RED = 1\n    BLUE = 2",
     "import enum\nclass C(enum.Enum):\n    RED = 1",
     {("m:C.BLUE", "symbol-removed", True), (C, "body-changed", False)}),
    ("private attribute removed: not interface",
     "class C:\n    def __init__(self):\n        self._cache = {}",
     "class C:\n    def __init__(self):\n        pass", {("m:C.__init__", "body-changed", False)}),
    ("attribute moved into a base class", "class B: pass\nclass C(B):\n    size = 0",
     "class B:\n    size = 0\nclass C(B): pass",
     {("m:B", "body-changed", False), (C, "body-changed", False),
      ("m:B.size", "symbol-added", False)}),
    ("attribute became a property", "class C:\n    size = 0",
     "class C:\n    @property\n    def size(self): return 0",
     {(C, "body-changed", False), ("m:C.size", "symbol-added", False)}),
    # -- bodies and module-level values --------------------------------------------------
    ("body changed", "def f():\n    return 1", "def f():\n    return 2",
     {("m:f", "body-changed", False)}),
    ("method body changed", "class C:\n    def m(self): return 1",
     "class C:\n    def m(self): return 2", {(M, "body-changed", False)}),
    ("comment and docstring only", "def f():\n    return 1",
     'def f():\n    """Now documented."""\n    # why\n    return 1', set()),
    ("constant changed", "TIMEOUT = 10", "TIMEOUT = 20", {("m:TIMEOUT", "body-changed", False)}),
    ("constant respelled", "NAMES = ('a', 'b')", 'NAMES = ("a",\n         "b")', set()),
    ("function became a class", "def f(): pass", "class f: pass", {("m:f", "body-changed", False)}),
    ("nested function changed: the outer body changed",
     "def f():\n    def g(): return 1\n    return g",
     "def f():\n    def g(): return 2\n    return g",
     {("m:f", "body-changed", False)}),
    # -- added / removed ---------------------------------------------------------------------
    ("function added", "def f(): pass", "def f(): pass\ndef g(): pass",
     {("m:g", "symbol-added", False)}),
    ("function removed", "def f(): pass\ndef g(): pass", "def f(): pass",
     {("m:g", "symbol-removed", True)}),
    ("class removed: members not listed", "class C:\n    def m(self): pass", "",
     {(C, "symbol-removed", True)}),
    ("private function removed", "def _g(): pass", "", {("m:_g", "symbol-removed", False)}),
    ("constant removed", "X = 1", "", {("m:X", "symbol-removed", True)}),
    ("removed but __getattr__ may serve it", "def __getattr__(name): pass\ndef old(): pass",
     "def __getattr__(name): pass", {("m:old", "symbol-removed", False)}),
]

@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_definition_changes(old: object, new: object, expected: set[object]) -> None:
    assert diff_set(old, new) == expected  # type: ignore[arg-type]


def test_private_removal_breaks_when_used_elsewhere() -> None:
    found = diff_set("def _g(): pass", "", used=lambda symbol: symbol == "m:_g")
    assert found == {("m:_g", "symbol-removed", True)}


def test_getattr_note_is_in_the_detail() -> None:
    (change,) = diff_changes("def __getattr__(n): pass\ndef old(): pass",
                             "def __getattr__(n): pass")
    assert "__getattr__" in change.detail


def test_decorator_detail_lists_what_changed() -> None:
    (change,) = diff_changes("class C:\n    def m(self): pass",
                             "class C:\n    @classmethod\n    def m(cls): pass")
    assert change.detail == "+classmethod"
