"""Helpers every output format shares: where a span sits in a document, and what to quote.

The formats differ in syntax, not in facts: a SARIF region, a GitHub annotation and an HTML
highlight must all point at the same characters, so the arithmetic lives here once.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from checker.models import Document, Evidence, Finding, Report

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
KINDS: tuple[str, ...] = ("conflict", "internal", "knowledge")

KIND_LABELS: dict[str, str] = {
    "conflict": "sources disagree",
    "internal": "an article disagrees with itself",
    "knowledge": "an article contradicts the knowledge base",
}

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def at_or_above(severity: str, threshold: str) -> bool:
    """True when `severity` is as severe as `threshold` or more (error > warning > info)."""
    return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK.get(threshold, 0)


@dataclass(frozen=True)
class Region:
    """A 1-based line/column range in code points; `end_column` is the column after the last
    character, as SARIF defines it."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


class LineIndex:
    """Offsets to 1-based (line, column) for one text; CR, LF and CRLF each end a line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """The line and column (both 1-based, columns in code points) of character `offset`."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def region(self, span: tuple[int, int] | None) -> Region | None:
        """The region of `span`, or None when the span does not fit this text."""
        if span is None:
            return None
        start, end = span
        if not (0 <= start <= end <= len(self.text)) or not self.text:
            return None
        start_line, start_col = self.position(start)
        end_line, end_col = self.position(end)
        return Region(start_line, start_col, end_line, end_col)


class DocumentIndex:
    """Documents by id, with line indexes built once, so each format can look evidence up."""

    def __init__(self, report: Report) -> None:
        self.documents: dict[str, Document] = {d.id: d for d in report.documents}
        self._lines: dict[str, LineIndex] = {}

    def get(self, doc_id: str) -> Document | None:
        return self.documents.get(doc_id)

    def region(self, evidence: Evidence) -> Region | None:
        """Where the evidence sits in its document's text (None if the text is not at hand)."""
        doc = self.documents.get(evidence.document)
        if doc is None or not doc.text:
            return None
        if doc.id not in self._lines:
            self._lines[doc.id] = LineIndex(doc.text)
        return self._lines[doc.id].region(evidence.span)

    def last_character(self, evidence: Evidence) -> tuple[int, int] | None:
        """Line and column of the evidence's last character (for tools whose end is inclusive)."""
        region = self.region(evidence)
        if region is None or evidence.span is None or evidence.span[1] <= evidence.span[0]:
            return None
        return self._lines[evidence.document].position(evidence.span[1] - 1)

    def source(self, doc_id: str) -> str | None:
        doc = self.documents.get(doc_id)
        return doc.source if doc else None

    def path(self, doc_id: str) -> str:
        doc = self.documents.get(doc_id)
        return doc.path if doc else doc_id


@dataclass(frozen=True)
class Quote:
    """A piece of text split around the conflicting words: before, the words, after."""

    before: str
    match: str
    after: str
    whole_sentence: bool  # False when the context was cut from the document text


def quote(evidence: Evidence, doc: Document | None, context: int = 140) -> Quote:
    """The evidence in its sentence, with the conflicting words located, for people to read.

    The sentence is preferred; without one the context is cut from the document text around
    the span (within its line). If nothing locates the words, the quoted text stands alone.
    """
    text = evidence.text
    sentence = evidence.sentence
    if sentence:
        if evidence.span is not None and evidence.sentence_start is not None:
            rel = evidence.span[0] - evidence.sentence_start
            if 0 <= rel and sentence[rel : rel + len(text)] == text and text:
                return Quote(sentence[:rel], text, sentence[rel + len(text) :], True)
        found = sentence.find(text) if text else -1
        if found >= 0:
            return Quote(sentence[:found], text, sentence[found + len(text) :], True)
        return Quote(sentence, "", "", True)
    if doc is not None and doc.text and evidence.span is not None:
        start, end = evidence.span
        if 0 <= start <= end <= len(doc.text):
            line_start = max(doc.text.rfind("\n", 0, start) + 1, start - context)
            line_end_at = doc.text.find("\n", end)
            line_end = min(line_end_at if line_end_at >= 0 else len(doc.text), end + context)
            return Quote(doc.text[line_start:start], doc.text[start:end], doc.text[end:line_end], False)
    return Quote("", text, "", False)


def excerpt(text: str, limit: int = 160) -> str:
    """A one-line excerpt: whitespace collapsed, cut at `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def relative_path(path: str, base: str | os.PathLike[str] | None = None) -> str:
    """`path` relative to `base` (default: the working folder) in POSIX form, when it is
    inside it; otherwise the path as given, in POSIX form."""
    p = Path(path)
    if p.is_absolute():
        root = Path(base) if base is not None else Path.cwd()
        try:
            return PurePosixPath(p.resolve().relative_to(root.resolve())).as_posix()
        except ValueError:
            return p.as_posix()
    return PurePosixPath(p.as_posix()).as_posix()


def evidence_documents(finding: Finding) -> list[str]:
    """The documents a finding involves, in order: its evidence first, then its list."""
    seen: dict[str, None] = {}
    for ev in finding.evidence:
        seen.setdefault(ev.document, None)
    for doc_id in finding.documents:
        seen.setdefault(doc_id, None)
    return list(seen)
