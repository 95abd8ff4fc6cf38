# Alignment Monitor. `make run` and `make test` are all a new machine needs; both set up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SRC    := analysis dashboard tests scripts
# pip itself is upgraded first: the hash-checked lock files need a current resolver.
PIP       := pip==26.3
PIP_TOOLS := pip-tools==7.6.2
LOCK_VENV := .venv-lock
LOCK_FLAGS := --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
  --no-emit-find-links --quiet

.PHONY: setup run test lint typecheck unit eval bench golden clean lock

# Runtime and development locks are installed in two calls so each is checked on its own hashes.
$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q --upgrade "$(PIP)"
	$(BIN)/python -m pip install --disable-pip-version-check -q --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --disable-pip-version-check -q --require-hashes -r requirements-dev.txt
	@touch $@

setup: $(STAMP)

run: setup
	$(BIN)/python -m dashboard --server.address 127.0.0.1 \
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
	$(BIN)/python -m scripts.evaluate $(if $(GOLD),--gold $(GOLD),) $(EVAL_ARGS)

bench: setup
	$(BIN)/python -m scripts.bench
	$(BIN)/python -m scripts.bench_html
	$(BIN)/python -m scripts.bench_deals
	$(BIN)/python -m scripts.bench_dashboard --articles 100000

# Regenerate tests/golden/ from the sample articles; review the diff like code.
golden: setup
	$(BIN)/python -m scripts.golden

# Resolve requirements*.in into the hash-pinned requirements*.txt. Pins already in a .txt are
# kept; delete a line there (or the file) to let that package move.
lock:
	@test -x $(LOCK_VENV)/bin/pip-compile || ( $(PYTHON) -m venv $(LOCK_VENV) && \
	  $(LOCK_VENV)/bin/python -m pip install --disable-pip-version-check -q "$(PIP)" "$(PIP_TOOLS)" )
	$(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) -o requirements.txt requirements.in
	$(LOCK_VENV)/bin/pip-compile $(LOCK_FLAGS) -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf $(VENV) $(LOCK_VENV) .pytest_cache .mypy_cache .ruff_cache
