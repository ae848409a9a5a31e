"""A star import of a package whose ``__all__`` is built from its submodules' gives every name
those list (Django: ``django.contrib.gis.db.models`` does ``from django.db.models import *``,
whose ``__all__`` is ``aggregates_all + ... + fields_all`` and then ``+= [...]``; only the
names added last were star-imported, and ``models.CharField(...)`` resolved to nothing)."""

from __future__ import annotations

from helpers import graph_of, summaries_of

from impactgraph.model import exported_names

FILES = {
    "pkg/__init__.py": "",
    "pkg/sub/__init__.py": """\
from pkg.sub.fields import *
from pkg.sub.fields import __all__ as fields_all
from pkg.sub.aggregates import *
from pkg.sub import aggregates

__all__ = fields_all + aggregates.__all__
__all__ += ["helper"]


def helper():
    pass


def hidden():
    pass
""",
    "pkg/sub/fields.py": """\
__all__ = ["CharField"]


class CharField:
    def __init__(self, length):
        self.length = length


class Unlisted:
    def __init__(self):
        pass
""",
    "pkg/sub/aggregates.py": """\
__all__ = ["Sum"]


def Sum(x):
    return x
""",
    "pkg/gis.py": "from pkg.sub import *\n",
    "app.py": """\
from pkg import gis


def build():
    gis.CharField(3)
    gis.Sum(1)
    gis.helper()


def beyond():
    gis.hidden()
    gis.Unlisted()
""",
}


def _callees(graph, source: str) -> set[str]:
    return {t for t, kind in graph.successors(source) if kind == "calls"}


def test_a_star_import_gives_what_the_spliced_all_lists() -> None:
    graph = graph_of(FILES)
    assert _callees(graph, "app:build") == {
        "pkg.sub.fields:CharField", "pkg.sub.fields:CharField.__init__",
        "pkg.sub.aggregates:Sum", "pkg.sub:helper"}


def test_names_no_spliced_all_lists_are_not_star_imported() -> None:
    graph = graph_of(FILES)
    assert _callees(graph, "app:beyond") == set()


def test_exported_names_puts_the_parts_together() -> None:
    summaries = {s.module: s for s in summaries_of(FILES)}
    assert exported_names("pkg.sub", summaries.get) == ("helper", "CharField", "Sum")
    assert exported_names("pkg.sub.fields", summaries.get) == ("CharField",)
    assert exported_names("pkg.gis", summaries.get) is None  # it has none


def test_a_spliced_module_that_is_not_ours_or_has_no_all_leaves_it_unknown() -> None:
    files = {
        "pkg/__init__.py": "from outside import __all__ as outside_all\n"
                           "__all__ = ['a'] + outside_all\n",
        "other/__init__.py": "from . import plain\n__all__ = plain.__all__ + ['b']\n",
        "other/plain.py": "X = 1\n",
        "loop/__init__.py": "from . import back\n__all__ = ['c'] + back.__all__\n",
        "loop/back.py": "import loop\n__all__ = ['d'] + loop.__all__\n",
    }
    summaries = {s.module: s for s in summaries_of(files)}
    assert exported_names("pkg", summaries.get) is None
    assert exported_names("other", summaries.get) is None
    # a cycle fails at import; what the rest gives is kept
    assert exported_names("loop", summaries.get) == ("c", "d")
