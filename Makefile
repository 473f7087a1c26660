# `make build` builds everything; `make test` runs every test. Both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test serve freeze lint typecheck unit browser-deps clean bench bench-scale

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 and npm (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## Build the site, the offline zip and the data exports.
build: $(STAMP) $(NODE_STAMP) browser-deps
	$(BIN)/edition build --strict

## Run every test: lint, types, unit, golden, build and real-browser tests (a browser test that
## cannot start fails: EDITION_REQUIRE_BROWSER=1, tests/conftest.py).
test: $(STAMP) $(NODE_STAMP) browser-deps
	$(BIN)/ruff check build_tools tests
	$(BIN)/mypy
	EDITION_REQUIRE_BROWSER=1 $(BIN)/pytest

## Debian's Chromium drives the browser tests (Playwright cannot download a browser here).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: run 'sudo apt-get install chromium' (browser tests need /usr/bin/chromium)"; exit 1; \
	  fi; \
	fi

## Preview: rebuild when content/ or annexes/ change.
serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/edition serve

## Re-freeze paragraph numbers and page slugs (only when a renumbering is meant).
freeze: $(STAMP)
	$(BIN)/edition freeze

## Benchmark: Lighthouse (installed on demand into bench/, kept out of npm ci), stage times, scaling.
bench: $(STAMP) $(NODE_STAMP) browser-deps bench/node_modules/.installed
	CHROME_PATH=/usr/bin/chromium $(BIN)/python -m build_tools.bench.bench

## The whole build at 1x, 5x, 20x and 50x the text: time, memory, stages, sizes (not in make test).
bench-scale: $(STAMP) $(NODE_STAMP) browser-deps
	$(BIN)/python -m build_tools.bench.bench_scale

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	@touch $@

clean:
	rm -rf build site site.new site.old dist
