"""The progress bar shows on a terminal after a delay, and never anywhere else."""

from __future__ import annotations

import io

from impactgraph.adapters.progress import ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with ProgressBar(10, "Indexing", stream=stream, delay=0) as bar:
        bar.advance(3)
        bar.advance(3)
    assert stream.getvalue() == ""


def test_silent_on_a_terminal_when_the_run_is_short() -> None:
    stream = Terminal()
    with ProgressBar(10, "Indexing", stream=stream, delay=60) as bar:
        bar.advance(5)
    assert stream.getvalue() == ""


def test_shown_on_a_terminal_once_the_run_lasts() -> None:
    stream = Terminal()
    with ProgressBar(10, "Indexing", stream=stream, delay=0) as bar:
        bar.advance(4)
        bar.advance(2)
    assert "Indexing" in stream.getvalue()


def test_disabled_means_silent_even_on_a_terminal() -> None:
    stream = Terminal()
    with ProgressBar(10, "Indexing", stream=stream, delay=0, enabled=False) as bar:
        bar.advance(5)
    assert stream.getvalue() == ""


def test_an_activity_shows_only_on_a_terminal_and_only_when_it_lasts() -> None:
    import time

    from impactgraph.adapters.progress import Activity

    quick, slow, piped = Terminal(), Terminal(), io.StringIO()
    with Activity("Linking", stream=quick, delay=60):
        pass
    with Activity("Linking", stream=piped, delay=0):
        time.sleep(0.2)
    with Activity("Linking", stream=slow, delay=0):
        time.sleep(0.3)
    assert quick.getvalue() == ""
    assert piped.getvalue() == ""
    assert "Linking" in slow.getvalue()
