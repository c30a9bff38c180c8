"""`checker check` of one new article against a store of N generated articles.

    python benchmarks/check.py --docs 10000                      # builds the store, then measures
    python benchmarks/check.py --docs 10000 --store /tmp/s.db    # reuses that store if it is there

The store is indexed from the benchmark corpus (benchmarks/corpus.py, seed 0), once. The new
article is another generated article (seed 1) reporting an event of the same pool: same kind,
same people, same day, with one detail changed, so the check finds the stored accounts of
that event and the contradiction. Measured, in this process after one warm-up check (rules,
spaCy pipeline and matchers built; the store's pages in the OS cache):

- `check_seconds`: checker.store.check.check_paths on the new article (read, extract, the
  store queries, alignment, comparison), median of --runs;
- `cli_seconds`: the `checker check` command end to end in a fresh process (start-up
  included), median of --runs, with `spacy_floor_seconds`, `import spacy; spacy.blank("ar")`
  in a fresh process, measured alternately with it.

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))


def _new_article(corpus: Path, folder: Path) -> Path:
    """A stored call report, rewritten by another outlet with its duration changed."""
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for old, new in (("نحو ساعتين ونصف", "نحو نصف ساعة"), ("أكثر من ساعتين", "أقل من ساعة"),
                         ("نحو ساعة ونصف", "أكثر من ثلاث ساعات")):
            if old in text:
                head, _, body = text.partition("\n---\n")
                head = "\n".join(line for line in head.splitlines() if not line.startswith(("source:", "url:")))
                out = folder / "new-article.txt"
                out.write_text(f"{head}\nsource: صحيفة الاختبار\n---\n{body.replace(old, new, 1)}", encoding="utf-8")
                return out
    raise SystemExit("check.py: no call report with a duration in the corpus")


def _wall_time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="checker check of one article against a store of N")
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--store", type=Path, help="SQLite file to build or reuse (default: a temporary one)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)

    from corpus import generate

    from checker.store.check import check_paths
    from checker.store.db import open_store
    from checker.store.index import index_paths

    with tempfile.TemporaryDirectory(prefix="checker-check-") as tmp:
        tmp_path = Path(tmp)
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for name, text in generate(args.docs, 0):
            (corpus / name).write_text(text, encoding="utf-8")
        db = args.store or tmp_path / "claims.db"
        url = f"sqlite:///{db.resolve()}"
        index_seconds = None
        if not db.exists():
            t0 = time.perf_counter()
            with open_store(url, writable=True) as store:
                index_paths(store, [corpus])
            index_seconds = round(time.perf_counter() - t0, 1)
        new = _new_article(corpus, tmp_path)

        first = check_paths([new], url)  # warm-up: rules, pipeline, matchers, OS cache
        runs = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            result = check_paths([new], url)
            runs.append(time.perf_counter() - t0)
        findings = result.report.findings
        assert [f.model_dump() for f in first.report.findings] == [f.model_dump() for f in findings]

        script = Path(sys.executable).with_name("checker")
        cli = [str(script) if script.exists() else sys.executable, *([] if script.exists() else ["-m", "checker.cli"]),
               "check", str(new), "--store", url, "--json", str(tmp_path / "check.json"), "-q", "--fail-on", "never"]
        floor_cmd = [sys.executable, "-c", "import spacy; spacy.blank('ar')"]
        _wall_time(cli)
        cli_runs, floor_runs = [], []
        for _ in range(args.runs):
            cli_runs.append(_wall_time(cli))
            floor_runs.append(_wall_time(floor_cmd))

        print(json.dumps({
            "stored_docs": args.docs,
            "store_mb": round(db.stat().st_size / 2**20, 1),
            "index_seconds": index_seconds,
            "check_seconds": round(statistics.median(runs), 4),
            "check_runs": [round(x, 4) for x in runs],
            "stored_candidates": len(result.stored),
            "findings": [f"{f.rule} {' vs '.join(f.documents)}" for f in findings],
            "cli_seconds": round(statistics.median(cli_runs), 3),
            "spacy_floor_seconds": round(statistics.median(floor_runs), 3),
        }, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
