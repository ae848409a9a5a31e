"""Configuration files: every wrong shape is one ConfigError (a usage error, exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from impactgraph.config import (
    MAX_CONFIG_BYTES,
    Config,
    auto_mode_at,
    load_config,
    parse_config_text,
)
from impactgraph.errors import ConfigError, ExitCode


def problems_of(text: str, *, pyproject: bool) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config_text(text, "cfg", pyproject=pyproject)
    assert caught.value.exit_code == ExitCode.USAGE
    assert ExitCode.USAGE.value == 2
    return caught.value.problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tool = 3", "'tool' must be a table, got int 3"),
        ('tool = "x"', "'tool' must be a table"),
        ("tool = [1, 2]", "'tool' must be a table"),
        ("[tool]\nimpactgraph = 3", "[tool.impactgraph] must be a table, got int 3"),
        ("[tool]\nimpactgraph = [1]", "[tool.impactgraph] must be a table"),
        ("[[tool.impactgraph]]\ngateways = []", "[tool.impactgraph] must be a table"),
        ("[tool.impactgraph\n", "not valid TOML"),
        ("a = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
        ("a = " + "{b = " * 5000 + "1" + "}" * 5000, "nested too deeply"),
        ("a" + ".a" * 300 + " = 1", "dotted parts"),
        ("[" + "a." * 300 + "b]", "dotted parts"),
    ],
)
def test_the_wrong_shape_of_a_pyproject_is_a_usage_error(text: str, expected: str) -> None:
    (problem,) = problems_of(text, pyproject=True)
    assert expected in problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tool = 3", "unknown key 'tool'"),
        ("[tool]\nimpactgraph = 3", "[tool.impactgraph] must be a table"),
        ("gateways = 3\nx = 1", "unknown key 'x'"),
        ("gateways = [", "not valid TOML"),
    ],
)
def test_the_wrong_shape_of_a_dedicated_file_is_a_usage_error(text: str, expected: str) -> None:
    assert any(expected in problem for problem in problems_of(text, pyproject=False))


def test_every_wrong_value_is_reported_at_once() -> None:
    text = """
        [tool.impactgraph]
        gateways = 3
        source-roots = "src"
        exclude = ["a", 1]
        test-patterns = {a = 1}
        max-depth = 0
        colour = "red"
    """
    problems = problems_of(text.replace("        ", ""), pyproject=True)
    assert len(problems) == 6
    for key in ("gateways", "source-roots", "exclude", "test-patterns", "max-depth", "colour"):
        assert any(f"'{key}'" in problem for problem in problems), key


@pytest.mark.parametrize("depth", ["true", "1.5", '"3"', "-1"])
def test_max_depth_must_be_a_whole_number(depth: str) -> None:
    (problem,) = problems_of(f"[tool.impactgraph]\nmax-depth = {depth}", pyproject=True)
    assert "'max-depth'" in problem


def test_a_long_row_of_dots_in_a_value_is_fine() -> None:
    text = '[tool.other]\ndescription = "' + "." * 1000 + '"\n[tool.impactgraph]\nexclude = ["x"]'
    assert parse_config_text(text, "cfg", pyproject=True) == Config(exclude=("x",))


def test_a_pyproject_without_our_table_means_the_defaults() -> None:
    assert parse_config_text("[project]\nname = 'x'", "cfg", pyproject=True) == Config()
    assert parse_config_text("[tool.black]\nline-length = 1", "cfg", pyproject=True) == Config()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"[tool.impactgraph]\ngateways = ['caf\xe9']", "not UTF-8"),
        (b"#" * (MAX_CONFIG_BYTES + 1), "larger than"),
    ],
)
def test_an_unreadable_file_is_a_usage_error(tmp_path: Path, data: bytes, expected: str) -> None:
    (tmp_path / "pyproject.toml").write_bytes(data)
    with pytest.raises(ConfigError, match=expected):
        load_config(tmp_path)


def test_the_dedicated_file_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 3", encoding="utf-8")
    (tmp_path / ".impactgraph.toml").write_text("gateways = ['api']", encoding="utf-8")
    assert load_config(tmp_path) == Config(gateways=("api",))


@pytest.mark.parametrize(("name", "text"), [
    ("pytest.ini", "[pytest]\npythonpath = packages/core\n    packages/web\n"),
    ("pyproject.toml", '[tool.pytest.ini_options]\npythonpath = ["packages/core", '
                       '"packages/web"]\n'),
    ("setup.cfg", "[tool:pytest]\npythonpath = packages/core packages/web\n"),
])
def test_import_paths_are_the_root_pytest_configurations_pythonpath(
        tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)
    assert load_config(tmp_path).import_paths == ("packages/core", "packages/web")


def test_no_pytest_configuration_means_no_import_paths(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pytest.ini_options]\npythonpath = 3\n')
    assert load_config(tmp_path).import_paths == ()
    assert load_config(tmp_path / "missing").import_paths == ()


@pytest.mark.parametrize(("name", "text", "auto"), [
    ("pyproject.toml", '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n', True),
    ("pyproject.toml", '[tool.pytest]\nasyncio_mode = "auto"\n', True),
    ("pytest.ini", "[pytest]\nasyncio_mode = auto\n", True),
    ("setup.cfg", "[tool:pytest]\nasyncio_mode = auto\n", True),
    ("tox.ini", "[pytest]\nasyncio_mode = auto\n", True),
    ("pytest.ini", "[pytest]\naddopts = --asyncio-mode=auto\n", True),
    ("pytest.ini", "[pytest]\naddopts = -o asyncio_mode=auto\n", True),
    ("pytest.ini", "[pytest]\nasyncio_mode = strict\n", False),
    ("pytest.ini", "[pytest]\nasyncio_mode = auto\naddopts = --asyncio-mode strict\n", False),
    ("pytest.ini", "[pytest]\n", False),
    ("setup.cfg", "[metadata]\nname = x\n", False),
])
def test_pytest_asyncios_auto_mode_is_read_from_the_pytest_configuration(
        tmp_path: Path, name: str, text: str, auto: bool) -> None:
    (tmp_path / name).write_text(text)
    modes = load_config(tmp_path).asyncio_auto
    assert auto_mode_at(modes, "tests/conftest.py") is auto


def test_the_nearest_pytest_configuration_says_how_async_fixtures_run(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_mode = auto\n")
    (tmp_path / "packages/strict").mkdir(parents=True)
    (tmp_path / "packages/strict/pytest.ini").write_text("[pytest]\n")
    modes = load_config(tmp_path).asyncio_auto
    assert auto_mode_at(modes, "packages/auto/tests/conftest.py")
    assert not auto_mode_at(modes, "packages/strict/tests/conftest.py")
    assert not auto_mode_at((), "tests/conftest.py")


@pytest.mark.parametrize(("name", "text", "auto"), [
    ("pyproject.toml", '[tool.pytest.ini_options]\nanyio_mode = "auto"\n', True),
    ("pytest.ini", "[pytest]\naddopts = -p anyio -o anyio_mode=auto\n", True),
    ("pytest.ini", "[pytest]\nanyio_mode = strict\n", False),
    ("pytest.ini", "[pytest]\nasyncio_mode = auto\n", False),
])
def test_anyios_auto_mode_is_read_from_the_pytest_configuration(
        tmp_path: Path, name: str, text: str, auto: bool) -> None:
    (tmp_path / name).write_text(text)
    assert auto_mode_at(load_config(tmp_path).anyio_auto, "tests/test_io.py") is auto


@pytest.mark.parametrize("root", ["/srv/app/src", "../shared/src", "src/../../x", "C:\\code\\src"])
def test_a_source_root_outside_the_repository_is_a_usage_error(root: str) -> None:
    """A source root names a folder of the analysed repository; one outside it matched no
    file, so the setting was dropped without a word and modules kept the names it was meant
    to change."""
    problems = problems_of(f"[tool.impactgraph]\nsource-roots = ['{root}']", pyproject=True)
    assert problems == [f"'source-roots' entry {root!r} must be a folder inside the "
                        "repository, relative to its root"]


@pytest.mark.parametrize(("root", "taken"), [
    ("src", "src"), ("packages/core/src", "packages/core/src"), ("./lib", "lib"), (".", "."),
    ("src/", "src"), ("a//b/./c", "a/b/c"),
])
def test_a_source_root_inside_the_repository_is_taken_as_a_clean_path(root: str,
                                                                      taken: str) -> None:
    """``./lib`` matched no file (paths are compared as ``lib/m.py``): it is ``lib``."""
    config = parse_config_text(f"[tool.impactgraph]\nsource-roots = [{root!r}]",
                               "cfg", pyproject=True)
    assert config.source_roots == (taken,)
