import { describe, expect, it } from 'vitest';
import { marriageGuide, nationalGuide, sampleLocality } from './fixtures';
import { PORTAL_SEARCH, makeSlip, portalLink, slipText } from './slip';

const day = new Date(2026, 10, 28);

describe('slip', () => {
  it('links to the portal page, or to the portal looked up by code', () => {
    const g = marriageGuide();
    expect(portalLink(g)).toBe(g.portal_url);
    expect(portalLink({ code: '1.000894' })).toBe(`${PORTAL_SEARCH}1.000894`);
    expect(portalLink({ code: '1.000894', portal_url: 'javascript:alert(1)' })).toBe(`${PORTAL_SEARCH}1.000894`);
  });

  it('collects what the print view shows', () => {
    const slip = makeSlip(marriageGuide(), new Set(['d1', 'd2']), sampleLocality(), day);
    expect(slip.title).toBe('Đăng ký kết hôn');
    expect(slip.code).toBe('1.000894');
    expect(slip.date).toBe('28/11/2026');
    expect(slip.checklist.missing.flatMap((g) => g.items.map((i) => i.id))).toEqual(['d3', 'd4']);
    expect(slip.checklist.seen.flatMap((g) => g.items.map((i) => i.id))).toEqual(['d1', 'd2']);
    expect(slip.channels).toEqual([
      { label: 'Trực tiếp', time: '1 ngày làm việc', fee: 'Miễn lệ phí' },
      { label: 'Trực tuyến', time: '1 ngày làm việc', fee: 'Miễn lệ phí' },
    ]);
    expect(slip.note).toBe('Bản sao trích lục nộp phí.');
  });

  it('copies as plain text with the missing papers first', () => {
    const text = slipText(makeSlip(marriageGuide(), new Set(['d1', 'd2']), sampleLocality(), day));
    expect(text).toContain('PHIẾU HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH\nNgày 28/11/2026');
    expect(text).toContain('Thủ tục: Đăng ký kết hôn\nMã thủ tục: 1.000894');
    const missing = text.slice(text.indexOf('GIẤY TỜ CÒN THIẾU'), text.indexOf('GIẤY TỜ ĐÃ CÓ'));
    expect(missing).toContain('[ ] Giấy tờ chứng minh nơi cư trú');
    expect(missing).toContain('Trường hợp nộp qua bưu chính:\n[ ] Bản sao có chứng thực các giấy tờ phải xuất trình (1 bản sao có chứng thực)');
    expect(missing).not.toContain('Tờ khai');
    const seen = text.slice(text.indexOf('GIẤY TỜ ĐÃ CÓ'), text.indexOf('THỜI HẠN'));
    expect(seen).toContain('[x] Tờ khai đăng ký kết hôn (1 bản chính)');
    expect(seen).toContain('[x] Giấy tờ tùy thân có ảnh');
    expect(text).toContain('- Trực tiếp: 1 ngày làm việc; Miễn lệ phí');
    expect(text).toContain('Cơ quan giải quyết: Ủy ban nhân dân cấp xã');
    expect(text).toContain('Địa chỉ: Số 1 đường Mẫu, phường Mẫu, tỉnh Mẫu');
    expect(text).toContain('Giờ làm việc: Thứ Hai đến Thứ Sáu: 7:30–17:00');
    expect(text).toContain('(Thông tin liên hệ là dữ liệu mẫu)');
    expect(text.trimEnd().endsWith(marriageGuide().portal_url ?? '?')).toBe(true);
  });

  it('labels a guide converted from the national record, with the month of its data and its portal page', () => {
    const edited = makeSlip(marriageGuide(), new Set(), null, day);
    expect(edited.national).toBeUndefined();
    expect(slipText(edited)).not.toContain('chưa biên tập');
    const g = nationalGuide();
    const slip = makeSlip(g, new Set(['d1']), null, day);
    expect(slip.national).toBe('Theo dữ liệu Cổng Dịch vụ công quốc gia, 06/2026 — chưa biên tập');
    expect(slip.link).toBe(g.portal_url);
    expect(slipText(slip)).toContain(
      `Mã thủ tục: 2.000693\nTheo dữ liệu Cổng Dịch vụ công quốc gia, 06/2026 — chưa biên tập\nTrang thủ tục: ${g.portal_url}\n`,
    );
  });

  it('says so when nothing is missing or nothing was seen, and works without a locality', () => {
    const g = marriageGuide();
    const all = slipText(makeSlip(g, new Set(['d1', 'd2', 'd3', 'd4']), null, day));
    expect(all).toContain('GIẤY TỜ CÒN THIẾU\n(Đã đủ giấy tờ)');
    expect(all).not.toContain('Địa chỉ:');
    const none = slipText(makeSlip(g, new Set(), null, day));
    expect(none).toContain('GIẤY TỜ ĐÃ CÓ\n(Chưa có)');
  });
});
