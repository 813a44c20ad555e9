// @vitest-environment happy-dom
// The view logic of the whole app with the IPC mocked: what the screens show and how keys and clicks
// move between them. (The real shell and WebKit are exercised by the end-to-end tests.)
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, settle } from './lib/dom.testing';
import { foreignMarriageGuide, marriageGuide, nationalGuide, sampleLocality, sampleResults, someTerms } from './lib/fixtures';
import type { Entry, Guide } from './lib/ipc';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const App = (await import('./App.svelte')).default;

const marriage = marriageGuide();
const foreign = foreignMarriageGuide();
const national = nationalGuide();
const guides = new Map([marriage, foreign, national].map((g) => [g.code, g]));
const entry = (g: Guide): Entry => ({ code: g.code, title: g.title, field: g.field });

let history: Entry[] = [];
let favourites: Entry[] = [];

function fakeShell(cmd: string, args: Record<string, unknown> = {}): unknown {
  switch (cmd) {
    case 'app_mode':
      return { kiosk: false, idle_seconds: 90, warning_seconds: 20, pin_set: true };
    case 'search':
      return sampleResults(String(args.query));
    case 'guide': {
      const g = guides.get(String(args.code));
      if (!g) throw { code: 'unknown-code', message: `no procedure with code ${String(args.code)}` };
      return g;
    }
    case 'facets':
      return {
        fields: [
          { value: 'Hộ tịch', label: 'Hộ tịch', count: 2 },
          ...(args.level === 'xa' ? [] : [{ value: 'Đường bộ', label: 'Đường bộ', count: 1 }]),
        ],
        levels: [
          { value: 'xa', label: 'Cấp xã', count: 2 },
          { value: 'tinh', label: 'Cấp tỉnh', count: 1 },
        ],
        events: [{ value: 'ket-hon', label: 'Kết hôn', count: 2 }],
        audiences: [{ value: 'cong-dan', label: 'Công dân', count: 2 }],
        ministries: [{ value: 'Bộ Tư pháp', label: 'Bộ Tư pháp', count: 2 }],
        office: 'xa',
      };
    case 'content_info':
      return {
        name: 'Sổ tay thủ tục hành chính cấp xã',
        version: 1,
        date: '2026-11-28',
        source: 'CSDLQG',
        origin: 'embedded',
        guides: 3,
        edited: 2,
        national: 1,
        record_date: '2026-06',
      };
    case 'life_events':
      return [{ id: 'ket-hon', name: 'Kết hôn', description: 'Đăng ký kết hôn' }];
    case 'glossary':
      return someTerms();
    case 'locality':
      return sampleLocality();
    case 'look_alikes':
      return [{ code: foreign.code, title: foreign.title, choose_when: 'Một bên là người nước ngoài.' }];
    case 'entries':
      return (args.codes as string[]).flatMap((c) => (guides.has(c) ? [entry(guides.get(c)!)] : []));
    case 'history':
      return history;
    case 'add_history': {
      const g = guides.get(String(args.code))!;
      history = [entry(g), ...history.filter((h) => h.code !== g.code)];
      return history;
    }
    case 'favourites':
      return favourites;
    case 'toggle_favourite': {
      const g = guides.get(String(args.code))!;
      favourites = favourites.some((f) => f.code === g.code) ? favourites.filter((f) => f.code !== g.code) : [...favourites, entry(g)];
      return favourites;
    }
    case 'clear_history':
      history = [];
      return null;
    case 'set_print_paper':
      return null;
    case 'manual':
      return [
        { title: args.lang === 'en' ? 'Searching at the desk' : 'Tra cứu ở quầy', html: '<p>Gõ vào ô tìm kiếm.</p>' },
        { title: 'Quản trị', html: '<ol><li><code>sotay config set-pin</code></li></ol>' },
      ];
    default:
      throw `unknown command ${cmd}`;
  }
}

function type(text: string) {
  const input = $<HTMLInputElement>('[data-testid="search-input"]')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The arguments of the last search asked of the shell. */
function lastSearch(): unknown {
  return invoke.mock.calls.filter(([cmd]) => cmd === 'search').at(-1)?.[1];
}

function press(key: string, extra: KeyboardEventInit = {}) {
  const target = document.activeElement ?? document.body;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...extra }));
  flushSync();
}

let app: Record<string, unknown>;

beforeEach(async () => {
  history = [];
  favourites = [];
  localStorage.clear();
  invoke.mockReset();
  invoke.mockImplementation(async (cmd: string, args?: Record<string, unknown>) => fakeShell(cmd, args));
  document.body.innerHTML = '';
  app = mount(App, { target: document.body });
  await settle(20);
});

afterEach(() => unmount(app));

describe('App', () => {
  it('shows browsing, history and favourites on the home screen', () => {
    expect($('[data-testid="event"][data-event-id="ket-hon"]')?.textContent).toContain('Kết hôn');
    expect($('[data-testid="field"][data-field="Hộ tịch"]')).not.toBeNull();
    expect($('[data-testid="history"]')).not.toBeNull();
    expect($('[data-testid="favourites"]')).not.toBeNull();
    expect(document.activeElement).toBe($('[data-testid="search-input"]'));
    expect($$('select[data-testid="filter-field"] option').map((o) => (o as HTMLOptionElement).value)).toEqual(['', 'Hộ tịch']);
  });

  it('searches within the office level by default, says so, and widens to every level in one click', async () => {
    expect(invoke).toHaveBeenCalledWith('facets', { level: 'xa' });
    expect($<HTMLSelectElement>('[data-testid="filter-level"]')!.value).toBe('xa');
    expect($$('select[data-testid="filter-field"] option').map((o) => (o as HTMLOptionElement).value)).toEqual(['', 'Hộ tịch']);
    expect($('[data-testid="content-split"]')?.textContent).toContain(
      '2 thủ tục đã biên tập, 1 thủ tục theo dữ liệu Cổng Dịch vụ công quốc gia (06/2026) chưa biên tập',
    );
    type('thai san');
    await settle();
    const scope = $('[data-testid="scope"]')!;
    expect(scope.dataset.level).toBe('xa');
    expect(scope.textContent).toContain('Phạm vi: chỉ thủ tục cấp xã');
    $<HTMLButtonElement>('[data-testid="scope-all"]')!.click();
    await settle(20);
    expect(lastSearch()).toEqual({ query: 'thai san', options: { limit: 20, prefix: true, filters: {} } });
    expect($('[data-testid="scope"]')?.textContent).toContain('Phạm vi: tất cả các cấp');
    expect($<HTMLSelectElement>('[data-testid="filter-level"]')!.value).toBe('');
    expect($$('select[data-testid="filter-field"] option').map((o) => (o as HTMLOptionElement).value)).toEqual([
      '',
      'Đường bộ',
      'Hộ tịch',
    ]);
    $<HTMLButtonElement>('[data-testid="scope-office"]')!.click();
    await settle(20);
    expect(lastSearch()).toEqual({ query: 'thai san', options: { limit: 20, prefix: true, filters: { level: 'xa' } } });
  });

  it('labels a guide converted from the national record, on screen and on the slip; an edited one not', async () => {
    type('ket hon');
    await settle();
    $<HTMLButtonElement>('[data-testid="result"][data-code="1.000894"]')!.click();
    await settle(20);
    expect($('[data-testid="national-label"]')).toBeNull();
    const guide = await import('./lib/ipc').then((m) => m.guide);
    $<HTMLButtonElement>('[data-testid="back"]')!.click();
    await settle(20);
    // Opened from the history, as the shell would list it.
    history = [entry(national)];
    unmount(app);
    document.body.innerHTML = '';
    app = mount(App, { target: document.body });
    await settle(20);
    $<HTMLButtonElement>(`[data-testid="history-item"][data-code="${national.code}"]`)!.click();
    await settle(20);
    const label = $('[data-testid="national-label"]')!;
    expect(label.textContent).toContain('Theo dữ liệu Cổng Dịch vụ công quốc gia, 06/2026 — chưa biên tập');
    expect($('[data-testid="portal-link"]')?.textContent).toBe(national.portal_url);
    expect($('[data-testid="guide"]')?.textContent).not.toContain('sinh con được nhận tiền gì');
    $<HTMLButtonElement>('[data-testid="print-open"]')!.click();
    flushSync();
    expect($('[data-testid="slip-national"]')?.textContent).toBe('Theo dữ liệu Cổng Dịch vụ công quốc gia, 06/2026 — chưa biên tập');
    expect($('[data-testid="print-view"]')?.textContent).toContain(`Trang thủ tục: ${national.portal_url}`);
  });

  it('searches as you type, moves with ↑ ↓ and opens with Enter', async () => {
    type('dang ky ket hon');
    await settle();
    expect(invoke).toHaveBeenCalledWith('search', {
      query: 'dang ky ket hon',
      options: { limit: 20, prefix: true, filters: { level: 'xa' } },
    });
    const rows = $$('[data-testid="result"]');
    expect(rows.map((r) => r.dataset.code)).toEqual(['1.000894', '2.000806']);
    expect(rows[0]?.querySelector('.snippet b')).not.toBeNull();

    press('ArrowDown');
    press('ArrowDown');
    expect($$('[data-testid="result"][aria-selected="true"]').map((r) => r.dataset.code)).toEqual(['2.000806']);
    press('ArrowUp');
    expect($('[data-testid="result"][aria-selected="true"]')?.dataset.code).toBe('1.000894');

    $<HTMLFormElement>('form[role="search"]')!.requestSubmit();
    await settle(20);
    expect($('[data-testid="guide"]')?.dataset.code).toBe('1.000894');
    expect(invoke).toHaveBeenCalledWith('add_history', { code: '1.000894' });
  });

  it('clears with Esc and focuses search with / and Ctrl+K', async () => {
    type('ket hon');
    await settle();
    expect($$('[data-testid="result"]')).toHaveLength(2);
    press('Escape');
    await settle(20);
    expect($<HTMLInputElement>('[data-testid="search-input"]')!.value).toBe('');
    expect($$('[data-testid="result"]')).toHaveLength(0);
    expect($('[data-testid="event"]')).not.toBeNull();

    $<HTMLElement>('[data-testid="about-open"]')!.focus();
    press('/');
    expect(document.activeElement).toBe($('[data-testid="search-input"]'));
    $<HTMLElement>('[data-testid="lang-toggle"]')!.focus();
    press('k', { ctrlKey: true });
    expect(document.activeElement).toBe($('[data-testid="search-input"]'));
  });

  it('filters, suggests and says when nothing was found', async () => {
    const field = $<HTMLSelectElement>('[data-testid="filter-event"]')!;
    field.value = 'ket-hon';
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(20);
    expect(invoke).toHaveBeenLastCalledWith('search', {
      query: '',
      options: { limit: 300, prefix: true, filters: { level: 'xa', event: 'ket-hon' } },
    });
    expect($$('[data-testid="result"]')).toHaveLength(2);

    type('zzz');
    await settle();
    expect($('.empty-state')?.textContent).toContain('Không tìm thấy thủ tục nào cho “zzz”');
    $<HTMLButtonElement>('[data-testid="suggestion"]')!.click();
    await settle(20);
    expect($<HTMLInputElement>('[data-testid="search-input"]')!.value).toBe('kết hôn');
    expect($$('[data-testid="result"]')).toHaveLength(2);
  });

  it('ticks papers, prints the slip with what is missing, and goes back', async () => {
    $<HTMLButtonElement>('[data-testid="event"]')!.click();
    await settle(20);
    $<HTMLButtonElement>('[data-testid="result"][data-code="1.000894"]')!.click();
    await settle(20);
    const guide = $('[data-testid="guide"]')!;
    expect(guide.querySelector('abbr.gloss')).not.toBeNull();
    expect(guide.textContent).toContain('dữ liệu mẫu');
    expect(guide.textContent).toContain('Cập nhật ngày 30/06/2026');
    expect($('[data-testid="look-alike"][data-code="2.000806"]')).not.toBeNull();

    for (const id of ['d1', 'd3']) $<HTMLInputElement>(`[data-testid="doc-check"][data-doc-id="${id}"]`)!.click();
    flushSync();
    expect($$('[data-testid="doc-check"]').every((c) => document.querySelector(`label[for="${c.id}"]`))).toBe(true);

    $<HTMLButtonElement>('[data-testid="print-open"]')!.click();
    flushSync();
    expect($('[data-testid="print-view"]')).not.toBeNull();
    expect($$('[data-testid="missing"] li[data-doc-id]').map((li) => li.dataset.docId)).toEqual(['d2', 'd4']);
    expect($$('[data-testid="seen"] li[data-doc-id]').map((li) => li.dataset.docId)).toEqual(['d1', 'd3']);
    expect($('[data-testid="qr"]')?.tagName.toLowerCase()).toBe('svg');
    expect($('[data-testid="print-view"]')?.textContent).toContain('Số 1 đường Mẫu');

    $<HTMLButtonElement>('[data-testid="paper-a5"]')!.click();
    flushSync();
    expect($('.sheet')?.classList.contains('paper-a5')).toBe(true);
    expect(document.head.innerHTML).toContain('size: A5');
    expect(localStorage.getItem('sotay.paper')).toBe('A5');
    // The shell hands the paper to the print dialog: told on opening (A4) and on each choice.
    const papers = invoke.mock.calls.filter(([cmd]) => cmd === 'set_print_paper').map(([, args]) => args.paper);
    expect(papers).toEqual(['A4', 'A5']);

    const print = vi.fn();
    window.print = print;
    $<HTMLButtonElement>('[data-testid="print-now"]')!.click();
    expect(print).toHaveBeenCalledOnce();

    $<HTMLButtonElement>('[data-testid="print-close"]')!.click();
    await settle(20);
    expect($('[data-testid="print-view"]')).toBeNull();

    $<HTMLButtonElement>('[data-testid="back"]')!.click();
    await settle(20);
    expect($('[data-testid="guide"]')).toBeNull();
    expect($$('[data-testid="result"]')).toHaveLength(2);
  });

  it('keeps favourites and history, and switches language and text size', async () => {
    type('ket hon');
    await settle();
    $<HTMLButtonElement>('[data-testid="result"][data-code="2.000806"]')!.click();
    await settle(20);
    const toggle = $<HTMLButtonElement>('[data-testid="favourite-toggle"]')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await settle(20);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');

    press('Escape');
    type('');
    await settle(20);
    expect($$('[data-testid="history-item"]').map((e) => e.dataset.code)).toEqual(['2.000806']);
    expect($$('[data-testid="favourites"] [data-testid="favourite-item"]').map((e) => e.dataset.code)).toEqual(['2.000806']);

    $<HTMLButtonElement>('[data-testid="lang-toggle"]')!.click();
    flushSync();
    expect(document.documentElement.lang).toBe('en');
    expect($('[data-testid="history"] h2')?.textContent).toBe('Recently viewed');
    expect(localStorage.getItem('sotay.lang')).toBe('en');

    $<HTMLButtonElement>('[data-testid="text-larger"]')!.click();
    flushSync();
    expect(document.documentElement.style.fontSize).toBe('18px');
    expect(localStorage.getItem('sotay.textSize')).toBe('18');
    $<HTMLButtonElement>('[data-testid="text-smaller"]')!.click();
    $<HTMLButtonElement>('[data-testid="lang-toggle"]')!.click();
    flushSync();
    expect(document.documentElement.style.fontSize).toBe('16px');
  });

  it('asks which procedure is meant when the engine finds look-alikes', async () => {
    type('ket hon nuoc ngoai');
    await settle();
    const chooser = $('[data-testid="chooser"]')!;
    expect(chooser.textContent).toContain('Bạn muốn tìm thủ tục nào?');
    expect(chooser.textContent).toContain('Trường hợp kết hôn của bạn là trường hợp nào?');
    // Enter with nothing chosen does not guess.
    $<HTMLFormElement>('form[role="search"]')!.requestSubmit();
    await settle(20);
    expect($('[data-testid="guide"]')).toBeNull();
    $<HTMLButtonElement>('[data-testid="choice"][data-code="2.000806"]')!.click();
    await settle(20);
    expect($('[data-testid="guide"]')?.dataset.code).toBe('2.000806');
  });

  it('shows the guide asked for last, dropping an earlier one that answers after it', async () => {
    // The first guide asked for answers slowly: it arrives after the second one is on screen.
    invoke.mockImplementation(async (cmd: string, args?: Record<string, unknown>) => {
      if (cmd === 'guide' && args?.code === '1.000894') await new Promise((r) => setTimeout(r, 60));
      return fakeShell(cmd, args);
    });
    type('ket hon');
    await settle();
    $<HTMLButtonElement>('[data-testid="result"][data-code="1.000894"]')!.click();
    $<HTMLButtonElement>('[data-testid="result"][data-code="2.000806"]')!.click();
    await settle(20);
    expect($('[data-testid="guide"]')?.dataset.code).toBe('2.000806');
    await settle(100);
    expect($('[data-testid="guide"]')?.dataset.code).toBe('2.000806');
  });

  it('opens the manual on F1, in the language of the UI, and Escape leaves the search alone', async () => {
    expect($('[data-testid="manual"]')).toBeNull();
    press('F1');
    await settle(20);
    const manual = $('[data-testid="manual"]')!;
    expect(manual).not.toBeNull();
    expect(invoke).toHaveBeenCalledWith('manual', { lang: 'vi' });
    expect($$('[data-testid="manual-section"]').map((s) => s.querySelector('h3')?.textContent)).toEqual([
      'Tra cứu ở quầy',
      'Quản trị',
    ]);
    expect(manual.querySelector('ol code')?.textContent).toBe('sotay config set-pin');
    $<HTMLButtonElement>('[data-testid="manual-close"]')!.click();
    await settle(20);
    expect($('[data-testid="manual"]')).toBeNull();
  });

  it('shows the content in the about panel', async () => {
    $<HTMLButtonElement>('[data-testid="about-open"]')!.click();
    flushSync();
    const about = $('[data-testid="about"]')!;
    expect(about.textContent).toContain('Sổ tay thủ tục hành chính cấp xã');
    expect(about.textContent).toContain('28/11/2026');
    expect(about.textContent).toContain('CSDLQG');
  });
});
