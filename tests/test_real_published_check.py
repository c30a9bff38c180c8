"""benchmarks/real/published_check.py: each labelled page's publication date as equal, window,
absent or wrong, on four pages written here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("published_check", ROOT / "benchmarks" / "real" / "published_check.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


check_mod = _load()
LEAD = "أعلنت وزارة الخارجية أن الجولة الجديدة من المحادثات بدأت في العاصمة بحضور الوفدين والوسطاء.\n"
PAGES = {
    "talks-y--equal": "عنوان الخبر\nنشر في 19 مايو 2025\n" + LEAD,
    "talks-y--wrong": "عنوان الخبر\nنشر في 21 مايو 2025\n" + LEAD,
    "talks-y--absent": "عنوان الخبر\n" + LEAD,
    "talks-y--window": "عنوان الخبر\nآخر تحديث: 20 مايو 2025\n" + LEAD,
    "talks-y--none": "عنوان الخبر\n" + LEAD,
}
LABELS = """\
event: {id: talks-y, type: talks, date: 2025-05-19, parties: [a, b]}
pages:
  - {id: talks-y--equal, language: ar, published: 2025-05-19}
  - {id: talks-y--wrong, language: ar, published: 2025-05-19}
  - {id: talks-y--absent, language: ar, published: 2025-05-19}
  - {id: talks-y--window, language: ar, published: 2025-05-19}
  - {id: talks-y--none, language: ar, published: null}
"""


def test_each_page_gets_its_outcome(tmp_path: Path) -> None:
    pages, labels = tmp_path / "pages", tmp_path / "labels"
    pages.mkdir()
    labels.mkdir()
    for pid, text in PAGES.items():
        (pages / f"{pid}.txt").write_text("---\nsource: x\nlanguage: ar\n---\n" + text, encoding="utf-8")
    (labels / "talks-y.yaml").write_text(LABELS, encoding="utf-8")
    rows = {r["page"]: r["outcome"] for r in check_mod.check(pages, labels)}
    assert rows == {"talks-y--equal": "equal", "talks-y--wrong": "wrong", "talks-y--absent": "absent",
                    "talks-y--window": "window", "talks-y--none": "none"}
    table = check_mod.render(check_mod.check(pages, labels), verbose=True)
    assert "  ar                 1       1       1       1       4 |                   1      0" in table
    assert "wrong  talks-y--wrong: labelled 2025-05-19, checker 2025-05-21" in table
