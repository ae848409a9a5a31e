"""``[tool.impactgraph]`` from pyproject.toml or .impactgraph.toml, validated all at once."""

from __future__ import annotations

import configparser
import glob
import os
import posixpath
import re
import shlex
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from impactgraph.discovery import DEFAULT_TEST_PATTERNS
from impactgraph.errors import ConfigError
from impactgraph.pytest_collection import (
    DEFAULT_NORECURSEDIRS,
    DEFAULT_PYTHON_FILES,
    OPEN,
    Collection,
    Collections,
)
from impactgraph.pytest_setup import (
    Addopts,
    Tree,
    environment_is_open,
    parse_addopts,
    walk,
    widening_plugin,
)
from impactgraph.pytest_setup import collection as pytest_collection

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


# pytest without a configuration: its default python_files and norecursedirs
PYTEST_RUN = Collections(Collection(python_files=DEFAULT_PYTHON_FILES))


@dataclass(frozen=True, slots=True)
class Config:
    source_roots: tuple[str, ...] = ()
    gateways: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_depth: int | None = None
    test_patterns: tuple[str, ...] = DEFAULT_TEST_PATTERNS
    # Folders on sys.path when the tests run: the root pytest configuration's ``pythonpath``.
    import_paths: tuple[str, ...] = ()
    # where plain ``pytest`` runs look for them (``impactgraph.pytest_collection``)
    collection: Collections = field(default_factory=lambda: PYTEST_RUN)
    # (folder, module, is Django's settings): what pytest's configuration there has every
    # test process load (``PytestSettings.startup_modules``)
    startup_modules: tuple[tuple[str, str, bool], ...] = ()
    # (folder, runs them): does pytest-asyncio run the async fixtures of the tests under each
    # folder with a pytest configuration (``PytestSettings.asyncio_auto``)
    asyncio_auto: tuple[tuple[str, bool], ...] = ()
    # (folder, runs them): does anyio's plugin run the async fixtures of every async test
    # under each such folder (``PytestSettings.anyio_auto``)
    anyio_auto: tuple[tuple[str, bool], ...] = ()


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
    if "source-roots" in values:
        roots = []
        for root in values["source-roots"]:
            clean = posixpath.normpath(root)
            if (root.startswith(("/", "\\")) or "\\" in root or ":" in root
                    or clean == ".." or clean.startswith("../")):
                problems.append(f"'source-roots' entry {root!r} must be a folder inside the "
                                "repository, relative to its root")
            roots.append(clean)
        values["source-roots"] = tuple(roots)
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


def build_written_files(text: str) -> tuple[str, ...]:
    """The files a project's build back-end writes into its source tree, from the text of its
    ``pyproject.toml``: the version module that setuptools-scm, hatch-vcs, pdm-backend or
    versioningit make from git's tags (``[tool.hatch.build.hooks.vcs] version-file =
    "src/pkg/_version.py"``), relative to the project's folder; pdm-backend's also relative to
    ``src/``, where it looks first. () for a file that does not parse."""
    try:
        _check_key_depth(text, "pyproject.toml")
        tool = tomllib.loads(text).get("tool")
    except (ConfigError, tomllib.TOMLDecodeError, RecursionError):
        return ()

    def at(*keys: str) -> Any:
        node: Any = tool
        for key in keys:
            node = node.get(key) if isinstance(node, dict) else None
        return node

    hatch_targets = at("hatch", "build", "targets")
    found = [
        at("setuptools_scm", "write_to"), at("setuptools_scm", "version_file"),
        at("hatch", "version", "raw-options", "write_to"),
        at("hatch", "version", "raw-options", "version_file"),
        at("hatch", "build", "hooks", "vcs", "version-file"),
        *(at("hatch", "build", "targets", name, "hooks", "vcs", "version-file")
          for name in (hatch_targets if isinstance(hatch_targets, dict) else ())),
        at("versioningit", "write", "file"),
    ]
    pdm = at("pdm", "version", "write_to")
    found += [pdm, f"src/{pdm}" if isinstance(pdm, str) else None]
    return tuple(dict.fromkeys(posixpath.normpath(path) for path in found
                               if isinstance(path, str) and path.endswith(".py")))


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
    collection = pytest.collection
    if config.test_patterns != tests:  # [tool.impactgraph] says what test files are
        collection = collection.without_python_files()
    return replace(config, import_paths=pytest.import_paths, collection=collection,
                   startup_modules=pytest.startup_modules, asyncio_auto=pytest.asyncio_auto,
                   anyio_auto=pytest.anyio_auto)


# pytest's configuration files at the root, in the order pytest takes the first that has its
# section (https://docs.pytest.org/en/stable/reference/customize.html; ``_pytest/config/
# findpaths.py``): pytest.toml and pytest.ini count even without it.
_PYTEST_FILES = (("pytest.toml", "pytest"), (".pytest.toml", "pytest"),
                 ("pytest.ini", "pytest"), (".pytest.ini", "pytest"),
                 ("pyproject.toml", "tool.pytest"), ("tox.ini", "pytest"),
                 ("setup.cfg", "tool:pytest"))


@dataclass(frozen=True, slots=True)
class PytestSettings:
    """What pytest's configuration says about collecting: the test file patterns
    (``python_files`` plus ``conftest.py``; a package's own are kept to its folder) and where
    pytest looks (``Collections``)."""
    test_patterns: tuple[str, ...] = DEFAULT_TEST_PATTERNS
    collection: Collections = field(default_factory=lambda: PYTEST_RUN)
    import_paths: tuple[str, ...] = ()  # ``pythonpath``
    # (folder of the configuration, module, is Django's settings): what it has every test
    # process under that folder import as pytest starts: pytest-django's settings
    # (``DJANGO_SETTINGS_MODULE``, ``--ds``) and the plugins ``-p`` names in ``addopts``
    startup_modules: tuple[tuple[str, str, bool], ...] = ()
    # (folder of a configuration with a pytest section, does pytest-asyncio run every async
    # fixture there): ``asyncio_mode = auto``, or ``--asyncio-mode=auto`` in its addopts
    asyncio_auto: tuple[tuple[str, bool], ...] = ()
    # (folder of a configuration with a pytest section, does anyio's plugin mark every
    # ``async def`` test there, so running the async fixtures it requests): ``anyio_mode =
    # auto`` (anyio 4.12; the key is anyio's, which ``--strict-config`` refuses without it)
    anyio_auto: tuple[tuple[str, bool], ...] = ()


def auto_mode_at(auto: Sequence[tuple[str, bool]], path: str) -> bool:
    """Does a plugin run the async code of the file at ``path`` (relative to the root) by
    itself, by the configuration pytest takes for its tests: the nearest at or above its
    folder (``auto``: ``PytestSettings.asyncio_auto`` for pytest-asyncio's fixtures,
    ``anyio_auto`` for anyio's tests)?"""
    modes = dict(auto)
    folder = posixpath.dirname(path)
    while True:
        if folder in modes:
            return modes[folder]
        if not folder:
            return False
        folder = posixpath.dirname(folder)


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


def _folder_section(folder: Path) -> tuple[Mapping[str, Any] | None, bool]:
    """The pytest section of the configuration file pytest takes in ``folder`` (the first
    that has one), and whether every file before it could be read."""
    readable = True
    for name, section in _PYTEST_FILES:
        path = folder / name
        if not path.is_file():
            continue
        try:
            found = _pytest_section(_read(path), name, section)
        except (ConfigError, ValueError, configparser.Error, tomllib.TOMLDecodeError,
                RecursionError):
            readable = False
            continue
        if found is not None:
            return found, readable
    return None, readable


@dataclass(frozen=True, slots=True)
class _Settings:
    """One configuration file's section as it bears on collection (``found``: its keys)."""
    found: Mapping[str, Any]
    readable: bool

    @property
    def python_files(self) -> tuple[str, ...]:
        listed = _ini_list(self.found.get("python_files")) or DEFAULT_PYTHON_FILES
        return (*listed, *self.addopts.python_files)

    @property
    def addopts(self) -> Addopts:
        return parse_addopts(_pytest_args(self.found.get("addopts"), ()) or ())

    @property
    def asyncio_auto(self) -> bool:
        """Does pytest-asyncio run every async fixture and test by this section: its mode
        (``--asyncio-mode`` in ``addopts`` first, as pytest-asyncio reads it) is ``auto``?"""
        return self._auto(self.addopts.asyncio_mode, "asyncio_mode")

    @property
    def anyio_auto(self) -> bool:
        """Does anyio's plugin run every ``async def`` test by this section (``anyio_mode =
        auto``, or ``-o anyio_mode=auto`` in ``addopts``)?"""
        return self._auto(self.addopts.anyio_mode, "anyio_mode")

    def _auto(self, given: str | None, key: str) -> bool:
        """Is a plugin's mode ``auto``: as ``addopts`` gives it (``given``), else the
        section's ``key``?"""
        mode = given if given is not None else self.found.get(key)
        return isinstance(mode, str) and mode.strip() == "auto"

    @property
    def startup_modules(self) -> tuple[tuple[str, bool], ...]:
        """The modules pytest, with its plugins, imports as it starts by this section, each
        with whether it is pytest-django's settings."""
        addopts = self.addopts
        # an ini file's keys come lowercased (configparser); pytest-django's is upper case
        settings = next((value for key, value in self.found.items()
                         if key.lower() == "django_settings_module"), None)
        named = [*((m, True) for m in
                   [*([settings.strip()] if isinstance(settings, str) else []),
                    *addopts.django_settings]),
                 *((m, False) for m in addopts.plugins)]
        return tuple(dict.fromkeys(
            (m, django) for m, django in named if m and not m.startswith("no:")
            and all(part.isidentifier() for part in m.split("."))))

    def run(self, root: Path, base: str, start: str, tree: Tree) -> Collection:
        """The plain run from ``start`` with this configuration (found in ``base``)."""
        testpaths = _pytest_args(self.found.get("testpaths"), ())
        norecurse = _pytest_args(self.found.get("norecursedirs"), DEFAULT_NORECURSEDIRS)
        addopts = _pytest_args(self.found.get("addopts"), ())
        if not self.readable or testpaths is None or norecurse is None or addopts is None:
            return replace(OPEN, base=base, start=start)
        return pytest_collection(base, start, testpaths, norecurse, self.python_files,
                                 self.addopts, tree, widening_plugin(root, base, _read))


def pytest_settings(root: Path, environ: Mapping[str, str] | None = None) -> PytestSettings:
    """The root's pytest configuration (the first file that has its section), and for every
    folder below with a project or pytest configuration file the run a package makes from
    there, with the configuration pytest takes for it (the nearest above with a section).
    A file that cannot be read is passed over for ``python_files`` and ``pythonpath`` and
    leaves that run unfiltered (``OPEN``: pytest would stop on it; what it runs instead is not
    ours to guess); so does a ``PYTEST_ADDOPTS`` that picks another configuration."""
    tree = walk(root, _read)
    sections: dict[str, _Settings] = {}
    for folder in ("", *tree.run_folders):
        found, readable = _folder_section(root / folder if folder else root)
        if found is not None or not readable:
            sections[folder] = _Settings(found or {}, readable)
    runs = [_run(root, folder, sections, tree) for folder in ("", *tree.run_folders)]
    top = sections.get("", _Settings({}, True))
    patterns = list(top.python_files)
    for folder, settings in sections.items():  # a package's python_files: its files only
        if folder:
            patterns.extend(f"{glob.escape(folder)}/**/{p}" for p in settings.python_files)
    tests = (*dict.fromkeys(patterns), "conftest.py")
    collections = Collections(runs[0], tuple(runs[1:]))
    if environment_is_open(os.environ if environ is None else environ):
        collections = Collections(OPEN)
    startup = tuple((folder, module, django) for folder, settings in sections.items()
                    for module, django in settings.startup_modules)
    # a plugin a project of the tree declares: pytest loads it in every test process of an
    # environment the project is installed in (its own tests', ``pytester``'s runs too)
    startup += tuple(dict.fromkeys(
        ("", module, False) for folder in ("", *tree.run_folders)
        for module in entry_point_plugins(root / folder if folder else root)))
    asyncio = tuple((folder, settings.asyncio_auto) for folder, settings in sections.items())
    anyio = tuple((folder, settings.anyio_auto) for folder, settings in sections.items())
    return PytestSettings(tests, collections, _ini_list(top.found.get("pythonpath")), startup,
                          asyncio, anyio)


def entry_point_plugins(folder: Path) -> tuple[str, ...]:
    """The modules the project in ``folder`` declares as pytest plugins (``pytest11`` entry
    points) in its ``pyproject.toml`` (``[project.entry-points.pytest11]``, poetry's
    ``[tool.poetry.plugins.pytest11]``), ``setup.cfg`` (``[options.entry_points]``) or
    ``setup.py`` (``"pytest11": ["name = module"]``, read as text). typeguard 4.4 declares
    ``typeguard = "typeguard._pytest_plugin"``. A file that cannot be read declares none."""
    values: list[str] = []
    try:
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            text = _read(pyproject)
            _check_key_depth(text, "pyproject.toml")
            document: Any = tomllib.loads(text)
            project = document.get("project")
            tool = document.get("tool")
            poetry = tool.get("poetry") if isinstance(tool, dict) else None
            for table, key in ((project, "entry-points"), (poetry, "plugins")):
                groups = table.get(key) if isinstance(table, dict) else None
                group = groups.get("pytest11") if isinstance(groups, dict) else None
                if isinstance(group, dict):
                    values += [v for v in group.values() if isinstance(v, str)]
        setup_cfg = folder / "setup.cfg"
        if setup_cfg.is_file():
            parser = configparser.ConfigParser(interpolation=None)
            parser.read_string(_read(setup_cfg), "setup.cfg")
            if parser.has_option("options.entry_points", "pytest11"):
                values += [line.partition("=")[2] for line in
                           parser.get("options.entry_points", "pytest11").splitlines()]
        setup_py = folder / "setup.py"
        if setup_py.is_file():
            for group in _SETUP_PY_PYTEST11.finditer(_read(setup_py)):
                values += [text.partition("=")[2] for text in
                           _QUOTED.findall(group.group(1))]
    except (ConfigError, ValueError, configparser.Error, tomllib.TOMLDecodeError,
            RecursionError):
        return ()
    modules = (value.partition(":")[0].strip() for value in values)
    return tuple(dict.fromkeys(
        module for module in modules
        if module and all(part.isidentifier() for part in module.split("."))))


# ``"pytest11": ["name = module", ...]`` (or a tuple) in a setup.py
_SETUP_PY_PYTEST11 = re.compile(r"""["']pytest11["']\s*:\s*[\[(]([^\])]*)[\])]""")
_QUOTED = re.compile(r"""["']([^"'\n]*=[^"'\n]*)["']""")


def _run(root: Path, start: str, sections: Mapping[str, _Settings], tree: Tree) -> Collection:
    """The run from ``start``: pytest takes the nearest configuration with its section at or
    above it (``locate_config``), else the nearest ``pyproject.toml``, else none (its rootdir
    and conftest cut are then where it starts)."""
    folder = start
    while True:
        if folder in sections:
            return sections[folder].run(root, folder, start, tree)
        if not folder:
            break
        folder = folder.rpartition("/")[0]
    folder = start
    while True:
        if (root / folder / "pyproject.toml").is_file():
            return _Settings({}, True).run(root, folder, start, tree)
        if not folder:
            break
        folder = folder.rpartition("/")[0]
    return _Settings({}, True).run(root, start, start, tree)


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
