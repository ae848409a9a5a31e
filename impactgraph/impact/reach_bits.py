"""What a node reaches, as bits: Tarjan's walk over strongly connected parts, each part's bits
its members' own and those of every part it reaches, made once per node however many ask.

The rules of test selection ask, for thousands of nodes each, what reaches them (the tests
behind an unresolved call) or what they reach (the modules a test file's process imports);
one walk per question grew with the tree times the questions (minutes on Django's sdist).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class Named(Generic[T]):
    """A bit for each thing, given in the order they are first asked for."""

    def __init__(self) -> None:
        self._bits: dict[T, int] = {}
        self._things: list[T] = []

    def __contains__(self, thing: object) -> bool:
        return thing in self._bits

    def bit(self, thing: T) -> int:
        position = self._bits.get(thing)
        if position is None:
            position = self._bits[thing] = len(self._things)
            self._things.append(thing)
        return 1 << position

    def of(self, bits: int) -> Iterator[T]:
        """The things whose bits are set in ``bits``, in the order of their bits."""
        things = self._things
        return (things[position] for position in positions(bits))


def close(root: str, next_of: Callable[[str], Iterable[str]], mark: Callable[[str], int],
          done: dict[str, int]) -> None:
    """Fill ``done`` with the bits of ``root`` and of every node it reaches over ``next_of``
    that ``done`` lacks: the ``mark`` of each node reached, itself included."""
    if root in done:
        return
    index: dict[str, int] = {root: 0}
    low: dict[str, int] = {root: 0}
    marks: dict[str, int] = {root: mark(root)}
    stack = [root]
    on_stack = {root}
    work = [(root, iter(next_of(root)))]
    while work:
        node, pending = work[-1]
        for after in pending:
            if after in done:
                marks[node] |= done[after]
            elif after not in index:
                index[after] = low[after] = len(index)
                marks[after] = mark(after)
                stack.append(after)
                on_stack.add(after)
                work.append((after, iter(next_of(after))))
                break
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        else:
            work.pop()
            if low[node] == index[node]:  # the root of a part: it is complete
                members: list[str] = []
                total = 0
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    total |= marks.pop(member)
                    if member == node:
                        break
                for member in members:
                    done[member] = total
                if work:
                    marks[work[-1][0]] |= total
            elif work:  # in the part of the node before it: its bits join the part's as it closes
                before = work[-1][0]
                low[before] = min(low[before], low[node])


def positions(bits: int) -> Iterable[int]:
    """The positions of the bits set in ``bits``, lowest first."""
    digits = bin(bits)[:1:-1]  # bit 0 first
    position = digits.find("1")
    while position != -1:
        yield position
        position = digits.find("1", position + 1)
