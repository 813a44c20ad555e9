import { describe, expect, it } from 'vitest';
import { byLabel, fold, pick } from './facets';

const f = (label: string, count: number) => ({ value: label, label, count });
const FIELDS = [
  f('Hộ tịch', 40),
  f('Đất đai', 120),
  f('Bảo trợ xã hội', 25),
  f('Bảo hiểm xã hội', 60),
  f('Đường bộ', 30),
  f('Thú y', 12),
  f('Trồng trọt', 0),
];

describe('facets', () => {
  it('folds diacritics, đ and case', () => {
    expect(fold('  Đất   ĐAI ')).toBe('dat dai');
    expect(fold('Bảo trợ xã hội')).toBe('bao tro xa hoi');
  });

  it('sorts labels the Vietnamese way (Đ after D, not after Z)', () => {
    expect(byLabel([f('Đường bộ', 1), f('Thú y', 1), f('Dân tộc', 1), f('Bảo hiểm', 1)]).map((v) => v.label)).toEqual([
      'Bảo hiểm',
      'Dân tộc',
      'Đường bộ',
      'Thú y',
    ]);
  });

  it('shows the biggest values first when nothing is typed, and says how many more', () => {
    const p = pick(FIELDS, '', 3);
    expect(p.shown.map((v) => v.label)).toEqual(['Đất đai', 'Bảo hiểm xã hội', 'Hộ tịch']);
    expect(p.more).toBe(3); // the empty "Trồng trọt" is left out
  });

  it('finds values by any typed words, with or without diacritics, prefixes first', () => {
    expect(pick(FIELDS, 'xa hoi', 10).shown.map((v) => v.label)).toEqual(['Bảo hiểm xã hội', 'Bảo trợ xã hội']);
    expect(pick(FIELDS, 'bảo trợ', 10).shown.map((v) => v.label)).toEqual(['Bảo trợ xã hội']);
    expect(pick(FIELDS, 'd', 10).shown.map((v) => v.label)).toEqual(['Đất đai', 'Đường bộ']);
    expect(pick(FIELDS, 'ho', 10).shown[0]?.label).toBe('Hộ tịch');
    expect(pick(FIELDS, 'zzz', 10)).toEqual({ shown: [], more: 0 });
  });
});
