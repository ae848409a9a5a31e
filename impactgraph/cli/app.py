"""The typer application and the one place where errors become exit codes."""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

import typer

from impactgraph.errors import ExitCode, ImpactGraphError

app = typer.Typer(
    name="impactgraph",
    help="What a change to a multi-package Python code base affects.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

_state = {"debug": False}


class FailOn(str, Enum):
    """``--fail-on``: when CI should fail (exit 1)."""

    BROKEN = "broken"
    BREAKING = "breaking"
    GATEWAY = "gateway"
    ANY = "any"

F = TypeVar("F", bound=Callable[..., Any])


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
) -> None:
    """impactgraph: function-level change impact for Python code bases."""
    _state["debug"] = debug or bool(os.environ.get("IMPACTGRAPH_DEBUG"))


def fail(message: str, code: ExitCode) -> typer.Exit:
    typer.echo(f"impactgraph: error: {message}", err=True)
    return typer.Exit(int(code))


def handle_errors(command: F) -> F:
    """Turn our errors into one line on stderr and their exit code; tracebacks only with --debug."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except ImpactGraphError as error:
            if _state["debug"]:
                traceback.print_exc()
            raise fail(str(error), error.exit_code) from None
        except KeyboardInterrupt:
            raise fail("interrupted", ExitCode.BAD_INPUT) from None
        except Exception as error:  # a bug of ours: still one line, unless --debug
            if _state["debug"]:
                traceback.print_exc()
            message = f"internal error: {type(error).__name__}: {error} (rerun with --debug)"
            raise fail(message, ExitCode.BAD_INPUT) from None

    return wrapper  # type: ignore[return-value]


def write_output(text: str, output: str | None) -> None:
    """Results go to stdout, or to ``-o FILE``."""
    if output is None or output == "-":
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        return
    from impactgraph.adapters.fs import write_text_file

    write_text_file(output, text)
