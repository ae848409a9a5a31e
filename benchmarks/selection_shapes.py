"""Is ``impactgraph tests`` safe on the shapes test suites name the code under test in?

A benchmark of small synthetic repositories, each one shape (a base test class's
``setup_method``, a ``setup_module`` imported from a helper, a program a test starts, a
fixture, ``parametrize`` data, a wrapper, a class body, a default value, a module loaded by
``importlib.import_module``, ``mock.patch.object``, ``monkeypatch.setattr``, ...) around one
library module, ``src/pkg/lib.py``. Each mutation (a function or method of that module
renamed, one of its constants changed; a hook, base class or entry function of the shape's own
helpers renamed) is committed over the base, ``impactgraph tests --base base``
(this checkout, as a subprocess) gives the selection, and pytest at the head gives the truth
(``-rfE``; each failing test mapped to its file). A failing file not selected is unsafe.

Usage::

    python benchmarks/selection_shapes.py                    # every shape, every mutation
    python benchmarks/selection_shapes.py --shapes fixture monkeypatch
    python benchmarks/selection_shapes.py --json shapes.json  # every run's record
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]

COMMON: dict[str, str | None] = {
    "pyproject.toml": """
        [tool.pytest.ini_options]
        pythonpath = ["src", "."]
        testpaths = ["tests"]
    """,
    "src/pkg/__init__.py": "",
    "src/pkg/lib.py": """
        LIMIT = 3
        NAMES = ("a", "b")


        class Config:
            size = 4


        def limited(xs):
            return xs[:LIMIT]


        def helper():
            return 1


        def keep():
            return 2


        class Thing:
            def method(self):
                return 1

            def kept(self):
                return 2
    """,
    "tests/__init__.py": "",
    "tests/test_keep.py": """
        from pkg.lib import keep


        def test_keep():
            assert keep() == 2
    """,
}

SHAPES: dict[str, dict[str, str | None]] = {
    "usefixtures_string": {
        "tests/conftest.py": """
            import pytest
            from pkg import lib


            @pytest.fixture
            def prepared():
                lib.helper()
                lib.Thing().method()
        """,
        "tests/test_uf.py": """
            import pytest


            @pytest.mark.usefixtures("prepared")
            def test_uf():
                assert True
        """},
    "generate_tests": {
        "tests/sub/__init__.py": "",
        "tests/sub/conftest.py": """
            from pkg import lib


            def pytest_generate_tests(metafunc):
                if "value" in metafunc.fixturenames:
                    metafunc.parametrize("value", [lib.helper(), lib.Thing().method()])
        """,
        "tests/sub/test_gt.py": """
            def test_gt(value):
                assert value == 1
        """},
    "lib_mixin": {
        "src/pkg/testing.py": """
            from pkg import lib


            class LibTestMixin:
                def setup_method(self, method):
                    self.v = lib.helper() + lib.Thing().method()
        """,
        "tests/test_lm.py": """
            from pkg.testing import LibTestMixin


            class TestLM(LibTestMixin):
                def test_lm(self):
                    assert self.v == 2
        """},
    "class_fixture_cls": {
        "tests/test_cf.py": """
            import pytest
            from pkg import lib


            @pytest.fixture(scope="class")
            def attach(request):
                request.cls.value = lib.Thing().method() + lib.helper()


            @pytest.mark.usefixtures("attach")
            class TestCF:
                def test_cf(self):
                    assert self.value == 2
        """},
    "nested_fixture_override": {
        "tests/conftest.py": """
            import pytest


            @pytest.fixture
            def val():
                return 0
        """,
        "tests/sub/__init__.py": "",
        "tests/sub/conftest.py": """
            import pytest
            from pkg import lib


            @pytest.fixture
            def val(val):
                return val + lib.helper() + lib.Thing().method()
        """,
        "tests/sub/test_no.py": """
            def test_no(val):
                assert val == 2
        """},

    "constant_use": {
        "tests/test_cu.py": """
            from pkg.lib import limited


            def test_cu():
                assert limited([1, 2, 3, 4]) == [1, 2, 3]
        """,
        "tests/test_cu2.py": """
            from pkg import lib


            def test_cu2():
                assert lib.LIMIT == 3
        """,
        "tests/test_cu3.py": """
            from pkg.lib import Config


            def test_cu3():
                assert Config().size == 4
        """,
        "tests/test_cu4.py": """
            from pkg.lib import NAMES


            def test_cu4():
                assert NAMES == ("a", "b")
        """},

    "param_class": {
        "tests/test_pc.py": """
            import pytest
            from pkg.lib import Thing


            @pytest.mark.parametrize("cls", [Thing])
            def test_pc(cls):
                assert cls().method() == 1
        """},
    "fixture_request_param": {
        "tests/test_fr.py": """
            import pytest
            from pkg import lib


            @pytest.fixture(params=[lib.Thing])
            def obj(request):
                return request.param()


            def test_fr(obj):
                assert obj.method() == 1
        """},
    "subtest_loop": {
        "tests/test_st.py": """
            import unittest
            from pkg import lib


            class TestST(unittest.TestCase):
                def test_st(self):
                    for f in (lib.helper, lib.Thing().method):
                        with self.subTest(f=f):
                            self.assertEqual(f(), 1)
        """},
    "rootdir_helper": {
        "tests/__init__.py": None,
        "tests/helpers_mod.py": """
            from pkg import lib


            def make():
                return lib.helper() + lib.Thing().method()
        """,
        "tests/test_rh.py": """
            from helpers_mod import make


            def test_rh():
                assert make() == 2
        """},
    "indirect_fixture": {
        "tests/test_if.py": """
            import pytest
            from pkg import lib


            @pytest.fixture
            def value(request):
                return request.param()


            @pytest.mark.parametrize("value", [lib.helper, lib.Thing().method], indirect=True)
            def test_if(value):
                assert value == 1
        """},
    "getfixturevalue": {
        "tests/conftest.py": """
            import pytest
            from pkg import lib


            @pytest.fixture
            def thing():
                return lib.Thing().method() + lib.helper()
        """,
        "tests/test_gf.py": """
            def test_gf(request):
                assert request.getfixturevalue("thing") == 2
        """},

    "star_import": {
        "tests/test_s.py": """
            from pkg.lib import *


            def test_s():
                assert helper() == 1 and Thing().method() == 1
        """},
    "param_lambda": {
        "tests/test_t.py": """
            import pytest
            from pkg import lib


            @pytest.mark.parametrize("f", [lambda: lib.helper(), lambda: lib.Thing().method()])
            def test_t(f):
                assert f() == 1
        """},
    "partial": {
        "tests/test_u.py": """
            import functools
            from pkg import lib


            def test_u():
                f = functools.partial(lib.helper)
                g = functools.partial(lib.Thing.method, lib.Thing())
                assert f() == 1 and g() == 1
        """},
    "fixture_params": {
        "tests/test_v.py": """
            import pytest
            from pkg import lib


            @pytest.fixture(params=[lib.helper, lib.Thing().method])
            def fn(request):
                return request.param


            def test_v(fn):
                assert fn() == 1
        """},
    "pytest_plugins": {
        "src/pkg/plugin.py": """
            import pytest
            from pkg import lib


            @pytest.fixture
            def plug():
                return lib.helper(), lib.Thing().method()
        """,
        "tests/conftest.py": """
            pytest_plugins = ["pkg.plugin"]
        """,
        "tests/test_w.py": """
            def test_w(plug):
                assert plug
        """},
    "type_method": {
        "tests/test_x.py": """
            from pkg.lib import Thing


            def test_x():
                t = Thing()
                assert type(t).method(t) == 1
        """},
    "class_in_dict": {
        "tests/test_y.py": """
            from pkg import lib

            CASES = {"a": lib.Thing}


            def test_y():
                for cls in CASES.values():
                    assert cls().method() == 1
        """},
    "self_attr": {
        "tests/test_z.py": """
            from pkg import lib


            class TestZ:
                def setup_method(self):
                    self.thing = lib.Thing()
                    self.fn = lib.helper

                def test_z(self):
                    assert self.thing.method() == 1 and self.fn() == 1
        """},

    "mock_patch": {
        "tests/test_n.py": """
            from unittest import mock
            from pkg.lib import keep


            @mock.patch("pkg.lib.helper")
            def test_n1(m):
                assert keep() == 2


            @mock.patch("pkg.lib.Thing.method")
            def test_n2(m):
                assert keep() == 2
        """},
    "mock_patch_object": {
        "tests/test_o.py": """
            from unittest import mock
            from pkg import lib


            def test_o1():
                with mock.patch.object(lib, "helper"):
                    assert lib.keep() == 2


            def test_o2():
                with mock.patch.object(lib.Thing, "method"):
                    assert lib.keep() == 2
        """},
    "monkeypatch": {
        "tests/test_p.py": """
            from pkg import lib


            def test_p1(monkeypatch):
                monkeypatch.setattr(lib, "helper", lambda: 5)
                assert lib.keep() == 2


            def test_p2(monkeypatch):
                monkeypatch.setattr("pkg.lib.Thing.method", lambda self: 5)
                assert lib.keep() == 2
        """},
    "importorskip": {
        "tests/test_q.py": """
            import pytest

            lib = pytest.importorskip("pkg.lib")


            def test_q():
                assert lib.helper() == 1 and lib.Thing().method() == 1
        """},
    "reference_only": {
        "tests/test_r.py": """
            from pkg import lib


            def test_r():
                assert callable(lib.helper) and callable(lib.Thing.method)
        """},

    "fixture": {
        "tests/conftest.py": """
            import pytest
            from pkg import lib
            from pkg.lib import Thing


            @pytest.fixture
            def thing():
                return lib.helper(), Thing().method()
        """,
        "tests/test_f.py": """
            def test_f(thing):
                assert thing
        """},
    "parametrize": {
        "tests/test_g.py": """
            import pytest
            from pkg import lib
            from pkg.lib import Thing


            @pytest.mark.parametrize("v", [lib.helper(), Thing().method()])
            def test_g(v):
                assert v
        """},
    "wrapper": {
        "tests/helpers.py": """
            import functools
            from pkg import lib
            from pkg.lib import Thing


            def with_thing(f):
                @functools.wraps(f)
                def w(*a, **k):
                    lib.helper()
                    Thing().method()
                    return f(*a, **k)
                return w
        """,
        "tests/test_h.py": """
            from tests.helpers import with_thing


            @with_thing
            def test_h():
                assert True
        """},
    "class_attr": {
        "tests/test_i.py": """
            from pkg import lib
            from pkg.lib import Thing


            class TestI:
                value = (lib.helper(), Thing().method())

                def test_i(self):
                    assert self.value
        """},
    "default_arg": {
        "src/pkg/other.py": """
            from pkg import lib
            from pkg.lib import Thing


            def g(x=lib.helper(), y=Thing().method()):
                return x
        """,
        "tests/test_j.py": """
            from pkg.other import g


            def test_j():
                assert g()
        """},
    "usefixtures_autouse": {
        "tests/sub/__init__.py": "",
        "tests/sub/conftest.py": """
            import pytest
            from pkg.lib import Thing


            @pytest.fixture(autouse=True)
            def auto():
                Thing().method()
        """,
        "tests/sub/test_k.py": """
            def test_k():
                assert True
        """},
    "getattr_name": {
        "tests/test_l.py": """
            import pytest
            from pkg import lib


            @pytest.mark.parametrize("name", ["helper", "keep"])
            def test_l(name):
                assert getattr(lib, name)()
        """},
    "entry_string": {
        "tests/test_m.py": """
            import importlib


            def test_m():
                mod = importlib.import_module("pkg.lib")
                assert mod.Thing().method() == 1
        """},

    "inherited_setup": {
        "tests/base.py": """
            from pkg import lib


            class Base:
                def setup_method(self, method):
                    self.x = lib.helper()
        """,
        "tests/test_a.py": """
            from tests.base import Base


            class TestA(Base):
                def test_x(self):
                    assert self.x == 1
        """},
    "inherited_tests": {
        "tests/base_tests.py": """
            from pkg import lib


            class BaseTests:
                def test_helper(self):
                    assert lib.helper() == 1
        """,
        "tests/test_b.py": """
            from tests.base_tests import BaseTests


            class TestB(BaseTests):
                pass
        """},
    "inherited_method_setup": {
        "tests/base.py": """
            from pkg.lib import Thing


            class Base:
                def setup_method(self, method):
                    self.x = Thing().method()
        """,
        "tests/test_a.py": """
            from tests.base import Base


            class TestA(Base):
                def test_x(self):
                    assert self.x == 1
        """},
    "unittest_setup": {
        "tests/base.py": """
            import unittest
            from pkg.lib import Thing


            class Base(unittest.TestCase):
                def setUp(self):
                    self.x = Thing().method()
        """,
        "tests/test_a.py": """
            from tests.base import Base


            class TestA(Base):
                def test_x(self):
                    assert self.x == 1
        """},
    "imported_hook": {
        "src/pkg/testing.py": """
            from pkg import lib


            def setup_module(module):
                lib.helper()
        """,
        "tests/test_c.py": """
            from pkg.testing import setup_module


            def test_c():
                assert True
        """},
    "imported_hook_method": {
        "src/pkg/testing.py": """
            from pkg.lib import Thing


            def setup_module(module):
                Thing().method()
        """,
        "tests/test_c.py": """
            from pkg.testing import setup_module


            def test_c():
                assert True
        """},
    "program": {
        "src/pkg/cli.py": """
            from pkg import lib


            def main():
                print(lib.helper())


            if __name__ == "__main__":
                main()
        """,
        "tests/test_d.py": """
            import os
            import subprocess
            import sys


            def test_cli():
                env = dict(os.environ, PYTHONPATH="src")
                subprocess.run([sys.executable, "-m", "pkg.cli"], check=True, env=env)
        """},
    "program_method": {
        "src/pkg/cli.py": """
            from pkg.lib import Thing


            def main():
                print(Thing().method())


            if __name__ == "__main__":
                main()
        """,
        "tests/test_d.py": """
            import os
            import subprocess
            import sys


            def test_cli():
                env = dict(os.environ, PYTHONPATH="src")
                subprocess.run([sys.executable, "-m", "pkg.cli"], check=True, env=env)
        """},
    "program_code": {
        "tests/test_e.py": """
            import os
            import subprocess
            import sys


            def test_code():
                env = dict(os.environ, PYTHONPATH="src")
                code = "from pkg.lib import Thing; Thing().method()"
                subprocess.run([sys.executable, "-c", code], check=True, env=env)
        """},
}

def _swap(old: str, new: str) -> Callable[[str], str]:
    return lambda text: text.replace(old, new)


# name -> (the file it edits, the edit); a shape without the file or the text is not run
MUTATIONS: dict[str, tuple[str, Callable[[str], str]]] = {
    "limit": ("src/pkg/lib.py", _swap("LIMIT = 3", "LIMIT = 2")),
    "names": ("src/pkg/lib.py", _swap('NAMES = ("a", "b")', 'NAMES = ("a",)')),
    "size": ("src/pkg/lib.py", _swap("size = 4", "size = 5")),
    "helper": ("src/pkg/lib.py", _swap("def helper():", "def helper_gone():")),
    "method": ("src/pkg/lib.py", _swap("def method(self):", "def method_gone(self):")),
    "helper-param": ("src/pkg/lib.py", _swap("def helper():", "def helper(flag):")),
    "method-param": ("src/pkg/lib.py", _swap("def method(self):", "def method(self, flag):")),
    "helper-body": ("src/pkg/lib.py", _swap("def helper():\n    return 1",
                                            "def helper():\n    return 0")),
    "hookgone": ("tests/base.py", lambda text: text.replace(
        "def setup_method(self, method):", "def setup_gone(self, method):").replace(
        "def setUp(self):", "def set_up(self):")),
    "basetestgone": ("tests/base_tests.py",
                     _swap("def test_helper(self):", "def helper_check(self):")),
    "baseclassgone": ("tests/base.py", _swap("class Base", "class Based")),
    "modhookgone": ("src/pkg/testing.py",
                    _swap("def setup_module(module):", "def setup_mod(module):")),
    "maingone": ("src/pkg/cli.py", _swap("def main():", "def main_gone():")),
}



# pytest -rfE's summary lines: ``FAILED tests/test_a.py::test_x - ...``, ``ERROR tests/...``,
# and (pytest 9) a failing ``subTest``: ``SUBFAILED(f=<function helper>) tests/test_st.py::...``
_RESULT = re.compile(r"^(?:FAILED|ERROR|SUBFAILED.*?\)) (\S+?\.py)(?:::|\s|$)")


@dataclass(frozen=True)
class Outcome:
    shape: str
    mutation: str
    failing: list[str]
    selected: list[str]
    missed: list[str]
    error: str = ""


def write(root: Path, files: dict[str, str | None]) -> None:
    for path, text in files.items():
        if text is None:  # a shape may take a file of COMMON away
            continue
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip())


def git(root: Path, *arguments: str) -> None:
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
                    "-c", "commit.gpgsign=false", *arguments],
                   cwd=root, check=True, capture_output=True)


def run_one(shape: str, mutation: str, root: Path) -> Outcome | None:
    """One shape under one mutation; None when the mutation does not apply to the shape."""
    path, change = MUTATIONS[mutation]
    files = {**COMMON, **SHAPES[shape]}
    text = files.get(path)
    if text is None:
        return None
    mutated = change(textwrap.dedent(text).lstrip())
    if mutated == textwrap.dedent(text).lstrip():
        return None
    root.mkdir(parents=True)
    git(root, "init", "-q")
    write(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    git(root, "tag", "base")
    (root / path).write_text(mutated)
    git(root, "commit", "-qam", mutation)
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(CHECKOUT), *filter(None, [os.environ.get("PYTHONPATH")])]))
    chosen = subprocess.run(
        [sys.executable, "-m", "impactgraph", "tests", "--base", "base", "--format", "json"],
        cwd=root, capture_output=True, text=True, env=environment)
    if chosen.returncode != 0:
        return Outcome(shape, mutation, [], [], [], f"impactgraph exit {chosen.returncode}: "
                       + chosen.stderr.strip()[-300:])
    selected = sorted(t["path"] for t in json.loads(chosen.stdout)["tests"])
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE"],
        cwd=root, capture_output=True, text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    failing = sorted({found.group(1) for line in suite.stdout.splitlines()
                      if (found := _RESULT.match(line))})
    return Outcome(shape, mutation, failing, selected, sorted(set(failing) - set(selected)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), metavar="SHAPE",
                        help="only these shapes (default: every one)")
    parser.add_argument("--mutations", nargs="+", choices=sorted(MUTATIONS),
                        metavar="MUTATION", help="only these mutations (default: every one)")
    parser.add_argument("--json", type=Path, help="write every run's record here")
    options = parser.parse_args()
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="selection-shapes-") as scratch:
        for number, (shape, mutation) in enumerate(
                (s, m) for s in (options.shapes or SHAPES)
                for m in (options.mutations or MUTATIONS)):
            root = Path(scratch) / f"{number}"
            outcome = run_one(shape, mutation, root)
            shutil.rmtree(root, ignore_errors=True)
            if outcome is None:
                continue
            outcomes.append(outcome)
            verdict = ("ERROR " + outcome.error if outcome.error else
                       "UNSAFE, missed " + ", ".join(outcome.missed) if outcome.missed else "ok")
            print(f"  {shape}/{mutation}: failing {len(outcome.failing)}, selected "
                  f"{len(outcome.selected)}: {verdict}", flush=True)
    breaking = [o for o in outcomes if o.failing]
    unsafe = [o for o in outcomes if o.missed]
    extra = sum(len(set(o.selected) - set(o.failing)) for o in outcomes)
    print(f"{len({o.shape for o in outcomes})} shapes, {len(outcomes)} runs, "
          f"{len(breaking)} breaking, {sum(len(o.failing) for o in outcomes)} failing files, "
          f"{len(unsafe)} unsafe, {extra} files selected that did not fail, "
          f"{sum(bool(o.error) for o in outcomes)} errors")
    for outcome in unsafe:
        print(f"UNSAFE {outcome.shape}/{outcome.mutation}: missed {', '.join(outcome.missed)}")
    if options.json:
        options.json.write_text(json.dumps([asdict(o) for o in outcomes], indent=1) + "\n")
    if unsafe or any(o.error for o in outcomes):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
