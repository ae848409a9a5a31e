"""A removed method breaks the code that still reads it by its name, not code reaching it
otherwise.

openpyxl 3.1 removed ``DefinedNameList.append``. ``Serialisable``'s ``__hash__``, ``__repr__``,
``to_tree`` and ``from_tree`` read every member of the instance by a name given as a value
(``getattr(self, attr)``), so the base linked them to it; their code still spells ``.append``,
on a list of their own (``fields = []``) or an element of a dict, and was judged to still use
the method: 158 modules broken, everything importing ``openpyxl.descriptors.serialisable``.
``WorkbookWriter.write_names`` appended to a copy of the list and now appends to
``list(wb.defined_names.values())``.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

BASE = """\
class Base:
    fields = ()

    def dump(self):
        out = {}
        for name in self.fields:
            value = getattr(self, name)
            if isinstance(value, list):
                value = tuple(value)
            out.setdefault(name, []).append(value)
        return out
"""
NAMES = """\
from base import Base


class Names(Base):
    fields = ("items",)

    def __init__(self):
        self.items = []

    def append(self, item):
        self.items.append(item)
"""
NAMES_HEAD = NAMES.replace("def append(", "def add(")
WRITER = """\
from names import Names


def write():
    names = Names()
    names.append("x")
    return names
"""


def test_a_removed_method_read_by_a_name_given_as_a_value_breaks_nobody(tmp_path: Path) -> None:
    report = impact_between({"base.py": BASE, "names.py": NAMES},
                            {"names.py": NAMES_HEAD}, tmp_path)
    assert broken_modules(report) == set()


def test_a_removed_method_read_by_a_name_given_as_a_constant_breaks_the_reader(
    tmp_path: Path,
) -> None:
    reader = BASE.replace("getattr(self, name)", 'getattr(self, "append")')
    report = impact_between({"base.py": reader, "names.py": NAMES},
                            {"names.py": NAMES_HEAD}, tmp_path)
    assert broken_modules(report) == {"base"}


def test_a_removed_method_called_on_a_list_now_breaks_nobody(tmp_path: Path) -> None:
    writer = WRITER.replace("names = Names()", "names = list(Names().items)")
    report = impact_between({"base.py": BASE, "names.py": NAMES, "writer.py": WRITER},
                            {"names.py": NAMES_HEAD, "writer.py": writer}, tmp_path)
    assert broken_modules(report) == set()


def test_a_removed_method_still_called_on_an_instance_breaks_the_caller(tmp_path: Path) -> None:
    report = impact_between({"base.py": BASE, "names.py": NAMES, "writer.py": WRITER},
                            {"names.py": NAMES_HEAD}, tmp_path)
    assert broken_modules(report) == {"writer"}


def test_a_removed_method_called_on_an_element_of_a_list_breaks_the_caller(
    tmp_path: Path,
) -> None:
    # the list's elements are not known: one may be an instance of the class
    writer = WRITER.replace("names = Names()", "names = [Names()][0]")
    report = impact_between({"base.py": BASE, "names.py": NAMES, "writer.py": writer},
                            {"names.py": NAMES_HEAD}, tmp_path)
    assert broken_modules(report) == {"writer"}
