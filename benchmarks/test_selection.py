"""How safe and how small ``impactgraph tests`` is on real libraries with their own pytest suites.

For each library the PyPI sdist (which ships the tests) is downloaded into ``benchmarks/.cache/``,
unpacked into a one-commit git repository, and given a virtual environment with the suite's
dependencies (once; both are reused by later runs). The suite runs once unchanged (the baseline:
tests failing there are ignored; after a mutated run with a miss it runs again, and tests failing
unchanged then are ignored from there on). Then, one at a time, a mutation is applied to the working
tree (``selection_mutations.py``: parameters removed, added, renamed, defaults changed, functions
and methods removed or renamed, overrides removed, dunder methods returning something else, fixtures
failing; chosen with a fixed seed) and

* ``impactgraph tests --base HEAD --format json`` (this checkout's impactgraph, as a subprocess)
  gives the selection, each file with its reasons (kept in ``--json``: what selected it),
* the whole suite runs (``pytest -rfE``; failures mapped to their test files) for ground truth.

Per library and overall: mutations, breaking mutations (some test newly fails), recall of
failing test files (sum of |failing ∩ selected| over sum of |failing|), unsafe mutations (some
failing file not selected), mean selection as a share of the test files, and the smallest safe
selection (the failing files) for comparison. Every unsafe mutation is listed with the files
that were missed.

Usage::

    python benchmarks/test_selection.py                      # every library, 20 mutations each
    python benchmarks/test_selection.py --libs click jinja2 --max-mutations 5
    python benchmarks/test_selection.py --json results.json  # per-mutation records as JSON
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import selection_mutations as sm  # noqa: E402

CACHE = HERE / ".cache" / "test_selection"
SEED = "impactgraph-test-selection"
PYTEST = "pytest==7.4.4"  # these releases' suites predate pytest 8's deprecations-as-errors


@dataclass(frozen=True)
class Library:
    name: str  # distribution name
    version: str
    package: str  # the import package, under `root`
    deps: tuple[str, ...]  # what the suite needs besides the library itself
    tests: str = "tests"
    root: str = "src"  # the folder holding the package, the suite's PYTHONPATH ("" = top level)
    # pytest plugins of ours (modules in suite_plugins/) the suite runs with, e.g. fewer and
    # deterministic hypothesis examples: the ground truth must not depend on the draw
    plugins: tuple[str, ...] = ()
    # pytest arguments after the suite's own configuration, e.g. --no-cov where its addopts
    # measure coverage and fail under a threshold (a run with no failing test would exit 1)
    args: tuple[str, ...] = ()


LIBRARIES = {
    lib.name: lib
    for lib in (
        Library("click", "8.1.7", "click", (PYTEST,)),
        Library("itsdangerous", "2.2.0", "itsdangerous", (PYTEST, "freezegun==1.4.0")),
        Library("markupsafe", "2.1.5", "markupsafe", (PYTEST,)),
        Library("jinja2", "3.1.4", "jinja2", (PYTEST, "markupsafe==2.1.5")),
        Library("flask", "3.0.3", "flask", (
            PYTEST, "werkzeug==3.0.3", "jinja2==3.1.4", "itsdangerous==2.2.0", "click==8.1.7",
            "blinker==1.8.2", "asgiref==3.8.1", "python-dotenv==1.0.1")),
        # Held out: not used while tuning; run it with --libs. (pluggy was tried and left
        # out: pytest itself runs on pluggy, so a mutation can stop the suite from starting.)
        Library("packaging", "24.1", "packaging", (PYTEST, "pretend==1.0.9")),
        Library("structlog", "24.4.0", "structlog", (
            PYTEST, "pytest-asyncio==0.23.8", "freezegun==1.4.0", "pretend==1.0.9",
            "simplejson==3.19.3")),
        Library("tomlkit", "0.13.2", "tomlkit", (PYTEST, "PyYAML==6.0.2"), root=""),
        Library("marshmallow", "3.21.3", "marshmallow", (
            PYTEST, "pytz==2024.1", "simplejson==3.19.3")),
        Library("cachetools", "5.5.0", "cachetools", (PYTEST,)),
        # two packages (attr, attrs re-exports it); generated methods, decorators, descriptors
        Library("attrs", "24.2.0", "attr", (
            PYTEST, "hypothesis==6.112.1", "pympler==1.1", "cloudpickle==3.0.0"),
            plugins=("hypothesis_bench",)),
        Library("more-itertools", "10.5.0", "more_itertools", (PYTEST,), root=""),
        # operator overloading: intervals combine with | & - ~, compare, contain
        Library("portion", "2.5.0", "portion", (PYTEST, "sortedcontainers==2.4.0"), root=""),
        # held out: a lexer, token lists grouped by functions, filter stacks (sqlparse); a
        # grab bag of utilities: caches, multidicts, iterators, sets, strings, urls (boltons)
        Library("sqlparse", "0.5.5", "sqlparse", (PYTEST,), root=""),
        Library("boltons", "26.2.0", "boltons", (PYTEST,), root=""),
        # the suite inside the package (toolz/tests); curry, memoize, a second package (tlz)
        # that re-exports toolz through an import hook
        Library("toolz", "1.0.0", "toolz", (PYTEST,), tests="toolz/tests", root=""),
        # one module in a package folder, tests in test/ importing a helper module (common.py)
        Library("tabulate", "0.9.0", "tabulate", (PYTEST, "wcwidth==0.2.13"), tests="test",
                root=""),
        # held out: renderers called through computed names (getattr(self, token type)),
        # plugins, src layout (mistune; it stands in for pluggy, which pytest itself runs on:
        # 4 of 12 mutations stopped pytest from starting); a protocol state machine, its suite
        # inside the package (h11/tests)
        Library("mistune", "3.0.2", "mistune", (PYTEST,)),
        Library("h11", "0.14.0", "h11", (PYTEST,), tests="h11/tests", root=""),
        # held out: templates compiled by a code generator whose visitor dispatches by computed
        # method name ("visit" + the node's class name), tests in test/ (Mako; it stands in for
        # jmespath, whose sdists ship one runnable test file: 1.0.1 lacks the compliance data,
        # 1.1.0 lacks tests/__init__.py); extensions loaded by dotted string name, processor
        # registries, unittest-style tests (Python-Markdown)
        Library("mako", "1.3.5", "mako", (PYTEST, "markupsafe==2.1.5"), tests="test", root=""),
        Library("markdown", "3.7", "markdown", (PYTEST, "PyYAML==6.0.2"), root=""),
        # held out: a parser whose trees are walked by visitors dispatching on computed names
        # (node types), normalizer rules registered by decorator, the suite in test/ with a
        # root conftest.py and doctests (parso); date parsing, relative deltas, recurrence rules
        # and time zones, src layout, hypothesis property tests (python-dateutil)
        Library("parso", "0.8.4", "parso", (PYTEST,), tests="test", root=""),
        Library("python-dateutil", "2.9.0.post0", "dateutil", (
            PYTEST, "six==1.16.0", "freezegun==1.4.0", "hypothesis==6.112.1",
            "pytest-cov==5.0.0"),  # registers the no_cover mark its conftest.py sets
            plugins=("hypothesis_bench",)),
        # held out, first contact: ISO 8601 parsing and formatting, strftime directives
        # dispatched through a dict of lambdas, a Duration class whose arithmetic with dates runs
        # through __add__/__radd__/__rsub__, src layout, tests/ without __init__.py (isodate);
        # pattern classes registered by name and looked up by string ("gitwildmatch"),
        # unittest.TestCase suites sharing a helper module tests/util.py (pathspec); retry, stop
        # and wait strategies as callable objects composed with | & +, a decorator that builds a
        # Retrying object, asyncio and tornado retry loops as subclasses (tenacity)
        Library("isodate", "0.7.2", "isodate", (PYTEST,)),
        Library("pathspec", "0.12.1", "pathspec", (PYTEST,), root=""),
        Library("tenacity", "9.0.0", "tenacity", (PYTEST, "tornado==6.6.1", "typeguard==4.6.1"),
                root=""),
        # held out, first contact: WSGI request and response objects whose attributes are
        # descriptors made by factory functions (environ_getter, header_getter, converter),
        # Accept-* header parsers, multidicts, src layout (WebOb); a web framework in one module
        # (bottle.py, no package folder): routes registered by decorator, plugins applied to
        # callbacks, lazy properties, a template engine, unittest-style tests in test/ sharing
        # a helper module tools.py (bottle)
        Library("webob", "1.8.9", "webob", (PYTEST,)),
        Library("bottle", "0.13.2", "bottle", (PYTEST,), tests="test", root=""),
        # held out, first contact: nested data restructured by specs that an interpreter runs
        # through a registry of spec types (register_op, glomit methods called on whatever
        # the spec is), a T path object built by operator overloading, its suite inside the
        # package (glom/test; test_cli's test_main fails unchanged: it runs the installed
        # `glom` script, which the suite's venv lacks)
        Library("glom", "23.5.0", "glom", (
            PYTEST, "attrs==24.2.0", "boltons==24.0.0", "face==20.1.1", "PyYAML==6.0.2"),
            tests="glom/test", root=""),
        # held out, first contact: a Django application whose suite runs under pytest-django
        # with the settings made in the root conftest's pytest_configure (settings.configure:
        # ROOT_URLCONF, INSTALLED_APPS by dotted string), views dispatched by HTTP method name,
        # renderers, parsers and permissions named in settings by dotted string and imported
        # by name (Django REST framework)
        Library("djangorestframework", "3.15.2", "rest_framework", (
            PYTEST, "django==5.0.14", "pytest-django==4.14.0", "PyYAML==6.0.2",
            "inflection==0.5.1"), root=""),
        # held out, first contact: an AST checker whose node handlers are found by the node's
        # class name in upper case (getattr(self, nodeType)) and bound in bulk as class-level
        # aliases (DELETE = FOR = ... = handleChildren), its suite inside the package
        # (pyflakes/test, unittest-style); decorators built by a decorator of decorators
        # (@decorator reading the wrapped call through a Call object), functions made from
        # strings, regexes, dicts and sets (make_func), a star-importing __init__ whose __all__
        # is computed (funcy); ASN.1 types and BER/CER/DER codecs whose encoders and decoders are
        # instances kept in maps keyed by tag sets and type ids, each codec copying and
        # extending the one below, unittest suites under tests/codec/* (pyasn1)
        Library("pyflakes", "3.2.0", "pyflakes", (PYTEST,), tests="pyflakes/test", root=""),
        Library("funcy", "2.0", "funcy", (PYTEST, "whatever==0.7"), root=""),
        Library("pyasn1", "0.6.1", "pyasn1", (PYTEST,), root=""),
        # held out, first contact (3 December, evening): schemas built from dicts, lists, types
        # and callables that a compiler turns into validator closures, markers (Required,
        # Optional, Remove) as dict keys, one test file voluptuous/tests/tests.py named by the
        # suite's python_files (voluptuous); a C parser generated by PLY (vendored in
        # pycparser/ply) whose grammar rules are methods named p_*, its AST classes and node
        # visitors dispatching on "visit_" + the class name (pycparser); signals whose receivers
        # are kept as weak references and called by send, src layout, async receivers (blinker;
        # it stands in for pluggy, which pytest itself runs on, see above)
        Library("voluptuous", "0.15.2", "voluptuous", (PYTEST,), tests="voluptuous/tests",
                root=""),
        Library("pycparser", "2.22", "pycparser", (PYTEST,), root=""),
        Library("blinker", "1.9.0", "blinker", (PYTEST, "pytest-asyncio==0.23.8")),
        # held out, first contact (3 December, night): documents validated against schemas whose
        # rules are methods found by computed name (getattr(self, "_validate_" + rule), also
        # _normalize_coerce_*, _check_with_*, _validate_type_*), rules read from the methods'
        # docstrings into a schema of the schema, registries, its suite inside the package
        # (cerberus/tests; 1.3.4 because the 1.3.5 sdist ships no tests: its pyproject.toml
        # excludes "*.tests"; 1.3.4 imports pkg_resources); state machines whose callbacks are
        # named by strings ("on_enter_" + state, before="check") and looked up on the model at
        # run time, triggers added to the model as partials, extensions mixed into Machine by
        # MachineFactory, unittest-style tests whose classes inherit other files' test classes,
        # pytest.ini's addopts "-x" (transitions; graphviz, not pygraphviz, which needs a C
        # build: the pygraphviz diagram tests skip); forms whose fields are declared as class
        # attributes and collected by a metaclass, unbound fields bound through the form's meta
        # class (bind_field), validators as callable objects, widgets rendering fields by
        # __call__/__html__, src layout (wtforms; without WebOb, whose import of cgi warns on
        # Python 3.11 under the suite's filterwarnings=error: test_webob.py tests a stand-in)
        Library("cerberus", "1.3.4", "cerberus", (PYTEST, "setuptools==69.5.1"),
                tests="cerberus/tests", root=""),
        Library("transitions", "0.9.2", "transitions", (
            PYTEST, "mock==5.1.0", "dill==0.3.9", "pycodestyle==2.12.1", "six==1.16.0",
            "graphviz==0.20.3"), root=""),
        Library("wtforms", "3.1.2", "wtforms", (
            PYTEST, "markupsafe==2.1.5", "babel==2.16.0", "email-validator==2.2.0",
            "dnspython==2.6.1", "idna==3.7")),
        # held out, first contact (3 December, night): a parser generator whose Transformer
        # and Visitor classes have their methods called by grammar rule name (getattr on the
        # tree's data), parsers and lexers chosen by name from dicts, unittest-style tests in
        # tests/ that pytest collects through one file, tests/__main__.py (python_files), which
        # star-imports every test module (lark); dates: a factory, an Arrow class with
        # arithmetic and comparison dunders, locale classes registered by name through
        # __init_subclass__ and looked up by string, coverage in the suite's addopts (arrow);
        # a large functional library whose chain object reaches every function through
        # __getattr__, src layout (pydash)
        Library("lark", "1.2.2", "lark", (PYTEST,), root=""),
        Library("arrow", "1.3.0", "arrow", (
            PYTEST, "python-dateutil==2.9.0.post0", "types-python-dateutil==2.8.19.14",
            "pytz==2021.1", "simplejson==3.19.3", "pytest-mock==3.14.0", "pytest-cov==5.0.0"),
            root="", args=("--no-cov",)),
        # pydash's typing tests (tests/pytest_mypy_testing, 9 files of reveal_type checks) are
        # left out: pytest-mypy-testing runs mypy on pydash with a cold cache once per file,
        # ~5 minutes a suite run here (the rest takes ~10 s); without the plugin they fail
        # unchanged (reveal_type is no builtin)
        Library("pydash", "8.0.4", "pydash", (
            PYTEST, "typing-extensions==4.12.2", "pytest-cov==5.0.0"),
            args=("--ignore=tests/pytest_mypy_testing",)),
        # held out, first contact (4 December): a CSS selector engine whose parser tokenizes
        # with a table of patterns and dispatches each token to a parse_* method, matching by
        # a CSSMatch class over BeautifulSoup trees, compiled selectors cached by
        # functools.lru_cache, ~90 test files sharing tests/util.py's TestCase (soupsieve;
        # beautifulsoup4 imports soupsieve itself, the suite's PYTHONPATH puts the checkout
        # first); URI references as namedtuples with mixins, a builder, validators, IRIs
        # (rfc3986, src layout); format strings turned into regexes whose type converters are
        # found by the format spec's type name, one module (parse.py) at the top level (parse)
        Library("soupsieve", "2.6", "soupsieve", (
            PYTEST, "beautifulsoup4==4.12.3", "lxml==5.3.0", "html5lib==1.1"), root=""),
        Library("rfc3986", "2.0.0", "rfc3986", (PYTEST,)),
        Library("parse", "1.20.2", "parse", (PYTEST,), root=""),
        # held out, first contact (4 December, afternoon): a JSON encoder and decoder whose
        # scanner and encoder are closures made by factory functions (py_make_scanner,
        # _make_iterencode), the C speedups chosen at import time with a pure-Python fallback
        # (not built here: the pure one runs), hooks handed in by keyword (default=,
        # object_hook=, for_json), unittest-style suite inside the package (simplejson/tests);
        # one class of ~4,000 lines in a package's __init__.py (inflect.engine) whose methods
        # are wrapped by typeguard's @typechecked, word lists as module-level dicts, doctests
        # and --import-mode importlib in its pytest.ini (inflect); functions over numbers,
        # times and file sizes in small modules, gettext translations activated at run time,
        # src layout, --color=yes in its addopts (humanize: --color=no, or the FAILED lines
        # this benchmark reads carry escape codes)
        Library("simplejson", "3.19.3", "simplejson", (PYTEST,), tests="simplejson/tests",
                root=""),
        Library("inflect", "7.4.0", "inflect", (
            PYTEST, "more-itertools==10.5.0", "typeguard==4.4.1",
            "typing-extensions==4.12.2"), root=""),
        # (pytest-cov for coverage: humanize's filterwarnings names a warning class of coverage)
        Library("humanize", "4.11.0", "humanize", (
            PYTEST, "freezegun==1.4.0", "python-dateutil==2.9.0.post0", "six==1.16.0",
            "pytest-cov==5.0.0"), args=("--color=no",)),
        # held out, first contact (4 December, evening): persistent vectors, maps, sets, bags,
        # lists and deques (a C vector, pvectorc, chosen at import time with a pure-Python
        # fallback: not built here, the pure one runs), records and classes whose fields are
        # declared as class attributes and collected by a metaclass, checked types, evolvers,
        # transformations, tests named *_test.py, a hypothesis state machine (pyrsistent);
        # semantic versions as a class with comparison dunders, a decorator comparing only
        # like types, deprecated module-level functions forwarding to the class, a CLI, src
        # layout, --import-mode importlib and coverage in its addopts (semver: --no-cov); ~40
        # validators wrapped by one decorator that turns a False result or an exception into a
        # ValidationError, crypto addresses, i18n checks in subpackages, src layout (validators)
        Library("pyrsistent", "0.20.0", "pyrsistent", (PYTEST, "hypothesis==6.112.1"),
                root="", plugins=("hypothesis_bench",)),
        Library("semver", "3.0.2", "semver", (PYTEST, "pytest-cov==5.0.0"),
                args=("--no-cov",)),
        Library("validators", "0.34.0", "validators", (
            PYTEST, "eth-hash[pycryptodome]==0.7.0", "pycryptodome==3.21.0")),
        # held out, first contact (4 December, late): natural sorting whose keys are built by
        # factories returning closures and functools.partial chains chosen by an ns enum of
        # flags, locale and compat shims chosen at import time (fastnumbers and PyICU absent
        # here: the fallbacks run), hypothesis throughout the suite (natsort); structured
        # logging whose bound loggers proxy to wrapped loggers through __getattr__ and
        # processor chains configured globally and read lazily by a proxy, stdlib and async
        # variants, src layout, pytest-asyncio in auto mode (structlog; test_packaging reads
        # the installed distribution's metadata, which the suite's venv lacks); a command line
        # parser in one package __init__ whose patterns are class trees matched recursively,
        # a conftest whose pytest_collect_file makes test items from tests/testcases.docopt,
        # a file of usage texts and expected JSON (docopt-ng)
        Library("natsort", "8.4.0", "natsort", (
            PYTEST, "hypothesis==6.112.1", "pytest-mock==3.14.0"), root="",
            plugins=("hypothesis_bench",)),
        Library("structlog", "24.4.0", "structlog", (
            PYTEST, "freezegun==1.4.0", "pretend==1.0.9", "pytest-asyncio==0.23.8",
            "simplejson==3.19.3")),
        Library("docopt-ng", "0.9.0", "docopt", (PYTEST,), root=""),
        # held out, first contact (4 December, night): a document store whose queries are built by
        # __getattr__/__getitem__ on a Query object and combined with == & | ~ into callable
        # QueryInstances hashed for the query cache, storages and middlewares wrapping them as
        # classes handed in by keyword (storage=CachingMiddleware(JSONStorage), read by kwargs.pop)
        # and forwarding what they lack through __getattr__, a Table class chosen through a class
        # attribute (table_class, document_class), a tests/conftest.py of parametrized fixtures
        # (tinydb); cron expressions expanded by a class of ~1,300 lines, hashed and random
        # expressions ("H", "R") by expander classes kept in a dict, its suite inside the package
        # under src layout (src/croniter/tests, unittest-style, sharing a base TestCase in base.py)
        # (croniter); file name and path sanitizers and validators as classes per platform, chosen
        # by a platform name or object, their abstract bases overridden, an ErrorReason enum whose
        # tuple members its own __init__ unpacks, argparse and click adapters, tests in test/
        # sharing a helper module _common.py, pytest-md-report options in its pyproject.toml
        # (pathvalidate; Faker absent: the tests needing it skip)
        Library("tinydb", "4.8.0", "tinydb", (PYTEST, "PyYAML==6.0.2"), root=""),
        Library("croniter", "3.0.3", "croniter", (
            PYTEST, "python-dateutil==2.9.0.post0", "pytz==2024.1"),
            tests="src/croniter/tests"),
        Library("pathvalidate", "3.2.1", "pathvalidate", (
            PYTEST, "allpairspy==2.5.1", "click==8.1.7", "tcolorpy==0.1.6"), tests="test",
            root=""),
        # held out, first contact (4 December, late night): an ItemLoader whose input and output
        # processors are found by name (getattr(self, field + "_in")), processors as callable
        # classes whose functions get a loader context when their signature asks, parsel
        # selectors (itemloaders); one cache API and a backend class per store, the tests
        # sharing base test classes (tests/common.py) that call self.cache_factory(), set per
        # test file by an autouse fixture as request.cls.cache_factory, conftest.py starting
        # servers through pytest-xprocess (cachelib; no servers here: their 58 tests fail
        # unchanged); an EventEmitter whose _emit_run the asyncio, trio, twisted and executor
        # subclasses override, uplift rewiring one emitter's emit into another's, an evented
        # class decorator (pyee)
        Library("itemloaders", "1.3.1", "itemloaders", (
            PYTEST, "parsel==1.9.1", "w3lib==2.2.1", "jmespath==1.0.1", "itemadapter==0.9.0"),
            root=""),
        Library("cachelib", "0.13.0", "cachelib", (PYTEST, "pytest-xprocess==0.23.0")),
        Library("pyee", "12.0.0", "pyee", (
            PYTEST, "pytest-asyncio==0.23.8", "pytest-trio==0.8.0", "trio==0.27.0",
            "twisted==24.7.0", "typing-extensions==4.12.2"), root=""),
        # held out, first contact (5 December, night): a time machine that patches datetime, date,
        # time and uuid functions in every loaded module by walking sys.modules, fake classes whose
        # metaclass makes isinstance() accept the real ones, freeze_time as a class that is a
        # decorator (of functions, coroutines and classes) and a context manager, tick and
        # step-by-step factories chosen by argument (freezegun; maya absent: its one test skips); a
        # structural differ: one DeepDiff class of ~1,800 lines over mixins (DistanceMixin,
        # SerializationMixin), dispatching on the type of the compared objects, a tree of DiffLevel
        # nodes turned into text or tree views, a Delta applying a diff, deep hashing and search,
        # pydantic and numpy objects, a click command line (deepdiff; pandas, polars and
        # pytest-benchmark absent: 5 tests fail unchanged); mocked HTTP for requests: a
        # RequestsMock that patches HTTPAdapter.send, responses registered in a registry, matchers
        # as closures, callbacks, a recorder, its suite inside the package (responses/tests;
        # pytest-httpserver on the loopback)
        Library("freezegun", "1.5.1", "freezegun", (PYTEST, "python-dateutil==2.9.0.post0"),
                root=""),
        Library("deepdiff", "8.0.1", "deepdiff", (
            PYTEST, "orderly-set==5.2.2", "click==8.1.7", "PyYAML==6.0.2", "numpy==2.0.0",
            "python-dateutil==2.9.0.post0", "jsonpickle==3.2.1", "orjson==3.10.5",
            "tomli-w==1.0.0", "pydantic==2.7.4"), root=""),
        Library("responses", "0.25.3", "responses", (
            PYTEST, "requests==2.32.3", "urllib3==2.2.3", "PyYAML==6.0.2",
            "pytest-asyncio==0.23.8", "pytest-httpserver==1.1.0", "tomli-w==1.0.0"),
            tests="responses/tests", root=""),
        # held out, first contact (5 December, early morning): dictionaries searched, read, set,
        # merged and deleted by glob paths ("a/*/b", "**"), a segments module walking any
        # mapping or sequence through generators, options as module globals, filters as
        # callables, nose2's such helpers and hypothesis in the suite (dpath); dicts whose keys
        # read as attributes through __getattr__/__setattr__, sub-dicts and lists converted on
        # access into Box and BoxList, a frozen box, box_dots paths, default boxes, converters to
        # and from JSON, YAML, TOML, msgpack, CSV and TOON chosen by import at run time, .pyi
        # stubs beside the modules, tests in test/ sharing common.py (python-box); dataclasses
        # turned into marshmallow schemas by a class_schema function walking type hints (Union,
        # Optional, NewType, generics, forward references), fields chosen from a type-to-field
        # mapping, a @dataclass decorator adding a Schema class property, doctests run by a
        # test file (marshmallow-dataclass)
        Library("dpath", "2.2.0", "dpath", (
            PYTEST, "nose2==0.15.1", "hypothesis==6.112.1"), root="",
            plugins=("hypothesis_bench",)),
        Library("python-box", "8.0.0", "box", (
            PYTEST, "ruamel.yaml==0.19.1", "msgpack==1.2.4", "tomli-w==1.2.0",
            "toon-format==1.2.0"), tests="test", root=""),
        Library("marshmallow-dataclass", "8.7.1", "marshmallow_dataclass", (
            PYTEST, "marshmallow==3.21.3", "typing-inspect==0.9.0", "typeguard==4.4.1",
            "typing-extensions==4.12.2", "mypy-extensions==1.0.0"), root=""),
        # held out, first contact (5 December, morning): OpenAPI documents built by an APISpec
        # whose components register schemas, parameters and responses and hand each to the
        # plugins' helpers (BasePlugin's no-op hooks overridden by MarshmallowPlugin), a
        # marshmallow field-to-property converter whose attribute functions are kept in a list
        # and called with the converter bound, src layout, a conftest whose spec fixture is
        # parametrized over OpenAPI versions (apispec); iCalendar components as a class tree
        # (Component, Event, Todo, Alarm, ...) whose property types are chosen by name from a
        # TypesFactory, time zones behind a TZP facade that swaps zoneinfo and pytz providers,
        # its suite inside the package under src layout (src/icalendar/tests) with a conftest
        # of parametrized fixtures reading calendars by name (icalendar); matchers as a class
        # tree (Matcher, BaseMatcher, describe_to/_matches/describe_mismatch overridden by ~45
        # matchers), factory functions wrapping arguments in matchers (wrap_matcher), src
        # layout, unittest-style tests named *_test.py sharing a MatcherTest base class
        # (pyhamcrest)
        Library("apispec", "6.7.1", "apispec", (
            PYTEST, "marshmallow==3.21.3", "PyYAML==6.0.2", "openapi-spec-validator==0.7.1",
            "packaging==24.1")),
        Library("icalendar", "6.1.0", "icalendar", (
            PYTEST, "python-dateutil==2.9.0.post0", "tzdata==2024.2", "pytz==2024.1"),
            tests="src/icalendar/tests"),
        Library("pyhamcrest", "2.1.0", "hamcrest", (PYTEST,)),
        # held out, first contact (5 December, late morning): PEG grammars whose rules become a
        # tree of Expression subclasses (Literal, Regex, Sequence, OneOf, Lookahead, ...) each
        # overriding _uncached_match and _as_rhs, a rule visitor and NodeVisitor dispatching on
        # computed names ("visit_" + the node's expression name), the suite inside the package
        # (parsimonious/tests), unittest-style tests (parsimonious); a dict subclass read and
        # written through attributes (__getattr__/__setattr__ to items), subclasses with defaults
        # and default factories (DefaultMunch, DefaultFactoryMunch, AutoMunch), one module in a
        # package folder, a conftest of fixtures per class and a README doctest (munch);
        # docstrings parsed by style, a registry of section kinds per style (GoogleParser's
        # sections, NumpydocParser's Section subclasses with their own parse methods), meta
        # classes in a class tree (DocstringMeta, DocstringParam, ...), a parse that tries every
        # style and keeps the best, its suite inside the package (docstring_parser)
        Library("parsimonious", "0.10.0", "parsimonious", (PYTEST, "regex==2024.9.11"),
                tests="parsimonious/tests", root=""),
        Library("munch", "4.0.0", "munch", (PYTEST, "PyYAML==6.0.2"), root=""),
        Library("docstring_parser", "0.16", "docstring_parser", (PYTEST,),
                tests="docstring_parser/tests", root=""),
        # held out, first contact (5 December, afternoon): decorators built by a decorator
        # (@decorator over a wrapper(wrapped, instance, args, kwargs)), transparent object
        # proxies forwarding every dunder to the wrapped object, FunctionWrapper and
        # BoundFunctionWrapper binding through __get__, post-import hooks, src layout, the C
        # extension chosen at import time with a pure-Python fallback (not built here: the
        # pure one runs), a conftest that skips files by a version in their name (wrapt);
        # objects to and from JSON through a Pickler and Unpickler dispatching on the object's
        # type and tags, handlers registered per class in a registry (handlers.register, also
        # as a decorator), backends chosen by name, extensions registering at import, test files
        # named *_test.py sharing tests/helper.py, doctests in its addopts (jsonpickle; numpy,
        # pandas, bson, gmpy2, scikit-learn absent: those files skip); typed attributes as
        # descriptors (TraitType's class tree) collected by a metaclass, observers, validators
        # and defaults registered by decorator (@observe, @validate, @default) and found by
        # name, configurable applications whose options are loaded from the command line and
        # config files (traitlets; tests/test_typing.py is left out: it needs
        # pytest-mypy-testing, which runs mypy, and fails to collect without it under
        # --strict-markers; --color=no for the FAILED lines)
        Library("wrapt", "1.16.0", "wrapt", (PYTEST,)),
        Library("jsonpickle", "3.3.0", "jsonpickle", (
            PYTEST, "simplejson==3.19.3", "ecdsa==0.19.0", "feedparser==6.0.11",
            "sqlalchemy==2.0.36"), root=""),
        Library("traitlets", "5.14.3", "traitlets", (
            PYTEST, "argcomplete==3.5.1", "pytest-mock==3.14.0"), root="",
            args=("--color=no", "--ignore=tests/test_typing.py")),
        # held out, first contact (5 December, noon): run-time type checks whose checker is
        # found by a lookup table keyed on the annotation's origin, functions instrumented by
        # an AST transformer at decoration time (@typechecked recompiles the function) or at
        # import (an import hook on sys.meta_path), a pytest plugin (typeguard; not installed
        # here, so its entry point is absent; tests/mypy left out: it runs mypy); validator
        # classes built by a class factory (validators.create) from a dict mapping each keyword
        # name to a function, format checkers registered by decorator, the JSON-Schema-Test-
        # Suite read from json/ and turned into test methods at import (jsonschema); a parser
        # combinator library whose elements combine through operators (+, |, ^, ~, *) in a
        # ParserElement class tree, packrat caching, a package re-exporting ~300 names,
        # examples/ imported by tests/test_examples.py (pyparsing)
        Library("typeguard", "4.4.1", "typeguard", (PYTEST, "typing-extensions==4.12.2"),
                args=("--ignore=tests/mypy",)),
        Library("jsonschema", "4.23.0", "jsonschema", (
            PYTEST, "attrs==24.2.0", "referencing==0.35.1", "rpds-py==0.20.0",
            "jsonschema-specifications==2023.12.1"), tests="jsonschema/tests", root=""),
        Library("pyparsing", "3.1.4", "pyparsing", (
            PYTEST, "railroad-diagrams==3.0.1", "jinja2==3.1.4"), root=""),
        # held out, first contact (5 December, early afternoon): JSON web tokens whose signing
        # algorithms are a class tree (Algorithm: HMAC, RSA, EC, RSAPSS, OKP) kept in a dict by
        # name and looked up per token, a PyJWS/PyJWT pair of classes behind module-level bound
        # methods (jwt.encode = _jwt_global_obj.encode), a JWKS client (pyjwt); JMESPath
        # expressions parsed by a Pratt parser dispatching on computed names ("_token_nud_" +
        # the token type) into AST dicts, interpreted by a TreeInterpreter dispatching on
        # "visit_" + the node type, built-in functions registered by a metaclass from a
        # decorator's marks (jmespath; its sdist lacks the compliance JSON, so
        # tests/test_compliance.py collects nothing and test_parser.py is the suite); an HTML
        # sanitizer and linkifier built on a vendored html5lib (bleach/_vendor), filters as
        # html5lib tree walker subclasses, callbacks for links, a CSS sanitizer on tinycss2
        # (bleach). cattrs 24.1.2 was tried: its suite took over 5 minutes unchanged here.
        Library("pyjwt", "2.9.0", "jwt", (PYTEST, "cryptography==43.0.1"), root=""),
        Library("jmespath", "1.0.1", "jmespath", (PYTEST,), root=""),
        Library("bleach", "6.1.0", "bleach", (
            PYTEST, "six==1.16.0", "webencodings==0.5.1", "tinycss2==1.2.1"), root=""),
        # held out, first contact (5 December, evening): an immutable URL class with a
        # decoded twin that wraps it (DecodedURL holds a URL and forwards to it), a scheme
        # registry, idna for hosts, its tests inside the package (hyperlink/test, unittest
        # classes on a TestCase of its own; hypothesis not installed, so test_hypothesis skips)
        # (hyperlink); a .env parser yielding Binding tuples, variable expansion through Atom
        # subclasses, a click CLI, find_dotenv walking the caller's frames (python-dotenv;
        # IPython not installed, so test_ipython skips; test_cli's sh.dotenv tests need the
        # console script and fail unchanged); a CommonMark parser whose block and inline
        # elements are classes found by the parser in their modules, renderers dispatching on
        # "render_" + the element's name, extensions loaded by import_module from a string and
        # mixed into new classes with type() (marko; the spec's JSON cases turned into tests)
        Library("hyperlink", "21.0.0", "hyperlink", (PYTEST, "idna==3.7"),
                tests="src/hyperlink/test"),
        Library("python-dotenv", "1.0.1", "dotenv", (PYTEST, "click==8.1.7", "sh==2.0.7")),
        Library("marko", "2.1.2", "marko", (
            PYTEST, "pygments==2.18.0", "python-slugify==8.0.4"), root=""),
        # held out, first contact (5 December, night, fc36): functions dispatching on the types
        # of all their arguments through a multimethod class (a dict subclass keyed by
        # signatures) that a decorator builds and .register extends, overloads chosen by
        # predicates, subscripted generic types checked at run time, one module in a package
        # folder (multimethod); a Markdown parser whose block and span token classes are kept
        # in module-level lists that renderers extend on entry, renderers dispatching through a
        # render_map from token class names to methods, a class tree of renderers (HTML,
        # LaTeX, Markdown, AST, and contrib's Jira, XWiki, TOC, Pygments), unittest-style tests
        # in test/ with test/test_contrib (mistletoe); a style checker in one top-level module
        # whose checks are plain functions registered by decorator (register_check) and called
        # with the arguments their parameter names ask for (init_checker_state, run_check),
        # a Checker and a StyleGuide with report classes (pycodestyle; its sdist lacks
        # testing/data, so the tests reading it fail unchanged)
        Library("multimethod", "1.12", "multimethod", (PYTEST,), root=""),
        Library("mistletoe", "1.4.0", "mistletoe", (
            PYTEST, "parameterized==0.9.0", "pygments==2.18.0"), tests="test", root=""),
        Library("pycodestyle", "2.12.1", "pycodestyle", (PYTEST,), root=""),
        # held out, first contact (5 December, night, fc37): state machines built by decorators
        # (MethodicalMachine: @machine.state, @machine.input, @machine.output, upon() recording
        # transitions; methods turned into descriptors that dispatch through a transitioner),
        # a typed builder (TypeMachineBuilder) generating classes from a Protocol with type()
        # at build time, a discover module walking modules and classes by name, tests inside
        # the package (automat/_test; graphviz, Twisted and zope.interface not installed, so
        # 40 of its 83 tests skip)
        # (automat); one interface (ItemAdapter) over dicts, dataclasses, attrs classes,
        # pydantic models and scrapy items: a class tree of adapters kept in a class-level
        # deque (ItemAdapter.ADAPTER_CLASSES) and chosen per item by their is_item classmethods,
        # field metadata read through the chosen adapter (itemadapter; scrapy not installed,
        # so its tests skip, and its pytest.ini's filterwarnings, naming a scrapy warning, is
        # replaced; 6 pydantic tests fail unchanged); a signal dispatcher keeping receivers
        # in module-level dicts keyed by sender and signal ids, weak references to bound
        # methods (saferef.BoundMethodWeakref, a class whose __new__ caches instances),
        # receivers called with only the arguments they accept (robustapply) (PyDispatcher)
        Library("automat", "25.4.16", "automat", (PYTEST,), tests="src/automat/_test"),
        Library("itemadapter", "0.10.0", "itemadapter", (
            PYTEST, "attrs==24.2.0", "pydantic==2.9.2"), root="",
            args=("-o", "filterwarnings=default")),
        Library("PyDispatcher", "2.0.7", "pydispatch", (PYTEST,), root=""),
        # held out, first contact (5 December, night, fc38): dataclass (de)serialisers whose
        # to_dict/from_dict are source text generated and exec'd when a class using a mixin
        # (DataClassDictMixin, its JSON/msgpack/YAML/TOML/orjson kin) is created, through
        # __init_subclass__, packers and unpackers chosen per field type from a registry of
        # type handlers, dialects and serialization strategies named in an inner Config class,
        # hooks found by name (__pre_serialize__, __post_deserialize__), discriminated unions
        # resolved through the subclasses' registry (mashumaro; Python 3.11, so its conftest
        # leaves the PEP 695 files out); a line-oriented command interpreter whose commands are
        # methods named do_* found with getattr, help_* and complete_* alike, argparse-backed
        # commands built by decorators (with_argparser, with_category), plugin hooks registered
        # as lists of callables (register_preloop_hook, register_postparsecmd_hook, ...),
        # command sets loaded into an app at run time (cmd2 2.4.3; --no-cov over its addopts);
        # logging formatters writing JSON, a base formatter whose fields are read from the
        # format string by a style-dependent parser, defaults and renames, JSON encoders chosen
        # per backend (json, orjson, msgspec), a package raising on import of a backend whose
        # library is absent (python-json-logger)
        Library("mashumaro", "3.23", "mashumaro", (
            PYTEST, "typing-extensions==4.16.0", "msgpack==1.2.4", "orjson==3.13.0",
            "PyYAML==6.0.2", "tomli-w==1.2.0", "ciso8601==2.4.1", "pendulum==3.3.0"), root=""),
        Library("cmd2", "2.4.3", "cmd2", (
            PYTEST, "pytest-mock==3.14.0", "pytest-cov==5.0.0", "attrs==24.2.0",
            "pyperclip==1.11.0", "wcwidth==0.9.4"), root="", args=("--no-cov",)),
        Library("python-json-logger", "4.2.0", "pythonjsonlogger", (
            PYTEST, "freezegun==1.5.1", "orjson==3.13.0", "msgspec==0.23.0")),
        # held out, first contact (7 December, fc40): functions overloaded on the types of
        # their arguments (@ovld), a dispatcher whose per-signature code is generated and
        # exec'd (codegen, recode rewriting a function's globals so recurse/call_next reach the
        # dispatcher), dependent types built by subscripting (Regexp[...], Dependent), mixins
        # combined with + into new classes by a metaclass (medley: Medley, CodegenParameter),
        # OvldBase/OvldMC classes whose overloaded methods the metaclass merges, src layout,
        # file_regression fixtures (pytest-regressions) and codefind (ovld); a service locator:
        # factories registered per type in a Registry (register_factory/register_value),
        # Containers resolving them per request and closing what they made, health pings, an
        # autowire module building factories from type hints, integrations for Flask, AIOHTTP,
        # Starlette and FastAPI keeping the registry on the app, a root conftest.py of fixtures
        # that also collects docs through Sybil, pytest 9's [tool.pytest] table (svcs);
        # class registries keyed by a class attribute (ClassRegistry(attr_name)), filled by a
        # decorator (@registry.register) or by a metaclass on subclassing (AutoRegister),
        # entry-point registries, a patcher swapping entries for a with-block, a caching
        # ClassRegistryInstanceCache, sorted registries, tests in test/ whose __init__.py holds
        # the Pokemon classes and a dummy package's egg-info naming them as entry points
        # (phx-class-registry)
        Library("ovld", "0.5.18", "ovld", (
            "pytest==8.3.5", "pytest-regressions==2.11.0", "pytest-datadir==1.9.0",
            "PyYAML==6.0.4", "pytest-benchmark==5.3.1", "codefind==0.1.7")),
        Library("svcs", "26.2.0", "svcs", (
            "pytest==9.0.2", "pytest-asyncio==1.5.0", "sybil==10.1.0", "attrs==26.1.0",
            "typing-extensions==4.16.0", "flask==3.1.3", "aiohttp==3.14.5", "starlette==1.10.0",
            "fastapi==0.165.0", "httpx2==2.17.0")),
        Library("phx-class-registry", "5.1.1", "class_registry", ("pytest==8.3.5",),
                tests="test"),
        # held out, first contact (7 December, fc41): configuration actions registered by
        # decorator directives (@App.directive, action classes with perform/identifier/
        # group_class), committed per App subclass in a configurable that sorts actions by
        # their dependencies (toposort), queries over registered actions (dectate); dispatch on
        # predicates: functions and methods made dispatchers by @reg.dispatch and
        # @reg.dispatch_method, implementations registered per predicate key, class dispatch,
        # lookup caches, argument info read from signatures, a Sphinx extension (reg; both
        # from Morepath, their suites inside the package); a dependency injection container:
        # providers whose factories are registered by @provide on methods, by type hints or
        # as decorators of other factories (decorate), scopes as enum-like classes, a graph
        # validator, sync and async containers whose resolving code is compiled per factory,
        # its unit suite in tests/unit (the integration tests need ~20 frameworks: left out),
        # pytest 9's .pytest.toml (dishka: --no-cov over its addopts)
        Library("dectate", "1.0.0", "dectate", (
            "pytest==8.3.5", "pytest-env==1.1.5", "sphinx==9.0.4"), tests="dectate/tests",
            root=""),
        Library("reg", "1.0.0", "reg", (
            "pytest==8.3.5", "pytest-env==1.1.5", "sphinx==9.0.4"), tests="reg/tests",
            root=""),
        Library("dishka", "1.10.1", "dishka", (
            "pytest==9.0.2", "pytest-asyncio==1.3.0", "pytest-repeat==0.9.4",
            "pytest-cov==7.0.0"), tests="tests/unit", args=("--no-cov",)),
        # held out, first contact (7 December, fc42): SVG elements as classes combined from mixins
        # (Transform, Presentation, Markers, ViewBox, ...), made through an element factory whose
        # __getattr__ hands out a builder per element name, attribute values checked by validators
        # chosen per profile (full/tiny) from tables of types, parsers of path data, transform lists
        # and clock values built from regular expressions, unittest-style tests, its sdist a zip
        # file (svgwrite); numbers with uncertainties whose arithmetic and comparison dunders are
        # generated and set on the class at import time (ops.py: setattr over tables of
        # derivatives), functions of math wrapped into uncertainty-aware ones by a decorator factory
        # (umath_core), formatting through __format__, numpy arrays of them (unumpy), tests
        # importing a helper module by its bare name (uncertainties); file sizes as one class per
        # unit (Byte, KiB, MB, ...) built on a base whose operators convert between units, a context
        # manager changing the formatting of every instance, parsing of strings and of device
        # capacities, a command line, one module in a package folder, unittest-style tests sharing a
        # TestCase from tests/__init__.py (bitmath). Two tests timed against the wall or the
        # processor clock are left out: on a shared machine their outcome is the load's, not the
        # mutation's (one failed under no change of its code)
        Library("svgwrite", "1.4.3", "svgwrite", (PYTEST,), root="", args=(
            "--deselect", "tests/test_pathdataparser.py::TestPathDataParser::test_performance")),
        Library("uncertainties", "3.2.3", "uncertainties", (
            "pytest==8.3.5", "numpy==2.2.6"), root="", args=(
            "--deselect", "tests/test_performance.py::test_repeated_summation_complexity")),
        Library("bitmath", "2.1.1", "bitmath", (
            "pytest==8.3.5", "hypothesis==6.112.1"), root="", plugins=("hypothesis_bench",)),
        # held out, first contact (7 December, sel3): HTML documents built from tag classes whose
        # instances are context managers (`with div():` adds to the enclosing tag, found per
        # thread or per async task), attributes set through keyword arguments and `__setitem__`,
        # a `dom1core` layer of DOM-style methods, one class per element made by subclassing in
        # loops (dominate); metadata of sdists, wheels, eggs, installed and develop distributions
        # read through one Distribution base whose subclasses each `read()` their own archive, a
        # command line with output formats chosen from a table of classes, src layout, tests in
        # tests/unit sharing a `_helpers` module put on the path by the suite's configuration
        # (pkginfo); a full syntax tree parser for Python: a tokenizer and groupers feeding an
        # rply grammar whose productions are registered by decorator (`@pg.production(...)`), a
        # renderer walking node types through tables of nested lists and computed names, paths
        # into the tree (baron); XML/HTML generated through `with tag(...)` context managers,
        # a SimpleDoc whose `tag`, `text`, `stag`, `line` and `asis` methods are also handed out
        # as a tuple, form defaults filled in by a Doc subclass, an indenter (yattag)
        Library("dominate", "2.9.1", "dominate", ("pytest==8.3.5",), root=""),
        Library("pkginfo", "2.0", "pkginfo", ("pytest==8.3.5",)),
        Library("baron", "0.10.1", "baron", ("pytest==8.3.5", "rply==0.7.8"), root=""),
        Library("yattag", "1.16.1", "yattag", ("pytest==8.3.5",), tests="test", root=""),
        # held out, first contact (7 December, sel4): a PEG parser whose grammars are Python
        # expressions of ParsingExpression classes or text in two PEG dialects parsed by itself
        # (peg.py, cleanpeg.py), parse trees walked by visitors finding `visit_<rule>` methods by
        # computed name, tests inside the package with regression folders (arpeggio); QR and
        # Micro QR codes: an encoder of segments and masks kept in module-level tables, writers per
        # output format chosen from a table by the file's extension, a command line, pypng for
        # the PNG tests (segno: tests/test_plugin.py needs the installed entry points and fails
        # unchanged); BibTeX parsed into a library of entries and blocks, middlewares (name, month,
        # LaTeX encoding through pylatexenc) run in a chain, a writer (bibtexparser 2);
        # JSON Schema validators generated as Python source by a generator class per draft that
        # maps keywords to its methods in a dict, the source exec'd (fastjsonschema; one example
        # whose regular expression takes 17 s is left out)
        Library("Arpeggio", "2.0.3", "arpeggio", ("pytest==8.3.5",), tests="arpeggio/tests",
                root=""),
        Library("segno", "1.6.6", "segno", ("pytest==8.3.5", "pypng==0.20220715.0"), root=""),
        Library("bibtexparser", "2.1.0", "bibtexparser", ("pytest==8.3.5", "pylatexenc==2.11"),
                root=""),
        Library("fastjsonschema", "2.22.3", "fastjsonschema", ("pytest==8.3.5",), root="", args=(
            "--ignore", "tests/benchmarks",
            "--deselect", "tests/test_examples.py::test_validate[issue-109]")),
        # sel5, first contact: GeoJSON objects as dict subclasses built from a type-name
        # registry, coordinates mapped and validated recursively (geojson); WebVTT, SRT and SBV
        # captions parsed and written by a format-to-class table, segmenting, a command line
        # (webvtt-py); a template-driven state machine parsing text tables, a CLI table indexed by
        # a file of templates (textfsm, its tests named *_test.py); evaluating AST nodes that are
        # safe to evaluate, getattr without side effects (pure_eval)
        Library("geojson", "3.3.0", "geojson", ("pytest==8.3.5",), root=""),
        Library("webvtt-py", "0.6.0", "webvtt", ("pytest==8.3.5",), root=""),
        Library("textfsm", "2.1.1", "textfsm", ("pytest==8.3.5",), root=""),
        Library("pure_eval", "0.2.4", "pure_eval", ("pytest==8.3.5",), root=""),
    )
}
DEFAULT_LIBRARIES = ("click", "itsdangerous", "markupsafe", "jinja2", "flask")

# Files the suite or the tool write into the tree: never part of a change.
EXCLUDES = ("__pycache__/", "*.pyc", ".pytest_cache/", ".impactgraph/", "*.egg-info/")


@dataclass
class Outcome:
    mutation: str
    kind: str
    failing: list[str] = field(default_factory=list)  # test files with a newly failing test
    selected: list[str] = field(default_factory=list)
    reasons: dict[str, list[str]] = field(default_factory=dict)  # selected file -> why
    missed: list[str] = field(default_factory=list)  # failing, not selected
    note: str = ""  # timeout, tool error, ...
    tool_seconds: float = 0.0
    suite_seconds: float = 0.0


@dataclass
class LibraryResult:
    name: str
    version: str
    test_files: list[str]  # what pytest collects from
    baseline_failures: int
    outcomes: list[Outcome] = field(default_factory=list)


# -- preparing ---------------------------------------------------------------------------------
def run(cmd: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, text=True, capture_output=True, check=False)


def checked(cmd: list[str], cwd: Path | None = None) -> str:
    done = run(cmd, cwd)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr.strip()[-2000:]}")
    return done.stdout


def sdist(lib: Library) -> Path:
    target = CACHE / "sdists"
    target.mkdir(parents=True, exist_ok=True)
    # the sdist's file name may spell the name's "-" as "_" (docopt_ng-0.9.0.tar.gz)
    name = re.sub(r"[-_.]", "[-_.]", lib.name)
    # a few older sdists are zip files (svgwrite 1.4.3)
    found = [p for p in target.iterdir()
             if re.fullmatch(rf"{name}-{re.escape(lib.version)}\.(tar\.gz|zip)", p.name, re.I)]
    if not found:
        checked([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary",
                 ":all:", "-d", str(target), f"{lib.name}=={lib.version}"])
        return sdist(lib)
    return found[0]


@contextlib.contextmanager
def checkout_lock(lib: Library) -> Iterator[None]:
    """The library's cached checkout to this run alone while it lasts: every run mutates its
    working tree, so two runs of one library at once would measure each other's mutations (a
    selection made on a tree the other run had just reset, a suite run on the other's change).
    A second run waits, and says so."""
    with repository_lock(f"{lib.name}-{lib.version}"):
        yield


@contextlib.contextmanager
def repository_lock(name: str) -> Iterator[None]:
    """The cached repository ``repos/NAME`` to this run alone (see ``checkout_lock``)."""
    path = CACHE / "repos" / f"{name}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another run that uses the {name} checkout ...",
                  file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def repository(lib: Library) -> Path:
    repo = CACHE / "repos" / f"{lib.name}-{lib.version}"
    if not (repo / ".git").is_dir():
        shutil.rmtree(repo, ignore_errors=True)
        unpacked(lib, repo)
        commit_all(repo, f"{lib.name} {lib.version}")
    reset(repo)
    return repo


def unpacked(lib: Library, target: Path) -> None:
    """The library's sdist, unpacked into ``target`` (which must not exist)."""
    unpack = target.parent / (target.name + ".unpack")
    shutil.rmtree(unpack, ignore_errors=True)
    path = sdist(lib)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            archive.extractall(unpack)  # ZipFile never writes outside ``unpack``
    else:
        with tarfile.open(path) as archive:
            archive.extractall(unpack, filter="data")
    (top,) = unpack.iterdir()
    top.rename(target)
    unpack.rmdir()


def commit_all(repo: Path, message: str, excludes: Iterable[str] = EXCLUDES) -> None:
    """A new git repository at ``repo`` with everything in it as one commit."""
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    checked([*git, "init", "-q"], repo)
    (repo / ".git" / "info" / "exclude").write_text("\n".join(excludes) + "\n")
    checked([*git, "add", "-A"], repo)
    checked([*git, "commit", "-q", "-m", message], repo)


def reset(repo: Path) -> None:
    checked(["git", "checkout", "-q", "--", "."], repo)
    checked(["git", "clean", "-fdq"], repo)  # what tests left behind (ignored files stay)


def venv(lib: Library) -> Path:
    root = CACHE / "venvs" / f"{lib.name}-{lib.version}"
    return new_venv(root, list(lib.deps))


def new_venv(root: Path, requirements: list[str]) -> Path:
    """A virtual environment at ``root`` with ``requirements`` (pip arguments) installed; reused
    while they stay the same."""
    python = root / "bin" / "python"
    ready = root / "ready.json"
    if ready.exists() and json.loads(ready.read_text()) == requirements:
        return python
    shutil.rmtree(root, ignore_errors=True)
    base = getattr(sys, "_base_executable", sys.executable)
    checked([base, "-m", "venv", str(root)])
    checked([str(python), "-m", "pip", "install", "-q", *requirements])
    ready.write_text(json.dumps(requirements))
    return python


# -- running the suite -------------------------------------------------------------------------
_RESULT = re.compile(r"^(FAILED|ERROR) (\S+?)(?:::| - |\s|$)")


@dataclass(frozen=True)
class SuiteRun:
    failed: frozenset[str]  # node ids (or file paths for collection errors)
    broken: bool  # pytest stopped before running tests (conftest import error, internal error)
    timed_out: bool
    seconds: float


PLUGINS = HERE / "suite_plugins"


def run_suite(lib: Library, repo: Path, python: Path, timeout: float) -> SuiteRun:
    path = os.pathsep.join([str(repo / lib.root), *([str(PLUGINS)] if lib.plugins else [])])
    plugins = [arg for name in lib.plugins for arg in ("-p", name)]
    return run_pytest(python, repo, {"PYTHONPATH": path}, [*plugins, *lib.args, lib.tests],
                      timeout)


def run_pytest(python: Path, cwd: Path, env: dict[str, str], args: list[str],
               timeout: float) -> SuiteRun:
    """``pytest -q -rfE ARGS`` in ``cwd`` (``env`` on top of this process's): what failed."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", **env}
    # --rootdir: a checkout without pytest configuration of its own must not pick up the
    # configuration of a folder above the cache (node ids, filterwarnings=error)
    # --maxfail=0 after the suite's own addopts: transitions' "-x" would stop the run at the
    # first failing test, and every failing file after it would go unseen
    cmd = [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rfE", "--tb=no",
           "--rootdir", str(cwd.resolve()), *own_config(cwd), "--continue-on-collection-errors",
           "--maxfail=0", *args]
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, cwd=cwd, env=env, text=True, capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return SuiteRun(frozenset(), False, True, time.perf_counter() - start)
    seconds = time.perf_counter() - start
    failed = set()
    for line in done.stdout.splitlines():
        match = _RESULT.match(line)
        if match:
            failed.add(line[len(match.group(1)) + 1:].split(" - ")[0].strip())
    # exit 1 ("tests failed") without one FAILED/ERROR line: pytest stopped before running
    # tests, e.g. a plugin (hypothesis) imports the mutated library while pytest starts
    broken = done.returncode != 0 and not failed
    return SuiteRun(frozenset(failed), broken, False, seconds)


# What makes a file pytest's configuration (pytest 9's pytest.toml and .pytest.toml, dishka's,
# and pytest.ini and .pytest.ini always).
# pytest 9 also reads a native [tool.pytest] table (svcs).
_CONFIG_SECTIONS = {"pyproject.toml": ("[tool.pytest.ini_options]", "[tool.pytest]"),
                    "tox.ini": ("[pytest]",), "setup.cfg": ("[tool:pytest]",)}


def own_config(cwd: Path) -> list[str]:
    """``-c`` an empty configuration when the checkout at ``cwd`` has none of its own: --rootdir
    does not stop pytest's search for a configuration file, which goes on above the checkout
    to the first one it finds (this repository's pyproject.toml, with filterwarnings=error:
    cerberus' import of pkg_resources then fails every file)."""
    for name in ("pytest.toml", ".pytest.toml", "pytest.ini", ".pytest.ini"):
        if (cwd / name).is_file():
            return []
    for name, sections in _CONFIG_SECTIONS.items():
        path = cwd / name
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if any(section in text for section in sections):
                return []
    empty = CACHE / "no-config" / "pytest.ini"
    if not empty.is_file():
        empty.parent.mkdir(parents=True, exist_ok=True)
        empty.write_text("[pytest]\n")
    return ["-c", str(empty)]


def file_of(node_id: str) -> str:
    return node_id.split("::")[0]


def collected_files(lib: Library, repo: Path, python: Path) -> list[str]:
    return collect(python, repo, {"PYTHONPATH": str(repo / lib.root)}, [*lib.args, lib.tests])


def collect(python: Path, cwd: Path, env: dict[str, str], args: list[str]) -> list[str]:
    """The test files ``pytest --collect-only ARGS`` collects from, relative to ``cwd``."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **env}
    # --verbosity=-1 after the suite's own addopts (marshmallow's "-v" would turn -q into the
    # tree listing, whose parametrized ids hold "::" of IPv6 addresses): one node id a line
    done = subprocess.run([str(python), "-m", "pytest", "-p", "no:cacheprovider", "-q",
                           "--rootdir", str(cwd.resolve()), *own_config(cwd), "--collect-only",
                           *args, "--verbosity=-1"],
                          cwd=cwd, env=env, text=True, capture_output=True, check=False)
    return sorted({file_of(line) for line in done.stdout.splitlines()
                   if _NODE_ID.match(line)})


# any file: a text file of doctests (--doctest-glob, voluptuous' tests.md) is a test file too
_NODE_ID = re.compile(r"[^\s<:]+\.\w+::")


# -- the tool ----------------------------------------------------------------------------------
def select(repo: Path) -> tuple[dict[str, list[str]] | None, str, float]:
    """The files ``impactgraph tests --base HEAD`` selects for the working tree, each with its
    reasons (``--format json``), or None."""
    # From the repository's root, as a user runs it.
    cmd = [sys.executable, "-m", "impactgraph", "tests", "--base", "HEAD", "--format", "json"]
    start = time.perf_counter()
    done = run(cmd, repo)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        return None, f"impactgraph exit {done.returncode}: {done.stderr.strip()[-300:]}", seconds
    tests = json.loads(done.stdout)["tests"]
    return {t["path"]: list(t["reasons"]) for t in tests}, "", seconds


# -- mutations ---------------------------------------------------------------------------------
def mutations(lib: Library, repo: Path, count: int, seed: str = SEED,
              extra: Iterable[str] = ()) -> list[sm.Mutation]:
    """``count`` mutations of the default kinds, then ``count`` of the ``extra`` kinds asked for
    (``sm.EXTRA_KINDS``), each choice made on its own: asking for the extra kinds changes none
    of the default kinds' choices."""
    package, tests = repo / lib.root / lib.package, repo / lib.tests
    chosen = pick_mutations(repo, package, tests, count, f"{seed}:{lib.name}")
    extra = tuple(k for k in sm.EXTRA_KINDS if k in set(extra))
    if extra:
        chosen += pick_mutations(repo, package, tests, count, f"{seed}:{lib.name}:extra", extra)
    return chosen


def pick_mutations(repo: Path, package: Path, tests_dir: Path, count: int,
                   seed: str, kinds: tuple[str, ...] = sm.KINDS) -> list[sm.Mutation]:
    """``count`` mutations of ``kinds`` in the code under ``package`` (or in ``package``.py: a
    library that is one module) and the fixtures under ``tests_dir``, chosen with ``seed``;
    paths relative to ``repo``. A ``tests_dir`` inside ``package`` (toolz's ``toolz/tests``) is
    test code, not the library's."""
    tests = sorted(tests_dir.rglob("*.py"))
    single = package.with_suffix(".py")  # a library that is one module (bottle.py)
    modules = [single] if not package.is_dir() and single.is_file() else package.rglob("*.py")
    src = sorted(set(modules) - set(tests))
    methods, bases = sm.class_index(p.read_text(encoding="utf-8-sig") for p in src)
    # a constant read nowhere (or only in annotations) is no candidate
    read = readable_names([*src, *tests]) if set(kinds) - set(sm.KINDS) else None
    found: list[sm.Mutation] = []
    for path, is_test in [*((p, False) for p in src), *((p, True) for p in tests)]:
        rel = path.relative_to(repo).as_posix()
        try:
            found += sm.candidates(rel, path.read_text(encoding="utf-8-sig"), is_test=is_test,
                                   class_methods=methods, class_bases=bases, names_read=read)
        except (SyntaxError, UnicodeDecodeError):
            continue  # a test fixture that is not valid (UTF-8) Python on purpose
    # Candidates that do not apply (e.g. a parameter a nested function declares nonlocal) are
    # dropped in order, so the choice stays deterministic. Only the kinds asked for are in the
    # pool (its size seeds each round): the default kinds choose as they did before there were
    # others.
    chosen: list[sm.Mutation] = []
    pool = [m for m in found if m.kind in kinds]
    while len(chosen) < count and pool:
        batch = sm.choose(pool, count - len(chosen), f"{seed}:{len(pool)}", kinds)
        if not batch:
            break
        for mutation in batch:
            pool.remove(mutation)
            try:
                sm.apply_mutation((repo / mutation.path).read_text(encoding="utf-8-sig"), mutation)
            except (sm.MutationError, SyntaxError):
                continue
            chosen.append(mutation)
    return chosen


def readable_names(paths: Iterable[Path]) -> set[str]:
    sources = []
    for path in paths:
        with contextlib.suppress(UnicodeDecodeError):
            sources.append(path.read_text(encoding="utf-8-sig"))
    return sm.names_read(sources)


SUITE_NOTES = ("suite timed out", "suite did not start")


@dataclass(frozen=True)
class Baseline:
    """The unchanged suite: what it collects, what already fails there (ignored later)."""
    test_files: list[str]
    failed: frozenset[str]
    failures: int
    timeout: float  # for each mutated run


def baseline(name: str, truth: LibraryResult | None, files: Callable[[], list[str]],
             suite: Callable[[float], SuiteRun], run_anyway: bool = False) -> Baseline:
    """Collect and run the unchanged suite, or take both from ``truth`` (an earlier run); with
    ``run_anyway`` (some mutation's suite must run) the unchanged suite runs all the same."""
    if truth and not run_anyway:
        return Baseline(truth.test_files, frozenset(), truth.baseline_failures, 900.0)
    universe = truth.test_files if truth else files()
    run_ = suite(900)
    if run_.broken or run_.timed_out:
        sys.exit(f"{name}: the unchanged suite does not run")
    failures = truth.baseline_failures if truth else len(run_.failed)
    return Baseline(universe, run_.failed, failures, max(120.0, 5 * run_.seconds))


def measure(lib: Library, count: int, log: bool,
            truth: LibraryResult | None = None, seed: str = SEED,
            fresh: frozenset[str] = frozenset(),
            kinds: frozenset[str] | None = None) -> LibraryResult:
    """Mutate, select, run the suite. With ``truth`` (an earlier run of the same library) the
    suite outcomes are taken from it: they do not depend on impactgraph, only the selection does.
    Mutations of the ``fresh`` kinds, and mutations the truth does not have, run the suite all
    the same (after one run of the unchanged suite): for a mutation kind whose definition
    changed, the earlier outcome is not the truth any more. ``kinds``: measure only the chosen
    mutations of these kinds (the same ones a full run measures)."""
    repo = repository(lib)
    python = venv(lib)

    def suite(timeout: float) -> SuiteRun:
        return run_suite(lib, repo, python, timeout)

    chosen = [m for m in mutations(lib, repo, count, seed, kinds or ())
              if kinds is None or m.kind in kinds]
    known = {o.mutation for o in truth.outcomes if o.kind not in fresh} if truth else set()
    base = baseline(lib.name, truth, lambda: collected_files(lib, repo, python), suite,
                    run_anyway=any(m.describe() not in known for m in chosen))
    result = LibraryResult(lib.name, lib.version, base.test_files, base.failures)
    select(repo)  # fill the summary cache for the base commit, as a CI run on main would
    run_mutations(result, repo, chosen, suite, base, truth, log, fresh)
    return result


def run_mutations(result: LibraryResult, repo: Path, chosen: Iterable[sm.Mutation],
                  suite: Callable[[float], SuiteRun], base: Baseline,
                  truth: LibraryResult | None, log: bool,
                  fresh: frozenset[str] = frozenset()) -> None:
    """One mutation at a time in ``repo``'s working tree: the selection, and the suite's failures
    (from ``truth`` where it has the mutation and its kind is not ``fresh``), as outcomes
    appended to ``result``."""
    known = {o.mutation: o for o in truth.outcomes if o.kind not in fresh} if truth else {}
    # tests failing on the unchanged tree: the baseline's, and those a mutated run made fail
    # for good by changing something outside the checkout (tinydb's JSONStorage with
    # create_dirs=True, run as root, made /this/is/an/invalid/path/, which a later
    # test_json_invalid_directory expects to be missing: every later run "failed" it)
    stale = set(base.failed)
    for mutation in chosen:
        path = repo / mutation.path
        # a source opening with a byte order mark (svgwrite's) keeps it: "utf-8-sig" reads it
        # as no character and writes it back
        bom = path.read_bytes().startswith(codecs.BOM_UTF8)
        path.write_text(sm.apply_mutation(path.read_text(encoding="utf-8-sig"), mutation),
                        encoding="utf-8-sig" if bom else "utf-8")
        outcome = Outcome(mutation.describe(), mutation.kind)
        earlier = known.get(outcome.mutation)
        try:
            reasons, error, outcome.tool_seconds = select(repo)
            ran = None if earlier else suite(base.timeout)
        finally:
            reset(repo)
        if earlier:
            outcome.failing, outcome.suite_seconds = earlier.failing, earlier.suite_seconds
            outcome.note = "; ".join(n for n in SUITE_NOTES if n in earlier.note)
        elif ran is not None:
            outcome.suite_seconds = ran.seconds
            if ran.timed_out:
                outcome.note = "suite timed out"
            elif ran.broken:
                outcome.failing = list(base.test_files)
                outcome.note = "suite did not start"
            else:
                outcome.failing = sorted({file_of(n) for n in ran.failed - stale})
                if set(outcome.failing) - set(reasons or ()):
                    # a miss: are the tests behind it failing unchanged now? (the tree is reset)
                    again = suite(base.timeout)
                    newly = (again.failed - stale) & ran.failed
                    if newly and not (again.broken or again.timed_out):
                        stale |= newly
                        outcome.failing = sorted({file_of(n) for n in ran.failed - stale})
                        outcome.note = (f"{len(newly)} failing test(s) fail unchanged after "
                                        "this run: the environment changed, not counted")
        if reasons is None:
            outcome.note = (outcome.note + "; " if outcome.note else "") + error
            reasons = {}
        selected = sorted(reasons)
        outcome.selected, outcome.reasons = selected, reasons
        outcome.missed = sorted(set(outcome.failing) - set(selected))
        result.outcomes.append(outcome)
        if log:
            print(f"  {result.name}: {outcome.mutation}: failing {len(outcome.failing)}, "
                  f"selected {len(selected)}, missed {outcome.missed or 0}"
                  + (f" [{outcome.note}]" if outcome.note else ""), file=sys.stderr)


# -- figures -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Figures:
    mutations: int
    breaking: int
    failing: int  # sum over mutations of failing files
    caught: int  # ... of those selected
    unsafe: int
    selection: float  # mean selected share of the test files
    floor: float  # mean failing share over breaking mutations (the smallest safe selection)
    skipped: int  # timeouts
    tool_seconds: float  # mean wall-clock seconds of `impactgraph tests`

    @property
    def recall(self) -> float:
        return self.caught / self.failing if self.failing else 1.0


def figures(results: Iterable[LibraryResult]) -> Figures:
    rows = [(o, set(r.test_files)) for r in results for o in r.outcomes
            if o.note != "suite timed out"]
    skipped = sum(1 for r in results for o in r.outcomes if o.note == "suite timed out")
    breaking = [(o, files) for o, files in rows if o.failing]
    shares = [len(set(o.selected) & files) / len(files) for o, files in rows if files]
    return Figures(
        mutations=len(rows),
        breaking=len(breaking),
        failing=sum(len(o.failing) for o, _ in rows),
        caught=sum(len(o.failing) - len(o.missed) for o, _ in rows),
        unsafe=sum(1 for o, _ in rows if o.missed),
        selection=sum(shares) / len(shares) if shares else 0.0,
        floor=(sum(len(o.failing) / len(files) for o, files in breaking) / len(breaking)
               if breaking else 0.0),
        skipped=skipped,
        tool_seconds=sum(o.tool_seconds for o, _ in rows) / len(rows) if rows else 0.0,
    )


def table(results: list[LibraryResult], total_files: int | None = None) -> str:
    """Per library and over all; ``total_files`` for the last row when the libraries share
    their test files (a monorepo) rather than each having its own."""
    head = ("| library | test files | mutations | breaking | failing files | recall | unsafe "
            "| mean selection | smallest safe | `tests` s |")
    lines = [head, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]

    def row(label: str, files: str, f: Figures) -> str:
        return (f"| {label} | {files} | {f.mutations} | {f.breaking} | {f.failing} | "
                f"{f.recall:.3f} | {f.unsafe} | {f.selection:.0%} | {f.floor:.0%} | "
                f"{f.tool_seconds:.1f} |")

    lines.extend(row(f"{r.name} {r.version}", str(len(r.test_files)), figures([r]))
                 for r in results)
    total = total_files if total_files is not None else sum(len(r.test_files) for r in results)
    lines.append(row("**all**", str(total), figures(results)))
    return "\n".join(lines)


def kinds_table(results: list[LibraryResult]) -> str:
    lines = ["| mutation kind | mutations | breaking | failing files | recall | unsafe |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for kind in sm.ALL_KINDS:
        subset = [LibraryResult(r.name, r.version, r.test_files, 0,
                                [o for o in r.outcomes if o.kind == kind]) for r in results]
        f = figures(subset)
        if f.mutations:
            lines.append(f"| {kind} | {f.mutations} | {f.breaking} | {f.failing} | "
                         f"{f.recall:.3f} | {f.unsafe} |")
    return "\n".join(lines)


def misses(results: list[LibraryResult]) -> str:
    lines = [f"- {r.name}: `{o.mutation}`: missed {', '.join(o.missed)} "
             f"(failing {len(o.failing)}, selected {len(o.selected)})"
             + (f" [{o.note}]" if o.note else "")
             for r in results for o in r.outcomes if o.missed]
    return "\n".join(lines) or "(none)"


def load(saved: dict[str, Any]) -> list[LibraryResult]:
    return [LibraryResult(**{**r, "outcomes": [Outcome(**o) for o in r["outcomes"]]})
            for r in saved["libraries"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--libs", nargs="+", choices=sorted(LIBRARIES),
                        default=list(DEFAULT_LIBRARIES))
    parser.add_argument("--max-mutations", type=int, default=20, metavar="N",
                        help="mutations per library (default: 20)")
    parser.add_argument("--seed", default=SEED, metavar="TEXT",
                        help=f"chooses the mutations (default: {SEED!r}); another seed gives a "
                             "held-out set")
    parser.add_argument("--json", metavar="FILE", help="write every mutation's record as JSON")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    parser.add_argument("--from-json", metavar="FILE",
                        help="print the tables of an earlier run's --json file instead of running")
    parser.add_argument("--truth", metavar="FILE",
                        help="take the suite outcomes from an earlier run's --json file (same "
                             "libraries and seed) and only run impactgraph: a quick re-run")
    parser.add_argument("--fresh", nargs="+", choices=sm.ALL_KINDS, default=[], metavar="KIND",
                        help="with --truth: run the suite anyway for mutations of these kinds "
                             "(their definition changed since the truth was recorded); "
                             "mutations the truth file does not have always run it")
    parser.add_argument("--kinds", nargs="+", choices=sm.ALL_KINDS, metavar="KIND",
                        help="measure only the mutations of these kinds among those chosen "
                             "(default: all the default kinds); an extra kind "
                             f"({', '.join(sm.EXTRA_KINDS)}) is measured only when named here, "
                             "--max-mutations of the extra kinds named, chosen on their own")
    args = parser.parse_args(argv)
    if args.from_json:
        saved = json.loads(Path(args.from_json).read_text())
        results = load(saved)
        commit = saved["impactgraph_commit"]
        args.seed = saved.get("seed", args.seed)
        args.max_mutations = saved.get("max_mutations", args.max_mutations)
    else:
        saved_truth = json.loads(Path(args.truth).read_text()) if args.truth else {}
        if saved_truth and saved_truth.get("seed", SEED) != args.seed:
            parser.error(f"--truth {args.truth} was run with seed {saved_truth.get('seed')!r}, "
                         f"not {args.seed!r}")
        truths = {r.name: r for r in load(saved_truth)} if saved_truth else {}
        results = []
        for name in args.libs:
            lib = LIBRARIES[name]
            print(f"{lib.name} {lib.version} ...", file=sys.stderr)
            with checkout_lock(lib):
                results.append(measure(lib, args.max_mutations, not args.quiet,
                                       truths.get(name), args.seed, frozenset(args.fresh),
                                       frozenset(args.kinds) if args.kinds else None))
        # the last commit that changed the package (benchmark commits do not change results)
        commit = run(["git", "log", "-1", "--format=%h", "--", "impactgraph"], HERE.parent
                     ).stdout.strip()
    print(f"impactgraph {commit}, seed {args.seed!r}, {args.max_mutations} mutations per "
          "library\n")
    print(table(results))
    print()
    print(kinds_table(results))
    print("\nUnsafe mutations (failing test files not selected):")
    print(misses(results))
    other = [f"- {r.name}: `{o.mutation}`: {o.note}" for r in results for o in r.outcomes
             if o.note]
    if other:
        print("\nNotes:\n" + "\n".join(other))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "impactgraph_commit": commit, "seed": args.seed, "max_mutations": args.max_mutations,
            "libraries": [asdict(r) for r in results],
            "overall": {**asdict(figures(results)), "recall": figures(results).recall},
        }, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
