"""The analysed code never runs, workers never outlive the main process, --jobs is capped."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import uuid
from pathlib import Path

import pytest

from impactgraph._safepath import HOME
from impactgraph.app import indexing
from impactgraph.app.indexing import PARALLEL_MIN_FILES, default_jobs, worker_count
from impactgraph.app.session import Session
from impactgraph.isolation import clean_sys_path

ROOT = Path(__file__).resolve().parents[1]
# Standard-library modules that the fork server, resource tracker or workers import.
SHADOWED = ("types", "re", "enum", "signal", "threading", "socket", "selectors", "struct",
            "warnings", "errno", "weakref", "json", "os", "functools", "pickle", "copyreg")


def hostile_repo(root: Path, marker: Path, files: int = PARALLEL_MIN_FILES + 20) -> Path:
    """A repository root whose stdlib-named modules leave a file behind when imported."""
    (root / "pkg").mkdir(parents=True)
    for name in SHADOWED:
        (root / f"{name}.py").write_text(
            f"open({str(marker)!r} + '.{name}', 'w').write('imported')\n", encoding="utf-8"
        )
    (root / "pkg" / "__init__.py").write_text("", encoding="utf-8")
    for number in range(files):
        (root / "pkg" / f"m{number}.py").write_text(
            f"def f{number}(x):\n    return x + {number}\n", encoding="utf-8"
        )
    return root


def markers(marker: Path) -> list[str]:
    return sorted(p.name for p in marker.parent.glob(marker.name + ".*"))


def installed_venv(tmp_path: Path) -> Path:
    """impactgraph installed without -e into a fresh venv that sees this venv's packages."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "impactgraph", source / "impactgraph",
                    ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    # this venv's dependencies (and pip), but not its editable impactgraph (.pth files in a
    # folder named by a .pth file are not processed)
    Path(site, "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check",
         str(source)],
        check=True, capture_output=True, text=True,
    )
    return venv


def test_an_installed_impactgraph_run_from_a_hostile_root_imports_nothing_from_it(
    tmp_path: Path,
) -> None:
    if default_jobs() < 2:
        pytest.skip("one CPU: no worker processes to check")
    venv = installed_venv(tmp_path)
    marker = tmp_path / "MARKER"
    repo = hostile_repo(tmp_path / "repo", marker)
    # as a user runs it: a PYTHONPATH of this test run's (a checkout) is not the user's
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    located = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import impactgraph; print(impactgraph.__file__)"],
        cwd=tmp_path, env=env, check=True, capture_output=True, text=True,
    ).stdout
    assert str(venv) in located  # the regular install, not this checkout
    for extra in ([], ["--no-cache"]):
        completed = subprocess.run(
            [str(venv / "bin" / "impactgraph"), "index", "--jobs", "2", "--format", "json",
             *extra],
            cwd=repo, env=env, capture_output=True, text=True, timeout=300,
        )
        assert completed.returncode == 0, completed.stderr
        assert markers(marker) == []
        assert '"files": ' in completed.stdout
    assert "PYTHONSAFEPATH" not in os.environ


@pytest.mark.skipif(sys.version_info < (3, 11), reason="-P is Python 3.11+")
def test_workers_started_by_a_library_caller_do_not_import_from_the_current_directory(
    tmp_path: Path,
) -> None:
    """A caller whose cwd is a hostile tree and whose sys.path starts with '' (as
    ``python -c`` gives): the modules it has loaded already are its own business; the fork
    server and the workers must not load the tree's."""
    if default_jobs() < 2:
        pytest.skip("one CPU: no worker processes to check")
    marker = tmp_path / "MARKER"
    repo = hostile_repo(tmp_path / "repo", marker)
    script = (
        f"import {', '.join(SHADOWED)}, sys\n"
        "import multiprocessing.forkserver, concurrent.futures.process\n"
        "from pathlib import Path\n"
        "from impactgraph.app.indexing import index_directory\n"
        "from impactgraph.app.session import Session\n"
        "sys.path.insert(0, '')\n"
        "result = index_directory(Path('.'), session=Session(jobs=2))\n"
        "print(len(result.summaries), sys.path.count(''))\n"
    )
    # a fresh interpreter: the fork server of this test process may be running already
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    completed = subprocess.run(
        [sys.executable, "-P", "-c", script],
        cwd=repo, env=env, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == [str(PARALLEL_MIN_FILES + 20 + 1 + len(SHADOWED)), "0"]
    assert markers(marker) == []


def test_clean_sys_path_drops_the_current_directory_but_keeps_impactgraphs_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = HOME  # where impactgraph is imported from: the checkout, or site-packages
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", ["", str(tmp_path), "/usr/lib/x", home, "."])
    clean_sys_path((str(tmp_path / "elsewhere"),))
    assert sys.path == ["/usr/lib/x", home]
    monkeypatch.chdir(HOME)
    monkeypatch.setattr(sys, "path", ["", "/usr/lib/x"])
    clean_sys_path()
    assert sys.path == ["/usr/lib/x", os.path.realpath(home)]  # moved after the stdlib


def test_jobs_are_capped_by_the_cpus_this_process_may_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(indexing, "default_jobs", lambda: 2)
    assert worker_count(32) == 2
    assert worker_count(1) == 1
    assert worker_count(None) == 2
    started: list[int] = []

    def fake_parallel(tasks: object, workers: int, *args: object) -> None:
        started.append(workers)
        raise RuntimeError("stop here")

    monkeypatch.setattr(indexing, "_summarize_parallel", fake_parallel)
    from impactgraph.discovery import SourceFile

    files = [SourceFile(f"m{i}.py", f"m{i}", False) for i in range(PARALLEL_MIN_FILES)]
    with pytest.raises(RuntimeError):
        indexing.summarize_files(files, lambda path: b"x = 1\n", session=Session(jobs=32))
    assert started == [2]


def _tagged(tag: str) -> list[int]:
    """The processes whose environment holds ``tag``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if tag.encode() in environ and state != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_kill_9_of_the_main_process_ends_the_workers_within_seconds(tmp_path: Path) -> None:
    if default_jobs() < 2:
        pytest.skip("one CPU: no worker processes to check")
    repo = tmp_path / "repo"
    (repo / "pkg").mkdir(parents=True)
    body = "".join(f"def f{i}(x):\n    return [y for y in x if y > {i}]\n" for i in range(60))
    for number in range(1500):
        (repo / "pkg" / f"m{number}.py").write_text(body, encoding="utf-8")
    tag = f"IMPACTGRAPH_TEST_TAG={uuid.uuid4().hex}"
    env = {**os.environ, tag.split("=")[0]: tag.split("=")[1]}
    main = subprocess.Popen(
        [sys.executable, "-m", "impactgraph", "index", "--no-cache", "--jobs", "2", str(repo)],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while len(_tagged(tag)) < 5 and time.monotonic() < deadline:
            # the main process, the resource tracker, the fork server, two workers
            assert main.poll() is None, "finished before its workers could be seen"
            time.sleep(0.1)
        assert len(_tagged(tag)) >= 5
        os.kill(main.pid, signal.SIGKILL)
        main.wait()
        deadline = time.monotonic() + 15
        while _tagged(tag) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _tagged(tag) == []
    finally:
        for pid in _tagged(tag):
            os.kill(pid, signal.SIGKILL)
        if main.poll() is None:
            main.kill()
            main.wait()


def test_python_dash_m_from_a_hostile_root_imports_nothing_more_from_it(tmp_path: Path) -> None:
    """``python -m`` puts the cwd first; Python itself loads some modules (types, re, ...)
    before any of impactgraph's code runs, but nothing is imported from there afterwards."""
    marker = tmp_path / "MARKER"
    repo = tmp_path / "repo"
    (repo / "pkg").mkdir(parents=True)
    late = ("threading", "signal", "json", "socket", "selectors", "struct", "sqlite3", "typer",
            "astroid", "networkx", "impactgraph_extra", "multiprocessing", "concurrent")
    for name in late:
        (repo / f"{name}.py").write_text(
            f"open({str(marker)!r} + '.{name}', 'w').write('imported')\n", encoding="utf-8"
        )
    for number in range(PARALLEL_MIN_FILES + 5):
        (repo / "pkg" / f"m{number}.py").write_text(f"x = {number}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSAFEPATH")}
    completed = subprocess.run(
        [sys.executable, "-m", "impactgraph", "index", "--jobs", "2", "--format", "json"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    assert markers(marker) == []
