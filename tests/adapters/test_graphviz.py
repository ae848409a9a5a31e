"""The Graphviz adapter: missing program, time limit, failures (with fake ``dot`` programs)."""

from __future__ import annotations

import shutil
import stat
import time
from pathlib import Path

import pytest

from impactgraph.adapters.graphviz import INSTALL_HINT, dot_available, render_dot
from impactgraph.errors import ExitCode, RenderError

SIMPLE = 'digraph { "a:b" -> "c" }\n'
SLEEP = f"exec {shutil.which('sleep') or '/bin/sleep'} 30"  # PATH holds only the fake dot


def fake_dot(directory: Path, script: str) -> None:
    """A ``dot`` on PATH that runs ``script`` (POSIX shell)."""
    program = directory / "dot"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)


def test_missing_dot_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert not dot_available()
    with pytest.raises(RenderError) as error:
        render_dot(SIMPLE, "svg")
    assert str(error.value) == INSTALL_HINT
    assert "apt-get install graphviz" in str(error.value)
    assert error.value.exit_code is ExitCode.BAD_INPUT


def test_slow_layout_is_killed_and_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dot(tmp_path, SLEEP)
    monkeypatch.setenv("PATH", str(tmp_path))
    started = time.perf_counter()
    with pytest.raises(RenderError) as error:
        render_dot(SIMPLE, "svg", timeout=0.5)
    assert time.perf_counter() - started < 10
    message = str(error.value)
    assert "within 0.5 s" in message
    assert "--focus" in message and "--level package" in message


def test_callers_may_give_their_own_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path, SLEEP)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError, match=r"use --max-depth 2$"):
        render_dot(SIMPLE, "png", timeout=0.5, hint="use --max-depth 2")


def test_dot_failure_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path, 'echo "Error: <stdin>: syntax error in line 1" >&2; echo more >&2; exit 1')
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError) as error:
        render_dot(SIMPLE, "svg")
    assert str(error.value) == "Graphviz `dot` failed: Error: <stdin>: syntax error in line 1"


def test_dot_killed_by_a_signal_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the kernel's out-of-memory killer leaves no message on stderr
    fake_dot(tmp_path, "kill -KILL $$")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError) as error:
        render_dot(SIMPLE, "svg", hint="use --max-depth 2")
    assert str(error.value) == ("Graphviz `dot` was killed by SIGKILL during the layout; "
                                "use --max-depth 2")


def test_unknown_format_is_a_bug_not_a_user_error() -> None:
    with pytest.raises(ValueError, match="gif"):
        render_dot(SIMPLE, "gif")  # type: ignore[arg-type]


@pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")
def test_real_dot_renders_svg_and_png() -> None:
    assert b"<svg" in render_dot(SIMPLE, "svg")
    assert render_dot(SIMPLE, "png").startswith(b"\x89PNG\r\n\x1a\n")
