#!/usr/bin/env bash
# Runs the end-to-end tests against the built desktop app (target/debug/sotay-desktop, or
# $CARGO_TARGET_DIR/debug/sotay-desktop) and CLI (…/debug/sotay, which the kiosk tests use to set the PIN
# and export the feedback); `make e2e` builds both first. Builds nothing itself.
#
# The files: e2e.test.mjs (the desktop app, issue 5), then kiosk.test.mjs (the app with --kiosk and its
# own data folder inside the run's, issue 6), then pack.test.mjs (handbook updates through the About panel,
# its own data folder too, issue 7), then manual.test.mjs (the user manual on F1 and in the kiosk's admin
# screen, issue 18), one after the other (they share the one tauri-driver).
#
# Starts tauri-driver (which drives /usr/bin/WebKitWebDriver) on a free local port under Xvfb, runs the
# tests with SOTAY_DATA_DIR set to a fresh temporary folder, always stops tauri-driver, the app and Xvfb,
# and exits with the tests' status. Screenshots, figures.json, kiosk-figures.json and pack-figures.json go to test-output/e2e/
# at the repo root.
#
# Environment: E2E_PROFILE (release: test target/release/sotay-desktop instead, for representative timings),
# E2E_APP and E2E_SOTAY (other binaries to test, e.g. those unpacked from the .deb by tests/package/test.sh),
# E2E_OUT (where screenshots and figures go, default test-output/e2e),
# TAURI_DRIVER (the tauri-driver binary; default: $TARGET_DIR/tools/bin/tauri-driver, then PATH,
# then ~/.cargo/bin), E2E_TIMEOUT (seconds for the whole test run, default 600), E2E_TEST_FILES (the test
# files, default "e2e.test.mjs kiosk.test.mjs pack.test.mjs manual.test.mjs forms.test.mjs"). Arguments are passed to `node --test`, e.g.
# ./run.sh --test-name-pattern=keyboard
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
app="${E2E_APP:-$target_dir/${E2E_PROFILE:-debug}/sotay-desktop}"
cli="${E2E_SOTAY:-$target_dir/${E2E_PROFILE:-debug}/sotay}"
native_driver=/usr/bin/WebKitWebDriver
out="${E2E_OUT:-$repo/test-output/e2e}"

die() { echo "e2e: $*" >&2; exit 2; }

[ -x "$app" ] || die "$app is missing: build it first (make e2e, or: cd ui && npm run build; cargo build -p sotay-desktop)"
[ -x "$cli" ] || die "$cli is missing: build it first (make e2e, or: cargo build -p sotay-cli)"
[ -x "$native_driver" ] || die "$native_driver is missing: install the Debian package webkit2gtk-driver"
command -v xvfb-run >/dev/null || die "xvfb-run is missing: install the Debian package xvfb"
driver="${TAURI_DRIVER:-}"
if [ -z "$driver" ]; then
  for d in "$target_dir/tools/bin/tauri-driver" "$(command -v tauri-driver || true)" "$HOME/.cargo/bin/tauri-driver"; do
    if [ -n "$d" ] && [ -x "$d" ]; then driver="$d"; break; fi
  done
fi
[ -n "$driver" ] && [ -x "$driver" ] || die "tauri-driver is missing: cargo install tauri-driver --locked (make e2e does it)"

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}
port="$(free_port)"
native_port="$(free_port)"
while [ "$native_port" = "$port" ]; do native_port="$(free_port)"; done

mkdir -p "$out"
rm -f "$out"/*.png "$out"/figures.json "$out"/kiosk-figures.json "$out"/pack-figures.json
data_dir="$(mktemp -d "${TMPDIR:-/tmp}/sotay-e2e-data.XXXXXX")"
export SOTAY_DATA_DIR="$data_dir"
log="$out/tauri-driver.log"

driver_pid=""
tests_pid=""
cleanup() {
  local status=$?
  if [ -n "$tests_pid" ]; then
    kill -TERM "$tests_pid" 2>/dev/null || true # timeout passes it on to node
    wait "$tests_pid" 2>/dev/null || true
  fi
  if [ -n "$driver_pid" ]; then
    # xvfb-run, Xvfb, tauri-driver, WebKitWebDriver and the app share the process group started by setsid.
    kill -TERM -- "-$driver_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 -- "-$driver_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$driver_pid" 2>/dev/null || true
    wait "$driver_pid" 2>/dev/null || true
  fi
  rm -rf "$data_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The build just before leaves hundreds of MB to write back to disk; the app's first start would read its
# libraries behind that queue, and the cold-start figure would measure the disk instead of the app.
t_sync=$(date +%s%N)
sync
echo ">> e2e: pending disk writes flushed first ($(( ($(date +%s%N) - t_sync) / 1000000 )) ms)"

echo ">> e2e: tauri-driver on 127.0.0.1:$port (WebKitWebDriver on $native_port) under Xvfb; app $app"
echo ">> e2e: SOTAY_DATA_DIR=$data_dir; screenshots and figures in $out"
setsid xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  "$driver" --port "$port" --native-port "$native_port" --native-driver "$native_driver" >"$log" 2>&1 &
driver_pid=$!

# Wait (at most 10 s) for tauri-driver to answer.
ready=""
for _ in $(seq 1 100); do
  if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:$port/status" 2>/dev/null; then ready=1; break; fi
  kill -0 "$driver_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "e2e: tauri-driver did not start; its log:" >&2
  cat "$log" >&2 || true
  exit 2
fi

cd "$here"
status=0
# In the background, so that an INT/TERM reaches the traps (and the clean-up) while the tests run.
# shellcheck disable=SC2086 # E2E_TEST_FILES is a list of file names
E2E_WEBDRIVER="http://127.0.0.1:$port" E2E_APP="$app" E2E_SOTAY="$cli" E2E_OUT="$out" E2E_PGID="$driver_pid" \
  timeout --kill-after=10 "${E2E_TIMEOUT:-600}" \
  node --test --test-concurrency=1 --test-reporter=spec "$@" ${E2E_TEST_FILES:-e2e.test.mjs kiosk.test.mjs pack.test.mjs manual.test.mjs forms.test.mjs} &
tests_pid=$!
wait "$tests_pid" || status=$?
tests_pid=""
[ "$status" -eq 124 ] && echo "e2e: the test run took longer than ${E2E_TIMEOUT:-600} s and was stopped" >&2
exit "$status"
