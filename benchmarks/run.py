"""End-to-end throughput, scaling and memory of the checker on a generated corpus.

    python benchmarks/run.py --docs 5000            # runs 5000 and 10000 docs, one subprocess each
    python benchmarks/run.py --docs 1000 --no-double
    python benchmarks/run.py --docs 1000 --profile /tmp/profile.txt   # pyinstrument, N only
    python benchmarks/run.py --docs 2000 --one-event --jobs 2        # one event, extraction on 2 processes

Prints ONE JSON object on stdout (progress goes to stderr). Its top level is the run with N
documents; `double` is the run with 2N documents; `growth_factor` = seconds(2N) / seconds(N);
`targets` says which of the targets of the "Performance and scale" issue are met.

Each size runs in a fresh interpreter (``--worker``), so `peak_rss_mb` (ru_maxrss) is the peak of
that size alone. Inside a worker: the corpus is generated (benchmarks/corpus.py) and written to a
temporary folder, the rules are loaded and the pipeline warmed up on one other small document
(`setup_seconds`, not part of `seconds`), then the stages are timed one after the other exactly as
checker.pipeline.analyse runs them, followed by JSON rendering. Last, the bare spaCy tokenizer
(``spacy.blank("ar")``) is timed on the same file texts for the reference speed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGETS = {"ratio_min": 0.33, "growth_max": 2.3, "peak_rss_mb_max": 1536,
           # --one-event: 2,000 accounts of one call (issue: near-linear in the accounts of one event)
           "one_event_seconds_max": 10, "one_event_rss_mb_max": 500}


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size of this process so far (or of its largest finished child, for
    RUSAGE_CHILDREN), in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(who).ru_maxrss
    return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)


class _Clock:
    """`with clock(name):` adds the wall and CPU seconds of the block to two dicts."""

    def __init__(self, wall: dict[str, float], cpu: dict[str, float]) -> None:
        self.wall, self.cpu, self.name = wall, cpu, ""

    def __call__(self, name: str) -> "_Clock":
        self.name = name
        return self

    def __enter__(self) -> None:
        self.t, self.c = time.perf_counter(), time.process_time()

    def __exit__(self, *exc) -> None:
        self.wall[self.name] = time.perf_counter() - self.t
        self.cpu[self.name] = time.process_time() - self.c


def _tokenizer_speed(texts: list[str], repeat: int = 2) -> tuple[int, float, float]:
    """(tokens, best wall seconds, best CPU seconds) of the bare blank Arabic tokenizer over `texts`."""
    import spacy

    nlp = spacy.blank("ar")
    for _ in nlp.tokenizer.pipe(texts[:50]):  # warm-up (lazy regex compilation, caches)
        pass
    best, best_cpu, tokens = float("inf"), float("inf"), 0
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=256))
        best, best_cpu = min(best, time.perf_counter() - t0), min(best_cpu, time.process_time() - c0)
    return tokens, best, best_cpu


def _package_info() -> str:
    """Which checker was measured: its folder and, when it is a git checkout, the commit."""
    import checker

    root = Path(checker.__file__).resolve().parent.parent
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "checker", "rules"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit, dirty = "", ""
    return f"{root}" + (f" @ {commit}" + (" (modified)" if dirty else "") if commit else "")


def worker(n_docs: int, seed: int, disagree: float, profile: str | None, span_days: int | None = None,
           no_gc: bool = False, per_event: float | None = None, jobs: int = 1) -> dict:
    from corpus import generate_with_truth

    t0 = time.perf_counter()
    # --one-event: every article reports the same call (per_event = n_docs: a pool of one event)
    per_event = n_docs if per_event == 0 else per_event
    extra = {"per_event": per_event} if per_event else {}
    files, events_truth, reports = generate_with_truth(n_docs, seed, disagree=disagree, span_days=span_days, **extra)
    gen_seconds = time.perf_counter() - t0

    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        corpus_dir = Path(tmp) / "corpus"
        corpus_dir.mkdir()
        for name, text in files:
            (corpus_dir / name).write_text(text, encoding="utf-8")
        warm_dir = Path(tmp) / "warm"
        warm_dir.mkdir()
        name, text = generate_with_truth(1, seed + 1_000_003)[0][0]
        (warm_dir / name).write_text(text, encoding="utf-8")

        # ---- setup: imports, rules, spaCy pipeline and matchers (once per process)
        t0 = time.perf_counter()
        from checker.align.events import assign_events, build_events
        from checker.compare.findings import compare
        from checker.ingest import read_inputs
        from checker.models import Report
        from checker.engine.local import LocalEngine
        from checker.engine.stages import extract_all
        from checker.report import write_outputs
        from checker.report.summary import summarize
        from checker.rules.ruleset import load_ruleset

        rs = load_ruleset()
        extract_all(read_inputs([warm_dir]), rs)  # builds the lexicon, matcher and grammar
        setup_seconds = time.perf_counter() - t0
        rss_before = _rss_mb()

        if no_gc:  # what a package-level gc.freeze()/gc.disable() around a batch run would gain
            gc.collect()
            gc.freeze()
            gc.disable()
        profiler = None
        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.001)
            profiler.start()

        stages: dict[str, float] = {}
        cpu: dict[str, float] = {}
        clock = _Clock(stages, cpu)
        stage = "read"
        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        t_all, c_all = time.perf_counter(), time.process_time()
        try:
            with clock("read"):
                docs = read_inputs([corpus_dir], rules=rs, jobs=jobs)

            stage = "extract"
            with clock("extract"):
                docs = sorted(docs, key=lambda d: (d.id, d.path))  # as checker.pipeline.analyse does
                docs, mentions, claims = LocalEngine(jobs).extract(docs, rs)

            stage = "events"
            with clock("events"):
                by_id = {d.id: d for d in docs}
                events, mention_event = build_events(mentions, by_id, rs, claims)
                claims = assign_events(claims, mention_event, events, rs.policy.coreference.same_event)

            stage = "compare"
            with clock("compare"):
                findings = compare(claims, events, by_id, rs)

            stage = "render"
            with clock("render"):
                report = Report(documents=docs, claims=claims, mentions=mentions, events=events, findings=findings)
                report.summary = summarize(report)
                json_path = Path(tmp) / "report.json"
                write_outputs(report, [("json", str(json_path))])  # as the CLI writes it
                json_bytes = json_path.stat().st_size
        except Exception as exc:  # a crash is a result too: say where, keep what was measured
            import traceback

            where = traceback.extract_tb(exc.__traceback__)[-1]
            return {"docs": n_docs, "error": f"{type(exc).__name__}: {exc}", "failed_stage": stage,
                    "at": f"{Path(where.filename).name}:{where.lineno} in {where.name}",
                    "stages": {k: round(v, 3) for k, v in stages.items()}, "peak_rss_mb": _rss_mb(),
                    "seed": seed, "checker": _package_info()}
        seconds = time.perf_counter() - t_all
        cpu_seconds = time.process_time() - c_all

        if profiler is not None:
            profiler.stop()
            tree = profiler.output_text(unicode=True, color=False, time="percent_of_total")
            flat = profiler.output_text(unicode=True, color=False, flat=True, time="percent_of_total")
            Path(profile).write_text(tree + "\n\nSelf time by function (flat):\n" + flat, encoding="utf-8")
            Path(profile).with_suffix(".html").write_text(profiler.output_html(), encoding="utf-8")

    rss_pipeline = _rss_mb()
    texts = [text for _, text in files]
    tokens, tok_seconds, tok_cpu = _tokenizer_speed(texts)

    kinds: dict[str, int] = {}
    rules: dict[str, int] = {}
    for f in findings:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
        rules[f.rule] = rules.get(f.rule, 0) + 1
    tokens_per_s = tokens / seconds
    tokenizer_tokens_per_s = tokens / tok_seconds
    return {
        "docs": n_docs,
        "tokens": tokens,
        "words": sum(len(t.split()) for t in texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "seconds": round(seconds, 3),
        "docs_per_s": round(n_docs / seconds, 1),
        "tokens_per_s": round(tokens_per_s),
        "tokenizer_tokens_per_s": round(tokenizer_tokens_per_s),
        "ratio": round(tokens_per_s / tokenizer_tokens_per_s, 3),
        "peak_rss_mb": _rss_mb(),
        # with --jobs > 1: the largest extraction process (forked, so much of it is shared with this one)
        "peak_rss_child_mb": _rss_mb(resource.RUSAGE_CHILDREN),
        "rss_after_setup_mb": rss_before,
        "rss_after_pipeline_mb": rss_pipeline,
        "stages": {k: round(v, 3) for k, v in stages.items()},
        "cpu_seconds": round(cpu_seconds, 3),
        "stages_cpu": {k: round(v, 3) for k, v in cpu.items()},
        "ratio_cpu": round((tokens / cpu_seconds) / (tokens / tok_cpu), 3),
        "load_average": [load_before, os.getloadavg()[0] if hasattr(os, "getloadavg") else None],
        "setup_seconds": round(setup_seconds, 3),
        "corpus_seconds": round(gen_seconds, 3),
        "tokenizer_seconds": round(tok_seconds, 3),
        "counts": {
            "documents_ok": sum(d.status == "ok" for d in docs),
            "claims": len(claims),
            "mentions": len(mentions),
            "events": len(events),
            "events_in_corpus": len(events_truth),
            "findings": len(findings),
            "findings_by_kind": kinds,
            "findings_by_rule": dict(sorted(rules.items(), key=lambda kv: -kv[1])),
            "disagreeing_reports": sum(r.disagreement is not None for r in reports),
            "json_bytes": json_bytes,
        },
        "seed": seed,
        "disagree": disagree,
        "gc": "off during the timed stages" if no_gc else "on",
        "span_days": (events_truth[-1].day - events_truth[0].day).days + 1 if events_truth else 0,
        "checker": _package_info(),
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "jobs": jobs,
    }


def _run_worker(n_docs: int, args) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--docs", str(n_docs),
           "--seed", str(args.seed), "--disagree", str(args.disagree)]
    if args.profile:
        cmd += ["--profile", args.profile]
    if args.span_days:
        cmd += ["--span-days", str(args.span_days)]
    if args.no_gc:
        cmd += ["--no-gc"]
    if args.one_event:
        cmd += ["--one-event"]
    cmd += ["--jobs", str(args.jobs)]
    env = dict(os.environ)
    if args.package:  # measure another copy of the package (e.g. a patched one in /tmp)
        env["PYTHONPATH"] = os.pathsep.join([str(Path(args.package).resolve()), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    print(f"run.py: {n_docs} docs ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True, env=env)
    result = json.loads(out.stdout)
    result["wall_seconds"] = round(time.perf_counter() - t0, 1)  # the subprocess, corpus and all
    if "error" in result:
        print(f"run.py: {n_docs} docs: FAILED in {result['failed_stage']}: {result['error']} ({result['at']})",
              file=sys.stderr, flush=True)
    else:
        print(f"run.py: {n_docs} docs: {result['seconds']} s, ratio {result['ratio']}, "
              f"peak {result['peak_rss_mb']} MB", file=sys.stderr, flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark the checker on a generated corpus of N and 2N articles.")
    ap.add_argument("--docs", type=int, default=5000, help="N: number of articles (default 5000)")
    ap.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    ap.add_argument("--disagree", type=float, default=0.1,
                    help="share of reports that get one detail wrong (default 0.1)")
    ap.add_argument("--span-days", type=int, default=None,
                    help="days the corpus's events fall on (default: corpus.py's: a year per 5000 articles, at least a year)")
    ap.add_argument("--no-gc", action="store_true",
                    help="disable Python's cyclic garbage collector during the timed stages (an experiment, not the default)")
    ap.add_argument("--no-double", action="store_true", help="run N only (no 2N run, no growth factor)")
    ap.add_argument("--profile", metavar="FILE",
                    help="profile the timed stages with pyinstrument (text to FILE, HTML beside it); implies --no-double")
    ap.add_argument("--package", metavar="DIR",
                    help="measure the checker package found in DIR (put first on PYTHONPATH) instead of the installed one")
    ap.add_argument("--one-event", action="store_true",
                    help="every article reports one and the same event (a big story: how alignment and comparison "
                         "grow with the accounts of one event); targets: %d s and %d MB at 2,000 articles"
                         % (TARGETS["one_event_seconds_max"], TARGETS["one_event_rss_mb_max"]))
    ap.add_argument("--jobs", type=int, default=1,
                    help="extraction processes, as `checker report --jobs` (default 1: the one-process figure; "
                         "cpu_seconds then counts this process only)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.docs, args.seed, args.disagree, args.profile, args.span_days, args.no_gc,
                                0 if args.one_event else None, args.jobs), ensure_ascii=False))
        return 0

    result = _run_worker(args.docs, args)
    ok = "error" not in result
    targets: dict[str, object] = {
        "ratio_min": TARGETS["ratio_min"],
        "ratio_met": ok and result["ratio"] >= TARGETS["ratio_min"],
    }
    if not (args.no_double or args.profile):
        double = _run_worker(2 * args.docs, args)
        both = ok and "error" not in double
        result["double"] = double
        result["growth_factor"] = round(double["seconds"] / result["seconds"], 3) if both else None
        # the same in CPU time: robust when other processes share the machine
        result["growth_factor_cpu"] = round(double["cpu_seconds"] / result["cpu_seconds"], 3) if both else None
        targets.update({
            "growth_max": TARGETS["growth_max"],
            "growth_met": both and result["growth_factor"] <= TARGETS["growth_max"],
            "peak_rss_mb_max": TARGETS["peak_rss_mb_max"],
            "peak_rss_met": "error" not in double and double["peak_rss_mb"] < TARGETS["peak_rss_mb_max"],
        })
    if args.one_event and ok:
        targets.update({
            "seconds_max": TARGETS["one_event_seconds_max"],
            "seconds_met": result["seconds"] <= TARGETS["one_event_seconds_max"],
            "peak_rss_mb_max": TARGETS["one_event_rss_mb_max"],
            "peak_rss_met": result["peak_rss_mb"] <= TARGETS["one_event_rss_mb_max"],
        })
    result["targets"] = targets
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if ok and "error" not in result.get("double", {}) else 1


if __name__ == "__main__":
    sys.exit(main())
