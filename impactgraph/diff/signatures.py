"""Old vs new signature of one callable, judged by what a caller could notice.

Callers use two styles: positional (``f(1, 2)``) and keyword (``f(a=1, b=2)``). A change is
breaking when some call that worked before fails, or silently binds differently, afterwards.
``*args``/``**kwargs`` in the new signature absorb a removed parameter for the call style they
serve; a positional-only parameter (``/`` or the old ``__x`` convention) can be renamed freely.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from impactgraph.diff.annotations import normalize_annotation, normalize_expression
from impactgraph.model import ChangeKind, Parameter, ParamKind, Signature

PO = ParamKind.POSITIONAL_ONLY
POK = ParamKind.POSITIONAL_OR_KEYWORD
KW = ParamKind.KEYWORD_ONLY
VAR_POSITIONAL = ParamKind.VAR_POSITIONAL
VAR_KEYWORD = ParamKind.VAR_KEYWORD
POSITIONAL = (PO, POK)
VARIADIC = (VAR_POSITIONAL, VAR_KEYWORD)

# Kind changes that only widen how a parameter can be passed.
_WIDENING = {(PO, POK), (KW, POK)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One difference between two signatures; the caller turns it into a ``Change``."""

    kind: ChangeKind
    breaking: bool
    detail: str
    old: str | None = None  # the two sides a reviewer compares (defaults, annotations...)
    new: str | None = None


@dataclass(frozen=True, slots=True)
class Side:
    """One revision's view of a signature: parameters as callers see them, and typing aliases."""

    parameters: tuple[Parameter, ...]
    aliases: tuple[str, ...] = ()

    def annotation(self, parameter: Parameter) -> str | None:
        return normalize_annotation(parameter.annotation, self.aliases)


def callable_parameters(signature: Signature, bound: bool) -> tuple[Parameter, ...]:
    """The parameters a caller passes: without ``self``/``cls`` when ``bound``.

    A parameter named ``__x`` (not a dunder) is positional-only by the pre-3.8 convention.
    """
    parameters = list(signature.parameters)
    if bound and parameters and parameters[0].kind in POSITIONAL:
        parameters = parameters[1:]
    return tuple(
        replace(p, kind=PO)
        if p.kind is POK and p.name.startswith("__") and not p.name.endswith("__")
        else p
        for p in parameters
    )


def _star(parameter: Parameter) -> str:
    return ("*" if parameter.kind is VAR_POSITIONAL else "**") + parameter.name


def compare_parameters(old: Side, new: Side) -> list[Finding]:
    old_plain = [p for p in old.parameters if p.kind not in VARIADIC]
    new_plain = [p for p in new.parameters if p.kind not in VARIADIC]
    old_positional = [p.name for p in old_plain if p.kind in POSITIONAL]
    new_positional = [p.name for p in new_plain if p.kind in POSITIONAL]
    new_by_name = {p.name: p for p in new_plain}
    old_names = {p.name for p in old_plain}
    new_var = {p.kind: p for p in new.parameters if p.kind in VARIADIC}
    old_var = {p.kind: p for p in old.parameters if p.kind in VARIADIC}

    # Pair old parameters with new ones: by name, else (positional) by position.
    pairs: list[tuple[Parameter, Parameter]] = []
    removed: list[Parameter] = []
    taken: set[str] = set()
    for parameter in old_plain:
        match = new_by_name.get(parameter.name)
        if match is None and parameter.kind in POSITIONAL:
            index = old_positional.index(parameter.name)
            if index < len(new_positional):
                candidate = new_by_name[new_positional[index]]
                if candidate.name not in old_names and candidate.name not in taken:
                    match = candidate
        if match is None:
            removed.append(parameter)
        else:
            taken.add(match.name)
            pairs.append((parameter, match))
    renamed_to_old = {new_p.name: old_p.name for old_p, new_p in pairs}
    removed_names = {p.name for p in removed}
    surviving_positional = {
        old_p.name for old_p, new_p in pairs
        if old_p.kind in POSITIONAL and new_p.kind in POSITIONAL
    }
    findings = [_removed(p, old_positional, surviving_positional, new_var) for p in removed]

    for old_p, new_p in pairs:
        name = new_p.name
        if old_p.name != new_p.name and old_p.kind is not PO:  # keyword callers used the old name
            findings.append(
                Finding(ChangeKind.PARAMETER_RENAMED, True, f"{old_p.name}->{new_p.name}",
                        old_p.name, new_p.name)
            )
        if old_p.kind is not new_p.kind:
            breaking = (old_p.kind, new_p.kind) not in _WIDENING
            findings.append(
                Finding(
                    ChangeKind.PARAMETER_KIND_CHANGED,
                    breaking,
                    f"{name} ({old_p.kind.value}->{new_p.kind.value})",
                    old_p.kind.value,
                    new_p.kind.value,
                )
            )
        elif old_p.kind in POSITIONAL and _moved(
            old_p.name, name, old_positional, new_positional, renamed_to_old, removed_names
        ):
            old_index = old_positional.index(old_p.name)
            new_index = new_positional.index(name)
            findings.append(
                Finding(ChangeKind.PARAMETER_MOVED, True, f"{name} ({old_index}->{new_index})",
                        str(old_index), str(new_index))
            )
        findings.extend(_compare_default(old_p, new_p))
        if old.annotation(old_p) != new.annotation(new_p):
            findings.append(Finding(ChangeKind.PARAMETER_ANNOTATION_CHANGED, False, name,
                                    old_p.annotation, new_p.annotation))

    for parameter in new_plain:
        if parameter.name not in taken:
            required = parameter.default is None
            findings.append(Finding(ChangeKind.PARAMETER_ADDED, required, parameter.name))

    for kind in VARIADIC:
        before, after = old_var.get(kind), new_var.get(kind)
        if before is not None and after is None:
            findings.append(Finding(ChangeKind.PARAMETER_REMOVED, True, _star(before)))
        elif before is None and after is not None:
            findings.append(Finding(ChangeKind.PARAMETER_ADDED, False, _star(after)))
        elif (
            before is not None
            and after is not None
            and old.annotation(before) != new.annotation(after)
        ):
            findings.append(Finding(ChangeKind.PARAMETER_ANNOTATION_CHANGED, False, _star(after),
                                    before.annotation, after.annotation))
    return findings


def _removed(
    parameter: Parameter,
    old_positional: Sequence[str],
    surviving_positional: set[str],
    new_var: dict[ParamKind, Parameter],
) -> Finding:
    """A removed parameter breaks unless ``*args``/``**kwargs`` take it in every call style."""
    keyword_ok = parameter.kind is PO or VAR_KEYWORD in new_var
    positional_ok = parameter.kind is KW
    if parameter.kind in POSITIONAL and VAR_POSITIONAL in new_var:
        # *args takes it only if no later positional parameter shifts into its place.
        later = old_positional[old_positional.index(parameter.name) + 1 :]
        positional_ok = not any(name in surviving_positional for name in later)
    notes = []
    if parameter.kind is not PO and VAR_KEYWORD in new_var:
        notes.append(f"keyword calls absorbed by **{new_var[VAR_KEYWORD].name}")
    if parameter.kind is not KW and positional_ok and VAR_POSITIONAL in new_var:
        notes.append(f"positional calls absorbed by *{new_var[VAR_POSITIONAL].name}")
    detail = parameter.name + (f" ({'; '.join(notes)})" if notes else "")
    return Finding(ChangeKind.PARAMETER_REMOVED, not (keyword_ok and positional_ok), detail)


def _moved(
    old_name: str,
    new_name: str,
    old_positional: Sequence[str],
    new_positional: Sequence[str],
    renamed_to_old: dict[str, str],
    removed: set[str],
) -> bool:
    """Did positional callers' arguments for this parameter start landing elsewhere?

    A shift explained by removed parameters alone is not a move (the removal is reported);
    a new parameter inserted before it, or a reordering, is.
    """
    old_index = old_positional.index(old_name)
    new_index = new_positional.index(new_name)
    if old_index == new_index:
        return False
    before_old = set(old_positional[:old_index])
    before_new = {renamed_to_old.get(n, n) for n in new_positional[:new_index]}
    explained = before_new <= before_old and (before_old - before_new) <= removed
    return not explained


def _compare_default(old_p: Parameter, new_p: Parameter) -> list[Finding]:
    name = new_p.name
    if old_p.default is not None and new_p.default is None:
        return [Finding(ChangeKind.PARAMETER_NOW_REQUIRED, True, name, old_p.default)]
    if old_p.default is None and new_p.default is not None:
        return [Finding(ChangeKind.PARAMETER_DEFAULT_CHANGED, False, f"{name} (now optional)",
                        None, new_p.default)]
    if normalize_expression(old_p.default) != normalize_expression(new_p.default):
        return [Finding(ChangeKind.PARAMETER_DEFAULT_CHANGED, False, name, old_p.default,
                        new_p.default)]
    return []


def compare_signatures(
    old: Signature,
    new: Signature,
    *,
    old_bound: bool,
    new_bound: bool,
    old_aliases: tuple[str, ...] = (),
    new_aliases: tuple[str, ...] = (),
) -> list[Finding]:
    """Parameters, return annotation and ``async`` of one callable."""
    findings = compare_parameters(
        Side(callable_parameters(old, old_bound), old_aliases),
        Side(callable_parameters(new, new_bound), new_aliases),
    )
    if normalize_annotation(old.returns, old_aliases) != normalize_annotation(
        new.returns, new_aliases
    ):
        findings.append(Finding(ChangeKind.RETURN_ANNOTATION_CHANGED, False, new.returns or "",
                                old.returns, new.returns))
    if old.is_async != new.is_async:
        # An async generator and a plain function returning an async iterator are called
        # alike: what the call gives is iterated with ``async for`` either way
        alike = returns_async_iterator(old) and returns_async_iterator(new)
        findings.append(
            Finding(ChangeKind.ASYNC_CHANGED, not alike,
                    "now async" if new.is_async else "now sync",
                    _sync(old.is_async), _sync(new.is_async))
        )
    return findings


# what a plain function annotated to return one of these gives an ``async for``
ASYNC_ITERATORS = frozenset({"AsyncIterator", "AsyncGenerator", "AsyncIterable"})


def returns_async_iterator(signature: Signature | None) -> bool:
    """Does a call of this function return an async iterator: an async generator, or a
    plain function annotated ``-> AsyncIterator[...]`` (or ``AsyncGenerator``, or
    ``AsyncIterable``, spelt through any module)?"""
    if signature is None:
        return False
    if signature.is_async:
        return signature.is_generator
    if signature.is_generator or not signature.returns:
        return False
    head = signature.returns.strip("'\"").split("[", 1)[0].strip()
    return head.rpartition(".")[2] in ASYNC_ITERATORS


def _sync(is_async: bool) -> str:
    return "async def" if is_async else "def"


def compare_overloads(
    old: Sequence[Signature],
    new: Sequence[Signature],
    *,
    bound: bool,
    old_aliases: tuple[str, ...] = (),
    new_aliases: tuple[str, ...] = (),
) -> list[Finding]:
    """``@overload`` sets: every old call form must still be accepted by some new overload.

    An old overload that no new one accepts with the same parameter types is reported by its
    differences to the closest new overload (a lost parameter type alone is an annotation
    change: at run time the implementation still takes the call). Added overloads and
    reordering are no change.
    """
    findings: list[Finding] = []
    for number, old_signature in enumerate(old, start=1):
        candidates = [
            compare_signatures(
                old_signature, new_signature, old_bound=bound, new_bound=bound,
                old_aliases=old_aliases, new_aliases=new_aliases,
            )
            for new_signature in new
        ]
        if not candidates or any(_compatible(c) for c in candidates):
            continue  # the same call form is still accepted
        closest = min(candidates, key=lambda c: (sum(f.breaking for f in c), len(c)))
        findings.extend(replace(f, detail=f"{f.detail} (overload {number})") for f in closest)
    return findings


def _compatible(findings: Sequence[Finding]) -> bool:
    return not any(
        f.breaking or f.kind is ChangeKind.PARAMETER_ANNOTATION_CHANGED for f in findings
    )
