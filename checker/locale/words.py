"""The reader's words: people, places, offices and values as the interface language says them.

Names come from rules/display.yaml, then from the entity and title rules (an Arabic name is
the first one articles use); values are phrased as an article would put them ("نحو ساعة
ونصف", "45 دقيقة", "about an hour and a half"), the interval only on request (where it is what
makes two values conflict). Every word that is not a name goes through the catalog.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from checker.locale import direction, translations
from checker.paths import default_rules_dir

if TYPE_CHECKING:
    from checker.rules.ruleset import RuleSet

DISPLAY_FILE = "display.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Shown(_Strict):
    en: str | None = None
    ar: str | None = None
    of: str | None = None  # English "president of <this>"


class DisplayFile(_Strict):
    entities: dict[str, Shown] = Field(default_factory=dict)
    roles: dict[str, Shown] = Field(default_factory=dict)
    statuses: dict[str, Shown] = Field(default_factory=dict)


@functools.cache
def load_display(root: Path) -> DisplayFile:
    """rules/display.yaml, validated (errors name the file and line); empty when absent."""
    from checker.rules.loader import load_model

    path = root / DISPLAY_FILE
    if not path.is_file():
        return DisplayFile()
    return load_model(path, DisplayFile)[0]


def _words(ident: str) -> str:
    return ident.replace("_", " ")


class Words:
    """How one interface language names things and says values."""

    def __init__(self, lang: str, rs: RuleSet | None = None, names: dict[str, str] | None = None) -> None:
        from babel import Locale

        self.lang = lang
        self.locale = Locale.parse(lang)  # parsed once: babel would parse a code on every call
        self._dates: dict[tuple[dt.date, bool], str] = {}
        self.names = names or {}  # display names already worked out (Report.names)
        self.t = translations(lang)
        self.rs = rs
        self.display = load_display((rs.root if rs is not None else default_rules_dir()))
        self.entities = {e.id: e for e in rs.entities.entities} if rs is not None else {}
        self.roles = {r.id: r for r in rs.titles.roles} if rs is not None else {}
        self._statuses = dict(rs.titles.statuses) if rs is not None else {}

    # ------------------------------------------------------------------ plain words

    def _(self, text: str) -> str:
        return self.t.gettext(text)

    def n_(self, one: str, many: str, n: int) -> str:
        return self.t.ngettext(one, many, n) % {"n": n}

    def p_(self, context: str, text: str) -> str:
        return self.t.pgettext(context, text)

    def join(self, items: Sequence[str], style: str = "standard") -> str:
        from babel.lists import format_list

        items = list(dict.fromkeys(items))
        return format_list(items, style=style, locale=self.locale) if items else ""

    def number(self, n: float) -> str:
        """English groups thousands (1,000); Arabic copy writes 1000, as the articles do."""
        if self.lang == "ar":
            return f"{n:g}"
        from babel.numbers import format_decimal

        return format_decimal(n, locale=self.locale)

    # ------------------------------------------------------------------ names

    def entity(self, ident: str | None) -> str:
        if not ident:
            return ""
        if ident in self.names:
            return self.names[ident]
        ent = self.entities.get(ident)
        return self._named(self.display.entities, ident, ent.names if ent else None) \
            or (_words(ident).title() if self.lang == "en" else _words(ident))

    def _named(self, table: dict[str, Shown], ident: str, arabic: list[str] | None) -> str | None:
        """The display name `table` gives `ident` in this language, else (in Arabic) the first
        of the names the rules give it."""
        shown = table.get(ident)
        name = getattr(shown, self.lang, None) if shown else None
        if name:
            return name
        return arabic[0] if self.lang == "ar" and arabic else None

    def all_names(self) -> dict[str, str]:
        """Every entity of the rules by its display name."""
        return {ident: self.entity(ident) for ident in self.entities}

    def reads_along(self, name: str) -> bool:
        """True when `name` runs in the interface's direction, or when the interface joins
        lists with a word of its own script (Arabic "و"): a right-to-left name in an English
        list ("A, B and C") would swap places with its neighbour on screen."""
        if direction(self.lang) == "rtl":
            return True
        for ch in name:
            if ch.isalpha():
                return not ("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc")
        return True

    def event(self, kind: str | None) -> str:
        """'the call', 'الاتصال': an event type as a noun with its article."""
        return {
            "call": self.p_("event", "the call"),
            "talks": self.p_("event", "the talks"),
            "exchange": self.p_("event", "the exchange"),
            "meeting": self.p_("event", "the meeting"),
            "strike": self.p_("event", "the strike"),
        }.get(kind or "", self.p_("event", "the event"))

    def role(self, role: str) -> str:
        rule = self.roles.get(role)
        return self._named(self.display.roles, role, rule.phrases if rule else None) or _words(role)

    def status(self, status: str) -> str:
        return self._named(self.display.statuses, status, self._statuses.get(status)) or _words(status)

    def title(self, role: str, country: str | None, status: str = "current") -> str:
        """'former president of the United States', 'الرئيس الأمريكي السابق'."""
        fixed = self.roles[role].country if role in self.roles else None
        country = None if fixed and fixed == country else country
        state = self.status(status) if status != "current" else ""
        if self.lang == "ar":
            adjective = ""
            if country:
                ent = self.entities.get(country)
                # the definite form agrees with a definite role (الرئيس الأمريكي)
                forms = [a for a in ent.adjectives if a.startswith("ال")] or ent.adjectives if ent is not None else []
                adjective = forms[0] if forms else self.entity(country)
            return " ".join(x for x in (self.role(role), adjective, state) if x)
        words = " ".join(x for x in (state, self.role(role)) if x)
        if country:
            shown = self.display.entities.get(country)
            words = self._("%(title)s of %(country)s") % {
                "title": words, "country": (shown.of if shown and shown.of else self.entity(country))}
        return words

    # ------------------------------------------------------------------ values

    def date(self, day: dt.date, weekday: bool = False) -> str:
        hit = self._dates.get((day, weekday))
        if hit is None:
            from babel.dates import format_date

            hit = self._dates[(day, weekday)] = format_date(day, "EEEE d MMMM y" if weekday else "d MMMM y",
                                                            locale=self.locale)
        return hit

    def weekday(self, n: int) -> str:
        from babel.dates import get_day_names

        return get_day_names("wide", locale=self.locale)[n]

    def date_value(self, v) -> str:
        if v.day is not None:
            text = self.date(v.day)
            if v.weekday is not None:
                text = f"{self.weekday(v.weekday)} {text}"
            return text
        if v.date_from or v.date_to:
            ends = [self.date(d) if d else "…" for d in (v.date_from, v.date_to)]
            return self._("between %(start)s and %(end)s") % {"start": ends[0], "end": ends[1]}
        month, day = getattr(v, "month", None), getattr(v, "day_of_month", None)
        if month and day:  # "الخميس 28 يوليو" on a page of unknown year
            from babel.dates import get_month_names

            text = f"{day} {get_month_names('wide', locale=self.locale)[month]}"
            return f"{self.weekday(v.weekday)} {text}" if v.weekday is not None else text
        if v.weekday is not None:
            return self.weekday(v.weekday)
        return self._("an unknown date")

    def span(self, minutes: float) -> str:
        """A length of time as words: 'ساعة ونصف', '45 دقيقة', 'two hours'."""
        whole = round(minutes)
        if abs(minutes - whole) > 1e-9:
            return self.t.ngettext("a minute", "%(n)s minutes", 11) % {"n": f"{minutes:g}"}
        hours, rest = divmod(whole, 60)
        if hours == 0:
            if rest == 30:
                return self._("half an hour")
            if rest == 15:
                return self._("a quarter of an hour")
            return self.n_("a minute", "%(n)s minutes", rest)
        h = self.n_("an hour", "%(n)s hours", hours)
        if rest == 0:
            return h
        if rest == 30:
            return self._("%(hours)s and a half") % {"hours": h}
        if rest == 15:
            return self._("%(hours)s and a quarter") % {"hours": h}
        return self._("%(hours)s and %(minutes)s") % {
            "hours": h, "minutes": self.n_("a minute", "%(n)s minutes", rest)}

    def duration(self, v, qualifier: str = "exact", interval: bool = False) -> str:
        if v.max is None:
            text = self._("more than %(span)s") % {"span": self.span(v.min)}
        elif v.min == 0:
            text = self._("less than %(span)s") % {"span": self.span(v.max)}
        else:
            text = self.span(v.minutes)
            if qualifier == "about":
                text = self._("about %(span)s") % {"span": text}
            elif qualifier == "at_least":
                text = self._("at least %(span)s") % {"span": text}
            elif qualifier == "at_most":
                text = self._("at most %(span)s") % {"span": text}
            elif qualifier == "just_under":
                text = self._("just under %(span)s") % {"span": text}
            if interval:
                text += " " + self._("(%(low)s–%(high)s minutes)") % {
                    "low": f"{v.min:.0f}", "high": f"{v.max:.0f}"}
        return f"{text} ({v.part.replace('_', ' ')})" if getattr(v, "part", None) else text

    def time(self, v) -> str:
        hm = f"{v.hour:02d}:{v.minute:02d}"
        if v.clock12:
            hm = self._("%(first)s or %(second)s") % {"first": hm, "second": f"{v.hour + 12:02d}:{v.minute:02d}"}
        if v.zone:
            from babel.dates import get_timezone_location

            city = get_timezone_location(v.zone, locale=self.locale, return_city=True)
            return self._("%(time)s %(city)s time") % {"time": hm, "city": city}
        return self._("%(time)s, no time zone stated") % {"time": hm}

    def people(self, n: int, unit: str) -> str:
        """'500 prisoners', '9 قتلى': a number of people of a unit, in the plural it takes."""
        forms = {
            "prisoners": ("a prisoner", "%(n)s prisoners"),
            "killed": ("%(n)s killed", "%(n)s killed"),
            "wounded": ("%(n)s wounded", "%(n)s wounded"),
        }.get(unit)
        if forms is None:
            return f"{self.number(n)} {_words(unit)}"
        return self.t.ngettext(*forms, n) % {"n": self.number(n)}

    def count(self, v) -> str:
        """'500 prisoners from each side (1,000 in all)', '2000 أسير إجمالاً', 'at least 9 killed'."""
        parts = []
        tally = v.unit in ("killed", "wounded")  # a toll, not an exchange: no sides, no "in all"
        if v.per_side:
            parts.append(self._("%(count)s from each side") % {"count": self.people(v.per_side, v.unit)})
        if v.total:
            if parts:
                parts.append("(" + self._("%(n)s in all") % {"n": self.number(v.total)} + ")")
            elif tally:
                parts.append(self.people(v.total, v.unit))
            else:
                parts.append(self._("%(count)s in all") % {"count": self.people(v.total, v.unit)})
        text = " ".join(parts)
        bound = getattr(v, "bound", "exact")
        if bound in ("about", "at_least", "at_most"):
            text = {"about": self._("about %(span)s"), "at_least": self._("at least %(span)s"),
                    "at_most": self._("at most %(span)s")}[bound] % {"span": text}
        # who are counted and who freed them, by name (no words of their own to translate)
        if getattr(v, "group", None):
            text += f" ({self.entity(v.group)})"
        if getattr(v, "by", None):
            text += f" ({self.entity(v.by)} →)"
        return f"{text} ({v.stage})" if v.stage else text

    def tally(self, v) -> str:
        """'31 countries and organisations', 'more than 20 countries': how many took part."""
        what = _words(v.of)
        if v.max is None:
            if v.bound == "more_than":
                return self._("more than %(n)s %(what)s") % {"n": self.number(v.min - 1), "what": what}
            return self._("at least %(n)s %(what)s") % {"n": self.number(v.min), "what": what}
        if v.min is None:
            return self._("at most %(n)s %(what)s") % {"n": self.number(v.max), "what": what}
        if v.min == v.max:
            return f"{self.number(v.min)} {what}"
        return f"{self.number(v.min)}–{self.number(v.max)} {what}"

    def value(self, value, qualifier: str = "exact", interval: bool = False) -> str:
        """Any claim value in the reader's words."""
        kind = getattr(value, "type", None)
        if kind == "date":
            return self.date_value(value)
        if kind == "duration":
            return self.duration(value, qualifier, interval)
        if kind == "time":
            return self.time(value)
        if kind == "count":
            return self.count(value)
        if kind == "title":
            return self.title(value.role, value.country, value.status)
        if kind == "initiator":
            who = self.entity(value.caller)
            return self._("%(who)s (weak wording)") % {"who": who} if value.strength != "strong" else who
        if kind == "place":
            return self.entity(value.place)
        if kind == "person":
            return self.entity(value.person)
        if kind == "label":
            return _words(value.label)
        if kind == "ordinal":
            return self._("%(what)s no. %(n)s") % {"what": _words(value.of), "n": self.number(value.round)}
        if kind == "number":
            return self.tally(value)
        if kind == "participants":
            return self.join([self.entity(p) for p in value.participants])
        return str(value)
