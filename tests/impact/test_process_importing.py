"""``ProcessScope.importing``: the test files whose process imports a module, kept as bits per
module, are those whose ``imported`` closure holds it, for any set of test files asked and in
any order (the rules of test selection ask it instead of each file's closure, for thousands of
modules)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from impactgraph.impact.process_scope import ProcessScope
from impactgraph.indexer import summarize
from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind

MODULES = ["pkg", "pkg.a", "pkg.b", "pkg.c", "other", "tests.conftest", "tests.test_x",
           "tests.test_y", "tests.deep.test_z"]
TESTS = ["tests/test_x.py", "tests/test_y.py", "tests/deep/test_z.py"]


def path_of(module: str) -> str:
    return "pkg/__init__.py" if module == "pkg" else module.replace(".", "/") + ".py"


def build(imports: list[tuple[int, int]]) -> CodeGraph:
    graph = CodeGraph()
    for module in MODULES:
        graph.add_node(module, kind="module", path=path_of(module), module=module)
        graph.add_node(f"{module}:f", kind="function", path=path_of(module), module=module)
        graph.summaries[module] = summarize("", module, path_of(module))
    for source, target in imports:  # from module code or from a function's
        graph.add_edge(MODULES[source] + ("" if source % 2 else ":f"), MODULES[target],
                       EdgeKind.IMPORTS)
    return graph


pair = st.tuples(st.integers(0, len(MODULES) - 1), st.integers(0, len(MODULES) - 1))
subset = st.sets(st.sampled_from(TESTS)).map(frozenset)


@settings(max_examples=300, deadline=None)
@given(st.lists(pair, max_size=20), st.lists(st.tuples(st.sampled_from(MODULES), subset),
                                             max_size=30))
def test_importing_is_what_each_closure_holds(imports: list[tuple[int, int]],
                                              asked: list[tuple[str, frozenset[str]]]) -> None:
    graph = build(imports)
    scope = ProcessScope([graph], frozenset(TESTS))
    reference = ProcessScope([graph], frozenset(TESTS))
    for module, paths in asked:
        expected = sorted(path for path in paths if module in reference.imported(path))
        assert scope.tests_of(scope.importing(module, paths)) == expected, (module, paths)


def test_a_test_file_imports_its_conftest_and_what_that_imports() -> None:
    graph = build([(MODULES.index("tests.conftest"), MODULES.index("pkg.b")),
                   (MODULES.index("tests.test_x"), MODULES.index("pkg.a"))])
    scope = ProcessScope([graph], frozenset(TESTS))
    every = frozenset(TESTS)
    assert scope.tests_of(scope.importing("pkg.b", every)) == sorted(TESTS)
    assert scope.tests_of(scope.importing("pkg.a", every)) == ["tests/test_x.py"]
    assert scope.tests_of(scope.importing("pkg", every)) == sorted(TESTS)  # b's package
    assert scope.importing("other", every) == 0
    assert scope.tests_of(scope.importing("pkg.b", frozenset(TESTS[1:]))) == sorted(TESTS[1:])
