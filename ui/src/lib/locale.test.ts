import { describe, expect, it, vi } from 'vitest';
import { dict } from './i18n';
import { Locale, localeContext } from './locale.svelte';

describe('Locale', () => {
  it('gives the words of its language and switches between the two', () => {
    const locale = new Locale();
    expect(locale.lang).toBe('vi');
    expect(locale.words).toBe(dict('vi'));
    locale.toggle();
    expect(locale.lang).toBe('en');
    expect(locale.words.kiosk.home).toBe('Home');
  });

  it('tells each change, and only changes (the desk saves the language there)', () => {
    const onchange = vi.fn();
    const locale = new Locale('en', onchange);
    locale.set('en');
    expect(onchange).not.toHaveBeenCalled();
    locale.toggle();
    locale.set('en');
    expect(onchange.mock.calls).toEqual([['vi'], ['en']]);
  });

  it('makes a context for mounting one component in a test', () => {
    const locale = new Locale('en');
    expect([...localeContext(locale).values()]).toEqual([locale]);
  });
});
