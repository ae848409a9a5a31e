"""An import in a ``try`` whose handler catches the ImportError and binds the name again does
not fail when what it imports is gone: the handler runs.

python-jose 3.3 removed ``jose.backends.pycrypto_backend``; ``jose/backends/__init__.py``
still tries it (``try: from jose.backends.pycrypto_backend import get_random_bytes`` /
``except ImportError: from jose.backends.native import get_random_bytes``), and its tests bind
``PyCryptoAESKey = None`` when the import fails. The package was judged broken at import
time, and with it every module importing it (26 modules).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

from impactgraph.indexer import summarize_bytes
from impactgraph.indexer.api_ast import summarize_api

FAST = "def speed():\n    return 1\n"
SLOW = "def speed():\n    return 2\n"
USER = """\
try:
    from proj.fast import speed
{handler}

def run():
    return speed()
"""


def _pair(handler: str) -> tuple[dict[str, str | None], dict[str, str | None]]:
    user = USER.format(handler=handler)
    base: dict[str, str | None] = {
        "proj/__init__.py": "", "proj/fast.py": FAST, "proj/slow.py": SLOW,
        "proj/user.py": user}
    head = {**base, "proj/fast.py": None}
    return base, head


@pytest.mark.parametrize("handler", [
    "except ImportError:\n    from proj.slow import speed\n",
    "except (ImportError, AttributeError):\n    speed = None\n",
    "except Exception:\n    def speed():\n        return 0\n",
])
def test_a_module_removed_under_a_guarded_import_breaks_nothing(
        handler: str, tmp_path: Path) -> None:
    base, head = _pair(handler)
    report = impact_between(base, head, tmp_path)
    assert ("proj.fast", "module-removed") in {(c["symbol"], c["kind"])
                                                for c in report["changes"]}
    assert broken_modules(report) == set()


@pytest.mark.parametrize("handler", [
    # the handler re-raises: importing the module fails
    "except ImportError:\n    raise RuntimeError('install fast')\n",
    # the handler binds something else: ``speed`` is not bound
    "except ImportError:\n    HAS_FAST = False\n",
    # no handler catching the ImportError
    "except AttributeError:\n    from proj.slow import speed\n",
])
def test_an_import_not_guarded_still_breaks(handler: str, tmp_path: Path) -> None:
    base, head = _pair(handler)
    assert broken_modules(impact_between(base, head, tmp_path)) == {"proj.user"}


def test_a_removed_name_imported_under_a_guard_breaks_nothing(tmp_path: Path) -> None:
    base = {"proj/__init__.py": "", "proj/lib.py": FAST + "\n\ndef other():\n    return 3\n",
            "proj/user.py": ("try:\n    from proj.lib import speed\nexcept ImportError:\n"
                             "    speed = None\n\n\ndef run():\n    return 1\n")}
    head = {**base, "proj/lib.py": "def other():\n    return 3\n"}
    assert broken_modules(impact_between(base, head, tmp_path)) == set()
    unguarded = {**head, "proj/user.py": "from proj.lib import speed\n"}
    assert broken_modules(impact_between(base, unguarded, tmp_path / "b")) == {"proj.user"}


def test_both_indexers_mark_the_same_imports_guarded() -> None:
    source = (
        "try:\n    from a import x\n    import b.c\nexcept ImportError:\n"
        "    try:\n        from d import x\n    except ImportError:\n        x = None\n"
        "try:\n    import e\nexcept ImportError:\n    raise\n"
        "try:\n    import f as g\nexcept:\n    g = None\n"
    )
    full = summarize_bytes(source.encode(), "m", "m.py")
    guarded = {(b.target, b.guarded) for b in full.imports}
    assert guarded == {("a.x", True), ("b.c", False), ("d.x", True), ("e", False),
                       ("f", True)}
    fast = summarize_api(source, "m", "m.py")
    assert fast is not None
    assert fast.imports == full.imports
