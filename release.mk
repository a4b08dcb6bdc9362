# The release build and the Debian package.
#
#   make release   optimised salesd and salesctl with the Swift runtime linked in: run without Swift
#   make deb       salesd_VERSION_ARCH.deb from that binary, with Debian's own tools
#
# --static-swift-stdlib links the Swift runtime and Foundation into the binary. libc, libsystemd
# and libsqlite3 stay shared: Debian 12 ships no static libsystemd, and shared system libraries
# get the distribution's security updates. dpkg-shlibdeps turns them into the package's Depends.
#
# Works on its own (make -f release.mk deb) or included from the Makefile.

RELEASE_SOURCE := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
RELEASE_MK_INCLUDED := yes

SWIFT ?= swift
SCRATCH ?= .build
RELEASE_SCRATCH ?= .build-release
# -z now: every symbol bound at start, so the relocation table can be read-only (RELRO).
RELEASE_FLAGS := -c release --static-swift-stdlib --scratch-path $(RELEASE_SCRATCH) -Xlinker -z -Xlinker now
RELEASE_BIN = $(RELEASE_SOURCE)/$(RELEASE_SCRATCH)/release/salesd
# salesctl: `ctl status` without Foundation's ICU, argument-parser or GRDB; it links only
# FoundationEssentials, so it starts several times faster than salesd.
RELEASE_CTL = $(RELEASE_SOURCE)/$(RELEASE_SCRATCH)/release/salesctl
# The man page is made from the debug build's help (the same text, without a second release
# build), then tidied for man: swift-argument-parser leaves blank lines (paragraph breaks in
# roff are .Pp) and lines starting with ' (a roff control character) in the discussions.
GENERATED_MAN_PAGE = $(RELEASE_SOURCE)/$(SCRATCH)/plugins/GenerateManual/outputs/salesd/salesd.1
RELEASE_MAN = $(RELEASE_SOURCE)/$(RELEASE_SCRATCH)/salesd.1
DEB_ARCH = $(shell dpkg --print-architecture)
DEB_STAGE = $(RELEASE_SOURCE)/$(RELEASE_SCRATCH)/deb
DEB_PACKAGES := dpkg-dev lintian
# Where the .deb is written (make deb DEB_DIR=…), and its name once built.
DEB_DIR ?= $(RELEASE_SOURCE)
DEB_FILE = $(DEB_DIR)/salesd_$(shell sed -n 's/.*current = "\(.*\)"/\1/p' $(RELEASE_SOURCE)/Sources/SalesDaemon/SalesdVersion.swift)_$(DEB_ARCH).deb

.PHONY: release release-man deb deb-lint

release:
	cd $(RELEASE_SOURCE) && $(SWIFT) build $(RELEASE_FLAGS) --product salesd
	cd $(RELEASE_SOURCE) && $(SWIFT) build $(RELEASE_FLAGS) --product salesctl
	@echo "salesd release build: $(RELEASE_BIN) ($$(du -h --apparent-size $(RELEASE_BIN) | cut -f1))"
	@echo "salesctl release build: $(RELEASE_CTL) ($$(du -h --apparent-size $(RELEASE_CTL) | cut -f1))"

release-man:
	cd $(RELEASE_SOURCE) && $(SWIFT) package --scratch-path $(SCRATCH) plugin generate-manual --configuration debug
	@mkdir -p $(dir $(RELEASE_MAN))
	sed -e 's/^$$/.Pp/' -e "s/^'/\\\\\&'/" $(GENERATED_MAN_PAGE) >$(RELEASE_MAN)

# The package tree comes from install.mk (PREFIX=/usr, DESTDIR=the stage), then Debian's tools:
# a stripped binary, a gzipped man page and changelog, Depends from dpkg-shlibdeps, dpkg-deb.
deb: release release-man
	@set -eu; \
	version=$$($(RELEASE_BIN) --version); \
	arch='$(DEB_ARCH)'; \
	stage='$(DEB_STAGE)'; root="$$stage/root"; \
	deb='$(DEB_DIR)'/salesd_$${version}_$${arch}.deb; \
	rm -rf "$$stage"; mkdir -p "$$root/DEBIAN" "$$stage/debian"; \
	$(MAKE) --no-print-directory -C $(RELEASE_SOURCE) -f install.mk install PREFIX=/usr DESTDIR="$$(realpath "$$root")" \
		INSTALL_BIN="$$(realpath $(RELEASE_BIN))" INSTALL_CTL="$$(realpath $(RELEASE_CTL))" \
		INSTALL_MAN="$$(realpath $(RELEASE_MAN))" \
		ZSH_COMPLETION_DIR=/usr/share/zsh/vendor-completions >/dev/null; \
	strip --strip-unneeded --remove-section=.comment --remove-section=.note "$$root/usr/bin/salesd" "$$root/usr/bin/salesctl"; \
	sed -i '1{/^#!/d}' "$$root/usr/share/bash-completion/completions/salesd"; \
	gzip -9n "$$root/usr/share/man/man1/salesd.1" "$$root/usr/share/man/man1/salesctl.1"; \
	doc="$$root/usr/share/doc/salesd"; \
	install -D -m 0644 packaging/deb/copyright "$$doc/copyright"; \
	sed "s/@VERSION@/$$version/; s/@DATE@/$$(date -R -u -d @$$(git -C $(RELEASE_SOURCE) log -1 --format=%ct 2>/dev/null || date +%s))/" \
		packaging/deb/changelog | gzip -9n >"$$doc/changelog.gz"; \
	sed "s/@VERSION@/$$version/" packaging/deb/control >"$$stage/debian/control"; \
	depends=$$(cd "$$stage" && dpkg-shlibdeps -O -e"root/usr/bin/salesd" -e"root/usr/bin/salesctl" 2>/dev/null | sed -n 's/^shlibs:Depends=//p'); \
	[ -n "$$depends" ] || { echo "deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }; \
	size=$$(du -sk --exclude=DEBIAN "$$root" | cut -f1); \
	sed -n '/^Package:/,$$p' "$$stage/debian/control" | \
		sed "s/@ARCH@/$$arch/; s/@DEPENDS@/$$depends/; s/@SIZE@/$$size/" >"$$root/DEBIAN/control"; \
	(cd "$$root" && find usr -type f -exec md5sum {} + | sort -k2) >"$$root/DEBIAN/md5sums"; \
	chmod 0644 "$$root/DEBIAN/control" "$$root/DEBIAN/md5sums"; \
	find "$$root" -type d -exec chmod 0755 {} +; \
	dpkg-deb --root-owner-group -Zxz --build "$$root" "$$deb" >/dev/null; \
	echo "deb: $$deb ($$(du -h --apparent-size "$$deb" | cut -f1)); Depends: $$depends"

# Lintian's verdict on the package make deb wrote; prints every tag it gives.
deb-lint: deb
	lintian --info --display-info --pedantic $(DEB_DIR)/salesd_$$($(RELEASE_BIN) --version)_$(DEB_ARCH).deb
