# salesd: build, run and test.
#
#   make run     install build dependencies, build, run the daemon in the foreground
#   make test    install test dependencies, build, run unit and end-to-end tests
#
# Needs root (or sudo) only to apt-get install what is missing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
.NOTPARALLEL:

SWIFT ?= swift
# The interpreter the test venv is made from: Debian's own (package python3-venv), not whatever
# python3 is first on PATH, so a package installed by hand elsewhere can never serve a test.
PYTHON ?= /usr/bin/python3
# Where SwiftPM builds; another folder keeps a second build apart (make test SCRATCH=.build-mine).
SCRATCH ?= .build
SWIFT_FLAGS := -c debug --scratch-path $(SCRATCH)
BIN = $(shell $(SWIFT) build $(SWIFT_FLAGS) --show-bin-path)/salesd
VENV := $(SCRATCH)/test-venv
# The venv's interpreter, handed to every test that runs a Python tool (SALESD_TEST_PYTHON).
TEST_PYTHON := $(abspath $(VENV))/bin/python
ARTIFACTS := test-artifacts
# The end-to-end tests pytest runs: the whole suite, or some files (E2E_TESTS="e2e/test_ledger.py").
E2E_TESTS ?= e2e
ARGS ?=

BUILD_PACKAGES := libsystemd-dev pkg-config
# journald for the journal tests; a session bus, X server, notification server and
# screenshot tools for the desktop-notification tests; sqlite3 to look into a ledger;
# khal, a calendar client, to read the calendar feed; tmux, a real terminal for plan-week;
# a C compiler for the socket hammer of test_hangups.py.
TEST_PACKAGES := systemd dbus dbus-user-session xvfb dunst libnotify-bin imagemagick xdotool \
	chromium sqlite3 python3-venv khal tmux gcc libc6-dev
# The package test: make deb's tools, a clean Debian root to install the .deb into and boot;
# more notification servers; the desktop file's validator.
TEST_PACKAGES += dpkg-dev lintian debootstrap zstd systemd-container xfce4-notifyd notification-daemon \
	desktop-file-utils
# The clean Debian 12 root of the package test, kept outside the checkout so a fresh clone (CI)
# finds it again; built by the test when missing (e2e/services/debian-root.sh).
DEB_TEST_ROOT ?= /var/cache/salesd-test/bookworm-root.tar.zst
# The same root with GNOME Shell (headless) added, for the GNOME notification test.
DEB_TEST_GNOME_ROOT ?= /var/cache/salesd-test/bookworm-gnome-shell.tar.zst
# The package the e2e tests install: make test builds it first; make e2e leaves it to the test.
SALESD_DEB ?=
# The optimised binary test_hangups.py runs: make test builds it (for the package) first.
SALESD_RELEASE_BIN ?=

include apt.mk

.PHONY: deps test-deps test-packages build build-tests run test unit e2e time-sweep clean _unit _e2e

deps:
	@$(call apt_install,$(BUILD_PACKAGES))

test-deps: deps test-packages $(VENV)/.installed

test-packages:
	@$(call apt_install,$(TEST_PACKAGES))

build: deps
	$(SWIFT) build $(SWIFT_FLAGS) --product salesd
	$(SWIFT) build $(SWIFT_FLAGS) --product salesctl

build-tests: deps
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests

run: deps build
	exec "$(BIN)" run $(ARGS)

# Builds once, then runs both suites even when the first fails; fails if either did.
test: test-deps build-tests deb
	@rc=0; \
	$(MAKE) --no-print-directory _unit || rc=1; \
	$(MAKE) --no-print-directory _e2e SALESD_DEB="$(abspath $(DEB_FILE))" SALESD_RELEASE_BIN="$(abspath $(RELEASE_BIN))" || rc=1; \
	if (( rc )); then echo "make test: FAILED (see above; logs in $(ARTIFACTS)/)"; else echo "make test: all passed"; fi; \
	exit $$rc

unit: build-tests $(VENV)/.installed
	@$(MAKE) --no-print-directory _unit

e2e: build $(VENV)/.installed
	@$(MAKE) --no-print-directory _e2e

_unit:
	@mkdir -p $(ARTIFACTS)
	SALESD_TEST_PYTHON="$(TEST_PYTHON)" $(SWIFT) test $(SWIFT_FLAGS) --skip-build 2>&1 | tee $(ARTIFACTS)/unit.log

_e2e:
	@mkdir -p $(ARTIFACTS)
	e2e/services/journald.sh start
	SALESD_BIN="$(BIN)" SALESD_SCRATCH="$(SCRATCH)" SALESD_DEB_TEST_ROOT="$(DEB_TEST_ROOT)" SALESD_DEB="$(SALESD_DEB)" \
		SALESD_RELEASE_BIN="$(SALESD_RELEASE_BIN)" \
		SALESD_DEB_TEST_GNOME_ROOT="$(DEB_TEST_GNOME_ROOT)" \
		$(TEST_PYTHON) -m pytest $(E2E_TESTS) -v \
		--junitxml=$(ARTIFACTS)/e2e-junit.xml $(PYTEST_ARGS)

# check-config against the independent time oracle in every zone, every UTC offset change
# 2005–2037 (29 741 listings, 5.2 million reminders, ~20 min on 2 shared cores); make test
# runs a sample of it (821 listings). SWEEP_ARGS="--zones Europe/London --thin 10" narrows it.
time-sweep: build $(VENV)/.installed
	@mkdir -p $(ARTIFACTS)
	$(TEST_PYTHON) e2e/time_sweep.py "$(BIN)" --jobs $(or $(JOBS),2) $(SWEEP_ARGS) 2>&1 | tee $(ARTIFACTS)/time-sweep.log

# The Python packages of the tests (pytest, the reference Varlink client), in a venv that sees
# none of the interpreter's own site-packages: what requirements-test.txt lists is all there is.
# Redone only when requirements-test.txt changes; a venv from another interpreter is made anew.
$(VENV)/.installed: requirements-test.txt
	@if [ ! -x $(VENV)/bin/python ] || ! grep -q '^include-system-site-packages = false' $(VENV)/pyvenv.cfg; then \
		rm -rf $(VENV); $(PYTHON) -m venv $(VENV); fi
	@$(VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
	@touch $@

clean:
	$(SWIFT) package clean --scratch-path $(SCRATCH)
	rm -rf $(ARTIFACTS) $(VENV)

# make release (the Swift runtime linked in) and make deb: see release.mk.
include release.mk

# make install / make uninstall (and install-catalog): see install.mk.
include install.mk

# make bench: release-build benchmarks against peers, written to BENCHMARKS.md; see bench.mk.
include bench.mk
