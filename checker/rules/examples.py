"""Claim rules are tested like code: every rule's examples (text in, claims out) are run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from checker.models import Document, Published, Segment
from checker.rules.ruleset import RuleSet

DEFAULT_PUBLISHED = dt.date(2025, 5, 19)


@dataclass
class ExampleResult:
    rule: str
    path: str
    text: str
    ok: bool
    problem: str = ""
    line: int | None = None  # of the example in its file


def _fields(claim) -> dict[str, object]:
    return claim.value.model_dump(mode="json")


def run_examples(rs: RuleSet) -> list[ExampleResult]:
    from checker.extract.claims import extract

    results = []
    for cr in rs.rules:
        for i, ex in enumerate(cr.rule.examples):
            day = ex.published or DEFAULT_PUBLISHED
            doc = Document(id=f"example-{i + 1}", path="<example>", text=ex.text,
                           published=Published(date_from=day, date_to=day, how="example"),
                           segments=[Segment(kind="article", start=0, end=len(ex.text), label="main")])
            _, claims = extract(doc, rs)
            got = [_fields(c) for c in claims if c.rule == cr.rule.id]
            problem = ""
            if not ex.claims and got:
                problem = f"expected no claim, got {got}"
            for want in ex.claims:
                if not any(all(g.get(k) == v for k, v in want.items()) for g in got):
                    problem = f"expected a claim with {want}, got {got or 'none'}"
                    break
            line = cr.example_lines[i] if i < len(cr.example_lines) else None
            results.append(ExampleResult(cr.rule.id, cr.path, ex.text, not problem, problem, line))
    return results
