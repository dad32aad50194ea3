"""Writing FALC drafts next to the fiches without ever touching people's work.

A FALC file is (re)written only when it is absent or an untouched draft. An edited or
validated text is kept as it is; when its source fiche changed since it was made, it
is reported ``stale`` and the unified diff of the source change is written to
``output/stale/<id>.diff``. Its first line says where the old side came from.

The diff needs the source as it was, the version whose ``source_hash()`` the FALC text
records. Every draft written here leaves a copy of its source text in
``<cache>/sources/<source_hash>.txt``. That cache is not committed, so a fresh clone (or
a deleted cache) has none: the old version is then looked for in the project's git
history, read-only and offline: the version in the index (staged, not yet committed),
then the fiche file in each of the newest :data:`GIT_MAX_COMMITS` commits that touched it, and
the first one whose hash matches is used (and saved as the cache copy, so the next build
does not search again). When nothing is found (no git, not a repository, shallow clone,
a version never committed...) the diff says why and how to compare by hand; the build
never fails for it.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import storage
from ..errors import CaiFalcError
from ..fiche import Fiche, falc_file, parse_fiche, read_falc, today, write_falc
from ..glossary import Glossary
from .model import SimplifyOutcome

if TYPE_CHECKING:
    from ..config import Settings

#: Most commits that touched a fiche searched for the version a FALC text was made from.
GIT_MAX_COMMITS = 200
#: Seconds one git command may take before the search gives up.
GIT_TIMEOUT = 20.0
# Variables that would point git at another repository (set in git hooks, for instance).
_GIT_LOCATION_VARS = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
)


def _snapshot(settings: Settings, source_hash: str) -> Path:
    return settings.path("cache") / "sources" / f"{source_hash}.txt"


def _fiche_file(fiche: Fiche, settings: Settings) -> Path:
    """The fiche's file: where it was read from, else where the project keeps it."""
    return fiche.path or settings.path("fiches") / fiche.filename


@dataclass(frozen=True)
class OldSource:
    """The source text a FALC text was made from, and where it was found (in French)."""

    text: str
    origin: str


class _GitError(Exception):
    """A git command could not run or failed; the message (French) says why."""


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run a read-only git command in ``root``; its stdout, or :class:`_GitError`."""
    env = {k: v for k, v in os.environ.items() if k not in _GIT_LOCATION_VARS}
    env.update(GIT_TERMINAL_PROMPT="0", LC_ALL="C", LANGUAGE="C", GIT_OPTIONAL_LOCKS="0")
    command = ["git", "--no-pager", "-c", "core.fsmonitor=false", *args]
    try:
        done = subprocess.run(
            command,
            cwd=root,
            env=env,
            input=stdin if stdin is not None else b"",
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise _GitError("git n'est pas installé sur cet ordinateur") from None
    except subprocess.TimeoutExpired:
        raise _GitError(f"git n'a pas répondu en {GIT_TIMEOUT:.0f} s") from None
    except OSError as exc:
        raise _GitError(f"git n'a pas pu être lancé ({exc.strerror or exc})") from None
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _GitError(f"'git {args[0]}' a échoué : {error[0] if error else done.returncode}")
    return done.stdout


def _blobs(root: Path, specs: list[str]) -> Iterator[tuple[str, bytes]]:
    """The content of each ``<rev>:<path>`` that names a file, with its spec, in order."""
    if not specs:
        return
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{s}\n" for s in specs).encode())
    pos = 0
    try:
        for spec in specs:
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if header[-1:] in ([b"missing"], [b"ambiguous"]):  # "<spec> missing"
                continue
            size = int(header[2])
            if header[1] == b"blob":
                yield spec, out[pos : pos + size]
            pos += size + 1
    except (ValueError, IndexError):
        raise _GitError("réponse inattendue de 'git cat-file'") from None


def _from_git(path: Path, wanted: str, settings: Settings) -> OldSource | str:
    """The version of the fiche file ``path`` whose source hash is ``wanted``, from git.

    Returns why it was not found (French, for the diff) instead of raising.
    """
    root = settings.root
    try:
        lines = _git(root, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    except _GitError as exc:
        if "not a git repository" in str(exc).lower():
            return "le projet n'est pas dans un dépôt git"
        return str(exc)
    top, _, shallow = lines.decode("utf-8", "replace").partition("\n")
    try:
        relative = path.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    except ValueError:
        return f"{path} est hors du dépôt git {top.strip()}"
    try:
        try:
            listed = _git(
                root, "rev-list", f"--max-count={GIT_MAX_COMMITS}", "HEAD", "--", relative
            )
            commits = listed.decode("ascii", "replace").split()
        except _GitError:
            commits = []  # no commit yet (unborn HEAD): the index may still have it
        versions = list(_blobs(root, [f":{relative}", *(f"{c}:{relative}" for c in commits)]))
        # The index most often holds a committed version: then the commit is named.
        committed = {data for spec, data in versions if not spec.startswith(":")}
        seen: set[bytes] = set()
        for spec, data in versions:
            if data in seen or (spec.startswith(":") and data in committed):
                continue
            seen.add(data)
            try:
                version = parse_fiche(storage.decode(data, path).text, path)
            except CaiFalcError:
                continue  # a version that does not parse cannot be the one
            if version.source_hash() != wanted:
                continue
            commit = spec.partition(":")[0]
            if not commit:
                return OldSource(version.text(), "git, index (modification pas encore commitée)")
            about = _git(
                root,
                "log",
                "-1",
                "--no-show-signature",
                "--date=short",
                "--format=%h (%ad, %s)",
                commit,
            )
            return OldSource(
                version.text(), f"git, commit {about.decode('utf-8', 'replace').strip()}"
            )
    except _GitError as exc:
        return str(exc)
    if shallow.strip() == "true":
        return (
            "l'historique git de ce clone est incomplet (clone superficiel) : "
            "lancez 'git fetch --unshallow' puis relancez"
        )
    searched = f"les {len(commits)} derniers commits" if commits else "aucun commit"
    return (
        f"ni l'index git ni {searched} de {relative} n'ont la version de ce texte FALC "
        "(elle n'a sans doute jamais été commitée)"
    )


def old_source(fiche: Fiche, old_hash: str, *, settings: Settings) -> OldSource | str:
    """The source text a FALC text was made from: the cache copy, else from git.

    A version found in git is saved as the cache copy. When none is found, returns why
    (French, for the diff): never raises for it.
    """
    snapshot = _snapshot(settings, old_hash)
    shown = storage.project_name(snapshot, settings.root)
    if snapshot.is_file():
        try:
            text = storage.read_text(snapshot, allow_empty=True).text
        except CaiFalcError:
            pass  # unreadable copy: look in git as if it were gone
        else:
            return OldSource(text, f"cache de construction ({shown})")
    found = _from_git(_fiche_file(fiche, settings), old_hash, settings)
    if isinstance(found, str):
        return f"pas de copie dans le cache ({shown}), et {found}"
    try:
        storage.write_text(snapshot, found.text)
    except CaiFalcError:
        pass  # the cache only saves the next search
    return found


def _lines(text: str) -> list[str]:
    """The lines of a text, each ending with a newline (diff lines stay apart)."""
    return [f"{line}\n" for line in text.split("\n")] if text else []


def source_diff(fiche: Fiche, old_hash: str, *, settings: Settings) -> str:
    """Unified diff between the source a FALC text was made from and the fiche now.

    Its first line says where the old version came from (or why it was not found, and
    how to compare by hand).
    """
    found = old_source(fiche, old_hash, settings=settings)
    new = _lines(fiche.text())
    if isinstance(found, OldSource):
        head = [f"# Ancienne version de la fiche : {found.origin}\n"]
        old = _lines(found.text)
        if old == new:
            head.append(
                "# Le texte n'a pas changé : seules les autres données de la fiche "
                "(sources, mots, catégories, liens...) ont changé.\n"
            )
    else:
        path = storage.project_name(_fiche_file(fiche, settings), settings.root)
        head = [
            f"# Ancienne version de la fiche introuvable : {found}.\n",
            f"# Comparez à la main avec l'historique de la fiche : git log -p -- {path}\n",
            "# (ou avec une copie de sauvegarde de la fiche).\n",
        ]
        old = ["(ancienne version de la fiche introuvable)\n"]
    diff = difflib.unified_diff(
        old,
        new,
        fromfile=f"{fiche.id} (version du texte FALC)",
        tofile=f"{fiche.id} (fiche actuelle)",
    )
    return "".join([*head, *diff])


def update_falc_files(
    fiches: Iterable[Fiche], *, glossary: Glossary, settings: Settings
) -> list[SimplifyOutcome]:
    """Write the draft of each fiche unless its FALC text belongs to people (see module doc)."""
    from . import simplify_fiche  # the package imports this module

    outcomes: list[SimplifyOutcome] = []
    for fiche in fiches:
        target = falc_file(fiche, settings.path("fiches"))
        existing = None
        if target.is_file():
            try:
                existing = read_falc(target)
            except CaiFalcError as exc:
                # An unreadable FALC file may hold someone's work: never overwrite it.
                outcomes.append(
                    SimplifyOutcome(fiche.id, "error", target, message=str(exc), error=exc)
                )
                continue
        if existing is not None and existing.human_owned:
            if existing.is_stale(fiche):
                diff = source_diff(fiche, existing.source_hash, settings=settings)
                diff_path = settings.path("output") / "stale" / f"{fiche.id}.diff"
                storage.write_text(diff_path, diff)
                outcomes.append(
                    SimplifyOutcome(
                        fiche.id,
                        "stale",
                        target,
                        message=f"{target.name}: la fiche source a changé depuis ce texte FALC "
                        f"(relisez-le; différences dans {diff_path})",
                        diff=diff,
                        diff_path=diff_path,
                        falc=existing,
                    )
                )
            else:
                outcomes.append(SimplifyOutcome(fiche.id, "kept-edited", target, falc=existing))
            continue
        draft = simplify_fiche(fiche, glossary=glossary, settings=settings.simplify)
        # The date says when this text last changed: a regenerated draft that says the
        # same thing keeps its date, so rebuilding the same tree gives the same leaflets.
        same = (
            existing is not None
            and existing.content_hash() == draft.falc.content_hash()
            and existing.date is not None
        )
        draft.falc.date = existing.date if same and existing is not None else today()
        storage.write_text(_snapshot(settings, draft.falc.source_hash), fiche.text())
        changed = write_falc(draft.falc, target)
        action = "written" if changed else "unchanged"
        draft.falc.path = target
        outcomes.append(SimplifyOutcome(fiche.id, action, target, draft=draft, falc=draft.falc))
    return outcomes
