"""A function whose outside decorator went and that the head's code now hands to outside code
itself: rollbar 1.4's Starlette examples traded ``@app.route('/')`` for
``routes = [Route('/', endpoint=root)]``. The module had no edge to ``root`` before (the
decorator registered it); the head's ``callback`` edge is code written against the function
as it is now, and what the outside code calls it with is not known: no certain break. Where
the base already handed it over, or the head calls it itself, it is judged as before."""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

OLD = '''\
from starlette.applications import Starlette
from starlette.routing import Route

app = Starlette()
{old_handing}

@app.route("/")
async def root(request):
    return "hello"
'''
NEW = '''\
from starlette.applications import Starlette
from starlette.routing import Route


async def root(request):
    return "hello"


routes = [Route("/", endpoint=root)]
app = Starlette(routes=routes)
{new_call}
'''


def _broken(tmp_path: Path, old_handing: str = "", new_call: str = "") -> set[str]:
    before = {"app.py": OLD.format(old_handing=old_handing)}
    after = {"app.py": NEW.format(new_call=new_call)}
    return broken_modules(impact_between(before, after, tmp_path))


def test_a_decorator_traded_for_handing_the_function_over_breaks_nothing(
        tmp_path: Path) -> None:
    assert _broken(tmp_path) == set()


def test_a_function_the_base_handed_over_too_is_judged_as_before(tmp_path: Path) -> None:
    # the base's module handed ``root`` (what ``app.route`` made of it) to outside code as
    # well: that code may have needed what the decorator made
    handing = "\n\ndef later():\n    return Route('/', endpoint=root)\n"
    before = {"app.py": OLD.format(old_handing="") + handing}
    after = {"app.py": NEW.format(new_call="") + handing}
    assert broken_modules(impact_between(before, after, tmp_path)) == {"app"}


def test_a_head_call_that_does_not_bind_still_breaks(tmp_path: Path) -> None:
    assert _broken(tmp_path, new_call="ROOT = root()") == {"app"}
