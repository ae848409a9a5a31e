"""``impactgraph tests`` follows our objects through outside objects built with them: a method
call on such an object may call back the public methods of what it carries (flask 3.0.3 hands
its ``TaggedJSONSerializer`` to itsdangerous's ``URLSafeTimedSerializer`` and later calls
``.dumps`` on that, which calls ours)."""

from __future__ import annotations

from pathlib import Path

from cli_support import selected_tests
from git_support import commit, init_repo

BASE = {
    "src/shop/__init__.py": "",
    "src/shop/encode.py": """
        def encode(value):
            return str(value)


        def decode(text):
            return text
    """,
    "src/shop/tags.py": """
        from shop.encode import decode, encode


        class TagSerializer:
            def dumps(self, value):
                return encode(value)

            def loads(self, text):
                return decode(text)
    """,
    "src/shop/session.py": """
        from signing_lib import URLSafeSerializer  # installed, not in this repository

        from shop.tags import TagSerializer


        class SessionInterface:
            serializer = TagSerializer()

            def get_signer(self, key):
                return URLSafeSerializer(key, serializer=self.serializer)

            def save(self, data):
                return self.get_signer("key").dumps(data)

            def size(self, data):
                return len(data)
    """,
    "tests/test_session.py": """
        from shop.session import SessionInterface


        def test_save():
            assert SessionInterface().save({"a": 1})
    """,
    "tests/test_size.py": """
        from shop.session import SessionInterface


        def test_size():
            assert SessionInterface().size({"a": 1}) == 1
    """,
}


def test_a_method_of_an_outside_object_calls_back_what_it_was_built_with(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, message="base", tag="base")
    changed = BASE["src/shop/encode.py"].replace("def encode(value)", "def encode(value, how)")
    commit(root, {"src/shop/encode.py": changed})
    assert selected_tests(root) == ["tests/test_session.py"]


def test_outside_code_handed_our_object_may_call_any_special_method_of_it(
    tmp_path: Path,
) -> None:
    # markupsafe's escape(obj) calls obj.__html__(), a protocol of its own, not the language's
    files = {
        "src/page/__init__.py": "",
        "src/page/render.py": """
            def render(text):
                return "<b>" + text + "</b>"
        """,
        "src/page/widget.py": """
            from markupsafe import escape  # installed, not in this repository

            from page.render import render


            class Widget:
                def __init__(self, text):
                    self.text = text

                def __html__(self):
                    return render(self.text)


            def show(text):
                return escape(Widget(text))
        """,
        "tests/test_widget.py": """
            from page.widget import show


            def test_show():
                assert show("a")
        """,
        "tests/test_other.py": """
            def test_nothing():
                assert True
        """,
    }
    root = init_repo(tmp_path / "repo")
    commit(root, files, message="base", tag="base")
    changed = files["src/page/render.py"].replace("def render(text)", "def render(text, how)")
    commit(root, {"src/page/render.py": changed})
    assert selected_tests(root) == ["tests/test_widget.py"]


PRECISION = {
    "src/app/__init__.py": "",
    "src/app/store.py": """
        def save(value):
            return value
    """,
    "src/app/config.py": """
        import typing

        from signing_lib import Signer  # installed, not in this repository

        from app.store import save


        class ConfigAttribute:
            def __get__(self, obj, owner=None):
                return obj.config["key"]

            def __set__(self, obj, value):
                save(value)


        def check(value):
            return save(value)


        Checked = typing.NewType("Checked", check)  # typing only looks at what it gets


        class App:
            secret_key = ConfigAttribute()

            def __init__(self):
                self.config = {"key": "k"}

            def sign(self, data):
                return Signer(self.secret_key).sign(data)

            def name(self):
                return Checked.__name__.upper()
    """,
    "tests/test_sign.py": """
        from app.config import App


        def test_sign():
            assert App().sign("x")
    """,
    "tests/test_name.py": """
        from app.config import App


        def test_name():
            assert App().name()
    """,
    "tests/test_store.py": """
        from app.store import save


        def test_save():
            assert save(1) == 1
    """,
}


def test_what_typing_or_a_descriptor_carries_is_not_called_back(tmp_path: Path) -> None:
    # Signer(self.secret_key) carries the value __get__ gives, not the descriptor (whose
    # __set__ runs on assignment through the class); typing.NewType only looks at check
    root = init_repo(tmp_path / "repo")
    commit(root, PRECISION, message="base", tag="base")
    changed = PRECISION["src/app/store.py"].replace("def save(value)", "def save(value, how)")
    commit(root, {"src/app/store.py": changed})
    assert selected_tests(root) == ["tests/test_store.py"]
