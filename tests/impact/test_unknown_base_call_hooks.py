"""A call of an outside base's method on our object, when that base is not a standard-library
class whose source bounds what the method calls (``stdlib_self``), runs the methods of ours
that base's code could call by name: the ones it may define (an override that extends the
base's method through ``super()``, a special method, a name a standard-library base of the
MRO has) and the ones no code of ours names (there for outside code to call). A helper our
own code calls, which the base is not known to have, is only a guess (an ``unbounded``
edge: ``tests`` follows it, ``impact`` judges no call through it); so it is for outside
code the object is handed to, which knows it by that base.

pytest 7.4.4 -> 8.0.0: ``pluginmanager.getplugin(name)`` runs pluggy's ``get_plugin`` on
``PytestPluginManager``; every method of that class was linked as a callback of each such
call, so ``_getconftestmodules`` and ``_rget_with_confmod`` losing parameters, and
``consider_conftest`` gaining one (their callers, all ours, updated), broke 17 modules.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between
from helpers import graph_of

MANAGER = """
import thirdparty


class Manager(thirdparty.PluginManager):
    def register(self, plugin, name=None):
        self._remember(plugin{remember_call})
        return super().register(plugin, name)

    def parse_opts(self, plugin, name{parse}):
        return None

    def _remember(self, plugin{remember}):
        return plugin

    def consider(self, module{consider}):
        self._remember(module{remember_call})

    def __repr__(self):
        return "Manager()"


def manager():
    return Manager()
"""
USE = """
import thirdparty

from lib.manager import manager


def lookup(name):
    return manager().get_plugin(name)


def announce():
    thirdparty.hook.added(pluginmanager=manager())
"""
OTHER = """
from lib.manager import manager


def test_consider():
    manager().consider(None{consider_call})
"""


def _tree(parse: str = "", remember: str = "", consider: str = "",
          remember_call: str = "", consider_call: str = "") -> dict[str, str | None]:
    return {
        "lib/__init__.py": "",
        "lib/manager.py": MANAGER.format(parse=parse, remember=remember, consider=consider,
                                         remember_call=remember_call),
        "lib/use.py": USE,
        "tests/test_other.py": OTHER.format(consider_call=consider_call),
    }


def _calls(source: str) -> dict[str, bool]:
    """The calls edges of ``source``, each with whether it is only a guess (``unbounded``)."""
    files = {path: text for path, text in _tree().items() if text is not None}
    graph = graph_of(files)
    return {target: bool(graph.edge_data(source, target, "calls").get("unbounded"))
            for target, kind in graph.successors(source) if kind == "calls"}


def test_an_outside_method_reaches_what_the_base_could_call_by_name() -> None:
    edges = _calls("lib.use:lookup")
    for known in ("register", "parse_opts", "__repr__"):
        assert edges[f"lib.manager:Manager.{known}"] is False, known
    # the helpers our own code calls: the base may call them too, but nothing shows it has
    # the name; a guess, which ``tests`` follows and ``impact`` does not judge
    for guessed in ("_remember", "consider"):
        assert edges[f"lib.manager:Manager.{guessed}"] is True, guessed


def test_outside_code_handed_the_object_reaches_the_same_methods() -> None:
    edges = _calls("lib.use:announce")
    for known in ("register", "parse_opts"):
        assert edges[f"lib.manager:Manager.{known}"] is False, known
    for guessed in ("_remember", "consider"):
        assert edges[f"lib.manager:Manager.{guessed}"] is True, guessed


def test_a_changed_helper_of_ours_breaks_no_caller_of_the_outside_method(
        tmp_path: Path) -> None:
    head = {"lib/manager.py": MANAGER.format(parse="", remember=", extra", consider=", how",
                                             remember_call=", 1"),
            "tests/test_other.py": OTHER.format(consider_call=", 1")}
    report = impact_between(_tree(), head, tmp_path)
    assert {("lib.manager:Manager._remember", "parameter-added"),
            ("lib.manager:Manager.consider", "parameter-added")} <= {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_hook_outside_code_calls_still_breaks_the_caller(tmp_path: Path) -> None:
    # ``parse_opts`` is no name of ours to call: the base's code calls it, with what the old
    # signature took, and the new one requires more (from ``get_plugin`` in ``lib.use``, from
    # ``super().register`` in ``lib.manager``)
    head = {"lib/manager.py": MANAGER.format(parse=", extra", remember="", consider="",
                                             remember_call="")}
    assert broken_modules(impact_between(_tree(), head, tmp_path)) == {"lib.use", "lib.manager"}
