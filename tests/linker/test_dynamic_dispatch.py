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


# marshmallow 4.0's ``fields.Method``: what ``getattr(parent, name)`` gives is checked by a
# helper that returns it, kept on the field and called later, elsewhere, by a method that is
# handed it; ``Schema._invoke_processors`` builds a ``functools.partial`` of it. A class
# attribute of the schema that is a class (``OPTIONS_CLASS``), a decorated method and an
# outside ``partial`` are reached through the same unknown name.
FLOWS = """
import functools


def checked(obj):
    if not callable(obj):
        raise TypeError(obj)
    return obj


def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


class Options:
    def __init__(self, meta):
        self.meta = meta


class Schema:
    OPTIONS_CLASS = Options

    def __init__(self, many=False):
        self.many = many

    def dump(self, obj):
        return obj

    @traced
    def hook(self, data):
        return data

    def run(self, name, data):
        processor = getattr(self, name)
        processor(data, many=True)
        validate = functools.partial(getattr(self, name), key=1)
        return sorted(data, key=getattr(self, name))


class Method:
    def bind(self, parent, name):
        self.method = checked(getattr(parent, name))

    def serialize(self, value):
        return self._call(self.method, value)

    def _call(self, func, value):
        return func(value, 1)

    def written(self, schema: Schema, value):
        self._call(schema.dump, value)
        return schema.dump(value)


def bind(schema: Schema, method: Method, name):
    method.bind(schema, name)
"""


def test_a_value_got_by_an_unknown_name_keeps_its_mark_through_the_flow() -> None:
    graph = graph_of({"flows.py": FLOWS})
    dump, init, hook = "flows:Schema.dump", "flows:Options.__init__", "flows:Schema.hook"
    guessed = {init, "flows:Options", hook, "flows:traced.wrapper", "flows:Schema.run"}
    for caller, targets in (
        ("flows:Method._call", guessed), ("flows:Schema.run", guessed | {dump}),
    ):
        found = calls(graph, caller)
        assert targets <= set(found), caller
        for target in targets:  # a guess, however the value came to the call
            assert found[target]["dynamic"] is True, (caller, target)
            assert found[target]["unbounded"] is True, (caller, target)
    # ``written`` hands ``schema.dump`` to ``_call`` by its name: that call of it is no guess,
    # and the plain edge stays (as it does for a call written out)
    assert calls(graph, "flows:Method._call")[dump]["dynamic"] is False
    assert "unbounded" not in calls(graph, "flows:Method._call")[dump]
    assert "unbounded" not in calls(graph, "flows:Method.written")[dump]
    restored = graph_from_dict(graph_to_dict(graph))
    assert restored is not None
    assert restored.edge_data("flows:Method._call", init, "calls")["unbounded"] is True
    assert "unbounded" not in restored.edge_data("flows:Method._call", dump, "calls")


def test_a_name_known_in_part_is_dynamic_but_not_unbounded() -> None:
    graph = graph_of({"shell.py": SHELL})
    run = calls(graph, "shell:Shell.run")
    assert run["shell:Shell.do_quit"]["dynamic"] is True
    assert "unbounded" not in run["shell:Shell.do_quit"]
    # ``onecmd`` calls ``do_*`` by a pattern and every method by an unknown name: the pattern
    # is known in part, and its edges are dynamic only
    onecmd = calls(graph, "shell:Shell.onecmd")
    assert all(bool(data.get("unbounded")) is (not target.rpartition(".")[2].startswith("do_"))
               for target, data in onecmd.items())
