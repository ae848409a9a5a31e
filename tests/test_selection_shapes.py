"""benchmarks/selection_shapes.py: one shape under its mutations gives pytest's failing files
as the truth, the selection beside it, and a missed file as unsafe."""

from __future__ import annotations

from pathlib import Path

from helpers import load_benchmark


def test_a_shape_is_run_against_pytest(tmp_path: Path) -> None:
    bench = load_benchmark("selection_shapes")
    # a test loading pkg.lib by importlib.import_module: the method renamed fails it, the
    # function renamed does not (it calls only the method), and a shape without the mutated
    # file's text is not run
    method = bench.run_one("entry_string", "method", tmp_path / "method")
    assert (method.failing, method.selected, method.missed, method.error) == (
        ["tests/test_m.py"], ["tests/test_m.py"], [], "")
    helper = bench.run_one("entry_string", "helper", tmp_path / "helper")
    assert (helper.failing, helper.missed) == ([], [])
    assert bench.run_one("entry_string", "maingone", tmp_path / "none") is None
