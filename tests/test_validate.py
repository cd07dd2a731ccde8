"""validate_frame: Great Expectations verdicts on staged rows, with the failing rows named."""
from __future__ import annotations

import pandas as pd

from flows.validate import _FAILING_ROWS, _validate, validate_frame
from schemas import TABLES


def _quotes_frame(char_end: list[int]) -> pd.DataFrame:
    n = len(char_end)
    return pd.DataFrame({"quote_id": [f"q{i}" for i in range(n)], "article_id": ["a"] * n,
                         "paragraph_index": [0] * n, "headline_position": [None] * n,
                         "char_start": [10] * n, "char_end": char_end, "text": ["words"] * n})


def test_validate_frame_passing_rows_count_like_a_complete_report():
    """The verdicts-only pass must record what GX's COMPLETE report would: every row seen, none unexpected."""
    table, frame = TABLES["quotes"], _quotes_frame([20, 30, 40])
    verdict = validate_frame(table, frame)
    complete = _validate(table, frame, _FAILING_ROWS)
    assert [(r.success, r.element_count, r.unexpected_count) for r in verdict.results] == [
        (res.success, res.result["element_count"], res.result["unexpected_count"]) for res in complete.results]
    assert all(r.success and r.element_count == 3 for r in verdict.results) and verdict.failures == []


def test_validate_frame_failing_row_is_named_with_its_expectation():
    verdict = validate_frame(TABLES["quotes"], _quotes_frame([20, 5, 40]))
    failed = [(r.expectation, r.element_count, r.unexpected_count) for r in verdict.results if not r.success]
    assert failed == [("expect_column_pair_values_a_to_be_greater_than_b(char_end, char_start)", 3, 1)]
    assert [(f.row_key, f.article_id) for f in verdict.failures] == [("q1", "a")]
