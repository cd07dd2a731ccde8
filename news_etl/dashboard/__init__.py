"""`news-etl dashboard`: a Streamlit app over the warehouse, read-only, offline, bound to 127.0.0.1 by default.

`queries` holds every SQL statement the pages run, `data` opens the warehouse through the SQL guard's reader and
caches results per committed run, `pages` draws them, `app` is the script Streamlit runs, `server` starts it.
"""

# How `news-etl dashboard` names the warehouse to the app script it starts (Streamlit passes it no arguments).
WAREHOUSE_ENV = "NEWS_ETL_DASHBOARD_WAREHOUSE"
