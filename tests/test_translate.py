"""The translation stage end to end, with test-built Argos packages installed for real."""

# ruff: noqa: F811  (pytest fixtures imported from argos_kit are redefined as arguments)
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner, Result

from argos_kit import argos_env, argos_files  # noqa: F401  (fixtures)
from cai_falc import catalog as po
from cai_falc import config, fiche, models
from cai_falc.cli import cli
from cai_falc.fiche import FalcText
from cai_falc.translate import Runtime, translate_project

BODY = textwrap.dedent(
    """\
    ## Bonjour
    Bonjour, vous avez rendez-vous le 12/03/2025 à 14 h.
    Le CPAS de Namur aide les familles.
    Merci pour les 17 euros.
    - Appelez le 081 73 71 76.
    - Écrivez à info@cai-namur.be ou allez sur www.cai-namur.be.
    """
)


def write_falc(project: Path, id: str, body: str, *, title: str = "Bonjour à vous") -> FalcText:
    text = FalcText(id=id, title=title, body=body.strip("\n"), words={"CPAS": "Merci au CPAS."})
    fiche.write_falc(text, project / "fiches" / f"{id}.falc.md")
    return fiche.read_falc(project / "fiches" / f"{id}.falc.md")


def run(project: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["translate", "--project", str(project), *args])


def entries(project: Path, lang: str) -> dict[str, po.Message]:
    with open(project / "translations" / f"{lang}.po", "rb") as fh:
        cat = read_po(fh)
    return {m.id: m for m in cat if m.id}


@pytest.fixture
def installed(argos_env: Path, argos_files: dict[str, Path]) -> Path:
    result = CliRunner().invoke(cli, ["models", "install", *map(str, argos_files.values())])
    assert result.exit_code == 0, result.output
    return argos_env


def test_translate_fills_catalogs_direct_and_pivot(project: Path, installed: Path) -> None:
    write_falc(project, "2024-rdv", BODY)
    result = run(project, "--lang", "en", "--lang", "es")
    assert result.exit_code == 0, result.output
    en = entries(project, "en")
    hello = en["Bonjour, vous avez rendez-vous le 12/03/2025 à 14 h."]
    assert hello.string == "Hello, vous avez rendez-vous le 12/03/2025 à 14 h."
    assert hello.fuzzy
    assert "machine: translate-fr_en 1.0" in hello.auto_comments
    assert en["Merci pour les 17 euros."].string == "Thanks pour les 17 euros."
    assert en["Bonjour"].string == "Hello"  # the heading, deduplicated with nothing else
    es = entries(project, "es")
    assert es["Merci pour les 17 euros."].string == "Gracias pour les 17 euros."
    assert "machine: translate-fr_en 1.0 + translate-en_es 1.0" in (
        es["Merci pour les 17 euros."].auto_comments
    )
    assert "en: 0 relues (0 %), 9 automatiques, 0 abîmées, 0 manquantes" in result.output


def test_protected_tokens_come_out_unchanged(project: Path, installed: Path) -> None:
    write_falc(project, "2024-rdv", BODY)
    assert run(project, "--lang", "en").exit_code == 0
    en = entries(project, "en")
    for msgid in (
        "- Appelez le 081 73 71 76.",
        "Appelez le 081 73 71 76.",
        "Écrivez à info@cai-namur.be ou allez sur www.cai-namur.be.",
    ):
        if msgid in en:
            assert en[msgid].string == msgid
            assert not any(c.startswith("damaged") for c in en[msgid].auto_comments)


def test_glossary_translations_are_enforced(project: Path, installed: Path) -> None:
    (project / "glossaries" / "terms.yaml").write_text(
        textwrap.dedent(
            """\
            terms:
              - term: CPAS
                kind: acronym
                expansion: Centre public d'action sociale
                explanation: Le CPAS aide les personnes qui ont peu d'argent.
                translations:
                  en: public social welfare centre (CPAS)
                  es: centro público de bienestar social (CPAS)
            """
        ),
        encoding="utf-8",
    )
    write_falc(project, "2024-rdv", BODY)
    assert run(project, "--lang", "en", "--lang", "es").exit_code == 0
    en, es = entries(project, "en"), entries(project, "es")
    sentence = "Le CPAS de Namur aide les familles."
    assert en[sentence].string == (
        "Le public social welfare centre (CPAS) de Namur aide les familles."
    )
    assert es[sentence].string == (
        "Le centro público de bienestar social (CPAS) de Namur aide les familles."
    )
    assert en["Merci au CPAS."].string == "Thanks au public social welfare centre (CPAS)."


def test_damaged_segments_are_flagged_not_published(project: Path, installed: Path) -> None:
    falc = write_falc(project, "2024-rdv", BODY)
    result = run(project, "--lang", "nl")
    assert result.exit_code == 0, result.output
    nl = entries(project, "nl")
    phone = nl["Appelez le 081 73 71 76."]
    assert phone.fuzzy
    assert "damaged: « 081 73 71 76 » manque dans la traduction" in phone.auto_comments
    euros = nl["Merci pour les 17 euros."]
    assert "damaged: le nombre « 17 » manque dans la traduction" in euros.auto_comments
    assert nl["Le CPAS de Namur aide les familles."].auto_comments[:1] == [
        "machine: translate-fr_nl 1.0"
    ]
    cat = po.read_catalog(project / "translations" / "nl.po", lang="nl")
    translation = po.translated_text(falc, lang="nl", catalog=cat)
    by_source = {b.source: b for b in translation.blocks}
    assert by_source["Appelez le 081 73 71 76."].status == "damaged"
    assert by_source["Appelez le 081 73 71 76."].text is None
    assert by_source["Le CPAS de Namur aide les familles."].status == "machine"
    assert not translation.complete and translation.machine
    assert "4 abîmées" in result.output  # date, phone, e-mail and URL, 17


def test_reviewed_entries_survive_any_number_of_runs(project: Path, installed: Path) -> None:
    write_falc(project, "2024-rdv", BODY)
    assert run(project, "--lang", "en").exit_code == 0
    path = project / "translations" / "en.po"
    cat = po.read_catalog(path, lang="en")
    reviewed = cat["Merci pour les 17 euros."]
    reviewed.string = "Thank you for the 17 euros."
    reviewed.flags.discard("fuzzy")  # what Poedit does when a person validates it
    draft = cat["Le CPAS de Namur aide les familles."]
    draft.string = "The CPAS in Namur helps families (draft by a person)."  # still fuzzy
    po.write_catalog(path, cat)
    for _ in range(3):
        result = run(project, "--lang", "en")
        assert result.exit_code == 0, result.output
    en = entries(project, "en")
    assert en["Merci pour les 17 euros."].string == "Thank you for the 17 euros."
    assert not en["Merci pour les 17 euros."].fuzzy
    assert en["Le CPAS de Namur aide les familles."].string.endswith("(draft by a person).")
    assert "en: 1 relues (11 %)" in result.output


def test_rerun_without_changes_loads_no_model_and_writes_nothing(
    project: Path, installed: Path
) -> None:
    falc = write_falc(project, "2024-rdv", BODY)
    settings = config.load(project)
    translate_project([falc], langs=["en"], settings=settings)
    runtime = Runtime(settings.translate, models.installed())
    (stats,) = translate_project([falc], langs=["en"], settings=settings, runtime=runtime)
    assert stats.translated_now == 0 and not stats.written
    assert runtime._loaded == {}


def test_obsolete_entries_are_kept_and_come_back(project: Path, installed: Path) -> None:
    write_falc(project, "2024-rdv", BODY)
    assert run(project, "--lang", "en").exit_code == 0
    path = project / "translations" / "en.po"
    cat = po.read_catalog(path, lang="en")
    cat["Merci pour les 17 euros."].string = "Thank you for the 17 euros."
    cat["Merci pour les 17 euros."].flags.discard("fuzzy")
    po.write_catalog(path, cat)
    write_falc(project, "2024-rdv", BODY.replace("Merci pour les 17 euros.\n", ""))
    assert run(project, "--lang", "en").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert '#~ msgid "Merci pour les 17 euros."' in text
    assert '#~ msgstr "Thank you for the 17 euros."' in text
    write_falc(project, "2024-rdv", BODY)
    assert run(project, "--lang", "en").exit_code == 0
    en = entries(project, "en")
    assert en["Merci pour les 17 euros."].string == "Thank you for the 17 euros."
    assert not en["Merci pour les 17 euros."].fuzzy


def test_glossary_change_redoes_untouched_machine_entries(project: Path, installed: Path) -> None:
    write_falc(project, "2024-rdv", BODY)
    assert run(project, "--lang", "en").exit_code == 0
    assert entries(project, "en")["Le CPAS de Namur aide les familles."].string.startswith(
        "Le CPAS"
    )
    (project / "glossaries" / "terms.yaml").write_text(
        "terms:\n  - term: CPAS\n    kind: acronym\n    explanation: aide sociale\n"
        "    translations:\n      en: PCSW\n",
        encoding="utf-8",
    )
    result = run(project, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert entries(project, "en")["Le CPAS de Namur aide les familles."].string == (
        "Le PCSW de Namur aide les familles."
    )


def test_missing_models_are_a_warning(project: Path, installed: Path) -> None:
    write_falc(project, "2024-rdv", BODY)
    result = run(project)  # the project's languages: en, ar
    assert result.exit_code == 0, result.output
    assert "pas de modèle de traduction fr -> ar : installez translate-fr_ar" in result.output
    ar = entries(project, "ar")
    assert ar["Merci pour les 17 euros."].string == ""
    assert "ar: 0 relues (0 %), 0 automatiques, 0 abîmées, 9 manquantes" in result.output
    assert entries(project, "en")["Merci pour les 17 euros."].string == "Thanks pour les 17 euros."


def test_without_any_model(project: Path, argos_env: Path) -> None:
    write_falc(project, "2024-rdv", BODY)
    result = run(project)
    assert result.exit_code == 0, result.output
    assert "Aucun modèle de traduction installé" in result.output
    assert (project / "translations" / "en.po").is_file()


def test_without_falc_texts(project: Path, argos_env: Path) -> None:
    result = run(project)
    assert result.exit_code == 0, result.output
    assert "Aucun texte FALC" in result.output


def test_broken_catalog_is_an_error_and_is_not_overwritten(
    project: Path, installed: Path
) -> None:
    write_falc(project, "2024-rdv", BODY)
    broken = 'msgid ""\nmsgstr ""\n\nmsgid "Bonjour"\nmsgstr "Hello"\nmsgstr "again"\n'
    (project / "translations" / "en.po").write_text(broken, encoding="utf-8")
    result = run(project)
    assert result.exit_code == 2, result.output
    assert "en.po:6" in result.output
    assert "Traceback" not in result.output
    assert (project / "translations" / "en.po").read_text(encoding="utf-8") == broken
    assert not (project / "translations" / "ar.po").exists()  # read everything, then write


def test_no_torch_or_stanza_imported(project: Path, installed: Path) -> None:
    write_falc(project, "2024-rdv", BODY)
    code = textwrap.dedent(
        f"""
        import sys
        from click.testing import CliRunner
        from cai_falc.cli import cli
        result = CliRunner().invoke(cli, ["translate", "--project", {str(project)!r}])
        assert result.exit_code == 0, result.output
        assert "Thanks pour" in (
            open({str(project / "translations" / "en.po")!r}, encoding="utf-8").read()
        )
        heavy = sorted(m for m in ("torch", "stanza", "spacy", "minisbd") if m in sys.modules)
        print("HEAVY", heavy)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout


def test_broken_falc_file_fails_alone(project: Path, installed: Path) -> None:
    write_falc(project, "2024-rdv", BODY)
    (project / "fiches" / "2024-bad.falc.md").write_text("no front matter\n", encoding="utf-8")
    result = run(project, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "2024-bad.falc.md:1" in result.output
    assert entries(project, "en")["Merci pour les 17 euros."].string == "Thanks pour les 17 euros."
    assert "lisibilité :" in result.output
