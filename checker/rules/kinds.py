"""The closed set of value kinds a claim family may declare, and what belongs to each.

A linter offers a fixed set of check types and lets its configuration pick and tune them; the
claim families do the same with value kinds. Each kind has its own keys (on a rule, on an
attribute declaration, at the top of its family's file), the named groups its patterns must
capture, the ways it may be read and the events its claims may go to, and the policy check a
conflict between two of its values reports. checker/extract/kinds.py holds the reader of each
kind, checker/compare/comparators.py its comparator; rules/README.md documents them for
linguists. A key outside its kind is a rule error naming file and line, never a silent no-op.
"""

from __future__ import annotations

from dataclasses import dataclass

# where a claim goes, by the name an attribute declaration gives it
TARGETS = {
    "sentence": "the event triggered nearest the match in the sentence, else the one under discussion",
    "event": "the attribute's event, triggered in the sentence or under discussion",
    "trigger": "the attribute's event, only when triggered in the sentence (the first match a sentence)",
    "current": "the event under discussion (of any type for a nested event), else a new one of the attribute's type",
    "document": "the document itself, read in its first lines only (a dateline)",
    "person": "the person named (titles)",
}

READINGS = {
    "rules": "the family's pattern rules that name the attribute",
    "event_date": "the date phrase nearest the trigger of the event",
    "clock": "every clock time in a sentence about the event",
    "titles": "every person named with a title (rules/<lang>/titles.yaml)",
    "vocabulary": "words of the family's `topics` in a sentence with one of its `topic_verbs`",
    "mediators": "who mediated or hosted the event: a country or person after a word of mediation "
                 "(rules/<lang>/entities.yaml `parties.mediators`)",
}


@dataclass(frozen=True)
class Kind:
    name: str
    what: str
    groups: tuple[tuple[str, ...], ...] = ()  # a pattern needs one group of each tuple
    optional_groups: tuple[str, ...] = ()  # groups a pattern may capture besides
    rule_keys: tuple[str, ...] = ()  # optional keys of a rule of this kind
    required_rule_keys: tuple[str, ...] = ()
    attribute_keys: tuple[str, ...] = ()  # keys of an attribute declaration beyond kind/read/target/check
    readings: tuple[str, ...] = ("rules",)
    targets: tuple[str, ...] = ("sentence",)  # the first is the default
    check: str | None = None  # the policy check of a conflict (None: never compared)
    vocabulary: tuple[str, ...] = ()  # top-level keys of the family file that belong to the kind


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("date", "a day interval, with the weekday stated", groups=(("when",),),
         readings=("rules", "event_date"), targets=("event", "sentence", "trigger"), check="conflict.date"),
    Kind("time", "a clock time, with its zone or the zones of the parties", readings=("clock",),
         targets=("event",), check="conflict.time"),
    Kind("duration", "a duration as an interval of minutes, open where the text says 'more than'",
         groups=(("d",),), rule_keys=("qualifier",), targets=("sentence", "event", "trigger"), check="conflict.duration",
         vocabulary=("units", "fractions", "portions", "qualifiers", "connectors", "several", "slightly", "article",
                     "parts", "part_breaks", "part_pronouns", "range_from", "range_to")),
    Kind("count", "a count per side or in total, of a unit; of a group ({C:group}: a nationality) or freed by one side "
         "({C:by})", groups=(("n",),), optional_groups=("m", "group", "by"), rule_keys=("count", "qualifier", "number"),
         attribute_keys=("unit",), targets=("current", "event", "trigger", "sentence"), check="conflict.count",
         vocabulary=("stages",)),
    Kind("title", "a person's role, country and status", readings=("titles",), targets=("person",),
         check="conflict.title"),
    Kind("initiator", "which party placed a call, by a person ({P:caller}), a side ({C:side}), or the "
         "call's other party than the one called ({P:callee} alone: \"a call he made with Putin\")",
         groups=(("caller", "side", "callee"),), rule_keys=("strength",), targets=("event", "trigger"),
         check="conflict.initiator"),
    Kind("place", "a place or country", groups=(("place",),), targets=("trigger", "event", "sentence", "document"),
         check="conflict.place"),
    Kind("person", "a person named ({P:who})", groups=(("who",),), targets=("event", "trigger", "sentence"),
         check="conflict.person"),
    Kind("ordinal", "which one of a series an event is (the fifth round, his sixth visit), of what is counted",
         groups=(("n",),), rule_keys=("label",), required_rule_keys=("label",), targets=("sentence", "event", "trigger"),
         check="conflict.round"),
    Kind("number", "how many took part, as an interval of whole numbers, of what is counted",
         groups=(("n",),), rule_keys=("label", "qualifier"), required_rule_keys=("label",),
         targets=("event", "current", "sentence", "trigger"), check="conflict.count"),
    Kind("label", "a categorical value: an agreement reached, a topic discussed", rule_keys=("label",),
         required_rule_keys=("label",), readings=("rules", "vocabulary", "mediators"), targets=("sentence", "event", "trigger"),
         vocabulary=("topics", "topic_verbs")),
)}

# keys every rule has, whatever its kind
COMMON_RULE_KEYS = ("id", "attribute", "pattern", "examples")
# an attribute is `<event>.<name>`, `{event}.<name>` (whichever event the sentence speaks of),
# `document.<name>` or `person.<name>`
TEMPLATE = "{event}"
SCOPES = ("document", "person")


def markdown_table() -> str:
    """The kinds as rules/README.md lists them (a test keeps the two the same)."""
    def codes(xs: tuple[str, ...]) -> str:
        return ", ".join(f"`{x}`" for x in xs) or "–"

    rows = ["| kind | value | pattern groups | rule keys | attribute keys | read by | targets (default first) "
            "| vocabulary | conflict check |",
            "|---|---|---|---|---|---|---|---|---|"]
    for k in KINDS.values():
        groups = " ".join("/".join(f"`{g}`" for g in alt) for alt in k.groups) or "–"
        if k.optional_groups:
            groups += f" (may add {', '.join(f'`{g}`' for g in k.optional_groups)})"
        rows.append(f"| `{k.name}` | {k.what} | {groups} | {codes(k.rule_keys)} | {codes(k.attribute_keys)} "
                    f"| {codes(k.readings)} | {codes(k.targets)} | {codes(k.vocabulary)} "
                    f"| {f'`{k.check}`' if k.check else 'never compared'} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
