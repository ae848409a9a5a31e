"""Git histories built inside ``tmp_path``, working without a global git identity."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.invalid",
    "GIT_COMMITTER_NAME": "Test Committer",
    "GIT_COMMITTER_EMAIL": "committer@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
         "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args],
        cwd=root,
        env={**os.environ, **IDENTITY},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {completed.stderr}")
    return completed.stdout.strip()


def init_repo(root: Path) -> Path:
    """An empty repository on branch ``main`` (``git init -b`` is too new for some gits)."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q")
    git(root, "checkout", "-q", "-b", "main")
    return root


def write(root: Path, files: Mapping[str, str | None]) -> None:
    """Write (or, for None, delete) files; sources are dedented."""
    for relative, text in files.items():
        path = root / relative
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def commit(
    root: Path, files: Mapping[str, str | None] | None = None, message: str = "change",
    tag: str | None = None,
) -> str:
    if files:
        write(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)
    if tag:
        git(root, "tag", tag)
    return git(root, "rev-parse", "HEAD")


def edited_repo(root: Path, base: Mapping[str, str], path: str, old: str, new: str) -> Path:
    """A repository at ``root`` holding ``base`` (tag ``base``), then a commit replacing
    ``old`` (which must be there) by ``new`` in ``path``."""
    init_repo(root)
    commit(root, dict(base), message="base", tag="base")
    assert old in base[path]
    commit(root, {path: base[path].replace(old, new)})
    return root


def impact_between(base: Mapping[str, str | None], head: Mapping[str, str | None],
                   tmp_path: Path) -> dict[str, Any]:
    """``impact --format json`` of a repository whose two commits (tags ``base`` and
    ``head``) hold ``base`` and ``head``."""
    from typer.testing import CliRunner

    from impactgraph.cli import app

    root = init_repo(tmp_path / "repo")
    commit(root, base, tag="base")
    commit(root, head, tag="head")
    result = CliRunner().invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                                      "head", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def broken_modules(report: Mapping[str, Any]) -> set[str]:
    """The affected modules a report judges broken."""
    return {a["module"] for a in report["affected"] if a["breaking"]}


def copy_fixture(source: Path, target: Path) -> None:
    """A fixture tree copied into ``target`` without what running the tool or Python on the
    fixture itself leaves there (its ``.impactgraph`` cache, bytecode): a copied cache would
    answer the test's first run."""
    shutil.copytree(source, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".impactgraph", "__pycache__"))
