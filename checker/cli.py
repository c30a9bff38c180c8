"""The command line: report, claims, segments, rules.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, configuration
or rule error; 3 an input could not be read (the others were still checked).
"""

from __future__ import annotations

import argparse
import os
import datetime as dt
import sys
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
REPO = Path(__file__).resolve().parent.parent
OUTPUTS = ("json", "html", "markdown", "sarif", "junit")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", type=Path, default=None, help="rules folder (default: the shipped rules/)")
    p.add_argument("--lang", default="ar", help="language of the rules to use (default: ar)")
    p.add_argument("--now", type=_date, default=None,
                   help="today's date, to anchor pages that only say how old they are ('منذ 9 شهر')")
    p.add_argument("--max-bytes", type=int, default=None, help="refuse input files larger than this")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="checker", description="Cross-source fact-consistency checker for news.")
    sub = parser.add_subparsers(dest="command", required=True)

    rep = sub.add_parser("report", help="check articles against each other and write reports")
    rep.add_argument("paths", nargs="*", help="files or folders (default: examples/)")
    for fmt in OUTPUTS:
        rep.add_argument(f"--{fmt}", metavar="FILE", help=f"write the {fmt} report ('-' = stdout)")
    rep.add_argument("--github", action="store_true", help="print GitHub workflow annotations on stdout")
    rep.add_argument("--fail-on", choices=["error", "warning", "info", "never"], default="error",
                     help="exit 1 when a finding at or above this severity is reported (default: error)")
    rep.add_argument("--baseline", type=Path, help="hide findings whose fingerprints are in this file")
    rep.add_argument("--write-baseline", type=Path, metavar="FILE", help="write the findings' fingerprints here")
    rep.add_argument("--ignore-file", type=Path, help="suppression file (default: .checker-ignore.yaml if present)")
    _common(rep)

    cl = sub.add_parser("claims", help="list the claims read from articles")
    cl.add_argument("paths", nargs="+")
    cl.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _common(cl)

    sg = sub.add_parser("segments", help="show publication dates, articles and ignored boilerplate")
    sg.add_argument("paths", nargs="+")
    _common(sg)

    ru = sub.add_parser("rules", help="validate the rule files or run their examples")
    ru.add_argument("action", choices=["validate", "test"])
    ru.add_argument("--rules", type=Path, default=None)
    ru.add_argument("--lang", default="ar")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from checker.rules.loader import RuleError

    try:
        return {"report": cmd_report, "claims": cmd_claims, "segments": cmd_segments, "rules": cmd_rules}[args.command](args)
    except RuleError as exc:
        print(f"checker: rule error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValueError as exc:
        print(f"checker: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _read(args, paths) -> tuple[object, int]:
    from checker import pipeline

    report = pipeline.run(paths, rules_dir=args.rules, now=args.now, max_bytes=args.max_bytes, lang=args.lang)
    if not report.documents:
        print("checker: no articles found in " + ", ".join(map(str, paths))
              + " (looked for .txt .md .html .htm .jsonl)", file=sys.stderr)
        return report, EXIT_USAGE
    return report, EXIT_OK


def cmd_report(args) -> int:
    from functools import partial

    from checker import suppress
    from checker.report import summarize, to_junit, write_outputs

    paths = args.paths
    outputs = [(fmt, getattr(args, fmt)) for fmt in OUTPUTS if getattr(args, fmt)]
    if args.github:
        outputs.append(("github", "-"))
    if not paths:
        # relative where possible, so the report reads the same on every clone
        paths = [os.path.relpath(REPO / "examples")]
        if not outputs:
            outputs = [("html", str(REPO / "reports" / "report.html")), ("json", str(REPO / "reports" / "report.json"))]
    if not paths or not all(Path(p).exists() for p in paths) and not any(Path(p).exists() for p in paths):
        print("checker: none of the given paths exists: " + ", ".join(map(str, paths)), file=sys.stderr)
        return EXIT_USAGE
    report, code = _read(args, paths)
    if code:
        return code
    if args.write_baseline:
        suppress.write_baseline(report, args.write_baseline)
    baseline = suppress.load_baseline(args.baseline) if args.baseline else set()
    ignore_path = args.ignore_file or suppress.find_ignore_file(".")
    ignores = suppress.load_ignores(ignore_path) if ignore_path else []
    if baseline or ignores:
        report = suppress.apply_suppressions(report, baseline, ignores)
    report.summary = summarize(report)
    fail_on = args.fail_on
    write_outputs(report, outputs, {"junit": partial(to_junit, fail_on=fail_on if fail_on != "never" else "error")})
    if not args.quiet:
        s = report.summary
        to = sys.stderr if any(p == "-" for _, p in outputs) else sys.stdout
        print(f"checker: {s.documents} document(s), {s.claims} claims, {s.events} events, "
              f"{s.findings} finding(s) ({', '.join(f'{k} {v}' for k, v in s.by_kind.items())})"
              + (f", {s.suppressed} hidden" if s.suppressed else ""), file=to)
        for _, path in outputs:
            if path != "-":
                print(f"  wrote {path}", file=to)
    for d in report.documents:
        if d.status == "error":
            print(f"checker: {d.path}: {d.error}", file=sys.stderr)
    if any(d.status == "error" for d in report.documents):
        return EXIT_INPUT
    if fail_on != "never" and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_claims(args) -> int:
    import json

    from checker.compare.comparators import describe

    report, code = _read(args, args.paths)
    if code:
        return code
    if args.json:
        print(json.dumps([c.model_dump(mode="json", by_alias=True) for c in report.claims], ensure_ascii=False, indent=2))
    else:
        for c in report.claims:
            who = f" [{c.quoted}]" if c.quoted else ""
            print(f"{c.document}\t{c.attribute}\t{c.subject}\t{describe(c.value)}\t{c.qualifier}\t«{c.text}»{who}\t{c.rule}")
    for d in report.documents:
        if d.status == "error":
            print(f"checker: {d.path}: {d.error}", file=sys.stderr)
    return EXIT_INPUT if any(d.status == "error" for d in report.documents) else EXIT_OK


def cmd_segments(args) -> int:
    from checker.ingest import read_inputs

    docs = read_inputs(args.paths, now=args.now, rules_dir=args.rules,
                       **({"max_bytes": args.max_bytes} if args.max_bytes else {}))
    if not docs:
        print("checker: no articles found", file=sys.stderr)
        return EXIT_USAGE
    for d in docs:
        print(f"== {d.id}  ({d.path})  status={d.status}" + (f"  error: {d.error}" if d.error else ""))
        if d.status != "ok":
            continue
        p = d.published
        print(f"   published: {p.date_from or '?'}" + (f"..{p.date_to}" if p.date_to != p.date_from else "")
              + f"  ({p.how})  encoding={d.encoding}")
        for w in d.warnings:
            print(f"   warning: {w}")
        for s in d.segments:
            text = " ".join(d.text[s.start:s.end].split())
            excerpt = text if len(text) <= 70 else text[:67] + "..."
            why = f" [{s.label}" + (f": {s.marker!r}" if s.marker else "") + "]" if s.label else ""
            print(f"   {s.kind:<12} {s.start:>6}-{s.end:<6}{why} {excerpt}")
    return EXIT_INPUT if any(d.status == "error" for d in docs) else EXIT_OK


def cmd_rules(args) -> int:
    from checker.rules.ruleset import load_ruleset

    rs = load_ruleset(args.rules, args.lang)
    if args.action == "validate":
        from checker.ingest.ruleset import load_boilerplate_rules, load_published_rules

        load_boilerplate_rules(args.lang, args.rules)
        load_published_rules(args.rules)
        print(f"rules OK: {len(rs.rules)} claim rules, {len(rs.triggers)} triggers, "
              f"{len(rs.entities.entities)} entities, {len(rs.offices.terms)} terms of office")
        return EXIT_OK
    from checker.rules.examples import run_examples

    results = run_examples(rs)
    failed = [r for r in results if not r.ok]
    for r in failed:
        print(f"{r.path}: rule {r.rule}: {r.problem}\n    text: {r.text}")
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return EXIT_USAGE if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
