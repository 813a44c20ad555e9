// The UI language of one app (the desk or the kiosk), handed to every component below it through Svelte
// context rather than passed down as `words` props or read from a module global. The app creates one
// `Locale` and provides it (`provideLocale`); a component asks for it (`useLocale`) and reads `words`
// (reactive: switching the language redraws every label). The desk saves the language it switches to;
// the kiosk keeps it for the current person only and its idle reset puts Vietnamese back.

import { getContext, hasContext, setContext } from 'svelte';
import { type Dict, dict } from './i18n';
import { type Lang, otherLang } from './lang';

/** The current UI language and its dictionary, reactive. */
export class Locale {
  #lang: Lang = $state('vi');
  readonly #onchange: ((lang: Lang) => void) | undefined;

  /**
   * @param lang the language to start in
   * @param onchange called after each change (the desk saves the choice there)
   */
  constructor(lang: Lang = 'vi', onchange?: (lang: Lang) => void) {
    this.#lang = lang;
    this.#onchange = onchange;
  }

  /** The current language. */
  get lang(): Lang {
    return this.#lang;
  }

  /** The dictionary of the current language. */
  get words(): Dict {
    return dict(this.#lang);
  }

  /** Changes the language (nothing happens when it is the current one). */
  set(lang: Lang): void {
    if (lang === this.#lang) return;
    this.#lang = lang;
    this.#onchange?.(lang);
  }

  /** Switches between Vietnamese and English. */
  toggle(): void {
    this.set(otherLang(this.#lang));
  }
}

const KEY = Symbol('sotay.locale');

/** Gives `locale` to the calling component's children (call while the component initialises). */
export function provideLocale(locale: Locale): Locale {
  return setContext(KEY, locale);
}

/** The locale an ancestor provided (call while the component initialises). */
export function useLocale(): Locale {
  if (!hasContext(KEY)) throw new Error('no Locale in context: the app must call provideLocale');
  return getContext<Locale>(KEY);
}

/** The context map that provides `locale`, for mounting a single component in a test
 * (`mount(C, { target, props, context: localeContext() })`). */
export function localeContext(locale: Locale = new Locale()): Map<unknown, unknown> {
  return new Map<unknown, unknown>([[KEY, locale]]);
}
