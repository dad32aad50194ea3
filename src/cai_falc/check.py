"""The checking stage: FALC rule findings and readability figures for any text.

:func:`check_text` is the pure function (a string in, a :class:`CheckResult` out).
:func:`read_document` turns a file (fiche, FALC text, PO catalog, any text) into the
text to check, with everything that is not prose (front matter, keys, Markdown syntax)
blanked out in place, so that every finding keeps the file's real line and column.
Findings can be switched off for one line (``<!-- falc: ignore passive -->`` on the
line before), for a file (``ignore: [passive]`` in its front matter) or for the project
(``[check] disabled``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import french, metrics, rules, storage
from .config import CheckSettings, Settings
from .errors import CaiFalcError, InputError
from .fiche import FALC_SUFFIX, FalcText, Fiche, parse_falc, parse_fiche
from .glossary import Glossary
from .metrics import Metrics
from .rules import Finding

__all__ = [
    "CheckResult", "Document", "Finding", "check_document", "check_falc", "check_fiche",
    "check_paths", "check_text",
    "exit_code", "format_html", "format_json", "format_text", "read_document", "words_box",
]

#: Largest file the checker reads. A fiche is a few dozen kB; the checker reads about
#: 15 000 words per second, so 1 MB (150 000 words) is about ten seconds.
MAX_CHECK_BYTES = 1024 * 1024
_IGNORE_RE = re.compile(r"<!--\s*falc:\s*ignore\b([^>]*?)-->", re.IGNORECASE)


@dataclass
class CheckResult:
    """Findings and figures of one checked text."""

    path: str
    lang: str
    metrics: Metrics
    findings: list[Finding] = field(default_factory=list)
    #: The text that was checked (blanked where it is not prose), for highlighting.
    text: str = field(default="", repr=False)
    #: ``fiche``, ``falc``, ``po`` or ``text``.
    kind: str = "text"

    def count(self, severity: str) -> int:
        """How many findings of a severity."""
        return sum(1 for f in self.findings if f.severity == severity)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form: path, lang, metrics, findings."""
        return {
            "path": self.path,
            "lang": self.lang,
            "metrics": self.metrics.as_dict(per_sentence=True),
            "findings": [f.as_dict() for f in self.findings],
        }


@dataclass
class Document:
    """A file read for checking: its prose (blanked elsewhere) and what surrounds it."""

    path: str
    text: str
    kind: str = "text"
    lang: str = "fr"
    falc: bool = False
    ignore: tuple[str, ...] = ()
    explained: frozenset[str] = frozenset()
    #: The source fiche's text, for a FALC text whose fiche sits beside it.
    source: str | None = None
    #: For PO catalogs: each translated message as (first line, text).
    segments: list[tuple[int, str]] = field(default_factory=list)


def _check_settings(settings: Settings | CheckSettings | None) -> CheckSettings:
    if settings is None:
        return CheckSettings()
    if isinstance(settings, Settings):
        return settings.check
    return settings


def ignored_lines(text: str, *, first_line: int = 1) -> dict[int, frozenset[str]]:
    """Lines switched off by ``<!-- falc: ignore rule, rule -->`` on the line before.

    An empty set means every rule.
    """
    out: dict[int, frozenset[str]] = {}
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = _IGNORE_RE.search(line)
        if not m:
            continue
        ids = frozenset(x for x in re.split(r"[\s,]+", m.group(1).strip()) if x)
        # The next line that is not blank nor another comment.
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or lines[j].lstrip().startswith("<!--")):
            j += 1
        out[first_line + j] = ids
    return out


def _keep(f: Finding, lines: dict[int, frozenset[str]]) -> bool:
    ids = lines.get(f.line)
    return ids is None or (bool(ids) and f.rule not in ids)


#: Headings of the "Mots difficiles" box as a FALC draft prints it (``format_draft``).
_BOX_HEADINGS = frozenset(["mots difficiles", "les mots difficiles", "mots compliqués"])
_BOX_HEADING_RE = re.compile(r"^[ \t]*#{1,6}[ \t]+(.*?)[ \t:]*$")
_BOX_ENTRY_RE = re.compile(r"^[ \t]*[-•*][ \t]+(?P<term>[^:\n]{1,80}?)[ \t\u00a0]*:[ \t\u00a0]+\S")


def words_box(text: str, *, first_line: int = 1) -> list[tuple[str, int]]:
    """The entries of a FALC text's "Mots difficiles" section: (term, line) pairs.

    A draft printed on the screen (``cai-falc simplify texte.txt``) ends with this box, one
    ``- Terme : Explication.`` per line; a FALC file keeps it in its front matter
    (``words``). An explanation may take two short sentences on the entry's line: it is a
    box entry, not two sentences of the text on one line.
    """
    out: list[tuple[str, int]] = []
    inside = False
    for i, line in enumerate(text.split("\n")):
        m = _BOX_HEADING_RE.match(line)
        if m:
            inside = french.normalise(" ".join(m.group(1).split())) in _BOX_HEADINGS
            continue
        if inside:
            entry = _BOX_ENTRY_RE.match(line)
            if entry:
                out.append((" ".join(entry.group("term").split()), first_line + i))
    return out


def check_text(
    text: str,
    *,
    lang: str = "fr",
    settings: Settings | CheckSettings | None = None,
    glossary: Glossary | None = None,
    source: str | None = None,
    path: str | Path | None = None,
    ignore: Iterable[str] = (),
    falc: bool = False,
    explained: Iterable[str] = (),
    first_line: int = 1,
) -> CheckResult:
    """Check a text against the FALC rules and measure it."""
    check = _check_settings(settings)
    # FALC has one sentence per line; other prose may be hard-wrapped.
    sentences = french.sentences(text, first_line=first_line, join_wrapped=not falc)
    # The « Mots difficiles » box explains its terms in any text (a draft saved as .txt too).
    box = words_box(text, first_line=first_line)
    ctx = rules.Context(
        text=text,
        sentences=sentences,
        lang=lang,
        settings=check,
        falc=falc,
        glossary=glossary,
        explained=frozenset(french.normalise(e) for e in (*explained, *(t for t, _ in box))),
        box_lines=frozenset(line for _, line in box),
        source=source,
    )
    skip = set(ignore)
    lines = ignored_lines(text, first_line=first_line)
    findings = [f for f in rules.run(ctx, skip=skip) if _keep(f, lines)]
    m = metrics.from_sentences(sentences, lang=lang, rare_zipf=check.hard_word_zipf)
    m.rule_counts = _counts(findings)
    return CheckResult(str(path) if path is not None else "-", lang, m, findings, text)


def _counts(findings: Sequence[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.rule] = counts.get(f.rule, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: rules.ORDER.index(kv[0])
                       if kv[0] in rules.ORDER else 99))


def check_document(
    doc: Document,
    *,
    settings: Settings | CheckSettings | None = None,
    glossary: Glossary | None = None,
    ignore: Iterable[str] = (),
) -> CheckResult:
    """Check a document read by :func:`read_document`."""
    skip = (*doc.ignore, *ignore)
    if not doc.segments:
        result = check_text(
            doc.text, lang=doc.lang, settings=settings, glossary=glossary, source=doc.source,
            path=doc.path, ignore=skip, falc=doc.falc, explained=doc.explained,
        )
        result.kind = doc.kind
        return result
    # PO catalogs: each message on its own, the figures over all of them.
    check = _check_settings(settings)
    findings: list[Finding] = []
    sentences: list[french.Sentence] = []
    for line, text in doc.segments:
        r = check_text(text, lang=doc.lang, settings=check, glossary=glossary, path=doc.path,
                       ignore=skip, first_line=line)
        findings.extend(r.findings)
        sentences.extend(french.sentences(text, first_line=line))
    m = metrics.from_sentences(sentences, lang=doc.lang, rare_zipf=check.hard_word_zipf)
    m.rule_counts = _counts(findings)
    return CheckResult(doc.path, doc.lang, m, findings, doc.text, doc.kind)


def _head_and_body(head: Sequence[str], body: str, body_line: int) -> str:
    """Head lines (title, lead) from line 1, then the body at its real line in the file.

    Findings in the body then carry the file's line numbers; the lines in between are
    blank, so nothing else is checked.
    """
    head = [" ".join(h.split()) for h in head if h.strip()]
    gap = max(2, body_line - len(head))
    return "\n".join(head) + "\n" * gap + body if head else body


def falc_source_text(falc: FalcText) -> str:
    """A FALC text as checked and shown: its title as a heading, its body at its lines."""
    return _head_and_body([f"# {falc.title}"] if falc.title else [], falc.body, falc.body_line)


def fiche_source_text(fiche: Fiche) -> str:
    """A fiche as checked and shown: title and lead, then its body at its lines."""
    return _head_and_body([f"# {fiche.title}", fiche.lead], fiche.body, fiche.body_line)


def check_falc(
    falc: FalcText,
    *,
    fiche: Fiche | None = None,
    settings: Settings | CheckSettings | None = None,
    glossary: Glossary | None = None,
) -> CheckResult:
    """Check a FALC text (its title and body; see :func:`falc_source_text`)."""
    result = check_text(
        falc_source_text(falc), lang="fr", settings=settings, glossary=glossary,
        source=fiche.text() if fiche is not None else None,
        path=falc.path or f"{falc.id}{FALC_SUFFIX}", ignore=falc.ignore, falc=True,
        explained=falc.words,
    )
    result.kind = "falc"
    return result


def check_fiche(
    fiche: Fiche,
    *,
    settings: Settings | CheckSettings | None = None,
    glossary: Glossary | None = None,
) -> CheckResult:
    """Check a source fiche (title, lead and body; see :func:`fiche_source_text`)."""
    result = check_text(
        fiche_source_text(fiche), lang="fr", settings=settings, glossary=glossary,
        path=fiche.path or fiche.filename, ignore=fiche.ignore, explained=fiche.jargon,
    )
    result.kind = "fiche"
    return result


# ------------------------------------------------------------------------ reading

_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*):(.*)$")
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\(([^)\n]*)\)")
_EMPH_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _blank(s: str) -> str:
    return " " * len(s)


def _mask_markdown(line: str) -> str:
    """Markdown syntax blanked, same length: links keep their label, bold its words."""
    line = _LINK_RE.sub(lambda m: " " + m.group(1) + _blank("](" + m.group(2) + ")"), line)
    return _EMPH_RE.sub(lambda m: _blank(m.group(1)) + m.group(2) + _blank(m.group(1)), line)


def _mask(raw: str, keep: Sequence[str]) -> str:
    """The file with its front matter blanked except the values of ``keep`` (title, lead)."""
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "---":
        return "\n".join(_mask_markdown(x) for x in lines)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return raw
    out = [""]
    current: str | None = None
    for line in lines[1:end]:
        m = _KEY_RE.match(line)
        if m:
            current = m.group(1)
            value = m.group(2)
            if current in keep:
                stripped = value.strip()
                if stripped in ("|", ">", "|-", ">-", "|+", ">+", ""):
                    out.append("")
                    continue
                col = len(line) - len(value) + (len(value) - len(value.lstrip()))
                text = stripped
                if len(text) >= 2 and text[0] in "\"'" and text[-1] == text[0]:
                    text = " " + text[1:-1].replace("''", "'").replace('\\"', '"') + " "
                # The title is a heading, as the build checks it (``# title``); the « # »
                # stands where its key was, so the columns stay the file's.
                lead = "#" + " " * (col - 1) if current == "title" and col >= 2 else " " * col
                out.append(lead + text)
            else:
                out.append("")
        elif current in keep and line.startswith((" ", "\t")):
            out.append(line)
        else:
            out.append("")
    out.append("")
    out.extend(_mask_markdown(x) for x in lines[end + 1 :])
    return "\n".join(out)


def _unescape_po(s: str) -> str:
    return s.replace('\\"', ' "').replace("\\n", "  ").replace("\\t", "  ").replace("\\\\", " \\")


def _read_po(path: str, raw: str, lang: str | None) -> Document:
    """Each msgstr of a catalog (header excepted) as a segment, in the catalog's language."""
    m = re.search(r'^"Language: *([A-Za-z_]+)', raw, re.MULTILINE)
    found = (m.group(1).split("_")[0].lower() if m else "") or Path(path).stem.split("_")[0]
    segments: list[tuple[int, str]] = []
    lines = raw.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("msgstr"):
            parts: list[tuple[int, str]] = []
            m2 = re.match(r'msgstr(?:\[\d+\])?\s*"(.*)"\s*$', line)
            if m2:
                parts.append((i + 1, m2.group(1)))
            j = i + 1
            while j < len(lines) and lines[j].startswith('"'):
                parts.append((j + 1, lines[j].strip()[1:-1]))
                j += 1
            text = "".join(_unescape_po(p) for _, p in parts)
            first = next((n for n, p in parts if p), parts[0][0] if parts else i + 1)
            # The header (msgid "") holds metadata, not prose.
            header = re.match(r"\s*(Project-Id-Version|Language|Content-Type)", text)
            if text.strip() and not header:
                segments.append((first, text))
            i = j
            continue
        i += 1
    return Document(path, raw, "po", lang or found or "fr", segments=segments)


def read_document(
    path: Path,
    *,
    text: str | None = None,
    lang: str | None = None,
    falc: bool | None = None,
) -> Document:
    """Read a file (or ``text`` for stdin) into a :class:`Document` to check."""
    if text is None and path.name.endswith(".po"):
        from .catalog import po_text  # the catalogs' own reading: charset, UTF-16...

        raw = po_text(path, max_bytes=MAX_CHECK_BYTES)
    elif text is None:
        data = storage.read_text(path, max_bytes=MAX_CHECK_BYTES)
        raw = data.text
    else:
        raw = text
        if not raw.strip():
            raise InputError(path, "the text is empty", hint="Give some French text to check.")
    name = path.name
    if name.endswith(".po"):
        return _read_po(str(path), raw, lang)
    if name.endswith(FALC_SUFFIX):
        meta = _front_matter(raw, path, falc=True)
        source: str | None = None
        fiche_file = path.with_name(name[: -len(FALC_SUFFIX)] + ".md")
        if fiche_file.is_file():
            try:
                fiche_raw = storage.read_text(fiche_file).text
                source = _front_matter(fiche_raw, fiche_file)["text"]
            except CaiFalcError:
                source = None  # a broken fiche is reported when it is checked itself
        return Document(
            str(path), _mask(raw, ("title",)), "falc", lang or "fr",
            falc=True if falc is None else falc, ignore=tuple(meta["ignore"]),
            explained=frozenset(meta["words"]), source=source,
        )
    if raw.lstrip("\ufeff").startswith("---\n") and name.endswith(".md") and re.search(
        r"^id:", raw, re.MULTILINE
    ):
        meta = _front_matter(raw, path)
        return Document(
            str(path), _mask(raw, ("title", "lead")), "fiche", lang or "fr",
            falc=bool(falc), ignore=tuple(meta["ignore"]), explained=frozenset(meta["words"]),
        )
    return Document(str(path), _mask(raw, ()), "text", lang or "fr", falc=bool(falc))


def _fast_meta(raw: str) -> tuple[dict[str, Any] | None, str]:
    """Front matter (with the C YAML parser when there is one) and body; None if unusual."""
    text = raw.lstrip("\ufeff")
    end = text.find("\n---", 3)
    if not text.startswith("---\n") or end < 0:
        return None, text
    try:
        meta = yaml.load(text[4:end], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None, text
    body_start = text.find("\n", end + 4)
    return (meta if isinstance(meta, dict) else None), text[body_start + 1 :].strip("\n")


def _str_list(value: Any) -> list[str] | None:
    if value is None:
        return []
    return [str(x) for x in value] if isinstance(value, list) else None


def _str_map(value: Any) -> dict[str, str] | None:
    if value is None:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else None


def _front_matter(raw: str, path: Path, *, falc: bool = False) -> dict[str, Any]:
    """What the checker needs from a fiche or FALC file: ignore, explained words, and for a
    fiche its plain text. Read with the fast YAML parser; anything unusual goes through
    :func:`parse_fiche` / :func:`parse_falc`, whose errors name the file, line and field.
    """
    meta, body = _fast_meta(raw)
    if meta is not None:
        ignore = _str_list(meta.get("ignore"))
        words = _str_map(meta.get("words" if falc else "jargon"))
        title, lead = meta.get("title"), meta.get("lead") or ""
        if ignore is not None and words is not None and isinstance(title, str) and isinstance(
            lead, str
        ) and isinstance(meta.get("id"), str):
            text = "\n\n".join(part for part in (title, lead, body) if part)
            return {"ignore": ignore, "words": words, "text": text}
    if falc:
        t = parse_falc(raw, path)  # raises a FicheError that says what is wrong
        return {"ignore": t.ignore, "words": t.words, "text": t.body}
    fiche = parse_fiche(raw, path)
    return {"ignore": fiche.ignore, "words": fiche.jargon, "text": fiche.text()}


_SUFFIXES = (".md", ".txt", ".po")


def expand(paths: Sequence[Path]) -> list[Path]:
    """Files to check: files as given, folders searched for .md, .txt and .po files."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f for f in p.rglob("*")
                    if f.is_file() and f.name.endswith(_SUFFIXES) and not f.name.startswith(".")
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            )
        else:
            out.append(p)
    return out


def check_paths(
    paths: Sequence[Path],
    *,
    settings: Settings | CheckSettings | None = None,
    glossary: Glossary | None = None,
    lang: str | None = None,
    falc: bool | None = None,
) -> tuple[list[CheckResult], list[CaiFalcError]]:
    """Check every file; a bad file is collected as an error and the others go on."""
    results: list[CheckResult] = []
    errors: list[CaiFalcError] = []
    for path in expand(paths):
        try:
            doc = read_document(path, lang=lang, falc=falc)
        except CaiFalcError as exc:
            errors.append(exc)
            continue
        results.append(check_document(doc, settings=settings, glossary=glossary))
    return results, errors


def exit_code(results: Sequence[CheckResult], *, strict: bool = False) -> int:
    """1 when an error (or, with ``strict``, a warning) was found, else 0."""
    bad = {"error", "warning"} if strict else {"error"}
    return 1 if any(f.severity in bad for r in results for f in r.findings) else 0


# ------------------------------------------------------------------------- output

_SEVERITY_FR = {"error": "erreur", "warning": "avertissement", "info": "info"}


def _fmt(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}".replace(".", ",")


def summary_line(result: CheckResult) -> str:
    """One line of figures for a file, in French."""
    m = result.metrics
    parts = [
        f"{m.sentences} phrases",
        f"{_fmt(m.words_per_sentence)} mots/phrase (p90 {_fmt(m.words_per_sentence_p90, 0)}, "
        f"max {m.words_per_sentence_max})",
    ]
    if m.kandel_moles is not None:
        parts.append(f"Kandel-Moles {_fmt(m.kandel_moles)}")
    if m.flesch is not None:
        parts.append(f"Flesch {_fmt(m.flesch)}")
    parts.append(f"LIX {_fmt(m.lix)}")
    if m.rare_words is not None:
        parts.append(f"mots rares {_fmt(100 * m.rare_words, 0)} %")
    counts = (
        f"{result.count('error')} erreurs, {result.count('warning')} avertissements, "
        f"{result.count('info')} infos"
    )
    return f"{result.path} [{result.lang}]: {' · '.join(parts)} — {counts}"


def format_text(results: Sequence[CheckResult], *, figures: bool = True) -> str:
    """``file:line:col rule-id (severity) message « words »``, then figures per file."""
    lines = []
    for r in results:
        for f in r.findings:
            lines.append(
                f"{r.path}:{f.line}:{f.col} {f.rule} ({_SEVERITY_FR[f.severity]}) "
                f"{f.message} « {f.text} »"
            )
        if figures:
            lines.append(summary_line(r))
    return "\n".join(lines) + ("\n" if lines else "")


def format_json(results: Sequence[CheckResult]) -> str:
    """``{"files": [{"path", "lang", "metrics", "findings": [...]}]}``."""
    data = {"files": [r.as_dict() for r in results]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def format_html(results: Sequence[CheckResult], *, settings: Settings | None = None) -> str:
    """A small standalone page: figures and the text with findings highlighted."""
    from . import report

    return report.render_check_page(results, settings=settings)
