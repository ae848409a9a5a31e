"""CODEOWNERS with GitHub's rules: patterns, the last match wins, no owners unsets."""

from __future__ import annotations

import pytest

from impactgraph.model import AffectedModule, ImpactReport
from impactgraph.owners import owners_of, parse_codeowners, reached_owners, with_owners

RULES = parse_codeowners(
    """
# comment
*                       @global
*.js                    @js-owner   # trailing comment
/build/logs/            @doctocat
docs/*                  docs@example.com
apps/                   @octocat
/docs/                  @doctocat
/scripts/               @doctocat @octocat
**/logs                 @octocat
/apps/github
packages/catalog/       @org/catalog-team
\\#hash.py              @hash
"""
)


@pytest.mark.parametrize(
    ("path", "owners"),
    [
        ("README.md", ("@global",)),
        ("src/app.js", ("@js-owner",)),
        ("build/logs/today.txt", ("@octocat",)),  # **/logs matches later and wins
        ("docs/getting-started.md", ("@doctocat",)),  # /docs/ comes after docs/*
        ("docs/build-app/troubleshooting.md", ("@doctocat",)),
        ("apps/web/main.py", ("@octocat",)),
        ("deep/apps/web/main.py", ("@octocat",)),  # apps/ matches at any depth
        ("apps/github/main.py", ()),  # a pattern with no owners unsets
        ("scripts/run.sh", ("@doctocat", "@octocat")),
        ("packages/catalog/src/catalog/search.py", ("@org/catalog-team",)),
        ("other/packages/catalog/x.py", ("@global",)),  # a middle slash anchors
        ("#hash.py", ("@hash",)),
    ],
)
def test_github_examples(path: str, owners: tuple[str, ...]) -> None:
    assert owners_of(path, RULES) == owners


def test_a_trailing_star_owns_files_directly_in_the_folder_only() -> None:
    rules = parse_codeowners("docs/*  @docs\n")
    assert owners_of("docs/a.md", rules) == ("@docs",)
    assert owners_of("docs/x/b.md", rules) == ()


def test_double_star_and_question_mark() -> None:
    rules = parse_codeowners("src/**/api.py @api\nsrc/v?.py @v\n")
    assert owners_of("src/api.py", rules) == ("@api",)
    assert owners_of("src/a/b/api.py", rules) == ("@api",)
    assert owners_of("src/v1.py", rules) == ("@v",)
    assert owners_of("src/v10.py", rules) == ()


def test_unsupported_lines_are_skipped_like_github_does() -> None:
    rules = parse_codeowners("!*.py @nobody\n[ab].py @nobody\n*.py @py\n")
    assert [rule.pattern for rule in rules] == ["*.py"]


def test_every_affected_module_gets_its_owners() -> None:
    def module(name: str, path: str) -> AffectedModule:
        return AffectedModule(name, path, name, 1, False, False, False, False, 0.25, ())

    report = ImpactReport("a", "b", affected=(module("a", "packages/catalog/a.py"),
                                              module("b", "apps/github/b.py")))
    owned = with_owners(report, RULES)
    assert [m.owners for m in owned.affected] == [("@org/catalog-team",), ()]
    assert reached_owners(m.owners for m in owned.affected) == ["@org/catalog-team"]
