"""Calls through names computed at run time: ``getattr`` with a pattern, or with nothing known."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.linker.graph import ANY_CALLEE
from impactgraph.linker.resolve import MAX_VALUES
from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict

SHELL = """
class Shell:
    def onecmd(self, cmd, name):
        getattr(self, f"do_{cmd}")()
        handler = getattr(self, name)
        return handler()

    def run(self, line):
        return getattr(self, "do_%s" % line, self.default)()

    def default(self):
        return None

    def do_quit(self):
        return True


class Loud(Shell):
    def do_shout(self):
        return "!"

    def help(self):
        return "?"
"""


def calls(graph, source: str) -> dict[str, dict]:
    return {t: graph.edge_data(source, t, k) for t, k in graph.successors(source) if k == "calls"}


def test_a_constant_prefix_reaches_every_matching_method_of_the_hierarchy() -> None:
    graph = graph_of({"shell.py": SHELL})
    run = calls(graph, "shell:Shell.run")
    assert set(run) == {"shell:Shell.do_quit", "shell:Loud.do_shout", "shell:Shell.default"}
    assert run["shell:Shell.do_quit"]["dynamic"] is True
    assert run["shell:Shell.default"]["dynamic"] is False


def test_an_unknown_name_is_an_unbounded_site_reaching_every_method() -> None:
    graph = graph_of({"shell.py": SHELL})
    onecmd = calls(graph, "shell:Shell.onecmd")
    assert {"shell:Loud.help", "shell:Shell.default", "shell:Shell.run"} <= set(onecmd)
    assert all(data["dynamic"] for data in onecmd.values())
    assert graph.unbounded_sites == [("shell:Shell.onecmd", "shell:Shell")]
    assert graph.unresolved_calls == 0
    restored = graph_from_dict(graph_to_dict(graph))
    assert restored is not None
    assert restored.unbounded_sites == graph.unbounded_sites
    assert restored.edge_data("shell:Shell.onecmd", "shell:Loud.help", "calls")["dynamic"]


def test_a_constant_name_is_an_attribute_and_a_module_can_be_the_receiver() -> None:
    graph = graph_of({
        "handlers.py": "def on_save():\n    pass\n\ndef on_load():\n    pass\n",
        "main.py": """
            import handlers

            def fire(event):
                getattr(handlers, "on_" + event)()
                getattr(handlers, "on_save")()
        """,
    })
    fire = calls(graph, "main:fire")
    assert set(fire) == {"handlers:on_save", "handlers:on_load"}
    assert fire["handlers:on_save"]["dynamic"] is False
    assert graph.unbounded_sites == []


def test_a_call_through_more_values_than_kept_is_a_site_the_linker_gave_up_on() -> None:
    count = MAX_VALUES + 5
    source = "".join(f"def h{i}():\n    pass\n\n" for i in range(count))
    source += "TABLE = [" + ", ".join(f"h{i}" for i in range(count)) + "]\n\n"
    source += "def few():\n    return [h0, h1][0]()\n\n"
    source += "def every(i):\n    return TABLE[i]()\n"
    graph = graph_of({"table.py": source})
    assert graph.unbounded_sites == [("table:every", ANY_CALLEE)]
    restored = graph_from_dict(graph_to_dict(graph))
    assert restored is not None and restored.unbounded_sites == graph.unbounded_sites


FILTER = """
class Filter:
    def _process(self, tlist):
        func_name = f'_process_{type(tlist).__name__}'
        func = getattr(self, func_name.lower(), self._process_default)
        func(tlist)

    def _stripws(self, tlist):
        func_name = '_stripws_{cls}'.format(cls=type(tlist).__name__)
        return getattr(self, func_name.lower(), self._stripws_default)(tlist)

    def shout(self, kind):
        return getattr(self, ("%s_loud" % kind).upper())()

    def _process_default(self, tlist):
        return None

    def _process_identifierlist(self, tlist):
        return None

    def _stripws_default(self, tlist):
        return None

    def _stripws_parenthesis(self, tlist):
        return None

    def CALL_LOUD(self):
        return None

    def call_loud(self):
        return None

    def help(self):
        return None
"""


def test_a_name_built_in_a_local_and_lowercased_keeps_its_prefix() -> None:
    graph = graph_of({"filters.py": FILTER})
    assert set(calls(graph, "filters:Filter._process")) == {
        "filters:Filter._process_default", "filters:Filter._process_identifierlist"
    }
    assert set(calls(graph, "filters:Filter._stripws")) == {
        "filters:Filter._stripws_default", "filters:Filter._stripws_parenthesis"
    }
    # ``.upper()`` changes the case of what is known: only the upper-case member fits
    assert set(calls(graph, "filters:Filter.shout")) == {"filters:Filter.CALL_LOUD"}
    assert graph.unbounded_sites == []


def test_a_loop_over_literal_names_calls_each_of_them() -> None:
    graph = graph_of({"files.py": """
        class File:
            def flush(self):
                pass

            def tell(self):
                pass

            def read(self):
                pass

        def test_closed(f: File):
            methods = ('flush', 'tell')
            for method_name in methods:
                getattr(f, method_name)()
    """})
    assert set(calls(graph, "files:test_closed")) == {"files:File.flush", "files:File.tell"}
    assert graph.unbounded_sites == []
