"""Summaries -> CodeGraph."""

import sys

from impactgraph.linker.graph import CodeGraph
from impactgraph.linker.link import link

__all__ = ["CodeGraph", "compiled", "link"]


def compiled() -> bool:
    """Is the linker the C build mypyc made of it (``setup.py``), not its Python source?
    Its functions then call one another directly: replacing one from outside (a test's
    monkeypatch, an instrumented benchmark) changes nothing."""
    source = getattr(sys.modules["impactgraph.linker.link"], "__file__", None) or ""
    return not source.endswith(".py")
