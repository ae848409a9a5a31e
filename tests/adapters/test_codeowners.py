"""Reading CODEOWNERS from a revision or the working tree, in GitHub's order of places."""

from __future__ import annotations

from pathlib import Path

from git_support import commit, init_repo, write

from impactgraph.adapters.codeowners import read_codeowners
from impactgraph.adapters.git import GitRepo
from impactgraph.owners import owners_of


def test_the_first_file_found_wins_and_the_head_revision_is_read(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"CODEOWNERS": "* @root\n", "docs/CODEOWNERS": "* @docs\n"}, tag="one")
    commit(root, {".github/CODEOWNERS": "*.py @github\n"}, tag="two")
    git = GitRepo(root)
    assert owners_of("a.py", read_codeowners(git, "one")) == ("@root",)
    assert owners_of("a.py", read_codeowners(git, "two")) == ("@github",)
    write(root, {".github/CODEOWNERS": "*.py @worktree\n"})
    assert owners_of("a.py", read_codeowners(git, None)) == ("@worktree",)


def test_no_codeowners_or_an_undecodable_one_means_no_rules(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    commit(root, {"a.py": "x = 1\n"}, tag="one")
    git = GitRepo(root)
    assert read_codeowners(git, "one") == ()
    (root / "CODEOWNERS").write_bytes(b"\xff\xfe* @x\n")
    commit(root, tag="two")
    assert read_codeowners(git, "two") == ()
    assert read_codeowners(git, None) == ()
