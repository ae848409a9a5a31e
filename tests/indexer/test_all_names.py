"""``__all__`` as the statements that build it give it: literal names, and the modules whose
own ``__all__`` it splices in (``FileSummary.all_from``). Django's ``django.db.models`` builds
its ``__all__`` from five submodules' and then adds a literal; read as the literal alone, its
star importers (``django.contrib.gis.db.models``) lost ``CharField`` and every other name."""

from __future__ import annotations

import textwrap

import pytest

from impactgraph.indexer.api_ast import summarize_api
from impactgraph.indexer.astroid_tree import summarize_astroid

PACKAGE = ("pkg.sub", "pkg/sub/__init__.py")
MODULE = ("pkg.sub.mod", "pkg/sub/mod.py")

# (name, where, source, (all_names, all_from))
CASES = [
    ("a literal", MODULE, '__all__ = ["a", "b"]', (("a", "b"), ())),
    ("a literal extended", MODULE, '__all__ = ["a"]\n__all__ += ("b",)', (("a", "b"), ())),
    ("no __all__", MODULE, "X = 1", (None, ())),
    ("Django's shape: imported __all__s added, then a literal", PACKAGE, """\
        from pkg.sub.fields import __all__ as fields_all
        from .aggregates import __all__ as aggregates_all
        __all__ = aggregates_all + fields_all
        __all__ += ["Model"]
        """, (("Model",), ("pkg.sub.aggregates", "pkg.sub.fields"))),
    ("asyncio's shape: submodules' __all__ by attribute", PACKAGE, """\
        from .events import *
        from . import queues
        import pkg.other.tasks
        import pkg.locks as locks
        __all__ = (events.__all__ + queues.__all__ + pkg.other.tasks.__all__
                   + locks.__all__)
        """, ((), ("pkg.sub.events", "pkg.sub.queues", "pkg.other.tasks", "pkg.locks"))),
    ("extend, append, a starred and a copied list", PACKAGE, """\
        from . import a, b, c
        __all__ = ["x", *a.__all__]
        __all__.extend(list(b.__all__))
        __all__.append("y")
        __all__ += sorted(c.__all__)
        """, (("x", "y"), ("pkg.sub.a", "pkg.sub.b", "pkg.sub.c"))),
    ("itself, added to", PACKAGE, """\
        from . import a
        __all__ = ["x"]
        __all__ = __all__ + a.__all__
        """, (("x",), ("pkg.sub.a",))),
    ("under a condition", PACKAGE, """\
        import sys
        from . import a
        __all__ = ["x"]
        if sys.platform == "win32":
            __all__ += a.__all__
        """, (("x",), ("pkg.sub.a",))),
    # what cannot be read: assigned, __all__ is unknown (every public name, as before) ...
    ("a comprehension", MODULE, '__all__ = [n for n in dir() if not n.startswith("_")]',
     (None, ())),
    ("a call of our own", MODULE, "from .names import public\n__all__ = public()", (None, ())),
    ("a name a plain module never bound", MODULE, "__all__ = sub.__all__ + ['x']", (None, ())),
    ("unknown, then added to", MODULE, "__all__ = make()\n__all__ += ['x']", (None, ())),
    # ... added to, the module's own definitions are spliced in (``exported_names``)
    ("an unreadable augmentation", MODULE, "__all__ = ['x']\n__all__ += make()\n"
     "__all__.extend(more())", (("x",), ("pkg.sub.mod",))),
    ("astropy's shape: an empty list, then a comprehension added", MODULE,
     "__all__: list[str] = []\n_ns = globals()\nmag = 1\n"
     "__all__ += [n for n, v in _ns.items() if isinstance(v, int)]", ((), ("pkg.sub.mod",))),
    ("a readable augmentation after one that is not", MODULE,
     "__all__ = ['x']\n__all__ += make()\n__all__ += ['y']", (("x", "y"), ("pkg.sub.mod",))),
    # a literal's items that are not strings are left out
    ("a literal's items that are not strings", MODULE, "__all__ = ['x', name, *make()]",
     (("x",), ())),
    ("in a function, extend is not the module's", MODULE,
     "__all__ = ['x']\ndef f():\n    __all__.extend(['y'])", (("x",), ())),
]


@pytest.mark.parametrize(("name", "where", "source", "expected"), CASES,
                         ids=[case[0] for case in CASES])
def test_all_names_and_what_they_splice_in(name: str, where: tuple[str, str], source: str,
                                           expected: tuple[object, object]) -> None:
    text = textwrap.dedent(source)
    module, path = where
    full = summarize_astroid(text, module, path)
    api = summarize_astroid(text, module, path, api_only=True)
    walked = summarize_api(text, module, path)
    assert walked is not None
    for summary in (full, api, walked):
        assert (summary.all_names, summary.all_from) == expected
