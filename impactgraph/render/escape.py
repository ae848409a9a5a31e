"""Text inside DOT and Mermaid diagrams: the one place that knows how each format reads it.

Both formats decode character entities in labels, so text that merely looks like one
(``&lt;`` in a default value, ``#quot;`` in a decorator argument) must be escaped too, or it
is drawn as the character it names:

* Graphviz decodes HTML entities (``&amp;``, ``&#35;``) in every string, so ``&`` is written
  ``&amp;``; ``\\`` and ``"`` are backslash-escaped and line breaks become ``\\n``.
* Mermaid turns ``#name;`` and ``#123;`` into HTML entities and then draws the label as HTML,
  so ``#`` and ``&`` are both written as entity codes (``#35;``, ``#38;``), as are the quote,
  ``<``, ``>`` and the backtick (which starts a markdown string). Escaping only one of the two
  draws the other wrong: with ``#`` alone left, ``#quot;`` shows as ``"``; with ``&`` alone,
  ``&lt;`` shows as ``<`` (checked with mermaid-cli 11).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

_MERMAID = str.maketrans(
    {
        "#": "#35;",
        "&": "#38;",
        '"': "#quot;",
        "<": "#lt;",
        ">": "#gt;",
        "`": "#96;",
        "\n": " ",
        "\r": "",
    }
)

_TITLE = str.maketrans({"&": "\uff06", "<": "\u2039", ">": "\u203a", "\n": " ", "\r": ""})


def dot_string(text: str) -> str:
    """A DOT double-quoted string: any node name is a valid ID once quoted."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return '"' + escaped.replace("\r", "").replace("\n", "\\n") + '"'


_DOT_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?)")
_DOT_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


def dot_value(text: str) -> str:
    """An attribute value: bare when DOT reads it as one ID (``box``, ``0.25``), else quoted."""
    if _DOT_ID.fullmatch(text) and text.lower() not in _DOT_KEYWORDS:
        return text
    return dot_string(text)


def dot_html(text: str) -> str:
    """Text inside an HTML-like DOT label (``<<TABLE>...>``)."""
    return html.escape(text)


def mermaid_text(text: str) -> str:
    """Text for a double-quoted Mermaid label (nodes, subgraphs, edge labels): one line."""
    return text.translate(_MERMAID)


def mermaid_title(text: str) -> str:
    """A YAML double-quoted scalar for the front matter's ``title:``.

    Mermaid sanitises the title as HTML and then draws it as plain text, decoding no entities:
    ``&`` shows as ``&amp;`` and ``<x>`` vanishes, whatever the escaping (mermaid-cli 11).
    Look-alikes show instead: the full-width ampersand, and single angle quotes (``‹x›``).
    """
    text = text.translate(_TITLE)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mermaid_id(prefix: str, name: str) -> str:
    """An identifier Mermaid reads as one: letters, digits and ``_`` only."""
    return f"{prefix}_" + (re.sub(r"[^A-Za-z0-9_]", "_", name.strip("\0")) or "x")


def comment(text: str) -> str:
    """One line of a ``//`` or ``%%`` comment."""
    return text.replace("\r", "").replace("\n", " ")


def utf16_length(text: str) -> int:
    """Length as JavaScript (and so mermaid and GitHub) counts it."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_document(data: object, **options: Any) -> str:
    """``data`` as JSON text with non-ASCII characters as they are, but a lone surrogate (a
    file name that is not UTF-8, ``caf\\xe9.py``, decoded with ``surrogateescape``) as its
    ``\\uXXXX`` escape: JSON is UTF-8, and the raw byte such a character stands for is not
    (``jq`` and ``json.loads`` of the bytes refused the report). Python's ``json.loads`` gives
    the same string back, which ``os.fsencode`` turns into the file's name."""
    text = json.dumps(data, ensure_ascii=False, **options)
    return _LONE_SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
