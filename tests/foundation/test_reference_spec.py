"""openapi.json keeps the structure of the published 2025-07-29 spec it was founded on.

The project's spec was written to the reference's structure; a later regen may only add to it
(a change that removes or alters a fact of the reference needs `--allow-breaking`, a person's
decision, and then this bar moves with it). Wording is ours and is not compared.
"""

from __future__ import annotations

from pathlib import Path

import spec_diff
import synthetic_change
from spec_diff import ChangeKind
from tree_copies import read_spec

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = "v1-2025-07-29.openapi.json"
ADDITIONS = frozenset(
    {
        ChangeKind.OPERATION_ADDED,
        ChangeKind.PARAMETER_ADDED,
        ChangeKind.RESPONSE_ADDED,
        ChangeKind.MEDIA_TYPE_ADDED,
        ChangeKind.SCHEMA_ADDED,
        ChangeKind.FIELD_ADDED,
        ChangeKind.ENUM_VALUE_ADDED,
    }
)


def beyond_additions(reference: spec_diff.Json, spec: spec_diff.Json) -> spec_diff.Report:
    """The changes from ``reference`` to ``spec`` that are not additions."""
    report = spec_diff.diff_specs(reference, spec)
    return spec_diff.Report(
        breaking=report.breaking,
        non_breaking=[c for c in report.non_breaking if c.kind not in ADDITIONS],
    )


def test_openapi_json_is_the_reference_or_adds_to_it(shared_spec_dir: Path) -> None:
    reference = spec_diff.load_spec(shared_spec_dir / REFERENCE)
    found = beyond_additions(reference, read_spec(ROOT))
    assert found == spec_diff.Report(), (
        f"openapi.json differs from {REFERENCE} by more than additions:\n"
        + spec_diff.render_text(found)
    )


def test_the_bar_passes_additions_and_catches_the_rest(shared_spec_dir: Path) -> None:
    reference = spec_diff.load_spec(shared_spec_dir / REFERENCE)
    ours = read_spec(ROOT)
    assert beyond_additions(reference, synthetic_change.apply(ours)) == spec_diff.Report()

    altered = synthetic_change.apply(ours)
    (path, *_) = sorted(altered["paths"])
    del altered["paths"][path]
    properties = altered["components"]["schemas"][synthetic_change.NEW_RESPONSE_FIELD[0]][
        "properties"
    ]
    properties.popitem()  # the field the synthetic change added
    properties.popitem()  # one of the reference's
    kinds = {change.kind for change in beyond_additions(reference, altered).breaking}
    assert kinds == {ChangeKind.OPERATION_REMOVED, ChangeKind.FIELD_REMOVED}
