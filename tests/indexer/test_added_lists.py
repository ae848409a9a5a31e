"""``a + b + c + ...`` of lists or tuples: each level's left side is read once.

idna 3.4's ``uts46data.py`` builds its table as ``tuple(_seg_0() + _seg_1() + ... +
_seg_80())``, a chain that nests to the left. Reading the left side once for its ``__add__``
and again for the elements both sides hold took 2 ** depth reads, each making a container:
``impact`` on idna 3.4 -> 3.5 ran for over 18 minutes of CPU and 4.8 GB before it was
stopped (now 2.7 s and 140 MB)."""

from __future__ import annotations

from impactgraph.indexer import summarize


def _chain(count: int) -> str:
    functions = "".join(f"def _seg_{i}():\n    return [({i}, 'x')]\n\n\n" for i in range(count))
    return functions + "DATA = tuple(" + " + ".join(f"_seg_{i}()" for i in range(count)) + ")\n"


def test_a_long_chain_of_added_lists_makes_bindings_in_proportion() -> None:
    summary = summarize(_chain(16), "data", "data.py")
    assert len(summary.bindings) <= 20 * 16  # 280 now; 2 ** 16 containers and more before


def test_the_sum_still_holds_what_each_side_returns() -> None:
    summary = summarize(_chain(3), "data", "data.py")
    texts = "\n".join(text for _, values in summary.bindings for value in values for text in value)
    for i in range(3):
        assert f"s:data:_seg_{i}" in texts
