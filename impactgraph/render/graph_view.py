"""What the graph renderers draw: a CodeGraph projected to one level, cut and size-checked.

The projection (``build_view``) turns the linked graph into plain, sorted data, so the DOT,
Mermaid and JSON renderers never see networkx. ``fit_view`` keeps rendering bounded: a view
over a format's limits is replaced by a coarser level (symbol -> module -> package) that fits,
or refused with one line saying how large it is and how to cut it down. Graphviz took more
than ten minutes on Django's 885-module import graph, so this check runs before any layout.
"""

from __future__ import annotations

import fnmatch
import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from impactgraph.errors import RenderError, UsageError
from impactgraph.impact.packages import is_test_code
from impactgraph.model import top_package
from impactgraph.render.diagram import COARSER, Level
from impactgraph.render.fitting import Fitted, Fitting, Limits

if TYPE_CHECKING:
    # the linker (and through it astroid) is imported when a graph is drawn, not with the CLI
    from impactgraph.linker.graph import CodeGraph

DEFAULT_FOCUS_DEPTH = 1

# When one drawn edge stands for several kinds (module A imports B and calls into it), it is
# drawn in the style of the first kind of this list that it has.
STYLE_PRIORITY = ("inherits", "overrides", "calls", "references", "exports", "imports")


@dataclass(frozen=True, slots=True)
class ViewNode:
    id: str
    kind: str  # package | module | class | function | method | variable
    module: str
    package: str
    path: str
    line: int | None  # None for a package
    modules: int = 0  # for a package: how many modules it collapses


@dataclass(frozen=True, slots=True)
class ViewEdge:
    source: str
    target: str
    kinds: tuple[str, ...]  # in EDGE_KINDS order

    @property
    def style_kind(self) -> str:
        return next(kind for kind in STYLE_PRIORITY if kind in self.kinds)


@dataclass(frozen=True, slots=True)
class GraphView:
    level: Level
    nodes: tuple[ViewNode, ...]  # sorted by id
    edges: tuple[ViewEdge, ...]  # sorted by (source, target)
    focus: tuple[str, ...] = ()
    depth: int | None = None
    focused: frozenset[str] = frozenset()  # the nodes the focus patterns matched


@dataclass(frozen=True, slots=True)
class ViewFilter:
    """What ``graph --exclude/--edges/--collapse`` leave out of a view.

    ``exclude``: module patterns (fnmatch; a pattern also covers the submodules of what it
    names: ``httpx._transports`` takes ``httpx._transports.default``); ``edges``: the edge
    kinds drawn (None: all); ``collapse``: at module level, modules deeper than this many
    dotted parts are drawn as their package at that depth (``httpx._transports`` for
    ``httpx._transports.default`` with 2).
    """

    exclude: tuple[str, ...] = ()
    edges: frozenset[str] | None = None
    collapse: int | None = None

    def __post_init__(self) -> None:
        if self.edges is not None:
            from impactgraph.linker.graph import EDGE_KINDS

            unknown = sorted(self.edges - set(EDGE_KINDS))
            if unknown or not self.edges:
                raise UsageError(
                    f"--edges: unknown edge kind {', '.join(map(repr, unknown)) or '(none)'} "
                    f"(known: {', '.join(EDGE_KINDS)})"
                )
        if self.collapse is not None and self.collapse < 1:
            raise UsageError(f"--collapse must be at least 1, got {self.collapse}")

    def excluded(self, module: str) -> bool:
        return any(
            fnmatch.fnmatchcase(module, pattern) or fnmatch.fnmatchcase(module, pattern + ".*")
            for pattern in self.exclude
        )

    def group(self, module: str) -> str:
        if self.collapse is None:
            return module
        return ".".join(module.split(".")[: self.collapse])


NO_FILTER = ViewFilter()


@dataclass(frozen=True, slots=True)
class FittedView:
    view: GraphView
    text: str
    requested: Level
    notice: str | None = None  # set when a coarser level replaced the requested one


# -- projection ------------------------------------------------------------------------------


def build_view(
    graph: CodeGraph,
    level: Level,
    focus: Sequence[str] = (),
    depth: int | None = None,
    filters: ViewFilter = NO_FILTER,
) -> GraphView:
    """``graph`` at ``level``; with ``focus`` patterns, only what lies within ``depth`` edges
    of the nodes they match (``depth`` defaults to 1 then); less what ``filters`` leave out."""
    if depth is not None and not focus:
        raise UsageError("--depth needs --focus PATTERN (the nodes to measure the depth from)")
    if depth is not None and depth < 0:
        raise UsageError("--depth must be 0 or more")
    projected = _project(graph, level, filters)
    focused: set[str] = set()
    if focus:
        depth = DEFAULT_FOCUS_DEPTH if depth is None else depth
        focused = _focus_nodes(graph, projected, level, focus, filters)
        from impactgraph.linker.graph import neighbourhood

        projected = neighbourhood(projected, focused, depth)
    nodes = _view_nodes(graph, projected, level, filters)
    edges = sorted(
        (
            ViewEdge(str(source), str(target), _ordered_kinds(data["kinds"]))
            for source, target, data in projected.edges(data=True)
        ),
        key=lambda edge: (edge.source, edge.target),
    )
    return GraphView(level, nodes, tuple(edges), tuple(focus), depth, frozenset(focused))


def _project(graph: CodeGraph, level: Level, filters: ViewFilter) -> Any:
    def kept(module: str) -> bool:
        return not filters.excluded(module)

    if level is Level.SYMBOL:
        return graph.symbol_view(keep_module=kept, kinds=filters.edges)

    def group(module: str) -> str | None:
        if not kept(module):
            return None
        return top_package(module) if level is Level.PACKAGE else filters.group(module)

    def library_edge(source: str, target: str, kind: str, data: dict[str, Any]) -> bool:
        """Library code never names test code: a call or reference from the one into the
        other is a test handing the library its own objects (a subclass reached by dispatch,
        an event hook, a fake transport). Between modules or packages such an edge would
        read as "httpx calls tests"; the symbol level keeps it."""
        if kind not in ("calls", "references"):
            return True
        return is_test_code(graph.path_of(source)) or not is_test_code(graph.path_of(target))

    return graph.collapsed(level.value, group=group, kinds=filters.edges, keep_edge=library_edge)


def _ordered_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    from impactgraph.linker.graph import EDGE_KINDS

    present = set(kinds)
    return tuple(kind for kind in EDGE_KINDS if kind in present) + tuple(
        sorted(present - set(EDGE_KINDS))
    )


def _focus_nodes(
    graph: CodeGraph,
    projected: Any,
    level: Level,
    focus: Sequence[str],
    filters: ViewFilter = NO_FILTER,
) -> set[str]:
    """The view's nodes that the patterns name, matched on module names and symbol ids.

    A pattern naming a symbol focuses its module (or package) at the coarser levels; a
    pattern naming a module at symbol level focuses the module and everything defined in it.
    """
    matched = {node for node in graph.nodes() if _matches(node, focus)}
    packages: set[str] = set()
    if level is Level.PACKAGE:  # a namespace package has no module node of its own
        packages = {str(node) for node in projected.nodes if _matches(str(node), focus)}
    if not matched and not packages:
        patterns = " ".join(repr(pattern) for pattern in focus)
        raise UsageError(f"--focus {patterns} matches no module or symbol")
    if level is Level.SYMBOL:
        modules = {node for node in matched if graph.node(node).get("kind") == "module"}
        if modules:
            matched |= {
                node for node, data in projected.nodes(data=True) if data.get("module") in modules
            }
        return {node for node in matched if node in projected}
    if level is Level.MODULE:
        found = {filters.group(graph.module_of(node)) for node in matched}
    else:
        found = packages | {top_package(graph.module_of(node)) for node in matched}
    return {node for node in found if node in projected}


def _matches(name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _view_nodes(
    graph: CodeGraph, projected: Any, level: Level, filters: ViewFilter = NO_FILTER
) -> tuple[ViewNode, ...]:
    members: dict[str, list[str]] = {}
    if level is Level.PACKAGE or (level is Level.MODULE and filters.collapse is not None):
        for module in graph.nodes("module"):
            if not filters.excluded(module):
                key = top_package(module) if level is Level.PACKAGE else filters.group(module)
                members.setdefault(key, []).append(module)
    if level is Level.PACKAGE:
        return tuple(
            _package_node(graph, package, sorted(members.get(package, ())))
            for package in sorted(str(node) for node in projected.nodes)
        )
    result = []
    for node in sorted(str(node) for node in projected.nodes):
        if len(members.get(node, ())) > 1:  # modules collapsed into their package
            result.append(_package_node(graph, node, sorted(members[node])))
            continue
        data = graph.node(node)
        module = graph.module_of(node)
        line = data.get("line")
        result.append(
            ViewNode(
                id=node,
                kind=str(data.get("kind", "module")),
                module=module,
                package=str(data.get("package") or top_package(module)),
                path=str(data.get("path", "")),
                line=int(line) if line is not None else None,
            )
        )
    return tuple(result)


def _package_node(graph: CodeGraph, package: str, modules: list[str]) -> ViewNode:
    """A package's path is its directory (the file itself for a lone top-level module)."""
    path = ""
    if package in graph:
        path = graph.path_of(package)
        if path.endswith("/__init__.py"):
            path = posixpath.dirname(path)
    else:  # a namespace package: the directory its modules share
        directories = [posixpath.dirname(graph.path_of(m)) for m in modules if graph.path_of(m)]
        if directories:
            path = posixpath.commonpath(directories)
    return ViewNode(
        package, "package", package, top_package(package), path, None, modules=len(modules)
    )


# -- bounds ----------------------------------------------------------------------------------


def fit_view(
    graph: CodeGraph,
    level: Level,
    focus: Sequence[str],
    depth: int | None,
    limits: Limits,
    render: Callable[[GraphView], str],
    filters: ViewFilter = NO_FILTER,
) -> FittedView:
    """Render the requested view, or the finest coarser one within ``limits``.

    Raises ``RenderError`` (one line: the sizes, the limits, how to cut the graph down) when
    not even the package level fits.
    """
    fitting: Fitting[GraphView] = Fitting(limits, render)
    tried: list[str] = []
    current: Level | None = level
    while current is not None:
        fitted: Fitted[GraphView] | None = fitting.attempt(
            build_view(graph, current, focus, depth, filters)
        )
        if fitted is not None:
            notice = None
            if current is not level:
                notice = (
                    f"the {level.value} graph is too large for {limits.format} "
                    f"({'; '.join(tried)}); drawing the {current.value} graph instead "
                    f"({_describe(fitted.diagram)}); for more detail, {_cut_hint(graph, focus)}"
                )
            return FittedView(fitted.diagram, fitted.text, level, notice)
        tried.append(f"{current.value} level: {fitting.tried[-1]}")
        current = COARSER.get(current)
    raise RenderError(
        f"the graph is too large to draw as {limits.format} ({'; '.join(tried)}; the limit is "
        f"{limits.describe()}); {_cut_hint(graph, focus)}"
    )


def _describe(view: GraphView) -> str:
    return f"{len(view.nodes):,} nodes, {len(view.edges):,} edges"


def _cut_hint(graph: CodeGraph, focus: Sequence[str]) -> str:
    if focus:
        return "use a narrower --focus PATTERN or a smaller --depth N"
    return f"cut it down with --focus PATTERN (e.g. '{_example_pattern(graph)}') and --depth N"


def _example_pattern(graph: CodeGraph) -> str:
    """A focus pattern for this graph: its largest package's modules."""
    sizes: dict[str, int] = {}
    for module in graph.nodes("module"):
        sizes[top_package(module)] = sizes.get(top_package(module), 0) + 1
    if not sizes:
        return "package.*"
    package = min(sizes, key=lambda name: (-sizes[name], name))
    return f"{package}.*"
