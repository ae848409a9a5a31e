"""The linker compiled to C with mypyc, where it can be: the same code, about 1.7 times as fast
(Django 5.2: ``link()`` 10.9 -> 6.4 s CPU, the same graph to the digest).

Everything else about the package is in pyproject.toml. The compiled modules are built
all or nothing: where mypyc or a C compiler is missing or fails, the package installs as pure
Python (a warning says so) and works the same, only slower. Not compiled: an editable install
(``pip install -e``: an edit to the sources must take effect) and any build with
``IMPACTGRAPH_PURE_PYTHON=1`` in its environment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules argument flow and call linking spend their time in (``benchmarks/README.md``,
# "Compiling the linker"), and the stored graph's reader every warm query walks. They must
# stay free of what mypyc does not compile: weak references to their classes, and
# monkeypatching of their functions or classes from outside.
COMPILED = [
    "impactgraph/linker/resolve.py",
    "impactgraph/linker/link.py",
    "impactgraph/linker/values.py",
    "impactgraph/linker/receivers.py",
    "impactgraph/linker/stored.py",
]


def _warn(message: str) -> None:
    sys.stderr.write(f"impactgraph: {message}; the linker is installed as pure Python\n")


def _extensions() -> list[Any]:
    if os.environ.get("IMPACTGRAPH_PURE_PYTHON"):
        return []
    if any(command in sys.argv for command in ("editable_wheel", "develop")):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    here = Path(__file__).resolve().parent
    previous = Path.cwd()
    os.chdir(here)  # mypycify reads the paths (and pyproject.toml's mypy settings) from here
    try:
        return list(mypycify(
            ["--ignore-missing-imports", "--follow-imports=silent", *COMPILED],
            opt_level="3",
        ))
    except (Exception, SystemExit) as error:  # mypy reports a type error by exiting
        _warn(f"mypyc could not compile the linker ({error})")
        return []
    finally:
        os.chdir(previous)


class AllOrNothing(build_ext):
    """Build every compiled module or none: a module compiled without the shared library
    the others built would not import."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, no Python headers, ...
            _warn(f"the C compiler failed ({error})")
            for output in self.get_outputs():
                if os.path.exists(output):
                    os.remove(output)
            self.extensions = []


setup(ext_modules=_extensions(), cmdclass={"build_ext": AllOrNothing})
