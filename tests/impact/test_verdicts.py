"""'broken' verdicts a reviewer can trust (issue 11): each call judged on its own site against
the signature it calls, and against the head revision as it is now."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from git_support import commit, init_repo
from typer.testing import CliRunner

from impactgraph.cli import app

runner = CliRunner()

LIB = """\
class Transport:
    def __init__(self, handler):
        self.handler = handler


class Client:
    def __init__(self, transport=None, timeout=5):
        self.transport = transport


def helper(value):
    return value


def fetch(url, retries=3):
    return url
"""

# ``Client`` loses ``timeout``, which no caller passes; ``fetch`` loses ``retries``.
LIB_HEAD = (
    LIB.replace("transport=None, timeout=5", "transport=None")
    .replace("def fetch(url, retries=3)", "def fetch(url)")
)


def report_of(root: Path, *extra: str) -> dict:
    result = runner.invoke(
        app, ["impact", "--repo", str(root), "--base", "base", "--head", "head",
              "--format", "json", *extra], catch_exceptions=False,
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def history(
    tmp_path: Path, base: Mapping[str, str], head: Mapping[str, str | None]
) -> Path:
    root = init_repo(tmp_path / "repo")
    commit(root, base, tag="base")
    commit(root, head, tag="head")
    return root


def broken(report: dict) -> set[str]:
    return {a["module"] for a in report["affected"] if a["breaking"]}


def affected(report: dict) -> dict[str, dict]:
    return {a["module"]: a for a in report["affected"]}


def test_two_calls_on_one_line_are_judged_each_against_its_own_callee(tmp_path: Path) -> None:
    app_code = """\
    from lib import Client, Transport, fetch, helper


    def make(h):
        return Client(transport=Transport(handler=h))


    def nested():
        return Client(transport=helper(value=1))


    def same_line(h):
        a = Transport(handler=h); b = fetch("x", retries=1)
        return a, b
    """
    root = history(tmp_path, {"lib.py": LIB, "app.py": app_code}, {"lib.py": LIB_HEAD})
    report = report_of(root)
    kinds = {(c["symbol"], c["kind"]) for c in report["changes"]}
    assert ("lib:Client.__init__", "parameter-removed") in kinds
    # the only broken call is ``fetch("x", retries=1)``: ``Transport(handler=h)`` on the same
    # line, and the calls nested in ``Client(...)``, bind their own (unchanged) signatures
    app_hit = affected(report)["app"]
    assert app_hit["breaking"]
    assert app_hit["via"] == ["lib:fetch", "app:same_line"]


def test_a_call_passing_only_what_remains_is_not_broken(tmp_path: Path) -> None:
    app_code = """\
    from lib import Client, Transport, helper


    def make(h):
        return Client(transport=Transport(handler=h))


    def nested():
        return Client(transport=helper(value=1))
    """
    root = history(tmp_path, {"lib.py": LIB, "app.py": app_code}, {"lib.py": LIB_HEAD})
    report = report_of(root)
    assert "app" in affected(report)
    assert broken(report) == set()


def test_every_site_of_a_caller_is_judged_not_only_the_first(tmp_path: Path) -> None:
    app_code = """\
    from lib import fetch


    def twice():
        fetch("a")
        return fetch("b", retries=2)
    """
    root = history(tmp_path, {"lib.py": LIB, "app.py": app_code}, {"lib.py": LIB_HEAD})
    assert broken(report_of(root)) == {"app"}


def test_a_caller_deleted_by_the_change_breaks_nothing(tmp_path: Path) -> None:
    old = """\
    from lib import fetch


    def gone():
        return fetch("a", 2)


    def kept():
        return 1
    """
    new = """\
    def kept():
        return 1
    """
    caller = """\
    from app import gone


    def outer():
        return gone()
    """
    root = history(tmp_path, {"lib.py": LIB, "app.py": old, "other.py": caller},
                   {"lib.py": LIB_HEAD, "app.py": new, "other.py": None})
    report = report_of(root)
    assert broken(report) == set()
    for module in report["affected"]:
        assert "app:gone" not in module["via"] and "other:outer" not in module["via"]


def test_a_rewritten_call_breaks_nothing(tmp_path: Path) -> None:
    old = """\
    from lib import fetch


    def use():
        return fetch("a", 2)
    """
    new = """\
    from lib import helper


    def use():
        return helper("a")
    """
    root = history(tmp_path, {"lib.py": LIB, "app.py": old}, {"lib.py": LIB_HEAD, "app.py": new})
    report = report_of(root, "--fail-on", "broken")
    assert broken(report) == set()
    assert all("app:use" not in m["via"] for m in report["affected"]
               if m["via"][0] == "lib:fetch")


def test_a_removed_function_whose_caller_was_deleted_breaks_nothing(tmp_path: Path) -> None:
    old = """\
    from lib import fetch


    def use():
        return fetch("a")
    """
    root = history(tmp_path, {"lib.py": LIB, "app.py": old, "keep.py": "X = 1\n"},
                   {"lib.py": LIB.split("def fetch")[0], "app.py": "X = 2\n"})
    report = report_of(root)
    kinds = {(c["symbol"], c["kind"]) for c in report["changes"]}
    assert ("lib:fetch", "symbol-removed") in kinds
    assert broken(report) == set()
    assert all("app:use" not in m["via"] for m in report["affected"])


def test_a_module_deleted_by_the_change_is_not_listed(tmp_path: Path) -> None:
    user = """\
    from lib import fetch


    def use():
        return fetch("a")
    """
    importer = """\
    import user


    def call():
        return user.use()
    """
    root = history(
        tmp_path, {"lib.py": LIB, "user.py": user, "importer.py": importer, "keep.py": "X = 1\n"},
        {"lib.py": LIB.split("def fetch")[0], "user.py": None, "importer.py": None},
    )
    report = report_of(root)
    assert {"user", "importer"}.isdisjoint(affected(report))
    assert broken(report) == set()


def test_a_caller_that_still_uses_a_removed_function_is_broken(tmp_path: Path) -> None:
    old = """\
    from lib import fetch


    def use():
        return fetch("a")
    """
    root = history(tmp_path, {"lib.py": LIB, "app.py": old},
                   {"lib.py": LIB.split("def fetch")[0]})
    report = report_of(root)
    assert broken(report) == {"app"}
    assert affected(report)["app"]["via"][0] == "lib:fetch"


TIES = {
    "lib.py": """\
    def f(a, b=1):
        return a
    """,
    # ``f`` is called by module code after the functions that call it: the order calls are met
    # in (linking) differs from the order the graph's nodes are kept in (a loaded snapshot)
    "mid.py": """\
    from lib import f


    def a():
        return f(1)


    def b():
        return f(2)


    f(3)
    """,
    "top.py": """\
    from mid import a, b


    def one():
        return b() or a()


    def two():
        return a() or b()
    """,
}


def without_seconds(text: str) -> dict:
    report = json.loads(text)
    report["stats"]["seconds"] = 0
    return report


def test_the_report_is_the_same_with_or_without_the_cache(tmp_path: Path) -> None:
    head = {"lib.py": "def f(a):\n    return a\n"}
    root = history(tmp_path, TIES, head)
    args = ["impact", "--repo", str(root), "--base", "base", "--head", "head", "--format", "json"]
    cold = runner.invoke(app, [*args, "--no-cache"], catch_exceptions=False).stdout
    first = runner.invoke(app, args, catch_exceptions=False).stdout
    warm = runner.invoke(app, args, catch_exceptions=False).stdout
    assert (root / ".impactgraph" / "graphs").is_dir()  # the warm run loaded a snapshot
    assert without_seconds(cold) == without_seconds(first) == without_seconds(warm)
    vias = {a["module"]: a["via"] for a in json.loads(warm)["affected"]}
    assert vias["mid"] == ["lib:f", "mid"]  # the smallest of the equally short chains
    assert vias["top"] == ["lib:f", "mid:a", "top:one"]


def test_the_report_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    root = history(tmp_path, TIES, {"lib.py": "def f(a):\n    return a\n"})
    outputs = []
    for seed in ("0", "1", "2"):
        completed = subprocess.run(
            [sys.executable, "-m", "impactgraph", "impact", "--repo", str(root), "--base",
             "base", "--head", "head", "--format", "json", "--no-cache", "--jobs", "1"],
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed}, cwd=tmp_path,
        )
        outputs.append(without_seconds(completed.stdout))
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_name_now_taken_from_elsewhere_or_local_is_not_the_removed_symbol(
    tmp_path: Path,
) -> None:
    # httpx 0.28: ``_urlparse.urlencode`` and ``_types.RawURL`` went; ``_urls`` now imports
    # urlencode from the standard library and builds a local RawURL. Neither is broken, and
    # nothing that imports ``_urls`` is broken at import time.
    helpers = """\
    def urlencode(items):
        return "&".join(items)


    RawURL = tuple
    """
    old = """\
    from helpers import RawURL, urlencode


    def query(items):
        return urlencode(items)


    def raw():
        return RawURL((1, 2))
    """
    new = """\
    import collections
    from urllib.parse import urlencode


    def query(items):
        return urlencode(items)


    def raw():
        RawURL = collections.namedtuple("RawURL", ["a", "b"])
        return RawURL(1, 2)
    """
    importer = """\
    from urls import query


    def run():
        return query([])
    """
    root = history(tmp_path, {"helpers.py": helpers, "urls.py": old, "app.py": importer},
                   {"helpers.py": "X = 1\n", "urls.py": new})
    report = report_of(root)
    kinds = {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert ("helpers:urlencode", "symbol-removed", True) in kinds
    assert broken(report) == set()


def test_a_removed_name_still_imported_through_a_package_is_broken(tmp_path: Path) -> None:
    base = {
        "pkg/__init__.py": "from pkg.core import helper\n",
        "pkg/core.py": "def helper():\n    return 1\n",
        "app.py": "import pkg\n\n\ndef run():\n    return pkg.helper()\n",
    }
    root = history(tmp_path, base, {"pkg/core.py": "def other():\n    return 1\n"})
    report = report_of(root)
    assert {"pkg", "app"} <= broken(report)


def test_no_hit_is_reached_through_code_the_head_no_longer_has() -> None:
    from helpers import graph_of

    from impactgraph.impact.traverse import Walk, collect_hits

    base = graph_of({"lib.py": "def f():\n    return 1\n",
                     "mid.py": "from lib import f\n\n\ndef g():\n    return f()\n",
                     "top.py": "from mid import g\n\n\ndef h():\n    return g()\n"})
    head = graph_of({"lib.py": "def f():\n    return 2\n",
                     "top.py": "def h():\n    return 1\n"})
    walk = Walk(base, ())
    start = ("lib:f", False, None)
    walk.visit(start, None, 0)
    middle = ("mid:g", False, None)
    walk.visit(middle, start, 1)
    walk.visit(("top:h", False, None), middle, 2)
    assert set(collect_hits([walk])) == {"mid", "top"}
    assert collect_hits([walk], head) == {}


def test_head_code_importing_what_the_change_removed_is_broken(tmp_path: Path) -> None:
    # the base graph cannot show these importers: the change adds them
    base = {"lib.py": LIB, "old.py": "X = 1\n", "gone.py": "Y = 1\n", "app.py": "Z = 1\n"}
    head = {
        "lib.py": LIB.split("def fetch")[0],
        "gone.py": None,
        "new_user.py": "from lib import fetch\n\n\ndef run():\n    return fetch('a')\n",
        "old.py": "from lib import fetch\n\nX = 1\n",
        "app.py": "import new_user\n\nZ = 1\n",
        "also.py": "from gone import Y\n",
    }
    root = history(tmp_path, base, head)
    report = report_of(root, "--fail-on", "broken")
    assert {"new_user", "old", "also", "app"} <= broken(report)
    assert affected(report)["new_user"]["via"] == ["lib:fetch", "new_user"]


def test_a_name_moved_and_still_importable_from_its_old_module_breaks_nobody(
    tmp_path: Path,
) -> None:
    base = {"lib.py": LIB, "app.py": "X = 1\n"}
    head = {
        "lib.py": LIB.split("def fetch")[0] + "\nfrom moved import fetch\n",
        "moved.py": "def fetch(url, retries=3):\n    return url\n",
        "app.py": "from lib import fetch\n\nX = fetch('a')\n",
    }
    root = history(tmp_path, base, head)
    assert broken(report_of(root)) == set()


def test_head_code_calling_a_removed_function_through_its_module_is_broken(
    tmp_path: Path,
) -> None:
    base = {"lib.py": LIB, "app.py": "X = 1\n"}
    head = {
        "lib.py": LIB.split("def fetch")[0],
        "app.py": "import lib as transport\n\n\ndef run():\n    return transport.fetch('a')\n",
        "boot.py": "import lib\n\nlib.fetch('b')\n",
        "main.py": "import boot\n",
        "fine.py": "import lib\n\n\ndef run():\n    return lib.helper(1)\n",
    }
    report = report_of(history(tmp_path, base, head))
    assert broken(report) == {"app", "boot", "main"}
    assert affected(report)["app"]["via"] == ["lib:fetch", "app:run"]


def test_a_call_rewritten_into_a_callback_is_not_broken(tmp_path: Path) -> None:
    old = """\
    from lib import fetch


    def use():
        return fetch("a", 2)
    """
    new = """\
    from lib import fetch


    def register(callback):
        return callback


    def use():
        return register(fetch)
    """
    root = history(tmp_path, {"lib.py": LIB, "app.py": old}, {"lib.py": LIB_HEAD, "app.py": new})
    assert broken(report_of(root)) == set()


def test_a_main_block_does_not_run_at_import_time(tmp_path: Path) -> None:
    # ``if __name__ == "__main__": main()`` runs when the module runs as a program, not when
    # it is imported: a break below ``main`` breaks neither ``cli`` (its own code calls
    # ``main()`` as it always did) nor what imports ``cli`` (fixtures/flat's main.py).
    cli = """\
    import report


    def main():
        return report.table()


    if __name__ == "__main__":
        raise SystemExit(main())
    """
    report_code = "from lib import fetch\n\n\ndef table():\n    return fetch('x', retries=1)\n"
    uses_cli = "from cli import main\n\n\ndef run():\n    return main()\n"
    root = history(tmp_path, {"lib.py": LIB, "report.py": report_code, "cli.py": cli,
                              "uses_cli.py": uses_cli}, {"lib.py": LIB_HEAD})
    report = report_of(root)
    assert broken(report) == {"report"}
    hits = affected(report)
    assert (hits["cli"]["depth"], hits["uses_cli"]["depth"]) == (2, 3)
    assert hits["cli"]["via"] == ["lib:fetch", "report:table", "cli:main"]


def test_a_test_left_behind_by_a_test_helper_change_is_broken(tmp_path: Path) -> None:
    # Test code is not an API: the change to the helper is not breaking. But the test that
    # still calls it the old way is broken (its own call no longer binds): --fail-on broken.
    base = {
        "pkg/__init__.py": "",
        "pkg/m.py": "def f(a):\n    return a\n",
        "tests/helpers.py": "def make(a, b):\n    return a\n",
        "tests/test_a.py": "from helpers import make\n\n\ndef test_a():\n    assert make(1, 2)\n",
        "tests/test_b.py": "from helpers import make\n\n\ndef test_b():\n    assert make(1)\n",
    }
    root = history(tmp_path, base, {"tests/helpers.py": "def make(a):\n    return a\n"})
    report = report_of(root)
    assert [(c["kind"], c["breaking"]) for c in report["changes"]] == [
        ("parameter-removed", False)]
    assert broken(report) == {"test_a"}
    assert report["tests"] == ["tests/test_a.py", "tests/test_b.py"]
    assert runner.invoke(app, ["impact", "--repo", str(root), "--base", "base", "--head",
                               "head", "--fail-on", "broken"]).exit_code == 1


HEADERS = """\
class Headers:
    def __getitem__(self, key, _get_mode=False):
        return key

    def __delitem__(self, key, _index_operation=True):
        pass

    def __setitem__(self, key, value):
        pass
"""

HEADERS_USER = """\
from lib import Headers


def use(h: Headers):
    h["a"] = 1
    del h["b"]
    return h["c"]
"""


def test_an_operator_still_passing_what_a_special_method_takes_is_not_broken(
    tmp_path: Path,
) -> None:
    # ``h[k]`` calls ``__getitem__(k)``, ``del h[k]`` ``__delitem__(k)``: an optional parameter
    # gone from them leaves the operators working (werkzeug 3.1's Headers lost _get_mode)
    head = HEADERS.replace(", _get_mode=False", "").replace(", _index_operation=True", "")
    root = history(tmp_path, {"lib.py": HEADERS, "app.py": HEADERS_USER}, {"lib.py": head})
    report = report_of(root)
    assert {c["kind"] for c in report["changes"]} == {"parameter-removed"}
    assert "app" in affected(report)
    assert broken(report) == set()


def test_an_operator_a_special_method_no_longer_accepts_is_broken(tmp_path: Path) -> None:
    head = HEADERS.replace("key, value)", "key, value, extra)").replace(
        "key, _index_operation=True", "key, _index_operation")
    head = head.replace("key, _get_mode=False", "key")
    root = history(tmp_path, {"lib.py": HEADERS, "app.py": HEADERS_USER}, {"lib.py": head})
    assert broken(report_of(root)) == {"app"}


def test_a_class_moved_to_another_module_breaks_neither_its_new_importers_nor_method_calls(
    tmp_path: Path,
) -> None:
    # urllib3 2.2.3 moved HTTP2Connection from urllib3/http2.py into urllib3/http2/connection.py:
    # the pool that called ``conn.close()`` on connections that could be one (a class the old
    # module installed), and the module now importing the class from its new home, still work
    base = {
        "lib/__init__.py": "",
        "lib/base.py": "class Connection:\n    def close(self):\n        return 1\n",
        "lib/fast.py": (
            "from lib.base import Connection\nfrom lib import pool\n\n\n"
            "class FastConnection(Connection):\n    def close(self):\n        return 2\n\n\n"
            "def install():\n    pool.Pool.cls = FastConnection\n"
        ),
        "lib/pool.py": (
            "from lib.base import Connection\n\n\nclass Pool:\n    cls = Connection\n\n"
            "    def put(self):\n        conn = self.cls()\n        return conn.close()\n"
        ),
    }
    head = {
        "lib/fast.py": None,
        "lib/fast/__init__.py": (
            "from lib import pool\n\n\n"
            "def install():\n    from lib.fast.connection import FastConnection\n"
            "    pool.Pool.cls = FastConnection\n"
        ),
        "lib/fast/connection.py": (
            "from lib.base import Connection\n\n\n"
            "class FastConnection(Connection):\n    def close(self):\n        return 2\n"
        ),
    }
    root = history(tmp_path, base, head)
    report = report_of(root)
    kinds = {(c["symbol"], c["kind"]) for c in report["changes"]}
    assert ("lib.fast:FastConnection", "symbol-removed") in kinds
    assert broken(report) == set()


def test_code_still_naming_a_removed_class_is_broken_also_through_its_methods(
    tmp_path: Path,
) -> None:
    base = {
        "lib.py": (
            "class Conn:\n    def close(self):\n        return 1\n\n\nclass Other:\n    pass\n"
        ),
        "app.py": "import lib\n\n\ndef use():\n    return lib.Conn.close(None)\n",
        "user.py": "from lib import Conn\n\n\ndef make():\n    return Conn()\n",
    }
    root = history(tmp_path, base, {"lib.py": "class Other:\n    pass\n"})
    assert broken(report_of(root)) == {"app", "user"}


def test_pytest_calling_a_fixture_whose_parameters_changed_breaks_no_test(
    tmp_path: Path,
) -> None:
    # pytest calls a fixture with the fixtures it asks for, by name: werkzeug 3.1's conftest
    # dev_server(xprocess, request, tmp_path) -> dev_server(tmp_path) broke no test using it
    conftest = """\
    import pytest


    @pytest.fixture()
    def server(tmp_path, request):
        def start(name="standard"):
            return name
        yield start
    """
    test = """\
    def test_basic(server):
        assert server("x") == "x"
    """
    root = history(tmp_path, {"tests/conftest.py": conftest, "tests/test_a.py": test},
                   {"tests/conftest.py": conftest.replace("tmp_path, request", "tmp_path")})
    report = report_of(root)
    assert ("conftest:server", "parameter-removed") in {
        (c["symbol"].split(".")[-1], c["kind"]) for c in report["changes"]}
    assert "tests.test_a" in {m["module"] for m in report["affected"]} or any(
        "test_a" in m["module"] for m in report["affected"])
    assert broken(report) == set()


def test_pytest_running_an_autouse_fixture_whose_parameters_changed_breaks_no_test(
    tmp_path: Path,
) -> None:
    # pytest-xdist 3.6: the autouse ``_divert_atexit(request, monkeypatch)`` lost ``request``;
    # pytest runs it before every test with the fixtures it asks for, by name, as it does a
    # fixture a test requests: its 7 test modules were broken
    conftest = """\
    import pytest


    @pytest.fixture(autouse=True)
    def _divert(request, monkeypatch):
        monkeypatch.setattr("atexit.register", print)
        yield
    """
    test = """\
    class TestAPI:
        def test_worker_id(self):
            assert 1
    """
    root = history(tmp_path, {"tests/conftest.py": conftest, "tests/test_a.py": test},
                   {"tests/conftest.py": conftest.replace("request, monkeypatch", "monkeypatch")})
    report = report_of(root)
    assert ("conftest:_divert", "parameter-removed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert any("test_a" in m["module"] for m in report["affected"])
    assert broken(report) == set()


def test_a_decorator_change_breaks_only_the_calls_it_no_longer_binds(tmp_path: Path) -> None:
    # cattrs 24.1: BaseConverter._get_dis_func lost @staticmethod (self._get_dis_func(u) still
    # binds, BaseConverter._get_dis_func(u) does not); packaging 24.2: canonicalize_version
    # became a functools.singledispatch function (a call must pass the first argument by
    # position, which every caller did)
    lib = """\
    import functools


    class Converter:
        @staticmethod
        def dis(union, literals=True):
            return union


    def canonical(version, strip=True):
        return version
    """
    head = lib.replace("        @staticmethod\n        def dis(union,",
                       "        def dis(self, union,").replace(
        "    def canonical(", "    @functools.singledispatch\n    def canonical(")
    good = """\
    from lib import Converter, canonical


    def use(c: Converter):
        return c.dis(int, literals=False), canonical("1.0", strip=False)
    """
    by_class = """\
    from lib import Converter


    def use():
        return Converter.dis(int)
    """
    by_keyword = """\
    from lib import canonical


    def use():
        return canonical(version="1.0")
    """
    root = history(tmp_path, {"lib.py": lib, "good.py": good, "by_class.py": by_class,
                              "by_keyword.py": by_keyword}, {"lib.py": head})
    report = report_of(root)
    kinds = {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert ("lib:Converter.dis", "decorator-changed", True) in kinds
    assert ("lib:canonical", "decorator-changed", True) in kinds
    assert "good" in affected(report)
    assert broken(report) == {"by_class", "by_keyword"}


SCOPE = """\
import attrs


@attrs.define
class Scope:
    _deadline: float = attrs.field(default=1.0, kw_only=True, alias="deadline")
    _shield: bool = attrs.field(default=False, kw_only=True, alias="shield")
"""

SCOPE_USER = """\
from lib import Scope


def use():
    return Scope(deadline=2.0), Scope(shield=True)
"""


def test_attrs_keyword_only_private_fields_are_passed_by_their_init_names(
    tmp_path: Path,
) -> None:
    # trio 0.27: CancelScope's kw_only _deadline/_shield lost their alias= (attrs strips the
    # underscore: the same init names) and a new kw_only field came first: no call changed
    head = SCOPE.replace(', alias="deadline"', "").replace(', alias="shield"', "").replace(
        "    _deadline", "    _relative: float = attrs.field(default=1.0, kw_only=True)\n"
        "    _deadline")
    root = history(tmp_path, {"lib.py": SCOPE, "app.py": SCOPE_USER}, {"lib.py": head})
    report = report_of(root)
    assert "app" in affected(report)
    assert broken(report) == set()
    assert all(not c["breaking"] for c in report["changes"])


def test_a_new_required_attrs_field_breaks_its_callers(tmp_path: Path) -> None:
    head = SCOPE + "    _needed: int = attrs.field(kw_only=True)\n"
    root = history(tmp_path, {"lib.py": SCOPE, "app.py": SCOPE_USER}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:Scope.__init__", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken(report) == {"app"}


FORWARD = """\
class Headers:
    def add(self, _key, _value, **kw):
        return _key


def dis_func(converter, *classes, literals=True):
    return classes


def strict(a, b=1):
    return a
"""

FORWARD_USER = """\
from lib import Headers, dis_func


def add_header(h: Headers, key, value, **kw):
    return h.add(key, value, **kw)


def make(converter, types):
    return dis_func(converter, *types, literals=False)
"""


def test_a_call_forwarding_star_arguments_that_the_new_signature_absorbs_is_not_broken(
    tmp_path: Path,
) -> None:
    # werkzeug 3.1: Headers.add(self, _key, _value, **kw) -> add(self, key, value, /, **kw),
    # called as self.add(key, value, **kwargs); cattrs 24.1: create_default_dis_func gained a
    # first parameter, called as create_default_dis_func(self, *union_types, ...)
    head = FORWARD.replace("_key, _value, **kw", "key, value, /, **kw").replace(
        "return _key", "return key").replace("def dis_func(converter, *classes",
                                             "def dis_func(converter, *classes, extra=None")
    root = history(tmp_path, {"lib.py": FORWARD, "app.py": FORWARD_USER}, {"lib.py": head})
    report = report_of(root)
    assert "app" in affected(report)
    assert broken(report) == set()


def test_star_arguments_that_may_not_fill_a_new_required_parameter_stay_broken(
    tmp_path: Path,
) -> None:
    user = """\
    from lib import strict


    def positional(xs):
        return strict(*xs)


    def keywords(options):
        return strict(1, **options)
    """
    head = FORWARD.replace("def strict(a, b=1)", "def strict(a, b=1, *, c)")
    root = history(tmp_path, {"lib.py": FORWARD, "app.py": user}, {"lib.py": head})
    assert broken(report_of(root)) == {"app"}


def test_a_cache_added_to_a_function_breaks_only_the_calls_that_pass_it_something(
        tmp_path: Path) -> None:
    # pydantic 2.8.2 -> 2.9.0: default_ignored_types() gained @lru_cache; the metaclass's
    # __new__ calls it with no argument, so every model class statement (149 modules) was
    # called broken. A call that passes nothing has nothing unhashable to pass; one that
    # passes a list now raises TypeError, and so does a method's call on an instance that
    # cannot be hashed (``self`` is hashed); a value not known is not judged
    lib = """\
    import functools


    def ignored():
        return (int,)


    def lookup(key):
        return key


    class Box:
        def size(self):
            return 1


    class Value(Box):
        def __eq__(self, other):
            return True
    """
    head = lib.replace("    def ignored(", "    @functools.lru_cache(maxsize=None)\n"
                       "    def ignored(").replace(
        "    def lookup(", "    @functools.cache\n    def lookup(").replace(
        "        def size(", "        @functools.lru_cache\n        def size(")
    no_argument = """\
    from lib import ignored


    class Meta(type):
        def __new__(mcs, name, bases, namespace):
            ignored()
            return super().__new__(mcs, name, bases, namespace)
    """
    passes = """\
    from lib import lookup


    def use(items):
        return lookup(items)
    """
    passes_list = """\
    from lib import lookup


    def use(items):
        return lookup([items])
    """
    method = """\
    from lib import Box


    def use():
        return Box().size()
    """
    value_method = """\
    from lib import Value


    def use():
        return Value().size()
    """
    root = history(tmp_path, {"lib.py": lib, "no_argument.py": no_argument,
                              "passes.py": passes, "passes_list.py": passes_list,
                              "method.py": method, "value_method.py": value_method},
                   {"lib.py": head})
    report = report_of(root)
    kinds = {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert ("lib:ignored", "decorator-changed", True) in kinds
    assert ("lib:lookup", "decorator-changed", True) in kinds
    assert {"no_argument", "passes", "method"} <= set(affected(report))
    assert broken(report) == {"passes_list", "value_method"}


def test_a_method_pulled_up_into_a_base_breaks_no_call_of_it(tmp_path: Path) -> None:
    # the diff reports 'symbol-removed ... moved to lib:Base.run' (not breaking): the class
    # and its instances still find the name, through the base
    lib = "class Base:\n    pass\n\n\nclass Child(Base):\n    def run(self):\n        return 1\n"
    head = ("class Base:\n    def run(self):\n        return 1\n\n\n"
            "class Child(Base):\n    pass\n")
    user = ("from lib import Child\n\n\ndef use(c: Child):\n    return c.run(), Child().run(),"
            " Child.run(c)\n")
    root = history(tmp_path, {"lib.py": lib, "app.py": user}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:Child.run", "symbol-removed", False) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "app" in affected(report)
    assert broken(report) == set()


MERGED = """\
class BaseCommand:
    def __init__(self, name):
        self.name = name

    def main(self, args):
        return self.invoke(args)


class Command(BaseCommand):
    def invoke(self, args):
        return args
"""

MERGED_USER = """\
from lib import Command

DEFAULT = Command("default")


class Sub(Command):
    def invoke(self, args):
        return super().invoke(args)


def run(args):
    return Command("x").main(args)
"""


def test_a_base_removed_whose_members_the_class_now_has_itself_breaks_nobody(
    tmp_path: Path,
) -> None:
    # click 8.2 merged BaseCommand into Command (BaseCommand became a deprecated subclass):
    # 'class Command(BaseCommand)' -> 'class Command' defining every member it inherited.
    # Code making, calling or subclassing a Command still works (isinstance(c, BaseCommand)
    # answers otherwise, which is behaviour, not a break)
    head = """\
class Command:
    def __init__(self, name):
        self.name = name

    def main(self, args):
        return self.invoke(args)

    def invoke(self, args):
        return args


class BaseCommand(Command):
    pass
"""
    root = history(tmp_path, {"lib.py": MERGED, "app.py": MERGED_USER}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:Command", "base-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "app" in affected(report)
    assert broken(report) == set()


def test_a_base_removed_that_takes_a_member_away_breaks_its_users(tmp_path: Path) -> None:
    # Command no longer has main() (nor the attribute name): its users break
    head = MERGED.replace("class Command(BaseCommand):", "class Command:")
    root = history(tmp_path, {"lib.py": MERGED, "app.py": MERGED_USER}, {"lib.py": head})
    assert broken(report_of(root)) == {"app"}


def test_a_base_removed_outside_the_code_breaks_its_users(tmp_path: Path) -> None:
    # what 'Exception' gave (raising it, .args) is not known member by member
    lib = "class Failure(Exception):\n    def code(self):\n        return 1\n"
    user = "from lib import Failure\n\n\ndef fail():\n    raise Failure()\n"
    root = history(tmp_path, {"lib.py": lib, "app.py": user},
                   {"lib.py": lib.replace("(Exception)", "")})
    assert broken(report_of(root)) == {"app"}


def test_a_base_removed_judges_only_the_names_that_came_through_it(tmp_path: Path) -> None:
    # marshmallow 4: Date(DateTime) -> Date(_TemporalField), both below Field, and Field lost
    # fail() on its own (a change of its own, whose users break): Date lost nothing through
    # DateTime, so code using a Date is not broken
    lib = """\
class Field:
    def fail(self):
        return 1

    def serialize(self):
        return 2


class DateTime(Field):
    def format(self):
        return 3


class Date(DateTime):
    pass
"""
    head = """\
class Field:
    def serialize(self):
        return 2


class Temporal(Field):
    def format(self):
        return 3


class DateTime(Temporal):
    pass


class Date(Temporal):
    pass
"""
    user = "from lib import Date\n\nFIELD = Date()\n\n\ndef use():\n    return FIELD.format()\n"
    root = history(tmp_path, {"lib.py": lib, "app.py": user}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:Date", "base-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "app" in affected(report)
    assert broken(report) == set()


METAVAR = """\
class ParamType:
    def get_metavar(self, param):
        return None


class Option:
    def __init__(self, kind: ParamType):
        self.kind = kind

    def metavar(self, ctx):
        return self.kind.get_metavar(param=self)
"""

METAVAR_TEST = """\
from lib import Option, ParamType


def test_custom_metavar():
    class MyType(ParamType):
        def get_metavar(self, param):
            return "MY"

    assert Option(MyType()).metavar(None) == "MY"
"""


def test_an_override_the_change_updated_to_the_new_signature_is_not_broken(
    tmp_path: Path,
) -> None:
    # click 8.2: ParamType.get_metavar(self, param) -> (self, param, ctx); test_formatting's
    # own subclass, defined inside a test function (no symbol the diff compares), took ctx too
    head = METAVAR.replace("get_metavar(self, param)", "get_metavar(self, param, ctx)").replace(
        "get_metavar(param=self)", "get_metavar(param=self, ctx=ctx)")
    test_head = METAVAR_TEST.replace("get_metavar(self, param)", "get_metavar(self, param, ctx)")
    root = history(tmp_path, {"lib.py": METAVAR, "tests/test_m.py": METAVAR_TEST},
                   {"lib.py": head, "tests/test_m.py": test_head})
    report = report_of(root)
    assert ("lib:ParamType.get_metavar", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken(report) == set()


def test_an_override_left_with_the_old_signature_is_broken(tmp_path: Path) -> None:
    head = METAVAR.replace("get_metavar(self, param)", "get_metavar(self, param, ctx)").replace(
        "get_metavar(param=self)", "get_metavar(param=self, ctx=ctx)")
    root = history(tmp_path, {"lib.py": METAVAR, "tests/test_m.py": METAVAR_TEST},
                   {"lib.py": head})
    assert any("test_m" in module for module in broken(report_of(root)))


def test_a_function_moved_behind_the_same_re_export_breaks_none_of_its_importers(
    tmp_path: Path,
) -> None:
    # attrs 25.1 moved evolve from attr/_funcs.py to attr/_make.py; attr/__init__.py imports
    # it from there, and 'from attr import evolve' or 'attr.evolve(...)' get the moved one
    base = {
        "lib/__init__.py": "from lib._funcs import evolve\nfrom lib._make import make\n",
        "lib/_funcs.py": "def evolve(inst, **changes):\n    return inst\n",
        "lib/_make.py": "def make():\n    return 1\n",
        "app.py": "from lib import evolve\n\n\ndef use(x):\n    return evolve(x)\n",
        "other.py": "import lib\n\n\ndef use(x):\n    return lib.evolve(x)\n",
        "stale.py": "from lib._funcs import evolve\n\n\ndef use(x):\n    return evolve(x)\n",
    }
    head = {
        "lib/__init__.py": "from lib._make import evolve, make\n",
        "lib/_funcs.py": "",
        "lib/_make.py": ("def make():\n    return 1\n\n\n"
                         "def evolve(inst, **changes):\n    return inst\n"),
    }
    root = history(tmp_path, base, head)
    report = report_of(root)
    assert ("lib._funcs:evolve", "symbol-removed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert {"app", "other"} <= set(affected(report))
    assert broken(report) == {"stale"}  # it still imports the name from where it was


def test_a_hook_that_test_source_in_a_string_defines_is_not_a_call_of_ours(
    tmp_path: Path,
) -> None:
    # pytest 8.4: _pytest.unraisableexception's pytest_runtest_setup() took item; its own
    # tests write conftest files defining 'def pytest_runtest_setup(item):' in strings, which
    # read as generated source calling ours with no argument
    lib = ("def pytest_runtest_setup():\n    return None\n\n\n"
           "def load(source):\n    exec(source, {})\n")  # code of ours runs source it gets
    test = '''\
    def test_hook(pytester):
        pytester.makeconftest("""
            def pytest_runtest_setup(item):
                print(item)
        """)
    '''
    root = history(tmp_path, {"lib.py": lib, "tests/test_h.py": test},
                   {"lib.py": lib.replace("setup():", "setup(item):")})
    report = report_of(root)
    assert ("lib:pytest_runtest_setup", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken(report) == set()


COMPOSITE = """\
from hypothesis.strategies import composite


@composite
def unions(draw, include_strings=True, include_ints=True, include_bools=True):
    return draw
"""


def test_a_call_binding_once_a_decorator_gives_the_first_argument_is_judged_so(
    tmp_path: Path,
) -> None:
    # cattrs 25.1: hypothesis' @composite passes 'draw'; native_unions(include_bytes=False)
    # never gave it. Its include_bools and include_ints went: a call passing neither still
    # binds, one passing include_bools does not
    user = """\
    from lib import unions


    def strategy():
        return unions(include_strings=False)
    """
    stale = """\
    from lib import unions


    def strategy():
        return unions(include_bools=False)
    """
    head = COMPOSITE.replace(", include_ints=True, include_bools=True", "")
    root = history(tmp_path, {"lib.py": COMPOSITE, "app.py": user, "stale.py": stale},
                   {"lib.py": head})
    report = report_of(root)
    assert "app" in affected(report)
    assert broken(report) == {"stale"}


FIELDS = """\
class Field:
    def __init__(self, *, load_default=None, required=False, **metadata):
        self.metadata = metadata


class Number(Field):
    def __init__(self, *, as_string=False, **kwargs):
        super().__init__(**kwargs)


class Integer(Number):
    def __init__(self, *, strict=False, **kwargs):
        super().__init__(**kwargs)
"""


def test_a_call_forwarding_its_own_keywords_is_judged_on_what_its_callers_pass(
    tmp_path: Path,
) -> None:
    # marshmallow 4.0: Field.__init__ lost **additional_metadata; every field forwards its
    # **kwargs to it (super().__init__(**kwargs)), and what they hold is what the code
    # making the fields passes: names Field still takes, through Number and Integer
    user = """\
    from lib import Integer


    class Schema:
        count = Integer(strict=True, as_string=True, load_default=0)
    """
    head = FIELDS.replace(", required=False, **metadata", ", required=False").replace(
        "self.metadata = metadata", "self.metadata = {}")
    root = history(tmp_path, {"lib.py": FIELDS, "app.py": user}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:Field.__init__", "parameter-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "app" in affected(report)
    assert broken(report) == set()


def test_a_forwarded_keyword_the_new_signature_no_longer_takes_is_broken(
    tmp_path: Path,
) -> None:
    user = """\
    from lib import Integer


    class Schema:
        count = Integer(strict=True, description="how many")
    """
    head = FIELDS.replace(", required=False, **metadata", ", required=False").replace(
        "self.metadata = metadata", "self.metadata = {}")
    root = history(tmp_path, {"lib.py": FIELDS, "app.py": user}, {"lib.py": head})
    assert "app" in broken(report_of(root))  # Integer(description=...) fails at import


def test_a_constructor_override_is_no_override_to_keep_in_step(tmp_path: Path) -> None:
    # marshmallow 4.0: Field.__init__ lost parameters; Nested.__init__(self, nested, **kwargs)
    # never took Field's: a class is made through its own __init__, a subclass's may differ
    lib = """\
    class Field:
        def __init__(self, *, load_default=None, missing=None):
            self.load_default = load_default


    class Nested(Field):
        def __init__(self, nested, *, many=False):
            super().__init__()
            self.nested = nested
    """
    user = """\
    from lib import Nested


    class Schema:
        inner = Nested("Other", many=True)
    """
    root = history(tmp_path, {"lib.py": lib, "app.py": user},
                   {"lib.py": lib.replace(", missing=None", "")})
    report = report_of(root)
    assert ("lib:Field.__init__", "parameter-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken(report) == set()


ABC_HEADERS = """\
from collections.abc import MutableMapping


class Headers(MutableMapping):
    def __init__(self):
        self._items = []

    def __getitem__(self, key):
        return dict(self._items)[key]

    def __setitem__(self, key, value):
        self._items.append((key, value))

    def __delitem__(self, key):
        self._items = [(k, v) for k, v in self._items if k != key]

    def __iter__(self):
        return iter(dict(self._items))

    def __len__(self):
        return len(self._items)
"""
# every method MutableMapping and its bases give (what werkzeug 3.1.3's Headers defines itself)
MAPPING_METHODS = """\

    def __contains__(self, key):
        return key in dict(self._items)

    def __eq__(self, other):
        return dict(self._items) == dict(other)

    def keys(self):
        return dict(self._items).keys()

    def items(self):
        return dict(self._items).items()

    def values(self):
        return dict(self._items).values()

    def get(self, key, default=None):
        return dict(self._items).get(key, default)

    def pop(self, key, default=None):
        return default

    def popitem(self):
        return self._items.pop()

    def clear(self):
        self._items = []

    def update(self, *args, **kwargs):
        self._items.extend(dict(*args, **kwargs).items())

    def setdefault(self, key, default=None):
        return default
"""
ABC_HEADERS_USER = """\
from lib import Headers


def use():
    headers = Headers()
    headers["a"] = "1"
    return headers.get("a"), headers.items()
"""


def test_a_collections_abc_base_removed_whose_methods_the_class_defines_breaks_nobody(
    tmp_path: Path,
) -> None:
    # werkzeug 3.1.0 -> 3.1.3: class Headers(cabc.MutableMapping[str, str]) -> class Headers,
    # which defines every method the ABC gave: 113 of 115 affected modules were broken
    # (an outside base's names were not known one by one; collections.abc's are)
    old = ABC_HEADERS + MAPPING_METHODS
    new = old.replace("class Headers(MutableMapping):", "class Headers:")
    root = history(tmp_path, {"lib.py": old, "app.py": ABC_HEADERS_USER}, {"lib.py": new})
    report = report_of(root)
    assert ("lib:Headers", "base-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "app" in affected(report)
    assert broken(report) == set()


def test_a_collections_abc_base_removed_that_takes_its_mixins_away_breaks_users(
    tmp_path: Path,
) -> None:
    # without the ABC, get() and items() (its mixin methods) are gone
    new = ABC_HEADERS.replace("class Headers(MutableMapping):", "class Headers:")
    root = history(tmp_path, {"lib.py": ABC_HEADERS, "app.py": ABC_HEADERS_USER}, {"lib.py": new})
    assert broken(report_of(root)) == {"app"}


BUILDERS = """\
class Builder:
    def build(self, docnames):
        self.write(docnames, [], "update")

    def write(self, build_docnames, updated_docnames, method="update"):
        return build_docnames


class ChangesBuilder(Builder):
    def write(self, *ignored):
        return None
"""


def test_an_override_removed_judges_the_calls_on_the_method_now_inherited(
    tmp_path: Path,
) -> None:
    # sphinx 8.0.2 -> 8.1.0: ChangesBuilder.write(self, *ignored) went (the class now writes
    # through Builder.write); the diff reports the override's signature against the inherited
    # one, and Builder.build's self.write(docnames, [], "update") binds it: not broken
    head = BUILDERS.replace("    def write(self, *ignored):\n        return None\n",
                            "    def write_documents(self, docnames):\n        return None\n")
    root = history(tmp_path, {"lib.py": BUILDERS}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:ChangesBuilder.write", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken(report) == set()


def test_an_override_removed_breaks_calls_the_inherited_method_does_not_take(
    tmp_path: Path,
) -> None:
    user = "from lib import ChangesBuilder\n\n\ndef use():\n    return ChangesBuilder().write()\n"
    head = BUILDERS.replace("    def write(self, *ignored):\n        return None\n",
                            "    def write_documents(self, docnames):\n        return None\n")
    root = history(tmp_path, {"lib.py": BUILDERS, "app.py": user}, {"lib.py": head})
    assert "app" in broken(report_of(root))


SCHEMAS = """\
from typing import Any


class Generate:
    def _dict_schema(self, tp, keys_type, values_type):
        return keys_type, values_type

    def match(self, obj):
        return self._dict_schema(obj, *self._first_two(obj))

    def _first_two(self, obj) -> tuple[Any, Any]:
        return obj[0], obj[1]
"""

PAIRS = """\
from lib import Generate


def pair(obj):
    if obj:
        return obj, obj
    return (None, None)


def annotated(g: Generate, obj):
    return g._dict_schema(obj, *g._first_two(obj))


def unannotated(g: Generate, obj):
    return g._dict_schema(obj, *pair(obj))


def literal(g: Generate, obj):
    return g._dict_schema(obj, *(obj, obj))
"""


def _schemas_head(calls: str = "") -> str:
    """pydantic 2.9: ``_dict_schema`` lost ``tp``, and its callers were updated."""
    return SCHEMAS.replace("(self, tp, keys_type", "(self, keys_type").replace(
        "self._dict_schema(obj, *", "self._dict_schema(*") + calls


def test_a_star_argument_whose_length_the_code_tells_is_judged_on_it(tmp_path: Path) -> None:
    # pydantic 2.8.2 -> 2.9.0: self._dict_schema(*self._get_first_two_args_or_any(obj)), the
    # helper annotated ``-> tuple[Any, Any]``: two arguments for the two parameters left. An
    # unannotated helper returning pairs, and a tuple literal, tell the length too
    head_user = PAIRS.replace("._dict_schema(obj, *", "._dict_schema(*")
    root = history(tmp_path, {"lib.py": SCHEMAS, "app.py": PAIRS},
                   {"lib.py": _schemas_head(), "app.py": head_user})
    report = report_of(root)
    assert ("lib:Generate._dict_schema", "parameter-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert {"app", "lib"} <= set(affected(report))
    assert broken(report) == set()


def test_a_star_argument_whose_known_length_no_longer_fits_is_broken(tmp_path: Path) -> None:
    # the callers left as they were: a first argument and two more, for two parameters
    root = history(tmp_path, {"lib.py": SCHEMAS, "app.py": PAIRS},
                   {"lib.py": SCHEMAS.replace("(self, tp, keys_type", "(self, keys_type")})
    assert broken(report_of(root)) == {"app", "lib"}


def test_a_star_argument_of_unknown_length_is_no_certain_break(tmp_path: Path) -> None:
    # what ``*rest`` or ``**options`` hold is not known: whether the call binds the new
    # signature cannot be told, and 'broken' is for a call it no longer accepts
    lib = """\
    def fetch(url, retries=3, *, timeout=1):
        return url
    """
    user = """\
    from lib import fetch


    def positional(rest):
        return fetch(*rest)


    def keywords(options):
        return fetch("x", **options)
    """
    head = lib.replace("retries=3, *, timeout=1", "*, timeout=1")
    root = history(tmp_path, {"lib.py": lib, "app.py": user}, {"lib.py": head})
    report = report_of(root)
    assert "app" in affected(report)
    assert broken(report) == set()


def test_an_unpacked_value_that_cannot_give_a_required_parameter_still_breaks(
    tmp_path: Path,
) -> None:
    # ``*rest`` gives no keyword-only parameter, ``**options`` no positional-only one; and
    # a keyword written in the call that the new signature no longer takes breaks it anyway
    lib = """\
    def needs_keyword(a):
        return a


    def needs_positional(a=0, /):
        return a


    def written(url, retries=3):
        return url
    """
    user = """\
    from lib import needs_keyword


    def call(rest):
        return needs_keyword(*rest)
    """
    other = """\
    from lib import needs_positional


    def call(options):
        return needs_positional(**options)
    """
    third = """\
    from lib import written


    def call(rest):
        return written(*rest, retries=2)
    """
    head = lib.replace("def needs_keyword(a)", "def needs_keyword(a, *, key)").replace(
        "def needs_positional(a=0, /)", "def needs_positional(a, /)").replace(
        "def written(url, retries=3)", "def written(url)")
    root = history(tmp_path, {"lib.py": lib, "a.py": user, "b.py": other, "c.py": third},
                   {"lib.py": head})
    assert broken(report_of(root)) == {"a", "b", "c"}


EXAMPLES = """\
import dataclasses


@dataclasses.dataclass
class Examples:
    examples: dict
    mode: str | None = None
"""

EXAMPLES_USER = """\
from lib import Examples

examples = Examples({"a": 1}, mode="validation")
"""


def test_a_dataclass_decorator_gone_breaks_only_the_calls_its_own_init_no_longer_takes(
    tmp_path: Path,
) -> None:
    # pydantic 2.9: Examples lost @dataclasses.dataclass and wrote the same __init__ itself:
    # making one works as before, at import time too
    head = EXAMPLES.replace("@dataclasses.dataclass\n", "").replace(
        "    examples: dict\n    mode: str | None = None\n",
        "    def __init__(self, examples, mode=None):\n"
        "        self.examples = examples\n        self.mode = mode\n")
    root = history(tmp_path, {"lib.py": EXAMPLES, "app.py": EXAMPLES_USER}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:Examples", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "app" in affected(report)
    assert broken(report) == set()


def test_a_dataclass_decorator_gone_breaks_the_calls_its_init_no_longer_takes(
    tmp_path: Path,
) -> None:
    # no __init__ of its own any more (object's takes nothing), or one without ``mode``
    bare = EXAMPLES.replace("@dataclasses.dataclass\n", "")
    narrower = bare.replace(
        "    examples: dict\n    mode: str | None = None\n",
        "    def __init__(self, examples):\n        self.examples = examples\n")
    for number, head in enumerate((bare, narrower)):
        root = history(tmp_path / str(number), {"lib.py": EXAMPLES, "app.py": EXAMPLES_USER},
                       {"lib.py": head})
        assert broken(report_of(root)) == {"app"}


def test_a_cache_added_to_a_function_whose_parameters_are_all_hashable_types_breaks_none(
    tmp_path: Path,
) -> None:
    # isort 6.0: @lru_cache(maxsize=1000) on exists_case_sensitive(path: str); pytest 8.4:
    # on _check_initialpaths_for_relpath(initial_paths: frozenset[Path], path: Path). What a
    # call may pass is what the annotations take, and each is hashable; a list parameter
    # gets an unhashable value whatever is passed; one without an annotation is not judged
    lib = """\
    import functools
    from pathlib import Path
    from typing import Optional


    def exists(path: str, paths: frozenset[Path], depth: Optional[int] = None,
               *parts: "str | bytes", **flags: tuple[int, ...]) -> bool:
        return bool(path)


    def pick(names: list[str]) -> str:
        return names[0]


    def loose(path, strict: bool = False) -> bool:
        return bool(path)
    """
    head = lib.replace("    def ", "    @functools.lru_cache(maxsize=1000)\n    def ")
    typed = """\
    from lib import exists


    def use(path, paths):
        return exists(path + ".py", paths, 1, "a", b"b", mode=(1, 2))
    """
    lists = """\
    from lib import pick


    def use(names):
        return pick(names)
    """
    untyped = """\
    from lib import loose


    def use(path):
        return loose(path, strict=True)
    """
    root = history(tmp_path, {"lib.py": lib, "typed.py": typed, "lists.py": lists,
                              "untyped.py": untyped}, {"lib.py": head})
    report = report_of(root)
    assert {"typed", "lists", "untyped"} <= set(affected(report))
    assert broken(report) == {"lists"}


STREAMS = """\
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Protocol

    class SupportsWrite(Protocol):
        def write(self, text: str, /) -> int | None: ...


class Tee:
    def __init__(self, stream: SupportsWrite) -> None:
        self.stream = stream

    def write(self, text: str, /) -> None:
        self.stream.write(text)
"""

WRITERS = """\
class Builder:
    def write(self, docnames, method="update"):
        return docnames


class Base:
    def run(self, x):
        return x


class Sub(Base):
    def run(self, x):
        return x


def use(runner: Base):
    return runner.run(1)
"""


def test_a_class_guessed_to_implement_a_protocol_by_a_method_name_is_not_broken_by_it(
    tmp_path: Path,
) -> None:
    # sphinx 8.1: TeeStripANSI.write calls stream.write(text) on a SupportsWrite, a Protocol
    # (under TYPE_CHECKING): every class with a ``write`` may be the stream, Builder too.
    # Builder.write(self, build_docnames, updated_docnames, ...) takes no such call: it is no
    # stream, the call never runs it. A call typed with a base whose subclass's override no
    # longer takes it is broken (test below)
    head = WRITERS.replace("def write(self, docnames, method=", "def write(self, docnames, "
                            "updated, method=")
    root = history(tmp_path, {"streams.py": STREAMS, "builders.py": WRITERS},
                   {"builders.py": head})
    report = report_of(root)
    assert ("builders:Builder.write", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "streams" in affected(report)
    assert broken(report) == set()


def test_a_call_through_a_base_whose_subclass_override_no_longer_takes_it_is_broken(
    tmp_path: Path,
) -> None:
    head = WRITERS.replace("class Sub(Base):\n    def run(self, x):",
                            "class Sub(Base):\n    def run(self, x, y):")
    root = history(tmp_path, {"streams.py": STREAMS, "builders.py": WRITERS},
                   {"builders.py": head})
    assert broken(report_of(root)) == {"builders"}


def test_a_method_of_a_class_moved_behind_a_re_export_is_judged_where_it_went(
    tmp_path: Path,
) -> None:
    # sphinx 8.1: BuildInfo moved from sphinx/builders/html/__init__.py to _build_info.py,
    # which __init__ imports it from, and dump(self, f) became dump(self, filename, /):
    # self.build_info.dump(path) binds the moved method; dump(f=path) does not
    package = """\
    class Info:
        def dump(self, f):
            return f
    """
    moved = """\
    class Info:
        def dump(self, filename, /):
            return filename
    """
    user = """\
    from pkg import Info


    def positional(info: Info, path):
        info.dump(path)
    """
    keyword = """\
    from pkg import Info


    def by_name(info: Info, path):
        info.dump(f=path)
    """
    root = history(tmp_path, {"pkg/__init__.py": package, "app.py": user, "other.py": keyword},
                   {"pkg/__init__.py": "from pkg._info import Info\n", "pkg/_info.py": moved})
    report = report_of(root)
    assert "pkg:Info.dump" in {c["symbol"] for c in report["changes"] if c["breaking"]}
    assert "app" in affected(report)
    assert broken(report) == {"other"}


CALLBACKS = """\
import httpx


class TestClient(httpx.Client):
    def __init__(self, base_url="http://testserver"):
        super().__init__(base_url=base_url)

    def delete(self, url, allow_redirects=None):
        return url
"""


def test_a_method_handed_to_outside_code_is_judged_on_what_its_old_signature_required(
    tmp_path: Path,
) -> None:
    # starlette 0.46: TestClient(httpx.Client).delete(self, url, ..., allow_redirects=None)
    # lost allow_redirects; __init__ hands the client to httpx's, which may call its methods.
    # Outside code calls what it was handed with what it needed before, its required
    # arguments, which still bind; a required parameter added breaks that call
    dropped = CALLBACKS.replace(", allow_redirects=None", "")
    required = CALLBACKS.replace("def delete(self, url, allow_redirects=None)",
                                 "def delete(self, url, allow_redirects)")
    for number, (head, expected) in enumerate(((dropped, set()), (required, {"client"}))):
        root = history(tmp_path / str(number), {"client.py": CALLBACKS}, {"client.py": head})
        report = report_of(root)
        assert "client" in affected(report)
        assert broken(report) == expected


TIMEOUTS = """\
from contextlib import contextmanager


class CancelScope:
    def __init__(self, seconds):
        self.seconds = seconds

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def fail_after(seconds):
    return CancelScope(seconds)
"""


def test_a_function_made_a_context_manager_breaks_only_what_does_not_enter_its_result(
    tmp_path: Path,
) -> None:
    # trio 0.27: fail_after(seconds) returned a CancelScope and gained @contextmanager; pytest
    # 8.4: LoggingPlugin._runtest_for too, its callers rewritten to ``with``. A call that is a
    # ``with`` item still works; one whose result is used otherwise, or that no longer binds,
    # does not
    head = TIMEOUTS.replace("def fail_after(seconds):\n    return CancelScope(seconds)",
                            "@contextmanager\ndef fail_after(seconds):\n"
                            "    yield CancelScope(seconds)")
    entered = """\
    from lib import fail_after


    def run():
        with fail_after(1) as scope, open("f"):
            return scope
    """
    kept = """\
    from lib import fail_after


    def run():
        scope = fail_after(1)
        return scope.seconds
    """
    unbound = """\
    from lib import fail_after


    async def run():
        with fail_after(1, 2):
            pass
    """
    root = history(tmp_path, {"lib.py": TIMEOUTS, "entered.py": entered, "kept.py": kept,
                              "unbound.py": unbound}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:fail_after", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert {"entered", "kept", "unbound"} <= set(affected(report))
    assert broken(report) == {"kept", "unbound"}


def test_an_attribute_read_through_getattr_is_judged_on_the_call_python_makes(
    tmp_path: Path,
) -> None:
    # beautifulsoup4 4.13: Tag.__getattr__(self, tag) -> (self, subtag); ``t.body`` calls it
    # with the name, by position: it still binds. One more required parameter breaks the read
    lib = """\
    class Tag:
        def __getattr__(self, tag):
            return tag
    """
    user = """\
    from lib import Tag


    def use(t: Tag):
        return t.body
    """
    renamed = lib.replace("(self, tag)", "(self, subtag)").replace("return tag",
                                                                   "return subtag")
    required = lib.replace("(self, tag)", "(self, tag, default)")
    for number, (head, expected) in enumerate(((renamed, set()), (required, {"app"}))):
        root = history(tmp_path / str(number), {"lib.py": lib, "app.py": user},
                       {"lib.py": head})
        report = report_of(root)
        assert "app" in affected(report)
        assert broken(report) == expected


DEPRECATIONS = """\
import functools
import warnings


def _deprecated(name):
    def deprecate(func):
        @functools.wraps(func)
        def with_warning(*args, **kwargs):
            warnings.warn(name)
            return func(*args, **kwargs)
        return with_warning
    return deprecate


def fixed(func):
    def wrapper(key):
        return func(key, 1)
    return wrapper


class Tag:
    def has_key(self, key):
        return key

    def lookup(self, key, default=None):
        return key
"""


# has_key under a wrapper that hands on every argument, lookup under one with parameters of
# its own; and code calling each
WRAPPED = DEPRECATIONS.replace("    def has_key(", "    @_deprecated(\"has_attr\")\n"
                               "    def has_key(").replace(
    "    def lookup(", "    @fixed\n    def lookup(")
DEPRECATION_USERS = {
    "binds.py": "from lib import Tag\n\n\ndef use(t: Tag):\n    return t.has_key('a')\n",
    "unbound.py": "from lib import Tag\n\n\ndef use(t: Tag):\n    return t.has_key(name='a')\n",
    "fixed.py": "from lib import Tag\n\n\ndef use(t: Tag):\n    return t.lookup('a')\n",
}


def test_a_decorator_added_whose_wrapper_hands_on_every_argument_breaks_only_unbound_calls(
    tmp_path: Path,
) -> None:
    # beautifulsoup4 4.13: @_deprecated(...) on Tag.has_key & co., a wrapper that warns and
    # calls the method with its own *args and **kwargs: a call binds as before, or not; one
    # that did not bind before either (``has_key(name='a')``, written so in the base) is
    # not what the decorator breaks. A wrapper with parameters of its own takes other calls:
    # its users stay broken
    root = history(tmp_path, {"lib.py": DEPRECATIONS, **DEPRECATION_USERS}, {"lib.py": WRAPPED})
    report = report_of(root)
    assert {"binds", "unbound", "fixed"} <= set(affected(report))
    # (lib itself: the fixed wrapper's own call ``func(key, 1)`` of lookup binds it, as a
    # decorator that came hands its machinery the function: ``_calls_what_it_was_handed``)
    assert broken(report) == {"fixed"}


def test_a_decorator_removed_whose_wrapper_handed_on_every_argument_breaks_only_unbound_calls(
    tmp_path: Path,
) -> None:
    # falcon 4.0: @deprecated_args(allowed_positional=0) left HTTPError.__init__ & co., a
    # wrapper that warned and called the method with its own *args and **kwargs: a call now
    # reaches the method itself, and breaks only when that does not take it. So does one of
    # a wrapper of ours with parameters of its own (test_own_decorator_removed.py): whatever
    # it took, ``t.lookup('a')`` binds the bare method
    root = history(tmp_path, {"lib.py": WRAPPED, **DEPRECATION_USERS}, {"lib.py": DEPRECATIONS})
    report = report_of(root)
    assert ("lib:Tag.has_key", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert {"binds", "unbound", "fixed"} <= set(affected(report))
    assert broken(report) == {"unbound"}


def test_a_decorator_changed_on_a_method_outside_code_gets_unnamed_breaks_no_caller(
    tmp_path: Path,
) -> None:
    # astroid 3.3: ``@test_utils.require_version(...)`` left six test methods; the other tests
    # of their classes hand ``self`` to unittest (``self.assertRaises(...)``), which may call any
    # method of it: each was broken by each decorator change. Code naming the method is judged
    # as a call of it: the decorator of ours went, so by whether the bare method takes it
    # (``Thread(target=self.test_new)`` calls it with nothing: it does; ``reason=`` it does not)
    lib = """\
    import functools


    def require(version):
        def check(f):
            @functools.wraps(f)
            def skipped(self, reason="old"):
                return reason
            return skipped
        return check
    """
    test = """\
    import threading
    import unittest

    from lib import require


    class Checks(unittest.TestCase):
        @require("3.8")
        def test_new(self):
            assert 1

        def test_raises(self):
            with self.assertRaises(ValueError):
                int("x")
    """
    head = test.replace('        @require("3.8")\n', "")
    named = test + """\

        def test_thread(self):
            threading.Thread(target=self.test_new).start()

        def test_direct(self):
            self.test_new(reason="new")
    """
    root = history(tmp_path, {"lib.py": lib, "test_a.py": test}, {"test_a.py": head})
    report = report_of(root)
    assert ("test_a:Checks.test_new", "decorator-changed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken(report) == set()
    root = history(tmp_path / "named", {"lib.py": lib, "test_a.py": named},
                   {"test_a.py": named.replace('        @require("3.8")\n', "")})
    assert broken(report_of(root)) == {"test_a"}


def test_a_function_made_a_context_manager_is_entered_however_contextlib_is_spelled(
    tmp_path: Path,
) -> None:
    # ``@contextlib.contextmanager`` and an alias name the same decorator as the bare
    # ``@contextmanager`` does: a call that is a ``with`` item still works; one whose result is
    # used otherwise does not
    entered = """\
    from lib import fail_after


    def run():
        with fail_after(1) as scope:
            return scope
    """
    kept = """\
    from lib import fail_after


    def run():
        return fail_after(1).seconds
    """
    body = "def fail_after(seconds):\n    return CancelScope(seconds)"
    made = "def fail_after(seconds):\n    yield CancelScope(seconds)"
    for number, (imports, decorator) in enumerate((
        ("import contextlib\n", "@contextlib.contextmanager\n"),
        ("from contextlib import contextmanager as cm\n", "@cm\n"),
    )):
        base = TIMEOUTS.replace("from contextlib import contextmanager\n", imports)
        head = base.replace(body, decorator + made)
        root = history(tmp_path / str(number), {"lib.py": base, "entered.py": entered,
                                                "kept.py": kept}, {"lib.py": head})
        report = report_of(root)
        assert {"entered", "kept"} <= set(affected(report))
        assert broken(report) == {"kept"}, decorator


def test_a_decorator_of_its_own_named_contextmanager_is_not_contextlibs(tmp_path: Path) -> None:
    # the module's own ``contextmanager`` (not contextlib's) makes no context manager that a
    # ``with`` is known to take: the call stays broken. (An own decorator returning ``func``
    # as it is leaves the call as it was: ``test_given_back_decorators``.)
    own = TIMEOUTS.replace("from contextlib import contextmanager\n",
                           "def contextmanager(func):\n    def made(*args):\n"
                           "        return iter([func(*args)])\n    return made\n")
    head = own.replace("def fail_after(seconds):",
                       "@contextmanager\ndef fail_after(seconds):")
    entered = """\
    from lib import fail_after


    def run():
        with fail_after(1) as scope:
            return scope
    """
    root = history(tmp_path, {"lib.py": own, "entered.py": entered}, {"lib.py": head})
    assert "entered" in broken(report_of(root))


# marshmallow 4.0: a field's method is got by a name from the schema (``getattr(parent,
# name)``), checked by a helper that returns it, kept on the field and called later by a method
# it is handed to; the schema calls its hooks by names it stored (``getattr(self, attr_name)``),
# one through a ``functools.partial``. Nothing is known of the names: every method of the
# schema is a guess at what runs, and one whose signature changed breaks no call for sure.
SCHEMA = """\
import functools


def checked(obj):
    if not callable(obj):
        raise TypeError(obj)
    return obj


class Options:
    def __init__(self, meta):
        self.meta = meta


class Schema:
    OPTIONS_CLASS = Options

    def __init__(self, many=False, context=None):
        self.many = many

    def set_hook(self, fn, many=False):
        return fn

    def run(self, names, data):
        for name in names:
            processor = getattr(self, name)
            data = processor(data, many=True)
        for name in names:
            validate = functools.partial(getattr(self, name), key=1)
            data = validate(data)
        return data


class Method:
    def bind(self, parent, name):
        self.method = checked(getattr(parent, name))

    def serialize(self, value):
        return self._call(self.method, value)

    def _call(self, func, value):
        return func(value, 1)
"""


def test_a_call_through_a_value_got_by_an_unknown_name_is_a_guess(tmp_path: Path) -> None:
    user = """\
    from lib import Method, Schema


    def bind(schema: Schema, field: Method, name):
        field.bind(schema, name)
    """
    written = """\
    from lib import Schema


    def hook(schema: Schema, fn):
        return schema.set_hook(fn, True)
    """
    pattern = """\
    from lib import Schema


    def hook(schema: Schema, fn, kind):
        return getattr(schema, "set_" + kind)(fn, True)
    """
    head = (SCHEMA.replace("set_hook(self, fn, many=False)", "set_hook(self, fn, *, many=False)")
            .replace("many=False, context=None", "many=False")
            .replace("def __init__(self, meta)", "def __init__(self, meta, extra)"))
    root = history(tmp_path, {"lib.py": SCHEMA, "user.py": user, "written.py": written,
                              "pattern.py": pattern}, {"lib.py": head})
    report = report_of(root)
    kinds = {(c["symbol"], c["breaking"]) for c in report["changes"]}
    assert {("lib:Schema.set_hook", True), ("lib:Schema.__init__", True),
            ("lib:Options.__init__", True)} <= kinds
    assert {"lib", "written", "pattern"} <= set(affected(report))
    # ``lib``'s calls through the unknown names are guesses; a name written out, or known in
    # part (``"set_" + kind``), calls set_hook for sure, by position where it no longer binds
    assert broken(report) == {"written", "pattern"}


ASYNC_STREAMS = """\
import typing as t


async def items(source):
    for item in source:
        yield item


def lines(path) -> t.AsyncIterator[str]:
    return Lines(path)


def rows(path):
    return Lines(path)


class Lines:
    def __init__(self, path):
        self.path = path

    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration
"""


def test_async_moving_between_an_async_generator_and_a_function_returning_an_async_iterator(
    tmp_path: Path,
) -> None:
    # jinja2 3.1.5: ``async def auto_aiter`` (an async generator) became a plain ``def`` that
    # returns an async iterator; anyio 4.8: ``Path.iterdir`` (``def -> AsyncIterator[Path]``)
    # became an async generator. Both are called alike: the call gives an async iterator
    head = ASYNC_STREAMS.replace(
        "async def items(source):\n    for item in source:\n        yield item",
        "def items(source) -> t.AsyncIterator[int]:\n    return Lines(source)",
    ).replace(
        "def lines(path) -> t.AsyncIterator[str]:\n    return Lines(path)",
        "async def lines(path) -> t.AsyncIterator[str]:\n    async for line in Lines(path):\n"
        "        yield line",
    )
    user = """\
    from lib import items, lines


    async def run():
        async for item in items([1]):
            print(item)
        return lines("f").__anext__()
    """
    root = history(tmp_path, {"lib.py": ASYNC_STREAMS, "user.py": user}, {"lib.py": head})
    report = report_of(root)
    assert {(c["symbol"], c["breaking"]) for c in report["changes"]
            if c["kind"] == "async-changed"} == {("lib:items", False), ("lib:lines", False)}
    assert "user" in affected(report)
    assert broken(report) == set()


def test_a_function_made_an_async_generator_breaks_only_what_async_for_does_not_iterate(
    tmp_path: Path,
) -> None:
    # Nothing told what the plain ``rows`` returned (no annotation): the change breaks. An
    # ``async for`` over the call, or an async comprehension, iterates the async generator it
    # now is; a call awaited, iterated without ``async``, or no longer binding, breaks
    head = ASYNC_STREAMS.replace("def rows(path):\n    return Lines(path)",
                           "async def rows(path):\n    yield path")
    looped = """\
    from lib import rows


    async def run():
        async for row in rows("f"):
            print(row)
        return [row async for row in rows("g")]
    """
    awaited = "from lib import rows\n\n\nasync def run():\n    return await rows('f')\n"
    synced = "from lib import rows\n\n\ndef run():\n    for row in rows('f'):\n        pass\n"
    unbound = ("from lib import rows\n\n\nasync def run():\n"
               "    async for row in rows('f', 'g'):\n        pass\n")
    root = history(tmp_path, {"lib.py": ASYNC_STREAMS, "looped.py": looped, "awaited.py": awaited,
                              "synced.py": synced, "unbound.py": unbound}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:rows", "async-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert {"looped", "awaited", "synced", "unbound"} <= set(affected(report))
    assert broken(report) == {"awaited", "synced", "unbound"}


def test_a_class_that_lost_a_base_reached_only_through_an_unknown_name_is_a_guess(
    tmp_path: Path,
) -> None:
    # pyparsing 3.2: ParserElement._CacheType lost its base ``dict``; a test calls
    # ``getattr(expr, test_spec.parse_fn)(text)``, which may be any member of the parser,
    # the nested class among them. Code naming the class still breaks
    base = "class Parser:\n    class Cache(dict):\n        pass\n\n" \
           "    def parse(self, text):\n        return text\n"
    head = base.replace("class Cache(dict):\n        pass",
                        "class Cache:\n        def get(self, key):\n            return key")
    guessed = "from lib import Parser\n\n\ndef run(name):\n" \
              "    return getattr(Parser(), name)('x')\n"
    named = "from lib import Parser\n\n\ndef run():\n    return Parser.Cache().items()\n"
    root = history(tmp_path, {"lib.py": base, "guessed.py": guessed, "named.py": named},
                   {"lib.py": head})
    report = report_of(root)
    assert ("lib:Parser.Cache", "base-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert {"guessed", "named"} <= set(affected(report))
    assert broken(report) == {"named"}


def test_a_method_call_the_head_no_longer_links_is_judged_as_written(tmp_path: Path) -> None:
    # werkzeug 3.1: ``Headers.update(*args, **kwargs)`` became ``update(arg=None, /,
    # **kwargs)``; ``stream_encode_multipart`` still calls ``headers.update([...])``, but its
    # ``headers`` is no longer followed to ``Headers`` in the head: the call, as written, still
    # binds. One that passes two values no longer does
    base = """\
    import importlib


    class Headers:
        def update(self, *args, **kwargs):
            pass


    class Box:
        def __init__(self):
            self.headers = Headers()
    """
    head = base.replace("def update(self, *args, **kwargs):",
                        "def update(self, arg=None, /, **kwargs):").replace(
        "self.headers = Headers()", "self.headers = importlib.import_module('lib').Headers()")
    one = "from lib import Box\n\n\ndef use():\n    box = Box()\n" \
          "    box.headers.update([('a', 'b')])\n"
    two = "from lib import Box\n\n\ndef use():\n    box = Box()\n" \
          "    box.headers.update([('a', 'b')], [('c', 'd')])\n"
    root = history(tmp_path, {"lib.py": base, "one.py": one, "two.py": two}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:Headers.update", "parameter-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert {"one", "two"} <= set(affected(report))
    assert broken(report) == {"two"}


def test_a_method_call_the_head_links_to_another_method_is_judged_on_that_one(
    tmp_path: Path,
) -> None:
    # docutils 0.22: NodeVisitor.__init__'s ``document`` became positional-only, and
    # HTMLTranslator's ``nodes.NodeVisitor.__init__(self, document)`` became
    # ``super().__init__(document)``, now DoctreeTranslator's, which passes it on by position
    base = """\
    class Visitor:
        def __init__(self, document):
            self.document = document


    class Translator(Visitor):
        def __init__(self, document):
            Visitor.__init__(self, document)
    """
    head = """\
    class Visitor:
        def __init__(self, document, /):
            self.document = document


    class DoctreeTranslator(Visitor):
        def __init__(self, document):
            super().__init__(document)


    class Translator(DoctreeTranslator):
        def __init__(self, document):
            super().__init__(document)
    """
    user = "from lib import Visitor\n\n\ndef make(doc):\n    return Visitor(document=doc)\n"
    root = history(tmp_path, {"lib.py": base, "user.py": user}, {"lib.py": head})
    report = report_of(root)
    assert ("lib:Visitor.__init__", "parameter-kind-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken(report) == {"user"}


def test_a_call_a_test_expects_to_raise_type_error_is_not_broken_by_failing_to_bind(
    tmp_path: Path,
) -> None:
    # werkzeug 3.1: Headers.extend(*args, **kwargs) raised TypeError itself for two mappings;
    # it became extend(arg=None, /, **kwargs), and test_extend's
    # ``with pytest.raises(TypeError): h.extend({...}, {...})`` passes as before: a call that
    # no longer binds raises the TypeError the block expects. A pattern the message must match
    # (Python's own message is another), another exception, or a call outside the block
    # still breaks
    lib = """\
    class Headers:
        def extend(self, *args, **kwargs):
            if len(args) > 1:
                raise TypeError("too many")
    """
    head = lib.replace("def extend(self, *args, **kwargs)", "def extend(self, arg=None, /, **kw)")
    expected = """\
    import unittest

    import pytest

    from lib import Headers


    def test_extend():
        h = Headers()
        with pytest.raises(TypeError):
            h.extend({}, {})
        with pytest.raises((ValueError, TypeError)):
            h.extend({}, {})


    class ExtendTest(unittest.TestCase):
        def test_extend(self):
            with self.assertRaises(Exception):
                Headers().extend({}, {})
    """
    matched = """\
    import pytest

    from lib import Headers


    def test_extend():
        with pytest.raises(TypeError, match="too many"):
            Headers().extend({}, {})
    """
    other = """\
    import pytest

    from lib import Headers


    def test_extend():
        with pytest.raises(ValueError):
            Headers().extend({}, {})
    """
    outside = """\
    import pytest

    from lib import Headers


    def test_extend():
        h = Headers()
        with pytest.raises(TypeError):
            pass
        h.extend({}, {})
    """
    root = history(tmp_path, {"lib.py": lib, "test_expected.py": expected,
                              "test_matched.py": matched, "test_other.py": other,
                              "test_outside.py": outside}, {"lib.py": head})
    report = report_of(root)
    assert {"test_expected", "test_matched", "test_other", "test_outside"} <= set(
        affected(report))
    assert broken(report) == {"test_matched", "test_other", "test_outside"}


def test_a_name_a_package_getattr_still_serves_is_not_broken(tmp_path: Path) -> None:
    # werkzeug 3.1: OrderedMultiDict became _OrderedMultiDict, and werkzeug.datastructures'
    # ``__getattr__`` serves the old name with a DeprecationWarning: ``ds.OrderedMultiDict()``
    # still works. A ``__getattr__`` that does not name it (a lookup in a table: pydantic's
    # raises for removed names), or names it only to raise, serves nothing known
    structures = """\
    class OrderedMultiDict:
        pass
    """
    head_structures = structures.replace("class OrderedMultiDict", "class _OrderedMultiDict")
    served = """\
    def __getattr__(name):
        if name == "OrderedMultiDict":
            from .structures import _OrderedMultiDict
            return _OrderedMultiDict
        if name in ("Other", "More"):
            return None
        raise AttributeError(name)
    """
    refused = """\
    _MOVED = {"Gone": "elsewhere"}


    def __getattr__(name):
        if name == "OrderedMultiDict":
            raise AttributeError("OrderedMultiDict was removed")
        return _MOVED[name]
    """
    user = """\
    import {pkg} as ds


    def test_it():
        return ds.OrderedMultiDict()
    """
    base = {"served/__init__.py": "from .structures import OrderedMultiDict\n",
            "served/structures.py": structures,
            "refused/__init__.py": "from .structures import OrderedMultiDict\n",
            "refused/structures.py": structures,
            "test_served.py": user.format(pkg="served"),
            "test_refused.py": user.format(pkg="refused")}
    head = {"served/__init__.py": served, "served/structures.py": head_structures,
            "refused/__init__.py": refused, "refused/structures.py": head_structures}
    report = report_of(history(tmp_path, base, head))
    assert {"test_served", "test_refused"} <= set(affected(report))
    assert "test_served" not in broken(report)
    assert "test_refused" in broken(report)


def test_a_function_made_a_coroutine_breaks_only_calls_that_do_not_await_it(
    tmp_path: Path,
) -> None:
    # starlette 0.47: ``ExceptionMiddleware.http_exception`` became ``async def``; its handler
    # is called as ``await handler(conn, exc)`` where it is known async. A call that awaits
    # the result uses it as what it now is; a call that uses the result as it was, or no
    # longer binds, breaks; so does awaiting a function made an async generator
    base = "def handle(request, exc):\n    return exc\n\n\ndef rows(path):\n    return [path]\n"
    head = base.replace("def handle", "async def handle").replace(
        "def rows(path):\n    return [path]", "async def rows(path):\n    yield path")
    awaited = "from lib import handle\n\n\nasync def run(exc):\n    return await handle(1, exc)\n"
    plain = "from lib import handle\n\n\ndef run(exc):\n    return handle(1, exc).status\n"
    unbound = awaited.replace("handle(1, exc)", "handle(1, exc, 3)")
    generator = "from lib import rows\n\n\nasync def run():\n    return await rows('f')\n"
    root = history(tmp_path, {"lib.py": base, "awaited.py": awaited, "plain.py": plain,
                              "unbound.py": awaited, "generator.py": generator},
                   {"lib.py": head, "unbound.py": unbound})
    report = report_of(root)
    assert ("lib:handle", "async-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert {"awaited", "plain", "unbound", "generator"} <= set(affected(report))
    assert broken(report) == {"plain", "unbound", "generator"}


LIFT = """\
import typing

T = typing.TypeVar("T")


class Lift(typing.AsyncContextManager[T]):
    def __init__(self, cm):
        self._cm = cm

    async def __aexit__(self, *exc):
        return self._cm.__exit__(*exc)
"""

LIFT_USER = """\
from lib import Lift


async def run(cm):
    async with Lift(cm) as lifted:
        return lifted
"""


def test_a_base_spelled_through_its_typing_alias_and_then_its_class_breaks_nobody(
    tmp_path: Path,
) -> None:
    # starlette 0.47: ``class _AsyncLiftContextManager(typing.AsyncContextManager[_T])`` ->
    # ``(AbstractAsyncContextManager[_T])`` from contextlib: ``typing.AsyncContextManager`` is
    # that class (as ``typing.List`` is ``list``); the class keeps every name it had
    new = LIFT.replace("import typing\n", "import typing\nfrom contextlib import "
                       "AbstractAsyncContextManager\n").replace(
        "(typing.AsyncContextManager[T])", "(AbstractAsyncContextManager[T])")
    root = history(tmp_path, {"lib.py": LIFT, "app.py": LIFT_USER}, {"lib.py": new})
    report = report_of(root)
    assert "app" in affected(report)
    assert broken(report) == set()


def test_a_typing_alias_base_removed_takes_what_its_class_gave(tmp_path: Path) -> None:
    # without its base the class has no ``__aenter__``: ``async with`` fails
    new = LIFT.replace("(typing.AsyncContextManager[T])", "")
    root = history(tmp_path, {"lib.py": LIFT, "app.py": LIFT_USER}, {"lib.py": new})
    report = report_of(root)
    assert ("lib:Lift", "base-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken(report) == {"app"}


def test_a_function_made_a_coroutine_is_judged_where_outside_code_gets_it_by_name(
    tmp_path: Path,
) -> None:
    # starlette 0.47: ``http_exception`` made ``async`` is a value of the ``scope`` mapping, whose
    # values merge: ``get_route_path`` hands ``scope.get("root_path", "")`` to ``str.startswith``,
    # ``Headers.__eq__`` sorts ``self._list``. Outside code (or a builtin) may call what it is
    # given, and whether it awaits the result is not known; code that names the function it
    # hands over (``Thread(target=handle)``) is judged as a call of it, and breaks
    base = "def handle(request, exc):\n    return exc\n"
    named = """\
    import threading

    from lib import handle


    def start():
        return threading.Thread(target=handle, args=(1, 2))
    """
    merged = """\
    import re

    from lib import handle

    REGISTRY = {"handler": handle, "path": "/"}


    def route(registry):
        path = registry.get("path", "")
        return re.match("/", path)


    def main():
        return route(REGISTRY)
    """
    ordered = """\
    from lib import handle


    class Box:
        def __init__(self, items):
            self.items = items

        def __eq__(self, other):
            return sorted(self.items) == sorted(other.items)


    def make():
        return Box(handle)
    """
    root = history(tmp_path, {"lib.py": base, "named.py": named, "merged.py": merged,
                              "ordered.py": ordered},
                   {"lib.py": base.replace("def handle", "async def handle")})
    report = report_of(root)
    assert {"named", "merged", "ordered"} <= set(affected(report))
    assert broken(report) == {"named"}


def test_a_call_in_source_the_code_builds_is_not_judged_on_arguments_it_does_not_record(
    tmp_path: Path,
) -> None:
    # sphinx 8.2: ``LookupKey.__init__(self, data)`` became ``(self, data, /)``; its
    # ``__repr__`` returns ``f'LookupKey({self.data!r})'``, which reads as generated source
    # calling the class (sphinx runs ``exec`` elsewhere) with no argument recorded: binding
    # neither signature as far as anyone can tell. A call written out still breaks
    lib = """\
    class LookupKey:
        def __init__(self, data):
            self.data = data

        def __repr__(self):
            return f"LookupKey({self.data!r})"


    def load(source):
        exec(source, {})
    """
    written = "from lib import LookupKey\n\n\ndef key():\n    return LookupKey(data=[1])\n"
    spelled = "from lib import LookupKey\n\n\ndef key():\n    return LookupKey([1])\n"
    root = history(tmp_path, {"lib.py": lib, "written.py": written, "spelled.py": spelled},
                   {"lib.py": lib.replace("(self, data)", "(self, data, /)")})
    report = report_of(root)
    assert ("lib:LookupKey.__init__", "parameter-kind-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert {"lib", "written", "spelled"} <= set(affected(report))
    assert broken(report) == {"written"}



def test_a_function_a_builtin_calls_is_judged_on_the_call_the_builtin_makes(
    tmp_path: Path,
) -> None:
    # markupsafe 3.0: Markup.escape(cls, s) made ``s`` positional-only; Markup.join calls
    # ``map(self.escape, iterable)``, and map passes each element by position: still binds.
    # A required parameter added breaks it
    lib = """\
    class Markup(str):
        @classmethod
        def escape(cls, s):
            return cls(s)

        def join(self, seq):
            return super().join(map(self.escape, seq))

        def keys(self, seq):
            return sorted(seq, key=self.escape)
    """
    only = lib.replace("def escape(cls, s):", "def escape(cls, s, /):")
    root = history(tmp_path, {"lib.py": lib}, {"lib.py": only})
    report = report_of(root)
    assert "lib" in affected(report)
    assert "lib" not in broken(report)
    more = lib.replace("def escape(cls, s):", "def escape(cls, s, strict):")
    root = history(tmp_path / "more", {"lib.py": lib}, {"lib.py": more})
    assert "lib" in broken(report_of(root))


def test_a_callback_whose_old_signature_took_anything_is_no_certain_break(tmp_path: Path) -> None:
    # werkzeug 3.1: UpdateDictMixin(dict[K, V]).update(self, *args, **kwargs) became
    # update(self, arg, /, **kwargs); outside code may call it (dict's own methods on self),
    # and what it passes through *args is not known here: the new required ``arg`` may be
    # one of them. A callback that took nothing and now requires something still breaks
    lib = """\
    def loose(*args, **kwargs):
        return args


    def strict():
        return None
    """
    head = (lib.replace("def loose(*args, **kwargs):", "def loose(code, /, **kwargs):")
            .replace("def strict():", "def strict(code):"))
    user = """\
    import atexit

    from lib import {name}


    def setup():
        atexit.register({name})
    """
    root = history(tmp_path, {"lib.py": lib, "loose_user.py": user.format(name="loose"),
                              "strict_user.py": user.format(name="strict")}, {"lib.py": head})
    report = report_of(root)
    assert {"loose_user", "strict_user"} <= set(affected(report))
    assert broken(report) == {"strict_user"}


def test_a_callback_decorated_by_outside_code_is_no_certain_break(tmp_path: Path) -> None:
    # mkdocs 1.6: ``@patch('markdown.Markdown') def test_simple_list(self, mock_md)`` became
    # ``@mock.patch('markdown.Markdown', mock.Mock()) def test_simple_list(self)``; the other
    # tests hand ``self`` to unittest (``self.assertRaises``), which may call the method. What
    # outside code calls is the wrapper ``patch`` made, which passes the mock itself: not
    # the old signature's required arguments. An undecorated method is judged as before (in
    # code that is not a test's, whose signature is an API)
    test = """\
    import unittest
    from unittest import mock


    class Checks(unittest.TestCase):
        @mock.patch("os.getcwd")
        def test_cwd(self, getcwd):
            assert getcwd

        def test_raises(self):
            with self.assertRaises(ValueError):
                int("x")
    """
    head = test.replace('@mock.patch("os.getcwd")', '@mock.patch("os.getcwd", mock.Mock())'
                        ).replace("test_cwd(self, getcwd)", "test_cwd(self)").replace(
                            "assert getcwd", "assert 1")
    root = history(tmp_path, {"test_a.py": test}, {"test_a.py": head})
    report = report_of(root)
    assert ("test_a:Checks.test_cwd", "parameter-removed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert "test_a" in affected(report)
    assert broken(report) == set()
    plain = test.replace('        @mock.patch("os.getcwd")\n', "").replace(
        "test_cwd(self, getcwd)", "test_cwd(self)")
    required = plain.replace("test_cwd(self)", "test_cwd(self, getcwd)")
    root = history(tmp_path / "plain", {"checks.py": plain}, {"checks.py": required})
    assert broken(report_of(root)) == {"checks"}
    # ``@patch(...)`` on the class patches each test method the same way
    on_class = test.replace('        @mock.patch("os.getcwd")\n', "").replace(
        "    class Checks", '    @mock.patch("os.getcwd")\n    class Checks')
    root = history(tmp_path / "class", {"test_a.py": on_class}, {"test_a.py": on_class.replace(
        "test_cwd(self, getcwd)", "test_cwd(self)").replace("assert getcwd", "assert 1")})
    assert broken(report_of(root)) == set()


def test_a_decorator_changed_above_the_one_whose_wrapper_calls_breaks_not_that_call(
    tmp_path: Path,
) -> None:
    # celery 5.4: ``@_list_option('inspect')`` was added to ``inspect`` above
    # ``@handle_preload_options``, whose ``caller`` calls the function it was given: that is
    # the function as the decorators below it left it, the same before and after. One added
    # below it is what the wrapper now calls; its own wrapper's call of the function is
    # judged on binding (``_calls_what_it_was_handed``): ``f(*args)`` binds, ``f(ctx)`` not
    lib = """\
    import functools


    def preload(f):
        def caller(ctx, *args, **kwargs):
            return f(ctx, *args, **kwargs)
        return functools.update_wrapper(caller, f)


    def mark(f):
        def marked(*args):
            return f(*args)
        return marked


    def fix(f):
        def fixed(ctx):
            return f(ctx)
        return fixed
    """
    app = """\
    from lib import mark, preload
    from outside import option


    @preload
    def inspect(ctx, action):
        return action
    """
    above = app.replace("    @preload\n", '    @option("--list")\n    @preload\n')
    below = app.replace("    @preload\n", "    @preload\n    @mark\n")
    fixed = app.replace("    @preload\n", "    @preload\n    @fix\n").replace(
        "import mark,", "import fix,")
    for name, head, expected in (("above", above, set()), ("below", below, set()),
                                 ("fixed", fixed, {"lib"})):
        root = history(tmp_path / name, {"lib.py": lib, "app.py": app}, {"app.py": head})
        report = report_of(root)
        assert ("app:inspect", "decorator-changed") in {
            (c["symbol"], c["kind"]) for c in report["changes"]}
        assert "lib" in affected(report)
        assert broken(report) == expected, name


def test_a_forwarded_keyword_the_old_signature_did_not_take_either_is_no_break(
    tmp_path: Path,
) -> None:
    # docker 7.0: ``from_env(cls, **kwargs)`` pops ``version`` and friends, then calls
    # ``kwargs_from_env(**kwargs)``, which lost ``ssl_version`` and ``assert_hostname``. Its
    # caller passes ``version=...``: a keyword ``kwargs_from_env`` never took, so the code
    # takes it out before (the pop is not followed). A keyword it took and lost still breaks
    lib = """\
    def from_env(ssl_version=None, environment=None):
        return {}


    class Client:
        def __init__(self, version=None, **options):
            self.version = version

        @classmethod
        def make(cls, **kwargs):
            version = kwargs.pop("version", None)
            return cls(version=version, **from_env(**kwargs))
    """
    head = lib.replace("def from_env(ssl_version=None, environment=None)",
                       "def from_env(environment=None)")
    user = """\
    from lib import Client


    def connect():
        return Client.make({keywords})
    """
    for name, keywords, expected in (("popped", 'version="1.41"', set()),
                                     ("lost", 'ssl_version="tls"', {"lib"})):
        users = {"user.py": user.format(keywords=keywords)}
        root = history(tmp_path / name, {"lib.py": lib, **users}, {"lib.py": head})
        report = report_of(root)
        assert "lib:from_env" in {c["symbol"] for c in report["changes"] if c["breaking"]}
        assert "lib" in affected(report)
        assert broken(report) == expected, name


def test_a_method_called_through_a_wrapper_binds_when_it_binds_called_on_an_instance(
    tmp_path: Path,
) -> None:
    # docker 7.0: ``ContainerApiMixin.commit`` (under ``@utils.check_resource('container')``,
    # whose wrapper takes ``self, resource_id=None, *args, **kwargs``) gained ``pause`` before
    # ``changes``; ``Container.commit`` calls ``self.client.api.commit(self.id, repository=...,
    # tag=..., **kwargs)``. The edge through the decorated name does not say whether ``self``
    # is taken (``_binds_as_called`` tries the call without it), and the keywords ``**kwargs``
    # hands on were judged only as a call on the class, which never bound. It binds on an
    # instance: no certain break. A required parameter added binds neither way, and breaks
    lib = """\
    import functools


    def check(resource):
        def decorator(f):
            @functools.wraps(f)
            def wrapped(self, rid=None, *args, **kwargs):
                if rid is None:
                    rid = kwargs.pop(resource)
                return f(self, rid, *args, **kwargs)
            return wrapped
        return decorator


    class Api:
        @check("container")
        def commit(self, container, repository=None, changes=None):
            return container
    """
    user = """\
    from lib import Api


    class Container:
        def __init__(self):
            self.api = Api()

        def commit(self, repository=None, **kwargs):
            return self.api.commit("id", repository=repository, **kwargs)


    def save():
        return Container().commit(repository="r")
    """
    moved = lib.replace("repository=None, changes=None",
                        "repository=None, pause=True, changes=None")
    required = lib.replace("repository=None, changes=None", "repository=None, *, tag")
    for name, head, expected in (("moved", moved, set()), ("required", required, {"user"})):
        root = history(tmp_path / name, {"lib.py": lib, "user.py": user}, {"lib.py": head})
        report = report_of(root)
        assert "lib:Api.commit" in {c["symbol"] for c in report["changes"] if c["breaking"]}
        assert "user" in affected(report)
        assert broken(report) == expected, name


# sanic 23.12: ``Sanic.blueprint(self, blueprint, **options)`` lost ``**options``; a test calls
# ``func = getattr(app, method)`` then ``func(f"/{method}", version=1, name=...)`` beside
# ``app.blueprint(bp)``, so the edge to ``blueprint`` is no guess as a whole, and the getattr
# call was judged on it
ROUTER = """\
class App:
    def get(self, path, **options):
        return path

    def blueprint(self, blueprint, **options):
        return blueprint
"""
ROUTER_HEAD = ROUTER.replace("def blueprint(self, blueprint, **options):",
                             "def blueprint(self, blueprint, *, url_prefix=None):")


def _router_report(tmp_path: Path, user: str) -> dict:
    root = history(tmp_path, {"lib.py": ROUTER, "app.py": user}, {"lib.py": ROUTER_HEAD})
    return report_of(root)


def test_a_call_by_an_unknown_name_beside_a_written_one_is_a_guess(tmp_path: Path) -> None:
    user = "from lib import App\n\n\ndef run(method):\n    app = App()\n" \
           "    func = getattr(app, method)\n    func('/x', version=1, name='r')\n" \
           "    app.blueprint('bp')\n"
    report = _router_report(tmp_path, user)
    assert "app" in affected(report)
    assert broken(report) == set()


def test_a_written_call_no_longer_binding_beside_a_guess_stays_broken(tmp_path: Path) -> None:
    user = "from lib import App\n\n\ndef run(method):\n    app = App()\n" \
           "    func = getattr(app, method)\n    func('/x', version=1, name='r')\n" \
           "    app.blueprint('bp', version=1)\n"
    assert broken(_router_report(tmp_path, user)) == {"app"}


def test_a_call_through_a_name_known_in_part_is_judged(tmp_path: Path) -> None:
    user = "from lib import App\n\n\ndef run(kind):\n    app = App()\n" \
           "    func = getattr(app, 'blue' + kind)\n    func('/x', version=1, name='r')\n"
    assert broken(_router_report(tmp_path, user)) == {"app"}


# chardet 5.0 renamed ``JapaneseContextAnalysis.get_order(self, byte_str)``'s parameter to
# ``_``; the subclasses' overrides kept ``byte_str``, and every call passes it by position
PROBER = """\
class Analysis:
    def feed(self, data):
        return self.get_order(data[:2])

    def get_order(self, byte_str):
        return -1


class Japanese(Analysis):
    def get_order(self, byte_str):
        return byte_str[0]
"""


def _prober_report(tmp_path: Path, call: str) -> dict:
    head = PROBER.replace("    def get_order(self, byte_str):\n        return -1",
                          "    def get_order(self, _):\n        return -1")
    user = "from lib import Analysis, Japanese\n\n\ndef run(analysis: Analysis):\n" \
           f"    return {call}\n"
    root = history(tmp_path, {"lib.py": PROBER, "app.py": user},
                   {"lib.py": head, "app.py": user.replace("byte_str=", "_=")})
    return report_of(root)


def test_an_override_keeping_a_renamed_parameter_no_call_names_is_not_broken(
    tmp_path: Path,
) -> None:
    report = _prober_report(tmp_path, "analysis.get_order(b'ab'), Japanese().feed(b'ab')")
    assert ("lib:Analysis.get_order", "parameter-renamed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert "lib" in affected(report)
    assert broken(report) == set()


def test_an_override_keeping_a_renamed_parameter_a_call_names_is_broken(
    tmp_path: Path,
) -> None:
    # a value typed with the base may be a ``Japanese``, whose override lacks ``_``
    report = _prober_report(tmp_path, "analysis.get_order(byte_str=b'ab')")
    assert "lib" in broken(report)


# xmlschema 3.0: ``XsdElement.check_dynamic_context(self, elem, **kwargs)`` became ``(self, elem,
# validation, options)``; tests hand elements to ``list()`` and ``assertListEqual``, so every
# method of the class was a callback judged on its old required call (27 modules broken)
ELEMENT = """\
from collections.abc import Sequence


class Element({base}):
    def __getitem__(self, index):
        return index

    def __len__(self):
        return 0

    def check(self, elem, **kwargs):
        return elem
"""

ELEMENT_USER = """\
import outside

from lib import Element


def test_children():
    outside.assert_list_equal(Element(), [])
"""


def _element_report(tmp_path: Path, base: str) -> dict:
    lib = ELEMENT.format(base=base)
    head = lib.replace("def check(self, elem, **kwargs):", "def check(self, elem, validation):")
    root = history(tmp_path, {"lib.py": lib, "tests/test_it.py": ELEMENT_USER}, {"lib.py": head})
    return report_of(root)


def test_a_method_of_an_instance_handed_over_by_no_protocol_is_no_certain_break(
    tmp_path: Path,
) -> None:
    report = _element_report(tmp_path, "Sequence")
    assert ("lib:Element.check", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken(report) == set()


def test_a_method_of_an_instance_of_an_outside_class_handed_over_stays_broken(
    tmp_path: Path,
) -> None:
    # a ``logging.Handler``'s ``emit`` is called by logging: the names of an outside base
    # are not known one by one
    user = "import outside\n\nfrom lib import Element\n\n\ndef install():\n" \
           "    outside.add_handler(Element())\n"
    lib = ELEMENT.format(base="outside.Handler").replace(
        "from collections.abc import Sequence", "import outside")
    head = lib.replace("def check(self, elem, **kwargs):", "def check(self, elem, validation):")
    root = history(tmp_path, {"lib.py": lib, "app.py": user}, {"lib.py": head})
    assert "app" in broken(report_of(root))


def test_a_method_handed_over_by_name_stays_broken(tmp_path: Path) -> None:
    user = "import threading\n\nfrom lib import Element\n\n\ndef start():\n" \
           "    threading.Thread(target=Element().check).start()\n"
    lib = ELEMENT.format(base="Sequence")
    head = lib.replace("def check(self, elem, **kwargs):", "def check(self, elem, validation):")
    root = history(tmp_path, {"lib.py": lib, "app.py": user}, {"lib.py": head})
    assert "app" in broken(report_of(root))


def test_a_function_made_a_coroutine_handed_to_asyncio_run_breaks_nothing(
    tmp_path: Path,
) -> None:
    # vcrpy 6.0 made ``_record_responses`` async; its sync caller runs it with
    # ``asyncio.run(_record_responses(...))``. A call whose result is handed elsewhere, or
    # kept, uses it as it was
    base = "def record(cassette, response):\n    return response\n"
    head = base.replace("def record", "async def record")
    ran = "import asyncio\n\nfrom lib import record\n\n\ndef send(c, r):\n" \
          "    asyncio.run(record(c, r))\n"
    aliased = "import asyncio as aio\n\nfrom lib import record\n\n\ndef send(c, r):\n" \
              "    return aio.gather(record(c, r))\n"
    printed = "import asyncio\n\nfrom lib import record\n\n\ndef send(c, r):\n" \
              "    asyncio.run(print(record(c, r)))\n"
    kept = "import asyncio\n\nfrom lib import record\n\n\ndef send(c, r):\n" \
           "    result = record(c, r)\n    asyncio.run(asyncio.sleep(0))\n    return result\n"
    root = history(tmp_path, {"lib.py": base, "ran.py": ran, "aliased.py": aliased,
                              "printed.py": printed, "kept.py": kept}, {"lib.py": head})
    report = report_of(root)
    assert {"ran", "aliased", "printed", "kept"} <= set(affected(report))
    assert broken(report) == {"printed", "kept"}


def test_an_async_generator_bound_to_a_local_and_only_async_iterated_breaks_nothing(
    tmp_path: Path,
) -> None:
    # prompt_toolkit 3.0's ``tests/test_async_generator.py``: the result is bound to a local
    # name first, then iterated by ``async for`` in a nested coroutine. Handed on, returned,
    # iterated without ``async`` or also read otherwise, it breaks as the call would
    head = ASYNC_STREAMS.replace("def rows(path):\n    return Lines(path)",
                                 "async def rows(path):\n    yield path")
    local = """\
    from lib import rows


    def run():
        stream = rows("f")
        found = []

        async def consume():
            async for row in stream:
                found.append(row)

        return consume, found
    """
    handed = ("from lib import rows\n\n\ndef run():\n    stream = rows('f')\n"
              "    return list(stream)\n")
    returned = "from lib import rows\n\n\ndef run():\n    stream = rows('f')\n    return stream\n"
    synced = ("from lib import rows\n\n\ndef run():\n    stream = rows('f')\n"
              "    for row in stream:\n        print(row)\n")
    both = ("from lib import rows\n\n\nasync def run():\n    stream = rows('f')\n"
            "    async for row in stream:\n        print(row)\n    return stream.path\n")
    root = history(tmp_path, {"lib.py": ASYNC_STREAMS, "local.py": local, "handed.py": handed,
                              "returned.py": returned, "synced.py": synced, "both.py": both},
                   {"lib.py": head})
    report = report_of(root)
    assert {"local", "handed", "returned", "synced", "both"} <= set(affected(report))
    assert broken(report) == {"handed", "returned", "synced", "both"}
