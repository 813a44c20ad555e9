import { describe, expect, it } from 'vitest';
import { countItems, countTicked, documentLine, keepKnown, splitChecklist, toggled } from './checklist';
import { marriageGuide } from './fixtures';

const ids = (groups: { items: { id: string }[] }[]) => groups.flatMap((g) => g.items.map((i) => i.id));

describe('checklist', () => {
  it('puts unticked papers under missing and ticked ones under seen, keeping group order', () => {
    const g = marriageGuide();
    const split = splitChecklist(g.documents, new Set(['d2', 'd4']));
    expect(ids(split.missing)).toEqual(['d1', 'd3']);
    expect(ids(split.seen)).toEqual(['d2', 'd4']);
    expect(split.missing.map((x) => x.title)).toEqual(['Giấy tờ phải nộp', 'Giấy tờ phải xuất trình']);
    expect(split.seen.map((x) => x.kind)).toEqual(['show', 'case']);
  });

  it('handles nothing and everything ticked', () => {
    const g = marriageGuide();
    const none = splitChecklist(g.documents, new Set());
    expect(countItems(none.missing)).toBe(4);
    expect(none.seen).toEqual([]);
    const all = splitChecklist(g.documents, new Set(['d1', 'd2', 'd3', 'd4']));
    expect(all.missing).toEqual([]);
    expect(countItems(all.seen)).toBe(4);
    expect(countTicked(g.documents, new Set())).toBe(0);
    expect(countTicked(g.documents, new Set(['d2', 'd4', 'not-a-paper']))).toBe(2);
  });

  it('toggles ids without changing the original set', () => {
    const a = new Set(['d1']);
    const b = toggled(a, 'd2');
    const c = toggled(b, 'd1');
    expect([...a]).toEqual(['d1']);
    expect([...b].sort()).toEqual(['d1', 'd2']);
    expect([...c]).toEqual(['d2']);
  });

  it('drops ticks that are not papers of the guide', () => {
    expect([...keepKnown(marriageGuide().documents, new Set(['d1', 'd9']))]).toEqual(['d1']);
  });

  it('writes a paper with its quantity', () => {
    const [submit, show] = marriageGuide().documents;
    expect(documentLine(submit!.items[0]!)).toBe('Tờ khai đăng ký kết hôn (1 bản chính)');
    expect(documentLine(show!.items[0]!)).toBe('Giấy tờ tùy thân có ảnh');
  });
});
