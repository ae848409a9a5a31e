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
