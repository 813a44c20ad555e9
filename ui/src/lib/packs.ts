// The view logic of handbook updates (the About panel and the kiosk admin screen): what to say about the
// handbook in use, the list of changed guides, and a refused pack's reason in plain Vietnamese.

import type { Changes, Entry, IpcError, PackStatus } from './ipc';

/** Most guides listed per kind of change; the rest are counted. */
export const MAX_LISTED = 30;

/** The kinds of change, in the order shown. */
export const CHANGE_KINDS = ['added', 'changed', 'removed'] as const;

/** A kind of change. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One guide of a change list: its title when the handbook in use has it (a removed guide has none). */
export interface ChangedGuide {
  code: string;
  title: string | null;
}

/** The guides of one kind of change, as listed. */
export interface ChangeGroup {
  kind: ChangeKind;
  guides: ChangedGuide[];
  /** How many more there are beyond the ones listed. */
  more: number;
}

/** Every code a change list names (to look their titles up). */
export function changedCodes(changes: Changes, max = MAX_LISTED): string[] {
  return CHANGE_KINDS.flatMap((kind) => changes[kind].slice(0, max));
}

/** The non-empty groups of `changes`, each guide with its title from `titles` when known. */
export function changeGroups(changes: Changes, titles: readonly Entry[], max = MAX_LISTED): ChangeGroup[] {
  const byCode = new Map(titles.map((e) => [e.code, e.title]));
  return CHANGE_KINDS.filter((kind) => changes[kind].length > 0).map((kind) => ({
    kind,
    guides: changes[kind].slice(0, max).map((code) => ({ code, title: byCode.get(code) ?? null })),
    more: Math.max(0, changes[kind].length - max),
  }));
}

/** Whether a rollback can be offered. */
export function canRollBack(status: PackStatus | null): boolean {
  return status?.source === 'pack' && status.previous !== null;
}

/** The core's reason without its English "pack rejected: " prefix. */
export function coreReason(message: string): string {
  return message.replace(/^pack rejected:\s*/i, '').trim();
}

/** What a refused pack means, in plain words, from the core's reason (`null` when no rule fits). */
export function rejectGist(reason: string): string | null {
  const r = reason.toLowerCase();
  if (r.includes('not newer than the installed version')) return 'Gói này không mới hơn gói đang dùng (chỉ có thể quay lại bằng nút “Quay lại bản trước”).';
  if (r.includes('trusted_keys') || r.includes('no trusted public key')) return 'Máy này chưa được cấu hình khóa tin cậy để nhận gói cập nhật.';
  if (r.includes('not a trusted key') || r.includes('does not verify') || r.includes('minisig')) return 'Gói không mang chữ ký hợp lệ của cơ quan biên soạn.';
  if (r.includes('larger than') || r.includes('expand') || r.includes('limit')) return 'Tệp quá lớn so với giới hạn của một gói cập nhật.';
  if (r.includes('sha256') || r.includes('truncated') || r.includes('damaged') || r.includes('missing') || r.includes('not listed') || r.includes('archive')) return 'Tệp gói đã bị hỏng hoặc bị sửa đổi.';
  if (r.includes('pack entry') || r.includes('link') || r.includes('path')) return 'Gói chứa tệp không an toàn.';
  return null;
}

/** Words for messages about packs (the `packs` part of the dictionary). */
export interface PackMessageWords {
  rejected: (gist: string | null, reason: string) => string;
  locked: string;
  failed: (reason: string) => string;
}

/** The message to show for a failed install or rollback. */
export function packErrorMessage(error: IpcError, words: PackMessageWords): string {
  switch (error.code) {
    case 'pack-rejected': {
      const reason = coreReason(error.message);
      return words.rejected(rejectGist(reason), reason);
    }
    case 'locked':
      return words.locked;
    default:
      return words.failed(error.message);
  }
}

/** The bytes of a file the user picked. */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
