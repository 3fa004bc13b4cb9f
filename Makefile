# Công khai xã: `make serve` to see the site, `make test` to check everything.
# BUILD_DATE=YYYY-MM-DD overrides today's date (Asia/Ho_Chi_Minh) for posting status.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CONTENT ?= content
OUTPUT ?= output
PORT ?= 8000
export BUILD_DATE

# Debian packages: WeasyPrint's libraries and a Times-compatible font for the printed sheets;
# Chromium (and npm for axe-core) and pdftoppm for the tests.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2
TEST_SYSTEM_PACKAGES := chromium poppler-utils
AXE_VERSION := 4.14.1

.PHONY: install install-dev html print validate serve test lint clean docs

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@[ -z "$(SYSTEM_PACKAGES)" ] || scripts/install-system-packages.sh $(SYSTEM_PACKAGES)
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

install-dev: $(VENV)/.installed-dev

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	scripts/install-system-packages.sh $(TEST_SYSTEM_PACKAGES)
	@command -v npm >/dev/null || scripts/install-system-packages.sh npm
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	npm install --silent --no-audit --no-fund --prefix $(VENV)/node axe-core@$(AXE_VERSION)
	@touch $@

validate: install
	$(PY) scripts/ckx.py validate --content $(CONTENT)

html: install
	$(PY) scripts/ckx.py build --content $(CONTENT) --output $(OUTPUT)

print: html
	$(PY) scripts/ckx.py print --output $(OUTPUT)

serve: html
	@echo "Mở http://localhost:$(PORT) trong trình duyệt (Ctrl+C để dừng)."
	$(PY) -m http.server $(PORT) --directory $(OUTPUT)

test: install-dev
	$(PY) -m ruff check plugins scripts tests pelicanconf.py
	$(PY) -m pytest

lint: install-dev
	$(PY) -m ruff check plugins scripts tests pelicanconf.py

docs: install
	$(PY) scripts/issue_codes.py > docs/ma-loi.md

clean:
	rm -rf $(OUTPUT) .pytest_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
