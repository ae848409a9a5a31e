"""Summarise one file; failures become a summary with ``error``.

A full summary is astroid's (``indexer/astroid_tree.py``). An API-only one (``changes``) is
made from ``ast`` (``indexer/api_ast.py``), equal to astroid's, and astroid is imported only
for the files that walk leaves to it."""

from __future__ import annotations

from impactgraph.indexer.api_ast import summarize_api
from impactgraph.model import FileSummary


def summarize(text: str, module: str, path: str, *, api_only: bool = False) -> FileSummary:
    """The summary of one module's source ``text``; never raises for bad source.

    ``api_only``: only the part the diff engine compares (``indexer/api.py``), for
    ``changes``; a quarter of the work."""
    if api_only:
        summary = summarize_api(text, module, path)
        if summary is not None:
            return summary
    from impactgraph.indexer.astroid_tree import summarize_astroid

    return summarize_astroid(text, module, path, api_only=api_only)


def summarize_bytes(data: bytes, module: str, path: str, *, api_only: bool = False
                    ) -> FileSummary:
    """Decode like Python does (UTF-8 unless a coding cookie says otherwise)."""
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        reason = str(error)
        if isinstance(error, UnicodeDecodeError) or "encoding declaration" in reason:
            reason = "not valid UTF-8, and no coding declaration says what it is"
        is_package = path.endswith("__init__.py")
        return FileSummary(
            module, path, is_package, error=f"cannot decode: {reason}", api_only=api_only
        )
    return summarize(text, module, path, api_only=api_only)
