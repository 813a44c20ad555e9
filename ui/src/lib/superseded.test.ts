// Issue 15: a fee with an end date shows it (and the rate after, once passed); a superseded paper is
// never required, never counted, never printed as missing.
import { describe, expect, it } from 'vitest';
import { countItems, countTicked, splitChecklist } from './checklist';
import { supersededGuide } from './fixtures';
import { feeText, timeText } from './format';
import type { Channel } from './ipc';
import { makeSlip, slipText } from './slip';

const halfRate: Channel = {
  channel: 'truc-tiep',
  time: '7 ngày làm việc',
  fee: '25.000 đồng/thẻ căn cước',
  fee_valid_until: '2026-12-31',
  fee_then: '50.000 đồng/thẻ căn cước',
};

describe('fees with an end date', () => {
  it('show the end date and the rate after it until then', () => {
    expect(feeText(halfRate, new Date(2026, 11, 4))).toBe(
      '25.000 đồng/thẻ căn cước đến 31/12/2026; sau đó 50.000 đồng/thẻ căn cước',
    );
    expect(feeText(halfRate, new Date(2026, 11, 31))).toContain('đến 31/12/2026');
  });

  it('show the rate after the end date once it has passed', () => {
    expect(feeText(halfRate, new Date(2027, 0, 1))).toBe('50.000 đồng/thẻ căn cước');
  });

  it('carry the reason of a fee or time that refers to the notes', () => {
    const c: Channel = { channel: 'truc-tuyen', time: 'Xem ghi chú', fee: 'Xem ghi chú', time_reason: 'Tùy trường hợp', fee_reason: 'Theo từng loại giấy' };
    expect(timeText(c)).toBe('Xem ghi chú (Tùy trường hợp)');
    expect(feeText(c)).toBe('Xem ghi chú (Theo từng loại giấy)');
    expect(feeText({ channel: 'truc-tiep', time: '1 ngày', fee: 'Miễn lệ phí' })).toBe('Miễn lệ phí');
  });
});

describe('superseded papers', () => {
  it('are neither missing nor seen, and not counted', () => {
    const g = supersededGuide(halfRate);
    const none = splitChecklist(g.documents, new Set());
    expect(none.missing.flatMap((x) => x.items.map((i) => i.id))).not.toContain('d9');
    const all = splitChecklist(g.documents, new Set(['d1', 'd2', 'd3', 'd4', 'd9']));
    expect(all.seen.flatMap((x) => x.items.map((i) => i.id))).not.toContain('d9');
    expect(countItems(g.documents)).toBe(4);
    expect(countTicked(g.documents, new Set(['d9']))).toBe(0);
  });

  it('never print as missing on the slip, which prints the fee with its end date', () => {
    const slip = makeSlip(supersededGuide(halfRate), new Set(), null, new Date(2026, 11, 4));
    const text = slipText(slip);
    expect(text).not.toContain('Sổ hộ khẩu');
    expect(text).toContain('25.000 đồng/thẻ căn cước đến 31/12/2026; sau đó 50.000 đồng/thẻ căn cước');
    const later = slipText(makeSlip(supersededGuide(halfRate), new Set(), null, new Date(2027, 0, 2)));
    expect(later).toContain('- Trực tiếp: 7 ngày làm việc; 50.000 đồng/thẻ căn cước');
  });
});
