// The desk's display settings shared by its components (reactive), saved whenever they change: the text
// size and the slip's paper size. (The language is the desk's `Locale`, provided through context.)

import { type Paper, loadPaper, loadTextSize, savePaper, saveTextSize, stepTextSize } from './prefs';

export const settings = $state({
  textSize: loadTextSize(),
  paper: loadPaper(),
});

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
