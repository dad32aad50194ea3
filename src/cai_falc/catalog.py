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
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import (
    PoFileError,
    escape,
    normalize,
    read_po,
    unescape,
    write_po,
)

from . import storage
from .errors import CatalogError, InputError
from .fiche import FalcText

STATUSES = ("reviewed", "machine", "missing", "damaged")
MACHINE = "machine: "
DAMAGED = "damaged: "
FINGERPRINT = "cai-falc: "
#: On the draft of a sentence an editor changed: the translation reviewed before.
PREVIOUS = "relu pour l'ancienne phrase : "


@dataclass
class Segment:
    """A French text to translate, with where it appears (file, line)."""

    text: str
    locations: list[tuple[str, int]] = field(default_factory=list)


def segments(falc_texts: Iterable[FalcText], *, root: Path | None = None) -> list[Segment]:
    """Every distinct segment of the FALC texts, in reading order."""
    found: dict[str, Segment] = {}

    def add(text: str, falc: FalcText, line: int) -> None:
        text = nfc(text.strip())
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


def nfc(text: str) -> str:
    """``text`` with composed accents: « é » typed or pasted as « e » + accent matches."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


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
    """Read ``path``; an absent file gives an empty catalog; a broken one a CatalogError.

    Files as Poedit, Weblate and people save them are accepted: BOM, CRLF, a legacy
    charset the header declares, ``#~|`` previous msgids of obsolete entries, tabs after
    keywords, ``msgctxt``. Several entries for one French sentence (with contexts, or
    obsolete and active) are folded into one, the person's work first (see
    :func:`_fold`); the others stay as obsolete entries.
    """
    if not path.exists():
        return new_catalog(lang)
    text = po_text(path)
    hint = "Fix the file in Poedit or a text editor; cai-falc will not overwrite it."
    problem = lint_po(text)
    if problem is not None:
        raise CatalogError(path, f"invalid PO file: {problem[1]}", line=problem[0], hint=hint)
    _check_language_header(path, text, hint)
    parsed, numbers, previous = _for_babel(text)
    try:
        catalog = read_po(io.StringIO(parsed), locale=lang, abort_invalid=True)
    except PoFileError as exc:
        line = numbers[min(exc.lineno, len(numbers) - 1)] if numbers else exc.lineno + 1
        raise CatalogError(
            path,
            f"invalid PO file: {exc.args[0] if exc.args else exc} ({exc.line.strip()!r})",
            line=line,
            hint=hint,
        ) from exc
    except (ValueError, KeyError) as exc:
        raise CatalogError(path, f"invalid PO file ({exc})", hint=hint) from exc
    if previous:
        for message in catalog:
            if message.lineno in previous:
                message.previous_id = [previous[message.lineno]]
    _fold(catalog)
    setattr(catalog, _EXTRA, _extra_headers(parsed))
    return catalog


#: Header fields Babel reads itself (and writes back from its own attributes).
_KNOWN_HEADERS = frozenset({
    "project-id-version", "report-msgid-bugs-to", "pot-creation-date", "po-revision-date",
    "last-translator", "language", "language-team", "plural-forms", "mime-version",
    "content-type", "content-transfer-encoding", "generated-by",
})
_EXTRA = "_cai_falc_extra_headers"


def _extra_headers(text: str) -> list[str]:
    """The header fields Babel forgets (``X-Generator``, ``X-Poedit-*``...), as lines.

    Babel drops them when it reads a file; writing the catalog without them would
    change a file Poedit or Weblate saved each time cai-falc runs after them.
    """
    lines = text.split("\n")
    strings: list[str] = []
    state = ""
    for line in lines:
        line = line.strip()
        if not line:
            if state:
                break
            continue
        if line.startswith("#"):
            continue
        if line.startswith("msgid "):
            if line != 'msgid ""' or state:
                break
            state = "msgid"
        elif line.startswith("msgstr "):
            state = "msgstr"
            strings.append(line[7:].strip())
        elif line.startswith('"') and state == "msgstr":
            strings.append(line)
        elif state and line.startswith('"'):
            continue
        else:
            break
    header = "".join(unescape(part) for part in strings if len(part) >= 2)
    out = []
    for field_line in header.split("\n"):
        name, colon, _ = field_line.partition(":")
        if colon and name.strip() and name.strip().lower() not in _KNOWN_HEADERS:
            out.append(field_line.strip())
    return out


_LANGUAGE_RE = re.compile(r'^"Language:[ \t]*([^"\\]*?)[ \t]*(?:\\n)?"$', re.MULTILINE)


def _check_language_header(path: Path, text: str, hint: str) -> None:
    """A Language header Babel cannot parse is an error on its own line (Babel names
    another line, and a message about something else)."""
    from babel import Locale, UnknownLocaleError

    end = text.find("\n\n")
    match = _LANGUAGE_RE.search(text, 0, end if end >= 0 else len(text))
    if match is None or not match.group(1):
        return
    try:
        Locale.parse(match.group(1).replace("-", "_").split(".")[0].split("@")[0])
    except (ValueError, TypeError, UnknownLocaleError):
        raise CatalogError(
            path,
            f"the header's Language {match.group(1)!r} is not a language code "
            "such as 'en', 'pt_BR' or 'zh_Hans'",
            line=text.count("\n", 0, match.start()) + 1,
            hint=hint,
        ) from None


def po_text(path: Path, *, max_bytes: int = storage.MAX_INPUT_BYTES) -> str:
    """The text of a catalog file as Poedit, Weblate and people save it: UTF-8 (with a
    BOM or not), the legacy charset its header declares, or UTF-16 (Notepad's
    "Unicode"). The checker reads catalogs with it too, so both see the same text."""
    try:
        decoded = storage.read_text(path, allow_empty=True, max_bytes=max_bytes)
    except InputError as exc:
        text = _utf16(path)  # Notepad's "Unicode"; storage takes its NULs for binary
        if text is None:
            raise CatalogError(path, exc.message.split(": ", 1)[-1], hint=exc.hint) from exc
        return text
    if decoded.encoding == "windows-1252":  # not UTF-8: the header must say what
        return _decode_legacy(path)
    return decoded.text


def _utf16(path: Path) -> str | None:
    """The text of a UTF-16 file with its byte order mark, else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise CatalogError(
            path, "the file is damaged UTF-16", hint="Save it again as UTF-8."
        ) from exc
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


_CHARSET_RE = re.compile(rb"charset=([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def _decode_legacy(path: Path) -> str:
    """A catalog that is not UTF-8, decoded with the charset its header declares.

    Guessing would turn a Cyrillic or Arabic translation saved as Windows-1251 or
    -1256 into mojibake, and rewriting the file would make the loss permanent.
    """
    import codecs

    data = path.read_bytes()
    match = _CHARSET_RE.search(data[:4096])
    declared = match.group(1).decode("ascii") if match else ""
    try:
        codec = codecs.lookup(declared).name if declared else "utf-8"
    except LookupError:
        line = data[: match.start()].count(b"\n") + 1 if match else 1
        raise CatalogError(
            path,
            f"unknown charset {declared!r} in the header",
            line=line,
            hint="Save the file again as UTF-8 (Poedit: File > Save).",
        ) from None
    if codec in ("utf-8", "utf-8-sig"):
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            said = f"its header says charset={declared}" if declared else "it has no charset"
            raise CatalogError(
                path,
                f"the file is not UTF-8 but {said} (byte 0x{data[exc.start]:02X})",
                line=line,
                hint="It was probably saved as Latin-1 or Windows-125x: save it again as "
                "UTF-8 (Poedit does it) or correct the charset in its header; "
                "cai-falc will not overwrite it.",
            ) from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogError(
            path,
            f"the file is not in the charset its header says ({declared})",
            line=line,
            hint="Save the file again as UTF-8; cai-falc will not overwrite it.",
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


_OBSOLETE_PREVIOUS_RE = re.compile(r"^#~\s*\|")
_TAB_AFTER_KEYWORD_RE = re.compile(
    r"^(\s*(?:#~\s*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?))[ \t]+"
)


def _for_babel(text: str) -> tuple[str, list[int], dict[int, str]]:
    """``text`` as Babel's reader takes it, the file's line number of each of its lines,
    and the previous msgids (``#| msgid``) by the line of the msgid they belong to.

    Babel rejects two things gettext and Poedit write: ``#~|`` lines (the previous
    msgid of an obsolete entry: dropped, they only help a reviewer) and a tab between
    a keyword and its string. It reads ``#| msgid`` as a translator comment (and
    writes it back as ``# | msgid``, another comment each time): those lines are
    taken out here and put back as ``previous_id``.
    """
    lines: list[str] = []
    numbers: list[int] = []
    previous: dict[int, str] = {}
    pending: list[str] = []
    in_previous_msgid = False
    for number, line in enumerate(text.split("\n"), 1):
        if _OBSOLETE_PREVIOUS_RE.match(line):
            continue
        if line.startswith("#|"):
            rest = line[2:].strip()
            if rest.startswith("msgid "):
                pending, in_previous_msgid = [rest[6:].strip()], True
            elif rest.startswith('"') and in_previous_msgid:
                pending.append(rest)
            else:
                in_previous_msgid = False
            continue
        line = _TAB_AFTER_KEYWORD_RE.sub(r"\1 ", line)
        lines.append(line)
        numbers.append(number)
        if line.startswith("msgid "):
            if pending:
                previous[len(lines)] = "".join(unescape(part) for part in pending)
            pending, in_previous_msgid = [], False
        elif not line.strip() or re.match(r"#~\s*msgid ", line):
            pending, in_previous_msgid = [], False  # not this entry's: an obsolete one's
    return "\n".join(lines), numbers, previous


def _rank(message: Message) -> int:
    """Whose work an entry is: 0 reviewed, 1 a person's draft, 2 machine, 3 nothing."""
    name = status(message)
    if name == "reviewed":
        return 0
    if name == "missing":
        return 1 if _has_text(message) else 3
    return 2 if _untouched(message) else 1


def _has_text(message: Message) -> bool:
    string = message.string
    if isinstance(string, str):
        return bool(string.strip())
    return any(isinstance(s, str) and s.strip() for s in string or ())


def _fold(catalog: Catalog) -> None:
    """One entry per French sentence, found by ``catalog.get(sentence)``.

    Weblate or a person may add a ``msgctxt``, and an obsolete entry may hold the
    reviewed translation of a sentence whose active entry is a machine draft: the
    best entry (reviewed, then a person's draft, then machine) becomes the entry of
    the sentence, without context; the other entries a person wrote stay obsolete.
    """
    groups: dict[str, list[tuple[Message, bool]]] = {}
    for message in catalog:
        if message.id and isinstance(message.id, str):
            groups.setdefault(nfc(message.id), []).append((message, True))
    for message in catalog.obsolete.values():
        if message.id and isinstance(message.id, str):
            groups.setdefault(nfc(message.id), []).append((message, False))
    for text, items in groups.items():
        if len(items) == 1 and items[0][0].context is None and items[0][0].id == text:
            continue
        active = any(is_active for _, is_active in items)
        ranked = sorted(items, key=lambda i: (_rank(i[0]), i[0].context is not None, not i[1]))
        for message, is_active in items:
            if is_active:
                catalog.delete(message.id, context=message.context)
            else:
                del catalog.obsolete[catalog._key_for(message.id, message.context)]
        best = ranked[0][0]
        best.context = None
        best.id = text  # decomposed accents (macOS, some editors) written composed
        if active:
            catalog[text] = best
        else:
            catalog.obsolete[text] = best
        for message, _ in ranked[1:]:
            if _rank(message) <= 1 and message.string != best.string:
                keep_obsolete(catalog, message)


def keep_obsolete(catalog: Catalog, message: Message) -> None:
    """Add ``message`` to the obsolete entries of ``catalog``, under a key of its own."""
    message.locations = []
    key = catalog._key_for(message.id, message.context)
    base, n = message.context or "ancienne traduction", 1
    while key in catalog.obsolete:
        if catalog.obsolete[key].string == message.string:
            return
        n += 1
        message.context = f"{base} {n}"
        key = catalog._key_for(message.id, message.context)
    catalog.obsolete[key] = message


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

    dangling = 0  # the first line of comments no entry has followed yet
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#~"):
            if re.match(r"#~\s*msgstr", line):
                dangling = 0
            elif not re.match(r'#~\s*"', line):  # a continuation changes nothing
                dangling = dangling or number
            continue
        if line.startswith("#"):
            dangling = dangling or number
            continue
        if not line:
            continue
        dangling = 0
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
    if dangling:
        return dangling, (
            "the file ends with the comments of an entry that is not there: "
            "it looks cut short (truncated)"
        )
    return close()


def dump_catalog(catalog: Catalog) -> str:
    """The PO text of ``catalog``.

    Babel writes an obsolete entry without its flags and automatic comments: a
    machine draft (``fuzzy``) would come back as a reviewed line. Obsolete entries are
    written here, as gettext does (``#, fuzzy`` then ``#~ msgid``).
    """
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, include_previous=False, ignore_obsolete=True)
    text = _with_previous(buffer.getvalue().decode("utf-8"), catalog)
    extra: list[str] = getattr(catalog, _EXTRA, [])
    if extra:
        start = text.find('msgid ""\nmsgstr ""\n')
        end = text.find("\n\n", start)
        if start >= 0 and end >= 0:
            present = text[start:end]
            lines = [escape(f"{h}\n") for h in extra if escape(f"{h}\n") not in present]
            text = text[:end] + "".join("\n" + line for line in lines) + text[end:]
    for message in catalog.obsolete.values():
        text += _obsolete_entry(message) + "\n"  # each entry then a blank line, as Babel
    return text


def _with_previous(text: str, catalog: Catalog) -> str:
    """``text`` with the ``#| msgid`` lines of the entries that have a previous msgid.

    Babel wraps a long previous msgid as a comment (``#| langue."`` on the next line),
    which no PO reader takes back: they are written here as strings, like msgids.
    """
    messages = [m for m in catalog if m.id and m.previous_id and isinstance(m.id, str)]
    if not messages:
        return text
    blocks = text.split("\n\n")
    wanted = {f"msgid {normalize(str(m.id), width=76)}": m for m in messages}
    for n, block in enumerate(blocks):
        lines = block.split("\n")
        starts = [i for i, line in enumerate(lines) if line.startswith(("msgctxt ", "msgid "))]
        if not starts:
            continue
        first_msgid = next((i for i in starts if lines[i].startswith("msgid ")), None)
        if first_msgid is None:
            continue
        msgid_text = "\n".join([lines[first_msgid], *_continuation(lines[first_msgid + 1 :])])
        message = wanted.get(msgid_text)
        if message is None:
            continue
        previous = message.previous_id[0] if message.previous_id else ""
        if not isinstance(previous, str) or not previous:
            continue
        insert = f"#| msgid {normalize(previous, prefix='#| ', width=76)}".split("\n")
        blocks[n] = "\n".join(lines[: starts[0]] + insert + lines[starts[0] :])
    return "\n\n".join(blocks)


def _continuation(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if not line.startswith('"'):
            break
        out.append(line)
    return out


def _obsolete_entry(message: Message, width: int = 76) -> str:
    lines = [f"# {c}".rstrip() for c in message.user_comments]
    lines += [f"#. {c}".rstrip() for c in message.auto_comments]
    flags = sorted(message.flags)
    if flags:
        lines.append("#, " + ", ".join(flags))

    def field(keyword: str, value: str) -> None:
        lines.append(f"#~ {keyword} " + normalize(value, prefix="#~ ", width=width))

    if message.context:
        field("msgctxt", message.context)
    ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
    field("msgid", ids[0])
    if len(ids) > 1:
        field("msgid_plural", ids[1])
        strings = message.string if isinstance(message.string, (list, tuple)) else [""]
        for n, string in enumerate(strings):
            field(f"msgstr[{n}]", string or "")
    else:
        string = message.string if isinstance(message.string, str) else ""
        field("msgstr", string)
    return "\n".join(lines) + "\n"


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
        if _leftover_placeholder(message):
            return "damaged"  # a reviewer kept a machine placeholder: not publishable
        return "reviewed"
    if _comment(message, DAMAGED) is not None and _untouched(message):
        return "damaged"
    return "machine"


_PLACEHOLDER_RE = re.compile(r"\bZX\d{1,3}\b")


def _leftover_placeholder(message: Message) -> bool:
    """True when the msgstr holds a ``ZX1``-like placeholder its French source has not."""
    string = message.string if isinstance(message.string, str) else ""
    return "ZX" in string and any(
        m.group() not in str(message.id) for m in _PLACEHOLDER_RE.finditer(string)
    )


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
    #: ``file:line: problem`` for reviewed lines that lost a number, phone or address.
    warnings: list[str] = field(default_factory=list)

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
    setattr(fresh, _EXTRA, list(getattr(catalog, _EXTRA, [])))
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
    taken = {id(message) for message in fresh}
    for message in [*catalog, *catalog.obsolete.values()]:
        if not message.id or id(message) in taken:
            continue
        if _rank(message) == 3:
            continue  # nobody's work: nothing to keep
        if message.id in wanted and _rank(message) == 2:
            continue  # a machine draft the machine just replaced
        keep_obsolete(fresh, message)
    _note_edited_sources(fresh, current)
    return fresh


def _note_edited_sources(catalog: Catalog, current: list[Segment]) -> None:
    """Show a reviewed translation whose French sentence an editor changed on the new draft.

    The old entry stays obsolete (``#~``); the draft of the closest new sentence gets
    the old msgid (``#| msgid``, which Poedit shows as a difference) and the reviewed
    translation in a comment, so the interpreter adapts it instead of starting again.
    """
    import difflib

    drafts = {}
    for segment in current:
        message = catalog.get(segment.text)
        if message is not None and _rank(message) >= 2:
            drafts[segment.text] = message
    if not drafts:
        return
    texts = list(drafts)
    for old in catalog.obsolete.values():
        if not isinstance(old.id, str) or not isinstance(old.string, str) or _rank(old):
            continue
        match = difflib.get_close_matches(old.id, texts, n=1, cutoff=0.6)
        if not match:
            continue
        message = drafts[match[0]]
        note = PREVIOUS + " ".join(old.string.split())
        if note not in message.auto_comments:
            message.auto_comments.append(note)
        message.previous_id = [old.id]


def count(catalog: Catalog, current: list[Segment], stats: CatalogStats) -> CatalogStats:
    """Fill ``stats`` with the status counts of the current segments."""
    for name in STATUSES:
        setattr(stats, name, 0)
    for segment in current:
        name = status(catalog.get(segment.text))
        setattr(stats, name, getattr(stats, name) + 1)
    stats.obsolete = len(catalog.obsolete)
    return stats


def review_warnings(path: Path, catalog: Catalog, current: list[Segment]) -> list[str]:
    """``path:line: problem`` for each reviewed line of ``current`` that lost something.

    A person's translation is never changed; but a changed year or phone number, or a
    machine placeholder left in it (``ZX1``: then it is not published), is said.
    """
    from .protect import check_reviewed

    out = []
    header = getattr(catalog.locale, "language", None)
    expected = path.stem.replace("-", "_").split("_")[0].lower()
    if header and expected.isalpha() and header.lower() != expected:
        out.append(
            f"{path}: the header says Language: {catalog.locale}, the file name {path.name}: "
            "is it the catalog of another language?"
        )
    found: list[tuple[str, str]] = []
    for segment in current:
        message = catalog.get(segment.text)
        if message is None or message.fuzzy or not isinstance(message.string, str):
            continue
        if not message.string.strip():
            continue
        if _leftover_placeholder(message):
            found.append((segment.text, "un marqueur de la traduction automatique (ZX1...) "
                          "est resté dans la traduction relue : elle n'est pas publiée"))
        for problem in check_reviewed(segment.text, message.string):
            found.append((segment.text, problem))
    if not found:
        return out
    lines: dict[str, int] = {}
    try:
        written = read_po(io.StringIO(path.read_text(encoding="utf-8")))
        lines = {m.id: m.lineno for m in written if isinstance(m.id, str) and m.lineno}
    except (OSError, ValueError, PoFileError):
        pass
    for text, problem in found:
        where = f"{path}:{lines[text]}" if text in lines else str(path)
        out.append(f"{where}: « {_short(text)} » : {problem}")
    return out


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
    message = catalog.get(nfc(source.strip())) if source.strip() else None
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
