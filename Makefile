# Công khai xã: `make serve` to see the site, `make test` to check everything.
# BUILD_DATE=YYYY-MM-DD overrides today's date (Asia/Ho_Chi_Minh) for posting status.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CONTENT ?= content
# DRAFTS=1 shows `draft: true` bundles, in a folder of its own so a preview is never published by mistake.
OUTPUT ?= $(if $(filter-out 0,$(DRAFTS)),output-ban-nhap,output)
PORT ?= 8000
export BUILD_DATE DRAFTS

# Debian packages: WeasyPrint's libraries and a Times-compatible font for the printed sheets, espeak-ng and
# LAME for the loudspeaker scripts' recordings (optional: the build warns without them);
# Chromium (and npm for axe-core), pdftoppm, and Java for the W3C HTML checker (vnu-jar) in the tests.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 espeak-ng lame
TEST_SYSTEM_PACKAGES := chromium poppler-utils default-jre-headless
AXE_VERSION := 4.14.1
VNU_VERSION := 26.9.27
DECAP_VERSION := 3.16.3
EDITOR := $(VENV)/node/decap-cms

.PHONY: install install-dev html print validate serve editor new import bench bench-ab test lint clean docs layout-pictures province

install: $(VENV)/.installed $(EDITOR)/.installed

# The web editor's script, from the npm registry (only the package, no dependencies): built into admin/.
$(EDITOR)/.installed:
	@command -v npm >/dev/null || scripts/install-system-packages.sh npm
	rm -rf $(EDITOR) && mkdir -p $(EDITOR)
	cd $(EDITOR) && npm pack --silent decap-cms@$(DECAP_VERSION) >/dev/null && tar xzf decap-cms-$(DECAP_VERSION).tgz && rm decap-cms-$(DECAP_VERSION).tgz
	@touch $@

$(VENV)/.installed: requirements.txt
	@[ -z "$(SYSTEM_PACKAGES)" ] || scripts/install-system-packages.sh $(SYSTEM_PACKAGES)
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

install-dev: $(VENV)/.installed-dev

$(VENV)/.installed-dev: $(VENV)/.installed $(EDITOR)/.installed requirements-dev.txt
	scripts/install-system-packages.sh $(SYSTEM_PACKAGES) $(TEST_SYSTEM_PACKAGES)
	@command -v npm >/dev/null || scripts/install-system-packages.sh npm
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	npm install --silent --no-audit --no-fund --prefix $(VENV)/node axe-core@$(AXE_VERSION) vnu-jar@$(VNU_VERSION)
	@touch $@

# The editor's local backend is scripts/editor.py itself (content/ only, each save checked and committed alone).
editor: install
	$(PY) scripts/editor.py --port $(PORT)

new: install
	$(PY) scripts/new_disclosure.py --kind "$(KIND)" --title "$(TITLE)"

import: install
	$(PY) scripts/import_table.py "$(FILE)" --kind "$(KIND)" --out "$(OUT)" $(if $(SHEET),--sheet "$(SHEET)")

validate: install
	$(PY) scripts/ckx.py validate --content $(CONTENT)

html: install
	$(PY) scripts/ckx.py build --content $(CONTENT) --output $(OUTPUT)

# `make print ONLY=2026/du-toan-ngan-sach-2026` prints one disclosure's sheets, `make print NOW=1` what is posted or about to be.
# It prints what the build published even when a part was kept back for errors, and then fails as the build did.
print: install
	@CKX_PRINT_ONLY="$(ONLY)" $(PY) scripts/ckx.py build --content $(CONTENT) --output $(OUTPUT); built=$$?; \
	$(PY) scripts/ckx.py print --output $(OUTPUT) $(if $(ONLY),--only "$(ONLY)") $(if $(NOW),--now) && exit $$built

# `make province COMMUNES="xa-a xa-b ..."`: each commune's content into $(PROVINCE_OUTPUT)/<xã>/, side by side
# on every core, and the province portal over them; the report goes to $(PROVINCE_OUTPUT)-bao-cao/.
PROVINCE_OUTPUT ?= output-tinh
province: install
	$(PY) scripts/ckx.py province --communes $(COMMUNES) --output $(PROVINCE_OUTPUT) $(if $(PRINT),--print)

# Serves what the build published even when a part was kept back for errors (listed above the address).
serve: install
	@$(PY) scripts/ckx.py build --content $(CONTENT) --output $(OUTPUT) || [ -f $(OUTPUT)/index.html ]
	$(PY) scripts/serve.py --port $(PORT) --directory $(OUTPUT)

# `make bench SCALES=1,2,4` for the growth figures in docs/hieu-nang.md; Hugo is compared when installed.
SCALES ?= 1
PROVINCE ?= 10,50,150
bench: install-dev
	@scripts/install-system-packages.sh hugo || echo "Không cài được hugo: bỏ qua phép so sánh với Hugo."
	$(PY) -m scripts.bench.run --scales $(SCALES) --province $(PROVINCE)

# `make bench-ab BASE=<commit>`: one-edit rebuilds of this tree and of BASE alternated (with DAYS=1, the next
# days' builds; with COLD=1, builds from nothing; EDIT=schedule edits a schedule), for a change too small for
# `make bench` to tell (scripts/bench/ab.py)
BASE ?= HEAD~1
ROUNDS ?= 10
SCALE ?= 1
DAYS ?=
COLD ?=
EDIT ?= notice
bench-ab: install-dev
	$(PY) -m scripts.bench.ab --base $(BASE) --rounds $(ROUNDS) --scale $(SCALE) $(if $(DAYS),--next-days) \
		$(if $(COLD),--cold) --edit $(EDIT)

# The test files share out over every core (pytest-xdist), each file's tests on one, so a file's session
# fixtures (the sample built once) are made once; `$(PY) -m pytest tests/x.py` runs one file alone.
test: install-dev
	$(PY) -m ruff check plugins scripts tests pelicanconf.py
	$(PY) -m pytest -n auto --dist loadfile

lint: install-dev
	$(PY) -m ruff check plugins scripts tests pelicanconf.py

docs: install
	$(PY) scripts/issue_codes.py > docs/ma-loi.md

layout-pictures: install-dev
	$(PY) scripts/layout_pictures.py

clean:
	rm -rf $(OUTPUT) .pytest_cache .cache
	find . -name __pycache__ -prune -exec rm -rf {} +
