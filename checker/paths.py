"""Where the tool's own data lives, so every stage finds `rules/` the same way."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def default_rules_dir() -> Path:
    """The repository's `rules/` folder (beside the `checker` package), whatever the cwd."""
    return Path(__file__).resolve().parent.parent / "rules"
