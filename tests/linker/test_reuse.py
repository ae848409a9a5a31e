"""Reusing a linked graph (``linker.reuse``) gives exactly what linking the new tree does: on
the fixtures, on generated edit sequences, and on this repository's own code and history."""

from __future__ import annotations

import ast
import dataclasses
import json
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impactgraph.discovery import discover
from impactgraph.indexer import summarize
from impactgraph.linker import CodeGraph, link
from impactgraph.linker.reuse import IGNORED_FIELDS, line_map, relocated
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict
from impactgraph.model import FileSummary

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


def tree_of(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.py"))
    }


_SUMMARIES: dict[tuple[str, str, str], FileSummary] = {}


def summaries_of(files: dict[str, str]) -> list[FileSummary]:
    found = []
    for f in discover(files):
        key = (f.path, f.module, files[f.path])
        if key not in _SUMMARIES:
            _SUMMARIES[key] = summarize(files[f.path], f.module, f.path)
        found.append(_SUMMARIES[key])
    return found


def stored(graph: CodeGraph) -> CodeGraph:
    """``graph`` as a run reads it from its snapshot: its rows, no networkx graph."""
    found = graph_from_dict(json.loads(json.dumps(graph_to_dict(graph))))
    assert found is not None
    assert found.stored_rows() is not None
    return found


def incremental(previous: CodeGraph, old: Sequence[FileSummary], new: Sequence[FileSummary],
                from_store: bool = False) -> tuple[CodeGraph, bool]:
    """The new tree's graph from the old one's when the linker's facts allow; whether it was
    reused. ``previous`` is consumed; ``from_store``: read back from its snapshot first (the
    rows are relocated, as ``index`` does)."""
    if from_store:
        previous = stored(previous)
    if [s.module for s in old] == [s.module for s in new]:
        changed = {b.module: (a, b) for a, b in zip(old, new, strict=True) if a != b}
        found = relocated(previous, changed)
        if found is not None:
            return found, True
    return link(new), False


def assert_same(got: CodeGraph, want: CodeGraph) -> None:
    # the snapshot's bytes: a stored graph writes its rows, a linked one its networkx graph
    assert json.dumps(graph_to_dict(got)) == json.dumps(graph_to_dict(want))
    if got.stored_rows() is None:  # a graph read from a snapshot has no summaries
        assert got.summaries == want.summaries
    assert got.unresolved_calls == want.unresolved_calls


def middle_statement(text: str) -> int:
    """The line index before the middle top-level statement (its decorators included): a
    comment put there moves the lines below and changes nothing else, where the middle line
    of the file may be inside a string."""
    body = ast.parse(text).body
    if not body:
        return 0
    node = body[len(body) // 2]
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)]) - 1


def insert_lines(text: str, where: int, lines: Sequence[str]) -> str:
    rows = text.splitlines(keepends=True)
    where = min(where, len(rows))
    return "".join([*rows[:where], *(line + "\n" for line in lines), *rows[where:]])


# -- fixtures -----------------------------------------------------------------------------


@pytest.mark.parametrize("from_store", [False, True])
@pytest.mark.parametrize("fixture", ["shop", "flat"])
def test_moved_lines_in_every_module_of_a_fixture_reuse_the_graph_exactly(fixture: str,
                                                                          from_store: bool):
    files = tree_of(FIXTURES / fixture)
    old = summaries_of(files)
    for path in sorted(files):
        text = files[path]
        # a comment at the top and a blank line in the middle: every later line moves
        edited = insert_lines(insert_lines(text, len(text.splitlines()) // 2, [""]), 0,
                              ["# moved"])
        new = summaries_of({**files, path: edited})
        got, reused = incremental(link(old), old, new, from_store)
        assert_same(got, link(new))
        if (FIXTURES / fixture / path).stat().st_size and _parses(edited):
            assert reused, path


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except SyntaxError:
        return False
    return True


def test_a_new_call_is_a_change_of_facts():
    files = tree_of(FIXTURES / "shop")
    old = summaries_of(files)
    path = next(p for p in sorted(files) if "def " in files[p])
    edited = files[path] + "\n\ndef added_by_a_test(value):\n    return print(value)\n"
    new = summaries_of({**files, path: edited})
    got, reused = incremental(link(old), old, new)
    assert not reused
    assert_same(got, link(new))


def test_a_split_line_is_a_change_of_facts():
    old_files = {"m.py": "def f():\n    return 1\n\ndef g():\n    f(); f()\n"}
    new_files = {"m.py": "def f():\n    return 1\n\ndef g():\n    f()\n    f()\n"}
    (old,), (new,) = summaries_of(old_files), summaries_of(new_files)
    assert line_map(old, new) is None


def test_a_function_growing_past_the_context_limit_is_a_change_of_facts():
    short = "def ident(x):\n    y = x\n    return y\n\ndef use():\n    return ident(use)\n"
    long = short.replace("    return y\n", "    # pad\n" * 50 + "    return y\n", 1)
    (old,), (new,) = summaries_of({"m.py": short}), summaries_of({"m.py": long})
    # comments only, yet a long function is no longer followed per call
    assert line_map(old, new) is None


def test_a_docstring_growing_past_the_context_limit_is_not_a_change_of_facts():
    short = 'def ident(x):\n    """Doc."""\n    return x\n\ndef use():\n    return ident(use)\n'
    long = short.replace('"""Doc."""', '"""Doc.\n' + "    more\n" * 50 + '    """', 1)
    (old,), (new,) = summaries_of({"m.py": short}), summaries_of({"m.py": long})
    # the docstring is not code: the function is still followed per call, lines moved
    mapping = line_map(old, new)
    assert mapping is not None and mapping[5] == 56


def test_the_linker_names_none_of_the_ignored_fields():
    # "value", "bases", "attributes" and "default" name other things too: see the next test
    names = {name for fields in IGNORED_FIELDS.values() for name in fields} - {
        "value", "bases", "attributes", "default"}
    for source in sorted((ROOT / "impactgraph" / "linker").glob("*.py")):
        if source.name == "reuse.py":
            continue
        tree = ast.parse(source.read_text(encoding="utf-8"))
        read = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        read |= {node.value for node in ast.walk(tree)
                 if isinstance(node, ast.Constant) and isinstance(node.value, str)}
        assert not names & read, (source.name, names & read)


def _scrambled(value: object) -> object:
    """Every ignored field given another value, recursively."""
    if isinstance(value, tuple):
        return tuple(_scrambled(v) for v in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, object] = {}
    for field in dataclasses.fields(value):
        item = getattr(value, field.name)
        if field.name in IGNORED_FIELDS.get(type(value), ()):
            if isinstance(item, bool):
                changes[field.name] = not item
            elif isinstance(item, tuple):
                changes[field.name] = () if item else ("scrambled",)
            else:
                changes[field.name] = "scrambled" if item is None else None
        else:
            changes[field.name] = _scrambled(item)
    return dataclasses.replace(value, **changes)


@pytest.mark.parametrize("folder", [FIXTURES / "shop", ROOT / "impactgraph"])
def test_the_ignored_fields_change_nothing_the_linker_makes(folder: Path):
    summaries = summaries_of(tree_of(folder))
    scrambled = [cast(FileSummary, _scrambled(s)) for s in summaries]
    assert scrambled != summaries
    assert graph_to_dict(link(scrambled)) == graph_to_dict(link(summaries))


# -- generated edit sequences ---------------------------------------------------------------

SHOP = tree_of(FIXTURES / "shop")
SHOP_PATHS = sorted(SHOP)
EDITS = st.tuples(
    st.sampled_from(SHOP_PATHS),
    st.integers(min_value=0, max_value=200),  # the line edited
    st.sampled_from(["blank", "comment", "drop-blank", "literal", "pass", "call", "join"]),
)


def apply_edit(text: str, where: int, kind: str) -> str:
    rows = text.splitlines(keepends=True)
    where = min(where, len(rows))
    if kind == "blank":
        return insert_lines(text, where, [""])
    if kind == "comment":
        return insert_lines(text, where, ["# a comment"])
    if kind == "drop-blank":  # the first blank line from ``where`` on
        for index in range(where, len(rows)):
            if not rows[index].strip():
                return "".join(rows[:index] + rows[index + 1:])
        return text
    if kind == "literal":  # the first number from ``where`` on, changed
        for index in range(where, len(rows)):
            changed = re.sub(r"\b(\d+)\b", lambda m: str(int(m.group(1)) + 7), rows[index],
                             count=1)
            if changed != rows[index]:
                return "".join([*rows[:index], changed, *rows[index + 1:]])
        return text
    if kind == "pass":  # a statement that binds and calls nothing, in a body when indented
        if where < len(rows):
            indent = re.match(r"[ \t]*", rows[where]).group(0)  # type: ignore[union-attr]
            return insert_lines(text, where, [indent + "pass"])
        return text + "pass\n"
    if kind == "call":
        return text + "\nprint(len([]))\n"
    # "join": a line joined to the next one (usually a syntax error, or one line for two)
    if where + 1 < len(rows):
        return "".join([*rows[:where], rows[where].rstrip("\n") + "; " + rows[where + 1].lstrip(),
                        *rows[where + 2:]])
    return text


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=4), st.booleans())
def test_generated_edit_sequences_give_what_a_full_link_gives(edits, from_store):
    files = dict(SHOP)
    summaries = summaries_of(files)
    graph = link(summaries)
    for path, where, kind in edits:
        files[path] = apply_edit(files[path], where, kind)
        new = summaries_of(files)
        # each step reuses the last step's graph (read back from its snapshot: from_store)
        graph, _ = incremental(graph, summaries, new, from_store)
        assert_same(graph, link(new))
        summaries = new


# -- a real repository: this one ------------------------------------------------------------

PACKAGE = ROOT / "impactgraph"


@pytest.mark.parametrize("from_store", [False, True])
def test_this_repository_with_moved_lines_reuses_the_graph_exactly(from_store: bool):
    files = {f"impactgraph/{k}": v for k, v in tree_of(PACKAGE).items()}
    old = summaries_of(files)
    edited = dict(files)
    for path in sorted(files)[::7]:  # every seventh module: a comment in the middle
        edited[path] = insert_lines(files[path], middle_statement(files[path]),
                                    ["# moved by a test", ""])
    new = summaries_of(edited)
    got, reused = incremental(link(old), old, new, from_store)
    assert_same(got, link(new))
    assert reused


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                          check=True).stdout


def _tree_at(commit: str) -> dict[str, str]:
    listing = _git("ls-tree", "-r", "--name-only", commit, "--", "impactgraph")
    return {path: _git("show", f"{commit}:{path}") for path in listing.split()
            if path.endswith(".py")}


def test_this_repositorys_history_gives_what_a_full_link_gives():
    try:
        commits = _git("rev-list", "--max-count=3", "HEAD", "--", "impactgraph").split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    if len(commits) < 2:
        pytest.skip("too little history")
    trees = [_tree_at(c) for c in reversed(commits)]
    summaries = summaries_of(trees[0])
    graph = link(summaries)
    for files in trees[1:]:
        new = summaries_of(files)
        graph, _ = incremental(graph, summaries, new)
        assert_same(graph, link(new))
        summaries = new
