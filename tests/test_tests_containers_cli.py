"""``impactgraph tests`` follows objects through containers: stored with ``append``,
``insert``, ``add``, ``extend``, ``setdefault`` or an item assignment (into a literal or an
empty ``set()``/``list()``/``dict()``), read back by iteration or indexing; and classes that
flow through parameters into a registry of instances (flask's json ``TaggedJSONSerializer``:
``for cls in default_tags: self.register(cls)``, ``tag = tag_class(self)``,
``self.order.append(tag)``, later ``for tag in self.order: tag.check(value)``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/tags/__init__.py": "",
    "src/tags/util.py": """
        def helper(v):
            return [v]


        def other(v):
            return v
    """,
    "src/tags/reg.py": """
        from tags.util import helper, other


        class Tag:
            key = ""

            def __init__(self, registry):
                self.registry = registry

            def tag(self, value):
                return {self.key: self.to_json(value)}


        class TagList(Tag):
            key = "l"

            def check(self, value):
                return isinstance(value, list)

            def to_json(self, value):
                return helper(value)


        class TagInt(Tag):
            key = "i"

            def check(self, value):
                return isinstance(value, int)

            def to_json(self, value):
                return value


        class Registry:
            default_tags = [TagInt]

            def __init__(self):
                self.tags = {}
                self.order = []
                for cls in self.default_tags:
                    self.register(cls)

            def register(self, tag_class, index=None):
                tag = tag_class(self)
                self.tags[tag.key] = tag
                if index is None:
                    self.order.append(tag)
                else:
                    self.order.insert(index, tag)

            def tag(self, value):
                for tag in self.order:
                    if tag.check(value):
                        return tag.tag(value)
                return value
    """,
    "src/tags/setup.py": """
        from tags.reg import Registry, TagList


        def make():
            registry = Registry()
            registry.register(TagList, index=0)
            return registry
    """,
    "src/tags/more.py": """
        from tags.util import other


        class Runner:
            def run(self):
                return other(1)


        class Holder:
            def __init__(self):
                self.items = set()
                self.listed = list()
                self.by_name = dict()

            def add(self, item):
                self.items.add(item)

            def append(self, item):
                self.listed.append(item)

            def name(self, key, item):
                self.by_name.setdefault(key, item)

            def run_all(self):
                return [i.run() for i in self.items]

            def run_listed(self):
                return [i.run() for i in self.listed]

            def run_named(self):
                return [v.run() for _, v in self.by_name.items()]
    """,
    "tests/test_reg.py": """
        from tags.setup import make


        def test_tag():
            assert make().tag([1])
    """,
    "tests/test_set.py": """
        from tags.more import Holder, Runner


        def test_set():
            holder = Holder()
            holder.add(Runner())
            assert holder.run_all()
    """,
    "tests/test_list.py": """
        from tags.more import Holder, Runner


        def test_list():
            holder = Holder()
            holder.append(Runner())
            assert holder.run_listed()
    """,
    "tests/test_named.py": """
        from tags.more import Holder, Runner


        def test_named():
            holder = Holder()
            holder.name("a", Runner())
            assert holder.run_named()
    """,
    "tests/test_other.py": """
        def test_nothing():
            assert True
    """,
}


@pytest.mark.parametrize(
    ("name", "selected"),
    [
        ("helper", ["tests/test_reg.py"]),  # TagList, registered by setup.make
        ("other", ["tests/test_list.py", "tests/test_named.py", "tests/test_set.py"]),
    ],
)
def test_objects_stored_in_containers_are_called_where_the_containers_are_read(
    tmp_path: Path, name: str, selected: list[str]
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/tags/util.py"].replace(f"def {name}(v)", f"def {name}(v, w)")
    commit(root, {"src/tags/util.py": changed})
    assert selected_tests(root) == selected
