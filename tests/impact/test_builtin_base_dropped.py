"""A class that drops a builtin base for ``object`` loses names known one by one: the ones the
builtin gives beyond ``object`` (read from Python's own class). A module making instances
breaks only when an instance can meet one of those names: used by one, or handed to code that
may use any (an argument, a return, a container, a store, a class variable).

prompt_toolkit 3.0 made ``_16ColorCache(dict)`` a plain class keeping its own dict.
``output.vt100`` makes two at import time, binds them to module variables and calls only
their ``get_code``. Before, the names were taken as not known and the module was broken at
import time, and with it every module importing it (163 modules).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

CACHE = '''\
class ColorCache({base}):
    def __init__(self, bg=False):
        self.bg = bg
        self._cache = {{}}

    def get_code(self, value):
        if value not in {store}:
            {store}[value] = value * 2
        return {store}[value]
{extra}

FG = ColorCache(bg=False)
'''
USER = '''\
from proj.cache import FG, ColorCache


def code(value):
    return FG.get_code(value)


def make(value):
    cache = ColorCache(bg=True)
    return cache.get_code(value) + ColorCache().get_code(value)
'''


def _impact(tmp_path: Path, user: str = USER, extra: str = "", init: bool = True,
            files: dict[str, str] | None = None) -> set[str]:
    def cache(base: str, store: str) -> str:
        text = CACHE.format(base=base, store=store, extra=extra)
        if not init:
            text = text.replace("    def __init__(self, bg=False):\n        self.bg = bg\n"
                                "        self._cache = {}\n\n", "").replace("bg=False", "")
        return text

    base = {"proj/__init__.py": "", "proj/cache.py": cache("dict", "self"),
            "proj/user.py": user, **(files or {})}
    head = {**base, "proj/cache.py": cache("object", "self._cache")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_instances_used_only_by_names_the_class_kept_break_nothing(tmp_path: Path) -> None:
    assert _impact(tmp_path) == set()


# the module making ``FG`` at import time breaks with the module misusing it
SHARED = {"proj.cache", "proj.user"}


@pytest.mark.parametrize(("use", "broken"), [
    ("FG['a']", SHARED),  # __getitem__
    ("len(FG)", SHARED),  # handed to a builtin
    ("list(FG.keys())", SHARED),  # a name dict gave
    ("[k for k in FG]", SHARED),  # __iter__
    ("ColorCache(bg=True).items()", {"proj.user"}),
    ("sorted(ColorCache())", {"proj.user"}),
    ("register(ColorCache())", {"proj.user"}),
])
def test_an_instance_meeting_a_lost_name_still_breaks(use: str, broken: set[str],
                                                      tmp_path: Path) -> None:
    user = USER + f"\n\ndef register(x):\n    return x\n\n\ndef other():\n    return {use}\n"
    assert _impact(tmp_path, user) == broken


@pytest.mark.parametrize(("user", "broken"), [
    # returned: the caller may use any name
    ("from proj.cache import ColorCache\n\n\ndef make():\n    made = ColorCache()\n"
     "    return made\n", {"proj.user"}),
    # in a container
    ("from proj.cache import ColorCache\n\nCACHES = [ColorCache()]\n", {"proj.user"}),
    # a class variable, read through its instances
    ("from proj.cache import ColorCache\n\n\nclass Holder:\n    cache = ColorCache()\n\n"
     "    def read(self):\n        return self.cache['a']\n", {"proj.user"}),
    # kept on an instance, read there by a name it lost
    ("from proj.cache import ColorCache\n\n\nclass Holder:\n    def __init__(self):\n"
     "        self.cache = ColorCache()\n\n    def read(self):\n"
     "        return self.cache['a']\n", {"proj.user"}),
    # the module variable read through its module
    ("import proj.cache\n\n\ndef read():\n    return proj.cache.FG['a']\n", SHARED),
    # and by a name given as a value
    ("import proj.cache\n\n\ndef read(name):\n    return getattr(proj.cache, name)['a']\n",
     SHARED),
])
def test_an_instance_handed_on_still_breaks(user: str, broken: set[str],
                                            tmp_path: Path) -> None:
    assert _impact(tmp_path, user) == broken


def test_an_instance_kept_on_an_attribute_read_by_kept_names_breaks_nothing(
        tmp_path: Path) -> None:
    # every read of the attribute, in every module of ours, is judged (``kept_uses``): what
    # outside code might read off a ``Holder`` is outside code's to break
    user = ("from proj.cache import ColorCache\n\n\nclass Holder:\n    def __init__(self):\n"
            "        self.cache = ColorCache()\n\n    def read(self, value):\n"
            "        return self.cache.get_code(value)\n")
    assert _impact(tmp_path, user) == set()


def test_the_class_handing_itself_over_still_breaks_its_makers(tmp_path: Path) -> None:
    extra = "\n    def keep(self):\n        KEPT.append(self)\n\n\nKEPT = []\n"
    assert _impact(tmp_path, extra=extra) == {"proj.cache", "proj.user"}


def test_a_class_left_without_an_init_breaks_its_makers(tmp_path: Path) -> None:
    # ``dict(a=1)`` took any arguments; ``object()`` takes none (whether a maker passes any,
    # ``FG = ColorCache()`` none, is not read)
    user = "from proj.cache import ColorCache\n\n\ndef make():\n" \
        "    return ColorCache(a=1).get_code(2)\n"
    assert _impact(tmp_path, user, init=False) == SHARED


# tldextract 5.0 made ``ExtractResult(NamedTuple)`` a dataclass; ``extract`` returns one and
# its callers read its fields. A named tuple's names are a tuple's and ``namedtuple``'s
CORE = '''\
{imports}


{decorator}class Result({base}):
    subdomain: str
    domain: str

    @property
    def fqdn(self):
        return self.subdomain + "." + self.domain


def extract(url):
    sub, _, dom = url.partition(".")
    return Result(sub, dom)
'''
CLI = '''\
from proj.core import extract


def main(url):
    result = extract(url)
    {use}
'''


def _named_tuple_traded(tmp_path: Path, use: str) -> set[str]:
    base = {"proj/__init__.py": "",
            "proj/core.py": CORE.format(imports="from typing import NamedTuple", decorator="",
                                        base="NamedTuple"),
            "proj/cli.py": CLI.format(use=use)}
    head = {**base, "proj/core.py": CORE.format(imports="from dataclasses import dataclass",
                                                decorator="@dataclass\n", base="")}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_named_tuple_made_a_dataclass_breaks_no_reader_of_its_fields(tmp_path: Path) -> None:
    assert _named_tuple_traded(tmp_path, "return result.fqdn + result.domain") == set()


@pytest.mark.parametrize("use", [
    "return result[0]",  # indexed
    "sub, dom = result\n    return sub",  # unpacked
    "return result._asdict()",  # a name namedtuple gave
    "return tuple(result)",  # handed to a call
])
def test_a_named_tuple_used_as_one_still_breaks(use: str, tmp_path: Path) -> None:
    # judged where it is made: the maker breaks (its callers are affected through it)
    assert _named_tuple_traded(tmp_path, use) == {"proj.core"}


@pytest.mark.parametrize(("decorator", "broken"), [
    ("@dataclass\n", set()),  # it compares by its fields, as the tuple did
    ("@dataclass(eq=False)\n", {"proj.core"}),  # equal to itself alone
    ("", {"proj.core"}),
])
def test_a_named_tuple_compared_breaks_unless_it_still_compares_by_value(
        decorator: str, broken: set[str], tmp_path: Path) -> None:
    base = {"proj/__init__.py": "",
            "proj/core.py": CORE.format(imports="from typing import NamedTuple", decorator="",
                                        base="NamedTuple"),
            "proj/cli.py": CLI.format(use="return result == extract('a.b')")}
    head = {**base, "proj/core.py": CORE.format(
        imports="from dataclasses import dataclass", decorator=decorator, base="").replace(
        "    subdomain: str\n    domain: str\n", "    def __init__(self, subdomain, domain):\n"
        "        self.subdomain = subdomain\n        self.domain = domain\n"
        if not decorator else "    subdomain: str\n    domain: str\n")}
    assert broken_modules(impact_between(base, head, tmp_path)) == broken


def test_a_dict_dropped_and_compared_still_breaks(tmp_path: Path) -> None:
    user = USER + "\n\ndef same():\n    return ColorCache() == ColorCache()\n"
    assert _impact(tmp_path, user) == {"proj.user"}


# tldextract 5.0: the result is made by a method and handed back through ``__call__`` and a
# module-level function
EXTRACTOR = '''\
class Extractor:
    def __call__(self, url):
        return self._netloc(url)

    def _netloc(self, url):
        sub, _, dom = url.partition(".")
        return Result(sub, dom)


EXTRACTOR = Extractor()


def extract_all(url):
    return EXTRACTOR(url)
'''


@pytest.mark.parametrize(("use", "broken"), [
    ("return result.fqdn", set()),
    ("return result[0]", {"proj.core"}),
])
def test_results_are_followed_through_the_methods_and_functions_returning_them(
        use: str, broken: set[str], tmp_path: Path) -> None:
    # (a function returning one that nothing of ours calls may hand it to outside code)
    assert _extractor_traded(tmp_path, EXTRACTOR, use) == broken


def _extractor_traded(tmp_path: Path, extractor: str, use: str) -> set[str]:
    """The broken modules when ``Result`` goes from a named tuple to a dataclass, made by
    ``extractor``'s code and used by ``proj.cli`` through ``extract_all`` as ``use`` says."""
    core = CORE.split("\n\ndef extract")[0] + "\n\n" + extractor
    cli = CLI.format(use=use).replace("import extract\n", "import extract_all as extract\n")
    base = {"proj/__init__.py": "",
            "proj/core.py": core.format(imports="from typing import NamedTuple", decorator="",
                                        base="NamedTuple"),
            "proj/cli.py": cli}
    head = {**base, "proj/core.py": core.format(
        imports="from dataclasses import dataclass", decorator="@dataclass\n", base="")}
    return broken_modules(impact_between(base, head, tmp_path))


@pytest.mark.parametrize(("head_code", "broken"), [
    # tldextract 5.0: ``@wraps(EXTRACTOR.__call__)`` copies the method's name and docstring
    # onto the module-level function; nothing calls what it refers to
    ("from functools import wraps\n\n\n@wraps(EXTRACTOR.__call__)\n", set()),
    ("import functools\n\n\n@functools.wraps(EXTRACTOR.__call__)\n", set()),
    # handed on as a value: outside code may call it and use the result any way
    ("HOOKS = [EXTRACTOR.__call__]\n\n\n", {"proj.core"}),
    ("import atexit\n\natexit.register(EXTRACTOR.__call__, 'a.b')\n\n\n", {"proj.core"}),
])
def test_a_method_whose_only_reference_copies_its_metadata_keeps_its_results_in_sight(
        head_code: str, broken: set[str], tmp_path: Path) -> None:
    extractor = EXTRACTOR.replace("\n\ndef extract_all", "\n\n" + head_code + "def extract_all")
    assert _extractor_traded(tmp_path, extractor, "return result.fqdn") == broken


# tomli-w 1.2 made its ``Context(NamedTuple)`` a plain class; ``dumps`` makes one and hands it
# to ``gen_table_chunks``, which reads its fields and hands it on, to itself among others
HANDED = '''\
from proj.cache import ColorCache


def render(cache, value, *, nest=0):
    if nest < 2:
        return render(cache, value, nest=nest + 1)
    return {use}


def chunks(values, cache):
    for value in values:
        yield render(cache, value)


def make(values):
    cache = ColorCache(bg=True)
    return "".join(chunks(values, cache)) + render(value=1, cache=ColorCache())
'''


def test_an_instance_handed_to_functions_of_ours_using_kept_names_breaks_nothing(
        tmp_path: Path) -> None:
    assert _impact(tmp_path, HANDED.format(use="cache.get_code(value)")) == set()


@pytest.mark.parametrize("use", [
    "cache[value]",  # a lost name, in the callee
    "len(cache)",  # handed on to outside code
    "stored.append(cache)",  # stored
    "(lambda: cache[value])()",  # a lost name, in a closure
    "[cache[v] for v in range(value)]",  # in a comprehension
])
def test_an_instance_handed_to_functions_of_ours_that_use_it_otherwise_still_breaks(
        use: str, tmp_path: Path) -> None:
    user = HANDED.format(use=use) + "\n\nstored = []\n"
    assert _impact(tmp_path, user) == {"proj.user"}


@pytest.mark.parametrize("callee", [
    "def render(*caches, **more):\n    return caches[0].get_code(1)\n",  # into ``*args``
    "from functools import lru_cache\n\n\n@lru_cache\n"
    "def render(cache, value=1, nest=0):\n    return cache.get_code(value)\n",  # a wrapper
])
def test_an_instance_handed_where_the_parameter_is_not_known_still_breaks(
        callee: str, tmp_path: Path) -> None:
    user = ("from proj.cache import ColorCache\n\n\n" + callee
            + "\n\ndef make():\n    return render(ColorCache())\n")
    assert _impact(tmp_path, user) == {"proj.user"}
