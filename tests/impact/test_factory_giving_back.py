"""A decorator factory of ours whose decorator returns the function it is given.

discord.py 2.0 put ``@copy_doc(Client.close)`` on ``BotBase.close``: ``copy_doc(original)``
returns ``decorator(overridden)``, which copies the docstring and returns ``overridden``.
``close`` is the method itself, and its callers (``Client.__aexit__``, ``connect``) were
judged broken by a ``decorator-changed``.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UTILS = '''\
def copy_doc(original):
    def decorator(overridden):
        overridden.__doc__ = original.__doc__
        return overridden

    return decorator


def wrapping_doc(original):
    def decorator(overridden):
        def run(self):
            return overridden(self, None)
        return run

    return decorator
'''
BOT = '''\
from proj.utils import copy_doc, wrapping_doc


class Client:
    def close(self, reason=None):
        return reason


class Bot(Client):
{decorator}    def close(self, reason=None):
        return reason
'''
USER = "from proj.bot import Bot\n\n\ndef stop(bot: Bot):\n    return bot.close(reason='x')\n"


def _broken(tmp_path: Path, decorator: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/utils.py": UTILS, "proj/user.py": USER,
            "proj/bot.py": BOT.format(decorator="")}
    head = {**base, "proj/bot.py": BOT.format(decorator=f"    @{decorator}(Client.close)\n")}
    report = impact_between(base, head, tmp_path)
    assert ("proj.bot:Bot.close", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    return broken_modules(report)


def test_a_factory_whose_decorator_gives_the_function_back_breaks_no_call(
        tmp_path: Path) -> None:
    assert _broken(tmp_path, "copy_doc") == set()


def test_a_factory_whose_decorator_makes_a_wrapper_still_breaks(tmp_path: Path) -> None:
    # ``run(self)`` takes no ``reason``
    assert _broken(tmp_path, "wrapping_doc") == {"proj.user"}


REGISTRY = '''\
from typing import Callable, Dict

_PROVIDERS: Dict[str, type] = dict()


def register_provider(strategy: str) -> Callable[[type[Provider]], type[Provider]]:
    def wrapper(cls: type[Provider]) -> type[Provider]:
        _PROVIDERS[strategy] = cls
        return cls

    return wrapper


def replace_provider(strategy: str) -> Callable[[type[Provider]], type[Provider]]:
    def wrapper(cls: type[Provider]) -> type[Provider]:
        return Provider

    return wrapper


{decorator}class Provider:
    def __init__(self, repository, allow_prereleases=False):
        self.repository = repository
'''
PROJECT = ("from proj.providers import Provider\n\n\n"
           "def get_provider(repository):\n    return Provider(repository, True)\n")


def _registered(tmp_path: Path, decorator: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/project.py": PROJECT,
            "proj/providers.py": REGISTRY.format(decorator="")}
    head = {**base, "proj/providers.py": REGISTRY.format(decorator=f"@{decorator}('all')\n")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_factory_registering_a_class_annotated_as_classes_gives_it_back(
        tmp_path: Path) -> None:
    # pdm 2.11's ``@register_provider("all")``: ``type[Provider]`` is the class, as given
    assert _registered(tmp_path, "register_provider") == set()


def test_a_factory_returning_another_class_still_breaks(tmp_path: Path) -> None:
    assert _registered(tmp_path, "replace_provider") == {"proj.project"}


# SQLAlchemy 2.0.36 put ``@util.preload_module("sqlalchemy.sql.sqltypes")`` on
# ``CollationClause._create_collation_expression``: ``preload_module`` is a module variable
# bound to a method of a module-level registry, which records the names and returns
# ``lambda fn: fn``
PRELOADED = '''\
class _ModuleRegistry:
    def __init__(self):
        self.module_registry = set()

    def preload_module(self, *deps):
        self.module_registry.update(deps)
        return lambda fn: fn

    def wrap_module(self, *deps):
        self.module_registry.update(deps)
        return lambda fn: lambda self: fn(self, None)


_reg = _ModuleRegistry()
preload_module = _reg.preload_module
wrap_module = _reg.wrap_module
'''
CLAUSE = '''\
from proj import preloaded


class CollationClause:
{decorator}    def _create(self, expression, collation=None):
        return expression
'''
COMPARATOR = ("from proj.clause import CollationClause\n\n\n"
              "def collate(clause: CollationClause):\n"
              "    return clause._create('x', collation='y')\n")


def _preloaded(tmp_path: Path, decorator: str) -> set[str]:
    base = {"proj/__init__.py": "", "proj/preloaded.py": PRELOADED,
            "proj/comparator.py": COMPARATOR, "proj/clause.py": CLAUSE.format(decorator="")}
    head = {**base, "proj/clause.py": CLAUSE.format(
        decorator=f"    @preloaded.{decorator}('proj.comparator')\n")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_factory_method_of_a_module_instance_giving_the_function_back_breaks_no_call(
        tmp_path: Path) -> None:
    assert _preloaded(tmp_path, "preload_module") == set()


def test_a_factory_method_of_a_module_instance_making_a_wrapper_still_breaks(
        tmp_path: Path) -> None:
    # the lambda's wrapper takes no ``expression``
    assert _preloaded(tmp_path, "wrap_module") == {"proj.comparator"}
