"""Does a call site still bind to a signature? Python's argument binding rules, on shapes."""

from __future__ import annotations

from impactgraph.model import CallSite, ParamKind, Signature


def call_binds(signature: Signature, site: CallSite, bound: bool) -> bool | None:
    """True when the call binds, False when it cannot, None when it cannot be told.

    ``bound``: the first parameter is taken by the instance (or class, or the constructor).
    A call that unpacks ``*args``/``**kwargs`` has an unknown shape: None.
    """
    if site.star:
        return None
    params = list(signature.parameters)
    positional = [
        p for p in params if p.kind in (ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_OR_KEYWORD)
    ]
    if bound and positional:
        first = positional.pop(0)
        params.remove(first)
    var_positional = any(p.kind is ParamKind.VAR_POSITIONAL for p in params)
    var_keyword = any(p.kind is ParamKind.VAR_KEYWORD for p in params)
    given = len(site.args)
    if given > len(positional) and not var_positional:
        return False
    assigned = {p.name for p in positional[:given]}
    by_name = {
        p.name: p
        for p in params
        if p.kind in (ParamKind.POSITIONAL_OR_KEYWORD, ParamKind.KEYWORD_ONLY)
    }
    for name, _ in site.kwargs:
        if name in assigned:
            return False  # got multiple values
        if name in by_name:
            assigned.add(name)
        elif not var_keyword:
            return False  # unexpected keyword
    for p in params:
        if p.kind in (ParamKind.VAR_POSITIONAL, ParamKind.VAR_KEYWORD):
            continue
        if p.default is None and p.name not in assigned:
            return False  # a required parameter is missing
    return True
