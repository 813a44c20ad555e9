// The user manual ("Hướng dẫn", issue 18) in the real app: F1 at the desk opens it in the UI's language,
// Escape closes it; in kiosk mode it opens from the admin screen (after the PIN set with the CLI). The text
// is the core's (docs/manual.md), so the test checks its section titles and one recipe line.
// Every wait is on a condition.

import { after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Key, Session, waitUntil } from './lib/webdriver.mjs';
import { e2eTests, screenshots } from './lib/harness.mjs';

const WEBDRIVER = process.env.E2E_WEBDRIVER ?? 'http://127.0.0.1:4444';
const APP = process.env.E2E_APP;
const SOTAY = process.env.E2E_SOTAY;
const OUT = process.env.E2E_OUT ?? path.resolve('test-output/e2e');
assert.ok(APP, 'E2E_APP must name the sotay-desktop binary (use tests/e2e/run.sh)');
assert.ok(SOTAY, 'E2E_SOTAY must name the sotay CLI (use tests/e2e/run.sh)');
assert.ok(process.env.SOTAY_DATA_DIR, 'SOTAY_DATA_DIR must be a fresh folder (use tests/e2e/run.sh)');
fs.mkdirSync(OUT, { recursive: true });

const BASE = process.env.SOTAY_DATA_DIR;
const PIN = '519372';
const TITLES = ['Tra cứu ở quầy một cửa', 'Dùng trên máy xách tay khi đăng ký lưu động', 'Quản trị'];
const $ = {
  deskSearch: 'input[data-testid="search-input"]',
  kioskSearch: 'input[data-testid="kiosk-search"]',
  manual: 'dialog[data-testid="manual"]',
  manualClose: 'button[data-testid="manual-close"]',
  adminOpen: 'button[data-testid="admin-open"]',
  pinInput: 'input[data-testid="pin-input"]',
  pinSubmit: 'button[data-testid="pin-submit"]',
  admin: '[data-testid="admin"]',
  adminManual: 'button[data-testid="admin-manual"]',
};

let s; // the current session
const shot = screenshots(OUT, 'manual-', () => s);
const e2e = e2eTests(shot);

async function start(args) {
  s = await Session.create(WEBDRIVER, { alwaysMatch: { 'tauri:options': { application: APP, args } } });
}

async function stop() {
  if (s) await s.delete().catch(() => {});
  s = null;
}

/** The manual's section titles once it has loaded them from the shell. */
function sectionTitles() {
  return waitUntil(
    async () => {
      const titles = await s.execute(
        `return [...document.querySelectorAll(arguments[0] + ' [data-testid="manual-section"] h3')]
           .map((h) => h.textContent.trim());`,
        [$.manual],
      );
      return titles.length ? titles : null;
    },
    { what: 'the manual sections' },
  );
}

/** The text of the manual dialog. */
function manualText() {
  return s.execute('return document.querySelector(arguments[0]).textContent;', [$.manual]);
}

describe('the user manual', () => {
  after(stop);

  e2e('F1 at the desk opens the manual; Escape closes it', async () => {
    await start(['--data', path.join(BASE, 'manual-desk')]);
    await s.waitFor($.deskSearch, { timeout: 60_000 });
    assert.equal(await s.shown($.manual), false);
    await s.keys(Key.F1);
    await s.waitFor($.manual);
    assert.deepEqual(await sectionTitles(), TITLES);
    const text = await manualText();
    assert.ok(text.includes('sotay config kiosk --autostart'), 'the kiosk recipe is in the manual');
    assert.ok(!text.includes('###'), 'headings are rendered, not shown as markdown');
    await shot('desk');
    await s.keys(Key.Escape);
    await s.waitGone($.manual);
    await stop();
  });

  e2e('the kiosk admin screen opens the manual', async () => {
    const data = path.join(BASE, 'manual-kiosk');
    execFileSync(SOTAY, ['config', 'set-pin', '--data', data, '--pin-stdin'], { input: `${PIN}\n` });
    await start(['--kiosk', '--data', data]);
    await s.waitFor($.kioskSearch, { timeout: 60_000 });
    await s.click(await s.waitFor($.adminOpen));
    await s.sendKeys(await s.waitFor($.pinInput), PIN);
    await s.click(await s.waitFor($.pinSubmit));
    await s.waitFor($.admin, { timeout: 20_000 });
    await s.click(await s.waitFor($.adminManual));
    await s.waitFor($.manual);
    assert.deepEqual(await sectionTitles(), TITLES);
    await shot('kiosk');
    await s.click(await s.waitFor($.manualClose));
    await s.waitGone($.manual);
    assert.ok(await s.shown($.admin), 'back on the admin screen');
    await stop();
  });
});
