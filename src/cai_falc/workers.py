"""Render workers: the processes that turn pages into leaflets, fragments and previews.

Rendering a leaflet needs WeasyPrint, and importing it alone takes about half a second
(its stylesheets, its C declarations, fontTools). A build that learns early that it will
render pages (a text is simplified, checked or translated again) starts its workers right
then: they load WeasyPrint while the build goes on, and render the pages handed to them
(:meth:`RenderWorkers.submit`) while the build makes the index and the report.
``--jobs N`` is how many pages render at once. With one job and no early start, pages
render in the build's own process when their files are written.

Workers end with their build, even a SIGKILLed one (:func:`_die_with_parent`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CaiFalcError

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from . import config

#: The three files of a page (PDF, fragment, preview), or the error that stopped it.
Outcome = tuple[bytes, bytes, bytes] | BaseException


_RENDERERS: dict[Path, Any] = {}


def renderer(settings: config.Settings) -> Any:
    """One renderer per process and project: fonts and templates load once."""
    from . import render

    if settings.root not in _RENDERERS:
        _RENDERERS[settings.root] = render.Renderer(settings)
    return _RENDERERS[settings.root]


def render_page(settings: config.Settings, page: Any) -> tuple[bytes, bytes, bytes]:
    """The leaflet PDF, the web fragment and the preview of one page."""
    r = renderer(settings)
    return (
        r.leaflet_pdf(page),
        r.fragment(page).encode("utf-8"),
        r.preview(page).encode("utf-8"),
    )


def safe_render(settings: config.Settings, page: Any) -> Outcome:
    """:func:`render_page`, with our own errors returned (one bad page fails alone)."""
    try:
        return render_page(settings, page)
    except CaiFalcError as exc:
        return exc


class Batch:
    """Pages handed to the render workers (or to be rendered here), in order."""

    def __init__(
        self, settings: config.Settings, pages: Sequence[Any], futures: Sequence[Future[Any]]
    ) -> None:
        self._settings = settings
        self._pages = pages
        self._futures = futures

    def __len__(self) -> int:
        return len(self._pages)

    def ready(self) -> int:
        """How many pages are rendered already (rendered here: none before reading)."""
        return sum(f.done() for f in self._futures)

    def __iter__(self) -> Iterator[Outcome]:
        if self._futures:
            for future in self._futures:
                yield future.result()
        else:
            for page in self._pages:
                yield safe_render(self._settings, page)


class RenderWorkers:
    """The render processes of one build (see the module's text)."""

    def __init__(self, settings: config.Settings, jobs: int = 1) -> None:
        self.settings = settings
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None
        self._used = False

    @property
    def started(self) -> bool:
        return self._pool is not None

    def start(self) -> None:
        """Start the workers now: each loads WeasyPrint while the build goes on."""
        if self._pool is not None:
            return
        from concurrent.futures import ProcessPoolExecutor

        # The renderer's own modules (Jinja, Babel), imported before the fork: the build
        # needs them too (pages, index), and the workers then start with them loaded.
        from . import render  # noqa: F401

        self._pool = ProcessPoolExecutor(
            max_workers=self.jobs,
            initializer=_start_worker,
            initargs=(os.getpid(), self.settings),
        )
        self._pool.submit(int)  # the processes start with the first task

    def submit(self, pages: Sequence[Any]) -> Batch:
        """Start rendering ``pages``; their outcomes come, in order, from the batch.

        Started workers render from now on, while the build goes on (index, report).
        Without started workers (one job, no early start), each page renders in this
        process when the batch is read.
        """
        if not pages or (self._pool is None and self.jobs <= 1):
            return Batch(self.settings, pages, [])
        self.start()
        assert self._pool is not None
        self._used = True
        futures = [self._pool.submit(safe_render, self.settings, page) for page in pages]
        return Batch(self.settings, pages, futures)

    def close(self) -> None:
        """End the workers. Idle ones are let go; ones that never got a page (still
        loading WeasyPrint, maybe) are stopped rather than waited for."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not self._used:
            kill = getattr(pool, "kill_workers", None)  # Python 3.14
            if kill is not None:
                kill()
            else:
                for process in list(getattr(pool, "_processes", {}).values()):
                    process.kill()
        pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> RenderWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _start_worker(parent: int, settings: config.Settings) -> None:
    """A new worker: tied to its build, then WeasyPrint and the stylesheets loaded."""
    _die_with_parent(parent)
    try:
        renderer(settings).warm()
    except Exception:  # a page rendered here will say what is wrong
        pass


def _die_with_parent(parent: int) -> None:
    """In a render worker: end when the build that started it ends, even by SIGKILL.

    A worker waits for its next page on a pipe that it holds open itself, so a killed
    build would leave its workers waiting forever. Linux can send them a signal instead.
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        try:
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            return
        if os.getppid() != parent:  # the build died before the line above
            os._exit(1)
