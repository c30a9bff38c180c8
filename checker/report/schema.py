"""The JSON Schema of the report, generated from the model so the two cannot drift apart.

`python -m checker.report.schema` rewrites checker/report/report.schema.json;
`python -m checker.report.schema --check` exits 1 when the shipped file is stale (a test runs
the same comparison).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from checker.models import SCHEMA_VERSION, Report

SCHEMA_PATH = Path(__file__).with_name("report.schema.json")
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def build_schema() -> dict[str, Any]:
    """The report schema as the JSON output is serialised (aliases such as `from`, `to`)."""
    schema = Report.model_json_schema(by_alias=True, mode="serialization")
    head: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": f"urn:checker:report:{SCHEMA_VERSION}",
        "title": "checker report",
        "description": (
            "The JSON report of checker, a cross-source fact-consistency checker: documents, "
            "claims, events, findings (every pair of accounts), cards (one per mistake, naming "
            "its findings) and what was suppressed; messages in ui_lang. Generated from "
            "checker.models; do not edit by hand (python -m checker.report.schema)."
        ),
    }
    return {**head, **{key: value for key, value in schema.items() if key not in head}}


def render_schema() -> str:
    """The schema file's exact text (stable key order, trailing newline)."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schema file, or with --check report whether it is up to date."""
    parser = argparse.ArgumentParser(prog="python -m checker.report.schema", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped file is stale")
    parser.add_argument("--output", type=Path, default=SCHEMA_PATH, help="where to write the schema")
    args = parser.parse_args(argv)
    text = render_schema()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run python -m checker.report.schema", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
