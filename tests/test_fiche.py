from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cai_falc import fiche as fm
from cai_falc.errors import FicheError


def sample() -> fm.Fiche:
    return fm.Fiche(
        id="2014-creation-certificat-fle",
        year=2014,
        title="2014 – Création d’un certificat FLE : pour le secteur",
        lead="En 2014, le CAI débute un partenariat.",
        body="Premier paragraphe[^1].\n\n- un point\n- un autre point",
        sources=[fm.Source(ref="1", text="Académie de recherche et d’enseignement supérieur.")],
        jargon={"FLE": "français langue étrangère"},
        categories=fm.Categories(
            axes=["Accompagnement"],
            thematiques=fm.Thematiques(generales=["Citoyenneté"], specifiques=["Intégration"]),
        ),
        related=[fm.Related(number=8, label="Français Alphabétisation")],
        review=[
            fm.ReviewItem(
                kind="placeholder", message="Lien à ajouter", line=12, text="Ajouter liens"
            )
        ],
        imported=fm.Imported(export="export.txt", line=3, hash="abc"),
    )


def test_round_trip_is_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "2014-creation-certificat-fle.md"
    fm.write_fiche(sample(), path)
    first = path.read_bytes()
    loaded = fm.read_fiche(path)
    assert loaded == sample()
    assert fm.write_fiche(loaded, path) is False  # nothing to write
    assert path.read_bytes() == first


def test_people_fields_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    text = fm.dump_fiche(sample()).replace("---\n\n", "notes: à relire par Awa\n---\n\n", 1)
    path.write_text(text, encoding="utf-8")
    loaded = fm.read_fiche(path)
    assert loaded.extra == {"notes": "à relire par Awa"}
    assert fm.dump_fiche(loaded) == text


def test_source_hash_follows_the_text() -> None:
    a, b = sample(), sample()
    assert a.source_hash() == b.source_hash()
    b.body += " Une phrase."
    assert a.source_hash() != b.source_hash()


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("pas de front matter\n", "does not start with front matter", 1),
        ("---\nid: a\n", "not closed", 1),
        ("---\nid: a\ntitle: [oops\n---\n", "invalid front matter", 3),
        ("---\nid: a-b\ntitle: T\n---\n", "field 'year': missing required field", 1),
        ("---\nid: a-b\nyear: deux\ntitle: T\n---\n", "field 'year': expected a whole number", 3),
        ("---\nid: Pas Un Slug\nyear: 2014\ntitle: T\n---\n", "field 'id'", 2),
    ],
)
def test_bad_front_matter_names_file_line_field(
    tmp_path: Path, text: str, message: str, line: int
) -> None:
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FicheError) as info:
        fm.read_fiche(path)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}:")
    assert info.value.line == line


def test_falc_text_ownership() -> None:
    text = fm.FalcText(id="a", title="Le titre", body="## Quoi ?\nUne phrase.\n- un point")
    text.draft_hash = text.content_hash()
    assert not text.human_owned
    text.body += "\nUne phrase ajoutée par une personne."
    assert text.human_owned  # edited, even if the status still says draft
    assert fm.FalcText(id="a", title="T", body="", status="validated").human_owned


def test_falc_blocks_have_kinds_and_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.falc.md"
    path.write_text(
        textwrap.dedent(
            """\
            ---
            id: a
            title: Le titre
            status: edited
            ---

            ## Qui ?
            Le CAI aide les personnes.
            - des cours
            """
        ),
        encoding="utf-8",
    )
    text = fm.read_falc(path)
    assert [(b.kind, b.text, b.line) for b in text.blocks()] == [
        ("heading", "Qui ?", 7),
        ("sentence", "Le CAI aide les personnes.", 8),
        ("bullet", "des cours", 9),
    ]
    assert text.human_owned


def test_unknown_status_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.falc.md"
    path.write_text("---\nid: a\ntitle: T\nstatus: fini\n---\n", encoding="utf-8")
    with pytest.raises(FicheError, match="field 'status'"):
        fm.read_falc(path)


def test_falc_date_round_trips_and_bad_dates_are_refused(tmp_path: Path) -> None:
    import datetime

    path = tmp_path / "a.falc.md"
    text = fm.FalcText(id="a", title="T", body="Une phrase.", date=datetime.date(2025, 3, 12))
    fm.write_falc(text, path)
    assert "date: 2025-03-12" in path.read_text("utf-8")
    assert fm.read_falc(path).date == datetime.date(2025, 3, 12)
    path.write_text("---\nid: a\ntitle: T\ndate: 12/03/2025\n---\n", encoding="utf-8")
    with pytest.raises(FicheError, match=r"field 'date': '12/03/2025' is not a date"):
        fm.read_falc(path)


def test_today_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1741737600")
    assert fm.today() == datetime.date(2025, 3, 12)


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            [*"abz AZ09éèàçœ«»’'\"-:#&*!|>%@`{}[],?\n\\~=+.", "\xa0", "\u202f", "ع"]
        ),
        max_size=40,
    )
)
def test_libyaml_and_python_emitters_write_plain_text_alike(text: str) -> None:
    # Stored source hashes are made of the YAML text: the fast emitter may only be used
    # where it writes exactly what the Python one writes.
    data = {"title": text, "list": [text, text.strip(), 3], "k" + text[:3]: {"a": text}}
    assert fm._plain(data)
    options = dict(allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    python = yaml.dump(data, Dumper=fm._Dumper, **options)
    assert fm._dump_yaml(data) == python
    assert yaml.dump(data, Dumper=fm._FastDumper, **options) == python


def test_text_libyaml_would_escape_differently_uses_the_python_emitter() -> None:
    data = {"title": "Fête 🎉 \ufeff\x85 fin"}
    assert not fm._plain(data)
    assert fm._dump_yaml(data) == yaml.dump(
        data, Dumper=fm._Dumper, allow_unicode=True, sort_keys=False, width=10_000
    )
    assert fm._FastDumper is not None  # libyaml is installed by bootstrap: the fast path runs
