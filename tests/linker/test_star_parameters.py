"""What a ``*args`` parameter holds: the arguments callers pass past the named parameters
(click's ``Group.command(*args)``, used bare as ``@grp.command``, takes the function as
``args[0]``; Django's ``lazy(func, *resultclasses)`` and ``CheckCondition(*conditions)``)."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.app.callgraph import to_pycg


def calls(source: str) -> dict[str, list[str]]:
    return to_pycg(graph_of({"main.py": source}))


def test_an_argument_past_the_named_ones_is_an_element_of_args():
    found = calls("""
def first(*args):
    args[0]()

def each(name, *handlers):
    for handler in handlers:
        handler()

def a(): pass
def b(): pass
def c(): pass
def d(): pass

def main():
    first(a)
    each("x", b, c)
    each(d)
""")
    assert found["main.first"] == ["main.a"]
    assert found["main.each"] == ["main.b", "main.c"]  # d is ``name``, not a handler


def test_a_decorator_used_with_or_without_parentheses_gets_the_function():
    found = calls("""
class Command:
    def __init__(self, callback):
        self.callback = callback

    def run(self):
        self.callback()

class Group:
    def command(self, *args):
        func = None
        if args and callable(args[0]):
            func = args[0]
            args = args[1:]

        def decorator(f):
            return Command(f)

        if func is not None:
            return decorator(func)
        return decorator

grp = Group()

@grp.command
def bare():
    pass

@grp.command()
def called():
    pass

def main():
    bare.run()
""")
    assert found["main.Command.run"] == ["main.bare", "main.called"]


def test_a_method_of_args_is_the_tuples():
    graph = graph_of({"main.py": """
def count(*args):
    return args.count(1) + args.index(1)
"""})
    assert graph.unresolved_calls == 0
