// The display settings shared by every component (reactive), saved whenever they change.

import { type Dict, dict, otherLang } from './i18n';
import { type Paper, loadLang, loadPaper, loadTextSize, saveLang, savePaper, saveTextSize, stepTextSize } from './prefs';

export const settings = $state({
  lang: loadLang(),
  textSize: loadTextSize(),
  paper: loadPaper(),
});

/** The dictionary of the current language. */
export function words(): Dict {
  return dict(settings.lang);
}

/** Switches between Vietnamese and English. */
export function toggleLang(): void {
  settings.lang = otherLang(settings.lang);
  saveLang(settings.lang);
}

/** Makes the text one step larger (`1`) or smaller (`-1`). */
export function stepText(direction: 1 | -1): void {
  settings.textSize = stepTextSize(settings.textSize, direction);
  saveTextSize(settings.textSize);
}

/** Chooses the slip's paper size. */
export function setPaper(paper: Paper): void {
  settings.paper = paper;
  savePaper(paper);
}
