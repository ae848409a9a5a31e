"""Our code calling a ``functools.partial`` of a function calls it with the partial's arguments
first: the call binds the function's signature less what the partial binds.

clize 5.0 gave ``_use_class(pos_cls, varargs_cls, named_cls, varkwargs_cls, kwargs, param,
annotations)`` a required keyword-only ``type_annotation``; ``use_class`` makes
``functools.partial(_use_class, pos, varargs, named, varkwargs, kwargs)`` and hands it to a
function of ours, and ``CliSignature.convert_parameter`` calls that converter as ``conv(param,
annotations, type_annotation=...)``. The call was judged against the whole signature (five
positional arguments missing), and the partial's maker as outside code calling the partial
with what the base's partial left (``functools.partial`` itself calls nothing): the module
broke on import through ``use_class``, and 32 modules with it.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LIB = """\
import functools


def _use_class(pos, named, kwargs, param, annotations):
    return pos if param else named


def register(conv, name):
    conv.name = name
    return conv


def use_class(pos, named, kwargs={}):
    conv = functools.partial(_use_class, pos, named, kwargs)
    return register(conv, "converter")


DEFAULT = use_class(1, 2)


class Signature:
    converter = DEFAULT

    @classmethod
    def convert(cls, param):
        conv = cls.converter
        return conv(param, ())
"""
HEAD_SIGNATURE = LIB.replace("param, annotations):", "param, annotations, *, hint):")
LIB_HEAD = HEAD_SIGNATURE.replace("conv(param, ())", "conv(param, (), hint=None)")
APP = """\
import lib


def run(param):
    return lib.Signature.convert(param)
"""


def test_a_partial_called_with_the_new_keyword_breaks_nobody(tmp_path: Path) -> None:
    report = impact_between({"lib.py": LIB, "app.py": APP}, {"lib.py": LIB_HEAD}, tmp_path)
    assert ("lib:_use_class", "parameter-added", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_partial_called_without_the_new_keyword_breaks_its_caller(tmp_path: Path) -> None:
    report = impact_between({"lib.py": LIB, "app.py": APP}, {"lib.py": HEAD_SIGNATURE},
                            tmp_path)
    assert broken_modules(report) == {"lib"}  # its own call; the import runs none


def test_a_partial_binding_keywords_leaves_them_out_of_the_call(tmp_path: Path) -> None:
    base = LIB.replace("functools.partial(_use_class, pos, named, kwargs)",
                       "functools.partial(_use_class, pos=pos, named=named, kwargs=kwargs)") \
        .replace("conv(param, ())", "conv(param=param, annotations=())")
    head = base.replace("param, annotations):", "param, annotations, *, hint):") \
        .replace("conv(param=param, annotations=())", "conv(param=param, annotations=(), hint=1)")
    report = impact_between({"lib.py": base, "app.py": APP}, {"lib.py": head}, tmp_path)
    assert broken_modules(report) == set()
    unpassed = base.replace("param, annotations):", "param, annotations, *, hint):")
    report = impact_between({"lib.py": base, "app.py": APP}, {"lib.py": unpassed},
                            tmp_path / "unpassed")
    assert broken_modules(report) == {"lib"}  # its own call; the import runs none


# a partial handed to outside code is called there, with what the base's partial left: the
# new required keyword breaks the code that hands it over
HANDED = """\
import functools
import threading


def work(name, count):
    return name * count


def start():
    threading.Thread(target=functools.partial(work, "a")).start()
"""


def test_a_partial_handed_to_outside_code_breaks_with_a_new_required_keyword(
    tmp_path: Path,
) -> None:
    head = HANDED.replace("def work(name, count):", "def work(name, count, *, unit):")
    report = impact_between({"lib.py": HANDED}, {"lib.py": head}, tmp_path)
    assert broken_modules(report) == {"lib"}


STORE = '''\
from functools import partial


class Modal:
    def __init__(self):
        self.__remove = None

    def start(self, remove):
        self.__remove = remove

    def stop(self):
        if self.__remove is not None:
            self.__remove(self)


class ModalStore:
    def add(self, user_id, modal: Modal):
        remove = partial(self.remove_modal, user_id)
        modal.start(remove)

    def remove_modal(self, user_id, {second}):
        return user_id
'''


def test_a_partial_of_a_method_of_self_called_by_position_breaks_nobody(
        tmp_path: Path) -> None:
    # disnake 2.10 renamed ``remove_modal``'s ``modal_custom_id`` to ``modal``; the partial
    # passes ``user_id`` and ``Modal.stop`` the modal, both by position
    base = {"ui.py": STORE.format(second="modal_custom_id")}
    report = impact_between(base, {"ui.py": STORE.format(second="modal")}, tmp_path)
    assert ("ui:ModalStore.remove_modal", "parameter-renamed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_partial_of_a_method_of_self_missing_an_argument_still_breaks(
        tmp_path: Path) -> None:
    # ``partial(self.remove_modal, ...)`` was not found as a partial of the method: the call
    # ``self.__remove(self)`` was taken for one that never bound, and the break went unseen
    base = {"ui.py": STORE.format(second="modal")}
    head = {"ui.py": STORE.format(second="modal, reason")}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"ui"}
