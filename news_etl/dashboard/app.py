"""The script Streamlit runs (`news-etl dashboard`): the page named by `?page=` (or chosen in the sidebar) over the
warehouse named by $NEWS_ETL_DASHBOARD_WAREHOUSE."""
from __future__ import annotations

import duckdb
import streamlit as st

from news_etl.dashboard.data import EmptyWarehouse, label, snapshot, warehouse_path
from news_etl.dashboard.pages import PAGES
from news_etl.readonly import WarehouseUnavailable


def main() -> None:
    st.set_page_config(page_title="news-etl", layout="wide")
    asked = st.query_params.get("page", "overview")
    page = st.sidebar.radio("Page", list(PAGES), index=list(PAGES).index(asked) if asked in PAGES else 0,
                            format_func=lambda key: PAGES[key][0])
    st.query_params["page"] = page
    path = warehouse_path()
    st.sidebar.caption(f"Warehouse: `{label(path)}`")
    try:
        snap = snapshot(path)
    except (WarehouseUnavailable, EmptyWarehouse) as err:
        st.header(PAGES[page][0])
        st.error(str(err))
        return
    st.sidebar.caption(f"Last committed run: `{snap.run_id}`. Refresh the page to see a newer run.")
    try:
        PAGES[page][1](snap)
    except WarehouseUnavailable as err:  # gone or unreadable since the page began: say so, no traceback
        st.error(str(err))
    except duckdb.Error as err:
        st.error(f"a query of this page failed on {label(path)}: {str(err).splitlines()[0]}")


main()
