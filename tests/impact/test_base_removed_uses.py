"""Names a class lost break the code that uses them, not every user of the class.

semver 3.0 renamed ``VersionInfo`` to ``Version`` and ``isvalid`` to ``is_valid``: the docs'
``class SemVerWithVPrefix(VersionInfo)`` became ``(Version)``, a ``base-removed`` that takes
``isvalid`` away. Its own ``__str__`` (``super().__str__()``) and the conftest handing the class
to doctests use no name it lost, and were marked broken (2 of 2 broken modules). aiofiles 24.1's
``AiofilesContextManager`` lost its ``Coroutine`` base; a subclass statement of it made every
module importing its module broken. quart 0.20 moved a property from a base down to the class
whose code reads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from git_support import broken_modules, impact_between

LIB = """\
class VersionInfo:
    def __str__(self):
        return "1.0"

    @classmethod
    def parse(cls, text):
        return cls()

    @classmethod
    def isvalid(cls, text):
        return True
"""

LIB_HEAD = LIB.replace("class VersionInfo:", "class Version:").replace(
    "def isvalid(", "def is_valid(")

SUB = """\
from lib import {base}


class Prefixed({base}):
    def __str__(self):
        return "v" + super().__str__()
"""

REGISTER = """\
from sub import Prefixed


def register(namespace):
    namespace["Prefixed"] = Prefixed
"""


report_of = impact_between
broken = broken_modules


def changes(report: dict) -> set[tuple[str, str, bool]]:
    return {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}


def test_a_user_that_reads_no_name_the_class_lost_is_not_broken(tmp_path: Path) -> None:
    base = {"lib.py": LIB, "sub.py": SUB.format(base="VersionInfo"), "register.py": REGISTER}
    head = {"lib.py": LIB_HEAD, "sub.py": SUB.format(base="Version"), "register.py": REGISTER}
    report = report_of(base, head, tmp_path)
    assert ("sub:Prefixed", "base-removed", True) in changes(report)
    assert {"sub", "register"} <= {a["module"] for a in report["affected"]}
    assert broken(report) == set()


def test_a_user_that_reads_a_name_the_class_lost_stays_broken(tmp_path: Path) -> None:
    check = REGISTER + "\n\ndef check(text):\n    return Prefixed.isvalid(text)\n"
    base = {"lib.py": LIB, "sub.py": SUB.format(base="VersionInfo"), "register.py": check}
    head = {"lib.py": LIB_HEAD, "sub.py": SUB.format(base="Version"), "register.py": check}
    assert broken(report_of(base, head, tmp_path)) == {"register"}


def test_a_user_reading_attributes_by_a_computed_name_stays_broken(tmp_path: Path) -> None:
    # getattr(cls, name): any name, the lost one among them
    look = REGISTER + "\n\ndef look(name):\n    return getattr(Prefixed, name)\n"
    base = {"lib.py": LIB, "sub.py": SUB.format(base="VersionInfo"), "register.py": look}
    head = {"lib.py": LIB_HEAD, "sub.py": SUB.format(base="Version"), "register.py": look}
    assert broken(report_of(base, head, tmp_path)) == {"register"}


@pytest.mark.parametrize(("read", "broken_now"), [
    # Django 5.2's ``LoginRequiredMiddleware`` reads ``getattr(view_func, "login_required",
    # True)`` beside a subclass of ``RemoteUserMiddleware``, which dropped ``MiddlewareMixin``:
    # a name given as a literal is a read of that name only
    ('getattr(obj, "flag", True)', set()),
    ('getattr(obj, "flag")', set()),
    ('getattr(obj.inner, "flag", None)', set()),
    # the lost name spelled as the literal is a read of it
    ('getattr(obj, "isvalid")', {"register"}),
    # a name that is not a literal may be any name
    ('getattr(obj, f"{name}")', {"register"}),
    ('getattr(obj, "is" + name)', {"register"}),
    ('getattr(obj, str(name))', {"register"}),
    ('getattr(obj, name)', {"register"}),
])
def test_getattr_with_a_literal_name_reads_that_name_only(
        read: str, broken_now: set[str], tmp_path: Path) -> None:
    look = (REGISTER + "\n\nclass Persistent(Prefixed):\n    pass\n"
            f"\n\ndef look(obj, name):\n    return {read}\n")
    base = {"lib.py": LIB, "sub.py": SUB.format(base="VersionInfo"), "register.py": look}
    head = {"lib.py": LIB_HEAD, "sub.py": SUB.format(base="Version"), "register.py": look}
    assert broken(report_of(base, head, tmp_path)) == broken_now


LOADER = REGISTER + """

def load(qualname):
    module_name, name = qualname.rsplit(".", 1)
    module = {module}
    found = getattr(module, name, None)
    if not found or not issubclass(found, Prefixed):
        raise ValueError(name)
    return found
"""


@pytest.mark.parametrize(("module", "broken_now"), [
    # python-statemachine 2.0's ``import_sm``: ``getattr`` on a module reads a module-level
    # name, never a member the class lost
    ("importlib.import_module(module_name)", set()),
    ("import_module(module_name)", set()),
    ("__import__(module_name, fromlist=[name])", set()),
    ("importlib", set()),
    # on anything else it may read the lost name
    ("Prefixed", {"register"}),
    ("load_any(module_name)", {"register"}),
])
def test_getattr_on_a_module_reads_no_name_a_class_lost(
        module: str, broken_now: set[str], tmp_path: Path) -> None:
    loader = ("import importlib\nfrom importlib import import_module\n"
              "from helpers import load_any\n" + LOADER.format(module=module))
    helpers = "def load_any(name):\n    return name\n"
    base = {"lib.py": LIB, "sub.py": SUB.format(base="VersionInfo"), "register.py": loader,
            "helpers.py": helpers}
    head = {"lib.py": LIB_HEAD, "sub.py": SUB.format(base="Version"), "register.py": loader,
            "helpers.py": helpers}
    assert broken(report_of(base, head, tmp_path)) == broken_now


def test_a_special_method_lost_breaks_every_user(tmp_path: Path) -> None:
    # Python calls ``__str__`` for ``str(obj)``, f-strings, ``print``: not told by spelling
    lib = LIB.replace("def isvalid(", "def __len__(self):\n        return 1\n\n"
                      "    @classmethod\n    def isvalid(")
    head_lib = LIB_HEAD.replace("def is_valid(", "def is_valid_too(")
    base = {"lib.py": lib, "sub.py": SUB.format(base="VersionInfo"), "register.py": REGISTER}
    head = {"lib.py": head_lib, "sub.py": SUB.format(base="Version"), "register.py": REGISTER}
    assert "register" in broken(report_of(base, head, tmp_path))


# A member moved down from a base to the subclass whose code reads it (quart 0.20's
# ``max_content_length`` property, from ``BaseRequestWebsocket`` to ``Request``)
MOVED = """\
class Base:
    @property
    def limit(self):
        return 10


class Request(Base):
    def parser(self):
        return self.limit
"""

MOVED_HEAD = """\
class Base:
    pass


class Request(Base):
    @property
    def limit(self):
        return 10

    def parser(self):
        return self.limit
"""


def test_a_member_moved_down_to_the_class_reading_it_breaks_nothing(tmp_path: Path) -> None:
    report = report_of({"lib.py": MOVED}, {"lib.py": MOVED_HEAD}, tmp_path)
    assert ("lib:Base.limit", "symbol-removed", True) in changes(report)
    assert broken(report) == set()


def test_a_member_moved_down_still_breaks_a_class_left_without_it(tmp_path: Path) -> None:
    other = "\n\nclass Socket(Base):\n    def size(self):\n        return self.limit\n"
    report = report_of({"lib.py": MOVED + other}, {"lib.py": MOVED_HEAD + other}, tmp_path)
    assert broken(report) == {"lib"}
    user = "from lib import Base\n\n\ndef read(value: Base):\n    return value.limit\n"
    report = report_of({"lib.py": MOVED, "app.py": user}, {"lib.py": MOVED_HEAD, "app.py": user},
                       tmp_path / "typed")
    assert broken(report) == {"app"}


# aiofiles 24.1: ``AiofilesContextManager(_ContextManager)``, a ``Coroutine`` with ``send``,
# ``__iter__`` and the rest, became ``(Awaitable, AbstractAsyncContextManager)``
MANAGER = """\
class _Manager:
    def send(self, value):
        return value

    def __iter__(self):
        return iter(())


class Manager(_Manager):
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None
"""

MANAGER_HEAD = """\
class Manager:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None
"""

TEMPDIR = """\
from lib import Manager


class TempDir(Manager):
    async def __aenter__(self):
        return "dir"
"""


def manager_report(sub: str, tmp_path: Path) -> dict:
    return report_of({"lib.py": MANAGER, "sub.py": sub, "app.py": "import sub\n"},
                     {"lib.py": MANAGER_HEAD, "sub.py": sub, "app.py": "import sub\n"},
                     tmp_path)


def test_a_subclass_statement_spelling_no_name_lost_breaks_nothing(tmp_path: Path) -> None:
    # the class statement runs nothing of its base; what its methods spell is judged
    report = manager_report(TEMPDIR, tmp_path)
    assert ("lib:Manager", "base-removed", True) in changes(report)
    assert "sub" in {a["module"] for a in report["affected"]}
    assert broken(report) == set()


def test_a_subclass_using_a_special_method_lost_stays_broken(tmp_path: Path) -> None:
    iterating = TEMPDIR + "\n    def names(self):\n        return [name for name in self]\n"
    assert "sub" in broken(manager_report(iterating, tmp_path))


def test_a_subclass_handing_itself_over_stays_broken(tmp_path: Path) -> None:
    # what the code it is handed to calls on it is not seen
    handing = "import asyncio\n" + TEMPDIR + "\n    def run(self):\n" \
        "        return asyncio.ensure_future(self)\n"
    assert "sub" in broken(manager_report(handing, tmp_path))


def test_code_making_an_instance_that_lost_a_protocol_method_stays_broken(
    tmp_path: Path,
) -> None:
    # ``asyncio.create_task(make())`` would call ``send``, by the coroutine protocol
    making = TEMPDIR + "\n\ndef make():\n    return Manager()\n"
    assert "sub" in broken(manager_report(making, tmp_path))


# bidict 0.23: ``class OnDup(t.NamedTuple('_OnDup', [('key', OD), ('val', OD), ('kv', OD)]))``
# became ``class OnDup(t.NamedTuple)`` with the fields ``key`` and ``val``: a tuple as before,
# with its ``_replace``, ``_asdict``..., that lost the field ``kv`` alone
ON_DUP = """\
import typing as t


class OnDup(t.NamedTuple('_OnDup', [('key', int), ('val', int), ('kv', int)])):
    __slots__ = ()
"""

ON_DUP_HEAD = """\
import typing as t


class OnDup(t.NamedTuple):
    key: int = 0
    val: int = 1
"""

DEDUP = """\
from lib import OnDup

DEFAULT = OnDup(0, 1)


def dedup(on_dup):
    return on_dup.{field}, on_dup._replace(key=2), len(DEFAULT)
"""


def test_a_user_reading_no_field_a_named_tuple_lost_is_not_broken(tmp_path: Path) -> None:
    users = {"users.py": DEDUP.format(field="val")}
    report = report_of({"lib.py": ON_DUP, **users}, {"lib.py": ON_DUP_HEAD, **users}, tmp_path)
    assert ("lib:OnDup", "base-removed", True) in changes(report)
    assert "users" in {a["module"] for a in report["affected"]}
    assert broken(report) == set()


def test_a_user_reading_a_field_a_named_tuple_lost_stays_broken(tmp_path: Path) -> None:
    users = {"users.py": DEDUP.format(field="kv")}
    report = report_of({"lib.py": ON_DUP, **users}, {"lib.py": ON_DUP_HEAD, **users}, tmp_path)
    assert broken(report) == {"users"}


def test_a_named_tuple_base_traded_for_another_tuple_stays_broken(tmp_path: Path) -> None:
    # a plain class keeps no field and no ``_replace``: not known one by one, as before
    users = {"users.py": DEDUP.format(field="val")}
    head = "class OnDup(tuple):\n    pass\n"
    report = report_of({"lib.py": ON_DUP, **users}, {"lib.py": head, **users}, tmp_path)
    assert broken(report) == {"users"}


# python-docx 1.0 traded its own ``XmlEnumeration`` base (``__members__ = ()``,
# ``__ms_name__ = ''``, ``from_xml``) for an ``enum.Enum`` one keeping ``from_xml``: the two
# dunder values lost were taken for special methods, and every module using an enumeration
# was broken.
ENUM = """\
class {base}:
    __ms_name__ = ""{extra}

    @classmethod
    def from_xml(cls, value):
        return value


class Color({base}):
    RED = 1
"""

ENUM_USER = """\
from lib import Color


def parse(text):
    return Color.from_xml(text)
"""


def _enum_report(tmp_path: Path, user: str, extra: str = "") -> dict[str, Any]:
    base = {"lib.py": ENUM.format(base="XmlEnumeration", extra=extra), "app.py": user}
    head = {"lib.py": ENUM.format(base="BaseXmlEnum", extra="").replace(
        '    __ms_name__ = ""\n', ""), "app.py": user}
    return report_of(base, head, tmp_path)


def test_a_dunder_value_python_does_not_read_is_judged_by_spelling(tmp_path: Path) -> None:
    report = _enum_report(tmp_path, ENUM_USER)
    assert ("lib:Color", "base-removed", True) in changes(report)
    assert "app" in {a["module"] for a in report["affected"]}
    assert broken(report) == set()


def test_code_spelling_a_dunder_value_lost_stays_broken(tmp_path: Path) -> None:
    user = ENUM_USER.replace("Color.from_xml(text)", "Color.from_xml(text), Color.__ms_name__")
    assert broken(_enum_report(tmp_path, user)) == {"app"}


def test_a_dunder_method_outside_code_may_call_lost_stays_broken(tmp_path: Path) -> None:
    # ``__html__`` is no name of Python's, but markupsafe and jinja2 call it on what they get
    html = "\n\n    def __html__(self):\n        return ''"
    assert broken(_enum_report(tmp_path, ENUM_USER, extra=html)) == {"app"}


def test_a_dunder_python_reads_bound_as_a_value_stays_special(tmp_path: Path) -> None:
    # ``__len__ = size``: ``len(obj)`` calls it, unseen in code handed an instance
    sized = "\n\n    def size(self):\n        return 0\n\n    __len__ = size"
    assert broken(_enum_report(tmp_path, ENUM_USER, extra=sized)) == {"app"}


# python-docx's element classes name an enumeration in their bodies
# (``orient = OptionalAttribute("w:orient", WD_ORIENTATION)``) and hand ``self`` over in their
# methods (``deepcopy(self)``): the module was taken to use the enumeration as a base only
# (every class body was read as a class statement's header), and its classes' ``self`` as the
# subclass's own
CHECKED = """\
class Checked:
    def validate(self, value):
        return value


class Color(Checked):
    pass
"""

ELEMENT = """\
import copy

from lib import Color


def attribute(kind):
    return kind


class Element(dict):
    color = attribute(Color)

    def clone(self):
        return copy.copy(self)
"""


def _checked_report(tmp_path: Path, user: str) -> dict[str, Any]:
    head = "class Color:\n    pass\n"
    return report_of({"lib.py": CHECKED, "element.py": user},
                     {"lib.py": head, "element.py": user}, tmp_path)


def test_a_class_body_naming_the_class_is_no_subclass_statement(tmp_path: Path) -> None:
    report = _checked_report(tmp_path, ELEMENT)
    assert ("lib:Color", "base-removed", True) in changes(report)
    assert "element" in {a["module"] for a in report["affected"]}
    assert broken(report) == set()


def test_a_subclass_of_the_module_handing_itself_over_stays_broken(tmp_path: Path) -> None:
    derived = ELEMENT.replace("class Element(dict):\n    color = attribute(Color)\n",
                              "class Element(Color):\n")
    assert "element" in broken(_checked_report(tmp_path, derived))


GETTER = ELEMENT.replace("    def clone(self):\n        return copy.copy(self)\n",
                         "    def read(self, name):\n        return getattr(self, name)\n")


def test_getattr_on_self_of_a_class_not_deriving_from_it_reads_none_of_its_names(
        tmp_path: Path) -> None:
    # python-docx's element classes read ``getattr(self, name)`` in their methods
    report = _checked_report(tmp_path, GETTER)
    assert "element" in {a["module"] for a in report["affected"]}
    assert broken(report) == set()


def test_getattr_on_self_of_a_subclass_may_read_a_name_lost(tmp_path: Path) -> None:
    derived = GETTER.replace("class Element(dict):\n    color = attribute(Color)\n",
                             "class Element(Color):\n")
    assert "element" in broken(_checked_report(tmp_path, derived))
