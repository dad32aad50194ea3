"""``python -m cai_falc``: the same as the ``cai-falc`` command."""

from __future__ import annotations

from .cli import main

main()
