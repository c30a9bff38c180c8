"""The command line: report, claims, segments, rules, index, check.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, configuration
or rule error; 3 an input could not be read (the others were still checked); 4 internal error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from checker.controls import one_line, visible
from checker.outputs import check_outputs

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + the signal, as shells report them
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
REPO = Path(__file__).resolve().parent.parent
OUTPUTS = ("json", "html", "markdown", "sarif", "junit", "text")

def _say(message: str) -> None:
    """A message on stderr, one line whatever file names and errors it quotes: a control
    character in a name (a newline followed by "::error::", say) must not forge a second line,
    which a CI log would read as a command of its own."""
    print(one_line(message), file=sys.stderr)


def _no_articles(paths) -> None:
    _say("checker: no articles found in " + ", ".join(map(str, paths)) + " (looked for .txt .md .html .htm .jsonl)")


def _no_such_paths(paths) -> None:
    _say("checker: none of the given paths exists: " + ", ".join(map(str, paths)))


def _n(n: int, word: str) -> str:
    """'1 event', '2 events': the CLI's own lines are English (reports follow --ui-lang)."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _date(text: str) -> dt.date:
    from checker.rules.published import FIRST_DAY, LAST_DAY

    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"{text} is outside the years {FIRST_DAY.year}-{LAST_DAY.year}")
    return day


def _byte_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number of bytes: {text!r}") from exc
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte, got {n}")
    return n


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", type=Path, default=None, help="rules folder (default: the shipped rules/)")
    p.add_argument("--lang", default="ar", help="the default language (default: ar); every language under rules/ is loaded, and each page and sentence is read with its own")
    p.add_argument("--now", type=_date, default=None,
                   help="today's date, to anchor pages that only say how old they are ('منذ 9 شهر')")
    p.add_argument("--max-bytes", type=_byte_count, default=None, help="refuse input files larger than this")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")


def _report_options(p: argparse.ArgumentParser) -> None:
    """The outputs, threshold and suppressions shared by `report` and `check`."""
    for fmt in OUTPUTS:
        p.add_argument(f"--{fmt}", metavar="FILE", help=f"write the {fmt} report ('-' = stdout)"
                       + ("; one 'path:line:col: severity [rule] message' line per mistake, printed on stdout "
                          "by default by `check`, and by `report` on a terminal" if fmt == "text" else ""))
    p.add_argument("--ui-lang", choices=["ar", "en"], default=None,
                   help="language of the messages and the interface (default: the language most of the "
                        "articles are in)")
    p.add_argument("--github", action="store_true", help="print GitHub workflow annotations on stdout")
    p.add_argument("--fail-on", choices=["error", "warning", "info", "never"], default="error",
                   help="exit 1 when a finding at or above this severity is reported (default: error)")
    p.add_argument("--baseline", type=Path, help="hide findings whose fingerprints are in this file")
    p.add_argument("--write-baseline", type=Path, metavar="FILE", help="write the findings' fingerprints here")
    p.add_argument("--ignore-file", type=Path, help="suppression file (default: .checker-ignore.yaml if present)")


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {n}")
    return n


def _engine_options(p: argparse.ArgumentParser) -> None:
    # the names only: checker.engine (and Dask) are imported when the run starts
    p.add_argument("--engine", choices=["local", "dask"], default=None,
                   help="where extraction and comparison run: in this process (local, the default) or on "
                        "a Dask cluster (dask; needs the 'dask' extra); the report is the same")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="address of a running Dask scheduler (e.g. tcp://10.0.0.5:8786); implies --engine dask; "
                        "without it --engine dask starts a local cluster for the run")
    p.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                   help="local engine: extract with up to N processes (default: one per processor; small runs "
                        "stay in one process); the report is the same")


def _store_option(p: argparse.ArgumentParser) -> None:
    # resolved in _store_url, so that building the parser does not import SQLAlchemy
    p.add_argument("--store", metavar="URL", default=None,
                   help="SQLAlchemy URL of the claim store (default: $CHECKER_STORE, else sqlite:///claims.db)")


def _safe_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    from checker.store.db import safe_url

    return safe_url(url)


def _db_problem(exc: Exception) -> str:
    """The database's own words ("attempt to write a readonly database"), without the SQL."""
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def _store_url(args) -> str:
    from checker.store.db import DEFAULT_URL

    return args.store or os.environ.get("CHECKER_STORE") or DEFAULT_URL


def build_parser() -> argparse.ArgumentParser:
    from checker import __version__

    parser = argparse.ArgumentParser(prog="checker", description="Cross-source fact-consistency checker for news.")
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    rep = sub.add_parser("report", help="check articles against each other and write reports")
    rep.add_argument("paths", nargs="*", help="files or folders (default: examples/)")
    _report_options(rep)
    _engine_options(rep)
    _common(rep)

    cl = sub.add_parser("claims", help="list the claims read from articles")
    cl.add_argument("paths", nargs="+")
    cl.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _common(cl)

    sg = sub.add_parser("segments", help="show publication dates, articles and ignored boilerplate")
    sg.add_argument("paths", nargs="+")
    _common(sg)

    ix = sub.add_parser("index", help="store articles and their claims in the claim store (for `check`)")
    ix.add_argument("paths", nargs="*", help="files or folders; none: only create or upgrade the store")
    _store_option(ix)
    ix.add_argument("-v", "--verbose", action="store_true", help="print what was done with each document")
    _common(ix)

    ck = sub.add_parser("check", help="check new articles against the stored ones that report the same events")
    ck.add_argument("paths", nargs="+", metavar="NEW", help="the new articles: files or folders")
    _store_option(ck)
    ck.add_argument("--index", action="store_true", help="store the new articles after checking them")
    _report_options(ck)
    _engine_options(ck)
    _common(ck)

    ru = sub.add_parser("rules", help="validate the rule files or run their examples")
    ru.add_argument("action", choices=["validate", "test"])
    ru.add_argument("--rules", type=Path, default=None)
    ru.add_argument("--lang", default="ar")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from checker.rules.loader import RuleError
    from checker.signals import Terminated, install, raise_pending

    restore = install()
    try:
        code = {"report": cmd_report, "claims": cmd_claims, "segments": cmd_segments, "rules": cmd_rules,
                "index": cmd_index, "check": cmd_check}[args.command](args)
        raise_pending()  # a signal swallowed where it arrived still stops the run
        return code
    except RuleError as exc:
        _say(f"checker: rule error: {exc}")
        return EXIT_USAGE
    except ValueError as exc:
        _say(f"checker: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("checker: interrupted; no report written")
        return EXIT_INTERRUPTED
    except Terminated:
        _say("checker: terminated; no report written, temporary files removed")
        return EXIT_TERMINATED
    except MemoryError:
        _say("checker: out of memory; try fewer or smaller inputs (--max-bytes)")
        return EXIT_USAGE
    except OSError as exc:  # a disk, a folder or a device refused: the user's to fix, not a bug
        _say(f"checker: {_os_problem(exc)}")
        return EXIT_USAGE
    except Exception as exc:  # a bug must not read as "findings" (1) or "usage" (2) in CI
        import traceback

        traceback.print_exc()
        _say(f"checker: internal error: {type(exc).__name__}: {exc}")
        return EXIT_INTERNAL
    finally:
        restore()


def _os_problem(exc: OSError) -> str:
    """One line for an OSError that no command caught itself."""
    return f"{exc.strerror or exc}: {exc.filename}" if exc.filename else f"{exc.strerror or exc}"


def _failed_output(exc: OSError, outputs: list[tuple[str, str]]) -> str:
    """The output (as the user gave it) that an OSError is about; the error may name the
    temporary file written beside it (.report.json.k3j2.tmp) or the folder."""
    name = exc.filename if isinstance(exc.filename, str) else ""
    for _, path in outputs:
        if path == "-":
            continue
        target = Path(path)
        base = os.path.basename(name)
        if name in (path, os.path.realpath(path)) or (
                base.startswith(f".{target.name}.")
                and os.path.realpath(os.path.dirname(name)) == os.path.realpath(target.parent)):
            return path
    files = [p for _, p in outputs if p != "-"]
    return name or (files[0] if len(files) == 1 else "the reports")


class ProgressBars:
    """Progress of a run on a terminal: one tqdm bar per stage (files read, documents extracted,
    mentions aligned, claim groups compared, reports written), on `stream`. A bar appears only
    once its stage has run for DELAY seconds, so short runs print nothing, and it is erased
    when the stage ends. A stage that reports nothing while it runs (alignment is one call)
    still shows its bar: a timer draws it at DELAY."""

    UNITS = {"read": "file", "extract": "doc", "align": "mention", "compare": "group", "write": "report"}
    DELAY = 0.5  # seconds a stage runs before its bar is drawn
    INTERVAL = 0.1  # seconds between redraws, at least

    def __init__(self, stream) -> None:
        self.stream = stream
        self.stage: str | None = None
        self.bar = None
        self._timer = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            import threading

            from tqdm import tqdm

            self.close()
            self.stage = stage
            self.bar = tqdm(total=total or None, desc=stage, unit=self.UNITS.get(stage, "it"), file=self.stream,
                            leave=False, delay=self.DELAY, mininterval=self.INTERVAL, dynamic_ncols=True)
            self._timer = threading.Timer(self.DELAY, self._draw, args=(self.bar,))
            self._timer.daemon = True
            self._timer.start()
        self.bar.update(done - self.bar.n)

    def _draw(self, bar) -> None:
        with bar.get_lock():
            if bar is self.bar and not bar.disable:
                bar.refresh()

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        if self.bar is not None:
            with self.bar.get_lock():
                self.bar.close()
        self.bar, self.stage, self._timer = None, None, None


def progress_bars(args, stream=None) -> ProgressBars | None:
    """Bars on stderr when it is a terminal and --quiet was not given; None otherwise."""
    stream = stream if stream is not None else sys.stderr
    if getattr(args, "quiet", False) or not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    return ProgressBars(stream)


def _engine(args):
    from checker.engine import make_engine

    scheduler = getattr(args, "scheduler", None)
    name = getattr(args, "engine", None) or ("dask" if scheduler else "local")
    return make_engine(name, scheduler, jobs=getattr(args, "jobs", None))


def _read(args, paths) -> tuple[object, int]:
    from checker import pipeline

    from checker.ingest.readers import found_no_articles

    bars = progress_bars(args)
    try:
        with _engine(args) as engine:
            report = pipeline.run(paths, rules_dir=args.rules, now=args.now, max_bytes=args.max_bytes,
                                  lang=args.lang, engine=engine, progress=bars)
    finally:
        if bars is not None:
            bars.close()
    if found_no_articles(report.documents):
        _no_articles(paths)
        return report, EXIT_USAGE
    return report, EXIT_OK


def _outputs(args) -> list[tuple[str, str]]:
    outputs = [(fmt, getattr(args, fmt)) for fmt in OUTPUTS if getattr(args, fmt)]
    if args.github:
        outputs.append(("github", "-"))
    return outputs


def _stdout_is_terminal() -> bool:
    return hasattr(sys.stdout, "isatty") and sys.stdout.isatty()


def _with_baseline(args, outputs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every file the run writes, for check_outputs: the reports and the baseline."""
    return outputs + ([("write-baseline", str(args.write_baseline))] if args.write_baseline else [])


def cmd_report(args) -> int:
    paths = args.paths
    outputs = _outputs(args)
    if not paths:
        # relative where possible, so the report reads the same on every clone
        paths = [os.path.relpath(REPO / "examples")]
        if not outputs:
            # in the working folder, never inside the installed package: run from the
            # repository, this rewrites its reports/; run anywhere else, it leaves it alone
            outputs = [("html", os.path.join("reports", "report.html")), ("json", os.path.join("reports", "report.json"))]
    if args.text is None and not args.quiet and _stdout_is_terminal() and not any(p == "-" for _, p in outputs):
        outputs.append(("text", "-"))
    if not paths or not all(Path(p).exists() for p in paths) and not any(Path(p).exists() for p in paths):
        _no_such_paths(paths)
        return EXIT_USAGE
    check_outputs(_with_baseline(args, outputs), paths)
    report, code = _read(args, paths)
    if code:
        return code
    return _finish(args, report, outputs)


def _finish(args, report, outputs: list[tuple[str, str]]) -> int:
    """Suppressions, outputs, the one-line summary and the exit code: shared by report and check."""
    from functools import partial

    from checker import suppress
    from checker.report import summarize, to_junit, write_outputs

    if args.write_baseline:
        try:
            suppress.write_baseline(report, args.write_baseline)
        except OSError as exc:
            _say(f"checker: cannot write the baseline {args.write_baseline}: {exc.strerror or exc}; no report written")
            return EXIT_USAGE
    baseline = suppress.load_baseline(args.baseline) if args.baseline else set()
    ignore_path = args.ignore_file or suppress.find_ignore_file(".")
    ignores = suppress.load_ignores(ignore_path) if ignore_path else []
    if baseline or ignores:
        report = suppress.apply_suppressions(report, baseline, ignores)
    bars = progress_bars(args)
    if bars is not None:
        bars("write", 0, len(outputs))
    try:
        report = _localize(args, report)
        fail_on = args.fail_on
        write_outputs(report, outputs, {"junit": partial(to_junit, fail_on=fail_on if fail_on != "never" else "error")})
    except OSError as exc:
        _say(f"checker: cannot write {_failed_output(exc, outputs)}: {exc.strerror or exc}; no report written")
        return EXIT_USAGE
    finally:
        if bars is not None:
            bars.close()
    if not args.quiet:
        from checker.locale.words import Words
        from checker.report.text_report import summary_line

        to = sys.stderr if any(p == "-" for _, p in outputs) else sys.stdout
        if ("text", "-") not in outputs:  # the text report ends with this line already
            print(f"checker: {summary_line(report, Words(report.ui_lang or 'en'))}", file=to)
        for _, path in outputs:
            if path != "-":
                print(f"  wrote {path}", file=to)
    for d in report.documents:
        if d.status == "error":
            _say(f"checker: {d.path}: {d.error}")
        elif d.status == "unsupported_language":
            _say(f"checker: {d.path}: warning: {_language_warning(d)}")
    if any(d.status == "error" for d in report.documents):
        return EXIT_INPUT
    if fail_on != "never" and any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _localize(args, report):
    """The report in the interface language (--ui-lang, else the articles' own), in cards."""
    from checker.locale import choose_ui_lang
    from checker.report.messages import localize
    from checker.rules.loader import RuleError
    from checker.rules.ruleset import load_ruleset

    lang = choose_ui_lang([d.language for d in report.documents if d.status == "ok"], getattr(args, "ui_lang", None))
    rs = load_ruleset(args.rules, args.lang)
    if lang != args.lang:  # names in the interface's language: from its own rules, when it has a full set
        try:
            rs = load_ruleset(args.rules, lang)
        except RuleError:
            pass
    return localize(report, lang, rs)


def _language_warning(doc) -> str:
    return next((w for w in doc.warnings if "language" in w), f"no rules for language {doc.language!r}")


def cmd_index(args) -> int:
    """Index articles into the claim store; exit 3 when an input could not be read or stored."""
    from collections import Counter

    from sqlalchemy.exc import SQLAlchemyError

    from checker.store import StoreError, index_paths, open_store

    if args.paths and not any(Path(p).exists() for p in args.paths):
        _no_such_paths(args.paths)
        return EXIT_USAGE
    url = _store_url(args)
    try:
        with open_store(url, writable=True) as store:
            store.check_integrity()  # a damaged page must not go unnoticed while rows are added
            results = index_paths(store, args.paths, rules_dir=args.rules, now=args.now,
                                  max_bytes=args.max_bytes, lang=args.lang) if args.paths else []
            counts = store.counts()
            version = store.version()
    except StoreError as exc:
        _say(f"checker: {exc}")
        return EXIT_USAGE
    except SQLAlchemyError as exc:
        _say(f"checker: store error ({_safe_url(url)}): {_db_problem(exc)}")
        return EXIT_USAGE
    if args.paths and not results:
        _no_articles(args.paths)
        return EXIT_USAGE
    if args.verbose:
        for r in results:
            print(f"{r.status:<9} {r.document}\t{r.path}")
    for r in results:
        if r.status == "error":
            _say(f"checker: {r.path}: {r.error}")
    if not args.quiet:
        by = Counter(r.status for r in results)
        print(f"checker: indexed {_n(len(results), 'document')}: "
              + ", ".join(f"{k} {by[k]}" for k in ("added", "updated", "unchanged", "error"))
              + f"; the store ({_safe_url(url)}, schema {version}) holds {_n(counts['documents'], 'document')}, "
              f"{_n(counts['mentions'], 'event mention')}, {_n(counts['claims'], 'claim')}")
    return EXIT_INPUT if any(r.status == "error" for r in results) else EXIT_OK


def cmd_check(args) -> int:
    """Check new articles against the claim store, with every output and exit code of `report`."""
    from sqlalchemy.exc import SQLAlchemyError

    from checker.store import StoreError, check_paths

    if not any(Path(p).exists() for p in args.paths):
        _no_such_paths(args.paths)
        return EXIT_USAGE
    check_outputs(_with_baseline(args, _outputs(args)), args.paths)
    url = _store_url(args)
    try:
        with _engine(args) as engine:
            result = check_paths(args.paths, url, index=args.index, rules_dir=args.rules, now=args.now,
                                 max_bytes=args.max_bytes, lang=args.lang, engine=engine)
    except StoreError as exc:
        _say(f"checker: {exc}")
        return EXIT_USAGE
    except SQLAlchemyError as exc:
        _say(f"checker: store error ({_safe_url(url)}): {_db_problem(exc)}")
        return EXIT_USAGE
    if not result.report.documents:
        _no_articles(args.paths)
        return EXIT_USAGE
    outputs = _outputs(args)
    if args.text is None and not args.quiet and not any(p == "-" for _, p in outputs):
        outputs.append(("text", "-"))  # what a pre-commit hook shows: every mistake, one line each
    new = set(result.new)
    for d in result.report.documents:  # every format marks the article being checked
        d.role = "new" if d.id in new else "published"
    if not args.quiet:
        to = sys.stderr if any(p == "-" for _, p in outputs) else sys.stdout
        print(f"checker: compared {_n(len(result.new), 'new article')} with "
              f"{_n(len(result.stored), 'published article')} that could report the same events"
              + (f" ({len(result.stale)} re-read under the current rules)" if result.stale else ""), file=to)
        if result.indexed:
            stored = sum(r.status in ("added", "updated") for r in result.indexed)
            print(f"checker: indexed {_n(stored, 'new or changed article')}", file=to)
    return _finish(args, result.report, outputs)


def cmd_claims(args) -> int:
    import json

    from checker.compare.comparators import describe

    report, code = _read(args, args.paths)
    if code:
        return code
    if args.json:
        print(json.dumps([c.model_dump(mode="json", by_alias=True) for c in report.claims], ensure_ascii=False, indent=2))
    else:
        print("document\tattribute\tsubject\tvalue\tqualifier\tevidence [quoted]\trule")
        for c in report.claims:
            who = f" [{c.quoted}]" if c.quoted else ""
            print(visible(f"{c.document}\t{c.attribute}\t{c.subject}\t{describe(c.value)}\t{c.qualifier}\t«{c.text}»{who}\t{c.rule}"))
    for d in report.documents:
        if d.status == "error":
            _say(f"checker: {d.path}: {d.error}")
    return EXIT_INPUT if any(d.status == "error" for d in report.documents) else EXIT_OK


def cmd_segments(args) -> int:
    from checker.ingest import read_inputs

    docs = read_inputs(args.paths, now=args.now, rules_dir=args.rules,
                       **({"max_bytes": args.max_bytes} if args.max_bytes else {}))
    if not docs:
        _say("checker: no articles found")
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
            print(visible(f"   {s.kind:<12} {s.start:>6}-{s.end:<6}{why} {excerpt}"))
    return EXIT_INPUT if any(d.status == "error" for d in docs) else EXIT_OK


def cmd_rules(args) -> int:
    from checker.rules.ruleset import load_ruleset

    rs = load_ruleset(args.rules, args.lang)
    if args.action == "validate":
        print(f"rules OK: {len(rs.files)} files, {len(rs.rules)} claim rules, {len(rs.triggers)} triggers, "
              f"{len(rs.entities.entities)} entities, {len(rs.offices.terms)} terms of office")
        for lang in rs.languages[1:]:
            one = rs.for_language(lang)
            print(f"rules OK ({lang}): {len(one.files)} files, {len(one.rules)} claim rules, "
                  f"{len(one.triggers)} triggers, {len(one.entities.entities)} entities")
        return EXIT_OK
    from checker.rules.examples import run_examples

    results = run_examples(rs)
    failed = [r for r in results if not r.ok]
    for r in failed:
        where = f"{r.path}:{r.line}" if r.line else r.path
        print(f"{where}: rule {r.rule}: {r.problem}\n    text: {r.text}")
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return EXIT_USAGE if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
