"""Translation catalogs: one PO file per language, ``translations/<lang>.po``.

Each entry's msgid is a French FALC segment (title, heading, sentence, bullet, difficult
word or its explanation); its msgstr the translation. One catalog per language, no
msgctxt: the same French sentence gets the same translation in every fiche, so an
interpreter reviews it once and every leaflet benefits (FALC texts repeat a lot).

Machine output is ``fuzzy`` with a comment naming the model (``#. machine: translate-fr_en
1.0``) and a fingerprint (``#. cai-falc: key=... text=...``). An entry is **reviewed** when
its msgstr is set and it is not fuzzy (a person removed the flag in Poedit or Weblate):
it is never changed again. A fuzzy entry whose text no longer matches its fingerprint was
edited by a person: it is kept too. Only untouched machine entries are redone, and only
when the model or the glossary changed. Entries whose French source is gone are kept as
obsolete (``#~``) and come back if the sentence comes back.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from . import storage
from .errors import CatalogError, InputError
from .fiche import FalcText

STATUSES = ("reviewed", "machine", "missing", "damaged")
MACHINE = "machine: "
DAMAGED = "damaged: "
FINGERPRINT = "cai-falc: "


@dataclass
class Segment:
    """A French text to translate, with where it appears (file, line)."""

    text: str
    locations: list[tuple[str, int]] = field(default_factory=list)


def segments(falc_texts: Iterable[FalcText], *, root: Path | None = None) -> list[Segment]:
    """Every distinct segment of the FALC texts, in reading order."""
    found: dict[str, Segment] = {}

    def add(text: str, falc: FalcText, line: int) -> None:
        text = text.strip()
        if not text:
            return
        where = _where(falc, root)
        segment = found.setdefault(text, Segment(text))
        if (where, line) not in segment.locations:
            segment.locations.append((where, line))

    for falc in falc_texts:
        add(falc.title, falc, 1)
        for block in falc.blocks():
            add(block.text, falc, block.line)
        for term, explanation in falc.words.items():
            add(term, falc, 1)
            add(explanation, falc, 1)
    return list(found.values())


def _where(falc: FalcText, root: Path | None) -> str:
    if falc.path is None:
        return f"{falc.id}.falc.md"
    if root is not None:
        try:
            return falc.path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return falc.path.name


# ----------------------------------------------------------------------- read / write


def new_catalog(lang: str) -> Catalog:
    """An empty catalog for ``lang`` (plural forms and language header set by Babel)."""
    from babel import Locale

    now = datetime.now(UTC).replace(microsecond=0)
    name = Locale.parse(lang).get_display_name("fr") or lang
    return Catalog(
        locale=lang,
        header_comment=(
            f"# Textes FALC en {name}, remplis par 'cai-falc translate'.\n"
            "# 'fuzzy' : traduction automatique, non relue.\n"
            "# Une entrée relue (sans 'fuzzy') n'est jamais réécrite."
        ),
        project="cai-falc",
        version="1",
        language_team=name,
        creation_date=now,
        revision_date=now,
        fuzzy=False,
    )


def read_catalog(path: Path, *, lang: str) -> Catalog:
    """Read ``path``; an absent file gives an empty catalog; a broken one a CatalogError."""
    if not path.exists():
        return new_catalog(lang)
    try:
        text = storage.read_text(path, allow_empty=True).text
    except InputError as exc:
        raise CatalogError(path, exc.message.split(": ", 1)[-1]) from exc
    hint = "Fix the file in Poedit or a text editor; cai-falc will not overwrite it."
    problem = lint_po(text)
    if problem is not None:
        raise CatalogError(path, f"invalid PO file: {problem[1]}", line=problem[0], hint=hint)
    try:
        return read_po(io.StringIO(text), locale=lang, abort_invalid=True)
    except PoFileError as exc:
        raise CatalogError(
            path,
            f"invalid PO file: {exc.args[0] if exc.args else exc} ({exc.line.strip()!r})",
            line=exc.lineno + 1,  # Babel counts from 0
            hint=hint,
        ) from exc
    except (ValueError, KeyError) as exc:
        raise CatalogError(path, f"invalid PO file ({exc})") from exc


_KEYWORD_RE = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*)$')
_STRING_RE = re.compile(r'^"(?:[^"\\]|\\.)*"$')


def lint_po(text: str) -> tuple[int, str] | None:
    """The first structural fault Babel would silently accept (and lose data on), or None.

    Babel's reader keeps going after an unterminated string, a second msgstr or a msgid
    defined twice, dropping text; rewriting such a file would lose a person's work.
    """
    seen: dict[tuple[str, str], int] = {}
    entry: dict[str, str] = {}
    start = 0
    last = ""

    def close() -> tuple[int, str] | None:
        if "msgid" in entry:
            if not any(k.startswith("msgstr") for k in entry):
                return start, f"msgid {entry['msgid']} has no msgstr"
            key = (entry.get("msgctxt", ""), entry["msgid"])
            if key in seen:
                first = seen[key]
                return start, f"msgid {entry['msgid']} is defined twice (first at line {first})"
            seen[key] = start
        return None

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _KEYWORD_RE.match(line)
        string = match.group(2) if match else line
        if not string.startswith('"'):
            return number, f"unknown keyword or stray text: {line[:40]!r}"
        if not _STRING_RE.match(string):
            return number, "unterminated or badly quoted string"
        if match is None:
            if not last:
                return number, "a continuation string outside any entry"
            entry[last] += string
            continue
        keyword = match.group(1)
        if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
            problem = close()
            if problem:
                return problem
            entry, start = {}, number
        if not entry:
            start = number
        if keyword == "msgid" and "msgid" in entry:
            return start, f"msgid {entry['msgid']} has no msgstr"
        if keyword in entry:
            return number, f"a second {keyword} in the same entry"
        entry[keyword] = string
        last = keyword
    return close()


def dump_catalog(catalog: Catalog) -> str:
    """The PO text of ``catalog``."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, include_previous=False)
    return buffer.getvalue().decode("utf-8")


_REVISION_LINE_RE = re.compile(r'^"PO-Revision-Date: [^"\n]*\\n"\n', re.MULTILINE)


def write_catalog(path: Path, catalog: Catalog) -> bool:
    """Write atomically; the revision date only moves when an entry changed.

    Babel's writer is slow (about 10 ms per catalog), so the text is made once, with
    today's date, and compared with the file's without the date line.
    """
    previous = catalog.revision_date
    catalog.revision_date = datetime.now(UTC).replace(microsecond=0)
    text = dump_catalog(catalog)
    try:
        if path.is_file():
            old = path.read_text(encoding="utf-8")
            if _REVISION_LINE_RE.sub("", old) == _REVISION_LINE_RE.sub("", text):
                catalog.revision_date = previous
                return False
    except (OSError, UnicodeDecodeError):
        pass
    return storage.write_text(path, text)


# ------------------------------------------------------------------------------ entries


def _comment(message: Message, prefix: str) -> str | None:
    for comment in message.auto_comments:
        if comment.startswith(prefix):
            return comment[len(prefix) :].strip()
    return None


def status(message: Message | None) -> str:
    """reviewed | machine | missing | damaged."""
    if message is None or not isinstance(message.string, str) or not message.string.strip():
        return "missing"
    if not message.fuzzy:
        return "reviewed"
    if _comment(message, DAMAGED) is not None and _untouched(message):
        return "damaged"
    return "machine"


def _fingerprint(key: str, text: str) -> str:
    return f"key={storage.digest(key, length=12)} text={storage.digest(text, length=12)}"


def _untouched(message: Message) -> bool:
    """True when the msgstr is still what the machine wrote (no person edited it)."""
    mark = _comment(message, FINGERPRINT)
    if mark is None or not isinstance(message.string, str):
        return False
    return mark.endswith(f"text={storage.digest(message.string, length=12)}")


def needs_machine(message: Message | None, *, key: str) -> bool:
    """True when the machine may (re)write this entry: new, empty, or untouched and outdated."""
    if status(message) == "missing":
        return True
    assert message is not None
    if not message.fuzzy or not _untouched(message):
        return False  # a person's work: reviewed, or a fuzzy draft they edited
    mark = _comment(message, FINGERPRINT) or ""
    return not mark.startswith(f"key={storage.digest(key, length=12)} ")


@dataclass(frozen=True)
class MachineText:
    """A machine translation of one segment, ready for the catalog."""

    text: str
    model: str
    key: str
    problems: tuple[str, ...] = ()


def machine_message(segment: Segment, result: MachineText) -> Message:
    """A fuzzy entry holding machine output, with its model and fingerprint comments."""
    comments = [f"{MACHINE}{result.model}", f"{FINGERPRINT}{_fingerprint(result.key, result.text)}"]
    comments += [f"{DAMAGED}{problem}" for problem in result.problems]
    return Message(
        segment.text,
        result.text,
        locations=list(segment.locations),
        flags={"fuzzy"},
        auto_comments=comments,
    )


@dataclass
class CatalogStats:
    """Per language: how much is reviewed, machine-made, missing or damaged."""

    lang: str
    path: Path
    reviewed: int = 0
    machine: int = 0
    missing: int = 0
    damaged: int = 0
    obsolete: int = 0
    translated_now: int = 0
    model: str = ""
    missing_model: str = ""
    written: bool = False
    #: Readability figures (``cai_falc.metrics.Metrics``) of the translated segments.
    readability: Any = None

    @property
    def total(self) -> int:
        return self.reviewed + self.machine + self.missing + self.damaged

    def share(self, name: str) -> float:
        """Share (0..1) of the entries with status ``name``."""
        return getattr(self, name) / self.total if self.total else 0.0


def update_catalog(
    catalog: Catalog,
    current: list[Segment],
    machine: dict[str, MachineText],
) -> Catalog:
    """A new catalog: current segments in order (people's entries untouched), then obsolete."""
    fresh = Catalog(
        locale=catalog.locale,
        header_comment=catalog.header_comment,
        project=catalog.project,
        version=catalog.version,
        copyright_holder=catalog.copyright_holder,
        msgid_bugs_address=catalog.msgid_bugs_address,
        creation_date=catalog.creation_date,
        revision_date=catalog.revision_date,
        last_translator=catalog.last_translator,
        language_team=catalog.language_team,
        charset="utf-8",
        fuzzy=catalog.fuzzy,
    )
    wanted = {segment.text for segment in current}
    for segment in current:
        old = catalog.get(segment.text) or catalog.obsolete.get(segment.text)
        if segment.text in machine:
            message = machine_message(segment, machine[segment.text])
            if old is not None:
                message.user_comments = list(old.user_comments)  # a person's notes stay
            fresh[segment.text] = message
        elif old is not None:
            old.locations = list(segment.locations)
            fresh[segment.text] = old
        else:
            fresh[segment.text] = Message(segment.text, "", locations=list(segment.locations))
    for message in [*catalog, *catalog.obsolete.values()]:
        if not message.id or message.id in wanted or message.id in fresh.obsolete:
            continue
        if status(message) == "missing":
            continue  # nobody's work: nothing to keep
        message.locations = []
        fresh.obsolete[message.id] = message
    return fresh


def count(catalog: Catalog, current: list[Segment], stats: CatalogStats) -> CatalogStats:
    """Fill ``stats`` with the status counts of the current segments."""
    for name in STATUSES:
        setattr(stats, name, 0)
    for segment in current:
        name = status(catalog.get(segment.text))
        setattr(stats, name, getattr(stats, name) + 1)
    stats.obsolete = len(catalog.obsolete)
    return stats


# ----------------------------------------------------------------- for render / build


@dataclass(frozen=True)
class TranslatedBlock:
    """One segment in the target language; ``text`` is None when missing or damaged."""

    kind: str  # title | heading | sentence | bullet | word | explanation
    source: str
    text: str | None
    status: str
    line: int = 0
    model: str = ""


@dataclass(frozen=True)
class Translation:
    """A FALC text in one target language, block by block, with review status."""

    lang: str
    title: TranslatedBlock
    blocks: list[TranslatedBlock]
    words: list[tuple[TranslatedBlock, TranslatedBlock]]

    def all_blocks(self) -> list[TranslatedBlock]:
        """Title, body blocks, then difficult words and their explanations."""
        return [self.title, *self.blocks, *(b for pair in self.words for b in pair)]

    @property
    def machine(self) -> bool:
        """True when some text is machine output nobody reviewed: show the notice."""
        return any(b.status == "machine" for b in self.all_blocks())

    @property
    def complete(self) -> bool:
        """True when every block has a publishable text (reviewed or machine)."""
        return all(b.status in ("reviewed", "machine") for b in self.all_blocks())

    @property
    def models(self) -> list[str]:
        """The models that made the machine text, in order of first use."""
        return list(dict.fromkeys(b.model for b in self.all_blocks() if b.model))

    def counts(self) -> dict[str, int]:
        """Number of blocks per status."""
        out = dict.fromkeys(STATUSES, 0)
        for block in self.all_blocks():
            out[block.status] += 1
        return out


def _block(kind: str, source: str, line: int, catalog: Catalog) -> TranslatedBlock:
    message = catalog.get(source.strip()) if source.strip() else None
    name = status(message)
    text = message.string if message is not None and name in ("reviewed", "machine") else None
    model = (_comment(message, MACHINE) or "") if message is not None and name != "reviewed" else ""
    return TranslatedBlock(kind, source, text if isinstance(text, str) else None, name, line, model)


def translated_text(falc: FalcText, *, lang: str, catalog: Catalog) -> Translation:
    """The FALC text in ``lang`` as the catalog has it, with a status per block."""
    return Translation(
        lang=lang,
        title=_block("title", falc.title, 1, catalog),
        blocks=[_block(b.kind, b.text, b.line, catalog) for b in falc.blocks()],
        words=[
            (_block("word", term, 1, catalog), _block("explanation", expl, 1, catalog))
            for term, expl in falc.words.items()
        ],
    )
