"""A method call the base linked and the head does not is judged on the head's calls spelling
the method, less those the base wrote as well and did not link to it (another receiver's).

crispy-forms 2.0 removed ``form_style`` from every ``render``; ``render_field`` calls
``field.render(form, context, ...)`` (the base linked it to ``Modal.render`` and
``ButtonHolder.render``, which nothing in the head makes any more) and Django's
``template.render(context.flatten())``, linked nowhere in either revision. That second call was
judged on ``ButtonHolder.render``'s head signature, which it does not bind.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

LAYOUT = '''\
class Holder:
    def render(self, form, {style}context):
        return form
'''
RENDER = '''\
from outside.templates import get_template


def render_field(field, form, context):
    if hasattr(field, "render"):
        return field.render(form, {style}context)
    template = get_template("field.html")
    return template.render(context)
'''
MAKE = '''\
from proj.layout import Holder
from proj.utils import render_field


def layout():
    return render_field(Holder(), None, {})
'''


def _pair(head_render: str) -> tuple[dict[str, str | None], dict[str, str | None]]:
    base: dict[str, str | None] = {
        "proj/__init__.py": "", "proj/layout.py": LAYOUT.format(style="style, "),
        "proj/utils.py": RENDER.format(style="'bootstrap', "), "proj/make.py": MAKE}
    head = {**base, "proj/layout.py": LAYOUT.format(style=""), "proj/utils.py": head_render,
            "proj/make.py": None}
    return base, head


def test_a_call_of_another_receiver_written_in_both_is_not_judged(tmp_path: Path) -> None:
    base, head = _pair(RENDER.format(style=""))
    report = impact_between(base, head, tmp_path)
    assert ("proj.layout:Holder.render", "parameter-removed") in {
        (c["symbol"], c["kind"]) for c in report["changes"]}
    assert broken_modules(report) == set()


def test_the_call_the_base_linked_still_breaks_when_it_does_not_bind(tmp_path: Path) -> None:
    base, head = _pair(RENDER.format(style="'bootstrap', "))
    assert broken_modules(impact_between(base, head, tmp_path)) == {"proj.utils"}
