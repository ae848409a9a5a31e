"""The mutation helpers of benchmarks/test_selection.py: each kind gives valid Python with the
intended change and leaves the rest of the file as it was."""

from __future__ import annotations

import ast
import textwrap
from typing import Any

import pytest
from helpers import load_benchmark

sm = load_benchmark("selection_mutations")

LIBRARY = textwrap.dedent('''\
    """Ünïcode before the code: ast columns are bytes, text offsets are characters."""
    import functools


    def fetch(url, timeout=10, *, verify=True):  # a comment after the signature
        """Fetch it."""
        return (url, timeout, verify)


    def span(
        first,  # a comment inside the signature
        last="é",
    ) -> tuple:
        @functools.wraps(span)
        def inner():
            return first
        return inner(), last


    class Base:
        def render(self, value):
            return str(value)

        def close(self):
            return None


    class Child(Base):
        def render(self, value):
            return repr(value)

        def __str__(self):
            """Docstring stays."""
            return "child"

        def __eq__(self, other): return True
''')

TESTS = textwrap.dedent('''\
    import pytest


    @pytest.fixture
    def client():
        """A client."""
        return object()


    @pytest.fixture(name="other")
    def _other():
        yield 1


    def test_x(client):
        assert client
''')


def _mutations(source=LIBRARY, path="lib.py", is_test=False):
    methods, bases = sm.class_index([source])
    return sm.candidates(path, source, is_test=is_test, class_methods=methods, class_bases=bases)


def _one(kind, qualname, detail="", source=LIBRARY, is_test=False):
    found = [m for m in _mutations(source, is_test=is_test)
             if (m.kind, m.qualname, m.detail) == (kind, qualname, detail)]
    assert len(found) == 1, found
    return sm.apply_mutation(source, found[0])


def _function(source, qualname):
    tree = ast.parse(source)
    *classes, name = qualname.split(".")
    body = tree.body
    for cls in classes:
        body = next(s for s in body if isinstance(s, ast.ClassDef) and s.name == cls).body
    found = [s for s in body if isinstance(s, ast.FunctionDef) and s.name == name]
    return found[0] if found else None


def _params(node):
    args = node.args
    return [a.arg for a in [*args.posonlyargs, *args.args]], [a.arg for a in args.kwonlyargs]


def _changed_lines(before, after):
    old, new = before.splitlines(), after.splitlines()
    return [line for line in new if line not in old], [line for line in old if line not in new]


def test_remove_parameter_keeps_the_others_and_their_defaults():
    result = _one("remove-parameter", "fetch", "timeout")
    fetch = _function(result, "fetch")
    assert _params(fetch) == (["url"], ["verify"])
    assert ast.unparse(fetch.args.kw_defaults[0]) == "True"
    added, removed = _changed_lines(LIBRARY, result)
    assert len(added) == 1 and len(removed) == 1  # only the signature line


def test_remove_parameter_of_a_multiline_signature():
    result = _one("remove-parameter", "span", "first")
    assert _params(_function(result, "span")) == (["last"], [])
    assert "@functools.wraps(span)" in result


def test_add_required_parameter_is_keyword_only_without_default():
    result = _one("add-required-parameter", "Base.render", sm.ADDED_PARAMETER)
    render = _function(result, "Base.render")
    assert _params(render) == (["self", "value"], [sm.ADDED_PARAMETER])
    assert render.args.kw_defaults == [None]


def test_rename_parameter_renames_its_uses_in_the_body():
    result = _one("rename-parameter", "fetch", "url")
    fetch = _function(result, "fetch")
    assert _params(fetch) == (["url_renamed", "timeout"], ["verify"])
    assert ast.get_docstring(fetch) == "Fetch it."
    assert ast.unparse(fetch.body[1]) == "return (url_renamed, timeout, verify)"
    added, removed = _changed_lines(LIBRARY, result)
    assert len(added) == 2 and len(removed) == 2  # the signature and the one use
    namespace: dict[str, Any] = {}
    exec(compile(result, "lib.py", "exec"), namespace)  # noqa: S102 - run what was mutated
    assert namespace["fetch"](url_renamed="u") == ("u", 10, True)
    assert namespace["fetch"]("u") == ("u", 10, True)


def test_rename_parameter_renames_uses_in_nested_functions():
    result = _one("rename-parameter", "span", "first")
    assert "return first_renamed" in result
    assert "@functools.wraps(span)" in result
    namespace: dict[str, Any] = {}
    exec(compile(result, "lib.py", "exec"), namespace)  # noqa: S102 - run what was mutated
    assert namespace["span"](first_renamed=1) == (1, "é")


@pytest.mark.parametrize("body", [
    "global x\n    return x",
    "def inner():\n        nonlocal x\n        x = 2\n    return x",
    "return locals()",
    'return f"{x=}"',
    "class C:\n        y = x\n    return C",
])
def test_rename_parameter_does_not_apply_where_a_rename_changes_meaning(body):
    source = f"def f(x):\n    {body}\n"
    (mutation,) = [m for m in _mutations(source) if m.kind == "rename-parameter"]
    with pytest.raises(sm.MutationError):
        sm.apply_mutation(source, mutation)


def test_rename_parameter_keeps_keywords_and_attributes_of_that_name():
    source = "def f(x, obj):\n    return g(x=x), obj.x, [x for x in obj]\n"
    (mutation,) = [m for m in _mutations(source) if m.detail == "x"
                   and m.kind == "rename-parameter"]
    result = sm.apply_mutation(source, mutation)
    assert "return g(x=x_renamed), obj.x, [x_renamed for x_renamed in obj]" in result


def test_change_default():
    result = _one("change-default", "fetch", "verify")
    assert ast.unparse(_function(result, "fetch").args.kw_defaults[0]) == "False"
    result = _one("change-default", "span", "last")
    assert ast.unparse(_function(result, "span").args.defaults[0]) == "'éx'"


def test_remove_function_and_rename_method():
    result = _one("remove-function", "fetch")
    assert _function(result, "fetch") is None
    assert _function(result, "span") is not None
    result = _one("rename-method", "Base.close")
    assert _function(result, "Base.close") is None
    assert _function(result, "Base.close_renamed") is not None


def test_only_overrides_are_removable_as_overrides():
    overrides = {m.qualname for m in _mutations() if m.kind == "remove-override"}
    assert overrides == {"Child.render"}
    result = _one("remove-override", "Child.render")
    assert _function(result, "Child.render") is None
    assert _function(result, "Base.render") is not None


def test_dunder_return_replaces_the_body_and_keeps_the_docstring():
    result = _one("dunder-return", "Child.__str__")
    method = _function(result, "Child.__str__")
    assert ast.get_docstring(method) == "Docstring stays."
    assert ast.unparse(method.body[1]) == "return '<mutated>'"
    result = _one("dunder-return", "Child.__eq__")  # a one-line body
    assert ast.unparse(_function(result, "Child.__eq__").body[0]) == "return NotImplemented"


def test_fixtures_raise_in_test_files_only():
    found = _mutations(TESTS, "tests/conftest.py", is_test=True)
    assert {(m.kind, m.qualname) for m in found} == {("fixture-raise", "client"),
                                                    ("fixture-raise", "_other")}
    result = _one("fixture-raise", "_other", source=TESTS, is_test=True)
    first = _function(result, "_other").body[0]
    assert isinstance(first, ast.Raise)
    assert not any(m.kind == "fixture-raise" for m in _mutations())


def test_every_candidate_applies():
    for mutation in [*_mutations(), *_mutations(TESTS, "t.py", is_test=True)]:
        source = TESTS if mutation.path == "t.py" else LIBRARY
        result = sm.apply_mutation(source, mutation)
        assert result != source
        ast.parse(result)


def test_a_mutation_that_does_not_apply_is_refused():
    mutation = sm.Mutation("remove-function", "lib.py", "missing", 1)
    with pytest.raises(sm.MutationError):
        sm.apply_mutation(LIBRARY, mutation)


def test_choose_is_reproducible_and_takes_kinds_in_turn():
    found = _mutations()
    first = sm.choose(found, 6, "seed")
    assert first == sm.choose(list(reversed(found)), 6, "seed")
    assert len({m.kind for m in first}) == 6
    assert len(sm.choose(found, 1000, "seed")) == len(found)


CONSTANTS = textwrap.dedent('''\
    import re
    from typing import TypeAlias

    __all__ = ["TIMEOUT"]
    __version__ = "1.0"
    TIMEOUT = 30  # seconds
    OFFSET = -1
    ENCODING = "utf-8"
    STRICT = True
    WORD = re.compile(r"^\\\\w+$", re.I)
    TABLE = {"a": 1, "b": 2}
    PAIR = 1, 2
    NAMES = frozenset({"x", "y"})
    TWICE = 1
    TWICE = 2
    Alias: TypeAlias = "int"
    ANNOTATED: int = 5


    class Client:
        limit = 10
        kinds = ["a"]

        def get(self):
            local = 3
            return self.limit + local
''')


def _constant(kind, qualname):
    found = [m for m in sm.candidates("lib.py", CONSTANTS)
             if (m.kind, m.qualname) == (kind, qualname)]
    assert len(found) == 1, found
    result = sm.apply_mutation(CONSTANTS, found[0])
    namespace: dict[str, Any] = {}
    exec(compile(result, "lib.py", "exec"), namespace)  # noqa: S102 - run what was mutated
    added, removed = _changed_lines(CONSTANTS, result)
    assert len(added) == 1 and len(removed) == 1  # only the constant's line
    return namespace


def test_constants_are_extra_kinds_not_chosen_by_default():
    found = sm.candidates("lib.py", CONSTANTS)
    assert {m.kind for m in found} >= set(sm.EXTRA_KINDS)
    assert not set(sm.EXTRA_KINDS) & set(sm.KINDS)
    assert {m.kind for m in sm.choose(found, 1000, "seed")} <= set(sm.KINDS)
    extra = sm.choose(found, 1000, "seed", sm.EXTRA_KINDS)
    assert {m.kind for m in extra} == set(sm.EXTRA_KINDS)


def test_constants_found_and_the_ones_left_out():
    found = {(m.kind, m.qualname) for m in sm.candidates("lib.py", CONSTANTS)
             if m.kind in sm.EXTRA_KINDS}
    assert found == {
        ("change-constant", "TIMEOUT"), ("change-constant", "OFFSET"),
        ("change-constant", "ENCODING"), ("change-constant", "STRICT"),
        ("change-constant", "WORD"), ("change-constant", "ANNOTATED"),
        ("drop-element", "TABLE"), ("drop-element", "PAIR"), ("drop-element", "NAMES"),
        ("change-class-constant", "Client.limit"), ("drop-element", "Client.kinds")}


@pytest.mark.parametrize(("kind", "qualname", "name", "value"), [
    ("change-constant", "TIMEOUT", "TIMEOUT", 31),
    ("change-constant", "OFFSET", "OFFSET", 0),
    ("change-constant", "ENCODING", "ENCODING", "utf-8x"),
    ("change-constant", "STRICT", "STRICT", False),
    ("change-constant", "ANNOTATED", "ANNOTATED", 6),
    ("drop-element", "TABLE", "TABLE", {"a": 1}),
    ("drop-element", "PAIR", "PAIR", (1,)),
    ("drop-element", "NAMES", "NAMES", frozenset({"x"})),
])
def test_constant_values_change(kind, qualname, name, value):
    assert _constant(kind, qualname)[name] == value


def test_a_pattern_and_class_constants_change():
    assert _constant("change-constant", "WORD")["WORD"].pattern == r"^\\w+$x"
    assert _constant("change-class-constant", "Client.limit")["Client"]().get() == 14
    assert _constant("drop-element", "Client.kinds")["Client"].kinds == []


def test_constants_read_only_in_annotations_or_nowhere_are_left_out():
    reads = sm.names_read([CONSTANTS, "def f(x: ENCODING) -> TABLE:\n    return lib.OFFSET\n"])
    assert {"OFFSET", "limit", "TIMEOUT"} <= reads  # TIMEOUT: a name in __all__ (or getattr)
    assert not {"ENCODING", "TABLE", "Alias"} & reads
    kept = {m.qualname for m in sm.candidates("lib.py", CONSTANTS, names_read=reads)
            if m.kind in sm.EXTRA_KINDS}
    assert kept == {"OFFSET", "TIMEOUT", "Client.limit"}


def test_the_default_kinds_choose_as_before_there_were_constants(tmp_path):
    ts = load_benchmark("test_selection")
    chosen = {}
    module_constants = CONSTANTS[:CONSTANTS.index("class Client")]  # no methods: no more defs
    for name, source in [("plain", LIBRARY), ("consts", LIBRARY + "\n" + module_constants)]:
        repo = tmp_path / name
        (repo / "lib").mkdir(parents=True)
        (repo / "lib" / "core.py").write_text(source, encoding="utf-8")
        (repo / "tests").mkdir()
        (repo / "tests" / "test_core.py").write_text(TESTS + "\nCore = lib.TIMEOUT\n")
        chosen[name] = ts.pick_mutations(repo, repo / "lib", repo / "tests", 8, "seed")
        extra = ts.pick_mutations(repo, repo / "lib", repo / "tests", 8, "seed", sm.EXTRA_KINDS)
        assert {m.kind for m in extra} <= set(sm.EXTRA_KINDS)
    assert chosen["plain"] == chosen["consts"]
    assert {m.kind for m in chosen["plain"]} <= set(sm.KINDS)
    assert [m.qualname for m in extra] == ["TIMEOUT"]  # the one constant the tests read
