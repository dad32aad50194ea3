"""The project's glossary: valid, covering the fiches' acronyms, explained in FALC."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cai_falc import check, fiche, glossary

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = glossary.load(ROOT / "glossaries")
#: Upper-case tokens of the fiches that are not acronyms to explain: a language level,
#: a Roman numeral, words written in capitals in a quoted title.
NOT_ACRONYMS = {"A2", "II", "III", "IV", "XXe", "SPW"}
#: The fiche describes these in its own words ("référentiel commun pour les langues");
#: the glossary keeps the official name, which its letters spell.
OFFICIAL = {"CECRL"}


def test_the_glossary_loads_and_covers_the_required_terms() -> None:
    required = (
        "CAI CNCD CRI BAPA DAPA ILDS PLI PCI FLE FLF FLESCO CECRL CPAS FSE ISP MIN IBEFE ILA "
        "ADDE ARES ELAO PTP Fedasil Unia Myria Forem Mirena CRILUX CIFoP DISIE FIPI PIPSISS "
        "ORACLE KUL KULeuven Henallux COVID-19"
    ).split()
    required += [
        "primo-arrivant",
        "interculturalité",
        "parcours d'intégration",
        "motion",
        "décret",
        "demandeur de protection internationale",
        "mentorat",
    ]
    missing = [t for t in required if t not in GLOSSARY]
    assert missing == []


def test_every_acronym_of_the_fiches_is_in_the_glossary() -> None:
    found = fiche.load_folder(ROOT / "fiches")
    assert found.fiches
    seen: set[str] = set()
    for item in found.fiches:
        text = item.text()
        seen.update(re.findall(r"(?<![\w'’])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*(?![\w])", text))
    missing = sorted(a for a in seen - NOT_ACRONYMS if a not in GLOSSARY and len(a) > 1)
    assert missing == []


def test_expansions_found_in_the_fiches_are_copied_exactly() -> None:
    """Where a fiche writes "Expansion (ACRONYM)", the glossary has the same expansion."""
    text = "\n".join(f.text() for f in fiche.load_folder(ROOT / "fiches").fiches)
    text = text.replace("\u2019", "'")
    for term in GLOSSARY.terms:
        if term.kind != "acronym" or not term.expansion or term.term in OFFICIAL:
            continue
        written = re.findall(rf"([A-ZÀ-Ý][^()]{{3,120}}?) \({re.escape(term.term)}\)", text)
        if not written:
            continue
        assert any(_singular(term.expansion) in _singular(w) for w in written), (term.term, written)


def _singular(text: str) -> str:
    """ "Centres régionaux d'intégration" and "Centre régional d'intégration" compare equal."""
    words = [re.sub(r"aux$", "al", w) for w in text.lower().split()]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


@pytest.mark.parametrize("term", GLOSSARY.terms, ids=lambda t: t.term)
def test_explanations_are_falc(term: glossary.Term) -> None:
    result = check.check_text(term.explanation, glossary=GLOSSARY, falc=False)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors == [], errors
    assert result.metrics.words_per_sentence_max <= 12


def test_replacements_are_plain_words_without_facts() -> None:
    """A replacement is written in the FALC text: short everyday words, no name, no number
    (the fact check would refuse them), and a noun says its gender with un/une."""
    from cai_falc import lexicon

    replaced = [t for t in GLOSSARY.terms if t.replacement]
    assert len(replaced) >= 5
    for term in replaced:
        words = term.replacement.split()
        assert len(words) <= 6, term.term
        assert not any(w[:1].isupper() or w[:1].isdigit() for w in words), term.term
        assert term.kind not in ("acronym", "name"), term.term  # names are explained
        assert all(lexicon.known(w) for w in words), term.term
        if words[0] in ("un", "une"):
            assert len(words) >= 2, term.term
