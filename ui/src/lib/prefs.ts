// Display preferences kept in the webview's localStorage: UI language, text size, paper size of the slip.
// (History and favourites are the user's data and live in the data folder, through the core.)

import { type Lang, parseLang } from './lang';

/** The part of `Storage` used here (tests pass a Map-backed fake). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Root font sizes in pixels the text size control steps through. */
export const TEXT_SIZES: readonly number[] = [14, 16, 18, 20, 22, 24];
/** The default root font size. */
export const DEFAULT_TEXT_SIZE = 16;

/** Paper sizes of the printed slip. */
export type Paper = 'A4' | 'A5';

const KEYS = { lang: 'sotay.lang', textSize: 'sotay.textSize', paper: 'sotay.paper' } as const;

/** localStorage when it can be used, else nothing (reads give defaults, writes are dropped). */
export function defaultStore(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function read(store: KeyValueStore | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | undefined, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // Storage full or disabled: the preference lasts for this session only.
  }
}

/** The saved UI language (Vietnamese when none). */
export function loadLang(store = defaultStore()): Lang {
  return parseLang(read(store, KEYS.lang));
}

/** Saves the UI language. */
export function saveLang(lang: Lang, store = defaultStore()): void {
  write(store, KEYS.lang, lang);
}

/** The saved text size, one of {@link TEXT_SIZES}. */
export function loadTextSize(store = defaultStore()): number {
  const n = Number(read(store, KEYS.textSize));
  return TEXT_SIZES.includes(n) ? n : DEFAULT_TEXT_SIZE;
}

/** Saves the text size. */
export function saveTextSize(size: number, store = defaultStore()): void {
  write(store, KEYS.textSize, String(size));
}

/** The next text size up (`+1`) or down (`-1`), staying within {@link TEXT_SIZES}. */
export function stepTextSize(size: number, direction: 1 | -1): number {
  const i = TEXT_SIZES.indexOf(size);
  const from = i < 0 ? TEXT_SIZES.indexOf(DEFAULT_TEXT_SIZE) : i;
  const to = Math.min(TEXT_SIZES.length - 1, Math.max(0, from + direction));
  return TEXT_SIZES[to] ?? DEFAULT_TEXT_SIZE;
}

/** The saved paper size of the slip (A4 when none). */
export function loadPaper(store = defaultStore()): Paper {
  return read(store, KEYS.paper) === 'A5' ? 'A5' : 'A4';
}

/** Saves the paper size. */
export function savePaper(paper: Paper, store = defaultStore()): void {
  write(store, KEYS.paper, paper);
}
