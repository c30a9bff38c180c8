"""The checks the comparators run, by id: rules/policy.yaml gives each its severity and message.

The ids are code (a comparator decides when a check fails), the severity and the wording are
data. Both sides are held to each other when the rules are loaded: a check missing from
policy.yaml, or an entry there for a check that does not exist (a typo), is a rule error naming
the file and line, not a KeyError in the middle of a report. A test keeps this list equal to the
ids the comparators emit.
"""

from __future__ import annotations

CHECKS: tuple[str, ...] = (
    "conflict.count",
    "conflict.date",
    "conflict.duration",
    "conflict.initiator",
    "conflict.initiator.weak",
    "conflict.person",
    "conflict.place",
    "conflict.round",
    "conflict.time",
    "conflict.title",
    "internal.time",
    "internal.weekday",
    "knowledge.name",
    "knowledge.title",
    "knowledge.titles",
)
