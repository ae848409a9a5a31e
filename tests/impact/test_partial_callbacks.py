"""A function handed to ``functools.partial`` with arguments is called with them.

nox 2024.3 gave ``flag_pair_merge_func(enable_name, disable_name, command_args, noxfile_args)``
a second parameter, ``enable_default``, and ``make_flag_pair`` hands it on as
``functools.partial(flag_pair_merge_func, name, default, disable_name)``; the option set calls
the partial with the two namespaces. The call outside code makes was judged to pass the old
signature's four required arguments, which no longer bind (``nox._options`` makes flag pairs
on import: 32 modules broken). The option set's own ``option.merge_func(a, b)`` reaches the
function through the partial: two arguments, which bound the old signature no better.
Making the partial no longer counts as handing it to outside code (the partial here goes to
code of ours): the option set's call is judged with the partial's arguments first
(``test_partial_calls``), and breaks when the head's partial does not give the new one.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = """\
import functools


def merge(enable, disable, command, noxfile):
    return enable or disable


def make_pair(name):
    return functools.partial(merge, name, "no_" + name)


class Option:
    def __init__(self, merge_func):
        self.merge_func = merge_func

    def merge_into(self, command, noxfile):
        return self.merge_func(command, noxfile)


OPTIONS = [Option(make_pair("color"))]
"""
LIB_HEAD = LIB.replace("def merge(enable, disable,", "def merge(enable, default, disable,") \
    .replace('functools.partial(merge, name, "no_" + name)',
             'functools.partial(merge, name, False, "no_" + name)')
APP = """\
import lib


def run():
    return lib.OPTIONS
"""


def test_a_parameter_added_that_the_partial_now_gives_breaks_nobody(tmp_path: Path) -> None:
    report = impact_between({"lib.py": LIB, "app.py": APP}, {"lib.py": LIB_HEAD}, tmp_path)
    assert ("lib:merge", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_parameter_added_that_the_partial_does_not_give_breaks_its_maker(
    tmp_path: Path,
) -> None:
    head = LIB.replace("def merge(enable, disable,", "def merge(enable, default, disable,")
    report = impact_between({"lib.py": LIB, "app.py": APP}, {"lib.py": head}, tmp_path)
    assert "lib" in broken_modules(report)


# nox 2024.3's noxfile gave ``tests`` a ``@nox.parametrize(...)``; its test suite hands the
# string 'tests(interpreter="python2.7", django="1.10")' to a normaliser, which reads like a
# call in generated source (some code of the release runs ``exec``): ``test_sessions`` was
# judged broken by a call nobody makes
SESSIONS = """\
def tests(session):
    return session


def run(code):
    return eval(code)
"""
SESSIONS_HEAD = "import outside\n\n\n" + SESSIONS.replace(
    "def tests(", '@outside.parametrize("version", ["1", "2"])\ndef tests(')
NAMES = """\
def normalize(name):
    return name.replace("(", "-")


def test_normalize():
    assert normalize('tests(interpreter="python2.7")')
"""


def test_a_decorator_added_breaks_no_call_in_a_string_of_code(tmp_path: Path) -> None:
    report = impact_between({"noxfile.py": SESSIONS, "test_names.py": NAMES},
                            {"noxfile.py": SESSIONS_HEAD}, tmp_path)
    assert ("noxfile:tests", "decorator-changed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_decorator_added_breaks_a_written_call(tmp_path: Path) -> None:
    written = NAMES + "\n\ndef test_call():\n    from noxfile import tests\n    tests(1)\n"
    report = impact_between({"noxfile.py": SESSIONS, "test_names.py": written},
                            {"noxfile.py": SESSIONS_HEAD}, tmp_path)
    assert broken_modules(report) == {"test_names"}
