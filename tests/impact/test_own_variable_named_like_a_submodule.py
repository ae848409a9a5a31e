"""A module's own variable removed, whose name the head spells only as a submodule.

dnspython 2.4's example ``query_specific`` dropped ``resolver = dns.resolver.Resolver(...)``
for ``dns.resolver.resolve_at(...)``: the module still reads ``dns.resolver``, the submodule
``import dns.resolver`` binds on ``dns``, never its own variable. It was judged broken.
"""

from __future__ import annotations

from pathlib import Path

from git_support import broken_modules, impact_between

DNS = {"dns/__init__.py": "", "dns/resolver.py": '''\
class Resolver:
    def resolve(self, name):
        return name


def resolve_at(where, name):
    return name
'''}
OLD = '''\
import dns.resolver

resolver = dns.resolver.Resolver()
answer = resolver.resolve("a")
'''
NEW = '''\
import dns.resolver

answer = dns.resolver.resolve_at("8.8.8.8", "a")
'''


def _broken(tmp_path: Path, new: str) -> set[str]:
    report = impact_between({**DNS, "example.py": OLD}, {**DNS, "example.py": new}, tmp_path)
    return broken_modules(report)


def test_the_submodule_read_on_its_package_is_not_the_variable(tmp_path: Path) -> None:
    assert _broken(tmp_path, NEW) == set()


def test_the_variable_still_read_breaks(tmp_path: Path) -> None:
    assert "example" in _broken(tmp_path, NEW + "other = resolver.resolve('b')\n")
