"""Reading the export and writing fiche files, never overwriting people's work."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import storage
from ..errors import ExportError, InputError
from ..fiche import FALC_SUFFIX, Fiche, read_fiche, write_fiche
from .parse import parse_export

if TYPE_CHECKING:
    from ..config import Settings

STATUSES = ("created", "updated", "unchanged", "conflict")


@dataclass
class ImportOutcome:
    """What happened to one fiche file."""

    id: str
    path: Path
    status: str  # created | updated | unchanged | conflict
    fiche: Fiche
    #: Where the new import was written when the existing file was edited by a person.
    new_path: Path | None = None
    reason: str = ""
    #: Front-matter fields (and "body") that an update changed.
    changes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    """The outcome of one import: per fiche, plus notes that concern the whole export."""

    export: Path
    encoding: str
    out_dir: Path
    outcomes: list[ImportOutcome] = field(default_factory=list)
    #: Fiche files of the folder that the export no longer holds (left untouched).
    absent: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Fiches of the export that were not imported (no year in the title): (line, title).
    #: Each also has a note; a command may exit 1 when there are any.
    set_aside: list[tuple[int, str]] = field(default_factory=list)

    @property
    def fiches(self) -> list[Fiche]:
        """Every fiche of the export, in export order."""
        return [o.fiche for o in self.outcomes]

    def count(self, status: str) -> int:
        """How many fiches ended with ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)


def _glossary_words(folder: Path) -> list[str]:
    """Words of the project's glossary terms, so spelling does not flag them."""
    if not folder.is_dir():
        return []
    from .. import glossary as glossary_module

    try:
        terms = glossary_module.load(folder).terms
    except InputError:
        return []  # ``cai-falc validate`` reports a broken glossary; spelling can do without
    words: list[str] = []
    for term in terms:
        for form in term.forms:
            words.extend(re.findall(r"\w+", form))
    return words


#: UTF-8 read as Windows-1252 and saved again: "Ã©" for "é", "â€™" for "’".
_MOJIBAKE_RE = re.compile(
    "[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


#: Thin spaces (U+2009, U+202F) have no Windows-1252 byte: saving the export as "ANSI"
#: writes "?" instead ("«?Promotion", "citoyenneté?»", "Couleur?livres"). A "?" glued to
#: a letter on both sides, or between a letter and » : ;, or right after «, was a space.
_LOST_SPACE_RE = re.compile(r"(?<=«)\?(?=\w)|(?<=\w)\?(?=\w)|(?<=\w)\?(?=[»:;])")


_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _restore_lost_spaces(text: str) -> tuple[str, int]:
    """Thin spaces saved as "?" put back, except in web addresses ("agenda?id=12")."""
    urls = [m.span() for m in _URL_RE.finditer(text)]
    count = 0

    def space(match: re.Match[str]) -> str:
        nonlocal count
        if any(a <= match.start() < b for a, b in urls):
            return match.group()
        count += 1
        return " "

    return _LOST_SPACE_RE.sub(space, text), count


def _read_export(path: Path) -> storage.TextFile:
    """The export's text: UTF-8 or Windows-1252 (storage), or UTF-16 with its BOM.

    Notepad's "Unicode" saves UTF-16: its NUL bytes would make it look like a binary file.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(2)
    except OSError:
        head = b""
    if head not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return storage.read_text(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise ExportError(
            path,
            "the file starts as UTF-16 text but holds bytes that are not UTF-16",
            line=data[: exc.start].decode("utf-16", errors="replace").count("\n") + 1,
            hint="Save the export again as UTF-8 text.",
        ) from exc
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "the file is empty")
    if "\x00" in text:
        raise InputError(
            path,
            "this is a binary file, not text",
            hint="Give a text export (.txt or .md) saved as UTF-8 or Windows-1252.",
        )
    return storage.TextFile(path=path, text=text, encoding="utf-16")


#: ISO-8859-15 read as Windows-1252: "250 ¤" for "250 €", "c½ur" for "cœur".
_LATIN9_RE = re.compile(r"\d[\s\u00a0]?¤|[^\W\d_]½[^\W\d_]|[^\W\d_]¼[^\W\d_]")


def _latin9(source: storage.TextFile) -> storage.TextFile:
    """Read again as ISO-8859-15 an export whose euro signs and "œ" came out as "¤" and "½"."""
    if source.encoding != "windows-1252" or not _LATIN9_RE.search(source.text):
        return source
    try:
        text = source.text.encode("cp1252", errors="cai-falc-c1").decode("iso-8859-15")
    except UnicodeError:
        return source
    return storage.TextFile(
        source.path, text, "iso-8859-15 (« ¤ » et « ½ » lus comme « € » et « œ »)"
    )


def _c1_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """Encode the five bytes Windows-1252 leaves undefined (shown as U+0081...) as themselves."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    if not all(0x80 <= ord(c) <= 0x9F for c in chunk):
        raise error
    return bytes(ord(c) for c in chunk), error.end


codecs.register_error("cai-falc-c1", _c1_bytes)


def _repair_mojibake(source: storage.TextFile) -> storage.TextFile:
    """Undo UTF-8 text that was decoded as Windows-1252 and saved again ("dÃ©cret")."""
    if len(_MOJIBAKE_RE.findall(source.text)) < 3:
        return source
    try:
        text = source.text.encode("cp1252", errors="cai-falc-c1").decode("utf-8")
    except UnicodeError:
        return source  # not a clean round trip: leave the text as it is
    return storage.TextFile(
        source.path, text, f"{source.encoding} (UTF-8 doublement encodé, réparé)"
    )


_COMPARED = (
    "year title lead body sources jargon resources categories related review imported".split()
)


def _write_outcome(fiche: Fiche, target: Path) -> ImportOutcome:
    """Write one fiche, keeping people's keys, never overwriting a person's edits."""
    if not target.exists():
        write_fiche(fiche, target)
        return ImportOutcome(fiche.id, target, "created", fiche)
    new_path = target.with_name(target.name + ".new")
    try:
        existing = read_fiche(target)
    except InputError as exc:  # broken YAML, binary or empty file: a person's problem to see
        write_fiche(fiche, new_path)
        return ImportOutcome(
            fiche.id, target, "conflict", fiche, new_path, f"fichier existant illisible ({exc})"
        )
    if existing.imported is None or existing.source_hash() != existing.imported.hash:
        write_fiche(fiche, new_path)
        why = (
            "le fichier existant n’a pas été créé par l’import"
            if existing.imported is None
            else "la partie source a été modifiée à la main depuis le dernier import"
        )
        return ImportOutcome(fiche.id, target, "conflict", fiche, new_path, why)
    fiche.extra = dict(existing.extra)
    fiche.ignore = list(existing.ignore)
    changed = write_fiche(fiche, target)
    fields = [name for name in _COMPARED if getattr(existing, name) != getattr(fiche, name)]
    if len(fields) > 1 and "imported" in fields:
        fields.remove("imported")  # its hash follows any other change: not news
    return ImportOutcome(
        fiche.id, target, "updated" if changed else "unchanged", fiche, changes=fields
    )


def import_export(path: Path, out_dir: Path, *, settings: Settings | None = None) -> ImportResult:
    """Import a CMS export into ``out_dir``; report created/updated/unchanged/conflict."""
    from ..config import Settings as _Settings
    from ..spelling import load_speller, unavailable_note

    settings = settings or _Settings()
    options = settings.importer
    size = path.stat().st_size if path.is_file() else 0
    if size > options.max_export_mb * 1e6:
        raise ExportError(
            path,
            f"the export is too large ({size / 1e6:.1f} MB; at most {options.max_export_mb:g} "
            "MB): the centre's whole CMS is well under 1 MB, so this is probably not a CMS export",
            hint="Check the file; if it really is an export, split it or raise "
            "[importer] max_export_mb in cai-falc.toml.",
        )
    source = _latin9(_repair_mojibake(_read_export(path)))
    if source.encoding == "windows-1252":
        text, lost = _restore_lost_spaces(source.text)
        if lost:
            source = storage.TextFile(source.path, text, source.encoding)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(out_dir, "this is a file, not a folder", hint="Give a folder to --out.")
    notes: list[str] = []
    speller = load_speller(options.dictionary) if options.spelling else None
    if options.spelling and speller is None:
        notes.append(unavailable_note(options.dictionary))
    glossary_words = _glossary_words(settings.path("glossaries"))
    try:
        parsed = parse_export(
            source.text, export=path.name, speller=speller, glossary_words=glossary_words
        )
    except ExportError as exc:  # named by the path as given, like every other input error
        where = f"{exc.path}:{exc.line}: " if exc.line is not None else f"{exc.path}: "
        raise ExportError(
            path, exc.message.removeprefix(where), line=exc.line, hint=exc.hint
        ) from None
    notes.extend(parsed.notes)
    result = ImportResult(
        export=path,
        encoding=source.encoding,
        out_dir=out_dir,
        notes=notes,
        set_aside=parsed.set_aside,
    )
    # Read everything, then write: a bad export above leaves the folder untouched.
    for fiche in parsed.fiches:
        fiche.path = out_dir / fiche.filename
        result.outcomes.append(_write_outcome(fiche, fiche.path))
    written = {o.path.name for o in result.outcomes}
    if out_dir.is_dir():
        result.absent = sorted(
            p
            for p in out_dir.glob("*.md")
            if not p.name.endswith(FALC_SUFFIX)
            and not p.name.startswith(".")
            and p.name not in written
        )
    return result
