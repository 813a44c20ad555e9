// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SPEECH_WORDS, announcements, echo, keySpoken, screenText } from './spoken';

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

describe('announcements', () => {
  /** Runs `change` on a kiosk being watched, and returns what would be said of it. */
  function said(html: string, change: (root: HTMLElement) => void): string[] {
    const root = dom(html);
    const observer = new MutationObserver(() => {});
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    change(root);
    const records = observer.takeRecords();
    observer.disconnect();
    return announcements(records);
  }

  it('says an alert and the messages under wrong fields as they appear, in reading order', () => {
    expect(
      said('<form><label>Họ tên</label><input><div id="a"></div><label>Điện thoại</label><input><div id="b"></div></form><div id="top"></div>', (root) => {
        root.querySelector('#b')!.innerHTML = '<p data-testid="field-error">Số điện thoại chưa đúng.</p>';
        root.querySelector('#a')!.innerHTML = '<p data-testid="field-error">Cần ghi họ tên.</p>';
        root.querySelector('#top')!.innerHTML = '<p role="alert">Còn thông tin chưa đúng.</p>';
      }),
    ).toEqual(['Cần ghi họ tên.', 'Số điện thoại chưa đúng.', 'Còn thông tin chưa đúng.']);
  });

  it('says a message again when its text changes, and once however many changes a batch holds', () => {
    expect(
      said('<p role="alert">Sai ngày.</p>', (root) => {
        const text = root.querySelector('p')!.firstChild as Text;
        text.data = 'Ngày không có thật.';
        text.data = 'Ngày sinh không có thật.';
      }),
    ).toEqual(['Ngày sinh không có thật.']);
  });

  it('says what marks itself data-announce, and nothing of other live regions', () => {
    expect(
      said('<h2 role="status">3 kết quả</h2><p aria-live="polite">Đã có 1/5 giấy</p><div id="x"></div>', (root) => {
        root.querySelector('h2')!.textContent = '12 kết quả';
        root.querySelector('[aria-live]')!.textContent = 'Đã có 2/5 giấy';
        root.querySelector('#x')!.innerHTML = '<p role="status" data-announce>Đã gửi kiến nghị, mã số 12.</p>';
      }),
    ).toEqual(['Đã gửi kiến nghị, mã số 12.']);
  });

  it('says nothing of the speech bar, hidden parts, removed or empty messages', () => {
    expect(
      said('<div data-speech-skip><p role="status"></p></div><div hidden id="h"></div><p role="alert" id="gone">Lỗi</p><div id="e"></div>', (root) => {
        root.querySelector('[data-speech-skip] p')!.innerHTML = '<span role="alert">Không phát được âm thanh.</span>';
        root.querySelector('#h')!.innerHTML = '<p role="alert">Ẩn</p>';
        root.querySelector('#gone')!.remove();
        root.querySelector('#e')!.innerHTML = '<p role="alert">  </p>';
      }),
    ).toEqual([]);
  });
});

describe('use:echo', () => {
  it('says a tapped key and a message as it appears, until destroyed', async () => {
    const root = dom('<div data-testid="osk"><button aria-label="Dấu sắc">á</button></div><div id="msg"></div>');
    const said: string[] = [];
    const action = echo(root, (text) => said.push(text));
    root.querySelector<HTMLButtonElement>('[data-testid="osk"] button')!.click();
    root.querySelector('#msg')!.innerHTML = '<p role="alert">Chưa gửi được.</p>';
    await new Promise((r) => setTimeout(r, 0));
    expect(said).toEqual(['Dấu sắc', 'Chưa gửi được.']);
    action.destroy?.();
    root.querySelector<HTMLButtonElement>('[data-testid="osk"] button')!.click();
    root.querySelector('#msg')!.innerHTML = '<p role="alert">Lỗi khác.</p>';
    await new Promise((r) => setTimeout(r, 0));
    expect(said).toHaveLength(2);
  });
});
