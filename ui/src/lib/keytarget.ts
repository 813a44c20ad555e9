// Where the kiosk's on-screen keyboard types. The keyboard's keys never take the focus, so the field to
// type into is remembered: on the search screen the search field; elsewhere the focused text field, else
// the last one a finger touched (while it is still in the page), else the petition form's first field.

import { takesText } from './keynav';

/** A text field the on-screen keyboard can type into. */
export type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** Where the petition form starts, when no field was touched yet. */
const FIRST_FIELD = '.k-petition input[name="name"]';

/** Remembers the field last typed into and picks where the next key goes. */
export class TypingTarget {
  #last: TextControl | null = null;

  /** A field took the focus (a finger touched it): the keys go there from now on. */
  remember(el: TextControl): void {
    this.#last = el;
  }

  /** Forgets the remembered field (its page closed, or the kiosk was reset). */
  forget(): void {
    this.#last = null;
  }

  /**
   * The field the next key goes into.
   * @param onSearch whether the search screen is shown (then only its search field takes keys)
   * @param searchField the search screen's field
   * @param doc the page (its focused element and the petition form)
   */
  pick(onSearch: boolean, searchField: TextControl | null | undefined, doc: Document = document): TextControl | null {
    if (onSearch) return searchField ?? null;
    const focused = doc.activeElement;
    if ((focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement) && takesText(focused)) return focused;
    if (this.#last?.isConnected) return this.#last;
    return doc.querySelector<HTMLInputElement>(FIRST_FIELD);
  }
}
