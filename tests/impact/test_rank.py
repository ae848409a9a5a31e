"""The ranking invariants of DESIGN.md, as properties."""

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from impactgraph.impact.rank import rank_affected, score
from impactgraph.model import AffectedModule

depths = st.integers(min_value=1, max_value=100_000)


@given(depth=depths, breaking=st.booleans())
def test_gateway_crossing_ranks_above_non_crossing_at_equal_depth(depth, breaking):
    assert score(breaking=breaking, crosses_gateway=True, depth=depth) > score(
        breaking=breaking, crosses_gateway=False, depth=depth
    )


@given(shallow=depths, deeper=depths, gateway=st.booleans(), breaking=st.booleans())
def test_shallower_ranks_above_deeper_at_equal_gateway_status(shallow, deeper, gateway, breaking):
    if shallow >= deeper:
        return
    assert score(breaking=breaking, crosses_gateway=gateway, depth=shallow) > score(
        breaking=breaking, crosses_gateway=gateway, depth=deeper
    )


@given(d1=depths, d2=depths, g1=st.booleans(), g2=st.booleans())
def test_breaking_ranks_above_body_only_whatever_else(d1, d2, g1, g2):
    assert score(breaking=True, crosses_gateway=g1, depth=d1) > score(
        breaking=False, crosses_gateway=g2, depth=d2
    )


def _module(name, **kw):
    values: dict[str, Any] = {"depth": 1, "breaking": False, "crosses_gateway": False}
    values.update(kw)
    return AffectedModule(
        module=name, path=f"{name}.py", package=name.split(".")[0],
        crosses_package=kw.get("crosses_package", False), is_test=False,
        score=score(breaking=values["breaking"], crosses_gateway=values["crosses_gateway"],
                    depth=values["depth"]),
        via=(), depth=values["depth"], breaking=values["breaking"],
        crosses_gateway=values["crosses_gateway"],
    )


@given(st.lists(st.tuples(depths, st.booleans(), st.booleans(), st.booleans()), max_size=30))
def test_rank_order_is_sorted_by_score_and_total(rows):
    modules = [
        _module(f"m{i}", depth=d, breaking=b, crosses_gateway=g, crosses_package=p)
        for i, (d, b, g, p) in enumerate(rows)
    ]
    ranked = rank_affected(modules)
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)
    assert rank_affected(list(reversed(modules))) == ranked


def test_at_equal_score_library_code_ranks_above_tests_even_when_tests_cross_packages():
    library = _module("catalog.search", crosses_package=False)
    test = AffectedModule(**{**{f: getattr(library, f) for f in library.__slots__},
                             "module": "test_search", "crosses_package": True, "is_test": True})
    assert [m.module for m in rank_affected([test, library])] == ["catalog.search", "test_search"]
