"""The JSON report: the contract every other consumer (CI, scripts, other formats) reads."""

from __future__ import annotations

import json

from checker.models import Report


def to_json(report: Report) -> str:
    """Serialise the report exactly as the model defines it, byte-identical for equal input.

    Keys keep the model's field order (not sorted) so the file reads top-down like the
    contract; Arabic stays readable (no \\u escapes); document text is excluded by the model.
    """
    data = report.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
