"""A class that loses a base of ours loses its names for its subclasses too: code using a
subclass by such a name breaks, two or more steps from the change. Only a receiver known to
be the subclass (or an instance made of it) counts; a subclass answering the name itself, or
deriving from a class outside the code, keeps it."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

MODELS = '''\
class Mixin:
    def helper(self):
        return 1


class Base({bases}):
    def run(self):
        return 2


class Child(Base):
    pass


class Answering(Base):
    def helper(self):
        return 3
'''


def _broken(tmp_path: Path, users: dict[str, str]) -> set[str]:
    base = {"proj/__init__.py": "", "proj/models.py": MODELS.format(bases="Mixin"), **users}
    head = {**base, "proj/models.py": MODELS.format(bases="")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_an_instance_of_a_subclass_calling_the_lost_method_breaks(tmp_path: Path) -> None:
    users = {"proj/user.py": "from proj.models import Child\n\n\ndef use():\n"
                             "    child = Child()\n    return child.helper()\n"}
    assert _broken(tmp_path, users) == {"proj.user"}


def test_a_subclass_of_a_subclass_calling_it_on_self_breaks(tmp_path: Path) -> None:
    users = {"proj/grand.py": "from proj.models import Child\n\n\nclass Grand(Child):\n"
                              "    def go(self):\n        return self.helper()\n"}
    assert _broken(tmp_path, users) == {"proj.grand"}


def test_other_names_and_answering_subclasses_break_nothing(tmp_path: Path) -> None:
    users = {"proj/user.py": "from proj.models import Answering, Child\n\n\ndef use(x):\n"
                             "    Child().run()\n    x.helper()\n"
                             "    return Answering().helper()\n"}
    assert _broken(tmp_path, users) == set()


def test_a_subclass_with_an_outside_base_may_have_the_name(tmp_path: Path) -> None:
    users = {"proj/user.py": "import json\n\nfrom proj.models import Child\n\n\n"
                             "class Mixed(Child, json.JSONEncoder):\n    pass\n\n\n"
                             "def use():\n    return Mixed().helper()\n"}
    assert _broken(tmp_path, users) == set()
