"""Small builders shared by tests: graphs from in-memory source trees."""

from __future__ import annotations

import textwrap

from impactgraph.discovery import discover
from impactgraph.indexer import summarize
from impactgraph.linker import CodeGraph, link
from impactgraph.model import FileSummary


def summaries_of(files: dict[str, str]) -> list[FileSummary]:
    found = discover(files)
    return [summarize(textwrap.dedent(files[f.path]), f.module, f.path) for f in found]


def graph_of(files: dict[str, str]) -> CodeGraph:
    return link(summaries_of(files))
