"""``impactgraph tests`` when a removed override lives in a plugin class that is loaded by name
(``registry.register("memory", __name__, "MemoryStore")``, then ``__import__`` and
``getattr``): the object the loader returns is lost to the linker, so the calls on it
(``self.impl.get_or_make(...)``) are unresolved, and the removed method's name is all that
ties them to it. One of those calls is made only by source the library generates and
``exec``s (a template engine's compiled template calls ``ctx.store._fetch(...)``)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_reasons, selected_tests
from git_support import commit, init_repo

BASE = {
    "src/tpl/__init__.py": "",
    "src/tpl/registry.py": """
        class Registry:
            def __init__(self):
                self.loaders = {}

            def register(self, name, modulepath, objname):
                def load():
                    module = __import__(modulepath)
                    for part in modulepath.split(".")[1:]:
                        module = getattr(module, part)
                    return getattr(module, objname)

                self.loaders[name] = load

            def load(self, name):
                return self.loaders[name]()


        stores = Registry()
    """,
    "src/tpl/store.py": """
        from tpl.registry import stores


        class StoreImpl:
            def get_or_make(self, key, make):
                raise NotImplementedError()


        class Store:
            def __init__(self, kind):
                self.impl = stores.load(kind)()

            def fetch(self, key, make):
                return self.impl.get_or_make(key, make)

            def _fetch_for(self, key, make, context):
                return self.impl.get_or_make(key, make)
    """,
    "src/tpl/codegen.py": '''
        def generate(key):
            """The module of a template that caches its body under ``key``."""
            return (
                "def render(context):\\n"
                f"    return context.store._fetch_for({key!r}, lambda: 'body', context)\\n"
            )
    ''',
    "src/tpl/template.py": """
        import types

        from tpl.codegen import generate
        from tpl.store import Store


        class Template:
            def __init__(self, key, store="memory"):
                self.store = Store(store)
                self.module = types.ModuleType("template")
                exec(generate(key), self.module.__dict__)

            def render(self):
                return self.module.render(self)
    """,
    "src/tpl/testing.py": """
        from tpl.registry import stores
        from tpl.store import StoreImpl


        class MemoryStore(StoreImpl):
            def __init__(self):
                self.data = {}

            def get_or_make(self, key, make):
                if key not in self.data:
                    self.data[key] = make()
                return self.data[key]


        stores.register("memory", __name__, "MemoryStore")
    """,
    "src/tpl/text.py": """
        def shout(text):
            return text.upper()
    """,
    "tests/test_render.py": """
        import tpl.testing
        from tpl.template import Template


        def test_render():
            assert Template("k").render() == "body"
    """,
    "tests/test_fetch.py": """
        import tpl.testing
        from tpl.store import Store


        def test_fetch():
            assert Store("memory").fetch("k", lambda: 1) == 1
    """,
    "tests/test_text.py": """
        from tpl.text import shout


        def test_shout():
            assert shout("a") == "A"
    """,
}

OVERRIDE = """
            def get_or_make(self, key, make):
                if key not in self.data:
                    self.data[key] = make()
                return self.data[key]
"""
WITHOUT_OVERRIDE = BASE["src/tpl/testing.py"].replace(OVERRIDE, "")


def test_removing_a_loaded_plugins_override_selects_who_calls_it_by_name(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    assert "get_or_make" not in WITHOUT_OVERRIDE
    commit(root, {"src/tpl/testing.py": WITHOUT_OVERRIDE})
    reasons = selected_reasons(root)
    assert sorted(reasons) == ["tests/test_fetch.py", "tests/test_render.py"]
    assert any(".get_or_make()" in r for r in reasons["tests/test_fetch.py"])
    # through the generated template module: codegen writes ``context.store._fetch_for(``
    assert any("._fetch_for()" in r for r in reasons["tests/test_render.py"])


def test_a_method_call_in_generated_source_is_only_text_without_exec(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    files = {**BASE, "src/tpl/template.py": """
        from tpl.codegen import generate
        from tpl.store import Store


        class Template:
            def __init__(self, key, store="memory"):
                self.store = Store(store)
                self.source = generate(key)

            def render(self):
                return self.source
    """, "tests/test_render.py": """
        import tpl.testing
        from tpl.template import Template


        def test_render():
            assert "_fetch_for" in Template("k").render()
    """}
    commit(root, files, message="base", tag="base")
    commit(root, {"src/tpl/testing.py": WITHOUT_OVERRIDE})
    assert selected_tests(root) == ["tests/test_fetch.py"]
