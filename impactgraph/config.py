"""``[tool.impactgraph]`` from pyproject.toml or .impactgraph.toml, validated all at once."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from impactgraph.discovery import DEFAULT_TEST_PATTERNS
from impactgraph.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True, slots=True)
class Config:
    source_roots: tuple[str, ...] = ()
    gateways: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_depth: int | None = None
    test_patterns: tuple[str, ...] = DEFAULT_TEST_PATTERNS


_LIST_KEYS = {"source-roots", "gateways", "exclude", "test-patterns"}
_KNOWN = _LIST_KEYS | {"max-depth"}


def parse_config(table: Mapping[str, Any], origin: str) -> Config:
    """Validate one ``[tool.impactgraph]`` table; every problem is reported in one error."""
    problems = [
        f"unknown key '{key}' (known: {', '.join(sorted(_KNOWN))})"
        for key in sorted(set(table) - _KNOWN)
    ]
    values: dict[str, Any] = {}
    for key in sorted(_LIST_KEYS & set(table)):
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"'{key}' must be a list of strings, got {_describe(value)}")
        else:
            values[key] = tuple(value)
    if "max-depth" in table:
        depth = table["max-depth"]
        if isinstance(depth, bool) or not isinstance(depth, int) or depth < 1:
            problems.append(f"'max-depth' must be a whole number >= 1, got {_describe(depth)}")
        else:
            values["max-depth"] = depth
    if problems:
        raise ConfigError(origin, problems)
    return Config(
        source_roots=values.get("source-roots", ()),
        gateways=values.get("gateways", ()),
        exclude=values.get("exclude", ()),
        max_depth=values.get("max-depth"),
        test_patterns=values.get("test-patterns", DEFAULT_TEST_PATTERNS),
    )


def _describe(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"[:80]


def parse_config_text(text: str, origin: str, *, pyproject: bool) -> Config:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(origin, [f"not valid TOML: {error}"]) from None
    if pyproject:
        table = document.get("tool", {}).get("impactgraph", {})
    else:
        table = document.get("tool", {}).get("impactgraph", document)
    if not isinstance(table, dict):
        raise ConfigError(origin, ["[tool.impactgraph] must be a table"])
    return parse_config(table, origin)


def load_config(root: Path) -> Config:
    """``.impactgraph.toml`` wins over ``pyproject.toml``; neither means the defaults."""
    dedicated = root / ".impactgraph.toml"
    if dedicated.is_file():
        return parse_config_text(_read(dedicated), str(dedicated), pyproject=False)
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        return parse_config_text(_read(pyproject), str(pyproject), pyproject=True)
    return Config()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), [f"cannot read: {error}"]) from None
