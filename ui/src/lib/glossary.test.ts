// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { someTerms } from './fixtures';
import { buildMatcher, glossClick, markGlossary, segments, tooltip } from './glossary';

const matcher = buildMatcher(someTerms())!;

const marked = (text: string) =>
  segments(text, matcher)
    .filter((s) => s.explanation)
    .map((s) => `${s.text}=${s.explanation?.term}`);

describe('glossary matching', () => {
  it('builds a valid pattern from spellings with regex characters and hyphens', () => {
    expect(matcher).not.toBeNull();
    expect(marked('Nghị định số 123/2015/NĐ-CP và mẫu TK1-TS')).toEqual(['NĐ-CP=NĐ-CP', 'TK1-TS=TK1-TS']);
    expect(marked('ký hiệu C++ (x) lạ')).toEqual(['C++ (x)=C++ (x)']);
  });

  it('explains abbreviations, old terms and technical terms, not everyday phrases', () => {
    expect(marked('Mang CCCD và sổ hộ khẩu, 1 bản chính; lấy vợ')).toEqual([
      'CCCD=CCCD',
      'hộ khẩu=hộ khẩu',
      'bản chính=bản chính',
    ]);
    expect(buildMatcher([])).toBeNull();
    expect(buildMatcher(someTerms().filter((t) => t.kind === 'cach-noi'))).toBeNull();
  });

  it('prefers the longest spelling and keeps whole words only', () => {
    expect(marked('thẻ căn cước công dân')).toEqual(['căn cước công dân=CCCD']);
    expect(marked('thẻ căn cước')).toEqual(['căn cước=căn cước']);
    expect(marked('XCCCD hay CCCDs')).toEqual([]);
  });

  it('matches abbreviations in their own case only, other terms in any case', () => {
    expect(marked('cccd')).toEqual([]);
    expect(marked('Bản chính')).toEqual(['Bản chính=bản chính']);
    expect(marked('Căn cước công dân')).toEqual(['Căn cước công dân=CCCD']);
  });

  it('explains each term once, at its first occurrence', () => {
    const seen = new Set<string>();
    expect(segments('CCCD, CCCD', matcher, seen).filter((s) => s.explanation)).toHaveLength(1);
    expect(segments('và CCCD', matcher, seen).filter((s) => s.explanation)).toHaveLength(0);
    expect(segments('không có thuật ngữ', matcher)).toEqual([{ text: 'không có thuật ngữ' }]);
  });

  it('names the term when another spelling was found', () => {
    const cccd = matcher.bySpelling.get('cccd')!;
    expect(tooltip('CCCD', cccd)).toBe(cccd.meaning);
    expect(tooltip('căn cước công dân', cccd)).toBe(`CCCD: ${cccd.meaning}`);
  });
});

describe('glossary marking in the DOM', () => {
  it('wraps terms in text nodes with <abbr title> and keeps the markup', () => {
    const root = document.createElement('div');
    root.innerHTML = 'Nộp <b>1 bản chính</b> và <a href="#">CCCD</a>, <code>NĐ-CP</code>; sổ hộ khẩu &lt;cũ&gt;';
    const n = markGlossary(root, matcher);
    expect(n).toBe(2);
    const abbrs = [...root.querySelectorAll('abbr.gloss')];
    expect(abbrs.map((a) => a.textContent)).toEqual(['bản chính', 'hộ khẩu']);
    expect(abbrs[0]?.getAttribute('title')).toBe('Bản gốc do cơ quan có thẩm quyền cấp.');
    expect(abbrs[0]?.getAttribute('tabindex')).toBe('0');
    expect(abbrs[0]?.parentElement?.tagName).toBe('B');
    expect(root.querySelector('a')?.innerHTML).toBe('CCCD');
    expect(root.querySelector('code')?.innerHTML).toBe('NĐ-CP');
    expect(root.textContent).toBe('Nộp 1 bản chính và CCCD, NĐ-CP; sổ hộ khẩu <cũ>');
  });

  it('never turns text into markup', () => {
    const root = document.createElement('p');
    root.textContent = '<img src=x onerror=alert(1)> CCCD';
    markGlossary(root, matcher);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('abbr')?.textContent).toBe('CCCD');
  });

  it('does nothing without a matcher, and does not mark twice', () => {
    const root = document.createElement('p');
    root.textContent = 'CCCD';
    expect(markGlossary(root, null)).toBe(0);
    expect(markGlossary(root, matcher)).toBe(1);
    expect(markGlossary(root, matcher)).toBe(0);
    expect(root.querySelectorAll('abbr')).toHaveLength(1);
  });

  it('keeps a click on a term inside a label from ticking the checkbox', () => {
    document.body.innerHTML = '<input type="checkbox" id="c"><label for="c">Mang CCCD</label>';
    const label = document.querySelector('label')!;
    markGlossary(label, matcher);
    label.addEventListener('click', glossClick);
    const abbr = label.querySelector('abbr')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    abbr.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(abbr);
    const plain = new MouseEvent('click', { bubbles: true, cancelable: true });
    label.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(false);
  });
});
