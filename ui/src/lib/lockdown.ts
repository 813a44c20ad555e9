// Kiosk lock-down in the page: which key presses are swallowed so that a citizen cannot reload, print the
// raw page, open find, devtools or another window, zoom, or navigate back; and the `use:lockdown` action
// that applies it to the window while the kiosk is shown, with the context menu, dragging, gestures and
// wheel zoom. (The shell also refuses closing and external navigation; this is the page's half.)

import type { ActionReturn } from 'svelte/action';
import { takesText } from './keynav';

/** The parts of a KeyboardEvent the filter looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Whether focus is in a field that takes text (Backspace edits there). */
  typing: boolean;
}

/** Letters that do something to the browser with Ctrl (or ⌘): reload, find, find next, print, save,
 * open, view source, close, quit, new window/tab, history, downloads, bookmark, address bar, search. */
const CTRL_LETTERS = new Set(['r', 'f', 'g', 'p', 's', 'o', 'u', 'w', 'q', 'n', 't', 'h', 'j', 'd', 'l', 'e', 'k', 'b', 'i']);
/** Zoom keys with Ctrl. */
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0', 'Add', 'Subtract']);
/** Developer tools with Ctrl+Shift. */
const DEVTOOLS = new Set(['i', 'j', 'c', 'k', 'm']);

/** Whether the kiosk swallows this key press. Editing keys (Ctrl+A/C/V/X/Z/Y, arrows, Tab, Enter, Esc)
 * pass. */
export function blocked(e: KeyPress): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (/^F\d{1,2}$/.test(key)) return true; // F1–F24: help, find next, reload, caret browsing, fullscreen, devtools
  if (key === 'BrowserBack' || key === 'BrowserForward' || key === 'BrowserRefresh' || key === 'BrowserSearch') {
    return true;
  }
  if (e.altKey && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (key === 'Backspace' && !e.typing) return true; // navigation back in some engines
  const command = e.ctrlKey || e.metaKey;
  if (!command) return false;
  if (ZOOM_KEYS.has(key)) return true;
  if (e.shiftKey && DEVTOOLS.has(key)) return true;
  return CTRL_LETTERS.has(key);
}

/** Whether a wheel event zooms (Ctrl + wheel, or a pinch reported as one). */
export function zoomsWheel(e: Pick<WheelEvent, 'ctrlKey' | 'metaKey'>): boolean {
  return e.ctrlKey || e.metaKey;
}

/** What the kiosk does with the key presses the lock-down lets through. */
export interface LockdownOptions {
  /** A key press that is not swallowed (called in the capture phase, before the page's own handlers). */
  onkey?: (event: KeyboardEvent) => void;
}

/**
 * Locks the window of `node` down while `node` is in the page (`<div use:lockdown={{ onkey }}>`):
 * swallows the {@link blocked} key presses, the context menu, dragging, Safari's gesture events and wheel
 * zoom. Listens on the window in the capture phase, so nothing in the page sees what is swallowed.
 */
export function lockdown(node: HTMLElement, options: LockdownOptions = {}): ActionReturn<LockdownOptions> {
  const win = node.ownerDocument.defaultView ?? window;
  let current = options;
  const onKeydown = (event: KeyboardEvent) => {
    const press = {
      key: event.key,
      ctrlKey: event.ctrlKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      typing: takesText(node.ownerDocument.activeElement),
    };
    if (blocked(press)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    current.onkey?.(event);
  };
  const prevent = (event: Event) => event.preventDefault();
  const wheel = (event: WheelEvent) => {
    if (zoomsWheel(event)) event.preventDefault();
  };
  const swallowed = ['contextmenu', 'dragstart', 'gesturestart'];
  win.addEventListener('keydown', onKeydown, { capture: true });
  for (const type of swallowed) win.addEventListener(type, prevent, { capture: true });
  win.addEventListener('wheel', wheel, { capture: true, passive: false });
  return {
    update(next) {
      current = next;
    },
    destroy() {
      win.removeEventListener('keydown', onKeydown, { capture: true });
      for (const type of swallowed) win.removeEventListener(type, prevent, { capture: true });
      win.removeEventListener('wheel', wheel, { capture: true });
    },
  };
}
