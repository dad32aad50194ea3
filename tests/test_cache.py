"""The build cache: stored results are kept while used, pruned when long unused."""

from __future__ import annotations

import os
import time
from pathlib import Path

from cai_falc import cache as cache_mod
from cai_falc import config, pipeline

DAY = 86_400.0


def _age(path: Path, days: float) -> None:
    then = time.time() - days * DAY
    os.utime(path, (then, then))


def test_results_unused_for_a_month_are_pruned_used_ones_kept(tmp_path: Path) -> None:
    c = cache_mod.Cache.open(tmp_path / "cache")
    c.put_result("old", {"n": 1})
    c.put_result("used", {"n": 2})
    c.put_object("old-object", [1, 2])
    c.put_result("recent", {"n": 3})
    results, objects = tmp_path / "cache" / "results", tmp_path / "cache" / "objects"
    for path in (results / "old.json", results / "used.json", objects / "old-object.pickle"):
        _age(path, 40)
    _age(results / "recent.json", 10)
    # Reading a result marks it used: it is not pruned.
    assert c.get_result("used") == {"n": 2}
    assert c.prune() == 2
    assert sorted(p.name for p in results.iterdir()) == ["recent.json", "used.json"]
    assert list(objects.iterdir()) == []
    assert c.get_result("recent") == {"n": 3}


def test_pruning_lists_the_cache_at_most_once_a_day(tmp_path: Path) -> None:
    c = cache_mod.Cache.open(tmp_path / "cache")
    c.put_result("a", 1)
    assert c.prune() == 0  # nothing old; the day's pruning is done
    _age(tmp_path / "cache" / "results" / "a.json", 40)
    assert c.prune() == 0  # not again today
    assert c.prune(now=time.time() + 2 * DAY) == 1


def test_a_whole_build_prunes_a_partial_build_does_not(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    (root / "fiches").mkdir(parents=True)
    repo = Path(__file__).resolve().parents[1]
    (root / "cai-falc.toml").write_text(
        (repo / "cai-falc.toml").read_text("utf-8"), encoding="utf-8"
    )
    fid = "2016-lancement-de-la-plateforme-de-lutte-contre-le-racisme-en"
    (root / "fiches" / f"{fid}.md").write_bytes((repo / "fiches" / f"{fid}.md").read_bytes())
    settings = config.load(root)
    stale = settings.path("cache") / "results" / "from-an-old-text.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}", encoding="utf-8")
    _age(stale, 90)
    partial = pipeline.build(settings, pipeline.BuildOptions(langs=("fr",)))
    assert partial.exit_code == 0, pipeline.summary(partial)
    assert stale.exists()
    whole = pipeline.build(settings)
    assert whole.exit_code == 0, pipeline.summary(whole)
    assert not stale.exists()
    # What the build uses stays: the next build still has nothing to do.
    again = pipeline.build(settings)
    assert again.written == [] and again.exit_code == 0
