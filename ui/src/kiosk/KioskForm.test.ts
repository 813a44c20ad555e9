// @vitest-environment happy-dom
// Filling a form at the kiosk with the IPC mocked: "Điền tờ khai" from a guide's checklist, values typed
// and a scanned ID card, and what "Trang đầu" and "Xong" leave behind: nothing typed, anywhere in the page.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, settle, tap } from '../lib/dom.testing';
import { marriageGuide, sampleLocality, sampleResults, someTerms } from '../lib/fixtures';
import type { Form, Guide } from '../lib/ipc';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const App = (await import('../App.svelte')).default;

const FORM: Form = {
  id: 'ct01',
  code: 'CT01',
  title: 'Tờ khai thay đổi thông tin cư trú',
  source: 'Mẫu CT01 ban hành kèm theo Thông tư số 66/2023/TT-BCA',
  circular: '66/2023/TT-BCA',
  effective: '2024-01-01',
  fields: [
    { name: 'ho_ten', type: 'name', label: 'Họ, chữ đệm và tên', group: 'Người kê khai', required: true, qr: 'name', help: 'h', help_en: 'h' },
    { name: 'so_dinh_danh', type: 'id-number', label: 'Số định danh cá nhân', group: 'Người kê khai', required: false, qr: 'id', help: 'h', help_en: 'h' },
  ],
  lines: [{ kind: 'text', style: 'normal', segments: [{ kind: 'text', text: '1. Họ, chữ đệm và tên:' }, { kind: 'field', name: 'ho_ten' }] }],
};

function guideWithForm(): Guide {
  const g = marriageGuide();
  const first = g.documents[0]?.items[0];
  if (first) first.form = 'ct01';
  return g;
}

function fakeShell(cmd: string, args: Record<string, unknown> = {}): unknown {
  switch (cmd) {
    case 'app_mode':
      return { kiosk: true, idle_seconds: 15, warning_seconds: 5, pin_set: true };
    case 'search':
      return sampleResults(String(args.query));
    case 'guide':
      return guideWithForm();
    case 'form':
      return FORM;
    case 'life_events':
      return [];
    case 'locality':
      return sampleLocality();
    case 'glossary':
      return someTerms();
    default:
      throw `unknown command ${cmd}`;
  }
}

const CARD = '001089012345|123456789|Đặng Văn Hưởng|05091989|Nam|Số 1 phố Huế, Hà Nội|01022021';

let app: Record<string, unknown>;

beforeEach(async () => {
  invoke.mockReset();
  invoke.mockImplementation(async (cmd: string, args?: Record<string, unknown>) => fakeShell(cmd, args));
  document.body.innerHTML = '';
  app = mount(App, { target: document.body });
  await settle(20);
});

afterEach(() => {
  unmount(app);
});

/** Opens the guide and its form, scans the card into the name field and types nothing else. */
async function openAndScan() {
  const search = $<HTMLInputElement>('[data-testid="kiosk-search"]')!;
  search.value = 'ket hon';
  search.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
  tap('[data-testid="kiosk-result"][data-code="1.000894"]');
  await settle();
  tap('[data-testid="form-open"][data-form="ct01"]');
  await settle();
  const name = $<HTMLInputElement>('input[name="ho_ten"]')!;
  name.value = CARD;
  name.dispatchEvent(new Event('input', { bubbles: true }));
  name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  flushSync();
  expect($<HTMLInputElement>('input[name="ho_ten"]')!.value).toBe('Đặng Văn Hưởng');
  expect($<HTMLInputElement>('input[name="so_dinh_danh"]')!.value).toBe('001089012345');
}

function traces(): string[] {
  const values = [...document.querySelectorAll<HTMLInputElement>('input, textarea')].map((i) => i.value);
  const html = `${document.documentElement.outerHTML}\n${values.join('\n')}`;
  return ['Đặng Văn Hưởng', '001089012345', 'phố Huế'].filter((t) => html.includes(t));
}

describe('a form at the kiosk', () => {
  it('"Trang đầu" wipes what was typed', async () => {
    await openAndScan();
    expect(traces().length).toBeGreaterThan(0);
    tap('[data-testid="kiosk-home-button"]');
    await settle();
    expect($('[data-testid="form-fill"]')).toBeNull();
    expect(traces()).toEqual([]);
    // Opening the form again starts empty.
    await settle();
    const search = $<HTMLInputElement>('[data-testid="kiosk-search"]')!;
    search.value = 'ket hon';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    tap('[data-testid="kiosk-result"][data-code="1.000894"]');
    await settle();
    tap('[data-testid="form-open"][data-form="ct01"]');
    await settle();
    expect($<HTMLInputElement>('input[name="ho_ten"]')!.value).toBe('');
  });

  it('finishing ("Xong") wipes it too, and nothing was sent to the shell', async () => {
    await openAndScan();
    tap('[data-testid="form-next"]');
    expect($('[data-testid="form-review"]')).not.toBeNull();
    expect($('[data-testid="form-sheet"]')!.textContent).toContain('Đặng Văn Hưởng');
    expect($('[data-testid="form-save"]')).toBeNull();
    tap('[data-testid="form-done"]');
    await settle();
    expect(traces()).toEqual([]);
    const sent = JSON.stringify(invoke.mock.calls);
    expect(sent).not.toContain('Đặng Văn Hưởng');
    expect(sent).not.toContain('001089012345');
  });
});
