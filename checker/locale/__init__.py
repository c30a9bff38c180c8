"""The interface's languages: message catalogs, and which language a run speaks.

The English text is the message id, written where it is used (Python, the HTML template, and
for finding messages rules/policy.yaml); each other language has a gettext catalog,
`checker/locale/<lang>/LC_MESSAGES/checker.po`, a text file a translator edits without Python.
The catalogs are read with Babel at run time (no compiled .mo to build or to go stale, and a
wheel carries the .po files as package data). An untranslated message shows in English.
"""

from __future__ import annotations

import functools
import gettext
import io
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent
DOMAIN = "checker"
UI_LANGS: tuple[str, ...] = ("ar", "en")
SOURCE_LANG = "en"  # the language of the message ids
RTL = ("ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv")  # languages written right to left


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """gettext, ngettext, pgettext and npgettext for `lang` (plural rules from the catalog's
    header, e.g. Arabic's six forms); the message ids themselves for English."""
    path = catalog_path(lang)
    if lang == SOURCE_LANG or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def direction(lang: str | None, unknown: str = "ltr") -> str:
    """"rtl" for a language written right to left, else `unknown` ("auto" lets a browser look
    at the text, for article text of a language we do not know)."""
    return "rtl" if (lang or "").split("-")[0].lower() in RTL else unknown


def choose_ui_lang(languages: Iterable[str], requested: str | None = None) -> str:
    """The interface language: `requested` if given, else the language most of the articles
    are in (Arabic on a tie, the tool's first language), English for any other language."""
    if requested:
        return requested
    counts = Counter(lang.split("-")[0].lower() for lang in languages)
    if not counts:
        return "ar"
    best = max(counts.values())
    for lang in UI_LANGS:
        if counts.get(lang) == best:
            return lang
    return "en"


def N_(context: str, text: str) -> str:
    """Marks a message for the catalogs without translating it (the extractor finds it here);
    the words shown from a value (a severity, a kind...) are translated where they are shown."""
    return text


# the values the interface shows as words, translated with their context
VOCABULARY: tuple[str, ...] = (
    N_("severity", "error"), N_("severity", "warning"), N_("severity", "info"),
    N_("kind", "conflict"), N_("kind", "internal"), N_("kind", "knowledge"),
    N_("role", "new"), N_("role", "published"),
    N_("status", "ok"), N_("status", "error"), N_("status", "unsupported_language"),
)
