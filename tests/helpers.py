"""Small builders shared by tests: graphs from in-memory source trees."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType

from impactgraph.discovery import discover
from impactgraph.indexer import summarize
from impactgraph.linker import CodeGraph, link
from impactgraph.model import FileSummary


def summaries_of(files: dict[str, str]) -> list[FileSummary]:
    found = discover(files)
    return [summarize(textwrap.dedent(files[f.path]), f.module, f.path) for f in found]


def graph_of(files: dict[str, str]) -> CodeGraph:
    return link(summaries_of(files))


BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load_benchmark(name: str) -> ModuleType:
    """The script ``benchmarks/NAME.py`` as a module (registered, as dataclasses need), with
    ``benchmarks/`` importable for the scripts it imports (``link_reach`` uses ``link_order``)."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def sigint_as_in_a_terminal() -> None:
    """``preexec_fn`` for a child that a test sends Ctrl-C: SIGINT back to its default.

    A shell without job control starts a background job (``pytest ... &``, ``nohup``) with
    SIGINT ignored, its children inherit that, and Python then installs no KeyboardInterrupt
    handler: the child would never see the test's Ctrl-C (the tests hung until their timeout
    in CI runs started that way)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
