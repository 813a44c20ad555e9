// What the kiosk says, besides a guide (whose spoken text the core builds): the text a screen shows,
// read in order (headings, labels, paragraphs, list items, card titles, field errors), the keys of the
// on-screen keyboard, a ticked paper. Reading what is shown keeps speech equal to the screen (EN 301 549
// §5.1.3) without a second copy of every string; what a citizen typed into a field is never read back
// from the page (input values are not text nodes), only the key just pressed. The `use:echo` action
// says the keys and the messages as they come.

import type { ActionReturn } from 'svelte/action';

/** The words of speech, in both languages (kept apart from i18n.ts: they belong together). */
export const SPEECH_WORDS = {
  vi: {
    listen: 'Nghe đọc',
    stop: 'Dừng đọc',
    speaking: 'Đang đọc…',
    toggleOn: 'Đọc khi chạm: Bật',
    toggleOff: 'Đọc khi chạm: Tắt',
    failed: (m: string) => `Không phát được âm thanh: ${m}`,
    tapToExtend: 'Chạm vào bất kỳ đâu trên màn hình để thêm thời gian.',
    ticked: (t: string) => `Đã đánh dấu: ${t}`,
    unticked: (t: string) => `Bỏ đánh dấu: ${t}`,
    adminTitle: 'Giọng đọc',
    unavailable: (r: string) => `Máy không đọc được thành tiếng, nút “Nghe đọc” đang ẩn. Lý do: ${r}`,
    version: (v: string) => `Bộ đọc: ${v}`,
    region: 'Giọng',
    regions: { northern: 'Miền Bắc', central: 'Miền Trung', southern: 'Miền Nam' },
    rate: 'Tốc độ đọc',
    rates: { slow: 'Chậm (cho người cao tuổi)', normal: 'Vừa', fast: 'Nhanh' },
    volume: 'Âm lượng',
    volumeValue: (db: number) => `${db > 0 ? '+' : ''}${db} dB`,
    defaultOn: 'Bật “Đọc khi chạm” sẵn cho mỗi người dùng',
    test: 'Thử giọng đọc',
    sample: 'Xin chào. Lệ phí đăng ký là 50.000 đ, trả kết quả trong 05 ngày làm việc, tại UBND xã.',
    saved: 'Đã lưu vào config.toml.',
  },
  en: {
    listen: 'Listen',
    stop: 'Stop reading',
    speaking: 'Reading…',
    toggleOn: 'Read on touch: On',
    toggleOff: 'Read on touch: Off',
    failed: (m: string) => `Could not play the sound: ${m}`,
    tapToExtend: 'Touch anywhere on the screen for more time.',
    ticked: (t: string) => `Ticked: ${t}`,
    unticked: (t: string) => `Unticked: ${t}`,
    adminTitle: 'Voice',
    unavailable: (r: string) => `This machine cannot speak, so the “Listen” button is hidden. Reason: ${r}`,
    version: (v: string) => `Synthesiser: ${v}`,
    region: 'Voice',
    regions: { northern: 'Northern', central: 'Central', southern: 'Southern' },
    rate: 'Reading speed',
    rates: { slow: 'Slow (for elderly people)', normal: 'Medium', fast: 'Fast' },
    volume: 'Volume',
    volumeValue: (db: number) => `${db > 0 ? '+' : ''}${db} dB`,
    defaultOn: 'Turn “Read on touch” on for every new user',
    test: 'Test the voice',
    sample: 'Xin chào. Lệ phí đăng ký là 50.000 đ, trả kết quả trong 05 ngày làm việc, tại UBND xã.',
    saved: 'Saved to config.toml.',
  },
} as const;

/** The speech words of a language. */
export type SpeechWords = (typeof SPEECH_WORDS)['vi' | 'en'];

/** The rates offered on the admin screen, in words per minute. */
export const RATES = { slow: 110, normal: 150, fast: 190 } as const;

/** The elements whose text forms one sentence. */
const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,label,legend,dt,dd,th,td,button,a,[role=alert],[data-speak]';

/** Whether an element is hidden from everyone (not merely from the eye, as visually-hidden text is). */
function hidden(el: Element): boolean {
  return (
    el.closest('[hidden],[aria-hidden="true"],[data-speech-skip],script,style,template,input,textarea,select') !== null ||
    (el instanceof HTMLElement && el.style.display === 'none')
  );
}

/** The text a screen shows under `root`, one sentence per block, in reading order. */
export function screenText(root: Element): string {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: { block: Element | null; text: string }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (!el || !text || hidden(el)) continue;
    const block = el.closest(BLOCKS);
    const last = parts.at(-1);
    if (last && last.block === block) last.text += ` ${text}`;
    else parts.push({ block, text });
  }
  return parts
    .map((p) => p.text.trim())
    .filter((t) => t !== '')
    .map((t) => (/[.!?:…]$/.test(t) ? t : `${t}.`))
    .join(' ');
}

/** What is said for a tap on the on-screen keyboard: the key's name (its accessible label, which names
 * marks and actions in the kiosk's language), or '' when the tap is not on a key. */
export function keySpoken(target: EventTarget | null): string {
  const key = target instanceof Element ? target.closest('[data-testid="osk"] button') : null;
  if (!key) return '';
  return (key.getAttribute('aria-label') ?? key.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The messages that are said as they appear, when speech is on (Section 508 §402.2: a kiosk speaks its
 * errors): alerts, the message under a field that is wrong, and what marks itself `data-announce` (a
 * petition sent, a rating thanked, a scanned ID card). Live regions that change with every key (the
 * result count, the checklist's progress) are left out: they would cut off the echo of the key itself. */
const ANNOUNCED = '[role=alert],[data-testid=field-error],[data-testid=form-error],[data-announce]';

/** The text of each message that appeared, or whose text changed, in `records` (a MutationObserver's
 * batch over the kiosk), in reading order, each once. Messages inside hidden parts, or inside the speech
 * bar itself (`data-speech-skip`: its own failure must not be said again and again), are not said. */
export function announcements(records: readonly MutationRecord[]): string[] {
  const found = new Set<Element>();
  for (const record of records) {
    const nodes = record.type === 'childList' ? [...record.addedNodes] : [record.target];
    for (const node of nodes) {
      const el = node instanceof Element ? node : node.parentElement;
      if (!el) continue;
      const message = el.closest(ANNOUNCED);
      if (message) found.add(message);
      else if (node instanceof Element) for (const inner of node.querySelectorAll(ANNOUNCED)) found.add(inner);
    }
  }
  const texts: string[] = [];
  const ordered = [...found]
    .filter((el) => el.isConnected && !hidden(el))
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1));
  for (const el of ordered) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && !texts.includes(text)) texts.push(text);
  }
  return texts;
}

/** Says what comes up while `node` is in the page (`<div use:echo={say}>`): each key of the on-screen
 * keyboard as it is tapped ({@link keySpoken}), and the errors and confirmations as they appear in the
 * page ({@link announcements}). `say` decides whether speech is on and in which language. */
export function echo(node: HTMLElement, say: (text: string) => void): ActionReturn<(text: string) => void> {
  const doc = node.ownerDocument;
  const win = doc.defaultView ?? window;
  let current = say;
  const onClick = (event: Event) => {
    const key = keySpoken(event.target);
    if (key) current(key);
  };
  const announcer = new MutationObserver((records) => {
    const said = announcements(records);
    if (said.length > 0) current(said.join(' '));
  });
  win.addEventListener('click', onClick, { capture: true });
  announcer.observe(doc.body, { subtree: true, childList: true, characterData: true });
  return {
    update(next) {
      current = next;
    },
    destroy() {
      win.removeEventListener('click', onClick, { capture: true });
      announcer.disconnect();
    },
  };
}
