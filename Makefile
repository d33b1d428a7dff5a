# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint chromium services bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

## Debian's Chromium for scrapy-playwright (Playwright cannot download its own here).
## newscrawl.rendering finds it at /usr/lib/chromium/chromium or on PATH (or NEWSCRAWL_CHROMIUM_PATH);
## static crawls never start it, JavaScript sites (NEWSCRAWL_RENDER=auto|always) do.
chromium:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's chromium"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "warning: no Chromium found; install it (apt-get install chromium) or set NEWSCRAWL_CHROMIUM_PATH; browser tests and the JavaScript demo site will be skipped"; fi

## The demo installs Chromium like `make test` does (as root, with apt-get), so that
## a fresh machine shows the JavaScript demo site too; where it cannot (not root, no
## apt-get), `newscrawl demo` skips that one site with a one-line notice.
demo: $(STAMP) chromium
	$(BIN)/newscrawl demo

test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy newscrawl
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy newscrawl

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build dist
