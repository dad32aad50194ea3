"""Stale FALC texts: the old source is found in the cache, else in the project's git history."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cai_falc import config, pipeline
from cai_falc.cli import cli
from cai_falc.fiche import read_falc, read_fiche, write_falc, write_fiche

ROOT = Path(__file__).resolve().parents[1]
FID = "2016-lancement-de-la-plateforme-de-lutte-contre-le-racisme-en"
NEW_LEAD = "Le CAI lutte contre le racisme depuis sa création."
NEW_PARAGRAPH = "Un nouveau paragraphe de la fiche."
_GIT_LOCATION_VARS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY")


def make_project(folder: Path) -> Path:
    """A project with one real fiche (no FALC text yet), the real glossary, a .gitignore."""
    root = folder / "proj"
    (root / "fiches").mkdir(parents=True)
    shutil.copy(ROOT / "cai-falc.toml", root / "cai-falc.toml")
    shutil.copytree(ROOT / "glossaries", root / "glossaries")
    shutil.copy(ROOT / "fiches" / f"{FID}.md", root / "fiches" / f"{FID}.md")
    (root / ".gitignore").write_text(".cai-falc-cache/\n/output/\n", encoding="utf-8")
    return root


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` as a test user, away from the user's and the system's settings."""
    env = {k: v for k, v in os.environ.items() if k not in _GIT_LOCATION_VARS}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", LC_ALL="C")
    done = subprocess.run(
        [
            "git",
            "-c",
            "user.name=Éditrice du CAI",
            "-c",
            "user.email=editrice@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def commit(root: Path, message: str) -> str:
    """Commit every change of the project; the new commit's short hash."""
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", message)
    return git(root, "rev-parse", "--short", "HEAD")


def simplify(root: Path) -> None:
    """`cai-falc simplify` in ``root``: exit code 0, as for any stale text."""
    result = CliRunner().invoke(cli, ["simplify", "--project", str(root)])
    assert result.exit_code == 0, result.output


def mark_edited(root: Path) -> bytes:
    """An editor takes the draft over: status edited. Returns the FALC file's bytes."""
    path = root / "fiches" / f"{FID}.falc.md"
    text = read_falc(path)
    text.status = "edited"
    write_falc(text, path)
    return path.read_bytes()


def falc_bytes(root: Path) -> bytes:
    return (root / "fiches" / f"{FID}.falc.md").read_bytes()


def change_lead(root: Path) -> str:
    """The editor rewrites the fiche's lead; returns the old one."""
    path = root / "fiches" / f"{FID}.md"
    fiche = read_fiche(path)
    old = fiche.lead
    fiche.lead = NEW_LEAD
    write_fiche(fiche, path)
    return old


def add_paragraph(root: Path) -> None:
    path = root / "fiches" / f"{FID}.md"
    fiche = read_fiche(path)
    fiche.body += f"\n\n{NEW_PARAGRAPH}"
    write_fiche(fiche, path)


def stale_diff(root: Path) -> str:
    return (root / "output" / "stale" / f"{FID}.diff").read_text(encoding="utf-8")


def changed_lines(diff: str) -> tuple[set[str], set[str]]:
    """The removed and the added lines of a unified diff."""
    lines = diff.splitlines()
    removed = {ln[1:] for ln in lines if ln.startswith("-") and not ln.startswith("---")}
    added = {ln[1:] for ln in lines if ln.startswith("+") and not ln.startswith("+++")}
    return removed, added


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# --------------------------------------------------------------------------- found in git


def test_a_fresh_clone_finds_the_old_source_in_git(tmp_path: Path) -> None:
    origin = make_project(tmp_path / "origin")
    simplify(origin)
    edited = mark_edited(origin)
    git(origin, "init", "--quiet")
    made_from = commit(origin, "Fiche et texte FALC relu")
    # Later commits: a broken version of the fiche (skipped), then a new lead.
    fiche_file = origin / "fiches" / f"{FID}.md"
    good = fiche_file.read_bytes()
    fiche_file.write_text("pas de front matter\n", encoding="utf-8")
    commit(origin, "Fiche cassée")
    fiche_file.write_bytes(good)
    old_lead = change_lead(origin)
    commit(origin, "Nouveau chapeau")
    assert (origin / ".cai-falc-cache" / "sources").is_dir()  # not committed: not cloned
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", str(origin), str(clone))
    assert not (clone / ".cai-falc-cache").exists()
    add_paragraph(clone)  # and an uncommitted change in the clone
    assert falc_bytes(clone) == edited

    simplify(clone)
    assert falc_bytes(clone) == edited
    diff = stale_diff(clone)
    first = diff.splitlines()[0]
    assert first.startswith("# Ancienne version de la fiche : git, commit ")
    assert made_from in first and "Fiche et texte FALC relu" in first
    assert f"--- {FID} (version du texte FALC)" in diff and f"+++ {FID} (fiche actuelle)" in diff
    removed, added = changed_lines(diff)
    assert set(old_lead.split("\n")) <= removed
    assert NEW_LEAD in added and NEW_PARAGRAPH in added
    assert "pas de front matter" not in diff

    # The version found is now the cache copy: the next run does not search again.
    simplify(clone)
    assert falc_bytes(clone) == edited
    first, *rest = stale_diff(clone).splitlines()
    assert first.startswith("# Ancienne version de la fiche : cache de construction")
    assert rest == diff.splitlines()[1:]


def test_an_uncommitted_change_without_cache_is_compared_with_head(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    result = pipeline.build(config.load(root), pipeline.BuildOptions())
    assert result.exit_code == 0, pipeline.summary(result)
    edited = mark_edited(root)
    git(root, "init", "--quiet")
    head = commit(root, "Textes relus")
    shutil.rmtree(root / ".cai-falc-cache")
    old_lead = change_lead(root)
    repository = tree_bytes(root / ".git")

    result = pipeline.build(config.load(root), pipeline.BuildOptions())
    assert result.exit_code == 0, pipeline.summary(result)
    assert any(FID in note and "changé" in note for note in result.notes), result.notes
    assert falc_bytes(root) == edited
    assert tree_bytes(root / ".git") == repository  # git was only read
    diff = stale_diff(root)
    assert diff.splitlines()[0].startswith(f"# Ancienne version de la fiche : git, commit {head}")
    removed, added = changed_lines(diff)
    assert set(old_lead.split("\n")) <= removed and NEW_LEAD in added
    assert git(root, "status", "--porcelain") == f"M fiches/{FID}.md"


def test_a_falc_text_made_from_a_staged_fiche_is_found_in_the_index(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    git(root, "init", "--quiet")
    commit(root, "Fiche importée")
    old_lead = change_lead(root)
    git(root, "add", f"fiches/{FID}.md")  # staged, not committed
    simplify(root)
    edited = mark_edited(root)
    shutil.rmtree(root / ".cai-falc-cache")
    add_paragraph(root)

    simplify(root)
    assert falc_bytes(root) == edited
    diff = stale_diff(root)
    assert diff.splitlines()[0] == (
        "# Ancienne version de la fiche : git, index (modification pas encore commitée)"
    )
    removed, added = changed_lines(diff)
    assert added == {NEW_PARAGRAPH, ""} and not removed
    assert not set(old_lead.split("\n")) & removed


# ------------------------------------------------------------------------------ not found


def assert_not_found(root: Path, edited: bytes, *reasons: str) -> str:
    simplify(root)
    assert falc_bytes(root) == edited
    diff = stale_diff(root)
    lines = diff.splitlines()
    assert lines[0].startswith("# Ancienne version de la fiche introuvable : pas de copie dans")
    for reason in reasons:
        assert reason in lines[0], lines[0]
    assert f"git log -p -- fiches/{FID}.md" in diff
    assert f"--- {FID} (version du texte FALC)" in diff
    _, added = changed_lines(diff)
    assert NEW_LEAD in added
    return diff


def test_no_git_repository_and_no_cache_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = make_project(tmp_path)
    simplify(root)
    edited = mark_edited(root)
    shutil.rmtree(root / ".cai-falc-cache")
    change_lead(root)
    assert_not_found(root, edited, "le projet n'est pas dans un dépôt git")
    assert not (root / ".git").exists()


def test_without_git_installed_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path)
    simplify(root)
    edited = mark_edited(root)
    git(root, "init", "--quiet")
    commit(root, "Textes relus")
    shutil.rmtree(root / ".cai-falc-cache")
    change_lead(root)
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert_not_found(root, edited, "git n'est pas installé")


def test_a_version_never_committed_is_not_found(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    git(root, "init", "--quiet")
    commit(root, "Fiche importée")
    add_paragraph(root)  # the FALC text is made from this version, never committed
    simplify(root)
    edited = mark_edited(root)
    shutil.rmtree(root / ".cai-falc-cache")
    change_lead(root)
    assert_not_found(root, edited, "ni l'index git ni les 1 derniers commits", "jamais")


def test_a_shallow_clone_says_to_fetch_the_history(tmp_path: Path) -> None:
    origin = make_project(tmp_path / "origin")
    simplify(origin)
    edited = mark_edited(origin)
    git(origin, "init", "--quiet")
    commit(origin, "Textes relus")
    add_paragraph(origin)
    commit(origin, "Un paragraphe de plus")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth=1", f"file://{origin}", str(clone))
    change_lead(clone)
    assert_not_found(clone, edited, "clone superficiel", "git fetch --unshallow")
