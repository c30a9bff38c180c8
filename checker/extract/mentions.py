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
from checker.text.normalize import normalize_word


@dataclass
class Item:
    kind: str  # ENT, ROLE, ADJ, STATUS
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
        if ent.type == "person":
            for name in ent.names:
                for word in name.split():
                    w = normalize_word(word)
                    if len(w) >= rs.entities.fuzzy.min_length:
                        fuzzy_names.setdefault(w, ent.id)
    roles = {}
    for role in rs.titles.roles:
        roles[role.id] = role
        matcher.add(f"ROLE|{role.id}", phrase_patterns(nlp, role.phrases))
    for status, words in rs.titles.statuses.items():
        matcher.add(f"STATUS|{status}", phrase_patterns(nlp, words))
    # first names shared by several people ("فلاديمير") must not be fuzzy-matched to one of them
    first_names = {normalize_word(n.split()[0]) for e in rs.entities.entities for n in e.names if " " in n}
    for w in first_names:
        fuzzy_names.pop(w, None)
    return Lexicon(nlp, matcher, types, countries, roles, fuzzy_names,
                   rs.entities.fuzzy.threshold, rs.entities.fuzzy.min_length,
                   rs.titles.modifiers == "before", frozenset(normalize_word(w) for w in rs.titles.apposition_words))


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


def find_items(lex: Lexicon, doc) -> list[Item]:
    """Rule phrases matched in a spaCy doc: longest first, no overlaps, in text order."""
    from spacy.util import filter_spans

    vocab = lex.nlp.vocab
    spans = []
    for match_id, start, end in lex.matcher(doc):
        span = doc[start:end]
        span.label_ = vocab.strings[match_id]
        spans.append(span)
    kept = filter_spans(spans)
    covered = {i for s in kept for i in range(s.start, s.end)}
    items = []
    for s in kept:
        kind, key = s.label_.split("|", 1)
        first = doc[s.start]
        pre = _prefix_len(first.text, first.lemma_)
        items.append(Item(kind, key, s.start, s.end, first.idx + pre, s.end_char))
    # unseen spellings of a surname: fuzzy, on words no rule claimed
    names = tuple(sorted(lex.fuzzy_names))
    for tok in doc:
        if tok.i in covered or not tok.is_alpha or len(tok.lemma_) < lex.min_length:
            continue
        hit = _fuzzy_lookup(tok.lemma_, names, lex.threshold)
        if hit:
            pre = _prefix_len(tok.text, tok.lemma_)
            items.append(Item("ENT", lex.fuzzy_names[hit] + "|fuzzy", tok.i, tok.i + 1, tok.idx + pre, tok.idx + len(tok.text)))
    items.sort(key=lambda it: it.start)
    return items


_GLUE = {'"', "'", "«", "»", ".", "-"}  # "u.s" "." (a split "u.s."), "president" "-" "elect"


def _adjacent(doc, a_end: int, b_start: int) -> bool:
    """True when only quotes stand between two token positions."""
    return all(doc[i].text in _GLUE for i in range(a_end, b_start))


def _title_tail(doc, items: list[Item], i: int, country: str | None) -> tuple[int, int, int, str | None, str]:
    """Read the country adjectives and statuses that follow a role at items[i]
    (الرئيس الأمريكي السابق): where the title ends, its country and its status."""
    status = "current"
    j, end_tok, end_char = i + 1, items[i].end, items[i].char_end
    while j < len(items) and items[j].kind in ("ADJ", "STATUS") and _adjacent(doc, end_tok, items[j].start):
        if items[j].kind == "ADJ":
            country = country or items[j].key
        else:
            status = items[j].key
        end_tok, end_char = items[j].end, items[j].char_end
        j += 1
    return j, end_tok, end_char, country, status


def _title_head(doc, items: list[Item], i: int) -> tuple[int, str | None, str] | None:
    """Where modifiers stand before the role (former U.S. President): the index of the role that
    the adjacent country adjectives and statuses from items[i] lead to, with their country and
    status; None when no role follows them."""
    country, status = None, "current"
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
    return k, country, status


def assemble(lex: Lexicon, doc, items: list[Item]) -> list[Mention]:
    """Group matched phrases into mentions: [ROLE ADJ* STATUS*] NAME, or NAME ، ROLE ...
    (with `modifiers_before`: [STATUS* ADJ* ROLE STATUS*] NAME, or NAME, [the] ...)."""
    mentions: list[Mention] = []
    i = 0
    n = len(items)
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
            j, end_tok, end_char, country, status = _title_tail(doc, items, i, role.country or pre_country)
            status = status if status != "current" else pre_status
            it = first
            title_span = (it.char_start, end_char)
            if j < n and items[j].kind == "ENT" and _adjacent(doc, end_tok, items[j].start):
                key = items[j].key
                fuzzy = key.endswith("|fuzzy")
                key = key.split("|")[0]
                if lex.entity_types.get(key) == "person":
                    mentions.append(Mention("person", key, it.char_start, items[j].char_end, role.id, country,
                                            status, title_span, role.office, role.same_as_other, fuzzy))
                    i = j + 1
                    continue
            if country or role.same_as_other:
                mentions.append(Mention("role", None, it.char_start, end_char, role.id, country, status,
                                        title_span, role.office, role.same_as_other))
            i = j
            continue
        if it.kind == "ENT":
            key = it.key.split("|")[0]
            etype = lex.entity_types.get(key, "person")
            m = Mention(etype, key, it.char_start, it.char_end, fuzzy=it.key.endswith("|fuzzy"))
            # apposition: NAME ، ROLE ADJ* STATUS*
            head = _title_head(doc, items, i + 1) if lex.modifiers_before and i + 1 < n else None
            if etype == "person" and i + 1 < n and (items[i + 1].kind == "ROLE" or head is not None):
                nxt = items[i + 1]
                k, pre_country, pre_status = head or (i + 1, None, "current")
                between = doc[it.end:nxt.start]
                words = [t.text for t in between]
                if words and words[0] in ("،", ",") and all(w in lex.apposition_words for w in words[1:]):
                    role = lex.roles[items[k].key]
                    j, end_tok, end_char, country, status = _title_tail(doc, items, k, role.country or pre_country)
                    status = status if status != "current" else pre_status
                    # "Witkoff, U.S. President Donald Trump's envoy": the title is the next name's
                    next_name = j < n and items[j].kind == "ENT" and _adjacent(doc, end_tok, items[j].start)
                    if (country or not role.office) and not next_name:
                        m.role, m.country, m.status = role.id, country, status
                        m.title_span, m.office = (nxt.char_start, end_char), role.office
                        m.end = end_char
                        mentions.append(m)
                        i = j
                        continue
            mentions.append(m)
            i += 1
            continue
        if it.kind == "ADJ":  # "محادثات روسية أوكرانية": a country by its adjective
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
    ordered = sorted(mentions, key=lambda m: m.start)
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
