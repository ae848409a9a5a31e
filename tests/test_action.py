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
    for step in ("Key the compiled impactgraph", "Install impactgraph",
                 "Comment on the pull request"):
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


# -- the compiled linker: built once by a trusted run, kept with actions/cache ----------------

FAKE_PYTHON = """#!/bin/bash
# stands for Python: creates a venv with itself as its python; logs what pip is asked
log={log}
if [ "$2 $3" = "-m venv" ]; then mkdir -p "$4/bin" && cp "$0" "$4/bin/python"; exit 0; fi
shift 4  # -I -m pip --disable-pip-version-check
echo "pure=${{IMPACTGRAPH_PURE_PYTHON:-}} $*" >> "$log"
case "$1" in
  wheel)
    dir=$5
    [ -n "${{FAKE_BUILD:-}}" ] && touch "$dir/impactgraph_analysis-0.1.0-$FAKE_BUILD.whl"
    exit 0 ;;
  install)
    case "$3" in *.whl) exit "${{FAKE_WHEEL_FAILS:-0}}" ;; esac ;;
esac
exit 0
"""


COMPILED_TAG = "cp312-cp312-linux_x86_64"
# how GitHub runs a step's script with `shell: bash`
GITHUB_BASH = ("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c")


def run_install_step(tmp_path: Path, event: str, cache: str = "true", cached: bool = False,
                     build: str = COMPILED_TAG, wheel_fails: bool = False
                     ) -> tuple[subprocess.CompletedProcess[str], list[str], str]:
    """The install step's script as the runner runs it, with a stand-in for Python; what it
    asked pip (with IMPACTGRAPH_PURE_PYTHON), and the outputs it set."""
    log, output = tmp_path / "pip.log", tmp_path / "output"
    python = tmp_path / "python"
    python.write_text(FAKE_PYTHON.format(log=log), encoding="utf-8")
    python.chmod(0o755)
    wheels = tmp_path / "impactgraph-wheel"
    if cached:
        wheels.mkdir()
        (wheels / f"impactgraph_analysis-0.1.0-{COMPILED_TAG}.whl").touch()
    env = {
        "PATH": os.environ["PATH"], "HOME": str(tmp_path), "RUNNER_TEMP": str(tmp_path),
        "PYTHON": str(python), "ACTION_PATH": "/action", "VENV": str(tmp_path / "venv"),
        "WHEELS": str(wheels), "INPUT_CACHE": cache, "EVENT_NAME": event,
        "GITHUB_OUTPUT": str(output), "FAKE_BUILD": build,
        "FAKE_WHEEL_FAILS": "1" if wheel_fails else "0",
    }
    completed = subprocess.run([*GITHUB_BASH, run_script("Install impactgraph")], cwd=tmp_path,
                               env=env, capture_output=True, text=True, timeout=120)
    asked = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return completed, asked, output.read_text(encoding="utf-8") if output.exists() else ""


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("event", ["push", "schedule", "workflow_dispatch"])
def test_a_trusted_run_compiles_the_linker_once_and_says_to_keep_it(
    tmp_path: Path, event: str
) -> None:
    completed, asked, output = run_install_step(tmp_path, event)
    assert completed.returncode == 0, completed.stderr
    wheel = tmp_path / "impactgraph-wheel" / f"impactgraph_analysis-0.1.0-{COMPILED_TAG}.whl"
    assert asked == [
        f"pure= wheel --quiet --no-deps --wheel-dir {tmp_path / 'impactgraph-wheel'} /action",
        f"pure= install --quiet {wheel}",
    ]
    assert output == "built=true\n"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("event", ["pull_request", "pull_request_target"])
def test_a_pull_request_installs_the_kept_wheel_and_never_compiles(
    tmp_path: Path, event: str
) -> None:
    (tmp_path / "kept").mkdir()
    completed, asked, output = run_install_step(tmp_path / "kept", event, cached=True)
    assert completed.returncode == 0, completed.stderr
    assert [line.split()[:2] for line in asked] == [["pure=", "install"]]
    assert asked[0].endswith(f"{COMPILED_TAG}.whl")
    assert output == "built=false\n"
    # none kept: pure Python, and nothing compiled in the pull request (it could not be kept)
    (tmp_path / "none").mkdir()
    completed, asked, output = run_install_step(tmp_path / "none", event)
    assert completed.returncode == 0, completed.stderr
    assert asked == ["pure=1 install --quiet /action"]
    assert output == "built=false\n"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(("cache", "build", "cached", "wheel_fails"), [
    ("false", COMPILED_TAG, False, False),  # the cache input off: nothing compiled or kept
    ("true", "py3-none-any", False, False),  # mypyc or a compiler missing: the wheel is pure
    ("true", COMPILED_TAG, True, True),  # a kept wheel that does not install
])
def test_the_linker_falls_back_to_pure_python(
    tmp_path: Path, cache: str, build: str, cached: bool, wheel_fails: bool
) -> None:
    completed, asked, output = run_install_step(tmp_path, "push", cache=cache, build=build,
                                                cached=cached, wheel_fails=wheel_fails)
    assert completed.returncode == 0, completed.stderr
    assert asked[-1] == "pure=1 install --quiet /action"
    assert output == "built=false\n"
    assert not list((tmp_path / "impactgraph-wheel").glob("*none-any.whl"))
    if wheel_fails:
        assert "did not install" in completed.stdout


def test_the_compiled_wheel_is_kept_by_key_of_its_source_and_saved_only_outside_pull_requests(
) -> None:
    restore = step_block("Restore the compiled impactgraph")
    save = step_block("Save the compiled impactgraph")
    install = step_block("Install impactgraph")
    text = ACTION.read_text()
    assert text.index(step_block("Key the compiled impactgraph")) < text.index(restore)
    assert text.index(restore) < text.index(install) < text.index(save)
    key = field(restore, "key")
    assert key == field(save, "key")
    for part in ("runner.os", "runner.arch", "steps.python.outputs.python-version",
                 "steps.source.outputs.hash"):
        assert part in key
    assert "restore-keys" not in restore  # another source's wheel is never taken
    assert field(restore, "path") == field(save, "path") == field(install, "WHEELS")
    assert field(restore, "path").startswith("${{ runner.temp }}")
    condition = field(save, "if")
    assert "steps.install.outputs.built == 'true'" in condition
    assert "github.event_name != 'pull_request'" in condition
    assert "github.event_name != 'pull_request_target'" in condition


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_source_key_changes_with_the_source_and_nothing_else(tmp_path: Path) -> None:
    def key(root: Path) -> str:
        output = tmp_path / "output"
        output.unlink(missing_ok=True)
        env = {"PATH": os.environ["PATH"], "ACTION_PATH": str(root), "PYTHON": sys.executable,
               "RUNNER_TEMP": str(tmp_path), "GITHUB_OUTPUT": str(output)}
        completed = subprocess.run([*GITHUB_BASH, run_script("Key the compiled impactgraph")],
                                   cwd=tmp_path, env=env, capture_output=True, text=True,
                                   timeout=60)
        assert completed.returncode == 0, completed.stderr
        return output.read_text(encoding="utf-8")

    root = tmp_path / "action"
    (root / "impactgraph" / "linker").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    (root / "setup.py").write_text("setup()\n", encoding="utf-8")
    (root / "impactgraph" / "linker" / "link.py").write_text("x = 1\n", encoding="utf-8")
    first = key(root)
    assert first.startswith("hash=") and len(first.strip()) == len("hash=") + 16
    (root / "README.md").write_text("words\n", encoding="utf-8")
    (root / "impactgraph" / "linker" / "__pycache__").mkdir()
    (root / "impactgraph" / "linker" / "__pycache__" / "link.cpython-312.pyc").write_bytes(b"x")
    assert key(root) == first
    (root / "impactgraph" / "linker" / "link.py").write_text("x = 2\n", encoding="utf-8")
    assert key(root) != first
