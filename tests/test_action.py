"""action.yml: its helpers never import modules from the (untrusted) workspace."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ACTION = Path(__file__).resolve().parents[1] / "action.yml"
SHADOWED = ("json", "re", "os", "sys", "types", "enum", "encodings", "site", "venv", "pip")


def run_script(step: str) -> str:
    """The ``run: |`` block of the step named ``step``, dedented."""
    lines = ACTION.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- name: {step}")
    run = next(i for i in range(start, len(lines)) if lines[i].strip() == "run: |")
    indent = len(lines[run]) - len(lines[run].lstrip())
    body = []
    for line in lines[run + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    return textwrap.dedent("\n".join(body)) + "\n"


def python_invocations(script: str) -> list[str]:
    return [line for line in script.splitlines()
            if re.search(r'"\$(PYTHON|VENV_PYTHON|VENV/bin/python)"', line)]


def test_every_python_helper_runs_isolated_from_a_folder_the_action_owns() -> None:
    for step in ("Install impactgraph", "Comment on the pull request"):
        script = run_script(step)
        calls = python_invocations(script)
        assert calls, step
        for call in calls:
            assert " -I " in call, call
            before = script[: script.index(call)]
            assert 'cd "$RUNNER_TEMP"' in before + call, call


def hostile_workspace(root: Path, marker: Path) -> Path:
    root.mkdir()
    for name in SHADOWED:
        (root / f"{name}.py").write_text(
            f"open({str(marker)!r} + '.{name}', 'w').write('ran')\n", encoding="utf-8"
        )
    return root


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_gateways_helper_runs_no_module_of_the_workspace(tmp_path: Path) -> None:
    marker = tmp_path / "MARKER"
    workspace = hostile_workspace(tmp_path / "workspace", marker)
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    seen = tmp_path / "seen.toml"
    fake = tmp_path / "impactgraph"  # stands for the installed command: keeps the config
    fake.write_text(f'#!/bin/sh\ncat ./.impactgraph.toml > {seen}\necho "$@" >> {seen}\n',
                    encoding="utf-8")
    fake.chmod(0o755)
    env = {
        "PATH": os.environ["PATH"], "HOME": str(tmp_path),
        "RUNNER_TEMP": str(runner_temp), "IMPACTGRAPH": str(fake),
        "VENV_PYTHON": sys.executable, "GITHUB_TOKEN": "secret",
        "INPUT_BASE": "main", "INPUT_FAIL_ON": "", "INPUT_GATEWAYS": "shop.api, *.routes",
        "INPUT_MARKER": "impact", "INPUT_PATH": ".", "FROM_FORK": "false",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
    }
    completed = subprocess.run(
        ["bash", "-c", run_script("Comment on the pull request")],
        cwd=workspace, env=env, capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr + completed.stdout
    assert sorted(p.name for p in tmp_path.glob("MARKER.*")) == []
    written = seen.read_text(encoding="utf-8")
    assert 'gateways = ["shop.api", "*.routes"]' in written
    assert "--marker-id impact" in written
    assert not (workspace / ".impactgraph.toml").exists()  # removed afterwards


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_gateways_helper_never_writes_through_a_planted_link(tmp_path: Path) -> None:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    victim = tmp_path / "victim"
    (workspace / ".impactgraph.toml").symlink_to(victim)  # dangling: `-e` says it is absent
    env = {
        "PATH": os.environ["PATH"], "HOME": str(tmp_path), "RUNNER_TEMP": str(tmp_path),
        "IMPACTGRAPH": "/bin/true", "VENV_PYTHON": sys.executable, "INPUT_BASE": "",
        "INPUT_FAIL_ON": "", "INPUT_GATEWAYS": "shop.api", "INPUT_MARKER": "impact",
        "INPUT_PATH": ".", "FROM_FORK": "false", "GITHUB_TOKEN": "secret",
    }
    completed = subprocess.run(
        ["bash", "-c", run_script("Comment on the pull request")],
        cwd=workspace, env=env, capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 2
    assert not victim.exists()


# -- the cache: restored from the base branch, saved only by trusted runs --------------------


def step_block(step: str) -> str:
    """The text of the step named ``step`` (up to the next step)."""
    text = ACTION.read_text(encoding="utf-8")
    start = text.index(f"    - name: {step}\n")
    end = text.find("\n    - name: ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def field(block: str, name: str) -> str:
    """A one-line ``name: value`` of a step, or the lines of its ``name: |`` block."""
    lines = block.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{name}:"))
    value = lines[at].split(":", 1)[1].strip()
    if value not in ("|", ">-"):
        return value
    indent = len(lines[at]) - len(lines[at].lstrip())
    body = []
    for line in lines[at + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line.strip())
    return "\n".join(line for line in body if line)


def test_the_cache_is_restored_from_the_base_branch_and_saved_only_outside_pull_requests() -> None:
    restore = step_block("Restore the impactgraph cache")
    save = step_block("Save the impactgraph cache")
    comment = step_block("Comment on the pull request")
    assert "uses: actions/cache/restore@v4" in restore
    assert "uses: actions/cache/save@v4" in save
    assert ACTION.read_text().index(restore) < ACTION.read_text().index(comment)
    assert ACTION.read_text().index(comment) < ACTION.read_text().index(save)

    key = field(restore, "key")
    assert key == field(save, "key")
    assert "github.event.pull_request.head.sha" in key
    prefix = field(restore, "restore-keys")
    assert "github.base_ref" in prefix
    assert key.startswith(prefix)  # a new head commit falls back to the base branch's newest

    paths = set(field(restore, "path").splitlines())
    assert paths == set(field(save, "path").splitlines())
    env = {name: field(comment, name) for name in ("CACHE_DIR", "KEY_HOME")}
    assert set(env.values()) == paths  # the cache folder and the folder of its key
    assert all(path.startswith("${{ runner.temp }}") for path in paths)  # not the workspace

    condition = field(save, "if")
    assert "github.event_name != 'pull_request'" in condition
    assert "github.event_name != 'pull_request_target'" in condition


def run_comment_step(tmp_path: Path, fake_script: str, event: str, cache: str
                     ) -> subprocess.CompletedProcess[str]:
    """The step's script as the runner runs it, with ``fake_script`` as impactgraph."""
    fake = tmp_path / "impactgraph"
    fake.write_text(fake_script, encoding="utf-8")
    fake.chmod(0o755)
    env = {
        "PATH": os.environ["PATH"], "HOME": str(tmp_path), "RUNNER_TEMP": str(tmp_path),
        "IMPACTGRAPH": str(fake), "VENV_PYTHON": sys.executable, "INPUT_BASE": "",
        "INPUT_FAIL_ON": "", "INPUT_GATEWAYS": "", "INPUT_MARKER": "impact",
        "INPUT_PATH": ".", "FROM_FORK": "false", "GITHUB_TOKEN": "secret",
        "INPUT_CACHE": cache, "EVENT_NAME": event,
        "CACHE_DIR": str(tmp_path / "impactgraph-cache"),
        "KEY_HOME": str(tmp_path / "impactgraph-key"),
    }
    return subprocess.run(
        ["bash", "-c", run_script("Comment on the pull request")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(("event", "command"), [("push", "index"), ("pull_request", "comment")])
def test_the_command_runs_with_the_cache_and_key_folders_given(
    tmp_path: Path, event: str, command: str
) -> None:
    seen = tmp_path / "seen"
    completed = run_comment_step(
        tmp_path, f'#!/bin/sh\necho "$1 $IMPACTGRAPH_CACHE_DIR $XDG_CACHE_HOME" > {seen}\n',
        event, cache="true")
    assert completed.returncode == 0, completed.stderr
    assert seen.read_text().split() == [
        command, str(tmp_path / "impactgraph-cache"), str(tmp_path / "impactgraph-key")
    ]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_push_with_the_cache_off_runs_nothing_and_succeeds(tmp_path: Path) -> None:
    # no pull request to comment on and no cache to fill: `comment` would fail (exit 2)
    seen = tmp_path / "seen"
    completed = run_comment_step(tmp_path, f'#!/bin/sh\necho "$1" > {seen}\nexit 2\n',
                                 "push", cache="false")
    assert completed.returncode == 0, completed.stderr
    assert not seen.exists()
    assert "nothing to do" in completed.stdout
