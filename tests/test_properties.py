"""Property: no sequence of edits, reviews, re-imports and commands loses people's work.

Hypothesis draws sequences of operations on a tiny project (one short fiche, one
target language with a test-built echo model so translation really runs):

- a person edits the FALC text (body and/or status) or writes it from scratch;
- the source changes: an editor edits the fiche file, or the CMS export is re-imported;
- an interpreter reviews a catalog entry (new msgstr, fuzzy removed, through Babel);
- ``cai-falc simplify``, ``cai-falc translate``, and the build (PDFs replaced by stand-ins).

After every step: every FALC file a person wrote is byte-identical to what they wrote,
every reviewed entry keeps its msgstr (active or obsolete), and nothing raised but a
``CaiFalcError`` (the CLI exits 0/1/2 without a traceback).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import argos_kit
from cai_falc import config, pipeline, workers
from cai_falc.cli import cli
from cai_falc.errors import CaiFalcError
from cai_falc.fiche import FalcText, read_falc, read_fiche, write_falc, write_fiche

FID = "2020-des-cours-de-francais"
TITLE = "2020 – Des cours de français"
PARAGRAPHS = [
    "Le CAI organise des cours de français à Namur.",
    "Les cours sont gratuits. Ils ont lieu le lundi et le jeudi.",
    "Bonjour, le CPAS de Namur aide aussi les familles.",
    "Merci de vous inscrire avant le 12 mars 2025.",
]
SENTENCES = [
    "Une phrase écrite par une éditrice.",
    "Le cours est à 14 h.",
    "Bonjour à tous.",
    "Vous pouvez venir avec vos enfants.",
]

@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An echo fr->en model installed in a temporary Argos folder for this module."""
    from cai_falc import models as models_mod

    tmp = tmp_path_factory.mktemp("argos")
    mp = pytest.MonkeyPatch()
    mp.setenv("ARGOS_PACKAGES_DIR", str(tmp / "packages"))
    mp.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        mp.setenv(name, str(tmp / name.lower()))
    models_mod.install(argos_kit.build_package(tmp / "archives", "fr", "en", {"Bonjour": "Hello"}))
    yield tmp / "packages"
    mp.undo()

@pytest.fixture(scope="module")
def no_pdf() -> Iterator[None]:
    """Stand-ins for the leaflet renderer: the build's logic runs, WeasyPrint does not."""

    def render_page(settings: config.Settings, page: Any) -> tuple[bytes, bytes, bytes]:
        blob = repr((page.lang, page.title, page.blocks)).encode("utf-8")
        return (b"%PDF-stand-in " + blob, b"<section>" + blob, b"<html>" + blob)

    class Renderer:
        def index(self, pages: list[Any]) -> str:
            return "<html>" + "".join(p.title for p in pages)

    mp = pytest.MonkeyPatch()
    mp.setattr(workers, "render_page", render_page)
    mp.setattr(workers, "renderer", lambda settings: Renderer())
    yield
    mp.undo()

@dataclass
class World:
    """The project and what people wrote in it."""

    root: Path
    #: FALC file -> the bytes a person wrote.
    human: dict[Path, bytes] = field(default_factory=dict)
    #: msgid -> the msgstr an interpreter reviewed.
    reviewed: dict[str, str] = field(default_factory=dict)
    step: int = 0

    @property
    def falc_file(self) -> Path:
        return self.root / "fiches" / f"{FID}.falc.md"

    @property
    def po_file(self) -> Path:
        return self.root / "translations" / "en.po"

def cli_ok(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception,
        result.output,
    )
    assert result.exit_code in (0, 1, 2), result.output

def export(root: Path, paragraphs: list[str]) -> Path:
    path = root / "export.txt"
    path.write_text(TITLE + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path

def new_world(folder: Path) -> World:
    root = folder / "p"
    root.mkdir()
    (root / "cai-falc.toml").write_text(
        '[project]\norganisation = "CAI"\ncontact = "cai.example"\nlanguages = ["en"]\n'
        "[importer]\nspelling = false\n",
        encoding="utf-8",
    )
    cli_ok("import", str(export(root, PARAGRAPHS[:2])), "--out", str(root / "fiches"))
    assert (root / "fiches" / f"{FID}.md").is_file()
    return World(root)

# ------------------------------------------------------------------ operations

def edit_falc(w: World, sentence: int, status: str) -> None:
    """A person edits the FALC text (or writes it), in any text editor."""
    if w.falc_file.is_file():
        try:
            text = read_falc(w.falc_file)
        except CaiFalcError:
            return
    else:
        text = FalcText(id=FID, title="Des cours de français", body="")
    text.body = (text.body + "\n" + SENTENCES[sentence] + f" ({w.step})").strip("\n")
    text.status = status
    write_falc(text, w.falc_file)
    w.human[w.falc_file] = w.falc_file.read_bytes()

def edit_source(w: World, paragraph: int, choice: str) -> None:
    """An editor edits the source fiche's lead or body."""
    where = "lead" if choice == "draft" else "body"
    path = w.root / "fiches" / f"{FID}.md"
    fiche = read_fiche(path)
    addition = PARAGRAPHS[paragraph] + f" ({w.step})"
    if where == "lead":
        fiche.lead = f"{fiche.lead} {addition}".strip()
    else:
        fiche.body = f"{fiche.body}\n\n{addition}".strip()
    write_fiche(fiche, path)

def reimport(w: World, paragraph: int, choice: str) -> None:
    """The CMS export comes again, with one paragraph more (or back to the first two)."""
    where = "lead" if choice == "draft" else "body"
    chosen = PARAGRAPHS[:2] + ([PARAGRAPHS[paragraph]] if where == "body" else [])
    cli_ok("import", str(export(w.root, chosen)), "--out", str(w.root / "fiches"))

def review(w: World, pick: int, status: str) -> None:
    """An interpreter reviews one entry in Poedit: a new msgstr, fuzzy removed (Babel here)."""
    if not w.po_file.is_file():
        return
    with w.po_file.open("rb") as fh:
        catalog = read_po(fh)
    messages = [m for m in catalog if m.id]
    if not messages:
        return
    message = messages[pick % len(messages)]
    message.string = f"Reviewed {w.step} ({status})"
    message.flags.discard("fuzzy")
    with w.po_file.open("wb") as fh:
        write_po(fh, catalog, width=0)
    w.reviewed[str(message.id)] = message.string

def simplify(w: World, *_: Any) -> None:
    cli_ok("simplify", "--project", str(w.root))

def translate(w: World, *_: Any) -> None:
    cli_ok("translate", "--project", str(w.root))

def build(w: World, *_: Any) -> None:
    try:
        pipeline.build(config.load(w.root), pipeline.BuildOptions())
    except CaiFalcError:
        pass

OPERATIONS = {
    "edit_falc": edit_falc,
    "edit_source": edit_source,
    "reimport": reimport,
    "review": review,
    "simplify": simplify,
    "translate": translate,
    "build": build,
}
STEPS = st.lists(
    st.tuples(
        # People's work twice as likely, so most examples have something to lose.
        st.sampled_from([*sorted(OPERATIONS), "edit_falc", "review"]),
        st.integers(0, 3),
        st.sampled_from(["draft", "edited", "validated"]),
    ),
    min_size=3,
    max_size=8,
)

def check_invariants(w: World, done: list[str]) -> None:
    for path, data in w.human.items():
        assert path.read_bytes() == data, f"{path.name} changed after {done}"
    if w.reviewed:
        with w.po_file.open("rb") as fh:
            catalog = read_po(fh)
        kept = {str(m.id): m for m in catalog if m.id}
        kept.update({str(k): v for k, v in catalog.obsolete.items()})
        for msgid, msgstr in w.reviewed.items():
            assert msgid in kept, f"reviewed entry {msgid!r} lost after {done}"
            assert kept[msgid].string == msgstr, f"{msgid!r} rewritten after {done}"
            assert not kept[msgid].fuzzy, f"{msgid!r} made fuzzy again after {done}"

@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(STEPS)
def test_no_sequence_loses_human_work(
    models: Path, no_pdf: None, steps: list[tuple[str, int, str]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        w = new_world(Path(folder))
        done: list[str] = []
        # Start as a project does: drafts, then machine translations to review.
        start = [("simplify", 0, "draft"), ("translate", 0, "draft")]
        for w.step, (name, number, choice) in enumerate(start + steps):
            OPERATIONS[name](w, number, choice)
            done.append(name)
            check_invariants(w, done)
        # Shown by --hypothesis-show-statistics: how often there was work to lose.
        event(f"human texts: {len(w.human)}, reviewed entries: {len(w.reviewed)}")

def test_a_falc_text_written_from_scratch_as_draft_is_kept(
    models: Path, no_pdf: None, tmp_path: Path
) -> None:
    """Found by the property test: a person's text with status 'draft' and no draft_hash."""
    w = new_world(tmp_path)
    edit_falc(w, 0, "draft")
    for operation in (build, simplify, build):
        operation(w)
        check_invariants(w, [operation.__name__])


def test_a_reviewed_entry_and_an_edited_text_survive_the_usual_day(
    models: Path, no_pdf: None, tmp_path: Path
) -> None:
    """The sequence that matters most, always run: simplify, translate, review, edit, re-import."""
    w = new_world(tmp_path)
    for name, number, choice in [
        ("simplify", 0, ""), ("translate", 0, ""), ("review", 0, "edited"),
        ("edit_falc", 1, "edited"), ("reimport", 2, "edited"), ("translate", 0, ""),
        ("build", 0, ""), ("simplify", 0, ""), ("build", 0, ""),
    ]:
        OPERATIONS[name](w, number, choice)
        check_invariants(w, [name])
    assert w.human and w.reviewed
