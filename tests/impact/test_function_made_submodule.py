"""A function removed from a package whose submodule of the same name took its place: a path
below the name is the submodule's.

httpie 3.2.2 made ``httpie/cli/nested_json.py`` a package, and its functions ``parse`` and
``interpret`` modules of it (``nested_json/parse.py``, ``nested_json/interpret.py``). The head's
``from .parse import parse`` was read as an import from the removed function ``parse``, which
broke the package at import time and every module importing it (59 modules).
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

BASE = {
    "proj/__init__.py": "",
    "proj/nested.py": "def parse(text):\n    return text\n\n\ndef run(text):\n"
                      "    return parse(text)\n",
    "proj/user.py": "from proj.nested import run\n\n\ndef go():\n    return run('x')\n",
}
HEAD_PACKAGE = {
    "proj/nested.py": None,
    "proj/nested/__init__.py": "from .parse import tokens\nfrom .run import run\n",
    "proj/nested/parse.py": "def tokens(text):\n    return text\n",
    "proj/nested/run.py": "from proj.nested.parse import tokens\n\n\ndef run(text):\n"
                          "    return tokens(text)\n",
}


def test_an_import_from_the_submodule_that_took_the_name_breaks_nothing(
        tmp_path: Path) -> None:
    report = impact_between(BASE, {**BASE, **HEAD_PACKAGE}, tmp_path)
    assert ("proj.nested:parse", "symbol-removed") in {(c["symbol"], c["kind"])
                                                       for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_call_of_the_removed_function_still_breaks(tmp_path: Path) -> None:
    head = {**BASE, **HEAD_PACKAGE,
            "proj/user.py": "import proj.nested\n\n\ndef go():\n"
                            "    return proj.nested.parse('x')\n"}
    assert broken_modules(impact_between(BASE, head, tmp_path)) == {"proj.user"}


def test_an_import_of_the_removed_function_without_a_submodule_still_breaks(
        tmp_path: Path) -> None:
    head = {**BASE, "proj/nested.py": "def run(text):\n    return text\n",
            "proj/user.py": "from proj.nested import parse\n"}
    assert broken_modules(impact_between(BASE, head, tmp_path)) == {"proj.user"}
