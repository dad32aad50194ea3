"""Facts of a text and the ones a FALC text adds: numbers, years, dates, names."""

from __future__ import annotations

from pathlib import Path

import pytest

from cai_falc import facts, glossary

ROOT = Path(__file__).resolve().parents[1]

#: A real passage of the fiche on the nationality code (typographic apostrophes, NBSP).
SOURCE = (
    "Le 4 décembre 2012, la loi sur le Code de la nationalité belge est modifiée. "
    "Les chiffres publiés par Myria (le Centre fédéral des migrations) montrent que le "
    "nombre d’acquisitions baisse, passant de 22\u00a0417 en 2012 à 9136 en 2014. "
    "Le 12 mai 2021, l’insertion socio-professionnelle, en quatre heures, devient obligatoire. "
    "Une cinquantaine de participants répondent à l’appel. "
    "30 % des demandes concernent le logement."
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in facts.extract(text)]


def test_extract_finds_dates_years_numbers_and_names() -> None:
    found = kinds(SOURCE)
    assert ("date", "4 décembre 2012") in found
    assert ("date", "12 mai 2021") in found
    assert ("number", "22 417") in found
    assert ("number", "9136") in found
    assert ("year", "2014") in found
    assert ("name", "Myria") in found
    assert ("number", "quatre") in found


def test_extract_skips_capitals_at_sentence_start_but_not_acronyms() -> None:
    found = kinds("Certaines communes votent.\nLe CAI aide les personnes.\n## Quand ?\nCPAS ouvre.")
    names = [t for k, t in found if k == "name"]
    assert "Certaines" not in names and "Le" not in names and "Quand" not in names
    assert "CAI" in names and "CPAS" in names


def test_extract_joins_multi_word_names() -> None:
    names = [t for k, t in kinds("Il parle avec la Ville de Namur et le Forem.") if k == "name"]
    assert names == ["Ville de Namur", "Forem"]


@pytest.mark.parametrize(
    "draft",
    [
        "Le nombre passe de plus de 22 000 en 2012 à 9136 en 2014.",
        "La loi change le 4 décembre 2012.",
        "La formation de 4 heures devient obligatoire le 12 mai 2021.",
        "Environ 50 personnes viennent.",
        "Environ 1 personne sur 3 demande un logement.",
        "Myria donne ces chiffres.",
        "Le nombre passe de 22417 à 9 136.",
    ],
)
def test_supported_facts_pass(draft: str) -> None:
    assert facts.unsupported_facts(draft, source=SOURCE) == []


@pytest.mark.parametrize(
    ("draft", "bad"),
    [
        ("En 2019, la loi change.", "2019"),
        ("Le nombre passe à plus de 30 000.", "30 000"),
        ("Le 18 décembre 2012, la loi change.", "18 décembre 2012"),
        ("Le Forem aide les personnes.", "Forem"),
        ("La formation dure 5 heures.", "5"),
        ("Environ 1 personne sur 2 demande un logement.", "1"),
    ],
)
def test_invented_facts_are_reported(draft: str, bad: str) -> None:
    found = facts.unsupported_facts(draft, source=SOURCE)
    assert [f.text for f in found][:1] == [bad]
    fact = found[0]
    assert draft[fact.start : fact.end] == bad


def test_number_words_work_both_ways() -> None:
    assert facts.unsupported_facts("Il y a 2 crises.", source="deux crises majeures") == []
    assert facts.unsupported_facts("Il y a deux crises.", source="les 2 crises") == []
    assert facts.unsupported_facts("Il y a trois crises.", source="les 2 crises") != []


def test_names_from_the_glossary_are_supported() -> None:
    terms = glossary.load(ROOT / "glossaries")
    draft = "Le Forem aide à trouver un travail."
    assert facts.unsupported_facts(draft, source="Le CAI aide.", glossary=terms) == []
    assert facts.unsupported_facts(draft, source="Le CAI aide.") != []


def test_number_value_reads_french_formats() -> None:
    assert facts.number_value("22 417") == 22417
    assert facts.number_value("22\u00a0417") == 22417
    assert facts.number_value("22.417") == 22417
    assert facts.number_value("2,5") == 2.5
    assert facts.number_value("vingt-deux") == 22
    assert facts.number_value("quatre-vingts") == 80
    assert facts.number_value("deux mille") == 2000
    assert facts.number_value("un") is None
