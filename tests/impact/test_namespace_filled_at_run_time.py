"""A name a module binds at run time (``globals().update(...)``) and declares for static
readers under ``if TYPE_CHECKING:`` is that module's own name.

trio 0.23 dropped ``IPPROTO_IPV6`` from ``trio._socket``, which ``trio.socket`` had
re-exported. ``trio.socket`` now copies the standard ``socket`` module's constants into its
namespace with ``globals().update(...)`` and lists them, ``IPPROTO_IPV6`` among them, in an
``if TYPE_CHECKING:`` import for type checkers. ``tsocket.IPPROTO_IPV6`` still works; the
three modules reading it had been called broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD_SOCKET = '''\
try:
    from socket import IPPROTO_IPV6
except ImportError:
    IPPROTO_IPV6 = 41


def socket():
    return None
'''
NEW_SOCKET = "def socket():\n    return None\n"
FILLED = '''\
import socket as _stdlib_socket
import typing as _t

globals().update({
    _name: getattr(_stdlib_socket, _name)
    for _name in _stdlib_socket.__all__ if _name.isupper()
})
'''
DECLARED = '''
if _t.TYPE_CHECKING:
    from socket import IPPROTO_IPV6 as IPPROTO_IPV6
'''
USER = '''\
from . import socket as tsocket


def listen(sock):
    sock.setsockopt(tsocket.IPPROTO_IPV6, 26, 1)
'''


def _broken(tmp_path: Path, head_socket: str) -> set[str]:
    base = {
        "proj/__init__.py": "", "proj/_socket.py": OLD_SOCKET, "proj/user.py": USER,
        "proj/socket.py": FILLED + "\nfrom ._socket import IPPROTO_IPV6 as IPPROTO_IPV6\n",
    }
    head = {**base, "proj/_socket.py": NEW_SOCKET, "proj/socket.py": head_socket}
    return broken_modules(impact_between(base, head, tmp_path))


def test_a_name_filled_in_at_run_time_and_declared_is_the_modules_own(tmp_path: Path) -> None:
    assert _broken(tmp_path, FILLED + DECLARED) == set()


def test_declared_for_type_checkers_only_still_reads_the_removed_name(tmp_path: Path) -> None:
    # nothing binds it when the program runs
    head = "import typing as _t\n" + DECLARED
    assert _broken(tmp_path, head) == {"proj.user"}


def test_a_namespace_filled_at_run_time_alone_still_reads_the_removed_name(
        tmp_path: Path) -> None:
    # which names the update binds is not known: the module does not say it has this one
    assert _broken(tmp_path, FILLED) == {"proj.user"}
