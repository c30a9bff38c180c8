"""Hostile inputs and ordinary faults, second round, through the real command line.

Each case builds a scratch folder holding a good article (a copy of
examples/march-call/agency-a.txt, 11 claims) and one hostile thing, runs a checker command and
checks what the user sees: the exit code, the one line on stderr, and what happened to the good
article. `python tests/test_robust_hostile.py` runs every case and prints the table of
docs/bad-inputs.md ("Hostile inputs and faults") from those runs.

Every run must end within a few seconds and never exit 4: each case is timed and the table
shows the time, but no test asserts on a duration except that nothing hangs (HANG_SECONDS).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from checker.cli import main  # noqa: E402
from helpers import REPO  # noqa: E402

GOOD_SOURCE = REPO / "examples" / "march-call" / "agency-a.txt"
HANG_SECONDS = 10
BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
CALL = ("أجرى الرئيس الأمريكي دونالد ترامب اتصالاً هاتفياً مع الرئيس الروسي فلاديمير بوتين يوم 18 مارس 2025، "
        "واتفق الطرفان على تبادل {} أسيراً من كل جانب.\n")


@dataclass
class Outcome:
    code: int
    stderr: str
    report: dict
    seconds: float
    folder: Path
    stdout: str = ""

    def doc(self, doc_id: str) -> dict:
        (found,) = [d for d in self.report.get("documents", []) if d["id"] == doc_id]
        return found

    def good_ok(self) -> bool:
        docs = [d for d in self.report.get("documents", []) if d["id"] == "agency-a"]
        claims = [c for c in self.report.get("claims", []) if c["document"] == "agency-a"]
        return [d["status"] for d in docs] == ["ok"] and len(claims) == 11


@dataclass
class Case:
    """One hostile input: `build(folder)` returns the command's arguments (after `checker`)."""

    label: str
    build: Callable[[Path], list[str]]
    code: int
    stderr: str | None  # a substring of stderr; None: stderr must be empty
    check: Callable[[Outcome], None] = lambda o: None
    others: str = "agency-a ok, its 11 claims in the report"
    needs: Callable[[], str | None] = lambda: None  # a reason to skip, or None
    doc: str | None = None  # the hostile input's document, shown in the table


def run(argv: list[str], folder: Path) -> Outcome:
    """`checker ARGV` in `folder`, in this process (stderr and stdout captured)."""
    err, out = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    start = time.perf_counter()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse
                code = int(exc.code or 0)
    finally:
        os.chdir(here)
    seconds = time.perf_counter() - start
    report_path = folder / "r.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    return Outcome(code, err.getvalue(), report, seconds, folder, out.getvalue())


def _good(folder: Path) -> None:
    shutil.copy(GOOD_SOURCE, folder / "agency-a.txt")


def _report(*bad: str, extra: tuple[str, ...] = ()) -> list[str]:
    return ["report", *bad, "agency-a.txt", "--json", "r.json", "--fail-on", "never", "-q", *extra]


def _rules_copy(folder: Path) -> Path:
    rules = folder / "rules"
    shutil.copytree(REPO / "rules", rules)
    return rules


# --------------------------------------------------------------------------- the cases


def _language_path(folder: Path) -> list[str]:
    (folder / "evil").mkdir()
    (folder / "evil" / "boilerplate.yaml").write_text(BOMB, encoding="utf-8")
    (folder / "lang.md").write_text(f"---\nlanguage: ../../../../../../{folder.relative_to('/')}/evil\n---\n"
                                    + CALL.format(175), encoding="utf-8")
    return _report("lang.md")


def _language_jsonl(folder: Path) -> list[str]:
    (folder / "feed.jsonl").write_text(json.dumps({"text": CALL.format(175), "language": "/etc"}) + "\n",
                                       encoding="utf-8")
    return _report("feed.jsonl")


def _lang_warning(name: str) -> Callable[[Outcome], None]:
    def check(o: Outcome) -> None:
        doc = o.doc(name)
        assert doc["status"] == "ok" and doc["language"] == "ar"
        assert any("is not a language code" in w for w in doc["warnings"])
    return check


def _link_file(folder: Path) -> list[str]:
    secret = folder.parent / f"{folder.name}-secret.txt"
    secret.write_text("كلمة السر: hunter2 " + CALL.format(175), encoding="utf-8")
    (folder / "in").mkdir()
    shutil.copy(GOOD_SOURCE, folder / "in" / "agency-a.txt")
    (folder / "in" / "leak.txt").symlink_to(secret)
    return ["report", "in", "--json", "r.json", "--fail-on", "never", "-q"]


def _link_folder(folder: Path) -> list[str]:
    outside = folder.parent / f"{folder.name}-outside"
    outside.mkdir(exist_ok=True)
    (outside / "x.txt").write_text(CALL.format(175), encoding="utf-8")
    (folder / "in").mkdir()
    shutil.copy(GOOD_SOURCE, folder / "in" / "agency-a.txt")
    (folder / "in" / "all").symlink_to(outside)
    return ["report", "in", "--json", "r.json", "--fail-on", "never", "-q"]


def _not_followed(name: str) -> Callable[[Outcome], None]:
    def check(o: Outcome) -> None:
        doc = o.doc(name)
        assert doc["status"] == "error" and "not followed" in doc["error"]
        assert "hunter2" not in json.dumps(o.report, ensure_ascii=False)
    return check


def _ignore_bomb(folder: Path) -> list[str]:
    (folder / ".checker-ignore.yaml").write_text(BOMB, encoding="utf-8")
    return _report()


def _rule_bomb(folder: Path) -> list[str]:
    rules = _rules_copy(folder)
    (rules / "ar" / "claims" / "calls.yaml").write_text(
        (rules / "ar" / "claims" / "calls.yaml").read_text(encoding="utf-8") + "\n" + BOMB.replace("a:", "zz_a:", 1),
        encoding="utf-8")
    return _report(extra=("--rules", "rules"))


def _catastrophic_trigger(folder: Path) -> list[str]:
    rules = _rules_copy(folder)
    path = rules / "ar" / "claims" / "calls.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("triggers:")
    line = text.index("pattern:", start)
    end = text.index("\n", line)
    path.write_text(text[:line] + "pattern: '(?:اتصال|اتصال\\s?)+!'" + text[end:], encoding="utf-8")
    return ["rules", "validate", "--rules", "rules"]


def _rlo(folder: Path) -> list[str]:
    (folder / "rlo.txt").write_text(CALL.format("\u202e571\u202c"), encoding="utf-8")
    (folder / "plain.txt").write_text(CALL.format("175"), encoding="utf-8")
    return ["report", "rlo.txt", "plain.txt", "agency-a.txt", "--json", "r.json", "--html", "r.html",
            "--markdown", "r.md", "--github", "--fail-on", "never", "-q"]


def _rlo_check(o: Outcome) -> None:
    assert any("control character" in w for w in o.doc("rlo")["warnings"])
    html = (o.folder / "r.html").read_text(encoding="utf-8")
    md = (o.folder / "r.md").read_text(encoding="utf-8")
    for text in (html, md, o.stdout):
        assert "\u202e" not in text
    assert "[U+202C]" in html and "[U+202C]" in o.stdout  # shown, not obeyed (the quote ends with it)
    assert all(c not in text for text in (html, md, o.stdout) for c in "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069")


def _esc_source(folder: Path) -> list[str]:
    (folder / "esc.md").write_text("---\nsource: \"evil\\e]8;;x\\e\\\\ \\e[31m\"\npublished: 2025-03-18\n---\n"
                                   + CALL.format(571), encoding="utf-8")
    (folder / "plain.txt").write_text(CALL.format("175"), encoding="utf-8")
    return ["report", "esc.md", "plain.txt", "agency-a.txt", "--json", "r.json", "--github", "--fail-on", "never", "-q"]


def _esc_check(o: Outcome) -> None:
    assert "\x1b" not in o.stdout and "[U+001B]" in o.stdout
    assert any("control character" in w for w in o.doc("esc")["warnings"])


def _bad_byte(folder: Path) -> list[str]:
    data = GOOD_SOURCE.read_bytes()
    (folder / "cut.txt").write_bytes(data[:-2] if data.endswith(b"\n") else data[:-1])  # last letter cut in half
    return _report("cut.txt")


def _bad_byte_check(o: Outcome) -> None:
    doc = o.doc("cut")
    assert doc["status"] == "ok" and doc["encoding"] == "utf-8"
    assert any(w.startswith("not valid UTF-8") for w in doc["warnings"])
    assert len([c for c in o.report["claims"] if c["document"] == "cut"]) == 11


def _cp1256(folder: Path) -> list[str]:
    (folder / "old.txt").write_bytes(CALL.format(175).encode("cp1256"))
    return _report("old.txt")


def _cp1256_check(o: Outcome) -> None:
    doc = o.doc("old")
    assert doc["encoding"] == "cp1256" and not doc["warnings"]
    assert [c for c in o.report["claims"] if c["document"] == "old" and c["attribute"] == "exchange.prisoners"]


def _output_is_input(folder: Path) -> list[str]:
    return ["report", "agency-a.txt", "--json", "agency-a.txt", "-q"]


def _unchanged_input(o: Outcome) -> None:
    assert (o.folder / "agency-a.txt").read_bytes() == GOOD_SOURCE.read_bytes()


def _same_output_twice(folder: Path) -> list[str]:
    return ["report", "agency-a.txt", "--json", "out", "--html", "./out", "-q"]


def _two_on_stdout(folder: Path) -> list[str]:
    return ["report", "agency-a.txt", "--json", "-", "--sarif", "-", "-q"]


def _nothing_written(o: Outcome) -> None:
    assert not (o.folder / "out").exists() and not o.stdout


def _symlink_output(folder: Path) -> list[str]:
    (folder / "real.json").write_text("old", encoding="utf-8")
    (folder / "link.json").symlink_to("real.json")
    return ["report", "agency-a.txt", "--json", "link.json", "--fail-on", "never", "-q"]


def _symlink_check(o: Outcome) -> None:
    assert (o.folder / "link.json").is_symlink()
    assert json.loads((o.folder / "real.json").read_text(encoding="utf-8"))["tool"] == "checker"


def _device_output(folder: Path) -> list[str]:
    os.mknod(folder / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    return ["report", "agency-a.txt", "--json", "null", "--fail-on", "never", "-q"]


def _can_mknod() -> str | None:
    return None if hasattr(os, "geteuid") and os.geteuid() == 0 else "needs root to make a device node"


def _device_check(o: Outcome) -> None:
    assert stat.S_ISCHR(os.lstat(o.folder / "null").st_mode)  # still the device, not a report file


def _fifo_output(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe")
    return ["report", "agency-a.txt", "--json", "pipe", "--fail-on", "never", "-q"]


def _full_disk(folder: Path) -> list[str]:
    return ["report", "agency-a.txt", "--json", "/dev/full", "--fail-on", "never", "-q"]


def _has_dev_full() -> str | None:
    return None if Path("/dev/full").exists() else "no /dev/full"


def _reports_in_input(folder: Path) -> list[str]:
    (folder / "in").mkdir()
    shutil.copy(GOOD_SOURCE, folder / "in" / "agency-a.txt")
    (folder / "in" / "b.txt").write_text(
        GOOD_SOURCE.read_text(encoding="utf-8").replace("أكثر من ساعتين", "نحو ساعة"), encoding="utf-8")
    first = ["report", "in", "--json", "in/json.txt", "--fail-on", "never", "-q"]
    assert run(first, folder).code == 0  # a JSON report with an article's extension, in the folder read
    args = ["report", "in", "--html", "in/report.html", "--markdown", "in/report.md", "--junit", "in/report.txt",
            "--sarif", "in/sarif.md", "--json", "r.json", "--fail-on", "never", "-q"]
    assert run(args, folder).code == 0  # this run writes its reports into the folder it reads
    return args


def _reports_in_input_check(o: Outcome) -> None:
    assert sorted(d["id"] for d in o.report["documents"]) == ["agency-a", "b"]
    assert len(o.report["findings"]) == 1


def _bad_name(folder: Path) -> list[str]:
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text(CALL.format(175), encoding="utf-8")
    return _report(name)


def _surrogate_jsonl(folder: Path) -> list[str]:
    (folder / "feed.jsonl").write_text(
        '{"text": "' + CALL.format(175).strip() + '", "title": "x\\ud800"}\n'
        + json.dumps({"text": CALL.format(175), "id": "fine"}) + "\n", encoding="utf-8")
    return _report("feed.jsonl")


def _surrogate_check(o: Outcome) -> None:
    assert o.doc("feed#1")["status"] == "error" and "field 'title'" in o.doc("feed#1")["error"]
    assert o.doc("fine")["status"] == "ok"


def _far_date(folder: Path) -> list[str]:
    (folder / "far.md").write_text("---\npublished: 9999-12-31\n---\n" + CALL.format(175), encoding="utf-8")
    return _report("far.md")


def _far_date_check(o: Outcome) -> None:
    doc = o.doc("far")
    assert doc["status"] == "ok" and "9999" not in str(doc["published"])  # unknown, or estimated from the text
    assert any("outside the years" in w for w in doc["warnings"])


def _separators(folder: Path) -> list[str]:
    (folder / "sep.txt").write_text(CALL.format("1٬750") + CALL.format("١٬٠٠٠"), encoding="utf-8")
    return _report("sep.txt")


def _separators_check(o: Outcome) -> None:
    counts = sorted(c["value"]["per_side"] for c in o.report["claims"]
                    if c["document"] == "sep" and c["attribute"] == "exchange.prisoners")
    assert counts == [1000, 1750]


def _cr_only(folder: Path) -> list[str]:
    (folder / "mac.md").write_bytes(("---\rsource: وكالة قديمة\rpublished: 2025-03-18\r---\r"
                                     + CALL.format(175).strip() + "\r").encode("utf-8"))
    return _report("mac.md")


def _cr_only_check(o: Outcome) -> None:
    doc = o.doc("mac")
    assert doc["source"] == "وكالة قديمة" and doc["published"]["how"] == "front matter"


def _nul_bytes(folder: Path) -> list[str]:
    (folder / "nul.txt").write_bytes(CALL.format(175).encode("utf-8") + b"\x00\x00 tail")
    return _report("nul.txt")


def _nul_check(o: Outcome) -> None:
    assert "UTF-16" not in o.doc("nul")["error"]


def _max_bytes(folder: Path) -> list[str]:
    return _report(extra=("--max-bytes", "-1"))


def _key_typo(folder: Path) -> list[str]:
    rules = _rules_copy(folder)
    path = rules / "ar" / "claims" / "durations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nfamily:", "\nfamly:", 1), encoding="utf-8")
    return ["rules", "validate", "--rules", "rules"]


def _macro_typo(folder: Path) -> list[str]:
    rules = _rules_copy(folder)
    path = rules / "ar" / "claims" / "calls.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{P:callee}", "{P:calee}", 1), encoding="utf-8")
    return ["rules", "validate", "--rules", "rules"]


def _pg_without_driver(folder: Path) -> list[str]:
    return ["check", "agency-a.txt", "--store", "postgresql://editor:s3cret@db.example/claims", "-q"]


def _no_pg_driver() -> str | None:
    import importlib.util

    return "a PostgreSQL driver is installed" if any(
        importlib.util.find_spec(m) for m in ("psycopg2", "psycopg")) else None


def _pg_check(o: Outcome) -> None:
    assert "s3cret" not in o.stderr


def _unwritable_baseline(folder: Path) -> list[str]:
    (folder / "file").write_text("", encoding="utf-8")
    return _report(extra=("--write-baseline", "file/baseline.json"))


def _readonly_folder(folder: Path) -> list[str]:
    (folder / "file").write_text("", encoding="utf-8")
    return ["report", "agency-a.txt", "--json", "file/r.json", "-q"]


CASES: list[Case] = [
    Case("front matter `language: ../../…/evil` (a folder holding an alias-bomb boilerplate.yaml)", _language_path,
         0, None, _lang_warning("lang"), doc="lang"),
    Case("JSONL field `\"language\": \"/etc\"`", _language_jsonl, 0, None, _lang_warning("feed#1"), doc="feed#1"),
    Case("symlink in the folder to a file outside it (a secrets file)", _link_file, 3, "not followed",
         _not_followed("leak"), doc="leak"),
    Case("symlink in the folder to a folder outside it", _link_folder, 3, "not followed", _not_followed("all"), doc="all"),
    Case("alias bomb in `.checker-ignore.yaml` in the working folder", _ignore_bomb, 2,
         ".checker-ignore.yaml:", others="not checked (configuration error, exit 2)"),
    Case("`--ignore-file /dev/zero` (endless)", lambda f: _report(extra=("--ignore-file", "/dev/zero")), 2,
         "is not a regular file", needs=lambda: None if Path("/dev/zero").exists() else "no /dev/zero",
         others="checked, but no report written (configuration error)"),
    Case("alias bomb in a rule file (`--rules`)", _rule_bomb, 2, "calls.yaml:", others="not checked (rule error)"),
    Case("catastrophic trigger regex `(?:اتصال|اتصال\\s?)+!` (`rules validate`)", _catastrophic_trigger, 2,
         "catastrophic backtracking", others="(rules only)"),
    Case("U+202E around 571 in the evidence (HTML, Markdown, --github)", _rlo, 0, None, _rlo_check, doc="rlo"),
    Case("raw ESC in `source:` (--github)", _esc_source, 0, None, _esc_check, doc="esc"),
    Case("UTF-8 with its last character cut in half", _bad_byte, 0, None, _bad_byte_check, doc="cut"),
    Case("real Windows-1256 file", _cp1256, 0, None, _cp1256_check, doc="old"),
    Case("`--json agency-a.txt` (the output is an input)", _output_is_input, 2, "is one of the inputs",
         _unchanged_input, others="agency-a.txt unchanged; nothing read"),
    Case("`--json out --html ./out`", _same_output_twice, 2, "both write", _nothing_written,
         others="nothing read or written"),
    Case("`--json - --sarif -`", _two_on_stdout, 2, "reports on stdout", _nothing_written,
         others="nothing read or written"),
    Case("`--json link.json`, a symlink to real.json", _symlink_output, 0, None, _symlink_check,
         others="real.json holds the report (agency-a ok), link.json is still a link"),
    Case("`--json null`, a character device like /dev/null", _device_output, 0, None, _device_check,
         others="the report went to the device, which is still a device node", needs=_can_mknod),
    Case("`--json pipe`, a named pipe no process reads (would block for ever)", _fifo_output, 2,
         "no process is reading this pipe", needs=lambda: None if hasattr(os, "mkfifo") else "no FIFOs here",
         others="nothing written; the run ends at once"),
    Case("`--json /dev/full` (a full disk)", _full_disk, 2, "No space left on device", needs=_has_dev_full,
         others="nothing written"),
    Case("`--json file/r.json` under a file (an unwritable folder)", _readonly_folder, 2, "file/r.json: file is not a folder",
         others="nothing written"),
    Case("`--write-baseline file/baseline.json` (unwritable)", _unwritable_baseline, 2, "file/baseline.json: file is not a folder",
         others="nothing written"),
    Case("JSON, HTML, Markdown, SARIF and JUnit reports written into the folder read (`.txt`, `.md`, `.html`), "
         "then another run", _reports_in_input, 0,
         None, _reports_in_input_check, others="the second run reads the 2 articles, 1 finding (as the first)"),
    Case("file name that is not UTF-8 (`caf\\xe9.txt`)", _bad_name, 3, "not valid UTF-8", doc="caf\\xe9"),
    Case("lone surrogate in a JSONL title", _surrogate_jsonl, 3, "field 'title' holds a lone surrogate",
         _surrogate_check, doc="feed#1", others="agency-a ok; the feed's other line ok"),
    Case("`published: 9999-12-31`", _far_date, 0, None, _far_date_check, doc="far"),
    Case("Arabic separators: `1٬750`, `١٬٠٠٠` (read as 1750 and 1000 per side)", _separators, 0, None,
         _separators_check, doc="sep"),
    Case("CR-only line ends with front matter (its `source:` and `published:` are read)", _cr_only, 0, None,
         _cr_only_check, doc="mac"),
    Case("NUL bytes in a UTF-8 file", _nul_bytes, 3, "looks binary (2 NUL byte(s)", _nul_check, doc="nul"),
    Case("`--max-bytes -1`", _max_bytes, 2, "must be at least 1 byte", others="nothing read"),
    Case("misspelt rule key `famly:`", _key_typo, 2, "did you mean 'family'?", others="(rules only)"),
    Case("macro group typo `{P:calee}`", _macro_typo, 2, "did you mean 'callee'?", others="(rules only)"),
    Case("`--store postgresql://…` without its driver installed", _pg_without_driver, 2,
         "database driver is not installed", _pg_check, needs=_no_pg_driver,
         others="nothing checked; the password is not printed"),
]


def _outcome(case: Case, folder: Path) -> Outcome:
    folder.mkdir(parents=True, exist_ok=True)
    _good(folder)
    return run(case.build(folder), folder)


@pytest.mark.parametrize("case", CASES, ids=[c.label[:60] for c in CASES])
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    reason = case.needs()
    if reason:
        pytest.skip(reason)
    o = _outcome(case, tmp_path / "run")
    assert o.code == case.code, o.stderr
    assert o.code != 4 and "Traceback" not in o.stderr
    if case.stderr is None:
        assert o.stderr == ""
    else:
        (line,) = [x for x in o.stderr.splitlines() if case.stderr in x]  # one line says it
        assert line.startswith("checker"), o.stderr
    assert o.seconds < HANG_SECONDS
    if case.others.startswith("agency-a ok"):
        assert o.good_ok()
    case.check(o)


# --------------------------------------------------------------------------- signals


def _big_folder(folder: Path, copies: int = 1500) -> Path:
    # enough articles that the run is still reading them when the signal comes (400 were read in
    # under half a second on an idle machine: the signal then came as the interpreter exited)
    folder.mkdir(parents=True)
    text = GOOD_SOURCE.read_text(encoding="utf-8")
    for n in range(copies):
        (folder / f"a{n:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _started(proc: subprocess.Popen, marker: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("sig, code, message", [(signal.SIGINT, 130, "interrupted"),
                                                 (signal.SIGTERM, 143, "terminated")])
def test_a_signal_is_one_line_and_leaves_no_temporary_file(tmp_path: Path, sig: int, code: int, message: str) -> None:
    """The signal arrives while the run is reading articles (a progress hook writes a marker)."""
    folder = _big_folder(tmp_path / "in")
    marker = tmp_path / "started"
    script = (
        "import sys, pathlib\n"
        "from checker import pipeline\n"
        "run = pipeline.run\n"
        "def slow(*a, **k):\n"
        f"    pathlib.Path({str(marker)!r}).touch()\n"
        "    return run(*a, **k)\n"
        "pipeline.run = slow\n"
        "from checker.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", script, "report", str(folder), "--json", str(out / "r.json"),
                             "--html", str(out / "r.html"), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    _started(proc, marker)
    time.sleep(0.5)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err.decode()
    assert err.decode().strip().splitlines() == [f"checker: {message}; no report written" +
                                                 (", temporary files removed" if sig == signal.SIGTERM else "")]
    assert not out.exists() or not list(out.iterdir())


def test_a_signal_swallowed_where_it_arrived_still_stops_the_run(tmp_path: Path) -> None:
    """Python prints and drops an exception raised in a finalizer (a lock released during an
    import): the signal is raised again before any report is renamed into place."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    script = (
        "import os, signal, sys, time\n"
        "from checker import pipeline\n"
        "run = pipeline.run\n"
        "class Finalized:\n"
        "    def __del__(self):\n"
        "        os.kill(os.getpid(), signal.SIGTERM)\n"
        "        time.sleep(0.2)\n"
        "def swallowing(*a, **k):\n"
        "    Finalized()\n"
        "    return run(*a, **k)\n"
        "pipeline.run = swallowing\n"
        "from checker.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-c", script, "report", str(folder), "--json", str(out / "r.json"), "-q"],
                          capture_output=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 143, proc.stderr.decode()
    assert proc.stderr.decode().strip().splitlines() == ["checker: terminated; no report written, temporary files removed"]
    assert not out.exists() or not list(out.iterdir())


def test_sigterm_while_the_reports_are_written_removes_the_temporary_files(tmp_path: Path, monkeypatch) -> None:
    """The JSON report is already in its temporary file when SIGTERM arrives during the HTML."""
    from checker import report as report_module

    def html_then_term(report):
        os.kill(os.getpid(), signal.SIGTERM)
        return "<html></html>"

    monkeypatch.setitem(report_module.FORMATS, "html", html_then_term)
    _good(tmp_path)
    o = run(["report", "agency-a.txt", "--json", "out/r.json", "--html", "out/r.html", "-q"], tmp_path)
    assert o.code == 143 and o.stderr.strip() == "checker: terminated; no report written, temporary files removed"
    assert list((tmp_path / "out").iterdir()) == []  # no .r.json.*.tmp left behind


# --------------------------------------------------------------------------- store


def test_index_a_lone_surrogate_in_one_record_costs_only_that_record(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": CALL.format(175), "id": "one"}) + "\n"
        + '{"text": "\\udc80 ' + CALL.format(175).strip() + '", "id": "two"}\n', encoding="utf-8")
    o = run(["index", "feed.jsonl", "--store", "sqlite:///c.db"], tmp_path)
    assert o.code == 3 and "line 2: field 'text' holds a lone surrogate" in o.stderr
    assert [r for r, in sqlite3.connect(tmp_path / "c.db").execute("SELECT id FROM documents")] == ["one"]


def test_index_notices_a_damaged_store(tmp_path: Path) -> None:
    _good(tmp_path)
    assert run(["index", "agency-a.txt", "--store", "sqlite:///c.db", "-q"], tmp_path).code == 0
    with open(tmp_path / "c.db", "r+b") as handle:  # a b-tree page's header overwritten
        handle.seek(4096 * 3)
        handle.write(b"\xde\xad\xbe\xef" * 8)
    o = run(["index", "agency-a.txt", "--store", "sqlite:///c.db"], tmp_path)
    assert o.code == 2 and "is damaged (SQLite integrity check:" in o.stderr


def test_check_against_a_store_on_a_read_only_folder(tmp_path: Path) -> None:
    """Opened read-only (mode=ro, immutable when its folder cannot be written): a WAL store
    otherwise needs to create its -shm file even to be read."""
    _good(tmp_path)
    (tmp_path / "ro").mkdir()
    assert run(["index", "agency-a.txt", "--store", "sqlite:///ro/c.db", "-q"], tmp_path).code == 0
    made_ro = False
    if os.geteuid() == 0:  # root writes anywhere: a read-only bind mount, where the system allows one
        made_ro = subprocess.run(["mount", "--bind", "-o", "ro", str(tmp_path / "ro"), str(tmp_path / "ro")],
                                 capture_output=True).returncode == 0
    else:
        os.chmod(tmp_path / "ro", 0o555)
        made_ro = True
    if not made_ro:
        pytest.skip("cannot make a read-only folder here")
    try:
        assert not os.access(tmp_path / "ro", os.W_OK)
        o = run(["check", "agency-a.txt", "--store", "sqlite:///ro/c.db", "--fail-on", "never", "-q"], tmp_path)
        assert o.code == 0, o.stderr
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(tmp_path / "ro")], capture_output=True)
        else:
            os.chmod(tmp_path / "ro", 0o755)


# --------------------------------------------------------------------------- the table


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def table() -> str:
    """The rows of docs/bad-inputs.md's hostile table, from real runs of every case."""
    import tempfile

    rows = ["| Input | Exit | stderr | The hostile input in the report | The other inputs | Time |",
            "|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for n, case in enumerate(CASES):
            if case.needs():
                continue
            o = _outcome(case, Path(tmp) / f"case{n}")
            said = [x for x in o.stderr.splitlines() if x.startswith("checker")]
            first = said[0].replace(str(Path(tmp) / f"case{n}"), ".") if said else ""
            shown = ""
            if case.doc:
                d = o.doc(case.doc)
                notes = ([d["error"]] if d.get("error") else []) + d["warnings"]
                shown = f"`{d['status']}`" + (f": {_cell(notes[0])}" if notes else "")
            shown = shown.replace(str(Path(tmp) / f"case{n}"), ".").replace(str(Path(tmp).relative_to("/")), "…")
            rows.append(f"| {_cell(case.label)} | {o.code} | {('`' + _cell(first) + '`') if first else ''} "
                        f"| {shown} | {_cell(case.others)} | {o.seconds:.1f} s |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())


# --------------------------------------------------------------------------- rule lint


@pytest.mark.parametrize("pattern", [r"(a+)+b", r"(\w+\s?)+$", r"(a|aa)+c", r"(?:اتصال|اتصال\s?)+!"])
def test_exponential_patterns_are_refused(pattern: str) -> None:
    from checker.rule_lint import regex_problem

    assert (regex_problem(pattern) or "").startswith("catastrophic backtracking")


@pytest.mark.parametrize("pattern", [r"(?:\s+\w+)+", r"(?:ab|cd)+e", r"^(a|b)*$", r"(?:[\s،,]+[^\s،,]+){0,6}?",
                                     r"(?<![\d,.])(?:\d{1,3}(?:[,.]\d{3})+|\d+)(?!\w)"])
def test_linear_patterns_pass(pattern: str) -> None:
    from checker.rule_lint import regex_problem

    assert regex_problem(pattern) is None


def test_group_names_and_keys_get_suggestions() -> None:
    from checker.rule_lint import group_problem, suggestion

    assert "did you mean 'callee'" in (group_problem("{P:caller} اتصل {P:calee}") or "")
    assert group_problem("(?P<who>x) {P:caller}") is None
    assert suggestion("famly", ["family", "event"]) == " (did you mean 'family'?)"
