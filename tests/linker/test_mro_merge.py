"""The linker's C3 merge (``resolve._c3_merge``) gives what the merge it replaced gave, on
random hierarchies, consistent or not: that one searched every tail for each head at every
step, cubic in a chain's length (a thousand classes each deriving from the last took 8.5 s
to index; a robustness sweep's case)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from impactgraph.linker.resolve import _c3_merge


def _reference(cls: str, sequences: list[list[str]], irregular: set[str]) -> list[str]:
    """The merge as ``Resolver.mro`` wrote it before."""
    sequences = [list(s) for s in sequences]
    result = [cls]
    while True:
        sequences = [s for s in sequences if s]
        if not sequences:
            break
        for sequence in sequences:
            head = sequence[0]
            if not any(head in s[1:] for s in sequences):
                break
        else:
            irregular.add(cls)
            for sequence in sequences:
                result.extend(c for c in sequence if c not in result)
            break
        result.append(head)
        for s in sequences:
            if s and s[0] == head:
                del s[0]
    return result


NAMES = st.sampled_from([f"C{i}" for i in range(8)])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(NAMES, max_size=6, unique=True), max_size=4))
def test_the_merge_is_the_one_it_replaced(sequences: list[list[str]]) -> None:
    mine: set[str] = set()
    theirs: set[str] = set()
    assert _c3_merge("X", [list(s) for s in sequences], mine) == _reference(
        "X", sequences, theirs)
    assert mine == theirs


def test_python_s_own_order() -> None:
    class A: ...
    class B(A): ...
    class C(A): ...
    class D(B, C): ...
    def names(cls: type) -> list[str]:
        return [k.__name__ for k in cls.__mro__[:-1]]  # without object
    assert _c3_merge("D", [names(B), names(C), ["B", "C"]], set()) == names(D)
