// Instrumentation injected into the page (after every load): timestamps of keystrokes and input events,
// of DOM mutations, and of the `search` IPC calls (seen by wrapping window.fetch, which Tauri's invoke uses
// for its ipc:// requests). Only the tests install it; the app knows nothing of it.

/** Installs the probe (idempotent). Returns true when the probe is in place. */
export const INSTALL = `
  if (window.__e2e) return true;
  const p = window.__e2e = {
    lastKey: 0, lastInput: 0, lastMutation: 0, mutations: [],
    pending: 0, calls: [], recording: false,
  };
  document.addEventListener('keydown', () => { p.lastKey = performance.now(); }, true);
  document.addEventListener('input', () => { p.lastInput = performance.now(); }, true);
  new MutationObserver(() => {
    const t = performance.now();
    p.lastMutation = t;
    if (p.recording) p.mutations.push(t);
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  // Tauri's invoke (non-writable) posts each command to ipc://localhost/<command> through window.fetch.
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    let command = '';
    try {
      const u = new URL(String(input && input.url ? input.url : input), location.href);
      if ((u.protocol === 'ipc:' && u.host === 'localhost') || u.hostname === 'ipc.localhost') {
        command = decodeURIComponent(u.pathname.slice(1));
      }
    } catch (e) { command = ''; }
    if (command !== 'search') return originalFetch.apply(this, arguments);
    let args = {};
    try { args = JSON.parse(init && typeof init.body === 'string' ? init.body : '{}'); } catch (e) { args = {}; }
    const call = { query: args.query, options: args.options, tCall: performance.now(), tDone: 0 };
    p.pending++;
    if (p.recording) p.calls.push(call);
    const done = () => { if (!call.tDone) { call.tDone = performance.now(); p.pending--; } };
    return originalFetch.apply(this, arguments).then(
      (res) => { Promise.resolve().then(done); return res; },
      (e) => { done(); throw e; });
  };
  return true;
`;

/**
 * Async script: resolves once the page is settled — no search IPC call in flight, no input for
 * \`quietInput\` ms (longer than the UI's debounce), and no DOM mutation for \`quietDom\` ms — or after
 * \`timeout\` ms (resolves false then).
 */
export const SETTLE = `
  const [quietInput, quietDom, timeout, done] = arguments;
  const p = window.__e2e;
  const start = performance.now();
  (function poll() {
    const now = performance.now();
    const ok = !p || (p.pending === 0 && now - Math.max(p.lastInput, p.lastKey) >= quietInput && now - p.lastMutation >= quietDom);
    if (ok) return done(true);
    if (now - start > timeout) return done(false);
    setTimeout(poll, 10);
  })();
`;
