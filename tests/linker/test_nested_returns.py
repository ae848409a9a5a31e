"""A function whose result is a call of a function defined in it, handed one of its
parameters (``return inner(check)``), returns what that call makes of this call's argument:
Django's ``CheckRegistry.register``, usable as ``register(check)`` and as
``@register(tag)``. Merged over every call, applying ``@register(Tags.caches)`` "called"
every check any module registered, and a change to one made every checks module fail on
import (Django's ``capfirst`` gaining a parameter: 454 broken modules, not 11)."""

from __future__ import annotations

from helpers import graph_of

from impactgraph.model import EdgeKind

REGISTRY = """
class Tags:
    admin = "admin"
    caches = "caches"


class CheckRegistry:
    def __init__(self):
        self.registered_checks = set()

    def register(self, check=None, *tags, **kwargs):
        def inner(check):
            check.tags = tags
            self.registered_checks.add(check)
            return check

        if callable(check):
            return inner(check)
        else:
            if check:
                tags += (check,)
            return inner


registry = CheckRegistry()
register = registry.register
"""

FILES = {
    "registry.py": REGISTRY,
    "admin_checks.py": """
        from registry import Tags, register


        def check_admin_app(app_configs, **kwargs):
            return []


        register(check_admin_app, Tags.admin)
    """,
    "caches.py": """
        from registry import Tags, register


        @register(Tags.caches)
        def check_cache(app_configs, **kwargs):
            return []


        def user():
            return check_cache(None)
    """,
}


def calls(graph, caller: str) -> set[str]:
    return {
        callee for _, callee, kind in graph.graph.out_edges(caller, keys=True)
        if kind == EdgeKind.CALLS
    }


def test_applying_a_registering_decorator_calls_no_registered_function():
    graph = graph_of(FILES)
    assert calls(graph, "caches") == {
        "registry:CheckRegistry.register", "registry:CheckRegistry.register.inner"}
    # the decorated name is still the function
    assert "caches:check_cache" in calls(graph, "caches:user")
    assert "admin_checks:check_admin_app" not in calls(graph, "caches:user")
