"""A progress bar on stderr for long runs on a terminal; silent in tests, CI and pipes."""

from __future__ import annotations

import sys
import threading
import time
from typing import IO, Any

# A bar that would flash for a fraction of a second only distracts: show it after this long.
DELAY_SECONDS = 1.0


class ProgressBar:
    """``advance()`` as work completes; the bar appears once the run has lasted ``delay``."""

    def __init__(
        self,
        total: int,
        description: str,
        *,
        enabled: bool = True,
        stream: IO[str] | None = None,
        delay: float = DELAY_SECONDS,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.description = description
        self.enabled = enabled and total > 0 and _is_terminal(self.stream)
        self.delay = delay
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self.started < self.delay or self.done >= self.total:
                return
            self._show()
        self._bar.update(self._task, completed=self.done)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            transient=True,
        )
        self._task = self._bar.add_task(self.description, total=self.total, completed=self.done)
        self._bar.start()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class Activity:
    """A spinner and a label for work without steps to count (linking), on a terminal only,
    once the work has lasted ``delay``."""

    def __init__(
        self,
        label: str,
        *,
        enabled: bool = True,
        stream: IO[str] | None = None,
        delay: float = DELAY_SECONDS,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and _is_terminal(self.stream)
        self.delay = delay
        self._lock = threading.Lock()
        self._done = False
        self._status: Any = None
        self._timer: threading.Timer | None = None

    def __enter__(self) -> Activity:
        if self.enabled:
            self._timer = threading.Timer(self.delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _show(self) -> None:
        from rich.console import Console

        with self._lock:
            if not self._done:
                self._status = Console(file=self.stream).status(self.label)
                self._status.start()

    def __exit__(self, *exc_info: object) -> None:
        with self._lock:
            self._done = True
            if self._timer is not None:
                self._timer.cancel()
            if self._status is not None:
                self._status.stop()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or exotic stream
        return False
