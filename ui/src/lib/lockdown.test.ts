import { describe, expect, it } from 'vitest';
import { type KeyPress, blocked, zoomsWheel } from './lockdown';

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
