// End-to-end tests of the built desktop app (issue 5), driven through tauri-driver + WebKitWebDriver.
// Run by tests/e2e/run.sh, which starts tauri-driver under Xvfb and sets the environment below:
//   E2E_WEBDRIVER  tauri-driver's URL (http://127.0.0.1:PORT)
//   E2E_APP        the sotay-desktop binary
//   E2E_OUT        where screenshots and figures.json go (test-output/e2e at the repo root)
//   SOTAY_DATA_DIR a fresh data folder, shared by the sessions of one run (history across a restart)
// Selectors are the contract of /work/brief/desktop.md (data-testid attributes).

import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Key, Session, sleep, waitUntil } from './lib/webdriver.mjs';
import { INSTALL, SETTLE } from './lib/probe.mjs';
import { e2eTests, invoke, screenshots } from './lib/harness.mjs';
import { appPid } from './lib/proc.mjs';

const WEBDRIVER = process.env.E2E_WEBDRIVER ?? 'http://127.0.0.1:4444';
const APP = process.env.E2E_APP;
const OUT = process.env.E2E_OUT ?? path.resolve('test-output/e2e');
assert.ok(APP, 'E2E_APP must name the sotay-desktop binary (use tests/e2e/run.sh)');
fs.mkdirSync(OUT, { recursive: true });

const $ = {
  input: 'input[data-testid="search-input"]',
  result: '[data-testid="result"]',
  filterField: 'select[data-testid="filter-field"]',
  filterLevel: 'select[data-testid="filter-level"]',
  chooser: '[data-testid="chooser"]',
  choice: '[data-testid="chooser"] button[data-testid="choice"][data-code]',
  guide: '[data-testid="guide"][data-code]',
  docCheck: 'input[type=checkbox][data-testid="doc-check"][data-doc-id]',
  back: 'button[data-testid="back"]',
  printOpen: 'button[data-testid="print-open"]',
  printView: '[data-testid="print-view"]',
  missing: '[data-testid="missing"] li[data-doc-id]',
  seen: '[data-testid="seen"] li[data-doc-id]',
  qr: '[data-testid="qr"]',
  paperA4: '[data-testid="paper-a4"]',
  paperA5: '[data-testid="paper-a5"]',
  printClose: '[data-testid="print-close"]',
  scope: '[data-testid="scope"]',
  scopeAll: 'button[data-testid="scope-all"]',
  scopeOffice: 'button[data-testid="scope-office"]',
  nationalLabel: '[data-testid="national-label"]',
  portalLink: '[data-testid="portal-link"]',
  slipNational: '[data-testid="slip-national"]',
  history: '[data-testid="history"]',
  historyItem: '[data-testid="history"] [data-testid="history-item"][data-code]',
};

const MARRIAGE = '1.000894';
/** Maternity allowance for people without compulsory social insurance ("tiền thai sản"): a commune-level
 * procedure of the national catalogue that no edited guide covers. */
const MATERNITY = '2.000693';
/** What the label of a guide converted from the national record says, for its data's month `YYYY-MM`. */
const nationalLabel = (month) => {
  const [y, m] = month.split('-');
  return `Theo dữ liệu Cổng Dịch vụ công quốc gia, ${m}/${y} — chưa biên tập`;
};
/** The UI's search options (ui/src/App.svelte), for searches driven through the IPC. */
const UI_OPTIONS = { limit: 20, prefix: true };

/** Figures reported at the end (printed and written to figures.json), never asserted. */
const figures = { generated: new Date().toISOString(), app: APP };

let s; // the current session

// ------------------------------------------------------------------------------------ helpers

const capabilities = () => ({ alwaysMatch: { 'tauri:options': { application: APP } } });

/** Starts the app; returns the session and how long it took until the search input was usable. */
async function launch({ firstQuery = '' } = {}) {
  const t0 = performance.now();
  const session = await Session.create(WEBDRIVER, capabilities());
  const tSession = performance.now();
  const input = await session.waitFor($.input, { enabled: true });
  const tSeen = performance.now();
  // WebDriver polling (three round trips per poll) sees the input late. The page's own clock says when
  // the search field took typing (the app's user-timing mark) and was first painted; both clocks count
  // from the epoch, so the page's moment converts to this test's clock.
  const page = await session.execute(
    `const mark = performance.getEntriesByName('sotay:search-ready')[0];
     const paint = performance.getEntriesByName('first-contentful-paint')[0];
     return { origin: performance.timeOrigin, ready: mark ? mark.startTime : null, paint: paint ? paint.startTime : null };`,
  );
  const tReady =
    page.ready === null || page.paint === null
      ? tSeen
      : Math.min(tSeen, page.origin + Math.max(page.ready, page.paint) - performance.timeOrigin);
  // The handbook is indexed on its own thread while the window starts: the first query typed as soon
  // as the input takes text shows when results really come.
  let firstResultsMs = null;
  if (firstQuery) {
    await session.sendKeys(input, firstQuery);
    await session.waitFor($.result);
    firstResultsMs = performance.now() - t0;
  }
  await session.setTimeouts({ script: 20_000 });
  await session.execute(INSTALL);
  return { session, sessionMs: tSession - t0, interactiveMs: tReady - t0, seenMs: tSeen - t0, firstResultsMs };
}

const shot = screenshots(OUT, '', () => s);
const e2e = e2eTests(shot);

/** Back to a fresh home screen: reload the page, wait for the input, re-install the probe. */
async function home() {
  if (!s) s = (await launch()).session; // a previous test lost the session (e.g. a failed restart)
  await s.refresh();
  const input = await s.waitFor($.input, { enabled: true });
  await s.execute(INSTALL);
  await settle();
  return input;
}

/** Waits until no search is in flight, typing stopped (> the UI's debounce) and the DOM is quiet. */
async function settle({ quietInput = 200, quietDom = 150 } = {}) {
  const ok = await s.executeAsync(SETTLE, [quietInput, quietDom, 9_000], 12_000);
  assert.ok(ok, 'the page did not settle within 9 s');
}

/** Sets the search input's text through the page (an `input` event, as typing would fire). */
function setQuery(text) {
  return s.setValue($.input, text);
}

/** Types `text` into the (emptied) search input and waits for the results to settle. */
async function search(text) {
  const input = await s.waitFor($.input, { enabled: true });
  await setQuery('');
  await settle();
  await s.sendKeys(input, text);
  assert.equal((await s.prop(input, 'value')).normalize('NFC'), text.normalize('NFC'), 'typed text in the input');
  await settle();
}

/** The data-code of every displayed result row, in order. */
async function resultCodes() {
  return s.execute(
    `return [...document.querySelectorAll(arguments[0])]
       .filter((el) => el.getClientRects().length > 0).map((el) => el.getAttribute('data-code'));`,
    [$.result],
  );
}

/** Attribute `name` of every element matching `css`. */
function attrs(css, name) {
  return s.execute(`return [...document.querySelectorAll(arguments[0])].map((el) => el.getAttribute(arguments[1]));`, [
    css,
    name,
  ]);
}

/** Calls an IPC command of the app from the page. */
const ipc = (cmd, args) => invoke(s, cmd, args);

/** The index of the result row with aria-selected="true" (-1 if none); fails if more than one. */
async function activeIndex() {
  const sel = await attrs($.result, 'aria-selected');
  const on = sel.flatMap((v, i) => (v === 'true' ? [i] : []));
  assert.ok(on.length <= 1, `more than one result has aria-selected="true": ${on}`);
  return on.length ? on[0] : -1;
}

async function activeMatches(css) {
  return s.execute(`return !!document.activeElement && document.activeElement.matches(arguments[0]);`, [css]);
}

/** Chooses `value` in a <select> (clicking its option, like a user; by script if the click is refused). */
async function choose(selectCss, value) {
  const select = await s.waitFor(selectCss);
  const options = await s.findAll('option', select);
  let target = null;
  for (const o of options) if ((await s.attr(o, 'value'))?.normalize('NFC') === value.normalize('NFC')) target = o;
  assert.ok(target, `${selectCss} has an option "${value}"`);
  try {
    await s.click(target);
  } catch {
    /* fall through to the script */
  }
  if ((await s.prop(select, 'value'))?.normalize('NFC') !== value.normalize('NFC')) {
    await s.execute(
      `const el = document.querySelector(arguments[0]); el.value = arguments[1];
       el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [selectCss, value],
    );
  }
  assert.equal((await s.prop(select, 'value')).normalize('NFC'), value.normalize('NFC'));
  await settle();
}

/** Clicks a checkbox, or its label when the box itself is not clickable (styled checkboxes). */
async function tick(el) {
  try {
    await s.click(el);
  } catch {
    await s.execute(
      `const box = arguments[0]; const label = box.labels && box.labels[0]; (label || box).click();`,
      [el],
    );
  }
}

const percentile = (xs, p) => {
  const a = [...xs].sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.max(0, Math.ceil((p / 100) * a.length) - 1))];
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** VmRSS of a process in kB. */
function rssKb(pid) {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Total VmRSS (kB) of the descendants of `pid` (WebKit's web and network processes). */
function childrenRssKb(pid) {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    let kids = [];
    try {
      for (const t of fs.readdirSync(`/proc/${p}/task`)) {
        kids.push(...fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
      }
    } catch {
      kids = [];
    }
    for (const k of kids) {
      try {
        total += rssKb(k) || 0;
      } catch {
        /* gone */
      }
      stack.push(k);
    }
  }
  return total;
}

/** Least-squares slope of ys against xs. */
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}

// ------------------------------------------------------------------------------------ the tests

describe('sotay desktop app', () => {
  before(async () => {
    const l = await launch({ firstQuery: 'khai sinh' });
    s = l.session;
    figures.cold_start = {
      what: 'launch → session created; → search field ready and painted (page clock); → seen by WebDriver polling; → first results of a query typed at once',
      session_created_ms: round(l.sessionMs),
      interactive_ms: round(l.interactiveMs),
      seen_by_webdriver_ms: round(l.seenMs),
      first_results_ms: round(l.firstResultsMs),
      target_interactive_ms: 1500,
    };
    // The figures are of the whole handbook: the edited guides and the national catalogue.
    const info = await ipc('content_info');
    figures.handbook = { guides: info.guides, edited: info.edited, national: info.national, record_date: info.record_date };
    assert.ok(info.national > 2000, `the handbook holds the national catalogue (${JSON.stringify(figures.handbook)})`);
    console.log(
      `# cold start: session ${round(l.sessionMs)} ms, search input ready and painted after ${round(l.interactiveMs)} ms ` +
        `(seen by WebDriver polling after ${round(l.seenMs)} ms), ` +
        `first results ("khai sinh" typed at once) after ${round(l.firstResultsMs)} ms; target ≤ 1500 ms`,
    );
    await setQuery('');
    await settle();
    await shot('home');
  });

  after(async () => {
    if (s) await s.delete();
    fs.writeFileSync(path.join(OUT, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`# figures written to ${path.join(OUT, 'figures.json')}`);
  });

  e2e('marriage: "dang ky ket hon" → first result → guide → tick two → print view lists', async () => {
    await home();
    await search('dang ky ket hon');
    const codes = await resultCodes();
    assert.ok(codes.length > 0, 'results are shown');
    assert.equal(codes[0], MARRIAGE, `the marriage guide is the first result (got ${codes.slice(0, 5)})`);
    await shot('results');

    await s.click((await s.findAll($.result))[0]);
    const guide = await s.waitFor($.guide);
    assert.equal(await s.attr(guide, 'data-code'), MARRIAGE);

    const boxes = await s.findAll($.docCheck);
    const all = await attrs($.docCheck, 'data-doc-id');
    assert.ok(boxes.length >= 3, `the checklist has at least three documents (got ${boxes.length})`);
    assert.equal(new Set(all).size, all.length, `document ids are unique: ${all}`);
    for (const b of boxes) assert.equal(await s.selected(b), false, 'nothing is ticked at first');
    // Every checkbox is labelled.
    const labelled = await s.execute(
      `return [...document.querySelectorAll(arguments[0])].every((b) => (b.labels && b.labels.length > 0) || b.getAttribute('aria-label'));`,
      [$.docCheck],
    );
    assert.ok(labelled, 'every checkbox has a label');

    const ticked = [all[0], all[2]];
    await tick(boxes[0]);
    await tick(boxes[2]);
    assert.equal(await s.selected(boxes[0]), true);
    assert.equal(await s.selected(boxes[2]), true);
    assert.equal(await s.selected(boxes[1]), false);
    await shot('guide');

    await s.click(await s.waitFor($.printOpen));
    await s.waitFor($.printView);
    await settle();
    const missing = await attrs($.missing, 'data-doc-id');
    const seen = await attrs($.seen, 'data-doc-id');
    const unticked = all.filter((id) => !ticked.includes(id));
    assert.deepEqual([...missing].sort(), [...unticked].sort(), 'the missing list is exactly the unticked documents');
    assert.deepEqual([...seen].sort(), [...ticked].sort(), 'the seen list is exactly the ticked documents');
    await shot('print-view');
  });

  e2e('print view: QR code, A4/A5 switch, close', async () => {
    await home();
    await search('dang ky ket hon');
    await s.click((await s.findAll($.result))[0]);
    await s.waitFor($.guide);
    await s.click(await s.waitFor($.printOpen));
    await s.waitFor($.printView);
    await s.waitFor($.qr);
    await s.click(await s.waitFor($.paperA5));
    await settle();
    await shot('print-view-a5');
    await s.click(await s.waitFor($.paperA4));
    await s.click(await s.waitFor($.printClose));
    await s.waitGone($.printView);
    await s.waitFor($.guide);
  });

  e2e('keyboard: "/" focuses, ↓ ↓ ↑ move aria-selected, Enter opens, Esc goes back and clears', async () => {
    await home();
    await s.execute(`document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);`);
    assert.equal(await activeMatches($.input), false, 'the search input is not focused before "/"');
    await s.keys('/');
    await waitUntil(() => activeMatches($.input), { timeout: 2_000, what: '"/" to focus the search input' });
    const input = await s.find($.input);
    assert.equal(await s.prop(input, 'value'), '', '"/" is not typed into the input');

    await s.keys('khai sinh');
    await settle();
    assert.equal(await s.prop(input, 'value'), 'khai sinh');
    const codes = await resultCodes();
    assert.ok(codes.length >= 3, `at least three results (got ${codes.length})`);

    await s.keys(Key.ArrowDown);
    let i1 = -1;
    await waitUntil(async () => (i1 = await activeIndex()) >= 0, { timeout: 2_000, what: '↓ to select a result' });
    await s.keys(Key.ArrowDown);
    await waitUntil(async () => (await activeIndex()) === i1 + 1, { timeout: 2_000, what: `↓ to select row ${i1 + 1}` });
    await s.keys(Key.ArrowUp);
    await waitUntil(async () => (await activeIndex()) === i1, { timeout: 2_000, what: `↑ to select row ${i1}` });
    const chosen = codes[i1];

    await s.keys(Key.Enter);
    const guide = await s.waitFor($.guide);
    assert.equal(await s.attr(guide, 'data-code'), chosen, 'Enter opens the selected result');

    await s.keys(Key.Escape);
    await s.waitGone($.guide);
    const back = await s.waitFor($.input);
    assert.equal(await s.prop(back, 'value'), 'khai sinh', 'Esc on the guide goes back to the results');
    await s.waitFor($.result);

    await s.click(back);
    await s.keys(Key.Escape);
    await settle();
    assert.equal(await s.prop(back, 'value'), '', 'Esc in the search input clears it');
    assert.equal((await resultCodes()).length, 0, 'no results after clearing');
  });

  e2e('level scope: the office level by default, said in the results; all levels in one click; another level', async () => {
    await home();
    const { office } = await ipc('facets');
    assert.equal(office, 'xa', 'the office level of a default installation is the commune');
    assert.equal(await s.prop(await s.find($.filterLevel), 'value'), office, 'the level filter starts at the office level');
    await search('dang ky');
    const scoped = await resultCodes();
    assert.ok(scoped.length > 0);
    for (const code of scoped) {
      const g = await ipc('guide', { code });
      assert.ok(g.levels.includes(office), `${code} (${g.levels}) is at the office level`);
    }
    const scope = await s.waitFor($.scope);
    assert.equal(await s.attr(scope, 'data-level'), office);
    assert.match((await s.text(scope)).normalize('NFC'), /Phạm vi: chỉ thủ tục cấp xã/);
    // The results are exactly the core's for the scope, and the scope leaves out guides of other levels.
    const options = (filters) => ({ ...UI_OPTIONS, filters });
    const atOffice = await ipc('search', { query: 'dang ky', options: options({ level: office }) });
    const everywhere = await ipc('search', { query: 'dang ky', options: options({}) });
    assert.deepEqual(scoped, atOffice.hits.map((h) => h.code), 'the rows are the scoped search');
    assert.ok(everywhere.total > atOffice.total, `all levels find more (${everywhere.total} > ${atOffice.total})`);
    await shot('results-scoped');

    await s.click(await s.waitFor($.scopeAll));
    await settle();
    assert.equal(await s.prop(await s.find($.filterLevel), 'value'), '', 'one click: all levels');
    assert.equal(await s.attr(await s.waitFor($.scope), 'data-level'), '');
    assert.deepEqual(await resultCodes(), everywhere.hits.map((h) => h.code), 'the rows are the search at every level');
    assert.ok(await s.find($.scopeOffice), 'one click back to the office level');

    await choose($.filterLevel, 'tinh');
    const after = await resultCodes();
    assert.ok(after.length > 0, 'the filtered search still finds guides');
    for (const code of after) {
      const g = await ipc('guide', { code });
      assert.ok(g.levels.includes('tinh'), `${code} (${g.levels}) is at level tinh`);
    }
    assert.notDeepEqual(after, scoped, 'the filter changed the results');
  });

  e2e('filter by field restricts the results', async () => {
    await home();
    await search('dang ky');
    const before = await resultCodes();
    const fields = {};
    for (const code of before) fields[code] = (await ipc('guide', { code })).field;
    const field = fields[before[0]];
    assert.ok(before.some((c) => fields[c] !== field), 'the unfiltered results span several fields');

    await choose($.filterField, field);
    const after = await resultCodes();
    assert.ok(after.length > 0, 'the filtered search still finds guides');
    for (const code of after) {
      const g = await ipc('guide', { code });
      assert.equal(g.field.normalize('NFC'), field.normalize('NFC'), `${code} is in field ${field}`);
    }
    assert.notDeepEqual(after, before, 'the filter changed the results');
  });

  e2e('a commune procedure of the national catalogue: found by its everyday name, labelled, ticked, on the slip', async () => {
    await home();
    const g = await ipc('guide', { code: MATERNITY });
    assert.equal(g.origin, 'national', `${MATERNITY} is converted from the national record, not edited`);
    assert.ok(g.levels.includes('xa'), `${MATERNITY} is handled at the commune (${g.levels})`);
    assert.match(g.record_date ?? '', /^\d{4}-\d{2}$/, 'the record has the month of its data');
    assert.equal(g.record_date, (await ipc('content_info')).record_date, 'the month of the national catalogue');
    assert.ok(g.portal_url?.startsWith('https://'), 'the record links its portal page');

    await search('tiền thai sản');
    const codes = await resultCodes();
    assert.equal(codes[0], MATERNITY, `"tiền thai sản" finds ${MATERNITY} first (got ${codes.slice(0, 5)})`);
    assert.equal(await s.attr(await s.waitFor($.scope), 'data-level'), 'xa', 'found within the commune scope');
    await s.click(await s.waitFor(`${$.result}[data-code="${MATERNITY}"]`));
    await s.waitFor(`[data-testid="guide"][data-code="${MATERNITY}"]`);

    const label = (await s.text(await s.waitFor($.nationalLabel))).normalize('NFC');
    assert.ok(label.includes(nationalLabel(g.record_date)), `the guide is labelled: ${label}`);
    assert.equal((await s.text(await s.find($.portalLink))).trim(), g.portal_url, 'the portal page is shown as text');
    assert.equal(await s.find(`${$.nationalLabel} a`), null, 'no link leaves the app');
    for (const q of g.questions ?? []) {
      assert.ok(!(await s.text(await s.find($.guide))).includes(q), `the search question "${q}" is not shown`);
    }

    const boxes = await s.findAll($.docCheck);
    const all = await attrs($.docCheck, 'data-doc-id');
    assert.ok(boxes.length >= 2, `the checklist has documents (got ${boxes.length})`);
    const ticked = [all[0]];
    await tick(boxes[0]);
    assert.equal(await s.selected(boxes[0]), true);
    assert.equal(await s.selected(boxes[1]), false);
    await shot('national-guide');

    await s.click(await s.waitFor($.printOpen));
    await s.waitFor($.printView);
    await settle();
    const slipLabel = (await s.text(await s.waitFor($.slipNational))).normalize('NFC');
    assert.equal(slipLabel, nationalLabel(g.record_date), 'the slip carries the label');
    assert.ok((await s.text(await s.find($.printView))).includes(g.portal_url), 'the slip gives the portal page');
    const missing = await attrs($.missing, 'data-doc-id');
    const seen = await attrs($.seen, 'data-doc-id');
    assert.deepEqual([...missing].sort(), all.filter((id) => !ticked.includes(id)).sort(), 'the missing list is the unticked documents');
    assert.deepEqual(seen, ticked, 'the seen list is the ticked document');
    await shot('national-print-view');
    await s.click(await s.waitFor($.printClose));
    await s.waitGone($.printView);

    // An edited guide has no such label.
    await search('dang ky ket hon');
    await s.click(await s.waitFor(`${$.result}[data-code="${MARRIAGE}"]`));
    await s.waitFor(`[data-testid="guide"][data-code="${MARRIAGE}"]`);
    assert.equal((await ipc('guide', { code: MARRIAGE })).origin, 'edited');
    assert.equal(await s.find($.nationalLabel), null, 'an edited guide is not labelled');
  });

  e2e('ambiguous chooser for "đăng ký lại", a choice opens that guide', async () => {
    await home();
    await search('đăng ký lại');
    await s.waitFor($.chooser);
    const choices = await s.findAll($.choice);
    assert.ok(choices.length >= 2, `the chooser offers several procedures (got ${choices.length})`);
    await shot('chooser');
    const pick = choices[1];
    const code = await s.attr(pick, 'data-code');
    await s.click(pick);
    const guide = await s.waitFor($.guide);
    assert.equal(await s.attr(guide, 'data-code'), code, 'the choice opens its guide');
  });

  e2e('history survives a restart', async () => {
    await home();
    await search('giam ho');
    const codes = await resultCodes();
    assert.ok(codes.length > 0);
    const code = codes[0];
    await s.click((await s.findAll($.result))[0]);
    await s.waitFor(`[data-testid="guide"][data-code="${code}"]`);
    await settle();

    await s.delete();
    s = null;
    await sleep(300);
    const l = await launch();
    s = l.session;
    figures.restart = {
      session_created_ms: round(l.sessionMs),
      interactive_ms: round(l.interactiveMs),
      seen_by_webdriver_ms: round(l.seenMs),
    };
    console.log(`# restart: session ${round(l.sessionMs)} ms, search input ready and painted after ${round(l.interactiveMs)} ms (seen by WebDriver after ${round(l.seenMs)} ms)`);

    await s.waitFor($.history);
    const items = await waitUntil(async () => {
      const a = await attrs($.historyItem, 'data-code');
      return a.length ? a : null;
    }, { what: 'history items after the restart' });
    assert.equal(items[0], code, `the guide opened before the restart is the most recent history item (got ${items})`);
    await shot('home-history');
  });

  e2e('target: keystroke to rendered results (reported)', async () => {
    const queries = [
      'khai sinh', 'ket hon', 'tam tru', 'can cuoc', 'ho kinh doanh', 'chung thuc ban sao', 'khai tu',
      'nhan con nuoi', 'giam ho', 'xac nhan tinh trang hon nhan', 'trich luc', 'thuong tru',
      'cap lai giay khai sinh', 'làm CCCD', 'đất đai', 'ho ngheo', 'bao hiem y te', 'xay dung nha o',
      'dinh danh dien tu', 'cải chính hộ tịch', 'thay doi ho tich', 'xac nhan cu tru', 'chung thuc chu ky',
      'giay phep xay dung', 'so do', 'ket hon nuoc ngoai', 'khai sinh lai', 'tach thua', 'dang ky kinh doanh',
      'giam ngheo',
    ];
    const input = await home();
    const samples = [];
    for (const q of queries) {
      await setQuery('');
      await settle({ quietInput: 120, quietDom: 80 });
      await s.execute(`const p = window.__e2e; p.calls = []; p.mutations = []; p.recording = true;`);
      await s.sendKeys(input, q);
      await settle({ quietInput: 250, quietDom: 250 });
      const m = await s.execute(
        `const p = window.__e2e; p.recording = false;
         const rows = document.querySelectorAll(arguments[0]).length;
         const last = p.calls[p.calls.length - 1];
         if (!last) return { rows, calls: 0 };
         const after = p.mutations.filter((t) => t >= last.tDone);
         return { rows, calls: p.calls.length, query: last.query, tKey: p.lastKey, tCall: last.tCall,
                  tDone: last.tDone, tRender: after.length ? after[0] : last.tDone };`,
        [$.result],
      );
      assert.ok(m.calls > 0, `typing "${q}" made a search call`);
      assert.equal(m.query.normalize('NFC').trim(), q.normalize('NFC'), 'the last search is for the whole query');
      assert.ok(m.rows > 0, `"${q}" rendered result rows`);
      samples.push({
        query: q,
        total_ms: round(m.tRender - m.tKey),
        debounce_ms: round(m.tCall - m.tKey),
        ipc_ms: round(m.tDone - m.tCall),
        render_ms: round(m.tRender - m.tDone),
        calls: m.calls,
      });
    }
    const stat = (k) => ({ p50: percentile(samples.map((x) => x[k]), 50), p95: percentile(samples.map((x) => x[k]), 95) });
    figures.keystroke_to_results = {
      what: 'last keydown → first DOM mutation after the final search answer (ms); debounce = keydown → IPC call',
      n: samples.length,
      total: stat('total_ms'),
      debounce: stat('debounce_ms'),
      ipc: stat('ipc_ms'),
      render: stat('render_ms'),
      target_p95_ms: 50,
      samples,
    };
    const f = figures.keystroke_to_results;
    console.log(
      `# keystroke → rendered results over ${f.n} queries: p50 ${f.total.p50} ms, p95 ${f.total.p95} ms ` +
        `(debounce p50 ${f.debounce.p50} ms; IPC search p50 ${f.ipc.p50} / p95 ${f.ipc.p95} ms; ` +
        `render after answer p50 ${f.render.p50} / p95 ${f.render.p95} ms); target p95 ≤ 50 ms`,
    );
  });

  e2e('target: resident memory across 1,000 searches (reported)', async () => {
    await home();
    const pid = appPid();
    assert.ok(pid > 0, 'the sotay-desktop process is found');
    const words = [
      'dang ky ket hon', 'khai sinh', 'tam tru', 'can cuoc', 'ho kinh doanh', 'chung thuc', 'khai tu', 'con nuoi',
      'giam ho', 'xac nhan hon nhan', 'trich luc', 'thuong tru', 'cấp lại', 'làm CCCD', 'đất đai', 'hộ nghèo',
      'bảo hiểm y tế', 'xây dựng', 'định danh', 'cải chính', 'so do', 'tach thua', 'giay phep', 'le phi ket hon',
      'mat bao lau', 'nop o dau', 'dang ky lai', 'khai sinh cho con', 'cccd gan chip', 'nhap ho khau',
    ];
    // Varied queries: whole phrases, prefixes being typed, with and without filters.
    const queryAt = (i) => {
      const w = words[i % words.length];
      const cut = Math.max(1, w.length - (i % 5));
      return w.slice(0, cut);
    };
    const optionsAt = (i) =>
      i % 7 === 3 ? { ...UI_OPTIONS, filters: { level: 'xa' } } : i % 11 === 5 ? { ...UI_OPTIONS, filters: { field: 'Hộ tịch' } } : UI_OPTIONS;

    const series = [{ searches: 0, app_kb: rssKb(pid), webkit_kb: childrenRssKb(pid) }];
    const t0 = performance.now();
    for (let done = 0; done < 1000; done += 100) {
      // Batches of 20 keep every script call well under 10 s even in a debug build.
      for (let from = done; from < done + 100; from += 20) {
        const batch = [];
        for (let i = from; i < from + 20; i++) batch.push([queryAt(i), optionsAt(i)]);
        const n = await s.executeAsync(
          `const [batch, done] = arguments;
           (async () => {
             // Four at a time, as the shell's async commands run on a thread pool.
             let hits = 0;
             for (let i = 0; i < batch.length; i += 4) {
               const answers = await Promise.all(batch.slice(i, i + 4).map(([query, options]) =>
                 window.__TAURI_INTERNALS__.invoke('search', { query, options })));
               for (const r of answers) hits += r.hits.length;
             }
             return hits;
           })().then((h) => done(h), (e) => done(-1));`,
          [batch],
          15_000,
        );
        assert.ok(n >= 0, 'the searches succeeded');
      }
      series.push({ searches: done + 100, app_kb: rssKb(pid), webkit_kb: childrenRssKb(pid) });
    }
    const seconds = (performance.now() - t0) / 1000;
    const xs = series.map((p) => p.searches);
    const appSlope = slope(xs, series.map((p) => p.app_kb)) * 1000;
    const webSlope = slope(xs, series.map((p) => p.webkit_kb)) * 1000;
    // The first batch warms caches; the trend over the rest says whether memory keeps growing.
    const steady = series.slice(2);
    const appSlopeSteady = slope(steady.map((p) => p.searches), steady.map((p) => p.app_kb)) * 1000;
    figures.memory = {
      what: 'VmRSS of the sotay-desktop process (and, summed, of its WebKit child processes) every 100 searches through the IPC',
      pid,
      searches_per_second: round(1000 / seconds),
      series,
      rss_after_100_kb: series[1].app_kb,
      rss_after_1000_kb: series[10].app_kb,
      growth_100_to_1000_kb: series[10].app_kb - series[1].app_kb,
      app_slope_kb_per_1000_searches: round(appSlope),
      app_slope_kb_per_1000_searches_after_200: round(appSlopeSteady),
      webkit_children_slope_kb_per_1000_searches: round(webSlope),
      target: 'flat (no growth trend)',
    };
    console.log(`# resident memory (kB) of sotay-desktop pid ${pid} every 100 searches: ${series.map((p) => p.app_kb).join(' ')}`);
    console.log(`#   after 100 searches ${series[1].app_kb} kB, after 1,000 ${series[10].app_kb} kB (${series[10].app_kb - series[1].app_kb} kB)`);
    console.log(`#   least-squares slope: ${round(appSlope)} kB per 1,000 searches (${round(appSlopeSteady)} after the first 200)`);
    console.log(`#   WebKit child processes: ${series.map((p) => p.webkit_kb).join(' ')} (slope ${round(webSlope)} kB per 1,000)`);
    console.log(`#   ${round(1000 / seconds)} searches per second through the IPC`);
  }, 240_000);
});
