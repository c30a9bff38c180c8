from __future__ import annotations

import pytest

from checker.rules.ruleset import load_ruleset


@pytest.fixture(scope="session")
def rs():
    return load_ruleset()
