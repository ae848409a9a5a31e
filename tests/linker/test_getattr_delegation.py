"""A ``__getattr__`` that hands the lookup on (``return getattr(self._inner, name)``, the
proxy pattern of file wrappers and timers) gives, for a missing attribute ``x``, the inner
object's ``x``: a bounded lookup, not one by a name nothing is known of (which makes an
unbounded call site, and test selection fails open on those)."""

from __future__ import annotations

import pytest
from helpers import graph_of

from impactgraph.app.callgraph import to_pycg
from impactgraph.linker import CodeGraph

CLASSES = """
class Inner:
    def flush(self): pass
    def secret(self): pass
class Wrapper:
    def __init__(self, inner):
        self._inner = inner
    def __getattr__(self, name):
        {body}
def run():
    Wrapper(Inner()).flush()
"""


def _graph(body: str) -> CodeGraph:
    return graph_of({"main.py": CLASSES.format(body=body)})


@pytest.mark.parametrize("body", [
    "return getattr(self._inner, name)",
    "return getattr(self.inner(), name)\n    def inner(self):\n        return self._inner",
])
def test_a_delegating_getattr_gives_the_inner_attribute_of_that_name(body: str) -> None:
    graph = _graph(body)
    calls = to_pycg(graph)["main.run"]
    assert "main.Inner.flush" in calls
    assert "main.Wrapper.__getattr__" in calls
    assert "main.Inner.secret" not in calls
    assert not [site for site in graph.unbounded_sites if site[0] == "main:run"]


@pytest.mark.parametrize("body", [
    "name = 'x' + name\n        return getattr(self._inner, name)",
    "return getattr(self._inner, self.prefix + name)",
    "return getattr(self._inner, str(name))",
])
def test_a_getattr_by_another_name_stays_unbounded(body: str) -> None:
    graph = _graph(body)
    calls = to_pycg(graph)["main.run"]
    assert "main.Inner.secret" in calls
    assert [site for site in graph.unbounded_sites if site[0] == "main:run"]
