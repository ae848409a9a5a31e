"""What a release dropping Python 2 does to its classes, and what it leaves working.

urllib3 2.0 against 1.26.18: 59 modules were judged broken, none of them by the release. Each
rule below had a part, with a counter-case that keeps a true break broken:
- ``HTTPConnection(_HTTPConnection)``, ``_HTTPConnection`` imported from the vendored
  ``.packages.six.moves.http_client``, then from ``http.client``: one class;
- ``@six.add_metaclass(_RetryMeta)`` dropped from ``Retry`` with the metaclass (it gave
  deprecated class properties, and no ``__call__``): making a ``Retry`` runs as before;
- ``NewConnectionError`` lost ``PoolError`` and with it ``__reduce__``, which ``object`` (here
  ``BaseException``) answers in its place;
- the module ``urllib3.request`` became ``_request_methods``, and ``urllib3`` got a function
  ``request``: ``from urllib3 import request`` imports the function, not the old module;
- ``Url(namedtuple("Url", url_attrs))``, ``url_attrs`` a module list of field names, became a
  ``NamedTuple`` class with the same fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from git_support import broken_modules, impact_between


def changes(report: dict) -> set[tuple[str, str, bool]]:
    return {(c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}


def _broken(tmp_path: Path, old: Mapping[str, str | None], new: Mapping[str, str | None]
            ) -> set[str]:
    return broken_modules(impact_between(old, new, tmp_path))


SIX = "class _Moves:\n    pass\n\n\nmoves = _Moves()\n"
CONNECTION_OLD = '''\
from .packages.six.moves.http_client import HTTPConnection as _HTTPConnection


class HTTPConnection(_HTTPConnection, object):
    pass
'''
CONNECTION_USER = '''\
from pkg.connection import HTTPConnection


def fetch(host):
    conn = HTTPConnection(host)
    conn.request("GET", "/")
    return conn.getresponse()
'''


@pytest.mark.parametrize(("module", "broken"), [("http.client", set()),
                                                ("xmlrpc.client", {"user"})])
def test_a_base_from_a_vendored_six_is_the_standard_class(
        tmp_path: Path, module: str, broken: set[str]) -> None:
    new = CONNECTION_OLD.replace(".packages.six.moves.http_client", module)
    new = new.replace("HTTPConnection as", "ServerProxy as" if "xmlrpc" in module else
                      "HTTPConnection as").replace(", object", "")
    files = {"pkg/__init__.py": "", "pkg/packages/__init__.py": "", "pkg/packages/six.py": SIX,
             "user.py": CONNECTION_USER}
    report = impact_between({**files, "pkg/connection.py": CONNECTION_OLD},
                            {**files, "pkg/connection.py": new}, tmp_path)
    assert broken_modules(report) == broken
    assert (("pkg.connection:HTTPConnection", "base-removed", True) in changes(report)) \
        == bool(broken)


RETRY_OLD = '''\
import six


class _RetryMeta(type):
    @property
    def BACKOFF_MAX(cls):
        return cls.DEFAULT_BACKOFF_MAX


@six.add_metaclass(_RetryMeta)
class Retry(object):
    DEFAULT_BACKOFF_MAX = 120

    def __init__(self, total=10, connect=None):
        self.total = total
'''
RETRY_NEW = '''\
class Retry:
    DEFAULT_BACKOFF_MAX = 120

    def __init__(self, total=10, connect=None, backoff_jitter=0.0):
        self.total = total
'''
RETRY_USER = '''\
from retry import Retry


def make():
    return Retry({arguments})
'''


def test_a_plain_metaclass_dropped_keeps_the_class_made_as_before(tmp_path: Path) -> None:
    user = {"user.py": RETRY_USER.format(arguments="3, connect=1")}
    assert _broken(tmp_path, {"retry.py": RETRY_OLD, **user},
                   {"retry.py": RETRY_NEW, **user}) == set()


def test_an_outside_metaclass_dropped_still_breaks(tmp_path: Path) -> None:
    # nothing is known of what ``other.Meta`` does when the class is called
    old = RETRY_OLD.replace("import six\n", "import six\nfrom other import Meta\n").replace(
        "add_metaclass(_RetryMeta)", "add_metaclass(Meta)")
    user = {"user.py": RETRY_USER.format(arguments="3, connect=1")}
    assert _broken(tmp_path, {"retry.py": old, **user},
                   {"retry.py": RETRY_NEW, **user}) == {"user"}


def test_a_metaclass_with_a_call_of_its_own_dropped_still_breaks(tmp_path: Path) -> None:
    old = RETRY_OLD.replace("    @property\n", "    def __call__(cls, *args):\n"
                            "        return super().__call__()\n\n    @property\n")
    user = {"user.py": RETRY_USER.format(arguments="3, connect=1")}
    assert _broken(tmp_path, {"retry.py": old, **user},
                   {"retry.py": RETRY_NEW, **user}) == {"user"}


ERRORS = '''\
class HTTPError(Exception):
    pass


class PoolError(HTTPError):
    def __init__(self, pool, message):
        self.pool = pool
        HTTPError.__init__(self, "%s: %s" % (pool, message))

    def __reduce__(self):
        return self.__class__, (None, None)


'''
ERRORS_OLD = ERRORS + "class NewConnectionError(PoolError):\n    pass\n"
ERRORS_NEW = ERRORS + '''\
class NewConnectionError(HTTPError):
    def __init__(self, conn, message):
        self.conn = conn
        super().__init__(message)
{extra}'''
ERRORS_USER = '''\
import pickle

from errors import NewConnectionError


def fail(conn):
    error = NewConnectionError(conn, "refused")
    return pickle.dumps(error), error.{name}
'''


@pytest.mark.parametrize(("name", "extra", "broken"), [
    ("conn", "\n    @property\n    def pool(self):\n        return self.conn\n", set()),
    ("pool", "", {"user"}),  # ``pool`` lost too, and read
])
def test_a_special_method_object_answers_is_not_lost(
        tmp_path: Path, name: str, extra: str, broken: set[str]) -> None:
    user = {"user.py": ERRORS_USER.format(name=name)}
    assert _broken(tmp_path, {"errors.py": ERRORS_OLD, **user},
                   {"errors.py": ERRORS_NEW.format(extra=extra), **user}) == broken


REQUEST_METHODS = '''\
class RequestMethods:
    def request(self, method, url):
        return method, url
'''
POOL = "from {module} import RequestMethods\n\n\nclass PoolManager(RequestMethods):\n    pass\n"


@pytest.mark.parametrize(("user", "broken"), [
    ("from pkg import request\n\n\ndef get(url):\n    return request('GET', url)\n", set()),
    ("from pkg.request import RequestMethods\n\n\nclass Mine(RequestMethods):\n    pass\n",
     {"user"}),
    ("import pkg.request\n\n\ndef get(url):\n    return pkg.request('GET', url)\n", {"user"}),
])
def test_a_renamed_module_whose_path_names_a_new_function(
        tmp_path: Path, user: str, broken: set[str]) -> None:
    old = {"pkg/__init__.py": "", "pkg/request.py": REQUEST_METHODS,
           "pkg/pool.py": POOL.format(module="pkg.request"), "user.py": user}
    new = {"pkg/__init__.py": "def request(method, url):\n    return method, url\n",
           "pkg/request.py": None, "pkg/_request_methods.py": REQUEST_METHODS,
           "pkg/pool.py": POOL.format(module="pkg._request_methods"), "user.py": user}
    assert _broken(tmp_path, old, new) == broken


URL_OLD = '''\
from collections import namedtuple

url_attrs = ["scheme", "host", "port"]


class Url(namedtuple("Url", url_attrs)):
    pass
'''
URL_NEW = '''\
import typing


class Url(typing.NamedTuple):
    scheme: str = None
    host: str = None
{port}'''
URL_USER = '''\
from url import Url


def where(url: Url):
    parsed = Url("http", "h", 80)
    return parsed.port, parsed._replace(host="g")
'''


@pytest.mark.parametrize(("port", "broken"), [("    port: int = None\n", set()),
                                              ("", {"user"})])
def test_named_tuple_fields_held_by_a_module_variable(
        tmp_path: Path, port: str, broken: set[str]) -> None:
    user = {"user.py": URL_USER}
    assert _broken(tmp_path, {"url.py": URL_OLD, **user},
                   {"url.py": URL_NEW.format(port=port), **user}) == broken


CONFTEST = '''\
import pytest


@pytest.{decorator}
def stub_timezone():
    yield "UTC"
'''
TEST = '''\
def test_sleep(stub_timezone):
    assert stub_timezone
'''


@pytest.mark.parametrize("decorator", ["fixture", "fixture(autouse=True)"])
def test_yield_fixture_is_fixture(tmp_path: Path, decorator: str) -> None:
    # pytest's ``yield_fixture`` is ``fixture`` by an old name (urllib3 2.0's conftest)
    old = {"conftest.py": CONFTEST.format(decorator="yield_fixture"), "test_sleep.py": TEST}
    new = {"conftest.py": CONFTEST.format(decorator=decorator), "test_sleep.py": TEST}
    report = impact_between(old, new, tmp_path)
    assert broken_modules(report) == set()
    assert not any(kind == "decorator-changed" and breaking
                   for _, kind, breaking in changes(report))
