// Search as you type: at most two searches at a time, the latest typed text next, the answer to the latest request
// only, blank queries cleared at once. The IPC call is passed in, so this logic is tested without the shell.

import { type Audience, type Filters, type IpcError, type Level, type SearchResults, toIpcError } from './ipc';

/** What the user asked: the text typed and the filters chosen (`""` = all). */
export interface Query {
  text: string;
  field: string;
  /** The level searched (`""`: every level). */
  level: string;
  event: string;
  audience: string;
  ministry: string;
  /** The default scope (the desk's: the office's level). A level equal to it is searched like any, but it
   * is not a filter the user chose: alone, it neither makes a blank query browse nor counts in
   * {@link hasFilters}. */
  scope?: string;
}

/** A query with no text and no filter, scoped to `scope` (a level, or `""` for every level). */
export function emptyQuery(scope = ''): Query {
  return { text: '', field: '', level: scope, event: '', audience: '', ministry: '', ...(scope ? { scope } : {}) };
}

/** What the search screen shows after a request. */
export type Outcome =
  | { kind: 'idle' }
  | { kind: 'results'; query: Query; results: SearchResults }
  | { kind: 'error'; query: Query; error: IpcError };

const LEVELS: readonly string[] = ['xa', 'tinh', 'bo', 'khac'];
const AUDIENCES: readonly string[] = ['cong-dan', 'nuoc-ngoai', 'to-chuc', 'luc-luong-vu-trang'];

/** The filters of a query as the core takes them (unset ones left out; the scope's level included). */
export function toFilters(q: Query): Filters {
  const f: Filters = {};
  if (q.field) f.field = q.field;
  if (LEVELS.includes(q.level)) f.level = q.level as Level;
  if (q.event) f.event = q.event;
  if (AUDIENCES.includes(q.audience)) f.audience = q.audience as Audience;
  if (q.ministry) f.ministry = q.ministry;
  return f;
}

/** Whether the user chose a filter (the default scope's level is not one). */
export function hasFilters(q: Query): boolean {
  const f = toFilters(q);
  if (f.level !== undefined && f.level === q.scope) delete f.level;
  return Object.keys(f).length > 0;
}

/** Whether the query searches at one level only, and which (`null`: every level). */
export function scopeOf(q: Query): Level | null {
  return toFilters(q).level ?? null;
}

/** Whether there is nothing to search: no text and no filter. */
export function isBlank(q: Query): boolean {
  return !q.text.trim() && !hasFilters(q);
}

/** Runs searches for a screen. A keystroke searches at once unless `parallel` searches are already
 * running; then only the latest text is remembered, and searched as soon as one of them ends (or after
 * `delay` milliseconds if they are slow). Only the answer to the latest search started is shown, so an
 * answer overtaken by newer typing costs no rendering, and the results follow the typing with the least
 * possible lag: the search for the last keystroke does not wait for the one before it to come back. */
export class Searcher {
  private sequence = 0;
  private running = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queued: Query | undefined;

  /**
   * @param run the search itself (the IPC call)
   * @param deliver receives each outcome that is still current
   * @param delay longest a typed text waits for a running search to end, in milliseconds
   * @param parallel most searches running at once (typing faster than the answers come)
   */
  constructor(
    private readonly run: (q: Query) => Promise<SearchResults>,
    private readonly deliver: (outcome: Outcome) => void,
    private readonly delay: number,
    private readonly parallel = 2,
  ) {}

  /** Searches as the user types; a blank query clears the results at once. */
  request(q: Query): void {
    if (isBlank(q)) {
      void this.now(q);
    } else if (this.running < this.parallel) {
      this.stop();
      void this.start({ ...q });
    } else {
      this.queued = { ...q };
      this.timer ??= setTimeout(this.startQueued, this.delay);
    }
  }

  /** Searches now (dropping any queued request); resolves once the answer is delivered or dropped. */
  now(q: Query): Promise<void> {
    this.stop();
    return this.start(q);
  }

  /** Runs a queued request now and waits for the latest answer. */
  flush(): Promise<void> {
    const q = this.queued;
    return q ? this.now(q) : this.inFlight;
  }

  /** Drops any queued request and any answer still on its way. */
  cancel(): void {
    this.stop();
    this.sequence++;
  }

  private readonly startQueued = () => {
    const q = this.queued;
    this.stop();
    if (q) void this.start(q);
  };

  private stop() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.queued = undefined;
  }

  private start(q: Query): Promise<void> {
    const mine = ++this.sequence;
    if (isBlank(q)) {
      this.deliver({ kind: 'idle' });
      this.inFlight = Promise.resolve();
      return this.inFlight;
    }
    this.running++;
    this.inFlight = this.run(q)
      .then(
        (results) => {
          if (mine === this.sequence) this.deliver({ kind: 'results', query: q, results });
        },
        (e: unknown) => {
          if (mine === this.sequence) this.deliver({ kind: 'error', query: q, error: toIpcError(e) });
        },
      )
      .finally(() => {
        this.running--;
        if (this.queued) this.startQueued();
      });
    return this.inFlight;
  }
}
