# sotay — Sổ tay thủ tục hành chính
#
#   make run      set up what is missing, then launch the desktop app (debug build)
#   make test     set up what is missing, then run everything CI checks
#   make build    release build of the CLI and the desktop app (UI included):
#                 target/release/sotay and target/release/sotay-desktop
#   make package  a .deb through the Tauri bundler (release): sotay-desktop and the sotay CLI, man pages,
#                 completions, licence, changelog, desk and kiosk desktop entries
#   make package-test  build a debug .deb and test it unpacked (tests/package/test.sh); part of make test
#   make ipc-types  regenerate ui/src/lib/ipc.gen.ts (the UI's IPC types) from the Rust types
#
# On a fresh Debian/Ubuntu machine `make run` and `make test` install what they need themselves
# (Debian packages with apt, npm packages with `npm ci`, crates with cargo) and say what they install.
# Every set-up step is idempotent: it checks first and does nothing when the thing is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
NPM ?= npm
# Where cargo puts its output; CI may point this outside the clone to reuse a warm build.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
SOTAY := $(TARGET_DIR)/debug/sotay
# The WebDriver server of the end-to-end and package tests (installed into the target folder).
TAURI_DRIVER_VERSION := 2.1.0
TAURI_DRIVER := $(TARGET_DIR)/tools/bin/tauri-driver

# Debian packages needed to build and run the Tauri shell (WebKitGTK 4.1) and its end-to-end tests, and
# the kiosk's speech output (espeak-ng synthesises, aplay of alsa-utils plays; both run as programs);
# poppler-utils gives the form tests `pdftotext`.
APT_PACKAGES := build-essential pkg-config curl file libssl-dev libxdo-dev libgtk-3-dev \
	libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev xvfb webkit2gtk-driver xauth \
	espeak-ng alsa-utils poppler-utils

# The relevance gate on the judged queries (issue targets: R@5 ≥ 0.98, MRR@10 ≥ 0.90, and no typing style
# losing more than 5% of MRR against the accented form).
EVAL_GATE := --min-r5 0.98 --min-mrr 0.90 --max-style-loss 0.05

.PHONY: help setup setup-system setup-ui setup-e2e ui run test test-rust test-ui lint eval e2e build package \
	package-files package-test ipc-types clean

help:
	@echo "make run | test | build | package | ipc-types   (see the top of the Makefile)"

## ---------------------------------------------------------------- set-up

setup: setup-system setup-ui

# Installs the Debian packages that are missing (none when all are present).
setup-system:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo ">> Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo ">> Debian packages: all present"; \
	fi
	@command -v $(CARGO) >/dev/null || { echo "cargo is missing: install Rust with rustup (https://rustup.rs)"; exit 1; }
	@command -v $(NPM) >/dev/null || { echo "npm is missing: install Node.js 20 or newer"; exit 1; }

# Installs the UI's npm packages exactly as locked, when the lock file changed since the last install.
setup-ui: ui/node_modules/.installed

ui/node_modules/.installed: ui/package.json ui/package-lock.json
	@echo ">> Installing npm packages (npm ci in ui/)"
	cd ui && $(NPM) ci --no-audit --no-fund
	@touch $@

## ---------------------------------------------------------------- build

# The web UI, compiled into ui/dist (the desktop crate embeds it at compile time).
ui: setup-ui
	cd ui && $(NPM) run build

run: setup ui
	$(CARGO) run -p sotay-desktop

build: setup ui
	$(CARGO) build --release -p sotay-cli -p sotay-desktop
	@echo ">> Built $(TARGET_DIR)/release/sotay and $(TARGET_DIR)/release/sotay-desktop"

# The package's files beyond Tauri's own (the CLI, man pages and completions generated from its clap
# definition, licence, changelog, the kiosk desktop entry) are laid out by xtask, which also writes the
# `--config` that maps them into the .deb (bundle.linux.deb.files): the staging folder lives under the
# target folder, wherever CARGO_TARGET_DIR puts it. PROFILE is release or debug.
PROFILE ?= release
PACKAGE_FILES = $(TARGET_DIR)/package-files/$(PROFILE)

package-files:
	$(CARGO) build $(if $(filter release,$(PROFILE)),--release) -p sotay-cli
	$(CARGO) run -q -p xtask -- package-files --sotay $(TARGET_DIR)/$(PROFILE)/sotay --out $(PACKAGE_FILES)
	rm -f $(TARGET_DIR)/$(PROFILE)/bundle/deb/*.deb
	ui/node_modules/.bin/tauri build $(if $(filter debug,$(PROFILE)),--debug) --bundles deb \
	  --config $(PACKAGE_FILES)/tauri.deb.json

package: setup ui
	$(MAKE) package-files PROFILE=release
	@ls -1 $(TARGET_DIR)/release/bundle/deb/*.deb

# The debug .deb (it reuses the test build), unpacked and tested: contents, the CLI, the app under Xvfb
# (desk, kiosk) and the kiosk recipe.
package-test: setup ui setup-e2e $(TAURI_DRIVER)
	$(MAKE) package-files PROFILE=debug
	TAURI_DRIVER=$(TAURI_DRIVER) tests/package/test.sh $(TARGET_DIR)/debug/bundle/deb/*.deb

## ---------------------------------------------------------------- checks

test: setup ui lint test-rust test-ui eval e2e package-test
	@echo ">> All checks passed"

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p sotay -p sotay-desktop --all-targets --features sotay-desktop/ts -- -D warnings

# The UI's IPC types (ui/src/lib/ipc.gen.ts), generated from the Rust types the commands take and return;
# test-rust fails when the committed file differs from what the Rust types give.
ipc-types:
	SOTAY_WRITE_IPC_TYPES=1 $(CARGO) test -p sotay-desktop --features ts --test ipc_types

test-rust:
	$(CARGO) test --workspace
	$(CARGO) test -p sotay-desktop --features ts --test ipc_types
	$(CARGO) build -p sotay-cli
	$(SOTAY) check content --today "$(CONTENT_DAY)"

# The day the content checks count as today: the date of the checked-out commit, so that a commit's CI result
# does not change with the calendar (a fee's end date passing turns a green commit red otherwise); a commit made
# after such a date still fails until the guide is updated. `sotay check` run by hand uses the real date.
CONTENT_DAY := $(shell git -C $(CURDIR) log -1 --format=%cs 2>/dev/null || date +%F)

test-ui: setup-ui
	cd ui && $(NPM) run check && $(NPM) test

# Relevance. Gated: the project's judged queries (tuning set) on the default handbook (the edited guides
# and the national catalogue). Reported, never gated: the long situation questions (tuning), the held-out
# real questions (tests/relevance/heldout.tsv: measured only, never tuned on) on the default handbook, the
# edited guides alone and the national records alone, and the public development set of ../shared when it
# is there (it is not needed on a fresh machine).
eval:
	$(SOTAY) eval tests/relevance/queries.tsv $(EVAL_GATE)
	@echo ">> Situation questions tests/relevance/situations.tsv (tuning; reported, not gated):"
	$(SOTAY) eval tests/relevance/situations.tsv
	@echo ">> Real questions tests/relevance/real-tuning.tsv, --scope national (tuning; reported, not gated):"
	$(SOTAY) eval tests/relevance/real-tuning.tsv --scope national
	@for scope in all edited national; do \
	  echo ">> Held-out real questions tests/relevance/heldout.tsv, --scope $$scope (reported, not gated):"; \
	  $(SOTAY) eval tests/relevance/heldout.tsv --scope $$scope; \
	done
	@if [ -f ../shared/eval/dev-queries.tsv ]; then \
	  echo ">> Development set ../shared/eval/dev-queries.tsv (reported, not gated):"; \
	  $(SOTAY) eval ../shared/eval/dev-queries.tsv; \
	else \
	  echo ">> ../shared/eval/dev-queries.tsv is absent: development-set report skipped"; \
	fi

# End-to-end tests: the real desktop app (debug build, UI embedded), as a desktop and as a kiosk
# (--kiosk; the CLI sets its PIN and exports its feedback), driven through tauri-driver and WebKitWebDriver
# under Xvfb (tests/e2e/run.sh). Screenshots and measured figures go to test-output/e2e/.

e2e: setup ui setup-e2e $(TAURI_DRIVER)
	$(CARGO) build -p sotay-cli -p sotay-desktop
	TAURI_DRIVER=$(TAURI_DRIVER) tests/e2e/run.sh

# Installs tauri-driver from crates.io into $(TARGET_DIR)/tools, when it is not there yet.
$(TAURI_DRIVER):
	@echo ">> Installing tauri-driver $(TAURI_DRIVER_VERSION) (cargo install into $(TARGET_DIR)/tools)"
	$(CARGO) install tauri-driver --version $(TAURI_DRIVER_VERSION) --locked --root $(TARGET_DIR)/tools

# The e2e tests' npm packages exactly as locked, when the lock file changed since the last install.
setup-e2e: tests/e2e/node_modules/.installed

tests/e2e/node_modules/.installed: tests/e2e/package.json tests/e2e/package-lock.json
	@echo ">> Installing npm packages (npm ci in tests/e2e/)"
	cd tests/e2e && $(NPM) ci --no-audit --no-fund
	@mkdir -p $(@D) && touch $@

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/node_modules tests/e2e/node_modules
