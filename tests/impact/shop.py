"""The shop fixture as in-memory trees, and the edits of fixtures/shop/EXPECTED.md."""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "shop"
CATALOG = "packages/catalog/src/catalog"
ORDERS = "packages/orders/src/orders"
PAYMENTS = "packages/payments/src/payments"


def shop_tree() -> dict[str, str]:
    return {
        p.relative_to(FIXTURE).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(FIXTURE.rglob("*.py"))
    }


def replace(tree: dict[str, str], path: str, old: str, new: str) -> dict[str, str]:
    assert old in tree[path], (path, old)
    edited = dict(tree)
    edited[path] = tree[path].replace(old, new, 1)
    return edited


def remove(tree: dict[str, str], path: str) -> dict[str, str]:
    edited = dict(tree)
    del edited[path]
    return edited
