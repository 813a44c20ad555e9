import { describe, expect, it } from 'vitest';
import { FormSession, UNREADABLE, checkValue, looksLikeCard, parseCard, parseDate } from './formfill';
import type { Form, FormField } from './ipc';

const field = (type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({
  name: 'f',
  type,
  label: 'F',
  group: 'G',
  required: false,
  help: 'h',
  help_en: 'h',
  ...extra,
});

const FORM: Form = {
  id: 'ct01',
  code: 'CT01',
  title: 'Tờ khai thay đổi thông tin cư trú',
  source: 'Mẫu CT01',
  circular: '66/2023/TT-BCA',
  effective: '2024-01-01',
  fields: [
    field('text', { name: 'kinh_gui', group: 'Nơi nộp', required: true }),
    field('name', { name: 'ho_ten', group: 'Người kê khai', required: true, qr: 'name' }),
    field('date', { name: 'ngay_sinh', group: 'Người kê khai', required: true, qr: 'birth' }),
    field('choice', { name: 'gioi_tinh', group: 'Người kê khai', required: true, choices: ['Nam', 'Nữ'], qr: 'sex' }),
    field('id-number', { name: 'so_dinh_danh', group: 'Người kê khai', required: true, qr: 'id' }),
    field('text', { name: 'noi_dung', group: 'Nội dung', required: true, max: 400 }),
  ],
  lines: [],
};

const CARD = '001089012345|123456789|Đặng Văn Hưởng|05091989|Nam|Số 1 phố Huế, Hà Nội|01022021';

describe('checkValue', () => {
  it('accepts only dates that exist', () => {
    expect(checkValue(field('date'), '5/9/1990')).toEqual({ ok: true, value: '05/09/1990' });
    expect(checkValue(field('date'), '29/02/2024').ok).toBe(true);
    for (const bad of ['29/02/2023', '31/04/2020', '12/13/2000', '1/1/90', 'hôm qua']) expect(checkValue(field('date'), bad).ok).toBe(false);
    expect(parseDate('31/12/2100')).toEqual([31, 12, 2100]);
  });

  it('wants 12 digits for the personal ID number', () => {
    expect(checkValue(field('id-number'), '001 089 012 345')).toEqual({ ok: true, value: '001089012345' });
    for (const bad of ['00108901234', '0010890123456', '00108901234a']) expect(checkValue(field('id-number'), bad).ok).toBe(false);
  });

  it('wants names as on the ID card', () => {
    expect(checkValue(field('name'), ' Nguyễn  Thị Ngọc Ánh ')).toEqual({ ok: true, value: 'Nguyễn Thị Ngọc Ánh' });
    expect(checkValue(field('name'), 'ĐẶNG VĂN HƯỞNG').ok).toBe(true);
    for (const bad of ['nguyễn văn a', 'Nguyễn Văn 2', 'NguyỄn Văn']) expect(checkValue(field('name'), bad).ok).toBe(false);
  });

  it('normalizes to NFC', () => {
    expect(checkValue(field('name'), 'A\u0301nh')).toEqual({ ok: true, value: 'Ánh' });
  });

  it('refuses a required blank and values outside a choice', () => {
    expect(checkValue(field('text', { required: true }), '  ')).toEqual({ ok: false, message: 'Mục này bắt buộc.' });
    expect(checkValue(field('choice', { choices: ['Nam', 'Nữ'] }), 'nữ')).toEqual({ ok: true, value: 'Nữ' });
    expect(checkValue(field('choice', { choices: ['Nam', 'Nữ'] }), 'Khác').ok).toBe(false);
  });
});

describe('the ID card QR code', () => {
  it('is read', () => {
    const c = parseCard(CARD);
    expect(c?.name).toBe('Đặng Văn Hưởng');
    expect(c?.birth).toBe('05/09/1989');
    expect(c?.sex).toBe('Nam');
    expect(looksLikeCard(CARD)).toBe(true);
    expect(parseCard(`${CARD}|`)).not.toBeNull();
  });

  it('is refused whole when damaged or foreign', () => {
    for (const bad of [
      '',
      'https://example.org',
      CARD.replace('|01022021', ''),
      CARD.replace('001089012345', '00108901234'),
      CARD.replace('05091989', '31021989'),
      CARD.replace('|Nam|', '|X|'),
    ])
      expect(parseCard(bad)).toBeNull();
  });
});

describe('FormSession', () => {
  it('goes step by step, refusing a step with a bad field', () => {
    const s = new FormSession(FORM);
    expect(s.groups).toEqual(['Nơi nộp', 'Người kê khai', 'Nội dung']);
    expect(s.next()).toBe(false);
    expect(s.error('kinh_gui')).toBe('Mục này bắt buộc.');
    s.set('kinh_gui', 'Công an phường Hoàn Kiếm');
    expect(s.next()).toBe(true);
    s.set('ho_ten', 'nguyễn văn a');
    expect(s.next()).toBe(false);
    expect(s.error('ho_ten')).toMatch(/Viết hoa/);
    expect(s.step).toBe(1);
  });

  it('refuses a 5,000-character paste without cutting it and keeps the old value', () => {
    const s = new FormSession(FORM);
    s.set('noi_dung', 'Đăng ký tạm trú');
    expect(s.set('noi_dung', 'x'.repeat(5000))).toBe('refused');
    expect(s.value('noi_dung')).toBe('Đăng ký tạm trú');
    expect(s.error('noi_dung')).toMatch(/tối đa 400 ký tự, bạn đã nhập 5000/);
  });

  it('fills the person from a card code typed into any field, and nothing from a damaged one', () => {
    const s = new FormSession(FORM);
    s.set('kinh_gui', 'Công an phường Hoàn Kiếm');
    // A scanner types key by key into the first field: the code is held, not kept as the field's value.
    let out = '';
    const typed = (i: number) => `Công an phường Hoàn Kiếm${CARD.slice(0, i)}`;
    for (let i = 1; i <= CARD.length; i++) out = s.set('kinh_gui', typed(i));
    expect(out).toBe('pending');
    expect(s.finishScan('kinh_gui', typed(CARD.length))).toBe('scanned');
    expect(s.value('kinh_gui')).toBe('Công an phường Hoàn Kiếm');
    expect(s.value('ho_ten')).toBe('Đặng Văn Hưởng');
    expect(s.value('ngay_sinh')).toBe('05/09/1989');
    expect(s.value('gioi_tinh')).toBe('Nam');
    expect(s.value('so_dinh_danh')).toBe('001089012345');

    const t = new FormSession(FORM);
    expect(t.scan(CARD.replace('|Nam|', '|?|'))).toBe('unreadable');
    expect(t.notice).toBe(UNREADABLE);
    expect(t.dirty).toBe(false);
  });

  it('forgets everything when wiped', () => {
    const s = new FormSession(FORM);
    s.scan(CARD);
    s.set('noi_dung', 'Đăng ký thường trú');
    s.step = 2;
    s.wipe();
    expect(s.all()).toEqual({});
    expect(s.dirty).toBe(false);
    expect(s.step).toBe(0);
    expect(s.notice).toBe('');
  });
});
