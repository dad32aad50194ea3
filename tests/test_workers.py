"""Render workers: started early when a build will render, same bytes as in process."""

from __future__ import annotations

import dataclasses
import multiprocessing
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from cai_falc import config, pipeline, workers
from cai_falc.errors import CaiFalcError
from cai_falc.fiche import read_falc, read_fiche, write_fiche

ROOT = Path(__file__).resolve().parents[1]
FID = "2016-lancement-de-la-plateforme-de-lutte-contre-le-racisme-en"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real fiche, built once (its FALC draft exists, its outputs are fresh)."""
    root = tmp_path_factory.mktemp("workers") / "proj"
    (root / "fiches").mkdir(parents=True)
    shutil.copy(ROOT / "cai-falc.toml", root / "cai-falc.toml")
    shutil.copytree(ROOT / "glossaries", root / "glossaries")
    shutil.copy(ROOT / "fiches" / f"{FID}.md", root / "fiches" / f"{FID}.md")
    result = pipeline.build(config.load(root), pipeline.BuildOptions(langs=("fr",)))
    assert result.exit_code == 0, pipeline.summary(result)
    return root


def a_page(root: Path) -> Any:
    from cai_falc import render

    settings = config.load(root)
    fiche = read_fiche(root / "fiches" / f"{FID}.md")
    falc = read_falc(root / "fiches" / f"{FID}.falc.md")
    return render.page_for(fiche, falc, settings=settings, date=pipeline.page_date(falc))


def test_a_started_worker_renders_the_same_bytes_as_the_build_itself(project: Path) -> None:
    settings = config.load(project)
    page = a_page(project)
    at_home = workers.RenderWorkers(settings, jobs=1)
    batch = at_home.submit([page])
    assert batch.ready() == 0  # rendered here, when read
    [here] = list(batch)
    assert not at_home.started  # one job, not started early: rendered in this process
    with workers.RenderWorkers(settings, jobs=1) as early:
        early.start()
        assert len(multiprocessing.active_children()) == 1
        batch = early.submit([page])
        # The worker renders while this process goes on: the page gets done unread.
        deadline = time.monotonic() + 60
        while batch.ready() < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert batch.ready() == 1
        [there] = list(batch)
    assert isinstance(here, tuple) and isinstance(there, tuple)
    assert here[0].startswith(b"%PDF")
    assert there == here


def test_workers_started_for_nothing_are_stopped_not_awaited(project: Path) -> None:
    w = workers.RenderWorkers(config.load(project), jobs=2)
    w.start()
    children = multiprocessing.active_children()
    assert len(children) == 2
    w.close()
    for child in children:
        child.join(timeout=10)
        assert not child.is_alive()
    assert not w.started


def test_an_error_in_a_worker_fails_that_page_alone(project: Path, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    shutil.copytree(project, root)
    # A project template that breaks (StrictUndefined) on one page only.
    (root / "templates").mkdir()
    (root / "templates" / "leaflet.html").write_text(
        '<p>{{ page.title if page.title != "Casse" else nothing_here }}</p>', encoding="utf-8"
    )
    settings = config.load(root)
    page = a_page(root)
    broken = dataclasses.replace(page, title="Casse")
    with workers.RenderWorkers(settings, jobs=1) as w:
        w.start()
        outcomes = list(w.submit([broken, page]))
    assert isinstance(outcomes[0], CaiFalcError), outcomes[0]
    assert "nothing_here" in str(outcomes[0])
    assert isinstance(outcomes[1], tuple) and outcomes[1][0].startswith(b"%PDF")


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The job counts of the render workers builds start, as they start them."""
    counts: list[int] = []
    real_start = workers.RenderWorkers.start

    def start(self: workers.RenderWorkers) -> None:
        if not self.started:
            counts.append(self.jobs)
        real_start(self)

    monkeypatch.setattr(workers.RenderWorkers, "start", start)
    return counts


def test_a_build_starts_workers_only_when_it_simplifies(project: Path, started: list[int]) -> None:
    options = pipeline.BuildOptions(langs=("fr",))
    nothing = pipeline.build(config.load(project), options)
    assert nothing.exit_code == 0 and nothing.written == []
    assert started == []  # a no-op build never pays for WeasyPrint
    path = project / "fiches" / f"{FID}.md"
    fiche = read_fiche(path)
    fiche.lead += " Le CAI organise aussi une rencontre en 2016."
    write_fiche(fiche, path)
    changed = pipeline.build(config.load(project), options)
    assert changed.exit_code == 0, pipeline.summary(changed)
    assert started == [1]
    pdf = project / "output" / "fr" / f"{FID}.pdf"
    assert pdf in changed.written and pdf.read_bytes().startswith(b"%PDF")
    assert multiprocessing.active_children() == []  # the build ended its worker


def test_a_build_starts_workers_when_an_editor_changed_a_falc_text(
    project: Path, started: list[int]
) -> None:
    options = pipeline.BuildOptions(langs=("fr",))
    assert pipeline.build(config.load(project), options).exit_code == 0
    started.clear()
    path = project / "fiches" / f"{FID}.falc.md"
    path.write_text(path.read_text("utf-8") + "\nLe CAI vous aide.\n", encoding="utf-8")
    edited = pipeline.build(config.load(project), options)
    assert edited.exit_code == 0, pipeline.summary(edited)
    # Nothing is simplified (people's text), but the text is checked anew: the worker
    # loads WeasyPrint during the check, and the leaflet comes from it.
    assert started == [1]
    pdf = project / "output" / "fr" / f"{FID}.pdf"
    assert pdf in edited.written
    assert multiprocessing.active_children() == []
