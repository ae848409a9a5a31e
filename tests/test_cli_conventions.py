"""Conventions Python developers expect of a CLI: help, completion, colour, -q/-v, widths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from git_support import commit, copy_fixture, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app
from impactgraph.cli.app import use_color

SHOP = Path(__file__).resolve().parents[1] / "fixtures" / "shop"
BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken"
SEARCH = "packages/catalog/src/catalog/search.py"
COMMANDS = ("index", "graph", "callgraph", "changes", "impact", "tests", "comment", "cache")
ANSI = re.compile(r"\x1b\[")
runner = CliRunner()


@pytest.fixture
def changed_shop(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "shop")
    copy_fixture(SHOP, root)
    commit(root, message="base", tag="base")
    path = root / SEARCH
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("def find_book(title: str, include_archived: bool = False)",
                     "def find_book(title: str)").replace(
            "if book.archived and not include_archived:", "if book.archived:"),
        encoding="utf-8",
    )
    return root


def test_help_has_no_bool_metavar_and_shows_the_jobs_default() -> None:
    for command in ("", *COMMANDS):
        result = runner.invoke(app, [*command.split(), "--help"], env={"COLUMNS": "100"})
        assert result.exit_code == 0, command
        assert "<bool>" not in result.stdout, command
    impact = runner.invoke(app, ["impact", "--help"], env={"COLUMNS": "100"}).stdout
    assert "default: one per CPU" in " ".join(impact.split())


def test_shell_completion_is_offered() -> None:
    text = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in text and "--show-completion" in text


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "0"}, False),
     ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False), ({"NO_COLOR": ""}, False)],
)
def test_auto_colour_follows_no_color_and_force_color(env: dict[str, str], expected: bool) -> None:
    # not a terminal here: only FORCE_COLOR turns colour on, and NO_COLOR wins over it
    assert use_color(None, env) is expected
    assert use_color("report.txt", env) is False  # a file never gets escape codes


def test_color_option_overrides_the_environment(changed_shop: Path) -> None:
    args = ["impact", "--repo", str(changed_shop), "--base", "base"]
    always = runner.invoke(app, ["--color", "always", *args], env={"NO_COLOR": "1"})
    assert always.exit_code == 0 and ANSI.search(always.stdout)
    never = runner.invoke(app, ["--color", "never", *args], env={"FORCE_COLOR": "1"})
    assert never.exit_code == 0 and not ANSI.search(never.stdout)
    forced = runner.invoke(app, args, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert ANSI.search(forced.stdout)
    bad = runner.invoke(app, ["--color", "sometimes", *args])
    assert bad.exit_code == 2


@pytest.mark.parametrize(("args", "said"), [
    (["impact", "--base", "HEAD", "--format", "xml"],
     "Invalid value for '--format': 'xml' is not one of"),
    (["graph", "--level", "bogus"], "Invalid value for '--level': 'bogus' is not one of"),
])
def test_a_bad_option_value_is_said_in_our_words(args: list[str], said: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"impactgraph: error: {said}")
    assert "Value error" not in result.stderr


def test_quiet_leaves_out_warnings_and_verbose_adds_a_summary(changed_shop: Path) -> None:
    loud = runner.invoke(app, ["graph", str(BROKEN), "--no-cache"])
    assert loud.exit_code == 0 and "warning" in loud.stderr
    quiet = runner.invoke(app, ["-q", "graph", str(BROKEN), "--no-cache"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == loud.stdout
    args = ["impact", "--repo", str(changed_shop), "--base", "base"]
    plain = runner.invoke(app, args)
    verbose = runner.invoke(app, ["-v", *args])
    assert "files indexed in" not in plain.stderr
    assert re.search(r"\d+ change\(s\), \d+ affected module\(s\)", verbose.stderr)
    both = runner.invoke(app, ["-q", "-v", *args])
    assert both.exit_code == 2


def test_text_fits_columns_and_does_not_wrap_without_a_terminal(changed_shop: Path) -> None:
    args = ["impact", "--repo", str(changed_shop), "--base", "base"]
    narrow = runner.invoke(app, args, env={"COLUMNS": "60"})
    assert narrow.exit_code == 0
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 60
    assert "flags: B broken" in narrow.stdout  # the narrow table, not a wrapped wide one
    piped = runner.invoke(app, args, env={"COLUMNS": ""})
    lines = piped.stdout.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("#  module"))
    assert "score" in header  # the whole table on one line: nothing wraps in a CI log
    for line in lines:  # a row never continues on a line of its own
        assert not re.fullmatch(r"\s+(yes|-|\d+\.\d\d)(\s+(yes|-|\d+\.\d\d))*", line), line


def _commands(command, prefix=()):
    yield prefix, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*prefix, name))


def test_the_readme_lists_every_command_and_flag() -> None:
    import typer

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = []
    for path, command in _commands(typer.main.get_command(app)):
        if path and f"impactgraph {' '.join(path)}" not in readme:
            missing.append(" ".join(path))
        missing += [
            f"{' '.join(path) or 'impactgraph'} {opt}"
            for param in command.params
            for opt in (*param.opts, *param.secondary_opts)
            if opt.startswith("--") and opt != "--help" and opt not in readme
        ]
    assert not missing


def test_the_pre_commit_hook_runs_impact_fail_on_broken_before_a_push(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8")
    fields = dict(
        line.strip().lstrip("- ").split(": ", 1) for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
    assert fields["id"] == "impactgraph-broken"
    assert (fields["language"], fields["pass_filenames"], fields["stages"]) == (
        "python", "false", "[pre-push]")
    program, *args = fields["entry"].split()
    assert program == "impactgraph" and args[:3] == ["impact", "--fail-on", "broken"]
    root = init_repo(tmp_path / "shop")
    copy_fixture(SHOP, root)
    commit(root, message="base")
    from git_support import git

    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    assert runner.invoke(app, [*args, "--repo", str(root)]).exit_code == 0
    path = root / SEARCH
    path.write_text(path.read_text("utf-8").replace(
        "def find_book(title: str, include_archived: bool = False)", "def find_book(title: str)"
    ).replace("if book.archived and not include_archived:", "if book.archived:"), "utf-8")
    commit(root, message="drop include_archived")
    assert runner.invoke(app, [*args, "--repo", str(root)]).exit_code == 1
