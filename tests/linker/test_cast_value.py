"""``typing.cast(T, x)`` gives ``x`` at run time. The linker takes the instances ``T``
describes (as before) and, beside them, the functions, methods and classes of ours among
``x``'s values (``expressions.OnlyCode``): what ``T``'s instances cannot stand for. Instances
of ours are not carried through: a helper casting whatever it is handed (rich's
``rich_cast``) would merge every caller's values into every place it returns to, past the
linker's limit (``MAX_VALUES``), and a cast never makes a call site unbounded."""

from __future__ import annotations

from helpers import graph_of

SOURCE = '''
from typing import Callable, Protocol, Type, cast


class Shape(Protocol):
    def area(self) -> int: ...


class Runner(Protocol):
    check: Callable[[], bool]

    def __call__(self) -> int: ...


class Square:
    def area(self) -> int:
        return 4


class Base:
    def go(self) -> int:
        return 0


class Impl(Base):
    def go(self) -> int:
        return 1


class Job:
    def run(self) -> int:
        return 2

    def runner(self) -> Runner:
        return cast(Runner, self.run)


def run(f):
    return f()


def make() -> int:
    return 1


def check() -> bool:
    return True


def _as_runner(f: object) -> Runner:
    return cast("Runner", f)


@_as_runner
def job() -> int:
    return 3


job.check = check


def square_area() -> int:
    return cast(Shape, Square()).area()


def made() -> int:
    return cast("Runner", make)()


def checked() -> bool:
    return job.check()


def bound() -> int:
    return Job().runner()()


def made_class() -> int:
    return cast(Type[Base], Impl)().go()


def unknown(i: int) -> int:
    return cast(Shape, SHAPES[i]).area()
'''
# more classes than the linker keeps values of one expression (MAX_VALUES): it gives up on them
SOURCE += "".join(f"\n\nclass S{i}:\n    def size(self) -> int:\n        return {i}\n"
                  for i in range(501))
SOURCE += "\n\nSHAPES = [" + ", ".join(f"S{i}" for i in range(501)) + "]\n"


def calls(graph, source: str) -> set[str]:
    return {t for t, k in graph.successors(source) if k == "calls"}


def test_a_function_method_or_class_cast_is_called_itself() -> None:
    graph = graph_of({"app.py": SOURCE})
    assert "app:make" in calls(graph, "app:made")
    assert "app:Job.run" in calls(graph, "app:bound")
    assert "app:Impl.go" in calls(graph, "app:made_class")


def test_a_function_cast_by_its_decorator_keeps_what_is_stored_on_it() -> None:
    # reg 1.0.0's ``arginfo``: ``_coerce_to_arginfo`` returns ``cast("ArgInfo", f)``, and the
    # module stores ``arginfo.is_cached = is_cached``
    graph = graph_of({"app.py": SOURCE})
    assert "app:check" in calls(graph, "app:checked")


def test_an_instance_cast_to_a_protocol_is_its_implementations() -> None:
    graph = graph_of({"app.py": SOURCE})
    assert "app:Square.area" in calls(graph, "app:square_area")  # as before: structurally


def test_a_cast_of_a_value_given_up_on_is_the_type_named() -> None:
    graph = graph_of({"app.py": SOURCE})
    assert "app:Shape.area" in calls(graph, "app:unknown")
    assert not [site for site in graph.unbounded_sites if site[0] == "app:unknown"]


# rich 13.9.2: ``rich_cast(renderable)`` returns ``cast(RenderableType, renderable)``, and is
# called on whatever ``Console.print`` is handed; its result goes on to ``Pretty(obj)``, whose
# ``obj`` already held close to MAX_VALUES values. With the instances cast carried through,
# ``obj`` went past the limit and its calls bound nothing (1,062 of 5,882 edges lost).
CROWDED = '''
from typing import Protocol, cast


class Renderable(Protocol):  # which no class below implements whole
    def render(self) -> str: ...

    def measure(self) -> int: ...


def as_renderable(obj: object) -> Renderable:
    return cast(Renderable, obj)


def pretty(obj) -> str:
    return obj.render()


def show(obj) -> str:
    return pretty(as_renderable(obj))


def run() -> None:
    for cls in DIRECT:
        pretty(cls())
    for cls in SHOWN:
        show(cls())
'''
CROWDED += "".join(f"\n\nclass C{i}:\n    def render(self) -> str:\n        return '{i}'\n"
                   for i in range(450))
CROWDED += "".join(f"\n\nclass D{i}:\n    def render(self) -> str:\n        return '{i}'\n"
                   for i in range(100))
CROWDED += "\n\nDIRECT = [" + ", ".join(f"C{i}" for i in range(450)) + "]\n"
CROWDED += "\n\nSHOWN = [" + ", ".join(f"D{i}" for i in range(100)) + "]\n"


def test_instances_cast_are_not_carried_past_the_limit() -> None:
    graph = graph_of({"app.py": CROWDED})
    rendered = calls(graph, "app:pretty")
    assert {"app:C0.render", "app:C449.render"} <= rendered
    assert not [site for site in graph.unbounded_sites if site[0] == "app:pretty"]
