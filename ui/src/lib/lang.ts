// The UI languages and how a stored value becomes one. Kept apart from the dictionaries (`i18n.ts`) and
// free of imports, so the preferences (`prefs.ts`), which the IPC layer imports for the paper size, can
// read a language without pulling in the dictionaries: `i18n.ts → ipc.ts → prefs.ts → i18n.ts` was an
// import cycle.

/** A UI language. */
export type Lang = 'vi' | 'en';

/** Every UI language, the default first. */
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** A stored or typed value as a language; anything unknown is Vietnamese. */
export function parseLang(value: unknown): Lang {
  return value === 'en' ? 'en' : 'vi';
}

/** The language the switch goes to. */
export function otherLang(lang: Lang): Lang {
  return lang === 'vi' ? 'en' : 'vi';
}
