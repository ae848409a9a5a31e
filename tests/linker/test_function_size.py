"""What makes a function small enough to follow per call (``is_small``): its own code, not
its docstring or the bodies of the functions it defines. A decorator factory with a long
docstring and a long wrapper (``semver``'s ``deprecated``) is a handful of statements; merged
over every call, its ``return partial(deprecated, ...)`` made each decorated function's
callers call ``deprecated`` itself, and a change to any decorated function reached them all.
"""

from __future__ import annotations

from helpers import graph_of, summaries_of

from impactgraph.linker.resolve import MAX_CONTEXT_LINES, MAX_VALUES, is_small
from impactgraph.model import EdgeKind

LINE = "    Decorates a function to warn that it is deprecated.\n"
DOCSTRING = '    """\n' + LINE * 20 + '    """\n'
WRAPPER_BODY = "".join(f"        note_{i} = str({i})\n" for i in range(MAX_CONTEXT_LINES))

DEPRECATION = f"""import warnings
from functools import partial, wraps


def deprecated(func=None, *, replace=None, version=None):
{DOCSTRING}
    if func is None:
        return partial(deprecated, replace=replace, version=version)

    @wraps(func)
    def wrapper(*args, **kwargs):
{WRAPPER_BODY}        warnings.warn("deprecated")
        return func(*args, **kwargs)

    return wrapper
"""

API = """from deprecation import deprecated


def match(version, expr):
    return version == expr


@deprecated(version="3.0")
def old_match(version, expr):
    return match(version, expr)


@deprecated(replace="bump")
def old_bump(version):
    return version + 1


def user():
    return old_bump(1)
"""


def calls(graph, caller: str) -> set[str]:
    return {
        callee for _, callee, kind in graph.graph.out_edges(caller, keys=True)
        if kind == EdgeKind.CALLS
    }


def test_the_docstring_and_nested_bodies_are_not_counted():
    (summary,) = summaries_of({"deprecation.py": DEPRECATION})
    factory = next(d for d in summary.definitions if d.qualname == "deprecated")
    wrapper = next(d for d in summary.definitions if d.qualname == "deprecated.wrapper")
    assert factory.end_line - factory.line >= MAX_CONTEXT_LINES  # long, as written
    # ``if``, ``return partial(...)``, the wrapper's decorator and ``def`` line, ``return``
    # and the two blank lines between them
    assert factory.code_lines == 7
    assert is_small(factory)
    assert wrapper.code_lines == MAX_CONTEXT_LINES + 2
    assert not is_small(wrapper)


def test_a_decorator_factory_with_a_long_docstring_is_followed_per_call():
    graph = graph_of({"deprecation.py": DEPRECATION, "api.py": API})
    # calling a decorated function runs the wrapper (and names the function), not the
    # factory: ``func=None`` is one application's argument, not every one's merged
    assert calls(graph, "api:user") == {"deprecation:deprecated.wrapper", "api:old_bump"}
    # applying the decorators calls the factory (twice: the partial), never the wrapper
    assert calls(graph, "api") == {"deprecation:deprecated"}


REGISTRY = """class Library:
    def __init__(self):
        self.filters = {}

    def filter(self, name=None, filter_func=None, **flags):
        if name is None and filter_func is None:
            def dec(func):
                return self.filter_function(func, **flags)

            return dec
        elif name is not None and filter_func is None:
            if callable(name):
                return self.filter_function(name, **flags)
            else:
                def dec(func):
                    return self.filter(name, func, **flags)

                return dec
        elif name is not None and filter_func is not None:
            self.filters[name] = filter_func
            filter_func._filter_name = name
            return filter_func
        raise ValueError(name)

    def filter_function(self, func, **flags):
        return self.filter(func.__name__, func, **flags)
"""


def test_a_decorator_whose_result_is_past_knowing_gives_the_function_back():
    # More filters than a value set holds: what ``filter`` returns, handed every one of them,
    # is anything at all (``Top``). The decorated name still holds its own function, as
    # under a decorator nothing resolves (Django's ``intcomma`` calling itself).
    filters = "".join(
        f"@register.filter(is_safe=True)\ndef f{i}(value):\n    return value\n\n\n"
        for i in range(MAX_VALUES + 1)
    )
    filters += (
        "@register.filter(is_safe=True)\n"
        "def intcomma(value, use_l10n=True):\n"
        "    if use_l10n:\n"
        "        return intcomma(value, False)\n"
        "    return str(value)\n"
    )
    graph = graph_of({
        "library.py": REGISTRY,
        "humanize.py": "from library import Library\n\nregister = Library()\n\n\n" + filters,
    })
    assert "humanize:intcomma" in calls(graph, "humanize:intcomma")
