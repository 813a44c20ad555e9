// Pure formatting helpers for the UI (Vietnamese labels mirror the core's `label()` methods).

import type { Channel, ChannelKind, Guide, Quantity } from './ipc';

const CHANNELS: Record<ChannelKind, string> = {
  'truc-tiep': 'Trực tiếp',
  'truc-tuyen': 'Trực tuyến',
  'buu-chinh': 'Bưu chính',
};

/** "Trực tuyến" for `truc-tuyen`. */
export function channelLabel(channel: ChannelKind): string {
  return CHANNELS[channel] ?? channel;
}

/** `2026-06-30` as `30/06/2026`; anything else unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A month `2026-06` as `06/2026`; `null` for anything else. */
export function formatMonth(month: string | undefined): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month?.trim() ?? '');
  return m ? `${m[2]}/${m[1]}` : null;
}

/**
 * The label of a guide converted from the national portal's record without editing: "Theo dữ liệu Cổng
 * Dịch vụ công quốc gia, 06/2026 — chưa biên tập" (the month of the record's data). `null` for a guide
 * edited by the content office. In Vietnamese: the screens show it and the slips print it.
 */
export function nationalLabel(guide: Pick<Guide, 'origin' | 'record_date'>): string | null {
  if (guide.origin !== 'national') return null;
  const month = formatMonth(guide.record_date);
  return `Theo dữ liệu Cổng Dịch vụ công quốc gia${month ? `, ${month}` : ''} — chưa biên tập`;
}

/** The words shown before the reason of a superseded paper or legal text. */
export const SUPERSEDED_LABEL = 'Không còn dùng';

/** A day as `YYYY-MM-DD` in local time. */
function isoDay(day: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${p(day.getMonth() + 1)}-${p(day.getDate())}`;
}

/**
 * A channel's fee as shown and printed: with its end date when it has one ("25.000 đồng đến 31/12/2026;
 * sau đó 50.000 đồng"); once the end date has passed, the rate after it. A fee that refers to the notes
 * carries its reason.
 */
export function feeText(c: Channel, day: Date = new Date()): string {
  if (c.fee_valid_until && c.fee_then) {
    if (isoDay(day) > c.fee_valid_until) return c.fee_then;
    return `${c.fee} đến ${formatDate(c.fee_valid_until)}; sau đó ${c.fee_then}`;
  }
  return c.fee_reason ? `${c.fee} (${c.fee_reason})` : c.fee;
}

/** A channel's time as shown and printed, with the reason when it refers to the notes. */
export function timeText(c: Channel): string {
  return c.time_reason ? `${c.time} (${c.time_reason})` : c.time;
}

/** "1 bản chính". */
export function formatQuantity(q: Quantity): string {
  return `${q.count} ${q.label}`;
}

/** The note all channels share, shown once instead of in every row (`undefined` when they differ). */
export function sharedNote(channels: readonly Channel[]): string | undefined {
  const first = channels[0]?.note;
  return first && channels.every((c) => c.note === first) ? first : undefined;
}

/** A day as `28/11/2026` (local time). */
export function formatDay(day: Date): string {
  const dd = String(day.getDate()).padStart(2, '0');
  const mm = String(day.getMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${day.getFullYear()}`;
}
