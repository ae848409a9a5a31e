"""Hand-built impact reports for the renderer tests, and a tiny snapshot helper.

``sample_report``: 3 changes (one breaking), 6 affected modules in 3 packages, one gateway
(``storefront.api``), 2 tests, 1 warning. ``large_report``: 2,000 affected modules in 40
packages and 3,000 symbol edges, to test that the formats stay within GitHub's limits.

Snapshots live in ``tests/render/snapshots/``; run with ``UPDATE_SNAPSHOTS=1`` to rewrite them
after an intended change, and read the diff before committing it.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from impactgraph.model import (
    AffectedModule,
    Change,
    ChangeKind,
    Diagnostic,
    ImpactReport,
    Stats,
    top_package,
)

SNAPSHOTS = Path(__file__).parent / "snapshots"

FIND_BOOK = "catalog.search:find_book"
BOOK_TITLE = "catalog.models:Book.title"
PLACE = "orders.service:OrderService.place"


def _module(
    module: str,
    depth: int,
    via: tuple[str, ...],
    *,
    breaking: bool,
    gateway: bool = False,
    crosses_package: bool = False,
    is_test: bool = False,
    path: str | None = None,
) -> AffectedModule:
    package = top_package(module)
    score = 0.5 * breaking + 0.25 * gateway + 0.25 / depth
    return AffectedModule(
        module=module,
        path=path or f"packages/{package}/src/{module.replace('.', '/')}.py",
        package=package,
        depth=depth,
        breaking=breaking,
        crosses_gateway=gateway,
        crosses_package=crosses_package,
        is_test=is_test,
        score=score,
        via=via,
        gateways=("storefront.api",) if gateway else (),
    )


def make_sample_report() -> ImpactReport:
    changes = (
        Change(
            BOOK_TITLE, ChangeKind.BODY_CHANGED, False, "packages/catalog/src/catalog/models.py", 30
        ),
        Change(
            FIND_BOOK,
            ChangeKind.PARAMETER_REMOVED,
            True,
            "packages/catalog/src/catalog/search.py",
            15,
            "include_archived",
        ),
        Change(
            PLACE,
            ChangeKind.PARAMETER_ADDED,
            False,
            "packages/orders/src/orders/service.py",
            42,
            "coupon",
        ),
    )
    affected = (
        _module(
            "storefront.api",
            1,
            (FIND_BOOK, "storefront.api:get_book"),
            breaking=True,
            gateway=True,
            crosses_package=True,
        ),
        _module(
            "storefront.views",
            2,
            (FIND_BOOK, "storefront.api:get_book", "storefront.views:book_page"),
            breaking=True,
            gateway=True,
            crosses_package=True,
        ),
        _module("catalog.index", 1, (FIND_BOOK, "catalog.index:rebuild"), breaking=True),
        _module(
            "catalog.tests.test_index",
            4,
            (
                FIND_BOOK,
                "catalog.index:rebuild",
                "catalog.index:Indexer.run",
                "catalog.index:Indexer._walk",
                "catalog.tests.test_index:test_rebuild",
            ),
            breaking=True,
            is_test=True,
            path="packages/catalog/tests/test_index.py",
        ),
        _module(
            "orders.reports",
            1,
            (BOOK_TITLE, "orders.reports:monthly"),
            breaking=False,
            crosses_package=True,
        ),
        _module("orders.checkout", 1, (PLACE, "orders.checkout:checkout"), breaking=False),
    )
    kinds = {("storefront.api:get_book", "storefront.views:book_page"): "imports"}
    edges: dict[tuple[str, str, str], None] = {}
    for module in affected:
        for source, target in zip(module.via, module.via[1:], strict=False):
            edges[(source, target, kinds.get((source, target), "calls"))] = None
    return ImpactReport(
        base="origin/main",
        head="HEAD",
        base_commit="3f2c1ab9e0d14c7f8a6b5e4d3c2b1a0f9e8d7c6b",
        head_commit="9ab1c2d3e4f5061728394a5b6c7d8e9f0a1b2c3d",
        changes=changes,
        affected=affected,
        tests=("packages/catalog/tests/test_index.py", "tests/test_storefront.py"),
        warnings=(
            Diagnostic(
                "packages/orders/src/orders/legacy.py", "syntax error at line 4: unexpected '|'"
            ),
        ),
        stats=Stats(files_indexed=20, unresolved_calls=3, seconds=0.4123),
        edges=tuple(edges),
        gateways_crossed=("storefront.api",),
    )


def make_large_report(
    modules: int = 2_000, packages: int = 40, changes: int = 30, edges: int = 3_000
) -> ImpactReport:
    """A deterministic synthetic report: every module reached by a chain from a change."""
    rng = random.Random(20_000)  # noqa: S311 (reproducible data, not secrets)
    change_list = [
        Change(
            f"pkg00.core{i % 5}:function_{i}",
            ChangeKind.PARAMETER_REMOVED if i % 3 == 0 else ChangeKind.BODY_CHANGED,
            i % 3 == 0,
            f"packages/pkg00/src/pkg00/core{i % 5}.py",
            10 + i,
            f"argument_{i}" if i % 3 == 0 else "",
        )
        for i in range(changes)
    ]
    names = [f"pkg{i % packages:02d}.sub{i // packages:02d}.module_{i:04d}" for i in range(modules)]
    chains: dict[str, tuple[str, ...]] = {}
    breaking: dict[str, bool] = {}
    affected = []
    edge_set: dict[tuple[str, str, str], None] = {}
    for index, name in enumerate(names):
        symbol = f"{name}:handler_{index}"
        if index < changes or rng.random() < 0.05:
            change = change_list[index % changes]
            via: tuple[str, ...] = (change.symbol, symbol)
            broken = change.breaking
        else:
            parent = names[rng.randrange(max(index - 200, 0), index)]
            via = (*chains[parent], symbol)
            broken = breaking[parent]
        chains[name], breaking[name] = via, broken
        gateway = name.startswith("pkg01.")
        depth = len(via) - 1
        edge_set[(via[-2], via[-1], "calls")] = None
        affected.append(
            AffectedModule(
                module=name,
                path=f"packages/{top_package(name)}/src/{name.replace('.', '/')}.py",
                package=top_package(name),
                depth=depth,
                breaking=broken,
                crosses_gateway=gateway,
                crosses_package=top_package(name) != "pkg00",
                is_test=index % 50 == 0,
                score=0.5 * broken + 0.25 * gateway + 0.25 / depth,
                via=via,
                gateways=("pkg01.sub00.module_0001",) if gateway else (),
            )
        )
    while len(edge_set) < edges:  # more edges of the impacted subgraph than the chains use
        first, second = sorted(rng.sample(range(modules), 2))
        edge_set[(chains[names[first]][-1], chains[names[second]][-1], "calls")] = None
    affected.sort(key=lambda m: (-m.score, m.depth, m.module))
    return ImpactReport(
        base="origin/main",
        head="feature/big-refactor",
        changes=tuple(change_list),
        affected=tuple(affected),
        tests=tuple(f"tests/test_{i:04d}.py" for i in range(0, modules, 10)),
        warnings=tuple(Diagnostic(f"packages/broken_{i}.py", "syntax error") for i in range(40)),
        stats=Stats(files_indexed=2_400, unresolved_calls=310, seconds=12.5),
        edges=tuple(edge_set),
        gateways_crossed=("pkg01.sub00.module_0001",),
    )


@pytest.fixture
def sample_report() -> ImpactReport:
    return make_sample_report()


@pytest.fixture(scope="session")
def large_report() -> ImpactReport:
    return make_large_report()


@pytest.fixture
def no_changes_report() -> ImpactReport:
    return ImpactReport(base="v1.0", head="v1.0", stats=Stats(files_indexed=20, seconds=0.05))


Snapshot = Callable[[str, str], None]


@pytest.fixture
def snapshot() -> Snapshot:
    """``snapshot(name, text)``: compare with ``snapshots/name``, or rewrite it on request."""

    def check(name: str, text: str) -> None:
        path = SNAPSHOTS / name
        if os.environ.get("UPDATE_SNAPSHOTS") == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        if not path.exists():
            pytest.fail(f"no snapshot {path.name}: run with UPDATE_SNAPSHOTS=1 to create it")
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"{name} differs from its snapshot (UPDATE_SNAPSHOTS=1 rewrites)"

    return check


MMDC_MISSING = (
    "mermaid's CLI is not installed: npm install @mermaid-js/mermaid-cli, then put `mmdc` on "
    "PATH or set IMPACTGRAPH_MMDC to it"
)


def mmdc_program() -> str | None:
    """mermaid's CLI: ``$IMPACTGRAPH_MMDC`` or ``mmdc`` on PATH."""
    import os
    import shutil

    return os.environ.get("IMPACTGRAPH_MMDC") or shutil.which("mmdc")


def render_with_mmdc(blocks: list[str], folder: Path) -> list[Path]:
    """Render Mermaid diagrams with mermaid's own CLI, in one run (it renders each ```mermaid
    block of a Markdown file); the SVGs, each checked for a syntax error. Skips without mmdc."""
    import json
    import os
    import shutil
    import subprocess

    program = mmdc_program()
    if program is None:
        pytest.skip(MMDC_MISSING)
    # Debian's chromium instead of the browser puppeteer would download, unless told otherwise.
    config = os.environ.get("IMPACTGRAPH_MMDC_PUPPETEER_CONFIG")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if config is None and chromium is not None:
        config_path = folder / "puppeteer.json"
        config_path.write_text(
            json.dumps({"executablePath": chromium, "args": ["--no-sandbox"]}), encoding="utf-8"
        )
        config = str(config_path)
    source = folder / "diagrams.md"
    source.write_text("".join(f"```mermaid\n{b}```\n\n" for b in blocks), encoding="utf-8")
    command = [program, "-q", "-i", str(source), "-o", str(folder / "out.md")]
    if config:
        command += ["-p", config]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    images = sorted(folder.glob("out-*.svg"))
    assert len(images) == len(blocks), done.stderr[-2000:]
    for image in images:
        svg = image.read_text(encoding="utf-8")
        assert "<svg" in svg and "Syntax error" not in svg, image.name
    return images
