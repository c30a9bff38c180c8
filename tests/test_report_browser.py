"""The HTML report in a real browser: no errors, filters work, hostile text runs nothing.

Needs Debian's `chromium` at /usr/bin/chromium and the Python package `playwright` (its own
browser download is never used). Skipped, with the reason, when either is missing.
`pytest --screenshot` (or CHECKER_SCREENSHOT=1) saves reports/report.png as a CI artifact.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_fixture import IMG_PAYLOAD, SCRIPT_PAYLOAD, build_report

from checker.report import to_html

pytestmark = pytest.mark.slow  # a real browser per test: run by the full suite and CI, not by -m "not slow"

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    pytest.skip(
        "chromium is not installed at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="the Python package playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


class Page:
    """A page opened from a file, recording console errors, page errors and requests."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 1600})
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def visible_cards(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "article.finding", "cards => cards.filter(c => c.offsetParent !== null).map(c => c.id)"
        )


def _render(tmp_path: Path, hostile: bool) -> Path:
    path = tmp_path / ("hostile.html" if hostile else "report.html")
    path.write_text(to_html(build_report(hostile)), encoding="utf-8")
    return path


def test_page_loads_clean_and_filters_hide_cards(browser: Any, tmp_path: Path, request: Any) -> None:
    page = Page(browser, _render(tmp_path, hostile=False))
    try:
        assert page.page_errors == [] and page.console_errors == []
        assert [u for u in page.requests if not u.startswith(("file:", "data:"))] == []
        assert page.page.is_visible("#filters")
        assert page.visible_cards() == ["card-c1", "card-c2"]

        page.page.select_option("select[name=severity]", "warning")
        assert page.visible_cards() == ["card-c2"]
        assert page.page.text_content("#shown-count") == "1"

        page.page.select_option("select[name=severity]", "")
        page.page.select_option("select[name=kind]", "conflict")
        assert page.visible_cards() == ["card-c1"]

        page.page.select_option("select[name=kind]", "")
        source = page.page.eval_on_selector(
            "select[name=source]", "s => [...s.options].find(o => o.text === 'وكالة الشرق للأنباء').value"
        )
        page.page.select_option("select[name=source]", source)
        assert page.visible_cards() == ["card-c1"]

        page.page.select_option("select[name=source]", "")
        page.page.select_option("select[name=event]", "e1")
        assert page.visible_cards() == ["card-c1", "card-c2"]

        page.page.select_option("select[name=kind]", "conflict")
        page.page.select_option("select[name=severity]", "warning")
        assert page.visible_cards() == []
        assert page.page.is_visible("#no-match")

        page.page.click("button[type=reset]")
        # a locator assertion, not wait_for_function: the page's CSP forbids the eval that one polls with
        sync_api.expect(page.page.locator("#shown-count")).to_have_text("2")
        assert page.visible_cards() == ["card-c1", "card-c2"]
        assert page.page_errors == [] and page.console_errors == []

        if request.config.getoption("--screenshot") or os.environ.get("CHECKER_SCREENSHOT"):
            out = Path(__file__).resolve().parents[1] / "reports" / "report.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            page.page.screenshot(path=str(out), full_page=True)
    finally:
        page.page.close()


def test_hostile_article_runs_nothing_and_shows_as_text(browser: Any, tmp_path: Path) -> None:
    page = Page(browser, _render(tmp_path, hostile=True))
    try:
        page.page.wait_for_timeout(200)  # time for an onerror handler to fire, had one been made
        assert page.page.evaluate("typeof window.__pwned") == "undefined"
        assert page.page_errors == []
        assert page.page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.page.evaluate("document.querySelectorAll('script').length") == 1
        body = page.page.inner_text("body")
        assert SCRIPT_PAYLOAD in body
        assert IMG_PAYLOAD in body
        assert [u for u in page.requests if not u.startswith(("file:", "data:"))] == []
        # the hostile account joins paper-b's card: paper-b is the account both others contradict
        assert page.visible_cards() == ["card-c1", "card-c2"]
        page.page.select_option("select[name=kind]", "internal")
        assert page.visible_cards() == ["card-c2"]
    finally:
        page.page.close()


def test_copy_button_gives_the_cards_ignore_entries(browser: Any, tmp_path: Path) -> None:
    """The button copies YAML for .checker-ignore.yaml: the card's fingerprints, a reason to fill."""
    import yaml

    from checker import suppress

    report = build_report()
    page = Page(browser, _render(tmp_path, hostile=False))
    try:
        button = page.page.locator("#card-c1 button.copy")
        button.click()
        entry = button.get_attribute("data-entry") or ""
        sync_api.expect(button).to_have_class("copy done")
        assert page.page_errors == []
    finally:
        page.page.close()
    assert f"  - fingerprint: {report.findings[0].fingerprint}\n" in entry and 'reason: ""' in entry
    ignore = tmp_path / ".checker-ignore.yaml"
    ignore.write_text("ignore:\n" + entry.replace('reason: ""', "reason: checked with the desk"), encoding="utf-8")
    assert yaml.safe_load(ignore.read_text(encoding="utf-8"))["ignore"][0]["reason"] == "checked with the desk"
    hidden = suppress.apply_suppressions(report, set(), suppress.load_ignores(ignore))
    assert [f.id for f in hidden.findings] == ["f2"]


def test_arabic_page_in_the_browser(browser: Any, tmp_path: Path, request: Any) -> None:
    """The examples' report in Arabic: right to left, clean, filters work; screenshots on request."""
    from checker import pipeline
    from checker.report.messages import localize
    from checker.rules.ruleset import load_ruleset

    checked = pipeline.run([Path(__file__).resolve().parents[1] / "examples"])
    for lang in ("ar", "en"):
        path = tmp_path / f"examples-{lang}.html"
        path.write_text(to_html(localize(checked, lang, load_ruleset())), encoding="utf-8")
        page = Page(browser, path)
        try:
            assert page.page_errors == [] and page.console_errors == []
            direction = page.page.evaluate("getComputedStyle(document.querySelector('main')).direction")
            assert direction == ("rtl" if lang == "ar" else "ltr")
            assert len(page.visible_cards()) == 9
            page.page.select_option("select[name=kind]", "internal")
            assert len(page.visible_cards()) == 1
            page.page.select_option("select[name=kind]", "")
            if request.config.getoption("--screenshot") or os.environ.get("CHECKER_SCREENSHOT"):
                out = Path(os.environ.get("CHECKER_SCREENSHOT_DIR") or tmp_path) / f"report-{lang}.png"
                page.page.screenshot(path=str(out), full_page=False)
        finally:
            page.page.close()


def test_compact_page_filters_and_copies(browser: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """A large report's compact page: groups closed, the event filter opens the group it keeps,
    every card still gets its copy button."""
    from checker.report import html_report

    monkeypatch.setattr(html_report, "OPEN_CARDS", 1)
    page = Page(browser, _render(tmp_path, hostile=False))
    try:
        assert page.page_errors == [] and page.console_errors == []
        opened = "cards => cards.filter(c => !c.hidden && c.closest('details').open).map(c => c.id)"
        assert page.page.eval_on_selector_all("article.finding", opened) == []  # every group starts closed
        assert page.page.locator("article.finding button.copy").count() == 2
        page.page.select_option("select[name=event]", "e1")
        assert page.page.eval_on_selector_all("article.finding", opened) == ["card-c1", "card-c2"]
        page.page.select_option("select[name=kind]", "internal")
        assert page.page.eval_on_selector_all("article.finding", opened) == ["card-c2"]
    finally:
        page.page.close()
