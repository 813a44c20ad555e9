// Loading a guide for the screen, keeping only the reply to the newest request. Guides are fetched over
// the IPC and replies can arrive out of order: a citizen or clerk who taps one result and then another
// must see the second guide, not whichever reply came last. Both the desk and the kiosk open guides
// through this loader; the kiosk also cancels it on going home, so a guide arriving after that is dropped.

import type { Guide } from './ipc';

/** Fetches guides and drops every reply (or failure) older than the newest request. */
export class GuideLoader {
  /** Counts requests and cancellations: a reply is current while its number is still the last one. */
  #latest = 0;

  /** @param fetch fetches one guide by code (`ipc.guide`, or a fake in tests) */
  constructor(private readonly fetch: (code: string) => Promise<Guide>) {}

  /**
   * Requests the guide `code`. Resolves to the guide, or to `null` when a newer request (or
   * {@link cancel}) came before the reply. Rejects with the fetch's error only when the request is still
   * the newest; a stale failure resolves to `null` too.
   */
  async load(code: string): Promise<Guide | null> {
    const mine = ++this.#latest;
    let guide: Guide;
    try {
      guide = await this.fetch(code);
    } catch (e) {
      if (mine === this.#latest) throw e;
      return null;
    }
    return mine === this.#latest ? guide : null;
  }

  /** Drops every request in flight: their replies will resolve to `null`. */
  cancel(): void {
    this.#latest++;
  }
}
