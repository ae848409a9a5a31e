"""The impact diagram drawn by the Mermaid and DOT formats, and how it shrinks when large.

One value, three levels of detail:

``symbol``
    one node per changed symbol (grouped by the module that holds it), one per affected module
    (grouped by package), and edges that follow the ``via`` chains with intermediate symbols
    merged into their modules;
``module``
    changes merged into the modules that hold them;
``package``
    changes and affected modules merged into their top-level packages.

``fit`` returns the most detailed level that a format's ``Fitting`` accepts (node and edge
counts, and for Mermaid the text length), and when even packages do not fit, the top-ranked
packages that do. Every collapse or cut is described in ``Diagram.omitted``, which the formats
show as a note, so a reader always knows what is not drawn.

Only changes that reach something are drawn: a release with 250 changes of which 20 reach a
caller would otherwise be a column of 230 unconnected hexagons. The others are counted in
``Diagram.unreached`` and drawn as one summary node ("+ 230 changes that reach nothing").
Labels are bounded (``LABEL_LIMIT`` characters per line, ``bounded``): a 300-character
decorator would otherwise stretch the whole drawing; DOT keeps the full text in a tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import Enum
from itertools import pairwise

from impactgraph.model import ImpactReport, symbol_module, top_package
from impactgraph.render.diagram import Level
from impactgraph.render.fitting import Fitted, Fitting, Limits
from impactgraph.render.report_summary import plural

CHANGES_GROUP = "\0changes"  # never a package name; changes of one module: CHANGES_GROUP:module
LABEL_LIMIT = 60  # characters per label line
# More affected test modules than this in one package are drawn as one node: 30 test boxes
# make a column thousands of pixels tall, and the report lists the test files anyway.
TESTS_SHOWN = 6
MAX_NODES = 150  # beyond this a diagram is a hairball, whatever renders it
MAX_EDGES = 500  # GitHub's Mermaid limit, and about where Graphviz layouts stop being legible
# More edges than this per node (once there are more than DENSE_FROM) draw a hairball.
MAX_EDGES_PER_NODE = 3.0
DENSE_FROM = 60
# Edge kinds drawn without a label: the ordinary "a caller uses it" relation.
PLAIN_KINDS = frozenset({"", "calls", "affects"})


class Role(str, Enum):
    CHANGE = "change"
    MODULE = "module"
    PACKAGE = "package"


@dataclass(frozen=True, slots=True)
class Node:
    key: str  # unique within a diagram; renderers derive their ids from it
    role: Role
    title: str
    detail: str  # may hold line breaks
    group: str  # CHANGES_GROUP, a package name, or "" for none
    breaking: bool = False  # a breaking change / a module it breaks
    crosses_gateway: bool = False
    gateway: bool = False  # the module is itself a gateway (or the package holds one)
    is_test: bool = False
    depths: tuple[int, int] = (0, 0)  # fewest and most edges from a change (0: not known)
    modules: int = 0  # affected modules it stands for
    changes: int = 0  # changes it stands for


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kinds: tuple[str, ...] = ()  # edge kinds worth a label (not in PLAIN_KINDS), sorted
    on_chain: bool = True  # part of some module's ``via`` chain, not only of ``report.edges``


@dataclass(frozen=True, slots=True)
class Diagram:
    base: str
    head: str
    level: Level
    nodes: tuple[Node, ...]  # changes first, then affected in rank order
    edges: tuple[Edge, ...]
    omitted: str = ""  # what is collapsed or left out; "" when the diagram is complete
    unreached: int = 0  # changes left out because they reach nothing
    unreached_breaking: int = 0  # how many of those are breaking

    def groups(self) -> list[str]:
        """Group keys in order of first appearance ("" excluded)."""
        return list(dict.fromkeys(node.group for node in self.nodes if node.group))

    def clusters(self) -> dict[str, list[Node]]:
        """Nodes by group, in order; ``""`` holds those drawn outside any group.

        A top-level module alone in its "package" (``test_api``) is drawn on its own: a box
        named ``test_api`` inside a frame named ``test_api`` says nothing twice; so is the only
        changed symbol of a module (its label names the module).
        """
        grouped: dict[str, list[Node]] = {"": []}
        for node in self.nodes:
            grouped.setdefault(node.group, []).append(node)
        for group, members in list(grouped.items()):
            alone = len(members) == 1 and (
                members[0].title == group or group.startswith(CHANGES_GROUP + ":")
            )
            if group and alone:
                grouped[""].append(members[0])
                del grouped[group]
        return grouped


def group_title(group: str) -> str:
    """What a group's frame says: the package, or the module that holds the changes."""
    if group.startswith(CHANGES_GROUP + ":"):
        return group.removeprefix(CHANGES_GROUP + ":")
    return "Changes" if group == CHANGES_GROUP else group


def node_title(node: Node, group: str) -> str:
    """The name a node shows inside ``group``'s frame: a changed symbol framed by its module
    is named without the module."""
    if node.role is Role.CHANGE and group.startswith(CHANGES_GROUP + ":") and ":" in node.title:
        return node.title.split(":", 1)[1]
    return node.title


def bounded(text: str, limit: int = LABEL_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, the middle replaced by ``…`` (both ends say most:
    the module and the name, the start and the end of a decorator)."""
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]


def unreached_note(diagram: Diagram) -> str:
    """``+ 62 changes that reach nothing (12 breaking)``, or "" when every change is drawn."""
    if not diagram.unreached:
        return ""
    verb = "reaches" if diagram.unreached == 1 else "reach"
    text = f"+ {plural(diagram.unreached, 'change')} that {verb} nothing"
    if diagram.unreached_breaking:
        text += f" ({diagram.unreached_breaking:,} breaking)"
    return text


def marks(diagram: Diagram) -> set[str]:
    """The marks a legend must explain: ``change``, ``changeBreaking``, ``module``, ``broken``,
    ``crossing``, ``gateway``, ``test``."""
    found: set[str] = set()
    for node in diagram.nodes:
        if node.role is Role.CHANGE:
            found.add("changeBreaking" if node.breaking else "change")
            continue
        found.add("broken" if node.breaking else "module")
        if node.crosses_gateway:
            found.add("crossing")
        if node.gateway:
            found.add("gateway")
        if node.is_test:
            found.add("test")
    return found


def limits(fmt: str, max_chars: int | None = None) -> Limits:
    """What an impact diagram may hold in ``fmt``: a node cap for legibility, and above
    ``DENSE_FROM`` edges at most ``MAX_EDGES_PER_NODE`` per node."""
    return Limits(
        format=fmt,
        max_nodes=MAX_NODES,
        max_edges=MAX_EDGES,
        max_chars=max_chars,
        edges_per_node=MAX_EDGES_PER_NODE,
        dense_from=DENSE_FROM,
    )


def fit(report: ImpactReport, fitting: Fitting[Diagram]) -> Fitted[Diagram]:
    """The most detailed diagram of ``report`` that ``fitting`` accepts, and its text.

    At each level (symbols, modules, packages) first with every edge, then with only the
    edges of the ``via`` chains; then packages with only the edge that first reaches each
    one (a tree); past that, the highest-ranked packages that fit.
    """
    detailed = merge_tests(symbol_diagram(report))
    fitted = fitting.first(_candidates(detailed))
    if fitted is not None:
        return fitted
    packages = first_edges_only(collapse_to_packages(detailed))
    return fitting.largest_prefix(lambda keep: truncate(packages, keep), len(packages.nodes))


def _candidates(detailed: Diagram) -> Iterator[Diagram]:
    last: Diagram | None = None
    for collapse in (None, collapse_to_modules, collapse_to_packages):
        diagram = detailed if collapse is None else collapse(detailed)
        if last is not None and len(diagram.nodes) == len(last.nodes):
            continue  # collapsing merged nothing: no better than the level before
        last = diagram
        yield diagram
        chains = chain_edges_only(diagram)
        if chains is not diagram:
            yield chains


def merge_tests(diagram: Diagram, keep: int = TESTS_SHOWN) -> Diagram:
    """The test modules of a package as one node, where the package has more than ``keep``."""
    counts: dict[str, int] = {}
    for node in diagram.nodes:
        if node.role is Role.MODULE and node.is_test:
            counts[node.group] = counts.get(node.group, 0) + 1
    crowded = {group for group, count in counts.items() if count > keep}
    if not crowded:
        return diagram

    def key_of(node: Node) -> str:
        if node.role is Role.MODULE and node.is_test and node.group in crowded:
            return "tests-in:" + node.group
        return node.key

    def merge(key: str, members: list[Node]) -> Node:
        if len(members) == 1:
            return members[0]
        group = members[0].group
        merged = _merged_package(key, plural(len(members), "test module"), members)
        detail = merged.detail.split(", ", 1)[1] if ", " in merged.detail else ""
        detail = detail or merged.detail.split("\n", 1)[-1]
        if sizes[group] == len(members):  # alone in its package: no frame around one box
            return replace(merged, title=f"{group}: {merged.title}", group="", detail=detail)
        return replace(merged, group=group, detail=detail)

    sizes: dict[str, int] = {}
    for node in diagram.nodes:
        sizes[node.group] = sizes.get(node.group, 0) + 1
    merged = _collapse(diagram, diagram.level, key_of, merge)
    tests = sum(counts[group] for group in crowded)
    note = (
        f"Test modules merged per package: {plural(tests, 'test module')} in "
        f"{plural(len(crowded), 'node')}."
    )
    return replace(merged, omitted=" ".join(filter(None, [diagram.omitted, note])))


def chain_edges_only(diagram: Diagram) -> Diagram:
    """Without the edges that lie on no ``via`` chain (``diagram`` itself if there are none)."""
    kept = tuple(edge for edge in diagram.edges if edge.on_chain)
    dropped = len(diagram.edges) - len(kept)
    if not dropped:
        return diagram
    note = (
        f"Only the edges of the call chains are drawn ({plural(dropped, 'other edge')} left out)."
    )
    omitted = " ".join(filter(None, [diagram.omitted, note]))
    return replace(diagram, edges=kept, omitted=omitted)


def symbol_diagram(report: ImpactReport) -> Diagram:
    nodes: dict[str, Node] = {}
    changed: dict[str, list[tuple[str, str, bool]]] = {}
    for change in sorted(report.changes, key=lambda c: not c.breaking):
        changed.setdefault(change.symbol, []).append(
            (change.kind.value, change.detail, change.breaking)
        )
    for symbol, found in changed.items():
        if len(found) == 1:
            kind, detail, _ = found[0]
            text = f"{kind}: {detail}" if detail else kind
        else:
            text = _kinds_summary([kind for kind, _, _ in found])
        nodes[_change_key(symbol)] = Node(
            key=_change_key(symbol),
            role=Role.CHANGE,
            title=symbol,
            detail=text,
            group=f"{CHANGES_GROUP}:{symbol_module(symbol)}",
            breaking=any(breaking for _, _, breaking in found),
            changes=len(found),
        )
    gateways = set(report.gateways_crossed)
    for module in report.affected:
        nodes[_module_key(module.module)] = Node(
            key=_module_key(module.module),
            role=Role.MODULE,
            title=module.module,
            detail=f"depth {module.depth}" + (" · test" if module.is_test else ""),
            group=module.package,
            breaking=module.breaking,
            crosses_gateway=module.crosses_gateway,
            gateway=module.module in gateways or module.module in module.gateways,
            is_test=module.is_test,
            depths=(module.depth, module.depth),
            modules=1,
        )

    def source_key(symbol: str) -> str:
        return _change_key(symbol) if symbol in changed else _module_key(symbol_module(symbol))

    pairs: dict[tuple[str, str], set[str]] = {}
    chained: set[tuple[str, str]] = set()

    def connect(source: str, target: str, kind: str, *, on_chain: bool = True) -> None:
        if source == target:
            return
        if on_chain:
            chained.add((source, target))
        for key in (source, target):
            if key not in nodes:  # on a chain but not reported as affected: drawn plainly
                module = key.removeprefix("module:")
                nodes[key] = Node(key, Role.MODULE, module, "on the path", top_package(module))
        pairs.setdefault((source, target), set()).add(kind)

    edge_kinds = {(source, target): kind for source, target, kind in report.edges}
    for source, target, kind in report.edges:
        connect(source_key(source), _module_key(symbol_module(target)), kind, on_chain=False)
    for module in report.affected:
        chain = module.via
        for source, target in pairwise(chain):
            kind = edge_kinds.get((source, target), "")
            connect(source_key(source), _module_key(symbol_module(target)), kind)
        if chain:  # a one-link chain is the change itself, used at module level
            end = source_key(chain[0]) if len(chain) == 1 else _module_key(symbol_module(chain[-1]))
            connect(end, _module_key(module.module), "")
    edges = _edges(pairs, chained)
    reaching = {source for source, _ in pairs}
    quiet = [n for n in nodes.values() if n.role is Role.CHANGE and n.key not in reaching]
    drawn = tuple(n for n in nodes.values() if n.role is not Role.CHANGE or n.key in reaching)
    return Diagram(
        report.base, report.head, Level.SYMBOL, drawn, edges,
        unreached=sum(node.changes for node in quiet),
        unreached_breaking=sum(
            1 for c in report.changes if c.breaking and _change_key(c.symbol) not in reaching
        ),
    )


def collapse_to_modules(diagram: Diagram) -> Diagram:
    def key_of(node: Node) -> str:
        if node.role is Role.CHANGE:
            return "changes-in:" + symbol_module(node.title)
        return node.key

    def merge(key: str, members: list[Node]) -> Node:
        first = members[0]
        if first.role is not Role.CHANGE:
            return first
        if len(members) == 1:  # one changed symbol: its own label says more
            return replace(first, key=key)
        return _merged_changes(key, symbol_module(first.title), members)

    changes = sum(node.changes for node in diagram.nodes if node.role is Role.CHANGE)
    merged = _collapse(diagram, Level.MODULE, key_of, merge)
    holders = sum(1 for node in merged.nodes if node.role is Role.CHANGE)
    omitted = f"Changed symbols merged into their modules: {plural(changes, 'change')} in " + (
        f"{plural(holders, 'module')}."
    )
    return replace(merged, omitted=omitted)


def collapse_to_packages(diagram: Diagram) -> Diagram:
    def key_of(node: Node) -> str:
        if node.role is Role.CHANGE:
            return "changes-in:" + top_package(symbol_module(node.title))
        return "package:" + (node.group or top_package(node.title))

    def merge(key: str, members: list[Node]) -> Node:
        first = members[0]
        if first.role is Role.CHANGE:
            return _merged_changes(key, top_package(symbol_module(first.title)), members)
        return _merged_package(key, first.group or top_package(first.title), members)

    merged = _collapse(diagram, Level.PACKAGE, key_of, merge)
    changes = [node for node in merged.nodes if node.role is Role.CHANGE]
    packages = [node for node in merged.nodes if node.role is Role.PACKAGE]
    omitted = (
        f"Collapsed to packages: {plural(sum(n.modules for n in packages), 'affected module')} "
        f"in {plural(len(packages), 'package')}; "
        f"{plural(sum(n.changes for n in changes), 'change')} in "
        f"{plural(len(changes), 'package')}."
    )
    return replace(merged, omitted=omitted)


def first_edges_only(diagram: Diagram) -> Diagram:
    """Only the edge by which each node is first reached: from its shallowest source.

    The result is a tree (a forest, with several changes), so it stays legible however
    densely the packages call each other.
    """
    depth = {node.key: node.depths[0] for node in diagram.nodes}
    best: dict[str, Edge] = {}
    for edge in diagram.edges:
        current = best.get(edge.target)
        if current is None or depth[edge.source] < depth[current.source]:
            best[edge.target] = edge
    kept = tuple(edge for edge in diagram.edges if best.get(edge.target) is edge)
    dropped = len(diagram.edges) - len(kept)
    if not dropped:
        return diagram
    note = (
        "Each box shows only the arrow by which the impact first reaches it "
        f"({plural(dropped, 'other edge')} left out)."
    )
    return replace(diagram, edges=kept, omitted=" ".join(filter(None, [diagram.omitted, note])))


def truncate(diagram: Diagram, keep: int) -> Diagram:
    """The first ``keep`` nodes (the highest ranked) and the edges between them."""
    kept = diagram.nodes[:keep]
    dropped = diagram.nodes[keep:]
    if not dropped:
        return diagram
    names = {node.key for node in kept}
    edges = tuple(e for e in diagram.edges if e.source in names and e.target in names)
    parts = []
    lost_affected = [node for node in dropped if node.role is not Role.CHANGE]
    lost_changes = [node for node in dropped if node.role is Role.CHANGE]
    if lost_affected:
        noun = "package" if diagram.level is Level.PACKAGE else "module"
        modules = sum(node.modules for node in lost_affected)
        parts.append(
            f"{plural(len(lost_affected), 'lower-ranked ' + noun)} "
            f"({plural(modules, 'affected module')})"
        )
    if lost_changes:
        parts.append(f"{plural(sum(n.changes for n in lost_changes), 'change')}")
    omitted = " ".join(filter(None, [diagram.omitted, "Left out: " + " and ".join(parts) + "."]))
    return replace(diagram, nodes=kept, edges=edges, omitted=omitted)


# -- helpers ----------------------------------------------------------------------------------


def _kinds_summary(kinds: list[str], limit: int = LABEL_LIMIT) -> str:
    """``parameter-removed ×2, body-changed, +1 more``: whole kinds, within ``limit``."""
    counts: dict[str, int] = {}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    items = [f"{kind} ×{count}" if count > 1 else kind for kind, count in counts.items()]
    shown: list[str] = []
    for number, item in enumerate(items):
        rest = len(items) - number - 1
        tail = f", +{rest} more" if rest else ""
        if shown and len(", ".join([*shown, item])) + len(tail) > limit:
            return ", ".join(shown) + f", +{len(items) - len(shown)} more"
        shown.append(item)
    return ", ".join(shown)


def _change_key(symbol: str) -> str:
    return "change:" + symbol


def _module_key(module: str) -> str:
    return "module:" + module


def _edges(
    pairs: dict[tuple[str, str], set[str]], chained: set[tuple[str, str]]
) -> tuple[Edge, ...]:
    return tuple(
        Edge(source, target, tuple(sorted(kinds - PLAIN_KINDS)), (source, target) in chained)
        for (source, target), kinds in pairs.items()
    )


def _collapse(
    diagram: Diagram,
    level: Level,
    key_of: Callable[[Node], str],
    merge: Callable[[str, list[Node]], Node],
) -> Diagram:
    members: dict[str, list[Node]] = {}
    new_key: dict[str, str] = {}
    for node in diagram.nodes:
        key = key_of(node)
        new_key[node.key] = key
        members.setdefault(key, []).append(node)
    nodes = tuple(merge(key, group) for key, group in members.items())
    pairs: dict[tuple[str, str], set[str]] = {}
    chained: set[tuple[str, str]] = set()
    for edge in diagram.edges:
        source, target = new_key[edge.source], new_key[edge.target]
        if source != target:
            pairs.setdefault((source, target), set()).update(edge.kinds)
            if edge.on_chain:
                chained.add((source, target))
    return Diagram(
        diagram.base, diagram.head, level, nodes, _edges(pairs, chained),
        unreached=diagram.unreached, unreached_breaking=diagram.unreached_breaking,
    )


def _merged_changes(key: str, title: str, members: Iterable[Node]) -> Node:
    nodes = list(members)
    total = sum(node.changes for node in nodes)
    breaking = [node for node in nodes if node.breaking]
    detail = plural(total, "change")
    if breaking:
        detail += f", {len(breaking):,} breaking symbol" + ("s" if len(breaking) != 1 else "")
    return Node(
        key=key,
        role=Role.CHANGE,
        title=title,
        detail=detail,
        group=CHANGES_GROUP,
        breaking=bool(breaking),
        changes=total,
    )


def _merged_package(key: str, package: str, members: Iterable[Node]) -> Node:
    nodes = list(members)
    modules = sum(node.modules for node in nodes)
    depths = [n.depths for n in nodes if n.depths[0] > 0]
    broken = sum(node.modules for node in nodes if node.breaking)
    detail = plural(modules, "module") + (f", {broken:,} broken" if broken else "")
    low = min((low for low, _ in depths), default=0)
    high = max((high for _, high in depths), default=0)
    if depths:
        detail += f"\ndepth {low}" + (f"–{high}" if high != low else "")
    return Node(
        key=key,
        role=Role.PACKAGE,
        title=package,
        detail=detail,
        group="",
        breaking=any(node.breaking for node in nodes),
        crosses_gateway=any(node.crosses_gateway for node in nodes),
        gateway=any(node.gateway for node in nodes),
        is_test=all(node.is_test for node in nodes),
        depths=(low, high),
        modules=modules,
    )
