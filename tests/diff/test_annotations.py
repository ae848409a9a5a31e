"""Annotation and expression normalisation: one spelling per meaning."""

from __future__ import annotations

import pytest

from impactgraph.diff.annotations import normalize_annotation, normalize_expression

SAME = [
    ("Optional[int]", "int | None"),
    ("Union[int, None]", "None | int"),
    ("typing.Optional[int]", "Optional[int]"),
    ("Union[str, int]", "int | str"),
    ("Optional[Union[int, str]]", "str | int | None"),
    ("typing.List[int]", "list[int]"),
    ("Dict[str, List[int]]", "dict[str, list[int]]"),
    ("Tuple[int, ...]", "tuple[int, ...]"),
    ("'Model'", "Model"),
    ("'Optional[Model]'", "Model | None"),
    ("collections.abc.Sequence[int]", "typing.Sequence[int]"),
    ("Text", "str"),
    ("Literal['b', 'a']", "Literal['a', 'b']"),
    ("typing_extensions.Literal['a']", "Literal['a']"),
    ("Type[Model]", "type[Model]"),
]

DIFFERENT = [
    ("int", "str"),
    ("Optional[int]", "int"),
    ("list[int]", "list[str]"),
    ("Sequence[int]", "list[int]"),
    ("Literal['a']", "Literal['a', 'b']"),
]


@pytest.mark.parametrize(("left", "right"), SAME)
def test_respellings_normalise_alike(left: str, right: str) -> None:
    assert normalize_annotation(left) == normalize_annotation(right)


@pytest.mark.parametrize(("left", "right"), DIFFERENT)
def test_real_changes_stay_different(left: str, right: str) -> None:
    assert normalize_annotation(left) != normalize_annotation(right)


def test_typing_aliases_are_stripped() -> None:
    assert normalize_annotation("t.List[int]", ("t",)) == "list[int]"


def test_unparsable_text_is_kept() -> None:
    assert normalize_annotation(" x[ ") == "x["
    assert normalize_annotation(None) is None


def test_expressions() -> None:
    assert normalize_expression("( 'a' )") == normalize_expression('"a"')
    assert normalize_expression("{'a':1}") == normalize_expression("{'a': 1}")
