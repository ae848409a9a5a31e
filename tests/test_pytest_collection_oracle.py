"""What ``impactgraph`` thinks pytest collects, checked against pytest itself: each small tree
is written to disk, ``pytest --collect-only -q`` runs on it from the root and from every
folder with a pytest configuration of its own (a package's run), and the files either run
collects are what the collect-filter must keep: exactly them where everything could be read,
at least them where something could not (fail open)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from impactgraph.config import load_config
from impactgraph.discovery import is_test_path
from impactgraph.pytest_setup import RUN_MARKERS

TEST = "def test_ok():\n    pass\n"


def _write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)


def _pytest_collects(folder: Path, root: Path) -> set[str]:
    """The files ``pytest --collect-only`` run in ``folder`` collects, relative to ``root``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode in (0, 5), result.stdout + result.stderr  # 5: nothing collected
    found = set()
    for line in result.stdout.splitlines():
        if "::" in line:  # a node id: relative to pytest's rootdir, the folder or above
            node = line.split("::", 1)[0]
            path = next(b / node for b in (folder, *folder.parents) if (b / node).is_file())
            found.add(path.resolve().relative_to(root.resolve()).as_posix())
    return found


def _oracle(root: Path) -> set[str]:
    """The root's run and every package's own (from a folder with a project file)."""
    found = _pytest_collects(root, root)
    for folder in {p.parent for name in RUN_MARKERS for p in root.rglob(name)} - {root}:
        found |= _pytest_collects(folder, root)
    return found


def _ours(root: Path) -> set[str]:
    config = load_config(root)
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py"))
    candidates = [p for p in files
                  if is_test_path(p, config.test_patterns) and not p.endswith("conftest.py")]
    return set(config.collection.collected(candidates))


COLLECT_IGNORE = {
    "conftest.py": """
import os

collect_ignore = ["setup.py", "tests/data"]
collect_ignore += ["tests/test_old.py"]
collect_ignore.append("tests/test_broken.py")
collect_ignore_glob = ["*_manual.py"]
""",
    "setup.py": "",
    "tests/test_a.py": TEST,
    "tests/test_old.py": TEST,
    "tests/test_broken.py": TEST,
    "tests/test_slow_manual.py": TEST,
    "tests/data/test_sample.py": TEST,
    # a nearer conftest's list hides the root's: its folder's entries are judged by it alone
    "tests/sub/conftest.py": 'collect_ignore = ("test_legacy.py",)\n',
    "tests/sub/test_legacy.py": TEST,
    "tests/sub/test_kept.py": TEST,
    "tests/sub/test_sub_manual.py": TEST,  # the root's glob still applies (its own name)
}

ADDOPTS = {
    "pytest.ini": "[pytest]\naddopts = --ignore=tests/slow --ignore-glob=*/gen_*.py "
                  "--deselect tests/test_dead.py -p no:cacheprovider --import-mode=importlib "
                  "--rootdir=elsewhere\n",
    "tests/test_a.py": TEST,
    "tests/test_dead.py": TEST,
    "tests/slow/test_s.py": TEST,
    "tests/gen_test.py": TEST,
    "tests/other/test_gen_x.py": TEST,
}

PYTHON_FILES_WITH_A_SLASH = {
    "setup.cfg": "[tool:pytest]\npython_files = check_*.py tests/*_spec.py\n",
    "tests/a_spec.py": TEST,
    "tests/sub/b_spec.py": TEST,
    "pkg/tests/c_spec.py": TEST,
    "other/d_spec.py": TEST,
    "other/check_e.py": TEST,
    "test_dir/helpers_test_like.py": TEST,
}

MONOREPO = {
    "pyproject.toml": '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
    "tests/test_root.py": TEST,
    "packages/a/pyproject.toml": '[tool.pytest.ini_options]\npython_files = ["check_*.py"]\n'
                                 'testpaths = ["tests"]\nnorecursedirs = ["fixtures"]\n',
    "packages/a/tests/check_x.py": TEST,
    "packages/a/tests/test_y.py": TEST,  # neither run: root's testpaths, a's python_files
    "packages/a/tests/fixtures/check_f.py": TEST,
    "packages/a/examples/check_z.py": TEST,
    "packages/a/conftest.py": 'collect_ignore = ["tests/check_skipped.py"]\n',
    "packages/a/tests/check_skipped.py": TEST,
    "packages/b/pyproject.toml": "[project]\nname = 'b'\n",  # no section: the root's run
    "packages/b/tests/test_b.py": TEST,
    "packages/c/tox.ini": "[pytest]\naddopts = --ignore=tests/test_off.py\n",
    "packages/c/tests/test_c.py": TEST,
    "packages/c/tests/test_off.py": TEST,
}


@pytest.mark.parametrize(
    "files",
    [COLLECT_IGNORE, ADDOPTS, PYTHON_FILES_WITH_A_SLASH, MONOREPO],
    ids=["collect_ignore", "addopts", "python_files-slash", "monorepo"],
)
def test_the_filter_keeps_exactly_what_pytest_collects(
    tmp_path: Path, files: dict[str, str]
) -> None:
    root = tmp_path / "repo"
    _write(root, files)
    expected = _oracle(root)
    assert expected  # the tree is worth checking
    assert _ours(root) == expected


UNREADABLE = {
    # a condition it cannot evaluate: the list is unknown, nothing is ignored
    "conftest.py": 'import sys\ncollect_ignore = ["tests/test_a.py"]\n'
                   'if sys.version_info > (3,):\n    collect_ignore.append("tests/test_b.py")\n',
    "tests/test_a.py": TEST,
    "tests/test_b.py": TEST,
    "tests/test_c.py": TEST,
}

WIDENING_HOOK = {
    "pytest.ini": "[pytest]\nnorecursedirs = generated\n",
    "conftest.py": "def pytest_ignore_collect(collection_path, config):\n"
                   "    return False if 'generated' in str(collection_path) else None\n",
    "generated/keep/test_k.py": TEST,
    "generated/test_g.py": TEST,
    "tests/test_a.py": TEST,
}

LOCAL_PLUGIN = {
    "pytest.ini": "[pytest]\naddopts = -p tools.collecting\nnorecursedirs = generated\n",
    "tools/__init__.py": "",
    "tools/collecting.py": "def pytest_ignore_collect(collection_path, config):\n"
                           "    return False if 'generated' in str(collection_path) else None\n",
    "generated/keep/test_k.py": TEST,
    "tests/test_a.py": TEST,
}


@pytest.mark.parametrize(
    "files", [UNREADABLE, WIDENING_HOOK, LOCAL_PLUGIN],
    ids=["condition", "conftest-hook", "plugin-hook"],
)
def test_what_cannot_be_read_keeps_at_least_what_pytest_collects(
    tmp_path: Path, files: dict[str, str]
) -> None:
    root = tmp_path / "repo"
    _write(root, files)
    expected = _oracle(root)
    ours = _ours(root)
    assert expected <= ours
    assert "tests/test_a.py" in ours
