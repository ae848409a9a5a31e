"""Python source held in a string constant that imports modules: what it imports and calls.

A test that writes ``from dotenv import load_dotenv; load_dotenv()`` to a file and then
imports it (from a zip it built, say) or runs it as a program exercises those modules out of
the graph's sight (python-dotenv 1.0.1's tests/test_zip_imports.py). Its imports and the calls
of what they bind are the string's own code, read here with ``ast`` alone (no astroid).
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass

# a string too long to be a snippet is data (a file's whole text): not parsed
MAX_SOURCE = 20_000


@dataclass(frozen=True, slots=True)
class SourceImport:
    bound: str  # the name the import binds in the string's code
    target: str  # absolute dotted path, as ``ImportBinding.target``
    is_from: bool
    # what the bound name holds: a module, then attributes (``("pkg.mod", "name")``)
    value: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceCode:
    imports: tuple[SourceImport, ...]
    calls: tuple[tuple[str, ...], ...]  # callees: a module, then attributes


def source_code(text: str) -> SourceCode | None:
    """The absolute imports of ``text`` when it is Python source that has some (a statement of
    its own, not a word in prose), and the calls it makes of what they bind (``f(...)`` of a
    ``from m import f``, ``m.f(...)`` of an ``import m``); None otherwise."""
    if "import " not in text or len(text) > MAX_SOURCE:
        return None
    try:
        tree = ast.parse(textwrap.dedent(text))
    except (SyntaxError, ValueError):
        return None
    imports: list[SourceImport] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".", 1)[0]
                module = alias.name if alias.asname else alias.name.split(".", 1)[0]
                imports.append(SourceImport(bound, alias.name, False, (module,)))
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            for alias in node.names:
                if alias.name == "*":
                    continue
                imports.append(SourceImport(alias.asname or alias.name,
                                            f"{node.module}.{alias.name}", True,
                                            (node.module, alias.name)))
    if not imports:
        return None
    held = {i.bound: i.value for i in imports}
    calls: dict[tuple[str, ...], None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            chain = _chain(node.func)
            if chain and chain[0] in held:
                callee = (*held[chain[0]], *chain[1:])
                calls[callee] = None
    return SourceCode(tuple(imports), tuple(calls))


def _chain(node: ast.expr) -> tuple[str, ...]:
    """``a.b.c`` as ``("a", "b", "c")``; ``()`` for anything else."""
    attributes: list[str] = []
    while isinstance(node, ast.Attribute):
        attributes.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ()
    return (node.id, *reversed(attributes))
