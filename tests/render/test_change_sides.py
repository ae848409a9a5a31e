"""``old``/``new`` on a change: in JSON only where present; text and Markdown show old → new."""

from __future__ import annotations

from impactgraph.model import Change, ChangeKind, ChangeSet, ImpactReport
from impactgraph.render import markdown, report_json, report_text

DEFAULT = Change("m:f", ChangeKind.PARAMETER_DEFAULT_CHANGED, False, "m.py", 3, "a", "True",
                 "None")
BODY = Change("m:g", ChangeKind.BODY_CHANGED, False, "m.py", 9)


def test_json_keys_only_where_present() -> None:
    assert report_json.change_to_dict(DEFAULT)["old"] == "True"
    assert report_json.change_to_dict(DEFAULT)["new"] == "None"
    assert "old" not in report_json.change_to_dict(BODY)
    assert "new" not in report_json.change_to_dict(BODY)
    only_old = Change("m:f", ChangeKind.PARAMETER_NOW_REQUIRED, True, "m.py", 3, "a", "1")
    assert set(report_json.change_to_dict(only_old)) >= {"old"}
    assert "new" not in report_json.change_to_dict(only_old)


def test_text_and_markdown_show_both_sides() -> None:
    report = ImpactReport("a", "b", changes=(DEFAULT, BODY))
    assert "True → None" in report_text.render(report)
    assert "True → None" in markdown.render(report)


def test_changes_text_shows_both_sides() -> None:
    from impactgraph.cli.changes_cmd import render_text

    assert "True → None" in render_text(ChangeSet("a", "b", (DEFAULT, BODY)))


def test_the_changes_of_one_symbol_are_one_row_with_every_detail() -> None:
    changes = (
        Change("c:Client._init", ChangeKind.PARAMETER_MOVED, True, "c.py", 7, "http1 (2->3)",
               "2", "3"),
        Change("c:Client._init", ChangeKind.PARAMETER_MOVED, True, "c.py", 7, "http2 (3->4)",
               "3", "4"),
        Change("c:Client._init", ChangeKind.PARAMETER_REMOVED, True, "c.py", 7, "app"),
        Change("c:Client._init", ChangeKind.PARAMETER_DEFAULT_CHANGED, False, "c.py", 7, "verify",
               "True", "None"),
        BODY,
    )
    report = ImpactReport("a", "b", changes=changes)
    text = report_text.render(report)
    assert text.count("c:Client._init") == 1
    assert "Changes (5 in 2 symbols)" in text
    assert "parameter moved: http1 (2 → 3), http2 (3 → 4) (breaking)" in text
    assert "parameter default changed: verify: True → None" in text
    md = markdown.render(report)
    rows = [line for line in md.splitlines() if line.startswith("| `c:Client._init`")]
    assert len(rows) == 1
    assert "`http1 (2 → 3)`, `http2 (3 → 4)`" in rows[0] and "`verify: True → None`" in rows[0]
    assert "**yes**" in rows[0]
