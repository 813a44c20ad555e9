import { describe, expect, it } from 'vitest';
import { foreignMarriageGuide, marriageGuide } from './fixtures';
import { GuideLoader } from './guideloader';
import type { Guide } from './ipc';

/** A fetch whose replies the test releases one by one, in any order. */
function controlledFetch() {
  const pending = new Map<string, { resolve: (g: Guide) => void; reject: (e: unknown) => void }>();
  const fetch = (code: string) =>
    new Promise<Guide>((resolve, reject) => {
      pending.set(code, { resolve, reject });
    });
  const reply = (code: string, guide: Guide) => pending.get(code)!.resolve(guide);
  const fail = (code: string, error: unknown) => pending.get(code)!.reject(error);
  return { fetch, reply, fail };
}

const marriage = marriageGuide();
const foreign = foreignMarriageGuide();

describe('GuideLoader', () => {
  it('gives the guide of a request that is still the newest', async () => {
    const shell = controlledFetch();
    const loader = new GuideLoader(shell.fetch);
    const first = loader.load(marriage.code);
    shell.reply(marriage.code, marriage);
    await expect(first).resolves.toBe(marriage);
  });

  it('drops a reply that arrives after a newer request, even when it comes last', async () => {
    const shell = controlledFetch();
    const loader = new GuideLoader(shell.fetch);
    const older = loader.load(marriage.code);
    const newer = loader.load(foreign.code);
    shell.reply(foreign.code, foreign);
    await expect(newer).resolves.toBe(foreign);
    shell.reply(marriage.code, marriage);
    await expect(older).resolves.toBeNull();
  });

  it('drops an older reply that arrives first, while the newer one is pending', async () => {
    const shell = controlledFetch();
    const loader = new GuideLoader(shell.fetch);
    const older = loader.load(marriage.code);
    const newer = loader.load(foreign.code);
    shell.reply(marriage.code, marriage);
    await expect(older).resolves.toBeNull();
    shell.reply(foreign.code, foreign);
    await expect(newer).resolves.toBe(foreign);
  });

  it('reports the failure of the newest request, not of a stale one', async () => {
    const shell = controlledFetch();
    const loader = new GuideLoader(shell.fetch);
    const older = loader.load(marriage.code);
    const newer = loader.load(foreign.code);
    shell.fail(marriage.code, { code: 'unknown-code', message: 'old' });
    await expect(older).resolves.toBeNull();
    shell.fail(foreign.code, { code: 'unknown-code', message: 'new' });
    await expect(newer).rejects.toEqual({ code: 'unknown-code', message: 'new' });
  });

  it('drops every reply in flight after cancel (going home)', async () => {
    const shell = controlledFetch();
    const loader = new GuideLoader(shell.fetch);
    const pending = loader.load(marriage.code);
    loader.cancel();
    shell.reply(marriage.code, marriage);
    await expect(pending).resolves.toBeNull();
    const next = loader.load(foreign.code);
    shell.reply(foreign.code, foreign);
    await expect(next).resolves.toBe(foreign);
  });
});
