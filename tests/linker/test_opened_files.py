"""What ``open()`` and the standard library's other file openers return is a file object of
the standard library, never one of ours: a method call on it is an outside call, not an
unresolved one (which test selection fails open on by the method's name)."""

from __future__ import annotations

import pytest
from helpers import graph_of

OURS = """
import io, os, codecs, gzip
from io import open as io_open
class Stream:
    def write(self, data): pass
    def read(self): pass
"""


@pytest.mark.parametrize("opened", [
    'open("x", "wb")', "os.fdopen(fd, 'wb')", 'io.open("x")', 'io_open("x")',
    'codecs.open("x", "w", "utf-8")', 'gzip.open("x")',
])
def test_a_method_of_an_opened_file_is_an_outside_call(opened: str) -> None:
    source = OURS + f"""
def save(fd):
    with {opened} as f:
        f.write(b"")
    handle = {opened}
    handle.read()
    handle.close()
"""
    graph = graph_of({"main.py": source})
    assert not graph.unresolved_names.get("main:save")
    assert not any(t.startswith("main:Stream") for t, _ in graph.successors("main:save"))


def test_an_unknown_function_result_stays_unresolved() -> None:
    source = OURS + """
import shelve
def save(path):
    shelve.open(path).write(b"")
"""
    graph = graph_of({"main.py": source})
    assert graph.unresolved_names.get("main:save") == {"write"}


@pytest.mark.parametrize("opened", [
    'pathlib.Path(path).open("w")', 'Path(path).open()', 'tempfile.NamedTemporaryFile("w")',
    'tokenize.open(path)', 'bz2.open(path)', 'lzma.open(path)',
])
def test_other_openers_of_the_standard_library(opened: str) -> None:
    source = OURS + f"""
import pathlib, tempfile, tokenize, bz2, lzma
from pathlib import Path
def save(path):
    {opened}.close()
    with {opened} as f:
        f.write("")
"""
    graph = graph_of({"main.py": source})
    assert not graph.unresolved_names.get("main:save")
    assert not any(t.startswith("main:Stream") for t, _ in graph.successors("main:save"))


def test_a_file_opened_on_an_object_of_ours_may_call_it_back() -> None:
    source = OURS + """
def save():
    gzip.open(fileobj=Stream()).write(b"")
"""
    graph = graph_of({"main.py": source})
    assert not graph.unresolved_names.get("main:save")
    assert "main:Stream.write" in {t for t, _ in graph.successors("main:save")}


def test_an_open_of_our_own_is_not_the_builtin() -> None:
    source = OURS + """
def open(path):
    return Stream()
def save(path):
    open(path).write(b"")
"""
    graph = graph_of({"main.py": source})
    assert "main:Stream.write" in {t for t, _ in graph.successors("main:save")}
