"""The repository's CODEOWNERS file, read from the head revision (or the working tree).

GitHub uses the first of ``.github/CODEOWNERS``, ``CODEOWNERS`` and ``docs/CODEOWNERS`` it finds;
so do we. A file that cannot be read or decoded counts as absent: owners are a courtesy of the
report, never a reason for it to fail.
"""

from __future__ import annotations

from impactgraph.adapters.git import GitRepo
from impactgraph.errors import GitError
from impactgraph.owners import CODEOWNERS_PATHS, OwnerRule, parse_codeowners


def read_codeowners(git: GitRepo, revision: str | None) -> tuple[OwnerRule, ...]:
    """The rules of the CODEOWNERS file of ``revision`` (None: the working tree)."""
    text = _text(git, revision)
    return parse_codeowners(text) if text is not None else ()


def _text(git: GitRepo, revision: str | None) -> str | None:
    if revision is None:
        found = next((git.root / p for p in CODEOWNERS_PATHS if (git.root / p).is_file()), None)
        if found is None:
            return None
        try:
            return found.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    try:
        files = git.tree_files(revision, suffix="CODEOWNERS")
        blob = next((files[path] for path in CODEOWNERS_PATHS if path in files), None)
        if blob is None:
            return None
        return git.read_blobs([blob])[blob].decode("utf-8")
    except (GitError, UnicodeDecodeError):
        return None
