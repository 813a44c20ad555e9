// @vitest-environment happy-dom
// The kiosk's view logic with the IPC mocked: on-screen typing, cards, guide, receipt, rating, petition,
// idle reset, lock-down and the admin screen. (The real shell and WebKit are exercised end to end.)
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, settle, tap } from '../lib/dom.testing';
import { foreignMarriageGuide, marriageGuide, sampleLocality, samplePetitionErrors, sampleResults, someTerms } from '../lib/fixtures';
import { dict } from '../lib/i18n';
import type { PetitionInput } from '../lib/ipc';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({
  invoke: (...args: unknown[]) => invoke(...args),
  Channel: class {
    onmessage: (m: unknown) => void = () => {};
  },
}));

const App = (await import('../App.svelte')).default;

const marriage = marriageGuide();
const foreign = foreignMarriageGuide();
const guides = new Map([marriage, foreign].map((g) => [g.code, g]));

let stored: PetitionInput[] = [];
let unlocked = false;
/** Whether the shell says a PIN is set (the config is read again at each call). */
let pinSet = true;
/** Whether the shell says espeak-ng runs, and what was said (speak texts, `guide:CODE`, `stop`). */
let speechAvailable = true;
let spoken: string[] = [];

function fakeShell(cmd: string, args: Record<string, unknown> = {}): unknown {
  switch (cmd) {
    case 'app_mode':
      return { kiosk: true, idle_seconds: 30, warning_seconds: 20, pin_set: pinSet };
    case 'speech_status':
      return {
        available: speechAvailable,
        reason: speechAvailable ? null : 'espeak-ng is not installed',
        version: 'eSpeak NG text-to-speech: 1.51',
        speaking: null,
        settings: { enabled: false, region: 'northern', rate: 150, volume_db: 0, device: 'default' },
      };
    case 'speak':
    case 'speak_guide':
      spoken.push(cmd === 'speak' ? String(args.text) : `guide:${String(args.code)}`);
      return spoken.length;
    case 'speech_stop':
      spoken.push('stop');
      return null;
    case 'set_speech':
      if (!unlocked) throw { code: 'locked', message: 'locked' };
      return { ...(args.settings as object), device: 'default' };
    case 'search':
      return sampleResults(String(args.query));
    case 'guide':
      return guides.get(String(args.code));
    case 'life_events':
      return [
        { id: 'ket-hon', name: 'Kết hôn', description: 'Đăng ký kết hôn' },
        { id: 'sinh-con', name: 'Sinh con', description: 'Khai sinh cho con' },
      ];
    case 'locality':
      return sampleLocality();
    case 'glossary':
      return someTerms();
    case 'submit_rating':
      return 7;
    case 'check_petition':
      return samplePetitionErrors(args.petition as PetitionInput);
    case 'submit_petition': {
      const p = args.petition as PetitionInput;
      if (samplePetitionErrors(p).length) throw { code: 'invalid', message: 'x', fields: samplePetitionErrors(p) };
      stored.push(p);
      return stored.length;
    }
    case 'admin_unlock':
      unlocked = args.pin === '246813';
      return unlocked;
    case 'admin_lock':
      unlocked = false;
      return null;
    case 'feedback_counts':
      if (!unlocked) throw { code: 'locked', message: 'locked' };
      return { petitions: stored.length, petitions_not_exported: stored.length, ratings: 1 };
    case 'export_feedback':
      if (!unlocked) throw { code: 'locked', message: 'Cần nhập mã PIN quản trị trước khi làm việc này.' };
      return { path: '/data/exports/gop-y-20261128.csv', petitions: stored.length, ratings: 1, purged: args.purge ? stored.length : 0 };
    default:
      throw `unknown command ${cmd}`;
  }
}

/** Touches the search field, which opens the on-screen keyboard. */
function touchSearch() {
  $<HTMLInputElement>('[data-testid="kiosk-search"]')!.focus();
  flushSync();
}

/** Taps on-screen keys: characters one by one, named keys in brackets. */
function osk(spec: string) {
  for (const m of spec.matchAll(/\[([a-z]+)\]|(.)/gsu)) {
    const key = m[1] ?? (m[2] === ' ' ? 'space' : m[2]);
    tap(key === 'shift' ? '[data-testid="osk-shift"]' : `[data-testid="osk-key"][data-key="${key}"]`);
  }
}

function field(name: string) {
  return $<HTMLInputElement>(`form[data-testid="petition-form"] [name="${name}"]`)!;
}

let app: Record<string, unknown>;

beforeEach(async () => {
  stored = [];
  unlocked = false;
  pinSet = true;
  localStorage.clear();
  invoke.mockReset();
  invoke.mockImplementation(async (cmd: string, args?: Record<string, unknown>) => fakeShell(cmd, args));
  document.body.innerHTML = '';
  app = mount(App, { target: document.body });
  await settle(20);
});

afterEach(() => {
  unmount(app);
  vi.useRealTimers();
});

describe('kiosk', () => {
  it('starts on the kiosk home screen, not the desk', () => {
    expect($('[data-testid="kiosk"]')).not.toBeNull();
    expect($('[data-testid="kiosk-home"]')).not.toBeNull();
    expect($('[data-testid="search-input"]')).toBeNull();
    expect($$('[data-testid="kiosk-event"]').map((e) => e.dataset.eventId)).toEqual(['ket-hon', 'sinh-con']);
    expect($('[data-testid="kiosk-search"]')?.getAttribute('inputmode')).toBe('none');
    // The keyboard opens when the search field is touched, and folds away with its button.
    expect($('[data-testid="osk"]')).toBeNull();
    touchSearch();
    expect($('[data-testid="osk"]')).not.toBeNull();
    tap('[data-testid="osk-hide"]');
    expect($('[data-testid="osk"]')).toBeNull();
    tap('[data-testid="osk-show"]');
    expect($('[data-testid="osk"]')).not.toBeNull();
    expect(document.documentElement.style.fontSize).toBe('20px');
  });

  it('types "đăng ký" on the on-screen keyboard and shows result cards', async () => {
    touchSearch();
    osk('dang[dd][breve] ky[sac]');
    expect($<HTMLInputElement>('[data-testid="kiosk-search"]')!.value).toBe('đăng ký');
    await settle();
    expect(invoke).toHaveBeenLastCalledWith('search', { query: 'đăng ký', options: { limit: 12, prefix: true, filters: {} } });
    expect($$('[data-testid="kiosk-result"]').map((r) => r.dataset.code)).toEqual(['1.000894', '2.000806']);
  });

  it('types at the caret, and a selection is replaced or deleted', () => {
    touchSearch();
    osk('ket hon');
    const input = $<HTMLInputElement>('[data-testid="kiosk-search"]')!;
    input.setSelectionRange(3, 3);
    osk('[circumflex][sac]');
    expect(input.value).toBe('kết hon');
    expect(input.selectionStart).toBe(3);
    input.setSelectionRange(4, 7);
    osk('[backspace]');
    expect(input.value).toBe('kết ');
    osk('[clear]');
    expect(input.value).toBe('');
  });

  it('folds the on-screen keyboard away when a physical keyboard is used', () => {
    touchSearch();
    expect($('[data-testid="osk"]')).not.toBeNull();
    $('[data-testid="kiosk-search"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
    flushSync();
    expect($('[data-testid="osk"]')).toBeNull();
  });

  it('composes Telex when switched on', async () => {
    touchSearch();
    tap('[data-testid="osk-telex"]');
    expect($('[data-testid="osk-telex"]')?.getAttribute('aria-pressed')).toBe('true');
    osk('ddawng kys');
    expect($<HTMLInputElement>('[data-testid="kiosk-search"]')!.value).toBe('đăng ký');
  });

  it('offers look-alikes as big cards under "Chọn đúng thủ tục của bạn"', async () => {
    touchSearch();
    osk('ket hon nuoc ngoai');
    await settle();
    const chooser = $('[data-testid="kiosk-chooser"]')!;
    expect(chooser.textContent).toContain('Chọn đúng thủ tục của bạn');
    expect($$('[data-testid="kiosk-choice"]').map((c) => c.dataset.code)).toEqual(['1.000894', '2.000806']);
    expect($$('[data-testid="kiosk-result"]')).toHaveLength(0);
    tap('[data-testid="kiosk-choice"][data-code="2.000806"]');
    await settle(20);
    expect($('[data-testid="kiosk-guide"]')?.dataset.code).toBe('2.000806');
  });

  it('shows a guide with ticks, QR, receipt and rating', async () => {
    tap('[data-testid="kiosk-event"][data-event-id="ket-hon"]');
    await settle(20);
    expect(invoke).toHaveBeenLastCalledWith('search', { query: '', options: { limit: 100, prefix: true, filters: { event: 'ket-hon' } } });
    tap('[data-testid="kiosk-result"][data-code="1.000894"]');
    await settle(20);
    const guide = $('[data-testid="kiosk-guide"]')!;
    expect(guide.textContent).toContain('Bạn cần mang theo');
    expect(guide.textContent).toContain('Miễn lệ phí');
    expect(guide.textContent).toContain('Số 1 đường Mẫu');
    expect($('[data-testid="kiosk-qr"]')?.tagName.toLowerCase()).toBe('svg');
    expect(guide.querySelector('.k-terms')?.textContent).toContain('Bản gốc do cơ quan có thẩm quyền cấp.');
    expect($('[data-testid="osk"]')).toBeNull();

    for (const id of ['d1', 'd3']) tap(`[data-testid="kiosk-doc-check"][data-doc-id="${id}"]`);
    expect($$('[data-testid="kiosk-doc-check"]').every((c) => $(`label[for="${c.id}"]`))).toBe(true);
    expect(guide.textContent).toContain('Bạn đã có 2 trên 4 giấy tờ');

    tap('[data-testid="kiosk-print"]');
    const receipt = $('[data-testid="receipt"]')!;
    expect($$('[data-testid="receipt-missing"] li[data-doc-id]').map((li) => li.dataset.docId)).toEqual(['d2', 'd4']);
    expect($$('[data-testid="receipt-seen"] li[data-doc-id]').map((li) => li.dataset.docId)).toEqual(['d1', 'd3']);
    expect(receipt.textContent).toContain('Đăng ký kết hôn');
    expect(document.head.innerHTML).toContain('size: 80mm auto');
    const print = vi.fn();
    window.print = print;
    tap('[data-testid="receipt-print"]');
    expect(print).toHaveBeenCalledOnce();
    tap('[data-testid="receipt-close"]');
    expect($('[data-testid="receipt"]')).toBeNull();

    expect($('[data-testid="rating-thanks"]')).toBeNull();
    tap('[data-testid="rate"][data-level="3"]');
    await settle(20);
    expect(invoke).toHaveBeenCalledWith('submit_rating', { rating: { code: '1.000894', level: 3 } });
    expect($('[data-testid="rating-thanks"]')).not.toBeNull();
    expect($('[data-testid="rate"]')).toBeNull();
  });

  it('validates a petition with the core’s messages, sends it, then empties the form', async () => {
    tap('[data-testid="petition-open"]');
    await settle(20);
    expect($('form[data-testid="petition-form"]')).not.toBeNull();
    expect($('[data-testid="osk-show"]')).not.toBeNull();

    tap('[data-testid="petition-submit"]');
    await settle(20);
    expect($$('[data-testid="field-error"]').map((e) => e.dataset.field)).toEqual(['name', 'address', 'phone', 'summary']);
    expect($('[data-testid="field-error"][data-field="phone"]')?.textContent).toBe('Số điện thoại chưa đúng.');
    expect(invoke).not.toHaveBeenCalledWith('submit_petition', expect.anything());

    // Typing with the on-screen keyboard into the focused field; leaving it checks again.
    field('name').focus();
    flushSync();
    expect($('[data-testid="osk"]')).not.toBeNull();
    osk('[shift]nguye[circumflex][nga]n [shift]an');
    expect(field('name').value).toBe('Nguyễn An');
    field('name').dispatchEvent(new FocusEvent('blur'));
    await settle(20);
    expect($('[data-testid="field-error"][data-field="name"]')).toBeNull();

    for (const [name, value] of [
      ['address', '<script>alert(1)</script> Số 1'],
      ['phone', '0912345678'],
      ['summary', 'Đề nghị niêm yết lệ phí.'],
    ] as const) {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input', { bubbles: true }));
    }
    tap('input[name="kind"][value="phan-anh"]');
    await settle(20);
    tap('[data-testid="petition-submit"]');
    await settle(20);
    expect(stored).toEqual([
      {
        kind: 'phan-anh',
        name: 'Nguyễn An',
        address: '<script>alert(1)</script> Số 1',
        phone: '0912345678',
        email: null,
        procedure_code: null,
        summary: 'Đề nghị niêm yết lệ phí.',
      },
    ]);
    expect($('[data-testid="petition-done"]')?.textContent).toContain('Số tiếp nhận: 1');
    for (const name of ['name', 'address', 'phone', 'email', 'procedure_code', 'summary']) expect(field(name).value).toBe('');
    expect($$('[data-testid="field-error"]')).toHaveLength(0);
  });

  it('keeps the send button still under a finger: a field left by the tap is checked after the tap', async () => {
    tap('[data-testid="petition-open"]');
    await settle(20);
    const form = $('form[data-testid="petition-form"]')!;
    const send = $('[data-testid="petition-submit"]')!;
    // Before "send", a field left shows its own message only, and no summary moves the form down.
    field('phone').value = '12';
    field('phone').dispatchEvent(new Event('input', { bubbles: true }));
    field('phone').dispatchEvent(new FocusEvent('blur'));
    flushSync();
    expect(form.getAttribute('aria-busy')).toBe('true');
    await settle(20);
    expect(form.getAttribute('aria-busy')).toBe('false');
    expect($$('[data-testid="field-error"]').map((e) => e.dataset.field)).toEqual(['phone']);
    expect($('.k-petition .k-error')).toBeNull();

    // A finger touches "send" while the summary field has the focus: the field's check waits.
    field('summary').focus();
    send.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    field('summary').dispatchEvent(new FocusEvent('blur'));
    await settle(20);
    expect($$('[data-testid="field-error"]').map((e) => e.dataset.field)).toEqual(['phone']);
    // The finger lifts without a click (it slid away): now the field left is checked.
    send.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    await settle(20);
    expect($$('[data-testid="field-error"]').map((e) => e.dataset.field)).toEqual(['phone', 'summary']);
    expect(invoke).not.toHaveBeenCalledWith('submit_petition', expect.anything());

    // A whole tap on "send": every message, with the summary above the form.
    send.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    send.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    tap('[data-testid="petition-submit"]');
    await settle(20);
    expect($$('[data-testid="field-error"]').map((e) => e.dataset.field)).toEqual(['name', 'address', 'phone', 'summary']);
    expect($('.k-petition .k-error')?.textContent).toBeTruthy();
  });

  it('fills in the procedure when the petition is opened from a guide', async () => {
    touchSearch();
    osk('ket hon');
    await settle();
    tap('[data-testid="kiosk-result"][data-code="1.000894"]');
    await settle(20);
    tap('[data-testid="kiosk-guide"] [data-testid="petition-open"]');
    await settle(20);
    expect(field('procedure_code').value).toBe('1.000894');
    expect($('.k-petition')?.textContent).toContain('Về thủ tục: Đăng ký kết hôn');
  });

  it('swallows browser shortcuts and the context menu', () => {
    const key = (init: KeyboardEventInit) => {
      const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
      document.body.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(key({ key: 'F5' })).toBe(true);
    expect(key({ key: 'r', ctrlKey: true })).toBe(true);
    expect(key({ key: 'I', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(key({ key: 'a' })).toBe(false);
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
  });

  it('opens the admin screen with the PIN only, exports, and locks again', async () => {
    tap('[data-testid="admin-open"]');
    const input = $<HTMLInputElement>('[data-testid="pin-input"]')!;
    for (const d of '111111') tap(`[data-testid="pin-key"][data-key="${d}"]`);
    expect(input.value).toBe('111111');
    tap('[data-testid="pin-submit"]');
    await settle(20);
    expect($('[data-testid="pin-error"]')?.textContent).toBe('Mã PIN không đúng.');
    expect(input.value).toBe('');
    expect($('[data-testid="admin"]')).toBeNull();

    for (const d of '246813') tap(`[data-testid="pin-key"][data-key="${d}"]`);
    tap('[data-testid="pin-submit"]');
    await settle(20);
    expect($('[data-testid="admin"]')).not.toBeNull();
    expect($('[data-testid="count-ratings"]')?.textContent).toBe('1');
    tap('[data-testid="export-purge"]');
    tap('[data-testid="export-feedback"]');
    await settle(20);
    expect(invoke).toHaveBeenCalledWith('export_feedback', { purge: true });
    expect($('[data-testid="export-result"]')?.textContent).toContain('/data/exports/gop-y-20261128.csv');
    // The shell locks the admin commands after a while: the PIN is asked again.
    unlocked = false;
    tap('[data-testid="export-feedback"]');
    await settle(20);
    expect($('[data-testid="admin"]')).toBeNull();
    expect($('[data-testid="pin-pad"]')).not.toBeNull();
    for (const d of '246813') tap(`[data-testid="pin-key"][data-key="${d}"]`);
    tap('[data-testid="pin-submit"]');
    await settle(20);
    tap('[data-testid="admin-close"]');
    await settle(20);
    expect(invoke).toHaveBeenCalledWith('admin_lock', undefined);
    expect($('[data-testid="admin"]')).toBeNull();
    expect($('[data-testid="kiosk-home"]')).not.toBeNull();
  });
});

describe('kiosk PIN set while it runs', () => {
  it('asks the shell again whether a PIN is set each time the pad opens', async () => {
    unmount(app);
    document.body.innerHTML = '';
    pinSet = false;
    app = mount(App, { target: document.body });
    await settle(20);
    tap('[data-testid="admin-open"]');
    await settle(20);
    expect($('[data-testid="pin-error"]')?.textContent).toBe(dict('vi').kiosk.pinNotSet);
    expect($('[data-testid="pin-input"]')).toBeNull();
    tap('[data-testid="pin-cancel"]');
    // `sotay config set-pin` meanwhile: the next opening of the pad takes the PIN.
    pinSet = true;
    tap('[data-testid="admin-open"]');
    await settle(20);
    expect($('[data-testid="pin-input"]')).not.toBeNull();
    for (const d of '246813') tap(`[data-testid="pin-key"][data-key="${d}"]`);
    tap('[data-testid="pin-submit"]');
    await settle(20);
    expect($('[data-testid="admin"]')).not.toBeNull();
  });
});

describe('kiosk idle reset', () => {
  /** The app mounted afresh with fake timers, so idle time can be fast-forwarded. */
  function remountWithFakeTimers() {
    unmount(app);
    document.body.innerHTML = '';
    vi.useFakeTimers();
    app = mount(App, { target: document.body });
  }

  it('warns, counts down, then forgets the query, ticks and settings', async () => {
    remountWithFakeTimers();
    await vi.advanceTimersByTimeAsync(10);
    flushSync();

    touchSearch();
    osk('ket hon');
    await vi.advanceTimersByTimeAsync(100);
    tap('[data-testid="kiosk-result"][data-code="1.000894"]');
    await vi.advanceTimersByTimeAsync(10);
    flushSync();
    tap('[data-testid="kiosk-doc-check"][data-doc-id="d1"]');
    tap('[data-testid="kiosk-text-larger"]');
    tap('[data-testid="kiosk-contrast"]');
    tap('[data-testid="kiosk-lang"]');
    expect(document.documentElement.style.fontSize).toBe('24px');
    expect(document.documentElement.lang).toBe('en');
    expect($('[data-testid="kiosk-guide"]')?.textContent).toContain('What to bring');

    await vi.advanceTimersByTimeAsync(29_000);
    flushSync();
    expect($('[data-testid="idle-warning"]')).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    flushSync();
    const warning = $('[data-testid="idle-warning"]')!;
    expect(warning.getAttribute('role')).toBe('alertdialog');
    expect($('[data-testid="idle-countdown"]')?.textContent).toBe('20');
    expect($('[data-testid="idle-hint"]')?.textContent).toBe('Touch anywhere on the screen for more time.');
    await vi.advanceTimersByTimeAsync(2_000);
    flushSync();
    expect($('[data-testid="idle-countdown"]')?.textContent).toBe('18');

    // "Thêm thời gian" keeps everything.
    tap('[data-testid="idle-more-time"]');
    expect($('[data-testid="idle-warning"]')).toBeNull();
    expect($('[data-testid="kiosk-guide"]')).not.toBeNull();

    // So does one tap anywhere during the warning (here on the dialog's text, not its button).
    await vi.advanceTimersByTimeAsync(30_000);
    flushSync();
    expect($('[data-testid="idle-countdown"]')?.textContent).toBe('20');
    $('#k-idle-text')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    flushSync();
    expect($('[data-testid="idle-warning"]')).toBeNull();
    expect($('[data-testid="kiosk-guide"]')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(29_000);
    flushSync();
    expect($('[data-testid="idle-warning"]')).toBeNull();

    await vi.advanceTimersByTimeAsync(21_000);
    flushSync();
    expect($('[data-testid="idle-warning"]')).toBeNull();
    expect($('[data-testid="kiosk-guide"]')).toBeNull();
    expect($('[data-testid="kiosk-home"]')).not.toBeNull();
    expect($<HTMLInputElement>('[data-testid="kiosk-search"]')!.value).toBe('');
    expect($$('[data-testid="kiosk-result"]')).toHaveLength(0);
    expect(document.documentElement.style.fontSize).toBe('20px');
    expect($('[data-testid="kiosk-contrast"]')?.getAttribute('aria-pressed')).toBe('false');
    expect(document.documentElement.lang).toBe('vi');
    expect(localStorage.length).toBe(0);

    // The same guide opens with no ticks.
    expect($('[data-testid="osk"]')).toBeNull();
    touchSearch();
    osk('ket hon');
    await vi.advanceTimersByTimeAsync(100);
    tap('[data-testid="kiosk-result"][data-code="1.000894"]');
    await vi.advanceTimersByTimeAsync(10);
    flushSync();
    expect($$('[data-testid="kiosk-doc-check"]').filter((c) => (c as HTMLInputElement).checked)).toHaveLength(0);
  });

  it('stays quiet on the untouched home screen', async () => {
    remountWithFakeTimers();
    await vi.advanceTimersByTimeAsync(60_000);
    flushSync();
    expect($('[data-testid="idle-warning"]')).toBeNull();
  });
});

describe('kiosk speech', () => {
  beforeEach(() => {
    spoken = [];
    speechAvailable = true;
  });

  it('reads the home prompt, a guide through the shell, echoes ticks with speech on, and stops on navigation', async () => {
    await settle();
    expect($('[data-testid="speech-listen"]')?.textContent).toContain('Nghe đọc');
    tap('[data-testid="speech-listen"]');
    await settle(10);
    expect(spoken[0]).toContain('Kết hôn');
    expect($('[data-testid="speech-stop"]')).not.toBeNull();
    expect($('[data-testid="speech-status"]')?.textContent).toContain('Đang đọc');
    tap('[data-testid="speech-stop"]');
    await settle(10);
    expect(spoken.at(-1)).toBe('stop');

    tap('[data-testid="speech-toggle"]');
    expect($('[data-testid="speech-toggle"]')?.getAttribute('aria-pressed')).toBe('true');
    touchSearch();
    osk('ket');
    await settle();
    expect(spoken.slice(-3)).toEqual(['k', 'e', 't']);
    tap('[data-testid="kiosk-result"][data-code="1.000894"]');
    await settle();
    tap('[data-testid="speech-listen"]');
    await settle(10);
    expect(spoken.at(-1)).toBe('guide:1.000894');
    tap('[data-testid="kiosk-doc-check"][data-doc-id="d1"]');
    await settle(10);
    expect(spoken.at(-1)).toMatch(/^Đã đánh dấu: /);
    tap('[data-testid="kiosk-home-button"]');
    await settle(10);
    expect(spoken.at(-1)).toBe('stop');
  });

  it('the admin screen sets the voice (saved by the shell) and tests it', async () => {
    tap('[data-testid="admin-open"]');
    for (const d of '246813') tap(`[data-testid="pin-key"][data-key="${d}"]`);
    tap('[data-testid="pin-submit"]');
    await settle();
    expect($('[data-testid="voice-version"]')?.textContent).toContain('eSpeak NG');
    tap('[data-testid="voice-region"][data-region="southern"]');
    await settle(10);
    expect(invoke).toHaveBeenLastCalledWith('set_speech', { settings: { enabled: false, region: 'southern', rate: 150, volume_db: 0 } });
    tap('[data-testid="voice-rate"][data-rate="110"]');
    await settle(10);
    expect(invoke).toHaveBeenLastCalledWith('set_speech', { settings: { enabled: false, region: 'southern', rate: 110, volume_db: 0 } });
    expect($('[data-testid="voice-rate"][data-rate="110"]')?.getAttribute('aria-pressed')).toBe('true');
    expect($('[data-testid="voice-saved"]')).not.toBeNull();
    tap('[data-testid="voice-default-on"]');
    await settle(10);
    // The office's default turns the citizen's toggle on.
    expect($('[data-testid="speech-toggle"]')?.getAttribute('aria-pressed')).toBe('true');
    tap('[data-testid="voice-test"]');
    await settle(10);
    expect(spoken.at(-1)).toContain('50.000 đ');
  });

  it('hides "Nghe đọc" when the machine cannot speak, and the admin screen says why', async () => {
    speechAvailable = false;
    unmount(app);
    document.body.innerHTML = '';
    app = mount(App, { target: document.body });
    await settle();
    expect($('[data-testid="speech-bar"]')).toBeNull();
    tap('[data-testid="admin-open"]');
    for (const d of '246813') tap(`[data-testid="pin-key"][data-key="${d}"]`);
    tap('[data-testid="pin-submit"]');
    await settle();
    expect($('[data-testid="voice-unavailable"]')?.textContent).toContain('espeak-ng is not installed');
  });
});
