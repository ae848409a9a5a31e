"""``[tool.impactgraph]`` from pyproject.toml or .impactgraph.toml, validated all at once."""

from __future__ import annotations

import configparser
import shlex
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from impactgraph.discovery import DEFAULT_TEST_PATTERNS
from impactgraph.errors import ConfigError
from impactgraph.pytest_collection import (
    DEFAULT_NORECURSEDIRS,
    OPEN,
    PYTEST_DEFAULT,
    Collection,
)

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
    # Folders on sys.path when the tests run: the root pytest configuration's ``pythonpath``.
    import_paths: tuple[str, ...] = ()
    # where a plain ``pytest`` run looks for them (the root's testpaths and norecursedirs)
    collection: Collection = PYTEST_DEFAULT


_LIST_KEYS = {"source-roots", "gateways", "exclude", "test-patterns"}
_KNOWN = _LIST_KEYS | {"max-depth"}


def parse_config(table: Mapping[str, Any], origin: str,
                 test_patterns: tuple[str, ...] = DEFAULT_TEST_PATTERNS) -> Config:
    """Validate one ``[tool.impactgraph]`` table; every problem is reported in one error.
    ``test_patterns``: what test files are when the table does not say."""
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
        test_patterns=values.get("test-patterns", test_patterns),
    )


def _describe(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"[:80]


# A configuration file larger than this is not a configuration file.
MAX_CONFIG_BYTES = 4 * 1024 * 1024
# tomllib's time (and, for assignments, memory) grows with the square of a dotted key's length:
# ``a.a.a…a = 1`` with 100,000 parts in a 200 KB file takes tens of GB. No real key comes close.
MAX_KEY_PARTS = 256


def parse_config_text(text: str, origin: str, *, pyproject: bool,
                      test_patterns: tuple[str, ...] = DEFAULT_TEST_PATTERNS) -> Config:
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
            return Config(test_patterns=test_patterns)
        if not isinstance(tool, dict):
            raise ConfigError(origin, [f"'tool' must be a table, got {_describe(tool)}"])
        table = tool.get("impactgraph", {})
    elif isinstance(tool, dict) and "impactgraph" in tool:
        table = tool["impactgraph"]
    else:  # the keys at the top level; a stray 'tool' is reported as an unknown key
        table = document
    if not isinstance(table, dict):
        raise ConfigError(origin, [f"[tool.impactgraph] must be a table, got {_describe(table)}"])
    return parse_config(table, origin, test_patterns)


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
    """``.impactgraph.toml`` wins over ``pyproject.toml``; neither means the defaults. Test
    files are, unless ``test-patterns`` says otherwise, what the root's pytest configuration
    collects (``pytest_settings``: ``python_files``, and where pytest looks for them); its
    ``pythonpath`` gives ``import_paths``."""
    pytest = pytest_settings(root)
    tests = pytest.test_patterns
    dedicated = root / ".impactgraph.toml"
    pyproject = root / "pyproject.toml"
    if dedicated.is_file():
        config = parse_config_text(_read(dedicated), str(dedicated), pyproject=False,
                                   test_patterns=tests)
    elif pyproject.is_file():
        config = parse_config_text(_read(pyproject), str(pyproject), pyproject=True,
                                   test_patterns=tests)
    else:
        config = Config(test_patterns=tests)
    return replace(config, import_paths=pytest.import_paths, collection=pytest.collection)


# pytest's configuration files at the root, in the order pytest takes the first that has its
# section (https://docs.pytest.org/en/stable/reference/customize.html; ``_pytest/config/
# findpaths.py``): pytest.toml and pytest.ini count even without it.
_PYTEST_FILES = (("pytest.toml", "pytest"), (".pytest.toml", "pytest"),
                 ("pytest.ini", "pytest"), (".pytest.ini", "pytest"),
                 ("pyproject.toml", "tool.pytest"), ("tox.ini", "pytest"),
                 ("setup.cfg", "tool:pytest"))


@dataclass(frozen=True, slots=True)
class PytestSettings:
    """What the root's pytest configuration says about collecting: the test file patterns
    (``python_files`` plus ``conftest.py``) and where pytest looks (``Collection``)."""
    test_patterns: tuple[str, ...] = DEFAULT_TEST_PATTERNS
    collection: Collection = PYTEST_DEFAULT
    import_paths: tuple[str, ...] = ()  # ``pythonpath``


def pytest_files(root: Path) -> tuple[str, ...]:
    """``python_files`` of the repository root's pytest configuration, plus ``conftest.py``;
    the defaults without one."""
    return pytest_settings(root).test_patterns


def _ini_list(value: Any) -> tuple[str, ...]:
    """An ini option of pytest's list types: whitespace-separated in an ini file, a list (or
    such a string) in pyproject.toml; () for anything else."""
    items = value.split() if isinstance(value, str) else value
    if isinstance(items, list) and all(isinstance(item, str) for item in items):
        return tuple(items)
    return ()


def pytest_settings(root: Path) -> PytestSettings:
    """The root's pytest configuration (the first file that has its section). A file that
    cannot be read is passed over for ``python_files`` and ``pythonpath`` and leaves
    collection unfiltered (``OPEN``: pytest would stop on it; what it runs instead is not ours
    to guess)."""
    readable = True
    for name, section in _PYTEST_FILES:
        path = root / name
        if not path.is_file():
            continue
        try:
            found = _pytest_section(_read(path), name, section)
        except (ConfigError, ValueError, configparser.Error, tomllib.TOMLDecodeError,
                RecursionError):
            readable = False
            continue
        if found is None:
            continue  # pytest goes on to the next file
        patterns = _ini_list(found.get("python_files"))
        tests = (*patterns, "conftest.py") if patterns else DEFAULT_TEST_PATTERNS
        paths = _ini_list(found.get("pythonpath"))
        testpaths = _pytest_args(found.get("testpaths"), ())
        norecurse = _pytest_args(found.get("norecursedirs"), DEFAULT_NORECURSEDIRS)
        if not readable or testpaths is None or norecurse is None:
            return PytestSettings(tests, OPEN, paths)
        return PytestSettings(tests, Collection(testpaths, norecurse), paths)
    return PytestSettings(collection=PYTEST_DEFAULT if readable else OPEN)


def _pytest_args(value: Any, default: tuple[str, ...]) -> tuple[str, ...] | None:
    """An ``args`` option as pytest reads it (a string is split like a shell line, a TOML
    list taken as it is); ``default`` when absent, None when unreadable."""
    if value is None:
        return default
    if isinstance(value, str):
        try:
            return tuple(shlex.split(value))
        except ValueError:
            return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _pytest_section(text: str, name: str, section: str) -> Mapping[str, Any] | None:
    if name.endswith(".toml"):
        _check_key_depth(text, name)
        document: Any = tomllib.loads(text)
        if section == "tool.pytest":  # native keys ([tool.pytest]) or [tool.pytest.ini_options]
            tool = document.get("tool")
            table = tool.get("pytest") if isinstance(tool, dict) else None
            if not isinstance(table, dict):
                return None
            native = {k: v for k, v in table.items() if k != "ini_options"}
            ini = table.get("ini_options")
            if native:
                return native
            return ini if isinstance(ini, dict) else None
        table = document.get(section)
        return table if isinstance(table, dict) else {}  # pytest.toml counts without it
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text, name)
    if parser.has_section(section):
        return dict(parser.items(section))
    return {} if name.endswith("pytest.ini") else None


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
