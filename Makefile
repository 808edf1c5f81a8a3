# `make run` and `make test` each set up everything they need on a fresh machine.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTHON ?= python3
HOST   ?= 127.0.0.1
PORT   ?= 7860
# The default answerer must keep these (see evals/results/latest.json and README).
EVAL_GATES := --fail-under answer_accuracy=0.95 --fail-under abstention_accuracy=0.90 \
              --fail-under citation_precision=0.98 --fail-under citation_support=0.95 \
              --fail-under retrieval_recall_at_5=1.0

.PHONY: run test eval lint setup system-deps

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch is pinned in pyproject.toml to the CPU build on local disk.
	$(BIN)/pip install -q -e ".[ui,mcp,llm,local-llm,dev]"
	touch $(STAMP)

setup: $(STAMP)

# Debian's Chromium for the browser tests (Playwright never downloads a browser here).
system-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: sudo apt-get install chromium" >&2; exit 1; fi; fi

# The chat UI on the embedded defaults; the corpus is ingested on first start.
run: $(STAMP)
	$(BIN)/dealqa serve --host $(HOST) --port $(PORT)

test: $(STAMP) system-deps
	$(BIN)/pytest -q
	$(BIN)/dealqa eval --json evals/results/ci.json $(EVAL_GATES)
	# Smoke run of the benchmark: figures printed (evals/perf/ci-quick.json), never asserted.
	$(BIN)/dealqa bench --quick --json evals/perf/ci-quick.json

eval: $(STAMP)
	$(BIN)/dealqa eval --json evals/results/latest.json --report evals/results/latest.md

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check src tests && $(BIN)/mypy src
