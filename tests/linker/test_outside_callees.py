"""A call whose callee may be many outside things (``obj.setComponent`` where ``obj`` holds
outside objects of many paths) hands its arguments over to outside code, and asks an outside
receiver's hooks, once per outside key (see ``_link_call``), not once per outside value: the
edges are the same, the work is not (pyasn1: 513 outside values at one site)."""

from __future__ import annotations

import importlib

import pytest
from helpers import graph_of

from impactgraph.linker import compiled

link = importlib.import_module("impactgraph.linker.link")

SOURCE = """
import json
import decimal
import fractions


class Item:
    def __str__(self):
        return "item"


def pick(flag):
    if flag == 1:
        return json.JSONDecoder()
    if flag == 2:
        return decimal.Context()
    return fractions.Fraction()


def use(flag):
    pick(flag).handle(Item())
"""


@pytest.mark.skipif(compiled(), reason="counts calls through a replaced function: the "
                    "compiled linker calls its own")
def test_arguments_are_handed_over_once_per_outside_key(monkeypatch) -> None:
    seen: list[str] = []
    original = link._link_handed_over

    def counting(graph, resolver, site, only=None, receivers=None, **options):
        if site.scope == "pkg.mod:use" and not site.implicit:
            seen.append(site.scope)
        return original(graph, resolver, site, only, receivers, **options)

    monkeypatch.setattr(link, "_link_handed_over", counting)
    graph = graph_of({"pkg/__init__.py": "", "pkg/mod.py": SOURCE})
    assert len(seen) == 1  # ``.handle``, whose callee is three outside methods
    # the object handed over still counts as called back (its __str__)
    assert "pkg.mod:Item.__str__" in {t for t, k in graph.successors("pkg.mod:use")
                                       if k == "calls"}
