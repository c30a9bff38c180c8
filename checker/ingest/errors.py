"""Errors raised while reading inputs; `read_inputs` turns them into error Documents."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be read as text; str() is a message an editor can act on."""
