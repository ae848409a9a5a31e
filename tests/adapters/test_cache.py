"""The summary cache: hits, misses, corruption, foreign entries, unusable folders, pruning."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from impactgraph.adapters import cache as cache_module
from impactgraph.adapters.cache import (
    CacheKey,
    FileStat,
    SummaryCache,
    analyzer_fingerprint,
    cache_dir,
    clear_cache,
    stat_files,
)
from impactgraph.model import CallSite, Definition, FileSummary, SymbolKind
from impactgraph.serialize import summary_to_bytes

PACKAGE = Path(__file__).resolve().parents[2] / "impactgraph"


def summary(module: str = "pkg.mod", path: str = "pkg/mod.py") -> FileSummary:
    return FileSummary(
        module, path, path.endswith("__init__.py"),
        definitions=(Definition("f", SymbolKind.FUNCTION, 1, 2),),
    )


def key_of(item: FileSummary, content: str = "c0ffee") -> CacheKey:
    return CacheKey(content, item.module, item.is_package)


def open_cache(root: Path, fingerprint: str = "analyzer-a") -> SummaryCache:
    warnings: list[str] = []
    cache = SummaryCache.open(root, warn=warnings.append, fingerprint=fingerprint)
    assert warnings == []
    return cache


def test_a_stored_summary_is_a_hit(tmp_path: Path) -> None:
    item = summary()
    with open_cache(tmp_path) as cache:
        assert cache.get_many([key_of(item)]) == {}
        cache.put_many([(key_of(item), summary_to_bytes(item))])
    with open_cache(tmp_path) as cache:
        assert cache.get_many([key_of(item)]) == {key_of(item): item}
        assert (cache.stats.hits, cache.stats.misses) == (1, 0)


def test_other_content_module_or_package_flag_is_a_miss(tmp_path: Path) -> None:
    item = summary()
    with open_cache(tmp_path) as cache:
        cache.put_many([(key_of(item), summary_to_bytes(item))])
        others = [
            CacheKey("other", item.module, False),
            CacheKey("c0ffee", "pkg.other", False),
            CacheKey("c0ffee", item.module, True),
        ]
        assert cache.get_many(others) == {}
        assert cache.stats.misses == 3


def test_the_folder_ignores_itself(tmp_path: Path) -> None:
    open_cache(tmp_path).close()
    assert (cache_dir(tmp_path) / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_corrupt_entry_is_a_miss_and_is_rebuilt(tmp_path: Path) -> None:
    item = summary()
    with open_cache(tmp_path) as cache:
        cache.put_many([(key_of(item), summary_to_bytes(item))])
    with sqlite3.connect(cache_dir(tmp_path) / "cache.sqlite3") as db:
        db.execute("UPDATE summaries SET data = ?", (b"\x00garbage",))
    with open_cache(tmp_path) as cache:
        assert cache.get_many([key_of(item)]) == {}
        cache.put_many([(key_of(item), summary_to_bytes(item))])
        assert cache.get_many([key_of(item)]) == {key_of(item): item}
        assert cache.enabled


def test_an_entry_for_another_module_under_this_key_is_ignored(tmp_path: Path) -> None:
    impostor = summary(module="evil")
    with open_cache(tmp_path) as cache:
        cache.put_many([(key_of(summary()), summary_to_bytes(impostor))])
        assert cache.get_many([key_of(summary())]) == {}


def test_a_database_file_that_is_not_a_database_is_replaced(tmp_path: Path) -> None:
    cache_dir(tmp_path).mkdir()
    (cache_dir(tmp_path) / "cache.sqlite3").write_bytes(b"this is not sqlite" * 100)
    item = summary()
    with open_cache(tmp_path) as cache:
        assert cache.enabled
        cache.put_many([(key_of(item), summary_to_bytes(item))])
        assert cache.get_many([key_of(item)]) == {key_of(item): item}


def test_a_truncated_database_never_crashes(tmp_path: Path) -> None:
    with open_cache(tmp_path) as cache:
        cache.put_many(
            [(key_of(summary(f"m{i}", f"m{i}.py"), f"id{i}"),
              summary_to_bytes(summary(f"m{i}", f"m{i}.py"))) for i in range(300)]
        )
    database = cache_dir(tmp_path) / "cache.sqlite3"
    database.write_bytes(database.read_bytes()[: 4096 * 3])
    warnings: list[str] = []
    with SummaryCache.open(tmp_path, warn=warnings.append, fingerprint="analyzer-a") as cache:
        found = cache.get_many([key_of(summary("m1", "m1.py"), "id1")])
    assert found == {} or found == {key_of(summary("m1", "m1.py"), "id1"): summary("m1", "m1.py")}
    assert len(warnings) <= 1
    with open_cache(tmp_path) as cache:  # the next run starts afresh
        assert cache.enabled


def test_entries_of_another_analyzer_are_never_read(tmp_path: Path) -> None:
    item = summary()
    with open_cache(tmp_path, fingerprint="old-analyzer") as cache:
        cache.put_many([(key_of(item), summary_to_bytes(item))])
    with open_cache(tmp_path, fingerprint="new-analyzer") as cache:
        assert cache.get_many([key_of(item)]) == {}


def test_the_fingerprint_follows_the_analyzer_source(tmp_path: Path) -> None:
    copy = tmp_path / "impactgraph"
    (copy / "indexer").mkdir(parents=True)
    for name in ("model.py", "expressions.py", "serialize.py"):
        shutil.copy(PACKAGE / name, copy / name)
    for source in (PACKAGE / "indexer").glob("*.py"):
        shutil.copy(source, copy / "indexer" / source.name)
    before = analyzer_fingerprint(copy)
    assert before == analyzer_fingerprint(copy)
    assert before == analyzer_fingerprint(PACKAGE)
    with (copy / "indexer" / "file_indexer.py").open("a") as stream:
        stream.write("\n# a changed analyzer\n")
    assert analyzer_fingerprint(copy) != before
    (copy / "indexer" / "file_indexer.py").unlink()
    assert analyzer_fingerprint(copy) != before


def test_the_fingerprint_ignores_code_that_does_not_shape_summaries(tmp_path: Path) -> None:
    copy = tmp_path / "impactgraph"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = analyzer_fingerprint(copy)
    with (copy / "cli" / "app.py").open("a") as stream:
        stream.write("\n# a CLI change\n")
    assert analyzer_fingerprint(copy) == before


def test_an_unusable_folder_means_no_cache_and_one_warning(tmp_path: Path) -> None:
    cache_dir(tmp_path).write_text("a file where the cache folder should be")
    warnings: list[str] = []
    with SummaryCache.open(tmp_path, warn=warnings.append, fingerprint="a") as cache:
        assert not cache.enabled
        item = summary()
        cache.put_many([(key_of(item), summary_to_bytes(item))])
        assert cache.get_many([key_of(item)]) == {}
        assert cache.known_content_ids({"x.py": FileStat(1, 1, 1, 1)}) == {}
    assert len(warnings) == 1
    assert ".impactgraph" in warnings[0]


def test_a_failure_in_the_middle_of_a_run_turns_the_cache_off_once(tmp_path: Path) -> None:
    warnings: list[str] = []
    cache = SummaryCache.open(tmp_path, warn=warnings.append, fingerprint="a")
    assert cache._db is not None
    cache._db.close()  # every later call fails with sqlite3.ProgrammingError
    item = summary()
    cache.put_many([(key_of(item), summary_to_bytes(item))])
    cache.put_many([(key_of(item), summary_to_bytes(item))])
    assert cache.get_many([key_of(item)]) == {}
    cache.close()
    assert not cache.enabled
    assert len(warnings) == 1


def test_two_runs_can_share_the_cache(tmp_path: Path) -> None:
    first, second = open_cache(tmp_path), open_cache(tmp_path)
    a, b = summary("a", "a.py"), summary("b", "b.py")
    first.put_many([(key_of(a), summary_to_bytes(a))])
    second.put_many([(key_of(b), summary_to_bytes(b))])
    assert len(first.get_many([key_of(a), key_of(b)])) == 2
    first.close()
    second.close()


def test_stat_index_knows_unchanged_files_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text(f"# {name}\n")
    past = time.time() - 60
    os.utime(tmp_path / "a.py", (past, past))
    os.utime(tmp_path / "b.py", (past, past))
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)  # ctime is "now" in a test
    stats = stat_files(tmp_path, ["a.py", "b.py", "gone.py"])
    assert set(stats) == {"a.py", "b.py"}
    with open_cache(tmp_path) as cache:
        cache.remember_content_ids({p: (s, f"id-{p}") for p, s in stats.items()})
    (tmp_path / "b.py").write_text("# changed\n")
    with open_cache(tmp_path) as cache:
        assert cache.known_content_ids(stat_files(tmp_path, ["a.py", "b.py"])) == {
            "a.py": "id-a.py"
        }
        cache.forget_files_except(["b.py"])
        assert cache.known_content_ids(stat_files(tmp_path, ["a.py", "b.py"])) == {}


def test_racily_clean_files_are_not_remembered(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")  # modified just now
    stats = stat_files(tmp_path, ["a.py"])
    with open_cache(tmp_path) as cache:
        cache.remember_content_ids({"a.py": (stats["a.py"], "id")})
        assert cache.known_content_ids(stats) == {}


def test_pruning_drops_old_entries_then_the_least_recently_used(tmp_path: Path) -> None:
    items = [summary(f"m{i}", f"m{i}.py") for i in range(6)]
    with open_cache(tmp_path) as cache:
        cache.put_many([(key_of(s, f"id{i}"), summary_to_bytes(s)) for i, s in enumerate(items)])
    with sqlite3.connect(cache_dir(tmp_path) / "cache.sqlite3") as db:
        db.execute("UPDATE summaries SET used = used - 100 WHERE module = 'm0'")
        db.execute("UPDATE summaries SET used = used - 5 WHERE module IN ('m1', 'm2')")
    with open_cache(tmp_path) as cache:
        cache.prune(max_age_days=30, max_bytes=10**9)
        assert cache.entry_count() == 5
        size = len(summary_to_bytes(items[3]))
        cache.prune(max_age_days=30, max_bytes=size * 3)
        left = cache.get_many([key_of(s, f"id{i}") for i, s in enumerate(items)])
        assert {k.module for k in left} <= {"m3", "m4", "m5"}
        assert len(left) == 2  # pruned to 80% of the bound, the oldest first


def test_clear_removes_the_database(tmp_path: Path) -> None:
    assert clear_cache(tmp_path) is False
    item = summary()
    with open_cache(tmp_path) as cache:
        cache.put_many([(key_of(item), summary_to_bytes(item))])
    assert clear_cache(tmp_path) is True
    assert not (cache_dir(tmp_path) / "cache.sqlite3").exists()
    with open_cache(tmp_path) as cache:
        assert cache.get_many([key_of(item)]) == {}


def test_a_session_serves_what_it_read_or_wrote_without_decoding_again(tmp_path: Path) -> None:
    written, read = summary("w", "w.py"), summary("r", "r.py")
    with open_cache(tmp_path) as cache:
        cache.put_many([(key_of(read, "r"), summary_to_bytes(read))])
    with open_cache(tmp_path) as cache:
        assert cache.get_many([key_of(read, "r")]) == {key_of(read, "r"): read}
        cache.put_many([(key_of(written, "w"), summary_to_bytes(written))],
                       {key_of(written, "w"): written})
        with sqlite3.connect(cache_dir(tmp_path) / "cache.sqlite3") as db:
            db.execute("UPDATE summaries SET data = ?", (b"garbage",))
        found = cache.get_many([key_of(read, "r"), key_of(written, "w")])
        assert found == {key_of(read, "r"): read, key_of(written, "w"): written}
        assert found[key_of(read, "r")] is cache.get_many([key_of(read, "r")])[key_of(read, "r")]
        assert (cache.stats.hits, cache.stats.misses) == (4, 0)


def test_api_only_summaries_are_kept_apart_and_a_full_one_serves_them(tmp_path: Path) -> None:
    full, api = summary(), replace(summary(), api_only=True)
    full_key, api_key = key_of(full), replace(key_of(full), api=True)
    with open_cache(tmp_path) as cache:
        cache.put_many([(api_key, summary_to_bytes(api))])
    with open_cache(tmp_path) as cache:
        assert cache.get_many([full_key]) == {}  # never served to a full lookup
        assert cache.get_many([api_key]) == {api_key: api}
        cache.put_many([(full_key, summary_to_bytes(full))])
    with open_cache(tmp_path) as cache:
        assert cache.get_many([api_key, full_key]) == {api_key: full, full_key: full}
    with open_cache(tmp_path) as cache:
        assert cache.get_many([api_key]) == {api_key: full}


def test_an_api_only_summary_under_a_full_key_is_a_miss(tmp_path: Path) -> None:
    api = replace(summary(), api_only=True)
    with open_cache(tmp_path) as cache:
        cache.put_many([(key_of(api), summary_to_bytes(api))])
    with open_cache(tmp_path) as cache:
        assert cache.get_many([key_of(api)]) == {}


def test_the_calls_of_a_stored_summary_are_read_alone(tmp_path: Path) -> None:
    call = CallSite("pkg.mod:f", (("v:x",),), 3, ((("v:y",),),), (("key", (("v:z",),)),))
    item = replace(summary(), calls=(call,))
    other = summary("pkg.other", "pkg/other.py")
    with open_cache(tmp_path) as cache:
        cache.put_many([(key_of(item), summary_to_bytes(item)),
                        (key_of(other, "beef"), summary_to_bytes(other))])
    with open_cache(tmp_path) as cache:
        assert cache.get_many([key_of(other, "beef")])  # decoded whole: served as it is
        keys = [key_of(item), key_of(other, "beef"), key_of(item, "dead")]
        found = {key: tuple(calls) for key, calls in cache.get_calls_many(keys).items()}
        assert found == {key_of(item): (call,), key_of(other, "beef"): ()}
        assert cache.get_calls_many([replace(key_of(item), module="pkg.elsewhere")]) == {}
        assert cache.get_calls_many([replace(key_of(item), api=True)]) == {}
        assert cache.get_many([key_of(item)]) == {key_of(item): item}  # not kept half-decoded
