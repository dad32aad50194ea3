"""cai-falc: easy-to-read (FALC) leaflets and web pages from the CAI's fiches, offline."""

from __future__ import annotations

__version__ = "0.1.0"
