"""``cai-falc validate`` and ``fiche.load_folder``: every problem, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cai_falc import fiche as fm
from cai_falc.cli import cli
from cai_falc.errors import FicheError


def _fiche(fiche_id: str, **changes: object) -> fm.Fiche:
    values: dict[str, object] = {
        "id": fiche_id,
        "year": int(fiche_id[:4]),
        "title": "Des ateliers numériques",
        "lead": "Le CAI ouvre des ateliers.",
        "body": "Un paragraphe.\n\n- un point",
        "review": [
            fm.ReviewItem(kind="question", message="Question laissée", line=7, text="Lequel ?")
        ],
    }
    values.update(changes)
    return fm.Fiche(**values)  # type: ignore[arg-type]


def _write(folder: Path, fiche: fm.Fiche, name: str | None = None) -> Path:
    path = folder / (name or fiche.filename)
    fm.write_fiche(fiche, path)
    return path


def _falc(folder: Path, fiche_id: str) -> Path:
    path = folder / f"{fiche_id}{fm.FALC_SUFFIX}"
    fm.write_falc(fm.FalcText(id=fiche_id, title="Des ateliers", body="Une phrase."), path)
    return path


def _validate(project: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", "--project", str(project), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_valid_folder_exits_0_and_lists_review_entries(project: Path) -> None:
    fiches = project / "fiches"
    path = _write(fiches, _fiche("2021-ateliers"))
    _falc(fiches, "2021-ateliers")
    code, output = _validate(project)
    assert code == 0, output
    assert "1 fiche(s), 1 texte(s) FALC : 0 problème(s), 1 point(s) à revoir." in output
    line = next(n for n, t in enumerate(path.read_text().split("\n"), 1) if t == "- kind: question")
    assert f"2021-ateliers.md:{line}: à revoir [question]" in output
    assert "ligne 7 de l’export" in output


def test_strict_counts_review_entries(project: Path) -> None:
    _write(project / "fiches", _fiche("2021-ateliers"))
    code, output = _validate(project, "--strict")
    assert code == 1, output


def test_every_problem_is_reported_with_file_and_line(project: Path) -> None:
    fiches = project / "fiches"
    _write(fiches, _fiche("2021-ateliers", review=[]))
    (fiches / "2020-yaml-casse.md").write_text(
        "---\nid: 2020-yaml-casse\ntitle: [pas fermé\n---\n\nTexte.\n", encoding="utf-8"
    )
    (fiches / "2019-sans-titre.md").write_text(
        "---\nid: 2019-sans-titre\nyear: 2019\n---\n\nTexte.\n", encoding="utf-8"
    )
    _write(fiches, _fiche("2018-bon-id"), name="2018-autre-nom.md")
    _falc(fiches, "2017-orpheline")
    (fiches / "2021-ateliers.md.new").write_text("nouvel import", encoding="utf-8")
    (fiches / "2016-binaire.md").write_bytes(b"\x00\x01\x02")
    (project / "glossaries" / "termes.yaml").write_text("terms: [\n", encoding="utf-8")
    code, output = _validate(project)
    assert code == 1, output
    assert "2020-yaml-casse.md:3: invalid front matter" in output
    assert "2019-sans-titre.md:1: field 'title': missing required field" in output
    assert "2018-autre-nom.md:2: field 'id': the id '2018-bon-id' does not match" in output
    assert "2017-orpheline.falc.md:2: field 'id': no source fiche 2017-orpheline.md" in output
    assert "2021-ateliers.md.new:1: import conflict not resolved" in output
    assert "2016-binaire.md: this is a binary file" in output
    assert "termes.yaml" in output
    assert "7 problème(s)" in output


def test_duplicate_ids_are_reported(project: Path) -> None:
    fiches = project / "fiches"
    _write(fiches, _fiche("2021-ateliers"))
    _write(fiches, _fiche("2021-ateliers"), name="2021-ateliers-bis.md")
    found = fm.load_folder(fiches)
    messages = [str(e) for e in found.errors]
    assert any("the id '2021-ateliers' is already used by 2021-ateliers" in m for m in messages)
    assert len(found.fiches) == 2


def test_load_folder_collects_errors_and_pairs_falc_texts(tmp_path: Path) -> None:
    _write(tmp_path, _fiche("2021-ateliers"))
    _falc(tmp_path, "2021-ateliers")
    (tmp_path / "2020-vide.md").write_text("", encoding="utf-8")
    found = fm.load_folder(tmp_path)
    assert [f.id for f in found.fiches] == ["2021-ateliers"]
    falc = found.falc_for("2021-ateliers")
    assert falc is not None and falc.body == "Une phrase."
    assert found.fiche("2021-ateliers") is found.fiches[0]
    assert found.falc_for("2020-vide") is None
    (error,) = found.errors
    assert isinstance(error, FicheError) and "2020-vide.md" in str(error)


def test_load_folder_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    found = fm.load_folder(tmp_path / "absent")
    assert (found.fiches, found.falc_texts, found.errors) == ([], [], [])


def test_no_fiches_folder_is_bad_input(project: Path) -> None:
    (project / "fiches").rmdir()
    code, output = _validate(project)
    assert code == 2, output
    assert "no fiches folder" in output and "cai-falc import" in output


@pytest.mark.parametrize("command", ["import", "validate"])
def test_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Exit" in result.output or "exit" in result.output


def test_committed_fiches_validate(tmp_path: Path) -> None:
    folder = Path(__file__).resolve().parents[1] / "fiches"
    found = fm.load_folder(folder)
    assert len(found.fiches) >= 10
    # FALC texts beside them belong to the simplifier's tests; the imported fiches are ours.
    assert [str(e) for e in found.errors if not e.path.name.endswith(fm.FALC_SUFFIX)] == []
