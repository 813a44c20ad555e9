// @vitest-environment happy-dom
// Issue 15 on the guide view: a dated fee shows its end date, a superseded paper is struck through with
// its reason and has no checkbox, a superseded legal text is struck through.
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$ } from '../lib/dom.testing';
import { supersededGuide } from '../lib/fixtures';
import type { Guide } from '../lib/ipc';
import { localeContext } from '../lib/locale.svelte';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const GuideView = (await import('./GuideView.svelte')).default;

let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;

function guide(): Guide {
  const g = supersededGuide({
    channel: 'truc-tiep',
    time: '7 ngày làm việc',
    fee: '25.000 đồng',
    fee_valid_until: '2099-12-31',
    fee_then: '50.000 đồng',
  });
  g.legal_basis_superseded = [{ text: 'Nghị định số 158/2005/NĐ-CP', reason: 'Thay bằng Nghị định số 123/2015/NĐ-CP' }];
  return g;
}

function show(g: Guide) {
  const noop = () => {};
  component = mount(GuideView, {
    target,
    props: {
      guide: g,
      ticked: new Set<string>(),
      locality: null,
      matcher: null,
      related: [],
      lookAlikes: [],
      favourite: false,
      ontick: noop,
      onuntickall: noop,
      onopen: noop,
      onback: noop,
      onfavourite: noop,
      onprint: noop,
    },
    context: localeContext(),
  });
  flushSync();
}

beforeEach(() => {
  target = document.createElement('div');
  document.body.append(target);
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target.remove();
});

describe('GuideView', () => {
  it('shows a fee with its end date and the rate after', () => {
    show(guide());
    expect($('[data-testid="fee"]')?.textContent).toBe('25.000 đồng đến 31/12/2099; sau đó 50.000 đồng');
  });

  it('strikes a superseded paper through with its reason, without a checkbox', () => {
    show(guide());
    const item = $('[data-testid="doc-superseded"]');
    expect(item?.querySelector('del')?.textContent).toContain('Sổ hộ khẩu');
    expect(item?.textContent).toContain('Không còn dùng: Không còn giá trị từ 01/01/2023');
    expect(item?.querySelector('input')).toBeNull();
    expect($$('[data-testid="doc-check"]').map((el) => el.dataset.docId)).not.toContain('d9');
    expect($$('[data-testid="doc-check"]')).toHaveLength(4);
  });

  it('strikes a superseded legal text through with its reason', () => {
    show(guide());
    const law = $('[data-testid="law-superseded"]');
    expect(law?.querySelector('del')?.textContent).toBe('Nghị định số 158/2005/NĐ-CP');
    expect(law?.textContent).toContain('Thay bằng Nghị định số 123/2015/NĐ-CP');
  });
});
