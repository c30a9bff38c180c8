"""Where the tool's own data lives, so every stage finds the shipped rules the same way."""

from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path


@functools.cache
def default_rules_dir() -> Path:
    """The shipped rules folder, whatever the working folder.

    Installed from a wheel (`pip install .`, `pip install git+...`, a pre-commit hook), the
    rules are package data inside the package (checker/_rules, mapped from the repository's
    rules/ at build time, see pyproject.toml), found with importlib.resources. In a source
    checkout or an editable install there is no such copy, and the repository's rules/ beside
    the package is used: the folder people edit is the one that is read.
    """
    packaged = files("checker") / "_rules"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"
