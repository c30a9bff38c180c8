"""Is the publication date the checker reads from each real page the one the page shows?

    python benchmarks/real/published_check.py PAGES_DIR [--labels DIR] [--verbose]

For every labelled page (labels: every `*.yaml` of --labels, default `labels/` beside this
file) whose text is in PAGES_DIR, the page is read as `checker report` reads it (the ingest
stage, then the estimate for pages that state no date) and its publication date is compared
with the labelled `published:`:

- equal:    the checker's date is the labelled day;
- window:   the checker has a window of days (an estimate, a relative age) holding that day;
- absent:   the checker has no date at all;
- wrong:    the checker's date (or window) misses the labelled day.

Pages labelled `published: null` (the page shows no date of its own) are counted apart:
`none` when the checker reads no date from the page itself, `dated` when it reads one (the
estimate of a page with no date is not counted against it). Prints a table; --verbose lists
every page that is not `equal` with the checker's `how`. Deterministic; exits 0 whatever the
numbers (2 on bad arguments).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_LABELS = HERE / "labels"
OUTCOMES = ("equal", "window", "absent", "wrong")


def labelled_published(labels_dir: Path) -> dict[str, tuple[str, dt.date | None]]:
    """page id -> (language, labelled publication date or None)."""
    out: dict[str, tuple[str, dt.date | None]] = {}
    for path in sorted(labels_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for page in data.get("pages") or []:
            value = page.get("published")
            if isinstance(value, str):
                value = dt.date.fromisoformat(value)
            out[str(page["id"])] = (str(page.get("language", "ar")), value)
    return out


def outcome(want: dt.date, lo: dt.date | None, hi: dt.date | None) -> str:
    if lo is None or hi is None:
        return "absent"
    if lo == hi == want:
        return "equal"
    if lo <= want <= hi:
        return "window"
    return "wrong"


def check(pages_dir: Path, labels_dir: Path) -> list[dict]:
    from checker.ingest import read_inputs
    from checker.resolve.publication import estimate_publication
    from checker.rules.ruleset import load_ruleset

    labels = labelled_published(labels_dir)
    rs = load_ruleset()
    files = [pages_dir / f"{pid}.txt" for pid in sorted(labels) if (pages_dir / f"{pid}.txt").is_file()]
    rows = []
    for doc in read_inputs(files, rules=rs):
        if doc.id not in labels or doc.status != "ok":
            continue
        language, want = labels[doc.id]
        stated = doc.published
        final = estimate_publication(doc, rs).published
        row = {"page": doc.id, "language": language, "want": want, "how": final.how,
               "got": (final.date_from, final.date_to)}
        if want is None:
            row["outcome"] = "none" if stated.date_from is None else "dated"
        else:
            row["outcome"] = outcome(want, final.date_from, final.date_to)
        rows.append(row)
    return rows


def _span(lo: dt.date | None, hi: dt.date | None) -> str:
    if lo is None:
        return "-"
    return lo.isoformat() if lo == hi else f"{lo}..{hi}"


def render(rows: list[dict], verbose: bool) -> str:
    lines = ["published:      " + "  ".join(f"{o:>6}" for o in OUTCOMES) + "   pages | labelled null: none  dated"]
    for lang in ("ar", "en", "all"):
        mine = [r for r in rows if lang == "all" or r["language"] == lang]
        n = Counter(r["outcome"] for r in mine)
        dated = sum(n[o] for o in OUTCOMES)
        lines.append(f"  {lang:<12}  " + "  ".join(f"{n[o]:>6}" for o in OUTCOMES)
                     + f"   {dated:>5} |                {n['none']:>4}  {n['dated']:>5}")
    if verbose:
        lines.append("")
        for r in rows:
            if r["outcome"] in ("equal", "none"):
                continue
            want = r["want"].isoformat() if r["want"] else "null"
            lines.append(f"  {r['outcome']:<6} {r['page']}: labelled {want}, checker {_span(*r['got'])}  ({r['how']})")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", type=Path, help="folder of page texts (<page-id>.txt)")
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS, help="folder of label files (*.yaml)")
    ap.add_argument("--verbose", action="store_true", help="list every page whose date is not the labelled one")
    args = ap.parse_args(argv)
    if not args.pages.is_dir() or not args.labels.is_dir():
        print(f"published_check.py: {args.pages if not args.pages.is_dir() else args.labels}: not a folder",
              file=sys.stderr)
        return 2
    sys.stdout.write(render(check(args.pages, args.labels), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
