# Installs salesd for one user (the default) or for every user of the machine, and removes it.
#
#   make install                     # binary in ~/.local/bin, units in ~/.config/systemd/user
#   sudo make install PREFIX=/usr/local   # for everyone: units in /usr/local/lib/systemd/user
#   make uninstall [PREFIX=…]        # removes exactly what install put there
#   sudo make install-catalog        # after a home install: lets `journalctl -x` explain entries
#
# Then, as the user: systemctl --user daemon-reload && systemctl --user enable --now salesd.socket
#
# It builds the release binary of release.mk (the daemon runs all day: optimised code, and the
# Swift runtime linked in, so it runs on a machine without Swift) and the man page
# (swift-argument-parser's generate-manual plugin), and writes the shell completions the binary
# prints, and the desktop file and icon that name salesd's notifications. To install what is
# already built instead, without Swift:
#   make install INSTALL_BIN=path/to/salesd INSTALL_MAN=path/to/salesd.1
# (salesctl, the small client for `ctl status`, is taken from beside INSTALL_BIN unless INSTALL_CTL names it.)
# DESTDIR=… stages the whole tree elsewhere (for packaging); the units still name PREFIX.
#
# Works on its own (make -f install.mk install) or included from the Makefile.

INSTALL_SOURCE := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

SWIFT ?= swift
SCRATCH ?= .build
PREFIX ?= $(HOME)/.local
DESTDIR ?=
INSTALL ?= install
RELEASE_SCRATCH ?= .build-release
INSTALL_BIN ?=
INSTALL_CTL ?=
INSTALL_MAN ?=
# Where journalctl looks for catalogs that are not the distribution's.
SYSTEM_CATALOG_DIR ?= /usr/local/lib/systemd/catalog

# A prefix inside HOME is a per-user install: units, completions and the man page go where
# the user's systemd, shells and man look by themselves (the XDG folders).
INSTALL_CONFIG_HOME := $(or $(XDG_CONFIG_HOME),$(HOME)/.config)
INSTALL_DATA_HOME := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
ifneq ($(filter $(HOME)/%,$(PREFIX)),)
INSTALL_SCOPE := home
UNIT_DIR := $(INSTALL_CONFIG_HOME)/systemd/user
BASH_COMPLETION_DIR := $(INSTALL_DATA_HOME)/bash-completion/completions
ZSH_COMPLETION_DIR ?= $(INSTALL_DATA_HOME)/zsh/site-functions
FISH_COMPLETION_DIR := $(INSTALL_CONFIG_HOME)/fish/completions
APPLICATIONS_DIR := $(INSTALL_DATA_HOME)/applications
ICON_DIR := $(INSTALL_DATA_HOME)/icons/hicolor/scalable/apps
else
INSTALL_SCOPE := system
UNIT_DIR := $(PREFIX)/lib/systemd/user
BASH_COMPLETION_DIR := $(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR := $(PREFIX)/share/fish/vendor_completions.d
APPLICATIONS_DIR := $(PREFIX)/share/applications
ICON_DIR := $(PREFIX)/share/icons/hicolor/scalable/apps
endif
BIN_DIR := $(PREFIX)/bin
MAN_DIR := $(PREFIX)/share/man/man1
CATALOG_DIR := $(PREFIX)/lib/systemd/catalog

# Every file install writes, as it is named on the target system (without DESTDIR).
INSTALLED_FILES := \
	$(BIN_DIR)/salesd \
	$(BIN_DIR)/salesctl \
	$(UNIT_DIR)/salesd.service \
	$(UNIT_DIR)/salesd.socket \
	$(UNIT_DIR)/salesd-failed.service \
	$(CATALOG_DIR)/salesd.catalog \
	$(BASH_COMPLETION_DIR)/salesd \
	$(ZSH_COMPLETION_DIR)/_salesd \
	$(FISH_COMPLETION_DIR)/salesd.fish \
	$(MAN_DIR)/salesd.1 \
	$(MAN_DIR)/salesctl.1 \
	$(APPLICATIONS_DIR)/salesd.desktop \
	$(ICON_DIR)/salesd.svg

# Where release.mk's release-man leaves the man page.
GENERATED_MAN = $(RELEASE_MAN)
AS_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo yes)

ifndef RELEASE_MK_INCLUDED
include $(INSTALL_SOURCE)/release.mk
endif

.PHONY: install install-artifacts uninstall install-catalog uninstall-catalog

# Builds the binary (make release: the Swift runtime linked in) and the man page unless both
# were given.
install-artifacts:
ifeq ($(INSTALL_BIN),)
	$(MAKE) --no-print-directory -C $(INSTALL_SOURCE) -f release.mk release
endif
ifeq ($(INSTALL_MAN),)
	$(MAKE) --no-print-directory -C $(INSTALL_SOURCE) -f release.mk release-man
endif

install: install-artifacts
	@set -eu; \
	bin='$(abspath $(INSTALL_BIN))'; \
	man='$(abspath $(INSTALL_MAN))'; \
	cd $(INSTALL_SOURCE); \
	if [ -z "$$bin" ]; then bin='$(RELEASE_SCRATCH)/release/salesd'; fi; \
	if [ -z "$$man" ]; then man='$(GENERATED_MAN)'; fi; \
	ctl='$(abspath $(INSTALL_CTL))'; if [ -z "$$ctl" ]; then ctl="$$(dirname "$$bin")/salesctl"; fi; \
	[ -x "$$bin" ] || { echo "install: no salesd binary at $$bin (build it, or set INSTALL_BIN=path)" >&2; exit 1; }; \
	[ -x "$$ctl" ] || { echo "install: no salesctl binary at $$ctl (build it, or set INSTALL_CTL=path)" >&2; exit 1; }; \
	[ -f "$$man" ] || { echo "install: no man page at $$man (set INSTALL_MAN=path)" >&2; exit 1; }; \
	staging=$$(mktemp -d); trap 'rm -rf "$$staging"' EXIT; \
	"$$bin" --generate-completion-script bash >"$$staging/bash"; \
	"$$bin" --generate-completion-script zsh >"$$staging/zsh"; \
	"$$bin" --generate-completion-script fish >"$$staging/fish"; \
	for unit in salesd.service salesd.socket salesd-failed.service; do \
		sed 's|%h/\.local/bin/salesd|$(BIN_DIR)/salesd|g' systemd/$$unit >"$$staging/$$unit"; \
	done; \
	echo "Installing salesd into $(DESTDIR)$(PREFIX) (units in $(DESTDIR)$(UNIT_DIR))"; \
	$(INSTALL) -D -m 0755 "$$bin" '$(DESTDIR)$(BIN_DIR)/salesd'; \
	$(INSTALL) -D -m 0755 "$$ctl" '$(DESTDIR)$(BIN_DIR)/salesctl'; \
	$(INSTALL) -D -m 0644 "$$staging/salesd.service" '$(DESTDIR)$(UNIT_DIR)/salesd.service'; \
	$(INSTALL) -D -m 0644 "$$staging/salesd.socket" '$(DESTDIR)$(UNIT_DIR)/salesd.socket'; \
	$(INSTALL) -D -m 0644 "$$staging/salesd-failed.service" '$(DESTDIR)$(UNIT_DIR)/salesd-failed.service'; \
	$(INSTALL) -D -m 0644 systemd/salesd.catalog '$(DESTDIR)$(CATALOG_DIR)/salesd.catalog'; \
	$(INSTALL) -D -m 0644 "$$staging/bash" '$(DESTDIR)$(BASH_COMPLETION_DIR)/salesd'; \
	$(INSTALL) -D -m 0644 "$$staging/zsh" '$(DESTDIR)$(ZSH_COMPLETION_DIR)/_salesd'; \
	$(INSTALL) -D -m 0644 "$$staging/fish" '$(DESTDIR)$(FISH_COMPLETION_DIR)/salesd.fish'; \
	$(INSTALL) -D -m 0644 "$$man" '$(DESTDIR)$(MAN_DIR)/salesd.1'; \
	$(INSTALL) -D -m 0644 docs/man/salesctl.1 '$(DESTDIR)$(MAN_DIR)/salesctl.1'; \
	sed 's|^Exec=salesd |Exec=$(BIN_DIR)/salesd |' desktop/salesd.desktop >"$$staging/salesd.desktop"; \
	$(INSTALL) -D -m 0644 "$$staging/salesd.desktop" '$(DESTDIR)$(APPLICATIONS_DIR)/salesd.desktop'; \
	$(INSTALL) -D -m 0644 desktop/salesd.svg '$(DESTDIR)$(ICON_DIR)/salesd.svg'; \
	if [ -z '$(DESTDIR)' ] && [ '$(INSTALL_SCOPE)' = system ] && [ '$(AS_ROOT)' = yes ]; then \
		journalctl --update-catalog; \
	fi; \
	if [ '$(INSTALL_SCOPE)' = home ]; then \
		echo "Next: systemctl --user daemon-reload && systemctl --user enable --now salesd.socket"; \
		echo "journalctl reads no catalog in your home: run 'sudo make install-catalog' for journalctl -x"; \
	else \
		echo "Next, as each user: systemctl --user daemon-reload && systemctl --user enable --now salesd.socket"; \
	fi

uninstall:
	@echo "Removing salesd from $(DESTDIR)$(PREFIX) (units in $(DESTDIR)$(UNIT_DIR))"
	rm -f $(foreach file,$(INSTALLED_FILES),'$(DESTDIR)$(file)')
	@if [ -z '$(DESTDIR)' ] && [ '$(INSTALL_SCOPE)' = system ] && [ '$(AS_ROOT)' = yes ]; then \
		journalctl --update-catalog; \
	fi

# journalctl only reads catalogs from system folders, and only root may rebuild its database.
install-catalog:
	$(INSTALL) -D -m 0644 $(INSTALL_SOURCE)/systemd/salesd.catalog '$(DESTDIR)$(SYSTEM_CATALOG_DIR)/salesd.catalog'
	@if [ -z '$(DESTDIR)' ]; then journalctl --update-catalog; fi

uninstall-catalog:
	rm -f '$(DESTDIR)$(SYSTEM_CATALOG_DIR)/salesd.catalog'
	@if [ -z '$(DESTDIR)' ]; then journalctl --update-catalog; fi
