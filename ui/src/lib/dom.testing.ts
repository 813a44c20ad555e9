// DOM helpers for the component tests (happy-dom): find, wait, tap. Only tests import this file.

import { flushSync } from 'svelte';

/** The first element matching `sel`, or null. */
export const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector<T>(sel);

/** Every element matching `sel`. */
export const $$ = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)];

/** Lets promises settle and timers fire for `ms` milliseconds, then flushes Svelte's updates. */
export async function settle(ms = 120): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  flushSync();
}

/** Clicks the element matching `sel` (throws when there is none) and flushes Svelte's updates. */
export function tap(sel: string): void {
  const el = $<HTMLElement>(sel);
  if (!el) throw new Error(`nothing matches ${sel}`);
  el.click();
  flushSync();
}
