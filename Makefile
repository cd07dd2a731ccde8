# Everything a fresh machine needs: `make run` and `make test` create .venv from the lock first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: setup run test eval bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/news-etl run --source seeds --warehouse warehouse/news.duckdb --lake lake

test: setup
	$(BIN)/pytest

eval: setup
	$(BIN)/news-etl eval tests/fixtures/seed_gold --corpus seeds
	$(BIN)/news-etl eval tests/fixtures/bbc_gold
	$(BIN)/news-etl eval tests/fixtures/bbc_holdout

bench: setup
	$(BIN)/news-etl bench

clean:
	rm -rf warehouse lake bench-work
