"""Safe by construction: nothing in an article is run, nothing goes to the network, no rule
pattern can be made to spin, and what an article says cannot break out of a report."""

from __future__ import annotations

import ast
import importlib
import json
import queue
import socket
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from checker import pipeline
from checker.cli import main
from helpers import REPO

PACKAGE = REPO / "checker"
EXAMPLES = REPO / "examples"
SAFE_LOADERS = ("SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader")


def source_files() -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    return files


def calls(path: Path):  # type: ignore[no-untyped-def]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return "?"


# --------------------------------------------------------------------------- nothing in an article runs


def test_no_eval_or_exec_in_the_source_tree() -> None:
    found = [f"{path.relative_to(REPO)}:{call.lineno}: {dotted(call.func)}()"
             for path in source_files() for call in calls(path)
             if dotted(call.func) in ("eval", "exec", "builtins.eval", "builtins.exec", "compile", "__import__")]
    assert not found, found


def _loader_is_safe(path: Path, call: ast.Call) -> bool:
    loader = next((k.value for k in call.keywords if k.arg == "Loader"), call.args[1] if len(call.args) > 1 else None)
    if loader is None:
        return False
    name = dotted(loader)
    if name.split(".")[-1] in SAFE_LOADERS:
        return True
    module = importlib.import_module(".".join(path.relative_to(REPO).with_suffix("").parts))
    obj = module
    for part in name.split("."):
        obj = getattr(obj, part, None)
    safe = (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml's safe loader too
    return isinstance(obj, type) and issubclass(obj, safe)


def test_yaml_is_only_loaded_safely() -> None:
    """yaml.load / load_all / compose only with a SafeLoader (or a subclass); never unsafe_load or full_load."""
    unsafe = []
    for path in source_files():
        for call in calls(path):
            name = dotted(call.func)
            if name in ("yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "yaml.full_load_all"):
                unsafe.append(f"{path.relative_to(REPO)}:{call.lineno}: {name}")
            elif path.name == "safeyaml.py" and path.parent.name == "checker":
                continue  # its loaders are parameters, checked when called: test_safeyaml_refuses_unsafe_loaders
            elif name in ("yaml.load", "yaml.load_all", "yaml.compose", "yaml.compose_all") and not _loader_is_safe(path, call):
                unsafe.append(f"{path.relative_to(REPO)}:{call.lineno}: {name} without a SafeLoader")
    assert not unsafe, unsafe


def test_safeyaml_refuses_unsafe_loaders() -> None:
    from checker import safeyaml

    for loader in (yaml.Loader, yaml.FullLoader, yaml.UnsafeLoader):
        with pytest.raises(TypeError):
            safeyaml.load("a: 1", "x.yaml", loader=loader)
    assert safeyaml.load("a: 1", "x.yaml") == {"a": 1}


def test_the_grep_tests_would_catch_an_unsafe_call(tmp_path) -> None:
    """The two tests above are only worth something if they see what they look for."""
    bad = tmp_path / "bad.py"
    bad.write_text("import yaml\nyaml.load(text)\nyaml.load(text, Loader=yaml.Loader)\neval(x)\n", encoding="utf-8")
    names = [dotted(c.func) for c in calls(bad)]
    assert names == ["yaml.load", "yaml.load", "eval"]
    assert not any(n.split(".")[-1] in SAFE_LOADERS for c in calls(bad) for n in [dotted(k.value) for k in c.keywords])


def test_front_matter_python_tags_are_refused(tmp_path) -> None:
    marker = tmp_path / "ran"
    article = tmp_path / "a.md"
    article.write_text(f"---\nx: !!python/object/apply:os.system ['touch {marker}']\n---\nأجرى ترامب اتصالاً هاتفياً مع بوتين.\n",
                       encoding="utf-8")
    (doc,) = pipeline.run([article]).documents
    assert doc.status == "ok" and not marker.exists()
    assert any("could not determine a constructor" in w for w in doc.warnings)


# --------------------------------------------------------------------------- nothing goes to the network


@pytest.fixture
def no_network(monkeypatch):  # type: ignore[no-untyped-def]
    attempts: list[str] = []

    def refuse(name):  # type: ignore[no-untyped-def]
        def blocked(*args, **kwargs):  # type: ignore[no-untyped-def]
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"network disabled in this test: {name}")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_whole_pipeline_runs_without_network(no_network, tmp_path) -> None:
    report = pipeline.run([EXAMPLES])
    assert report.documents and all(d.status == "ok" for d in report.documents)
    assert report.claims and report.findings
    outs = {fmt: tmp_path / f"report.{fmt}" for fmt in ("json", "html", "markdown", "sarif", "junit")}
    args = [a for fmt, p in outs.items() for a in (f"--{fmt}", str(p))]
    assert main(["report", str(EXAMPLES), *args, "-q"]) == 1
    assert all(p.stat().st_size > 0 for p in outs.values())
    assert no_network == []


def test_the_network_guard_works(no_network) -> None:
    with pytest.raises(OSError, match="network disabled"):
        socket.create_connection(("example.org", 80), timeout=1)
    assert no_network


# --------------------------------------------------------------------------- what an article says stays text


def test_markup_in_an_article_does_not_escape_the_reports(tmp_path) -> None:
    evil = "<script>alert(1)</script>"
    article = tmp_path / "evil.md"
    article.write_text(
        f"---\nsource: '{evil}'\ntitle: '{evil}]]></failure>'\n---\n"
        f"أجرى الرئيس الأمريكي دونالد ترامب يوم 18 مارس 2025 اتصالاً هاتفياً مع بوتين استمر {evil} نحو ساعة ونصف.\n",
        encoding="utf-8",
    )
    other = tmp_path / "other.txt"
    other.write_text("أجرى الرئيس الأمريكي دونالد ترامب يوم 18 مارس 2025 اتصالاً هاتفياً مع بوتين استمر أكثر من ساعتين.\n",
                     encoding="utf-8")
    outs = {fmt: tmp_path / f"report.{fmt}" for fmt in ("json", "html", "sarif", "junit")}
    args = [a for fmt, p in outs.items() for a in (f"--{fmt}", str(p))]
    main(["report", str(article), str(other), *args, "-q", "--fail-on", "never"])
    report = json.loads(outs["json"].read_text(encoding="utf-8"))
    assert report["findings"], "the two durations should conflict, so the evil source is quoted"
    assert evil not in outs["html"].read_text(encoding="utf-8")
    json.loads(outs["sarif"].read_text(encoding="utf-8"))
    ET.parse(outs["junit"])  # well-formed XML whatever the title says


# --------------------------------------------------------------------------- no rule pattern spins

REPEATS = 20_000
ADVERSARIAL = {
    "min": "من " * REPEATS,
    "number-word": "ألف " * REPEATS,
    "number-words-and": "ثلاثة آلاف و" * (REPEATS // 4),
    "hour-and": "ساعة و" * REPEATS,
    "about": "نحو " * REPEATS,
    "call-word": "اتصالاً " * REPEATS,
    "commas": "، " * REPEATS,
    "letters": "ب" * (3 * REPEATS),
    "digits": "1" * (3 * REPEATS),
    "digits-and-spaces": "1 " * REPEATS,
    "thousands": "1,000," * REPEATS,
    "persons": "\u27e6p1\u27e7 " * REPEATS,
    "persons-glued": "\u27e6p1\u27e7" * REPEATS,
    "call-from-person": "اتصالا هاتفيا من \u27e6p1\u27e7 " * (REPEATS // 4),
}
PER_PATTERN_SECONDS = 5.0  # linear patterns take milliseconds on these; a backtracking one takes minutes

CHILD = r"""
import sys, time
from checker.rules.ruleset import load_ruleset
from checker.rules.ruleset import load_published_rules
from checker.text.normalize import normalize
import json
rs = load_ruleset()
published = load_published_rules()
patterns = [(f"rule {r.rule.id} regex {k}", rx.regex) for r in rs.rules for k, rx in enumerate(r.regexes)]  # the regex itself, not its prefilter
patterns += [(f"trigger {t.trigger.id}", t.regex.regex) for t in rs.triggers]
patterns += [(f"published format {k}", f.regex) for k, f in enumerate(published.formats)]
patterns += [(f"published relative {k}", r.regex) for k, r in enumerate(published.relative)]
inputs = json.loads(sys.stdin.readline())
texts = {name: normalize(text).text for name, text in inputs.items()}
pairs = [(p, name) for p in patterns for name in texts]
print("total", len(pairs), flush=True)
for i in range(int(sys.argv[1]), len(pairs)):
    (label, rx), name = pairs[i]
    print("begin", i, label, "|", name, flush=True)
    start = time.perf_counter()
    for _ in rx.finditer(texts[name]):
        pass
    print("end", i, time.perf_counter() - start, flush=True)
print("done", flush=True)
"""


def _run_patterns(start: int, found: list[str]) -> tuple[int, int | None]:
    """Run pairs from `start`; return (total pairs, index of a pair that ran out of time or None)."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(start)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, encoding="utf-8", cwd=REPO)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()  # type: ignore[union-attr]
    proc.stdin.write(json.dumps(ADVERSARIAL) + "\n")  # type: ignore[union-attr]
    proc.stdin.flush()  # type: ignore[union-attr]
    total, current = 0, None
    try:
        wait = 120.0  # loading the rules
        while True:
            try:
                line = lines.get(timeout=wait)
            except queue.Empty:
                if current is None:
                    raise AssertionError("the pattern runner did not start") from None
                found.append(f"{current[1]}: more than {PER_PATTERN_SECONDS:.0f} s")
                return total, current[0]
            word, _, rest = line.strip().partition(" ")
            if word == "total":
                total = int(rest)
            elif word == "begin":
                index, _, label = rest.partition(" ")
                current, wait = (int(index), label), PER_PATTERN_SECONDS
            elif word == "end":
                seconds = float(rest.split()[1])
                if seconds > PER_PATTERN_SECONDS:
                    found.append(f"{current[1]}: {seconds:.1f} s")  # type: ignore[index]
                current, wait = None, 120.0
            elif word == "done":
                return total, None
            elif not line:
                raise AssertionError("the pattern runner stopped")
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.slow
def test_no_rule_pattern_backtracks_on_adversarial_text() -> None:
    """Every claim, trigger and publication-date regex over long repetitive inputs, each pair
    under a wall-clock bound (a subprocess is killed when a pattern overruns, then restarted
    after it, so one run names every slow pattern)."""
    slow: list[str] = []
    start = 0
    while True:
        total, stuck = _run_patterns(start, slow)
        if stuck is None:
            break
        start = stuck + 1
    assert total > 100
    assert not slow, "patterns that backtrack:\n" + "\n".join(slow)
