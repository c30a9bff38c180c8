"""Start-up cost: `checker report` on the two seed pages vs importing spaCy and building blank("ar").

    python benchmarks/startup.py                 # 5 runs of each, fresh interpreter every run
    python benchmarks/startup.py --runs 10 --seeds /work/shared/seeds

A one-off `checker report` on two short pages is all start-up: interpreter, imports, rule
loading and validation, the spaCy pipeline and matchers, then a few milliseconds of real work.
The floor for any spaCy-based tool is `import spacy; spacy.blank("ar")`, so the target is stated
against it: the report within 2x of that floor. Both commands run alternately, each in a fresh
subprocess, timed from outside with time.perf_counter (hyperfine gives the same numbers when
installed: pass --hyperfine to also run it). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = Path("/work/shared/seeds")
TARGET_FACTOR = 2.0


def _checker_cmd(seeds: list[Path], out: Path) -> list[str]:
    # the console script installed beside this interpreter (what a user types), else the module
    script = Path(sys.executable).with_name("checker")
    head = [str(script)] if script.exists() else [sys.executable, "-m", "checker.cli"]
    return [*head, "report", *map(str, seeds), "--json", str(out), "--fail-on", "never", "-q"]


def _spacy_cmd() -> list[str]:
    return [sys.executable, "-c", "import spacy; spacy.blank('ar')"]


def _time(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=REPO)
    return time.perf_counter() - t0


def _summary(xs: list[float]) -> dict:
    return {"median_s": round(statistics.median(xs), 3), "min_s": round(min(xs), 3), "max_s": round(max(xs), 3),
            "runs_s": [round(x, 3) for x in xs]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="checker report on the seeds vs spaCy import + blank('ar')")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder with the seed pages (*.txt)")
    ap.add_argument("--package", metavar="DIR", help="measure the checker package in DIR (first on PYTHONPATH)")
    ap.add_argument("--hyperfine", action="store_true", help="also run hyperfine (if installed) and include its means")
    args = ap.parse_args(argv)

    seeds = sorted(args.seeds.glob("*.txt"))
    if not seeds:
        print(f"startup.py: no seed pages (*.txt) in {args.seeds}", file=sys.stderr)
        return 2
    env = dict(os.environ)
    if args.package:
        env["PYTHONPATH"] = os.pathsep.join([str(Path(args.package).resolve()), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    with tempfile.TemporaryDirectory(prefix="checker-startup-") as tmp:
        out = Path(tmp) / "report.json"
        checker_cmd, spacy_cmd = _checker_cmd(seeds, out), _spacy_cmd()
        _time(checker_cmd, env), _time(spacy_cmd, env)  # warm the OS file cache (.pyc, rule files)
        report, floor = [], []
        for _ in range(args.runs):  # alternate, so drift in machine load hits both alike
            report.append(_time(checker_cmd, env))
            floor.append(_time(spacy_cmd, env))
        result = {
            "seeds": [p.name for p in seeds],
            "checker_report": _summary(report),
            "spacy_import_blank": _summary(floor),
        }
        ratio = statistics.median(report) / statistics.median(floor)
        result["factor"] = round(ratio, 2)
        result["target_factor_max"] = TARGET_FACTOR
        result["target_met"] = ratio <= TARGET_FACTOR
        if args.hyperfine and shutil.which("hyperfine"):
            export = Path(tmp) / "hyperfine.json"
            subprocess.run(["hyperfine", "-N", "--warmup", "1", "--runs", str(args.runs), "--export-json", str(export),
                            shlex.join(checker_cmd), shlex.join(spacy_cmd)], check=True, stdout=subprocess.DEVNULL, env=env, cwd=REPO)
            means = [r["mean"] for r in json.loads(export.read_text())["results"]]
            result["hyperfine_mean_s"] = {"checker_report": round(means[0], 3), "spacy_import_blank": round(means[1], 3)}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
