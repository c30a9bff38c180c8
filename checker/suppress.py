"""Baselines and suppressions: hide findings an editor has already reviewed, and say so.

A baseline is written by the tool (every current fingerprint, with enough context for a
person to recognise each one); a suppression file (`.checker-ignore.yaml`) is written by
people, and every entry must give a reason. Hidden findings are not lost: the report lists
them under `suppressed` and counts them in its summary.

    # .checker-ignore.yaml
    ignore:
      - fingerprint: 0313085c14543ad3...
        reason: the agency corrected its story; the desk checked on 2025-03-20
      - rule: compare.weekday
        document: some-article
        reason: its weekday is a known print error
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker import safeyaml
from checker.models import Finding, Report, Suppressed
from checker.report.summary import summarize
from checker.rules.loader import RuleError, load_model

IGNORE_FILE = ".checker-ignore.yaml"
BASELINE_VERSION = 1
BASELINE_REASON = "baseline"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- baseline


class BaselineEntry(_Strict):
    """One reviewed finding; everything but the fingerprint is there for people."""

    fingerprint: str = Field(min_length=1)
    rule: str | None = None
    kind: str | None = None
    attribute: str | None = None
    subject: str | None = None
    documents: list[str] = Field(default_factory=list)
    message: str | None = None


class BaselineFile(_Strict):
    version: int = BASELINE_VERSION
    tool: str = "checker"
    findings: list[BaselineEntry] = Field(default_factory=list)


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")


def write_baseline(report: Report, path: str | Path) -> None:
    """Write every finding's fingerprint (and what it was about) to `path`.

    YAML for .yaml/.yml, JSON otherwise. Entries are sorted by fingerprint so a baseline
    diff shows only findings that came or went.
    """
    from checker.report import write_atomic  # lazy: keeps this module light

    entries = {
        f.fingerprint: BaselineEntry(
            fingerprint=f.fingerprint,
            rule=f.rule,
            kind=f.kind,
            attribute=f.attribute,
            subject=f.subject,
            documents=list(f.documents),
            message=f.message,
        )
        for f in report.findings
    }
    baseline = BaselineFile(findings=[entries[k] for k in sorted(entries)])
    data = baseline.model_dump(mode="json")
    target = Path(path)
    if _is_yaml(target):
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomic(target, text)


def _exists(path: str | Path, what: str) -> None:
    """A missing baseline is named as one (the loader would call it a rule file); a device or a
    pipe (/dev/zero) is never read, nor a file too big to be YAML the checker would parse."""
    p = Path(path)
    if not p.is_file():
        raise RuleError(path, None, f"no such {what}" if not p.exists() else f"the {what} is not a regular file")
    size = p.stat().st_size
    if size > 4 * safeyaml.MAX_CHARS:
        raise RuleError(path, None, f"the {what} is {size:,} bytes, over the limit of {4 * safeyaml.MAX_CHARS:,}")


def load_baseline(path: str | Path) -> set[str]:
    """The fingerprints in a baseline file (YAML or JSON; JSON is read as YAML, so errors
    name the file and line). Raises RuleError when the file is not a baseline."""
    _exists(path, "baseline")
    baseline, _ = load_model(Path(path), BaselineFile)
    return {entry.fingerprint for entry in baseline.findings}


# --------------------------------------------------------------------------- ignore file


class IgnoreEntry(_Strict):
    """Hide one finding (by fingerprint) or one rule in one document; a reason is required."""

    reason: str = Field(min_length=1)
    fingerprint: str | None = Field(default=None, min_length=1)
    rule: str | None = Field(default=None, min_length=1)
    document: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_target(self) -> IgnoreEntry:
        if not self.reason.strip():
            raise ValueError("reason must say why the finding is hidden")
        by_pair = self.rule is not None or self.document is not None
        if self.fingerprint is not None and by_pair:
            raise ValueError("give either fingerprint, or rule and document, not both")
        if self.fingerprint is None and not (self.rule and self.document):
            raise ValueError("give a fingerprint, or both rule and document")
        return self

    def matches(self, finding: Finding) -> bool:
        if self.fingerprint is not None:
            return finding.fingerprint == self.fingerprint
        involved = set(finding.documents) | {ev.document for ev in finding.evidence}
        return finding.rule == self.rule and self.document in involved


class IgnoreFile(_Strict):
    ignore: list[IgnoreEntry] = Field(default_factory=list)


def load_ignores(path: str | Path) -> list[IgnoreEntry]:
    """Read and validate a suppression file; RuleError (file:line: problem) when it is wrong."""
    _exists(path, "suppression file")
    ignores, _ = load_model(Path(path), IgnoreFile)
    return ignores.ignore


# --------------------------------------------------------------------------- applying


def apply_suppressions(
    report: Report,
    baseline: set[str] | frozenset[str] = frozenset(),
    ignores: list[IgnoreEntry] | IgnoreFile | None = None,
) -> Report:
    """A new report without the hidden findings, listing them under `suppressed`.

    An ignore entry's reason wins over "baseline" (it says more). Findings already suppressed
    in `report` stay listed. The summary is recomputed, `suppressed` included.
    """
    entries = ignores.ignore if isinstance(ignores, IgnoreFile) else list(ignores or [])
    kept: list[Finding] = []
    suppressed: list[Suppressed] = list(report.suppressed)
    seen = {s.fingerprint for s in suppressed}
    for finding in report.findings:
        reason = next((e.reason for e in entries if e.matches(finding)), None)
        if reason is None and finding.fingerprint in baseline:
            reason = BASELINE_REASON
        if reason is None:
            kept.append(finding)
            continue
        if finding.fingerprint not in seen:
            suppressed.append(Suppressed(fingerprint=finding.fingerprint, reason=reason))
            seen.add(finding.fingerprint)
    result = report.model_copy(update={"findings": kept, "suppressed": suppressed, "summary": None})
    # model_copy is shallow: Document.text (excluded from JSON) stays available to the formats.
    return result.model_copy(update={"summary": summarize(result)})


def unused_ignores(report: Report, ignores: list[IgnoreEntry]) -> list[IgnoreEntry]:
    """Ignore entries that match no finding of `report` (pass the report before suppression):
    stale suppressions worth deleting."""
    return [e for e in ignores if not any(e.matches(f) for f in report.findings)]


def find_ignore_file(start: str | Path = ".") -> Path | None:
    """`.checker-ignore.yaml` in `start`, if present (no search upwards: explicit is better)."""
    candidate = Path(start) / IGNORE_FILE
    return candidate if candidate.is_file() else None


__all__ = [
    "BASELINE_REASON",
    "IGNORE_FILE",
    "BaselineEntry",
    "BaselineFile",
    "IgnoreEntry",
    "IgnoreFile",
    "RuleError",
    "apply_suppressions",
    "find_ignore_file",
    "load_baseline",
    "load_ignores",
    "unused_ignores",
    "write_baseline",
]
