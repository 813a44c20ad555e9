import { describe, expect, it } from 'vitest';
import { type Key, compose, composeAll, isNamedKey } from './compose';

/** Keys from a compact spec: letters one by one, named keys in brackets ("dang[dd][breve]"). */
function keys(spec: string): Key[] {
  const out: Key[] = [];
  for (const m of spec.matchAll(/\[([a-z]+)\]|(.)/gsu)) out.push(m[1] ?? (m[2] === ' ' ? 'space' : (m[2] ?? '')));
  return out;
}

const plain = (spec: string, from = '') => composeAll(from, keys(spec), 'plain');
const telex = (spec: string, from = '') => composeAll(from, keys(spec), 'telex');

describe('plain mode with mark and shape keys', () => {
  it.each([
    ['dang[dd][breve] ky[sac]', 'đăng ký'],
    ['[dd]ang[breve] ky[sac]', 'đăng ký'],
    ['ket[circumflex][sac] hon[circumflex]', 'kết hôn'],
    ['hoa[huyen]', 'hòa'],
    ['thuy[hoi]', 'thủy'],
    ['hoe[huyen]', 'hòe'],
    ['hoang[huyen]', 'hoàng'],
    ['hoa[huyen]n', 'hoàn'],
    ['toan[sac]', 'toán'],
    ['quy[sac]', 'quý'],
    ['qua[huyen]', 'quà'],
    ['gia[hoi]', 'giả'],
    ['gi[huyen]', 'gì'],
    ['mua[sac]', 'múa'],
    ['mia[sac]', 'mía'],
    ['nguoi[horn][huyen]', 'người'],
    ['nguoi[huyen][horn]', 'người'],
    ['thuong[horn]', 'thương'],
    ['cuoc[circumflex][nang]', 'cuộc'],
    ['khuyen[circumflex][sac]', 'khuyến'],
    ['nghieng[circumflex]', 'nghiêng'],
    ['xoay[sac]', 'xoáy'],
    ['ngoai[huyen]', 'ngoài'],
    ['ruou[horn][nang]', 'rượu'],
    ['cua[horn][hoi]', 'cửa'],
    ['chung[horn][sac] thuc[horn][nang]', 'chứng thực'],
    ['ho[circumflex][nang] ti[nang]ch', 'hộ tịch'],
    ['ca[nga]', 'cã'],
  ])('%s → %s', (spec, expected) => {
    expect(plain(spec)).toBe(expected);
  });

  it('typing without marks leaves the letters as they are', () => {
    expect(plain('dang ky ket hon')).toBe('dang ky ket hon');
    expect(plain('lam can cuoc 2024')).toBe('lam can cuoc 2024');
  });

  it('the same mark again removes it; another mark replaces it', () => {
    expect(plain('a[sac][sac]')).toBe('a');
    expect(plain('a[sac][huyen]')).toBe('à');
    expect(plain('a[circumflex][circumflex]')).toBe('a');
    expect(plain('a[circumflex][breve]')).toBe('ă');
    expect(plain('d[dd][dd]a')).toBe('da');
  });

  it('marks with no vowel to carry them do nothing', () => {
    expect(plain('ng[sac]')).toBe('ng');
    expect(plain('[sac]')).toBe('');
    expect(plain('ab [huyen]')).toBe('ab ');
    expect(plain('tr[horn]')).toBe('tr');
  });

  it('the đ key types đ where the syllable does not start with d', () => {
    expect(plain('[dd]i')).toBe('đi');
    expect(plain('a[dd]')).toBe('ađ');
  });

  it('keeps capitals', () => {
    expect(plain('Dang[dd][breve]', '')).toBe('Đăng');
    expect(plain('[sac]', 'UY')).toBe('ÚY');
    expect(plain('o[circumflex][nang]', 'Ng')).toBe('Ngộ');
  });

  it('only rewrites the last syllable', () => {
    expect(plain('[huyen]', 'thủy hoa')).toBe('thủy hòa');
    expect(plain('[sac]', 'hoà ca')).toBe('hoà cá');
  });
});

describe('Telex mode', () => {
  it.each([
    ['ddawng kys', 'đăng ký'],
    ['ddangw kys', 'đăng ký'],
    ['keets hoon', 'kết hôn'],
    ['nguoiwf', 'người'],
    ['nguowif', 'người'],
    ['hoaf', 'hòa'],
    ['hoafn', 'hoàn'],
    ['hoanf', 'hoàn'],
    ['thuyr', 'thủy'],
    ['quys', 'quý'],
    ['giaf', 'già'],
    ['tieengs', 'tiếng'],
    ['tiengse', 'tiếng'],
    ['cuoocj', 'cuộc'],
    ['tuwf', 'từ'],
    ['w', 'ư'],
    ['tw', 'tư'],
    ['ruouwj', 'rượu'],
    ['xoong', 'xông'],
    ['chuwngs thuwcj', 'chứng thực'],
    ['laf giaays khai sinh', 'là giấy khai sinh'],
  ])('%s → %s', (spec, expected) => {
    expect(telex(spec)).toBe(expected);
  });

  it('undoes by repeating the key', () => {
    expect(telex('ass')).toBe('as');
    expect(telex('aff')).toBe('af');
    expect(telex('aaa')).toBe('aa');
    expect(telex('aww')).toBe('aw');
    expect(telex('ddd')).toBe('dd');
    expect(telex('xooong')).toBe('xoong');
  });

  it('z removes the tone, and is a letter otherwise', () => {
    expect(telex('asz')).toBe('a');
    expect(telex('z')).toBe('z');
    expect(telex('az')).toBe('az');
  });

  it('types tone letters literally where they cannot be tones', () => {
    expect(telex('s')).toBe('s');
    expect(telex('ss')).toBe('ss');
    expect(telex('sang')).toBe('sang');
    expect(telex('bus')).toBe('bú');
    expect(telex('assd')).toBe('asd');
  });

  it('still takes the mark keys', () => {
    expect(telex('hoa[huyen]')).toBe('hòa');
    expect(telex('dang[dd][breve]')).toBe('đăng');
  });

  it('plain mode types Telex letters as letters', () => {
    expect(plain('ddawng kys')).toBe('ddawng kys');
  });
});

describe('editing keys', () => {
  it('space, backspace and clear', () => {
    expect(compose('đăng', 'space', 'plain')).toBe('đăng ');
    expect(compose('đăng', 'backspace', 'plain')).toBe('đăn');
    expect(compose('ký', 'backspace', 'telex')).toBe('k');
    expect(compose('', 'backspace', 'plain')).toBe('');
    expect(compose('a😀', 'backspace', 'plain')).toBe('a');
    expect(compose('đăng ký', 'clear', 'telex')).toBe('');
  });

  it('digits and punctuation end the syllable', () => {
    expect(plain('12/3 le[circumflex] lo[horn][nang]i')).toBe('12/3 lê lợi');
    expect(plain('a@b.vn')).toBe('a@b.vn');
    expect(plain('[sac]', 'a1')).toBe('a1');
  });

  it('ignores unknown named keys', () => {
    expect(compose('abc', 'shift', 'plain')).toBe('abc');
  });

  it('knows its named keys', () => {
    expect(isNamedKey('sac')).toBe(true);
    expect(isNamedKey('dd')).toBe(true);
    expect(isNamedKey('a')).toBe(false);
  });

  it('always gives NFC', () => {
    const out = plain('nguoi[horn][huyen] vie[circumflex][nang]t');
    expect(out).toBe(out.normalize('NFC'));
    expect(plain('[sac]', 'ca\u0300'.normalize('NFD'))).toBe('cá');
  });
});
