"""``@functools.lru_cache()`` added: a call breaks when it surely hands the function a value
that cannot be hashed (the cache's wrapper raises ``TypeError``): a list, set or dict made
there, a variable bound to one on some path, an instance of a class comparing by value, any
value for a parameter annotated with such a type. A value that may be anything (a parameter
handed on, an outside constant) is not judged: releases add caches to functions whose
callers hand them hashable values (defopt 6.0's ``_parse_docstring``, nltk 3.9's
``_get_tagger``, astropy 6.1's ``Angle._convert_unit_to_angle_unit`` called with
``u.degree``, which broke 777 modules by the earlier rule, that only a value known to be
hashable was safe)."""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

DOC = "def parse(doc, *rest, **options):\n    return doc.split()\n"
DOC_NOW = ("import functools\n\n\n@functools.lru_cache()\n"
           "def parse(doc, *rest, **options):\n    return doc.split()\n")


def _broken(tmp_path: Path, body: str, doc: str = DOC, doc_now: str = DOC_NOW) -> set[str]:
    user = ("import collections\nimport inspect\nimport os\n\nfrom pkg.conf import SHARED\n"
            "from pkg.doc import parse\n\nDEFAULTS = {'a': 1}\nNAMES = ('a', 'b')\n\n\n"
            "def first(value, func, **options):\n" + body)
    conf = "SHARED = ['a']\nFIXED = 'a'\n"
    base = {"pkg/__init__.py": "", "pkg/doc.py": doc, "pkg/conf.py": conf, "pkg/user.py": user}
    return broken_modules(impact_between(base, {**base, "pkg/doc.py": doc_now}, tmp_path))


@pytest.mark.parametrize("body", [
    "    return parse('start :py:class:`int` end')\n",
    "    return parse(3)\n",
    "    return parse(None)\n",
    "    return parse(str(value))\n",
    "    return parse(f'{value}!')\n",
    "    text = 'a b'\n    return parse(text)\n",
    "    return parse(inspect.getdoc(func))\n",
    "    return parse(value.__class__)\n",
    "    return parse(type(value))\n",
    "    return parse((1, 2), frozenset(value), tuple(value))\n",
    "    return parse(x for x in value)\n",
    "    return parse(NAMES)\n",
    "    return parse(os.sep)\n",
    "    return parse()\n",
    # a value not known: a parameter handed on, what a loop binds, a branch keeping one
    "    return parse(value)\n",
    "    return parse(value, doc=func, key=options.get('a'))\n",
    "    text = None\n    for text in func:\n        pass\n    return parse(text)\n",
    "    if value == 'ru':\n        value = None\n    return parse(value)\n",
])
def test_a_call_handing_no_unhashable_value_still_works(body: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, body) == set()


@pytest.mark.parametrize("body", [
    "    return parse(['a', 'b'])\n",
    "    return parse({'a': 1})\n",
    "    return parse({value})\n",
    "    return parse([x for x in value])\n",
    "    return parse({x: 1 for x in value})\n",
    "    return parse(list(value))\n",
    "    return parse(sorted(value))\n",
    "    return parse(dict(a=value))\n",
    "    return parse(collections.OrderedDict())\n",
    "    return parse('a', [value])\n",  # into ``*rest``: the key holds the tuple of them
    "    return parse('a', key=[value])\n",  # into ``**options``
    "    return parse(options)\n",  # the ``**options`` mapping itself
    "    items = ['a']\n    return parse(items)\n",
    "    return parse(DEFAULTS)\n",  # a module variable bound to a dict
    "    return parse(SHARED)\n",  # one of another module, imported by name
    # a literal, then a list on some path
    "    text = None\n    if func:\n        text = [func]\n    return parse(text)\n",
    "    count = 1\n    count = [count]\n    return parse(count)\n",
    # stored again by a nested function
    "    text = None\n\n    def fill():\n        nonlocal text\n        text = []\n"
    "    fill()\n    return parse(text)\n",
])
def test_a_call_handing_an_unhashable_value_breaks(body: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, body) == {"pkg.user"}


ANNOTATED = "def parse(doc: 'list[str]', other: 'dict | None' = None):\n    return doc\n"


@pytest.mark.parametrize(("body", "broken"), [
    # any value for ``doc``, annotated ``list[str]``, is a list
    ("    return parse(value)\n", {"pkg.user"}),
    ("    return parse(doc=value)\n", {"pkg.user"}),
    # ``other`` may be None
    ("    return parse(*value, other=value)\n", set()),
])
def test_a_parameter_annotated_with_an_unhashable_type(body: str, broken: set[str],
                                                       tmp_path: Path) -> None:
    doc_now = "import functools\n\n\n@functools.cache\n" + ANNOTATED
    assert _broken(tmp_path, body, ANNOTATED, doc_now) == broken


def test_optional_and_sequence_annotations_are_not_surely_unhashable(tmp_path: Path) -> None:
    annotated = ("def parse(doc: 'list[str] | None' = None, *, seq: 'Sequence[int]' = (),"
                 " other: 'dict | None' = None):\n    return doc\n")
    doc_now = "import functools\n\n\n@functools.cache\n" + annotated
    body = "    return parse(value, seq=func, other=value)\n"
    assert _broken(tmp_path, body, annotated, doc_now) == set()
