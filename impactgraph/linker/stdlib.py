"""What a class of the standard library defines, asked of this interpreter's own one.

An outside base's code calls methods on ``self`` that a subclass of ours may override; whether
a private name of ours is one of them depends on the base. For a standard-library base the
answer is at hand (the graph is keyed by the Python version that made it); for any other
outside base it is not, and callers must assume the name may be the base's.
"""

from __future__ import annotations

import builtins
import functools
import importlib
import sys
import typing

# Standard modules whose import does something (opens a browser, prints, needs a display):
# never imported to be looked at.
_NOT_IMPORTED = frozenset({"this", "antigravity", "idlelib", "turtledemo", "turtle", "tkinter",
                           "__hello__", "__phello__"})


@functools.cache
def stdlib_class(dotted: str) -> type | None:
    """The class ``dotted`` (``textwrap.TextWrapper``) names in the standard library, or None."""
    module, _, name = dotted.rpartition(".")
    top = module.partition(".")[0]
    if not module or top not in sys.stdlib_module_names or top in _NOT_IMPORTED:
        return None
    try:
        found = getattr(importlib.import_module(module), name, None)
    except Exception:  # a module this platform lacks (winreg), or one that fails
        return None
    return found if isinstance(found, type) else None


@functools.cache
def stdlib_object(dotted: str) -> bool:
    """Does ``dotted`` (``functools.partial``, ``os.path.join``) name something the standard
    library has, on this interpreter? ``types.ModuleType.Transformer`` (an attribute read of a
    module annotated ``ModuleType``) does not."""
    parts = dotted.split(".")
    top = parts[0]
    if top not in sys.stdlib_module_names or top in _NOT_IMPORTED:
        return False
    for end in range(len(parts), 0, -1):  # the longest importable prefix, then attributes
        found = _imported(".".join(parts[:end]))
        if found is None:
            continue
        for name in parts[end:]:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return False


def _imported(module: str) -> object | None:
    """Standard module ``module``, imported, or None when this platform lacks it (or it is
    no module: ``os.path.join``)."""
    try:
        return importlib.import_module(module)
    except Exception:  # ModuleNotFoundError, or one that fails on this platform
        return None


def stdlib_defines(dotted: str, name: str) -> bool | None:
    """Does the standard-library class ``dotted`` have ``name`` (its own or inherited)? None
    when ``dotted`` is not a standard-library class this interpreter can look at."""
    cls = stdlib_class(dotted)
    return None if cls is None else hasattr(cls, name)


def stdlib_abstract(dotted: str, name: str) -> bool:
    """Does the standard-library ABC ``dotted`` (``collections.abc.MutableSet``) declare
    ``name`` abstract, so that a subclass without a concrete one cannot be instantiated?"""
    cls = stdlib_class(dotted)
    return cls is not None and name in getattr(cls, "__abstractmethods__", ())


# typing constructs that are classes (or aliases of one) at run time, and yet say nothing of
# the object they annotate (``x: Any``; ``x: T`` is ``typing.TypeVar`` to the linker)
_TYPING_NO_CLASS = frozenset({"Any", "TypeVar", "ParamSpec", "TypeVarTuple", "Callable"})


@functools.cache
def typing_says_nothing(dotted: str) -> bool:
    """Is ``dotted`` (``typing.Any``, ``typing_extensions.Literal``) a ``typing`` construct
    that names no class of what it annotates: ``Any``, a TypeVar, a special form
    (``NoReturn``, ``Literal``), or a name ``typing`` lacks (a string annotation the indexer
    read as one)? A class or an alias of one (``typing.IO``, ``typing.Pattern``) is not:
    its attributes are the class's. ``typing_extensions`` is asked through ``typing``."""
    module, _, name = dotted.partition(".")
    if module not in ("typing", "typing_extensions") or not name or "." in name:
        return False
    if name in _TYPING_NO_CLASS:
        return True
    found = getattr(typing, name, None)
    return not (isinstance(found, type) or isinstance(getattr(found, "__origin__", None), type))


@functools.cache
def base_class(dotted: str) -> str | None:
    """The standard-library class an outside base ``dotted`` puts in the MRO, or None when it
    is not one: a ``typing`` alias stands for its origin (``typing.Mapping`` ->
    ``collections.abc.Mapping``, ``typing.List`` -> ``builtins.list``: their
    ``__mro_entries__`` give it, subscripted or not); a standard-library class for itself.
    ``typing.Generic`` and ``typing.Protocol`` (no origin) are None: what they add to a class
    is read elsewhere (``PROTOCOL_BASES``)."""
    module, _, name = dotted.partition(".")
    if module in ("typing", "typing_extensions"):
        origin = getattr(getattr(typing, name, None), "__origin__", None) if name else None
        if not isinstance(origin, type) or "." in name:
            return None
        return f"{origin.__module__}.{origin.__qualname__}"
    return dotted if stdlib_class(dotted) is not None else None


# methods of builtin classes that run the instance's own code: ``object.__setattr__`` a
# property's setter, ``object.__getattribute__`` its getter, ``object.__str__`` the class's
# ``__repr__``, ``object.__format__`` its ``__str__``, ``object.__ne__`` its ``__eq__``,
# ``object.__reduce_ex__`` its ``__getstate__``/``__reduce__``
_RUNS_THE_INSTANCES_CODE = frozenset(
    {"__setattr__", "__getattribute__", "__delattr__", "__getattr__", "__str__", "__format__",
     "__ne__", "__reduce__", "__reduce_ex__", "__call__"}
)


@functools.cache
def builtin_class_runs(cls: str, name: str) -> bool:
    """Does ``cls.name(...)`` (``tuple.__repr__(self)``, ``IOError.__init__(self, msg)``,
    ``object.__new__(cls)``, a metaclass's ``type.__new__(mcs, name, bases, ns)``) run the
    builtin's own code only, as ``"".join(...)`` does? Not for a name the class lacks, or a
    method that runs the instance's own (``_RUNS_THE_INSTANCES_CODE``: ``type.__call__`` runs
    ``__init__``). What ``type.__new__`` runs of ours, the bases' ``__init_subclass__`` and
    the namespace's ``__set_name__``, is what a class statement runs (the linker's
    ``_class_statement``, the indexer's ``class_creation``)."""
    found = getattr(builtins, cls, None)
    return (isinstance(found, type) and hasattr(found, name)
            and name not in _RUNS_THE_INSTANCES_CODE)


@functools.cache
def inherited_owner(bases: tuple[str, ...], name: str) -> str | None:
    """Where a class whose outside bases are ``bases`` (standard-library classes, dotted:
    ``abc.ABC``, ``builtins.type``; none at all for a class whose bases are all ours) finds
    ``name`` that no class of ours defines: the dotted class that defines it
    (``builtins.object`` for ``super().__init__()`` in a class of ours, or of ``abc.ABC``;
    ``abc.ABCMeta`` for a metaclass's ``super().__new__``). None when a base is no class of
    the standard library, the bases disagree, no base has it, or it runs the instance's own
    code (``object.__str__`` runs ``__repr__``): then it is not known."""
    if name in _RUNS_THE_INSTANCES_CODE:
        return None
    classes = [stdlib_class(base) for base in bases] or [object]
    owners: set[type] = set()
    for cls in classes:
        if cls is None:
            return None
        owner = next((c for c in cls.__mro__ if name in vars(c)), None)
        if owner is not None:
            owners.add(owner)
    if len(owners) != 1:
        return None
    owner = owners.pop()
    return f"{owner.__module__}.{owner.__qualname__}"
