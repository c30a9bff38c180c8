"""People, countries and places in a sentence, with the titles attached to people.

Runs the spaCy pipeline of checker.text (normalised NORM, clitic-stripped LEMMA) and a
PhraseMatcher on LEMMA, so "وبوتين" and "لبوتين" are Putin. Unseen spellings of a name are
caught with rapidfuzz above the threshold in entities.yaml. A title is read from the words
before a name (الرئيس الأمريكي السابق دونالد ترامب) or from an apposition after it.

Everything here works on the normalised sentence; offsets are into that sentence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from checker.rules.ruleset import COUNTRY, PERSON, PLACE, RuleSet
from checker.rules.schema import OpenNames, RoleRule
from checker.text.normalize import normalize_word


@dataclass
class Item:
    kind: str  # ENT, ROLE, ADJ, STATUS (POSS: a country's possessive, until find_items reads it)
    key: str  # entity id, role id, country id or status
    start: int  # token index
    end: int
    char_start: int
    char_end: int


@dataclass
class Mention:
    """A person, country or place in a sentence; `entity` may be None for a bare role."""

    type: str  # person, country, place, role
    entity: str | None
    start: int  # char offsets in the normalised sentence (clitic prefix excluded)
    end: int
    role: str | None = None
    country: str | None = None
    status: str = "current"
    title_span: tuple[int, int] | None = None
    office: bool = True
    same_as_other: bool = False
    fuzzy: bool = False
    open: bool = False  # a person no rule lists, named with a title; `entity` is their surname
    party: bool = True  # False: titled as a spokesman or aide (a source, not a party)
    name: str | None = None  # an open person's name as read (normalised)


@dataclass
class Lexicon:
    """The compiled matcher for one rule set."""

    nlp: object
    matcher: object
    entity_types: dict[str, str]
    entity_country: dict[str, str | None]
    roles: dict[str, object]
    fuzzy_names: dict[str, str] = field(default_factory=dict)  # single-word name -> entity id
    threshold: float = 88
    min_length: int = 5
    modifiers_before: bool = False  # titles.yaml `modifiers: before` (former U.S. President)
    apposition_words: frozenset[str] = frozenset()
    open_names: bool = False  # entities.yaml `names`: read people no rule lists from their titles
    name_stop: frozenset[str] = frozenset()  # words that end an open name
    connectors: frozenset[str] = frozenset()
    max_name_words: int = 3
    zones: dict[str, str] = field(default_factory=dict)  # country or city id -> IANA zone
    # a person's name that begins with a role ("King Salman", "الملك سلمان"): entity id -> (lemmas of
    # the role's words, role id); the name, matched whole, still says the title
    titled_names: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)

    @functools.cached_property
    def fuzzy_keys(self) -> tuple[str, ...]:
        return tuple(sorted(self.fuzzy_names))


def lexicon(rs: RuleSet) -> Lexicon:
    """The matcher of a rule set, built once per rule set (RuleSet.derived; rule sets are
    cached by content)."""
    return rs.derived("mentions.lexicon", _build_lexicon)


def _build_lexicon(rs: RuleSet) -> Lexicon:
    from spacy.matcher import PhraseMatcher

    from checker.text.pipeline import make_nlp, phrase_patterns

    nlp = make_nlp(rs.lexicon_words(), rs.lang)
    matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    types, countries = {}, {}
    fuzzy_names: dict[str, str] = {}
    for ent in rs.entities.entities:
        types[ent.id] = ent.type
        countries[ent.id] = ent.country if ent.type != "country" else ent.id
        matcher.add(f"ENT|{ent.id}", phrase_patterns(nlp, ent.names))
        if ent.adjectives:
            matcher.add(f"ADJ|{ent.id}", phrase_patterns(nlp, ent.adjectives))
        if ent.type == "country" and rs.titles.possessives:
            matcher.add(f"POSS|{ent.id}", phrase_patterns(nlp, [n + p for n in ent.names for p in rs.titles.possessives]))
        if ent.type == "person":
            for name in ent.names:
                # only surnames, and no word with the article: the other words of a full name
                # are given names, ordinals and common words (عبد الله الثاني: الثانية)
                w = normalize_word(name.split()[-1])
                if len(w) >= rs.entities.fuzzy.min_length and not w.startswith("ال"):
                    fuzzy_names.setdefault(w, ent.id)
    roles = {}
    role_lemmas: list[tuple[tuple[str, ...], str]] = []
    for role in rs.titles.roles:
        roles[role.id] = role
        docs = phrase_patterns(nlp, role.phrases)
        matcher.add(f"ROLE|{role.id}", docs)
        role_lemmas += [(tuple(t.lemma_ for t in d), role.id) for d in docs]
    titled: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    for ent in rs.entities.entities:
        if ent.type != "person":
            continue
        for d in phrase_patterns(nlp, ent.names):
            lemmas = tuple(t.lemma_ for t in d)
            titled.setdefault(ent.id, set()).update(
                (r, rid) for r, rid in role_lemmas if _begins_with(lemmas, r) and roles[rid].office)
    titled_names = {k: tuple(sorted(v)) for k, v in titled.items() if v}
    for status, words in rs.titles.statuses.items():
        matcher.add(f"STATUS|{status}", phrase_patterns(nlp, words))
    if rs.titles.fillers:
        matcher.add("FILL|-", phrase_patterns(nlp, rs.titles.fillers))
    # first names shared by several people ("فلاديمير") must not be fuzzy-matched to one of them
    first_names = {normalize_word(n.split()[0]) for e in rs.entities.entities for n in e.names if " " in n}
    for w in first_names:
        fuzzy_names.pop(w, None)
    on = rs.entities.names or OpenNames()
    stop = {normalize_word(w) for w in on.stop}
    for names in list(rs.calendar.months.values()) + list(rs.calendar.weekdays.values()):
        stop.update(normalize_word(w) for n in names for w in n.split())
    stop.update(normalize_word(w) for w in rs.calendar.relative_days for w in w.split())
    stop.update(normalize_word(w) for w in rs.numbers.values)
    return Lexicon(nlp, matcher, types, countries, roles, fuzzy_names,
                   rs.entities.fuzzy.threshold, rs.entities.fuzzy.min_length,
                   rs.titles.modifiers == "before", frozenset(normalize_word(w) for w in rs.titles.apposition_words),
                   rs.entities.names is not None, frozenset(stop), frozenset(normalize_word(w) for w in on.connectors), on.max_words,
                   {e.id: e.zone for e in rs.entities.entities if e.zone}, titled_names)


@functools.lru_cache(maxsize=65536)
def _fuzzy_lookup(word: str, names: tuple[str, ...], threshold: float) -> str | None:
    best = process.extractOne(word, names, scorer=fuzz.ratio, score_cutoff=threshold)
    return best[0] if best else None


def _prefix_len(text: str, bare: str) -> int:
    """How many leading characters of a token are clitics (و، ب، لل...)."""
    if text == bare or not bare:
        return 0
    if text.endswith(bare):
        return len(text) - len(bare)
    if bare.startswith("ال") and text.endswith(bare[1:]):  # للرئيس -> ل + (ا)لرئيس
        return len(text) - len(bare) + 1
    return 0


def find_items(lex: Lexicon, doc, seen: dict[str, str] | None = None) -> list[Item]:
    """Rule phrases matched in a spaCy doc: longest first, no overlaps, in text order.

    `seen` maps the surnames of open people already read in this document (normalised) to
    their ids, so a later bare "ماكرون" is the "الرئيس الفرنسي إيمانويل ماكرون" named before."""
    from spacy.util import filter_spans

    vocab = lex.nlp.vocab
    spans = []
    for match_id, start, end in lex.matcher(doc):
        span = doc[start:end]
        span.label_ = vocab.strings[match_id]
        spans.append(span)
    # a name of a state that is also a city of it (موسكو, the Kremlin: rules/*/countries.yaml
    # lists it under both) is matched as the state; the place reader reads it as the city
    spans.sort(key=lambda sp: (sp.start, -sp.end, lex.entity_types.get(sp.label_.split("|", 1)[1]) != "country"))
    kept = filter_spans(spans)
    covered = {i for s in kept for i in range(s.start, s.end)}
    items = []
    for s in kept:
        kind, key = s.label_.split("|", 1)
        first = doc[s.start]
        pre = _prefix_len(first.text, first.lemma_)
        items.append(Item(kind, key, s.start, s.end, first.idx + pre, s.end_char))
    # unseen spellings of a surname: fuzzy, on words no rule claimed; then the surnames of
    # people read from their titles earlier in the document
    names = lex.fuzzy_keys
    surnames = tuple(sorted(seen)) if seen else ()
    for tok in doc:
        if tok.i in covered or not tok.is_alpha:
            continue
        lemma = tok.lemma_
        hit = _fuzzy_lookup(lemma, names, lex.threshold) if len(lemma) >= lex.min_length else None
        if hit:
            pre = _prefix_len(tok.text, lemma)
            items.append(Item("ENT", lex.fuzzy_names[hit] + "|fuzzy", tok.i, tok.i + 1, tok.idx + pre, tok.idx + len(tok.text)))
        elif surnames:
            word, pre = _bare(tok.text, seen)
            hit = word if word in seen else (_fuzzy_lookup(word, surnames, lex.threshold)
                                              if len(word) >= lex.min_length else None)
            if hit:
                items.append(Item("ENT", seen[hit] + "|open", tok.i, tok.i + 1, tok.idx + pre, tok.idx + len(tok.text)))
    items.sort(key=lambda it: it.start)
    return _possessives(doc, items)


def _possessives(doc, items: list[Item]) -> list[Item]:
    """A country's name with a possessive ending ("Saudi Arabia's") is its adjective before a
    role, a status or a name ("Saudi Arabia's crown prince"), and otherwise the country's name
    itself ("at Moscow's initiative")."""
    for k, it in enumerate(items):
        if it.kind != "POSS":
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        # ... or before one of its people ("Saudi Arabia's King Salman", as "Saudi King Salman")
        if nxt is not None and nxt.kind in ("ROLE", "STATUS", "ENT") and nxt.start == it.end:
            items[k] = Item("ADJ", it.key, it.start, it.end, it.char_start, it.char_end)
        else:
            last = doc[it.end - 2] if it.end - it.start > 1 else doc[it.start]
            items[k] = Item("ENT", it.key, it.start, max(it.start + 1, it.end - 1), it.char_start,
                            min(it.char_end, last.idx + len(last.text)))
    return items


def _bare(text: str, known: dict[str, str]) -> tuple[str, int]:
    """A word without the clitic before it when the rest is a known surname (ولماكرون)."""
    for pre in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
        if text.startswith(pre) and text[len(pre):] in known:
            return text[len(pre):], len(pre)
    return text, 0


_GLUE = {'"', "'", "«", "»", ".", "-"}  # "u.s" "." (a split "u.s."), "president" "-" "elect"


_JOINERS = {"and", ",", "&", "و"}  # between coordinated country adjectives ("Russian and US")


def _holds_title(lex: Lexicon, doc, it: Item, role, country: str | None) -> bool:
    """May the person at `it`, right after a title, be its holder? Not one with a clitic
    preposition ("وأكد الرئيس الصيني لبوتين": to Putin), nor one the rules place in another
    country than the title's ("استضاف الرئيس الصيني بوتين": the Chinese president hosted him)."""
    key = it.key.split("|")[0]
    if it.key.endswith("|open"):
        return True
    if it.char_start != doc[it.start].idx and doc[it.start].text[:1] in ("ل", "ب"):
        return False
    theirs = lex.entity_country.get(key)
    return role.country is not None or country is None or theirs is None or theirs == country


def _titled_name(lex: Lexicon, doc, it: Item, key: str):
    """The role a person's name, matched whole, begins with ("King Salman"), or None."""
    forms = lex.titled_names.get(key)
    if not forms:
        return None
    lemmas = tuple(t.lemma_ for t in doc[it.start:it.end])
    return next((lex.roles[rid] for r, rid in forms if _begins_with(lemmas, r)), None)


def _begins_with(words: tuple[str, ...], head: tuple[str, ...]) -> bool:
    """Do `words` begin with `head` and go on after it?"""
    return len(words) > len(head) and words[:len(head)] == head


def _adjacent(doc, a_end: int, b_start: int) -> bool:
    """True when only quotes stand between two token positions."""
    return all(doc[i].text in _GLUE for i in range(a_end, b_start))


def _is_country(lex: Lexicon, item: Item) -> bool:
    return item.kind in ("ENT", "ADJ") and lex.entity_types.get(item.key) == "country"


def _title_tail(lex: Lexicon, doc, items: list[Item], i: int, country: str | None) -> tuple[int, int, int, str | None, str]:
    """Read the country and statuses that follow a role at items[i] (الرئيس الأمريكي السابق,
    رئيس وزراء إيطاليا): where the title ends, its country and its status."""
    status = "current"
    j, end_tok, end_char = i + 1, items[i].end, items[i].char_end
    # a country named right after the role, with no clitic on it, is the role's country
    if country is None and j < len(items) and items[j].kind == "ENT" and _is_country(lex, items[j]) \
            and _adjacent(doc, end_tok, items[j].start) and items[j].char_start == doc[items[j].start].idx:
        country = items[j].key
        end_tok, end_char = items[j].end, items[j].char_end
        j += 1
    while j < len(items):
        nxt = items[j]
        if nxt.kind == "ADJ" and country is not None and nxt.key != country:
            break  # "الرئيسين الروسي والصيني": a second country is another person's, not this title's
        if nxt.kind in ("ADJ", "STATUS", "FILL") and _adjacent(doc, end_tok, nxt.start):
            if nxt.kind == "ADJ":
                country = country or nxt.key
            elif nxt.kind == "STATUS":
                status = nxt.key
            end_tok, end_char = nxt.end, nxt.char_end
            j += 1
        elif nxt.kind == "ENT" and _is_country(lex, nxt) and end_tok < len(doc) and doc[end_tok].text == "(" \
                and nxt.start == end_tok + 1 and nxt.end < len(doc) and doc[nxt.end].text == ")":
            # المتحدث باسم الرئاسة الروسية (الكرملين)
            country = country or nxt.key
            end_tok, end_char = nxt.end + 1, doc[nxt.end].idx + 1
            j += 1
        else:
            break
    # "المبعوث الخاص للرئيس الأمريكي": a role in the genitive (ل) belongs to this title; the
    # name after it is this role's holder
    if j < len(items) and items[j].kind == "ROLE" and _adjacent(doc, end_tok, items[j].start) \
            and doc[items[j].start].text.startswith("ل") and items[j].char_start > doc[items[j].start].idx:
        j, end_tok, end_char, inner, _ = _title_tail(lex, doc, items, j, None)
        country = country or inner
    return j, end_tok, end_char, country, status


def _title_head(doc, items: list[Item], i: int) -> tuple[int, str | None, str] | None:
    """Where modifiers stand before the role (former U.S. President): the index of the role that
    the adjacent country adjectives and statuses from items[i] lead to, with their country and
    status; None when no role follows them. Adjectives joined before them ("Russian and US
    Presidents Vladimir Putin and Joe Biden") name the countries of several people: the role is
    read without a country."""
    country, status = None, "current"
    coordinated = i > 0 and items[i - 1].kind == "ADJ" and items[i].kind == "ADJ" \
        and all(doc[t].lower_ in _JOINERS or doc[t].text in _GLUE for t in range(items[i - 1].end, items[i].start)) \
        and items[i - 1].end < items[i].start
    k = i
    while k < len(items) and items[k].kind in ("ADJ", "STATUS"):
        if k > i and not _adjacent(doc, items[k - 1].end, items[k].start):
            return None
        if items[k].kind == "ADJ":
            country = country or items[k].key
        else:
            status = items[k].key
        k += 1
    if k == i or k >= len(items) or items[k].kind != "ROLE" or not _adjacent(doc, items[k - 1].end, items[k].start):
        return None
    return k, None if coordinated else country, status


def _name_word(lex: Lexicon, tok) -> bool:
    """Could this token be part of a person's name? (not punctuation, a stop word, a number)"""
    w = tok.text
    if not tok.is_alpha or len(w) < 2 or w in lex.name_stop or (w[0] in "وف" and w[1:] in lex.name_stop):
        return False
    # a clitic before the article (بالضيوف، للصحفيين، والتعاون) is never inside a name
    return not (w[:3] in ("بال", "وال", "فال", "كال") or w.startswith("لل"))


def _boundary(lex: Lexicon, doc, at: dict[int, Item], i: int) -> bool:
    """Does a name end cleanly before token i? (the sentence ends, punctuation, a stop word or
    a matched phrase follows): a one-word name is trusted only then."""
    if i in at:  # a phrase of the rules, but not another person (الرئيس الأمريكي أخبر بوتين)
        key = at[i].key.split("|")[0]
        return at[i].kind != "ENT" or (lex.entity_types.get(key) not in ("person", None) and not at[i].key.endswith("|open"))
    if i >= len(doc) or not doc[i].is_alpha:
        return True
    w = doc[i].text
    return w in lex.name_stop or (w[0] in "وف" and w[1:] in lex.name_stop)


def _open_name(lex: Lexicon, doc, at: dict[int, Item], start: int, step: int,
               country: str | None) -> tuple[int, int]:
    """The tokens of a name no rule lists, read from token `start` forwards (step 1) or
    backwards (step -1): (first token, last token + 1), empty when there is none. A country of
    another country than the title's may be a word of the name (جورجيا ميلوني، محمد شياع السوداني)."""
    taken: list[int] = []
    i = start
    while 0 <= i < len(doc):
        tok = doc[i]
        if not _name_word(lex, tok):
            break
        it = at.get(i)
        full = len([t for t in taken if doc[t].text not in lex.connectors]) >= lex.max_name_words
        if full and not (it is not None and step == 1 and tok.text.startswith("ال")):
            break  # past the longest name, only a surname that is also an adjective (السوداني)
        if it is not None:
            whole = it.start == i and it.end == i + 1 and tok.idx == it.char_start
            if not (whole and _is_country(lex, it) and it.key != country and country is not None):
                break
            nxt = i + step
            if not taken and not (0 <= nxt < len(doc) and nxt not in at and _name_word(lex, doc[nxt])):
                break  # a country alone after a title is not a name
        taken.append(i)
        i += step
    taken.sort()
    while taken and doc[taken[-1]].text in lex.connectors:
        taken.pop()
    while taken and doc[taken[0]].text in lex.connectors and doc[taken[0]].text != "عبد":
        taken.pop(0)
    if not taken or (doc[taken[0]].text.startswith("ال") and
                     (len(taken) < 2 or doc[taken[1]].text.startswith("ال"))):
        # names do not begin with the article (الرئيس الأمريكي الجديد), but a given name with a
        # hamza may look as if they did once normalised (ألكسندر ستوب -> الكسندر ستوب)
        return 0, 0
    if country is None and len(taken) < 2:
        return 0, 0  # without a country only a full name is trusted (الرئيس إيمانويل ماكرون)
    first = doc[taken[0]].text
    if first.endswith("ه") and len(first) > 2:
        return 0, 0  # a noun with a pronoun or a feminine ending (زيارته، دبلوماسية), not a given name
    if all(doc[t].text.endswith("ا") and len(doc[t].text) > 2 for t in taken):
        return 0, 0  # an object in the accusative ("عرض ولي العهد أفقا استراتيجيا"), not a name
    if len(taken) == 1:
        # one word: an adverb (مرارا، قائلا) or the start of a clause is likelier than a surname
        if first.endswith("ا") or first[0] in "لب" or not (_boundary(lex, doc, at, taken[0] + 1) if step == 1 else True):
            return 0, 0
    return taken[0], taken[-1] + 1


def _aide_of(lex: Lexicon, doc, items: list[Item], j: int) -> int | None:
    """For a spokesman's or aide's title followed by a person at items[j]: the index of the
    person named after a comma right after them (the title's holder), if any."""
    k = j + 1
    if k < len(items) and items[k].kind == "ENT" and items[k].start == items[j].end + 1 \
            and doc[items[j].end].text in ("،", ",") and (lex.entity_types.get(items[k].key.split("|")[0]) == "person"
                                                       or items[k].key.endswith("|open")):
        return k
    return None


def _given_names(lex: Lexicon, doc, at: dict[int, Item], start: int, nxt: Item | None) -> list[str]:
    """Words between a title and the known person after it that no rule lists: a given name
    spelt another way (الرئيس الأوكراني فولوديمير زيلنسكي), or another one (a finding)."""
    if nxt is None or nxt.kind != "ENT" or nxt.start <= start or nxt.start - start > lex.max_name_words:
        return []
    words = [doc[t] for t in range(start, nxt.start)]
    if any(t.i in at or not _name_word(lex, t) or t.text.startswith("ال") or (t.text.endswith("ه") and len(t.text) > 2)
           for t in words):
        return []
    return [t.text for t in words]


# what may close an apposition written without a comma ("يوري أوشاكوف نائب الرئيس الروسي.")
_CLAUSE_END = frozenset({".", "،", ",", "؛", ";", ":", "(", ")", "-", "–", "—", "\"", "»", "«"})


def _bare_apposition_may(lex: Lexicon, it: Item, key: str) -> bool:
    """A title right after a name, with no comma, is the name's apposition only after a full
    name (given name and surname: "وحضر يوري أوشاكوف نائب الرئيس الروسي") of a person the rules
    list: after a bare surname it is as often the object of a verb ("أبلغ بوتين الرئيس
    الأمريكي")."""
    return lex.entity_types.get(key) == "person" and it.end - it.start >= 2 and not it.key.endswith(("|open", "|fuzzy"))


def _bare_apposition_ends(lex: Lexicon, doc, end_tok: int, country: str | None, key: str, role: RoleRule) -> bool:
    """...and when the title is an office with the person's own country that closes the clause
    (the sentence ends, or punctuation follows): "X the Russian president's deputy, ..." but
    not "X [told] the American president that ..."."""
    if not role.office or country is None or lex.entity_country.get(key) not in (None, country):
        return False
    return end_tok >= len(doc) or doc[end_tok].text in _CLAUSE_END


def open_id(lex: Lexicon, words: list[str]) -> str:
    """The id of an open person: the normalised surname, with its connector (بن_سلمان)."""
    k = len(words) - 1
    while k > 0 and words[k - 1] in lex.connectors:
        k -= 1
    return "_".join(words[k:])


def assemble(lex: Lexicon, doc, items: list[Item]) -> list[Mention]:
    """Group matched phrases into mentions: [ROLE COUNTRY? ADJ* STATUS*] NAME, or NAME ، ROLE ...

    NAME is a person of the rules, or a name no rule lists (an open person) when the title
    gives a country."""
    mentions: list[Mention] = []
    at = {t: it for it in items for t in range(it.start, it.end)}
    i = 0
    n = len(items)
    # a title followed by a courtesy title (ولي العهد السعودي الأمير ...، أمير قطر الشيخ ...):
    # the name after the second is the holder of the first
    carried: tuple[int, str, object, int, str] | None = None  # (token, country, role, start, status)
    lead: int | None = None  # where a person's own country adjective before the name begins
    while i < n:
        it = items[i]
        head = _title_head(doc, items, i) if lex.modifiers_before and it.kind in ("ADJ", "STATUS") else None
        if it.kind == "ROLE" or head is not None:
            first = it
            pre_country, pre_status = None, "current"
            if head is not None:
                i, pre_country, pre_status = head
                it = items[i]
            role = lex.roles[it.key]
            outer = carried if carried and carried[0] == it.start else None
            country0 = role.country or pre_country or (outer[1] if outer else None)
            j, end_tok, end_char, country, status = _title_tail(lex, doc, items, i, country0)
            status = status if status != "current" else pre_status
            if j < n and items[j].kind == "ROLE" and country and _adjacent(doc, end_tok, items[j].start) \
                    and not lex.roles[items[j].key].office and items[j].char_start == doc[items[j].start].idx:
                carried = (items[j].start, country, role, it.char_start, status)
            it = first
            title_span = (it.char_start, end_char)
            if outer and outer[2].office and not role.office:
                role, status, title_span = outer[2], outer[4], (outer[3], end_char)
                it = Item(it.kind, it.key, it.start, it.end, outer[3], it.char_end)
            if lex.open_names and country and j < n and items[j].kind == "ENT" and end_tok < len(doc) \
                    and doc[end_tok].text in ("،", ",") \
                    and items[j].start == end_tok + 1 and items[j].char_start == doc[items[j].start].idx \
                    and (lex.entity_types.get(items[j].key.split("|")[0]) == "person" or items[j].key.endswith("|open")):
                end_tok = items[j].start  # "وزير الخارجية الإيراني، عباس عراقجي،": the title, a comma, the name
            given = _given_names(lex, doc, at, end_tok, items[j] if j < n else None) if lex.open_names else []
            if given and country and lex.entity_country.get(items[j].key.split("|")[0]) not in (None, country):
                given = []  # "الرئيس الأمريكي أخبر بوتين": words between a title and someone else
            if j < n and items[j].kind == "ENT" and (given or _adjacent(doc, end_tok, items[j].start)) \
                    and _holds_title(lex, doc, items[j], role, country):
                key = items[j].key
                fuzzy = key.endswith("|fuzzy")
                opened = key.endswith("|open")
                key = key.split("|")[0]
                holder = _aide_of(lex, doc, items, j) if not role.party else None
                if holder is not None:
                    # "مساعد الرئيس الروسي فلاديمير بوتين، يوري أوشاكوف": the aide is the one after
                    # the comma; the person in the title is whom they serve
                    mentions.append(Mention("person", key, items[j].char_start, items[j].char_end))
                    h = items[holder]
                    mentions.append(Mention("person", h.key.split("|")[0], h.char_start, h.char_end, role.id, country,
                                            status, title_span, role.office, False, party=False,
                                            open=h.key.endswith("|open")))
                    i = holder + 1
                    continue
                nxt = items[j + 1] if j + 1 < n else None
                if not role.office and nxt is not None and nxt.kind == "ROLE" and lex.roles[nxt.key].office \
                        and _adjacent(doc, items[j].end, nxt.start) and lex.entity_types.get(key) == "person":
                    # a courtesy title, the name, then the office with its country ("الشيخ محمد بن
                    # زايد رئيس دولة الإمارات"): the office is the title the page gives
                    office = lex.roles[nxt.key]
                    j2, _, end2, country2, status2 = _title_tail(lex, doc, items, j + 1, office.country)
                    if country2 and lex.entity_country.get(key) in (None, country2):
                        mentions.append(Mention("person", key, it.char_start, end2, office.id, country2, status2,
                                                (nxt.char_start, end2), office.office, office.same_as_other, fuzzy,
                                                party=office.party))
                        i = j2
                        continue
                if lex.entity_types.get(key) == "person" or opened:
                    mentions.append(Mention("person", key, it.char_start, items[j].char_end, role.id, country,
                                            status, title_span, role.office, role.same_as_other, fuzzy,
                                            open=opened, party=role.party,
                                            name=" ".join(given + [doc[items[j].start].text]) if given else None))
                    i = j + 1
                    continue
            # without a country, only a definite title names someone (الرئيس إيمانويل ماكرون, not
            # رئيس مجلس الإدارة)
            definite = country is not None or doc[it.end - 1].text.startswith("ال")
            a, b = _open_name(lex, doc, at, end_tok, 1, country) if definite and lex.open_names else (0, 0)
            if b > a:
                words = [doc[t].text for t in range(a, b)]
                mentions.append(Mention("person", open_id(lex, words), it.char_start, doc[b - 1].idx + len(doc[b - 1].text),
                                        role.id, country, status, title_span, role.office, role.same_as_other,
                                        open=True, party=role.party, name=" ".join(words)))
                while j < n and items[j].start < b:
                    j += 1
                i = j
                continue
            if lex.open_names and it.start > 1 and doc[it.start - 1].text in ("،", ",") \
                    and (country or not role.office) and it.char_start == doc[it.start].idx:
                # NAME ، ROLE ...: an apposition after a name no rule lists
                a, b = _open_name(lex, doc, at, it.start - 2, -1, country)
                if b > a and not (mentions and mentions[-1].end > doc[a].idx):
                    words = [doc[t].text for t in range(a, b)]
                    mentions.append(Mention("person", open_id(lex, words), doc[a].idx, end_char, role.id, country,
                                            status, (it.char_start, end_char), role.office, False,
                                            open=True, party=role.party, name=" ".join(words)))
                    i = j
                    continue
            if country or role.same_as_other:
                mentions.append(Mention("role", None, it.char_start, end_char, role.id, country, status,
                                        title_span, role.office, role.same_as_other, party=role.party))
            i = j
            continue
        if it.kind == "ENT":
            key = it.key.split("|")[0]
            opened = it.key.endswith("|open")
            etype = "person" if opened else lex.entity_types.get(key, "person")
            m = Mention(etype, key, it.char_start if lead is None else lead, it.char_end,
                        fuzzy=it.key.endswith("|fuzzy"), open=opened)
            role = _titled_name(lex, doc, it, key)
            if role is not None:  # "Saudi King Salman": the king, and of the country named before him
                m.role, m.status, m.office, m.party = role.id, "current", role.office, role.party
                m.country = role.country or (lex.entity_country.get(key) if lead is not None else None)
                m.title_span = (m.start, m.end)
            lead = None
            # apposition: NAME ، ROLE ADJ* STATUS*
            head = _title_head(doc, items, i + 1) if lex.modifiers_before and i + 1 < n else None
            if etype == "person" and i + 1 < n and (items[i + 1].kind == "ROLE" or head is not None):
                nxt = items[i + 1]
                k, pre_country, pre_status = head or (i + 1, None, "current")
                between = doc[it.end:nxt.start]
                words = [t.text for t in between]
                # "ترامب، والرئيس المصري": a conjunction on the role starts another person
                comma = bool(words) and words[0] in ("،", ",") and all(w in lex.apposition_words for w in words[1:])
                if (comma or (not words and _bare_apposition_may(lex, it, key))) \
                        and nxt.char_start == doc[nxt.start].idx:
                    role = lex.roles[items[k].key]
                    j, end_tok, end_char, country, status = _title_tail(lex, doc, items, k, role.country or pre_country)
                    status = status if status != "current" else pre_status
                    # "Witkoff, U.S. President Donald Trump's envoy": the title is the next name's
                    next_name = j < n and items[j].kind == "ENT" and _adjacent(doc, end_tok, items[j].start)
                    if not comma and not _bare_apposition_ends(lex, doc, end_tok, country, key, role):
                        next_name = True  # no comma: only a whole title that closes the clause
                    if (country or not role.office) and not next_name:
                        m.role, m.country, m.status = role.id, country, status
                        m.title_span, m.office, m.party = (nxt.char_start, end_char), role.office, role.party
                        m.end = end_char
                        mentions.append(m)
                        i = j
                        continue
            mentions.append(m)
            i += 1
            continue
        if it.kind == "ADJ":  # "محادثات روسية أوكرانية": a country by its adjective
            nxt = items[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.kind == "ENT" and _adjacent(doc, it.end, nxt.start) \
                    and lex.entity_country.get(nxt.key.split("|")[0]) == it.key:
                lead = it.char_start  # "Saudi King Salman": the person's own country, part of the name
                i += 1
                continue
            mentions.append(Mention("country", it.key, it.char_start, it.char_end))
        i += 1
    return mentions


def skeleton(sentence: str, mentions: list[Mention]) -> tuple[str, list[int], list[Mention]]:
    """The sentence with each mention replaced by a placeholder (⟦p0⟧...), and a map back.

    Returns (skeleton, skel_to_sentence offsets of len(skeleton)+1, the mentions in placeholder order).
    """
    out: list[str] = []
    back: list[int] = []
    pos = 0
    # of two mentions from one place, the longer ("ولي العهد السعودي الأمير محمد بن سلمان", not
    # its first three words as a bare title): the shorter is then skipped as an overlap
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    for k, m in enumerate(ordered):
        if m.start < pos:
            continue
        out.append(sentence[pos:m.start])
        back.extend(range(pos, m.start))
        mark = {"person": PERSON, "role": PERSON, "country": COUNTRY}.get(m.type, PLACE).format(k)
        out.append(mark)
        back.extend([m.start] * (len(mark) - 1) + [m.end - 1])
        pos = m.end
    out.append(sentence[pos:])
    back.extend(range(pos, len(sentence)))
    back.append(len(sentence))
    return "".join(out), back, ordered
