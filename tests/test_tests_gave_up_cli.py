"""``impactgraph tests`` fails open at a call the linker gave up on: its callee is an expression
with more values than the linker keeps (``MAX_VALUES``), so it may run anything, the change
included. Every test that reaches such a call, in a process that imports a changed module,
is kept, and its reason says so (DESIGN.md, "tests": fail open)."""

from __future__ import annotations

import json
from pathlib import Path

from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app
from impactgraph.linker.resolve import MAX_VALUES

runner = CliRunner()
COUNT = MAX_VALUES + 20  # more handlers than the linker keeps for one expression


def registry(extra: str = "") -> str:
    """``HANDLERS`` maps names to ``COUNT`` generated functions and ``util.parse``; ``run``
    calls the one asked for: a call whose callee has more values than the linker keeps."""
    functions = "".join(f"def h{i:04}(v):\n    return v\n\n\n" for i in range(COUNT))
    entries = "".join(f"    'h{i:04}': h{i:04},\n" for i in range(COUNT))
    return (f"from pkg import util\n\n\n{functions}"
            f"HANDLERS = {{\n{entries}    'parse': util.parse,\n}}\n\n\n"
            "def run(name, value):\n    return HANDLERS.get(name)(value)\n\n\n"
            f"def count():\n    return len(HANDLERS)\n{extra}")


def select(root: Path) -> dict[str, list[str]]:
    result = runner.invoke(app, ["tests", "--repo", str(root), "--base", "base", "--format",
                                 "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["all"] is False
    return {t["path"]: t["reasons"] for t in data["tests"]}



def _many_shouters() -> tuple[str, str]:
    """Class definitions ``C0000``... with a method ``shout``, and a list of one of each: more
    objects than the linker keeps, so ``ITEMS[i].shout()`` is a call it gives up on."""
    classes = "".join(f"class C{i:04}:\n    def shout(self):\n        return {i}\n\n\n"
                      for i in range(COUNT))
    items = "".join(f"    C{i:04}(),\n" for i in range(COUNT))
    return classes, items

def test_a_call_through_too_many_values_fails_open_for_the_tests_reaching_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "gaveup")
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/util.py": "def parse(value):\n    return value\n",
        "pkg/registry.py": registry(),
        "tests/test_run.py": "from pkg import registry\n\n\ndef test_run():\n"
                             "    assert registry.run('parse', 1) == 1\n",
        # imports the changed package but never reaches the call
        "tests/test_count.py": "from pkg import registry\n\n\ndef test_count():\n"
                               "    assert registry.count() > 0\n",
    }, message="base", tag="base")
    commit(root, {"pkg/util.py": "def parse():\n    return 1\n"})  # breaks run('parse', 1)
    reasons = select(root)
    assert list(reasons) == ["tests/test_run.py"]
    assert any("pkg.registry:run" in r and "gave up" in r for r in reasons["tests/test_run.py"])


def test_a_call_through_too_many_values_selects_nothing_when_no_test_reaches_it(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "gaveup")
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/util.py": "def parse(value):\n    return value\n\n\ndef other():\n    return 0\n",
        "pkg/registry.py": registry(),
        "tests/test_count.py": "from pkg import registry\n\n\ndef test_count():\n"
                               "    assert registry.count() > 0\n",
    }, message="base", tag="base")
    commit(root, {"pkg/util.py": "def parse():\n    return 1\n\n\ndef other():\n    return 0\n"})
    assert select(root) == {}


def test_a_given_up_call_asking_for_a_name_nothing_reaching_the_change_has_selects_nothing(
    tmp_path: Path,
) -> None:
    root = init_repo(tmp_path / "gaveup")
    classes, items = _many_shouters()
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/util.py": "def parse(value):\n    return value\n",
        # ``.shout()`` on more objects than the linker keeps can only run a method ``shout``
        "pkg/items.py": f"from pkg import util\n\n\n{classes}ITEMS = [\n{items}]\n\n\n"
                        "def shout(i):\n    return ITEMS[i].shout()\n",
        "tests/test_items.py": "from pkg import items\n\n\ndef test_shout():\n"
                               "    assert items.shout(0) == 0\n",
    }, message="base", tag="base")
    commit(root, {"pkg/util.py": "def parse():\n    return 1\n"})
    assert select(root) == {}
    # a change that a method of that name reaches is another matter
    commit(root, {"pkg/items.py": f"from pkg import util\n\n\n{classes}"
                                  "class Last:\n    def shout(self):\n        return util.parse()\n"
                                  f"\n\nITEMS = [\n{items}    Last(),\n]\n\n\n"
                                  "def shout(i):\n    return ITEMS[i].shout()\n"},
           tag="base2")
    commit(root, {"pkg/util.py": "def parse():\n    return 2\n"})
    result = runner.invoke(app, ["tests", "--repo", str(root), "--base", "base2", "--format",
                                 "json"], catch_exceptions=False)
    reasons = {t["path"]: t["reasons"] for t in json.loads(result.stdout)["tests"]}
    assert list(reasons) == ["tests/test_items.py"]
    assert any("gave up" in r for r in reasons["tests/test_items.py"])


def test_a_given_up_call_in_a_module_no_test_imports_selects_nothing(tmp_path: Path) -> None:
    """An example program registers a callback with the package; the package's dispatcher
    reaches it in the graph for every test that dispatches, but only a process that imports
    the example runs its code."""
    root = init_repo(tmp_path / "gaveup")
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/util.py": "def parse(value):\n    return value\n",
        # imports the changed module: the tests' processes do import that
        "pkg/core.py": "from pkg import util\n\nHOOKS = []\n\n\n"
                       "def register(f):\n    HOOKS.append(f)\n    return f\n\n\n"
                       "def dispatch():\n    for hook in HOOKS:\n        hook()\n",
        "pkg/registry.py": registry(),
        "examples/__init__.py": "",
        "examples/app.py": "from pkg import core, registry\n\n\n@core.register\ndef hook():\n"
                           "    return registry.HANDLERS.get('parse')(1)\n",
        "tests/test_dispatch.py": "from pkg import core\n\n\ndef test_dispatch():\n"
                                  "    core.dispatch()\n",
    }, message="base", tag="base")
    commit(root, {"pkg/util.py": "def parse():\n    return 1\n"})
    assert select(root) == {}


def test_a_caller_s_unresolved_calls_do_not_unbound_its_given_up_calls(tmp_path: Path) -> None:
    """``run`` gives up on ``ITEMS[i].shout()``, which can only run a method ``shout``, and
    makes an unresolved call (``callback()``) that may run anything: the given-up call fails
    open only when a ``shout`` reaches the change; the unresolved one is judged by the rules
    on unresolved calls (in library code, it selects nothing of its own)."""
    root = init_repo(tmp_path / "gaveup")
    classes, items = _many_shouters()
    commit(root, {
        "pkg/__init__.py": "",
        "pkg/util.py": "def parse(value):\n    return value\n",
        "pkg/items.py": f"from pkg import util\n\n\n{classes}ITEMS = [\n{items}]\n\n\n"
                        "def shout(i, callback):\n    callback()\n    return ITEMS[i].shout()\n",
        "tests/test_items.py": "from pkg import items\n\n\ndef test_shout():\n"
                               "    assert items.shout(0, print) == 0\n",
    }, message="base", tag="base")
    commit(root, {"pkg/util.py": "def parse():\n    return 1\n"})
    assert select(root) == {}
