"""Ingest: files in, Documents out (decoded text, metadata, publication date, segments).

Entry point: `read_inputs`. `text_view` gives the plain text the rules read (the visible text
of an HTML page), and `to_text_span` maps a span of it back to Document.text.
"""

from checker.ingest.errors import InputError
from checker.ingest.readers import found_no_articles, read_inputs
from checker.ingest.html import text_view
from checker.ingest.view import TextView, to_text_span

__all__ = ["InputError", "TextView", "found_no_articles", "read_inputs", "text_view", "to_text_span"]
