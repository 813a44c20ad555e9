import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, with the last arguments, after the calls stop', () => {
    const fn = vi.fn();
    const d = debounce(fn, 80);
    d('d');
    vi.advanceTimersByTime(50);
    d('da');
    vi.advanceTimersByTime(50);
    d('dan');
    vi.advanceTimersByTime(79);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('dan');
  });

  it('runs again for calls after the delay', () => {
    const fn = vi.fn();
    const d = debounce(fn, 80);
    d(1);
    vi.advanceTimersByTime(80);
    d(2);
    vi.advanceTimersByTime(80);
    expect(fn.mock.calls).toEqual([[1], [2]]);
  });

  it('cancel drops the pending call', () => {
    const fn = vi.fn();
    const d = debounce(fn, 80);
    d('x');
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
  });

  it('flush runs the pending call at once, and only once', () => {
    const fn = vi.fn();
    const d = debounce(fn, 80);
    d('x');
    d.flush();
    expect(fn).toHaveBeenCalledWith('x');
    vi.advanceTimersByTime(500);
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
