import { describe, expect, it, vi } from 'vitest';
import type { FieldError, PetitionInput } from './ipc';
import { samplePetitionErrors } from './fixtures';
import { type PetitionView, PetitionFlow, emptyDraft, errorsByField, shownErrors, toInput } from './petition';

function setup(procedureCode = '') {
  const api = {
    check: vi.fn(async (p: PetitionInput) => samplePetitionErrors(p)),
    submit: vi.fn(async (p: PetitionInput): Promise<number> => {
      const errors = samplePetitionErrors(p);
      if (errors.length) throw { code: 'invalid', message: 'Thông tin chưa đúng.', fields: errors };
      return 42;
    }),
  };
  const views: PetitionView[] = [];
  const flow = new PetitionFlow(api, (v) => views.push(v), procedureCode);
  const last = () => views.at(-1) ?? flow.view;
  return { api, flow, last };
}

async function fill(flow: PetitionFlow) {
  await flow.edit('name', 'Nguyễn Văn An');
  await flow.edit('address', 'Số 1 đường Mẫu, phường Mẫu');
  await flow.edit('phone', '0912345678');
  await flow.edit('summary', 'Đề nghị niêm yết rõ lệ phí.');
}

describe('petition helpers', () => {
  it('turns blank optional fields into null', () => {
    expect(toInput({ ...emptyDraft(), email: '  ', procedure_code: '' })).toMatchObject({ email: null, procedure_code: null });
    expect(toInput({ ...emptyDraft('1.000894'), email: 'a@b.vn' })).toMatchObject({ email: 'a@b.vn', procedure_code: '1.000894' });
    expect(emptyDraft().kind).toBe('kien-nghi');
  });

  it('groups messages by field and shows only the ones the citizen has reached', () => {
    const errors = [
      { field: 'phone', message: 'Sai.' },
      { field: 'phone', message: 'Quá ngắn.' },
      { field: 'name', message: 'Thiếu.' },
    ];
    expect(errorsByField(errors)).toEqual({ phone: 'Sai. Quá ngắn.', name: 'Thiếu.' });
    expect(shownErrors(errors, new Set(['name']), false)).toEqual({ name: 'Thiếu.' });
    expect(shownErrors(errors, new Set(), true)).toEqual({ phone: 'Sai. Quá ngắn.', name: 'Thiếu.' });
  });
});

describe('PetitionFlow', () => {
  it('shows the core’s message for a field once the citizen leaves it, and clears it once fixed', async () => {
    const { api, flow, last } = setup();
    await flow.edit('phone', '12');
    expect(last().errors).toEqual({});
    await flow.leave('phone');
    expect(api.check).toHaveBeenCalledTimes(1);
    expect(last().errors).toEqual({ phone: 'Số điện thoại chưa đúng.' });
    await flow.edit('phone', '0912345678');
    expect(last().errors).toEqual({});
  });

  it('shows every message when sending an incomplete form, and stores nothing', async () => {
    const { api, flow, last } = setup();
    await flow.edit('name', 'An');
    expect(await flow.submit()).toBe(false);
    expect(api.submit).not.toHaveBeenCalled();
    expect(Object.keys(last().errors).sort()).toEqual(['address', 'phone', 'summary']);
    expect(last().sending).toBe(false);
    expect(last().draft.name).toBe('An');
  });

  it('sends a valid petition, then empties the form and says it was received', async () => {
    const { api, flow, last } = setup('1.000894');
    await fill(flow);
    await flow.edit('email', '');
    expect(await flow.submit()).toBe(true);
    expect(api.submit).toHaveBeenCalledWith({
      kind: 'kien-nghi',
      name: 'Nguyễn Văn An',
      address: 'Số 1 đường Mẫu, phường Mẫu',
      phone: '0912345678',
      email: null,
      procedure_code: '1.000894',
      summary: 'Đề nghị niêm yết rõ lệ phí.',
    });
    expect(last().done).toBe(42);
    expect(last().draft).toEqual(emptyDraft());
    expect(last().errors).toEqual({});
    // The focus leaving the emptied form does not bring messages back.
    await flow.leave('name');
    expect(last().errors).toEqual({});
    expect(api.check).toHaveBeenCalledTimes(1);
    // Editing again starts a new petition: the notice goes.
    await flow.edit('name', 'B');
    expect(last().done).toBeNull();
  });

  it('shows the field errors the core returns when storing', async () => {
    const { api, flow, last } = setup();
    await fill(flow);
    api.submit.mockRejectedValueOnce({ code: 'invalid', message: 'x', fields: [{ field: 'summary', message: 'Nội dung quá dài.' }] });
    expect(await flow.submit()).toBe(false);
    expect(last().errors).toEqual({ summary: 'Nội dung quá dài.' });
    expect(last().draft.name).toBe('Nguyễn Văn An');
  });

  it('reports a failure that is not about a field and keeps the draft', async () => {
    const { api, flow, last } = setup();
    await fill(flow);
    api.submit.mockRejectedValueOnce({ code: 'io', message: 'disk full' });
    expect(await flow.submit()).toBe(false);
    expect(last().failure).toEqual({ code: 'io', message: 'disk full' });
    expect(last().draft.phone).toBe('0912345678');
  });

  it('says when a check is on its way, and when "send" was pressed', async () => {
    const { api, flow, last } = setup();
    let answer: (e: FieldError[]) => void = () => {};
    api.check.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const pending = flow.leave('phone');
    expect(last().checking).toBe(true);
    answer([{ field: 'phone', message: 'Số điện thoại chưa đúng.' }]);
    await pending;
    expect(last().checking).toBe(false);
    expect(last().attempted).toBe(false);
    await flow.submit();
    expect(last().attempted).toBe(true);
    flow.reset();
    expect(last().attempted).toBe(false);
  });

  it('does not let a field left while sending make the send’s answer stale', async () => {
    const { api, flow, last } = setup();
    await fill(flow);
    let answer: (e: FieldError[]) => void = () => {};
    api.check.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const sending = flow.submit();
    await flow.leave('summary');
    answer([]);
    expect(await sending).toBe(true);
    expect(api.submit).toHaveBeenCalledTimes(1);
    expect(last().done).toBe(42);
    expect(last().checking).toBe(false);
  });

  it('forgets everything on reset, and ignores a check answered after it', async () => {
    const { api, flow, last } = setup();
    await flow.edit('name', 'Nguyễn Văn An');
    let answer: (e: FieldError[]) => void = () => {};
    api.check.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    const pending = flow.leave('name');
    flow.reset();
    answer([{ field: 'name', message: 'late' }]);
    await pending;
    expect(last().draft).toEqual(emptyDraft());
    expect(last().errors).toEqual({});
    expect(last().done).toBeNull();
  });
});
