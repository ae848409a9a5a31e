"""Edges made only by a module's ``if __name__ == "__main__":`` block are marked ``main``:
that code runs when the module runs as a program, not when it is imported. The same edge
made by other code of the module is not."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.linker.snapshot import graph_from_dict, graph_to_dict
from impactgraph.model import EdgeKind

FILES = {
    "tool.py": """
        def run():
            pass


        def setup():
            pass


        def both():
            pass


        def after():
            pass


        CONFIG = {}
        both()

        if __name__ == "__main__":
            setup()
            run()
            both()
            print(CONFIG)
            after()

        after()
    """,
}


def test_only_the_main_block_makes_the_edge() -> None:
    graph = graph_of(FILES)
    assert graph.edge_data("tool", "tool:run", EdgeKind.CALLS).get("main") is True
    assert graph.edge_data("tool", "tool:setup", EdgeKind.CALLS).get("main") is True
    assert graph.edge_data("tool", "tool:CONFIG", EdgeKind.REFERENCES).get("main") is True
    assert not graph.edge_data("tool", "tool:both", EdgeKind.CALLS).get("main")
    assert not graph.edge_data("tool", "tool:after", EdgeKind.CALLS).get("main")


def test_the_mark_is_kept_by_a_stored_graph() -> None:
    graph = graph_of(FILES)
    stored = graph_from_dict(graph_to_dict(graph))
    assert stored is not None
    assert stored.edge_data("tool", "tool:run", EdgeKind.CALLS).get("main") is True
    assert not stored.edge_data("tool", "tool:both", EdgeKind.CALLS).get("main")


def test_a_guard_joined_by_and_to_another_condition_is_a_main_block() -> None:
    # rich 13.9's ansi.py: ``if sys.platform != "win32" and __name__ == "__main__":`` holds
    # a demo; its calls run only when the module runs as a program, on any platform
    graph = graph_of({
        "demo.py": """
            import sys


            def show():
                pass


            def always():
                pass


            if sys.platform != "win32" and __name__ == "__main__":
                show()

            if "__main__" == __name__ and (sys.argv and len(sys.argv) > 1):
                show()

            if sys.platform != "win32" or __name__ == "__main__":
                always()
        """,
    })
    assert graph.edge_data("demo", "demo:show", EdgeKind.CALLS).get("main") is True
    # ``or``: the body runs on import too
    assert not graph.edge_data("demo", "demo:always", EdgeKind.CALLS).get("main")
