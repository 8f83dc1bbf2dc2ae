"""Run Great Expectations 1.x suites on pandas DataFrames read from DuckDB.

GX 1.x has no working DuckDB datasource (STACK.md), so each table is read into a DataFrame and validated with
the pandas datasource. great_expectations is imported lazily: it takes seconds to import.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Expectation:
    """One expectation by its GX class name and keyword arguments (plain data: suites stay easy to test)."""

    kind: str  # e.g. "ExpectColumnValuesToNotBeNull"
    kwargs: dict[str, Any]

    def describe(self) -> str:
        column = self.kwargs.get("column") or self.kwargs.get("column_A") or ""
        return f"{self.kind}({column})" if column else self.kind


@dataclass
class Failure:
    expectation: str
    unexpected_count: int | None
    unexpected_sample: list[Any]
    detail: str = ""


@dataclass
class QualityReport:
    suite: str
    rows: int
    evaluated: int
    failures: list[Failure] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return not self.failures

    def as_metadata(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "rows": self.rows,
            "expectations": self.evaluated,
            "failed": len(self.failures),
            "failures": [
                {"expectation": f.expectation, "unexpected_count": f.unexpected_count,
                 "sample": [_plain(v) for v in f.unexpected_sample[:5]], "detail": f.detail}
                for f in self.failures
            ],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


def validate_frame(suite_name: str, frame: pd.DataFrame, expectations: list[Expectation]) -> QualityReport:
    """Validate `frame` against `expectations` in an ephemeral GX context; failures keep sample values."""
    os.environ.setdefault("TQDM_DISABLE", "1")  # GX draws progress bars through tqdm
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    batch = (
        context.data_sources.add_pandas(f"{suite_name}_source")
        .add_dataframe_asset(f"{suite_name}_frame")
        .add_batch_definition_whole_dataframe(f"{suite_name}_batch")
    )
    suite = context.suites.add(gx.ExpectationSuite(name=suite_name))
    for exp in expectations:
        suite.add_expectation(getattr(gx.expectations, exp.kind)(**exp.kwargs))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=f"{suite_name}_validation", data=batch, suite=suite)
    )
    result = definition.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY")
    report = QualityReport(suite=suite_name, rows=len(frame), evaluated=len(result.results))
    for res in result.results:
        if res.success:
            continue
        config = res.expectation_config
        kwargs = dict(config.kwargs)
        column = kwargs.get("column") or kwargs.get("column_A") or ""
        name = f"{config.type}({column})" if column else config.type
        info = res.exception_info or {}
        detail = info.get("exception_message") or "" if info.get("raised_exception") else ""
        report.failures.append(
            Failure(
                expectation=name,
                unexpected_count=res.result.get("unexpected_count"),
                unexpected_sample=list(res.result.get("partial_unexpected_list") or []),
                detail=detail or str(res.result.get("observed_value", "")),
            )
        )
    return report
