"""A base call the head replaced breaks nothing, even where the head's code still spells the
changed method's name in a call the linker links to the method of that name of another,
unrelated class of ours, read straight off that class (``Other.__init__(self, ...)``). A
call of the changed method kept in the head, or one read off its own class, is judged.

nltk 3.8.1 -> 3.9 dropped ``@py3_data`` (a wrapper of ours rewriting the path argument) from
``LazyLoader.__init__``; ``PortugueseCategorizedPlaintextCorpusReader.__init__`` traded its
``nltk.data.LazyLoader(...)`` for ``PunktTokenizer(...)`` and still calls
``CategorizedCorpusReader.__init__(self, kwargs)``: it was judged broken by the call it no
longer makes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

COMPAT = """\
from functools import wraps


def py3_data(init_func):
    def _decorator(*args, **kwargs):
        args = (args[0], args[1] + "/PY3") + args[2:]
        return init_func(*args, **kwargs)

    return wraps(init_func)(_decorator)
"""

DATA = """\
from compat import py3_data


class LazyLoader:
    {decorator}
    def __init__(self, _path):
        self._path = _path
"""

API = """\
class CategorizedReader:
    def __init__(self, kwargs):
        self.kwargs = kwargs


class Tokenizer:
    def __init__(self, lang):
        self.lang = lang
"""

READER = """\
import data
{imports}


class PortugueseReader(CategorizedReader):
    def __init__(self, *args, **kwargs):
        CategorizedReader.__init__(self, kwargs)
        kwargs["tokenizer"] = {made}
"""

LAZY = 'data.LazyLoader("tokenizers/punkt/portuguese.pickle")'


def _files(*, decorated: bool, made: str, imports: str) -> dict[str, str]:
    return {"compat.py": COMPAT, "api.py": API,
            "data.py": DATA.format(decorator="@py3_data" if decorated else ""),
            "reader.py": READER.format(imports=imports, made=made)}


def _required(files: dict[str, str]) -> dict[str, str]:
    """``LazyLoader.__init__`` takes a required ``lang`` too: a kept call breaks."""
    return {**files, "data.py": files["data.py"].replace("(self, _path)", "(self, _path, lang)")}


@pytest.mark.parametrize("imports", ["from api import *",
                                     "from api import CategorizedReader, Tokenizer"])
def test_a_call_the_head_replaced_breaks_nothing(tmp_path: Path, imports: str) -> None:
    base = _files(decorated=True, made=LAZY, imports=imports)
    head = _files(decorated=False, made='Tokenizer("portuguese")', imports=imports)
    report = impact_between(base, head, tmp_path)
    assert ("data:LazyLoader.__init__", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_required_parameter_added_breaks_only_a_call_the_head_keeps(tmp_path: Path) -> None:
    imports = "from api import *"
    base = _files(decorated=False, made=LAZY, imports=imports)
    replaced = _required(_files(decorated=False, made='Tokenizer("pt")', imports=imports))
    assert broken_modules(impact_between(base, replaced, tmp_path / "replaced")) == set()
    kept = _required(_files(decorated=False, made=LAZY, imports=imports))
    assert broken_modules(impact_between(base, kept, tmp_path / "kept")) == {"reader"}


SUBCLASS = """\
from data import LazyLoader


class Loader(LazyLoader):
    def __init__(self, path):
        LazyLoader.__init__(self, path)
"""


def test_the_method_read_off_the_class_itself_still_breaks(tmp_path: Path) -> None:
    base = {**_files(decorated=False, made=LAZY, imports="from api import *"),
            "loader.py": SUBCLASS}
    head = _required({**_files(decorated=False, made='Tokenizer("pt")',
                               imports="from api import *"), "loader.py": SUBCLASS})
    assert broken_modules(impact_between(base, head, tmp_path)) == {"loader"}
