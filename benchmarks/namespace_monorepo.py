"""``impactgraph tests`` on a second monorepo, shaped unlike ``monorepo_selection.py``'s.

Four real libraries are re-homed under ONE namespace package, ``acme`` (PEP 420: no
``acme/__init__.py`` anywhere), their imports rewritten (``from markupsafe import Markup`` ->
``from acme.markup import Markup``, ``"jinja2.ext.i18n"`` -> ``"acme.templates.ext.i18n"``)::

    pytest.ini                 # the one pytest configuration: testpaths, pythonpath, importlib
    conftest.py                # shared by every suite: imports acme.versions at pytest start
    packages/markup/{pyproject.toml,src/acme/markup,tests}         # markupsafe 2.1.5
    packages/templates/{pyproject.toml,src/acme/templates,tests}   # jinja2 3.1.4, uses markup
    packages/versions/{pyproject.toml,acme/versions,tests}         # packaging 24.1, flat layout
    packages/schema/{pyproject.toml,acme/schema,tests}             # marshmallow 3.21.3, flat,
                                                                   # uses versions

Nothing is installed: the suites find the code through pytest's ``pythonpath`` (each package's
code folder, plus the test folders whose helpers are imported by name: jinja2's ``res``,
marshmallow's ``tests.base``), the way a monorepo without a build step runs its tests. Two
packages have ``tests/test_utils.py`` and two a ``tests/__init__.py``: the root runs pytest
with ``--import-mode=importlib``. There is no ``[tool.impactgraph]``: impactgraph gets only
what such a repository has.

Mutations go into every package (the kinds of ``selection_mutations.py``); the ground truth is
the whole monorepo's suite from the root. Runner, options and tables are
``monorepo_selection.py``'s::

    python benchmarks/namespace_monorepo.py --max-mutations 6 --json ns.json
    python benchmarks/namespace_monorepo.py --max-mutations 6 --truth ns.json  # selection only
"""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import monorepo_selection as ms  # noqa: E402
import test_selection as ts  # noqa: E402

NAMESPACE = "acme"


@dataclass(frozen=True)
class Package:
    folder: str  # packages/FOLDER
    library: str  # a key of ts.LIBRARIES
    flat: bool  # acme/ right in the package folder (no src/)
    requires: tuple[str, ...] = ()  # other folders it imports

    @property
    def module(self) -> str:
        return f"{NAMESPACE}.{self.folder}"

    def code_root(self) -> str:
        return f"packages/{self.folder}" if self.flat else f"packages/{self.folder}/src"


# Lowest first: templates imports markup, schema imports versions (and the root conftest.py
# imports versions: a break there stops every suite).
PACKAGES = (
    Package("markup", "markupsafe", flat=False),
    Package("versions", "packaging", flat=True),
    Package("templates", "jinja2", flat=False, requires=("markup",)),
    Package("schema", "marshmallow", flat=True, requires=("versions",)),
)
BY_FOLDER = {p.folder: p for p in PACKAGES}
REPO = (ts.CACHE / "repos" / "monorepo-namespace").resolve()
VENV = (ts.CACHE / "venvs" / "monorepo-namespace").resolve()
# The suites' own dependencies (pytest itself needs the PyPI packaging: a separate name now).
THIRD_PARTY = (ts.PYTEST, "pretend==1.0.9", "pytz==2024.1", "simplejson==3.19.3")
# pytest's pythonpath: each package's code folder, and the test folders whose modules the
# suites import by name (jinja2's PackageLoader("res"); marshmallow's ``from tests.base
# import``, through packages/schema). Schema's before versions': both have a tests/__init__.py,
# and the first on sys.path is the ``tests`` package.
PYTHONPATH = ("packages/markup/src", "packages/templates/src", "packages/templates/tests",
              "packages/schema", "packages/versions")


def pytest_ini() -> str:
    tests = " ".join(f"packages/{p.folder}/tests" for p in PACKAGES)
    return f"""\
# The acme monorepo (benchmarks/namespace_monorepo.py): every suite from the root.
[pytest]
testpaths = {tests}
pythonpath = {" ".join(PYTHONPATH)}
addopts = --import-mode=importlib
"""


ROOT_CONFTEST = '''\
"""Shared by every package's suite."""

from __future__ import annotations

import pytest

from acme.versions.version import Version

MINIMUM_PYTEST = Version("7.0")


def pytest_configure(config: pytest.Config) -> None:
    if Version(pytest.__version__) < MINIMUM_PYTEST:
        raise pytest.UsageError(f"the acme monorepo needs pytest >= {MINIMUM_PYTEST}")
'''


def package_pyproject(package: Package) -> str:
    lib = ts.LIBRARIES[package.library]
    deps = ", ".join(f'"acme-{name}"' for name in package.requires)
    where = "." if package.flat else "src"
    return f"""\
[project]
name = "acme-{package.folder}"
version = "{lib.version}"
dependencies = [{deps}]

[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[tool.setuptools.packages.find]
where = ["{where}"]
include = ["{NAMESPACE}.*"]
namespaces = true
"""


def rehomed(text: str) -> str:
    """``text`` with every re-homed library's imports, and the dotted names in strings that
    start with them, rewritten to the namespace."""
    for package in PACKAGES:
        old, new = ts.LIBRARIES[package.library].package, package.module
        text = re.sub(rf"^(\s*)from {old}\b", rf"\1from {new}", text, flags=re.M)
        text = re.sub(rf"^(\s*)import {old} as ", rf"\1import {new} as ", text, flags=re.M)
        text = re.sub(rf"^(\s*)import {old}\s*$", rf"\1import {new} as {old}\n", text,
                      flags=re.M)
        text = re.sub(rf"""(["'](?:from )?){old}\.""", rf"\1{new}.", text)
    return text


def build() -> Path:
    """The monorepo, built once (one commit), its working tree reset."""
    if not (REPO / ".git").is_dir():
        shutil.rmtree(REPO, ignore_errors=True)
        REPO.mkdir(parents=True)
        for package in PACKAGES:
            lib = ts.LIBRARIES[package.library]
            unpacked = REPO / f"{package.folder}.sdist"
            ts.unpacked(lib, unpacked)
            folder = REPO / "packages" / package.folder
            code = REPO / package.code_root()
            (code / NAMESPACE).mkdir(parents=True)
            (unpacked / lib.root / lib.package).rename(code / NAMESPACE / package.folder)
            (unpacked / lib.tests).rename(folder / "tests")
            # marshmallow's files for mypy, not pytest (one fails at import on purpose)
            shutil.rmtree(folder / "tests" / "mypy_test_cases", ignore_errors=True)
            shutil.rmtree(unpacked)
            (folder / "pyproject.toml").write_text(package_pyproject(package))
        (REPO / "pytest.ini").write_text(pytest_ini())
        (REPO / "conftest.py").write_text(ROOT_CONFTEST)
        (REPO / "README.md").write_text("Four libraries in one namespace package, acme.\n")
        for path in REPO.rglob("*.py"):
            path.write_text(rehomed(path.read_text(encoding="utf-8")), encoding="utf-8")
        ts.commit_all(REPO, "acme monorepo")
    ts.reset(REPO)
    return REPO


LAYOUT = ms.Layout(
    title="acme: four libraries in one PEP 420 namespace (src and flat layouts, pytest.ini "
          "pythonpath, nothing installed)",
    mutated=tuple(p.folder for p in PACKAGES),
    library=lambda folder: ts.LIBRARIES[BY_FOLDER[folder].library],
    build=build,
    venv=lambda repo: ts.new_venv(VENV, list(THIRD_PARTY)),
    code=lambda repo, folder: repo / BY_FOLDER[folder].code_root() / NAMESPACE / folder,
    tests=lambda repo, folder: repo / "packages" / folder / "tests",
    repo_name=REPO.name,
)


if __name__ == "__main__":
    raise SystemExit(ms.main(layout=LAYOUT, description=__doc__))
