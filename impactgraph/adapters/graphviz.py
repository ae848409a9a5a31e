"""Graphviz's ``dot`` program: the only place that runs it.

Renderers produce DOT text (pure); turning it into SVG or PNG needs the external program, so
that step lives here, with a time limit: ``dot`` can take hours on a dense graph of a few
hundred nodes, and a command that hangs is worse than one that says how to cut the graph down.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
from typing import Literal

from impactgraph.errors import RenderError

ImageFormat = Literal["svg", "png"]

DEFAULT_TIMEOUT = 60.0
INSTALL_HINT = (
    "Graphviz's `dot` program is needed for svg/png: apt-get install graphviz / "
    "brew install graphviz / https://graphviz.org/download/"
)
TOO_SLOW_HINT = "cut the graph down with --focus PATTERN and --depth N, or use --level package"


def dot_available() -> bool:
    return shutil.which("dot") is not None


def render_dot(
    source: str,
    fmt: ImageFormat = "svg",
    timeout: float = DEFAULT_TIMEOUT,
    *,
    hint: str = TOO_SLOW_HINT,
) -> bytes:
    """Lay out ``source`` (DOT text) with ``dot`` and return the image bytes.

    ``hint`` ends the message when the layout exceeds ``timeout`` seconds (the process is
    killed then); callers with other ways to shrink their graph pass their own.
    """
    if fmt not in ("svg", "png"):
        raise ValueError(f"unsupported image format: {fmt}")
    program = shutil.which("dot")
    if program is None:
        raise RenderError(INSTALL_HINT)
    try:
        completed = subprocess.run(
            [program, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:  # subprocess.run has killed dot by now
        raise RenderError(
            f"Graphviz `dot` did not finish the layout within {timeout:g} s; {hint}"
        ) from None
    except OSError as error:
        raise RenderError(f"cannot run Graphviz `dot`: {error.strerror or error}") from error
    if completed.returncode < 0:  # killed: by the kernel out of memory, most often
        raise RenderError(f"Graphviz `dot` was killed by {_signal_name(-completed.returncode)} "
                          f"during the layout; {hint}")
    if completed.returncode != 0:
        raise RenderError(f"Graphviz `dot` failed: {_first_line(completed.stderr)}")
    return completed.stdout


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _first_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", errors="replace").strip()
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "no error message"
