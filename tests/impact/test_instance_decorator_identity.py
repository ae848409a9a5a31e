"""A decorator that is an instance of a class of ours, whose ``__call__`` returns the function
it is given, gives back that function, as ``def dec(f): return f`` does.

pyramid's ``@view_config(...)`` is such an instance (``view_config.__call__`` registers the
view and returns ``wrapped``). Its ``__call__``'s parameter holds every view the code
decorates, so a decorated method's name held all of them: a test calling
``WikiViews(request).wiki_view()`` in one tutorial step called every view of the 34 steps,
and a new parameter of ``forbidden_view`` in one step broke 22 modules of the others
(pyramid 1.10.8 -> 2.0). A call through that name reaches the view it names.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

DECORATOR = """
class config:
    def __init__(self, **settings):
        self.settings = settings

    def __call__(self, wrapped):
        register(wrapped)
        return wrapped


def register(ob):
    pass
"""
VIEWS = """
from lib.deco import config


class Views:
    def __init__(self, request):
        self.request = request

    @config(name="home")
    def home(self{home}):
        return 1


@config(name="forbidden")
def forbidden(request{forbidden}):
    return 2
"""
TEST = """
from lib.views import Views


def test_home():
    assert Views(None).home() == 1
"""


def _base() -> dict[str, str | None]:
    return {"lib/__init__.py": "", "lib/deco.py": DECORATOR,
            "lib/views.py": VIEWS.format(home="", forbidden=""), "tests/test_views.py": TEST}


def test_a_change_of_another_decorated_function_breaks_nothing(tmp_path: Path) -> None:
    head = {"lib/views.py": VIEWS.format(home="", forbidden=", exc")}
    report = impact_between(_base(), head, tmp_path)
    assert ("lib.views:forbidden", "parameter-added") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_a_change_of_the_function_called_still_breaks(tmp_path: Path) -> None:
    head = {"lib/views.py": VIEWS.format(home=", exc", forbidden="")}
    assert broken_modules(impact_between(_base(), head, tmp_path)) == {"test_views"}
