"""Table declaration -> Great Expectations suite (row-level expectations, so failing rows can be quarantined)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from schemas.model import Table

if TYPE_CHECKING:
    import great_expectations as gx
    import great_expectations.expectations as gxe


def expectations_for(table: Table) -> list[gxe.Expectation]:
    """Keys not-null and unique, enums by accepted values, bounds by min_value, spans by their ends."""
    # Imported here: GX costs ~2 s and ~135 MB, and only the validating process needs it.
    import great_expectations.expectations as gxe

    staged = {c.name: c for c in table.staged_columns}
    found: list[gxe.Expectation] = []
    if len(table.primary_key) == 1:
        found.append(gxe.ExpectColumnValuesToBeUnique(column=table.primary_key[0]))
    else:
        found.append(gxe.ExpectCompoundColumnsToBeUnique(column_list=list(table.primary_key)))
    for c in staged.values():
        if not c.nullable:
            found.append(gxe.ExpectColumnValuesToNotBeNull(column=c.name))
        if c.allowed is not None:
            found.append(gxe.ExpectColumnValuesToBeInSet(column=c.name, value_set=list(c.allowed)))
        if c.min_value is not None:
            found.append(gxe.ExpectColumnValuesToBeBetween(column=c.name, min_value=c.min_value))
    if "char_start" in staged and "char_end" in staged:
        found.append(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="char_end", column_B="char_start"))
    return found


def expectation_suite(table: Table) -> gx.ExpectationSuite:
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=f"{table.name}_suite")
    for expectation in expectations_for(table):
        suite.add_expectation(expectation)
    return suite


def expectation_label(config) -> str:
    """`expect_column_values_to_not_be_null(text)`: the name stored in validation_results and quarantine."""
    kwargs = config.kwargs
    columns = kwargs.get("column_list") or [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
    return f"{config.type}({', '.join(columns)})"
