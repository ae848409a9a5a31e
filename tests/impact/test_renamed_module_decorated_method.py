"""A decorated method of a module the change renamed is judged against its old self in the
old module. jupyter_client 8.0 moved ``jupyter_client.tests`` to ``tests`` and made
``MKMSubclass.start_kernel``'s ``kernel_name`` keyword-only; the method is wrapped by a
decorator of the test suite, so its calls are judged with the old signature beside the new
one, and that was looked up under the new module's name, found missing, and the tests'
``km.start_kernel(stdout=PIPE, stderr=PIPE)`` were judged broken."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

UTILS = '''\
def recorder(f):
    def wrapped(self, *args, **kwargs):
        self.calls.append(f.__name__)
        return f(self, *args, **kwargs)
    return wrapped


class Manager:
    def __init__(self):
        self.calls = []

    @recorder
    def start_kernel(self, {parameters}, **kwargs):
        """Record the call."""
        return kwargs

    @recorder
    def stop_kernel(self, kernel_id, now=False):
        """Record the call."""
        return kernel_id
'''
TEST = '''\
from {package}.utils import Manager


def test_start():
    manager = Manager()
    manager.start_kernel(stdout=1, stderr=2)
    manager.stop_kernel("k")
'''


def _broken(tmp_path: Path, parameters: str) -> set[str]:
    base = {"pkg/__init__.py": "", "pkg/tests/__init__.py": "",
            "pkg/tests/utils.py": UTILS.format(parameters="kernel_name=None"),
            "pkg/tests/test_start.py": TEST.format(package="pkg.tests")}
    head = {"pkg/tests/__init__.py": None, "pkg/tests/utils.py": None,
            "pkg/tests/test_start.py": None, "tests/__init__.py": "",
            "tests/utils.py": UTILS.format(parameters=parameters),
            "tests/test_start.py": TEST.format(package="tests")}
    report = impact_between(base, head, tmp_path)
    assert ("pkg.tests.utils", "module-renamed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    return broken_modules(report)


def test_a_parameter_made_keyword_only_breaks_no_call_by_keyword(tmp_path: Path) -> None:
    assert _broken(tmp_path, "*, kernel_name=None") == set()


def test_a_parameter_made_required_still_breaks_the_call(tmp_path: Path) -> None:
    assert _broken(tmp_path, "kernel_name") == {"tests.test_start"}
