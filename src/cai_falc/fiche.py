"""The data model: a source ``Fiche`` and its ``FalcText``, and their Markdown files.

A fiche file is ``fiches/<id>.md``: YAML front matter, then the body in Markdown.
Its FALC text is ``fiches/<id>.falc.md``. Both are read and written here only;
every stage works on these dataclasses. Writing what was read, unchanged, gives
the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import storage
from .errors import FicheError

FALC_SUFFIX = ".falc.md"
STATUSES = ("draft", "edited", "validated")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --------------------------------------------------------------------------- model


@dataclass
class Source:
    """A footnote of the fiche: ``[1] Académie de recherche ...``."""

    ref: str
    text: str


@dataclass
class Resource:
    """A downloadable resource named in the fiche."""

    label: str
    url: str = ""


@dataclass
class Thematiques:
    generales: list[str] = field(default_factory=list)
    specifiques: list[str] = field(default_factory=list)


@dataclass
class Categories:
    """Only the ticked boxes of the export's categories."""

    axes: list[str] = field(default_factory=list)
    thematiques: Thematiques = field(default_factory=Thematiques)


@dataclass
class Related:
    """A cross reference such as ``Cf. Fiche 38 – Modification Code nationalité``."""

    number: int
    label: str


@dataclass
class ReviewItem:
    """An editorial leftover found by the importer, for the editor to settle."""

    kind: str
    message: str
    line: int
    text: str = ""


@dataclass
class Imported:
    """Where the source part came from, and its hash when the importer wrote it."""

    export: str
    line: int
    hash: str


@dataclass
class Fiche:
    """A source fiche as imported from the CMS export."""

    id: str
    year: int
    title: str
    lead: str
    body: str
    sources: list[Source] = field(default_factory=list)
    jargon: dict[str, str] = field(default_factory=dict)
    resources: list[Resource] = field(default_factory=list)
    categories: Categories = field(default_factory=Categories)
    related: list[Related] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    imported: Imported | None = None
    #: Rule ids of the checker switched off for this fiche (people's choice).
    ignore: list[str] = field(default_factory=list)
    #: Front-matter keys that people added; kept as they are.
    extra: dict[str, Any] = field(default_factory=dict)
    path: Path | None = field(default=None, compare=False)
    #: Line in the file where the body starts (1-based), for error positions.
    body_line: int = field(default=1, compare=False)

    @property
    def filename(self) -> str:
        return f"{self.id}.md"

    @property
    def falc_filename(self) -> str:
        return f"{self.id}{FALC_SUFFIX}"

    def source_hash(self) -> str:
        """Hash of the source part (what the importer owns): changes when the text changes."""
        part = _source_part(self)
        return _source_hash(json.dumps(part, ensure_ascii=False), self.body)

    def text(self) -> str:
        """Title, lead and body as one plain text, for checking and simplifying."""
        return "\n\n".join(part for part in (self.title, self.lead, self.body) if part)


@dataclass
class Block:
    """One line of a FALC text: a heading, a sentence or a bullet."""

    kind: str  # "heading" | "sentence" | "bullet"
    text: str
    line: int


@dataclass
class FalcText:
    """The FALC version of a fiche: a draft by the tool, owned by people once edited."""

    id: str
    title: str
    body: str
    status: str = "draft"
    source_hash: str = ""
    generator: str = ""
    #: Hash of title, body and words as the generator wrote them: a draft whose
    #: content no longer matches was edited by a person, whatever its status says.
    draft_hash: str = ""
    #: "Mots difficiles": term -> short explanation.
    words: dict[str, str] = field(default_factory=dict)
    #: Date of this version of the text (printed on leaflets; set by the tool when it
    #: writes a new draft, by people when they edit or validate).
    date: datetime.date | None = None
    ignore: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    path: Path | None = field(default=None, compare=False)
    body_line: int = field(default=1, compare=False)

    def content_hash(self) -> str:
        """Hash of what people may edit: title, body and words."""
        return _content_hash(self.title, self.body, json.dumps(self.words, ensure_ascii=False))

    @property
    def human_owned(self) -> bool:
        """True once a person edited or validated it: no command may overwrite it."""
        # The tool always records draft_hash; a text without it was written by a person
        # (e.g. from scratch, leaving the default status), so it is theirs too.
        return self.status != "draft" or self.draft_hash != self.content_hash()

    def is_stale(self, fiche: Fiche) -> bool:
        """True when the source fiche changed since this text was made from it."""
        return self.source_hash != fiche.source_hash()

    def blocks(self) -> list[Block]:
        """The body as headings, sentences (one per line) and bullets, with line numbers."""
        out: list[Block] = []
        for offset, raw in enumerate(self.body.split("\n")):
            line = raw.strip()
            if not line or line.startswith("<!--"):
                continue
            number = self.body_line + offset
            if line.startswith("#"):
                out.append(Block("heading", line.lstrip("#").strip(), number))
            elif line[:2] in ("- ", "* ", "• "):
                out.append(Block("bullet", line[2:].strip(), number))
            else:
                out.append(Block("sentence", line, number))
        return out


def today() -> datetime.date:
    """Today's date, or the one ``SOURCE_DATE_EPOCH`` fixes (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


# ------------------------------------------------------------------ serialisation


# libyaml's parser when it is there: ten times faster, same data.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode kept, long lines never folded: diffs stay readable."""


def _str_presenter(dumper: yaml.representer.SafeRepresenter, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)

_FastDumper: Any = None
if hasattr(yaml, "CSafeDumper"):

    class _CDumper(yaml.CSafeDumper):
        """libyaml's emitter, same settings: ten times faster than _Dumper."""

    _CDumper.add_representer(str, _str_presenter)
    _FastDumper = _CDumper

# Characters both emitters write the same way (tested on random strings full of YAML's
# special characters). Outside them (emoji, control and invisible format characters...)
# libyaml escapes differently, and the YAML text is what the stored hashes are made of.
_SAME_IN_BOTH = re.compile(r"[\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]*\Z")


def _plain(data: Any) -> bool:
    """True when every string in ``data`` is written alike by both emitters."""
    if isinstance(data, str):
        return _SAME_IN_BOTH.match(data) is not None
    if isinstance(data, dict):
        return all(_plain(k) and _plain(v) for k, v in data.items())
    if isinstance(data, list | tuple):
        return all(_plain(v) for v in data)
    return True


def _dump_yaml(data: Any) -> str:
    dumper = _FastDumper if _FastDumper is not None and _plain(data) else _Dumper
    return yaml.dump(
        data,
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )


@functools.lru_cache(maxsize=4096)
def _source_hash(part_json: str, body: str) -> str:
    # Hashed over the YAML text as written in the file (the definition the stored
    # hashes use); memoised because YAML dumping is slow and builds ask often.
    return storage.digest(_dump_yaml(json.loads(part_json)), body)


@functools.lru_cache(maxsize=4096)
def _content_hash(title: str, body: str, words_json: str) -> str:
    return storage.digest(title, body, _dump_yaml(json.loads(words_json)))


def _source_part(fiche: Fiche) -> dict[str, Any]:
    """The importer-owned front matter, in file order."""
    return {
        "id": fiche.id,
        "year": fiche.year,
        "title": fiche.title,
        "lead": fiche.lead,
        "sources": [dataclasses.asdict(s) for s in fiche.sources],
        "jargon": dict(fiche.jargon),
        "resources": [dataclasses.asdict(r) for r in fiche.resources],
        "categories": dataclasses.asdict(fiche.categories),
        "related": [dataclasses.asdict(r) for r in fiche.related],
        "review": [dataclasses.asdict(r) for r in fiche.review],
    }


def dump_fiche(fiche: Fiche) -> str:
    """The text of a fiche file."""
    meta = _source_part(fiche)
    if fiche.imported is not None:
        meta["imported"] = dataclasses.asdict(fiche.imported)
    if fiche.ignore:
        meta["ignore"] = list(fiche.ignore)
    meta.update(fiche.extra)
    return _join(meta, fiche.body)


def dump_falc(text: FalcText) -> str:
    """The text of a FALC file."""
    meta: dict[str, Any] = {
        "id": text.id,
        "title": text.title,
        "status": text.status,
        "source_hash": text.source_hash,
        "generator": text.generator,
        "draft_hash": text.draft_hash,
    }
    if text.date is not None:
        meta["date"] = text.date
    meta["words"] = dict(text.words)
    if text.ignore:
        meta["ignore"] = list(text.ignore)
    meta.update(text.extra)
    return _join(meta, text.body)


def _join(meta: dict[str, Any], body: str) -> str:
    body = body.strip("\n")
    return f"---\n{_dump_yaml(meta)}---\n\n{body}\n" if body else f"---\n{_dump_yaml(meta)}---\n"


def _split(text: str, path: Path) -> tuple[dict[str, Any], str, int, list[str]]:
    """Front matter (parsed), body, the body's first line, and the front-matter lines."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FicheError(
            path,
            "the file does not start with front matter ('---' on the first line)",
            line=1,
            hint="A fiche starts with '---', YAML fields (id, year, title, lead...), then '---'.",
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise FicheError(path, "the front matter is not closed by a '---' line", line=1) from None
    fm_lines = lines[1:end]
    try:
        meta = yaml.load("\n".join(fm_lines), Loader=_Loader)
    except yaml.YAMLError:
        meta = None
    try:
        if meta is None:  # libyaml failed (or found nothing): the Python parser says where
            meta = yaml.safe_load("\n".join(fm_lines))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise FicheError(
            path,
            f"invalid front matter: {problem}",
            line=line,
            hint="Check the indentation and quote values that contain ':' or '#'.",
        ) from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FicheError(path, "the front matter must be a list of 'key: value' fields", line=2)
    body_start = end + 1
    while body_start < len(lines) and not lines[body_start].strip():
        body_start += 1
    body = "\n".join(lines[body_start:]).rstrip("\n")
    return meta, body, body_start + 1, fm_lines


class _Fields:
    """Typed access to front-matter fields with precise errors."""

    def __init__(self, meta: dict[str, Any], path: Path, fm_lines: list[str]) -> None:
        self.meta = meta
        self.path = path
        self.fm_lines = fm_lines

    def line_of(self, key: str) -> int:
        for i, line in enumerate(self.fm_lines):
            if line.startswith(f"{key}:"):
                return i + 2
        return 1

    def error(self, key: str, message: str, hint: str | None = None) -> FicheError:
        return FicheError(self.path, message, line=self.line_of(key), field=key, hint=hint)

    def required(self, key: str, kind: type) -> Any:
        if key not in self.meta or self.meta[key] is None:
            raise FicheError(
                self.path,
                "missing required field",
                line=1,
                field=key,
                hint=f"Add '{key}:' to the front matter.",
            )
        return self.typed(key, kind)

    def optional(self, key: str, kind: type, default: Any) -> Any:
        if key not in self.meta or self.meta[key] is None:
            return default
        return self.typed(key, kind)

    def typed(self, key: str, kind: type) -> Any:
        value = self.meta[key]
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if kind is int and isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = {str: "text", int: "a whole number", list: "a list", dict: "a mapping"}
            raise self.error(key, f"expected {names.get(kind, kind.__name__)}, got {value!r}")
        return value

    def records(self, key: str, cls: type, required: tuple[str, ...]) -> list[Any]:
        items = self.optional(key, list, [])
        out = []
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise self.error(key, f"item {n} must be a mapping, got {item!r}")
            missing = [k for k in required if k not in item]
            unknown = [k for k in item if k not in {f.name for f in dataclasses.fields(cls)}]
            if missing or unknown:
                what = (
                    f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(unknown)}"
                )
                raise self.error(key, f"item {n}: {what}")
            try:
                out.append(cls(**item))
            except TypeError as exc:
                raise self.error(key, f"item {n}: {exc}") from exc
        return out

    def str_list(self, key: str) -> list[str]:
        value = self.optional(key, list, [])
        if not all(isinstance(v, str) for v in value):
            raise self.error(key, "expected a list of texts")
        return list(value)

    def str_map(self, key: str) -> dict[str, str]:
        value = self.optional(key, dict, {})
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise self.error(key, "expected 'term: explanation' pairs of texts")
        return dict(value)


_FICHE_KEYS = (
    "id year title lead sources jargon resources categories related review imported ignore".split()
)
_FALC_KEYS = "id title status source_hash generator draft_hash date words ignore".split()


def _check_id(f: _Fields) -> str:
    value = f.required("id", str)
    if not _ID_RE.match(value):
        raise f.error(
            "id", f"{value!r} is not a slug", "Use lower-case letters, digits and '-' only."
        )
    return str(value)


def parse_fiche(text: str, path: Path) -> Fiche:
    """Parse the text of a fiche file; raise :class:`FicheError` naming file, line and field."""
    meta, body, body_line, fm_lines = _split(text, path)
    f = _Fields(meta, path, fm_lines)
    cats = f.optional("categories", dict, {})
    them = cats.get("thematiques") or {}
    if not isinstance(them, dict) or not isinstance(cats.get("axes") or [], list):
        raise f.error("categories", "expected 'axes' and 'thematiques' (generales, specifiques)")
    imported = f.optional("imported", dict, None)
    if imported is not None:
        try:
            imported = Imported(**imported)
        except TypeError as exc:
            raise f.error("imported", f"expected export, line and hash ({exc})") from exc
    year = f.required("year", int)
    if not 1900 <= year <= 2100:
        raise f.error("year", f"{year} is not a plausible year")
    return Fiche(
        id=_check_id(f),
        year=year,
        title=f.required("title", str),
        lead=f.optional("lead", str, ""),
        body=body,
        sources=f.records("sources", Source, ("ref", "text")),
        jargon=f.str_map("jargon"),
        resources=f.records("resources", Resource, ("label",)),
        categories=Categories(
            axes=list(cats.get("axes") or []),
            thematiques=Thematiques(
                generales=list(them.get("generales") or []),
                specifiques=list(them.get("specifiques") or []),
            ),
        ),
        related=f.records("related", Related, ("number", "label")),
        review=f.records("review", ReviewItem, ("kind", "message", "line")),
        imported=imported,
        ignore=f.str_list("ignore"),
        extra={k: v for k, v in meta.items() if k not in _FICHE_KEYS},
        path=path,
        body_line=body_line,
    )


def _date(f: _Fields, key: str) -> datetime.date | None:
    value = f.meta.get(key)
    if value is None or (
        isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    ):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise f.error(key, f"{value!r} is not a date", "Write it as YYYY-MM-DD, e.g. 2025-03-12.")


def parse_falc(text: str, path: Path) -> FalcText:
    """Parse the text of a FALC file; raise :class:`FicheError` naming file, line and field."""
    meta, body, body_line, fm_lines = _split(text, path)
    f = _Fields(meta, path, fm_lines)
    status = f.optional("status", str, "draft")
    if status not in STATUSES:
        raise f.error(
            "status", f"{status!r} is not a status", f"Use one of: {', '.join(STATUSES)}."
        )
    return FalcText(
        id=_check_id(f),
        title=f.required("title", str),
        body=body,
        status=status,
        source_hash=f.optional("source_hash", str, ""),
        generator=f.optional("generator", str, ""),
        draft_hash=f.optional("draft_hash", str, ""),
        words=f.str_map("words"),
        date=_date(f, "date"),
        ignore=f.str_list("ignore"),
        extra={k: v for k, v in meta.items() if k not in _FALC_KEYS},
        path=path,
        body_line=body_line,
    )


def read_fiche(path: Path) -> Fiche:
    """Read a fiche file."""
    return parse_fiche(storage.read_text(path).text, path)


def read_falc(path: Path) -> FalcText:
    """Read a FALC file."""
    return parse_falc(storage.read_text(path).text, path)


def write_fiche(fiche: Fiche, path: Path | None = None) -> bool:
    """Write a fiche file atomically; return False if it already held exactly this."""
    target = path or fiche.path
    if target is None:
        raise ValueError("write_fiche needs a path")
    return storage.write_text(target, dump_fiche(fiche))


def write_falc(text: FalcText, path: Path | None = None) -> bool:
    """Write a FALC file atomically; return False if it already held exactly this."""
    target = path or text.path
    if target is None:
        raise ValueError("write_falc needs a path")
    return storage.write_text(target, dump_falc(text))


def fiche_paths(folder: Path) -> list[Path]:
    """The source fiche files of a folder (not the FALC texts), sorted by name."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.glob("*.md")
        if not p.name.endswith(FALC_SUFFIX) and not p.name.startswith(".")
    )


def falc_file(fiche: Fiche, folder: Path) -> Path:
    """Where the FALC text of ``fiche`` lives: beside its file, else in ``folder``."""
    if fiche.path is not None:
        return falc_path(fiche.path)
    return folder / fiche.falc_filename


def falc_path(fiche_file: Path) -> Path:
    """Where the FALC text of a fiche file lives."""
    return fiche_file.with_name(fiche_file.name[: -len(".md")] + FALC_SUFFIX)


# ------------------------------------------------------------------ the fiches folder


@dataclass
class FicheSet:
    """Every fiche and FALC text of a folder, and every problem found while loading them."""

    folder: Path
    fiches: list[Fiche] = field(default_factory=list)
    falc_texts: list[FalcText] = field(default_factory=list)
    #: One error per bad file or inconsistency; loading never stops at the first one.
    errors: list[FicheError] = field(default_factory=list)

    def fiche(self, fiche_id: str) -> Fiche | None:
        """The fiche with this id, or None."""
        return next((f for f in self.fiches if f.id == fiche_id), None)

    def falc_for(self, fiche_id: str) -> FalcText | None:
        """The FALC text of a fiche, or None if it has none (yet)."""
        return next((t for t in self.falc_texts if t.id == fiche_id), None)


def load_folder(folder: Path) -> FicheSet:
    """Load every fiche and FALC file of ``folder``, collecting errors instead of raising.

    Also checks what no single file can: ids unique and equal to the file names, and each
    FALC text beside an existing fiche.
    """
    from .errors import InputError  # read_text's errors (binary, empty...) for a bad file

    result = FicheSet(folder=folder)
    if not folder.is_dir():
        return result
    for path in fiche_paths(folder):
        try:
            result.fiches.append(read_fiche(path))
        except FicheError as exc:
            result.errors.append(exc)
        except InputError as exc:
            result.errors.append(FicheError(exc.path, exc.message, line=exc.line, hint=exc.hint))
    for path in sorted(folder.glob(f"*{FALC_SUFFIX}")):
        if path.name.startswith("."):
            continue
        try:
            result.falc_texts.append(read_falc(path))
        except FicheError as exc:
            result.errors.append(exc)
        except InputError as exc:
            result.errors.append(FicheError(exc.path, exc.message, line=exc.line, hint=exc.hint))
    seen: dict[str, Path] = {}
    items: list[Fiche | FalcText] = [*result.fiches, *result.falc_texts]
    for item in items:
        assert item.path is not None
        is_falc = isinstance(item, FalcText)
        expected = item.path.name[: -len(FALC_SUFFIX)] if is_falc else item.path.stem
        if item.id != expected:
            result.errors.append(
                _id_error(
                    item.path,
                    f"the id {item.id!r} does not match the file name",
                    f"Rename the file to {item.id}{'.falc' if is_falc else ''}.md "
                    f"or set 'id: {expected}'.",
                )
            )
        if isinstance(item, Fiche):
            if item.id in seen:
                result.errors.append(
                    _id_error(
                        item.path,
                        f"the id {item.id!r} is already used by {seen[item.id].name}",
                        "Each fiche needs its own id.",
                    )
                )
            seen.setdefault(item.id, item.path)
    for text in result.falc_texts:
        assert text.path is not None
        if text.id not in seen:
            result.errors.append(
                _id_error(
                    text.path,
                    f"no source fiche {text.id}.md for this FALC text",
                    "Import the fiche, fix the id, or delete the orphan FALC file.",
                )
            )
    return result


def _id_error(path: Path, message: str, hint: str) -> FicheError:
    """A problem with a file's ``id``, pointing at its line."""
    return FicheError(path, message, line=_line_of_key(path, "id"), field="id", hint=hint)


def _line_of_key(path: Path, key: str) -> int:
    """The line of ``key:`` in a file's front matter (1 if not found)."""
    from .errors import InputError

    try:
        lines = storage.read_text(path).text.split("\n")
    except InputError:
        return 1
    for number, line in enumerate(lines[1:], 2):
        if line.strip() == "---":
            break
        if line.startswith(f"{key}:"):
            return number
    return 1
