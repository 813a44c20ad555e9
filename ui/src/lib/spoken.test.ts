// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SPEECH_WORDS, keySpoken, screenText } from './spoken';

function dom(html: string): HTMLElement {
  const root = document.createElement('main');
  root.innerHTML = html;
  document.body.replaceChildren(root);
  return root;
}

describe('screenText', () => {
  it('reads headings, labels, hints and cards in order, one sentence each', () => {
    const root = dom(`
      <h2>Bạn cần làm thủ tục gì?</h2>
      <form><label for="q">Tìm thủ tục</label><input id="q" value="kết hôn bí mật"><p>Gõ việc bạn cần làm</p></form>
      <ul>
        <li><button><span>Đăng ký kết hôn</span> <span>Hộ tịch</span></button></li>
        <li><button><span>Đăng ký khai sinh</span></button></li>
      </ul>
      <p aria-hidden="true">42</p>
      <div hidden><p>Ẩn</p></div>
      <p class="visually-hidden">Có 2 kết quả</p>`);
    expect(screenText(root)).toBe(
      'Bạn cần làm thủ tục gì? Tìm thủ tục. Gõ việc bạn cần làm. Đăng ký kết hôn Hộ tịch. Đăng ký khai sinh. Có 2 kết quả.',
    );
  });

  it('reads a form’s labels and errors, never what was typed', () => {
    const root = dom(`
      <label>Họ và tên *<input name="name" value="Trần Thị Bích Ngọc"></label>
      <p role="alert" data-testid="field-error">Vui lòng nhập họ và tên.</p>
      <label>Nội dung<textarea>bí mật</textarea></label>`);
    const text = screenText(root);
    expect(text).toBe('Họ và tên *. Vui lòng nhập họ và tên. Nội dung.');
    expect(text).not.toContain('Ngọc');
    expect(text).not.toContain('bí mật');
  });

  it('is empty for an empty screen', () => {
    expect(screenText(dom('<div> </div>'))).toBe('');
  });
});

describe('keySpoken', () => {
  it('names the key tapped by its label, and nothing off the keyboard', () => {
    dom(`<div data-testid="osk"><button aria-label="Dấu sắc"><span>á</span></button><button><span>q</span></button></div><button id="x">Tìm</button>`);
    const [sac, q] = [...document.querySelectorAll<HTMLElement>('[data-testid="osk"] button')];
    expect(keySpoken(sac?.querySelector('span') ?? null)).toBe('Dấu sắc');
    expect(keySpoken(q ?? null)).toBe('q');
    expect(keySpoken(document.getElementById('x'))).toBe('');
    expect(keySpoken(null)).toBe('');
  });
});

describe('words', () => {
  it('has every speech string in both languages', () => {
    expect(Object.keys(SPEECH_WORDS.en).sort()).toEqual(Object.keys(SPEECH_WORDS.vi).sort());
    expect(SPEECH_WORDS.vi.listen).toBe('Nghe đọc');
    expect(SPEECH_WORDS.en.listen).toBe('Listen');
  });
});
