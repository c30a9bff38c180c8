"""Helpers for tests: documents made from a short article text, and the shared folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.models import Document, Published, Segment

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def article(text: str, published: str | None = "2025-05-19", doc_id: str = "doc") -> Document:
    """A one-article document, as the reader would make it from a plain text file."""
    day = dt.date.fromisoformat(published) if published else None
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text,
                    published=Published(date_from=day, date_to=day, how="test"),
                    segments=[Segment(kind="article", start=0, end=len(text), label="main")])


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared beside the repository holds the seeds and cases)")
    return path
