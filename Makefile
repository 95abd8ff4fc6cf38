# Alignment Monitor. `make run` and `make test` are all a new machine needs; both set up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SRC    := analysis dashboard tests scripts

.PHONY: setup run test lint typecheck unit eval bench golden clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt -r requirements-dev.txt
	@touch $@

setup: $(STAMP)

run: setup
	$(BIN)/python -m streamlit run dashboard/app.py --server.address 127.0.0.1 \
	  --server.port 8501 --server.headless true --browser.gatherUsageStats false

lint: setup
	$(BIN)/ruff check $(SRC)
	$(BIN)/ruff format --check $(SRC)

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/python -m pytest -q

test: lint typecheck unit

eval: setup
	$(BIN)/python -m scripts.evaluate

bench: setup
	$(BIN)/python -m scripts.bench
	$(BIN)/python -m scripts.bench_deals

# Regenerate tests/golden/ from the sample articles; review the diff like code.
golden: setup
	$(BIN)/python -m scripts.golden

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
