"""A version module the build back-end writes from git's tags (hatch-vcs's ``version-file``,
setuptools-scm's ``write_to``/``version_file``, pdm-backend's and versioningit's) is not
removed when a revision leaves it out: installing the project writes it back. (urllib3
2.2.3's sdist left out ``src/urllib3/_version.py``, which 2.2.2's held: taken for a removed
module, all 64 modules importing the package were judged broken.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from git_support import broken_modules, commit, impact_between, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app
from impactgraph.config import build_written_files

HATCH = """
[project]
name = "pkg"
dynamic = ["version"]

[tool.hatch.version]
source = "vcs"

[tool.hatch.build.hooks.vcs]
version-file = "src/pkg/_version.py"
"""
PLAIN = '[project]\nname = "pkg"\nversion = "1.0"\n'
FILES = {
    "src/pkg/__init__.py": "from ._version import __version__\nfrom .core import run\n",
    "src/pkg/_version.py": "__version__ = '1.0'\n",
    "src/pkg/core.py": "from pkg import __version__\n\n\ndef run():\n    return __version__\n",
}


def _report(tmp_path: Path, project: str) -> dict:
    base = {"pyproject.toml": project, **FILES}
    return impact_between(base, {**base, "src/pkg/_version.py": None}, tmp_path)


def test_a_version_module_the_build_writes_is_not_removed(tmp_path: Path) -> None:
    report = _report(tmp_path, HATCH)
    assert broken_modules(report) == set()
    assert report["changes"] == []


def test_a_version_module_nothing_writes_is_removed(tmp_path: Path) -> None:
    report = _report(tmp_path, PLAIN)
    assert broken_modules(report) == {"pkg", "pkg.core"}
    assert [c["kind"] for c in report["changes"]] == ["module-removed"]


def test_the_working_tree_without_the_version_module_is_not_broken(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"pyproject.toml": HATCH, **FILES})
    (root / "src/pkg/_version.py").unlink()
    result = CliRunner().invoke(app, ["impact", "--repo", str(root), "--base", "HEAD",
                                      "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["changes"] == []


@pytest.mark.parametrize(("text", "written"), [
    (HATCH, ("src/pkg/_version.py",)),
    ('[tool.setuptools_scm]\nwrite_to = "pkg/_version.py"\n', ("pkg/_version.py",)),
    ('[tool.setuptools_scm]\nversion_file = "./src/pkg/version.py"\n', ("src/pkg/version.py",)),
    ('[tool.hatch.version.raw-options]\nversion_file = "pkg/_v.py"\n', ("pkg/_v.py",)),
    ('[tool.hatch.build.targets.wheel.hooks.vcs]\nversion-file = "pkg/_v.py"\n', ("pkg/_v.py",)),
    ('[tool.pdm.version]\nsource = "scm"\nwrite_to = "pkg/_version.py"\n',
     ("pkg/_version.py", "src/pkg/_version.py")),
    ('[tool.versioningit.write]\nfile = "src/pkg/_version.py"\n', ("src/pkg/_version.py",)),
    ('[tool.pdm.version]\nwrite_to = "pkg/VERSION.txt"\n', ()),
    (PLAIN, ()),
    ("[tool.setuptools_scm\nwrite_to = ", ()),
])
def test_the_build_written_files_are_read_from_each_back_ends_table(
    text: str, written: tuple[str, ...]
) -> None:
    assert build_written_files(text) == written
