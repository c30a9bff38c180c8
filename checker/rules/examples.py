"""Claim rules are tested like code: every rule's examples (text in, claims out) are run.

An example's expected claim lists value fields ({min: 120, max: null}) and may also assert
what the claim is about:

  attribute   the claim's attribute as read ("talks.duration" for a "{event}.duration" rule)
  subject     the entity or document the claim is about, or the type of the event it went to
  qualifier   exact, about, at_least, at_most ...
  quoted      who the sentence quotes as saying it
  participants  the parties of the event the claim went to

and `policy:` on an example replaces part of policy.yaml for that example only (a tolerance
the expected interval depends on). A failing example names its file and line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from checker.models import Claim, Document, EventMention, Published, Segment
from checker.rules.families import policy_with
from checker.rules.ruleset import RuleSet

DEFAULT_PUBLISHED = dt.date(2025, 5, 19)
CLAIM_KEYS = ("attribute", "qualifier", "quoted")  # asserted on the claim itself, not its value


@dataclass
class ExampleResult:
    rule: str
    path: str
    text: str
    ok: bool
    problem: str = ""
    line: int | None = None  # of the example in its file


def _fields(claim: Claim, mentions: dict[str, EventMention]) -> dict[str, object]:
    got = claim.value.model_dump(mode="json")
    for key in CLAIM_KEYS:
        got[key] = getattr(claim, key)
    mention = mentions.get(claim.mention or "")
    # the subject of an event claim is a mention id, which nobody writes: the event's type is
    got["subject"] = mention.type if mention and claim.subject == mention.id else claim.subject
    got["participants"] = mention.participants if mention else []
    return got


def _matches(want: dict[str, object], got: dict[str, object]) -> bool:
    return all(got.get(k) == v for k, v in want.items())


def run_examples(rs: RuleSet) -> list[ExampleResult]:
    results = []
    for lang in rs.languages:  # every language's rules, each example read as a page of it
        results += _run(rs, lang)
    return results


def _run(rs: RuleSet, lang: str) -> list[ExampleResult]:
    from checker.extract.claims import extract

    results = []
    for cr in rs.for_language(lang).rules:
        for i, ex in enumerate(cr.rule.examples):
            day = ex.published or DEFAULT_PUBLISHED
            doc = Document(id=f"example-{i + 1}", path="<example>", text=ex.text, language=lang,
                           published=Published(date_from=day, date_to=day, how="example"),
                           segments=[Segment(kind="article", start=0, end=len(ex.text), label="main")])
            rules = rs
            if ex.policy:
                # the same compiled rules and derived state (lexicon, grammar: they do not depend
                # on the policy), another policy
                policy = policy_with(rs.policy, ex.policy)  # one policy for every language
                rules = dataclasses.replace(rs, policy=policy, _derived=rs._derived, others={
                    o: dataclasses.replace(other, policy=policy, _derived=other._derived)
                    for o, other in rs.others.items()})
            mentions, claims = extract(doc, rules)
            by_id = {m.id: m for m in mentions}
            got = [_fields(c, by_id) for c in claims if c.rule == cr.rule.id]
            problem = ""
            if not ex.claims and got:
                problem = f"expected no claim, got {got}"
            for want in ex.claims:
                if not any(_matches(want, g) for g in got):
                    problem = f"expected a claim with {want}, got {got or 'none'}"
                    break
            line = cr.example_lines[i] if i < len(cr.example_lines) else None
            results.append(ExampleResult(cr.rule.id, cr.path, ex.text, not problem, problem, line))
    return results
