from __future__ import annotations

import pytest

from checker.rules.ruleset import load_ruleset


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--screenshot", action="store_true",
                     help="save a screenshot of the HTML report to reports/report.png (browser test)")


@pytest.fixture(scope="session")
def rs():
    return load_ruleset()
