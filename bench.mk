# Benchmarks: measures a release build of salesd against its goals and its peers (busctl,
# taskwarrior, remind, cron, a C client) and writes BENCHMARKS.md.
#
#   make bench                 # the full run, about 12 minutes after the build
#   make bench BENCH_QUICK=1   # a smoke run of a couple of minutes: checks the script, figures mean nothing
#
# Needs root: it installs the peers when missing, runs cron in a private mount namespace and
# starts a journald when none answers. Works on its own (make -f bench.mk bench) or included.
#
# The binary measured is the one make install and make deb ship (make release, release.mk):
# the Swift runtime linked in; libc, libsystemd and libsqlite3 stay shared (Debian has no
# static libsystemd).

BENCH_SOURCE := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
SWIFT ?= swift
PYTHON ?= python3
BENCH_BIN := $(BENCH_SOURCE)/.build-release/release/salesd
BENCH_QUICK ?=
BENCH_IDLE_SECONDS ?=
# A quick run leaves the committed figures alone.
BENCH_OUTPUT ?= $(if $(filter-out 0,$(BENCH_QUICK)),test-artifacts/BENCHMARKS-quick.md,BENCHMARKS.md)
# The peers and the tools of the run: remind, cron, taskwarrior, busctl (systemd), hyperfine, valgrind, perf,
# sqlite3, and a C compiler for bench/c.
BENCH_PACKAGES := remind cron taskwarrior systemd hyperfine sqlite3 gcc libc6-dev valgrind linux-perf

# apt_install (apt.mk, which the Makefile includes already), when this file runs on its own.
ifeq ($(origin apt_install),undefined)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
include $(BENCH_SOURCE)/apt.mk
endif

.PHONY: bench bench-packages

bench-packages:
	@$(call apt_install,$(BENCH_PACKAGES))

bench: bench-packages
	$(MAKE) --no-print-directory -f $(BENCH_SOURCE)/release.mk release
	cd $(BENCH_SOURCE) && mkdir -p $(dir $(BENCH_OUTPUT)) && \
		started=$$(date +%s) && \
		BENCH_QUICK='$(BENCH_QUICK)' BENCH_IDLE_SECONDS='$(BENCH_IDLE_SECONDS)' $(PYTHON) bench/run.py \
		--salesd "$(abspath $(BENCH_BIN))" \
		--output $(BENCH_OUTPUT) && \
		echo "make bench: measured in $$(( $$(date +%s) - started )) s"
