"""write_outputs: many formats in one run, "-" for stdout, atomic UTF-8 files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from report_fixture import build_report

from checker.report import FORMATS, to_json, write_atomic, write_outputs


def test_formats_table() -> None:
    assert list(FORMATS) == ["json", "html", "markdown", "sarif", "junit", "github", "text"]
    report = build_report()
    for name, render in FORMATS.items():
        text = render(report)
        assert isinstance(text, str) and text.endswith("\n"), name


def test_dash_writes_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    report = build_report()
    write_outputs(report, [("json", "-")])
    out = capsys.readouterr().out
    assert out == to_json(report)
    assert json.loads(out)["documents"][0]["source"] == "وكالة الشرق للأنباء"


def test_files_are_written_with_parents_in_utf8(tmp_path: Path) -> None:
    report = build_report()
    outputs = [
        ("json", str(tmp_path / "a" / "b" / "r.json")),
        ("html", str(tmp_path / "r.html")),
        ("sarif", str(tmp_path / "x" / "r.sarif")),
    ]
    write_outputs(report, outputs)
    assert (tmp_path / "a" / "b" / "r.json").read_bytes() == to_json(report).encode("utf-8")
    assert "وكالة الشرق للأنباء".encode() in (tmp_path / "r.html").read_bytes()
    assert json.loads((tmp_path / "x" / "r.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    leftovers = [p.name for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
    mode = (tmp_path / "r.html").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_writes_are_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")
    seen: list[tuple[str, str]] = []

    real_replace = os.replace

    def spying_replace(src: str, dst: str) -> None:
        # the new content is complete in a temp file in the same folder before the swap
        assert Path(src).parent == tmp_path and Path(src) != target
        assert target.read_text(encoding="utf-8") == "old\n"
        seen.append((Path(src).read_text(encoding="utf-8"), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spying_replace)
    write_atomic(target, "new\n")
    assert seen == [("new\n", str(target))]
    assert target.read_text(encoding="utf-8") == "new\n"

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_atomic(target, "newer\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_unknown_format_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        write_outputs(build_report(), [("json", str(tmp_path / "r.json")), ("pdf", str(tmp_path / "r.pdf"))])
    assert list(tmp_path.iterdir()) == []


def test_jinja_is_imported_only_for_html() -> None:
    code = "import sys, checker.report; print('jinja2' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"
