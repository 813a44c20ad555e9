// End-to-end tests of filling the official forms (issue 14): the real app, driven through tauri-driver +
// WebKitWebDriver under Xvfb (tests/e2e/run.sh), with the environment of kiosk.test.mjs.
//
// Kiosk: the birth-registration guide → "Điền tờ khai" → fields typed on the on-screen keyboard and on the
// physical one, the ID card's QR code "typed" by a scanner into a field, a bad date refused under its
// field, a 5,000-character paste refused, the review, printing (A4, no dialog), then the idle reset: no
// typed value left in the page or in any file of the data folder, and the form opens empty again.
// Desk: CT01 filled with the physical keyboard, saved as PDF, the PDF read with pdftotext.
// Screenshots of each step: test-output/e2e/forms-*.png.

import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Key, Session, sleep, waitUntil } from './lib/webdriver.mjs';
import { e2eTests, invoke, screenshots } from './lib/harness.mjs';

const WEBDRIVER = process.env.E2E_WEBDRIVER ?? 'http://127.0.0.1:4444';
const APP = process.env.E2E_APP;
const SOTAY = process.env.E2E_SOTAY;
const OUT = process.env.E2E_OUT ?? path.resolve('test-output/e2e');
assert.ok(APP, 'E2E_APP must name the sotay-desktop binary (use tests/e2e/run.sh)');
assert.ok(SOTAY, 'E2E_SOTAY must name the sotay CLI (use tests/e2e/run.sh)');
assert.ok(process.env.SOTAY_DATA_DIR, 'SOTAY_DATA_DIR must be a fresh folder (use tests/e2e/run.sh)');
fs.mkdirSync(OUT, { recursive: true });

/** The kiosk's own data folder for these tests. */
const DATA = path.join(process.env.SOTAY_DATA_DIR, 'forms-kiosk');
const PIN = '482916';
const IDLE_SECONDS = 21; // the shortest idle time the config allows with the shortest warning
const WARNING_SECONDS = 20; // the shortest warning the config allows (a person needs time to notice it)
const BIRTH = '1.001193';
const TEMPORARY_RESIDENCE = '1.004194';
const CARD = '001089012345|123456789|Đặng Văn Hưởng|05091989|Nam|Số 12 phố Hàng Bạc, Hoàn Kiếm, Hà Nội|01022021';
const CHILD = 'Nguyễn Thị Ngọc Ánh';
/** What must be gone after the reset. */
const TYPED = ['Đặng Văn Hưởng', CHILD, '001089012345', 'Hàng Bạc', 'ubnd phuong', 'Bệnh viện Đa khoa'];

const $ = {
  home: '[data-testid="kiosk-home"]',
  search: 'input[data-testid="kiosk-search"]',
  result: 'button[data-testid="kiosk-result"][data-code]',
  choice: '[data-testid="kiosk-chooser"] button[data-testid="kiosk-choice"][data-code]',
  formOpen: (id) => `button[data-testid="form-open"][data-form="${id}"]`,
  fill: '[data-testid="form-fill"]',
  step: (n) => `[data-testid="form-step"][data-step="${n}"]`,
  input: (name) => `input[data-testid="form-input"][name="${name}"]`,
  error: (name) => `[data-testid="form-error"][data-field="${name}"]`,
  choiceOf: (name, v) => `[data-testid="form-field"][data-field="${name}"] button[data-testid="form-choice"][data-value="${v}"]`,
  next: 'button[data-testid="form-next"]',
  review: '[data-testid="form-review"]',
  sheet: '[data-testid="form-sheet"]',
  print: 'button[data-testid="form-print"]',
  save: 'button[data-testid="form-save"]',
  saved: '[data-testid="form-saved"]',
  notice: '[data-testid="form-notice"]',
  osk: '[data-testid="osk"]',
  key: (k) => `[data-testid="osk"] button[data-testid="osk-key"][data-key="${k}"]`,
  idleWarning: '[data-testid="idle-warning"]',
  deskInput: 'input[data-testid="search-input"]',
  deskResult: '[data-testid="result"]',
  deskChoice: '[data-testid="chooser"] button[data-testid="choice"]',
  deskGuide: '[data-testid="guide"][data-code]',
};

let s;
const shot = screenshots(OUT, 'forms-', () => s);
const e2e = e2eTests(shot, 120_000);

/** Polls `fn` for up to `ms` (longer than waitUntil's 10 s cap, for the idle timer). */
async function waitLong(fn, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(200);
  }
}

/** Taps an element like a finger: scrolled to the middle first, then clicked. */
async function press(target) {
  const el = typeof target === 'string' ? await s.waitFor(target) : target;
  // Leave the field typed in first: its check shows a message that may push the element down (a finger
  // lifts off a field before it taps the next thing, too).
  await s.execute(
    `const a = document.activeElement;
     if (a && a !== arguments[0] && a.matches('[data-testid="form-input"]') && !arguments[0].closest('[data-testid="osk"]')) a.blur();`,
    [el],
  );
  // The layout may still move (a step drawn, the keyboard dock opening): wait until nothing covers it.
  let last = '';
  await waitUntil(
    async () => {
      last = await s.execute(
        `const el = arguments[0]; el.scrollIntoView({ block: 'center', inline: 'center' });
         const r = el.getBoundingClientRect();
         const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
         return !top || el.contains(top) ? '' : (top.getAttribute('data-testid') || top.className || top.tagName) + ' ' + (top.textContent || '').trim().slice(0, 30);`,
        [el],
      );
      return last === '';
    },
    { what: 'the element to be uncovered' },
  ).catch((e) => {
    throw new Error(`${e.message}: covered by ${last}`);
  });
  await s.click(el);
}

/** Taps the first card (or chooser choice) among `selectors` for `code`, retrying one drawn again. */
async function tapCard(selectors, code) {
  await waitUntil(
    async () => {
      let card = null;
      for (const sel of selectors) card = card ?? (await s.find(`${sel}[data-code="${code}"]`));
      if (!card) return false;
      try {
        await press(card);
        return true;
      } catch (e) {
        if (e.error === 'stale element reference') return false;
        throw e;
      }
    },
    { what: `a card for ${code}` },
  );
}

/** A field's value, NFC. */
async function valueOf(name) {
  return (await s.prop(await s.waitFor($.input(name)), 'value')).normalize('NFC');
}

/** Types `text` into a field with the physical keyboard (after clearing it). */
async function type(name, text) {
  const el = await s.waitFor($.input(name));
  await s.execute(`arguments[0].scrollIntoView({ block: 'center' });`, [el]);
  await s.clear(el);
  await s.sendKeys(el, text);
}

/** The messages shown under fields: name → text. */
function fieldErrors() {
  return s.execute(
    `return Object.fromEntries([...document.querySelectorAll('[data-testid="form-error"]')]
       .filter((el) => el.textContent.trim()).map((el) => [el.dataset.field, el.textContent.trim()]));`,
  );
}

/** Goes to the next step and waits for it. */
async function nextStep(n) {
  await press($.next);
  try {
    await s.waitFor($.step(n));
  } catch (e) {
    throw new Error(`${e.message}; field messages: ${JSON.stringify(await fieldErrors())}`);
  }
}

/** Every file under `dir`, recursively. */
function files(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.isFile() ? [p] : [];
  });
}

describe('filling a form at the desk', () => {
  let savedPath = '';

  before(async () => {
    s = await Session.create(WEBDRIVER, { alwaysMatch: { 'tauri:options': { application: APP } } });
    await s.waitFor($.deskInput, { enabled: true });
    await s.setTimeouts({ script: 20_000 });
  });

  after(async () => {
    if (s) await s.delete();
    s = null;
    if (savedPath) fs.rmSync(savedPath, { force: true });
  });

  e2e('CT01 with the physical keyboard, saved as PDF', async () => {
    await s.sendKeys(await s.waitFor($.deskInput, { enabled: true }), 'đăng ký tạm trú');
    await tapCard([$.deskResult, $.deskChoice], TEMPORARY_RESIDENCE);
    await s.waitFor(`${$.deskGuide.replace('[data-code]', '')}[data-code="${TEMPORARY_RESIDENCE}"]`);
    await press($.formOpen('ct01'));
    await s.waitFor($.step(0));
    // The blank form, to print copies to hand out (the print dialog itself is GTK's, not driven here).
    await press('button[data-testid="form-print-blank"]');
    await s.waitFor('[data-testid="form-blank"]');
    const blank = (await s.text(await s.waitFor($.sheet))).normalize('NFC');
    assert.ok(blank.includes('TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ') && blank.includes('Chú thích:'), 'the blank form is shown');
    const pageRules = await s.execute(`return [...document.querySelectorAll('style')].map((el) => el.textContent).filter((t) => t.includes('@page'));`);
    assert.ok(pageRules.some((t) => /size:\s*A4/.test(t)), 'it prints on A4');
    await shot('desk-blank');
    await press('button[data-testid="form-blank-close"]');
    await s.waitFor($.step(0));
    await type('kinh_gui', 'Công an phường Hoàn Kiếm');
    await shot('desk-step1');
    await nextStep(1);
    await type('ho_ten', 'Đặng Văn Hưởng');
    await type('ngay_sinh', '5/9/1989');
    await press($.choiceOf('gioi_tinh', 'Nam'));
    await type('so_dinh_danh', '00108901234');
    await press($.next);
    await waitUntil(async () => /12 chữ số/.test((await s.text(await s.find($.error('so_dinh_danh')))).normalize('NFC')), {
      what: 'the 11-digit ID refused',
    });
    await type('so_dinh_danh', '001089012345');
    await type('dien_thoai', '0912 345 678');
    await shot('desk-step2');
    await nextStep(2);
    await type('chu_ho', 'Nguyễn Thị Ngọc Ánh');
    await type('quan_he_chu_ho', 'Con');
    await nextStep(3);
    await type('noi_dung', 'Đăng ký tạm trú');
    await press($.next);
    await s.waitFor($.review);
    await shot('desk-review');
    await press($.save);
    const saved = await s.waitFor($.saved);
    savedPath = await s.attr(saved, 'data-path');
    assert.ok(savedPath.endsWith('.pdf') && fs.existsSync(savedPath), `the PDF was written (${savedPath})`);
    await shot('desk-saved');
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', savedPath, '-'], { encoding: 'utf8' }).normalize('NFC');
    const flat = text.split(/\s+/).join(' ');
    for (const t of ['TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ', 'Công an phường Hoàn Kiếm', 'Đặng Văn Hưởng', '05/09/1989', 'Nguyễn Thị Ngọc Ánh', 'Đăng ký tạm trú', '0912345678'])
      assert.ok(flat.includes(t), `the PDF reads "${t}"`);
    assert.ok(text.replace(/\s/g, '').includes('001089012345'), 'the PDF has the ID number');
  });
});

describe('filling a form at the kiosk', () => {
  before(async () => {
    fs.mkdirSync(DATA, { recursive: true });
    execFileSync(SOTAY, ['config', 'set-pin', '--data', DATA, '--pin-stdin'], { input: `${PIN}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
    const file = path.join(DATA, 'config.toml');
    const hash = /^pin_hash\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
    assert.ok(hash, 'sotay config set-pin wrote a PIN');
    fs.writeFileSync(
      file,
      `[kiosk]\nenabled = false\npin_hash = "${hash}"\nidle_seconds = ${IDLE_SECONDS}\nwarning_seconds = ${WARNING_SECONDS}\n`,
    );
    s = await Session.create(WEBDRIVER, { alwaysMatch: { 'tauri:options': { application: APP, args: ['--kiosk', '--data', DATA] } } });
    await s.waitFor($.home);
    await s.setTimeouts({ script: 20_000 });
  });

  after(async () => {
    // A kiosk refuses to close: leave kiosk mode through the admin commands, as an administrator would.
    if (s) {
      await invoke(s, 'admin_unlock', { pin: PIN }).catch(() => {});
      await invoke(s, 'exit_kiosk').catch(() => {});
      await s.delete().catch(() => {});
    }
    s = null;
  });

  e2e('the birth-registration form: on-screen keyboard, a scanned ID card, review, print, idle reset leaves no trace', async () => {
    // The guide, from a search typed on the physical keyboard.
    const search = await s.waitFor($.search);
    await s.sendKeys(search, 'đăng ký khai sinh');
    await tapCard([$.result, $.choice], BIRTH);
    await s.waitFor(`[data-testid="kiosk-guide"][data-code="${BIRTH}"]`);
    await shot('kiosk-guide');
    await press($.formOpen('khai-sinh'));
    await s.waitFor($.fill);
    await s.waitFor($.step(0));

    // Step 1 on the on-screen keyboard: touching the field opens it.
    const first = await s.waitFor($.input('kinh_gui'));
    await s.execute(`arguments[0].scrollIntoView({ block: 'center' });`, [first]);
    await s.click(first);
    await s.waitFor($.osk);
    for (const k of [...'ubnd', 'space', ...'phuong']) await press($.key(k));
    await waitUntil(async () => (await valueOf('kinh_gui')) === 'ubnd phuong', { what: 'the keys typed into the field' });
    await shot('kiosk-step1-keyboard');
    await nextStep(1);

    // Step 2: a USB scanner types the card's QR code into a field, then Enter.
    const name = await s.waitFor($.input('nyc_ho_ten'));
    await s.sendKeys(name, CARD + Key.Enter);
    await waitUntil(async () => (await valueOf('nyc_ho_ten')) === 'Đặng Văn Hưởng', { what: 'the name filled from the card' });
    assert.equal(await valueOf('nyc_noi_cu_tru'), 'Số 12 phố Hàng Bạc, Hoàn Kiếm, Hà Nội');
    assert.match((await s.text(await s.waitFor($.notice))).normalize('NFC'), /Đã điền 2 mục từ thẻ căn cước/);
    await shot('kiosk-step2-scanned');
    // A damaged code fills nothing and says so.
    await type('nyc_quan_he', '001089012345|123|Đặng Văn|99999999|Nam|x|01022021');
    await s.sendKeys(await s.find($.input('nyc_quan_he')), Key.Enter);
    await waitUntil(async () => /không đọc được/.test((await s.text(await s.waitFor($.notice))).normalize('NFC')), {
      what: 'the unreadable-code message',
    });
    assert.equal(await valueOf('nyc_quan_he'), '', 'a damaged code fills nothing');
    await type('nyc_giay_to', 'Thẻ căn cước số 001089012345');
    await type('nyc_quan_he', 'Cha');
    await nextStep(2);

    // Step 3: a date that does not exist is refused under its field; a 5,000-character paste is refused.
    await type('ho_ten', CHILD);
    await type('ngay_sinh', '31/02/2026');
    await press($.choiceOf('gioi_tinh', 'Nữ'));
    await waitUntil(async () => (await s.attr(await s.find($.choiceOf('gioi_tinh', 'Nữ')), 'aria-checked')) === 'true', {
      what: 'the choice made',
    });
    await type('dan_toc', 'Kinh');
    await type('quoc_tich', 'Việt Nam');
    await s.execute(
      `const el = arguments[0]; el.value = 'x'.repeat(5000); el.dispatchEvent(new Event('input', { bubbles: true }));`,
      [await s.waitFor($.input('noi_sinh'))],
    );
    await waitUntil(async () => /5000/.test(await s.text(await s.find($.error('noi_sinh')))), { what: 'the paste refused' });
    assert.equal(await valueOf('noi_sinh'), '', 'the paste is not kept, not even cut short');
    await type('noi_sinh', 'Bệnh viện Đa khoa tỉnh');
    await press($.next);
    await waitUntil(async () => /không có thật/.test((await s.text(await s.find($.error('ngay_sinh')))).normalize('NFC')), {
      what: 'the date refused under its field',
    });
    await shot('kiosk-step3-errors');
    await type('ngay_sinh', '05/09/2026');
    await nextStep(3);
    await nextStep(4);
    await nextStep(5);
    await press($.choiceOf('ban_sao', 'yes'));
    await press($.next);

    // The review shows the form as it prints.
    await s.waitFor($.review);
    const sheet = (await s.text(await s.waitFor($.sheet))).normalize('NFC');
    for (const t of ['TỜ KHAI ĐĂNG KÝ KHAI SINH', 'Đặng Văn Hưởng', CHILD, '05/09/2026', 'Bệnh viện Đa khoa tỉnh']) assert.ok(sheet.includes(t), `review shows ${t}`);
    await shot('kiosk-review');

    // Printing: A4 and only the sheet; the kiosk prints without a dialog and stays usable.
    const styles = await s.execute(`return [...document.querySelectorAll('style')].map((el) => el.textContent).filter((t) => t.includes('@page'));`);
    assert.ok(styles.some((t) => /size:\s*A4/.test(t)), `an @page rule sizes the paper A4 (got ${JSON.stringify(styles)})`);
    await press($.print);
    await s.waitFor($.review);
    await shot('kiosk-printed');

    // The idle reset: home again, and nothing typed left anywhere.
    await waitLong(() => s.shown($.idleWarning), (IDLE_SECONDS + 10) * 1000, 'the idle warning');
    await waitLong(async () => (await s.shown($.home)) && !(await s.shown($.idleWarning)), (WARNING_SECONDS + 10) * 1000, 'the reset');
    await shot('kiosk-after-reset');
    // The markup and every field's live value.
    const html = (
      await s.execute(
        `return document.documentElement.outerHTML + '\\n' + [...document.querySelectorAll('input, textarea')].map((i) => i.value).join('\\n');`,
      )
    ).normalize('NFC');
    for (const t of TYPED) assert.ok(!html.includes(t), `no "${t}" in the page after the reset`);
    for (const f of files(DATA)) {
      const bytes = fs.readFileSync(f).toString('utf8');
      for (const t of TYPED) assert.ok(!bytes.includes(t), `no "${t}" in ${f}`);
    }
    // The form opens empty again: the last person's values are gone from the app's memory too.
    await s.sendKeys(await s.waitFor($.search), 'đăng ký khai sinh');
    await tapCard([$.result, $.choice], BIRTH);
    await press($.formOpen('khai-sinh'));
    await s.waitFor($.step(0));
    assert.equal(await valueOf('kinh_gui'), '');
    await type('kinh_gui', 'x');
    await nextStep(1);
    assert.equal(await valueOf('nyc_ho_ten'), '', 'no scanned name kept');
  });
});
