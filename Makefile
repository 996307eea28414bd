# The two commands of the README work on a fresh machine: each creates the
# virtual environment it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: handbook check test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

handbook: $(STAMP) ## Build the example handbook from journeys/ into site/
	$(BIN)/cxmap build . --site-dir site

check: $(STAMP) ## Check the example organisation in journeys/
	$(BIN)/cxmap check .

test: $(STAMP) ## Run the test suite
	$(BIN)/python -m pytest

bench: $(STAMP) ## Benchmark on synthetic projects (see docs/reference/benchmarks.md)
	$(BIN)/python benchmarks/bench.py

lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check cxmap tests benchmarks
	$(BIN)/ruff format --check cxmap tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist site .pytest_cache .mypy_cache .ruff_cache
