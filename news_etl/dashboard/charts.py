"""Charts of the dashboard (Altair, drawn by Streamlit's bundled Vega: nothing fetched from the network), each
shown with the table it is drawn from."""
from __future__ import annotations

import html
import re

import altair as alt
import pandas as pd
import streamlit as st

BAR_STEP = 24  # pixels per bar and its gap: every label stays readable however few or many bars

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~$:.-])")


def table(df: pd.DataFrame, **kw) -> None:
    """The rows, numbers with thousands separators (47,520,000,000 reads; 47520000000 does not)."""
    numbers = {column: st.column_config.NumberColumn(format="localized") for column in df.columns
               if pd.api.types.is_numeric_dtype(df[column]) and not pd.api.types.is_bool_dtype(df[column])}
    st.dataframe(df, hide_index=True, width="stretch", column_config=numbers, **kw)


def table_or(df: pd.DataFrame, when_empty: str, say=st.caption) -> None:
    """The rows, or one line saying why there are none."""
    if df.empty:
        say(when_empty)
    else:
        table(df)


def with_table(chart: alt.Chart, df: pd.DataFrame, what: str) -> None:
    """The chart, then its rows behind an expander: people would rather look, and sometimes need to read."""
    st.altair_chart(chart, width="stretch")
    with st.expander(f"Table: {what}"):
        table(df)


def bars(df: pd.DataFrame, label: str, value: str, what: str, colour: str | None = None) -> None:
    """Horizontal bars of a count, one per row of `df` (in its order): whole-number ticks."""
    encoding = {"y": alt.Y(f"{label}:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
                "x": alt.X(f"{value}:Q", title=value.replace("_", " "), axis=alt.Axis(format="d", tickMinStep=1)),
                "tooltip": list(df.columns)}
    if colour:
        encoding["color"] = alt.Color(f"{colour}:N", title=colour.replace("_", " "))
    chart = alt.Chart(df).mark_bar().encode(**encoding).properties(height=alt.Step(BAR_STEP))
    with_table(chart, df, what)


def over_time(df: pd.DataFrame, time: str, value: str, what: str, colour: str | None = None,
              line: bool = True) -> None:
    """A count (whole-number ticks) per `time`: a line, or with `line=False` a dot per row (for months scattered
    over decades, where a line would draw trends between months that hold nothing); one colour per value of
    `colour` when given."""
    encoding = {"x": alt.X(f"{time}:T", title=time),
                "y": alt.Y(f"{value}:Q", title=value, axis=alt.Axis(format="d", tickMinStep=1)),
                "tooltip": list(df.columns)}
    if colour:
        encoding["color"] = alt.Color(f"{colour}:N", title=colour.replace("_", " "))
    mark = alt.Chart(df).mark_line(point=True) if line else alt.Chart(df).mark_circle(size=50, opacity=0.8)
    with_table(mark.encode(**encoding), df, what)


def stacked_stages(df: pd.DataFrame, stages: list[str], what: str) -> None:
    """Seconds per stage of each run, one bar per run (oldest at the top)."""
    long = df.melt(id_vars=["run_id"], value_vars=stages, var_name="stage", value_name="seconds")
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("run_id:N", sort="ascending", title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("seconds:Q", stack="zero", title="seconds"),
        color=alt.Color("stage:N", sort=stages, title="stage"),
        order=alt.Order("stage_order:Q"),
        tooltip=["run_id", "stage", "seconds"],
    ).transform_calculate(stage_order=f"indexof({stages!r}, datum.stage)").properties(height=alt.Step(BAR_STEP))
    with_table(chart, df[["run_id", *stages]], what)


def highlighted(text: str, start: int, end: int, around: int = 240) -> str:
    """`text` as Markdown-safe HTML with text[start:end] (0-based offsets, end excluded) marked, cut to about
    `around` characters either side (at a space, with "…") so a long paragraph does not bury the mention."""
    if not 0 <= start < end <= len(text):
        return _safe(text)
    left, right = max(0, start - around), min(len(text), end + around)
    if left > 0 and (space := text.find(" ", left, start)) >= 0:
        left = space + 1
    if right < len(text) and (space := text.rfind(" ", end, right)) > end:
        right = space
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return f"{_safe(before)}<mark>{_safe(text[start:end])}</mark>{_safe(after)}"


def _safe(text: str) -> str:
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))
