"""The checker on French it has not seen: real-world typography (times, phone numbers,
web addresses, abbreviations), what it must find in administrative prose, and what it
must not say about good easy-to-read texts."""

from __future__ import annotations

import pytest

from cai_falc import french
from cai_falc.check import check_text
from cai_falc.rules import Finding
from cai_falc.rules.sentences import word_count


def found(text: str, rule: str, **kw: object) -> list[Finding]:
    result = check_text(text, lang="fr", **kw)  # type: ignore[arg-type]
    return [f for f in result.findings if f.rule == rule]


def texts(text: str, rule: str, **kw: object) -> list[str]:
    return [f.text for f in found(text, rule, **kw)]


def count(text: str) -> int:
    (s,) = french.sentences(text)
    return word_count(s)


# ------------------------------------------------------------ times, phones, web


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Le bureau ouvre à 9 h et ferme à 12 h 30.", 9),
        ("Le bureau ouvre à 9h et ferme à 12h30.", 9),
        ("Le bureau ferme à 16\u00a0h\u00a000.", 5),
        ("Appelez le 081 73 71 76.", 3),
        ("Appelez le 0470 12 34 56.", 3),
        ("Appelez le +32 81 72 61 11.", 3),
        ("Appelez le 0470/12.34.56.", 3),
        ("Allez sur le site cainamur.be pour voir les horaires.", 9),
        ("Lisez la page inami.fgov.be/fr/aide.", 4),
    ],
)
def test_times_phones_and_addresses_are_one_word(text: str, n: int) -> None:
    assert count(text) == n


def test_numbers_that_are_not_phones_stay_numbers() -> None:
    toks = [t.text for t in french.words("Il y a 2 500 000 habitants et 0,5 % de 12 enfants.")]
    assert "2 500 000" in toks and "0,5" in toks and "12" in toks
    # Too few digits for a phone number: three numbers.
    assert [t.text for t in french.words("0 12 345")] == ["0", "12 345"]


def test_international_phone_plus_is_not_a_special_character() -> None:
    assert texts("Téléphonez au +32 81 72 61 11.", "special-char") == []
    assert texts("Venez avec votre enfant + un adulte.", "special-char") == ["+"]


def test_time_and_phone_do_not_make_a_long_sentence() -> None:
    text = "Le mardi et le jeudi, de 9 h 30 à 12 h 00, appelez le 081 22 33 44."
    assert count(text) == 12
    assert found(text, "long-sentence") == []
