// End-to-end test of signed handbook updates in the desktop app (issue 7): packs built and signed with the
// real CLI, installed through the About panel's file input, the changed guide searchable at once, then a
// rollback. Run by tests/e2e/run.sh, with:
//   E2E_WEBDRIVER, E2E_APP, E2E_OUT  as for e2e.test.mjs
//   E2E_SOTAY                        the `sotay` CLI (pack keygen/build/install)
//   SOTAY_DATA_DIR                   the run's fresh temporary folder; this test's app gets its own data
//                                    folder in it (--data), whose config.toml trusts the test's key
// Selectors are the contract of /work/brief/pack-app.md (data-testid attributes).

import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Session, sleep } from './lib/webdriver.mjs';
import { e2eTests, invoke, screenshots } from './lib/harness.mjs';

const WEBDRIVER = process.env.E2E_WEBDRIVER ?? 'http://127.0.0.1:4444';
const APP = process.env.E2E_APP;
const SOTAY = process.env.E2E_SOTAY;
const OUT = process.env.E2E_OUT ?? path.resolve('test-output/e2e');
assert.ok(APP, 'E2E_APP must name the sotay-desktop binary (use tests/e2e/run.sh)');
assert.ok(SOTAY, 'E2E_SOTAY must name the sotay CLI (use tests/e2e/run.sh)');
assert.ok(process.env.SOTAY_DATA_DIR, 'SOTAY_DATA_DIR must be a fresh folder (use tests/e2e/run.sh)');
fs.mkdirSync(OUT, { recursive: true });

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where this test builds its packs, and the app's own data folder. */
const WORK = path.join(process.env.SOTAY_DATA_DIR, 'packs-e2e');
const DATA = path.join(WORK, 'data');
const KEY = path.join(WORK, 'office.key');
const MARRIAGE = '1.000894';
const OLD_TITLE = 'Đăng ký kết hôn';
const NEW_TITLE = 'Đăng ký kết hôn lưu động tại nhà văn hóa thôn';
/** The desk PIN the last test sets with the CLI. */
const DESK_PIN = '602214';

const $ = {
  input: 'input[data-testid="search-input"]',
  result: '[data-testid="result"]',
  aboutOpen: 'button[data-testid="about-open"]',
  about: '[data-testid="about"]',
  aboutClose: 'button[data-testid="about-close"]',
  status: '[data-testid="pack-status"]',
  file: 'input[data-testid="pack-file"]',
  result_: '[data-testid="pack-result"]',
  error: '[data-testid="pack-error"]',
  rollback: 'button[data-testid="pack-rollback"]',
  rollbackConfirm: 'button[data-testid="pack-rollback-confirm"]',
  changes: '[data-testid="pack-changes"]',
  pinForm: '[data-testid="pack-pin"]',
  pinInput: 'input[data-testid="pack-pin-input"]',
  pinSubmit: 'button[data-testid="pack-pin-submit"]',
  pinError: '[data-testid="pack-pin-error"]',
};

const figures = { generated: new Date().toISOString(), app: APP };
let s;

// ------------------------------------------------------------------------------------ set-up

const sotay = (...args) => execFileSync(SOTAY, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The content folder copied with the marriage guide retitled. */
function retitledContent() {
  const dir = path.join(WORK, 'content-v2');
  fs.cpSync(path.join(REPO, 'content'), dir, { recursive: true });
  const file = path.join(dir, 'ho-tich', 'dang-ky-ket-hon.md');
  const text = fs.readFileSync(file, 'utf8');
  const changed = text.replace(`title = "${OLD_TITLE}"`, `title = "${NEW_TITLE}"`);
  assert.notEqual(changed, text, `${file} has the title line`);
  fs.writeFileSync(file, changed);
  return dir;
}

/** The number of guides `sotay pack build` says a pack holds ("… 2642 thủ tục / guides …"). */
function builtGuides(output) {
  const n = /(\d+) thủ tục \/ guides/.exec(output)?.[1];
  assert.ok(n, `sotay pack build names the guide count: ${output}`);
  return Number(n);
}

/**
 * Polls `fn` until it gives a truthy value, for up to `ms`. (waitUntil stops at 10 s; installing a pack of
 * the whole national catalogue converts and indexes it, longer than that in a debug build.)
 */
async function waitLong(fn, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Clicks the element matching `css` once shown, scrolled into view first: the About dialog scrolls within
 * itself, and WebKitWebDriver does not scroll a modal dialog's content to reach what it clicks. */
async function press(css) {
  const el = await s.waitFor(css, { enabled: true });
  await s.execute(`arguments[0].scrollIntoView({ block: 'center' });`, [el]);
  await s.click(el);
}

/** Key, config trusting it, pack v1 (installed with the CLI before the app starts), v2, and v2 tampered. */
function preparePacks() {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(DATA, { recursive: true });
  sotay('pack', 'keygen', '--out', KEY);
  const publicKey = fs
    .readFileSync(`${KEY}.pub`, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('untrusted comment:'))
    .pop();
  fs.writeFileSync(path.join(DATA, 'config.toml'), `[packs]\ntrusted_keys = ["${publicKey}"]\n`);
  const v1 = path.join(WORK, 'handbook-v1.sotaypack');
  const v2 = path.join(WORK, 'handbook-v2.sotaypack');
  const guides1 = builtGuides(
    sotay('pack', 'build', path.join(REPO, 'content'), '--key', KEY, '--version', '1', '--date', '2026-11-01', '--out', v1),
  );
  const guides2 = builtGuides(
    sotay('pack', 'build', retitledContent(), '--key', KEY, '--version', '2', '--date', '2026-11-28', '--out', v2),
  );
  // v2 with one byte of the retitled guide flipped: the signature still matches, the hash does not.
  const bytes = fs.readFileSync(v2);
  const at = bytes.indexOf(Buffer.from(NEW_TITLE, 'utf8'));
  assert.ok(at > 0, 'the new title is in the pack');
  bytes[at] ^= 0x20;
  const tampered = path.join(WORK, 'handbook-v2-tampered.sotaypack');
  fs.writeFileSync(tampered, bytes);
  sotay('pack', 'install', v1, '--data', DATA);
  return { v1, v2, tampered, guides1, guides2 };
}

const capabilities = () => ({ alwaysMatch: { 'tauri:options': { application: APP, args: ['--data', DATA] } } });

const shot = screenshots(OUT, 'pack-', () => s);
const e2e = e2eTests(shot, 120_000);

/** Calls an IPC command of the app from the page. */
const ipc = (cmd, args) => invoke(s, cmd, args);

/** Opens the About panel and waits for the pack status to show `version` (0: the embedded handbook). */
async function openAbout(version) {
  if (!(await s.shown($.about))) {
    await s.click(await s.waitFor($.aboutOpen));
  }
  await s.waitFor($.about);
  await waitForVersion(version);
}

async function waitForVersion(version, timeout = 30_000) {
  await waitLong(
    async () => {
      const el = await s.find($.status);
      return el && (await s.attr(el, 'data-version')) === String(version);
    },
    timeout,
    `pack status version ${version}`,
  );
}

async function closeAbout() {
  await press($.aboutClose);
  await s.waitGone($.about);
}

/** Chooses a file in the About panel's file input: WebDriver types its path, as into any file input. */
async function choose(file) {
  const input = await s.waitFor($.file, { displayed: false, enabled: true });
  await s.sendKeys(input, file);
}

/** The text of the first displayed element matching `css`, waiting for it. */
async function textOf(css, timeout = 60_000) {
  const el = await waitLong(async () => {
    for (const e of await s.findAll(css)) if (await s.displayed(e)) return e;
    return null;
  }, timeout, `"${css}"`);
  return (await s.text(el)).normalize('NFC');
}

/** Types a query (the input emptied first) and waits for a result row with `code`. Returns its text. */
async function searchFor(query, code) {
  const input = await s.waitFor($.input, { enabled: true });
  await s.setValue($.input, '');
  await s.sendKeys(input, query);
  const row = await s.waitFor(`${$.result}[data-code="${code}"]`, { timeout: 15_000 });
  return (await s.text(row)).normalize('NFC');
}

// ------------------------------------------------------------------------------------ the test

describe('sotay handbook updates', () => {
  let packs;

  before(async () => {
    packs = preparePacks();
    const t0 = performance.now();
    s = await Session.create(WEBDRIVER, capabilities());
    await s.waitFor($.input, { enabled: true, timeout: 60_000 });
    await s.setTimeouts({ script: 60_000 });
    figures.start_with_pack_ms = Math.round(performance.now() - t0);
  });

  after(async () => {
    if (s) await s.delete();
    fs.writeFileSync(path.join(OUT, 'pack-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`# pack figures: ${JSON.stringify(figures)}`);
  });

  e2e('starts on the pack installed before, and says so in the About panel', async () => {
    await openAbout(1);
    const status = await textOf($.status);
    assert.match(status, /Gói cập nhật phiên bản 1, ngày 01\/11\/2026/);
    assert.ok(status.includes(`${packs.guides1} thủ tục`), `the status gives the pack's ${packs.guides1} guides: ${status}`);
    assert.equal(await s.find($.rollback), null, 'nothing to roll back to yet');
    assert.equal((await ipc('guide', { code: MARRIAGE })).title, OLD_TITLE);
    await shot('about-v1');
  });

  e2e('refuses a tampered pack with the reason, and keeps the handbook in use', async () => {
    await openAbout(1);
    await choose(packs.tampered);
    const error = await textOf($.error);
    assert.match(error, /Gói cập nhật bị từ chối; sổ tay đang dùng vẫn giữ nguyên\./);
    assert.match(error, /sha256/);
    assert.equal(await s.find($.result_), null);
    await waitForVersion(1);
    assert.equal((await ipc('guide', { code: MARRIAGE })).title, OLD_TITLE);
    await shot('rejected');
  });

  e2e('installs a pack from the file input; the changed title is searchable and listed as changed', async () => {
    await openAbout(1);
    const t0 = performance.now();
    await choose(packs.v2);
    const result = await textOf($.result_);
    figures.install_ms = Math.round(performance.now() - t0);
    assert.ok(
      result.includes(`Đã cài gói cập nhật phiên bản 2 (ngày 28/11/2026, ${packs.guides2} thủ tục)`),
      `the result names the version, date and ${packs.guides2} guides: ${result}`,
    );
    assert.match(result, /0 thủ tục mới, 1 được sửa đổi, 0 bị bỏ/);
    await waitForVersion(2);
    assert.equal(await s.find($.error), null);
    const changed = await textOf(`${$.changes} li[data-kind="changed"][data-code="${MARRIAGE}"]`);
    assert.ok(changed.includes(NEW_TITLE), `the change list names the new title: ${changed}`);
    await shot('installed-v2');
    await closeAbout();

    const row = await searchFor('nhà văn hóa thôn kết hôn lưu động', MARRIAGE);
    assert.ok(row.includes(NEW_TITLE), `the result shows the new title: ${row}`);
    await shot('search-new-title');
  });

  e2e('rolls back after a confirmation to the pack before', async () => {
    await openAbout(2);
    await press($.rollback);
    const t0 = performance.now();
    await press($.rollbackConfirm);
    const result = await textOf($.result_);
    figures.rollback_ms = Math.round(performance.now() - t0);
    assert.match(result, /Đã quay lại gói phiên bản 1 \(ngày 01\/11\/2026\)\./);
    await waitForVersion(1);
    assert.equal(await s.find($.rollback), null, 'one step only');
    assert.equal(await s.find($.changes), null);
    await closeAbout();
    assert.equal((await ipc('guide', { code: MARRIAGE })).title, OLD_TITLE);
    const row = await searchFor('đăng ký kết hôn', MARRIAGE);
    assert.ok(!row.includes(NEW_TITLE), row);
    await shot('rolled-back');
  });

  e2e('with a desk PIN set (while the app runs), installing asks for it first', async () => {
    execFileSync(SOTAY, ['config', 'set-pin', '--desk', '--data', DATA, '--pin-stdin'], {
      input: `${DESK_PIN}\n`,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    await openAbout(1);
    await choose(packs.v2);
    await s.waitFor($.pinForm);
    assert.equal(await s.find($.result_), null, 'nothing installed before the PIN');
    await waitForVersion(1);
    const enter = async (pin) => {
      const input = await s.waitFor($.pinInput);
      await s.clear(input);
      await s.sendKeys(input, pin);
      await press($.pinSubmit);
    };
    await enter('000000');
    assert.match(await textOf($.pinError), /Mã PIN không đúng/);
    await shot('desk-pin');
    await enter(DESK_PIN);
    assert.match(await textOf($.result_), /Đã cài gói cập nhật phiên bản 2/);
    await waitForVersion(2);
    assert.equal(await s.find($.pinForm), null);
  });
});
