import { describe, expect, it } from 'vitest';
import { dict, otherLang, parseLang } from './i18n';
import {
  DEFAULT_TEXT_SIZE,
  TEXT_SIZES,
  type KeyValueStore,
  loadLang,
  loadPaper,
  loadTextSize,
  saveLang,
  savePaper,
  saveTextSize,
  stepTextSize,
} from './prefs';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('preferences', () => {
  it('default to Vietnamese, 16 px and A4, and remember changes', () => {
    const store = memory();
    expect(loadLang(store)).toBe('vi');
    expect(loadTextSize(store)).toBe(DEFAULT_TEXT_SIZE);
    expect(loadPaper(store)).toBe('A4');
    saveLang('en', store);
    saveTextSize(20, store);
    savePaper('A5', store);
    expect(loadLang(store)).toBe('en');
    expect(loadTextSize(store)).toBe(20);
    expect(loadPaper(store)).toBe('A5');
  });

  it('ignore stored nonsense and storage failures', () => {
    const store = memory();
    store.data.set('sotay.lang', 'fr');
    store.data.set('sotay.textSize', '999');
    store.data.set('sotay.paper', 'letter');
    expect(loadLang(store)).toBe('vi');
    expect(loadTextSize(store)).toBe(DEFAULT_TEXT_SIZE);
    expect(loadPaper(store)).toBe('A4');
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadLang(broken)).toBe('vi');
    expect(() => saveLang('en', broken)).not.toThrow();
    expect(loadTextSize(undefined)).toBe(DEFAULT_TEXT_SIZE);
  });

  it('step the text size within bounds', () => {
    const smallest = TEXT_SIZES[0]!;
    const largest = TEXT_SIZES[TEXT_SIZES.length - 1]!;
    expect(stepTextSize(16, 1)).toBe(18);
    expect(stepTextSize(16, -1)).toBe(14);
    expect(stepTextSize(smallest, -1)).toBe(smallest);
    expect(stepTextSize(largest, 1)).toBe(largest);
    expect(stepTextSize(17, 1)).toBe(18);
  });
});

describe('dictionaries', () => {
  it('have the same keys in both languages, and no empty text', () => {
    const vi = dict('vi');
    const en = dict('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const d of [vi, en]) {
      for (const [k, v] of Object.entries(d)) {
        if (typeof v === 'string') expect(v.trim(), k).not.toBe('');
      }
    }
    expect(Object.keys(en.levels).sort()).toEqual(Object.keys(vi.levels).sort());
  });

  it('format counts and switch languages', () => {
    expect(dict('vi').found(60, 20)).toBe('Tìm thấy 60 thủ tục, hiện 20 thủ tục phù hợp nhất.');
    expect(dict('vi').found(3, 3)).toBe('Tìm thấy 3 thủ tục.');
    expect(dict('en').found(1, 1)).toBe('1 procedure found.');
    expect(dict('vi').noResults('xyz')).toBe('Không tìm thấy thủ tục nào cho “xyz”.');
    expect(otherLang('vi')).toBe('en');
    expect(otherLang('en')).toBe('vi');
    expect(parseLang('en')).toBe('en');
    expect(parseLang(null)).toBe('vi');
  });
});
