// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { TypingTarget } from './keytarget';

function field(html: string): HTMLInputElement {
  document.body.insertAdjacentHTML('beforeend', html);
  return document.body.lastElementChild as HTMLInputElement;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TypingTarget', () => {
  it('types into the search field on the search screen, whatever has the focus', () => {
    const search = field('<input id="k-q" type="text" />');
    const other = field('<input type="text" />');
    other.focus();
    expect(new TypingTarget().pick(true, search)).toBe(search);
  });

  it('elsewhere types into the focused text field, else the one touched last', () => {
    const target = new TypingTarget();
    const a = field('<input type="text" name="a" />');
    const b = field('<textarea name="b"></textarea>');
    target.remember(a);
    b.focus();
    expect(target.pick(false, null)).toBe(b);
    b.blur();
    expect(target.pick(false, null)).toBe(a);
  });

  it('ignores a focused control that takes no text, and a remembered field no longer in the page', () => {
    const target = new TypingTarget();
    const gone = field('<input type="text" />');
    target.remember(gone);
    gone.remove();
    const box = field('<input type="checkbox" />');
    box.focus();
    expect(target.pick(false, null)).toBeNull();
  });

  it('falls back on the petition form’s first field, also after forgetting', () => {
    document.body.innerHTML = '<form class="k-petition"><input name="name" type="text" /><input name="phone" type="text" /></form>';
    const target = new TypingTarget();
    const phone = document.querySelector<HTMLInputElement>('[name="phone"]')!;
    target.remember(phone);
    target.forget();
    expect(target.pick(false, null)?.name).toBe('name');
  });
});
