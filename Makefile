# Everything a fresh machine needs: `make run` and `make test` create .venv from the lock first.
# The venv's Python 3.11: the first of these that can make a venv. The distribution's build comes first: its
# interpreter is linked statically and built with the distribution's optimisations, and it ran a cold N=20 run 7%
# faster (35.4-35.6 vs 38.0-38.8 s, alternating) than pyenv's build here (configured without
# --enable-optimizations, loading libpython3.11.so). `make clean-venv` before `make setup` to switch a venv.
PYTHON ?= $(shell for p in /usr/bin/python3.11 python3.11; do $$p -c 'import venv, ensurepip' 2>/dev/null \
                    && { echo $$p; break; }; done)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: setup run dashboard test eval bench clean clean-venv

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo 'no python3.11 that can make a venv (install python3.11 and python3.11-venv)'; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/news-etl run --source seeds --warehouse warehouse/news.duckdb --lake lake

# The dashboard over the warehouse of `make run`, at http://127.0.0.1:8501 (PORT=N for another port).
dashboard: setup
	$(BIN)/news-etl dashboard --warehouse warehouse/news.duckdb --port $(or $(PORT),8501)

test: setup
	$(BIN)/pytest

eval: setup
	$(BIN)/news-etl eval tests/fixtures/seed_gold --corpus seeds
	$(BIN)/news-etl eval tests/fixtures/bbc_gold
	$(BIN)/news-etl eval tests/fixtures/bbc_holdout
	$(BIN)/news-etl eval tests/fixtures/polnear_gold
	$(BIN)/news-etl eval tests/fixtures/polnear_holdout
	@# quotes and speakers against PolNeAR's own attributions, where the shared corpus is beside the repository
	if [ -d ../shared/corpus/polnear/attributions ]; then $(BIN)/python -m news_etl.attributions ../shared/corpus/polnear; fi
	$(BIN)/python -m news_etl.quantity_eval
	$(BIN)/python -m news_etl.timex_eval
	$(BIN)/python -m news_etl.ner_eval tests/fixtures/agency_dev tests/fixtures/agency_holdout

bench: setup
	$(BIN)/news-etl bench

clean:
	rm -rf warehouse lake bench-work

clean-venv:
	rm -rf $(VENV)
