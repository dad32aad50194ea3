"""The importer on exports nobody had seen: other fiches, other editors' habits.

The exports under tests/data/unseen/ follow the seed's conventions (title printed twice,
"  • " bullets, "* Légende", trailing sections with ticked boxes) and vary what editors
do: periods and other dashes in titles, a title without a year, a retouched repeated
title, inline section items, body sub-headings that look like trailing sections, list
styles, website buttons and cookie banners, Windows-1252 with CRLF, a BOM and tabs.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cai_falc import config, importer, storage
from cai_falc.cli import cli
from cai_falc.errors import ExportError
from cai_falc.fiche import Fiche, Resource, Source
from cai_falc.importer.text import unescape

UNSEEN = Path(__file__).parent / "data" / "unseen"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_3265c7d80c062ad5.txt"
EXPORTS = sorted(UNSEEN.glob("*.txt"))

#: Facts a fiche must keep: dates, numbers, amounts, URLs, e-mail addresses.
_FACT_RE = re.compile(
    r"https?://[^\s\"<>]+?(?=[\s»,;)\"<>]|\.(?:\s|$)|$)"
    r"|www\.[^\s\"<>]+?(?=[\s»,;)\"<>]|\.(?:\s|$)|$)"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\d{1,2}/\d{1,2}/\d{4}|\d[\d.,/ \u00a0]*\d|\d"
)


def _settings(root: Path = UNSEEN, *, spelling: bool = True) -> config.Settings:
    base = config.Settings(root=root)
    return dataclasses.replace(base, importer=dataclasses.replace(base.importer, spelling=spelling))


def _import(name: str, out: Path, *, spelling: bool = True) -> importer.ImportResult:
    return importer.import_export(UNSEEN / name, out, settings=_settings(spelling=spelling))


def _texts(fiche: Fiche, kind: str) -> list[str]:
    return [r.text for r in fiche.review if r.kind == kind]


def _facts(text: str) -> set[str]:
    return {" ".join(m.group().replace("\u00a0", " ").split()) for m in _FACT_RE.finditer(text)}


# ----------------------------------------------------------------------- every fact kept


@pytest.mark.parametrize("export", [*EXPORTS, SEED], ids=lambda p: p.name)
def test_every_fact_of_the_export_is_in_a_fiche_file_or_a_note(
    export: Path, tmp_path: Path
) -> None:
    """Nothing is silently dropped: each number, date, URL and e-mail of the export is in a
    written fiche (text or front matter, review entries included) or in an import note."""
    result = importer.import_export(export, tmp_path, settings=_settings(spelling=False))
    source = unescape(storage.read_text(export).text)
    written = " ".join(
        p.read_text(encoding="utf-8").replace("\u00a0", " ") for p in tmp_path.glob("*.md")
    )
    written = " ".join(written.replace("\n  ", " ").split())
    notes = " ".join(result.notes)
    missing = sorted(f for f in _facts(source) if f not in written and f not in notes)
    assert missing == []


# ----------------------------------------------------------------------- titles and years


def test_periods_dashes_and_colons_in_titles(tmp_path: Path) -> None:
    result = _import("interpretariat.txt", tmp_path)
    assert [(f.year, f.title) for f in result.fiches] == [
        (2019, "Interprétariat social : un service qui se professionnalise"),
        (2015, "Équivalence des diplômes : une permanence pour s’y retrouver"),
        (2018, "Le permis de conduire, un levier pour l’emploi"),
    ]
    period = result.fiches[1]
    assert period.id == "2015-equivalence-des-diplomes-une-permanence-pour-s-y-retrouver"
    (item,) = [r for r in period.review if r.kind == "period"]
    assert (item.text, item.line) == ("2015-2016", 80)

    cp1252 = _import("fle_cp1252_crlf.txt", tmp_path / "b", spelling=False)
    logement = cp1252.fiches[-1]
    assert (logement.year, logement.title) == (
        2020,
        "Le logement, une priorité pendant la crise sanitaire",
    )
    assert logement.categories.thematiques.generales == ["Logement"]
    assert logement.lead.startswith("Pendant le confinement du printemps 2020")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2015-2016 – Titre", (2015, "Titre", "2015-2016")),
        ("2015–16 : Titre", (2015, "Titre", "2015–16")),
        ("2019 : Titre", (2019, "Titre", "")),
        ("2014 – 50 ans d’immigration", (2014, "50 ans d’immigration", "")),
        ("2014 – 30 – Titre", (2014, "30 – Titre", "")),
        ("2016-2015 – Titre", (2016, "2015 – Titre", "")),
    ],
)
def test_title_lines(line: str, expected: tuple[int, str, str]) -> None:
    from cai_falc.importer.structure import title_match

    found = title_match(line)
    assert found is not None
    assert (found.year, found.title, found.period) == expected


def test_a_fiche_without_a_year_is_set_aside_with_its_lines(tmp_path: Path) -> None:
    result = _import("fle_cp1252_crlf.txt", tmp_path, spelling=False)
    assert result.encoding == "windows-1252"
    assert [f.year for f in result.fiches] == [2011, 2020]
    (note,) = [n for n in result.notes if "pas d’année" in n]
    assert note.startswith("fle_cp1252_crlf.txt:55:")
    assert "Accueil des mineurs étrangers non accompagnés (MENA)" in note
    assert "lignes 55 à 79" in note
    assert result.set_aside == [(55, "Accueil des mineurs étrangers non accompagnés (MENA)")]
    fle = result.fiches[0]
    # Its text is not filed under the previous fiche's categories.
    assert not any("MENA" in r.text or "tuteurs" in r.text for r in fle.review)
    assert fle.categories.axes == ["Accompagnement", "Travail en réseau"]


def test_an_export_whose_only_fiche_has_no_year_is_bad_input(project: Path) -> None:
    export = project / "export.txt"
    export.write_text(
        "Accueil des MENA\n\nAccueil des MENA\n\nLe CAI accompagne les tuteurs.\n\n"
        "Catégories :\n\n☑ Accompagnement\n",
        encoding="utf-8",
    )
    with pytest.raises(ExportError, match="no fiche found") as info:
        importer.parse_export(export.read_text(encoding="utf-8"), export="export.txt")
    assert info.value.line == 1
    result = CliRunner().invoke(cli, ["import", str(export), "--project", str(project)])
    assert result.exit_code == 2, result.output
    assert "export.txt:1" in result.output and "has no year" in result.output
    assert "Traceback" not in result.output


def test_a_retouched_repeated_title_is_not_the_lead(tmp_path: Path) -> None:
    chrono = _import("asile.txt", tmp_path).fiches[0]
    assert chrono.title == "Chronologie de l’accueil des demandeurs d’asile en province de Namur"
    assert chrono.lead.startswith("Cette fiche retrace les grandes étapes")
    assert _texts(chrono, "title-variant") == [
        "2010 – Chronologie de l’accueil des demandeurs d’asile dans la province de Namur"
    ]


def test_two_fiches_with_one_title_get_two_ids(tmp_path: Path) -> None:
    result = _import("femmes_bom.txt", tmp_path, spelling=False)
    assert result.encoding == "utf-8-sig"
    ids = [f.id for f in result.fiches]
    assert ids[:2] == [
        "2013-droits-des-femmes-migrantes-des-groupes-de-parole",
        "2013-droits-des-femmes-migrantes-des-groupes-de-parole-2",
    ]
    assert len(set(ids)) == len(ids) == 4
    assert result.fiches[1].lead.startswith("En septembre 2013, le CAI ouvre un deuxième groupe")
    assert _texts(result.fiches[1], "duplicate-fiche")


# ----------------------------------------------------------------------- trailer


def test_a_source_line_with_a_year_is_not_a_new_fiche(tmp_path: Path) -> None:
    result = _import("asile.txt", tmp_path, spelling=False)
    assert [f.year for f in result.fiches] == [2010, 2012, 2013]
    chrono = result.fiches[0]
    assert chrono.sources == [
        Source(ref="1", text="Rapport d’activités du CAI 2012, p. 8."),
        Source(
            ref="2",
            text="2007 – Loi du 12 janvier 2007 sur l’accueil des demandeurs d’asile et de "
            "certaines autres catégories d’étrangers, Moniteur belge du 7 mai 2007.",
        ),
    ]
    assert chrono.categories.axes == ["Accompagnement"]
    assert chrono.categories.thematiques.generales == ["Juridique / justice"]


def test_a_body_sub_heading_named_like_a_section_stays_in_the_body(tmp_path: Path) -> None:
    chrono = _import("asile.txt", tmp_path, spelling=False).fiches[0]
    assert "## Glossaire des termes de l’asile" in chrono.body
    assert "« annexe 26 »" in chrono.body
    assert "## Documents utiles" in chrono.body
    assert "081 73 71 76 (du lundi au vendredi, de 9 h à 16 h 30)" in chrono.body
    # A "* " list right before "Ressources" is the body's, not an image legend.
    assert chrono.body.endswith(
        "- Un exemplaire papier par service\n- La version PDF sur demande à info@cainamur.be"
    )
    assert chrono.jargon == {
        "Fedasil": "Agence fédérale pour l’accueil des demandeurs d’asile",
        "OQT": "ordre de quitter le territoire",
    }
    assert not _texts(chrono, "legend")


def test_an_item_on_the_section_heading_line_is_kept(tmp_path: Path) -> None:
    social = _import("interpretariat.txt", tmp_path, spelling=False).fiches[0]
    assert social.jargon == {
        "CPAS": "Centre public d’action sociale",
        "SeTIS": "Service de traduction et d’interprétariat en milieu social",
    }
    assert social.resources == [
        Resource(
            label="Brochure « L’interprète, un partenaire » (PDF, 2,4 Mo)",
            url="https://www.cainamur.be/docs/interprete-partenaire.pdf",
        )
    ]
    assert [s.ref for s in social.sources] == ["1", "2"]
    assert "[^1]" in social.body and "[^2]" in social.body
    assert not _texts(social, "footnote")


@pytest.mark.parametrize(
    ("line", "section", "item"),
    [
        ("Sources :", "sources", ""),
        ("Sources : Rapport 2012, p. 8.", "sources", "Rapport 2012, p. 8."),
        ("Jargon, abréviations, sigles et acronymes :\u00a0", "jargon", ""),
        ("Glossaire", "jargon", ""),
        ("Sigles et abréviations :", "jargon", ""),
        ("Ressources à télécharger : Dépliant (PDF)", "resources", "Dépliant (PDF)"),
    ],
)
def test_section_headings(line: str, section: str, item: str) -> None:
    from cai_falc.importer.structure import section_heading

    assert section_heading(line) == (section, item)


@pytest.mark.parametrize(
    "line",
    [
        "Glossaire des termes de l’asile",
        "Documents utiles",
        "Notes : le CAI rappelle que les permanences sont gratuites.",
        "Sources de financement du projet",
    ],
)
def test_body_lines_that_are_not_section_headings(line: str) -> None:
    from cai_falc.importer.structure import section_heading

    assert section_heading(line) is None


# ----------------------------------------------------------------------- body


def test_website_buttons_and_cookie_banners_are_set_aside(tmp_path: Path) -> None:
    social, _, permis = _import("interpretariat.txt", tmp_path, spelling=False).fiches
    assert _texts(social, "cms") == ["Lire la suite", "Partager : Facebook Twitter LinkedIn"]
    assert [r.line for r in social.review if r.kind == "cms"] == [35, 37]
    for fiche in (social, permis):
        assert "Lire la suite" not in fiche.body and "Partager" not in fiche.body
    assert _texts(permis, "cms")[0] == "Lire la suite »"
    assert _texts(permis, "cms")[1].startswith("Ce site utilise des cookies")
    assert not _texts(permis, "unclassified")
    assert permis.body.endswith("Le coût de l’examen (15 €) est pris en charge par le projet.")


def test_a_question_written_as_a_heading_is_not_an_editor_question(tmp_path: Path) -> None:
    social = _import("interpretariat.txt", tmp_path, spelling=False).fiches[0]
    assert "COMMENT ÇA MARCHE ?" in social.body
    assert not _texts(social, "question")


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("COMMENT ÇA MARCHE ?", True),
        ("Qui peut s’inscrire au parcours ?", True),
        ("Qu’est-ce que l’interprétariat social ?", True),
        ("Lequel ?", False),
        ("Supprimer ?", False),
        ("Faut-il garder ce chiffre ?", False),
        ("Est-ce que cette démarche se poursuit toujours aujourd’hui ?", False),
        ("Quel est le bon chiffre pour cette année ?", False),
        ("Quel est le montant exact ?", False),
        ("Quand a eu lieu la réunion ?", False),
        ("Comment s’inscrire au parcours ?", True),
    ],
)
def test_question_headings(text: str, heading: bool) -> None:
    from cai_falc.importer.leftovers import is_question_heading

    assert is_question_heading(text) is heading


def test_a_sub_heading_opening_the_text_is_not_the_lead(tmp_path: Path) -> None:
    isp = _import("femmes_bom.txt", tmp_path, spelling=False).fiches[3]
    assert isp.lead.startswith("Le projet « Levons les freins » est lancé le 15 janvier 2021")
    assert isp.body.startswith("## Contexte général\n\n")


def test_lettered_items_stay_one_per_line(tmp_path: Path) -> None:
    isp = _import("femmes_bom.txt", tmp_path, spelling=False).fiches[3]
    assert (
        "- a) un bilan de compétences ;\n"
        "- b) un module de 10 séances sur les codes du monde du travail ;\n"
        "- c) un stage de 4 semaines en entreprise ;\n"
        "- d) un suivi individuel de 6 mois."
    ) in isp.body


def test_tabs_bom_and_mixed_bullets(tmp_path: Path) -> None:
    femmes = _import("femmes_bom.txt", tmp_path, spelling=False).fiches[0]
    assert "organisées chaque jeudi après-midi" in femmes.body
    assert "- Une garderie est prévue pour les enfants de moins de 6 ans.\n" in femmes.body
    assert "\t" not in femmes.body and "\ufeff" not in femmes.title
    social = _import("interpretariat.txt", tmp_path / "a", spelling=False).fiches[0]
    assert (
        "- la déontologie (secret professionnel, neutralité, fidélité) ;\n"
        "- les techniques d’interprétation consécutive ;\n"
        "- le vocabulaire médical et juridique de base ;\n"
        "- la gestion des émotions lors d’entretiens difficiles."
    ) in social.body
    assert "1. l’interprétariat en présentiel" in social.body


def test_no_false_alarms_on_addresses_and_hours(tmp_path: Path) -> None:
    result = _import("interpretariat.txt", tmp_path)
    spelled = {t for f in result.fiches for t in _texts(f, "spelling")}
    assert not spelled & {"cainamur", "setisw", "interpretariat", "equivalences"}
    assert not any(_texts(f, "cut-text") for f in result.fiches)


def test_cli_import_then_build_on_every_unseen_export(project: Path) -> None:
    runner = CliRunner()
    for export in EXPORTS:
        result = runner.invoke(cli, ["import", str(export), "--project", str(project)])
        # 1: this export holds a fiche without a year, left out and named (see above).
        expected = 1 if export.name == "fle_cp1252_crlf.txt" else 0
        assert result.exit_code == expected, result.output
        assert "Traceback" not in result.output
    names = sorted(p.name for p in (project / "fiches").glob("*.md"))
    assert len(names) == 2 + 3 + 2 + 4 + 3 + 1
    assert all(re.fullmatch(r"(19|20)\d\d-[a-z0-9-]+\.md", n) for n in names)


# ----------------------------------------------------------------------- fiche boundaries, HTML


def test_a_title_set_apart_after_a_fiche_without_trailer_opens_a_fiche(tmp_path: Path) -> None:
    alpha, guichet = _import("alpha_html.txt", tmp_path, spelling=False).fiches
    assert (guichet.year, guichet.title) == (2024, "Un nouveau guichet pour l’ISP")
    assert guichet.lead.startswith("Depuis le 2 septembre 2024, un guichet unique")
    assert "412 personnes" in guichet.body and "2024" not in alpha.body
    assert guichet.sources == [
        Source(ref="1", text="Tableau de bord du guichet ISP, décembre 2024.")
    ]
    assert guichet.categories.axes == ["Accompagnement"]
    assert alpha.sources == [] and alpha.categories.axes == []
    assert [(r.kind, r.line) for r in guichet.review] == [("fiche-start", 18)]


def test_inline_html_is_taken_out_and_links_keep_their_address(tmp_path: Path) -> None:
    result = _import("alpha_html.txt", tmp_path)
    alpha = result.fiches[0]
    assert "<" not in alpha.body and ">" not in alpha.body
    assert "dès le mois d’octobre[^1]." in alpha.body
    assert "Lire et Écrire Namur (https://namur.lire-et-ecrire.be)" in alpha.body
    assert _texts(alpha, "footnote") == ["[1]"]
    assert not {"sup", "strong", "href"} & set(_texts(alpha, "spelling"))
    (note,) = [n for n in result.notes if "HTML" in n]
    assert note.startswith("alpha_html.txt:7:") and "(7, 9, 10)" in note


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<a href="https://x.be/a">le site</a>.', "le site (https://x.be/a)."),
        ('<a href="mailto:info@cai.be">info@cai.be</a>', "info@cai.be"),
        ("<b>Gras</b> et <em>penché</em><br/>suite", "Gras et penché suite"),
        ("a < b et c > d", "a < b et c > d"),
        ("<sup>12</sup>", "[12]"),
        ('<img src="atelier.jpg" alt="Atelier"> Le CAI', " Le CAI"),
    ],
)
def test_strip_html(line: str, expected: str) -> None:
    from cai_falc.importer.text import strip_html

    assert strip_html(line)[0] == expected


def test_a_source_sentence_and_a_notes_heading_inside_the_body_stay_there(
    tmp_path: Path,
) -> None:
    (fiche,) = _import("nationalite.txt", tmp_path, spelling=False).fiches
    assert "\n\nSource : Myria, La migration en chiffres et en droits 2022, p. 112.\n\n" in (
        fiche.body
    )
    assert "Les frais d’enregistrement de la demande s’élèvent à 150 €." in fiche.body
    assert fiche.body.endswith("et les oriente vers les opérateurs de formation.")
    assert fiche.sources == []
    assert fiche.categories.axes == ["Accompagnement"]


def test_a_definition_going_on_under_its_bullet_is_kept(tmp_path: Path) -> None:
    (fiche,) = _import("nationalite.txt", tmp_path, spelling=False).fiches
    assert fiche.jargon == {
        "CRI": "Centre régional d’intégration Le CAI est l’un des huit centres régionaux "
        "d’intégration reconnus par la Région wallonne depuis 1997."
    }
    assert not _texts(fiche, "unclassified")
    assert _texts(fiche, "cms")[0].startswith("Ce site utilise des cookies.")


def test_a_sentence_under_jargon_is_not_a_term() -> None:
    text = (
        "2020 – Titre\n\n2020 – Titre\n\nLe chapeau de la fiche.\n\n"
        "Jargon, abréviations, sigles et acronymes :\n\n"
        "  • ILI : Initiative locale d’intégration\n\n"
        "Les initiatives locales sont nombreuses en province de Namur et travaillent avec le CAI.\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.jargon == {"ILI": "Initiative locale d’intégration"}
    (item,) = [r for r in fiche.review if r.kind == "unclassified"]
    assert item.line == 11 and item.text.startswith("Les initiatives locales sont nombreuses")


# ----------------------------------------------------------------------- encodings, ids


def test_a_utf16_export_is_read(tmp_path: Path) -> None:
    export = tmp_path / "unicode.txt"  # Notepad's "Unicode": UTF-16 LE with a BOM, CRLF
    text = (UNSEEN / "femmes_bom.txt").read_text(encoding="utf-8-sig")
    export.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    result = importer.import_export(export, tmp_path / "out", settings=_settings(spelling=False))
    assert result.encoding == "utf-16"
    expected = _import("femmes_bom.txt", tmp_path / "ref", spelling=False)
    assert [(f.id, f.lead, f.body) for f in result.fiches] == [
        (f.id, f.lead, f.body) for f in expected.fiches
    ]


def test_a_question_mark_in_a_web_address_survives_windows_1252(tmp_path: Path) -> None:
    export = tmp_path / "ansi.txt"
    export.write_bytes(
        "2020 – Agenda\n\n2020 – Agenda\n\nProgramme\u202fcomplet : "
        "https://www.cainamur.be/agenda?id=12&lang=fr, mis à jour.\n".encode(
            "cp1252", errors="replace"
        )
    )
    result = importer.import_export(export, tmp_path / "out", settings=_settings(spelling=False))
    assert result.encoding == "windows-1252"
    assert result.fiches[0].lead == (
        "Programme complet : https://www.cainamur.be/agenda?id=12&lang=fr, mis à jour."
    )


def test_two_titles_with_one_slug_say_so() -> None:
    start = "Réforme du Code de la nationalité : un tournant dans l’accompagnement des"
    text = "".join(
        f"2016 – {start} {end}\n\n2016 – {start} {end}\n\nLe chapeau {n}.\n\n\n\n\n"
        for n, end in enumerate(("personnes étrangères", "familles"))
    )
    first, second = importer.parse_export(text).fiches
    assert second.id == f"{first.id}-2"
    (item,) = [r for r in second.review if r.kind == "duplicate-fiche"]
    assert "commence comme celui de la fiche de la ligne 1" in item.message


@pytest.mark.parametrize(
    ("title", "above"),
    [
        ("Accueil des MENA (2018)", ""),
        ("Accueil des MENA – 2018", ""),
        ("Accueil des MENA", "2018"),
    ],
)
def test_a_year_written_after_the_title_or_above_it(title: str, above: str) -> None:
    first = (
        "2017 – Une fiche\n\n2017 – Une fiche\n\nLe chapeau.\n\nCatégories :\n\n"
        "☑ Accompagnement\n\n\u00a0\n\n\n\n"
    )
    text = f"{first}{above}\n\n{title}\n\n{title}\n\nLe CAI accompagne les tuteurs.\n"
    one, mena = importer.parse_export(text, export="x.txt").fiches
    assert (mena.year, mena.title, mena.lead) == (
        2018,
        "Accueil des MENA",
        "Le CAI accompagne les tuteurs.",
    )
    assert mena.id == "2018-accueil-des-mena"
    (item,) = [r for r in mena.review if r.kind == "title-year"]
    assert item.line == 17
    assert ("seule sur la ligne 15" in item.message) is bool(above)
    assert one.categories.axes == ["Accompagnement"] and not one.review


def test_a_fiche_without_text_is_flagged() -> None:
    text = (
        "2019 – Fiche vide\n\n2019 – Fiche vide\n\nÀ compléter\n\n* Légende\n\nCatégories :\n\n"
        "☑ Accompagnement\n\n\n\n\n\n2020 – Que des puces\n\n2020 – Que des puces\n\n"
        "  • 12 ateliers en 2020 ;\n  • 3 communes.\n"
    )
    empty, bullets = importer.parse_export(text).fiches
    assert (empty.lead, empty.body) == ("", "")
    assert [(r.kind, r.line) for r in empty.review if r.kind == "empty"] == [("empty", 1)]
    assert bullets.body == "- 12 ateliers en 2020 ;\n- 3 communes."
    assert not [r for r in bullets.review if r.kind == "empty"]


def test_one_word_headings_in_capitals_and_rhetorical_questions() -> None:
    text = (
        "2019 – Titre de la fiche\n\n2019 – Titre de la fiche\n\nCONTEXTE\n\n"
        "Le CAI ouvre une permanence en 2019. Et demain ?\n\nTÉMOIGNAGE\n\n"
        "« Merci », dit Awa. Lequel ?\n\nCPAS\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.lead == "Le CAI ouvre une permanence en 2019. Et demain ?"
    assert fiche.body == "## CONTEXTE\n\n## TÉMOIGNAGE\n\n« Merci », dit Awa.\n\nCPAS"
    assert _texts(fiche, "question") == ["Lequel ?"]


def test_superscript_footnote_calls_with_a_source() -> None:
    text = (
        "2010 – Titre\n\n2010 – Titre\n\nPrès de 1 200 résidents y participent¹. La « loi "
        "accueil »² date de 2007. Une salle de 40 m² et 12 km² de territoire.\n\n"
        "Sources :\n\n  • [1] Rapport d’activités 2012.\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.lead == (
        "Près de 1 200 résidents y participent[^1]. La « loi accueil »² date de 2007. "
        "Une salle de 40 m² et 12 km² de territoire."
    )


def test_word_bullets_and_legal_numbering() -> None:
    text = (
        "2016 – Titre\n\n2016 – Titre\n\nLe décret vise :\n\n"
        "1° les personnes étrangères séjournant depuis moins de 3 ans ;\n"
        "2° les personnes disposant d’un titre de séjour de plus de 3 mois.\n\n"
        "Les modules :\n\n\uf0b7\tle module d’accueil ;\n"
        "o\tle bilan social ;\no\tles droits et devoirs.\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.body == (
        "- 1° les personnes étrangères séjournant depuis moins de 3 ans ;\n"
        "- 2° les personnes disposant d’un titre de séjour de plus de 3 mois.\n\n"
        "Les modules :\n\n- le module d’accueil ;\n- le bilan social ;\n"
        "- les droits et devoirs."
    )


def test_a_fiche_pasted_again_with_other_spacing_is_one_fiche() -> None:
    one = "2020 – Titre\n\n2020 – Titre\n\nLe chapeau de la fiche.\n\nCatégories :\n\n☑ Santé\n"
    again = one.replace("de la", "de\u00a0la").replace("\n\nCat", "\n\n\n\nCat") + " \n"
    parsed = importer.parse_export(one + "\n\n\n\n" + again, export="x.txt")
    (fiche,) = parsed.fiches
    assert fiche.review[0].kind == "duplicate-fiche"
    assert "1 fois de plus" in fiche.review[0].message


def test_a_fiche_title_inside_a_body_is_kept_and_flagged() -> None:
    text = (
        "2017 – Première fiche\n\n2017 – Première fiche\n\nLe chapeau de la première.\n\n\n"
        "2018 – Une seconde fiche collée\n\nLe texte de la seconde fiche, sans titre répété.\n\n"
        "2000 – Ouverture du centre de Belgrade.\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert "## 2018 – Une seconde fiche collée" in fiche.body
    assert "\n\n2000 – Ouverture du centre de Belgrade." in fiche.body
    assert _texts(fiche, "title-in-body") == ["2018 – Une seconde fiche collée"]
    assert [r.line for r in fiche.review if r.kind == "title-in-body"] == [8]


def test_years_a_fiche_file_cannot_hold_are_not_titles() -> None:
    from cai_falc.importer.structure import title_match

    # fiche.py accepts 1900-2100: an "1830 – …" line is text, never a fiche.
    assert title_match("1830 – La Belgique devient indépendante") is None
    assert title_match("1964 – Accords bilatéraux avec le Maroc") is not None


def test_a_repeated_title_cut_short_keeps_the_full_title() -> None:
    full = "Réforme du Code de la nationalité : un tournant dans l’accompagnement des personnes"
    text = f"2016 – {full}\n\n2016 – Réforme du code de la nationalité\n\nLe chapeau de la fiche.\n"
    (fiche,) = importer.parse_export(text).fiches
    assert (fiche.title, fiche.lead) == (full, "Le chapeau de la fiche.")
    assert _texts(fiche, "title-variant") == ["2016 – Réforme du code de la nationalité"]


def test_a_chronology_of_one_year_does_not_split_a_fiche() -> None:
    text = (
        "2015 – Les centres d’accueil\n\n2015 – Les centres d’accueil\n\nLe chapeau.\n\n"
        "2015 – Ouverture du centre de Belgrade\n\n2015 – Ouverture du centre de Sugny\n\n"
        "La suite du texte.\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert "Ouverture du centre de Belgrade" in fiche.body
    assert "Ouverture du centre de Sugny" in fiche.body
    assert fiche.body.endswith("La suite du texte.")


def test_several_boxes_on_one_line() -> None:
    text = (
        "2020 – Titre\n\n2020 – Titre\n\nLe chapeau.\n\nCatégories :\n\n"
        "Axes stratégiques d’intervention :\n\n"
        "☑ Accompagnement ☐ Interpellation ☑ Travail en réseau\n\n"
        "Générales :\n\n☑ Enseignement / formation / emploi  ☑ Santé\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.categories.axes == ["Accompagnement", "Travail en réseau"]
    assert fiche.categories.thematiques.generales == ["Enseignement / formation / emploi", "Santé"]


def test_jargon_written_in_other_ways() -> None:
    text = (
        "2020 – Titre\n\n2020 – Titre\n\nLe chapeau.\n\n"
        "Jargon, abréviations, sigles et acronymes :\n\n"
        "  • CPAS\tCentre public d’action sociale\n"
        "  • ISP:insertion socioprofessionnelle\n"
        "  • ILI – Initiative locale d’intégration\n"
        "  • FLE (français langue étrangère)\n"
        "  • URL : https://www.cainamur.be\n"
        "  • https://www.cainamur.be/lexique\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.jargon == {
        "CPAS": "Centre public d’action sociale",
        "ISP": "insertion socioprofessionnelle",
        "ILI": "Initiative locale d’intégration",
        "FLE": "français langue étrangère",
        "URL": "https://www.cainamur.be",
        "https://www.cainamur.be/lexique": "",
    }


def test_an_iso_8859_15_export_keeps_its_euro_signs(tmp_path: Path) -> None:
    export = tmp_path / "latin9.txt"
    export.write_bytes(
        "2020 - Le cœur du projet\n\n2020 - Le cœur du projet\n\nUne prime de 250 € par "
        "ménage, versée le 12/03/2020.\n".encode("iso-8859-15")
    )
    result = importer.import_export(export, tmp_path / "out", settings=_settings(spelling=False))
    assert result.encoding.startswith("iso-8859-15")
    (fiche,) = result.fiches
    assert fiche.title == "Le cœur du projet"
    assert fiche.lead == "Une prime de 250 € par ménage, versée le 12/03/2020."


def test_a_term_defined_twice_is_reported() -> None:
    text = (
        "2020 – Titre\n\n2020 – Titre\n\nLe chapeau.\n\n"
        "Jargon, abréviations, sigles et acronymes :\n\n"
        "  • CPAS : Centre public d’action sociale\n"
        "  • CPAS : Centre public d’aide sociale\n"
        "  • CPAS : Centre public d’action sociale\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.jargon == {"CPAS": "Centre public d’action sociale"}
    assert [(r.line, r.text) for r in fiche.review if r.kind == "jargon"] == [
        (10, "CPAS : Centre public d’aide sociale")
    ]


def test_a_sentence_naming_a_picture_file_is_not_a_caption() -> None:
    text = (
        "2020 – Titre\n\n2020 – Titre\n\nLe chapeau.\n\n"
        "Le nouveau logo (logo_cai.png) est dessiné par les jeunes.\n\nLa suite du texte.\n\n"
        "atelier_2019.jpg\n\nCatégories :\n\n☑ Santé\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.body == (
        "Le nouveau logo (logo_cai.png) est dessiné par les jeunes.\n\nLa suite du texte."
    )
    assert _texts(fiche, "image") == ["atelier_2019.jpg"]


@pytest.mark.parametrize("export", EXPORTS, ids=lambda p: p.name)
def test_unseen_fiches_round_trip_and_reimport_unchanged(export: Path, tmp_path: Path) -> None:
    from cai_falc.fiche import read_fiche

    first = importer.import_export(export, tmp_path, settings=_settings(spelling=False))
    for outcome in first.outcomes:
        assert read_fiche(outcome.path) == outcome.fiche
    again = importer.import_export(export, tmp_path, settings=_settings(spelling=False))
    assert {o.status for o in again.outcomes} == {"unchanged"}


def test_a_question_to_the_editor_after_a_fact_goes_and_the_fact_stays() -> None:
    text = (
        "2019 – Titre\n\n2019 – Titre\n\nLe chapeau de la fiche.\n\n"
        "Ce chiffre date de 2019. Faut-il le mettre à jour ?\n\n"
        "Le CAI ouvre une permanence. Comment faire mieux demain ?\n"
    )
    (fiche,) = importer.parse_export(text).fiches
    assert fiche.body == (
        "Ce chiffre date de 2019.\n\nLe CAI ouvre une permanence. Comment faire mieux demain ?"
    )
    assert _texts(fiche, "question") == ["Faut-il le mettre à jour ?"]


def test_import_exits_1_and_names_a_fiche_it_could_not_import(project: Path) -> None:
    # One fiche imports, the one without a year cannot: the command says which, where,
    # and how to fix it, and its exit code tells a script that something is left out.
    result = CliRunner().invoke(
        cli, ["import", str(UNSEEN / "fle_cp1252_crlf.txt"), "--project", str(project)]
    )
    assert result.exit_code == 1, result.output
    assert "1 fiche(s) non importée(s)" in result.output
    assert "fle_cp1252_crlf.txt:55 « Accueil des mineurs étrangers non accompagnés (MENA) »" in (
        result.output
    )
    assert "Traceback" not in result.output
    assert len(list((project / "fiches").glob("*.md"))) == 2
