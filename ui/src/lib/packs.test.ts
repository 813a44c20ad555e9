import { describe, expect, it } from 'vitest';
import { dict } from './i18n';
import type { PackStatus } from './ipc';
import { canRollBack, changeGroups, changedCodes, coreReason, fileBytes, packErrorMessage, rejectGist } from './packs';

const words = dict('vi').packs;
const info = (version: number) => ({ version, date: '2026-11-28', guides: 2, files: 3, name: 'Sổ tay' });

describe('change lists', () => {
  const changes = { added: ['4', '5', '6'], changed: ['2'], removed: ['3'] };

  it('groups by kind, with titles where the handbook has them', () => {
    const groups = changeGroups(changes, [
      { code: '2', title: 'Đăng ký kết hôn', field: 'Hộ tịch' },
      { code: '4', title: 'Đăng ký khai sinh', field: 'Hộ tịch' },
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['added', 'changed', 'removed']);
    expect(groups[0]!.guides).toEqual([
      { code: '4', title: 'Đăng ký khai sinh' },
      { code: '5', title: null },
      { code: '6', title: null },
    ]);
    expect(groups[1]!.guides).toEqual([{ code: '2', title: 'Đăng ký kết hôn' }]);
    expect(groups[2]!.guides).toEqual([{ code: '3', title: null }]);
  });

  it('leaves empty kinds out and counts what is beyond the cap', () => {
    const groups = changeGroups({ added: ['a', 'b', 'c'], changed: [], removed: [] }, [], 2);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.guides.map((g) => g.code)).toEqual(['a', 'b']);
    expect(groups[0]!.more).toBe(1);
    expect(changeGroups({ added: [], changed: [], removed: [] }, [])).toEqual([]);
  });

  it('looks up the listed codes only', () => {
    expect(changedCodes(changes, 2)).toEqual(['4', '5', '2', '3']);
  });
});

describe('rollback', () => {
  const base: PackStatus = { source: 'pack', note: null, pack: info(2), previous: info(1), changes: null };

  it('is offered only with an installed pack and a previous one', () => {
    expect(canRollBack(base)).toBe(true);
    expect(canRollBack({ ...base, previous: null })).toBe(false);
    expect(canRollBack({ ...base, source: 'embedded', pack: null })).toBe(false);
    expect(canRollBack(null)).toBe(false);
  });
});

describe('messages', () => {
  it('says a refused pack is refused, why in plain words, and the core reason', () => {
    const m = packErrorMessage(
      { code: 'pack-rejected', message: 'pack rejected: pack entry `content/a.md` does not match its sha256 in the manifest (damaged or altered)' },
      words,
    );
    expect(m).toContain('Gói cập nhật bị từ chối; sổ tay đang dùng vẫn giữ nguyên.');
    expect(m).toContain('Tệp gói đã bị hỏng hoặc bị sửa đổi.');
    expect(m).toContain('Lý do: pack entry `content/a.md` does not match');
    expect(m).not.toContain('pack rejected:');
  });

  it('tells the usual reasons apart', () => {
    expect(rejectGist('pack version 1 is not newer than the installed version 2; only `pack rollback` goes back')).toContain('không mới hơn');
    expect(rejectGist('signed by key 0123, which is not a trusted key (trusted: 4567)')).toContain('chữ ký');
    expect(rejectGist('the signature of manifest.toml does not verify: bad')).toContain('chữ ký');
    expect(rejectGist('something nobody foresaw')).toBeNull();
    expect(packErrorMessage({ code: 'pack-rejected', message: 'pack rejected: something nobody foresaw' }, words)).toBe(
      'Gói cập nhật bị từ chối; sổ tay đang dùng vẫn giữ nguyên. Lý do: something nobody foresaw',
    );
  });

  it('has words for a locked admin screen and other failures', () => {
    expect(packErrorMessage({ code: 'locked', message: 'x' }, words)).toBe(words.locked);
    expect(packErrorMessage({ code: 'pack', message: 'there is no previous pack' }, words)).toBe('Không thực hiện được: there is no previous pack');
    expect(coreReason('Pack rejected:   why ')).toBe('why');
  });
});

it('reads the bytes of a picked file', async () => {
  const bytes = await fileBytes(new Blob([new Uint8Array([1, 2, 255])]));
  expect(Array.from(bytes)).toEqual([1, 2, 255]);
});
