"""Fuzzing: the importer, the fiche reader, the checker and the simplifier on any input.

Whatever the text, each either gives a result or raises a ``CaiFalcError`` (a message
for the user); any other exception is a bug that would show a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cai_falc import check, simplify
from cai_falc.config import Settings
from cai_falc.errors import CaiFalcError
from cai_falc.fiche import parse_falc, parse_fiche
from cai_falc.glossary import Glossary
from cai_falc.importer.parse import parse_export

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_3265c7d80c062ad5.txt"
SEED_TEXT = SEED.read_text("utf-8")
SEED_LINES = SEED_TEXT.split("\n")
REAL = ROOT / "fiches" / "2016-lancement-de-la-plateforme-de-lutte-contre-le-racisme-en"
FICHE_TEXT = REAL.with_name(REAL.name + ".md").read_text("utf-8")
FALC_TEXT = REAL.with_name(REAL.name + ".falc.md").read_text("utf-8")
SETTINGS = Settings()
GLOSSARY = Glossary()
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

# Text that looks like what people paste: French, Arabic (RTL), Cyrillic, marks, controls.
ALPHABET = st.characters(
    blacklist_categories=("Cs",),  # lone surrogates cannot even be written to a file
)
PIECES = st.sampled_from(
    [
        "Le CPAS de Namur", "l’aide", "« guillemets »", "\u00a0:", "2016 – ", "\n", "\n\n",
        "---", "# ", "- ", "* ", "مرحبا بكم في المركز", "Привіт", "\u202e", "\u200f", "\x00",
        "\x1b[31m", "\ufeff", "\r\n", "\t", "—", "…", "?", "!", ".", ";", ":", "{{ x }}", "%(a)s",
        "https://www.cainamur.be", "081 73 71 76", "12/03/2025", "17 €", "&amp;", "<b>",
        "Nom commun", "Thématiques", "Sources", "[1]", "* Légende", "a" * 400,
    ]
)
TEXTS = st.one_of(
    st.text(ALPHABET, max_size=300),
    st.lists(st.one_of(PIECES, st.text(ALPHABET, max_size=20)), max_size=40).map("".join),
)


def _mutate(lines: list[str], ops: list[tuple[int, int, str]]) -> str:
    """Delete, duplicate, swap or replace lines of a real file."""
    out = list(lines)
    for kind, where, junk in ops:
        if not out:
            break
        i = where % len(out)
        if kind == 0:
            del out[i]
        elif kind == 1:
            out.insert(i, out[i])
        elif kind == 2:
            j = (where * 7 + 3) % len(out)
            out[i], out[j] = out[j], out[i]
        elif kind == 3:
            out[i] = junk
        else:
            cut = len(junk) % (len(out[i]) + 1)
            out[i] = out[i][:cut] + junk + out[i][cut:]
    return "\n".join(out)


MUTATIONS = st.lists(
    st.tuples(st.integers(0, 4), st.integers(0, 10_000), TEXTS), min_size=1, max_size=8
)


def _calls(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call fn; a CaiFalcError is a fine answer, anything else fails the test."""
    try:
        return fn(*args, **kwargs)
    except CaiFalcError as exc:
        assert str(exc).strip()
        return None


# ------------------------------------------------------------------- importer


@FUZZ
@given(TEXTS)
def test_importer_on_random_text(text: str) -> None:
    _calls(parse_export, text, export="fuzz.txt")


@FUZZ
@given(st.integers(0, len(SEED_LINES) - 60), st.integers(20, 120), MUTATIONS)
def test_importer_on_mutated_real_export(start: int, length: int, ops: Any) -> None:
    # A window of the real export keeps each example fast and still holds 1-2 fiches.
    text = _mutate(SEED_LINES[start : start + length], ops)
    parsed = _calls(parse_export, text, export="fuzz.txt")
    if parsed is not None:
        for fiche in parsed.fiches:
            assert fiche.id and 1900 <= fiche.year <= 2100


def test_importer_on_the_whole_real_export_with_one_mutation() -> None:
    # The whole file once, with a cut in the middle of a line and a binary-ish byte.
    text = SEED_TEXT[: len(SEED_TEXT) // 2] + "\x00\x7f\u202e" + SEED_TEXT[len(SEED_TEXT) // 2 :]
    parsed = parse_export(text, export="seed.txt")
    assert len(parsed.fiches) >= 9


def test_importer_files_on_random_bytes(tmp_path: Path) -> None:
    from cai_falc.importer import import_export

    for i, data in enumerate(
        [b"", b"\xff\xfe\x00\x01", "2016 – Titre\n".encode("cp1252") + b"\x81\x8d", b"\r" * 999]
    ):
        path = tmp_path / f"e{i}.txt"
        path.write_bytes(data)
        with pytest.raises(CaiFalcError) as info:
            import_export(path, tmp_path / "out", settings=SETTINGS)
        assert str(path) in str(info.value)


# ---------------------------------------------------------------- fiche reader

FRONT = st.dictionaries(
    st.sampled_from(
        ["id", "year", "title", "lead", "sources", "jargon", "categories", "imported", "status",
         "words", "date", "ignore", "review", "related", "resources", "extra"]
    ),
    st.one_of(
        st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
        TEXTS, st.lists(TEXTS, max_size=3), st.dictionaries(TEXTS, TEXTS, max_size=3),
        st.just("2016-un-id"), st.just(2016), st.just("2024-13-45"),
        st.lists(st.dictionaries(st.sampled_from(["ref", "text", "kind", "label"]), TEXTS)),
    ),
)


def _front_matter(meta: dict[str, Any]) -> str:
    import yaml

    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\nCorps du texte.\n"


@FUZZ
@given(FRONT)
def test_fiche_reader_on_random_front_matter(meta: dict[str, Any]) -> None:
    text = _front_matter(meta)
    _calls(parse_fiche, text, Path("f.md"))
    _calls(parse_falc, text, Path("f.falc.md"))


@FUZZ
@given(MUTATIONS)
def test_fiche_reader_on_mutated_real_files(ops: Any) -> None:
    fiche = _calls(parse_fiche, _mutate(FICHE_TEXT.split("\n"), ops), Path("f.md"))
    if fiche is not None:
        fiche.source_hash()
    falc = _calls(parse_falc, _mutate(FALC_TEXT.split("\n"), ops), Path("f.falc.md"))
    if falc is not None:
        falc.blocks()
        assert isinstance(falc.human_owned, bool)


@FUZZ
@given(TEXTS)
def test_fiche_reader_on_random_text(text: str) -> None:
    _calls(parse_fiche, text, Path("f.md"))
    _calls(parse_falc, "---\n" + text, Path("f.falc.md"))


# -------------------------------------------------------------------- checker

RTL_AND_CONTROLS = st.lists(
    st.one_of(
        PIECES,
        st.text(st.characters(min_codepoint=0x0590, max_codepoint=0x08FF), max_size=30),
        st.text(st.characters(max_codepoint=0x1F), max_size=5),
        st.text(st.characters(min_codepoint=0x202A, max_codepoint=0x206F), max_size=5),
        st.text(ALPHABET, max_size=30),
    ),
    max_size=30,
).map("".join)


@FUZZ
@given(st.one_of(TEXTS, RTL_AND_CONTROLS), st.sampled_from(["fr", "ar", "en", "uk"]),
       st.booleans())
def test_checker_on_random_unicode(text: str, lang: str, falc: bool) -> None:
    result = _calls(check.check_text, text, lang=lang, settings=SETTINGS, falc=falc, source=text)
    if result is not None:
        for finding in result.findings:
            assert finding.line >= 1 and finding.message


def test_checker_on_very_long_lines() -> None:
    words = " ".join(["administration", "l’intégration", "مرحبا", "d’accueil"] * 5000)
    for text in (words, "a" * 200_000, "Une phrase. " * 300, "\u202e" * 50_000):
        result = check.check_text(text, lang="fr", settings=SETTINGS)
        # Only the line of RLO marks has no word.
        assert (result.metrics.words >= 1) == (not text.startswith("\u202e"))


class _CountingRe:
    """Stands for ``re`` inside french.py and adds up the length of every searched string."""

    def __init__(self) -> None:
        import re

        self.re = re
        self.scanned = 0

    def search(self, pattern: str, string: str, *args: Any) -> Any:
        self.scanned += len(string)
        return self.re.search(pattern, string, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.re, name)


def test_sentence_splitting_scans_a_long_line_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    from cai_falc import french

    counting = _CountingRe()
    monkeypatch.setattr(french, "re", counting)
    text = "Une phrase. " * 1000
    assert len(french.sentences(text)) == 1000
    # Linear: each dot looks at a bounded window, not at everything before it.
    assert counting.scanned < 50 * len(text)


# ------------------------------------------------------------------ simplifier


@FUZZ
@given(st.one_of(TEXTS, RTL_AND_CONTROLS))
def test_simplifier_on_random_text(text: str) -> None:
    draft = _calls(simplify.simplify_text, text, glossary=GLOSSARY, settings=SETTINGS)
    if draft is not None:
        draft.falc.blocks()


@settings(FUZZ, max_examples=15)
@given(MUTATIONS)
def test_simplifier_on_mutated_real_fiche(ops: Any) -> None:
    body = FICHE_TEXT.split("---", 2)[2]
    _calls(simplify.simplify_text, _mutate(body.split("\n"), ops), glossary=GLOSSARY,
           settings=SETTINGS)
