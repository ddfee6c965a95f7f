# Two entry points for a fresh machine: `make run` and `make test`.
# Each creates .venv when missing, installs the project with its dependencies,
# rebuilds the spaCy pipeline under models/ when missing or stale, then runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup pipeline run test diff browser clean

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

# Headless Chromium for the report's browser test (Debian's package); installed when missing and root.
browser:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium not installed: the browser test of the report will be skipped"; }

test: pipeline browser
	$(BIN)/python -m pytest
	@$(MAKE) --no-print-directory diff

# What the current rules extract from corpus/ compared with the committed snapshots
# (printed after the tests so a reviewer reads the effect of a change in the CI log).
diff: pipeline
	@tmp=$$(mktemp -d) && $(BIN)/socieux run --corpus corpus --db $$tmp/review.duckdb > $$tmp/run.log 2>&1 \
	  && $(BIN)/socieux diff --against-snapshots --db $$tmp/review.duckdb; status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf $(VENV) models/socieux_pipeline outputs/*.duckdb
