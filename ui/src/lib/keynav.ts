// Keyboard handling of the search screen, as pure functions of the key and the state.

/** The active result after a key press, or `null` when the key does not move it. `-1` means none (focus
 * stays on the search field). ↓ goes down and stops at the last result; ↑ goes up and, from the first,
 * back to none. */
export function moveActive(active: number, count: number, key: string): number | null {
  if (count <= 0) return key === 'ArrowDown' || key === 'ArrowUp' ? -1 : null;
  const current = Math.min(Math.max(active, -1), count - 1);
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, -1);
    default:
      return null;
  }
}

/** What a key press asks of the app as a whole. */
export type Shortcut = 'focus-search' | null;

/** The parts of a KeyboardEvent the shortcuts look at. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Whether focus is in a field that takes text (then `/` is typed, not a shortcut). */
  typing: boolean;
}

/** `/` (outside text fields) and Ctrl+K / ⌘K (anywhere) focus the search field. */
export function shortcut(e: KeyLike): Shortcut {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return 'focus-search';
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.typing) return 'focus-search';
  return null;
}

/** Whether an element takes typed text (inputs other than buttons and boxes, text areas, selects,
 * editable content). */
export function takesText(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}
