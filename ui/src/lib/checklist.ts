// The documents checklist: which papers the clerk has ticked as seen, and what is still missing.

import type { DocumentGroup, DocumentItem, GroupKind } from './ipc';
import { formatQuantity } from './format';

/** A group of the checklist with only some of its papers. */
export interface ChecklistGroup {
  kind: GroupKind;
  title: string;
  items: DocumentItem[];
}

/** The checklist cut in two: papers not ticked yet, and papers ticked. Groups keep their order; empty
 * groups are left out. */
export interface ChecklistSplit {
  missing: ChecklistGroup[];
  seen: ChecklistGroup[];
}

/** Splits a guide's documents by the ticked ids. A superseded paper is neither missing nor seen: it is
 * not asked for. */
export function splitChecklist(documents: readonly DocumentGroup[], ticked: ReadonlySet<string>): ChecklistSplit {
  const missing: ChecklistGroup[] = [];
  const seen: ChecklistGroup[] = [];
  for (const group of documents) {
    const current = group.items.filter((item) => !item.superseded);
    const have = current.filter((item) => ticked.has(item.id));
    const lack = current.filter((item) => !ticked.has(item.id));
    if (lack.length) missing.push({ kind: group.kind, title: group.title, items: lack });
    if (have.length) seen.push({ kind: group.kind, title: group.title, items: have });
  }
  return { missing, seen };
}

/** How many papers the groups ask for (superseded ones are not asked for). */
export function countItems(groups: readonly { items: readonly { superseded?: string }[] }[]): number {
  return groups.reduce((n, g) => n + g.items.filter((item) => !item.superseded).length, 0);
}

/** How many papers asked for by the groups are ticked. */
export function countTicked(
  groups: readonly { items: readonly { id: string; superseded?: string }[] }[],
  ticked: ReadonlySet<string>,
): number {
  return groups.reduce((n, g) => n + g.items.filter((item) => !item.superseded && ticked.has(item.id)).length, 0);
}

/** A new set with `id` added, or removed when it was there. */
export function toggled(ticked: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(ticked);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The ticked ids that are papers of these documents (ids of another guide are dropped). */
export function keepKnown(documents: readonly DocumentGroup[], ticked: ReadonlySet<string>): Set<string> {
  const ids = new Set(documents.flatMap((g) => g.items.map((i) => i.id)));
  return new Set([...ticked].filter((id) => ids.has(id)));
}

/** A paper as one line of text: "Tờ khai đăng ký kết hôn (1 bản chính)". */
export function documentLine(item: DocumentItem): string {
  return item.quantity ? `${item.text} (${formatQuantity(item.quantity)})` : item.text;
}
