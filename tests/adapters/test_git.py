"""The git adapter on real repositories built in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from git_support import commit, git, init_repo, write

from impactgraph.adapters.git import GitRepo, PathStatus, blob_id
from impactgraph.errors import ExitCode, GitError


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "repo")
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/a.py": "def f(a):\n    return a\n",
        "README.md": "docs",
        ".gitignore": "ignored.py\n",
    }, tag="v1")
    return root


def test_resolve_names_a_commit(repo: Path) -> None:
    sha = GitRepo(repo).resolve("v1")
    assert sha == git(repo, "rev-parse", "HEAD")
    assert GitRepo(repo / "pkg").root == repo.resolve()


def test_unknown_revision_is_named(repo: Path) -> None:
    with pytest.raises(GitError) as caught:
        GitRepo(repo).resolve("no-such-branch")
    assert str(caught.value) == "unknown revision 'no-such-branch'"
    assert caught.value.revision == "no-such-branch"
    assert caught.value.exit_code is ExitCode.BAD_INPUT


def test_a_repository_without_commits_says_so(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    with pytest.raises(GitError) as caught:
        GitRepo(tmp_path).resolve("HEAD")
    assert str(caught.value) == "unknown revision 'HEAD': the repository has no commits yet"
    assert caught.value.exit_code is ExitCode.BAD_INPUT


@pytest.mark.parametrize(("spec", "kind"), [("HEAD^{tree}", "tree"), ("HEAD:README.md", "blob")])
def test_an_object_that_is_no_commit_is_named(repo: Path, spec: str, kind: str) -> None:
    # `git rev-parse HEAD^{tree}` pasted where a commit is wanted
    object_id = git(repo, "rev-parse", spec)
    with pytest.raises(GitError) as caught:
        GitRepo(repo).resolve(object_id)
    assert str(caught.value) == f"revision '{object_id}' names a {kind}, not a commit"
    assert caught.value.exit_code is ExitCode.BAD_INPUT


@pytest.mark.parametrize("revision", ["", "--all", "HEAD~5"])
def test_odd_revisions_are_unknown(repo: Path, revision: str) -> None:
    with pytest.raises(GitError, match="unknown revision"):
        GitRepo(repo).resolve(revision)


def test_not_a_repository(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    with pytest.raises(GitError, match="not a git repository"):
        GitRepo(tmp_path / "plain")


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="not a directory"):
        GitRepo(tmp_path / "nowhere")


def test_git_not_installed(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-bin"))
    with pytest.raises(GitError, match="git is not installed"):
        GitRepo(repo)


def test_tree_files_lists_python_blobs_only(repo: Path) -> None:
    # a link to a file of the tree is that file under its own name; one out of the tree, or
    # to nothing, is no source of this repository
    os.symlink("a.py", repo / "pkg" / "link.py")
    os.symlink("../../elsewhere.py", repo / "pkg" / "out.py")
    os.symlink("gone.py", repo / "pkg" / "dangling.py")
    commit(repo, {"pkg/b.py": "X = 1\n"})
    files = GitRepo(repo).tree_files("HEAD")
    assert sorted(files) == ["pkg/__init__.py", "pkg/a.py", "pkg/b.py", "pkg/link.py"]
    assert files["pkg/b.py"] == git(repo, "rev-parse", "HEAD:pkg/b.py")
    assert files["pkg/link.py"] == files["pkg/a.py"]


def test_read_blobs_reads_many_at_once(repo: Path) -> None:
    git_repo = GitRepo(repo)
    files = git_repo.tree_files("v1")
    blobs = git_repo.read_blobs([*files.values(), files["pkg/a.py"]])
    assert blobs[files["pkg/a.py"]] == b"def f(a):\n    return a\n"
    assert blobs[files["pkg/__init__.py"]] == b""
    assert git_repo.read_blobs([]) == {}


def test_read_blobs_missing_object(repo: Path) -> None:
    with pytest.raises(GitError, match="missing"):
        GitRepo(repo).read_blobs(["0" * 40])


def test_blob_id_of_known_contents() -> None:
    # printf 'hello\n' | git hash-object --stdin
    assert blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"
    assert blob_id(b"") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"


def test_blob_id_is_git_hash_object(repo: Path) -> None:
    data = (repo / "pkg" / "a.py").read_bytes()
    assert blob_id(data) == git(repo, "hash-object", "pkg/a.py")


def test_changed_paths_detects_renames(repo: Path) -> None:
    git(repo, "mv", "pkg/a.py", "pkg/moved.py")
    commit(repo, {"pkg/c.py": "Y = 2\n", "pkg/__init__.py": "from .moved import f\n"})
    found = GitRepo(repo).changed_paths("v1", "HEAD")
    changes = {(c.status, c.old_path, c.new_path) for c in found}
    assert changes == {
        (PathStatus.RENAMED, "pkg/a.py", "pkg/moved.py"),
        (PathStatus.ADDED, None, "pkg/c.py"),
        (PathStatus.MODIFIED, "pkg/__init__.py", "pkg/__init__.py"),
    }
    assert GitRepo(repo).renames("v1", "HEAD") == {"pkg/a.py": "pkg/moved.py"}


def test_changed_paths_against_the_working_tree(repo: Path) -> None:
    write(repo, {"pkg/a.py": "def f(a, b):\n    return a\n"})
    changes = GitRepo(repo).changed_paths("v1", None)
    assert [(c.status, c.new_path) for c in changes] == [(PathStatus.MODIFIED, "pkg/a.py")]


def test_worktree_paths(repo: Path) -> None:
    write(repo, {"pkg/new.py": "Z = 1\n", "ignored.py": "", "pkg/__init__.py": None})
    git_repo = GitRepo(repo)
    assert sorted(git_repo.worktree_paths()) == ["pkg/a.py", "pkg/new.py"]
    assert git_repo.worktree_files()["pkg/new.py"] == b"Z = 1\n"


def test_a_command_lists_the_working_tree_and_a_commit_once(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(repo, {"pkg/new.py": "Z = 1\n", "ignored.py": "", "pkg/__init__.py": None,
                 "notes.txt": "x"})
    (repo / "pkg" / "link.py").symlink_to(repo / "pkg" / "a.py")
    git_repo = GitRepo(repo)
    sha = git_repo.resolve("v1")
    fresh = GitRepo(repo).tree_files(sha)
    ran: list[str] = []
    run = GitRepo._git

    def counting(self: GitRepo, *args: str, **kwargs: object) -> bytes:
        ran.append(args[0] if args[0] != "-C" else args[2])
        return run(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(GitRepo, "_git", counting)
    for _ in range(2):  # as a fresh object lists them, each time: regular files only
        assert sorted(git_repo.worktree_paths()) == ["pkg/a.py", "pkg/new.py"]
        assert sorted(git_repo.worktree_paths("")) == [
            ".gitignore", "README.md", "notes.txt", "pkg/a.py", "pkg/new.py"]
        assert git_repo.tree_files(sha) == fresh == {
            "pkg/__init__.py": blob_id(b""), "pkg/a.py": blob_id(b"def f(a):\n    return a\n")}
        assert sorted(git_repo.tree_files(sha, "")) == [
            ".gitignore", "README.md", "pkg/__init__.py", "pkg/a.py"]
    assert ran.count("ls-files") == 1
    assert ran.count("ls-tree") == 1


def test_shallow_clone_without_the_base(repo: Path, tmp_path: Path) -> None:
    first = git(repo, "rev-parse", "HEAD")
    commit(repo, {"pkg/b.py": "X = 1\n"})
    commit(repo, {"pkg/b.py": "X = 2\n"})
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    git_repo = GitRepo(clone)
    assert git_repo.is_shallow()
    for revision in (first, "HEAD~2"):
        with pytest.raises(GitError) as caught:
            git_repo.resolve(revision)
        message = str(caught.value)
        assert revision in message
        assert "git fetch --unshallow" in message
        assert "fetch-depth: 0" in message
        assert caught.value.shallow
    assert GitRepo(clone).resolve("HEAD")


def test_merge_base_missing_from_a_shallow_clone_says_how_to_fetch_it(
    repo: Path, tmp_path: Path
) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, {"pkg/b.py": "X = 1\n"})
    git(repo, "checkout", "-q", "main")
    commit(repo, {"pkg/c.py": "Y = 1\n"})
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--no-single-branch", f"file://{repo}",
        str(clone))
    git_repo = GitRepo(clone)
    with pytest.raises(GitError) as caught:
        git_repo.merge_base("origin/feature", "origin/main")
    assert "shallow" in str(caught.value) and "fetch-depth: 0" in str(caught.value)
    assert caught.value.shallow
    assert caught.value.exit_code is ExitCode.BAD_INPUT
    assert GitRepo(repo).merge_base("feature", "main") == git(repo, "rev-parse", "v1")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to give the repository to another user")
def test_a_repository_another_user_owns_says_git_s_remedy(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # CI containers: git refuses a checkout another user owns; its hint (safe.directory) was
    # dropped from the one line
    import pwd

    root = tmp_path / "theirs"
    root.mkdir()
    git(root, "init", "-q")
    nobody = pwd.getpwnam("nobody").pw_uid
    for path in [root, *root.rglob("*")]:
        os.lchown(path, nobody, -1)
    monkeypatch.setenv("HOME", str(tmp_path))  # no safe.directory of this machine's
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    with pytest.raises(GitError) as caught:
        GitRepo(root)
    message = str(caught.value)
    assert "dubious ownership" in message and "\n" not in message
    assert f"git config --global --add safe.directory {root}" in message
