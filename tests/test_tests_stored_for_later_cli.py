"""``impactgraph tests`` follows an object of ours kept where code we do not see uses it later:
stored by ``setattr(owner, name, value)`` with a name computed at run time (every read of that
attribute runs the object's ``__get__``, every store its ``__set__``), or added to an outside
container (``sys.meta_path.insert(0, Finder())``: the import system calls ``find_spec`` on it, a
public method called by name). The call that keeps it reaches those methods, so a test that
keeps it is selected when they change.
(Found on wrapt 1.16.0: ``wrap_object_attribute`` installs an ``AttributeWrapper`` descriptor
with ``setattr(parent, attribute, wrapper)`` (``apply_patch``), and
``register_post_import_hook`` puts an ``ImportHookFinder`` on ``sys.meta_path``, whose
``find_spec`` builds an ``_ImportHookChainedLoader``; a parameter removed from
``AttributeWrapper.__get__`` failed test_attribute_wrapper.py, and the loader's ``__init__``
removed failed test_post_import_hooks.py, neither selected.)"""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/patching/__init__.py": "",
    "src/patching/attributes.py": """
        class AttributeWrapper:
            def __init__(self, attribute):
                self.attribute = attribute

            def __get__(self, instance, owner):
                return instance.__dict__[self.attribute] * 2

            def __set__(self, instance, value):
                instance.__dict__[self.attribute] = value


        class Plain:
            def __init__(self, value):
                self.value = value

            def __get__(self, instance, owner):
                return self.value


        def apply_patch(parent, attribute, replacement):
            setattr(parent, attribute, replacement)


        def wrap_attribute(parent, attribute):
            wrapper = AttributeWrapper(attribute)
            apply_patch(parent, attribute, wrapper)
            return wrapper


        def make_plain(value):
            return Plain(value)
    """,
    "src/patching/hooks.py": """
        import sys


        class Loader:
            def __init__(self, name):
                self.name = name

            def exec_module(self, module):
                module.hooked = self.name


        class Finder:
            def find_spec(self, fullname, path=None, target=None):
                if fullname != "hooked_module":
                    return None
                return Loader(fullname)

            def describe(self):
                return "finder"


        def install():
            sys.meta_path.insert(0, Finder())


        def describe():
            return Finder().describe()
    """,
    "tests/test_attributes.py": """
        from patching.attributes import wrap_attribute


        class Holder:
            def __init__(self, value):
                self.value = value


        def test_wrap():
            wrap_attribute(Holder, "value")
            assert Holder(2).value == 4
    """,
    "tests/test_plain.py": """
        from patching.attributes import make_plain


        def test_plain():
            assert make_plain(1).value == 1
    """,
    "tests/test_hooks.py": """
        from patching.hooks import install


        def test_install():
            install()
    """,
    "tests/test_describe.py": """
        from patching.hooks import describe


        def test_describe():
            assert describe() == "finder"
    """,
}


def test_a_descriptor_stored_by_a_computed_name_is_reached_from_the_store(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    lib = BASE["src/patching/attributes.py"].replace(
        "def __get__(self, instance, owner):\n                return instance",
        "def __get__(self, instance):\n                return instance")
    assert lib != BASE["src/patching/attributes.py"]
    commit(root, {"src/patching/attributes.py": lib})
    # Plain.__get__ is never stored: test_plain.py reaches Plain by construction only
    assert selected_tests(root) == ["tests/test_attributes.py"]


def test_an_object_added_to_outside_state_is_reached_from_the_call_that_adds_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    hooks = BASE["src/patching/hooks.py"].replace(
        "def __init__(self, name):\n                self.name = name",
        "def __init__(self, name, extra):\n                self.name = name")
    assert hooks != BASE["src/patching/hooks.py"]
    commit(root, {"src/patching/hooks.py": hooks})
    # Finder.find_spec builds the Loader; the import system runs it on what install() stored.
    # test_describe.py builds a Finder too, but hands it to nobody
    assert selected_tests(root) == ["tests/test_hooks.py"]
