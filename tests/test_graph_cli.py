"""``impactgraph graph`` and ``impactgraph callgraph`` run as a user would, on the fixtures."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from impactgraph.adapters.graphviz import dot_available
from impactgraph.app.callgraph import to_pycg
from impactgraph.app.indexing import index_directory
from impactgraph.cli import app, graph_cmds
from impactgraph.render import graph_drawing

SHOP = Path(__file__).resolve().parent.parent / "fixtures" / "shop"
needs_dot = pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_graph_json_of_the_shop(runner: CliRunner) -> None:
    code, out, err = run(runner, "graph", str(SHOP), "--format", "json")
    assert code == 0, err
    document = json.loads(out)
    assert document["level"] == "module"
    modules = {node["id"] for node in document["nodes"]}
    assert {"storefront.api", "catalog.search", "orders.service", "payments.gateway"} <= modules
    kinds = {edge["kind"] for edge in document["edges"]}
    assert {"calls", "imports", "inherits", "exports"} <= kinds
    api = next(node for node in document["nodes"] if node["id"] == "storefront.api")
    assert api["path"] == "packages/storefront/src/storefront/api.py"


def test_graph_package_level_and_focus(runner: CliRunner) -> None:
    code, out, _ = run(runner, "graph", str(SHOP), "--format", "json", "--level", "package")
    assert code == 0
    packages = {node["id"] for node in json.loads(out)["nodes"]}
    assert {"catalog", "orders", "payments", "storefront"} <= packages

    code, out, _ = run(
        runner, "graph", str(SHOP), "--format", "json", "--level", "symbol",
        "--focus", "storefront.api:*", "--depth", "0",
    )  # fmt: skip
    assert code == 0
    nodes = {node["id"] for node in json.loads(out)["nodes"]}
    assert nodes and all(node.startswith("storefront.api:") for node in nodes)


def test_graph_dot_and_mermaid_to_files(runner: CliRunner, tmp_path: Path) -> None:
    for fmt in ("dot", "mermaid"):
        target = tmp_path / f"shop.{fmt}"
        code, out, err = run(runner, "graph", str(SHOP), "--format", fmt, "-o", str(target))
        assert code == 0, err
        assert out == ""
        text = target.read_text(encoding="utf-8")
        assert ("digraph impactgraph" in text) if fmt == "dot" else ("flowchart TB" in text)


def test_default_path_is_the_current_directory(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SHOP)
    code, out, _ = run(runner, "graph", "--format", "json")
    assert code == 0
    assert any(node["id"] == "catalog.search" for node in json.loads(out)["nodes"])


@pytest.mark.parametrize(
    ("args", "code", "ours"),
    [
        (["graph", "no/such/dir"], 3, True),
        (["callgraph", "no/such/dir"], 3, True),
        (["graph", str(SHOP / "pyproject.toml")], 3, True),
        (["graph", str(SHOP), "--depth", "2"], 2, True),
        (["graph", str(SHOP), "--focus", "nothing.*"], 2, True),
        # typer's own usage errors: a usage box on stderr
        (["graph", str(SHOP), "--format", "gif"], 2, False),
        (["graph", str(SHOP), "--level", "function"], 2, False),
        (["graph", str(SHOP), "--focus", "catalog.*", "--depth", "-1"], 2, False),
        (["callgraph", str(SHOP), "--format", "dot"], 2, False),
    ],
)
def test_errors_exit_codes(runner: CliRunner, args: list[str], code: int, ours: bool) -> None:
    exit_code, out, err = run(runner, *args)
    assert exit_code == code
    assert out == ""
    if ours:
        assert len(err.strip().splitlines()) == 1
        assert err.startswith("impactgraph: error: ")


def test_svg_without_dot_is_one_line_exit_3(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    code, out, err = run(runner, "graph", str(SHOP), "--format", "svg")
    assert code == 3
    assert out == ""
    assert err.count("\n") == 1
    assert "apt-get install graphviz" in err


@needs_dot
def test_svg_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(app, ["graph", str(SHOP), "--format", "svg"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.lstrip().startswith(b"<?xml")
    assert b"storefront.api" in result.stdout_bytes


@needs_dot
def test_png_to_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "shop.png"
    code, _, err = run(
        runner, "graph", str(SHOP), "--format", "png", "--level", "package", "-o", str(target)
    )
    assert code == 0, err
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_png_to_a_terminal_is_refused(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph_cmds, "_stdout_is_terminal", lambda: True)
    code, out, err = run(runner, "graph", str(SHOP), "--format", "png")
    assert code == 2
    assert out == ""
    assert "-o FILE" in err


def test_too_large_graph_is_drawn_coarser_with_a_note(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    limits = dataclasses.replace(graph_drawing.LIMITS["dot"], max_nodes=20)
    monkeypatch.setattr(graph_drawing, "LIMITS", {**graph_drawing.LIMITS, "dot": limits})
    code, out, err = run(runner, "graph", str(SHOP), "--format", "dot")
    assert code == 0
    assert "impactgraph: note: the module graph is too large for dot" in err
    assert "drawing the package graph instead" in err
    assert '"catalog" [label="catalog\\n5 modules"' in out


def test_graph_too_large_at_every_level_stops_with_one_line(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    limits = dataclasses.replace(graph_drawing.LIMITS["dot"], max_nodes=5)
    monkeypatch.setattr(graph_drawing, "LIMITS", {**graph_drawing.LIMITS, "dot": limits})
    code, out, err = run(runner, "graph", str(SHOP), "--format", "svg")
    assert code == 3
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "too large to draw as svg" in err
    assert "--focus PATTERN" in err


def test_unparsable_files_are_warnings(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "good.py").write_text("def f():\n    return 1\n", encoding="utf-8")
    (tmp_path / "bad.py").write_text("def f(:\n", encoding="utf-8")
    code, out, err = run(runner, "graph", str(tmp_path), "--format", "json")
    assert code == 0
    assert "good" in {node["id"] for node in json.loads(out)["nodes"]}
    warnings = [line for line in err.splitlines() if line.startswith("impactgraph: warning: ")]
    assert len(warnings) == 1
    assert warnings[0].startswith("impactgraph: warning: bad.py: ")


def test_callgraph_pycg_matches_the_export(runner: CliRunner) -> None:
    code, out, err = run(runner, "callgraph", str(SHOP), "--format", "pycg")
    assert code == 0, err
    assert json.loads(out) == to_pycg(index_directory(SHOP).graph)
    assert "storefront.api.get_book" in json.loads(out)


def test_callgraph_json(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "calls.json"
    code, _, err = run(runner, "callgraph", str(SHOP), "-o", str(target))
    assert code == 0, err
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["schema_version"] == 1
    nodes = {node["id"]: node for node in document["nodes"]}
    assert nodes["catalog.search:find_book"]["path"] == "packages/catalog/src/catalog/search.py"
    assert nodes["catalog.search:find_book"]["name"] == "catalog.search.find_book"
    assert all(edge["line"] > 0 for edge in document["edges"])
    assert all(edge["source"] in nodes and edge["target"] in nodes for edge in document["edges"])
    assert ("storefront.api:get_book", "catalog.search:find_book") in {
        (edge["source"], edge["target"]) for edge in document["edges"]
    }
    assert document["stats"]["unresolved_calls"] >= len(document["unresolved_calls"]) > 0
    assert all({"source", "path", "line"} == set(u) for u in document["unresolved_calls"])


# -- filters: --exclude, --edges, --collapse -------------------------------------------------------


def _graph_json(runner: CliRunner, *args: str) -> dict:
    code, out, err = run(runner, "graph", *args, "--format", "json", "--no-cache")
    assert code == 0, err
    return json.loads(out)


def test_exclude_leaves_out_modules_and_their_submodules(runner: CliRunner) -> None:
    document = _graph_json(runner, str(SHOP), "--exclude", "payments", "-x", "test_*")
    modules = {node["id"] for node in document["nodes"]}
    assert "orders.service" in modules
    assert not any(m == "payments" or m.startswith("payments.") for m in modules)
    assert not any(m.startswith("test_") for m in modules)
    ends = {e["source"] for e in document["edges"]} | {e["target"] for e in document["edges"]}
    assert ends <= modules


def test_edges_keeps_only_the_kinds_asked_for(runner: CliRunner) -> None:
    document = _graph_json(runner, str(SHOP), "--edges", "imports,inherits")
    kinds = {edge["kind"] for edge in document["edges"]}
    assert kinds and kinds <= {"imports", "inherits"}
    code, _, err = run(runner, "graph", str(SHOP), "--edges", "calls,callz")
    assert code == 2 and "callz" in err and "known:" in err


def test_collapse_draws_deep_modules_as_their_package(runner: CliRunner) -> None:
    document = _graph_json(runner, str(SHOP), "--collapse", "1")
    ids = {node["id"] for node in document["nodes"]}
    assert {"catalog", "orders", "payments", "storefront"} <= ids
    assert not any("." in node for node in ids)
    full = _graph_json(runner, str(SHOP))
    assert "payments.providers.stripe" in {node["id"] for node in full["nodes"]}
    two = {node["id"] for node in _graph_json(runner, str(SHOP), "--collapse", "2")["nodes"]}
    assert "payments.providers" in two and "payments.providers.stripe" not in two


LIBRARY_AND_TESTS = {
    "lib/__init__.py": "",
    "lib/base.py": (
        "class Base:\n"
        "    def run(self):\n"
        "        return self.step()\n\n"
        "    def step(self):\n"
        "        return 1\n\n\n"
        "def call_hook(hook):\n"
        "    return hook()\n"
    ),
    "tests/test_base.py": (
        "from lib.base import Base, call_hook\n\n\n"
        "class Mine(Base):\n"
        "    def step(self):\n"
        "        return 2\n\n\n"
        "def hook():\n"
        "    return 3\n\n\n"
        "def test_run():\n"
        "    assert Mine().run() == 2\n"
        "    assert call_hook(hook) == 3\n"
    ),
}


def test_library_code_reaching_test_code_is_not_drawn_as_the_library_using_tests(
    runner: CliRunner, tmp_path: Path
) -> None:
    for relative, text in LIBRARY_AND_TESTS.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    symbols = _graph_json(runner, str(tmp_path), "--level", "symbol")
    calls = {(e["source"], e["target"]) for e in symbols["edges"] if e["kind"] == "calls"}
    # the precise view keeps what runs: the library dispatches into the test's subclass
    assert ("lib.base:Base.run", "test_base:Mine.step") in calls
    for level in ("module", "package"):
        document = _graph_json(runner, str(tmp_path), "--level", level)
        pairs = {(e["source"], e["target"]) for e in document["edges"]}
        assert not any(source.startswith("lib") for source, _ in pairs), level
        assert any(target.startswith("lib") for _, target in pairs), level
