# Targets for working on the HTTP method reference. `make help` lists them.
# ./dev <target> does the same after installing make and Python on a fresh
# Debian machine.

VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks
# The W3C Nu HTML checker that the tests run over every built page, from npm,
# pinned. Its install script (a Java download) stays off: Debian's Java runs it.
VNU_VERSION := 26.9.27
VNU_DIR     := .tools/vnu
VNU_STAMP   := $(VNU_DIR)/.installed-$(VNU_VERSION)
# HTML_CodeSniffer, the tests' second accessibility engine beside axe-core,
# as pa11y runs it; from npm, pinned, into the git-ignored .tools/ too.
HTMLCS_VERSION := 2.6.0
HTMLCS_DIR     := .tools/htmlcs
HTMLCS_STAMP   := $(HTMLCS_DIR)/.installed-$(HTMLCS_VERSION)

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet '.[test]'
	touch $@

setup: $(STAMP) ## Create .venv and install the pinned packages

$(VNU_STAMP):
	rm -rf $(VNU_DIR)
	npm install --loglevel=error --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
	  --prefix $(VNU_DIR) vnu-jar@$(VNU_VERSION)
	touch $@

vnu: $(VNU_STAMP) ## Install the Nu HTML checker into .tools/ (make test does)

$(HTMLCS_STAMP):
	rm -rf $(HTMLCS_DIR)
	npm install --loglevel=error --no-save --no-package-lock --no-audit --no-fund \
	  --prefix $(HTMLCS_DIR) @pa11y/html_codesniffer@$(HTMLCS_VERSION)
	touch $@

# `make serve LOCALE=sv` and `ONLY_LOCALE=sv make serve` both serve Swedish alone.
SERVE_LOCALE = $(or $(LOCALE),$(ONLY_LOCALE))
# WATCH=events (or EVENT_WATCHER=1): rebuild as soon as a save ends, not at
# MkDocs' next 0.5 s poll (hooks/upstream_speed.py, watch_writes). Opt-in: it
# leans on a private attribute of MkDocs' server. By default MkDocs polls.
WATCHES := poll events
EVENT_WATCHER ?= $(if $(filter events,$(WATCH)),1,0)

serve: $(STAMP) ## Serve the site with live reload on http://127.0.0.1:8000/ (LOCALE=sv: that one alone, faster; WATCH=events: rebuild the moment a save ends)
	$(if $(and $(LOCALE),$(ONLY_LOCALE),$(filter-out $(LOCALE),$(ONLY_LOCALE))),\
	  $(error LOCALE=$(LOCALE) and ONLY_LOCALE=$(ONLY_LOCALE) disagree: give one of them))
	$(if $(filter-out $(WATCHES),$(WATCH)),$(error WATCH=$(WATCH): use events (react to saves at once) or poll (the default)))
	@$(if $(SERVE_LOCALE),ONLY_LOCALE=$(SERVE_LOCALE) )EVENT_WATCHER=$(EVENT_WATCHER) \
	  exec $(VENV)/bin/mkdocs serve --dev-addr $(HOST):$(PORT) --livereload

check: $(STAMP) ## Check data/methods.yml alone and list every problem
	$(PYTHON) -m methodref check

stale: $(STAMP) ## List translations to bring up to date (LOCALE=de for one)
	$(PYTHON) -m methodref stale $(LOCALE)

stamp: $(STAMP) ## Mark translations as following the English: LOCALE=de [SCOPE=GET [FIELD=summary]]
	@test -n "$(LOCALE)" || { echo "usage: make stamp LOCALE=de [SCOPE=GET [FIELD=summary]]"; exit 2; }
	$(PYTHON) -m methodref stamp $(LOCALE) $(SCOPE) $(FIELD)

scaffold: $(STAMP) ## Add a locale with every text empty: LOCALE=is NAME=Íslenska THEME=is SEARCH=en [DIR=rtl]
	@test -n "$(LOCALE)" -a -n "$(NAME)" -a -n "$(THEME)" -a -n "$(SEARCH)" || \
	  { echo "usage: make scaffold LOCALE=is NAME=Íslenska THEME=is SEARCH=en [DIR=rtl]"; exit 2; }
	$(PYTHON) -m methodref scaffold $(LOCALE) --name "$(NAME)" --theme-language $(THEME) \
	  --search-language $(SEARCH) --direction $(or $(DIR),ltr)

build: $(STAMP) ## Build the site into site/, replacing it only if the build succeeds
	@rm -rf site.new
	@$(VENV)/bin/mkdocs build --strict --site-dir site.new
	@$(PYTHON) -m methodref verify-site site.new
	@rm -rf site && mv site.new site && echo "The site is in site/"

lint: $(STAMP) ## Check the Python code with ruff
	$(VENV)/bin/ruff check hooks tests bench
	$(VENV)/bin/ruff format --check hooks tests bench

test: $(STAMP) $(VNU_STAMP) $(HTMLCS_STAMP) ## Run every test: data, rendering and the built site
	$(VENV)/bin/ruff check hooks tests bench
	$(PYTHON) -m pytest

clean: ## Remove the virtual environment and built output
	rm -rf $(VENV) site site.new build *.egg-info .pytest_cache .ruff_cache .tools

bench: $(STAMP) ## Measure build, edit-loop and page-weight figures against their targets
	$(PYTHON) bench/benchmark.py

.PHONY: help setup vnu serve check stale stamp scaffold build lint test bench clean
