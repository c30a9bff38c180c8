"""Every message the interface says, and whether each catalog translates them all.

    python -m checker.locale.extract            # write checker/locale/checker.pot
    python -m checker.locale.extract --check    # exit 1 naming what a catalog lacks

Messages are found with Babel's extractors in the Python code and the HTML template, and in
rules/policy.yaml (each check's message template, with the check's name as context). A
translation must keep the placeholders of its message id ({a}, %(n)s ...): a test runs --check.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from checker.locale import DOMAIN, LOCALE_DIR, UI_LANGS, SOURCE_LANG, catalog_path

PACKAGE = LOCALE_DIR.parent
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "n_": (1, 2),
    "p_": ((1, "c"), 2),
    "N_": ((1, "c"), 2),
}
METHODS = [("checker/**.py", "python"), ("checker/report/templates/**.j2", "jinja2.ext:babel_extract")]
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")


def messages(rules_dir: Path | None = None) -> dict[tuple[str | None, str], str | tuple[str, str]]:
    """(context, message id) -> the id, or (singular, plural) for plural messages."""
    from babel.messages.extract import extract_from_dir

    found: dict[tuple[str | None, str], str | tuple[str, str]] = {}
    options = {"checker/report/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trimmed": "false"}}
    for _file, _line, msg, _comments, context in extract_from_dir(
            str(PACKAGE.parent), METHODS, keywords=KEYWORDS, options_map=options, comment_tags=()):
        if not msg or (isinstance(msg, tuple) and not msg[0]):
            continue
        key = msg[0] if isinstance(msg, tuple) else msg
        found[(context, key)] = msg if isinstance(msg, tuple) and len(msg) > 1 and msg[1] else key
    from checker.rules.ruleset import load_ruleset

    rs = load_ruleset(rules_dir, "ar")
    for name, check in rs.policy.checks.items():
        found[(name, check.message)] = check.message
    return dict(sorted(found.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])))


def _fields(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def problems(lang: str, wanted: dict) -> list[str]:
    """What the catalog of `lang` lacks or gets wrong, one line each."""
    from babel.messages.pofile import read_po

    path = catalog_path(lang)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    out = []
    for (context, key), msg in wanted.items():
        entry = catalog.get(key, context=context)
        label = f"{path}: {'[' + context + '] ' if context else ''}{key!r}"
        if entry is None or not entry.string or (isinstance(entry.string, tuple) and not all(entry.string)):
            out.append(f"{label}: no translation")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        ids = msg if isinstance(msg, tuple) else (msg,)
        allowed = set().union(*(_fields(i) for i in ids))
        for s in strings:
            if not _fields(s) <= allowed:
                out.append(f"{label}: translation uses {sorted(_fields(s) - allowed)}, not in the message id")
        if not isinstance(msg, tuple) and _fields(strings[0]) != _fields(msg):
            out.append(f"{label}: placeholders differ ({sorted(_fields(strings[0]))} vs {sorted(_fields(msg))})")
    return out


def write_pot(wanted: dict, path: Path) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(domain=DOMAIN, project="checker", charset="utf-8")
    for (context, _key), msg in wanted.items():
        catalog.add(msg, context=context)
    with path.open("wb") as handle:
        write_po(handle, catalog, omit_header=True, sort_output=True, width=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.locale.extract", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 when a catalog lacks a translation")
    args = parser.parse_args(argv)
    wanted = messages()
    if args.check:
        found = [p for lang in UI_LANGS if lang != SOURCE_LANG for p in problems(lang, wanted)]
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    target = LOCALE_DIR / f"{DOMAIN}.pot"
    write_pot(wanted, target)
    print(f"wrote {target} ({len(wanted)} messages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
