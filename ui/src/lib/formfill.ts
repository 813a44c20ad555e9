// Filling an official form (tờ khai) step by step: one group of fields at a time, each value checked as it
// is typed with a message for the field, the ID card's QR code recognised when a scanner "types" it into any
// field or into the "Quét CCCD" prompt, and a wipe that forgets everything.
//
// The rules mirror the core's (src/forms/values.rs, src/forms/qr.rs), which checks again before a PDF is
// made. What a citizen types lives only in a FormSession's memory: nothing here logs, stores or sends it.

import type { Form, FormField } from './ipc';

/** The most characters any field accepts, whatever its `max`. */
export const HARD_MAX = 1000;

/** The longest value a field accepts, in characters. */
export function maxChars(field: FormField): number {
  const byKind: Record<FormField['type'], number> = {
    text: 200,
    name: 100,
    date: 10,
    year: 4,
    'id-number': 15,
    phone: 20,
    choice: 20,
    tick: 20,
    count: 2,
  };
  return Math.min(field.max ?? byKind[field.type], HARD_MAX);
}

/** A checked value, or the message to show under the field. */
export type Checked = { ok: true; value: string } | { ok: false; message: string };

const CONTROL = /\p{Cc}/u;

/** Parses `d/m/yyyy` (also `-`, `.`, or `ddmmyyyy`) into a date that exists. */
export function parseDate(value: string): [number, number, number] | null {
  const parts = /^\d{8}$/.test(value) ? [value.slice(0, 2), value.slice(2, 4), value.slice(4)] : value.split(/[/.-]/).map((p) => p.trim());
  if (parts.length !== 3) return null;
  const [ds = '', ms = '', ys = ''] = parts;
  if (!/^\d{1,2}$/.test(ds) || !/^\d{1,2}$/.test(ms) || !/^\d{4}$/.test(ys)) return null;
  const [d, m, y] = [Number(ds), Number(ms), Number(ys)];
  if (y < 1900 || y > 2100 || m < 1 || m > 12) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d >= 1 && d <= days ? [d, m, y] : null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function checkName(value: string): string | null {
  if (!/^[\p{L} ]+$/u.test(value))
    return 'Họ tên chỉ gồm chữ cái, viết đủ dấu như trên thẻ căn cước (không có số hay ký hiệu).';
  for (const word of value.split(' ')) {
    const first = word.charAt(0);
    const rest = word.slice(1);
    const firstUpper = first !== first.toLocaleLowerCase('vi');
    const restOk = rest === rest.toLocaleLowerCase('vi') || rest === rest.toLocaleUpperCase('vi');
    if (!firstUpper || !restOk)
      return `Viết hoa chữ cái đầu mỗi tiếng như trên thẻ căn cước (“${word}”), ví dụ Nguyễn Thị Ngọc Ánh.`;
  }
  return null;
}

/** Checks one value as the core does; returns it normalized (empty when left blank and allowed). */
export function checkValue(field: FormField, raw: string): Checked {
  const chars = [...raw].length;
  const max = maxChars(field);
  if (chars > max)
    return {
      ok: false,
      message: `Quá dài: mục này nhận tối đa ${max} ký tự, bạn đã nhập ${chars}. Không có gì bị cắt bớt; hãy viết ngắn lại.`,
    };
  if (CONTROL.test(raw)) return { ok: false, message: 'Có ký tự điều khiển (xuống dòng, tab…); hãy viết trên một dòng.' };
  const value = raw.normalize('NFC').trim().split(/\s+/u).filter(Boolean).join(' ');
  if (!value) return field.required ? { ok: false, message: 'Mục này bắt buộc.' } : { ok: true, value: '' };
  switch (field.type) {
    case 'text':
      return { ok: true, value };
    case 'name': {
      const m = checkName(value);
      return m ? { ok: false, message: m } : { ok: true, value };
    }
    case 'date': {
      const d = parseDate(value);
      return d
        ? { ok: true, value: `${pad(d[0])}/${pad(d[1])}/${pad(d[2], 4)}` }
        : { ok: false, message: 'Ngày không có thật hoặc sai cách viết; viết ngày/tháng/năm, ví dụ 05/09/1990.' };
    }
    case 'year': {
      const y = Number(value);
      return /^\d{4}$/.test(value) && y >= 1900 && y <= 2100
        ? { ok: true, value }
        : { ok: false, message: 'Năm viết bằng bốn chữ số, ví dụ 1990.' };
    }
    case 'id-number': {
      const digits = value.replace(/\s/g, '');
      return /^\d{12}$/.test(digits)
        ? { ok: true, value: digits }
        : { ok: false, message: 'Số định danh cá nhân gồm đúng 12 chữ số (in trên thẻ căn cước).' };
    }
    case 'phone': {
      const compact = value.replace(/[\s.-]/g, '');
      return /^\+?\d{9,15}$/.test(compact)
        ? { ok: true, value: compact }
        : { ok: false, message: 'Số điện thoại chỉ gồm chữ số, ví dụ 0912345678.' };
    }
    case 'choice': {
      const c = (field.choices ?? []).find((c) => c.toLocaleLowerCase('vi') === value.toLocaleLowerCase('vi'));
      return c ? { ok: true, value: c } : { ok: false, message: `Chọn một trong: ${(field.choices ?? []).join(', ')}.` };
    }
    case 'tick':
      return value === 'yes' || value === 'no' ? { ok: true, value } : { ok: false, message: 'Chọn Có hoặc Không.' };
    case 'count': {
      const n = Number(value);
      return /^\d{1,2}$/.test(value) && n >= 1 && n <= 99
        ? { ok: true, value: String(n) }
        : { ok: false, message: 'Ghi số lượng từ 1 đến 99.' };
    }
  }
}

/** What the ID card's QR code says. */
export interface CardData {
  id: string;
  oldId: string;
  name: string;
  /** dd/mm/yyyy */
  birth: string;
  sex: 'Nam' | 'Nữ';
  address: string;
  issued: string;
}

export const UNREADABLE =
  'Mã QR không đọc được hoặc không phải mã trên thẻ căn cước. Không mục nào được điền; hãy quét lại hoặc gõ tay.';

/** Whether typed text looks like a scanned ID card code (to tell a scan from typing). */
export function looksLikeCard(text: string): boolean {
  return (text.match(/\|/g) ?? []).length >= 5 && /^\s*\d/.test(text);
}

/** Parses the text of the chip ID card's QR code; null when damaged or of another kind. */
export function parseCard(text: string): CardData | null {
  const parts = text.normalize('NFC').trim().split('|').map((p) => p.trim());
  if (parts.length === 8 && parts[7] === '') parts.pop();
  if (parts.length !== 7) return null;
  const [id = '', oldId = '', name = '', birth = '', sex = '', address = '', issued = ''] = parts;
  const date = (s: string) => {
    const d = /^\d{8}$/.test(s) ? parseDate(s) : null;
    return d ? `${pad(d[0])}/${pad(d[1])}/${pad(d[2], 4)}` : null;
  };
  const b = date(birth);
  const i = date(issued);
  const sx = sex === 'Nam' || sex === 'NAM' ? 'Nam' : sex === 'Nữ' || sex === 'NỮ' ? 'Nữ' : null;
  if (!/^\d{12}$/.test(id) || !(oldId === '' || /^(\d{9}|\d{12})$/.test(oldId))) return null;
  if (!/^[\p{L} ]+$/u.test(name) || !b || !i || !sx || !address) return null;
  return { id, oldId, name: name.split(/\s+/).join(' '), birth: b, sex: sx, address, issued: i };
}

/** Where an ID card code being typed starts in a field's text (the digits before its first `|`), or −1. */
function codeStart(raw: string): number {
  const m = /(\d+)\|/.exec(raw);
  return m ? m.index : -1;
}

/** The result of setting a field: kept, refused (the value stays as it was), a card code being typed by a
 * scanner (`pending`, finished on Enter), or a scanned card. */
export type SetOutcome = 'kept' | 'refused' | 'pending' | 'scanned' | 'unreadable';

/** One person filling one form. */
export class FormSession {
  readonly form: Form;
  /** The groups of fields, in filling order: one step each, then the review. */
  readonly groups: string[];
  private values = new Map<string, string>();
  private errors = new Map<string, string>();
  /** The step shown: 0…groups.length−1, or groups.length for the review. */
  step = 0;
  /** A message about the last scan (filled or unreadable), or ''. */
  notice = '';

  constructor(form: Form) {
    this.form = form;
    this.groups = [...new Set(form.fields.map((f) => f.group))];
  }

  get reviewing(): boolean {
    return this.step >= this.groups.length;
  }

  fields(step = this.step): FormField[] {
    const g = this.groups[step];
    return this.form.fields.filter((f) => f.group === g);
  }

  value(name: string): string {
    return this.values.get(name) ?? '';
  }

  error(name: string): string {
    return this.errors.get(name) ?? '';
  }

  /** Every value as typed (for the review and the PDF). */
  all(): Record<string, string> {
    return Object.fromEntries(this.values);
  }

  /** Whether anything was typed (the kiosk counts it as in use). */
  get dirty(): boolean {
    return [...this.values.values()].some((v) => v !== '');
  }

  /** A field was edited. A scanned ID card code fills the person's fields instead; a value past the
   * field's limit is refused whole (the previous value stays) with its message. */
  set(name: string, raw: string): SetOutcome {
    const field = this.form.fields.find((f) => f.name === name);
    if (!field) return 'refused';
    // A scanner types the card's code one key at a time, after whatever the field held: from the code's
    // first `|` the field holds a code being typed, not a value; Enter (or leaving the field) reads it
    // with {@link finishScan}, and the field gets back what it held before the code.
    if (codeStart(raw) >= 0) return 'pending';
    if ([...raw].length > maxChars(field)) {
      const c = checkValue(field, raw);
      this.errors.set(name, c.ok ? '' : c.message);
      return 'refused';
    }
    this.values.set(name, raw);
    // Typing clears an old message; the check runs when the field is left or the step is finished.
    if (this.errors.has(name)) this.check(name);
    return 'kept';
  }

  /** Checks a field now (on leaving it), showing its message. */
  check(name: string): boolean {
    const field = this.form.fields.find((f) => f.name === name);
    if (!field) return false;
    const c = checkValue(field, this.value(name));
    if (c.ok) {
      this.errors.delete(name);
      if (c.value !== this.value(name) && this.value(name) !== '') this.values.set(name, c.value);
    } else this.errors.set(name, c.message);
    return c.ok;
  }

  /** A code typed into a field ends (Enter, or the field is left): reads it when it is one. */
  finishScan(name: string, raw: string): SetOutcome {
    const start = codeStart(raw);
    if (start < 0) return 'kept';
    const before = raw.slice(0, start);
    const out = this.scan(raw.slice(start));
    const field = this.form.fields.find((f) => f.name === name);
    if (field && !(out === 'scanned' && field.qr)) this.values.set(name, before.trimEnd());
    return out;
  }

  /** Fills the person's fields from a scanned ID card code; an unreadable code fills nothing. */
  scan(text: string): SetOutcome {
    const card = parseCard(text);
    if (!card) {
      this.notice = UNREADABLE;
      return 'unreadable';
    }
    const parts: Record<string, string> = { id: card.id, name: card.name, birth: card.birth, sex: card.sex, address: card.address };
    let n = 0;
    for (const f of this.form.fields) {
      const v = f.qr ? parts[f.qr] : undefined;
      if (v) {
        this.values.set(f.name, v);
        this.errors.delete(f.name);
        n++;
      }
    }
    this.notice = `Đã điền ${n} mục từ thẻ căn cước. Hãy kiểm tra lại.`;
    return 'scanned';
  }

  /** Checks every field of the step; moves on when all pass. */
  next(): boolean {
    if (this.reviewing) return true;
    const ok = this.fields().map((f) => this.check(f.name)).every(Boolean);
    if (ok) {
      this.step++;
      this.notice = '';
    }
    return ok;
  }

  back(): void {
    if (this.step > 0) this.step--;
    this.notice = '';
  }

  /** Checks the whole form; goes to the first step with a refused field when one is. */
  checkAll(): boolean {
    for (let s = 0; s < this.groups.length; s++) {
      const ok = this.fields(s).map((f) => this.check(f.name)).every(Boolean);
      if (!ok) {
        this.step = s;
        return false;
      }
    }
    return true;
  }

  /** Forgets everything typed. */
  wipe(): void {
    this.values.clear();
    this.errors.clear();
    this.step = 0;
    this.notice = '';
  }
}
