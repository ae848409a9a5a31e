"""Parse one file with astroid and summarise it; failures become a summary with ``error``.

Imported only when a file is summarised with astroid (``indexer/parse.py``): an API-only
summary is made from ``ast`` where it can be, and then astroid is never imported."""

from __future__ import annotations

import sys
from dataclasses import replace

from astroid import nodes, raw_building, rebuilder
from astroid.builder import AstroidBuilder
from astroid.exceptions import AstroidSyntaxError
from astroid.manager import AstroidManager

from impactgraph.indexer.api import ApiIndexer
from impactgraph.indexer.file_indexer import FileIndexer
from impactgraph.indexer.named_files import named_files
from impactgraph.indexer.signatures import module_code_hash
from impactgraph.indexer.tolerant import tolerant_reads
from impactgraph.model import Definition, FileSummary, Signature

_MANAGER = AstroidManager()
# astroid builds a model of ``builtins`` before its first parse, for inference (0.3-0.5 s in
# every process, workers included). The indexer never infers, so it does without.
raw_building.InspectBuilder.bootstrapped = True


def _no_position(self: object, node: object, parent: object) -> None:
    return None


# The tree builder re-tokenizes the header of every def and class to find where its keyword
# and name sit (``node.position``, for pylint's messages): a tenth of the build. Nothing here
# reads it.
if hasattr(rebuilder.TreeRebuilder, "_get_position_info"):
    rebuilder.TreeRebuilder._get_position_info = _no_position


class _LocalBuilder(AstroidBuilder):  # type: ignore[misc]
    """An astroid builder that never loads another module.

    astroid resolves ``from m import *`` while building by importing ``m``: that reads other
    files (or the installed packages) and would make a summary depend on more than its own
    text. Star imports are left to the linker instead.
    """

    def add_from_names_to_locals(self, node: nodes.ImportFrom, global_name: object) -> None:
        if any(name == "*" for name, _ in node.names):
            node = node.__class__(
                fromname=node.modname,
                names=[n for n in node.names if n[0] != "*"],
                level=node.level,
                lineno=node.lineno,
                col_offset=node.col_offset,
                end_lineno=node.end_lineno,
                end_col_offset=node.end_col_offset,
                parent=node.parent,
            )
        super().add_from_names_to_locals(node, global_name)

    def delayed_assattr(self, node: nodes.AssignAttr) -> None:
        """Skipped: astroid infers ``obj`` of every ``obj.attr = value`` here to record instance
        attributes, which imports other modules from disk. The indexer records those
        assignments itself, symbolically."""


def _parse(text: str, module: str, path: str) -> nodes.Module:
    builder = _LocalBuilder(_MANAGER, apply_transforms=False)
    tree = builder.string_build(text, modname=module, path=path)
    # string_build caches every module it builds; we never look them up again, and the
    # cache would otherwise grow with every file of a large repository.
    _MANAGER.astroid_cache.pop(module, None)
    return tree


def summarize_astroid(text: str, module: str, path: str, *, api_only: bool = False
                      ) -> FileSummary:
    """The summary of one module's source ``text``; never raises for bad source.

    ``api_only``: only the part the diff engine compares (``indexer/api.py``), for
    ``changes``; a quarter of the work."""
    is_package = path.endswith("__init__.py")
    try:
        tree = _parse(text, module, path)
    except AstroidSyntaxError as error:
        cause = error.error if hasattr(error, "error") else error
        line = getattr(cause, "lineno", None)
        where = f" at line {line}" if line else ""
        return FileSummary(
            module, path, is_package, error=f"syntax error{where}", api_only=api_only
        )
    except (RecursionError, MemoryError) as error:
        return FileSummary(
            module, path, is_package, error=f"too complex to parse: {error!r}", api_only=api_only
        )
    except (ValueError, TypeError) as error:  # e.g. null bytes in the source
        return FileSummary(
            module, path, is_package, error=f"cannot parse: {error}", api_only=api_only
        )
    indexer = (
        ApiIndexer(module, is_package, walk_expressions="lambda" in text or ":=" in text)
        if api_only else FileIndexer(module, is_package)
    )
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(max(limit, 10_000))
        indexer.run(tree, has_lambda="lambda" in text,
                    has_shared="global" in text or "nonlocal" in text)
    except RecursionError:
        return FileSummary(
            module, path, is_package, error="nesting too deep to analyse", api_only=api_only
        )
    finally:
        sys.setrecursionlimit(limit)
    definitions = list(indexer.definitions.values())
    for qual, overloads in indexer.overloads.items():
        signatures = tuple(o.signature for o in overloads if o.signature is not None)
        implementation = indexer.definitions.get(qual)
        if implementation is not None:
            index = definitions.index(implementation)
            definitions[index] = _with_overloads(implementation, signatures)
        else:
            definitions.append(_with_overloads(overloads[-1], signatures))
    definitions.sort(key=lambda d: (d.line, d.qualname))
    all_names, all_from = indexer.all_names.result()
    if api_only:
        return FileSummary(
            module, path, is_package, tuple(definitions), tuple(indexer.imports),
            all_names=all_names, has_getattr=indexer.has_getattr, api_only=True,
            all_from=all_from, module_code=module_code_hash(tree),
        )
    return FileSummary(
        module=module,
        path=path,
        is_package=is_package,
        definitions=tuple(definitions),
        imports=tuple(indexer.imports),
        calls=tuple(indexer.calls),
        references=tuple(indexer.references.values()),
        bindings=tuple((k, tuple(dict.fromkeys(v))) for k, v in indexer.bindings.items() if v),
        attribute_stores=tuple(indexer.attribute_stores),
        all_names=all_names,
        all_from=all_from,
        has_getattr=indexer.has_getattr,
        main_blocks=tuple(indexer.main_blocks),
        return_guards=tuple(indexer.return_guards),
        getattr_names=indexer.getattr_names,
        mutables=tuple(sorted(indexer.mutables)),
        class_literals=tuple(sorted(indexer.class_literals)),
        tolerant_reads=tolerant_reads(tree, text, indexer.caller_of,
                                      indexer.defining_scope),
        module_code=module_code_hash(tree),
        named_files=named_files(tree, text, indexer.caller_of),
    )


def _with_overloads(definition: Definition, signatures: tuple[Signature, ...]) -> Definition:
    return replace(definition, overloads=signatures)
