"""The Python files a module names by a path (``indexer/named_files.py``), and where each may
be (``impact/file_texts.py``'s ``resolve``)."""

from __future__ import annotations

import json
import textwrap

import pytest
from helpers import graph_of

from impactgraph.impact.file_texts import resolve
from impactgraph.indexer import summarize
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict
from impactgraph.model import NamedFile, PathAnchor

CWD, FOLDER, ANY = PathAnchor.CWD, PathAnchor.FOLDER, PathAnchor.ANY

CASES = [
    ("a string", 'runpy.run_path("src/pkg/conf.py")', [("src/pkg/conf.py", CWD)]),
    ("a Path's text", 'Path("./src/pkg/conf.py").read_text()', [("src/pkg/conf.py", CWD)]),
    ("joined to the file's folder",
     'os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "conf.py")',
     [("../src/conf.py", FOLDER)]),
    ("through a name bound once", 'HERE / "data" / "case.py"', [("data/case.py", FOLDER)]),
    ("parents", 'Path(__file__).parents[1] / "src/conf.py"', [("../src/conf.py", FOLDER)]),
    ("joinpath", 'ROOT.joinpath("src", "conf.py")', [("../src/conf.py", FOLDER)]),
    ("after a part not known", 'os.path.join(root, "src", "conf.py")', [("src/conf.py", ANY)]),
    ("an f-string's literal tail", 'f"{root}/src/conf.py"', [("src/conf.py", ANY)]),
    ("added to a string", 'root + "/src/conf.py"', [("src/conf.py", ANY)]),
    ("the words of a command", 'os.system("mypy --strict src/conf.py")', [("src/conf.py", CWD)]),
    # a script the interpreter runs is a program, whose code test selection follows
    ("a script run", 'subprocess.run([sys.executable, "scripts/tool.py"])', []),
    ("a script run by a command", 'os.system("python3 scripts/tool.py --help")', []),
    ("a file a script is handed", 'subprocess.run([sys.executable, "tool.py", "-v", "src/a.py"])',
     [("src/a.py", CWD)]),
    ("a file a command's script is handed", 'os.system("python3 -u tool.py src/a.py")',
     [("src/a.py", CWD)]),
    ("a file a module run is handed", 'subprocess.run([sys.executable, "-m", "mypy", "a.py"])',
     [("a.py", CWD)]),
    ("a node id's file", 'pytest.main(["tests/data/case.py::test_a"])',
     [("tests/data/case.py", CWD)]),
    ("no Python file", 'open("data/conf.json")', []),
    ("a string's join", '", ".join(["a", "b.pyc"])', []),
    ("prose", '"""Reads conf.py."""', []),
]


@pytest.mark.parametrize(("code", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_named_files(code: str, expected: list[tuple[str, PathAnchor]]) -> None:
    source = textwrap.dedent(f"""\
        import os
        import subprocess
        import sys
        from pathlib import Path

        HERE = Path(__file__).resolve().parent
        ROOT = HERE.parent


        def test_it(root):
            {code}
    """)
    summary = summarize(source, "tests.test_it", "tests/test_it.py")
    assert [(n.path, n.anchor) for n in summary.named_files] == expected
    assert all(n.scope == "tests.test_it:test_it" for n in summary.named_files)


def test_module_level_code_is_the_module_scope() -> None:
    summary = summarize('CONF = "src/conf.py"\n', "tests.test_it", "tests/test_it.py")
    assert summary.named_files == (NamedFile("tests.test_it", "src/conf.py", CWD),)


CHANGED = {"src/pkg/conf.py", "tests/data/conf.py", "conf.py"}


@pytest.mark.parametrize(("path", "anchor", "expected"), [
    ("../src/pkg/conf.py", FOLDER, ["src/pkg/conf.py"]),
    ("data/conf.py", FOLDER, ["tests/data/conf.py"]),
    ("conf.py", FOLDER, []),  # tests/conf.py: not changed
    ("src/pkg/conf.py", CWD, ["src/pkg/conf.py"]),  # from the repository root
    ("data/conf.py", CWD, ["tests/data/conf.py"]),  # from the test's folder
    ("conf.py", CWD, ["conf.py"]),  # tests/conf.py or conf.py
    ("../../conf.py", CWD, []),  # above the repository
    ("pkg/conf.py", ANY, ["src/pkg/conf.py"]),
    ("conf.py", ANY, ["conf.py", "src/pkg/conf.py", "tests/data/conf.py"]),
    ("other.py", ANY, []),
])
def test_where_a_named_file_may_be(path: str, anchor: PathAnchor, expected: list[str]) -> None:
    named = NamedFile("tests.test_it:test_it", path, anchor)
    assert resolve(named, "tests/test_it.py", CHANGED) == expected


def test_the_graph_keeps_them_in_its_snapshot() -> None:
    graph = graph_of({
        "src/pkg/__init__.py": "",
        "tests/test_it.py": 'import runpy\n\ndef test_it():\n'
                            '    runpy.run_path("src/pkg/__init__.py")\n',
    })
    assert graph.named_files == {
        "test_it": (NamedFile("test_it:test_it", "src/pkg/__init__.py", CWD),)}
    stored = graph_from_dict(json.loads(json.dumps(graph_to_dict(graph))))
    assert stored is not None and stored.named_files == graph.named_files
