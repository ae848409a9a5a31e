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


# A configuration file larger than this is not a configuration file.
MAX_CONFIG_BYTES = 4 * 1024 * 1024
# tomllib's time (and, for assignments, memory) grows with the square of a dotted key's length:
# ``a.a.a…a = 1`` with 100,000 parts in a 200 KB file takes tens of GB. No real key comes close.
MAX_KEY_PARTS = 256


def parse_config_text(text: str, origin: str, *, pyproject: bool) -> Config:
    """Parse one file; any problem (TOML syntax, shape, types) is a ``ConfigError`` (exit 2)."""
    _check_key_depth(text, origin)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(origin, [f"not valid TOML: {error}"]) from None
    except RecursionError:
        raise ConfigError(origin, ["not valid TOML: nested too deeply"]) from None
    tool = document.get("tool")
    if pyproject:
        if tool is None:
            return Config()
        if not isinstance(tool, dict):
            raise ConfigError(origin, [f"'tool' must be a table, got {_describe(tool)}"])
        table = tool.get("impactgraph", {})
    elif isinstance(tool, dict) and "impactgraph" in tool:
        table = tool["impactgraph"]
    else:  # the keys at the top level; a stray 'tool' is reported as an unknown key
        table = document
    if not isinstance(table, dict):
        raise ConfigError(origin, [f"[tool.impactgraph] must be a table, got {_describe(table)}"])
    return parse_config(table, origin)


def _check_key_depth(text: str, origin: str) -> None:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        # Table headers and key lines only: a long row of dots in a string value is fine.
        if not stripped[:1].isalnum() and stripped[:1] not in ("[", "_", "-", '"', "'"):
            continue
        key = stripped.split("=", 1)[0]
        if key.count(".") >= MAX_KEY_PARTS:
            raise ConfigError(
                origin, [f"line {number}: a key of more than {MAX_KEY_PARTS} dotted parts"]
            )


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
        with path.open("rb") as stream:
            data = stream.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(str(path), [f"cannot read: {error.strerror or error}"]) from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(str(path), [f"larger than {MAX_CONFIG_BYTES // 1024 // 1024} MiB"])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(str(path), [f"not UTF-8 text: {error.reason}"]) from None
