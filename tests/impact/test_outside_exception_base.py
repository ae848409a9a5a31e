"""An exception class traded its base for an outside exception class nothing is known of.

elasticsearch 8.0 made ``NotFoundError(TransportError)`` (``TransportError(Exception)``, its
own) ``NotFoundError(ApiError)``, ``ApiError(elastic_transport.ApiError)``, and
``ElasticsearchWarning(Warning)`` ``ElasticsearchWarning(elastic_transport.TransportWarning)``.
The outside class gives names nobody here can list, so the class was taken to have lost
``args``, ``with_traceback``, ``__traceback__``... with the builtin exception behind its old
base: every module raising, catching or naming it broke, and ``elasticsearch`` at import time
(``warnings.simplefilter(..., category=ElasticsearchWarning)``), and with it every module (80).
An outside class named like an exception is one, as ``raise`` and ``except`` take it: it gives
what ``BaseException`` gives.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
class TransportError(Exception):
    @property
    def status(self):
        return self.args[0]


class NotFoundError(TransportError):
    pass
'''
NEW = '''\
from transport import ApiError as _ApiError


class NotFoundError(_ApiError):
    @property
    def status(self):
        return self.args[0]
'''
USER = '''\
from lib import NotFoundError


def fetch(get):
    try:
        return get()
    except NotFoundError as error:
        raise NotFoundError(error.status).with_traceback(error.__traceback__)
'''


def _broken(tmp_path: Path, new: str = NEW) -> set[str]:
    report = impact_between({"lib.py": OLD, "user.py": USER}, {"lib.py": new, "user.py": USER},
                            tmp_path)
    return broken_modules(report)


def test_an_outside_base_named_like_an_exception_gives_what_an_exception_has(
        tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_an_outside_base_named_like_no_exception_still_breaks(tmp_path: Path) -> None:
    new = NEW.replace("ApiError as _ApiError", "Record as _ApiError")
    assert "user" in _broken(tmp_path, new=new)
