"""PO catalogs: segments, statuses, updates that keep people's work, strict reading."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cai_falc import catalog as po
from cai_falc.errors import CatalogError
from cai_falc.fiche import FalcText


def falc(body: str, *, id: str = "2024-a", words: dict[str, str] | None = None) -> FalcText:
    return FalcText(id=id, title="Le titre", body=textwrap.dedent(body).strip(), words=words or {})


def machine(text: str, *, problems: tuple[str, ...] = ()) -> po.MachineText:
    return po.MachineText(text, "translate-fr_en 1.0", "key-1", problems)


def test_segments_are_deduplicated_in_reading_order() -> None:
    a = falc("## Qui ?\nLa phrase une.\n- Un point.\nLa phrase une.", words={"CPAS": "Il aide."})
    b = falc("La phrase deux.\nLa phrase une.", id="2024-b")
    found = po.segments([a, b])
    assert [s.text for s in found] == [
        "Le titre", "Qui ?", "La phrase une.", "Un point.", "CPAS", "Il aide.", "La phrase deux.",
    ]
    assert found[2].locations == [("2024-a.falc.md", 2), ("2024-a.falc.md", 4),
                                  ("2024-b.falc.md", 2)]


def test_statuses_of_entries() -> None:
    current = po.segments([falc("Un.\nDeux.\nTrois.\nQuatre.")])
    cat = po.update_catalog(
        po.new_catalog("en"),
        current,
        {
            "Un.": machine("One."),
            "Deux.": machine("Two."),
            "Trois.": machine("3.", problems=("x",)),
        },
    )
    cat["Deux."].flags.discard("fuzzy")
    assert [po.status(cat.get(s.text)) for s in current] == [
        "missing", "machine", "reviewed", "damaged", "missing",
    ]
    stats = po.count(cat, current, po.CatalogStats("en", Path("en.po")))
    assert (stats.reviewed, stats.machine, stats.damaged, stats.missing) == (1, 1, 1, 2)
    assert stats.share("reviewed") == pytest.approx(0.2)


def test_needs_machine_respects_people() -> None:
    current = po.segments([falc("Un.\nDeux.\nTrois.")])
    cat = po.update_catalog(
        po.new_catalog("en"),
        current,
        {"Un.": machine("One."), "Deux.": machine("Two."), "Trois.": machine("Three.")},
    )
    cat["Deux."].flags.discard("fuzzy")  # reviewed
    cat["Trois."].string = "Three (a person's draft)."  # edited, still fuzzy
    assert not po.needs_machine(cat["Un."], key="key-1")  # untouched, same model and glossary
    assert po.needs_machine(cat["Un."], key="key-2")  # untouched, something changed
    assert not po.needs_machine(cat["Deux."], key="key-2")
    assert not po.needs_machine(cat["Trois."], key="key-2")
    assert po.needs_machine(cat.get("Le titre"), key="key-1")
    assert po.needs_machine(None, key="key-1")


def test_translated_text_gives_text_and_status_per_block() -> None:
    text = falc("## Où ?\nUn.\n- Deux.", words={"CPAS": "Il aide."})
    current = po.segments([text])
    cat = po.update_catalog(
        po.new_catalog("en"),
        current,
        {"Le titre": machine("The title"), "Un.": machine("One."), "CPAS": machine("PCSW")},
    )
    cat["Un."].flags.discard("fuzzy")
    translation = po.translated_text(text, lang="en", catalog=cat)
    assert translation.title.text == "The title" and translation.title.status == "machine"
    assert translation.title.model == "translate-fr_en 1.0"
    assert [(b.kind, b.text, b.status) for b in translation.blocks] == [
        ("heading", None, "missing"), ("sentence", "One.", "reviewed"), ("bullet", None, "missing"),
    ]
    word, explanation = translation.words[0]
    assert (word.text, word.status, explanation.status) == ("PCSW", "machine", "missing")
    assert translation.machine and not translation.complete
    assert translation.models == ["translate-fr_en 1.0"]
    assert translation.counts() == {"reviewed": 1, "machine": 2, "missing": 3, "damaged": 0}


def test_write_is_stable_and_atomic(tmp_path: Path) -> None:
    current = po.segments([falc("Un.")])
    cat = po.update_catalog(po.new_catalog("uk"), current, {"Un.": machine("Один.")})
    path = tmp_path / "uk.po"
    assert po.write_catalog(path, cat)
    first = path.read_text(encoding="utf-8")
    assert "Language: uk" in first and "Plural-Forms:" in first
    assert "#. machine: translate-fr_en 1.0" in first and "#, fuzzy" in first
    again = po.read_catalog(path, lang="uk")
    assert not po.write_catalog(path, po.update_catalog(again, current, {}))
    assert path.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["uk.po"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('msgid "A"\nmsgstr "B"\nmsgstr "C"\n', 3, "a second msgstr"),
        ('msgid "A"\nmsgstr "B\n', 2, "unterminated"),
        ('msgid "A"\nmsgstr "B"\n\nmsgid "A"\nmsgstr "C"\n', 4, "defined twice (first at line 1)"),
        ('msgid "A"\nmsgstr "B"\nnonsense\n', 3, "stray text"),
        ('msgid "A"\n\nmsgid "B"\nmsgstr ""\n', 1, "has no msgstr"),
    ],
)
def test_broken_po_files_are_clear_errors(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = tmp_path / "en.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        po.read_catalog(path, lang="en")
    assert f"en.po:{line}:" in str(info.value)
    assert message in str(info.value)
    assert "will not overwrite" in str(info.value)


def test_missing_file_is_an_empty_catalog(tmp_path: Path) -> None:
    cat = po.read_catalog(tmp_path / "fa.po", lang="fa")
    assert len(cat) == 0 and str(cat.locale) == "fa"


def test_regenerated_machine_entry_keeps_a_persons_comment() -> None:
    current = po.segments([falc("Un.")])
    cat = po.update_catalog(po.new_catalog("en"), current, {"Un.": machine("One.")})
    cat["Un."].user_comments = ["Vérifier avec Amina"]
    again = po.update_catalog(cat, current, {"Un.": machine("One!")})
    assert again["Un."].string == "One!" and again["Un."].user_comments == ["Vérifier avec Amina"]


def test_the_revision_date_moves_only_when_an_entry_changes(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "en.po"
    current = po.segments([falc("Un.\nDeux.")])
    cat = po.update_catalog(po.new_catalog("en"), current, {"Un.": machine("One.")})
    cat.revision_date = dt.datetime(2020, 1, 2, 3, 4, tzinfo=dt.UTC)
    assert po.write_catalog(path, cat) is True
    first = path.read_text("utf-8")
    assert "PO-Revision-Date: 2020" not in first  # written now, with today's date
    again = po.read_catalog(path, lang="en")
    assert po.write_catalog(path, again) is False
    assert path.read_text("utf-8") == first  # same entries: not even the date moved
    changed = po.update_catalog(again, current, {"Deux.": machine("Two.")})
    assert po.write_catalog(path, changed) is True
    assert "Two." in path.read_text("utf-8")
