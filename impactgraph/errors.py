"""One root error; the CLI turns these (and only these) into one line and an exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAIL_ON = 1  # a --fail-on condition holds
    USAGE = 2
    BAD_INPUT = 3  # also: output that cannot be written (a full disk), GitHub refusing
    INTERNAL = 4  # a bug of ours: one line asking for a report
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)


class ImpactGraphError(Exception):
    """Base of every error impactgraph reports to the user."""

    exit_code: ExitCode = ExitCode.BAD_INPUT


class UsageError(ImpactGraphError):
    exit_code = ExitCode.USAGE


class ConfigError(ImpactGraphError):
    """Every problem of a configuration file, collected at once."""

    exit_code = ExitCode.USAGE

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


class GitError(ImpactGraphError):
    """``shallow``: the revision may be missing only because the clone is shallow (the message
    already says how to deepen it)."""

    def __init__(
        self, message: str, revision: str | None = None, *, shallow: bool = False
    ) -> None:
        self.revision = revision
        self.shallow = shallow
        super().__init__(message)


class InputError(ImpactGraphError):
    """An unreadable path or a file we were asked to read that is not there."""

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(message)


class RenderError(ImpactGraphError):
    """A renderer could not produce its output (e.g. Graphviz ``dot`` is missing)."""


class OutputError(ImpactGraphError):
    """The results could not be written (stdout or ``-o FILE``: a full disk, say)."""


class GitHubError(ImpactGraphError):
    def __init__(self, message: str, status: int | None = None) -> None:
        self.status = status
        super().__init__(message)
