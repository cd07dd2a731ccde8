"""The six pages: each draws one committed state of the warehouse (a `Snapshot`) from the queries of `queries`."""
from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from news_etl.dashboard import queries
from news_etl.dashboard.charts import bars, highlighted, over_time, stacked_stages, table, table_or
from news_etl.dashboard.data import Snapshot, fetch, user_query
from news_etl.readonly import RefusedQuery

STAGES = ["discover", "extract", "validate", "load"]
TOTAL_LABELS = {"articles": "Articles", "entities": "Entities", "mentions": "Entity mentions", "quotes": "Quotes",
                "quantities": "Quantities", "temporal_expressions": "Temporal expressions"}
NO_DATES = "No article carries a publication date (`published_at`), so there is nothing to draw over time."
# How entity_timeline dated the articles of a month (its `dated_by`).
DATED_BY = {"published_at": "their publication date (`published_at`)",
            "text_date": "the latest day or month their text states (`text_date`: they carry no publication date)"}


def overview(snap: Snapshot) -> None:
    st.header("Overview")
    totals = fetch(snap, queries.TOTALS).iloc[0]
    for column, (key, text) in zip(st.columns(len(TOTAL_LABELS)), TOTAL_LABELS.items()):
        column.metric(text, f"{int(totals[key]):,}")
    left, right = st.columns(2)
    with left:
        st.subheader("Articles by category")
        bars(fetch(snap, queries.ARTICLES_BY_CATEGORY), "category", "articles", "articles by category")
    with right:
        st.subheader("Articles over time")
        by_month = fetch(snap, queries.ARTICLES_BY_MONTH)
        if by_month.empty:
            st.info(NO_DATES)
        else:
            over_time(by_month, "month", "articles", "articles per month of publication")
    st.subheader("Last runs")
    runs = fetch(snap, queries.LAST_RUNS, limit=10)
    stacked_stages(runs, STAGES, "the last runs, seconds per stage")
    table(runs)


def entities(snap: Snapshot) -> None:
    st.header("Entities")
    types = fetch(snap, queries.ENTITY_TYPES)["entity_type"].tolist()
    st.subheader("Top entities by type")
    kind = st.selectbox("Type", types, index=types.index("PERSON") if "PERSON" in types else 0)
    bars(fetch(snap, queries.TOP_ENTITIES_OF_TYPE, type=kind), "canonical_name", "mention_count",
         f"the most mentioned {kind} entities")
    st.subheader("One entity")
    text = st.text_input("Search by name or alias", placeholder="e.g. Blair, BBC, United States").strip()
    found = fetch(snap, queries.FIND_ENTITIES, text=text)
    if found.empty:
        st.warning(f"No entity is named or aliased like “{text}”.")
        return
    names = {row.entity_id: f"{row.canonical_name} ({row.entity_type}, {row.mention_count} mentions)"
             for row in found.itertuples()}
    entity = st.selectbox("Entity", list(names), format_func=names.get)
    _entity_details(snap, entity, names[entity])


def _entity_details(snap: Snapshot, entity: str, name: str) -> None:
    st.markdown(f"#### {name.split(' (')[0]}")
    left, right = st.columns(2)
    with left:
        st.markdown("**Aliases** (surface forms resolved to it)")
        table(fetch(snap, queries.ENTITY_ALIASES, entity=entity))
        st.markdown("**Mentions over time**")
        timeline = fetch(snap, queries.ENTITY_TIMELINE, entity=entity)
        if timeline.empty:
            st.caption("None of its articles has a date: no publication date (`published_at`), and no day or month "
                       "stated in its text.")
        else:
            ways = sorted(set(timeline["dated_by"]))
            st.caption("Articles dated by " + " and by ".join(DATED_BY[way] for way in ways) + ".")
            over_time(timeline, "month", "mentions", "mentions and articles per month, by how they were dated",
                      colour="dated_by", line=False)
    with right:
        st.markdown("**Mentioned in the same articles**")
        bars(fetch(snap, queries.CO_OCCURRING, entity=entity), "canonical_name", "articles",
             "co-occurring entities", colour="entity_type")
    st.markdown("**Its quotes**")
    table_or(fetch(snap, queries.SPEAKER_QUOTES, entity=entity), "No quote is attributed to it.")
    st.markdown("**Its amounts** (the quantities linked to it)")
    table_or(fetch(snap, queries.ENTITY_AMOUNTS, entity=entity), "No quantity is linked to it.")
    st.markdown("**Mentions in context** (the first 30)")
    for row in fetch(snap, queries.MENTIONS_IN_CONTEXT, entity=entity, limit=30).itertuples():
        where = f"{row.title} — `{row.source_uri}`" if row.title else f"`{row.source_uri}`"
        st.markdown(f"{where}\n\n> {highlighted(row.context or '', row.char_start, row.char_end)}",
                    unsafe_allow_html=True)


def quotes(snap: Snapshot) -> None:
    st.header("Quotes")
    categories = fetch(snap, queries.CATEGORIES)["category"].tolist()
    left, right = st.columns(2)
    category = left.selectbox("Category", [None, *categories], format_func=lambda c: c or "All categories")
    since, until = _date_filter(snap, right)
    st.subheader("Who is quoted most")
    if since is None and until is None:
        speakers = fetch(snap, queries.TOP_SPEAKERS, category=category)
    else:
        speakers = fetch(snap, queries.TOP_SPEAKERS_PUBLISHED, category=category, since=since, until=until)
    if speakers.empty:
        st.info("No attributed quote in these articles.")
        return
    bars(speakers[["speaker", "quotes", "articles"]], "speaker", "quotes", "speakers by quotes")
    names = dict(zip(speakers["speaker_entity_id"], speakers["speaker"]))
    speaker = st.selectbox("Speaker", list(names), format_func=names.get)
    st.subheader(f"Quotes of {names[speaker]}")
    table(fetch(snap, queries.SPEAKER_QUOTES, entity=speaker))


def _date_filter(snap: Snapshot, place) -> tuple:
    """(since, until) as the reader chose them; (None, None) for every date (the marts answer that)."""
    first, last = fetch(snap, queries.PUBLISHED_RANGE).iloc[0]
    if pd.isna(first):
        place.caption("No article has a publication date: no date filter.")
        return None, None
    whole = (first.date(), last.date())
    chosen = tuple(place.date_input("Published between", whole))
    if chosen == whole:
        return None, None
    return (chosen[0], chosen[1]) if len(chosen) == 2 else (chosen[0], None)


def amounts(snap: Snapshot) -> None:
    st.header("Amounts")
    st.subheader("Money by currency")
    money = fetch(snap, queries.MONEY_BY_CURRENCY)
    bars(money, "currency", "amounts", "amounts of money per currency (total, smallest, largest)")
    st.subheader("Money by entity")
    by_entity = fetch(snap, queries.MONEY_BY_ENTITY)
    if by_entity.empty:
        st.caption("No amount of money is linked to an entity (`quantities.entity_id`: a sentence such as "
                   "“Veltrix raised $4.2bn”).")
    else:
        table(by_entity)
    st.subheader("Other quantities by unit")
    by_unit = fetch(snap, queries.QUANTITIES_BY_UNIT)
    labelled = by_unit.assign(kind_and_unit=by_unit["kind"] + ": " + by_unit["unit"]).head(15)
    bars(labelled[["kind_and_unit", "kind", "quantities"]], "kind_and_unit", "quantities",
         "quantities per kind and unit (the 15 most frequent)", colour="kind")
    table(by_unit)


def pipeline_health(snap: Snapshot) -> None:
    st.header("Pipeline health")
    runs = fetch(snap, queries.RUN_HEALTH)
    st.subheader("Runs")
    table(runs)
    st.subheader("Seconds per stage")
    stacked_stages(runs.head(20), STAGES, "seconds per stage of the last 20 runs")
    st.subheader("Validation")
    table_or(fetch(snap, queries.FAILED_EXPECTATIONS), "Every expectation of every run passed.", st.success)
    st.subheader("Quarantine")
    table_or(fetch(snap, queries.QUARANTINED_NOW), "No file is refused now.", st.success)
    refusals = fetch(snap, queries.REFUSALS_BY_STAGE)
    if not refusals.empty:
        st.subheader("Refusals per stage, all runs")
        bars(refusals, "stage", "refusals", "refusals per stage, all runs")
        st.markdown("**The latest refusals** (the last 200, latest run first)")
        table(fetch(snap, queries.RECENT_REFUSALS))


def sql(snap: Snapshot) -> None:
    st.header("SQL")
    st.caption("One read-only statement (SELECT, WITH, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN), through the "
               "same guard as `news-etl sql`. Offsets are 0-based: `substr(text, char_start + 1, "
               "char_end - char_start)`.")
    with st.form("sql"):
        text = st.text_area("Query", queries.SQL_EXAMPLE, height=120)
        submitted = st.form_submit_button("Run")
    if not submitted:
        return
    try:
        result = user_query(snap, text)
    except RefusedQuery as err:
        st.error(f"Refused: {err}")
        return
    except duckdb.Error as err:
        st.error(str(err).splitlines()[0])
        return
    frame = pd.DataFrame(result.rows, columns=result.columns)
    more = f" (the first {len(frame)}; more not shown)" if result.truncated else ""
    st.caption(f"{len(frame)} row{'s' if len(frame) != 1 else ''}{more}")
    table(frame)
    st.download_button("Download CSV", frame.to_csv(index=False), file_name="query.csv", mime="text/csv",
                       on_click="ignore")


# The pages by the name `?page=` gives them: (title, what draws it).
PAGES = {
    "overview": ("Overview", overview),
    "entities": ("Entities", entities),
    "quotes": ("Quotes", quotes),
    "amounts": ("Amounts", amounts),
    "health": ("Pipeline health", pipeline_health),
    "sql": ("SQL", sql),
}
