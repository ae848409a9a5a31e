"""A removed function called through its module (``import lib; lib.fetch()``) is looked for
only in the modules that spell its name (``spelled_names``).

``head_importers`` reads each head module importing the owner for such calls, once per
change: on a release pair with 1,000 changes (redis 4.6 -> 5.0) that was most of ``impact``.
The name test in front of it must never drop a module ``calls_path`` would find.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

from impactgraph.impact.mentions import calls_path, may_spell, mentions, spelled_names
from impactgraph.indexer import summarize
from impactgraph.model import FileSummary

ROOT = Path(__file__).resolve().parents[2]

LIB = "def fetch():\n    return 1\n\n\ndef keep():\n    return 2\n"
# calls through a module alias, a local bound to an attribute of it and a star import
USER = ("import lib\nfrom lib import *\nalias = lib\n\n\ndef run():\n    f = alias.fetch\n"
        "    return f()\n\n\ndef star():\n    return keep()\n")


def test_a_call_through_a_module_alias_still_breaks(tmp_path: Path) -> None:
    user = "import lib\n\nalias = lib\n\n\ndef run():\n    return alias.fetch()\n"
    other = "import lib\n\n\ndef run():\n    return lib.keep()\n"
    base = {"lib.py": LIB, "user.py": user, "other.py": other}
    head = {"lib.py": "def keep():\n    return 2\n", "user.py": user, "other.py": other}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"user"}


def test_a_call_by_attribute_chain_still_breaks(tmp_path: Path) -> None:
    user = "import pkg.lib\n\n\ndef run():\n    return pkg.lib.fetch()\n"
    base = {"pkg/__init__.py": "", "pkg/lib.py": LIB, "user.py": user}
    head = {"pkg/__init__.py": "", "pkg/lib.py": "def keep():\n    return 2\n", "user.py": user}
    assert broken_modules(impact_between(base, head, tmp_path)) == {"user"}


def _summaries() -> list[FileSummary]:
    """A dozen of this project's own modules, then ``USER`` and ``LIB``."""
    files = sorted((ROOT / "impactgraph" / "impact").glob("*.py"))[:12]
    summaries = [
        summarize(path.read_text(encoding="utf-8"),
                  ".".join(path.relative_to(ROOT).with_suffix("").parts),
                  str(path.relative_to(ROOT)))
        for path in files
    ]
    return [*summaries, summarize(USER, "user", "user.py"), summarize(LIB, "lib", "lib.py")]


def test_calls_path_finds_nothing_for_a_name_a_module_does_not_spell() -> None:
    """On this project's own modules: every defined name a module does not spell is found by
    ``calls_path`` nowhere in it, and the names it does spell are found somewhere."""
    summaries = _summaries()
    defined = {(s.module, d.qualname) for s in summaries for d in s.definitions
               if "." not in d.qualname}
    assert calls_path(summaries[-2], "lib:fetch", dict(summaries[-2].bindings)) == ["user:run"]
    found = 0
    for summary in summaries:
        spelled = spelled_names(summary)
        bindings = dict(summary.bindings)
        for module, name in defined:
            if module == summary.module:
                continue
            scopes = calls_path(summary, f"{module}:{name}", bindings)
            if name not in spelled:
                assert scopes == [], (summary.module, module, name)
            found += bool(scopes)
    assert found > 0  # the property is not held by finding nothing at all


def test_mentions_finds_nothing_for_a_name_a_module_does_not_spell() -> None:
    """``mentions`` (is a symbol still used, by what the code spells) is asked once per edge
    the walks judge: the same name test goes in front of it. Every symbol of ours, methods
    and modules included, whose last name a module does not spell (imports counted) is
    mentioned nowhere in that module, unless its path is a module's (``through_paths``)."""
    summaries = _summaries()
    modules = {s.module for s in summaries}
    paths = {m.rsplit(".", cut)[0] for m in modules for cut in range(m.count(".") + 1)}
    targets = {f"{s.module}:{d.qualname}" for s in summaries for d in s.definitions}
    targets |= modules | {"impactgraph.expressions:parse_root", "impactgraph.model:CallSite"}

    def is_ours(dotted: str) -> bool:
        return dotted in modules or dotted in {"impactgraph", "impactgraph.impact"}

    found = 0
    for summary in summaries:
        spelled = spelled_names(summary)
        bindings = dict(summary.bindings)
        for target in sorted(targets):
            used = mentions(summary, summary.module, target, is_ours, bindings)
            if not may_spell(spelled, target) and target.replace(":", ".") not in paths:
                assert not used, (summary.module, target)
            found += used
    assert found > 0


# jinja2 3.1 removed ``jinja2.utils.Markup`` (a deprecated subclass of markupsafe's);
# ``filters.do_indent`` uses markupsafe's own ``Markup``, imported under the same name, and
# values it makes are read four variables away (``line`` <- ``lines`` <- ``s`` <- ``newline``
# <- ``Markup(...)``): at that depth the name alone was taken for a spelling of ours.
UTILS = ("import markupsafe\n\n\nclass Markup(markupsafe.Markup):\n    pass\n\n\n"
         "def url_quote(value):\n    return value\n")
FILTERS = """\
from markupsafe import Markup

from {source}utils import url_quote


def do_indent(s, width=4, first=False, blank=False):
    indention = " " * width
    newline = "\\n"
    if isinstance(s, Markup):
        indention = Markup(indention)
        newline = Markup(newline)
    s += newline
    lines = s.splitlines()
    rv = lines.pop(0)
    if lines:
        rv += newline + newline.join(indention + line if line else line for line in lines)
    return url_quote(rv)
"""


def test_a_name_read_many_variables_away_is_what_its_import_binds(tmp_path: Path) -> None:
    base = {"pkg/__init__.py": "", "pkg/utils.py": UTILS,
            "pkg/filters.py": FILTERS.format(source=".")}
    head = {**base, "pkg/utils.py": UTILS.replace(
        "class Markup(markupsafe.Markup):\n    pass\n\n\n", "")}
    assert broken_modules(impact_between(base, head, tmp_path)) == set()
    # the same code with ``Markup`` imported from the module that lost it: broken
    ours = FILTERS.format(source=".").replace("from markupsafe import Markup",
                                              "from .utils import Markup")
    report = impact_between({**base, "pkg/filters.py": ours}, {**head, "pkg/filters.py": ours},
                            tmp_path / "ours")
    assert broken_modules(report) == {"pkg.filters"}
