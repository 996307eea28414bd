# The two commands of the README work on a fresh machine: each creates the
# virtual environment it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: handbook check test fuzz lint bench mutate clean

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

# A long random campaign against `cxmap check` (tests/fuzz_campaign.py): it stops by itself
# after FUZZ_MINUTES and saves each failing input as tests/regressions/fuzz-<sha256>.yaml,
# which `make test` then checks; it fails when it saved any. Say `make fuzz FUZZ_MINUTES=30`.
FUZZ_MINUTES ?= 5

fuzz: $(STAMP) ## Fuzz `cxmap check` for FUZZ_MINUTES minutes; failing inputs go to tests/regressions/
	$(BIN)/python tests/fuzz_campaign.py --minutes $(FUZZ_MINUTES)

bench: $(STAMP) ## Benchmark on synthetic projects (see docs/reference/benchmarks.md)
	$(BIN)/python benchmarks/bench.py

# Mutation testing with mutmut, configured in [tool.mutmut] of pyproject.toml: it mutates a
# copy of cxmap in mutants/, runs the tests that cover each mutant, then
# tests/mutation_score.py prints the score and the survivors; it fails below
# MUTATE_MIN_SCORE percent. A second run only tries mutants of functions that changed;
# `rm -rf mutants` starts afresh. See docs/reference/mutation.md.
# Say `make mutate MUTATE_CHILDREN=4` on a bigger machine.
MUTATE_CHILDREN ?= 2
MUTATE_MIN_SCORE ?= 90

mutate: $(STAMP) ## Mutation testing (mutmut) of checks, YAML, reporters; fails below 90% killed
	$(BIN)/python -c "import mutmut" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[mutate]'
	$(BIN)/mutmut run --max-children $(MUTATE_CHILDREN)
	$(BIN)/python tests/mutation_score.py --min-score $(MUTATE_MIN_SCORE)

lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check cxmap tests benchmarks
	$(BIN)/ruff format --check cxmap tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist site .pytest_cache .mypy_cache .ruff_cache
