"""Size and draw time of the HTML report with thousands of findings.

    python benchmarks/html_scale.py                       # about 5,000 findings, ar and en
    python benchmarks/html_scale.py --docs 3000 --disagree 0.3 --keep /tmp/scale

Generates the benchmark corpus (benchmarks/corpus.py) with more disagreeing articles than a
real feed has, so a few thousand articles give thousands of findings; runs the checker in this
process; writes the HTML report in each interface language; opens it in headless Chromium
(Debian's /usr/bin/chromium through Playwright, as tests/test_report_browser.py does) and
times the load: from navigation to the load event with the page laid out. Prints one JSON
object: findings (pairs), cards (mistakes), and per language the size in bytes and the times
in seconds (the best of --runs). With --keep DIR the reports (and the JSON) stay in DIR, and
--screenshot saves a PNG of the top of each page there too.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def build_report(docs: int, disagree: float, seed: int, folder: Path):
    import corpus

    from checker import pipeline

    files, _, _ = corpus.generate_with_truth(docs, seed, disagree=disagree)
    corpus.write(files, folder)
    return pipeline.run([folder])


def draw_seconds(browser, path: Path, runs: int) -> dict[str, float]:
    best: dict[str, float] = {}
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate("document.body.getBoundingClientRect().height")  # layout done
        wall = time.perf_counter() - start
        nav = page.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0])")
        nav = json.loads(nav)
        page.close()
        sample = {"wall": wall, "load_event": nav["loadEventEnd"] / 1000, "dom_content_loaded": nav["domContentLoadedEventEnd"] / 1000}
        for k, v in sample.items():
            best[k] = round(min(best.get(k, v), v), 3)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=6500)
    parser.add_argument("--disagree", type=float, default=0.35)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--screenshot", action="store_true")
    parser.add_argument("--cache", type=Path, default=None,
                        help="pickle of the checked report: read when present, else written (to re-measure quickly)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from checker.report import to_html, to_json
    from checker.report.messages import localize
    from checker.rules.ruleset import load_ruleset

    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        cached = bool(args.cache and args.cache.exists())
        if cached:
            report = pickle.loads(args.cache.read_bytes())
        else:
            report = build_report(args.docs, args.disagree, args.seed, Path(tmp) / "corpus")
            if args.cache:
                args.cache.write_bytes(pickle.dumps(report))
        result: dict = {"docs": len(report.documents), "findings": len(report.findings)}
        if not cached:
            result["pipeline_seconds"] = round(time.perf_counter() - t0, 1)
        rs = load_ruleset()
        pages = {}
        for lang in ("ar", "en"):
            t = time.perf_counter()
            localized = localize(report, lang, rs)
            html = to_html(localized)
            render = time.perf_counter() - t
            path = out / f"report-{lang}.html"
            path.write_text(html, encoding="utf-8")
            if args.keep:
                (out / f"report-{lang}.json").write_text(to_json(localized), encoding="utf-8")
            result["cards"] = len(localized.cards)
            pages[lang] = path
            result[lang] = {"bytes": len(html.encode("utf-8")), "render_seconds": round(render, 2)}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for lang, path in pages.items():
                result[lang]["draw"] = draw_seconds(browser, path, args.runs)
                if args.screenshot:
                    page = browser.new_page(viewport={"width": 1280, "height": 1000})
                    page.goto(path.as_uri(), wait_until="load")
                    page.screenshot(path=str(out / f"report-{lang}.png"))
                    page.close()
            browser.close()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
