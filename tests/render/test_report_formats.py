"""The impact report formats: snapshots, the JSON contract, GitHub's limits, real renderers."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from impactgraph.bot import GITHUB_COMMENT_LIMIT, MarkdownOptions, comment_size, fit_body
from impactgraph.model import (
    AffectedModule,
    Change,
    ChangeKind,
    ImpactReport,
    Stats,
)
from impactgraph.render import (
    RENDERERS,
    markdown,
    mermaid,
    report_drawing,
    report_json,
    report_text,
)
from impactgraph.render.diagram import DotLook, Drawing, Edge, Level, Look, MermaidLook, Node
from impactgraph.render.escape import dot_string, utf16_length
from impactgraph.render.report_graph import Role, marks, symbol_diagram

from .conftest import Snapshot, make_large_report, render_with_mmdc

ANSI = re.compile(r"\x1b\[")
MERMAID_EDGE = re.compile(r"^\s+\S+ -->(\|[^|]*\|)? \S+$", re.MULTILINE)
MERMAID_NODE = re.compile(r'^\s+(chg|mod|pkg)_\w+(\{\{|\[\[|\[)"', re.MULTILINE)
MERMAID_MAX_CHARS = 50_000
MERMAID_MAX_EDGES = 500


# -- snapshots --------------------------------------------------------------------------------


def test_text_snapshot(sample_report: ImpactReport, snapshot: Snapshot) -> None:
    snapshot("sample.txt", report_text.render(sample_report, color=False))


def test_json_snapshot(sample_report: ImpactReport, snapshot: Snapshot) -> None:
    snapshot("sample.json", report_json.render(sample_report))


def test_markdown_snapshot(sample_report: ImpactReport, snapshot: Snapshot) -> None:
    snapshot("sample.md", markdown.render(sample_report))


def test_markdown_shrunk_snapshot(sample_report: ImpactReport, snapshot: Snapshot) -> None:
    text = markdown.render(sample_report, details=False, max_rows=2, graph=False)
    snapshot("sample-shrunk.md", text)


def test_mermaid_snapshot(sample_report: ImpactReport, snapshot: Snapshot) -> None:
    snapshot("sample.mmd", report_drawing.to_mermaid(sample_report))


def test_dot_snapshot(sample_report: ImpactReport, snapshot: Snapshot) -> None:
    snapshot("sample.dot", report_drawing.to_dot(sample_report))


def test_no_changes_snapshots(no_changes_report: ImpactReport, snapshot: Snapshot) -> None:
    snapshot("no-changes.txt", report_text.render(no_changes_report))
    snapshot("no-changes.md", markdown.render(no_changes_report))


# -- the registry -----------------------------------------------------------------------------


def test_renderers_cover_the_impact_formats() -> None:
    assert set(RENDERERS) == {"text", "json", "markdown", "mermaid", "dot", "svg"}


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "mermaid", "dot"])
def test_every_renderer_returns_text_ending_in_a_newline(
    sample_report: ImpactReport, no_changes_report: ImpactReport, fmt: str
) -> None:
    for report in (sample_report, no_changes_report):
        text = RENDERERS[fmt](report)
        assert isinstance(text, str)
        assert text.endswith("\n") and not text.endswith("\n\n\n")


# -- JSON: the contract of DESIGN.md ----------------------------------------------------------

TOP_KEYS = ["schema_version", "base", "base_commit", "head", "head_commit", "gateways_crossed",
            "changes", "affected", "tests", "warnings", "stats"]
CHANGE_KEYS = {
    "symbol": str,
    "kind": str,
    "breaking": bool,
    "path": str,
    "line": int,
    "detail": str,
}
AFFECTED_KEYS = {
    "module": str,
    "path": str,
    "package": str,
    "depth": int,
    "breaking": bool,
    "crosses_gateway": bool,
    "crosses_package": bool,
    "is_test": bool,
    "score": float,
    "via": list,
    "owners": list,  # from CODEOWNERS; [] when none
}
STATS_KEYS = {"files_indexed": int, "unresolved_calls": int, "seconds": float}


def _check_object(value: object, keys: dict[str, type]) -> None:
    assert isinstance(value, dict)
    assert list(value) == list(keys), "keys (and their order) are the schema's"
    for key, kind in keys.items():
        item = value[key]
        if kind is float:
            assert isinstance(item, (int, float)) and not isinstance(item, bool), key
        else:
            assert type(item) is kind, key


@pytest.mark.parametrize("which", ["sample_report", "no_changes_report", "large_report"])
def test_json_follows_schema_version_1(which: str, request: pytest.FixtureRequest) -> None:
    report: ImpactReport = request.getfixturevalue(which)
    data = json.loads(report_json.render(report))
    assert list(data) == TOP_KEYS
    assert data["schema_version"] == 1
    assert isinstance(data["base"], str) and isinstance(data["head"], str)
    for key in ("base_commit", "head_commit"):
        assert data[key] is None or isinstance(data[key], str)
    assert data["gateways_crossed"] == sorted(data["gateways_crossed"])
    for change in data["changes"]:
        _check_object(change, CHANGE_KEYS)
        assert change["kind"] in {kind.value for kind in ChangeKind}
    for affected in data["affected"]:
        _check_object(affected, AFFECTED_KEYS)
        assert all(isinstance(symbol, str) for symbol in affected["via"])
    assert all(isinstance(test, str) for test in data["tests"])
    for warning in data["warnings"]:
        _check_object(warning, {"path": str, "message": str})
    _check_object(data["stats"], STATS_KEYS)
    assert len(data["affected"]) == len(report.affected)
    assert [a["module"] for a in data["affected"]] == [m.module for m in report.affected]


def test_json_rounds_scores_and_keeps_text_as_written(sample_report: ImpactReport) -> None:
    module = sample_report.affected[0]
    odd = replace(module, module="café.menu", score=2 / 3)
    report = ImpactReport("main", "HEAD", affected=(odd,), stats=Stats(seconds=1 / 3))
    text = report_json.render(report)
    data = json.loads(text)
    assert data["affected"][0]["score"] == 0.6667
    assert data["stats"]["seconds"] == 0.333
    assert "café.menu" in text  # ensure_ascii=False
    assert text.endswith("}\n") and text.startswith('{\n  "schema_version": 1,')


def test_json_to_dict_matches_render(sample_report: ImpactReport) -> None:
    assert json.loads(report_json.render(sample_report)) == report_json.to_dict(sample_report)
    assert (
        report_json.changes_to_dict(sample_report.changes)
        == report_json.to_dict(sample_report)["changes"]
    )


# -- text -------------------------------------------------------------------------------------


def test_text_without_colour_has_no_escape_codes_or_trailing_spaces(
    sample_report: ImpactReport, large_report: ImpactReport
) -> None:
    for report in (sample_report, large_report):
        text = report_text.render(report, color=False)
        assert not ANSI.search(text)
        assert all(line == line.rstrip() for line in text.splitlines())


def test_text_with_colour_uses_escape_codes(sample_report: ImpactReport) -> None:
    coloured = report_text.render(sample_report, color=True)
    assert ANSI.search(coloured)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert plain.split() == report_text.render(sample_report).split()


def test_text_lists_breaking_changes_first_and_modules_in_rank_order(
    sample_report: ImpactReport,
) -> None:
    text = report_text.render(sample_report)
    first_line = text.splitlines()[0]
    assert first_line.startswith("Breaking: 1 of 3 changes is breaking; 6 modules affected")
    assert text.index("catalog.search:find_book") < text.index("catalog.models:Book.title")
    positions = [text.index(f"  {m.module} ") for m in sample_report.affected]
    assert positions == sorted(positions)


def test_text_fits_narrow_terminals(sample_report: ImpactReport) -> None:
    text = report_text.render(sample_report, width=60)
    assert max(len(line) for line in text.splitlines()) <= 60 + len("  ")


# -- Markdown ---------------------------------------------------------------------------------


def test_markdown_order_and_sections(sample_report: ImpactReport) -> None:
    text = markdown.render(sample_report)
    lines = text.splitlines()
    assert lines[2].startswith("**Breaking:** 1 of 3 changes is breaking")
    order = ["#### Changes", "#### Affected modules", "Call chains", "Affected tests"]
    order += ["#### Warnings", "```mermaid"]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    changes = text[text.index("#### Changes") : text.index("#### Affected")]
    assert changes.index("find_book") < changes.index("Book.title")  # breaking first
    assert text.count("<details>") == text.count("</details>") == 2


def test_markdown_options_leave_out_what_they_say(sample_report: ImpactReport) -> None:
    text = markdown.render(sample_report, details=False, max_rows=2, graph=False)
    assert "Call chains" not in text
    assert "```mermaid" not in text
    assert "…and 1 more symbol (1 change)." in text
    assert "…and 4 more modules (2 broken)." in text
    assert "Affected tests (2)" in text  # tests stay: they are what CI runs


def test_markdown_escapes_table_cells() -> None:
    change = Change("m:f", ChangeKind.PARAMETER_DEFAULT_CHANGED, False, "a|b.py", 3, "x=`a|b`")
    report = ImpactReport("main", "HEAD", changes=(change,))
    row = next(line for line in markdown.render(report).splitlines() if "m:f" in line)
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 3, row  # symbol (with its location), changes, breaking
    assert "`` x=`a\\|b` ``" in row
    assert markdown.md_text("a|b *c* <d>") == "a\\|b \\*c\\* \\<d\\>"
    assert markdown.code("`x`") == "`` `x` ``"


def test_markdown_verdicts(sample_report: ImpactReport, no_changes_report: ImpactReport) -> None:
    assert "**No changes** between `v1.0` and `v1.0`" in markdown.render(no_changes_report)
    gentle = ImpactReport(
        "a", "b", changes=tuple(c for c in sample_report.changes if not c.breaking)
    )
    assert "**Not breaking:** 2 changes, none breaking; no module affected." in markdown.render(
        gentle
    )


@pytest.mark.parametrize("max_rows", [25, 10, 5, 3])
@pytest.mark.parametrize("details", [True, False])
def test_large_markdown_fits_a_comment(
    large_report: ImpactReport, max_rows: int, details: bool
) -> None:
    text = markdown.render(large_report, details=details, max_rows=max_rows)
    assert comment_size(text) <= GITHUB_COMMENT_LIMIT
    block = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
    _assert_within_github_mermaid_limits(block)
    assert "_Collapsed to packages:" in text  # says what the graph leaves out


def test_bot_fits_the_large_report_without_cutting_lines(large_report: ImpactReport) -> None:
    def render(options: MarkdownOptions) -> str:
        return markdown.render(
            large_report, details=options.details, max_rows=options.max_rows, graph=options.graph
        )

    body = fit_body(render)
    assert comment_size(body) <= GITHUB_COMMENT_LIMIT
    assert "everything after line" not in body


# -- the impact diagram (Mermaid and DOT) -----------------------------------------------------


def _assert_within_github_mermaid_limits(text: str) -> None:
    assert utf16_length(text) <= MERMAID_MAX_CHARS
    assert len(MERMAID_EDGE.findall(text)) <= MERMAID_MAX_EDGES
    assert len(MERMAID_NODE.findall(text)) <= 150


def test_large_mermaid_within_limits_and_says_what_it_left_out(
    large_report: ImpactReport,
) -> None:
    fitted = report_drawing.fitted(large_report)
    _assert_within_github_mermaid_limits(fitted.text)
    assert fitted.diagram.level is Level.PACKAGE
    assert "note_omitted" in fitted.text
    assert "2,000 affected modules in 40 packages" in fitted.diagram.omitted


def test_large_dot_is_collapsed(large_report: ImpactReport) -> None:
    text = report_drawing.to_dot(large_report)
    assert text.count(" -> ") <= 500
    assert len(re.findall(r'^\s+"package:', text, re.MULTILINE)) <= 150
    assert "omitted [shape=note" in text
    assert text.splitlines()[1].startswith("// Collapsed to packages")


@pytest.mark.parametrize(
    ("modules", "packages", "changes", "edges"),
    [(120, 4, 3, 0), (400, 8, 60, 900), (3_000, 400, 20, 3_500), (600, 30, 400, 0)],
)
def test_mermaid_always_fits(modules: int, packages: int, changes: int, edges: int) -> None:
    report = make_large_report(modules, packages, changes, edges)
    fitted = report_drawing.fitted(report)
    _assert_within_github_mermaid_limits(fitted.text)
    if fitted.diagram.level is not Level.SYMBOL:
        assert fitted.diagram.omitted


def test_long_labels_collapse_to_fit_the_character_limit() -> None:
    base = make_large_report(140, 7, 5, 0)
    long = "x" * 300
    affected = tuple(replace(m, module=m.module + long) for m in base.affected)
    report = ImpactReport(base.base, base.head, base.changes, affected, edges=base.edges)
    fitted = report_drawing.fitted(report)
    _assert_within_github_mermaid_limits(fitted.text)
    assert fitted.diagram.level is not Level.SYMBOL


def test_many_changes_merge_into_their_modules() -> None:
    changes = tuple(
        Change(f"core.api:function_{i}", ChangeKind.BODY_CHANGED, i == 0, "core/api.py", i)
        for i in range(200)
    )
    user = AffectedModule(
        "app.main",
        "app/main.py",
        "app",
        1,
        True,
        False,
        True,
        False,
        0.75,
        ("core.api:function_0", "app.main:run"),
    )
    # every change reaches the module (changes that reach nothing are not drawn at all)
    edges = tuple((c.symbol, "app.main:run", "calls") for c in changes)
    report = ImpactReport("a", "b", changes, (user,), edges=edges)
    fitted = report_drawing.fitted(report)
    assert fitted.diagram.level is Level.MODULE
    assert "200 changes, 1 breaking symbol" in fitted.text
    assert "Changed symbols merged into their modules" in fitted.diagram.omitted


def test_diagram_follows_via_chains_through_modules(sample_report: ImpactReport) -> None:
    diagram = symbol_diagram(sample_report)
    pairs = {(e.source, e.target) for e in diagram.edges}
    assert ("change:catalog.search:find_book", "module:storefront.api") in pairs
    assert ("module:storefront.api", "module:storefront.views") in pairs
    # catalog.index:rebuild -> Indexer.run -> Indexer._walk stay inside catalog.index
    assert ("module:catalog.index", "module:catalog.tests.test_index") in pairs
    assert not any(source == target for source, target in pairs)
    roles = {node.key: node.role for node in diagram.nodes}
    assert sum(role is Role.CHANGE for role in roles.values()) == 3
    assert marks(diagram) == {
        "change",
        "changeBreaking",
        "broken",
        "module",
        "crossing",
        "gateway",
        "test",
    }
    labelled = {(e.source, e.target): e.kinds for e in diagram.edges}
    assert labelled[("module:storefront.api", "module:storefront.views")] == ("imports",)


def test_mermaid_ids_and_labels_are_safe() -> None:
    report = _awkward_report()
    text = report_drawing.to_mermaid(report)
    node_ids = re.findall(r"^\s+(\w+)(?:\{\{|\[\[|\[)\"", text, re.MULTILINE)
    assert node_ids and all(re.fullmatch(r"[A-Za-z0-9_]+", i) for i in node_ids)
    assert len(node_ids) == len(set(node_ids))
    for label in re.findall(r'"([^"]*)"', text):
        assert "<lambda>" not in label and "`" not in label
    assert "#lt;lambda#gt;" in text and "#quot;" in text and "#35;" in text


def test_dot_quotes_awkward_text() -> None:
    text = report_drawing.to_dot(_awkward_report())
    assert r"\"b\"" in text  # the quote in the detail is escaped
    assert dot_string('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


def _awkward_report() -> ImpactReport:
    changes = (
        Change(
            "end.x:<lambda>",
            ChangeKind.PARAMETER_DEFAULT_CHANGED,
            True,
            "end/x.py",
            1,
            "a: 'a' -> \"b\" # `c`",
        ),
        Change("a-b.c:f", ChangeKind.BODY_CHANGED, False, "a-b/c.py", 2),
        Change("a_b.c:f", ChangeKind.BODY_CHANGED, False, "a_b/c.py", 2),
    )
    affected = (
        AffectedModule(
            "graph.end",
            "graph/end.py",
            "graph",
            1,
            True,
            True,
            True,
            False,
            1.0,
            ("end.x:<lambda>", "graph.end:<locals>.f"),
            ("graph.end",),
        ),
        AffectedModule(
            "subgraph.o",
            "subgraph/o.py",
            "subgraph",
            1,
            False,
            False,
            True,
            True,
            0.25,
            ("a-b.c:f", "subgraph.o:x"),
        ),
    )
    return ImpactReport(
        'feature/#12 "quoted"', "HEAD", changes, affected, gateways_crossed=("graph.end",)
    )


# -- real renderers ---------------------------------------------------------------------------


def _reports_to_draw(request: pytest.FixtureRequest) -> dict[str, ImpactReport]:
    return {
        "sample": request.getfixturevalue("sample_report"),
        "large": request.getfixturevalue("large_report"),
        "awkward": _awkward_report(),
        "no-changes": request.getfixturevalue("no_changes_report"),
    }


def test_graphviz_lays_out_the_dot_output(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    dot = shutil.which("dot")
    if dot is None:
        pytest.skip("Graphviz `dot` is not installed (apt-get install graphviz)")
    for name, report in _reports_to_draw(request).items():
        source = tmp_path / f"{name}.dot"
        source.write_text(report_drawing.to_dot(report), encoding="utf-8")
        done = subprocess.run(
            [dot, "-Tsvg", str(source)], capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, f"{name}: {done.stderr}"
        assert "<svg" in done.stdout
        assert "Warning" not in done.stderr, f"{name}: {done.stderr}"


def test_svg_renderer(sample_report: ImpactReport) -> None:
    if shutil.which("dot") is None:
        pytest.skip("Graphviz `dot` is not installed (apt-get install graphviz)")
    svg = RENDERERS["svg"](sample_report)
    assert svg.lstrip().startswith("<?xml") and "</svg>" in svg
    assert "storefront.api" in svg


def test_mermaid_cli_renders_the_mermaid_output(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    blocks = [report_drawing.to_mermaid(report) for report in _reports_to_draw(request).values()]
    blocks.append(
        markdown.render(request.getfixturevalue("large_report"), max_rows=3)
        .split("```mermaid\n", 1)[1]
        .split("```", 1)[0]
    )
    images = render_with_mmdc(blocks, tmp_path)
    legends = 0
    for image in images:
        svg = image.read_text(encoding="utf-8")
        if "flowchart-impact_legend-" in svg:
            legends += 1
            _assert_legend_column_is_its_own(svg, image.name)
    assert legends >= 2  # the sample and the large report draw one


_SVG_NODE = re.compile(
    r'<g class="node[^"]*" id="[^"]*?flowchart-(?P<id>[A-Za-z0-9_]+)-\d+"[^>]*'
    r'transform="translate\((?P<x>[-\d.]+), ?[-\d.]+\)"'
)
_SVG_LEGEND_BOX = re.compile(
    r'flowchart-impact_legend-\d+"[^>]*>.*?<rect[^>]*? x="(?P<left>[-\d.]+)"', re.S
)


def _assert_legend_column_is_its_own(svg: str, name: str) -> None:
    """Laid out left to right, the legend ends before any change node's middle: in the
    changes' column, an edge from a change to a node placed above or below it ran behind
    the legend (the demo's ``find_book`` -> ``storefront.api``)."""
    centres = {m["id"]: float(m["x"]) for m in _SVG_NODE.finditer(svg)}
    box = _SVG_LEGEND_BOX.search(svg)
    assert box is not None, name
    legend_right = centres["impact_legend"] - float(box["left"])  # a rect's ``x``: -width/2
    changes = [x for node, x in centres.items() if node.startswith("chg_")]
    assert changes, name
    assert legend_right < min(changes), (name, legend_right, changes)


def test_mermaid_keeps_unconnected_nodes_out_of_the_edges_way(
    sample_report: ImpactReport,
) -> None:
    lines = [line.strip() for line in report_drawing.to_mermaid(sample_report).splitlines()]
    links = [n for n, line in enumerate(lines) if re.search(r" (-->|-\.->|==>)", line)]
    hidden = [n for n, line in enumerate(lines) if " ~~~ " in line]
    # invisible links, from the legend to each change no edge enters, after every edge: the
    # ``linkStyle`` numbers count links in order, so the edges keep theirs
    assert hidden and min(hidden) > max(links)
    pairs = [lines[n].partition(" ~~~ ")[::2] for n in hidden]
    changes = {match[0] for match in re.finditer(r"^chg_\w+", "\n".join(lines), re.MULTILINE)}
    assert len(changes) == 3
    assert sorted(pairs) == sorted(("impact_legend", change) for change in changes)
    assert not any(lines[n].endswith(f" {change}") for n in links for change in changes)


def test_a_top_level_module_is_not_framed_as_its_own_package() -> None:
    lone = AffectedModule(
        "test_api",
        "tests/test_api.py",
        "test_api",
        1,
        True,
        False,
        True,
        True,
        0.75,
        ("shop.api:get", "test_api:test_get"),
    )
    framed = replace(
        lone,
        module="shop.views",
        path="shop/views.py",
        package="shop",
        via=("shop.api:get", "shop.views:page"),
    )
    change = Change("shop.api:get", ChangeKind.PARAMETER_REMOVED, True, "shop/api.py", 3, "x")
    report = ImpactReport("a", "b", (change,), (lone, framed))
    mermaid = report_drawing.to_mermaid(report)
    assert 'subgraph grp_shop["shop"]' in mermaid
    assert "grp_test_api" not in mermaid
    dot = report_drawing.to_dot(report)
    frames = re.findall(r"graph \[label=([^,\]]+)", dot)
    assert frames == ["shop"]


# -- large real-world reports: only what reaches something, bounded labels ------------------------


def _release_report() -> ImpactReport:
    """Many changes, few of which reach a caller; two of those in one module."""
    quiet = tuple(
        Change(f"lib.util:helper_{i}", ChangeKind.BODY_CHANGED, i < 5, "lib/util.py", i)
        for i in range(60)
    )
    decorator = "@retry(" + ", ".join(f"attempt_{i}=True" for i in range(30)) + ")"
    reaching = (
        Change("lib.client:Client.send", ChangeKind.PARAMETER_REMOVED, True, "lib/client.py", 9,
               "timeout"),
        Change("lib.client:Client.close", ChangeKind.DECORATOR_CHANGED, True, "lib/client.py", 30,
               decorator),
    )
    users = tuple(
        AffectedModule(f"app.{name}", f"app/{name}.py", "app", 1, True, False, True, False, 0.75,
                       (symbol, f"app.{name}:run"))
        for name, symbol in (("a", "lib.client:Client.send"), ("b", "lib.client:Client.close"))
    )
    edges = tuple((m.via[0], m.via[1], "calls") for m in users)
    return ImpactReport("v1", "v2", quiet + reaching, users, edges=edges)


def test_changes_that_reach_nothing_are_summarised_in_one_node() -> None:
    report = _release_report()
    diagram = symbol_diagram(report)
    changed = [n for n in diagram.nodes if n.role is Role.CHANGE]
    assert {n.title for n in changed} == {"lib.client:Client.send", "lib.client:Client.close"}
    assert (diagram.unreached, diagram.unreached_breaking) == (60, 5)
    mermaid = report_drawing.to_mermaid(report)
    assert "+ 60 changes that reach nothing (5 breaking)" in mermaid
    assert "helper_" not in mermaid
    dot = report_drawing.to_dot(report)
    assert "+ 60 changes that reach nothing (5 breaking)" in dot
    assert "helper_" not in dot


def test_changes_of_one_module_are_framed_by_it() -> None:
    mermaid = report_drawing.to_mermaid(_release_report())
    assert re.search(r'subgraph \w+\["lib\.client"\]', mermaid)
    assert '"Client.send<br/>' in mermaid  # named without the module inside its frame
    dot = report_drawing.to_dot(_release_report())
    assert 'label="lib.client", tooltip=' in dot


def test_labels_are_bounded_and_dot_keeps_the_full_text_in_a_tooltip() -> None:
    report = _release_report()
    decorator = report.changes[-1].detail
    mermaid = report_drawing.to_mermaid(report)
    labels = re.findall(r'\{\{"([^"]*)"\}\}|\["([^"]*)"\]', mermaid)
    lines = [line for pair in labels for text in pair for line in text.split("<br/>")]
    assert lines and max(len(line) for line in lines if "Legend" not in line) <= 60
    assert decorator not in mermaid
    dot = report_drawing.to_dot(report)
    label_lines = [
        line for label in re.findall(r'\blabel="((?:[^"\\]|\\.)*)"', dot)
        for line in label.split("\\n")
    ]
    assert max(len(line) for line in label_lines) <= 60
    assert re.search(r'tooltip="[^"]*' + re.escape(decorator), dot)


def test_a_report_whose_changes_reach_nothing_has_no_graph_in_markdown() -> None:
    report = _release_report()
    quiet = ImpactReport("v1", "v2", report.changes[:60])
    assert "```mermaid" not in markdown.render(quiet)
    assert "```mermaid" in markdown.render(report)


def test_many_test_modules_of_a_package_are_drawn_as_one_node() -> None:
    change = Change("lib.core:run", ChangeKind.BODY_CHANGED, False, "lib/core.py", 1)
    tests = tuple(
        AffectedModule(f"test_{i}", f"tests/test_{i}.py", "tests", 1 + i % 2, False, False, True,
                       True, 0.25, ("lib.core:run", f"test_{i}:test"))
        for i in range(20)
    )
    user = AffectedModule("app.main", "app/main.py", "app", 1, False, False, True, False, 0.25,
                          ("lib.core:run", "app.main:go"))
    report = ImpactReport("a", "b", (change,), (user, *tests))
    fitted = report_drawing.fitted(report)
    titles = {node.title for node in fitted.diagram.nodes}
    assert "tests: 20 test modules" in titles and "app.main" in titles
    assert not any(title.startswith("test_") for title in titles)
    assert "20 test modules in 1 node" in fitted.diagram.omitted
    merged = next(n for n in fitted.diagram.nodes if n.title.startswith("tests:"))
    assert (merged.modules, merged.depths, merged.is_test) == (20, (1, 2), True)


def test_owners_show_in_text_and_markdown_only_where_known(sample_report: ImpactReport) -> None:
    assert "owners" not in report_text.render(sample_report).lower()
    assert "Owners" not in markdown.render(sample_report)
    owned = replace(
        sample_report,
        affected=tuple(
            replace(m, owners=("@shop/web",) if m.package == "storefront" else ())
            for m in sample_report.affected
        ),
    )
    text = report_text.render(owned)
    assert "owners reached: @shop/web (2)" in text
    assert text.count("owners @shop/web") == 2
    md = markdown.render(owned)
    assert "Owners reached (affected modules): `@shop/web` (2)" in md
    header = next(line for line in md.splitlines() if line.startswith("| # |"))
    assert header.endswith("| Owners |")


def test_mermaid_invisible_links_stay_within_githubs_link_limit() -> None:
    look = Look(DotLook(), MermaidLook(legend=((frozenset({"m"}), "m: a mark"),)))
    nodes = tuple(Node(f"n:{i}", (f"n{i}",)) for i in range(40))
    # 3 sources (n:0..n:2), each with edges into the rest, 498 edges in all
    edges = tuple(Edge(f"n:{i % 3}", f"n:{3 + i % 37}", label=str(i)) for i in range(498))
    drawing = Drawing("g", "LR", look, nodes=nodes, edges=edges, marks=frozenset({"m"}),
                      notes=(Node("note:left", ("what was left out",)),))
    lines = mermaid.write(drawing).splitlines()
    hidden = [line for line in lines if " ~~~ " in line]
    links = [line for line in lines if " --> " in line or "-->|" in line]
    assert len(links) == 498 and len(hidden) == 2  # 2 of the 6 (legend, note) x sources
    assert len(links) + len(hidden) == mermaid.MAX_LINKS
    few = mermaid.write(replace(drawing, edges=edges[:10])).splitlines()
    assert sum(" ~~~ " in line for line in few) == 6
