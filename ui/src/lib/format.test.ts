import { describe, expect, it } from 'vitest';
import {
  channelLabel,
  formatDate,
  formatDay,
  formatMonth,
  formatQuantity,
  nationalLabel,
  sharedNote,
} from './format';

describe('format', () => {
  it('formats ISO dates the Vietnamese way', () => {
    expect(formatDate('2026-06-30')).toBe('30/06/2026');
    expect(formatDate(' 2025-07-01 ')).toBe('01/07/2025');
    expect(formatDate('')).toBe('');
    expect(formatDate('tháng 7/2025')).toBe('tháng 7/2025');
  });

  it('labels a guide converted from the national record with the month of its data, an edited one not', () => {
    expect(formatMonth('2026-06')).toBe('06/2026');
    expect(formatMonth('2026-06-30')).toBeNull();
    expect(formatMonth(undefined)).toBeNull();
    expect(nationalLabel({ origin: 'national', record_date: '2026-06' })).toBe(
      'Theo dữ liệu Cổng Dịch vụ công quốc gia, 06/2026 — chưa biên tập',
    );
    expect(nationalLabel({ origin: 'national' })).toBe('Theo dữ liệu Cổng Dịch vụ công quốc gia — chưa biên tập');
    expect(nationalLabel({ origin: 'edited', record_date: '2026-06' })).toBeNull();
  });

  it('labels channels like the core', () => {
    expect(channelLabel('truc-tuyen')).toBe('Trực tuyến');
    expect(channelLabel('buu-chinh')).toBe('Bưu chính');
  });

  it('formats quantities', () => {
    expect(formatQuantity({ count: 2, form: 'copy', label: 'bản sao' })).toBe('2 bản sao');
  });

  it('finds the note every channel shares', () => {
    const c = (note?: string) => ({ channel: 'truc-tiep' as const, time: '1 ngày', fee: '0', ...(note ? { note } : {}) });
    expect(sharedNote([c('x'), c('x')])).toBe('x');
    expect(sharedNote([c('x'), c('y')])).toBeUndefined();
    expect(sharedNote([c(), c()])).toBeUndefined();
    expect(sharedNote([])).toBeUndefined();
  });

  it('formats a day', () => {
    expect(formatDay(new Date(2026, 0, 5))).toBe('05/01/2026');
  });
});
