// The printed guidance slip ("phiếu hướng dẫn"): what it says, as data for the print view and as plain
// text for "copy". Always in Vietnamese: it is handed to the citizen.

import { type ChecklistSplit, documentLine, splitChecklist } from './checklist';
import { channelLabel, feeText, formatDay, nationalLabel, sharedNote, timeText } from './format';
import type { Guide, Locality } from './ipc';

/** The national portal's search page, for guides without their own portal address. */
export const PORTAL_SEARCH = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=';

/** The page of the procedure on the national portal: its `portal_url`, else the portal looked up by code. */
export function portalLink(guide: Pick<Guide, 'code' | 'portal_url'>): string {
  const url = guide.portal_url?.trim();
  if (url && /^https:\/\//i.test(url)) return url;
  return PORTAL_SEARCH + encodeURIComponent(guide.code);
}

/** Everything the slip shows. */
export interface Slip {
  title: string;
  code: string;
  date: string;
  checklist: ChecklistSplit;
  channels: { label: string; time: string; fee: string; note?: string }[];
  /** A note shared by every channel, printed once. */
  note?: string;
  agency: string;
  locality: Locality | null;
  link: string;
  /** For a guide converted from the national portal's record: where its text comes from and when
   * ("Theo dữ liệu Cổng Dịch vụ công quốc gia, 06/2026 — chưa biên tập"). */
  national?: string;
}

/** The slip of a guide, with the papers ticked so far, on a day. */
export function makeSlip(guide: Guide, ticked: ReadonlySet<string>, locality: Locality | null, day: Date): Slip {
  const note = sharedNote(guide.channels);
  const national = nationalLabel(guide);
  return {
    title: guide.title,
    code: guide.code,
    date: formatDay(day),
    checklist: splitChecklist(guide.documents, ticked),
    channels: guide.channels.map((c) => ({
      label: channelLabel(c.channel),
      time: timeText(c),
      fee: feeText(c, day),
      ...(c.note && !note ? { note: c.note } : {}),
    })),
    ...(note ? { note } : {}),
    agency: guide.agency,
    locality,
    link: portalLink(guide),
    ...(national ? { national } : {}),
  };
}

/** The slip as plain text (for the clipboard). */
export function slipText(slip: Slip): string {
  const lines: string[] = [];
  lines.push('PHIẾU HƯỚNG DẪN THỦ TỤC HÀNH CHÍNH', `Ngày ${slip.date}`, '');
  lines.push(`Thủ tục: ${slip.title}`, `Mã thủ tục: ${slip.code}`);
  if (slip.national) lines.push(slip.national, `Trang thủ tục: ${slip.link}`);
  lines.push('');

  lines.push('GIẤY TỜ CÒN THIẾU');
  if (slip.checklist.missing.length === 0) lines.push('(Đã đủ giấy tờ)');
  for (const group of slip.checklist.missing) {
    lines.push(`${group.title}:`);
    for (const item of group.items) lines.push(`[ ] ${documentLine(item)}`);
  }
  lines.push('');

  lines.push('GIẤY TỜ ĐÃ CÓ');
  if (slip.checklist.seen.length === 0) lines.push('(Chưa có)');
  for (const group of slip.checklist.seen) {
    lines.push(`${group.title}:`);
    for (const item of group.items) lines.push(`[x] ${documentLine(item)}`);
  }
  lines.push('');

  if (slip.channels.length) {
    lines.push('THỜI HẠN VÀ LỆ PHÍ');
    for (const c of slip.channels) {
      lines.push(`- ${c.label}: ${c.time}; ${c.fee}${c.note ? ` (${c.note})` : ''}`);
    }
    if (slip.note) lines.push(slip.note);
    lines.push('');
  }

  lines.push('NƠI NỘP HỒ SƠ');
  lines.push(`Cơ quan giải quyết: ${slip.agency}`);
  const office = slip.locality?.office;
  if (office) {
    lines.push(office.name, `Địa chỉ: ${office.address}`, `Điện thoại: ${office.phone}`);
    if (office.email) lines.push(`Thư điện tử: ${office.email}`);
    if (office.hours) lines.push(`Giờ làm việc: ${office.hours}`);
    if (slip.locality?.sample) lines.push('(Thông tin liên hệ là dữ liệu mẫu)');
  }
  lines.push('');

  lines.push(`Tra cứu trên Cổng Dịch vụ công quốc gia: ${slip.link}`);
  return lines.join('\n');
}
