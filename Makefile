# Two entry points for a fresh machine: `make run` and `make test`.
# Each creates .venv when missing, installs the project with its dependencies,
# rebuilds the spaCy pipeline under models/ when missing or stale, then runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup pipeline run test diff clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

pipeline: setup
	$(BIN)/socieux build

run: pipeline
	$(BIN)/socieux run

test: pipeline
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) models/socieux_pipeline outputs/*.duckdb
