"""The CMS importer: the real export, unseen exports, bad input, re-import safety."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cai_falc import config, importer
from cai_falc.cli import cli
from cai_falc.errors import ExportError, InputError
from cai_falc.fiche import Fiche, Resource, Source, read_fiche

DATA = Path(__file__).parent / "data" / "exports"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_3265c7d80c062ad5.txt"
LEFTOVERS = (
    "Ajouter liens",
    "Lequel ?",
    "Supprimer ?",
    "Est-ce que cette démarche",
    "* Légende",
    "Légende",
    "vignette",
    "Couv Batisseurs",
    "XXX",
    "TODO",
    "À compléter",
    "  ",
    "\u00a0",
    "\r",
)


def _settings(*, spelling: bool = True, dictionary: str = "fr_FR") -> config.Settings:
    # A root without glossaries: what spelling flags must not depend on the repository's.
    base = config.Settings(root=DATA)
    return dataclasses.replace(
        base,
        importer=dataclasses.replace(base.importer, spelling=spelling, dictionary=dictionary),
    )


def _by_year_title(fiches: list[Fiche], start: str) -> Fiche:
    return next(f for f in fiches if f.title.startswith(start))


def _texts(fiche: Fiche, kind: str) -> list[str]:
    return [r.text for r in fiche.review if r.kind == kind]


@pytest.fixture(scope="module")
def seed_result(tmp_path_factory: pytest.TempPathFactory) -> importer.ImportResult:
    out = tmp_path_factory.mktemp("fiches")
    return importer.import_export(SEED, out, settings=_settings())


@pytest.fixture(scope="module")
def seed_fiches(seed_result: importer.ImportResult) -> list[Fiche]:
    return seed_result.fiches


# ----------------------------------------------------------------------- the real export


def test_seed_gives_ten_fiches_in_export_order(seed_fiches: list[Fiche]) -> None:
    assert [f.year for f in seed_fiches] == [
        2017,
        2016,
        2016,
        2016,
        2015,
        2015,
        2014,
        2014,
        2009,
        2009,
    ]
    assert len({f.id for f in seed_fiches}) == 10


def test_seed_titles_are_clean_and_not_repeated(seed_fiches: list[Fiche]) -> None:
    titles = [f.title for f in seed_fiches]
    assert titles[0] == (
        "Chartes et motions pour un meilleur accueil des personnes étrangères en province de Namur"
    )
    assert titles[2] == (
        "Du parcours d’accueil au parcours d’intégration obligatoire : une évolution qui "
        "transforme aussi les pratiques"
    )
    assert titles[6].startswith("« Engagements croisés : 50 ans d’immigration")
    for fiche in seed_fiches:
        assert not re.match(r"^\d{4}", fiche.title)
        assert "\u00a0" not in fiche.title and "  " not in fiche.title
        assert fiche.title not in fiche.lead and fiche.title not in fiche.body


def test_seed_ids_are_year_and_ascii_slug(seed_result: importer.ImportResult) -> None:
    for outcome in seed_result.outcomes:
        fiche = outcome.fiche
        assert re.fullmatch(rf"{fiche.year}-[a-z0-9]+(-[a-z0-9]+)*", fiche.id), fiche.id
        assert len(fiche.id) <= 5 + importer.SLUG_LENGTH
        assert outcome.path.name == f"{fiche.id}.md" and outcome.path.is_file()
    assert seed_result.fiches[7].id.startswith("2014-creation-d-un-certificat-fle")


def test_seed_fle_footnote_goes_to_sources(seed_fiches: list[Fiche]) -> None:
    fle = _by_year_title(seed_fiches, "Création d’un certificat FLE")
    assert fle.sources == [
        Source(
            ref="1",
            text="Académie de recherche et d’enseignement supérieur de la Fédération "
            "Wallonie-Bruxelles.",
        )
    ]
    assert "reconnue par l’ARES[^1]," in fle.body
    assert "[1]" not in fle.body


def test_seed_cross_references(seed_fiches: list[Fiche]) -> None:
    numbers = {r.number for f in seed_fiches for r in f.related}
    assert {8, 29, 37, 38} <= numbers
    fle = _by_year_title(seed_fiches, "Création d’un certificat FLE")
    assert [(r.number, r.label) for r in fle.related] == [
        (8, "Français Alphabétisation"),
        (29, "Séminaire primo-arrivants"),
        (37, "Parcours d’intégration obligatoire"),
    ]
    parcours = _by_year_title(seed_fiches, "Du parcours d’accueil")
    assert [(r.number, r.label) for r in parcours.related] == [
        (38, "Modification Code nationalité")
    ]


def test_seed_every_leftover_is_a_review_entry(seed_fiches: list[Fiche]) -> None:
    mentorat = _by_year_title(seed_fiches, "Développement de plusieurs projets de mentorat")
    assert _texts(mentorat, "question") == [
        "Lequel ?",
        "Supprimer ?",
        "Est-ce que cette démarche se poursuit toujours aujourd’hui ?",
    ]
    assert [r.line for r in mentorat.review if r.kind == "question"] == [416, 420, 424]
    (duplicate,) = [r for r in mentorat.review if r.kind == "duplicate"]
    assert duplicate.line == 426 and "ligne 406" in duplicate.message
    assert duplicate.text.startswith("En 2023, le CAI poursuit le déploiement de son projet")
    assert any("La  est exigée" in t for t in _texts(mentorat, "missing-word"))

    primo = _by_year_title(seed_fiches, "Vers une politique d’accueil")
    gaps = _texts(primo, "missing-word")
    assert any("Le Centre engage  dédié" in t for t in gaps)
    assert any("types de  (centres" in t for t in gaps)
    assert any("accueil et  ." in t for t in gaps)

    batisseurs = _by_year_title(seed_fiches, "« Engagements croisés")
    assert _texts(batisseurs, "image") == ["2014 — Couv Batisseurs Inter (vignette)"]
    assert any("Benoîte Dessicy" in t for t in _texts(batisseurs, "legend"))

    kinds = {r.kind for f in seed_fiches for r in f.review}
    assert {"placeholder", "question", "duplicate", "missing-word", "legend", "image"} <= kinds
    for fiche in seed_fiches:
        assert "Ajouter liens" in _texts(fiche, "placeholder")
        for item in fiche.review:
            assert item.message and item.line > 0


def test_seed_misspellings_are_flagged(seed_fiches: list[Fiche]) -> None:
    words = {t for f in seed_fiches for t in _texts(f, "spelling")}
    assert {"initulé", "écahnges", "fontion"} <= words
    # Names, acronyms and words glued to digits are not spelling mistakes.
    assert not words & {"Coaxions", "Net2work", "Net2Work", "CAI", "ISP", "Henallux"}


def test_seed_innocent_double_spaces_are_not_flagged(seed_fiches: list[Fiche]) -> None:
    # Lines 17 "En  Wallonie", 21 "en  pratique", 173 "est  implémentée", 627 "projet  « Relance »",
    # 709 "présente  les" have double spaces where no word is missing.
    lines = {r.line for f in seed_fiches for r in f.review if r.kind == "missing-word"}
    assert lines == {392, 715, 729, 731}


def test_seed_leftovers_stay_out_of_lead_and_body(seed_fiches: list[Fiche]) -> None:
    for fiche in seed_fiches:
        for leftover in LEFTOVERS:
            assert leftover not in fiche.lead, (fiche.id, leftover)
            assert leftover not in fiche.body, (fiche.id, leftover)
    mentorat = _by_year_title(seed_fiches, "Développement de plusieurs projets de mentorat")
    assert mentorat.body.count("En 2023, le CAI poursuit le déploiement") == 1
    assert "des projets MIN et Net2work" in mentorat.body


def test_seed_body_markdown(seed_fiches: list[Fiche], seed_export: Path) -> None:
    chartes = seed_fiches[0]
    lines = seed_export.read_text(encoding="utf-8").split("\n")
    assert chartes.lead == " ".join(lines[4].replace("\u00a0", " ").split())
    assert "- Favoriser l’appropriation de l’espace public par les minorités.\n- " in chartes.body
    assert "  •" not in chartes.body and "•" not in chartes.body
    assert "toutes et tous[^1]." in chartes.body
    reseau = _by_year_title(seed_fiches, "Un travail en réseau")
    assert "rallye « Métier-Formation-Emploi » avec le CPAS, la Commune" in reseau.body
    primo = _by_year_title(seed_fiches, "Vers une politique d’accueil")
    assert primo.body.startswith(
        "## Identification de plusieurs défis liés à l’intégration des primo-arrivants\n\n"
    )
    assert "\n\n## Rédaction et diffusion d’une note politique\n\n" in primo.body
    assert primo.lead.startswith("Organisé à l’initiative du CAI, ce séminaire présente les")


def test_seed_categories_keep_ticked_boxes(seed_fiches: list[Fiche]) -> None:
    for fiche in seed_fiches:
        assert fiche.categories.axes == ["Accompagnement", "Interpellation", "Travail en réseau"]
        assert fiche.categories.thematiques.specifiques[0] == "Intégration"
        assert "Santé" in fiche.categories.thematiques.generales


def test_seed_files_round_trip(seed_result: importer.ImportResult) -> None:
    for outcome in seed_result.outcomes:
        loaded = read_fiche(outcome.path)
        assert loaded == outcome.fiche
        assert loaded.imported is not None
        assert loaded.imported.hash == loaded.source_hash()
        assert loaded.imported.export == "000_3265c7d80c062ad5.txt"


def test_committed_fiches_are_the_seed_import(
    seed_result: importer.ImportResult, seed_export: Path
) -> None:
    folder = Path(__file__).resolve().parents[1] / "fiches"
    for outcome in seed_result.outcomes:
        committed = read_fiche(folder / outcome.path.name)
        assert committed.body == outcome.fiche.body
        assert committed.lead == outcome.fiche.lead
        assert committed.title == outcome.fiche.title


# ----------------------------------------------------------------------- unseen exports


def test_unseen_utf8_export(tmp_path: Path) -> None:
    result = importer.import_export(DATA / "accueil_utf8.txt", tmp_path, settings=_settings())
    assert result.encoding == "utf-8"
    fiches = result.fiches
    assert [(f.year, f.title) for f in fiches] == [
        (2019, "Permanences sociales et juridiques dans les communes rurales"),
        (2012, "Les tables de conversation, un premier pas vers le français"),
        (2008, "Premier festival interculturel de Sambreville"),
    ]
    permanences, tables, festival = fiches
    assert permanences.lead.startswith("Depuis 2019, le CAI tient des permanences")
    assert permanences.jargon == {
        "CPAS": "Centre public d’action sociale",
        "ILI": "Initiative locale d’intégration",
    }
    assert [s.ref for s in permanences.sources] == ["1", "2"]
    assert permanences.resources == [
        Resource(
            label="Dépliant des permanences (PDF)", url="https://www.cainamur.be/permanences.pdf"
        )
    ]
    assert permanences.categories.axes == ["Accompagnement", "Travail en réseau"]
    assert permanences.categories.thematiques.generales == ["Juridique / justice", "Mobilité"]
    assert permanences.categories.thematiques.specifiques == ["Intégration"]
    assert [(r.number, r.label) for r in permanences.related] == [
        (12, "Cours de français langue étrangère")
    ]
    assert "## Des permanences itinérantes" in permanences.body
    assert "- une aide pour remplir les formulaires ;" in permanences.body
    assert "en Condroz et en Famenne" in permanences.body
    gaps = _texts(permanences, "missing-word")
    assert gaps == ["et en Famenne. Les  sont reçus sur rendez-vous"]
    assert _texts(permanences, "question") == ["Faut-il garder ce chiffre ?"]
    assert _texts(permanences, "placeholder") == ["À compléter"]
    assert _texts(permanences, "spelling") == ["acceuil"]

    assert "Lire-Écrire Namur" in tables.body
    assert "XXX" not in tables.body and "passe à" not in tables.body
    assert any("passe à XXX" in t for t in _texts(tables, "placeholder"))
    assert tables.body.count("Chaque table réunit au plus huit personnes") == 1
    assert len(_texts(tables, "duplicate")) == 1

    assert _texts(festival, "image") == ["2008 — Affiche festival Sambreville (vignette)"]
    assert _texts(festival, "question") == ["Lequel ?"]
    assert "Affiche du festival" not in festival.body
    for fiche in fiches:
        for leftover in LEFTOVERS:
            assert leftover not in fiche.body and leftover not in fiche.lead


def test_unseen_windows_1252_export(tmp_path: Path) -> None:
    result = importer.import_export(DATA / "guide_cp1252.txt", tmp_path, settings=_settings())
    assert result.encoding == "windows-1252"
    guide, agents = result.fiches
    assert guide.title == "Un guide des démarches pour les nouveaux arrivants"
    assert guide.lead.startswith("En 2018, le CAI publie un guide pratique des démarches")
    assert "qui s’installent" in guide.lead
    assert guide.categories.axes == ["Accompagnement"]
    assert guide.categories.thematiques.generales == ["Citoyenneté", "Santé"]
    assert guide.jargon == {"BAPA": "Bureau d’accueil des primo-arrivants"}
    assert guide.resources == [
        Resource(label="Guide des démarches 2020", url="www.cainamur.be/guide-demarches")
    ]
    assert [(r.number, r.label) for r in guide.related] == [(31, "Santé mentale et exil")]
    assert "Supprimer" not in guide.body
    assert guide.body.endswith("(voir Fiche 31 – Santé mentale et exil).")
    assert _texts(guide, "question") == ["Supprimer ?", "Supprimer ?"]
    assert agents.year == 2013
    assert _texts(agents, "missing-word") == ["préjugés. Le Centre engage  dédié à ce projet"]
    written = (tmp_path / f"{guide.id}.md").read_bytes()
    assert "démarches".encode() in written  # written back as UTF-8


def test_unseen_crlf_export_with_bom(tmp_path: Path) -> None:
    result = importer.import_export(DATA / "ateliers_crlf.txt", tmp_path, settings=_settings())
    assert result.encoding == "utf-8-sig"
    (fiche,) = result.fiches
    assert fiche.id == "2021-des-ateliers-numeriques-pour-reduire-la-fracture"
    assert fiche.title == "Des ateliers numériques pour réduire la fracture"
    assert "- Groupe du mardi : débutants ;" in fiche.body
    assert fiche.body.endswith("En 2023, 85 personnes suivent au moins un atelier.")
    assert _texts(fiche, "placeholder") == ["TODO ajouter le chiffre de 2024."]
    assert b"\r" not in (tmp_path / f"{fiche.id}.md").read_bytes()


# ----------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("before", "after", "missing"),
    [
        ("La", "est exigée pour le mentor", True),
        ("Le Centre engage", "dédié à la mise en place", True),
        ("différents types de", "(centres d’accueil", True),
        ("ce parcours d’accueil et", ". En Wallonie", True),
        ("En", "Wallonie, la gestion", False),
        ("Il s’agit en", "pratique de :", False),
        ("ce séminaire présente", "les résultats", False),
        ("une base de données est", "implémentée par", False),
        ("y propose", ": une information", False),
        ("ayant adopté la", "« Commune hospitalière »", False),
        ("de projet. La", "est exigée", True),
        ("la", "pratique du français", False),
        ("Le CAI organise", "différentes activités", False),
        ("l’", "est organisé", True),
        ("accompagnateurs interculturels de l’", "accueil", False),
    ],
)
def test_missing_word_cues(before: str, after: str, missing: bool) -> None:
    assert importer.gap_is_missing_word(before, after) is missing


def test_slugify_cuts_at_a_word_boundary() -> None:
    slug = importer.slugify("Réforme du Code de la nationalité : un tournant dans l’accompagnement")
    assert slug == "reforme-du-code-de-la-nationalite-un-tournant-dans"
    assert importer.slugify("Création d’un certificat FLE") == "creation-d-un-certificat-fle"
    assert importer.slugify("Œuvres & cœurs") == "oeuvres-coeurs"


def test_parse_export_is_pure_and_needs_no_speller() -> None:
    text = "2020 – Titre\n\n2020 – Titre\n\nLe chapeau.\n\nUn paragraphe[2].\n"
    parsed = importer.parse_export(text, export="x.txt")
    (fiche,) = parsed.fiches
    assert (fiche.id, fiche.lead, fiche.body) == ("2020-titre", "Le chapeau.", "Un paragraphe[^2].")
    assert _texts(fiche, "footnote") == ["[2]"]


def test_a_fiche_pasted_twice_is_imported_once() -> None:
    one = "2020 – Titre\n\n2020 – Titre\n\nLe chapeau de la fiche.\n\nSources :\n\n"
    parsed = importer.parse_export(one * 3, export="x.txt")
    (fiche,) = parsed.fiches
    assert fiche.review[0].kind == "duplicate-fiche"
    assert "2 fois de plus" in fiche.review[0].message


def test_importing_does_not_pull_heavy_libraries() -> None:
    # In a fresh interpreter: other tests load argostranslate's translator (and torch) on
    # purpose, to compare with it.
    code = (
        "import sys, pathlib; from cai_falc import importer; "
        "importer.import_export(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])); "
        "print([m for m in ('torch', 'stanza', 'spacy') if m in sys.modules])"
    )
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run(
            [sys.executable, "-c", code, str(SEED), out],
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")},
        )
    assert done.stdout.strip() == "[]", done.stderr


# ----------------------------------------------------------------------- bad input


def test_empty_binary_and_no_fiche_exports_are_clear_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n \n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    prose = tmp_path / "prose.txt"
    prose.write_text("Bonjour,\n\nvoici le compte rendu de la réunion.\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        importer.import_export(empty, tmp_path / "out", settings=_settings(spelling=False))
    with pytest.raises(InputError, match="binary"):
        importer.import_export(binary, tmp_path / "out", settings=_settings(spelling=False))
    with pytest.raises(ExportError, match="no fiche found") as info:
        importer.import_export(prose, tmp_path / "out", settings=_settings(spelling=False))
    assert "prose.txt" in str(info.value) and "2016 – Titre" in str(info.value)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        (b"Pas de fiche ici.\n", "no fiche found"),
        (None, "too large"),
    ],
)
def test_cli_bad_exports_exit_2_without_traceback(
    project: Path, content: bytes | None, message: str
) -> None:
    export = project / "export.txt"
    if content is None:  # a 10 MB export
        block = b"2020 \xe2\x80\x93 Titre\n\nUn paragraphe.\n\n" * 1000
        with export.open("wb") as fh:
            for _ in range(10_500_000 // len(block) + 1):
                fh.write(block)
    else:
        export.write_bytes(content)
    result = CliRunner().invoke(cli, ["import", str(export), "--project", str(project)])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "export.txt" in result.output
    assert "Traceback" not in result.output
    assert list((project / "fiches").iterdir()) == []


def test_cli_missing_export_and_out_is_a_file(project: Path) -> None:
    result = CliRunner().invoke(cli, ["import", "nope.txt", "--project", str(project)])
    assert result.exit_code == 2, result.output
    assert "nope.txt: no such file" in result.output
    afile = project / "afile"
    afile.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["import", str(DATA / "ateliers_crlf.txt"), "--out", str(afile), "-p", str(project)]
    )
    assert result.exit_code == 2, result.output
    assert "not a folder" in result.output


def test_spelling_is_optional(tmp_path: Path) -> None:
    result = importer.import_export(
        DATA / "accueil_utf8.txt", tmp_path, settings=_settings(dictionary="/nowhere/xx_XX")
    )
    assert any("Orthographe non vérifiée" in note for note in result.notes)
    assert not any(f.review and _texts(f, "spelling") for f in result.fiches)


# ----------------------------------------------------------------------- re-import


def test_reimport_is_idempotent(tmp_path: Path) -> None:
    settings = _settings(spelling=False)
    first = importer.import_export(DATA / "accueil_utf8.txt", tmp_path, settings=settings)
    assert [o.status for o in first.outcomes] == ["created"] * 3
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    second = importer.import_export(DATA / "accueil_utf8.txt", tmp_path, settings=settings)
    assert [o.status for o in second.outcomes] == ["unchanged"] * 3
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_reimport_keeps_peoples_keys_and_falc_files(tmp_path: Path) -> None:
    settings = _settings(spelling=False)
    export = tmp_path / "export.txt"
    export.write_bytes((DATA / "accueil_utf8.txt").read_bytes())
    out = tmp_path / "fiches"
    result = importer.import_export(export, out, settings=settings)
    path = result.outcomes[0].path
    text = path.read_text(encoding="utf-8")
    edited = text.replace("\n---\n\n", "\nignore:\n- hard-word\nrelu_par: Awa\n---\n\n", 1)
    path.write_text(edited, encoding="utf-8")
    falc = out / f"{result.outcomes[0].id}.falc.md"
    falc.write_text("---\nid: x\n---\n\nTexte écrit par une personne.\n", encoding="utf-8")
    other = out / "notes.txt"
    other.write_text("à garder", encoding="utf-8")

    export.write_text(
        export.read_text(encoding="utf-8").replace("plus d’une demi-journée", "une journée"),
        encoding="utf-8",
    )
    again = importer.import_export(export, out, settings=settings)
    assert [o.status for o in again.outcomes] == ["updated", "unchanged", "unchanged"]
    assert again.outcomes[0].changes == ["body"]
    fiche = read_fiche(path)
    assert "une journée[^1]" in fiche.body
    assert fiche.ignore == ["hard-word"] and fiche.extra == {"relu_par": "Awa"}
    assert falc.read_text(encoding="utf-8").endswith("Texte écrit par une personne.\n")
    assert other.read_text(encoding="utf-8") == "à garder"


def test_fiches_missing_from_the_export_are_reported_and_kept(tmp_path: Path) -> None:
    settings = _settings(spelling=False)
    kept = tmp_path / "2001-ancienne-fiche.md"
    kept.write_text("ne pas toucher", encoding="utf-8")
    result = importer.import_export(DATA / "ateliers_crlf.txt", tmp_path, settings=settings)
    assert result.absent == [kept]
    assert kept.read_text(encoding="utf-8") == "ne pas toucher"


def test_reimport_never_overwrites_an_edited_source_part(tmp_path: Path) -> None:
    settings = _settings(spelling=False)
    result = importer.import_export(DATA / "accueil_utf8.txt", tmp_path, settings=settings)
    path = result.outcomes[1].path
    edited = path.read_text(encoding="utf-8").replace("chaque semaine", "chaque mardi")
    path.write_text(edited, encoding="utf-8")
    again = importer.import_export(DATA / "accueil_utf8.txt", tmp_path, settings=settings)
    assert [o.status for o in again.outcomes] == ["unchanged", "conflict", "unchanged"]
    conflict = again.outcomes[1]
    assert path.read_text(encoding="utf-8") == edited
    assert conflict.new_path == path.with_name(path.name + ".new")
    assert "chaque semaine" in conflict.new_path.read_text(encoding="utf-8")


def test_cli_import_reports_encoding_statuses_and_warnings(project: Path) -> None:
    (project / "cai-falc.toml").write_text("[importer]\nspelling = false\n", encoding="utf-8")
    runner = CliRunner()
    args = ["import", str(DATA / "guide_cp1252.txt"), "--project", str(project)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "encodage détecté : windows-1252" in result.output
    assert "créée" in result.output
    assert "guide_cp1252.txt:15: [question]" in result.output
    assert "2 fiches : 2 créée(s)" in result.output
    assert len(list((project / "fiches").glob("*.md"))) == 2
    again = runner.invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert "2 inchangée(s)" in again.output


def test_cli_import_reports_a_conflict(project: Path) -> None:
    (project / "cai-falc.toml").write_text("[importer]\nspelling = false\n", encoding="utf-8")
    runner = CliRunner()
    args = ["import", str(DATA / "ateliers_crlf.txt"), "--project", str(project)]
    assert runner.invoke(cli, args).exit_code == 0
    (path,) = (project / "fiches").glob("*.md")
    path.write_text(path.read_text(encoding="utf-8").replace("Andenne", "Dinant"), encoding="utf-8")
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Conflit" in result.output and ".md.new" in result.output
    assert "Dinant" in path.read_text(encoding="utf-8")


def test_editor_notes_and_title_variants() -> None:
    text = (
        "2019 – Un titre, avec virgule\n\n2019 -Un TITRE avec virgule\u00a0\n\nLe chapeau.\n\n"
        "Compléter les formations par des stages est utile.\n\nÀ compléter.\n\n"
        "Ajouter un lien vers le site de la Ville\n\nPhoto à venir\n\n"
        "* un point\n* un autre point\n\n* Légende\n\nSOURCES:\n\n1. Une source.\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert (fiche.title, fiche.lead) == ("Un titre, avec virgule", "Le chapeau.")
    assert fiche.body == (
        "Compléter les formations par des stages est utile.\n\n- un point\n- un autre point"
    )
    assert _texts(fiche, "placeholder") == [
        "À compléter.",
        "Ajouter un lien vers le site de la Ville",
        "Photo à venir",
    ]
    assert fiche.sources == [Source(ref="1", text="Une source.")]


_PIECES = st.sampled_from(
    [
        "2016 – Un titre",
        "2016 – un titre ",
        "2009 — Autre",
        "2014 — Image (vignette)",
        "",
        "\u00a0",
        "  • ",
        "  • Ajouter liens",
        "* Légende",
        "* ",
        "Sources :",
        "[1] x",
        "Catégories :",
        "☑ Accompagnement",
        "☐",
        "Générales :",
        "Lequel ?",
        "La  est",
        "(Cf. Fiche 8 – X",
        "Cf. Fiche",
        "[2]",
        "XXX",
        "Un paragraphe.",
        "mot-",
        "« »",
        "Jargon :",
        "A : b",
        "Ressources :",
        "http://x",
        "\t",
        "?",
        "a",
        "e  z",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=40))
def test_parse_export_never_crashes(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    try:
        parsed = importer.parse_export(text, export="fuzz.txt")
    except ExportError as exc:
        assert "no fiche found" in str(exc)
        return
    for fiche in parsed.fiches:
        assert re.fullmatch(r"\d{4}-[a-z0-9]+(-[a-z0-9]+)*", fiche.id)
        assert fiche.imported is not None and fiche.imported.hash == fiche.source_hash()


def test_numbered_lists_rules_entities_and_a_title_repeated_without_its_year() -> None:
    text = (
        "2022 &ndash; L&rsquo;accueil des familles\n\nL’accueil des familles\n\n"
        "Le chapeau&nbsp;: trois étapes.\n\n-----\n\n"
        "1. Premier rendez-vous\n2) Deuxième rendez-vous, avec\nun interprète.\n\n"
        "R&D et Lire & Écrire.\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.title == "L’accueil des familles"
    assert fiche.lead == "Le chapeau : trois étapes."
    assert fiche.body == (
        "1. Premier rendez-vous\n2. Deuxième rendez-vous, avec un interprète.\n\n"
        "R&D et Lire & Écrire."
    )


def test_boxes_lost_in_windows_1252_and_double_encoded_utf8(
    tmp_path: Path, seed_export: Path, seed_fiches: list[Fiche]
) -> None:
    seed = seed_export.read_text(encoding="utf-8")
    ansi = tmp_path / "ansi.txt"  # Notepad's "Save as ANSI": ☑ becomes "?"
    ansi.write_bytes(seed.encode("cp1252", errors="replace"))
    result = importer.import_export(ansi, tmp_path / "a", settings=_settings(spelling=False))
    assert result.encoding == "windows-1252"
    first = result.fiches[0]
    assert first.categories == seed_fiches[0].categories
    assert len(_texts(first, "encoding")) == 1
    assert [f.body for f in result.fiches] == [f.body for f in seed_fiches]

    # UTF-8 read as Windows-1252 then saved as UTF-8 again: "Ã©" for "é".
    garbled = "".join(  # Windows tools show the 5 bytes cp1252 leaves undefined as C1 codes
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in seed.encode("utf-8")
    )
    assert "Ã©" in garbled
    moji = tmp_path / "moji.txt"
    moji.write_text(garbled, encoding="utf-8")
    repaired = importer.import_export(moji, tmp_path / "b", settings=_settings(spelling=False))
    assert "réparé" in repaired.encoding
    assert repaired.fiches[0].title == seed_fiches[0].title
