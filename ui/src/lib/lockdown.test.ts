// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { type KeyPress, blocked, lockdown, zoomsWheel } from './lockdown';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  typing: false,
  ...mods,
});
const ctrl = (key: string, mods: Partial<KeyPress> = {}) => press(key, { ctrlKey: true, ...mods });

describe('kiosk key filter', () => {
  it.each([
    ['F5', press('F5')],
    ['Ctrl+R', ctrl('r')],
    ['Ctrl+Shift+R', ctrl('R', { shiftKey: true })],
    ['Ctrl+F', ctrl('f')],
    ['Ctrl+G', ctrl('g')],
    ['Ctrl+P', ctrl('p')],
    ['Ctrl+S', ctrl('s')],
    ['Ctrl+O', ctrl('o')],
    ['Ctrl+U', ctrl('u')],
    ['F12', press('F12')],
    ['Ctrl+Shift+I', ctrl('I', { shiftKey: true })],
    ['Ctrl+Shift+J', ctrl('J', { shiftKey: true })],
    ['Ctrl+Shift+C', ctrl('C', { shiftKey: true })],
    ['Ctrl+W', ctrl('w')],
    ['Ctrl+Q', ctrl('q')],
    ['Ctrl++', ctrl('+', { shiftKey: true })],
    ['Ctrl+=', ctrl('=')],
    ['Ctrl+-', ctrl('-')],
    ['Ctrl+0', ctrl('0')],
    ['F11', press('F11')],
    ['F3', press('F3')],
    ['F7', press('F7')],
    ['Alt+Left', press('ArrowLeft', { altKey: true })],
    ['Alt+Right', press('ArrowRight', { altKey: true })],
    ['Backspace outside a field', press('Backspace')],
    ['⌘R', press('r', { metaKey: true })],
    ['Ctrl+N', ctrl('n')],
    ['BrowserBack', press('BrowserBack')],
  ])('blocks %s', (_name, e) => {
    expect(blocked(e)).toBe(true);
  });

  it.each([
    ['a letter', press('a')],
    ['a letter while typing', press('d', { typing: true })],
    ['Backspace in a field', press('Backspace', { typing: true })],
    ['Ctrl+A', ctrl('a', { typing: true })],
    ['Ctrl+C', ctrl('c', { typing: true })],
    ['Ctrl+V', ctrl('v', { typing: true })],
    ['Ctrl+X', ctrl('x', { typing: true })],
    ['Ctrl+Z', ctrl('z', { typing: true })],
    ['Enter', press('Enter')],
    ['Escape', press('Escape')],
    ['Tab', press('Tab')],
    ['Shift+Tab', press('Tab', { shiftKey: true })],
    ['ArrowLeft', press('ArrowLeft', { typing: true })],
    ['a digit', press('0')],
    ['a plus sign', press('+', { shiftKey: true })],
  ])('lets %s through', (_name, e) => {
    expect(blocked(e)).toBe(false);
  });

  it('blocks zooming with the wheel', () => {
    expect(zoomsWheel({ ctrlKey: true, metaKey: false })).toBe(true);
    expect(zoomsWheel({ ctrlKey: false, metaKey: false })).toBe(false);
  });
});

describe('use:lockdown', () => {
  /** Dispatches a cancelable event on the page and tells whether something prevented its default. */
  const prevented = (event: Event) => {
    document.body.dispatchEvent(event);
    return event.defaultPrevented;
  };
  const keydown = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  /** A wheel event (happy-dom's WheelEvent ignores the modifier keys of its init, so `ctrlKey` is set here). */
  const wheel = (ctrlKey: boolean) =>
    Object.defineProperty(new WheelEvent('wheel', { bubbles: true, cancelable: true }), 'ctrlKey', { value: ctrlKey });

  it('swallows blocked keys and hands the others to onkey', () => {
    const onkey = vi.fn();
    const action = lockdown(document.body, { onkey });
    expect(prevented(keydown({ key: 'F5' }))).toBe(true);
    expect(prevented(keydown({ key: 'r', ctrlKey: true }))).toBe(true);
    expect(onkey).not.toHaveBeenCalled();
    expect(prevented(keydown({ key: 'a' }))).toBe(false);
    expect(onkey).toHaveBeenCalledOnce();
    expect((onkey.mock.calls[0]![0] as KeyboardEvent).key).toBe('a');
    action.destroy?.();
  });

  it('swallows the context menu, dragging and wheel zoom, but not scrolling', () => {
    const action = lockdown(document.body);
    expect(prevented(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(true);
    expect(prevented(new Event('dragstart', { bubbles: true, cancelable: true }))).toBe(true);
    expect(prevented(wheel(true))).toBe(true);
    expect(prevented(wheel(false))).toBe(false);
    action.destroy?.();
  });

  it('lets everything through once destroyed', () => {
    const action = lockdown(document.body);
    action.destroy?.();
    expect(prevented(keydown({ key: 'F5' }))).toBe(false);
    expect(prevented(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }))).toBe(false);
  });
});
