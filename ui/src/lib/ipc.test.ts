import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const ipc = await import('./ipc');

describe('ipc', () => {
  beforeEach(() => invoke.mockReset());

  it('calls the commands with the argument names the Rust side expects', async () => {
    invoke.mockResolvedValue({ query: 'x', total: 0, took_us: 1, hits: [], ambiguous: false });
    const options = { limit: 20, prefix: true };
    await ipc.search('kết hôn', options);
    expect(invoke).toHaveBeenLastCalledWith('search', { query: 'kết hôn', options });
    await ipc.guide('1.000894');
    expect(invoke).toHaveBeenLastCalledWith('guide', { code: '1.000894' });
    await ipc.facets();
    expect(invoke).toHaveBeenLastCalledWith('facets', undefined);
    await ipc.contentInfo();
    expect(invoke).toHaveBeenLastCalledWith('content_info', undefined);
    await ipc.lifeEvents();
    expect(invoke).toHaveBeenLastCalledWith('life_events', undefined);
    await ipc.glossary();
    expect(invoke).toHaveBeenLastCalledWith('glossary', undefined);
    await ipc.locality();
    expect(invoke).toHaveBeenLastCalledWith('locality', undefined);
    await ipc.lookAlikes('1.000894');
    expect(invoke).toHaveBeenLastCalledWith('look_alikes', { code: '1.000894' });
    await ipc.entries(['1.000894', '1.000656']);
    expect(invoke).toHaveBeenLastCalledWith('entries', { codes: ['1.000894', '1.000656'] });
    await ipc.history();
    expect(invoke).toHaveBeenLastCalledWith('history', undefined);
    await ipc.addHistory('1.000894');
    expect(invoke).toHaveBeenLastCalledWith('add_history', { code: '1.000894' });
    await ipc.clearHistory();
    expect(invoke).toHaveBeenLastCalledWith('clear_history', undefined);
    await ipc.favourites();
    expect(invoke).toHaveBeenLastCalledWith('favourites', undefined);
    await ipc.toggleFavourite('1.000894');
    expect(invoke).toHaveBeenLastCalledWith('toggle_favourite', { code: '1.000894' });
  });

  it('passes the core errors through and wraps anything else', async () => {
    invoke.mockRejectedValueOnce({ code: 'unknown-code', message: 'no procedure with code 9' });
    await expect(ipc.guide('9')).rejects.toEqual({ code: 'unknown-code', message: 'no procedure with code 9' });
    invoke.mockRejectedValueOnce('Command guide not allowed by ACL');
    await expect(ipc.guide('9')).rejects.toEqual({ code: 'ipc', message: 'Command guide not allowed by ACL' });
    invoke.mockRejectedValueOnce(new Error('boom'));
    await expect(ipc.contentInfo()).rejects.toEqual({ code: 'ipc', message: 'boom' });
  });

  it('calls the kiosk commands with the argument names the Rust side expects', async () => {
    invoke.mockResolvedValue(null);
    await ipc.appMode();
    expect(invoke).toHaveBeenLastCalledWith('app_mode', undefined);
    await ipc.submitRating({ code: '1.000894', level: 3 });
    expect(invoke).toHaveBeenLastCalledWith('submit_rating', { rating: { code: '1.000894', level: 3 } });
    const petition = { kind: 'phan-anh' as const, name: 'A', address: 'B', phone: '0912345678', summary: 'C' };
    await ipc.checkPetition(petition);
    expect(invoke).toHaveBeenLastCalledWith('check_petition', { petition });
    await ipc.submitPetition(petition);
    expect(invoke).toHaveBeenLastCalledWith('submit_petition', { petition });
    await ipc.adminUnlock('1234');
    expect(invoke).toHaveBeenLastCalledWith('admin_unlock', { pin: '1234' });
    await ipc.adminLock();
    expect(invoke).toHaveBeenLastCalledWith('admin_lock', undefined);
    await ipc.feedbackCounts();
    expect(invoke).toHaveBeenLastCalledWith('feedback_counts', undefined);
    await ipc.exportFeedback(true);
    expect(invoke).toHaveBeenLastCalledWith('export_feedback', { purge: true });
    await ipc.exitKiosk();
    expect(invoke).toHaveBeenLastCalledWith('exit_kiosk', undefined);
  });

  it('keeps the field errors of an invalid petition', async () => {
    const fields = [{ field: 'phone', message: 'Số điện thoại không đúng.' }];
    invoke.mockRejectedValueOnce({ code: 'invalid', message: 'Thông tin chưa đúng', fields: [...fields, { field: 1 }] });
    await expect(ipc.submitPetition({ kind: 'kien-nghi', name: '', address: '', phone: '', summary: '' })).rejects.toEqual({
      code: 'invalid',
      message: 'Thông tin chưa đúng',
      fields,
    });
  });

  it('recognizes IpcError values', () => {
    expect(ipc.isIpcError({ code: 'io', message: 'x' })).toBe(true);
    expect(ipc.isIpcError({ code: 1, message: 'x' })).toBe(false);
    expect(ipc.isIpcError(null)).toBe(false);
    expect(ipc.isIpcError('x')).toBe(false);
  });
});
