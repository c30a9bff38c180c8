"""The compiled rule set: every rule file, validated, normalised and compiled once.

One loader for every kind of rule file (entities, titles, calendar, numbers, claim families,
the knowledge base, the policy, boilerplate markers and publication-date formats), one cache
keyed by the files' content (an edited file is read again, even in the same process) and one
digest of every file read (the claim store notices with it that stored claims were read under
other rules).

Patterns are written in plain Arabic and normalised on load, so a linguist writes "تلقى" and the
pattern matches "تلقی" and "تلقّى" alike. Macros in patterns:

  {P} {P:name}     a person found in the sentence (named group `name`)
  {C} {L} {L:name} a country ({C}), or a place or country ({L})
  {city:name}      a place that is no country (جدة, "Istanbul"): "محادثات جدة" is where, "محادثات أوكرانيا" what
  {num} {num:name} a number in digits or words (ألف، خمسمئة، 1,000)
  {duration:name}  a duration phrase with its qualifier
  {day:name}       a day: relative (أمس، أول أمس), a weekday, or "day month"
  {gap}            up to six words
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from checker import rule_lint
from checker.paths import default_rules_dir
from checker.rules.boilerplate import BoilerplateRules, compile_boilerplate
from checker.rules.checks import CHECKS
from checker.rules.countries import country_entities
from checker.rules.families import Declared, Families, check_families, check_groups, check_policy_events_used
from checker.rules.ingest_schema import BoilerplateFile, PublishedFile
from checker.rules.loader import RuleError, line_of, load_model
from checker.rules.prefilter import FilteredRegex
from checker.rules.published import PublishedRules, compile_published
from checker.rules.schema import (
    CalendarFile,
    ClaimRule,
    ClaimsFile,
    CountriesFile,
    CountryExtrasFile,
    DurationQualifiers,
    EntitiesFile,
    NumbersFile,
    OfficesFile,
    PolicyFile,
    TitlesFile,
    Trigger,
)
from checker.text.normalize import normalize_word

T = TypeVar("T")

PERSON = "\u27e6p{}\u27e7"  # ⟦p3⟧: a person in a sentence skeleton
COUNTRY = "\u27e6c{}\u27e7"
PLACE = "\u27e6l{}\u27e7"


GAP_WORDS = r"(?:[^\s.،,]+\s+){0,3}?"  # what "…" in a listed phrase stands for: up to three words


def alternation(words: list[str]) -> str:
    """A regex alternation of normalised words, longest first (so أول أمس wins over أمس); "…"
    in a phrase stands for up to three words ("كان … قد": كان الزعيمان قد)."""
    forms = sorted({normalize_word(w) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("…\\s+", GAP_WORDS)
                            for w in forms) + ")"


def trigger_regexes(rs: RuleSet) -> dict[str, list[re.Pattern[str]]]:
    """Each event type's trigger regexes (matched on a sentence's skeleton), built once."""
    def build(r: RuleSet) -> dict[str, list[re.Pattern[str]]]:
        out: dict[str, list[re.Pattern[str]]] = {}
        for t in r.triggers:
            out.setdefault(t.event, []).append(t.regex.regex)
        return out
    return rs.derived("rules.trigger_regexes", build)


def all_trigger_regexes(rs: RuleSet) -> list[re.Pattern[str]]:
    """Every trigger regex of every event type, in one list (built once)."""
    return rs.derived("rules.all_trigger_regexes", lambda r: [t.regex.regex for t in r.triggers])


def place_countries(rs: RuleSet) -> dict[str, str]:
    """City -> the country it lies in, for every place the rules list with one (built once per
    rule set): "in Moscow" and "in Russia" are one place to the aligner and the comparer."""
    return rs.derived("rules.place_countries",
                      lambda r: {e.id: e.country for e in r.entities.entities if e.type == "place" and e.country})


def entity_zones(rs: RuleSet) -> dict[str, str]:
    """Entity -> its time zone: a place's or a country's own, else its country's (a person's is
    their country's; built once per rule set)."""
    def build(r: RuleSet) -> dict[str, str]:
        by_id = {e.id: e for e in r.entities.entities}
        out = {}
        for e in r.entities.entities:
            zone = e.zone or (by_id[e.country].zone if e.country in by_id else None)
            if zone:
                out[e.id] = zone
        return out
    return rs.derived("rules.entity_zones", build)


@dataclass(frozen=True)
class CompiledRule:
    rule: ClaimRule
    regexes: list[FilteredRegex]
    path: str
    family: str
    event: str | None
    line: int | None = None  # of the rule in its file
    example_lines: tuple[int | None, ...] = ()  # of each of its examples
    declared: Declared | None = None  # the attribute's kind, reading and target


@dataclass(frozen=True)
class CompiledTrigger:
    trigger: Trigger
    regex: FilteredRegex
    event: str


@dataclass(frozen=True)
class RuleSet:
    """Every rule of one language, as loaded; never changed afterwards.

    What a later stage builds from the rules (a spaCy pipeline, a grammar of dates) is asked
    for with `derived`, which builds it once per rule set; it is not shipped with the rule set
    to other processes (they build their own)."""

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
    boilerplate: dict[str, BoilerplateRules] = field(default_factory=dict)  # per language
    published: PublishedRules | None = None  # every language's publication-date rules, merged
    files: tuple[str, ...] = ()  # the rule files read, relative to root: what `digest` covers
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _lock: Any = field(default_factory=threading.Lock, repr=False, compare=False)
    families: Families = field(default_factory=Families)  # what the claim families declare
    policy_lines: dict = field(default_factory=dict, repr=False, compare=False)  # for errors found later
    # the rule sets of the other languages under the same root: one run reads every document
    # (and every sentence: an English quote in an Arabic story) with the rules of its language
    others: dict[str, RuleSet] = field(default_factory=dict)

    @property
    def languages(self) -> list[str]:
        """Every language this rule set can read, its own first."""
        return [self.lang, *sorted(self.others)]

    def for_language(self, lang: str) -> RuleSet | None:
        """The rule set of `lang` (None when there are no rules for it)."""
        return self if lang == self.lang else self.others.get(lang)

    def family(self, name: str) -> ClaimsFile:
        return self.claim_files[name]

    def boilerplate_for(self, language: str) -> BoilerplateRules:
        """The boilerplate rules of a page's language, else those of this rule set's language.

        A lookup among the files loaded, never a path built from the page's `language`
        field: an article cannot choose which file is read."""
        for lang in (language, self.lang, "ar"):
            if lang in self.boilerplate:
                return self.boilerplate[lang]
        raise RuleError(self.root / self.lang / "boilerplate.yaml", None, "boilerplate rule file not found")

    def derived(self, name: str, build: Callable[[RuleSet], T]) -> T:
        """`build(self)`, computed once per rule set and kept with it under `name`."""
        with self._lock:
            if name not in self._derived:
                self._derived[name] = build(self)
            return self._derived[name]

    def __getstate__(self) -> dict[str, Any]:
        # shipped to another process without what was derived there (spaCy objects do not
        # pickle cheaply, and the receiver builds its own) nor the lock
        return {k: v for k, v in self.__dict__.items() if k not in ("_derived", "_lock")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _derived={}, _lock=threading.Lock())

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


def compound_parts(numbers: NumbersFile) -> tuple[list[str], list[str]]:
    """The number words of units (1-9) and of tens (20-90) a compound number joins."""
    units = [w for w, v in numbers.values.items() if 1 <= v <= 9]
    tens = [w for w, v in numbers.values.items() if 20 <= v <= 90 and v % 10 == 0]
    return units, tens


def _number_macro(numbers: NumbersFile) -> str:
    words = alternation(list(numbers.values))
    if numbers.compound_joiner:
        units, tens = (alternation(x) for x in compound_parts(numbers))
        join = re.escape(numbers.compound_joiner)
        pair = rf"{units}\s+{join}\s*{tens}" if numbers.compound_order == "units_tens" else rf"{tens}\s*{join}\s*{units}"
        words = rf"(?:{pair}(?!\w)|{words})"
    mult = alternation(list(numbers.multipliers))
    digits = r"\d{1,3}(?:[,.]\d{3})+|\d+"
    # (?<!\d): never start inside a run of digits, or a long one is tried from every position
    # (?<![a-z]): a Latin number word starts a word ("ten", not the end of "often"); Arabic ones
    # may carry clitics (والف), so only Latin letters are refused before them
    return rf"(?<![\d,.])(?:(?:{digits})(?:\s+{mult})?|(?<![a-z]){words}(?:\s+{mult})?)(?!\w)"


def _ordinal_macro(numbers: NumbersFile) -> str:
    """{ord}: an ordinal word (الخامسة، fifth) or digits with the language's ordinal suffix (5th)."""
    digits = r"(?<![\d,.])\d{1,3}" + (rf"(?:{alternation(numbers.ordinal_suffixes)})" if numbers.ordinal_suffixes else "")
    if not numbers.ordinals:
        return digits + r"(?![\d\w])"
    words = alternation(list(numbers.ordinals))  # longest first: "الحادية عشرة" whole
    return rf"(?:{digits}(?![\d\w])|(?<![a-z]){words}(?!\w))"


def _duration_macro(durations: ClaimsFile, numbers: NumbersFile) -> str:
    assert durations.qualifiers is not None
    q = durations.qualifiers
    qual = _qualifier_words(q)
    units = alternation(list(durations.units))
    fractions = alternation(list(durations.fractions)).replace(r"\s+", r"[\s-]+")  # "two-and-a-half-hour"
    # the count before a unit: a number, a number word or a portion (نصف ساعة); never a year
    # ("في 24 يونيو 2025 ساعتين") nor any other word ("استمر الاتصال ساعة")
    words = alternation(list(numbers.values) + list(durations.portions))
    # "لثلاث ساعات": the preposition ل written onto a number word (onto digits: below)
    # digits may carry a decimal part ("2.5 hours", "1,5", "٤٫٥") and stand in brackets ("( 4.5 ) ساعة")
    digits = r"(?<![\d,.])\d{1,3}(?:[.,٫]\d+)?"
    num = rf"(?:\(\s*{digits}\s*\)|{digits}|(?<![a-z])ل?{words})"
    # "ساعة و40 دقيقة", "ساعة ودقيقتين", "two hours and 17 minutes", "an hour and two minutes"
    second = rf"(?:(?:\d+|(?<![a-z]){alternation(list(numbers.values))})[\s-]+)?{units}"
    more = rf"|\s+{alternation(durations.connectors)}\s*{second}" if durations.connectors else ""
    # the count may carry the preposition ل (دامت لـ45 دقيقة), and "عدة" stands for "several";
    # a portion may stand before an article that counts one ("half an hour")
    several = alternation(durations.several) if durations.several else None
    count = rf"(?:ل(?=\d))?{num}(?:\s+{alternation(list(durations.portions))}(?=\s))?" \
        + (rf"|{several}" if several else "")
    unit_phrase = rf"(?:(?:{count})(?:[\s-]+{fractions})?[\s-]+)?{units}(?:\s+{fractions}{more})?"
    article = rf"(?:{re.escape(normalize_word(durations.article))}(?={units}))?" if durations.article else ""
    slightly = rf"(?:\s+{alternation(durations.slightly + q.about_after)})?" if durations.slightly or q.about_after else ""
    # a range: "بين 4 و5 ساعات", "من أربع إلى خمس ساعات", "between four and five hours"
    span = ""
    if durations.range_from and durations.range_to:  # the opening word is needed: "one and a half hours" is none
        span = rf"(?:{alternation(durations.range_from)}\s+{num}\s+{alternation(durations.range_to)}\s*(?={count}))?"
    return rf"(?:ل?{qual}\s+{article})?{span}{unit_phrase}(?!\w){slightly}"  # لنحو: the qualifier with a clitic


def _hedge_macro(durations: ClaimsFile) -> str:
    """A duration's qualifier where it bounds a count too ("نحو 300", "more than 200"): the
    count reader turns the words before its number into the count's bound."""
    assert durations.qualifiers is not None
    return rf"(?:ل|و)?{_qualifier_words(durations.qualifiers)}"


def _qualifier_words(q: DurationQualifiers) -> str:
    """Every qualifier of a duration (or count) as one alternation, longest first."""
    return alternation(q.about + q.at_least + q.at_most + q.just_under)


def normalize_pattern(pattern: str) -> str:
    """A regex as it must be to match normalised text ("إلى" is matched as "الي")."""
    # only the non-ASCII runs: normalising lowercases Latin, which would turn \S into \s
    return re.sub(r"[^\x00-\x7f]+", lambda m: normalize_word(m.group()), pattern)


def expand(pattern: str, macros: dict[str, str]) -> str:
    """Normalise a pattern's Arabic and replace {macro} / {macro:group} by their regexes."""
    pattern = normalize_pattern(pattern)

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
        rx = re.compile(expand(pattern, macros))
    except KeyError as exc:
        raise RuleError(path, lines.get(where), f"unknown macro {{{exc.args[0]}}} in pattern") from exc
    except re.error as exc:
        raise RuleError(path, lines.get(where), f"invalid regular expression: {exc}") from exc
    problem = rule_lint.group_problem(pattern) or rule_lint.regex_problem(rx.pattern)
    if problem:
        raise RuleError(path, lines.get(where), problem)
    return rx


def rule_files(root: Path, lang: str) -> list[Path]:
    """Every file the rule set of `lang` is made of, sorted: its language's files and claim
    families, the knowledge base, the policy, and the page rules of every language."""
    lang_dir = root / lang
    return sorted(
        {lang_dir / n for n in ("entities.yaml", "titles.yaml", "calendar.yaml", "numbers.yaml")}
        | set((lang_dir / "claims").glob("*.yaml"))
        | set((root / "kb").glob("*.yaml"))
        | {root / "policy.yaml"}
        | set(root.glob("*/boilerplate.yaml"))
        | set(root.glob("*/published.yaml"))
        | {p for p in (root / "countries.yaml", lang_dir / "countries.yaml") if p.exists()}
    )


def _digest(root: Path, contents: dict[Path, bytes]) -> str:
    h = hashlib.sha256()
    for p in sorted(contents):
        h.update(p.relative_to(root).as_posix().encode() + b"\x00")
        h.update(hashlib.sha256(contents[p]).digest())
    return h.hexdigest()[:16]


# (root, lang, digest) -> RuleSet: the content decides, so an edited file is read again
_CACHE: OrderedDict[tuple[Path, str, str], RuleSet] = OrderedDict()
_CACHE_SIZE = 8
_CACHE_LOCK = threading.Lock()


def rule_languages(root: Path | None = None) -> list[str]:
    """The languages with rules under `root`: folders holding an entities.yaml, Arabic (the
    default) first, then the others in name order."""
    root = (root or default_rules_dir()).resolve()
    found = sorted(p.parent.name for p in root.glob("*/entities.yaml"))
    return sorted(found, key=lambda lang: (lang != "ar", lang))


def load_ruleset(root: Path | None = None, lang: str = "ar") -> RuleSet:
    """Load, validate and compile the rules under `root` (default: the shipped rules) for
    `lang`, with those of every other language under the same root as `others` (one run reads
    each document, and each sentence, with the rules of its own language); cached by the
    content of the files, which are read once for the digest and the parse alike."""
    root = (root or default_rules_dir()).resolve()
    primary = _load_language(root, lang)
    others = {o: _load_language(root, o) for o in rule_languages(root) if o != lang}
    _check_policy_used([primary, *others.values()])
    if not others:
        return primary
    key = (root, lang, "+".join([primary.digest] + [f"{o}:{rs.digest}" for o, rs in others.items()]))
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    for other in others.values():
        _check_same_entities(root, primary, other)
    digest = hashlib.sha256(key[2].encode()).hexdigest()[:16]
    combined = dataclasses.replace(primary, digest=digest, others=others)
    with _CACHE_LOCK:
        _CACHE[key] = combined
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return combined


def _check_same_entities(root: Path, a: RuleSet, b: RuleSet) -> None:
    """One id is one thing in every language: an English and an Arabic account of one event must
    name the same people, countries and places, with the same country and time zone."""
    theirs = {e.id: e for e in b.entities.entities}
    for e in a.entities.entities:
        o = theirs.get(e.id)
        if o is not None and (o.type, o.country, o.zone) != (e.type, e.country, e.zone):
            raise RuleError(root / b.lang / "entities.yaml", None,
                            f"entity {e.id!r} differs from rules/{a.lang}: type/country/zone "
                            f"{(o.type, o.country, o.zone)} vs {(e.type, e.country, e.zone)}")


def _load_language(root: Path, lang: str) -> RuleSet:
    if not (root / lang).is_dir():
        raise RuleError(root / lang, None, f"no rules for language {lang!r} under {root}")
    contents: dict[Path, bytes] = {}
    for p in rule_files(root, lang):
        try:
            contents[p] = p.read_bytes()
        except FileNotFoundError:
            raise RuleError(p, None, "rule file is missing") from None
        except OSError as exc:
            raise RuleError(p, None, f"cannot read rule file: {exc}") from exc
    key = (root, lang, _digest(root, contents))
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    rs = _load(root, lang, key[2], contents)
    with _CACHE_LOCK:
        _CACHE[key] = rs
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return rs


def load_boilerplate_rules(language: str = "ar", rules_dir: Path | None = None) -> BoilerplateRules:
    """The boilerplate rules for pages in `language` (see RuleSet.boilerplate_for)."""
    return load_ruleset(rules_dir).boilerplate_for(language)


def load_published_rules(rules_dir: Path | None = None) -> PublishedRules:
    """Every language's publication-date rules, merged."""
    published = load_ruleset(rules_dir).published
    assert published is not None  # load_ruleset always compiles them
    return published


def _load(root: Path, lang: str, digest: str, contents: dict[Path, bytes]) -> RuleSet:
    def model(path: Path, schema):
        return load_model(path, schema, contents[path])

    # the files read for the digest, never globbed again: what is parsed is what was hashed
    files = sorted(contents)
    d = root / lang
    entities, _ = model(d / "entities.yaml", EntitiesFile)
    if (root / "countries.yaml") in contents and (d / "countries.yaml") in contents:
        # every state, from CLDR, with this language's additions (a language opts in with its
        # countries.yaml; its entities.yaml then lists no countries)
        countries, _ = model(root / "countries.yaml", CountriesFile)
        extras, extra_lines = model(d / "countries.yaml", CountryExtrasFile)
        entities = entities.model_copy(update={"entities": entities.entities + country_entities(
            countries, extras, lang, d / "countries.yaml", extra_lines, {e.id for e in entities.entities})})
    titles, _ = model(d / "titles.yaml", TitlesFile)
    calendar, calendar_lines = model(d / "calendar.yaml", CalendarFile)
    calendar = _with_cldr(calendar, d / "calendar.yaml", calendar_lines)
    # the shapes are matched against normalised text: written as a reader writes ("إلى")
    shapes = calendar.shapes
    calendar = calendar.model_copy(update={"shapes": shapes.model_copy(update={
        k: normalize_pattern(v) for k, v in shapes if isinstance(v, str)})})
    numbers, _ = model(d / "numbers.yaml", NumbersFile)
    offices = OfficesFile(terms=[])
    for p in (p for p in files if p.parent == root / "kb"):
        more, _ = model(p, OfficesFile)
        offices.terms.extend(more.terms)
    policy, policy_lines = model(root / "policy.yaml", PolicyFile)
    _check_references(root, lang, entities, titles, offices)

    claim_files: dict[str, ClaimsFile] = {}
    claim_lines: dict[str, tuple[Path, dict]] = {}
    seen_ids: dict[str, Path] = {}
    for p in (p for p in files if p.parent == d / "claims"):
        cf, lines = model(p, ClaimsFile)
        if cf.family in claim_files:
            raise RuleError(p, lines.get(("family",)), f"family {cf.family!r} is defined twice")
        for i, r in enumerate(list(cf.rules) + list(cf.triggers)):
            if r.id in seen_ids:
                where = ("rules", i) if i < len(cf.rules) else ("triggers", i - len(cf.rules))
                raise RuleError(p, lines.get(where + ("id",)), f"duplicate rule id {r.id!r} (also in {seen_ids[r.id].name})")
            seen_ids[r.id] = p
        claim_files[cf.family] = cf
        claim_lines[cf.family] = (p, lines)

    named = {a.check for cf in claim_files.values() for a in cf.attributes.values() if a.check}
    _check_policy(root / "policy.yaml", policy, policy_lines, named)
    families = check_families(claim_files, claim_lines, policy, (root / "policy.yaml", policy_lines))
    macros = {
        "p": r"\u27e6p\d+\u27e7",
        "c": r"\u27e6c\d+\u27e7",
        "l": r"\u27e6[cl]\d+\u27e7",
        "city": r"\u27e6l\d+\u27e7",
        "num": _number_macro(numbers),
        "ord": _ordinal_macro(numbers),
        "gap": r"(?:[\s،,]+[^\s،,]+){0,6}?[\s،,]*?",
    }
    c = calendar
    day_words = list(c.relative_days) + [w for ws in c.weekdays.values() for w in ws]
    months = [w for ws in c.months.values() for w in ws]
    macros["day"] = rf"{alternation(day_words)}(?:\s+{alternation(day_words)})?|\d{{1,2}}\s+{alternation(months)}"
    if families.duration_family is not None:
        macros["duration"] = _duration_macro(claim_files[families.duration_family], numbers)
        macros["hedge"] = _hedge_macro(claim_files[families.duration_family])
    triggers: list[CompiledTrigger] = []
    rules: list[CompiledRule] = []
    for fam, cf in claim_files.items():
        path, lines = claim_lines[fam]
        for i, t in enumerate(cf.triggers):
            if cf.event is None:
                raise RuleError(path, lines.get(("triggers", i)), "triggers need the file's `event`")
            rx = _compile(path, ("triggers", i, "pattern"), t.pattern, macros, lines)
            triggers.append(CompiledTrigger(t, FilteredRegex.of(rx), cf.event))
        for i, r in enumerate(cf.rules):
            alternatives = [r.pattern] if isinstance(r.pattern, str) else r.pattern
            rxs = [_compile(path, ("rules", i, "pattern") + (() if isinstance(r.pattern, str) else (k,)),
                            alt, macros, lines) for k, alt in enumerate(alternatives)]
            declared = families.attributes[r.attribute]
            for k, rx in enumerate(rxs):
                loc = ("rules", i, "pattern") + (() if isinstance(r.pattern, str) else (k,))
                check_groups(r, declared.kind, set(rx.groupindex), path, line_of(lines, loc))
            example_lines = tuple(line_of(lines, ("rules", i, "examples", k)) for k in range(len(r.examples)))
            rules.append(CompiledRule(r, [FilteredRegex.of(rx) for rx in rxs], str(path), fam, cf.event,
                                      line_of(lines, ("rules", i)), example_lines, declared))

    boilerplate = {}
    for p in (p for p in files if p.name == "boilerplate.yaml" and p.parent.parent == root):
        spec, lines = model(p, BoilerplateFile)
        boilerplate[p.parent.name] = compile_boilerplate(spec, str(p), lines)
    if lang not in boilerplate and "ar" not in boilerplate:
        raise RuleError(d / "boilerplate.yaml", None, "boilerplate rule file not found")
    published_files = []
    for p in (p for p in files if p.name == "published.yaml" and p.parent.parent == root):
        spec, lines = model(p, PublishedFile)
        published_files.append((str(p), spec, lines))
    published = compile_published(published_files)

    return RuleSet(root, lang, digest, entities, titles, calendar, numbers, offices, policy, claim_files,
                   rules=rules, triggers=triggers, macros=macros, boilerplate=boilerplate, published=published,
                   files=tuple(p.relative_to(root).as_posix() for p in files), families=families,
                   policy_lines=policy_lines)


def _check_policy_used(sets: list[RuleSet]) -> None:
    """Every event type of policy.yaml is that of a claim family of some language: the policy is
    shared by every language's rules, and one language need not have every family. (Checks are
    looked at per language, before the families: every language names the checks it uses.)"""
    first = sets[0]
    check_policy_events_used(first.policy, (first.root / "policy.yaml", first.policy_lines),
                             {e for rs in sets for e in rs.families.event_types},
                             {a for rs in sets for a in rs.families.attributes})


def _check_policy(path: Path, policy: PolicyFile, lines: dict, declared: set[str]) -> None:
    """Every check the comparators run has its entry in policy.yaml, and no entry is for a
    check that does not exist: one the code runs, or one a claim family names for an
    attribute (`check: conflict.toll`)."""
    named = sorted(declared - set(CHECKS))
    for name in policy.checks:
        if name not in CHECKS and name not in named:
            raise RuleError(path, line_of(lines, ("checks", name)),
                            f"checks.{name}: no such check (the checks are: {', '.join(CHECKS)}; "
                            f"and those claim families name: {', '.join(named) or 'none'})")
    missing = [name for name in CHECKS if name not in policy.checks]
    if missing:
        raise RuleError(path, line_of(lines, ("checks",)),
                        f"checks: no severity and message for {', '.join(missing)} (every check needs both)")


def _with_cldr(calendar: CalendarFile, path: Path, lines: dict) -> CalendarFile:
    """Month names (wide and abbreviated) and weekday names (wide only: "Sat" and "Wed" are also
    English words) of the file's `cldr` locale, from Babel, added to those the file lists."""
    if calendar.cldr is None:
        return calendar
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    try:
        Locale.parse(calendar.cldr)
        wide, short = get_month_names("wide", locale=calendar.cldr), get_month_names("abbreviated", locale=calendar.cldr)
        days = get_day_names("wide", locale=calendar.cldr)  # 0 = Monday, as Python counts
    except (UnknownLocaleError, ValueError) as exc:
        raise RuleError(path, lines.get(("cldr",)), f"cldr: unknown locale {calendar.cldr!r} ({exc})") from exc
    months = {m: list(dict.fromkeys([*calendar.months.get(m, []), wide[m], short[m].rstrip(".")])) for m in range(1, 13)}
    weekdays = {d: list(dict.fromkeys([*calendar.weekdays.get(d, []), days[d]])) for d in range(7)}
    return calendar.model_copy(update={"months": months, "weekdays": weekdays})


def _check_references(root: Path, lang: str, entities: EntitiesFile, titles: TitlesFile, offices: OfficesFile) -> None:
    ids = {e.id for e in entities.entities}
    roles = {r.id for r in titles.roles}
    seen: set[str] = set()
    for e in entities.entities:
        if e.id in seen:
            raise RuleError(root / lang / "entities.yaml", None, f"duplicate entity id {e.id!r}")
        seen.add(e.id)
    for t in offices.terms:
        if t.person not in ids:
            raise RuleError(root / "kb", None, f"term names unknown person {t.person!r} "
                            f"(every person of the knowledge base needs names in rules/{lang}/entities.yaml)")
        if t.role not in roles:
            raise RuleError(root / "kb", None, f"term names unknown role {t.role!r}")
