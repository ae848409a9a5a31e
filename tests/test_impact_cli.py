"""The impact and tests commands on git histories built from fixtures/shop in tmp_path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from git_support import commit, copy_fixture, git, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

SHOP = Path(__file__).resolve().parents[1] / "fixtures" / "shop"
SEARCH = "packages/catalog/src/catalog/search.py"
runner = CliRunner()


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "shop")
    copy_fixture(SHOP, root)
    commit(root, message="base", tag="base")
    return root


def edit(root: Path, path: str, old: str, new: str) -> None:
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def drop_parameter(root: Path) -> None:
    edit(root, SEARCH, "def find_book(title: str, include_archived: bool = False)",
         "def find_book(title: str)")
    edit(root, SEARCH, "if book.archived and not include_archived:", "if book.archived:")


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_impact_json_on_a_committed_change(shop: Path) -> None:
    drop_parameter(shop)
    commit(shop, message="drop include_archived", tag="head")
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--head", "head",
                    "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert list(report) == ["schema_version", "base", "base_commit", "head", "head_commit",
                            "gateways_crossed", "changes", "affected", "tests", "warnings",
                            "stats"]
    assert (report["base"], report["head"]) == ("base", "head")
    assert report["base_commit"] == git(shop, "rev-parse", "base")
    assert report["head_commit"] == git(shop, "rev-parse", "head")
    assert report["gateways_crossed"] == ["storefront.api", "storefront.routes"]
    kinds = {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert ("catalog.search:find_book", "parameter-removed", True) in kinds
    affected = {a["module"]: a for a in report["affected"]}
    assert set(affected) == {"storefront.api", "orders.cart", "test_search", "storefront.routes",
                             "test_api", "test_orders"}
    api = affected["storefront.api"]
    assert (api["depth"], api["breaking"], api["crosses_gateway"], api["crosses_package"]) == (
        1, True, True, True)
    assert api["path"] == "packages/storefront/src/storefront/api.py"
    assert api["via"] == ["catalog.search:find_book", "storefront.api:get_book"]
    scores = [a["score"] for a in report["affected"]]
    assert scores == sorted(scores, reverse=True)
    assert report["tests"] == ["tests/test_api.py", "tests/test_orders.py", "tests/test_search.py"]
    assert report["stats"]["files_indexed"] >= 31


def test_impact_against_the_working_tree_and_fail_on(shop: Path, tmp_path: Path) -> None:
    drop_parameter(shop)
    out = tmp_path / "report.md"
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--format", "markdown",
                    "--fail-on", "breaking", "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    body = out.read_text(encoding="utf-8")
    assert "storefront.api" in body and "```mermaid" in body
    assert invoke("impact", "--repo", str(shop), "--base", "base", "--fail-on",
                  "gateway").exit_code == 1


def test_body_change_does_not_fail_on_breaking(shop: Path) -> None:
    edit(shop, "packages/catalog/src/catalog/text.py", "def normalize", "def normalize")
    path = shop / "packages/catalog/src/catalog/text.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nLIMIT = 3\n", encoding="utf-8")
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--fail-on", "breaking")
    assert result.exit_code == 0, result.output


def test_tests_command_prints_affected_test_files(shop: Path) -> None:
    drop_parameter(shop)
    result = invoke("tests", "--repo", str(shop), "--base", "base")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["tests/test_api.py", "tests/test_orders.py",
                                          "tests/test_search.py"]


def test_tests_command_with_nothing_affected_prints_nothing(shop: Path) -> None:
    result = invoke("tests", "--repo", str(shop), "--base", "base")
    assert (result.exit_code, result.stdout) == (0, "")


def test_removed_module_selects_every_test_under_an_affected_conftest(shop: Path) -> None:
    git(shop, "rm", "-q", "packages/payments/src/payments/providers/paypal.py")
    commit(shop, message="drop paypal", tag="head")
    result = invoke("tests", "--repo", str(shop), "--base", "base", "--head", "head")
    assert result.stdout.splitlines() == ["tests/test_api.py", "tests/test_orders.py",
                                          "tests/test_payments.py", "tests/test_search.py"]


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "mermaid", "dot"])
def test_every_format_renders(shop: Path, fmt: str) -> None:
    drop_parameter(shop)
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "storefront" in result.stdout


def test_text_report_has_no_colour_when_not_a_terminal(shop: Path) -> None:
    drop_parameter(shop)
    result = invoke("impact", "--repo", str(shop), "--base", "base")
    assert "\x1b[" not in result.stdout


def test_unknown_revision_is_one_line_and_exit_3(shop: Path) -> None:
    result = runner.invoke(app, ["impact", "--repo", str(shop), "--base", "nope"])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_not_a_repository_is_exit_3(tmp_path: Path) -> None:
    result = runner.invoke(app, ["tests", "--repo", str(tmp_path), "--base", "HEAD"])
    assert result.exit_code == 3
    assert "Traceback" not in result.output


def test_bad_format_and_fail_on_are_usage_errors(shop: Path) -> None:
    assert runner.invoke(app, ["impact", "--repo", str(shop), "--base", "base", "--format",
                               "pdf"]).exit_code == 2
    assert runner.invoke(app, ["impact", "--repo", str(shop), "--base", "base", "--fail-on",
                               "maybe"]).exit_code == 2


def test_bad_configuration_is_reported_at_once(shop: Path) -> None:
    (shop / ".impactgraph.toml").write_text('gateways = "api"\nmax-depth = 0\ncolour = 1\n',
                                             encoding="utf-8")
    result = runner.invoke(app, ["impact", "--repo", str(shop), "--base", "base"])
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "gateways" in message and "max-depth" in message and "colour" in message


def test_renamed_module_breaks_importers_that_were_not_updated(shop: Path) -> None:
    git(shop, "mv", "packages/catalog/src/catalog/text.py", "packages/catalog/src/catalog/words.py")
    commit(shop, message="rename text to words", tag="moved")
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--head", "moved",
                    "--format", "json")
    report = json.loads(result.stdout)
    kinds = {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert ("catalog.text", "module-renamed", True) in kinds
    affected = {a["module"]: a for a in report["affected"]}
    assert affected["catalog.search"]["breaking"] and affected["catalog.search"]["depth"] == 1
    assert affected["storefront.api"]["breaking"]  # imports catalog, whose __init__ fails


def test_renamed_module_with_updated_importers_breaks_nobody(shop: Path) -> None:
    git(shop, "mv", "packages/catalog/src/catalog/text.py", "packages/catalog/src/catalog/words.py")
    edit(shop, SEARCH, "from .text import *", "from .words import *")
    commit(shop, message="rename text to words, everywhere", tag="moved")
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--head", "moved",
                    "--format", "json")
    report = json.loads(result.stdout)
    assert not [a["module"] for a in report["affected"] if a["breaking"]]


def test_fail_on_broken_holds_when_a_module_here_breaks(shop: Path) -> None:
    drop_parameter(shop)  # storefront.api passes include_archived: its call breaks
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--fail-on", "broken")
    assert result.exit_code == 1, result.output


def test_fail_on_broken_does_not_hold_for_an_api_break_nobody_here_suffers(shop: Path) -> None:
    # a new required parameter of a public function nobody in the repository calls: breaking
    # for a library's users, broken for none of the repository's modules
    path = shop / SEARCH
    path.write_text(path.read_text(encoding="utf-8")
                    + "\n\ndef unused_api(query, limit):\n    return query\n", encoding="utf-8")
    commit(shop, message="add an API", tag="mid")
    edit(shop, SEARCH, "def unused_api(query, limit):", "def unused_api(query, limit, page):")
    commit(shop, message="require page", tag="head")
    args = ("impact", "--repo", str(shop), "--base", "mid", "--head", "head")
    assert invoke(*args, "--fail-on", "breaking").exit_code == 1
    assert invoke(*args, "--fail-on", "broken").exit_code == 0


def test_affected_modules_carry_their_codeowners(shop: Path) -> None:
    (shop / ".github").mkdir()
    (shop / ".github" / "CODEOWNERS").write_text(
        "*  @shop/everyone\npackages/storefront/  @shop/web  @alice\ntests/\n", encoding="utf-8"
    )
    drop_parameter(shop)
    commit(shop, message="drop include_archived, add owners", tag="head")
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--head", "head",
                    "--format", "json")
    owners = {a["module"]: a["owners"] for a in json.loads(result.stdout)["affected"]}
    assert owners["storefront.api"] == ["@shop/web", "@alice"]
    assert owners["orders.cart"] == ["@shop/everyone"]
    assert owners["test_search"] == []  # "tests/" with no owners unsets
    markdown = invoke("impact", "--repo", str(shop), "--base", "base", "--head", "head",
                      "--format", "markdown").stdout
    assert "Owners reached" in markdown and "`@shop/web` (2)" in markdown


def test_every_affected_module_has_owners_even_without_codeowners(shop: Path) -> None:
    drop_parameter(shop)
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--format", "json")
    affected = json.loads(result.stdout)["affected"]
    assert affected and all(a["owners"] == [] for a in affected)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_impact_png_to_a_file(shop: Path, tmp_path: Path) -> None:
    drop_parameter(shop)
    target = tmp_path / "impact.png"
    result = invoke("impact", "--repo", str(shop), "--base", "base", "--format", "png",
                    "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_impact_png_to_a_terminal_is_refused(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from impactgraph.cli import impact_cmds

    monkeypatch.setattr(impact_cmds, "_stdout_is_terminal", lambda: True)
    result = runner.invoke(app, ["impact", "--repo", str(shop), "--base", "base",
                                 "--format", "png"])
    assert result.exit_code == 2
    assert "-o FILE" in result.stderr


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_impact_image_without_graphviz_says_how_to_install_it(
    shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from impactgraph.adapters import graphviz

    monkeypatch.setattr(graphviz, "dot_available", lambda: False)
    result = runner.invoke(app, ["impact", "--repo", str(shop), "--base", "base",
                                 "--format", fmt, "-o", str(tmp_path / f"x.{fmt}")])
    assert result.exit_code == 3
    assert "apt-get install graphviz" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_fail_on_any_holds_when_anything_is_affected_not_on_a_change_alone(shop: Path) -> None:
    # DESIGN.md: `any` = anything is affected. A body change nothing uses affects no module.
    path = shop / SEARCH
    path.write_text(path.read_text(encoding="utf-8")
                    + "\n\ndef unused_api(query):\n    return query\n", encoding="utf-8")
    commit(shop, message="add an API", tag="mid")
    edit(shop, SEARCH, "def unused_api(query):\n    return query",
         "def unused_api(query):\n    return query.strip()")
    commit(shop, message="strip", tag="head")
    alone = invoke("impact", "--repo", str(shop), "--base", "mid", "--head", "head",
                   "--format", "json", "--fail-on", "any")
    assert json.loads(alone.stdout)["affected"] == []
    assert alone.exit_code == 0, alone.output
    drop_parameter(shop)  # the working tree: storefront.api and others are affected
    assert invoke("impact", "--repo", str(shop), "--base", "head", "--fail-on",
                  "any").exit_code == 1


def test_a_depth_limit_shortens_the_report_never_the_test_selection(shop: Path) -> None:
    # DESIGN.md: `tests` is safe first. test_api.py (depth 2: get_book passes include_archived)
    # and test_orders.py (depth 2) can fail however deep the report is cut.
    everything = ["tests/test_api.py", "tests/test_orders.py", "tests/test_search.py"]
    drop_parameter(shop)
    commit(shop, message="drop include_archived", tag="head")
    between = ("--repo", str(shop), "--base", "base", "--head", "head")
    report = json.loads(invoke("impact", *between, "--format", "json", "--max-depth", "1").stdout)
    assert {a["depth"] for a in report["affected"]} == {1}
    assert report["tests"] == everything
    assert invoke("tests", *between, "--max-depth", "1").stdout.splitlines() == everything
    (shop / ".impactgraph.toml").write_text("max-depth = 1\n", encoding="utf-8")
    report = json.loads(invoke("impact", *between, "--format", "json").stdout)
    assert {a["depth"] for a in report["affected"]} == {1}
    assert invoke("tests", *between).stdout.splitlines() == everything
