"""The rules ship inside the package; the package list in pyproject.toml misses no subpackage.

Building and installing a wheel takes a minute, so that is done by .ci/run (a clean export, a
fresh virtual environment, commands run from another folder); these tests check what can be
checked from the source tree.
"""

from __future__ import annotations

import fnmatch
import tomllib

import pytest

from checker.paths import default_rules_dir
from helpers import REPO

SETUPTOOLS = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_the_package_list_is_every_subpackage_of_checker():
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "checker").rglob("__init__.py")}
    assert set(SETUPTOOLS["packages"]) == found | {"checker._rules"}


def test_every_rule_file_is_package_data():
    assert SETUPTOOLS["package-dir"] == {"checker._rules": "rules"}
    patterns = SETUPTOOLS["package-data"]["checker._rules"]
    rules = REPO / "rules"
    files = [p.relative_to(rules).as_posix() for p in rules.rglob("*") if p.is_file()]
    assert files
    # setuptools' "**/" also matches no folder at all (policy.yaml at the top)
    missed = [f for f in files if not any(fnmatch.fnmatch(f, pat) or fnmatch.fnmatch(f, pat.removeprefix("**/"))
                                          for pat in patterns)]
    assert missed == []


def test_a_source_checkout_reads_the_repository_rules_folder():
    # no packaged copy in a checkout or an editable install: the folder people edit is read
    assert default_rules_dir() == REPO / "rules"
    assert not (REPO / "checker" / "_rules").exists()


def test_an_installed_package_reads_its_packaged_rules(tmp_path):
    import checker.paths as paths

    packaged = tmp_path / "site" / "checker"
    (packaged / "_rules" / "ar").mkdir(parents=True)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(paths, "files", lambda package: packaged)
            paths.default_rules_dir.cache_clear()
            assert paths.default_rules_dir() == packaged / "_rules"
    finally:
        paths.default_rules_dir.cache_clear()  # the next caller finds the real rules again
    assert paths.default_rules_dir() == REPO / "rules"
