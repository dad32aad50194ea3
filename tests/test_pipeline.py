"""`cai-falc build`: outputs, incremental rebuilds, reproducibility, and nothing lost."""
# ruff: noqa: F811  (pytest fixtures imported from argos_kit are redefined as arguments)

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from babel.messages import pofile
from click.testing import CliRunner

from argos_kit import argos_env, argos_files  # noqa: F401  (fixtures)
from cai_falc import config, pipeline
from cai_falc.cli import cli
from cai_falc.fiche import read_falc, read_fiche, write_falc, write_fiche

ROOT = Path(__file__).resolve().parents[1]
TWO = [
    "2016-lancement-de-la-plateforme-de-lutte-contre-le-racisme-en",
    "2014-creation-d-un-certificat-fle-francais-langue-etrangere-pour",
]


def make_project(tmp_path: Path, ids: list[str] = TWO) -> Path:
    """A project with real fiches (no FALC texts yet) and the real glossary."""
    root = tmp_path / "proj"
    (root / "fiches").mkdir(parents=True)
    shutil.copy(ROOT / "cai-falc.toml", root / "cai-falc.toml")
    shutil.copytree(ROOT / "glossaries", root / "glossaries")
    for fid in ids:
        shutil.copy(ROOT / "fiches" / f"{fid}.md", root / "fiches" / f"{fid}.md")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def add_to_lead(root: Path, fiche_id: str) -> None:
    """An editor's change to one fiche's source."""
    path = root / "fiches" / f"{fiche_id}.md"
    fiche = read_fiche(path)
    fiche.lead = fiche.lead + " Le CAI organise aussi une rencontre en 2016."
    write_fiche(fiche, path)


def run_build(root: Path) -> pipeline.BuildResult:
    return pipeline.build(config.load(root), pipeline.BuildOptions())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cold build of two real fiches, shared by the read-only tests."""
    root = make_project(tmp_path_factory.mktemp("built"))
    result = run_build(root)
    assert result.exit_code == 0, pipeline.summary(result)
    return root


def test_cold_build_writes_every_output(built: Path) -> None:
    out = built / "output"
    for fid in TWO:
        assert (built / "fiches" / f"{fid}.falc.md").is_file()
        assert (out / "fr" / f"{fid}.pdf").read_bytes().startswith(b"%PDF")
        fragment = (out / "fr" / f"{fid}.html").read_text("utf-8")
        assert fragment.lstrip().startswith("<section") and 'lang="fr"' in fragment
        assert "<html" in (out / "fr" / f"{fid}.preview.html").read_text("utf-8")
    index = (out / "index.html").read_text("utf-8")
    for fid in TWO:
        assert f"fr/{fid}.pdf" in index and f"fr/{fid}.preview.html" in index
    assert (out / "report" / "index.html").is_file()
    assert (out / "report" / "report.json").is_file()
    # Without models, every configured language gets a catalog to fill by hand.
    assert (built / "translations" / "ar.po").is_file()


def test_noop_rebuild_writes_nothing_and_skips_everything(built: Path) -> None:
    before = snapshot(built / "output")
    result = run_build(built)
    assert result.written == []
    assert result.skipped >= 3 * len(TWO) + 1
    assert snapshot(built / "output") == before
    assert result.missing and "translate-fr_en" in result.missing[0]


def test_two_cold_builds_are_byte_identical(tmp_path: Path) -> None:
    root = make_project(tmp_path, TWO[:1])
    assert run_build(root).exit_code == 0
    first = snapshot(root / "output")
    drafts = snapshot(root / "fiches")
    for name in ("output", ".cai-falc-cache", "translations"):
        shutil.rmtree(root / name)
    for draft in (root / "fiches").glob("*.falc.md"):
        draft.unlink()
    assert run_build(root).exit_code == 0
    second = snapshot(root / "output")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert snapshot(root / "fiches") == drafts
    # The same tree elsewhere on the disk gives the same bytes too (no absolute paths).
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(root, elsewhere, ignore=shutil.ignore_patterns("output", ".cai-falc-cache"))
    assert run_build(elsewhere).exit_code == 0
    assert snapshot(elsewhere / "output") == first


def test_a_moved_project_keeps_its_cache(built: Path, tmp_path: Path) -> None:
    # The manifest names outputs relative to the project: moving or copying the folder
    # (a new clone, a backup restored elsewhere) must not redo every page.
    moved = tmp_path / "moved"
    shutil.copytree(built, moved)
    result = run_build(moved)
    assert result.written == []
    assert result.skipped >= 3 * len(TWO) + 1


def test_one_changed_fiche_rebuilds_only_that_fiche(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run_build(root).exit_code == 0
    add_to_lead(root, TWO[0])
    result = run_build(root)
    names = {p.name for p in result.written}
    assert f"{TWO[0]}.falc.md" in names and f"{TWO[0]}.pdf" in names
    assert not any(TWO[1] in name for name in names), names


def test_edited_falc_text_survives_build_and_is_flagged_stale(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run_build(root).exit_code == 0
    falc_file = root / "fiches" / f"{TWO[0]}.falc.md"
    text = read_falc(falc_file)
    text.body = text.body + "\nUne phrase écrite par une éditrice."
    write_falc(text, falc_file)
    edited = falc_file.read_bytes()
    result = run_build(root)
    assert falc_file.read_bytes() == edited
    pdf_text = subprocess.run(
        ["pdftotext", str(root / "output" / "fr" / f"{TWO[0]}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Une phrase écrite par une éditrice." in " ".join(pdf_text.split())
    assert result.notes == [] or all("stale" not in n for n in result.notes)
    # The source changes: the edited text is kept, and flagged.
    fiche_file = root / "fiches" / f"{TWO[0]}.md"
    fiche = read_fiche(fiche_file)
    fiche.body += "\n\nUn nouveau paragraphe de la fiche."
    write_fiche(fiche, fiche_file)
    result = run_build(root)
    assert falc_file.read_bytes() == edited
    assert any(TWO[0] in note and "changé" in note for note in result.notes), result.notes
    assert (root / "output" / "stale" / f"{TWO[0]}.diff").is_file()


def test_one_bad_fiche_fails_alone(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    bad = root / "fiches" / "2020-cassee.md"
    bad.write_text("---\nid: 2020-cassee\ntitle: [oops\n---\nTexte.\n", encoding="utf-8")
    result = run_build(root)
    assert result.exit_code == 1
    assert any("2020-cassee.md" in f.message for f in result.failures)
    for fid in TWO:
        assert (root / "output" / "fr" / f"{fid}.pdf").is_file()


def test_cli_build_exit_codes_and_summary(tmp_path: Path) -> None:
    root = make_project(tmp_path, TWO[:1])
    runner = CliRunner()
    result = runner.invoke(cli, ["build", "--project", str(root)])
    assert result.exit_code == 0, result.output
    assert "1 fiche(s)" in result.output and "index.html" in result.output
    result = runner.invoke(cli, ["build", "--project", str(root), "--fiche", "nope"])
    assert result.exit_code == 2
    assert "no fiche with id nope" in result.output
    result = runner.invoke(cli, ["build", "--project", str(root), "--lang", "xx"])
    assert result.exit_code == 2
    assert "language xx is not in project.languages" in result.output


def test_build_without_fiches_says_how_to_start(tmp_path: Path) -> None:
    (tmp_path / "cai-falc.toml").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--project", str(tmp_path)])
    assert result.exit_code == 2
    assert "cai-falc import" in result.output


def test_read_only_output_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permissions: make the output path a file instead, which fails the same way.
        root = make_project(tmp_path, TWO[:1])
        (root / "output").write_text("not a folder", encoding="utf-8")
    else:  # pragma: no cover - CI runs as root
        root = make_project(tmp_path, TWO[:1])
        (root / "output").mkdir()
        (root / "output").chmod(0o500)
    result = CliRunner().invoke(cli, ["build", "--project", str(root)])
    assert result.exit_code in (1, 2)
    assert "output" in result.output and "Traceback" not in result.output


def test_sigkill_during_build_loses_nothing(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run_build(root).exit_code == 0
    reference = snapshot(root / "output")
    falc_file = root / "fiches" / f"{TWO[1]}.falc.md"
    text = read_falc(falc_file)
    text.status = "validated"
    write_falc(text, falc_file)
    human = falc_file.read_bytes()
    shutil.rmtree(root / ".cai-falc-cache")  # force a full rebuild to interrupt
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for delay in (0.5, 1.5, 3.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "cai_falc", "build", "-q", "--project", str(root)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # Whatever was interrupted, every output is whole: old or new, never half.
        for name, data in snapshot(root / "output").items():
            if name.endswith(".pdf"):
                assert data.startswith(b"%PDF") and b"%%EOF" in data[-64:], name
        assert falc_file.read_bytes() == human
    result = run_build(root)
    assert result.exit_code == 0
    assert snapshot(root / "output").keys() >= reference.keys()
    assert falc_file.read_bytes() == human
    assert not list((root / "output").rglob("*.tmp"))


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found |= {int(n) for n in task.read_text().split()}
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it counts as ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


@pytest.mark.parametrize("jobs", [1, 2])
def test_render_workers_end_with_a_killed_build(tmp_path: Path, jobs: int) -> None:
    # Workers wait for pages on a pipe they hold open themselves: without a signal from
    # Linux when their parent dies, a SIGKILLed build --jobs 2 left them running forever.
    # With --jobs 1, a build that simplifies starts its one worker early (workers.py).
    root = make_project(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cai_falc", "build", "-q", "--jobs", str(jobs),
         "--project", str(root)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < jobs and time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) == jobs, f"the build never started its {jobs} render worker(s)"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    alive = [w for w in workers if _alive(w)]
    for w in alive:
        os.kill(w, signal.SIGKILL)
    assert alive == []


def test_languages_with_a_model_or_reviewed_lines_are_built(
    tmp_path: Path, argos_env: Path, argos_files: dict[str, Path]
) -> None:
    installed = CliRunner().invoke(
        cli, ["models", "install", str(argos_files["fr_en"]), str(argos_files["en_es"])]
    )
    assert installed.exit_code == 0, installed.output
    root = make_project(tmp_path, TWO[:1])
    toml = (root / "cai-falc.toml").read_text("utf-8")
    toml = re.sub(r"languages = \[.*\]", 'languages = ["en", "es", "uk", "tr"]', toml)
    (root / "cai-falc.toml").write_text(toml, encoding="utf-8")
    # Ukrainian has no model, but an interpreter translated the title by hand.
    assert run_build(root).exit_code == 0
    falc = read_falc(root / "fiches" / f"{TWO[0]}.falc.md")
    uk = root / "translations" / "uk.po"
    with uk.open("rb") as fh:
        catalog = pofile.read_po(fh, locale="uk")
    catalog[falc.title].string = "Платформа проти расизму"
    with uk.open("wb") as fh:
        pofile.write_po(fh, catalog)
    result = run_build(root)
    assert result.exit_code == 0, pipeline.summary(result)
    assert result.languages == ["fr", "en", "es", "uk"]  # tr: no model, nothing reviewed
    assert result.missing_langs == ["uk", "tr"]
    index = (root / "output" / "index.html").read_text("utf-8")
    for lang in ("fr", "en", "es", "uk"):
        assert (root / "output" / lang / f"{TWO[0]}.pdf").read_bytes().startswith(b"%PDF")
        assert f"{lang}/{TWO[0]}.preview.html" in index
    assert not (root / "output" / "tr").exists()
    fragment = (root / "output" / "en" / f"{TWO[0]}.html").read_text("utf-8")
    assert 'lang="en"' in fragment and "machine" in fragment.lower()
    en = (root / "translations" / "en.po").read_text("utf-8")
    assert "#, fuzzy" in en and "#. machine: translate-fr_en" in en
    ukrainian = (root / "output" / "uk" / f"{TWO[0]}.preview.html").read_text("utf-8")
    assert "Платформа проти расизму" in ukrainian
    # Nothing changed: nothing is redone, and the reviewed line is still there.
    again = run_build(root)
    assert again.written == []
    assert "Платформа проти расизму" in uk.read_text("utf-8")


def test_one_changed_fiche_rebuilds_only_that_fiche_in_every_language(
    tmp_path: Path, argos_env: Path, argos_files: dict[str, Path]
) -> None:
    installed = CliRunner().invoke(cli, ["models", "install", str(argos_files["fr_en"])])
    assert installed.exit_code == 0, installed.output
    root = make_project(tmp_path)
    toml = (root / "cai-falc.toml").read_text("utf-8")
    toml = re.sub(r"languages = \[.*\]", 'languages = ["en"]', toml)
    (root / "cai-falc.toml").write_text(toml, encoding="utf-8")
    assert run_build(root).exit_code == 0
    add_to_lead(root, TWO[0])
    result = run_build(root)
    names = {str(p.relative_to(root)) for p in result.written}
    assert f"output/en/{TWO[0]}.pdf" in names and f"output/fr/{TWO[0]}.pdf" in names
    assert not any(TWO[1] in name for name in names), sorted(names)


def test_outputs_of_a_removed_fiche_go_with_it_and_nothing_else_does(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run_build(root).exit_code == 0
    out = root / "output"
    gone = [out / "fr" / f"{TWO[1]}{ext}" for ext in (".pdf", ".html", ".preview.html")]
    assert all(p.is_file() for p in gone)
    (out / "lisez-moi.txt").write_text("notre fichier", encoding="utf-8")
    for source in (root / "fiches").glob(f"{TWO[1]}.*"):
        source.unlink()
    # A build of one fiche does not know what the others want: it removes nothing.
    only = pipeline.build(config.load(root), pipeline.BuildOptions(fiche_ids=(TWO[0],)))
    assert only.exit_code == 0 and only.removed == []
    assert all(p.is_file() for p in gone)
    # A web publisher changed the preview by hand: that one stays.
    gone[2].write_text(gone[2].read_text("utf-8") + "<!-- à nous -->", encoding="utf-8")
    result = run_build(root)
    assert result.exit_code == 0, pipeline.summary(result)
    assert sorted(result.removed) == sorted(gone[:2])
    assert not gone[0].exists() and not gone[1].exists() and gone[2].is_file()
    assert "2 retiré(s)" in pipeline.summary(result)[1]
    assert (out / "lisez-moi.txt").read_text("utf-8") == "notre fichier"
    for ext in (".pdf", ".html", ".preview.html"):
        assert (out / "fr" / f"{TWO[0]}{ext}").is_file()
    assert TWO[1] not in (out / "index.html").read_text("utf-8")
    again = run_build(root)
    assert again.written == [] and again.removed == []


def test_a_language_leaves_with_its_outputs_but_not_when_its_model_is_missing(
    tmp_path: Path, argos_env: Path, argos_files: dict[str, Path]
) -> None:
    installed = CliRunner().invoke(cli, ["models", "install", str(argos_files["fr_en"])])
    assert installed.exit_code == 0, installed.output
    root = make_project(tmp_path, TWO[:1])
    toml = (root / "cai-falc.toml").read_text("utf-8")
    (root / "cai-falc.toml").write_text(
        re.sub(r"languages = \[.*\]", 'languages = ["en"]', toml), encoding="utf-8"
    )
    assert run_build(root).languages == ["fr", "en"]
    leaflet = root / "output" / "en" / f"{TWO[0]}.pdf"
    assert leaflet.is_file()
    # The model is gone for today (another machine, a broken install): the English
    # leaflets stay until it is back.
    shutil.rmtree(argos_env)
    missing = run_build(root)
    assert missing.missing_langs == ["en"] and missing.removed == []
    assert leaflet.is_file()
    # English is taken out of the project: its leaflets and its folder go.
    (root / "cai-falc.toml").write_text(
        re.sub(r"languages = \[.*\]", "languages = []", toml), encoding="utf-8"
    )
    left = run_build(root)
    assert left.exit_code == 0, pipeline.summary(left)
    assert len(left.removed) == 3 and not (root / "output" / "en").exists()
    assert (root / "output" / "fr" / f"{TWO[0]}.pdf").is_file()
