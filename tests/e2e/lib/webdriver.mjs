// A minimal W3C WebDriver client over fetch (Node 20), just what the e2e tests need.
// Every HTTP command is bounded by a timeout; every wait by at most 10 s.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Unicode code points of the WebDriver special keys used by the tests. */
export const Key = Object.freeze({
  Enter: '\uE007',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Tab: '\uE004',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  Control: '\uE009',
  F1: '\uE031',
});

/** The longest any wait may take (ms). */
export const MAX_WAIT = 10_000;

export class WebDriverError extends Error {
  constructor(status, error, message) {
    super(`${error} (HTTP ${status}): ${message}`);
    this.status = status;
    this.error = error;
  }
}

async function request(method, url, body, timeoutMs) {
  const init = { method, signal: AbortSignal.timeout(timeoutMs), headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json; charset=utf-8';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new Error(`${method} ${url} failed: ${e.message}`);
  }
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new WebDriverError(res.status, 'invalid response', text.slice(0, 300));
  }
  const value = json.value;
  if (!res.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    throw new WebDriverError(res.status, value?.error ?? 'unknown error', value?.message ?? text.slice(0, 300));
  }
  return value;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value (returned) or `timeout` ms pass (throws with `what`). */
export async function waitUntil(fn, { timeout = MAX_WAIT, interval = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + Math.min(timeout, MAX_WAIT);
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${Math.min(timeout, MAX_WAIT)} ms waiting for ${what}` +
        (last ? ` (last error: ${last.message})` : ''));
    }
    await sleep(interval);
  }
}

export class Session {
  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    this.url = `${base}/session/${id}`;
  }

  /** Creates a session (this launches the app through tauri-driver). */
  static async create(base, capabilities, timeoutMs = 30_000) {
    const value = await request('POST', `${base}/session`, { capabilities }, timeoutMs);
    return new Session(base, value.sessionId, value.capabilities);
  }

  cmd(method, path, body, timeoutMs = 20_000) {
    return request(method, `${this.url}${path}`, body, timeoutMs);
  }

  /** Ends the session (closes the app). Never throws. */
  async delete() {
    try {
      await this.cmd('DELETE', '', undefined, 15_000);
    } catch {
      /* the app may already be gone */
    }
  }

  // ------------------------------------------------------------------ elements

  async findAll(css, from) {
    const path = from ? `/element/${from[ELEMENT]}/elements` : '/elements';
    return this.cmd('POST', path, { using: 'css selector', value: css });
  }

  async find(css, from) {
    const all = await this.findAll(css, from);
    return all.length ? all[0] : null;
  }

  /** Waits until `css` matches an element (displayed, when `displayed`), and returns the first. */
  async waitFor(css, { timeout = MAX_WAIT, displayed = true, enabled = false } = {}) {
    return waitUntil(
      async () => {
        for (const el of await this.findAll(css)) {
          if (displayed && !(await this.displayed(el))) continue;
          if (enabled && !(await this.enabled(el))) continue;
          return el;
        }
        return null;
      },
      { timeout, what: `"${css}"` },
    );
  }

  /** Waits until nothing matches `css` (or nothing displayed). */
  async waitGone(css, { timeout = MAX_WAIT } = {}) {
    await waitUntil(async () => !(await this.shown(css)), { timeout, what: `"${css}" to disappear` });
  }

  /** Whether an element matching `css` is displayed. */
  async shown(css) {
    for (const el of await this.findAll(css)) if (await this.displayed(el)) return true;
    return false;
  }

  /** Sets the value of the input matching `css` through the page, focused, with the `input` event
   * typing would fire. */
  async setValue(css, text) {
    await this.execute(
      `const el = document.querySelector(arguments[0]); el.focus(); el.value = arguments[1];
       el.dispatchEvent(new Event('input', { bubbles: true }));`,
      [css, text],
    );
  }

  attr(el, name) {
    return this.cmd('GET', `/element/${el[ELEMENT]}/attribute/${encodeURIComponent(name)}`);
  }
  prop(el, name) {
    return this.cmd('GET', `/element/${el[ELEMENT]}/property/${encodeURIComponent(name)}`);
  }
  text(el) {
    return this.cmd('GET', `/element/${el[ELEMENT]}/text`);
  }
  selected(el) {
    return this.cmd('GET', `/element/${el[ELEMENT]}/selected`);
  }
  enabled(el) {
    return this.cmd('GET', `/element/${el[ELEMENT]}/enabled`);
  }
  async displayed(el) {
    try {
      return await this.cmd('GET', `/element/${el[ELEMENT]}/displayed`);
    } catch (e) {
      if (e.error === 'stale element reference' || e.error === 'no such element') return false;
      throw e;
    }
  }
  click(el) {
    return this.cmd('POST', `/element/${el[ELEMENT]}/click`, {});
  }
  clear(el) {
    return this.cmd('POST', `/element/${el[ELEMENT]}/clear`, {});
  }
  sendKeys(el, text) {
    return this.cmd('POST', `/element/${el[ELEMENT]}/value`, { text });
  }

  // ------------------------------------------------------------------ keyboard, scripts, page

  /** Types keys into whatever has focus (W3C actions), one key down/up per character. */
  async keys(text) {
    const actions = [];
    for (const ch of text) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions').catch(() => {});
  }

  /** Runs `script` (a function body; `arguments` are `args`) in the page. */
  execute(script, args = [], timeoutMs = 20_000) {
    return this.cmd('POST', '/execute/sync', { script, args }, timeoutMs);
  }

  /** Runs `script` whose last argument is the callback to call with the result. */
  executeAsync(script, args = [], timeoutMs = 20_000) {
    return this.cmd('POST', '/execute/async', { script, args }, timeoutMs);
  }

  setTimeouts(t) {
    return this.cmd('POST', '/timeouts', t);
  }

  refresh() {
    return this.cmd('POST', '/refresh', {});
  }

  /** Moves and resizes the window (WebDriver "Set Window Rect"); resolves to the rect it got. */
  setWindowRect(rect) {
    return this.cmd('POST', '/window/rect', rect);
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }
}

export { ELEMENT };
