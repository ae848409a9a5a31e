"""``impactgraph changes``: every interface change between two revisions, breaking ones first."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from impactgraph.adapters.git import GitRepo
from impactgraph.app.changes import compute_changes
from impactgraph.cli.app import app, handle_errors, write_output
from impactgraph.cli.options import (
    CacheDirOption,
    JobsOption,
    NoCacheOption,
    command_session,
    output_path,
)
from impactgraph.config import load_config
from impactgraph.model import ChangeSet
from impactgraph.render.report_summary import location, old_new

_HERE = Path(".")


class ChangesFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


@app.command()
@handle_errors
def changes(
    base: Annotated[str, typer.Option("--base", metavar="REV", help="The old revision.")],
    repo: Annotated[Path, typer.Option("--repo", help="The git repository to analyse.")] = _HERE,
    head: Annotated[
        str | None,
        typer.Option("--head", metavar="REV", help="The new revision. Default: the working tree."),
    ] = None,
    output_format: Annotated[
        ChangesFormat, typer.Option("--format", help="text or json.")
    ] = ChangesFormat.TEXT,
    output: Annotated[
        str | None, typer.Option("-o", "--output", metavar="FILE", callback=output_path,
                                 help="Write here, not stdout.")
    ] = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    cache_dir: CacheDirOption = None,
) -> None:
    """Signature, surface and body changes from BASE to HEAD, each with its breaking verdict.

    With --head omitted the working tree is compared, untracked (not ignored) files included;
    the report then names the head "WORKTREE".
    """
    git = GitRepo(repo)
    config = load_config(git.root)
    with command_session(git.root, jobs, no_cache, cache_dir) as session:
        result = compute_changes(git, base, head, config, session=session, api_only=True)
    if output_format is ChangesFormat.JSON:
        text = json.dumps(changeset_to_dict(result.changes), indent=2) + "\n"
    else:
        text = render_text(result.changes)
    write_output(text, output)


def changeset_to_dict(change_set: ChangeSet) -> dict[str, Any]:
    """The ``changes --format json`` document of DESIGN.md, keys in contract order; a change
    and a warning are spelled as in the impact report."""
    from impactgraph.render.report_json import SCHEMA_VERSION, changes_to_dict, warnings_to_dict

    return {
        "schema_version": SCHEMA_VERSION,
        "base": change_set.base,
        "head": change_set.head,
        "changes": changes_to_dict(change_set.changes),
        "warnings": warnings_to_dict(change_set.warnings),
    }


def render_text(change_set: ChangeSet) -> str:
    """Breaking changes first, then the others; each group in path and line order."""
    breaking = [c for c in change_set.changes if c.breaking]
    other = [c for c in change_set.changes if not c.breaking]
    base, head = change_set.base, change_set.head
    if change_set.base_commit:
        base += f" (merge base {change_set.base_commit[:7]})"
    if change_set.head_commit:
        head += f" ({change_set.head_commit[:7]})"
    lines = [f"Changes from {base} to {head}: "
             f"{len(change_set.changes)} ({len(breaking)} breaking)"]
    for title, group in (("Breaking", breaking), ("Not breaking", other)):
        if not group:
            continue
        lines += ["", f"{title} ({len(group)}):"]
        for change in group:
            detail = f"  [{change.detail}]" if change.detail else ""
            sides = old_new(change)
            if sides is not None:
                detail += f"  {sides}"
            where = location(change.path, change.line)
            lines.append(f"  {change.kind.value:<28} {change.symbol}{detail}  ({where})")
    if change_set.warnings:
        lines += ["", f"Warnings ({len(change_set.warnings)}):"]
        lines += [f"  {w.path}: {w.message}" for w in change_set.warnings]
    if not change_set.changes:
        lines += ["", "No changes."]
    return "\n".join(lines) + "\n"
