"""The compiled rule set: every rule file of a language, validated, normalised and compiled once.

Patterns are written in plain Arabic and normalised on load, so a linguist writes "تلقى" and the
pattern matches "تلقی" and "تلقّى" alike. Macros in patterns:

  {P} {P:name}     a person found in the sentence (named group `name`)
  {C} {L} {L:name} a country ({C}), or a place or country ({L})
  {num} {num:name} a number in digits or words (ألف، خمسمئة، 1,000)
  {duration:name}  a duration phrase with its qualifier
  {day:name}       a day: relative (أمس، أول أمس), a weekday, or "day month"
  {gap}            up to six words
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.paths import default_rules_dir
from checker.rules.countries import country_entities
from checker.rules.loader import RuleError, load_model
from checker.rules.prefilter import FilteredRegex
from checker.rules.schema import (
    CalendarFile,
    ClaimRule,
    ClaimsFile,
    CountriesFile,
    CountryExtrasFile,
    EntitiesFile,
    NumbersFile,
    OfficesFile,
    PolicyFile,
    TitlesFile,
    Trigger,
)
from checker.text.normalize import normalize_word

PERSON = "\u27e6p{}\u27e7"  # ⟦p3⟧: a person in a sentence skeleton
COUNTRY = "\u27e6c{}\u27e7"
PLACE = "\u27e6l{}\u27e7"


def alternation(words: list[str]) -> str:
    """A regex alternation of normalised words, longest first (so أول أمس wins over أمس)."""
    forms = sorted({normalize_word(w) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms) + ")"


@dataclass
class CompiledRule:
    rule: ClaimRule
    regexes: list[FilteredRegex]
    path: str
    family: str
    event: str | None


@dataclass
class CompiledTrigger:
    trigger: Trigger
    regex: FilteredRegex
    event: str


@dataclass
class RuleSet:
    root: Path
    lang: str
    digest: str
    entities: EntitiesFile
    titles: TitlesFile
    calendar: CalendarFile
    numbers: NumbersFile
    offices: OfficesFile
    policy: PolicyFile
    claim_files: dict[str, ClaimsFile]
    rules: list[CompiledRule] = field(default_factory=list)
    triggers: list[CompiledTrigger] = field(default_factory=list)
    macros: dict[str, str] = field(default_factory=dict)

    def family(self, name: str) -> ClaimsFile:
        return self.claim_files[name]

    def lexicon_words(self) -> list[str]:
        """Every word the clitic stripper may strip down to."""
        words: set[str] = set()
        for ent in self.entities.entities:
            for phrase in ent.names + ent.adjectives:
                words.update(phrase.split())
        for role in self.titles.roles:
            for phrase in role.phrases:
                words.update(phrase.split())
        for phrases in list(self.titles.statuses.values()) + [self.titles.fillers]:
            for phrase in phrases:
                words.update(phrase.split())
        for names in list(self.calendar.months.values()) + list(self.calendar.weekdays.values()):
            for phrase in names:
                words.update(phrase.split())
        words.update(self.numbers.values)
        return sorted(words)


def _number_macro(numbers: NumbersFile) -> str:
    words = alternation(list(numbers.values))
    mult = alternation(list(numbers.multipliers))
    digits = r"\d{1,3}(?:[,.]\d{3})+|\d+"
    # (?<!\d): never start inside a run of digits, or a long one is tried from every position
    return rf"(?<![\d,.])(?:(?:{digits})(?:\s+{mult})?|{words}(?:\s+{mult})?)(?!\w)"


def _duration_macro(durations: ClaimsFile, numbers: NumbersFile) -> str:
    assert durations.qualifiers is not None
    q = durations.qualifiers
    qual = alternation(q.about + q.at_least + q.at_most)
    units = alternation(list(durations.units))
    fractions = alternation(list(durations.fractions))
    # the count before a unit: a number, a number word or a portion (نصف ساعة); never a year
    # ("في 24 يونيو 2025 ساعتين") nor any other word ("استمر الاتصال ساعة")
    words = alternation(list(numbers.values) + list(durations.portions))
    # "لـ45 دقيقة"، "لثلاث ساعات": the preposition ل is written onto the count
    num = rf"(?:(?<![\d,.])ل?\d{{1,3}}(?:[.,]\d+)?|ل?{words})"
    unit_phrase = rf"(?:{num}\s+)?{units}(?:\s+{fractions}|\s+و\s*\d+\s+{units})?"
    return rf"(?:ل?{qual}\s+)?{unit_phrase}(?!\w)"  # لنحو: the qualifier with a clitic


def expand(pattern: str, macros: dict[str, str]) -> str:
    """Normalise a pattern's Arabic and replace {macro} / {macro:group} by their regexes."""
    # only the non-ASCII runs: normalising lowercases Latin, which would turn \S into \s
    pattern = re.sub(r"[^\x00-\x7f]+", lambda m: normalize_word(m.group()), pattern)

    def sub(m: re.Match[str]) -> str:
        name, _, group = m.group(1).partition(":")
        name = name.lower()
        if name not in macros:
            raise KeyError(name)
        body = macros[name]
        return f"(?P<{group}>{body})" if group else f"(?:{body})"

    return re.sub(r"\{([A-Za-z_]+(?::[A-Za-z_]+)?)\}", sub, pattern)


def _compile(path: Path, where: tuple, pattern: str, macros: dict[str, str], lines: dict) -> re.Pattern[str]:
    try:
        return re.compile(expand(pattern, macros))
    except KeyError as exc:
        raise RuleError(path, lines.get(where), f"unknown macro {{{exc.args[0]}}} in pattern") from exc
    except re.error as exc:
        raise RuleError(path, lines.get(where), f"invalid regular expression: {exc}") from exc


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p.name).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def rule_files(root: Path, lang: str) -> list[Path]:
    lang_dir = root / lang
    return sorted(
        [lang_dir / n for n in ("entities.yaml", "titles.yaml", "calendar.yaml", "numbers.yaml")]
        + list((lang_dir / "claims").glob("*.yaml"))
        + list((root / "kb").glob("*.yaml"))
        + [root / "policy.yaml"]
        + [p for p in (root / "countries.yaml", lang_dir / "countries.yaml") if p.exists()]
    )


def load_ruleset(root: Path | None = None, lang: str = "ar") -> RuleSet:
    """Load, validate and compile the rules; cached by the content hash of the files."""
    root = (root or default_rules_dir()).resolve()
    if not (root / lang).is_dir():
        raise RuleError(root / lang, None, f"no rules for language {lang!r} under {root}")
    paths = rule_files(root, lang)
    for p in paths:
        if not p.exists():
            raise RuleError(p, None, "rule file is missing")
    return _load(root, lang, _digest(paths))


@functools.lru_cache(maxsize=8)
def _load(root: Path, lang: str, digest: str) -> RuleSet:
    d = root / lang
    entities, _ = load_model(d / "entities.yaml", EntitiesFile)
    if (root / "countries.yaml").exists():  # every state, from CLDR, with this language's additions
        countries, _ = load_model(root / "countries.yaml", CountriesFile)
        extras, extra_lines = (load_model(d / "countries.yaml", CountryExtrasFile) if (d / "countries.yaml").exists()
                               else (CountryExtrasFile(countries={}), {}))
        entities = entities.model_copy(update={"entities": entities.entities + country_entities(
            countries, extras, lang, d / "countries.yaml", extra_lines)})
    titles, _ = load_model(d / "titles.yaml", TitlesFile)
    calendar, _ = load_model(d / "calendar.yaml", CalendarFile)
    numbers, _ = load_model(d / "numbers.yaml", NumbersFile)
    offices = OfficesFile(terms=[])
    for p in sorted((root / "kb").glob("*.yaml")):
        more, _ = load_model(p, OfficesFile)
        offices.terms.extend(more.terms)
    policy, _ = load_model(root / "policy.yaml", PolicyFile)
    _check_references(root, entities, titles, offices)

    claim_files: dict[str, ClaimsFile] = {}
    claim_lines: dict[str, tuple[Path, dict]] = {}
    seen_ids: dict[str, Path] = {}
    for p in sorted((d / "claims").glob("*.yaml")):
        cf, lines = load_model(p, ClaimsFile)
        if cf.family in claim_files:
            raise RuleError(p, lines.get(("family",)), f"family {cf.family!r} is defined twice")
        for i, r in enumerate(list(cf.rules) + list(cf.triggers)):
            if r.id in seen_ids:
                where = ("rules", i) if i < len(cf.rules) else ("triggers", i - len(cf.rules))
                raise RuleError(p, lines.get(where + ("id",)), f"duplicate rule id {r.id!r} (also in {seen_ids[r.id].name})")
            seen_ids[r.id] = p
        claim_files[cf.family] = cf
        claim_lines[cf.family] = (p, lines)

    rs = RuleSet(root, "ar", digest, entities, titles, calendar, numbers, offices, policy, claim_files)
    rs.macros = {
        "p": r"\u27e6p\d+\u27e7",
        "c": r"\u27e6c\d+\u27e7",
        "l": r"\u27e6[cl]\d+\u27e7",
        "num": _number_macro(numbers),
        "gap": r"(?:[\s،,]+[^\s،,]+){0,6}?[\s،,]*?",
    }
    c = calendar
    day_words = list(c.relative_days) + [w for ws in c.weekdays.values() for w in ws]
    months = [w for ws in c.months.values() for w in ws]
    rs.macros["day"] = rf"{alternation(day_words)}(?:\s+{alternation(day_words)})?|\d{{1,2}}\s+{alternation(months)}"
    if "durations" in claim_files:
        rs.macros["duration"] = _duration_macro(claim_files["durations"], numbers)
    for fam, cf in claim_files.items():
        path, lines = claim_lines[fam]
        for i, t in enumerate(cf.triggers):
            if cf.event is None:
                raise RuleError(path, lines.get(("triggers", i)), "triggers need the file's `event`")
            rx = _compile(path, ("triggers", i, "pattern"), t.pattern, rs.macros, lines)
            rs.triggers.append(CompiledTrigger(t, FilteredRegex.of(rx), cf.event))
        for i, r in enumerate(cf.rules):
            alternatives = [r.pattern] if isinstance(r.pattern, str) else r.pattern
            rxs = [_compile(path, ("rules", i, "pattern") + (() if isinstance(r.pattern, str) else (k,)),
                            alt, rs.macros, lines) for k, alt in enumerate(alternatives)]
            rs.rules.append(CompiledRule(r, [FilteredRegex.of(rx) for rx in rxs], str(path), fam, cf.event))
    return rs


def _check_references(root: Path, entities: EntitiesFile, titles: TitlesFile, offices: OfficesFile) -> None:
    ids = {e.id for e in entities.entities}
    roles = {r.id for r in titles.roles}
    seen: set[str] = set()
    for e in entities.entities:
        if e.id in seen:
            raise RuleError(root / "ar" / "entities.yaml", None, f"duplicate entity id {e.id!r}")
        seen.add(e.id)
    for t in offices.terms:
        if t.person not in ids:
            raise RuleError(root / "kb", None, f"term names unknown person {t.person!r}")
        if t.role not in roles:
            raise RuleError(root / "kb", None, f"term names unknown role {t.role!r}")
