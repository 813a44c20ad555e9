import { describe, expect, it } from 'vitest';
import { marriageGuide, someTerms } from './fixtures';
import { buildMatcher } from './glossary';
import type { Channel, SearchResults } from './ipc';
import {
  type KioskSnapshot,
  KIOSK_TEXT_SIZES,
  explainedTerms,
  inPersonFirst,
  inUse,
  nextTextStep,
  otherHits,
  textSizeOf,
} from './kiosk';

const home: KioskSnapshot = {
  page: 'search',
  text: '',
  event: '',
  overlay: false,
  textStep: 0,
  contrast: false,
  lang: 'vi',
  telex: false,
};

describe('kiosk view helpers', () => {
  it('cycles the text size and never goes below 20 px', () => {
    expect([0, 1, 2].map(nextTextStep)).toEqual([1, 2, 0]);
    expect(Math.min(...KIOSK_TEXT_SIZES)).toBeGreaterThanOrEqual(20);
    expect(textSizeOf(9)).toBe(20);
    expect(textSizeOf(1)).toBe(24);
  });

  it('knows when someone is using the kiosk', () => {
    expect(inUse(home)).toBe(false);
    for (const change of [
      { text: 'k' },
      { event: 'ket-hon' },
      { page: 'guide' as const },
      { page: 'petition' as const },
      { overlay: true },
      { textStep: 1 },
      { contrast: true },
      { lang: 'en' },
      { telex: true },
    ]) {
      expect(inUse({ ...home, ...change })).toBe(true);
    }
  });

  it('lists under the chooser only the results it does not offer', () => {
    const hit = (code: string) => ({ code, title: code, field: 'Hộ tịch', score: 1, snippet: '' });
    const results: SearchResults = {
      query: 'ket hon',
      total: 3,
      took_us: 1,
      hits: [hit('a'), hit('b'), hit('c')],
      ambiguous: true,
      family: { id: 'f', name: 'F', question: 'Q', members: [{ code: 'a', title: 'A', choose_when: '' }, { code: 'c', title: 'C', choose_when: '' }] },
    };
    expect(otherHits(results).map((h) => h.code)).toEqual(['b']);
    expect(otherHits({ ...results, ambiguous: false }).map((h) => h.code)).toEqual(['a', 'b', 'c']);
  });

  it('puts lodging in person first', () => {
    const c = (channel: Channel['channel']): Channel => ({ channel, time: '', fee: '' });
    expect(inPersonFirst([c('truc-tuyen'), c('buu-chinh'), c('truc-tiep')]).map((x) => x.channel)).toEqual([
      'truc-tiep',
      'truc-tuyen',
      'buu-chinh',
    ]);
  });
});

describe('explained terms', () => {
  it('lists each glossary term of the guide once, in reading order', () => {
    const guide = marriageGuide();
    guide.summary = 'Mang thẻ CCCD và bản chính giấy tờ; sổ hộ khẩu không còn dùng.';
    guide.documents[0]!.items[0]!.text = 'Bản chính tờ khai, bản sao CCCD';
    const terms = explainedTerms(guide, buildMatcher(someTerms()));
    expect(terms.map((t) => t.term)).toEqual(['CCCD', 'bản chính', 'hộ khẩu']);
    expect(explainedTerms(guide, null)).toEqual([]);
  });
});
