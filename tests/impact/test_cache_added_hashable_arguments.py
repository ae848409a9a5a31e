"""``@functools.lru_cache()`` added: a call still works when every argument is hashable. Known
so from the parameters' annotations before; now also from the arguments themselves: literals,
strings made by builtins or by standard functions returning one, a local variable bound to
such values only. (defopt 6.0 cached ``_parse_docstring``, which it calls with
``inspect.getdoc(func)`` and its tests with a literal or ``inspect.cleandoc(doc)``; all
judged broken.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

DOC = "def parse(doc):\n    return doc.split()\n"
DOC_NOW = "import functools\n\n\n@functools.lru_cache()\ndef parse(doc):\n    return doc.split()\n"


def _broken(tmp_path: Path, body: str) -> set[str]:
    user = ("import inspect\n\nfrom pkg.doc import parse\n\n\ndef first(value, func):\n"
            + body)
    base = {"pkg/__init__.py": "", "pkg/doc.py": DOC, "pkg/user.py": user}
    return broken_modules(impact_between(base, {**base, "pkg/doc.py": DOC_NOW}, tmp_path))


@pytest.mark.parametrize("body", [
    "    return parse('start :py:class:`int` end')\n",
    "    return parse(3)\n",
    "    return parse(None)\n",
    "    return parse(str(value))\n",
    "    return parse(f'{value}!')\n",
    "    text = 'a b'\n    return parse(text)\n",
    "    return parse(inspect.getdoc(func))\n",
    "    return parse(inspect.cleandoc('  a\\n  b'))\n",
    # a class: astropy 6.1 cached ``make_skyoffset_cls``, called with ``frame.__class__``
    "    return parse(value.__class__)\n",
    "    return parse(type(value))\n",
])
def test_hashable_arguments_still_work(body: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, body) == set()


@pytest.mark.parametrize("body", [
    "    return parse(['a', 'b'])\n",
    "    return parse({'a': 1})\n",
    "    items = ['a']\n    return parse(items)\n",
    "    return parse(value)\n",
])
def test_an_argument_not_known_hashable_breaks(body: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, body) == {"pkg.user"}


# A local variable holding a literal the summary keeps no value of (``None``, a number, bytes)
# on the way to the call (``FileSummary.literals``): nltk 3.9 cached ``_get_tagger``, which
# ``switch_p_tagger`` calls after ``lang = "rus"`` or ``lang = None``.
@pytest.mark.parametrize("body", [
    "    if value == 'ru':\n        value = 'rus'\n    else:\n        value = None\n"
    "    return parse(value)\n",
    "    text = None\n    return parse(text)\n",
    "    count = 3\n    return parse(count)\n",
    "    data = b'x'\n    return parse(data)\n",
])
def test_a_local_literal_still_works(body: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, body) == set()


@pytest.mark.parametrize("body", [
    # one way keeps the parameter's value
    "    if value == 'ru':\n        value = None\n    return parse(value)\n",
    # a literal, then a list
    "    text = None\n    if func:\n        text = [func]\n    return parse(text)\n",
    "    count = 1\n    count = [count]\n    return parse(count)\n",
    # stored again by a nested function
    "    text = None\n\n    def fill():\n        nonlocal text\n        text = []\n"
    "    fill()\n    return parse(text)\n",
    # what a loop binds
    "    text = None\n    for text in func:\n        pass\n    return parse(text)\n",
])
def test_a_local_literal_rebound_otherwise_breaks(body: str, tmp_path: Path) -> None:
    assert _broken(tmp_path, body) == {"pkg.user"}
