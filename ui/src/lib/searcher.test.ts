import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchResults } from './ipc';
import { type Outcome, type Query, Searcher, emptyQuery, hasFilters, isBlank, scopeOf, toFilters } from './searcher';

const q = (text: string, extra: Partial<Query> = {}): Query => ({ ...emptyQuery(), text, ...extra });
const answer = (query: string): SearchResults => ({ query, total: 1, took_us: 5, hits: [], ambiguous: false });

describe('query helpers', () => {
  it('turns chosen filters into the core filters', () => {
    expect(toFilters(q('x'))).toEqual({});
    expect(toFilters(q('', { field: 'Hộ tịch', level: 'xa', event: 'ket-hon' }))).toEqual({
      field: 'Hộ tịch',
      level: 'xa',
      event: 'ket-hon',
    });
    expect(toFilters(q('', { level: 'huyen' }))).toEqual({});
    expect(hasFilters(q('', { event: 'ket-hon' }))).toBe(true);
    expect(isBlank(q('  '))).toBe(true);
    expect(isBlank(q('', { field: 'Hộ tịch' }))).toBe(false);
  });

  it('sends the audience and ministry filters, an unknown audience left out', () => {
    expect(toFilters(q('x', { audience: 'nuoc-ngoai', ministry: 'Bộ Tư pháp' }))).toEqual({
      audience: 'nuoc-ngoai',
      ministry: 'Bộ Tư pháp',
    });
    expect(toFilters(q('x', { audience: 'foreign' }))).toEqual({});
    expect(hasFilters(q('', { ministry: 'Bộ Tư pháp' }))).toBe(true);
  });

  it('searches within the default scope, which is not a chosen filter', () => {
    const scoped = { ...emptyQuery('xa'), text: 'thai sản' };
    expect(toFilters(scoped)).toEqual({ level: 'xa' });
    expect(scopeOf(scoped)).toBe('xa');
    expect(hasFilters(scoped)).toBe(false);
    expect(isBlank(emptyQuery('xa')), 'the scope alone does not browse').toBe(true);
    const all = { ...scoped, level: '' };
    expect(toFilters(all)).toEqual({});
    expect(scopeOf(all)).toBeNull();
    expect(hasFilters(all)).toBe(false);
    const other = { ...emptyQuery('xa'), level: 'tinh' };
    expect(hasFilters(other), 'another level is chosen').toBe(true);
    expect(isBlank(other)).toBe(false);
  });
});

describe('Searcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(run = vi.fn((x: Query) => Promise.resolve(answer(x.text)))) {
    const outcomes: Outcome[] = [];
    const s = new Searcher(run, (o) => outcomes.push(o), 80);
    return { s, run, outcomes };
  }

  /** A search whose answers come when the test calls `resolvers[i]()` (i: the i-th search started). */
  function answeredByHand() {
    const resolvers: (() => void)[] = [];
    const run = vi.fn(
      (x: Query) => new Promise<SearchResults>((resolve) => resolvers.push(() => resolve(answer(x.text)))),
    );
    return { run, resolvers };
  }

  it('searches at once while fewer than two run; beyond that only the last text, as soon as one ends', async () => {
    const { run, resolvers } = answeredByHand();
    const { s, outcomes } = setup(run);
    s.request(q('k'));
    s.request(q('ke'));
    expect(run.mock.calls.map((c) => c[0].text)).toEqual(['k', 'ke']);
    s.request(q('ket'));
    s.request(q('ket '));
    s.request(q('ket h'));
    expect(run).toHaveBeenCalledTimes(2);
    resolvers[0]?.();
    await vi.advanceTimersByTimeAsync(0);
    // The answer for "k" was overtaken: not shown. "ket h" (never "ket" or "ket ") is searched at once.
    expect(outcomes).toEqual([]);
    expect(run.mock.calls.map((c) => c[0].text)).toEqual(['k', 'ke', 'ket h']);
    resolvers[1]?.();
    resolvers[2]?.();
    await vi.advanceTimersByTimeAsync(200);
    expect(run).toHaveBeenCalledTimes(3);
    expect(outcomes).toEqual([{ kind: 'results', query: q('ket h'), results: answer('ket h') }]);
    // Idle again: the next keystroke searches at once, and its answer is shown.
    s.request(q('ket ho'));
    expect(run).toHaveBeenCalledTimes(4);
    resolvers[3]?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes.at(-1)).toEqual({ kind: 'results', query: q('ket ho'), results: answer('ket ho') });
  });

  it('searches the last keystroke without waiting for the answer to the one before', async () => {
    const { run, resolvers } = answeredByHand();
    const { s, outcomes } = setup(run);
    s.request(q('ket'));
    s.request(q('ket h'));
    resolvers[1]?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toEqual([{ kind: 'results', query: q('ket h'), results: answer('ket h') }]);
    resolvers[0]?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toHaveLength(1);
  });

  it('does not hold the last text back longer than the delay behind slow searches', async () => {
    const run = vi.fn((x: Query) =>
      x.text.length < 3 ? new Promise<SearchResults>(() => {}) : Promise.resolve(answer(x.text)),
    );
    const { s, outcomes } = setup(run);
    s.request(q('k'));
    s.request(q('ke'));
    s.request(q('ket'));
    await vi.advanceTimersByTimeAsync(79);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(run.mock.calls.map((c) => c[0].text)).toEqual(['k', 'ke', 'ket']);
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toEqual([{ kind: 'results', query: q('ket'), results: answer('ket') }]);
  });

  it('clears at once on a blank query and drops the queued search', async () => {
    const { s, run, outcomes } = setup();
    s.request(q('ke'));
    s.request(q('ket'));
    s.request(q('ket '));
    s.request(q(''));
    expect(outcomes).toEqual([{ kind: 'idle' }]);
    await vi.advanceTimersByTimeAsync(200);
    expect(run).toHaveBeenCalledTimes(2);
    expect(outcomes).toEqual([{ kind: 'idle' }]);
  });

  it('browses by filters with no text', async () => {
    const { s, run, outcomes } = setup();
    await s.now(q('', { event: 'ket-hon' }));
    expect(run).toHaveBeenCalledTimes(1);
    expect(outcomes[0]?.kind).toBe('results');
  });

  it('never lets a slow older answer replace a newer one', async () => {
    const resolvers: ((r: SearchResults) => void)[] = [];
    const run = vi.fn(() => new Promise<SearchResults>((resolve) => resolvers.push(resolve)));
    const { s, outcomes } = setup(run);
    const first = s.now(q('ket'));
    const second = s.now(q('ket hon'));
    resolvers[1]?.(answer('ket hon'));
    resolvers[0]?.(answer('ket'));
    await Promise.all([first, second]);
    expect(outcomes).toEqual([{ kind: 'results', query: q('ket hon'), results: answer('ket hon') }]);
  });

  it('flushes a queued search and waits for its answer', async () => {
    const { s, run, outcomes } = setup();
    s.request(q('khai'));
    s.request(q('khai sinh'));
    await s.flush();
    expect(run.mock.calls.map((c) => c[0].text)).toEqual(['khai', 'khai sinh']);
    expect(outcomes.at(-1)).toEqual({ kind: 'results', query: q('khai sinh'), results: answer('khai sinh') });
    await vi.advanceTimersByTimeAsync(200);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('reports errors as IpcError, and cancel drops answers on their way', async () => {
    const run = vi.fn((x: Query) =>
      x.text === 'bad' ? Promise.reject({ code: 'index', message: 'broken' }) : Promise.resolve(answer(x.text)),
    );
    const { s, outcomes } = setup(run);
    await s.now(q('bad'));
    expect(outcomes).toEqual([{ kind: 'error', query: q('bad'), error: { code: 'index', message: 'broken' } }]);
    const pending = s.now(q('good'));
    s.cancel();
    await pending;
    expect(outcomes).toHaveLength(1);
  });
});
