// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { moveActive, shortcut, takesText } from './keynav';

const key = (k: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; typing: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  typing: false,
  ...extra,
});

describe('keyboard navigation', () => {
  it('moves down from the field through the results and stops at the last', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowDown')).toBe(1);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(2);
  });

  it('moves up and back to the field', () => {
    expect(moveActive(2, 3, 'ArrowUp')).toBe(1);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(-1);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(-1);
  });

  it('copes with no results and stale indexes, and ignores other keys', () => {
    expect(moveActive(-1, 0, 'ArrowDown')).toBe(-1);
    expect(moveActive(7, 3, 'ArrowUp')).toBe(1);
    expect(moveActive(0, 3, 'Enter')).toBeNull();
    expect(moveActive(0, 0, 'a')).toBeNull();
  });

  it('focuses search with / outside text fields and with Ctrl+K anywhere', () => {
    expect(shortcut(key('/'))).toBe('focus-search');
    expect(shortcut(key('/', { typing: true }))).toBeNull();
    expect(shortcut(key('k', { ctrlKey: true, typing: true }))).toBe('focus-search');
    expect(shortcut(key('K', { metaKey: true }))).toBe('focus-search');
    expect(shortcut(key('k'))).toBeNull();
    expect(shortcut(key('k', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('knows which elements take text', () => {
    const el = (html: string) => {
      document.body.innerHTML = html;
      return document.body.firstElementChild;
    };
    expect(takesText(el('<input type="search">'))).toBe(true);
    expect(takesText(el('<input>'))).toBe(true);
    expect(takesText(el('<textarea></textarea>'))).toBe(true);
    expect(takesText(el('<select></select>'))).toBe(true);
    expect(takesText(el('<input type="checkbox">'))).toBe(false);
    expect(takesText(el('<button></button>'))).toBe(false);
    expect(takesText(null)).toBe(false);
  });
});
