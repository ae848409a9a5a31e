"""``impactgraph tests`` on a third monorepo: a workspace of editable installs, each package
with its own pytest configuration.

Shaped unlike ``monorepo_selection.py`` (one root pytest configuration, test folders on
``pythonpath``) and ``namespace_monorepo.py`` (one namespace, nothing installed): four
python-hyper libraries, each a member of a uv/pip workspace and installed editable into one
virtual environment, so every import resolves through the installed distribution; no pytest
configuration anywhere has ``pythonpath``::

    pyproject.toml        # [tool.uv.workspace]; pytest from the root: testpaths, importlib mode
    conftest.py           # pytest_plugins = ["hyper_testing.plugin"] (a workspace member)
    packages/h11/{pyproject.toml,setup.cfg,setup.py,h11/,h11/tests/}   # flat; tests IN the package
    packages/wsproto/{pyproject.toml,setup.cfg,setup.py,src/wsproto,test/}  # imports h11
    packages/hyperframe/{pyproject.toml,...,src/hyperframe,test/}
    packages/h2/{pyproject.toml,...,src/h2,test/}   # imports hyperframe (and hpack, from PyPI)
    packages/testing/{pyproject.toml,src/hyper_testing/}   # the shared pytest plugin

Each package keeps its own pytest section, moved from ``setup.cfg``'s ``[tool:pytest]`` to
``[tool.pytest.ini_options]`` of its ``pyproject.toml``: pytest takes it (and the package
folder as rootdir) when every path it is given is inside that package, as ``pytest
$(impactgraph tests ...)`` is for a change whose tests are all in one package; paths in
several packages take the root's. The test folders are packages named ``test`` (three of them,
so the root runs ``--import-mode=importlib``), and h11's suite lives inside h11 and imports it
relatively (``from .._events import``). h2 reaches hyperframe through the real ``from
hyperframe.frame import ...`` and, in ``h2/settings.py``, through a module alias written for
this benchmark (``import hyperframe.frame as hf``; ``hf.SettingsFrame``); wsproto reaches h11
through ``import h11`` (names re-exported by h11's ``__init__``) and ``from h11._headers import
Headers as H11Headers``. The root ``conftest.py`` loads the workspace's pytest plugin by
``pytest_plugins``: hypothesis draws the same few examples every run (h2's suite), so a test's
outcome depends on the mutation only.

Mutations go into the lower packages (h11, hyperframe; the kinds of ``selection_mutations.py``),
the ground truth is the whole workspace's suite run from the root. Runner, options and tables
are ``monorepo_selection.py``'s::

    python benchmarks/workspace_monorepo.py --max-mutations 8 --json ws.json
    python benchmarks/workspace_monorepo.py --max-mutations 8 --truth ws.json  # selection only
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


@dataclass(frozen=True)
class Package:
    folder: str  # packages/FOLDER, also the import name
    version: str
    code: str  # the import package's folder, inside packages/FOLDER
    tests: str  # the test folder, inside packages/FOLDER

    @property
    def library(self) -> ts.Library:
        root = self.code.rpartition("/")[0]
        return ts.Library(self.folder, self.version, self.folder, (), self.tests, root)


# Lowest first: wsproto imports h11, h2 imports hyperframe.
PACKAGES = (
    Package("h11", "0.14.0", "h11", "h11/tests"),
    Package("hyperframe", "6.0.1", "src/hyperframe", "test"),
    Package("wsproto", "1.2.0", "src/wsproto", "test"),
    Package("h2", "4.1.0", "src/h2", "test"),
)
MUTATED = ("h11", "hyperframe")
BY_FOLDER = {p.folder: p for p in PACKAGES}
REPO = (ts.CACHE / "repos" / "monorepo-workspace").resolve()  # editable installs point here
VENV = (ts.CACHE / "venvs" / "monorepo-workspace").resolve()
# pytest 7.4's importlib mode names a test module by its path from the rootdir
# (packages.h2.test.test_events): the three ``test`` packages do not collide. pytest 8.3 names
# it by the first folder without ``__init__.py`` (test.test_events) and does.
THIRD_PARTY = (ts.PYTEST, "hypothesis==6.112.1", "hpack==4.0.0")
LEFT_OUT = ("docs", "examples", "example", "bench", "compliance", "fuzz", "visualizer",
            "tox.ini", "PKG-INFO", "Makefile", "notes.org")


def root_pyproject() -> str:
    tests = ", ".join(f'"packages/{p.folder}/{p.tests}"' for p in PACKAGES)
    return f"""\
# The python-hyper workspace, assembled by benchmarks/workspace_monorepo.py.
[tool.uv.workspace]
members = ["packages/*"]

[tool.pytest.ini_options]
testpaths = [{tests}]
addopts = ["--import-mode=importlib"]
"""


ROOT_CONFTEST = '''\
"""Shared by every package's suite when pytest runs from the root."""

pytest_plugins = ["hyper_testing.plugin"]
'''

TESTING_PYPROJECT = """\
[project]
name = "hyper-testing"
version = "0.1.0"
description = "The workspace's shared pytest plugin"
dependencies = ["pytest", "hypothesis"]

[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[tool.setuptools.packages.find]
where = ["src"]
"""

TESTING_PLUGIN = '''\
"""The workspace's pytest plugin (loaded by the root conftest.py): hypothesis draws the same
few examples on every run, with no deadline, so an outcome does not depend on the draw or on
the machine's load."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    settings.register_profile(
        "workspace",
        max_examples=25,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    settings.load_profile("workspace")
'''


def package_pytest(package: Package) -> str:
    """The package's own pytest section: its ``setup.cfg``'s (``testpaths = test``), or for h11,
    which has none, its suite's folder."""
    return f'\n[tool.pytest.ini_options]\ntestpaths = ["{package.tests}"]\n'


def aliased_hyperframe(text: str) -> str:
    """h2/settings.py reaching hyperframe through a module alias."""
    text = text.replace("from hyperframe.frame import SettingsFrame\n",
                        "import hyperframe.frame as hf\n")
    return re.sub(r"(?<![\w.])SettingsFrame\b", "hf.SettingsFrame", text)


def build() -> Path:
    """The workspace, built once (one commit), its working tree reset."""
    if not (REPO / ".git").is_dir():
        shutil.rmtree(REPO, ignore_errors=True)
        (REPO / "packages").mkdir(parents=True)
        for package in PACKAGES:
            folder = REPO / "packages" / package.folder
            ts.unpacked(package.library, folder)
            for left_out in LEFT_OUT:
                target = folder / left_out
                if target.is_dir():
                    shutil.rmtree(target)
                else:
                    target.unlink(missing_ok=True)
            shutil.rmtree(folder / f"{package.folder}.egg-info", ignore_errors=True)
            cfg = folder / "setup.cfg"
            if cfg.exists():
                cfg.write_text(ms.without_section(cfg.read_text(), "[tool:pytest]"))
            pyproject = folder / "pyproject.toml"
            old = pyproject.read_text() if pyproject.exists() else ""
            pyproject.write_text(old + package_pytest(package))
        settings_py = REPO / "packages/h2/src/h2/settings.py"
        settings_py.write_text(aliased_hyperframe(settings_py.read_text()))
        testing = REPO / "packages" / "testing"
        (testing / "src" / "hyper_testing").mkdir(parents=True)
        (testing / "pyproject.toml").write_text(TESTING_PYPROJECT)
        (testing / "src" / "hyper_testing" / "__init__.py").write_text("")
        (testing / "src" / "hyper_testing" / "plugin.py").write_text(TESTING_PLUGIN)
        (REPO / "pyproject.toml").write_text(root_pyproject())
        (REPO / "conftest.py").write_text(ROOT_CONFTEST)
        (REPO / "README.md").write_text("The python-hyper libraries as one workspace.\n")
        ts.commit_all(REPO, "python-hyper workspace")
    ts.reset(REPO)
    return REPO


def venv(repo: Path) -> Path:
    members = [*(p.folder for p in PACKAGES), "testing"]
    editable = [arg for name in members for arg in ("-e", str(repo / "packages" / name))]
    return ts.new_venv(VENV, [*THIRD_PARTY, *editable])


LAYOUT = ms.Layout(
    title="python-hyper workspace: editable installs, per-package pytest configuration, "
          "root pytest_plugins (h11, hyperframe mutated)",
    mutated=MUTATED,
    library=lambda folder: BY_FOLDER[folder].library,
    build=build,
    venv=venv,
    code=lambda repo, folder: repo / "packages" / folder / BY_FOLDER[folder].code,
    tests=lambda repo, folder: repo / "packages" / folder / BY_FOLDER[folder].tests,
    repo_name=REPO.name,
)


if __name__ == "__main__":
    raise SystemExit(ms.main(layout=LAYOUT, description=__doc__))
