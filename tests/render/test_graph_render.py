"""The graph renderers (DOT, Mermaid, JSON): projection, focus, bounds, escaping, real tools."""

from __future__ import annotations

import json
import re
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from impactgraph.adapters.graphviz import dot_available, render_dot
from impactgraph.app.indexing import index_directory
from impactgraph.app.session import Session
from impactgraph.errors import RenderError, UsageError
from impactgraph.linker import CodeGraph
from impactgraph.model import EdgeKind
from impactgraph.render import graph_drawing, graph_json
from impactgraph.render.diagram import Level
from impactgraph.render.fitting import Limits
from impactgraph.render.graph_clusters import Cluster, cluster_tree
from impactgraph.render.graph_view import GraphView, build_view, fit_view

from .conftest import MMDC_MISSING, mmdc_program, render_with_mmdc

Snapshot = Callable[[str, str], None]
DOT = graph_drawing.LIMITS["dot"]
MERMAID = graph_drawing.LIMITS["mermaid"]
SHOP = Path(__file__).resolve().parents[2] / "fixtures" / "shop"

TINY = {
    "alpha/__init__.py": """
        from alpha.core import Base, helper

        __all__ = ["Base", "helper"]
    """,
    "alpha/core.py": """
        class Base:
            def run(self):
                return helper()


        def helper():
            return 1
    """,
    "alpha/impl.py": """
        from alpha.core import Base


        class Fast(Base):
            def run(self):
                return 2
    """,
    "beta/__init__.py": "",
    "beta/api.py": """
        from alpha import Base, helper


        def handle(item: Base):
            return item.run() + helper()


        def callback():
            return handle
    """,
    "tests/test_api.py": """
        from alpha.impl import Fast
        from beta.api import handle


        def test_handle():
            assert handle(Fast()) == 3
    """,
}


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> CodeGraph:
    root = write_tree(tmp_path_factory.mktemp("tiny"), TINY)
    return index_directory(root, session=Session(jobs=1)).graph


def ids(view: GraphView) -> set[str]:
    return {node.id for node in view.nodes}


def edge_set(view: GraphView) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, kind) for e in view.edges for kind in e.kinds}


# -- projection -----------------------------------------------------------------------------


def test_module_level_has_modules_and_merged_kinds(tiny: CodeGraph) -> None:
    view = build_view(tiny, Level.MODULE)
    assert ids(view) == {
        "alpha", "alpha.core", "alpha.impl", "beta", "beta.api", "test_api",
    }  # fmt: skip
    by_pair = {(e.source, e.target): e for e in view.edges}
    assert set(by_pair["beta.api", "alpha.core"].kinds) == {"imports", "calls"}
    assert by_pair["beta.api", "alpha.core"].style_kind == "calls"
    assert by_pair["alpha.impl", "alpha.core"].style_kind == "inherits"
    assert by_pair["alpha", "alpha.core"].style_kind == "exports"
    assert by_pair["test_api", "beta"].style_kind == "imports"


def test_package_level_counts_modules(tiny: CodeGraph) -> None:
    view = build_view(tiny, Level.PACKAGE)
    nodes = {node.id: node for node in view.nodes}
    assert set(nodes) == {"alpha", "beta", "test_api"}
    assert (nodes["alpha"].modules, nodes["alpha"].path, nodes["alpha"].line) == (3, "alpha", None)
    assert nodes["test_api"].path == "tests/test_api.py"
    assert {(e.source, e.target) for e in view.edges} == {
        ("beta", "alpha"), ("test_api", "alpha"), ("test_api", "beta"),
    }  # fmt: skip


def test_symbol_level_keeps_every_edge_kind(tiny: CodeGraph) -> None:
    view = build_view(tiny, Level.SYMBOL)
    assert {
        ("alpha.impl:Fast", "alpha.core:Base", "inherits"),
        ("alpha.impl:Fast.run", "alpha.core:Base.run", "overrides"),
        ("alpha", "alpha.core:helper", "exports"),
        ("beta.api:callback", "beta.api:handle", "references"),
        ("beta.api:handle", "alpha.core:helper", "calls"),
        ("test_api", "beta.api", "imports"),
    } <= edge_set(view)


# -- focus and depth ------------------------------------------------------------------------


def test_focus_on_module_pattern_with_depth(tiny: CodeGraph) -> None:
    view = build_view(tiny, Level.MODULE, ["beta.*"], 0)
    assert ids(view) == {"beta.api"}
    assert view.focused == {"beta.api"}
    one = build_view(tiny, Level.MODULE, ["beta.*"], 1)
    assert ids(one) == {"beta.api", "alpha", "alpha.core", "alpha.impl", "test_api"}


def test_focus_defaults_to_depth_one(tiny: CodeGraph) -> None:
    assert build_view(tiny, Level.MODULE, ["beta.api"]).depth == 1
    assert ids(build_view(tiny, Level.MODULE, ["beta.api"])) == ids(
        build_view(tiny, Level.MODULE, ["beta.api"], 1)
    )


def test_symbol_pattern_focuses_its_module_at_module_level(tiny: CodeGraph) -> None:
    view = build_view(tiny, Level.MODULE, ["alpha.core:helper"], 0)
    assert ids(view) == {"alpha.core"}


def test_module_pattern_at_symbol_level_brings_its_symbols(tiny: CodeGraph) -> None:
    view = build_view(tiny, Level.SYMBOL, ["alpha.impl"], 0)
    assert ids(view) == {"alpha.impl", "alpha.impl:Fast", "alpha.impl:Fast.run"}


def test_symbol_focus_with_depth(tiny: CodeGraph) -> None:
    view = build_view(tiny, Level.SYMBOL, ["beta.api:handle"], 1)
    assert {
        "beta.api:handle", "beta.api:callback", "alpha.core:helper", "alpha.core:Base.run",
        "alpha.impl:Fast.run", "test_api:test_handle",
    } <= ids(view)  # fmt: skip
    assert "alpha.core:Base" not in ids(view)


def test_package_focus(tiny: CodeGraph) -> None:
    assert ids(build_view(tiny, Level.PACKAGE, ["beta*"], 0)) == {"beta"}


def test_focus_matching_nothing_is_a_usage_error(tiny: CodeGraph) -> None:
    with pytest.raises(UsageError, match="matches no module or symbol"):
        build_view(tiny, Level.MODULE, ["gamma.*"])


def test_depth_without_focus_is_a_usage_error(tiny: CodeGraph) -> None:
    with pytest.raises(UsageError, match="--focus"):
        build_view(tiny, Level.MODULE, (), 2)


# -- snapshots ------------------------------------------------------------------------------


@pytest.mark.parametrize("level", list(Level))
def test_dot_snapshot(tiny: CodeGraph, level: Level, snapshot: Snapshot) -> None:
    view = build_view(tiny, level)
    snapshot(f"graph_tiny_{level.value}.dot", graph_drawing.to_dot(view, f"tiny: {level.value}"))


@pytest.mark.parametrize("level", list(Level))
def test_mermaid_snapshot(tiny: CodeGraph, level: Level, snapshot: Snapshot) -> None:
    view = build_view(tiny, level)
    text = graph_drawing.to_mermaid(view, f"tiny: {level.value}")
    snapshot(f"graph_tiny_{level.value}.mmd", text)


def test_json_snapshot(tiny: CodeGraph, snapshot: Snapshot) -> None:
    snapshot("graph_tiny_module.json", graph_json.render(build_view(tiny, Level.MODULE)))


def test_focused_dot_snapshot(tiny: CodeGraph, snapshot: Snapshot) -> None:
    view = build_view(tiny, Level.SYMBOL, ["beta.api:handle"], 1)
    snapshot("graph_tiny_symbol_focus.dot", graph_drawing.to_dot(view))


def test_json_schema_and_order(tiny: CodeGraph) -> None:
    document = json.loads(graph_json.render(build_view(tiny, Level.SYMBOL)))
    assert document["schema_version"] == 1
    assert document["level"] == "symbol"
    assert all(
        set(node) == {"id", "kind", "module", "package", "path", "line"}
        for node in document["nodes"]
    )
    assert all(set(edge) == {"source", "target", "kind"} for edge in document["edges"])
    node_ids = [node["id"] for node in document["nodes"]]
    edges = [(e["source"], e["target"], e["kind"]) for e in document["edges"]]
    assert node_ids == sorted(node_ids)
    assert edges == sorted(edges)
    assert len(edges) == len(set(edges))


def test_dot_has_clusters_styles_and_legend(tiny: CodeGraph) -> None:
    text = graph_drawing.to_dot(build_view(tiny, Level.MODULE))
    assert 'subgraph "cluster_pkg_alpha"' in text
    assert 'subgraph "cluster_pkg_beta"' in text
    assert "cluster_pkg_test_api" not in text  # a lone top-level module has no cluster
    assert '"alpha.impl" -> "alpha.core" [arrowhead=empty' in text
    assert '"test_api" -> "beta" [style=dashed' in text
    assert 'subgraph "cluster_legend"' in text


def test_mermaid_has_subgraphs_and_link_styles(tiny: CodeGraph) -> None:
    text = graph_drawing.to_mermaid(build_view(tiny, Level.MODULE))
    assert text.startswith('---\ntitle: "edges: calls solid')
    assert '  subgraph s0["alpha"]' in text
    assert "==>" in text  # inherits
    assert "linkStyle" in text


# -- clusters -------------------------------------------------------------------------------


def layout_of(files: dict[str, str], root: Path, level: Level = Level.MODULE) -> str:
    """The cluster tree as indented text: ``[name]`` for a cluster, then its nodes."""
    graph = index_directory(write_tree(root, files), session=Session(jobs=1)).graph
    view = build_view(graph, level)
    top, outside = cluster_tree(view)

    def show(cluster: Cluster, indent: str) -> list[str]:
        lines = [f"{indent}[{cluster.label}]"]
        lines += [f"{indent}  {node.id}" for node in cluster.nodes]
        for child in cluster.children:
            lines += show(child, indent + "  ")
        return lines

    lines = [node.id for node in outside]
    for cluster in top:
        lines += show(cluster, "")
    return "\n".join(lines)


def test_subpackages_nest_and_wrappers_are_dropped(tmp_path: Path) -> None:
    files = {
        # corp is a namespace package: its cluster would frame nothing but corp.shop's
        "src/corp/shop/__init__.py": "",
        "src/corp/shop/cart.py": "from corp.shop.pay import charge\n",
        "src/corp/shop/pay/__init__.py": "def charge():\n    pass\n",
        "src/corp/shop/pay/card.py": "from corp.shop.pay import charge\n",
        "src/corp/shop/lone/__init__.py": "from corp.shop import cart\n",
        "tests/test_cart.py": "from corp.shop import cart\n",
    }
    assert layout_of(files, tmp_path) == textwrap.dedent("""\
        test_cart
        [corp.shop]
          corp.shop
          corp.shop.cart
          corp.shop.lone
          [corp.shop.pay]
            corp.shop.pay
            corp.shop.pay.card""")


def test_symbol_level_clusters_modules_inside_packages(tiny: CodeGraph) -> None:
    top, outside = cluster_tree(build_view(tiny, Level.SYMBOL))
    assert outside == ()
    assert [cluster.label for cluster in top] == ["alpha", "beta", "test_api"]
    alpha = top[0]
    assert [child.label for child in alpha.children] == [
        "alpha (__init__)", "alpha.core", "alpha.impl",
    ]  # fmt: skip
    assert all(child.is_module for child in alpha.children)
    assert top[2].is_module  # a top-level module that is no package: just its module cluster


# -- escaping -------------------------------------------------------------------------------


@pytest.fixture
def awkward() -> CodeGraph:
    """Names that break naive DOT and Mermaid: keywords, quotes, angle brackets, colons."""
    graph = CodeGraph()
    for module in ("end", "graph.subgraph", "node"):
        graph.add_node(module, kind="module", module=module, package=module.split(".")[0],
                       path=f"{module.replace('.', '/')}.py", line=1)  # fmt: skip
    graph.add_node('end:outer.<lambda1>', kind="function", module="end", package="end",
                   path="end.py", line=3)  # fmt: skip
    graph.add_node('node:say"hi"', kind="function", module="node", package="node",
                   path="node.py", line=2)  # fmt: skip
    graph.add_edge("end:outer.<lambda1>", 'node:say"hi"', EdgeKind.CALLS, 4)
    graph.add_edge("end", "graph.subgraph", EdgeKind.IMPORTS, 1)
    graph.add_edge("graph.subgraph", "node", EdgeKind.IMPORTS, 1)
    return graph


def test_dot_quotes_every_identifier(awkward: CodeGraph) -> None:
    text = graph_drawing.to_dot(build_view(awkward, Level.SYMBOL), 'a "title"')
    assert '"node:say\\"hi\\""' in text
    assert 'label="a \\"title\\""' in text
    assert '"end:outer.<lambda1>" -> "node:say\\"hi\\""' in text


def test_mermaid_uses_generated_ids_and_escaped_labels(awkward: CodeGraph) -> None:
    text = graph_drawing.to_mermaid(build_view(awkward, Level.SYMBOL))
    assert '("outer.#lt;lambda1#gt;")' in text
    assert '("say#quot;hi#quot;")' in text
    edges = [line.split() for line in text.splitlines() if "->" in line]
    assert len(edges) == 3
    assert all(
        re.fullmatch(r"n\d+", word) for source, _, target in edges for word in (source, target)
    )


@pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")
def test_awkward_names_survive_dot(awkward: CodeGraph) -> None:
    for level in Level:
        svg = render_dot(graph_drawing.to_dot(build_view(awkward, level), 'a "title"'), "svg", 30)
        ET.fromstring(svg)  # noqa: S314 (our own dot output): well-formed


# -- bounds ---------------------------------------------------------------------------------


def synthetic_graph(modules: int, packages: int, fan_out: int = 3) -> CodeGraph:
    """``modules`` modules spread over ``packages`` packages, each importing a few others."""
    graph = CodeGraph()
    names = [f"pkg{i % packages:03d}.mod{i:04d}" for i in range(modules)]
    for name in names:
        package = name.split(".")[0]
        graph.add_node(name, kind="module", module=name, package=package,
                       path=f"{package}/{name.split('.')[1]}.py", line=1)  # fmt: skip
        graph.add_node(f"{name}:run", kind="function", module=name, package=package,
                       path=f"{package}/{name.split('.')[1]}.py", line=2)  # fmt: skip
    for index, name in enumerate(names):
        for step in range(1, fan_out + 1):
            other = names[(index * 7 + step * 13) % modules]
            graph.add_edge(name, other, EdgeKind.IMPORTS, 1)
            graph.add_edge(f"{name}:run", f"{other}:run", EdgeKind.CALLS, 3)
    return graph


def test_large_module_graph_collapses_to_packages() -> None:
    graph = synthetic_graph(2_000, 40)
    fitted = fit_view(graph, Level.MODULE, (), None, DOT, graph_drawing.to_dot)
    assert fitted.view.level is Level.PACKAGE
    assert len(fitted.view.nodes) == 40
    assert fitted.notice is not None
    assert "2,000 nodes" in fitted.notice
    assert "--focus" in fitted.notice


def test_large_symbol_graph_collapses_as_far_as_needed() -> None:
    graph = synthetic_graph(2_000, 40)
    fitted = fit_view(graph, Level.SYMBOL, (), None, DOT, graph_drawing.to_dot)
    assert fitted.view.level is Level.PACKAGE
    assert fitted.notice is not None
    assert "symbol level: 4,000 nodes" in fitted.notice


def test_focus_keeps_a_large_graph_at_its_level() -> None:
    graph = synthetic_graph(2_000, 40)
    fitted = fit_view(
        graph, Level.MODULE, ["pkg001.mod0001"], 1, DOT, graph_drawing.to_dot
    )
    assert fitted.view.level is Level.MODULE
    assert fitted.notice is None
    assert 1 < len(fitted.view.nodes) < 20


def test_graph_too_large_at_every_level_is_refused_in_one_line() -> None:
    graph = synthetic_graph(2_000, 2_000)  # every module its own top-level package
    with pytest.raises(RenderError) as error:
        fit_view(graph, Level.MODULE, (), None, DOT, graph_drawing.to_dot)
    message = str(error.value)
    assert "\n" not in message
    assert "2,000 nodes" in message
    assert "--focus PATTERN" in message
    assert "--depth N" in message


def test_mermaid_stays_within_githubs_limits() -> None:
    graph = synthetic_graph(400, 8)
    fitted = fit_view(graph, Level.MODULE, (), None, MERMAID, graph_drawing.to_mermaid)
    assert fitted.view.level is Level.PACKAGE
    assert len(fitted.text) <= 50_000
    assert fitted.text.count("-->") + fitted.text.count("-.->") <= 500


def test_character_limit_is_checked_after_rendering(tiny: CodeGraph) -> None:
    limits = Limits(format="mermaid", max_chars=300)
    fitted = fit_view(tiny, Level.MODULE, (), None, limits, graph_drawing.to_mermaid)
    assert fitted.view.level is Level.PACKAGE
    assert fitted.notice is not None
    assert "characters" in fitted.notice


# -- the real tools -------------------------------------------------------------------------


@pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")
@pytest.mark.parametrize("level", list(Level))
def test_dot_lays_out_every_level(tiny: CodeGraph, level: Level) -> None:
    svg = render_dot(graph_drawing.to_dot(build_view(tiny, level), "tiny"), "svg", 30)
    root = ET.fromstring(svg)  # noqa: S314 (our own dot output)
    text = "".join(root.itertext())
    assert "alpha" in text
    if level is Level.SYMBOL:
        assert "Fast.run" in text


@pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")
@pytest.mark.parametrize("level", list(Level))
def test_dot_has_no_warnings_on_the_shop(level: Level, tmp_path: Path) -> None:
    """Warnings hide mistakes such as two clusters of one name (one is silently dropped)."""
    graph = index_directory(SHOP, session=Session(jobs=1)).graph
    source = tmp_path / "shop.dot"
    source.write_text(graph_drawing.to_dot(build_view(graph, level), "shop"), encoding="utf-8")
    done = subprocess.run(
        ["dot", "-Tsvg", str(source)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr, done.stderr
    assert "<svg" in done.stdout


@pytest.mark.skipif(mmdc_program() is None, reason=MMDC_MISSING)
def test_mermaid_cli_renders(tiny: CodeGraph, awkward: CodeGraph, tmp_path: Path) -> None:
    views = [build_view(tiny, level) for level in Level] + [build_view(awkward, Level.SYMBOL)]
    blocks = [graph_drawing.to_mermaid(view, "tiny") for view in views]
    images = render_with_mmdc(blocks, tmp_path)
    assert "outer.&lt;lambda1&gt;" in images[-1].read_text(encoding="utf-8")
