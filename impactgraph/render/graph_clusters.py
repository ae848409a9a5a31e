"""How the nodes of a GraphView nest: packages in packages, and at symbol level modules.

DOT clusters and Mermaid subgraphs are both drawn from this tree. Subpackages get clusters of
their own (``payments.providers`` inside ``payments``): a single-package project otherwise
draws as one box with every module in a row. Clusters that would frame nothing useful are
left out: a wrapper around a single subpackage (``src/company/product/...``), a package
showing only its own ``__init__``, a top-level module that is no package (``conftest``).
"""

from __future__ import annotations

from dataclasses import dataclass

from impactgraph.render.diagram import Level
from impactgraph.render.graph_view import GraphView, ViewNode


@dataclass(frozen=True, slots=True)
class Cluster:
    name: str  # a dotted package name, or a module name for a module's cluster
    nodes: tuple[ViewNode, ...]  # drawn directly inside
    children: tuple[Cluster, ...] = ()
    is_module: bool = False  # symbol level: the symbols of one module

    @property
    def label(self) -> str:
        if self.is_module and self.nodes[0].path.endswith("__init__.py"):
            return f"{self.name} (__init__)"
        return self.name


def cluster_tree(view: GraphView) -> tuple[tuple[Cluster, ...], tuple[ViewNode, ...]]:
    """The outermost clusters, and the nodes drawn outside any cluster."""
    if view.level is Level.PACKAGE:
        return (), view.nodes
    direct: dict[str, list[ViewNode]] = {}  # package -> nodes (module level)
    modules: dict[str, list[ViewNode]] = {}  # module -> nodes (symbol level)
    module_package: dict[str, str | None] = {}
    outside: list[ViewNode] = []
    for node in view.nodes:
        if view.level is Level.SYMBOL:
            modules.setdefault(node.module, []).append(node)
            module_package.setdefault(node.module, _container(node.module, node.path))
            continue
        container = _container(node.id, node.path)
        if container is None:
            outside.append(node)
        else:
            direct.setdefault(container, []).append(node)
    module_clusters: dict[str, list[Cluster]] = {}
    loose_modules: list[Cluster] = []
    for module, nodes in sorted(modules.items()):
        cluster = Cluster(module, tuple(nodes), is_module=True)
        package = module_package[module]
        if package is None:
            loose_modules.append(cluster)
        else:
            module_clusters.setdefault(package, []).append(cluster)
    packages = set(direct) | set(module_clusters)
    for package in list(packages):
        parts = package.split(".")
        packages.update(".".join(parts[:i]) for i in range(1, len(parts)))

    def build(name: str) -> Cluster | None:
        children = [
            child
            for child in (
                build(sub)
                for sub in sorted(packages)
                if sub.rsplit(".", 1)[0] == name and "." in sub
            )
            if child is not None
        ]
        children += module_clusters.get(name, [])
        nodes = tuple(direct.get(name, ()))
        if not nodes and len(children) == 1:
            return children[0]  # a wrapper around one subpackage or module frames nothing
        if not nodes and not children:
            return None
        return Cluster(name, nodes, tuple(children))

    top: list[Cluster] = []
    for name in sorted(p for p in packages if "." not in p):
        built = build(name)
        if built is None:
            continue
        if _frames_only_itself(built):
            outside.extend(built.nodes)
        else:
            top.append(_unframe_lone_inits(built))
    return tuple(top + loose_modules), tuple(sorted(outside, key=lambda node: node.id))


def _container(module: str, path: str) -> str | None:
    """The package a module is drawn in: itself for a package's ``__init__``, else its parent."""
    if path.endswith("__init__.py"):
        return module
    return module.rsplit(".", 1)[0] if "." in module else None


def _frames_only_itself(cluster: Cluster) -> bool:
    """A package showing nothing but its own ``__init__`` module."""
    return (
        not cluster.children
        and len(cluster.nodes) == 1
        and cluster.nodes[0].id == cluster.name
        and not cluster.is_module
    )


def _unframe_lone_inits(cluster: Cluster) -> Cluster:
    """Subpackages showing only their ``__init__`` are drawn as a node of their parent."""
    kept: list[Cluster] = []
    nodes = list(cluster.nodes)
    for child in cluster.children:
        if _frames_only_itself(child):
            nodes.extend(child.nodes)
        else:
            kept.append(_unframe_lone_inits(child))
    return Cluster(
        cluster.name,
        tuple(sorted(nodes, key=lambda node: node.id)),
        tuple(kept),
        cluster.is_module,
    )
