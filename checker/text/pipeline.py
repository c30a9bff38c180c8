"""The spaCy side of the text layer: a blank Arabic pipeline that exposes our normal forms.

Matching should ignore spelling variants and clitics, so one component writes onto every
token ``token.norm_`` = :func:`normalize_word` of its text and ``token.lemma_`` = the
clitic-stripped normal form (:func:`strip_clitics`). The blank pipeline has no lemmatizer,
so LEMMA is free to carry that form, and stock spaCy matching works on it:
``PhraseMatcher(nlp.vocab, attr="LEMMA")`` or Matcher patterns ``{"LEMMA": ...}`` match
"وبوتين" against "بوتين"; ``{"NORM": ...}`` matches spelling variants only.

spaCy is imported here and only here, so ``normalize`` and ``clitics`` stay cheap to import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex, compile_suffix_regex

from checker.text.clitics import Lexicon, strip_clitics
from checker.text.normalize import normalize_word

__all__ = ["COMPONENT", "CheckerForms", "make_nlp", "phrase_patterns"]

#: Registered name of the component that sets NORM and LEMMA.
COMPONENT = "checker_forms"

# What the blank Arabic tokenizer gets wrong (opening « “ " already split off as prefixes, and
# »، ), ” split as suffixes, so no rules are added for those):
# * no suffix rule splits "." after a non-letter: "بوتين»." and "بوتين”." stay one token (a
#   period after an Arabic letter does split), and neither does a sentence-final "في 2025.";
_CLOSERS = "»”\"'’‛)\\]}›"
_EXTRA_SUFFIXES: tuple[str, ...] = (
    rf"(?<=[{_CLOSERS}])\.",
    r"(?<=[0-9٠-٩۰-۹])\.",
)
# * Arabic punctuation and guillemets glued between words never split ("قال،وأضاف",
#   "قال:«بوتين", "بوتين»،وقال"): none of them can occur inside a word, so split them anywhere;
_EXTRA_INFIXES: tuple[str, ...] = (
    r"[،؛؟«»“”]",
    rf"(?<=[{_CLOSERS}])\.(?=[\u0600-\u06FF])",  # 'بوتين».وقال' (not 'photo(1).jpeg')
    # 'قال:«' / 'قال:"': pieces between infixes get no prefix/suffix pass, so split both here
    r":(?=[«“\"])",
    r'(?<=:)"',
)
# * the URL matcher accepts Unicode host names, so a missing space after a period
#   ("الكرملين.وأضاف") is kept whole as a "URL". Tokens containing Arabic letters are
#   excluded from URL matching (Arabic-script domains are negligible in our pages).
_NO_ARABIC_AHEAD = r"(?![^\u0600-\u06FF]*[\u0600-\u06FF])"

_TOKEN_CACHE_LIMIT = 200_000


class CheckerForms:
    """Pipeline component: NORM = normalised text, LEMMA = clitic-stripped normalised text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # token text -> (norm, lemma); tokens repeat a lot across articles
        self._cache: dict[str, tuple[str, str]] = {}

    def forms(self, text: str) -> tuple[str, str]:
        """The (norm, lemma) strings this component assigns to a token with this text."""
        norm = normalize_word(text)
        return norm, strip_clitics(norm, self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        cache = self._cache
        for token in doc:
            forms = cache.get(token.text)
            if forms is None:
                forms = self.forms(token.text)
                if len(cache) >= _TOKEN_CACHE_LIMIT:
                    cache.clear()
                cache[token.text] = forms
            # Token.norm (the hash) is read-only; the string setters add to the StringStore.
            token.norm_, token.lemma_ = forms
        return doc


@Language.factory(COMPONENT, default_config={"lexicon": []})
def _make_checker_forms(nlp: Language, name: str, lexicon: list[str]) -> CheckerForms:
    """Factory, so the lexicon lives in (and is validated as part of) the pipeline config."""
    return CheckerForms(Lexicon(lexicon))


def _bare(token: Token) -> str:
    """``token._.bare``: the clitic-stripped normal form, under a readable name."""
    return token.lemma_


if not Token.has_extension("bare"):
    Token.set_extension("bare", getter=_bare)


def _extend_tokenizer(nlp: Language) -> None:
    """Patch the gaps of the blank Arabic tokenizer listed above ``_EXTRA_SUFFIXES``.

    Only compiled regexes are assigned, so ``nlp.tokenizer.to_bytes``/``to_disk`` still work.
    """
    tokenizer = nlp.tokenizer
    suffixes = list(nlp.Defaults.suffixes or ()) + list(_EXTRA_SUFFIXES)
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    infixes = list(nlp.Defaults.infixes or ()) + list(_EXTRA_INFIXES)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if tokenizer.url_match is not None:
        url = tokenizer.url_match.__self__
        pattern = url.pattern.removeprefix("(?u)")  # inline global flags must stay in front
        tokenizer.url_match = re.compile(f"{_NO_ARABIC_AHEAD}(?:{pattern})", url.flags).match


@lru_cache(maxsize=8)
def _build_nlp(words: tuple[str, ...], lang: str) -> Language:
    nlp = spacy.blank(lang)
    _extend_tokenizer(nlp)
    nlp.add_pipe(COMPONENT, config={"lexicon": list(words)})
    return nlp


def make_nlp(lexicon_words: Iterable[str], lang: str = "ar") -> Language:
    """The pipeline for this lexicon and language (spaCy's blank tokenizer of `lang`), built
    once and then shared.

    Lexicons equal after normalisation share one pipeline (cache key: the sorted normalised
    words and the language). Because it is shared, callers must not add or remove pipes on the
    result. The clitic stripper only knows Arabic clitics, so on other scripts LEMMA is NORM.
    """
    return _build_nlp(tuple(sorted(Lexicon(lexicon_words).words)), lang)


def phrase_patterns(nlp: Language, phrases: Iterable[str]) -> list[Doc]:
    """Docs for ``PhraseMatcher.add`` built by the same tokenizer and component as the texts.

    Phrases are normalised first (a no-op for already normalised ones) and blank phrases are
    skipped. For clitic-insensitive matching on LEMMA, a phrase's words must be in the
    pipeline's lexicon; other words match on their normalised form only.
    """
    texts = [normalize_word(phrase).strip() for phrase in phrases]
    return list(nlp.pipe(text for text in texts if text))
