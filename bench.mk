# Benchmarks: measures a release build of salesd against its goals and its peers (remind, cron)
# and writes BENCHMARKS.md.
#
#   make bench                 # the full run, about 10 minutes after the build
#   make bench BENCH_QUICK=1   # a smoke run of a minute: checks the script, figures mean nothing
#
# Needs root: it installs the peers when missing, runs cron in a private mount namespace and
# starts a journald when none answers. Works on its own (make -f bench.mk bench) or included.

BENCH_SOURCE := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
SWIFT ?= swift
PYTHON ?= python3
BENCH_SCRATCH ?= .build-bench
BENCH_QUICK ?=
BENCH_IDLE_SECONDS ?=
# A quick run leaves the committed figures alone.
BENCH_OUTPUT ?= $(if $(filter-out 0,$(BENCH_QUICK)),test-artifacts/BENCHMARKS-quick.md,BENCHMARKS.md)

.PHONY: bench

bench:
	cd $(BENCH_SOURCE) && $(SWIFT) build -c release --product salesd --scratch-path $(BENCH_SCRATCH)
	cd $(BENCH_SOURCE) && mkdir -p $(dir $(BENCH_OUTPUT)) && \
		BENCH_QUICK='$(BENCH_QUICK)' BENCH_IDLE_SECONDS='$(BENCH_IDLE_SECONDS)' $(PYTHON) bench/run.py \
		--salesd "$$($(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH) --show-bin-path)/salesd" \
		--output $(BENCH_OUTPUT)
