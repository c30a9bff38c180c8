"""Claim families checked as a whole: every attribute declared with a kind, every key of a rule
or a declaration one its kind has, every event type given a policy, every kind's vocabulary in
one place. What a family file says either takes effect or is a rule error naming file and line:
an attribute no kind can read, a rule for an undeclared attribute, a misplaced key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from checker import models
from checker.rules.kinds import COMMON_RULE_KEYS, KINDS, SCOPES, TEMPLATE, Kind
from checker.rules.loader import RuleError, line_of
from checker.rules.schema import Attribute, ClaimRule, ClaimsFile, PolicyFile

# what an example may assert about a claim besides its value's fields (checker/rules/examples.py)
EXAMPLE_KEYS = ("attribute", "subject", "qualifier", "quoted", "participants")
VALUE_MODELS = {m.model_fields["type"].default: m for m in (
    models.DateValue, models.TimeValue, models.DurationValue, models.CountValue, models.TitleValue,
    models.InitiatorValue, models.PlaceValue, models.PersonValue, models.LabelValue, models.OrdinalValue,
    models.NumberValue)}

Lines = dict[tuple, int]


@dataclass(frozen=True)
class Declared:
    """An attribute as the extractor and comparer use it."""

    name: str  # as declared: "call.initiator", "{event}.duration"
    family: str
    kind: Kind
    read: str
    target: str
    check: str | None
    unit: str | None
    event: str | None  # the event type the name starts with (None for {event}, document, person)


@dataclass
class Families:
    """What the claim families declare, resolved across files."""

    attributes: dict[str, Declared] = field(default_factory=dict)
    event_types: list[str] = field(default_factory=list)  # in file order
    nested: set[str] = field(default_factory=set)
    hosts: dict[str, set[str]] = field(default_factory=dict)  # nested event type -> types it is agreed in
    refers_back: dict[str, list[str]] = field(default_factory=dict)  # event type -> types its noun may name
    announced_on_its_day: set[str] = field(default_factory=set)  # event types a statement's day dates

    def hosts_of(self, nested: str, etype: str) -> bool:
        """Can an event of `etype` host the nested event type `nested` (a call an exchange)?"""
        allowed = self.hosts.get(nested)
        return etype not in self.nested and (not allowed or etype in allowed)
    duration_family: str | None = None  # the family holding the duration vocabulary
    vocabulary_families: list[str] = field(default_factory=list)  # families read by vocabulary
    event_date: dict[str, Declared] = field(default_factory=dict)  # event type -> its date attribute
    readings: dict[str, list[Declared]] = field(default_factory=dict)  # read -> attributes, by name

    def of(self, attribute: str) -> Declared | None:
        """The declaration a claim's attribute comes from ("talks.duration" <- "{event}.duration")."""
        if attribute in self.attributes:
            return self.attributes[attribute]
        event, _, rest = attribute.partition(".")
        if event in self.event_types:
            return self.attributes.get(f"{TEMPLATE}.{rest}")
        return None

    def reading(self, read: str) -> list[Declared]:
        """The attributes read by a built-in reading (clock, titles, vocabulary), by name."""
        return self.readings.get(read, [])


def check_families(files: dict[str, ClaimsFile], where: dict[str, tuple[Path, Lines]],
                   policy: PolicyFile, policy_where: tuple[Path, Lines]) -> Families:
    """Validate the families together; raise RuleError at the first problem."""
    fams = Families()
    for name, cf in files.items():
        if cf.event and cf.event not in fams.event_types:
            fams.event_types.append(cf.event)
        if cf.event and cf.nested:
            fams.nested.add(cf.event)
        path, lines = where[name]
        if cf.nested and not cf.event:
            raise RuleError(path, line_of(lines, ("nested",)), "`nested` needs the file's `event`")
        if cf.hosts and not cf.nested:
            raise RuleError(path, line_of(lines, ("hosts",)), "`hosts` is for a `nested` family")
        if cf.preludes and not cf.nested:
            raise RuleError(path, line_of(lines, ("preludes",)), "`preludes` is for a `nested` family")
        if cf.nested and cf.event:
            fams.hosts[cf.event] = set(cf.hosts)
        for i, t in enumerate(cf.triggers):
            if t.stands_alone and not cf.nested:
                raise RuleError(path, line_of(lines, ("triggers", i, "stands_alone")),
                                f"trigger {t.id!r}: `stands_alone` is for a nested family's triggers"
                                " (this family is not `nested`)")
    for name, cf in files.items():
        path, lines = where[name]
        for attr, decl in cf.attributes.items():
            _declare(fams, name, cf, attr, decl, path, lines, policy)
        _check_rules(fams, name, cf, path, lines, policy)
        _check_vocabulary(fams, name, cf, path, lines)
    _check_policy_events(fams, files, where, policy, policy_where)
    for name, cf in files.items():
        for k, h in enumerate(cf.hosts):
            if h not in fams.event_types or h in fams.nested:
                path, lines = where[name]
                raise RuleError(path, line_of(lines, ("hosts", k)),
                                f"hosts: {h!r} is not the event type of a family that is not nested"
                                f" (the types: {', '.join(sorted(set(fams.event_types) - fams.nested))})")
        for k, other in enumerate(cf.refers_back_to):
            if not cf.event or other not in fams.event_types or other == cf.event:
                path, lines = where[name]
                raise RuleError(path, line_of(lines, ("refers_back_to", k)),
                                f"refers_back_to: {other!r} is not the event type of another family"
                                f" (the types: {', '.join(sorted(set(fams.event_types) - {cf.event}))})")
        if cf.event and cf.refers_back_to:
            fams.refers_back[cf.event] = list(cf.refers_back_to)
        if cf.event and cf.announced_on_its_day:
            fams.announced_on_its_day.add(cf.event)
    for name, decl in sorted(fams.attributes.items()):
        fams.readings.setdefault(decl.read, []).append(decl)
    return fams


def _declare(fams: Families, family: str, cf: ClaimsFile, attr: str, decl: Attribute, path: Path,
             lines: Lines, policy: PolicyFile) -> None:
    loc = ("attributes", attr)
    line = line_of(lines, loc)
    prefix, dot, rest = attr.partition(".")
    if not dot or not re.fullmatch(r"[a-z][a-z0-9_]*", rest):
        raise RuleError(path, line, f"attribute {attr!r}: write it <event>.<name>, {TEMPLATE}.<name>, "
                                    f"document.<name> or person.<name>")
    if prefix != TEMPLATE and prefix not in SCOPES and prefix not in fams.event_types:
        raise RuleError(path, line, f"attribute {attr!r} names no event type (the families declare: "
                                    f"{', '.join(sorted(fams.event_types))}); add a family with `event: {prefix}`")
    if attr in fams.attributes:
        raise RuleError(path, line, f"attribute {attr!r} is declared twice (also in family "
                                    f"{fams.attributes[attr].family!r})")
    kind = KINDS[decl.kind]
    for key in sorted(decl.model_fields_set - {"kind", "read", "target", "check"}):
        if key not in kind.attribute_keys:
            raise RuleError(path, line_of(lines, loc + (key,)),
                            f"attribute {attr!r}: {key!r} is no key of value kind {kind.name!r}"
                            f" (its keys: {', '.join(kind.attribute_keys) or 'none'})")
    if decl.read not in kind.readings:
        raise RuleError(path, line_of(lines, loc + ("read",)),
                        f"attribute {attr!r}: value kind {kind.name!r} cannot be read by {decl.read!r}"
                        f" (it is read by: {', '.join(kind.readings)})")
    target = decl.target or kind.targets[0]
    if target not in kind.targets:
        raise RuleError(path, line_of(lines, loc + ("target",)),
                        f"attribute {attr!r}: a {kind.name} cannot go to target {target!r}"
                        f" (its targets: {', '.join(kind.targets)})")
    event = prefix if prefix in fams.event_types else None
    if prefix == TEMPLATE and target != "sentence":
        raise RuleError(path, line_of(lines, loc + ("target",)) or line,
                        f"attribute {attr!r}: {TEMPLATE} takes its event from the sentence (target: sentence)")
    if prefix in SCOPES and target != prefix:
        raise RuleError(path, line_of(lines, loc + ("target",)) or line,
                        f"attribute {attr!r} is about the {prefix}: its target must be {prefix!r}")
    if decl.read in ("event_date", "clock") and event is None:
        raise RuleError(path, line, f"attribute {attr!r}: reading {decl.read!r} needs an <event>.<name> attribute")
    # a built-in reading reads every sentence once: two attributes read alike would say it twice
    twin = next((d for d in fams.attributes.values() if d.read == decl.read and decl.read != "rules"
                 and (decl.read in ("titles", "vocabulary", "mediators") or d.event == event)), None)
    if twin is not None:
        raise RuleError(path, line_of(lines, loc + ("read",)) or line,
                        f"attribute {attr!r}: {twin.name!r} (family {twin.family!r}) is already read by {decl.read!r}")
    check = decl.check or kind.check
    if check is not None and check not in policy.checks:
        raise RuleError(path, line_of(lines, loc + ("check",)) or line,
                        f"attribute {attr!r}: check {check!r} is not in policy.yaml `checks`")
    fams.attributes[attr] = declared = Declared(attr, family, kind, decl.read, target, check, decl.unit, event)
    if decl.read == "event_date" and event:
        fams.event_date[event] = declared


def _check_rules(fams: Families, family: str, cf: ClaimsFile, path: Path, lines: Lines,
                 policy: PolicyFile) -> None:
    for i, r in enumerate(cf.rules):
        loc = ("rules", i)
        decl = fams.attributes.get(r.attribute)
        if decl is None or decl.family != family:
            declared = ", ".join(a for a, d in sorted(fams.attributes.items()) if d.family == family)
            raise RuleError(path, line_of(lines, loc + ("attribute",)),
                            f"rule {r.id!r}: attribute {r.attribute!r} is not declared under this family's "
                            f"`attributes` (declared: {declared or 'none'})")
        if decl.read != "rules":
            raise RuleError(path, line_of(lines, loc + ("attribute",)),
                            f"rule {r.id!r}: attribute {r.attribute!r} is read by {decl.read!r}, not by rules")
        _check_rule_keys(r, decl.kind, path, lines, loc)
        _check_examples(r, decl.kind, path, lines, loc, policy)
    for attr, decl in sorted(fams.attributes.items()):
        if decl.family == family and decl.read == "rules" and not any(r.attribute == attr for r in cf.rules):
            raise RuleError(path, line_of(lines, ("attributes", attr)),
                            f"attribute {attr!r} is read by rules, but no rule of this family names it")


def _check_rule_keys(r: ClaimRule, kind: Kind, path: Path, lines: Lines, loc: tuple) -> None:
    for key in sorted(r.model_fields_set):
        if key not in kind.rule_keys and key not in COMMON_RULE_KEYS:
            raise RuleError(path, line_of(lines, loc + (key,)),
                            f"rule {r.id!r}: {key!r} is no key of value kind {kind.name!r}"
                            f" (its keys: {', '.join(kind.rule_keys) or 'none'})")
    for key in kind.required_rule_keys:
        if key not in r.model_fields_set:
            raise RuleError(path, line_of(lines, loc), f"rule {r.id!r}: a {kind.name} rule needs {key!r}")


def _check_examples(r: ClaimRule, kind: Kind, path: Path, lines: Lines, loc: tuple, policy: PolicyFile) -> None:
    model = VALUE_MODELS[kind.name]
    fields = set(model.model_fields) - {"type"}  # as model_dump names them (date_from, not from)
    for k, ex in enumerate(r.examples):
        for n, want in enumerate(ex.claims):
            for key in want:
                if key not in fields and key not in EXAMPLE_KEYS:
                    raise RuleError(path, line_of(lines, loc + ("examples", k, "claims", n, key)),
                                    f"rule {r.id!r}: an example asserts {key!r}, which a {kind.name} claim does not"
                                    f" have (its fields: {', '.join(sorted(fields))}; and {', '.join(EXAMPLE_KEYS)})")
        if ex.policy is not None:
            try:
                policy_with(policy, ex.policy)
            except (ValidationError, TypeError) as exc:
                problem = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
                raise RuleError(path, line_of(lines, loc + ("examples", k, "policy")),
                                f"rule {r.id!r}: the example's policy does not fit policy.yaml: {problem}") from exc


def policy_with(policy: PolicyFile, override: dict) -> PolicyFile:
    """policy.yaml with part of it replaced (a rule example's `policy:`), validated like the file."""
    def merge(base, more):
        if isinstance(base, dict) and isinstance(more, dict):
            return {**base, **{k: merge(base.get(k), v) for k, v in more.items()}}
        return more

    return PolicyFile.model_validate(merge(policy.model_dump(by_alias=True), override))


def check_groups(rule: ClaimRule, kind: Kind, groups: set[str], path: Path, line: int | None) -> None:
    """A pattern must capture what its kind reads ({num:n} for a count, {P:caller} for an initiator)."""
    for alternatives in kind.groups:
        if alternatives == ("n",) and getattr(rule, "number", None) is not None:
            continue  # the number is the rule's own ("and a Filipino": 1)
        if not groups & set(alternatives):
            names = " or ".join(f"(?P<{g}>...)" for g in alternatives)
            raise RuleError(path, line, f"rule {rule.id!r}: a {kind.name} pattern must capture {names},"
                                        f" e.g. {{{_macro_hint(kind.name)}:{alternatives[0]}}}")


def _macro_hint(kind: str) -> str:
    return {"duration": "duration", "count": "num", "date": "day", "place": "L"}.get(kind, "P")


def _check_vocabulary(fams: Families, family: str, cf: ClaimsFile, path: Path, lines: Lines) -> None:
    kinds = {d.kind.name for d in fams.attributes.values() if d.family == family}
    for kind in KINDS.values():
        for key in kind.vocabulary:
            if key in cf.model_fields_set and kind.name not in kinds:
                raise RuleError(path, line_of(lines, (key,)),
                                f"{key!r} is vocabulary of value kind {kind.name!r}, and this family declares no "
                                f"{kind.name} attribute")
    if cf.units:
        if fams.duration_family is not None:
            raise RuleError(path, line_of(lines, ("units",)),
                            f"duration units are defined twice (also in family {fams.duration_family!r})")
        if cf.qualifiers is None:
            raise RuleError(path, line_of(lines, ("units",)), "duration units need `qualifiers`")
        fams.duration_family = family
    reads_vocabulary = any(d.family == family and d.read == "vocabulary" for d in fams.attributes.values())
    if reads_vocabulary:
        if not cf.topics or not cf.topic_verbs:
            raise RuleError(path, line_of(lines, ("attributes",)),
                            "an attribute read by `vocabulary` needs the family's `topics` and `topic_verbs`")
        fams.vocabulary_families.append(family)


def _check_policy_events(fams: Families, files: dict[str, ClaimsFile], where: dict[str, tuple[Path, Lines]],
                         policy: PolicyFile, policy_where: tuple[Path, Lines]) -> None:
    for name, cf in files.items():
        if cf.event and cf.event not in policy.events:
            path, lines = where[name]
            raise RuleError(path, line_of(lines, ("event",)),
                            f"event type {cf.event!r} has no entry under `events` in policy.yaml "
                            f"(add `{cf.event}: {{date_window_days: N}}`)")


def check_policy_events_used(policy: PolicyFile, policy_where: tuple[Path, Lines], event_types: set[str],
                             attributes: set[str]) -> None:
    """Every event type of policy.yaml is that of some claim family, and every attribute it names
    is declared by one, in some language (the policy is shared by every language's rules, so one
    language need not have every family)."""
    ppath, plines = policy_where
    for etype in sorted(policy.events):
        if etype not in event_types:
            raise RuleError(ppath, line_of(plines, ("events", etype)),
                            f"events: {etype!r} is the event type of no claim family")
    for k, attr in enumerate(policy.coreference.known_by_parties):
        if attr not in attributes:
            raise RuleError(ppath, line_of(plines, ("coreference", "known_by_parties", k)),
                            f"coreference.known_by_parties: {attr!r} is an attribute of no claim family")
