"""An override is judged against its changed target by the calls it refuses now and took
before: a difference from the target that the base's override already had (a parameter of
its own name, a required keyword of its own, a ``**kwargs`` it never took) is none the change
made. A parameter of the target the change makes required, which the override lacks, still
breaks it.

xarray 2024.10.0 -> 2024.11.0 dropped ``**kwargs`` from ``BackendEntrypoint.open_dataset``;
two test modules' backends override it with ``(self, dataset, *, drop_variables=None)`` and
``(self, filename_or_obj, *, decoder)``, as they did before, and were judged broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

COMMON = """\
class BackendEntrypoint:
    def open_dataset(self, filename_or_obj, *, drop_variables=None{more}):
        raise NotImplementedError()


def open_dataset(backend, filename_or_obj, **kwargs):
    return backend().open_dataset(filename_or_obj, **kwargs)
"""

BACKENDS = """\
from common import BackendEntrypoint, open_dataset


class PassThroughBackendEntrypoint(BackendEntrypoint):
    def open_dataset(self, dataset, *, drop_variables=None):
        return dataset


class DecodingBackendEntrypoint(BackendEntrypoint):
    def open_dataset(self, filename_or_obj, *, decoder):
        return decoder(filename_or_obj)


def test_pass_through():
    assert open_dataset(PassThroughBackendEntrypoint, 1) == 1
"""


def test_differences_the_override_had_before_break_nothing(tmp_path: Path) -> None:
    base = {"common.py": COMMON.format(more=", **kwargs"), "test_backends.py": BACKENDS}
    head = {"common.py": COMMON.format(more=""), "test_backends.py": BACKENDS}
    report = impact_between(base, head, tmp_path)
    assert ("common:BackendEntrypoint.open_dataset", "parameter-removed", True) in {
        (c["symbol"], c["kind"], c["breaking"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_parameter_the_target_renames_that_calls_name_breaks_the_overrides(
        tmp_path: Path) -> None:
    # calls through the base pass ``source=`` now; neither override takes it
    renamed = COMMON.format(more="").replace("self, filename_or_obj, *", "self, source, *")
    calling = renamed.replace(".open_dataset(filename_or_obj, **kwargs)",
                              ".open_dataset(source=filename_or_obj, **kwargs)")
    base = {"common.py": COMMON.format(more=""), "test_backends.py": BACKENDS}
    head = {"common.py": calling, "test_backends.py": BACKENDS}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"test_backends"}


def test_a_parameter_of_the_target_made_required_still_breaks_the_override_lacking_it(
        tmp_path: Path) -> None:
    # ``level``, optional before and lacking from both overrides, is required now: every
    # call passes it, and they refuse every call
    base = {"common.py": COMMON.format(more=", level=None"), "test_backends.py": BACKENDS}
    head = {"common.py": COMMON.format(more=", level"), "test_backends.py": BACKENDS}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"test_backends"}
