# Two commands on a fresh machine: `make serve` and `make test`. Everything else is set up
# on the way: a pinned uv in .uv/, the locked virtualenv in .venv/, Debian's chromium.

PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .uv/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export NO_MKDOCS_2_WARNING := 1
# Python keeps compiled modules (__pycache__, git-ignored): with PYTHONDONTWRITEBYTECODE set, as
# in some container images, every build compiled the pipeline, MkDocs and the theme afresh
# (4 of a build's 12 s of CPU). The locked environment is compiled once when it is installed.
unexport PYTHONDONTWRITEBYTECODE
export UV_COMPILE_BYTECODE := 1
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup pdf-deps browser serve build publish check test lint typecheck golden manifest bench offline clean quality-tools

$(UV):
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --target .uv "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --extra dev --python $(PYTHON)
	touch $@

setup: $(VENV)/.synced pdf-deps ## Create the locked environment

# WeasyPrint (the PDF of each source) lays out text with Debian's Pango and embeds DejaVu Serif.
PDF_DEBS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-dejavu-extra
pdf-deps: ## Install the Debian packages the PDFs need (Pango, DejaVu fonts), if missing
	@missing=$$(for deb in $(PDF_DEBS); do \
	  dpkg-query -W -f='$${db:Status-Status}' $$deb 2>/dev/null | grep -qx installed || echo $$deb; done); \
	test -z "$$missing" || { \
	  echo "Installing Debian's $$missing (needs root and the Debian mirror)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null; }

browser: ## Install Debian's chromium for the browser tests, if missing
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium (needs root and the Debian mirror)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }
	@test -x /usr/bin/pdftotext || { \
	  echo "Installing Debian's poppler-utils (pdftotext, for the print tests)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >/dev/null; }

serve: setup ## Build and serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: setup ## Write the static site to site/
	$(BIN)/mkdocs build --strict

publish: setup ## Build for deployment: EDITION_SITE_URL=https://your.host/ make publish (refuses the placeholder)
	EDITION_PUBLISH=1 $(BIN)/mkdocs build --strict

check: setup ## Normalise and verify every source; print the counts
	$(BIN)/edition check

manifest: setup ## Rewrite the anchor manifests on purpose (review with git diff)
	$(BIN)/edition manifest --update

golden: setup ## Rewrite the golden files of the normalisers on purpose (review with git diff)
	$(BIN)/pytest -q tests/test_golden.py tests/normalise/test_typescript_corpus.py --update-golden

lint: setup
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

test: setup browser quality-tools ## Set up everything and run every test
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy
	$(BIN)/pytest -n 2 -q

quality-tools: tools/node_modules/.installed ## Install the HTML and accessibility checkers (tools/package-lock.json)

# npm ci installs exactly the locked versions (vnu-jar, axe-core, iframe-worker);
# --ignore-scripts skips vnu-jar's optional Java download (the machine's Java 17 runs vnu.jar).
tools/node_modules/.installed: tools/package.json tools/package-lock.json
	npm ci --prefix tools --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

offline: setup tools/node_modules/.installed ## Build the site for file:// use and zip it (build/indochina-edition-offline.zip)
	OFFLINE=true $(BIN)/mkdocs build --strict -d build/offline-site
	$(BIN)/python -m scripts.offline build/offline-site build/indochina-edition-offline.zip

bench: setup ## Time each pipeline stage and the build at 1x, 10x and 100x; rewrite docs/how-it-is-built.md
	$(BIN)/python -m scripts.bench

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
