"""The typer application and the one place where errors become exit codes."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from impactgraph.errors import ExitCode, ImpactGraphError, OutputError

# click's own errors (exit 2 for usage errors), whether typer vendors click or depends on it.
_CLICK_ERRORS: tuple[type[Exception], ...] = tuple(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


class _Group(TyperGroup):
    """The root group, whose ``main`` prints click's own errors (a usage error: an unknown
    option or command, a missing or bad value) as one line on stderr, as ours are
    (DESIGN.md), with where to find the help; no command at all still shows the help."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def main(standalone: bool) -> Any:
            return super(_Group, self).main(
                args, prog_name, complete_var, standalone, windows_expand_args, **extra
            )

        if not standalone_mode:
            return main(False)
        try:
            result = main(False)
        except _CLICK_ERRORS as caught:
            error: Any = caught
            if _is_a(error, "NoArgsIsHelpError"):
                error.show()  # the help, not an error line
            else:
                say(f"impactgraph: error: {_click_error_line(error)}")
            sys.exit(error.exit_code)
        except typer.Abort:
            say("Aborted!")
            sys.exit(1)
        # not standalone, click returns what the command returned, or a typer.Exit's code
        sys.exit(result if isinstance(result, int) else int(ExitCode.OK))


def _is_a(error: BaseException, name: str) -> bool:
    return any(c.__name__ == name for c in type(error).__mro__)


def _click_error_line(error: Any) -> str:
    line = " ".join(str(error.format_message()).split())
    # typer checks option values with pydantic, whose messages start "Value error, "
    line = line.replace(": Value error, ", ": ")
    ctx = getattr(error, "ctx", None)
    if _is_a(error, "UsageError") and ctx is not None:
        line += f" (see '{ctx.command_path} --help')"
    return line


app = typer.Typer(
    cls=_Group,
    name="impactgraph",
    help="What a change to a multi-package Python code base affects.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,  # --install-completion / --show-completion
    # Plain help, as click prints it: rich's panels show "<bool>" on every flag, eat
    # "[default: ...]" as markup, and draw boxes that wrap badly in a CI log.
    rich_markup_mode=None,
)

_state = {"debug": False, "quiet": False, "verbose": False, "interrupted": False}


class Color(str, Enum):
    """``--color``: colour in the text report."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


_color = {"mode": Color.AUTO}
# what click prints itself (``_Group.main``), with its codes (usage errors: 2)
_PASS_THROUGH: tuple[type[BaseException], ...] = (
    typer.Exit,
    typer.Abort,
    *_CLICK_ERRORS,
)



F = TypeVar("F", bound=Callable[..., Any])


# The distribution's name: "impactgraph" on PyPI is an unrelated project, whose version must
# never be reported as ours should both be installed.
DISTRIBUTION = "impactgraph-analysis"


def package_version() -> str:
    """The installed distribution's version; the package's own when run from a source tree."""
    from importlib import metadata

    import impactgraph

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return impactgraph.__version__


def _print_version(value: bool) -> None:
    if value:
        write_stdout(f"impactgraph {package_version()}\n")
        raise typer.Exit(int(ExitCode.OK))


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
    version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_print_version,
        help="Print the version and exit.",
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No warnings or notes on stderr (errors only)."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Also say what was done (files, timings) on stderr."
    ),
    color: Annotated[
        Color,
        typer.Option(
            "--color",
            help="Colour in the text report: auto (a terminal, unless NO_COLOR is set; "
            "FORCE_COLOR forces it), always or never.",
        ),
    ] = Color.AUTO,
) -> None:
    """impactgraph: function-level change impact for Python code bases."""
    _state["debug"] = debug or bool(os.environ.get("IMPACTGRAPH_DEBUG"))
    _state["interrupted"] = False
    _stdout["discarded"] = False  # a new run (tests run many in one process)
    if quiet and verbose:
        raise typer.BadParameter("--quiet and --verbose contradict each other")
    _state["quiet"], _state["verbose"] = quiet, verbose
    _color["mode"] = color


def use_color(output: str | None, environ: Mapping[str, str] | None = None) -> bool:
    """Colour for results written to stdout: ``--color`` decides, else NO_COLOR (set and not
    empty: no colour), else FORCE_COLOR (set, not empty and not 0: colour), else a terminal."""
    if output not in (None, "-"):
        return False  # a file never gets escape codes
    mode = _color["mode"]
    if mode is not Color.AUTO:
        return mode is Color.ALWAYS
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return stdout_is_terminal()


def terminal_width(output: str | None) -> int | None:
    """The width text results should fit: the terminal's (COLUMNS first); None (no
    wrapping at all) for a pipe, a file or a CI log, unless COLUMNS says otherwise."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if output in (None, "-") and stdout_is_terminal():
        import shutil

        return shutil.get_terminal_size().columns
    return None


def note(line: str, *, verbose: bool = False) -> None:
    """A warning or a note on stderr: none with ``-q``; ``verbose`` ones only with ``-v``."""
    if _state["quiet"] or (verbose and not _state["verbose"]):
        return
    say(line)


def say(line: str) -> None:
    """One line on stderr; a stderr that cannot take it (closed, full) is not a second error."""
    with contextlib.suppress(OSError, ValueError):
        typer.echo(line, err=True)


def fail(message: str, code: ExitCode) -> typer.Exit:
    say(f"impactgraph: error: {message}")
    return typer.Exit(int(code))


def _one_line(text: str, limit: int = 500) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _os_error_message(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    return f"{reason}: {error.filename}" if error.filename is not None else reason


def _print_traceback() -> None:
    if _state["debug"]:
        with contextlib.suppress(OSError, ValueError):
            traceback.print_exc()


def handle_errors(command: F) -> F:
    """Turn every failure of a command into one line on stderr and its exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except _PASS_THROUGH:
            raise  # click prints these itself, with their codes (usage errors: 2)
        except (Exception, KeyboardInterrupt) as error:
            raise typer.Exit(int(report_error(error))) from None

    return wrapper  # type: ignore[return-value]


def _say_interrupted() -> None:
    if not _state["interrupted"]:
        _state["interrupted"] = True
        say("impactgraph: interrupted")


def report_error(error: BaseException) -> ExitCode:
    """The one line on stderr for ``error`` and its exit code (DESIGN.md).

    Our errors -> their code (2 usage, 3 bad input); an ``OSError`` nobody expected (a full
    disk, a permission) -> 3; Ctrl-C -> 130; anything else is a bug of ours -> 4, asking for
    a report. The traceback only with ``--debug``.
    """
    if isinstance(error, KeyboardInterrupt):
        _say_interrupted()
        return ExitCode.INTERRUPTED
    _print_traceback()
    if isinstance(error, ImpactGraphError):
        say(f"impactgraph: error: {' '.join(str(error).splitlines())}")
        return error.exit_code
    if isinstance(error, OSError):
        say(f"impactgraph: error: {_one_line(_os_error_message(error))}")
        return ExitCode.BAD_INPUT
    detail = _one_line(f"{type(error).__name__}: {error}" if str(error) else type(error).__name__)
    say(
        f"impactgraph: internal error: {detail} "
        "(please report this; run with --debug for the traceback)"
    )
    return ExitCode.INTERNAL


# -- stdout ---------------------------------------------------------------------------------
# Results are the only thing written to stdout, and only through ``write_stdout``. A reader
# that went away (``| head``) is not an error: the rest of the output is dropped and the
# command ends as it would have (its exit code, e.g. 1 for --fail-on, still counts). A stdout
# that cannot take the results (a full disk, /dev/full) is an error: one line, exit 3.

_stdout = {"discarded": False}


def write_stdout(data: str | bytes) -> None:
    stream = sys.stdout
    if stream is None or _stdout["discarded"]:  # None: started with stdout closed (`>&-`)
        return
    try:
        if isinstance(data, bytes):
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        else:
            try:
                stream.write(data)
            except UnicodeEncodeError:
                # A stdout whose encoding cannot hold the text (PYTHONIOENCODING=ascii, a
                # latin-1 locale): the results as UTF-8, as ``-o FILE`` has them.
                stream.flush()
                stream.buffer.write(data.encode("utf-8", "surrogateescape"))
            stream.flush()
    except BrokenPipeError:
        discard_stdout()
    except OSError as error:
        discard_stdout()
        reason = error.strerror or type(error).__name__
        raise OutputError(f"cannot write the results to stdout: {reason}") from None


def stdout_is_terminal() -> bool:
    stream = sys.stdout
    try:
        return stream is not None and not _stdout["discarded"] and stream.isatty()
    except (OSError, ValueError):  # closed
        return False


def discard_stdout() -> None:
    """From now on stdout goes nowhere, so that no later flush (at exit) fails again."""
    _stdout["discarded"] = True
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests' CliRunner)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def write_output(text: str, output: str | None) -> None:
    """Results go to stdout, or to ``-o FILE`` (``-o /dev/stdout`` is stdout too)."""
    from impactgraph.adapters.fs import STDOUT_NAMES, write_text_file

    if output is None or output == "-" or output in STDOUT_NAMES:
        write_stdout(text if text.endswith("\n") or not text else text + "\n")
        return
    write_text_file(output, text)


def run() -> int:
    """The console script: the app, plus what happens outside any command (option parsing,
    the final flush of stdout) mapped the same way."""
    try:
        app()  # standalone mode: always ends in SystemExit
        code: int = ExitCode.OK
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    except (Exception, KeyboardInterrupt) as error:  # outside any command
        code = report_error(error)
    if code == ExitCode.INTERRUPTED:  # click turns a Ctrl-C while parsing into a silent 130
        _say_interrupted()
    try:
        if sys.stdout is not None and not _stdout["discarded"]:
            sys.stdout.flush()
    except BrokenPipeError:
        discard_stdout()
    except OSError as error:
        discard_stdout()
        say(f"impactgraph: error: cannot write the results to stdout: {error.strerror or error}")
        code = code or ExitCode.BAD_INPUT
    return int(code)
