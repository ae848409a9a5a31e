"""One escaping module for both diagram formats: text is drawn as written, whatever it holds."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from impactgraph.adapters.graphviz import dot_available, render_dot
from impactgraph.render import dot, mermaid
from impactgraph.render.diagram import DotLook, Drawing, Edge, Frame, FrameStyle, Look, MermaidLook
from impactgraph.render.diagram import Node as DrawnNode
from impactgraph.render.escape import dot_string, dot_value, mermaid_text, utf16_length

from .conftest import render_with_mmdc

# Each piece once broke one of the two formats: entity look-alikes of both kinds (Graphviz
# and Mermaid decode them), quotes, tags, Mermaid's edge-label bars, brackets, the backtick
# (a markdown string in Mermaid), non-ASCII.
AWKWARD = "a&b #35; &lt; \"q\" 's' <i>x</i> |p| [b] {c} `t` é ☃ #quot; x\\y"


def _drawing(text: str) -> Drawing:
    inner = DrawnNode("mod:inner", ("inner",))
    return Drawing(
        "awkward",
        "LR",
        Look(DotLook(), MermaidLook()),
        nodes=(DrawnNode("mod:a", (text,)), DrawnNode("mod:b", ("plain",))),
        frames=(Frame("frame", text, FrameStyle(fill="#ffffff"), (inner,)),),
        edges=(Edge("mod:a", "mod:b", label=text),),
        title=text,
    )


def test_mermaid_text_writes_every_entity_start_as_an_entity() -> None:
    assert mermaid_text('a&b #35; "q" <i>`') == "a#38;b #35;35; #quot;q#quot; #lt;i#gt;#96;"
    assert mermaid_text("one\ntwo") == "one two"


def test_dot_string_escapes_quotes_backslashes_and_entities() -> None:
    assert dot_string('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'
    assert dot_string("&lt; &") == '"&amp;lt; &amp;"'


def test_dot_value_is_bare_only_for_a_plain_id() -> None:
    assert [dot_value(v) for v in ("box", "0.25", "-1", "_x1")] == ["box", "0.25", "-1", "_x1"]
    assert dot_value("node") == '"node"'  # a keyword
    assert dot_value("#ffffff") == '"#ffffff"'
    assert dot_value("1a") == '"1a"'


def test_utf16_length_counts_as_javascript_does() -> None:
    assert utf16_length("é𝄞") == 3


@pytest.mark.skipif(not dot_available(), reason="Graphviz `dot` is not installed")
def test_graphviz_draws_awkward_text_as_written() -> None:
    svg = render_dot(dot.write(_drawing(AWKWARD)), "svg", 30).decode("utf-8")
    texts = [html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    assert texts.count(AWKWARD) == 4  # the title, the node, the frame and the edge label


def test_mermaid_draws_awkward_text_as_written(tmp_path: Path) -> None:
    (image,) = render_with_mmdc([mermaid.write(_drawing(AWKWARD))], tmp_path)
    svg = image.read_text(encoding="utf-8")
    texts = [html.unescape(text) for text in re.findall(r"<p>(.*?)</p>", svg)]
    assert texts.count(AWKWARD) == 3
    # The title is drawn as plain text, no entity decoded: look-alikes stand in for & < >.
    (title,) = re.findall(r'class="flowchartTitleText">([^<]*)<', svg)
    assert html.unescape(title) == AWKWARD.replace("&", "＆").replace("<", "‹").replace(">", "›")
