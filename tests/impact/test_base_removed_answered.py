"""A ``base-removed`` breaks the code using a name the class lost, and the class loses none that
``object`` or its own ``__getattr__`` still answers.

Django 5.1.4 -> 5.2.8 judged 148 of its own modules broken. ``OutputWrapper(TextIOBase)`` became
``OutputWrapper`` with ``TextIOBase.register(OutputWrapper)`` below it, and delegates names to
the stream it wraps through ``__getattr__``. What ``io.TextIOBase`` gave was not known (a class
with ``ABCMeta`` for its metaclass), so ``django.core.management.base`` was broken at import,
and with it the 37 modules importing it; the ``register`` call read a name the class lost
(``register``), off ``TextIOBase``. ``RemoteUserMiddleware(MiddlewareMixin)`` became a class of
its own, defining all of the mixin but its ``__repr__``, which ``object`` answers.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

MIXIN = """\
class MiddlewareMixin:
    sync_capable = True

    def __init__(self, get_response):
        self.get_response = get_response

    def __repr__(self):
        return "<%s>" % type(self).__name__

    def __call__(self, request):
        return self.get_response(request)

    def process_response(self, request, response):
        return response
"""

MIDDLEWARE = """\
from mixin import MiddlewareMixin


class RemoteUserMiddleware(MiddlewareMixin):
    def process_request(self, request):
        return request


class PersistentRemoteUserMiddleware(RemoteUserMiddleware):
    force_logout = False
"""

MIDDLEWARE_HEAD = """\
class RemoteUserMiddleware:
    sync_capable = True

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
{more}
    def process_request(self, request):
        return request


class PersistentRemoteUserMiddleware(RemoteUserMiddleware):
    force_logout = False
"""

USER = """\
from middleware import RemoteUserMiddleware


def make(get_response):
    return RemoteUserMiddleware(get_response)


def respond(get_response, request, response):
    return RemoteUserMiddleware(get_response).process_response(request, response)
"""

OWN_PROCESS_RESPONSE = """
    def process_response(self, request, response):
        return response
"""


def test_a_lost_repr_breaks_no_user(tmp_path: Path) -> None:
    base = {"mixin.py": MIXIN, "middleware.py": MIDDLEWARE, "user.py": USER}
    head = {"mixin.py": MIXIN, "middleware.py": MIDDLEWARE_HEAD.format(more=OWN_PROCESS_RESPONSE),
            "user.py": USER}
    assert broken_modules(impact_between(base, head, tmp_path)) == set()


def test_a_lost_method_a_user_calls_still_breaks_it(tmp_path: Path) -> None:
    base = {"mixin.py": MIXIN, "middleware.py": MIDDLEWARE, "user.py": USER}
    head = {"mixin.py": MIXIN, "middleware.py": MIDDLEWARE_HEAD.format(more=""), "user.py": USER}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"user"}


WRAPPER = """\
import sys
from io import TextIOBase


class OutputWrapper{bases}:
    def __init__(self, out):
        self._out = out
{getattr}
    def write(self, msg=""):
        self._out.write(msg)

{register}
def make_default():
    return OutputWrapper(sys.stdout)
"""

GETATTR = """
    def __getattr__(self, name):
        return getattr(self._out, name)
"""

COMMAND = """\
from wrapper import OutputWrapper


class Command:
    def __init__(self, out):
        self.stdout = OutputWrapper(out)

    def handle(self):
        self.stdout.write("x")
        if self.stdout.{read}:
            return None
        return self.stdout
"""

IMPORTER = """\
import wrapper


def main():
    return wrapper.make_default
"""


def _wrapper(bases: str, getattr: bool, register: bool) -> str:
    return WRAPPER.format(bases=bases, getattr=GETATTR if getattr else "",
                          register="TextIOBase.register(OutputWrapper)\n\n" if register else "")


def _files(wrapper: str, read: str = "closed") -> dict[str, str]:
    return {"wrapper.py": wrapper, "command.py": COMMAND.format(read=read),
            "importer.py": IMPORTER}


def test_a_standard_abc_base_dropped_for_register_breaks_nothing_at_import(
        tmp_path: Path) -> None:
    base = _files(_wrapper("(TextIOBase)", getattr=True, register=False))
    head = _files(_wrapper("", getattr=True, register=True))
    broken = broken_modules(impact_between(base, head, tmp_path))
    # the special methods it lost (``__enter__``, ``__iter__``) may be used on the instances
    # it hands out: their makers are judged, the importers of the module are not
    assert "importer" not in broken
    assert "wrapper" in broken


STREAM = """\
class Stream:
    def readable(self):
        return True


class Wrapper{bases}:
    def __init__(self, out):
        self._out = out
{getattr}"""

READER = """\
from stream import Wrapper


def check(out):
    return Wrapper(out).readable()
"""


def test_names_the_class_delegates_with_getattr_are_not_lost(tmp_path: Path) -> None:
    base = {"stream.py": STREAM.format(bases="(Stream)", getattr=GETATTR), "reader.py": READER}
    head = {"stream.py": STREAM.format(bases="", getattr=GETATTR), "reader.py": READER}
    assert broken_modules(impact_between(base, head, tmp_path)) == set()


def test_without_getattr_a_name_the_base_gave_is_lost(tmp_path: Path) -> None:
    base = {"stream.py": STREAM.format(bases="(Stream)", getattr=""), "reader.py": READER}
    head = {"stream.py": STREAM.format(bases="", getattr=""), "reader.py": READER}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"reader"}


def test_a_lost_special_method_used_at_import_still_breaks_importers(tmp_path: Path) -> None:
    uses = "\nfor line in OutputWrapper(sys.stdin):\n    pass\n"
    base = _files(_wrapper("(TextIOBase)", getattr=True, register=False) + uses)
    head = _files(_wrapper("", getattr=True, register=True) + uses)
    assert {"wrapper", "importer"} <= broken_modules(impact_between(base, head, tmp_path))


# Django 5.2's MySQL backend: its ``SQLCompiler(compiler.SQLCompiler)`` became the base itself,
# imported; what the subclass defined went as members of its own
COMPILER = """\
class SQLCompiler:
    def as_sql(self):
        return "sql"

    def quote(self, name):
        return name
"""

MYSQL = """\
from pkg import compiler


class SQLCompiler(compiler.SQLCompiler):
    def as_subquery(self):
        return self.as_sql()


class SQLDeleteCompiler(compiler.SQLCompiler):
    pass
"""

MYSQL_HEAD = """\
from pkg.compiler import SQLCompiler


class SQLDeleteCompiler(SQLCompiler):
    pass
"""

COMPILER_USER = """\
from pkg.mysql import SQLCompiler


def run():
    return SQLCompiler().{call}
"""


def _compiler_files(mysql: str, call: str) -> dict[str, str]:
    return {"pkg/__init__.py": "", "pkg/compiler.py": COMPILER, "pkg/mysql.py": mysql,
            "pkg/user.py": COMPILER_USER.format(call=call)}


def test_a_class_that_became_its_base_lost_nothing_through_it(tmp_path: Path) -> None:
    base = _compiler_files(MYSQL, 'quote("x")')
    head = _compiler_files(MYSQL_HEAD, 'quote("x")')
    assert broken_modules(impact_between(base, head, tmp_path)) == set()


def test_a_member_the_class_defined_itself_still_breaks_its_callers(tmp_path: Path) -> None:
    base = _compiler_files(MYSQL, "as_subquery()")
    head = _compiler_files(MYSQL_HEAD, "as_subquery()")
    assert broken_modules(impact_between(base, head, tmp_path)) == {"pkg.user"}
