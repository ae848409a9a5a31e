"""Flow-sensitive local variables: which assignments reach a read.

A name bound more than once in one scope's own code (a function, a class body, a module) gets
a *version* per binding, a variable of its own (``v:mod:qual|<3>|name``); a read in that code
evaluates the versions that reach it: a later assignment replaces an earlier one, branches
join, a loop's head joins its entry with the end of its body (a *phi* version whose values are
filled in once the body has been walked), an ``except`` handler sees every version its ``try``
made. The variable itself (``v:mod:qual|name``) keeps every value, as before: reads from
nested functions (closures), other modules, class attribute lookups and the linker's argument
flow use it. Names that ``global`` or ``nonlocal`` statements share between scopes, and names
bound in ways the walk does not follow (``match`` captures, type parameters), stay
flow-insensitive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from astroid import nodes

from impactgraph.expressions import ARGUMENTS as ARGUMENTS_ROOT
from impactgraph.model import Expr

# A scope's state: name -> the versions that reach this point; None: unreachable (after
# ``return``, ``raise``, ``break`` or ``continue``).
State = dict[str, tuple[str, ...]] | None
# marks a parameter's entry version: the linker adds the callers' arguments there
ARGUMENTS: Expr = (ARGUMENTS_ROOT,)
FRAMES = (nodes.Module, nodes.ClassDef, nodes.FunctionDef)
_TARGET_PARENTS = (
    nodes.Assign, nodes.AnnAssign, nodes.AugAssign, nodes.For, nodes.NamedExpr,
    nodes.ExceptHandler, nodes.Tuple, nodes.List, nodes.Starred, nodes.Arguments, nodes.With,
)


def exec_frame(node: nodes.NodeNG) -> nodes.NodeNG:
    """The function, class body or module whose straight-line code evaluates ``node``
    (comprehensions run inline; defaults, decorators and bases run outside the definition)."""
    child, parent = node, node.parent
    while parent is not None:
        if isinstance(parent, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
            outer = isinstance(child, (nodes.Arguments, nodes.Decorators)) or (
                isinstance(parent, nodes.FunctionDef) and child is parent.returns
            ) or (
                isinstance(parent, nodes.ClassDef)
                and (child in parent.bases or child in (parent.keywords or ()))
            )
            if not outer:
                return parent
        elif isinstance(parent, nodes.Module):
            return parent
        child, parent = parent, parent.parent
    return node.root()


def shared_names(module: nodes.Module) -> frozenset[str]:
    """Names some ``global`` or ``nonlocal`` statement of the module declares."""
    return frozenset(
        name
        for statement in module.nodes_of_class((nodes.Global, nodes.Nonlocal))
        for name in statement.names
    )


def join(states: Iterable[State]) -> State:
    """Where paths meet: every version that reaches along any of them. A slot (``d['k']``,
    ``obj.attr``) missing on one path is unknown there, so it is unknown after the join."""
    reachable = [s for s in states if s is not None]
    if not reachable:
        return None
    merged: dict[str, tuple[str, ...]] = {}
    for state in reachable:
        for name, versions in state.items():
            merged[name] = tuple(dict.fromkeys((*merged.get(name, ()), *versions)))
    for name in [n for n in merged if is_slot(n)]:
        if any(name not in state for state in reachable):
            del merged[name]
    return merged


def is_slot(name: str) -> bool:
    return "[" in name or "." in name


def _supported(site: nodes.NodeNG) -> bool:
    if isinstance(site, (nodes.FunctionDef, nodes.ClassDef, nodes.Import, nodes.ImportFrom)):
        return True
    return isinstance(site, nodes.AssignName) and isinstance(site.parent, _TARGET_PARENTS)


class Flow:
    """The versions of each scope's locals while the indexer walks the code in order."""

    def __init__(
        self,
        shared: frozenset[str],
        key_of: Callable[[nodes.NodeNG, str], str],
        bind: Callable[[str, list[Expr]], None],
        bindings: dict[str, list[Expr]],
    ) -> None:
        self.shared = shared  # ``shared_names`` of the module
        self.key_of = key_of  # (frame, name) -> the variable's key
        self.bind = bind  # adds values to a key (marking ``except ImportError`` fallbacks)
        self.bindings = bindings
        self.states: dict[int, State] = {}
        # frame id -> names that nested functions use: their slots are never tracked
        self.closed: dict[int, set[str]] = defaultdict(set)
        self.names: dict[int, frozenset[str]] = {}
        self.counters: dict[int, int] = defaultdict(int)
        # (frame id, name -> versions made, states before statements that may raise) while
        # walking a ``try`` body
        self.created: list[tuple[int, dict[str, list[str]], list[State]]] = []
        # (frame id, break states, continue states) of the loops being walked
        self.loops: list[tuple[int, list[State], list[State]]] = []

    def tracked(self, frame: nodes.NodeNG) -> frozenset[str]:
        """The names of ``frame`` that get versions: bound at least twice, every binding one
        the walk follows, not shared with another scope."""
        known = self.names.get(id(frame))
        if known is not None:
            return known
        names: frozenset[str] = frozenset()
        if isinstance(frame, FRAMES):
            names = frozenset(
                name for name, sites in frame.locals.items()
                if len(sites) > 1 and name not in self.shared and all(map(_supported, sites))
            )
        self.names[id(frame)] = names
        return names

    def active(self, frame: nodes.NodeNG) -> bool:
        """Is ``frame``'s code walked with states (every function, class body and module)?"""
        return id(frame) in self.states

    def enter(self, frame: nodes.NodeNG) -> None:
        """Start walking ``frame``'s code; a function's parameters hold the callers' values."""
        state: dict[str, tuple[str, ...]] = {}
        self.states[id(frame)] = state
        if isinstance(frame, nodes.FunctionDef):
            for name in sorted(self.tracked(frame)):
                if any(isinstance(s.parent, nodes.Arguments) for s in frame.locals[name]):
                    key = self.version_key(frame, name, 0)
                    self.bindings[key].extend(
                        [*self.bindings.get(self.key_of(frame, name), ()), ARGUMENTS]
                    )
                    state[name] = (key,)

    def version_key(self, frame: nodes.NodeNG, name: str, number: int) -> str:
        prefix, _, _ = self.key_of(frame, name).rpartition("|")
        return f"{prefix}|<{number}>|{name}"

    def new_version(self, frame: nodes.NodeNG, name: str) -> str:
        self.counters[id(frame)] += 1
        key = self.version_key(frame, name, self.counters[id(frame)])
        for owner, made, _ in self.created:
            if owner == id(frame):
                made.setdefault(name, []).append(key)
        return key

    def assign(self, frame: nodes.NodeNG, name: str, values: list[Expr], weak: bool) -> None:
        """A binding of ``name`` in ``frame``'s code; ``weak``: the earlier values stay
        (``x += ...``, a walrus inside an expression, a bare annotation)."""
        state = self.states.get(id(frame))
        if state is not None:
            self.kill(frame, name, "")  # a new object: what was stored in the old one is gone
        if name not in self.tracked(frame):
            return
        if state is None:  # unreachable code, or a frame not walked in order
            return
        key = self.new_version(frame, name)
        if weak:
            self.bindings[key].extend((old,) for old in state.get(name, ()))
        self.bind(key, values)
        state[name] = (key,)

    def read(self, frame: nodes.NodeNG, name: str, node: nodes.NodeNG) -> list[Expr] | None:
        """The versions of ``name`` that reach ``node``; None: use the variable itself."""
        if name not in self.tracked(frame) or exec_frame(node) is not frame:
            return None
        state = self.states.get(id(frame))
        versions = state.get(name) if state is not None else None
        return [(v,) for v in versions] if versions else None

    # -- slots: constant subscripts and attributes of a local -------------------------------
    def store(self, frame: nodes.NodeNG, base: str, path: str, values: list[Expr]) -> None:
        """``d['k'] = v`` or ``obj.attr = v`` in ``frame``'s code: until ``d`` is rebound,
        escapes or the paths join, ``d['k']`` read there holds ``v`` only (a strong update;
        the container or attribute itself still gains ``v`` for every other reader)."""
        state = self.states.get(id(frame))
        if state is None or base in self.shared or base in self.closed[id(frame)]:
            return
        self.kill(frame, base, path)
        key = self.new_version(frame, base + path)
        self.bind(key, values)
        state[base + path] = (key,)

    def load(self, frame: nodes.NodeNG, base: str, path: str, node: nodes.NodeNG
             ) -> list[Expr] | None:
        """The values stored at ``base + path`` that reach ``node``; None: not known."""
        if exec_frame(node) is not frame:
            return None
        state = self.states.get(id(frame))
        versions = state.get(base + path) if state is not None else None
        return [(v,) for v in versions] if versions else None

    def has(self, frame: nodes.NodeNG, slot: str) -> bool:
        state = self.states.get(id(frame))
        return state is not None and slot in state

    def kill(self, frame: nodes.NodeNG, base: str, path: str, inclusive: bool = True) -> None:
        """Forget the slots under ``base + path`` (``path`` itself too when ``inclusive``)."""
        state = self.states.get(id(frame))
        if not state:
            return
        prefix = base + path
        for name in [n for n in state if is_slot(n) and n.startswith(prefix)]:
            rest = name[len(prefix):]
            if (rest and rest[0] in "[.") or (not rest and inclusive):
                del state[name]

    def close(self, frame: nodes.NodeNG, base: str) -> None:
        """A nested function uses ``base``: it may change what is stored in it at any call."""
        self.closed[id(frame)].add(base)
        self.kill(frame, base, "")

    # -- control flow ------------------------------------------------------------------
    def get(self, frame: nodes.NodeNG) -> State:
        state = self.states.get(id(frame))
        return dict(state) if state is not None else None

    def set(self, frame: nodes.NodeNG, state: State) -> None:
        self.states[id(frame)] = dict(state) if state is not None else None

    def stop(self, node: nodes.NodeNG) -> None:
        """``return`` or ``raise``: nothing after it in this block runs."""
        frame = exec_frame(node)
        if id(frame) in self.states:
            self.states[id(frame)] = None

    def jump(self, node: nodes.Break | nodes.Continue) -> None:
        frame = exec_frame(node)
        for owner, breaks, continues in reversed(self.loops):
            if owner == id(frame):
                (breaks if isinstance(node, nodes.Break) else continues).append(self.get(frame))
                break
        self.stop(node)

    def loop_head(self, frame: nodes.NodeNG, loop: nodes.NodeNG) -> dict[str, str]:
        """Phi versions at the head of ``loop`` for the names its body binds; their values
        from the entry now, from the end of the body by ``loop_back``."""
        state = self.states.get(id(frame))
        self.loops.append((id(frame), [], []))
        if state is None:
            return {}
        for name in [n for n in state if is_slot(n)]:  # stores in the body may change them
            del state[name]
        phis: dict[str, str] = {}
        for name in sorted(self.tracked(frame)):
            if any(inside(site, loop) for site in frame.locals[name]):
                key = self.new_version(frame, name)
                self.bindings[key].extend((v,) for v in state.get(name, ()))
                phis[name] = key
                state[name] = (key,)
        return phis

    def loop_back(self, frame: nodes.NodeNG, phis: dict[str, str], head: State) -> list[State]:
        """The body's end (and its ``continue``s) flow back to the head; the state is the
        head's again (the loop exits there). The ``break`` states are returned."""
        _, breaks, continues = self.loops.pop()
        back = join([self.states.get(id(frame)), *continues])
        for name, phi in phis.items():
            for version in (back or {}).get(name, ()):
                if version != phi and (version,) not in self.bindings[phi]:
                    self.bindings[phi].append((version,))
        self.set(frame, head)
        return breaks

    def watch(self, frame: nodes.NodeNG) -> None:
        """Start recording what a ``try`` body does."""
        self.created.append((id(frame), {}, []))

    def before(self, statement: nodes.NodeNG) -> None:
        """A statement of a ``try`` body is about to run: where it may raise, its state
        reaches the handlers."""
        if _cannot_raise(statement):
            return
        frame = exec_frame(statement)
        for owner, _, states in self.created:
            if owner == id(frame):
                states.append(self.get(frame))

    def handler_entry(self, entry: State) -> State:
        """What an ``except`` handler sees: the states before each statement of the body
        that may raise; when none may, the entry and every version the body made."""
        _, made, states = self.created.pop()
        if entry is None:
            return None
        if states:
            return join(states)
        return join([entry, {name: tuple(keys) for name, keys in made.items()}])


def _cannot_raise(statement: nodes.NodeNG) -> bool:
    """``x = name``, ``x = 1``, ``pass``...: statements that evaluate nothing that raises
    (beyond a NameError, which a handler for it would see with the state before the try)."""
    if isinstance(statement, (nodes.Pass, nodes.Break, nodes.Continue, nodes.Global,
                              nodes.Nonlocal)):
        return True
    return (
        isinstance(statement, nodes.Assign)
        and isinstance(statement.value, (nodes.Name, nodes.Const, nodes.Lambda))
        and all(isinstance(t, nodes.AssignName) for t in statement.targets)
    )


def inside(node: nodes.NodeNG, ancestor: nodes.NodeNG) -> bool:
    """Is ``ancestor`` one of ``node``'s parents?"""
    parent = node.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False
