"""Table declarations (the single source of truth) and what is derived from them."""
from schemas.operational import OPERATIONAL_TABLES
from schemas.tables import BUSINESS_TABLES

TABLES = {t.name: t for t in BUSINESS_TABLES + OPERATIONAL_TABLES}
