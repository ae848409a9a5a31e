"""CODEOWNERS: who owns which path, with GitHub's rules (pure; the file is read by an adapter).

GitHub reads the first of ``.github/CODEOWNERS``, ``CODEOWNERS`` and ``docs/CODEOWNERS``. Each
line is a pattern and its owners; ``#`` starts a comment (``\\#`` is a literal ``#``). Patterns
are gitignore-like, without ``!`` negation or ``[...]`` ranges:

- a pattern with a slash at its start or in its middle is anchored at the repository root
  (``/docs/``, ``src/api``); otherwise it matches at any depth (``*.py``, ``apps/``);
- ``*`` matches within one path segment, ``?`` one character of it, ``**`` any number of
  segments;
- a pattern that names a directory owns everything below it; one ending in ``/*`` owns the
  files directly in that directory only (``docs/*`` owns ``docs/a.md``, not ``docs/x/b.md``);
- the LAST matching line wins, and a pattern with no owners leaves the path without owners.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from impactgraph.model import ImpactReport

CODEOWNERS_PATHS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")


@dataclass(frozen=True, slots=True)
class OwnerRule:
    pattern: str
    owners: tuple[str, ...]
    regex: re.Pattern[str]


def parse_codeowners(text: str) -> tuple[OwnerRule, ...]:
    """The rules of a CODEOWNERS file, in file order; lines it cannot use are skipped."""
    rules = []
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            continue
        pattern, *owners = _split(line)
        if pattern.startswith("!") or "[" in pattern:
            continue  # not supported by GitHub: the line is ignored there too
        rules.append(OwnerRule(pattern, tuple(owners), _compile(pattern)))
    return tuple(rules)


def owners_of(path: str, rules: Sequence[OwnerRule]) -> tuple[str, ...]:
    """The owners of ``path`` (relative, ``/``-separated): the last matching rule's."""
    for rule in reversed(rules):
        if rule.regex.match(path):
            return rule.owners
    return ()


def with_owners(report: ImpactReport, rules: Sequence[OwnerRule]) -> ImpactReport:
    """``report`` with each affected module's ``owners`` filled in."""
    if not rules:
        return report
    affected = tuple(replace(m, owners=owners_of(m.path, rules)) for m in report.affected)
    return replace(report, affected=affected)


def reached_owners(owners: Iterable[Sequence[str]]) -> list[str]:
    """Every owner named, once, in order of first appearance."""
    return list(dict.fromkeys(owner for group in owners for owner in group))


# -- helpers ----------------------------------------------------------------------------------


def _strip_comment(line: str) -> str:
    """``line`` up to an unescaped ``#``."""
    for index, char in enumerate(line):
        if char == "#" and (index == 0 or line[index - 1] != "\\"):
            return line[:index]
    return line


def _split(line: str) -> list[str]:
    """Fields split on whitespace, where ``\\ `` is a space inside a pattern."""
    fields = re.split(r"(?<!\\)\s+", line)
    return [field.replace("\\ ", " ").replace("\\#", "#") for field in fields if field]


def _compile(pattern: str) -> re.Pattern[str]:
    anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
    directory = pattern.endswith("/")
    body = pattern.strip("/")
    last = body.rsplit("/", 1)[-1]
    parts: list[str] = []
    index = 0
    while index < len(body):
        if body.startswith("**/", index):
            parts.append("(?:[^/]+/)*")
            index += 3
        elif body.startswith("**", index):
            parts.append(".*")
            index += 2
        elif body[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif body[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(body[index]))
            index += 1
    prefix = "" if anchored else "(?:.*/)?"
    if directory:
        suffix = "/.*"  # only what is inside a directory of that name
    elif "*" in last and last != "**":
        suffix = ""  # "docs/*", "*.py": the files the wildcard names, not what is below them
    else:
        suffix = "(?:/.*)?"  # a file of that name, or everything inside a directory of it
    return re.compile(f"^{prefix}{''.join(parts)}{suffix}$")
