"""Reading input files safely and writing outputs atomically.

Every file cai-falc writes goes through :func:`write_text` / :func:`write_bytes`:
a temporary file in the same folder, flushed and fsynced, then renamed over the
target, so a build killed at any moment leaves either the old file or the new one,
never half of one. Every text file it reads goes through :func:`read_text`, which
turns binary, empty, oversized and wrongly encoded files into clear errors.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, OutputError

#: Largest text file read as input. A fiche is a few dozen kB; an export of the
#: whole CMS a few MB.
MAX_INPUT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class TextFile:
    """A decoded text file: its text (LF line ends, no BOM) and the encoding used."""

    path: Path
    text: str
    encoding: str


def decode(data: bytes, path: Path) -> TextFile:
    """Decode bytes as UTF-8 (with or without BOM), else Windows-1252; refuse binary."""
    if b"\x00" in data[:65536]:
        raise InputError(
            path,
            "this is a binary file, not text",
            hint="Give a text export (.txt or .md) saved as UTF-8 or Windows-1252.",
        )
    encoding = "utf-8"
    try:
        text = data.decode("utf-8-sig")
        if data.startswith(b"\xef\xbb\xbf"):
            encoding = "utf-8-sig"
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            encoding = "windows-1252"
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(
                path,
                "the text is neither UTF-8 nor Windows-1252",
                line=line,
                hint="Save the file again as UTF-8 text.",
            ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return TextFile(path=path, text=text, encoding=encoding)


def read_text(
    path: Path, *, max_bytes: int = MAX_INPUT_BYTES, allow_empty: bool = False
) -> TextFile:
    """Read a text input file, or raise an :class:`InputError` that says what is wrong."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(path, "this is a folder, not a file")
        if size > max_bytes:
            raise InputError(
                path,
                f"the file is too large ({size / 1e6:.1f} MB; at most {max_bytes / 1e6:.0f} MB)",
                hint="Split it into smaller files.",
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except PermissionError as exc:
        raise InputError(path, "permission denied: the file cannot be read") from exc
    except IsADirectoryError as exc:
        raise InputError(path, "this is a folder, not a file") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror})") from exc
    if not allow_empty and not data.strip():
        raise InputError(path, "the file is empty")
    return decode(data, path)


def project_name(path: str | Path, root: Path) -> str:
    """A path as the project names it ("fiches/x.md", with '/') when it is inside ``root``,
    else as given: reports, diffs and the cache manifest stay the same wherever the
    project sits on the disk."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def user_cache_dir() -> Path:
    """The user cache folder of cai-falc (``$XDG_CACHE_HOME/cai-falc``): lexicons,
    compiled templates. Anything in it can be deleted; it only saves time."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cai-falc"


def write_bytes(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; return False (and touch nothing) if unchanged."""
    try:
        if path.is_file() and path.read_bytes() == data:
            return False
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(
            path,
            f"cannot write here ({exc.strerror})",
            hint="Check that the folder exists and is writable, or set another [paths] folder.",
        ) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(path, f"cannot write the file ({exc.strerror})") from exc
    return True


def remove_leftovers(folder: Path) -> int:
    """Delete temporary files a killed writer left in ``folder`` (recursively); count them."""
    removed = 0
    if folder.is_dir():
        for tmp in folder.rglob(".*.tmp"):
            try:
                tmp.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def write_text(path: Path, text: str) -> bool:
    """Write UTF-8 text atomically; return False if the file already held exactly this."""
    return write_bytes(path, text.encode("utf-8"))


def digest(*parts: str | bytes, length: int = 16) -> str:
    """A short, stable SHA-256 hex digest of the given parts."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x1f")
    return h.hexdigest()[:length]
