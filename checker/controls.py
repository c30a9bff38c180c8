"""Characters that change how text is displayed rather than what it says.

A right-to-left override (U+202E) makes "571" display as "175"; an ESC starts a terminal escape
sequence; a newline in a CI log starts a line a runner may read as a command. Article text keeps
them (evidence offsets point into it), but every place that shows text to a person (HTML,
Markdown, GitHub annotations, stderr) shows them as a visible code instead, and a document that
contains the bidirectional ones gets a warning.

Left alone: tab, newline and carriage return in multi-line formats, and the marks Arabic text
uses legitimately (U+200E/U+200F left-to-right and right-to-left marks, U+061C Arabic letter
mark, U+200C/U+200D joiners), which only nudge neutral characters.
"""

from __future__ import annotations

import re

# embeddings, overrides and isolates: these reorder whole runs of text
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_HIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_HIDDEN_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")


def _code(m: re.Match[str]) -> str:
    return f"[U+{ord(m.group()):04X}]"


def visible(text: str) -> str:
    """`text` with control and bidirectional-control characters shown as [U+202E] (tab, newline
    and carriage return kept)."""
    return _HIDDEN.sub(_code, text) if _HIDDEN.search(text) else text


def one_line(text: str) -> str:
    """`text` for one line of a log: every control character escaped (\\n, \\x1b, \\u202e), so a
    name cannot forge a second line or reorder the line it is on."""
    return _HIDDEN_ONE_LINE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def control_warning(text: str, where: str = "the text") -> str | None:
    """A warning for text holding control or bidirectional-control characters (None if none)."""
    found = _HIDDEN.findall(text)
    if not found:
        return None
    first = _HIDDEN.search(text)
    assert first is not None
    kinds = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(found))[:6])
    bidi = " (bidirectional controls can make it display in another order than it is written: 175 for 571)" \
        if _BIDI.search(text) else ""
    return (f"{where} holds {len(found)} control character(s) ({kinds}; the first at character {first.start()})"
            f"{bidi}; reports show them as [U+....]")
