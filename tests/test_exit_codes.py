"""Exit codes and error lines as DESIGN.md gives them, in-process (CliRunner) and as a real
process (closed and full stdout, Ctrl-C, ``python -m impactgraph``)."""

from __future__ import annotations

import errno
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import typer
from git_support import commit, init_repo
from helpers import sigint_as_in_a_terminal
from typer.testing import CliRunner

import impactgraph
from impactgraph.cli import app
from impactgraph.errors import ExitCode, GitHubError, InputError, UsageError

BASE = {
    "pkg/__init__.py": "",
    "pkg/core.py": "def area(w, h):\n    return w * h\n",
    "pkg/use.py": "from pkg.core import area\n\ndef room():\n    return area(2, 3)\n",
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "repo")
    commit(root, BASE, tag="base")
    # A breaking change: a new required parameter.
    commit(root, {"pkg/core.py": "def area(w, h, unit):\n    return w * h\n"}, tag="head")
    return root


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env=env)


def test_the_codes_are_those_of_design_md() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 4, 130]
    assert InputError("x").exit_code == GitHubError("x").exit_code == ExitCode.BAD_INPUT
    assert UsageError("x").exit_code == ExitCode.USAGE


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"impactgraph {metadata.version('impactgraph-analysis')}\n"
    assert metadata.version("impactgraph-analysis") == impactgraph.__version__


@pytest.mark.parametrize(
    "args",
    [
        ["--no-such-option"],
        ["no-such-command"],
        ["impact"],  # --base is required
        ["impact", "--base", "base", "--max-depth", "0"],
        ["impact", "--base", "base", "--format", "nope"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert invoke(*args).exit_code == ExitCode.USAGE


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--no-such-option"], "--no-such-option"),
        (["no-such-command"], "no-such-command"),
        (["impact"], "--base"),
        (["impact", "--base", "base", "--max-depth", "0"], "--max-depth"),
        (["changes", "--base", "base", "--format", "yaml"], "yaml"),
        (["impact", "--base", "base", "--fail-on", "maybe"], "maybe"),
        (["-q", "-v", "index"], "--quiet and --verbose"),
        # an empty path was "cannot write : Device or resource busy", exit 3
        (["impact", "--base", "base", "-o", ""], "the path is empty"),
        (["graph", ".", "--format", "json", "-o", " "], "the path is empty"),
        (["changes", "--base", "base", "-o", ""], "the path is empty"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_help(args: list[str], says: str) -> None:
    # DESIGN.md: errors are one clear line on stderr (click's own were four: usage, hint,
    # a blank line and the error)
    result = invoke(*args)
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("impactgraph: error: ")
    assert says in result.stderr and "--help" in result.stderr


def test_no_command_shows_the_help() -> None:
    result = invoke()
    assert result.exit_code == ExitCode.USAGE
    assert "Usage: impactgraph" in result.output and "Commands" in result.output


def test_bad_input_exits_3_with_one_line(repo: Path, tmp_path: Path) -> None:
    for args in (
        ["impact", "--repo", str(repo), "--base", "no-such-revision"],
        ["impact", "--repo", str(tmp_path / "missing"), "--base", "base"],
        ["graph", str(tmp_path / "missing")],
    ):
        result = invoke(*args)
        assert result.exit_code == ExitCode.BAD_INPUT, (args, result.output)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("impactgraph: error:")


@pytest.mark.parametrize(
    "config",
    ["tool = 3", "[tool]\nimpactgraph = 3", "[tool.impactgraph]\ngateways = 3", "[tool"],
)
def test_a_configuration_of_the_wrong_shape_exits_2(repo: Path, config: str) -> None:
    (repo / "pyproject.toml").write_text(config, encoding="utf-8")
    result = invoke("impact", "--repo", str(repo), "--base", "base")
    assert result.exit_code == ExitCode.USAGE, result.output
    assert "pyproject.toml" in result.stderr and "internal error" not in result.stderr


# -- failures inside a command: every command maps them the same way ----------------------------


def failing_build(error: BaseException) -> Callable[..., Any]:
    def build(*args: Any, **kwargs: Any) -> Any:
        raise error

    return build


@pytest.fixture
def broken_pipeline(monkeypatch: pytest.MonkeyPatch) -> Callable[[BaseException], None]:
    import impactgraph.app.pipeline as pipeline

    def install(error: BaseException) -> None:
        monkeypatch.setattr(pipeline, "build_report", failing_build(error))

    return install


@pytest.mark.parametrize(
    ("error", "code", "line"),
    [
        (
            ValueError("boom\nsecond line"),
            ExitCode.INTERNAL,
            "impactgraph: internal error: ValueError: boom second line (please report this; "
            "run with --debug for the traceback)",
        ),
        (RecursionError(), ExitCode.INTERNAL, "impactgraph: internal error: RecursionError "),
        (KeyboardInterrupt(), ExitCode.INTERRUPTED, "impactgraph: interrupted"),
        (
            OSError(errno.ENOSPC, "No space left on device"),
            ExitCode.BAD_INPUT,
            "impactgraph: error: No space left on device",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied", "/x/y.py"),
            ExitCode.BAD_INPUT,
            "impactgraph: error: Permission denied: /x/y.py",
        ),
        (UsageError("bad flag"), ExitCode.USAGE, "impactgraph: error: bad flag"),
        (InputError("bad\npath"), ExitCode.BAD_INPUT, "impactgraph: error: bad path"),
    ],
    ids=["bug", "recursion", "ctrl-c", "disk-full", "permission", "usage", "input"],
)
@pytest.mark.parametrize("command", ["impact", "tests"])
def test_every_failure_is_one_line_and_its_code(
    broken_pipeline: Callable[[BaseException], None],
    repo: Path,
    command: str,
    error: BaseException,
    code: ExitCode,
    line: str,
) -> None:
    broken_pipeline(error)
    result = invoke(command, "--repo", str(repo), "--base", "base")

    assert result.exit_code == code
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(line)
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_debug_adds_the_traceback(
    broken_pipeline: Callable[[BaseException], None], repo: Path
) -> None:
    broken_pipeline(ValueError("boom"))
    result = invoke("--debug", "impact", "--repo", str(repo), "--base", "base")
    assert result.exit_code == ExitCode.INTERNAL
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.rstrip().splitlines()[-1].startswith("impactgraph: internal error:")

    result = invoke("impact", "--repo", str(repo), "--base", "base",
                    env={"IMPACTGRAPH_DEBUG": "1"})
    assert "Traceback" in result.stderr


def commands_of(group: typer.Typer) -> Iterator[tuple[str, Callable[..., Any]]]:
    for info in group.registered_commands:
        assert info.callback is not None
        yield info.name or info.callback.__name__, info.callback
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        yield from commands_of(sub.typer_instance)


def test_every_command_maps_its_errors() -> None:
    names = []
    for name, callback in commands_of(app):
        names.append(name)
        # handle_errors wraps the command (functools.wraps leaves __wrapped__).
        assert getattr(callback, "__wrapped__", None) is not None, name
    assert {"index", "graph", "changes", "impact", "tests", "comment", "clear"} <= set(names)


# -- as a real process --------------------------------------------------------------------------


def impactgraph_process(
    *args: str, cwd: Path, **options: Any
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "impactgraph", *args],
        cwd=cwd,
        capture_output="stdout" not in options,
        stderr=subprocess.PIPE if "stdout" in options else None,
        timeout=120,
        check=False,
        **options,
    )


def test_python_m_impactgraph_and_the_console_script(tmp_path: Path) -> None:
    done = impactgraph_process("--version", cwd=tmp_path)
    expected = f"impactgraph {impactgraph.__version__}\n".encode()
    assert (done.returncode, done.stdout) == (0, expected)
    script = Path(sys.executable).with_name("impactgraph")
    if script.exists():
        done = subprocess.run([str(script), "--bogus"], capture_output=True, check=False)
        assert done.returncode == ExitCode.USAGE


def test_a_reader_that_went_away_ends_quietly_keeping_the_exit_code(repo: Path) -> None:
    read, write = os.pipe()
    os.close(read)  # nobody will read: every write is EPIPE
    try:
        done = impactgraph_process(
            "impact", "--base", "base", "--fail-on", "breaking", "--format", "json",
            cwd=repo, stdout=write,
        )
    finally:
        os.close(write)
    assert done.stderr == b""
    assert done.returncode == ExitCode.FAIL_ON  # the condition still counts

    read, write = os.pipe()
    os.close(read)
    try:
        done = impactgraph_process("graph", ".", "--format", "json", cwd=repo, stdout=write)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, b"")


def test_a_closed_stdout_is_not_an_error(repo: Path) -> None:
    done = impactgraph_process(
        "impact", "--base", "base", cwd=repo, stdout=None, preexec_fn=lambda: os.close(1)
    )
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.skipif(
    not (os.path.exists("/dev/full") and stat.S_ISCHR(os.stat("/dev/full").st_mode)),
    reason="needs /dev/full",
)
@pytest.mark.parametrize("args", [["graph", ".", "--format", "json"], ["--version"]])
def test_a_full_stdout_is_one_line_and_exit_3(repo: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = impactgraph_process(*args, cwd=repo, stdout=full)
    assert done.returncode == ExitCode.BAD_INPUT
    assert done.stderr == b"impactgraph: error: cannot write the results to stdout: " \
                          b"No space left on device\n"


def test_ctrl_c_is_one_line_and_exit_130(repo: Path) -> None:
    """The process waits for a GitHub that accepted the request and never answers."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        env = {
            **os.environ,
            "GITHUB_TOKEN": "ghs_x",
            "GITHUB_API_URL": f"http://127.0.0.1:{listener.getsockname()[1]}",
        }
        env.pop("GITHUB_EVENT_PATH", None)
        process = subprocess.Popen(
            [sys.executable, "-m", "impactgraph", "comment", "--base", "base",
             "--github-repo", "acme/shop", "--pr", "7"],
            cwd=repo, env={**env, "PYTHONFAULTHANDLER": "1"},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            preexec_fn=sigint_as_in_a_terminal,
        )
        listener.settimeout(60)
        connection, _ = listener.accept()
        with connection:
            time.sleep(0.2)
            process.send_signal(signal.SIGINT)
            out, err = _communicate_or_dump(process, timeout=30)
    assert process.returncode == ExitCode.INTERRUPTED
    assert err == b"impactgraph: interrupted\n"
    assert out == b""


def _communicate_or_dump(
    process: subprocess.Popen[bytes], timeout: float
) -> tuple[bytes, bytes]:
    """``process.communicate``; a process still running after ``timeout`` is ended with
    SIGABRT (faulthandler prints every thread's stack) and the test fails with that dump,
    leaving no process or pipe behind."""
    try:
        return process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)
        try:
            _, err = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            _, err = process.communicate()
        pytest.fail(f"still running {timeout} s after the signal:\n{err.decode(errors='replace')}")


def test_a_stdout_that_cannot_encode_the_report_gets_it_as_utf8(repo: Path) -> None:
    done = impactgraph_process(
        "impact", "--base", "base", cwd=repo, env={**os.environ, "PYTHONIOENCODING": "ascii"}
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert "→" in done.stdout.decode("utf-8")


def test_a_ctrl_c_that_click_turned_into_a_silent_130_still_gets_its_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_app = sys.modules["impactgraph.cli.app"]  # the package's `app` is the Typer object

    def parsing_interrupted() -> None:
        raise SystemExit(130)  # what typer does with a Ctrl-C outside any command

    monkeypatch.setattr(cli_app, "app", parsing_interrupted)
    monkeypatch.setitem(cli_app._state, "interrupted", False)
    assert cli_app.run() == ExitCode.INTERRUPTED
    assert capsys.readouterr().err == "impactgraph: interrupted\n"
