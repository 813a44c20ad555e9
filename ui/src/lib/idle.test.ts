import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleWatcher, activity, beepsAt, clampDurations, isPress } from './idle';

const timers = {
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

describe('IdleWatcher', () => {
  let dirty = true;
  const countdown: number[] = [];
  const resets: number[] = [];
  let watcher: IdleWatcher;

  beforeEach(() => {
    vi.useFakeTimers();
    dirty = true;
    countdown.length = 0;
    resets.length = 0;
    watcher = new IdleWatcher(
      90,
      20,
      { hasState: () => dirty, onCountdown: (n) => countdown.push(n), onReset: () => resets.push(Date.now()) },
      timers,
    );
    watcher.start();
  });

  afterEach(() => {
    watcher.stop();
    vi.useRealTimers();
  });

  it('warns after the idle time, counts down each second, then resets and watches again', () => {
    vi.advanceTimersByTime(89_999);
    expect(watcher.phase).toBe('watching');
    expect(countdown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(watcher.phase).toBe('warning');
    expect(countdown).toEqual([20]);
    vi.advanceTimersByTime(19_000);
    expect(countdown).toHaveLength(20);
    expect(countdown.at(-1)).toBe(1);
    expect(resets).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(resets).toHaveLength(1);
    expect(watcher.phase).toBe('watching');
    vi.advanceTimersByTime(90_000);
    expect(watcher.phase).toBe('warning');
  });

  it('input restarts the idle time', () => {
    vi.advanceTimersByTime(80_000);
    watcher.activity();
    vi.advanceTimersByTime(80_000);
    expect(watcher.phase).toBe('watching');
    vi.advanceTimersByTime(10_000);
    expect(watcher.phase).toBe('warning');
  });

  it('input during the warning does not stop it; "more time" does', () => {
    vi.advanceTimersByTime(95_000);
    watcher.activity();
    expect(watcher.phase).toBe('warning');
    watcher.moreTime();
    expect(watcher.phase).toBe('watching');
    vi.advanceTimersByTime(30_000);
    expect(resets).toHaveLength(0);
    vi.advanceTimersByTime(60_000);
    expect(watcher.phase).toBe('warning');
  });

  it('does not warn when there is nothing to clear', () => {
    dirty = false;
    vi.advanceTimersByTime(270_000);
    expect(countdown).toEqual([]);
    expect(watcher.phase).toBe('watching');
    dirty = true;
    vi.advanceTimersByTime(90_000);
    expect(watcher.phase).toBe('warning');
  });

  it('stops every timer', () => {
    vi.advanceTimersByTime(95_000);
    watcher.stop();
    vi.advanceTimersByTime(1_000_000);
    expect(resets).toHaveLength(0);
    expect(watcher.phase).toBe('stopped');
    watcher.moreTime();
    expect(watcher.phase).toBe('stopped');
  });
});

describe('durations and beeps', () => {
  it('keeps durations within bounds', () => {
    expect(clampDurations(90, 20)).toEqual({ idle: 90, warning: 20 });
    expect(clampDurations(3, 20)).toEqual({ idle: 15, warning: 15 });
    expect(clampDurations(99_999, 1)).toEqual({ idle: 3600, warning: 20 });
    expect(clampDurations(60, 5)).toEqual({ idle: 60, warning: 20 });
    expect(clampDurations(60, 19)).toEqual({ idle: 60, warning: 20 });
    expect(clampDurations(0, 0)).toEqual({ idle: 90, warning: 20 });
  });

  it('beeps at the start and in the last five seconds', () => {
    const beeps = Array.from({ length: 20 }, (_, i) => 20 - i).filter((n) => beepsAt(n, 20));
    expect(beeps).toEqual([20, 5, 4, 3, 2, 1]);
  });
});

describe('use:activity', () => {
  /** A node whose window is a bare event target (no DOM needed). */
  const inWindow = (win: EventTarget) => ({ ownerDocument: { defaultView: win } }) as unknown as Node;

  it('reports input anywhere in the window until destroyed', () => {
    const win = new EventTarget();
    const seen: string[] = [];
    const action = activity(inWindow(win), (e) => seen.push(e.type));
    for (const type of ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input', 'click']) win.dispatchEvent(new Event(type));
    expect(seen).toEqual(['pointerdown', 'keydown', 'touchstart', 'wheel', 'input']);
    action.destroy?.();
    win.dispatchEvent(new Event('pointerdown'));
    expect(seen).toHaveLength(5);
  });

  it('tells deliberate presses from other activity', () => {
    expect(isPress('pointerdown')).toBe(true);
    expect(isPress('keydown')).toBe(true);
    expect(isPress('wheel')).toBe(false);
    expect(isPress('input')).toBe(false);
  });
});
