// The desktop app and CLI as unpacked from the .deb (tests/package/test.sh sets E2E_APP, E2E_SOTAY and
// E2E_PACKAGE_ROOT to the unpacked tree, issue 18): the desk and the kiosk start far enough to show their
// search field, and the README's kiosk recipe is followed once with the packaged `sotay` — set the PIN,
// enable the kiosk at login (an XDG autostart entry in a temporary XDG_CONFIG_HOME), trust the office's
// pack key — then the kiosk is started exactly as that entry says and its admin screen opened with the PIN.
// Every wait is on a condition.

import { after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Session, waitUntil } from './lib/webdriver.mjs';
import { e2eTests, screenshots } from './lib/harness.mjs';

const WEBDRIVER = process.env.E2E_WEBDRIVER ?? 'http://127.0.0.1:4444';
const APP = process.env.E2E_APP;
const SOTAY = process.env.E2E_SOTAY;
const ROOT = process.env.E2E_PACKAGE_ROOT;
const OUT = process.env.E2E_OUT ?? path.resolve('test-output/package');
assert.ok(ROOT, 'E2E_PACKAGE_ROOT must name the unpacked .deb (use tests/package/test.sh)');
assert.ok(process.env.SOTAY_DATA_DIR, 'SOTAY_DATA_DIR must be a fresh folder (use tests/e2e/run.sh)');
assert.equal(APP, path.join(ROOT, 'usr/bin/sotay-desktop'), 'the app under test is the unpacked one');
assert.equal(SOTAY, path.join(ROOT, 'usr/bin/sotay'), 'the CLI under test is the unpacked one');
fs.mkdirSync(OUT, { recursive: true });

const BASE = process.env.SOTAY_DATA_DIR;
const PIN = '730461';
const $ = {
  deskSearch: 'input[data-testid="search-input"]',
  kioskSearch: 'input[data-testid="kiosk-search"]',
  adminOpen: 'button[data-testid="admin-open"]',
  pinInput: 'input[data-testid="pin-input"]',
  pinSubmit: 'button[data-testid="pin-submit"]',
  pinError: '[data-testid="pin-error"]',
  admin: '[data-testid="admin"]',
};

let s; // the current session
const shot = screenshots(OUT, 'package-', () => s);
const e2e = e2eTests(shot, 120_000);

async function start(args) {
  s = await Session.create(WEBDRIVER, { alwaysMatch: { 'tauri:options': { application: APP, args } } });
  return s;
}

async function stop() {
  if (s) await s.delete().catch(() => {});
  s = null;
}

/** Runs the unpacked `sotay` with `args`; its standard output. */
function sotay(args, { input = '', env = {} } = {}) {
  return execFileSync(SOTAY, args, { input, env: { ...process.env, ...env }, encoding: 'utf8' });
}

/** The words of a desktop entry's Exec line (double-quoted arguments kept whole, as the spec has them). */
function execWords(line) {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

describe('the unpacked package', () => {
  after(stop);

  e2e('the desk starts and shows its search field', async () => {
    await start(['--data', path.join(BASE, 'desk')]);
    const input = await s.waitFor($.deskSearch, { timeout: 60_000 });
    assert.ok(input);
    await shot('desk');
    await stop();
  });

  e2e('the kiosk recipe: PIN, autostart at login, trusted key, then the admin screen opens with the PIN', async () => {
    const data = path.join(BASE, 'kiosk');
    const xdg = path.join(BASE, 'xdg-config');

    // 1. the administrator's PIN
    const setPin = sotay(['config', 'set-pin', '--data', data, '--pin-stdin'], { input: `${PIN}\n` });
    assert.match(setPin, /config\.toml/);

    // 2. the kiosk at login
    const enabled = sotay(['config', 'kiosk', '--autostart', '--data', data], { env: { XDG_CONFIG_HOME: xdg } });
    const entryFile = path.join(xdg, 'autostart', 'sotay-kiosk.desktop');
    assert.ok(enabled.includes(entryFile), enabled);
    const entry = fs.readFileSync(entryFile, 'utf8');
    assert.match(entry, /^\[Desktop Entry\]\n/);
    assert.match(entry, /^Type=Application$/m);
    const exec = /^Exec=(.*)$/m.exec(entry)?.[1];
    assert.ok(exec, `an Exec line in ${entryFile}`);
    const [program, ...args] = execWords(exec);
    assert.equal(program, 'sotay-desktop', 'the entry runs the program the package puts on PATH');
    assert.ok(fs.statSync(path.join(ROOT, 'usr/bin', program)).isFile(), `/usr/bin/${program} is in the package`);
    assert.deepEqual(args, ['--kiosk', '--data', data]);

    // 3. the office's pack key
    const key = path.join(BASE, 'office.key');
    sotay(['pack', 'keygen', '--out', key]);
    sotay(['config', 'trust-key', `${key}.pub`, '--data', data]);
    const shown = sotay(['config', 'show', '--data', data]);
    assert.match(shown, /^kiosk\.pin = set$/m);
    assert.match(shown, /^packs\.trusted_keys = 1$/m);

    // The session starts the kiosk as the autostart entry says (its program as the package installs it).
    await start(args);
    await s.waitFor($.kioskSearch, { timeout: 60_000 });
    await shot('kiosk');
    await s.click(await s.waitFor($.adminOpen));
    const pin = await s.waitFor($.pinInput);
    await s.sendKeys(pin, PIN);
    await s.click(await s.waitFor($.pinSubmit));
    const outcome = await waitUntil(
      async () => ((await s.shown($.admin)) ? 'admin' : (await s.shown($.pinError)) ? 'error' : null),
      { what: 'the admin screen or a PIN error', timeout: 20_000 },
    );
    assert.equal(outcome, 'admin', 'the PIN set with the packaged CLI opens the admin screen');
    await shot('kiosk-admin');
    await stop();

    // and the kiosk no longer starts at login once asked
    sotay(['config', 'kiosk', '--no-autostart'], { env: { XDG_CONFIG_HOME: xdg } });
    assert.equal(fs.existsSync(entryFile), false);
  });
});
