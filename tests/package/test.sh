#!/usr/bin/env bash
# Tests the built .deb as an installation would see it: unpacks it (dpkg-deb -x) into a temporary root and
# checks what it holds — both binaries, the man pages, the shell completions, the licence and changelog,
# both desktop entries and their key fields, the control fields (version = the app's, dependencies), and
# that it ships no maintainer script (upgrading or removing it cannot touch the data folder) — then runs
# the unpacked `sotay --version` and `sotay check`, and drives the unpacked `sotay-desktop` under Xvfb
# through tests/e2e/run.sh (tests/e2e/package.test.mjs: desk and kiosk up to the search field, and the
# kiosk recipe: PIN, autostart entry, trusted key, admin screen opened with that PIN).
#
# Usage: tests/package/test.sh PATH/TO/sotay_VERSION_ARCH.deb   (`make package-test` builds a debug .deb
# first and calls it; `make test` calls `make package-test`). TAURI_DRIVER is passed on to run.sh.
set -euo pipefail

deb="${1:?usage: tests/package/test.sh FILE.deb}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ -f "$deb" ] || { echo "package-test: $deb is missing" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/sotay-package-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/root"
failures=0
fail() { echo "package-test: FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "package-test: ok: $*"; }

dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$work/control"
echo ">> package-test: $deb unpacked into $root"

# -- control: version, dependencies, no maintainer scripts
field() { sed -n "s/^$1: //p" "$work/control/control"; }
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$repo/Cargo.toml" | head -n1)"
[ "$(field Version)" = "$version" ] && ok "Version $version (Cargo.toml's)" || fail "Version $(field Version), Cargo.toml says $version"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  field Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$dep" && ok "Depends: $dep" || fail "Depends lacks $dep: $(field Depends)"
done
for script in preinst postinst prerm postrm; do
  [ ! -e "$work/control/$script" ] || fail "the package ships a $script script (it must not touch user data)"
done
ok "no maintainer scripts"
if dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' | grep -Ev '^(usr(/.*)?|)$'; then
  fail "files outside /usr (above)"
else
  ok "every file under /usr (the data folder is the user's, never the package's)"
fi

# -- files
for f in usr/bin/sotay usr/bin/sotay-desktop; do
  [ -x "$root/$f" ] && ok "/$f" || fail "/$f missing or not executable"
done
man="$root/usr/share/man/man1"
for page in sotay sotay-check sotay-search sotay-config sotay-config-set-pin sotay-config-trust-key \
  sotay-config-kiosk sotay-pack-install sotay-feedback-export; do
  if [ -f "$man/$page.1.gz" ] && zcat "$man/$page.1.gz" | grep -q "^\.TH ${page^^} 1"; then
    ok "man page $page(1)"
  else
    fail "man page $page.1.gz missing or without its .TH line"
  fi
done
for c in usr/share/bash-completion/completions/sotay usr/share/zsh/vendor-completions/_sotay \
  usr/share/fish/vendor_completions.d/sotay.fish; do
  grep -q "trust-key" "$root/$c" 2>/dev/null && ok "completion /$c" || fail "completion /$c missing or stale"
done
doc="$root/usr/share/doc/sotay"
grep -q "^License: MIT" "$doc/copyright" 2>/dev/null && ok "copyright (MIT)" || fail "/usr/share/doc/sotay/copyright missing or without the licence"
zcat "$doc/changelog.gz" 2>/dev/null | grep -q "^## $version" && ok "changelog.gz names $version" || fail "changelog.gz missing or without ## $version"

# -- desktop entries: key=value lines checked exactly
apps="$root/usr/share/applications"
entry_has() { # FILE LINE
  grep -qxF -- "$2" "$1" 2>/dev/null || { fail "$(basename "$1"): no line '$2'"; return 0; }
}
desk="$apps/sotay.desktop"
kiosk="$apps/sotay-kiosk.desktop"
for line in "Name=Sổ tay thủ tục hành chính" "Name[en]=Administrative procedures handbook" "Categories=Office;" \
  "Exec=sotay-desktop" "Type=Application" "Icon=sotay-desktop"; do
  entry_has "$desk" "$line"
done
for line in "Name=Sổ tay thủ tục hành chính — Kiosk" "Categories=Office;" "Exec=sotay-desktop --kiosk" \
  "Type=Application" "Icon=sotay-desktop"; do
  entry_has "$kiosk" "$line"
done
for f in "$desk" "$kiosk"; do
  for key in 'GenericName=' 'GenericName\[en\]=' 'Keywords=.*thủ tục' 'Keywords\[en\]=.*procedure'; do
    grep -q "^$key" "$f" 2>/dev/null || fail "$(basename "$f"): no ${key//\\/} line"
  done
done
icon="$(sed -n 's/^Icon=//p' "$desk")"
ls "$root"/usr/share/icons/hicolor/*/apps/"$icon".png >/dev/null 2>&1 && ok "icon $icon" || fail "no icon $icon.png"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desk" "$kiosk" && ok "desktop-file-validate" || fail "desktop-file-validate"
fi
ok "desktop entries checked"

# -- the unpacked CLI
got="$("$root/usr/bin/sotay" --version)"
[ "$got" = "sotay $version" ] && ok "sotay --version: $got" || fail "sotay --version said '$got'"
export SOTAY_DATA_DIR="$work/cli-data"
if out="$("$root/usr/bin/sotay" check 2>&1)"; then ok "sotay check: $out"; else fail "sotay check: $out"; fi

if [ "$failures" -ne 0 ]; then
  echo "package-test: $failures failure(s) in the package's contents" >&2
  exit 1
fi

# -- the unpacked desktop app, driven under Xvfb (desk, kiosk, the kiosk recipe)
E2E_APP="$root/usr/bin/sotay-desktop" E2E_SOTAY="$root/usr/bin/sotay" E2E_PACKAGE_ROOT="$root" \
  E2E_OUT="$repo/test-output/package" E2E_TEST_FILES=package.test.mjs "$repo/tests/e2e/run.sh"
echo ">> package-test: all checks passed"
