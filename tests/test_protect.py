"""Protected tokens: placeholders in, the same text out, or a clear problem."""

from __future__ import annotations

from cai_falc.glossary import Glossary, Term
from cai_falc.protect import protect, restore

GLOSSARY = Glossary(
    [
        Term("CPAS", "acronym", "Il aide.", translations={"en": "PCSW"}),
        Term("Namur", "name", "Une ville."),
        Term("titre de séjour", "jargon", "Un papier.", translations={"en": "residence permit"}),
        Term("commune", "jargon", "La ville."),
    ]
)


def test_contacts_dates_and_terms_become_placeholders() -> None:
    text = (
        "Le CPAS de Namur : appelez le 081 73 71 76 ou le +32 470 12 34 56, écrivez à "
        "info@cai-namur.be, lisez www.cai-namur.be/aide. Le 12/03/2025, votre titre de séjour."
    )
    p = protect(text, lang="en", glossary=GLOSSARY)
    assert [(s.kind, s.original, s.replacement) for s in p.slots] == [
        ("term", "CPAS", "PCSW"),
        ("name", "Namur", "Namur"),
        ("phone", "081 73 71 76", "081 73 71 76"),
        ("phone", "+32 470 12 34 56", "+32 470 12 34 56"),
        ("email", "info@cai-namur.be", "info@cai-namur.be"),
        ("url", "www.cai-namur.be/aide", "www.cai-namur.be/aide"),
        ("date", "12/03/2025", "12/03/2025"),
        ("term", "titre de séjour", "residence permit"),
    ]
    assert "_" not in p.text and "commune" not in p.text
    assert p.text.startswith("Le ZX1 de ZX2 : appelez le ZX3 ou le ZX4")
    out, problems = restore(p.text, p)
    assert problems == []
    assert out.startswith("Le PCSW de Namur : appelez le 081 73 71 76")
    assert out.endswith("votre residence permit.")


def test_ordinary_numbers_are_checked_not_hidden() -> None:
    p = protect("Venez à 14 h avec 2 photos, le 3 mai 2025.", lang="en")
    assert p.slots == () and p.numbers == ("14", "2", "3", "2025")
    assert restore("Come at 14 h with 2 photos, on 3 May 2025.", p)[1] == []
    _, problems = restore("Come at 2 pm with 2 photos, on 3 May 2025.", p)
    assert problems == [
        "le nombre « 14 » manque dans la traduction",
        "le nombre « 2 » a été ajouté par la traduction",
    ]


def test_lost_or_doubled_placeholders_are_problems() -> None:
    p = protect("Écrivez à info@cai.be ou à aide@cai.be.", lang="en")
    assert restore("Write to ZX1.", p)[1] == ["« aide@cai.be » manque dans la traduction"]
    text, problems = restore("Write to ZX1 or ZX 2 or zx2.", p)
    assert text == "Write to info@cai.be or aide@cai.be or aide@cai.be."
    assert problems == ["« aide@cai.be » apparaît 2 fois"]


def test_typographic_apostrophes_and_elisions_match_terms() -> None:
    glossary = Glossary([Term("centre d'accueil", "jargon", "x", translations={"en": "shelter"})])
    p = protect("Allez au centre d’accueil, l’accueil est ouvert.", lang="en", glossary=glossary)
    assert restore(p.text, p)[0] == "Allez au shelter, l’accueil est ouvert."
    p_nl = protect("Allez au centre d’accueil.", lang="nl", glossary=glossary)
    assert p_nl.slots == ()  # no approved Dutch translation: the model translates it
