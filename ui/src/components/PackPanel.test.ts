// @vitest-environment happy-dom
// The handbook update panel with the IPC mocked: status, install from a picked file, a refused pack,
// rollback after a confirmation, and the kiosk's PIN hand-over.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, settle } from '../lib/dom.testing';
import { dict } from '../lib/i18n';
import type { InstallReport, PackStatus } from '../lib/ipc';
import { Locale, localeContext } from '../lib/locale.svelte';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const PackPanel = (await import('./PackPanel.svelte')).default;
const Admin = (await import('../kiosk/Admin.svelte')).default;
const words = dict('vi').packs;

const info = (version: number) => ({ version, date: '2026-11-28', guides: 2, files: 4, name: 'Sổ tay' });
const embedded: PackStatus = {
  source: 'embedded',
  note: 'Chưa cài gói cập nhật; đang dùng sổ tay đi kèm ứng dụng.',
  pack: null,
  previous: null,
  changes: null,
};
const v2: PackStatus = {
  source: 'pack',
  note: null,
  pack: info(2),
  previous: info(1),
  changes: { added: [], changed: ['1.000894'], removed: ['2.000806'] },
};
const report = (version: number, previous: number | null): InstallReport => ({
  installed: info(version),
  previous: previous === null ? null : info(previous),
  changes: { added: [], changed: ['1.000894'], removed: ['2.000806'] },
});

let status: PackStatus;
let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;


function show(props: Record<string, unknown> = {}) {
  component = mount(PackPanel, { target, props: { words, ...props } });
  flushSync();
}

async function pick(bytes: number[]) {
  const input = $<HTMLInputElement>('input[data-testid="pack-file"]')!;
  const file = new File([new Uint8Array(bytes)], 'v2.sotaypack');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(20);
}

beforeEach(() => {
  status = embedded;
  invoke.mockReset();
  invoke.mockImplementation(async (cmd: string, args?: unknown) => {
    switch (cmd) {
      case 'pack_status':
        return status;
      case 'entries':
        return (args as { codes: string[] }).codes
          .filter((c) => c === '1.000894')
          .map((code) => ({ code, title: 'Đăng ký kết hôn tại nhà văn hóa', field: 'Hộ tịch' }));
      case 'install_pack':
        status = v2;
        return report(2, 1);
      case 'rollback_pack':
        status = { source: 'pack', note: null, pack: info(1), previous: null, changes: null };
        return report(1, 2);
      default:
        throw { code: 'ipc', message: `unknown command ${cmd}` };
    }
  });
  target = document.createElement('div');
  document.body.append(target);
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target.remove();
});

describe('pack panel', () => {
  it('says the embedded handbook is in use, and why', async () => {
    show();
    await settle(20);
    const s = $('[data-testid="pack-status"]')!;
    expect(s.dataset.source).toBe('embedded');
    expect(s.textContent).toContain('Sổ tay đi kèm ứng dụng');
    expect(s.textContent).toContain('Chưa cài gói cập nhật; đang dùng sổ tay đi kèm ứng dụng.');
    expect($('[data-testid="pack-changes"]')).toBeNull();
    expect($('button[data-testid="pack-rollback"]')).toBeNull();
    expect($('input[data-testid="pack-file"]')!.getAttribute('accept')).toBe('.sotaypack');
    expect(target.textContent).toContain('Cập nhật sổ tay từ tệp…');
  });

  it('installs the picked file from its bytes and shows the new pack and its changes', async () => {
    const onchanged = vi.fn();
    show({ onchanged });
    await settle(20);
    await pick([1, 2, 3]);
    const call = invoke.mock.calls.find(([cmd]) => cmd === 'install_pack')!;
    expect(call[1]).toBeInstanceOf(Uint8Array);
    expect(Array.from(call[1] as Uint8Array)).toEqual([1, 2, 3]);
    expect(onchanged).toHaveBeenCalledOnce();
    expect($('[data-testid="pack-result"]')!.textContent).toBe(
      'Đã cài gói cập nhật phiên bản 2 (ngày 28/11/2026, 2 thủ tục). Sổ tay mới được dùng ngay. So với bản trước: 0 thủ tục mới, 1 được sửa đổi, 1 bị bỏ.',
    );
    expect($('[data-testid="pack-status"]')!.dataset.version).toBe('2');
    expect($('[data-testid="pack-status"]')!.textContent).toContain('Gói cập nhật phiên bản 2, ngày 28/11/2026');
    const changes = $('[data-testid="pack-changes"]')!;
    expect(changes.querySelector('li[data-kind="changed"][data-code="1.000894"]')!.textContent).toContain(
      'Đăng ký kết hôn tại nhà văn hóa',
    );
    // A removed guide is not in the handbook any more: its code stands for it.
    expect(changes.querySelector('li[data-kind="removed"]')!.textContent!.trim()).toBe('2.000806');
    expect($('[data-testid="pack-error"]')).toBeNull();
  });

  it('shows a refused pack with the core reason, and the status unchanged', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'pack_status') return embedded;
      if (cmd === 'install_pack')
        throw { code: 'pack-rejected', message: 'pack rejected: signed by key 0123, which is not a trusted key (trusted: 4567)' };
      throw { code: 'ipc', message: cmd };
    });
    const onchanged = vi.fn();
    show({ onchanged });
    await settle(20);
    await pick([9]);
    const error = $('[data-testid="pack-error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Gói cập nhật bị từ chối; sổ tay đang dùng vẫn giữ nguyên.');
    expect(error.textContent).toContain('chữ ký hợp lệ');
    expect(error.textContent).toContain('signed by key 0123, which is not a trusted key');
    expect(onchanged).not.toHaveBeenCalled();
    expect($('[data-testid="pack-result"]')).toBeNull();
    expect($('[data-testid="pack-status"]')!.dataset.source).toBe('embedded');
  });

  it('rolls back only after the confirmation', async () => {
    status = v2;
    const onchanged = vi.fn();
    show({ onchanged });
    await settle(20);
    $<HTMLButtonElement>('button[data-testid="pack-rollback"]')!.click();
    flushSync();
    expect(target.textContent).toContain('Quay lại gói phiên bản 1 (ngày 28/11/2026)? Chỉ quay lại được một bước.');
    $<HTMLButtonElement>('button[data-testid="pack-rollback-cancel"]')!.click();
    flushSync();
    expect(invoke.mock.calls.some(([cmd]) => cmd === 'rollback_pack')).toBe(false);

    $<HTMLButtonElement>('button[data-testid="pack-rollback"]')!.click();
    flushSync();
    $<HTMLButtonElement>('button[data-testid="pack-rollback-confirm"]')!.click();
    await settle(20);
    expect(invoke.mock.calls.filter(([cmd]) => cmd === 'rollback_pack')).toHaveLength(1);
    expect($('[data-testid="pack-result"]')!.textContent).toBe('Đã quay lại gói phiên bản 1 (ngày 28/11/2026).');
    expect(onchanged).toHaveBeenCalledOnce();
    expect($('[data-testid="pack-status"]')!.dataset.version).toBe('1');
    // Nothing to go back to any more.
    expect($('button[data-testid="pack-rollback"]')).toBeNull();
    expect($('[data-testid="pack-changes"]')).toBeNull();
  });

  it('hands over to the PIN pad when the kiosk shell has locked the admin commands', async () => {
    invoke.mockImplementation(async (cmd: string) => {
      if (cmd === 'pack_status') return embedded;
      throw { code: 'locked', message: 'Cần nhập mã PIN quản trị trước khi làm việc này.' };
    });
    const onlocked = vi.fn();
    show({ kiosk: true, onlocked });
    await settle(20);
    expect($('button, label.k-button')).not.toBeNull();
    await pick([1]);
    expect(onlocked).toHaveBeenCalledOnce();
    expect($('[data-testid="pack-error"]')).toBeNull();
  });

  it('at a desk with a desk PIN, asks for it when the shell is locked, then goes on', async () => {
    const base = invoke.getMockImplementation()!;
    let unlocked = false;
    invoke.mockImplementation(async (cmd: string, args?: unknown) => {
      if (cmd === 'admin_unlock') return (unlocked = (args as { pin: string }).pin === '602214');
      if ((cmd === 'install_pack' || cmd === 'rollback_pack') && !unlocked)
        throw { code: 'locked', message: 'Cần nhập mã PIN quản trị trước khi làm việc này.' };
      return base(cmd, args);
    });
    const onchanged = vi.fn();
    show({ onchanged });
    await settle(20);
    await pick([1, 2, 3]);
    expect($('[data-testid="pack-pin"]')!.textContent).toContain(words.deskPinAsk);
    expect($('[data-testid="pack-error"]')).toBeNull();
    expect(onchanged).not.toHaveBeenCalled();
    const input = $<HTMLInputElement>('input[data-testid="pack-pin-input"]')!;
    expect(input.type).toBe('password');
    const enter = async (pin: string) => {
      input.value = pin;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      flushSync();
      $<HTMLButtonElement>('button[data-testid="pack-pin-submit"]')!.click();
      await settle(20);
    };
    await enter('000000');
    expect($('[data-testid="pack-pin-error"]')!.textContent).toBe(words.deskPinWrong);
    expect(input.value).toBe('');
    await enter('602214');
    expect($('[data-testid="pack-pin"]')).toBeNull();
    // The same bytes are installed once the PIN unlocked the shell.
    const installs = invoke.mock.calls.filter(([cmd]) => cmd === 'install_pack');
    expect(installs).toHaveLength(2);
    expect(Array.from(installs[1]![1] as Uint8Array)).toEqual([1, 2, 3]);
    expect(onchanged).toHaveBeenCalledOnce();
    expect($('[data-testid="pack-status"]')!.dataset.version).toBe('2');
  });

  it('is on the kiosk admin screen, in the kiosk language', async () => {
    const base = invoke.getMockImplementation()!;
    invoke.mockImplementation(async (cmd: string, args?: unknown) =>
      cmd === 'feedback_counts' ? { petitions: 0, petitions_not_exported: 0, ratings: 0 } : base(cmd, args),
    );
    component = mount(Admin, { target, props: { onclose: () => {}, onlocked: () => {} }, context: localeContext(new Locale('en')) });
    await settle(20);
    const admin = $('[data-testid="admin"]')!;
    expect(admin.querySelector('input[data-testid="pack-file"]')).not.toBeNull();
    expect(admin.querySelector('label.k-button')!.textContent).toContain('Update the handbook from a file…');
    expect(admin.querySelector('[data-testid="pack-status"]')!.textContent).toContain('The handbook shipped with the app');
  });
});
