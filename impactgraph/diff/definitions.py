"""Old vs new version of one definition: decorators, bases, signatures, bodies, values.

The comparison is written against a ``Pair`` (where each side lives), so the same code serves a
definition that stayed in place, one whose module was renamed, a method that moved into a base
class and a function that is now re-exported from somewhere else.
"""

from __future__ import annotations

import abc
import ast
import builtins
import collections
import collections.abc
import contextlib
import enum
import functools
import inspect
import re
import sys
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from impactgraph.diff.annotations import normalize_expression
from impactgraph.diff.names import Revision
from impactgraph.diff.signatures import (
    POSITIONAL,
    VARIADIC,
    Finding,
    compare_overloads,
    compare_signatures,
)
from impactgraph.expressions import (
    Attr,
    BuiltinRoot,
    Call,
    CallWith,
    SymbolRoot,
    Variable,
    parse_op,
    parse_root,
    unless,
)
from impactgraph.indexer.plain import DATACLASS_DECORATORS, decorator_base
from impactgraph.model import (
    CallSite,
    ChangeKind,
    Definition,
    Expr,
    Parameter,
    ParamKind,
    Signature,
    SymbolKind,
)

# Standard modules whose decorators are compared by their bare name.
_DECORATOR_MODULES = ("builtins.", "abc.", "functools.", "typing.", "typing_extensions.",
                      "dataclasses.", "enum.", "warnings.", "contextlib.")
_OVERLOAD = "overload"
# Decorators that do not change how a callable is called or an attribute is accessed
# (``wraps(f)`` returns the very function it decorates). ``functools.cache`` and friends do:
# the name becomes a wrapper that needs hashable arguments (DESIGN.md, decorator-changed).
# ``typing.dataclass_transform(...)`` returns what it decorates, as does the
# ``__dataclass_transform__`` stub PEP 681 told libraries to define until typing had it.
# ``mypy_extensions.mypyc_attr(...)`` tells mypyc how to compile a class, and at run time
# returns it as it is.
_NEUTRAL = frozenset({"final", "override", "deprecated", "wraps", "total_ordering",
                      "runtime_checkable", "unique", "no_type_check", "dataclass_transform",
                      "__dataclass_transform__", "mypyc_attr"})
_ACCESSORS = frozenset({"setter", "deleter"})
# Decorators that wrap a function the same way, so trading one for another leaves every call
# as it was: ``functools.cache`` is ``lru_cache(maxsize=None)``; Flask's
# ``locked_cached_property`` (removed in Flask 2.3) is werkzeug's ``cached_property`` with a
# lock, which its extensions traded for that or ``functools.cached_property`` (flask-babel 4.0)
_SAME_WRAPPER = {"cache": "lru_cache", "lru_cache": "lru_cache",
                 "cached_property": "cached_property",
                 "locked_cached_property": "cached_property"}
# A decorator replaced by one that allows all it did and more: a ``cached_property`` is read
# as a ``property`` is, and may also be assigned and deleted (not the way back)
_WIDER = {"property": "cached_property"}
_MAX_SHOWN = 80  # longer values are left out of ``old``/``new``
# Methods every class has through ``object``: removing an override keeps the name working.
OBJECT_MEMBERS = frozenset({
    "__repr__", "__str__", "__format__", "__hash__", "__eq__", "__ne__", "__getattribute__",
    "__setattr__", "__delattr__", "__dir__", "__sizeof__", "__reduce__", "__reduce_ex__",
    "__init_subclass__", "__subclasshook__", "__getstate__", "__doc__",
})
# The detail of a method's removal that ``object`` now answers (non-breaking)
INHERITED_FROM_OBJECT = "inherited from object"
# The detail of a method removed from a class that a standard-library base now answers it
# for: "method (inherited from dict now)"
INHERITED_FROM_STANDARD = "inherited from {} now"
# The detail of a method removed from a class whose body handed every argument on to the same
# method of a base outside the code, which the class still has: "method (an outside base ...)"
OUTSIDE_BASE_ANSWERS = "the outside base it called answers it"
# Bases of well-known builtin and standard-library classes: replacing ``type`` by ``ABCMeta``
# keeps ``type`` among the ancestors.
KNOWN_ANCESTORS = {
    "ABCMeta": {"type"}, "EnumMeta": {"type"}, "EnumType": {"type"},
    "OrderedDict": {"dict"}, "defaultdict": {"dict"}, "Counter": {"dict"},
    "IntEnum": {"int", "Enum"}, "StrEnum": {"str", "Enum"}, "Flag": {"Enum"},
    "IntFlag": {"int", "Flag", "Enum"}, "Exception": {"BaseException"},
    "ValueError": {"Exception", "BaseException"}, "TypeError": {"Exception", "BaseException"},
    "KeyError": {"LookupError", "Exception", "BaseException"},
    "IndexError": {"LookupError", "Exception", "BaseException"},
    "RuntimeError": {"Exception", "BaseException"}, "OSError": {"Exception", "BaseException"},
    # ``typing.Protocol`` derives from ``typing.Generic`` (``Protocol[T]`` is a generic class)
    "Protocol": {"Generic"},
    # a ``typing.NamedTuple`` class is a tuple
    "NamedTuple": {"tuple"},
}
# Backports on PyPI of standard modules, whose classes a code base trades for the standard
# ones once it needs no older Python (fabric 3.0: ``from unittest.mock import Mock``)
_BACKPORTS = {"mock": "unittest.mock", "contextlib2": "contextlib", "unittest2": "unittest",
              "importlib_metadata": "importlib.metadata",
              "importlib_resources": "importlib.resources", "backports.zoneinfo": "zoneinfo"}
# six's names of standard classes under Python 3, and its ``six.moves`` modules
_SIX = {"six.BytesIO": "io.BytesIO", "six.StringIO": "io.StringIO", "six.Iterator": "object",
        "six.text_type": "str", "six.binary_type": "bytes", "six.class_types": "type"}
_SIX_MOVES = {"builtins": "builtins", "collections_abc": "collections.abc",
              "configparser": "configparser", "queue": "queue", "http_client": "http.client",
              "http_cookiejar": "http.cookiejar", "http_cookies": "http.cookies",
              "html_parser": "html.parser", "BaseHTTPServer": "http.server",
              "socketserver": "socketserver", "reprlib": "reprlib", "copyreg": "copyreg",
              "xmlrpc_client": "xmlrpc.client", "urllib.parse": "urllib.parse",
              "urllib.request": "urllib.request", "urllib.error": "urllib.error",
              "UserDict": "collections.UserDict", "UserList": "collections.UserList",
              "UserString": "collections.UserString"}
# typing's aliases of builtin classes, as bases: ``Tuple[int, str]`` is ``tuple[int, str]``
# (typing's aliases of ``collections.abc`` classes share their names)
_TYPING_BUILTINS = {"Tuple": "tuple", "List": "list", "Dict": "dict", "Set": "set",
                    "FrozenSet": "frozenset", "Type": "type", "DefaultDict": "defaultdict",
                    "Deque": "deque"}
# ``typing.io`` and ``typing.re``: namespaces of ``typing``'s own classes (``typing.io.TextIO``
# is ``typing.TextIO``), gone in Python 3.13; code falling back on them names the same class
_TYPING_NAMESPACES = ("typing.io.", "typing.re.")
# ``object.__init__`` as callers of a class without its own ``__init__`` see it.
OBJECT_INIT = Definition(
    "object.__init__", SymbolKind.METHOD, 0, 0,
    signature=Signature((Parameter("self", ParamKind.POSITIONAL_OR_KEYWORD),), "None"),
    synthetic=True,
)


@dataclass(frozen=True, slots=True)
class Side:
    revision: Revision
    module: str
    definition: Definition

    @property
    def symbol(self) -> str:
        return f"{self.module}:{self.definition.qualname}"

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.revision.typing_aliases(self.module)

    @property
    def is_member(self) -> bool:
        parent = self.definition.qualname.rpartition(".")[0]
        owner = self.revision.definitions(self.module).get(parent) if parent else None
        return (owner is not None and owner.kind is SymbolKind.CLASS) or self.definition.synthetic


_YIELD_FIXTURE = {"pytest.yield_fixture": "pytest.fixture", "yield_fixture": "fixture"}


def decorator_set(definition: Definition) -> list[str]:
    """Decorators as comparable names: ``abc.abstractproperty`` is property + abstractmethod."""
    names: list[str] = []
    for text in definition.decorators:
        normalized = normalize_expression(text) or text
        for prefix in _DECORATOR_MODULES:
            if normalized.startswith(prefix):
                normalized = normalized[len(prefix) :]
                break
        if normalized == _OVERLOAD:
            continue
        for alias, name in _YIELD_FIXTURE.items():  # pytest's old name of ``fixture``
            if normalized == alias or normalized.startswith(alias + "("):
                normalized = name + normalized[len(alias):]
        if normalized == "abstractproperty":
            names += ["abstractmethod", "property"]
        elif normalized in ("abstractclassmethod", "abstractstaticmethod"):
            names += ["abstractmethod", normalized.removeprefix("abstract")]
        else:
            names.append(normalized)
    return sorted(names)


def _without_metaclass_made(decorators: list[str], metaclass: str | None) -> list[str]:
    """``decorators`` without an ``add_metaclass(M)`` (six's, future's) whose ``M`` the other
    revision's class statement passes as ``metaclass=``: the same class either way
    (google-auth 2.23 traded ``@six.add_metaclass(abc.ABCMeta)`` for ``metaclass=abc.ABCMeta``
    on ``external_account.Credentials``)."""
    if metaclass is None:
        return decorators
    wanted = normalize_expression(metaclass) or metaclass
    return [d for d in decorators if added_metaclass(d) != wanted]


def added_metaclass(decorator: str) -> str | None:
    """``M`` of an ``add_metaclass(M)`` decorator (six's, future's), as written; None for
    any other decorator."""
    if decorator_name(decorator).rpartition(".")[2] != "add_metaclass" \
            or not decorator.endswith(")"):
        return None
    return decorator.partition("(")[2][:-1].strip()


def _bare(decorator: str) -> str:
    return decorator.split("(", 1)[0].rsplit(".", 1)[-1]


def has_decorator(definition: Definition, *names: str) -> bool:
    return any(_bare(d) in names for d in decorator_set(definition))


def decorator_name(decorator: str) -> str:
    """``pytest.mark.parametrize('a', [1])`` -> ``pytest.mark.parametrize``: what is applied."""
    return decorator.split("(", 1)[0]


def compare_decorators(old: Definition, new: Definition,
                       same: Callable[[str, str], bool] | None = None) -> list[Finding]:
    """Breaking when the set of decorators *by name* changes in a way callers notice.

    The same decorators with other arguments (a ``parametrize`` list, a route's path) leave
    the name called and bound as before: reported, not breaking. ``same(removed, added)``:
    do two names, as written in the old and the new module, spell one decorator (through
    each module's imports)?
    """
    before = _without_metaclass_made(decorator_set(old), new.metaclass)
    after = _without_metaclass_made(decorator_set(new), old.metaclass)
    if before == after:
        return []
    old_list, new_list = _written(old), _written(new)
    before_names = sorted(map(decorator_name, before))
    after_names = sorted(map(decorator_name, after))
    if before_names == after_names:
        changed = sorted({decorator_name(d) for d in set(before) ^ set(after)})
        detail = "arguments of " + " ".join(f"@{n}" for n in changed)
        return [Finding(ChangeKind.DECORATOR_CHANGED, False, detail, old_list, new_list)]
    written_removed = removed = _minus(before_names, after_names)
    written_added = added = _minus(after_names, before_names)
    removed, added = _drop_same_wrappers(removed, added)
    if same is not None:
        removed, added = _drop_same_paths(removed, added, same)
    neutral_removed = all(_bare(d) in _NEUTRAL | {"abstractmethod"} for d in removed)
    # A property that gains a setter or deleter can do more than before: nothing breaks. One
    # that loses it breaks every assignment (or ``del``) of the attribute.
    neutral_added = all(_bare(d) in _NEUTRAL | _ACCESSORS for d in added)
    breaking = not (neutral_removed and neutral_added)
    if not removed and not added:  # only pairs that wrap alike: say which
        removed, added = written_removed, written_added
    detail = " ".join([*(f"-{d}" for d in removed), *(f"+{d}" for d in added)])
    return [Finding(ChangeKind.DECORATOR_CHANGED, breaking, detail, old_list, new_list)]


def plain_function(revision: Revision, module: str, written: str
                    ) -> tuple[Definition, str, str, dict[str, tuple[Expr, ...]]] | None:
    """The undecorated function of ours that ``written`` names in ``module``: its definition,
    its module, the prefix of its variables' keys (``v:mod:qualname|``) and its module's
    bindings; None for any other name."""
    symbol = revision.resolve_expression(module, written)
    definition = revision.definition(symbol) if symbol is not None else None
    if definition is not None and definition.kind is SymbolKind.VARIABLE and symbol is not None:
        # a name bound to a lambda (textblob's ``implements_to_string = lambda x: x``)
        lambdas = _bound_functions(revision, symbol)
        if len(lambdas) == 1 and ":<lambda" in lambdas[0]:
            symbol = lambdas[0]
            definition = revision.definition(symbol)
    if definition is None or definition.kind is not SymbolKind.FUNCTION or definition.decorators:
        return None
    where, _, qualname = symbol.partition(":")  # type: ignore[union-attr]
    summary = revision.summaries.get(where)
    if summary is None:
        return None
    return definition, where, f"v:{where}:{qualname}|", dict(summary.bindings)


# The decorators that make a signature-keeping decorator of the function they decorate
# (the ``decorator`` package's: ``@decorator def caller(f, *args, **kw)``)
SIGNATURE_KEEPING_MAKERS = frozenset({"decorator.decorator"})


def keeps_signature(revision: Revision, module: str, written: str) -> bool:
    """Is decorator ``written`` (bare, no call) in ``module`` a function of ours that a
    ``SIGNATURE_KEEPING_MAKERS`` decorator made (IPython's ``@decorator def
    only_when_enabled(f, self, *a, **kw)``)? What it decorates keeps its signature, each
    call reaching the caller with the arguments it was given."""
    if not written.replace(".", "_").isidentifier():
        return False
    symbol = revision.resolve_expression(module, written)
    definition = revision.definition(symbol) if symbol is not None else None
    if definition is None or definition.kind is not SymbolKind.FUNCTION \
            or len(definition.decorators) != 1:
        return False
    where = symbol.partition(":")[0]  # type: ignore[union-attr]
    return revision.spelled(where, definition.decorators[0]) in SIGNATURE_KEEPING_MAKERS


def makes_signature_keeper(revision: Revision, module: str, written: str, hops: int = 0
                           ) -> bool:
    """Is decorator factory ``written`` (bare, called where it decorates) in ``module`` a
    plain function of ours that returns, at every ``return``, what a
    ``SIGNATURE_KEEPING_MAKERS`` decorator makes (``decorator.decorator(wrapper)``), or what
    another such function of ours returns? moviepy's ``convert_parameter_to_seconds(varnames)``
    returns ``preprocess_args(convert_to_seconds, varnames)``, which returns
    ``decorator.decorator(wrapper)``: what it decorates keeps its signature."""
    found = plain_function(revision, module, written) if hops <= _MAX_FACTORY_HOPS else None
    if found is None:
        return False
    definition, where, scope, bindings = found
    returned = _returned_values(definition, scope, bindings)
    if not returned:
        return False
    for value in returned:
        root, callee = value[0], value[1:-1]
        prefix = f"v:{where}:|"
        if len(value) < 2 or not value[-1].startswith("(") or not root.startswith(prefix) \
                or not all(op.startswith(".") for op in callee):
            return False
        text = ".".join([root[len(prefix):], *(op[1:] for op in callee)])
        if not text.replace(".", "_").isidentifier():
            return False
        if revision.spelled(where, text) not in SIGNATURE_KEEPING_MAKERS \
                and not makes_signature_keeper(revision, where, text, hops + 1):
            return False
    return True


# How many factories of ours ``makes_signature_keeper`` follows, one returning another's
_MAX_FACTORY_HOPS = 3


def _bound_functions(revision: Revision, variable: str) -> list[str]:
    """The functions of ours (a ``def`` or a lambda of the variable's module) that
    module-level ``variable`` is bound to, one per binding; empty when any binding is
    something else."""
    where, _, qualname = variable.partition(":")
    summary = revision.summaries.get(where)
    bound = dict(summary.bindings).get(f"v:{where}:|{qualname}", ()) if summary else ()
    found = [expr[0][2:] for expr in bound
             if len(expr) == 1 and expr[0].startswith(f"s:{where}:")]
    if len(found) != len(bound):
        return []
    return found


def returns_its_argument(revision: Revision, module: str, written: str) -> bool:
    """Is decorator ``written`` (bare, no call) in ``module`` a function of ours that takes
    the function first and returns it as it is, at every ``return``? A name bound to one
    such function or another (textblob's ``implements_to_string``: a ``def`` patching
    ``__str__`` on Python 2, ``lambda x: x`` on Python 3) is one too."""
    if not written.replace(".", "_").isidentifier():
        return False
    symbol = revision.resolve_expression(module, written)
    made = revision.definition(symbol) if symbol is not None else None
    if made is not None and made.kind is SymbolKind.VARIABLE and symbol is not None:
        functions = _bound_functions(revision, symbol)
        return bool(functions) and all(_returns_its_first(revision, function)
                                       for function in functions)
    found = plain_function(revision, module, written)
    if found is None:
        return False
    definition, _, scope, bindings = found
    return _returns_first(definition, scope, bindings)


def patches_construction(revision: Revision, module: str, written: str) -> bool:
    """Does decorator ``written`` in ``module`` (a function of ours, or a name bound to
    several) assign ``__init__``, ``__new__`` or ``__call__`` on what it is handed? Otherwise
    a class it gives back is made as before."""
    symbol = revision.resolve_expression(module, written) \
        if written.replace(".", "_").isidentifier() else None
    if symbol is None:
        return True
    made = revision.definition(symbol)
    functions = _bound_functions(revision, symbol) if (
        made is not None and made.kind is SymbolKind.VARIABLE) else [symbol]
    for function in functions:
        definition = revision.definition(function)
        summary = revision.summaries.get(function.partition(":")[0])
        if definition is None or summary is None or definition.signature is None:
            return True
        if not definition.signature.parameters:
            continue
        first = definition.signature.parameters[0].name
        prefix = f"v:{function}|"
        for key, _ in summary.bindings:
            if key.startswith(prefix) and re.sub(r"^<\d+>\|", "", key[len(prefix):]) in {
                    f"{first}.{name}" for name in ("__init__", "__new__", "__call__")}:
                return True
    return False


def _returns_its_first(revision: Revision, function: str) -> bool:
    """Is ``function`` (a symbol: a ``def`` or a lambda) an undecorated function of ours
    that returns its first argument at every ``return``? Read directly, not through a name:
    a name bound both to a ``def`` and to something else would lead back to itself."""
    definition = revision.definition(function)
    summary = revision.summaries.get(function.partition(":")[0])
    return (definition is not None and definition.kind is SymbolKind.FUNCTION
            and not definition.decorators and summary is not None
            and _returns_first(definition, f"v:{function}|", dict(summary.bindings)))


def factory_gives_back(revision: Revision, module: str, written: str) -> bool:
    """Is decorator factory ``written`` (bare, called where it decorates) in ``module`` a
    plain function of ours that returns, at every ``return``, a function it defines that
    returns what it is given (``returns_its_argument``)? discord.py 2.0's
    ``copy_doc(original)`` returns ``decorator(overridden)``, which sets ``__doc__`` and
    returns ``overridden``."""
    if instance_gives_back(revision, module, written) is not None:
        return True
    found = _plain_returns(revision, module, written) \
        or _instance_method_returns(revision, module, written)
    if found is None:
        return False
    where, scope, bindings, values = found
    qualname = scope[len(f"v:{where}:"):-1]
    # the dual-use factory (``@register`` bare or ``@register(module=...)``, gin-config 0.5):
    # a return calling the nested function on what the factory was handed gives that back,
    # which a bare use is handed; called where it decorates, a factory returns the nested
    # function itself at another return
    called = [value for value in values if len(value) == 2 and value[1].startswith("(")]
    if called and len(called) < len(values):
        values = [value for value in values if value not in called] + [
            value[:1] for value in called]
    for value in values:
        made = tuple(_live(revision, e) for e in bindings.get(value[0], ())) \
            if len(value) == 1 else ()
        if len(value) == 1 and value[0].startswith(f"s:{where}:{qualname}."):
            made = (value,)  # ``return lambda fn: fn``
        if len(made) != 1 or len(made[0]) != 1 or not made[0][0].startswith(
                f"s:{where}:{qualname}."):
            return False
        inner = made[0][0][2:]
        nested = revision.definition(inner)
        if nested is None or nested.kind is not SymbolKind.FUNCTION or nested.decorators \
                or not _returns_first(nested, f"v:{inner}|", bindings):
            return False
    return bool(values)


def instance_gives_back(revision: Revision, module: str, written: str) -> str | None:
    """The class of ours whose instance decorator ``written`` (in ``module``) is: the class
    called where it decorates (``@Cls(...)``), or a module variable bound to a call of it
    (``interpd = _ArtistPropertiesSubstitution()``, written ``@interpd``), when the class,
    undecorated, without a metaclass or a ``__new__`` of its own, has a ``__call__`` of its
    own returning what it is handed at every ``return``: the instance gives the function
    back. matplotlib 3.10 added ``@_docstring.interpd`` (whose ``__call__`` fills in
    ``obj.__doc__`` and returns ``obj``) to ``FancyArrowPatch.set_arrowstyle``. None for
    any other decorator."""
    symbol = revision.resolve_expression(module, written) \
        if written.replace(".", "_").isidentifier() else None
    found = revision.definition(symbol) if symbol is not None else None
    if symbol is not None and found is not None and found.kind is SymbolKind.VARIABLE:
        where, _, name = symbol.partition(":")
        summary = revision.summaries.get(where)
        bound = dict(summary.bindings).get(f"v:{where}:|{name}", ()) if summary else ()
        root = parse_root(bound[0][0]) if len(bound) == 1 and len(bound[0]) == 2 \
            and isinstance(parse_op(bound[0][1]), (Call, CallWith)) else None
        symbol = revision.resolve_in(where, root.key[len(f"v:{where}:|"):]) \
            if isinstance(root, Variable) and root.key.startswith(f"v:{where}:|") else None
        found = revision.definition(symbol) if symbol is not None else None
    if symbol is None or found is None or found.kind is not SymbolKind.CLASS \
            or found.metaclass is not None or found.decorators \
            or revision.definition(f"{symbol}.__new__") is not None:
        return None
    call = revision.definition(f"{symbol}.__call__")
    summary = revision.summaries.get(symbol.partition(":")[0])
    if call is None or call.kind is not SymbolKind.METHOD or call.decorators \
            or call.signature is None or len(call.signature.parameters) < 2 \
            or summary is None:
        return None
    handed = replace(call, signature=replace(
        call.signature, parameters=call.signature.parameters[1:]))
    return symbol if _returns_first(handed, f"v:{symbol}.__call__|",
                                    dict(summary.bindings)) else None


def _instance_method_returns(revision: Revision, module: str, written: str
                             ) -> tuple[str, str, dict[str, tuple[Expr, ...]], list[Expr]] | None:
    """``_plain_returns`` for a decorator factory that a module variable of ours binds to a
    method of a module-level instance of a class of ours, called through it (SQLAlchemy's
    ``preload_module = _reg.preload_module``, ``_reg = _ModuleRegistry()``, whose
    ``preload_module(self, *deps)`` returns ``lambda fn: fn``): the method, undecorated,
    defined by the class itself. None for any other name."""
    symbol = revision.resolve_expression(module, written) \
        if written.replace(".", "_").isidentifier() else None
    variable = revision.definition(symbol) if symbol is not None else None
    if symbol is None or variable is None or variable.kind is not SymbolKind.VARIABLE:
        return None
    where, _, name = symbol.partition(":")
    summary = revision.summaries.get(where)
    bindings = dict(summary.bindings) if summary is not None else {}
    bound = bindings.get(f"v:{where}:|{name}", ())
    if len(bound) != 1 or len(bound[0]) != 2 or not isinstance(attr := parse_op(bound[0][1]),
                                                                 Attr):
        return None
    made = bindings.get(bound[0][0], ()) if bound[0][0].startswith(f"v:{where}:|") else ()
    if len(made) != 1 or len(made[0]) != 2 \
            or not isinstance(parse_op(made[0][1]), (Call, CallWith)) \
            or not isinstance(root := parse_root(made[0][0]), Variable) \
            or not root.key.startswith(f"v:{where}:|"):
        return None
    cls = revision.resolve_in(where, root.key[len(f"v:{where}:|"):])
    if cls is None:
        return None
    found, method = revision.definition(cls), revision.definition(f"{cls}.{attr.name}")
    if found is None or found.kind is not SymbolKind.CLASS or found.metaclass is not None \
            or method is None or method.kind is not SymbolKind.METHOD or method.decorators:
        return None
    defined = cls.partition(":")[0]  # the class's module, where its method's keys are
    summary = revision.summaries.get(defined)
    if summary is None:
        return None
    bindings = dict(summary.bindings)
    scope = f"v:{cls}.{attr.name}|"
    return defined, scope, bindings, _returned_values(method, scope, bindings)


def _live(revision: Revision, value: Expr) -> Expr:
    """``value`` without the mark of an ``except ImportError`` fallback (``!unless:mod``)
    when ``mod`` is not a module of ours: the definition of ours is what runs without the
    package, and what the package's version first tried is a drop-in for it. tqdm 4.68 tries
    ``from envwrap import envwrap`` and else defines ``envwrap``, whose nested ``wrap`` is
    bound under that mark. A fallback of a module of ours is dead (the linker's ``Unless``):
    kept as it is."""
    if len(value) > 1 and value[-1].startswith(UNLESS_PREFIX) \
            and value[-1][len(UNLESS_PREFIX):] not in revision.summaries:
        return value[:-1]
    return value


# how the indexer marks a value bound in an ``except ImportError`` fallback (``unless(mod)``)
UNLESS_PREFIX = unless("")


def makes_descriptor(revision: Revision, module: str, written: str) -> bool:
    """Is decorator ``written`` in ``module`` a plain function of ours that returns, at every
    ``return``, an instance it makes of a class of ours with a ``__get__`` (subscripted or
    not: ``_cached_prop_loop[T](fget, name, doc)``)? emmett's ``cachedprop`` picks one of two
    such classes, for a coroutine function or not."""
    found = _plain_returns(revision, module, written)
    if found is None:
        return False
    where, _, _, values = found
    for value in values:
        if len(value) < 2 or not value[-1].startswith("(") or any(
                op != "[]" for op in value[1:-1]):
            return False
        root = value[0]
        if root.startswith("s:"):
            symbol: str | None = root[2:]
        elif root.startswith(f"v:{where}:|"):
            symbol = revision.resolve_in(where, root.rpartition("|")[2])
        else:
            return False
        if symbol is None or ":" not in symbol:
            return False
        made = revision.definition(symbol)
        if made is None or made.kind is not SymbolKind.CLASS or not any(
                ancestor is not None and revision.definition(f"{ancestor}.__get__") is not None
                for ancestor in revision.mro(symbol)):
            return False
    return bool(values)


def _plain_returns(revision: Revision, module: str, written: str
                   ) -> tuple[str, str, dict[str, tuple[Expr, ...]], list[Expr]] | None:
    """For decorator ``written`` of ``module``, a plain function of ours (``plain_function``):
    its module, its variables' key prefix, its module's bindings and what it returns at its
    ``return`` statements; None for any other name."""
    found = plain_function(revision, module, written) \
        if written.replace(".", "_").isidentifier() else None
    if found is None:
        return None
    definition, where, scope, bindings = found
    return where, scope, bindings, _returned_values(definition, scope, bindings)


def _returned_values(definition: Definition, scope: str,
                     bindings: Mapping[str, tuple[Expr, ...]]) -> list[Expr]:
    """What function ``definition`` (its variables' keys starting ``scope``) returns, at its
    ``return`` statements. A return annotation is a value of its own (an instance of the
    annotated class, ``(..., "+")``), not something the function returns."""
    annotated = definition.signature is not None and definition.signature.returns is not None
    made = _class_annotation(definition.signature.returns, scope) \
        if definition.signature is not None else None
    return [value for value in bindings.get(scope + "<return>", ())
            if not (annotated and len(value) == 2 and value[1] == "+") and value != made]


# ``type[X]`` (``typing.Type[X]``) as written: the annotation of a class, not of an instance
_CLASS_ANNOTATION = re.compile(r"""^["']?(?:typing\.)?[Tt]ype\[([A-Za-z_][\w.]*)\]["']?$""")


def _class_annotation(annotation: str | None, scope: str) -> Expr | None:
    """The value the summary records for an annotation ``type[X]`` of a function whose
    variables' keys start ``scope``: the class ``X`` itself, as the module names it (pdm
    2.11's ``register_provider``'s ``wrapper(cls: type[BaseProvider]) ->
    type[BaseProvider]``). None for any other annotation."""
    found = _CLASS_ANNOTATION.match(annotation or "")
    if found is None:
        return None
    first, *rest = found.group(1).split(".")
    module = scope[2:].partition(":")[0]
    return (f"v:{module}:|{first}", *(f".{part}" for part in rest))


def _returns_first(definition: Definition, scope: str,
                   bindings: Mapping[str, tuple[Expr, ...]]) -> bool:
    """Does function ``definition`` (its variables' keys starting ``scope``) take the
    function first and return it as it is, at every ``return`` (``returns_its_argument``)?"""
    parameters = definition.signature.parameters if definition.signature is not None else ()
    if not parameters or parameters[0].kind not in POSITIONAL:
        return False
    # a name the function never binds is a parameter: the first of the definition kept, or
    # one of another definition of the name that the summary does not keep (one per branch
    # of ``if PY2: ... else: ...``, sentry-sdk's ``implements_str``), which none of the
    # kept one's other parameters may be
    first, others = scope + parameters[0].name, {scope + p.name for p in parameters[1:]}
    values = _returned_values(definition, scope, bindings)
    # the first parameter rebound (``f = wrap(f)``) is no longer what the function was given
    declared = _class_annotation(parameters[0].annotation, scope)
    kept = all((len(value) == 2 and value[1] == "+") or value == declared
               for value in bindings.get(first, ()))
    return bool(values) and all(
        len(value) == 1 and ((value[0] == first and kept) or (
            value[0].startswith(scope) and value[0] not in bindings
            and value[0] not in others and "|" not in value[0][len(scope):]))
        for value in values)


def _drop_same_wrappers(removed: list[str], added: list[str]) -> tuple[list[str], list[str]]:
    """Pair a removed decorator with an added one that wraps the same way, or that allows
    all it did (``_WIDER``); drop both."""
    rest = list(added)
    kept = []
    for name in removed:
        family = _SAME_WRAPPER.get(_bare(name))
        wider = _WIDER.get(_bare(name))
        match = next((a for a in rest if (family and _SAME_WRAPPER.get(_bare(a)) == family)
                      or _bare(a) == wider), None)
        if match is None:
            kept.append(name)
        else:
            rest.remove(match)
    return kept, rest


def _drop_same_paths(removed: list[str], added: list[str], same: Callable[[str, str], bool]
                     ) -> tuple[list[str], list[str]]:
    """Pair a removed decorator with an added one spelling the same import path
    (``@defer.inlineCallbacks`` after ``from twisted.internet import defer``, and
    ``@inlineCallbacks`` after ``from twisted.internet.defer import inlineCallbacks``: scrapy
    2.11); drop both."""
    rest = list(added)
    kept = []
    for name in removed:
        match = next((a for a in rest if same(name, a)), None)
        if match is None:
            kept.append(name)
        else:
            rest.remove(match)
    return kept, rest


def _minus(items: list[str], other: list[str]) -> list[str]:
    """``items`` without ``other``, counting repeats (two ``@pytest.mark.x`` are two)."""
    rest = list(other)
    result = []
    for item in items:
        if item in rest:
            rest.remove(item)
        else:
            result.append(item)
    return result


def _written(definition: Definition) -> str:
    """The decorator list as a reviewer reads it: ``@a @b(1)``, outermost first."""
    return " ".join(f"@{normalize_expression(d) or d}" for d in definition.decorators)


def is_bound(side: Side) -> bool:
    """Callers do not pass the first parameter (``self``/``cls``) of this callable."""
    return side.is_member and not has_decorator(side.definition, "staticmethod")


def _is_property(definition: Definition) -> bool:
    return has_decorator(definition, "property", "cached_property")


def compare_callables(old: Side, new: Side) -> list[Finding]:
    """Signature differences of two callables (functions, methods, generated ``__init__``)."""
    a, b = old.definition, new.definition
    if a.signature is None or b.signature is None:
        return []
    if _is_property(a) or _is_property(b):
        if _is_property(a) and _is_property(b):
            # Only the value's type is visible through a property, and whether its getter can
            # still be called as Python calls it: with the instance alone.
            findings = compare_signatures(
                Signature(returns=a.signature.returns), Signature(returns=b.signature.returns),
                old_bound=False, new_bound=False, old_aliases=old.aliases,
                new_aliases=new.aliases,
            )
            findings = [f for f in findings if f.kind is not ChangeKind.ASYNC_CHANGED]
            return findings + _getter_findings(a.signature, b.signature, old, new)
        return []  # a property became a method or back: the decorator change says it
    if a.overloads and b.overloads:
        findings = compare_overloads(
            a.overloads, b.overloads, bound=is_bound(new),
            old_aliases=old.aliases, new_aliases=new.aliases,
        )
        # The implementation is what runs: a call the stubs allow but it no longer takes fails,
        # and a call leaving out an argument gets the implementation's default (the stubs
        # write ``= ...``)
        seen = {(f.kind, f.detail.split(" (overload", 1)[0]) for f in findings}
        implementation = compare_signatures(
            a.signature, b.signature, old_bound=is_bound(old), new_bound=is_bound(new),
            old_aliases=old.aliases, new_aliases=new.aliases,
        )
        findings += [
            replace(f, detail=f"{f.detail} (implementation)") for f in implementation
            if (f.breaking or f.kind is ChangeKind.PARAMETER_DEFAULT_CHANGED)
            and (f.kind, f.detail) not in seen
        ]
        return findings
    findings = compare_signatures(
        a.signature, b.signature, old_bound=is_bound(old), new_bound=is_bound(new),
        old_aliases=old.aliases, new_aliases=new.aliases,
    )
    if b.qualname.endswith("__init__"):  # "-> None" or nothing: callers get the instance
        findings = [f for f in findings if f.kind is not ChangeKind.RETURN_ANNOTATION_CHANGED]
    if (b.qualname.endswith(".__aiter__") and _gives_async_iterator(a.signature)
            and _gives_async_iterator(b.signature)):
        # ``async for`` calls ``__aiter__`` plainly and needs an async iterator back, which a
        # plain ``__aiter__`` has to return as an async generator does (psycopg 3.3 traded
        # its cursors' async generators for ``return self`` and an ``__anext__``)
        findings = [replace(f, breaking=False) if f.kind is ChangeKind.ASYNC_CHANGED else f
                    for f in findings]
    return findings


def _gives_async_iterator(signature: Signature) -> bool:
    """Can a plain call of this ``__aiter__`` give an async iterator: an async generator, or a
    plain function that is no generator (a coroutine gives an awaitable, a generator a sync
    iterator)."""
    return signature.is_async == signature.is_generator


def _takes_the_instance_alone(signature: Signature) -> bool:
    """Can ``fget(obj)`` bind: one positional argument, every other parameter optional?"""
    plain = [p for p in signature.parameters if p.kind not in VARIADIC]
    first = plain[0] if plain and plain[0].kind in POSITIONAL else None
    if first is None and all(p.kind is not ParamKind.VAR_POSITIONAL
                             for p in signature.parameters):
        return False
    return all(p.default is not None for p in plain if p is not first)


def _getter_findings(a: Signature, b: Signature, old: Side, new: Side) -> list[Finding]:
    """A property's getter that no longer binds the instance alone breaks every read of the
    attribute (``obj.name`` calls ``fget(obj)``): the parameter changes that did it."""
    if not _takes_the_instance_alone(a) or _takes_the_instance_alone(b):
        return []
    findings = [
        f for f in compare_signatures(a, b, old_bound=True, new_bound=True,
                                      old_aliases=old.aliases, new_aliases=new.aliases)
        if f.breaking and f.kind in _CALL_KINDS
    ]
    if findings:
        return findings
    # ``def name(self)`` -> ``def name()``: the instance has nowhere to go
    first = a.parameters[0].name if a.parameters else "self"
    return [Finding(ChangeKind.PARAMETER_REMOVED, True, first)]


_CALL_KINDS = frozenset({
    ChangeKind.PARAMETER_ADDED, ChangeKind.PARAMETER_NOW_REQUIRED, ChangeKind.PARAMETER_REMOVED,
    ChangeKind.PARAMETER_KIND_CHANGED,
})


def _base_keys(revision: Revision, module: str, text: str,
               aliases: bool = False, variables: bool = True) -> frozenset[str]:
    """What a base expression of ``module`` may name: the class of ours it resolves to, and the
    dotted name it spells through the module's imports (``cabc.MutableSet[str]`` and
    ``MutableSet`` from ``collections.abc`` are one class). A name bound twice (an import and a
    fallback class beside it, ``if sys.version_info ...``) has both. ``aliases``: a ``typing``
    alias is the class it stands for (``typing_alias_origin``). A conditional expression
    (``IByteString if str is bytes else ITextString``, zope.interface 5's) may name either."""
    choices = _conditional_choices(text)
    if choices:
        return frozenset().union(*(_base_keys(revision, module, choice, aliases, variables)
                                   for choice in choices))
    keys = set()
    resolved = revision.resolve_expression(module, text)
    if resolved is not None:
        keys.add(resolved)
    for spelled in revision.spellings(module, normalize_expression(text) or text):
        namespace = next((n for n in _TYPING_NAMESPACES if spelled.startswith(n)), None)
        if namespace is not None:
            spelled = "typing." + spelled.removeprefix(namespace)
        if spelled.startswith(("typing.", "typing_extensions.")):
            origin = typing_alias_origin(spelled) if aliases else None
            spelled = origin or _TYPING_BUILTINS.get(spelled.rpartition(".")[2], spelled)
        keys.add(_strip_module(_standard(spelled)))
    # a module variable naming a class (``StrMap = collections.abc.MutableMapping[str, str]``,
    # tornado 6.5's base of ``HTTPHeaders``) is that class
    variable = revision.definition(f"{module}:{text}") \
        if variables and text.isidentifier() else None
    if variable is not None and variable.kind is SymbolKind.VARIABLE and variable.value:
        keys |= _base_keys(revision, module, variable.value, aliases, variables=False)
    return frozenset(keys)


def _conditional_choices(text: str) -> tuple[str, str] | None:
    """The two sides of a base written as ``A if cond else B``, as source text; None for any
    other expression."""
    if " if " not in text:
        return None
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(tree, ast.IfExp):
        return None
    return ast.unparse(tree.body), ast.unparse(tree.orelse)


def _standard(spelled: str) -> str:
    """A class of a backport of a standard module as the standard module's (``mock.Mock`` is
    ``unittest.mock.Mock``), and six's name of a standard class as that class
    (``six.BytesIO`` is ``io.BytesIO``, ``six.moves.UserDict`` ``collections.UserDict``), of
    six itself or of a copy of it vendored into a package (``pkg.packages.six.moves...``)."""
    for backport, standard in _BACKPORTS.items():
        if spelled.startswith(backport + "."):
            return standard + spelled[len(backport):]
    vendored = spelled.find(".six.")
    if vendored > 0:
        # a copy of six vendored into a package (urllib3 1.26's ``from
        # .packages.six.moves.http_client import HTTPConnection``) is six
        found = _standard(spelled[vendored + 1:])
        if not found.startswith("six."):
            return found
    if not spelled.startswith("six."):
        return spelled
    if spelled in _SIX:  # requests-mock 1.12: ``_IOReader(six.BytesIO)`` -> ``(io.BytesIO)``
        return _SIX[spelled]
    for moved, standard in _SIX_MOVES.items():
        prefix = f"six.moves.{moved}"
        if spelled == prefix or spelled.startswith(prefix + "."):
            return standard + spelled[len(prefix):]
    return spelled


def _strip_module(spelled: str) -> str:
    for prefix in (*_DECORATOR_MODULES, "collections.abc.", "collections."):
        spelled = spelled.removeprefix(prefix)
    return spelled


@functools.cache
def typing_alias_origin(dotted: str) -> str | None:
    """The standard-library class a ``typing`` (or ``typing_extensions``) name is an alias of,
    as ``module.name``: ``typing.AsyncContextManager`` is
    ``contextlib.AbstractAsyncContextManager``, ``typing.List`` is ``builtins.list``,
    ``typing.Mapping`` is ``collections.abc.Mapping``; None for a name that is no alias of a
    class (``typing.Generic``, ``typing.Protocol``) or that this Python does not have."""
    module, _, name = dotted.rpartition(".")
    if module not in ("typing", "typing_extensions") or not name.isidentifier():
        return None
    found = getattr(typing, name, None)
    origin = getattr(found, "__origin__", None)
    if found is None or not isinstance(origin, type):
        return None
    where = "collections.abc" if origin.__module__ == "_collections_abc" else origin.__module__
    return f"{where}.{origin.__qualname__}"


def compare_bases(old: Side, new: Side, moved: Mapping[str, str] | None = None
                  ) -> list[Finding]:
    """A base that is no longer among the ancestors breaks ``isinstance`` and inherited members.

    Bases are compared by what they name, not how they are spelled; a base still among the
    ancestors (a new base of ours derives from it, ``dict`` behind a ``CallbackDict``) is kept.
    ``moved``: the modules renamed (old name -> new name); a class of one is the class of the
    same name in the new module (yapf 0.40 moved ``yapf.yapflib.pytree_visitor`` to
    ``yapf.pytree.pytree_visitor``, and ``PyTreeVisitor`` with it).
    A class the old module defined by more than one statement (in the branches of an ``if``
    or a ``try``) may have run as any of them: no base is taken as removed when the bases of
    one of them are all kept (executing 2.0 kept ``Instruction(dis.Instruction)``, which its
    Python 3 branch defined, and dropped the ``namedtuple`` of its Python 2 ``else``).
    """
    if old.definition.other_bases:
        last: list[Finding] = []
        for bases in (old.definition.bases, *reversed(old.definition.other_bases)):
            found = compare_bases(replace(old, definition=replace(
                old.definition, bases=bases, other_bases=())), new, moved)
            if not any(finding.kind is ChangeKind.BASE_REMOVED for finding in found):
                return found  # the statement whose bases the class keeps
            last = last or found
        return last
    old_keys = [(_keys_now(_base_keys(old.revision, old.module, t), new.revision, moved or {}),
                 t) for t in old.definition.bases]
    new_keys = [(_base_keys(new.revision, new.module, t), t) for t in new.definition.bases]
    old_all = frozenset().union(*(keys for keys, _ in old_keys))
    new_all = frozenset().union(*(keys for keys, _ in new_keys))
    ancestors = set(new_all)
    if new.definition.metaclass:
        ancestors |= _base_keys(new.revision, new.module, new.definition.metaclass)
    for ancestor in new.revision.mro(new.symbol):
        if ancestor is None or ancestor == new.symbol:
            continue
        ancestors.add(ancestor)
        definition = new.revision.definition(ancestor)
        if definition is not None:
            module = ancestor.partition(":")[0]
            for text in definition.bases:
                ancestors |= _base_keys(new.revision, module, text)
    for key in list(ancestors):
        ancestors |= KNOWN_ANCESTORS.get(key.rsplit(".", 1)[-1], set())
    made = {text: _made_of(old.revision, old.module, text) for _, text in old_keys}
    old_all = old_all.union(*(keys for parts in made.values() for keys in parts or ()))
    ancestors |= _moved_here(old_all, old.revision, new.revision, ancestors)
    ancestors |= _vendored_here(old_all, ancestors)
    findings = [
        Finding(ChangeKind.BASE_REMOVED, True, text)
        for keys, text in old_keys
        if "object" not in keys and not keys & ancestors
        and not _combines(made[text], ancestors)
        and not _import_fixed(old, text, new_all, new.revision)
    ]
    added = [text for keys, text in new_keys if "object" not in keys and not keys & old_all]
    if added:
        findings.append(Finding(ChangeKind.BODY_CHANGED, False, "bases +" + " +".join(added)))
    return findings


def _import_fixed(old: Side, text: str, new_keys: frozenset[str], new: Revision) -> bool:
    """Did base ``text`` name a class a module of ours never gave (``missing_import``: the
    old class statement never ran), where a new base is a class of ours of that name? The
    import was fixed, no base was lost. asciimatics 1.14: ``samples/maps.py``'s ``from
    asciimatics.widgets import Effect`` (``widgets`` imports ``Effect as _Effect``) became
    ``from asciimatics.effects import Effect``."""
    name = old.revision.missing_import(old.module, text)
    if name is None:
        return False
    for key in new_keys:
        definition = new.definition(key) if ":" in key else None
        if (definition is not None and definition.kind is SymbolKind.CLASS
                and key.rpartition(":")[2].rpartition(".")[2] == name):
            return True
    return False


def _moved_here(keys: frozenset[str], old: Revision, new: Revision,
                ancestors: set[str]) -> set[str]:
    """The classes of ours among ``keys`` that moved to one of ``ancestors``: gone from their
    module, which neither defines nor imports the name, while an ancestor of that name is a
    class the old revision did not have (urwid 2.2 moved ``WidgetContainerListContentsMixin``
    from ``urwid.container`` to ``urwid.widget.container``, and ``urwid/container.py``
    imports back the widgets only)."""
    found = set()
    for key in keys:
        module, colon, qualname = key.partition(":")
        if not colon or new.definition(key) is not None or (
                module in new.summaries and new.resolve_in(module, qualname) is not None):
            continue
        if any(":" in a and a.partition(":")[2] == qualname and old.definition(a) is None
               and new.definition(a) is not None for a in ancestors):
            found.add(key)
    return found


def _vendored_here(keys: frozenset[str], ancestors: set[str]) -> set[str]:
    """The outside classes among ``keys`` that a class of ours among ``ancestors`` is a copy
    of: the same name, in a module whose path ends with the outside class's module path (a
    vendored package: omegaconf 2.4 traded ``antlr4.error.ErrorListener.ErrorListener`` for
    ``omegaconf.vendor.antlr4.error.ErrorListener.ErrorListener``)."""
    ours = {(ancestor.partition(":")[0], ancestor.partition(":")[2])
            for ancestor in ancestors if ":" in ancestor}
    found = set()
    for key in keys:
        module, _, name = key.rpartition(".")
        if ":" in key or not module:
            continue
        if any(qualname == name and where.endswith("." + module) for where, qualname in ours):
            found.add(key)
    return found


def _keys_now(keys: frozenset[str], new: Revision, moved: Mapping[str, str]) -> frozenset[str]:
    """``keys`` (``_base_keys``) with what each class of ours (``module:Class``) is now: the
    class of that name in its module's new name (``moved``: old name -> new name), and the
    class the name is bound to there, a module variable left behind a renamed class
    (python-docx 1.0: ``_ParagraphStyle = ParagraphStyle``), or an import of the class from
    where it moved (urwid 2.2 moved ``Button`` from ``urwid.wimp`` to
    ``urwid.widget.wimp``; ``urwid.wimp`` imports it back)."""
    found = set(keys)
    for key in keys:
        module, colon, qualname = key.partition(":")
        if not colon:
            continue
        module = moved.get(module, module)
        found.add(f"{module}:{qualname}")
        if not qualname.isidentifier():
            continue
        if new.definition(f"{module}:{qualname}") is not None:
            found |= _base_keys(new, module, qualname)
        elif module in new.summaries:
            now = new.resolve_in(module, qualname) or ""
            made = new.definition(now) if ":" in now else None
            if made is not None and made.kind is SymbolKind.CLASS:
                found.add(now)
    for key in keys:  # a dotted spelling through a module that was renamed
        prefix = key.rpartition(".")[0]
        while prefix and ":" not in key:
            if prefix in moved:
                found.add(moved[prefix] + key[len(prefix):])
                break
            prefix = prefix.rpartition(".")[0]
    return frozenset(found)


def _made_of(revision: Revision, module: str, text: str) -> list[frozenset[str]] | None:
    """The keys (``_base_keys``) of each argument of a base written as a call of nothing but
    names (``six.with_metaclass(abc.ABCMeta, Base)``); None for any other base."""
    node = _base_call(text)
    if node is None or node.keywords or not node.args or not all(
            isinstance(arg, (ast.Name, ast.Attribute)) for arg in node.args):
        return None
    return [_base_keys(revision, module, ast.unparse(arg)) for arg in node.args]


def _base_call(text: str) -> ast.Call | None:
    """A base written as a call (``six.with_metaclass(M, B)``, ``NamedTuple('N', [...])``),
    parsed; None for any other base."""
    try:
        node = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, RecursionError, ValueError):
        return None
    return node if isinstance(node, ast.Call) else None


# How a base names ``typing.NamedTuple`` and ``collections.namedtuple`` through its imports
_NAMED_TUPLES = frozenset({"typing.NamedTuple", "typing_extensions.NamedTuple",
                           "collections.namedtuple"})


def _named_tuple_fields(revision: Revision, module: str, text: str) -> frozenset[str] | None:
    """The fields of a named tuple base: a call of ``NamedTuple`` or ``namedtuple`` with
    literal fields (``NamedTuple('N', [('a', int)])``, ``namedtuple('N', 'a b')``), or none
    for the class-syntax base ``NamedTuple`` (its fields are the class's own names); None
    for any other base, or fields not written out."""
    if revision.spelled(module, text.strip()) in _NAMED_TUPLES:
        return frozenset()
    node = _base_call(text)
    if node is None or len(node.args) < 2:
        return None
    func = ast.unparse(node.func)
    if revision.spelled(module, func) in _NAMED_TUPLES:
        if len(node.args) != 2:
            return None
    elif not _makes_named_tuple(revision, module, func):
        return None
    fields = node.args[1]
    if isinstance(fields, ast.Name):
        # a module variable holding them (urllib3 1.26's ``namedtuple("Url", url_attrs)``)
        variable = revision.definition(f"{module}:{fields.id}")
        if variable is None or variable.kind is not SymbolKind.VARIABLE or not variable.value:
            return None
        try:
            fields = ast.parse(variable.value.strip(), mode="eval").body
        except (SyntaxError, RecursionError, ValueError):
            return None
    if isinstance(fields, ast.Constant) and isinstance(fields.value, str):
        return frozenset(fields.value.replace(",", " ").split())
    if not isinstance(fields, (ast.List, ast.Tuple)):
        return None
    names = set()
    for element in fields.elts:
        if isinstance(element, ast.Tuple) and element.elts:
            element = element.elts[0]
        if not isinstance(element, ast.Constant) or not isinstance(element.value, str):
            return None
        names.add(element.value)
    return frozenset(names)


def _makes_named_tuple(revision: Revision, module: str, func: str) -> bool:
    """Is ``func`` (as written in ``module``) a function of ours that returns, at every
    ``return``, a ``namedtuple``/``NamedTuple`` made in it of its first two parameters (cmd2
    1.5's ``namedtuple_with_defaults(typename, field_names, default_values=())``, which sets
    defaults on the tuple it makes)? Its call with literal fields then makes a named tuple of
    them."""
    found = plain_function(revision, module, func)
    if found is None or found[0].signature is None:
        return False
    definition, where, scope, bindings = found
    parameters = definition.signature.parameters  # type: ignore[union-attr]
    if len(parameters) < 2 or any(p.kind not in POSITIONAL for p in parameters[:2]):
        return False
    wanted = [(scope + parameters[0].name,), (scope + parameters[1].name,)]

    def made(value: tuple[str, ...], hops: int) -> bool:
        root = parse_root(value[0])
        if len(value) == 1 and isinstance(root, Variable) and root.key.startswith(scope) \
                and hops < 2:
            values = bindings.get(root.key, ())
            return bool(values) and all(made(v, hops + 1) for v in values)
        call = parse_op(value[-1]) if len(value) > 1 else None
        if not isinstance(call, CallWith) or call.count < 2 or not isinstance(root, Variable) \
                or not root.key.startswith(f"v:{where}:|"):
            return False
        attrs = [parse_op(op) for op in value[1:-1]]
        if not all(isinstance(a, Attr) for a in attrs):
            return False
        spelled = ".".join([root.key.rpartition("|")[2],
                            *(a.name for a in attrs)])  # type: ignore[union-attr]
        arguments = [bindings.get(key, ()) for key in call.positional_keys()[:2]]
        return revision.spelled(where, spelled) in _NAMED_TUPLES and all(
            tuple(found) == (expected,) for found, expected in zip(arguments, wanted, strict=True))

    returned = bindings.get(scope + "<return>", ())
    return bool(returned) and all(made(value, 0) for value in returned)


def _bases_of(revision: Revision, symbol: str) -> tuple[str, ...]:
    definition = revision.definition(symbol)
    return definition.bases if definition is not None else ()


def _combines(parts: list[frozenset[str]] | None, ancestors: set[str]) -> bool:
    """Is a base made by a call (``_made_of``) made of classes the class still has, as bases,
    ancestors or its metaclass? ``six.with_metaclass(M, *bases)`` gives a class of ``M``
    deriving from ``bases``: a class that now names them itself (asttokens 3.0's
    ``class ASTTextBase(metaclass=abc.ABCMeta)``) took nothing away that a caller sees."""
    return parts is not None and all("object" in keys or keys & ancestors for keys in parts)


def ancestry(revision: Revision, symbol: str,
             aliases: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """A class and its ancestors of ours, and the keys (``_base_keys``, with ``aliases``) of the
    bases outside the code among them. Marker bases (``Generic[T]``, ``ABC``) are neither."""
    classes: set[str] = set()
    outside: set[str] = set()
    stack = [symbol]
    while stack:
        current = stack.pop()
        definition = revision.definition(current)
        if current in classes or definition is None:
            continue
        classes.add(current)
        module = current.partition(":")[0]
        for text in definition.bases:
            if revision.marker_base(module, text) is not None:
                continue
            resolved = revision.resolve_expression(module, text)
            if resolved is not None and revision.definition(resolved) is not None:
                stack.append(resolved)
            else:
                outside |= _base_keys(revision, module, text, aliases)
    return frozenset(classes), frozenset(outside)


def own_names(revision: Revision, symbol: str) -> set[str]:
    """The members and attributes a class's own body (and ``__init__``) defines."""
    module, _, qualname = symbol.partition(":")
    prefix = qualname + "."
    definition = revision.definition(symbol)
    names = {q[len(prefix):] for q in revision.definitions(module)
             if q.startswith(prefix) and "." not in q[len(prefix):]}
    return names | set(definition.attributes if definition is not None else ())


# Outside classes whose instances are unhashable (``__hash__ = None``), as ``ancestry`` keys
# them: a subclass without a ``__hash__`` of its own inherits that
UNHASHABLE_BASES = frozenset({
    "Mapping", "MutableMapping", "Set", "MutableSet", "AbstractSet", "MutableSequence",
    "dict", "list", "set", "bytearray", "OrderedDict", "defaultdict", "Counter", "deque",
    "UserDict", "UserList",
})


def unhashable(revision: Revision, symbol: str, dataclasses: bool = False) -> bool:
    """Would instances of the class be unhashable without a ``__hash__`` of its own? The
    first class of ours in its MRO that defines ``__eq__`` before any defines ``__hash__``
    sets ``__hash__ = None`` (Python does, for a class defining ``__eq__`` alone); failing
    that, an outside base among its ancestors that does so (``collections.abc.Mapping``,
    ``dict``, ...: ``ancestry``'s keys, aliases and imports followed). ``dataclasses``: a
    ``@dataclass`` on the way decides too (``compares_by_value``)."""
    for ancestor in revision.mro(symbol):
        definition = None if ancestor is None else revision.definition(ancestor)
        if ancestor is None or definition is None:
            continue
        module, _, qualname = ancestor.partition(":")
        members = revision.definitions(module)
        if f"{qualname}.__hash__" in members or "__hash__" in definition.attributes:
            return False  # its own (an attribute's value is not known: no certain break)
        compares = compares_by_value(definition.decorators) if dataclasses else None
        if compares is not None:
            return compares
        if f"{qualname}.__eq__" in members:
            return True
    return not UNHASHABLE_BASES.isdisjoint(ancestry(revision, symbol, aliases=True)[1])


def compares_by_value(decorators: Sequence[str]) -> bool | None:
    """For a class with these decorators: True when a ``dataclass`` one sets ``__hash__``
    to None (it compares by value, not frozen, no ``unsafe_hash``), False when one gives a
    hash (frozen, ``unsafe_hash``) or keeps identity (``eq=False``), None when none is a
    dataclass decorator."""
    for decorator in decorators:
        if decorator_base(decorator) not in ("dataclass", "dataclasses.dataclass"):
            continue
        try:
            call = ast.parse(decorator, mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            return None
        keywords = getattr(call, "keywords", ())
        if any(keyword.arg is None or (keyword.arg in ("eq", "frozen", "unsafe_hash")
                                       and not isinstance(keyword.value, ast.Constant))
               for keyword in keywords):
            return None  # ``**options``, ``frozen=FROZEN``: not known
        flags = {keyword.arg: keyword.value.value for keyword in keywords
                 if isinstance(keyword.value, ast.Constant)}
        return (flags.get("eq", True) is True and flags.get("frozen", False) is False
                and flags.get("unsafe_hash", False) is False)
    return None


def takes_members_away(old: Revision, new: Revision, symbol: str, base: str) -> bool:
    """Does class ``symbol`` lack, in ``new``, a name it had through ``base`` (a base
    expression of its ``old`` definition, its ``base-removed`` detail), or a base outside the
    code that ``base`` was or had (whose names are not known one by one)?

    A base removed from a class that now defines what it inherited (click 8.2 merged
    ``BaseCommand`` into ``Command``) changes ``isinstance`` answers, which is behaviour:
    code that makes, calls or subclasses the class runs as before. Names lost by a class
    that is still an ancestor (``Field`` under marshmallow 4's ``Date``, which no longer
    derives from ``DateTime``) are changes of their own (``symbol-removed``)."""
    return members_taken_away(old, new, symbol, base) != frozenset()


def members_taken_away(old: Revision, new: Revision, symbol: str, base: str,
                       old_symbol: str | None = None) -> frozenset[str] | None:
    """The names class ``symbol`` had through ``base`` and lacks in ``new``
    (``takes_members_away``): empty when it took nothing away; None when they are not known
    one by one (the class is missing from a revision, or it lost an outside base other than
    a ``collections.abc`` one). ``old_symbol``: where the class was in ``old``, when its
    module was renamed."""
    old_symbol = symbol if old.definition(symbol) is not None else old_symbol
    if old_symbol is None or old.definition(old_symbol) is None:
        return None
    module = old_symbol.partition(":")[0]
    resolved = old.resolve_expression(module, base)
    if new.definition(symbol) is None:
        # the name is the base itself now, imported (Django 5.2's MySQL backend: ``class
        # SQLCompiler(compiler.SQLCompiler)`` -> ``from ...compiler import SQLCompiler``):
        # every name the base gave it still answers; what the class defined itself went
        # as members, judged one by one
        where, _, qualname = symbol.partition(":")
        now = new.resolve_in(where, qualname)
        if resolved is not None and now == resolved and new.definition(now) is not None:
            return frozenset()
        return None
    if resolved is not None and old.definition(resolved) is not None:
        old_classes, old_outside = ancestry(old, resolved, aliases=True)
    else:
        old_classes, old_outside = frozenset(), _base_keys(old, module, base, aliases=True)
    new_classes, new_outside = ancestry(new, symbol, aliases=True)
    if resolved is not None and not _bound_otherwise(old, resolved).isdisjoint(
            new_classes | new_outside):
        # the name may have been a class the class still derives from (graphene 2.1's
        # ``InitSubclassMeta``: a class of its own for Python 2, ``type`` otherwise)
        return frozenset()
    new_names = set().union(*(own_names(new, c) for c in new_classes))
    new_names |= set().union(*(generated_names(new.definition(c)) for c in new_classes))
    fields = _named_tuple_fields(old, module, base)
    if fields is not None:
        # a named tuple made by a call (``NamedTuple('N', [('a', int)])``): a class that is
        # still a named tuple keeps the tuple and ``_replace``, ``_asdict``...; it lost the
        # fields it no longer has (bidict 0.23's ``OnDup`` lost ``kv``)
        tuples = [found for c in new_classes for text in _bases_of(new, c)
                  if (found := _named_tuple_fields(new, c.partition(":")[0], text)) is not None]
        if not tuples:
            # no longer a named tuple (tldextract 5.0 made ``ExtractResult(NamedTuple)`` a
            # dataclass): it lost what a tuple and ``namedtuple`` give, and the fields it
            # does not define now
            return frozenset((fields | NAMED_TUPLE_NAMES) - new_names)
        return frozenset(fields - new_names.union(*tuples))
    lost = set().union(*(own_names(old, c) - new_names for c in old_classes - new_classes))
    kept = set(new_outside) | _exported_elsewhere(old_outside, new_outside)
    for key in new_outside:
        kept |= KNOWN_ANCESTORS.get(key.rsplit(".", 1)[-1], set())
    # the names a builtin exception base of the class now gives, made as the old one was,
    # and those any exception has, given by an outside one nothing else is known of
    # (elasticsearch 8.0's ``NotFoundError(elastic_transport.ApiError)``)
    given = set().union(*(exception_names(key) or () for key in new_outside))
    if any(_unknown_exception(key) for key in new_outside):
        given |= exception_names("BaseException")
    # a ``collections.abc`` base's methods are known: one whose every method the class now
    # defines itself took nothing away (werkzeug 3.1.3's ``Headers`` left ``MutableMapping``);
    # so are a builtin exception's (paho-mqtt 2.0's ``ValueError`` -> ``ConnectionError``)
    kept_classes = _standard_classes_of(frozenset(kept))
    for key in old_outside - kept:
        removed = _standard_classes_of(frozenset({key}))
        if removed and any(_extends(now, removed[0]) for now in kept_classes):
            # a standard base kept derives from it, and gives every name it gave, made as
            # before (coverage 7.0's ``HandyConfigParser``: ``RawConfigParser`` ->
            # ``ConfigParser``)
            continue
        methods = abc_methods(key) or exception_names(key) or generic_names(key)
        if not methods:
            beyond = standard_names_beyond(key, frozenset(kept))
            if beyond is None and not kept:
                # the class now derives from ``object`` alone (prompt_toolkit 3.0's
                # ``_16ColorCache(dict)`` -> ``_16ColorCache``)
                beyond = standard_names_over_object(key)
                if beyond is None and key in ABC_KEYS and not any(
                        (made := new.definition(c)) is not None and made.metaclass
                        for c in new_classes):
                    # nor from ``ABCMeta`` (python-telegram-bot 20.0's ``BaseFilter(ABC)``
                    # -> ``BaseFilter``)
                    beyond = ABC_NAMES
            if beyond is None and removed and not kept - {"object"}:
                # any other class of the standard library, the class left with ``object``
                # or classes of ours alone (joblib 1.6: loky's ``ResourceTracker`` traded
                # ``multiprocessing``'s for a copy of it in its own code)
                beyond = _names_over_object(removed[0])
            if beyond is None:
                return None
            methods = beyond
        lost |= methods - new_names - given
    return frozenset(lost)


def derives_from_unknown(revision: Revision, symbol: str) -> bool:
    """Does class ``symbol`` derive, in ``revision``, from a class of an outside package that
    is not the standard library's (whose names are not known one by one: ``cfgv.Conditional``,
    ``pydantic.RootModel``)?"""
    if revision.definition(symbol) is None:
        return False
    return any(map(_of_outside_package, ancestry(revision, symbol, aliases=True)[1]))


def _of_outside_package(key: str) -> bool:
    """Does base key ``key`` name a class of an outside package that is not the standard
    library's (``cfgv.Conditional``; not ``dict``, ``collections.OrderedDict``, nor a class of
    ours, ``pkg.mod:Base``)?"""
    top, _, rest = key.partition(".")
    return bool(rest) and ":" not in key and top not in sys.stdlib_module_names


def _exported_elsewhere(old_keys: frozenset[str], new_keys: frozenset[str]) -> set[str]:
    """The keys of ``old_keys`` naming a class of an outside package, not the standard
    library's, that a key of ``new_keys`` names by the same name from another module of that
    package: one class the package exports from both (flask-sqlalchemy 3.0 traded
    ``sqlalchemy.ext.declarative.DeclarativeMeta`` for ``sqlalchemy.orm.DeclarativeMeta``)."""
    def outside(key: str) -> tuple[str, str] | None:
        if not _of_outside_package(key):
            return None
        return key.partition(".")[0], key.rpartition(".")[2]

    now = {found for key in new_keys if (found := outside(key)) is not None}
    return {key for key in old_keys if outside(key) in now}


def _bound_otherwise(revision: Revision, symbol: str) -> frozenset[str]:
    """What else module-level name ``symbol`` (``module:Name``, a class) is bound to in the
    branches of its module, as base keys: builtin classes by their names, classes of ours
    by their symbols (``if not hasattr(object, "__init_subclass__"): class InitSubclassMeta
    (type): ...`` ``else: InitSubclassMeta = type`` gives ``type``)."""
    module, _, name = symbol.partition(":")
    summary = revision.summaries.get(module)
    if summary is None or not name.isidentifier():
        return frozenset()
    found = set()
    for value in dict(summary.bindings).get(f"v:{module}:|{name}", ()):
        if len(value) != 1:
            continue
        match parse_root(value[0]):
            case BuiltinRoot(builtin):
                found.add(builtin)
            case SymbolRoot(other) if other != symbol:
                found.add(other)
            case _:
                pass
    return frozenset(found)


# Standard classes by their bare names (base keys ``_strip_module`` took the module off),
# where Python has them
_STANDARD_HOMES = (builtins, collections, collections.abc, enum, abc, contextlib)


def _standard_class(name: str) -> type | None:
    """The standard class bare name ``name`` (``dict``, ``OrderedDict``, ``MutableMapping``)
    stands for, or None."""
    found = next((getattr(home, name) for home in _STANDARD_HOMES if hasattr(home, name)), None)
    return found if isinstance(found, type) else None


@functools.cache
def standard_names_beyond(key: str, kept: frozenset[str]) -> frozenset[str] | None:
    """The names a standard class named by base key ``key`` (``OrderedDict``) gives beyond
    those of its ancestors (``KNOWN_ANCESTORS``) that ``kept`` still names (``dict``), read
    from Python's own classes; None when no such ancestor is kept. ``__dict__`` and
    ``__weakref__`` are left out: a class statement gives its instances both.
    djangorestframework 3.15 traded ``OrderedDict`` for ``dict`` under ``ReturnDict``
    (``move_to_end`` lost)."""
    name = key.rpartition(".")[2]
    ancestors = KNOWN_ANCESTORS.get(name, set()) & {k.rpartition(".")[2] for k in kept}
    cls = _standard_class(name)
    found = [c for c in map(_standard_class, sorted(ancestors)) if c is not None]
    if cls is None or not found:
        return None
    return frozenset(set(dir(cls)).difference(*map(dir, found)) - {"__dict__", "__weakref__"})


# How a base of ``abc.ABC`` is spelled, and what a class loses with it when it is left with no
# metaclass: the methods ``ABCMeta`` answers for it (``register``), ``type`` answering
# ``__instancecheck__`` and ``__subclasscheck__`` as before; and the ``_abc_impl`` the
# metaclass gives. ``__slots__`` and ``__abstractmethods__`` are no use lost.
ABC_KEYS = frozenset({"ABC", "abc.ABC"})  # (``_base_keys`` strips a standard module)
ABC_NAMES = frozenset(set(dir(abc.ABCMeta)) - set(dir(type))) | {"_abc_impl"}


# the rich comparisons: ``object``'s compare by identity, a builtin's or a dataclass's by value
COMPARISONS = frozenset({"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"})


@functools.cache
def standard_names_over_object(key: str) -> frozenset[str] | None:
    """The names a builtin or ``collections`` class named by base key ``key`` (``dict``,
    ``collections.deque``) gives a subclass beyond ``object``'s, read from Python's own class;
    with ``__init__`` when it takes arguments otherwise than ``object``'s (``dict(a=1)``;
    ``object()`` takes none), so that a class left without one of its own lost it (with one,
    ``object.__new__`` takes the arguments it is given). None for any other base, and for
    exceptions (``exception_names``)."""
    module, _, name = key.rpartition(".")
    cls = _standard_class(name) if module in ("", "builtins", "collections") else None
    if cls is None or cls.__module__ not in ("builtins", "collections"):
        return None
    return _names_over_object(cls)


def _names_over_object(cls: type) -> frozenset[str] | None:
    """The names standard class ``cls`` gives a subclass beyond ``object``'s (with
    ``__init__`` and the comparisons as ``standard_names_over_object`` says); None for
    ``object``, an exception (``exception_names``) and a class with a metaclass, whose names
    the class does not list. ``ABCMeta``'s classes list theirs (``io.TextIOBase``: Django 5.2's
    ``OutputWrapper`` dropped it), and give the class ``ABCMeta``'s own (``register``)."""
    made_by = type(cls)
    if cls is object or issubclass(cls, BaseException) or (
            made_by is not type and made_by is not abc.ABCMeta):
        return None
    names = set(dir(cls)) - set(dir(object))
    if made_by is abc.ABCMeta:
        names |= ABC_NAMES
    if cls.__init__ is not object.__init__:
        names.add("__init__")
    # compared by value (``{} == {}``), where an instance of ``object`` is equal to itself alone
    names |= {name for name in COMPARISONS if getattr(cls, name) is not getattr(object, name)}
    return frozenset(names - {"__dict__", "__weakref__", "__new__", "__module__"})


def generated_names(definition: Definition | None) -> frozenset[str]:
    """The comparisons a dataclass-like decorator of the class (``DATACLASS_DECORATORS``)
    writes for it, as the summary does not: ``__eq__`` and ``__ne__`` unless ``eq=False``,
    the ordering ones with ``order=True``. tldextract 5.0's ``@dataclass`` ``ExtractResult``
    compares by its fields, as the named tuple it was did."""
    names: set[str] = set()
    for text in definition.decorators if definition is not None else ():
        if decorator_base(text) not in DATACLASS_DECORATORS:
            continue
        spaced = text.replace(" ", "")
        if "eq=False" not in spaced:
            names |= {"__eq__", "__ne__"}
        if "order=True" in spaced:
            names |= COMPARISONS
    return frozenset(names)


# What a named tuple class has beyond ``object``: a tuple's names and those ``namedtuple``
# gives, ``__init__`` among them (it is made from its fields: a class left without an
# ``__init__`` of its own lost that)
NAMED_TUPLE_NAMES = frozenset(
    (set(dir(tuple)) - set(dir(object)) - {"__new__"})
    | {"_asdict", "_replace", "_fields", "_field_defaults", "_make", "__getnewargs__",
       "__match_args__", "__init__"} | COMPARISONS)


def bound_as_values(old: Revision, symbol: str, base: str) -> frozenset[str]:
    """The names the classes of ours that class ``symbol`` had through ``base`` in ``old``
    bind as data only (a class-body variable, an attribute), none as a function or a class:
    python-docx 0.8's ``XmlEnumeration`` bound ``__members__ = ()`` and ``__ms_name__ = ''``."""
    module = symbol.partition(":")[0]
    resolved = old.resolve_expression(module, base)
    if resolved is None or old.definition(resolved) is None:
        return frozenset()
    classes = ancestry(old, resolved)[0]
    values: set[str] = set()
    functions: set[str] = set()
    for cls in classes:
        for name in own_names(old, cls):
            found = old.definition(f"{cls}.{name}")
            if found is None or found.kind is SymbolKind.VARIABLE:
                values.add(name)
            else:
                functions.add(name)
    return frozenset(values - functions)


@functools.cache
def named_like_exception(key: str) -> bool:
    """Does base key ``key`` (``ValueError``, ``requests.RequestException``) name an
    exception class, a builtin one or one named like one?"""
    name = key.rpartition(".")[2]
    found = getattr(builtins, name, None) if key == name or key.startswith("builtins.") \
        else None
    return (isinstance(found, type) and issubclass(found, BaseException)) \
        or name.endswith(("Error", "Exception", "Warning", "Exit"))


def _unknown_exception(key: str) -> bool:
    """Does base key ``key`` name a class of an outside package that is not the standard
    library's, named like an exception (``elastic_transport.ApiError``)? Nothing else is known
    of it; ``raise`` and ``except`` take it as one."""
    top = key.partition(".")[0]
    return "." in key and top not in sys.stdlib_module_names and named_like_exception(key)


def exception_names(key: str) -> frozenset[str]:
    """The names a builtin exception class named by a base key (``ValueError``,
    ``builtins.OSError``) gives a subclass, beyond ``object``'s; empty for any other base, and
    for an exception not made as ``BaseException`` is, from any positional arguments
    (``UnicodeDecodeError`` takes five, ``ExceptionGroup`` two): trading one for another
    changes how the class is made, which names do not show."""
    module, _, name = key.rpartition(".")
    cls = getattr(builtins, name, None) if module in ("", "builtins") else None
    if not isinstance(cls, type) or not issubclass(cls, BaseException):
        return frozenset()
    try:
        for arguments in ((), ("message",), ("message", "detail", 3)):
            cls(*arguments)
    except Exception:  # a constructor that wants other arguments
        return frozenset()
    return frozenset(set(dir(cls)) - set(dir(object)))


# What an ABC gives besides being one: not methods of its subclasses
_ABC_MACHINERY = frozenset({"__subclasshook__", "__class_getitem__", "__init_subclass__"})


def generic_names(key: str) -> frozenset[str]:
    """What ``typing.Generic`` (a base key, written subscripted or not) gives a subclass
    beyond ``object``: ``Cls[T]`` (``__class_getitem__``). Its ``__init_subclass__`` is
    ``object``'s to callers. Empty for any other key."""
    module, _, name = key.rpartition(".")
    if name == "Generic" and module in ("", "typing", "typing_extensions"):
        return GENERIC_NAMES
    return frozenset()


GENERIC_NAMES = frozenset({"__class_getitem__"})


@functools.cache
def abc_methods(key: str) -> frozenset[str]:
    """The methods (abstract and mixin) a ``collections.abc`` class named by a base key
    (``MutableMapping``, ``collections.abc.Mapping``, ``typing.Sequence``) and its bases give
    a subclass; empty for any other base (its members are not known one by one)."""
    module, _, name = key.rpartition(".")
    if module not in ("", "collections.abc", "typing", "typing_extensions"):
        return frozenset()
    cls = getattr(collections.abc, name, None)
    if not isinstance(cls, type) or cls.__module__ not in ("collections.abc", "_collections_abc"):
        return frozenset()
    return frozenset(
        attr for klass in cls.__mro__ if klass is not object
        for attr, value in vars(klass).items()
        if attr not in _ABC_MACHINERY
        and (callable(value) or isinstance(value, (classmethod, staticmethod)))
    )


def compare_definitions(old: Side, new: Side,
                        moved: Mapping[str, str] | None = None) -> list[Finding]:
    """Everything callers or subclasses could notice, then the body. ``moved``: the modules
    renamed, old name -> new name (``compare_bases``)."""
    a, b = old.definition, new.definition
    if a.kind is SymbolKind.VARIABLE or b.kind is SymbolKind.VARIABLE or (
        (a.kind is SymbolKind.CLASS) != (b.kind is SymbolKind.CLASS)
    ):
        if a.kind is b.kind:
            if a.body_hash == b.body_hash:
                return []
            short = all(v is not None and len(v) <= _MAX_SHOWN for v in (a.value, b.value))
            # a constant's two values are what a reviewer compares (``TIMEOUT = 5`` -> ``10``)
            return [Finding(ChangeKind.BODY_CHANGED, False, "value",
                            a.value if short else None, b.value if short else None)]
        return [Finding(ChangeKind.BODY_CHANGED, False, f"{a.kind.value}->{b.kind.value}")]
    def same(removed: str, added: str) -> bool:
        if _subclass_adding_nothing(old, removed, new, added):
            return True
        # both spelled through their module's imports: a name the module defines, or binds
        # otherwise, is its own whatever its text
        if not all(n.replace(".", "_").isidentifier() and n.partition(".")[0] in side.revision
                   .imports(side.module) for n, side in ((removed, old), (added, new))):
            return False
        spelled = old.revision.spelled(old.module, removed)
        return "." in spelled and spelled == new.revision.spelled(new.module, added)

    before, after = _decorators_spelled_out(old), _decorators_spelled_out(new)
    if a.kind is SymbolKind.CLASS:
        before = _without_inherited_metaclass(before, old, new)
        after = _without_inherited_metaclass(after, new, old)
    findings = compare_decorators(before, after, same)
    if a.kind is SymbolKind.CLASS:
        findings += compare_bases(old, new, moved)
    else:
        findings = _as_click_calls(old, new, findings + compare_callables(old, new))
    if not a.synthetic and not b.synthetic and _body_changed(a, b):
        findings.append(Finding(ChangeKind.BODY_CHANGED, False, ""))
    return findings


def _inherited_metaclass(side: Side) -> str | None:
    """The metaclass class ``side`` gets from its nearest ancestor of ours that passes one
    (``metaclass=M``), resolved where that ancestor is written; None when the class passes
    its own, or no ancestor of ours does."""
    revision = side.revision
    if side.definition.metaclass:
        return None
    for ancestor in list(revision.mro(side.symbol))[1:]:
        found = revision.definition(ancestor) if ancestor is not None else None
        if ancestor is not None and found is not None and found.metaclass:
            return revision.resolve_expression(ancestor.partition(":")[0], found.metaclass)
    return None


def _without_inherited_metaclass(kept: Definition, side: Side, other: Side) -> Definition:
    """``kept`` (``side``'s definition) without an ``add_metaclass(M)`` decorator whose ``M``
    is the metaclass the ``other`` revision's class inherits from a base of ours: the class is
    made by the same metaclass either way (param 2.0 moved ``@add_metaclass(
    ParameterMetaclass)`` off ``Parameter`` onto a new base ``_ParameterBase``)."""
    if not any(added_metaclass(written) is not None for written in kept.decorators):
        return kept
    inherited = _inherited_metaclass(other)
    if inherited is None:
        return kept
    decorators = tuple(
        written for written in kept.decorators
        if (made := added_metaclass(written)) is None
        or side.revision.resolve_expression(side.module, made) != inherited)
    return kept if decorators == kept.decorators else replace(kept, decorators=decorators)


def _property_made(side: Side, written: str) -> str | None:
    """The standard decorator a bare decorator of ours stands for when the function it names,
    taking one parameter, returns a ``property`` at every ``return``: ``property``,
    or ``abc.abstractproperty`` when the getter is ``abc.abstractmethod``'s
    (pymongo 4.0's ``_abstractproperty(func): return property(abc.abstractmethod(func))``);
    None for any other decorator."""
    if not written.replace(".", "_").isidentifier():
        return None
    found = plain_function(side.revision, side.module, written)
    if found is None:
        return None
    definition, _, scope, bindings = found
    parameters = definition.signature.parameters if definition.signature is not None else ()
    returned = bindings.get(scope + "<return>")
    if len(parameters) != 1 or not returned:
        return None
    if not all(value and value[-1] == "!property" for value in returned):
        return None
    # ``abc.abstractmethod(func)``, or ``abstractmethod(func)`` from ``from abc import ...``
    abstract = all(any(part.endswith("abstractmethod") for part in value) for value in returned)
    return "abc.abstractproperty" if abstract else "property"


# What a click command or group made of a function calls it with: every parameter by keyword
# but the first, which ``@click.pass_context`` or ``@click.pass_obj`` hand by position
# (rich-click's and cloup's commands are click's, made by their own decorators)
_CLICK_COMMANDS = frozenset({
    "click.command", "click.group", "rich_click.command", "rich_click.group",
    "rich_click.decorators.command", "rich_click.decorators.group", "cloup.command",
    "cloup.group",
})
# what a click command's name may be called for, once its function changed
_CLICK_NEUTRAL = frozenset({ChangeKind.PARAMETER_MOVED, ChangeKind.PARAMETER_ADDED,
                            ChangeKind.DECORATOR_CHANGED})


def _as_click_calls(old: Side, new: Side, findings: list[Finding]) -> list[Finding]:
    """``findings`` of a function that is a click command (or group) in both revisions, made
    non-breaking where no call of the command's name notices: its name is the command, calling
    it parses the command line, and click calls the function with every option by keyword.
    So a parameter moved past the first is no break (hatch 1.8 reordered ``hatch``'s
    options; ``main()`` calls ``hatch(prog_name='hatch')``), nor a parameter added with an
    option that fills it and is not required (rich-click 1.9 gave ``main`` a ``--theme``), nor
    a change of the decorators below a command (or group) decorator that stays one, which
    only gives click another function to call."""
    if not any(f.kind in _CLICK_NEUTRAL and f.breaking for f in findings) \
            or not (_click_command(old.revision, old.module, old.definition)
                    and _click_command(new.revision, new.module, new.definition)):
        return findings
    # ``@click.pass_context``, ``@click.pass_obj``, a ``make_pass_decorator`` one: the first
    # parameter is handed by position
    passed_old, passed_new = (any(_bare(d).startswith("pass_") for d in side.definition.decorators)
                              for side in (old, new))
    filled = _filled_by_click(new.definition)
    # a command made a group (or back) parses its command line otherwise
    same_kind = _bare(old.definition.decorators[0]) == _bare(new.definition.decorators[0])
    return [replace(f, breaking=False) if (
        (f.kind is ChangeKind.PARAMETER_MOVED
         and not (passed_old and f.old == "0") and not (passed_new and f.new == "0"))
        or (f.kind is ChangeKind.DECORATOR_CHANGED and same_kind)
        or (f.kind is ChangeKind.PARAMETER_ADDED and f.detail.split(" ", 1)[0] in filled)
    ) else f for f in findings]


def _filled_by_click(definition: Definition) -> frozenset[str]:
    """The parameters of a click command's function that click fills on every call: those of
    its options that are not required (``@click.option("--log-level", "-l")`` fills
    ``log_level``), of arguments that are optional (``nargs=-1``, a default,
    ``required=False``), and the first one when a ``pass_*`` decorator hands it."""
    filled: set[str] = set()
    parameters = definition.signature.parameters if definition.signature else ()
    for written in definition.decorators:
        bare = _bare(written)
        if bare.startswith("pass_") and parameters:
            filled.add(parameters[0].name)
            continue
        if not bare.endswith(("option", "argument")):
            continue
        try:
            call = ast.parse(written, mode="eval").body
        except SyntaxError:
            continue
        if not isinstance(call, ast.Call):
            continue
        keywords = {k.arg: k.value for k in call.keywords if k.arg}
        required = keywords.get("required")
        if isinstance(required, ast.Constant) and required.value is True:
            continue
        if bare.endswith("argument") and not (
                "default" in keywords
                or (isinstance(required, ast.Constant) and required.value is False)
                or (isinstance(keywords.get("nargs"), ast.UnaryOp)
                    and ast.unparse(keywords["nargs"]) == "-1")):
            continue
        names = [a.value for a in call.args
                 if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        name = _click_parameter_name(names, bare.endswith("argument"))
        if name is not None:
            filled.add(name)
    return frozenset(filled)


def _click_parameter_name(names: list[str], argument: bool) -> str | None:
    """The parameter click fills for an option (or argument) declared with ``names``: a bare
    word among them, else the first ``--`` name (else the first ``-`` one) without its
    dashes, lower case, inner dashes made ``_``, as click names it."""
    if argument:
        return names[0].replace("-", "_").lower() if names else None
    bare = [n for n in names if n.isidentifier()]
    if bare:
        return bare[0]
    spelled = [n.split("/", 1)[0].strip() for n in names]  # ``--shout/--no-shout``
    long = [n for n in spelled if n.startswith("--")]
    short = [n for n in spelled if n.startswith("-") and not n.startswith("--")]
    chosen = long[0] if long else short[0] if short else None
    return chosen.lstrip("-").replace("-", "_").lower() if chosen else None


def _click_command(revision: Revision, module: str, definition: Definition,
                   hops: int = 0) -> bool:
    """Is ``definition`` (a function of ``module``) made a click command or group by its
    outermost decorator: ``@click.command(...)``, or ``@cli.command(...)`` of a group ``cli``
    of ours?"""
    if definition.kind is not SymbolKind.FUNCTION or not definition.decorators \
            or hops > _MAX_FACTORY_HOPS:
        return False
    written = decorator_name(definition.decorators[0])
    if revision.spelled(module, written) in _CLICK_COMMANDS:
        return True
    group, _, made = written.rpartition(".")
    symbol = revision.resolve_expression(module, group) \
        if made in ("command", "group") and group else None
    found = revision.definition(symbol) if symbol is not None else None
    if symbol is None or found is None or not found.decorators:
        return False
    # ``cli`` a group: a function that click's ``group`` (or another group's) makes one
    return decorator_name(found.decorators[0]).rpartition(".")[2] == "group" \
        and _click_command(revision, symbol.partition(":")[0], found, hops + 1)


def _subclass_adding_nothing(old: Side, removed: str, new: Side, added: str) -> bool:
    """Are decorators ``removed`` (as ``old``'s module writes it) and ``added`` (``new``'s)
    two classes of ours, one deriving from the other alone and defining nothing, as the head
    has them? Each makes the same object of what it decorates (disnake 2.10 traded
    ``@flag_value`` for ``@alias_flag_value``, a ``flag_value`` subclass whose body is
    ``pass``, on ``Intents.emojis``)."""
    if not all(name.replace(".", "_").isidentifier() for name in (removed, added)):
        return False
    head = new.revision
    was = old.revision.resolve_expression(old.module, removed)
    now = head.resolve_expression(new.module, added)
    if was is None or now is None or was == now:
        return False
    for sub, base in ((now, was), (was, now)):
        definition = head.definition(sub)
        if definition is not None and definition.kind is SymbolKind.CLASS \
                and head.definition(base) is not None \
                and not definition.decorators and definition.metaclass is None \
                and head.bases(sub) == [base] and not own_names(head, sub):
            return True
    return False


def _partial_applied(value: str) -> str | None:
    """``partial(dataclass, frozen=True)`` as the decorator it applies, ``dataclass(
    frozen=True)``: calling either with the class is ``dataclass(cls, frozen=True)``.
    ansible-core 2.18 traded its ``frozen_dataclass = partial(dataclass, frozen=True,
    **slots)`` for ``@dataclass(frozen=True, slots=True)``. None when the partial's first
    argument is not a name (or a dotted one), or the value is no such call."""
    try:
        call = ast.parse(value, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(call, ast.Call) or not call.args \
            or not isinstance(call.args[0], (ast.Name, ast.Attribute)) \
            or any(isinstance(arg, ast.Starred) for arg in call.args[:1]):
        return None
    applied = ast.Call(func=call.args[0], args=call.args[1:], keywords=call.keywords)
    return ast.unparse(applied)


def _decorators_spelled_out(side: Side) -> Definition:
    """The definition with each decorator written as a bare name of ours bound, at module
    level, to a call (``verbose = click.option("-v", count=True)``, written
    ``@options.verbose``) replaced by that call as its module writes it: the decorator
    applied is the call's value either way. pip-tools 7.4 moved every ``@click.option(...)``
    of its two commands into ``piptools/scripts/options.py``."""
    decorators = []
    for written in side.definition.decorators:
        symbol = (side.revision.resolve_expression(side.module, written)
                  if written.replace(".", "_").isidentifier() else None)
        made = side.revision.definition(symbol) if symbol is not None else None
        value = made.value if made is not None and made.kind is SymbolKind.VARIABLE else None
        called = value.partition("(")[0] if value is not None and value.endswith(")") else ""
        if value is not None and called and side.revision.spelled(
                side.module, called) == "functools.partial":
            value = _partial_applied(value)
        decorators.append(value if value is not None and called
                          and called.replace(".", "_").isidentifier()
                          else _property_made(side, written) or written)
    if tuple(decorators) == side.definition.decorators:
        return side.definition
    return replace(side.definition, decorators=tuple(decorators))


def shim_returns(revision: Revision, module: str, written: str) -> frozenset[str]:
    """The import paths that ``written`` (in ``module``), a plain function of ours taking no
    parameter, returns: every value it returns that is known is a name it imports, all with
    one last name (graphene-django 2.15's ``import_single_dispatch()`` returns
    ``functools.singledispatch``, or the backport ``singledispatch.singledispatch``,
    whichever imports). Empty for any other function."""
    found = plain_function(revision, module, written) \
        if written.replace(".", "_").isidentifier() else None
    if found is None or (found[0].signature is not None and found[0].signature.parameters):
        return frozenset()
    definition, _, scope, bindings = found
    paths: set[str] = set()
    for value in _returned_values(definition, scope, bindings):
        if len(value) != 1 or not value[0].startswith(scope):
            return frozenset()
        for made in bindings.get(value[0], ()):
            if len(made) != 2 or not made[0].startswith("m:") or not made[1].startswith(".") \
                    or not made[1][1:].isidentifier():
                return frozenset()
            paths.add(made[0][2:] + made[1])
    if len({path.rpartition(".")[2] for path in paths}) != 1:
        return frozenset()
    return frozenset(paths)


def _body_changed(a: Definition, b: Definition) -> bool:
    """Does the body do something else? Where the parameters were only renamed (same kinds,
    same places), a body that follows the rename is the same body, and one that still reads an
    old name (now a global, or nothing) is not, though its text did not change."""
    if not _renamed_only(a.signature, b.signature):
        return a.body_hash != b.body_hash
    return (a.renaming_hash or a.body_hash) != (b.renaming_hash or b.body_hash)


def _renamed_only(a: Signature | None, b: Signature | None) -> bool:
    if a is None or b is None or len(a.parameters) != len(b.parameters):
        return False
    pairs = list(zip(a.parameters, b.parameters, strict=True))
    return all(p.kind is q.kind for p, q in pairs) and any(p.name != q.name for p, q in pairs)


_INSPECTED_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: ParamKind.POSITIONAL_ONLY,
    inspect.Parameter.POSITIONAL_OR_KEYWORD: ParamKind.POSITIONAL_OR_KEYWORD,
    inspect.Parameter.VAR_POSITIONAL: ParamKind.VAR_POSITIONAL,
    inspect.Parameter.KEYWORD_ONLY: ParamKind.KEYWORD_ONLY,
    inspect.Parameter.VAR_KEYWORD: ParamKind.VAR_KEYWORD,
}


def _extends(cls: type, base: type) -> bool:
    """Is ``cls`` a subclass of ``base`` made as ``base`` is (the same ``__init__`` and
    ``__new__``)? ``UnicodeDecodeError`` is a ``ValueError`` that takes five arguments."""
    return issubclass(cls, base) and all(
        getattr(cls, name) is getattr(base, name) for name in ("__init__", "__new__"))


# Standard bases that are no classes, and the class of what they make (a class statement
# deriving from ``typing.NamedTuple`` makes a subclass of ``tuple``)
_MADE_BY_STANDARD = {"NamedTuple": tuple, "typing.NamedTuple": tuple,
                     "typing_extensions.NamedTuple": tuple}


def _standard_classes_of(keys: frozenset[str]) -> list[type]:
    """This interpreter's standard-library classes that base keys ``keys`` name."""
    from impactgraph.linker.stdlib import stdlib_class  # not loaded before a diff needs it

    found = (_MADE_BY_STANDARD.get(key) or (stdlib_class(key) if "." in key
                                            else _standard_class(key)) for key in sorted(keys))
    return [cls for cls in found if cls is not None]


def standard_classes(revision: Revision, symbol: str) -> list[type]:
    """This interpreter's standard-library classes among the ancestors of class ``symbol``
    (through names bound to alternatives too: ``InitMeta = type`` in one branch)."""
    return _standard_classes_of(frozenset(ancestry(revision, symbol, aliases=True)[1]))


def answered_by_standard_base(old: Revision, new: Revision, symbol: str, base: str,
                              taken: frozenset[str], old_symbol: str | None = None
                              ) -> frozenset[str]:
    """``taken`` (what class ``symbol`` lost with ``base``, ``members_taken_away``) without
    the methods a standard-library base of the class in ``new`` answers in their place
    (``standard_member``), when every standard class the class derived from in ``old``,
    through each thing ``base`` is bound to, is a kind of one of those bases. trio 0.23 traded
    ``AsyncAutoWrapperType(Final)``, ``Final`` a metaclass of ours over ``abc.ABCMeta`` with
    its own ``__new__``, for ``(type)``: ``type``'s ``__new__``, ``__instancecheck__`` and
    ``__subclasscheck__`` run now, ``ABCMeta.register`` is lost. A base that may have been
    ``dict`` (``InitMeta = dict`` in another branch) is no kind of ``type``: nothing is
    answered."""
    old_symbol = symbol if old.definition(symbol) is not None else old_symbol
    if not taken or old_symbol is None:
        return taken
    kinds = standard_classes(old, old_symbol)
    resolved = old.resolve_expression(old_symbol.partition(":")[0], base)
    for key in _bound_otherwise(old, resolved) if resolved is not None else ():
        if ":" in key:
            kinds += standard_classes(old, key)
            continue
        found = _standard_class(key)
        if found is None:
            return taken  # an alternative nothing is known of
        kinds.append(found)
    now = standard_classes(new, symbol)
    if not kinds or not now or not all(any(issubclass(kind, base_now) for base_now in now)
                                       for kind in kinds):
        return taken
    return frozenset(name for name in taken if _member_among(now, name) is None)


def standard_member(revision: Revision, symbol: str, name: str
                    ) -> tuple[str, Definition | None] | None:
    """The method ``name`` a standard-library base of class ``symbol`` has (``dict`` behind
    ``typing.Dict[K, V]``, ``collections.abc.MutableMapping``), as this interpreter's own
    class defines it: the class's name (``dict``, ``collections.abc.MutableMapping``) and a
    definition with the signature ``inspect`` reads (``dict.get(self, key, default=None,
    /)``), or None for a signature it cannot read (``dict.items``: a call of it is no certain
    break). None when no such base has a callable of that name, or when the one it has is
    abstract (``collections.abc.Sized.__len__``: the class can no longer be made)."""
    return _member_among(standard_classes(revision, symbol), name)


def _member_among(classes: list[type], name: str) -> tuple[str, Definition | None] | None:
    """``standard_member`` over these standard classes, in their order."""
    for cls in classes:
        member = getattr(cls, name, None)
        if member is None or not callable(member):
            continue
        if getattr(member, "__isabstractmethod__", False):
            return None  # (``collections.abc.Sized.__len__``): the class is abstract now
        where = (cls.__qualname__ if cls.__module__ == "builtins"
                 else f"{cls.__module__}.{cls.__qualname__}")
        try:
            read = inspect.signature(member)
        except (TypeError, ValueError):
            return where, None
        parameters = tuple(
            Parameter(p.name, _INSPECTED_KINDS[p.kind],
                      None if p.default is inspect.Parameter.empty else repr(p.default))
            for p in read.parameters.values())
        return where, Definition(f"{where}.{name}", SymbolKind.METHOD, 0, 0,
                                 signature=Signature(parameters), synthetic=True)
    return None


def reads_bare_name(revision: Revision, module: str, name: str) -> bool:
    """Does the module-level code of ``module`` (a class body's among it) read ``name`` as a
    bare name of a scope that no longer binds it (``join.__doc__ = str.join.__doc__`` in a
    class whose ``join`` went: a ``NameError`` as the module is imported)? A summary of the
    API alone (``changes``) holds no code: no read is seen."""
    summary = revision.summaries.get(module)
    if summary is None:
        return False
    prefix, suffix = f"v:{module}:", "|" + name

    def bare(exprs: tuple[Expr, ...]) -> bool:
        return any(expr and expr[0].startswith(prefix) and expr[0].endswith(suffix)
                   for expr in exprs)

    return (any(site.scope == module and bare(site.callee) for site in summary.calls)
            or any(ref.scope == module and bare(ref.target) for ref in summary.references))


def delegated_to_outside_base(old: Revision, new: Revision, old_class: str, new_class: str,
                              method: Definition) -> bool:
    """Did ``method`` (of ``old_class`` in ``old``, removed in ``new``) hand every argument it
    took on to the method of that name of a base outside the code (``super().name(...)``,
    or ``Base.name(self, ...)`` with ``Base`` a base as written), no base of ours answering
    that name, and is every outside base the class had still one of ``new_class``? Then the
    outside base answers every call the method took (geopandas 1.0 removed
    ``GeoDataFrame.merge``, which called ``DataFrame.merge(self, *args, **kwargs)``)."""
    signature = method.signature
    name = method.qualname.rpartition(".")[2]
    if method.kind is not SymbolKind.METHOD or method.decorators or signature is None \
            or not signature.parameters or signature.parameters[0].kind not in POSITIONAL \
            or old.inherited(old_class, name)[0] is not None:
        return False
    module = old_class.partition(":")[0]
    old_definition, new_definition = old.definition(old_class), new.definition(new_class)
    if old_definition is None or new_definition is None:
        return False
    outside = {old.spelled(module, text) for text in old_definition.bases
               if old.marker_base(module, text) is None
               and old.resolve_expression(module, text) is None}
    new_module = new_class.partition(":")[0]
    kept = {new.spelled(new_module, text) for text in new_definition.bases}
    summary = old.summaries.get(module)
    if not outside or not outside <= kept or summary is None:
        return False
    scope = f"{module}:{method.qualname}"
    first, *rest = signature.parameters
    wanted = "." + name

    def delegates(site: CallSite) -> bool:
        if len(site.callee) != 1 or site.callee[0][-1:] != (wanted,):
            return False
        expr, args = site.callee[0], site.args
        if expr[1:-1] != ("super",) or expr[0] != f"s:{old_class}":  # not ``super().name()``
            text = expr[0].rpartition("|")[2] if expr[0].startswith(f"v:{module}:|") else ""
            if len(expr) != 2 or old.spelled(module, text) not in outside \
                    or not args or args[0] != ((f"v:{scope}|{first.name}",),):
                return False  # ``Base.name(self, ...)`` hands self on first
            args = args[1:]
        handed = {value[0] for values in args for value in values if len(value) == 1} | {
            value[0] for _, values in site.kwargs for value in values if len(value) == 1}
        for parameter in rest:
            if parameter.kind is ParamKind.VAR_POSITIONAL:
                if not site.unpacks & 1:
                    return False
            elif parameter.kind is ParamKind.VAR_KEYWORD:
                if not site.unpacks & 2:
                    return False
            elif f"v:{scope}|{parameter.name}" not in handed:
                return False
        return True

    return any(site.scope == scope and delegates(site) for site in summary.calls)
