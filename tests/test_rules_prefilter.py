"""Literal prefilters: a regex is skipped only where it cannot match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.rules.prefilter import FilteredRegex, required_literals
from helpers import REPO


def test_fixed_text_is_read_off_the_pattern() -> None:
    assert required_literals(re.compile(r"تلقى\s+\d+\s+اتصالا")) == {"اتصالا"}  # the longest run
    assert required_literals(re.compile(r"(?:اتصل|يتصل)\s+ب")) == {"اتصل", "يتصل"}
    assert required_literals(re.compile(r"\u27e6[cl]\d+\u27e7")) == {"\u27e6c", "\u27e6l"}
    assert required_literals(re.compile(r"(?:هاتف)+")) == {"هاتف"}


def test_patterns_without_fixed_text_get_no_prefilter() -> None:
    for pattern in (r"\d+", r"x*", r"(?:abc)?d?", r"(?:abc|\d)", r"[^a]+", r"(?i)Putin", r"(?:)"):
        assert required_literals(re.compile(pattern)) is None, pattern


def test_case_insensitive_letters_are_not_required_but_arabic_is() -> None:
    assert required_literals(re.compile(r"(?i)بوتين")) == {"بوتين"}
    assert required_literals(re.compile(r"(?i:GMT)\s+بتوقيت")) == {"بتوقيت"}


def test_a_filtered_regex_answers_like_its_regex() -> None:
    rx = FilteredRegex.of(re.compile(r"اتصل\s+(?P<who>\w+)"))
    assert rx.search("ثم اتصل بوتين") is not None
    assert rx.search("لا شيء هنا") is None
    assert [m.group("who") for m in rx.finditer("اتصل ترامب ثم اتصل بوتين")] == ["ترامب", "بوتين"]
    assert list(rx.finditer("")) == []


_PATTERNS = [
    r"ab(?:c|de)+f",
    r"(?:x|y)z[ab]q",
    r"a(?=b)c|d",
    r"(?P<n>\d+)\s+(?:اسير|سجين)",
    r"(?:foo)?bar(?:baz){2,3}",
    r"(?s)a.b",
    r"ab|cd|e",
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_PATTERNS), st.text(alphabet="abcdefxyzq 12اسيرجن", max_size=30))
def test_no_match_is_ever_filtered_out(pattern: str, text: str) -> None:
    rx = re.compile(pattern)
    filtered = FilteredRegex.of(rx)
    assert [m.span() for m in filtered.finditer(text)] == [m.span() for m in rx.finditer(text)]


def test_prefilters_change_no_claim_on_the_example_articles(rs, monkeypatch) -> None:
    from checker.ingest import read_inputs
    from checker.engine.stages import extract_all

    docs = read_inputs([REPO / "examples"])
    fast = extract_all(docs, rs)
    monkeypatch.setattr(FilteredRegex, "may_match", lambda self, text: True)
    slow = extract_all(docs, rs)
    assert [c.model_dump() for c in fast.claims] == [c.model_dump() for c in slow.claims]
    assert [m.model_dump() for m in fast.mentions] == [m.model_dump() for m in slow.mentions]
    assert len(fast.claims) > 50
