"""Gateway modules: the configured API layers that an effect can escape through."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence


def is_gateway(module: str, patterns: Sequence[str]) -> bool:
    """``storefront.api`` matches itself and its submodules; ``*.routes`` is a glob."""
    for pattern in patterns:
        if module == pattern or module.startswith(pattern + "."):
            return True
        if fnmatch.fnmatchcase(module, pattern):
            return True
    return False
