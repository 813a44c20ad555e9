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
  });

  it('passes the core errors through and wraps anything else', async () => {
    invoke.mockRejectedValueOnce({ code: 'unknown-code', message: 'no procedure with code 9' });
    await expect(ipc.guide('9')).rejects.toEqual({ code: 'unknown-code', message: 'no procedure with code 9' });
    invoke.mockRejectedValueOnce('Command guide not allowed by ACL');
    await expect(ipc.guide('9')).rejects.toEqual({ code: 'ipc', message: 'Command guide not allowed by ACL' });
    invoke.mockRejectedValueOnce(new Error('boom'));
    await expect(ipc.contentInfo()).rejects.toEqual({ code: 'ipc', message: 'boom' });
  });

  it('recognizes IpcError values', () => {
    expect(ipc.isIpcError({ code: 'io', message: 'x' })).toBe(true);
    expect(ipc.isIpcError({ code: 1, message: 'x' })).toBe(false);
    expect(ipc.isIpcError(null)).toBe(false);
    expect(ipc.isIpcError('x')).toBe(false);
  });
});
