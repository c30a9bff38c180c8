"""The text the ingest rules read, with a map back to `Document.text`.

For .txt/.md/.jsonl documents that is `Document.text` itself (identity). For HTML it is the
visible text of the page (tags, scripts and comments dropped, entities decoded, block elements
as line breaks), and every plain character keeps the offset of the source character it came
from, so a span found in the plain view maps back to the HTML the page really served.
The view is recomputed from `Document.text` on demand (checker.ingest.html.text_view; parsing
is cheap and cached), so the Document model needs no extra field.
"""

from __future__ import annotations

from dataclasses import dataclass

HTML_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True)
class TextView:
    """Plain text plus, for each plain character, where it starts and ends in Document.text.

    offsets None means identity. Otherwise `offsets` has len(text) + 1 items (the last one is
    len(Document.text)) and `ends[i]` is the source end of plain character i (a decoded
    "&amp;" starts at "&" and ends after ";"; a line break made from a tag has zero width).
    """

    text: str
    offsets: list[int] | None = None
    ends: list[int] | None = None

    @property
    def identity(self) -> bool:
        return self.offsets is None


def to_text_span(view: TextView, start: int, end: int) -> tuple[int, int]:
    """Map a half-open span of the plain view to a half-open span of Document.text."""
    if not 0 <= start <= end <= len(view.text):
        raise ValueError(f"span ({start}, {end}) outside a view of length {len(view.text)}")
    if view.offsets is None:
        return start, end
    if start == end:
        return view.offsets[start], view.offsets[start]
    ends = view.ends if view.ends is not None else [o + 1 for o in view.offsets]
    return view.offsets[start], max(view.offsets[start], ends[end - 1])
