# apt_install: the one recipe that installs Debian packages, shared by the Makefile and bench.mk
# (which also runs on its own). Its recipe needs bash (SHELL := /bin/bash in the including file).

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Installs the Debian packages of $(1) that are not installed yet; quick when none is missing.
define apt_install
	missing=(); \
	for p in $(1); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$$p"); \
	done; \
	if (( $${#missing[@]} )); then \
		echo "Installing $${missing[*]}"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq "$${missing[@]}"; \
	fi
endef
