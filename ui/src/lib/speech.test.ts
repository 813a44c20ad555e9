import { describe, expect, it } from 'vitest';
import type { SpeechEvent } from './ipc';
import { LOG_SIZE, type SpeechBackend, SpeechController, type SpeechView } from './speech';

/** A backend that records calls and lets the test send the shell's events. */
function fake() {
  const calls: string[] = [];
  let next = 0;
  let sink: ((e: SpeechEvent) => void) | null = null;
  let current: number | null = null;
  const backend: SpeechBackend = {
    async speak(text, lang, onEvent) {
      calls.push(`speak ${lang} ${text}`);
      sink = onEvent;
      current = ++next;
      onEvent({ kind: 'started', id: current, chars: text.length });
      return current;
    },
    async speakGuide(code, onEvent) {
      calls.push(`guide ${code}`);
      sink = onEvent;
      current = ++next;
      onEvent({ kind: 'started', id: current, chars: 100 });
      return current;
    },
    async stop() {
      calls.push('stop');
      const id = current;
      if (id !== null) sink?.({ kind: 'stopped', id });
      current = null;
      return id;
    },
  };
  const end = () => {
    const id = current;
    current = null;
    if (id !== null) sink?.({ kind: 'ended', id });
  };
  const fail = (message: string) => {
    const id = current;
    current = null;
    if (id !== null) sink?.({ kind: 'failed', id, message });
  };
  return { backend, calls, end, fail };
}

function controller() {
  const f = fake();
  const views: SpeechView[] = [];
  const c = new SpeechController(f.backend, (v) => views.push(v));
  return { ...f, c, views };
}

describe('SpeechController', () => {
  it('says nothing when the machine cannot speak', async () => {
    const { c, calls } = controller();
    c.configure(false, true);
    expect(c.view.on).toBe(false);
    await c.say('Xin chào', 'vi');
    await c.sayGuide('1.000894');
    c.toggle();
    expect(calls).toEqual([]);
    expect(c.view.on).toBe(false);
  });

  it('reads, shows the speaking state and logs the shell events until the end', async () => {
    const { c, calls, end } = controller();
    c.configure(true, false);
    await c.sayGuide('1.000894');
    expect(calls).toEqual(['guide 1.000894']);
    expect(c.view.speaking).toBe(true);
    expect(c.view.log).toEqual(['started:1']);
    end();
    expect(c.view.speaking).toBe(false);
    expect(c.view.log).toEqual(['started:1', 'ended:1']);
    await c.say('   ', 'vi');
    expect(calls).toHaveLength(1);
  });

  it('stops on request (navigation, the stop button), and asks nothing when silent', async () => {
    const { c, calls } = controller();
    c.configure(true, false);
    await c.stop();
    expect(calls).toEqual([]);
    await c.say('Trang đầu', 'vi');
    await c.stop();
    expect(calls).toEqual(['speak vi Trang đầu', 'stop']);
    expect(c.view.speaking).toBe(false);
    expect(c.view.log).toEqual(['started:1', 'stopped:1']);
  });

  it('echoes keys and ticks only with the citizen toggle on; the idle warning once speech was used', async () => {
    const { c, calls, end } = controller();
    c.configure(true, false);
    await c.echo('a', 'vi');
    await c.warn('Bạn còn dùng máy không?', 'vi');
    expect(calls).toEqual([]);
    c.toggle();
    expect(c.view.on).toBe(true);
    await c.echo('Dấu sắc', 'vi');
    end();
    expect(calls).toEqual(['speak vi Dấu sắc']);
    c.toggle();
    expect(c.view.on).toBe(false);
    await c.warn('Bạn còn dùng máy không?', 'vi');
    expect(calls.at(-1)).toBe('speak vi Bạn còn dùng máy không?');
  });

  it('the reset stops, empties the log and goes back to the office default', async () => {
    const { c, calls } = controller();
    c.configure(true, true);
    expect(c.view.on).toBe(true);
    c.toggle();
    await c.say('x', 'en');
    await c.reset();
    expect(calls).toEqual(['speak en x', 'stop']);
    expect(c.view).toMatchObject({ on: true, speaking: false, log: [], error: '' });
    await c.warn('warning', 'vi');
    expect(calls).toHaveLength(3);
  });

  it('shows a failure (no sound device) and keeps going', async () => {
    const { c, fail } = controller();
    c.configure(true, false);
    await c.say('Xin chào', 'vi');
    fail('aplay failed (exit status: 1): audio open error');
    expect(c.view.speaking).toBe(false);
    expect(c.view.error).toContain('audio open error');
    expect(c.view.log).toEqual(['started:1', 'failed:1']);
    await c.say('Lại', 'vi');
    expect(c.view.error).toBe('');
  });

  it('a refused call is an error, not a speaking state', async () => {
    const c = new SpeechController(
      {
        speak: () => Promise.reject({ code: 'speech', message: 'espeak-ng is not installed' }),
        speakGuide: () => Promise.reject(new Error('no')),
        stop: async () => null,
      },
      () => {},
    );
    c.configure(true, false);
    await c.say('Xin chào', 'vi');
    expect(c.view).toMatchObject({ speaking: false, error: 'espeak-ng is not installed' });
  });

  it('keeps the log short', async () => {
    const { c, end } = controller();
    c.configure(true, false);
    for (let i = 0; i < LOG_SIZE; i++) {
      await c.say(`${i}`, 'vi');
      end();
    }
    expect(c.view.log).toHaveLength(LOG_SIZE);
    expect(c.view.log.at(-1)).toBe(`ended:${LOG_SIZE}`);
  });
});

describe('SpeechController races', () => {
  it('a stop while the shell is starting an utterance stops it once started; a newer request does not', async () => {
    const calls: string[] = [];
    let release: (() => void) | null = null;
    const c = new SpeechController(
      {
        speak: (text) =>
          new Promise<number>((resolve) => {
            calls.push(`speak ${text}`);
            release = () => resolve(calls.length);
          }),
        speakGuide: async () => 0,
        stop: async () => {
          calls.push('stop');
          return null;
        },
      },
      () => {},
    );
    c.configure(true, false);
    const first = c.say('một', 'vi');
    await c.stop();
    (release as unknown as () => void)();
    await first;
    expect(calls).toEqual(['speak một', 'stop', 'stop']);
    expect(c.view.speaking).toBe(false);

    calls.length = 0;
    const a = c.say('a', 'vi');
    const releaseA = release as unknown as () => void;
    const b = c.say('b', 'vi');
    releaseA();
    (release as unknown as () => void)();
    await Promise.all([a, b]);
    expect(calls).toEqual(['speak a', 'speak b']);
  });
});
