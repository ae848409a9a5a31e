"""A name read only in ways that survive its absence: its removal breaks nothing there.

graphene 3.0's ``Mutation.__init_subclass_with_meta__`` reads ``getattr(cls, "Input", None)`` of
every subclass; a test's ``CreatePost.Input`` became ``CreatePost.Arguments``, and the read,
linked in the base to the test's class, was judged broken: ``graphene.types.mutation`` broke.
``getattr`` with a default, ``hasattr``, a read under ``if hasattr(...)`` or in a ``try`` whose
handler catches ``AttributeError`` all survive; a plain read beside them still breaks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from git_support import broken_modules, impact_between

from impactgraph.indexer.astroid_tree import summarize_astroid

OLD = '''\
class Post:
    class Input:
        title = "t"

    def close(self):
        return None
'''
NEW = '''\
class Post:
    class Arguments:
        title = "t"
'''


def _broken(tmp_path: Path, user: str) -> set[str]:
    report = impact_between({"lib.py": OLD, "user.py": user}, {"lib.py": NEW, "user.py": user},
                            tmp_path)
    return broken_modules(report)


SURVIVING = {
    "getattr with a default": '''\
from lib import Post


def options():
    found = getattr(Post, "Input", None)
    return describe(found)


def describe(value):
    return repr(value)
''',
    "hasattr, then the read": '''\
from lib import Post


def options():
    if hasattr(Post, "Input") and Post is not None:
        return Post.Input
    return None
''',
    "a conditional expression": '''\
from lib import Post


def options():
    return Post.Input if hasattr(Post, "Input") else None
''',
    "a try catching AttributeError": '''\
from lib import Post


def options():
    try:
        return Post.Input
    except (KeyError, AttributeError):
        return None
''',
    "a method fetched with a default, then called": '''\
from lib import Post


def shut(post: Post):
    closer = getattr(post, "close", None)
    if closer is not None:
        closer()
''',
}

BREAKING = {
    "getattr without a default": '''\
from lib import Post


def options():
    found = getattr(Post, "Input")
    return describe(found)


def describe(value):
    return repr(value)
''',
    "getattr without a default, its value only read": '''\
from lib import Post


def options():
    return getattr(Post, "Input").title
''',
    "a plain read": '''\
from lib import Post


def options():
    return Post.Input
''',
    "a plain read beside a tolerant one": '''\
from lib import Post


def options():
    found = getattr(Post, "Input", None)
    return found or Post.Input
''',
    "a try catching something else": '''\
from lib import Post


def options():
    try:
        return Post.Input
    except KeyError:
        return None
''',
    "a try whose handler raises again": '''\
from lib import Post


def options():
    try:
        return Post.Input
    except:
        print("no input")
        raise
''',
    "a read in the else branch of hasattr": '''\
from lib import Post


def options():
    if hasattr(Post, "Input"):
        return None
    else:
        return Post.Input
''',
    "a method called plainly": '''\
from lib import Post


def shut(post: Post):
    post.close()
''',
}


@pytest.mark.parametrize("user", SURVIVING.values(), ids=SURVIVING.keys())
def test_a_read_that_survives_the_absence_breaks_nothing(tmp_path: Path, user: str) -> None:
    assert _broken(tmp_path, user) == set()


@pytest.mark.parametrize("user", BREAKING.values(), ids=BREAKING.keys())
def test_a_read_that_fails_on_the_absence_still_breaks(tmp_path: Path, user: str) -> None:
    assert _broken(tmp_path, user) == {"user"}


def test_the_summary_records_names_read_only_tolerantly() -> None:
    text = '''\
def getattr(obj, name, default):
    return obj.__dict__[name]


def own(cls):
    return getattr(cls, "Shadowed", None)


def both(cls):
    return getattr(cls, "Mixed", None), cls.Mixed, "pkg.mod.Dotted", hasattr(cls, "Dotted")


def guarded(cls):
    return hasattr(cls, "Kept") and cls.Kept
'''
    summary = summarize_astroid(text, "m", "m.py")
    assert summary.tolerant_reads == (("m:guarded", "Kept"),)


@pytest.mark.parametrize("check", ['hasattr(Post, "Input")',
                                   'getattr(Post, "Input", None) is not None'])
def test_a_test_asking_for_the_name_is_selected_and_not_broken(tmp_path: Path,
                                                               check: str) -> None:
    # the read survives the absence, but what it answers changes: the assertion fails
    test = f"from lib import Post\n\n\ndef test_has_input():\n    assert {check}\n"
    report = impact_between({"lib.py": OLD, "tests/test_post.py": test},
                            {"lib.py": NEW, "tests/test_post.py": test}, tmp_path)
    assert report["tests"] == ["tests/test_post.py"]
    assert broken_modules(report) == set()
