// What the three e2e files share around the WebDriver client: screenshots, tests that leave a screenshot
// when they fail, and calling the app's IPC commands from the page.

import { test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A `shot(name)` that saves a screenshot of the session `current()` returns as `OUT/<prefix><name>.png`.
 * WebKit's snapshot is the last painted frame, so the latest changes are let paint first. A failed
 * screenshot is reported, never thrown: it must not hide what the test found.
 */
export function screenshots(out, prefix, current) {
  return async function shot(name) {
    const file = `${prefix}${name}.png`;
    try {
      const s = current();
      await s.executeAsync('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
      fs.writeFileSync(path.join(out, file), await s.screenshot());
    } catch (e) {
      console.log(`# screenshot ${file} failed: ${e.message}`);
    }
  };
}

/** `e2e(name, fn, timeout?)`: a test that, when it fails, saves a screenshot named after it with `shot`. */
export function e2eTests(shot, defaultTimeout = 90_000) {
  return function e2e(name, fn, timeout = defaultTimeout) {
    test(name, { timeout }, async () => {
      try {
        await fn();
      } catch (e) {
        await shot(`fail-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
        throw e;
      }
    });
  };
}

/** Calls the app's IPC command `cmd` from the page of `session`; throws with the app's error. */
export async function invoke(session, cmd, args) {
  const r = await session.executeAsync(
    `const [cmd, args, done] = arguments;
     window.__TAURI_INTERNALS__.invoke(cmd, args).then((v) => done({ ok: v }), (e) => done({ err: e }));`,
    [cmd, args],
  );
  if (r.err !== undefined) throw new Error(`IPC ${cmd} failed: ${JSON.stringify(r.err)}`);
  return r.ok;
}
